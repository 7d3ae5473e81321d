#!/usr/bin/python3
"""A timeline of the default job, JVM start to exit: when each line of `bigru train` appears, and the JIT's work.

usage (the machine should be quiet):
  /usr/bin/python3 bench/scripts/timeline.py [--runs 5] [--bigru LABEL=LAUNCHER[:JAVA_HOME] ...] [--out FILE]

Each run is `LAUNCHER train` in a fresh empty folder (the launchers interleaved, run after run), its standard
output read line by line as it comes, each line stamped with the seconds since the process was started. The
milestones are the lines bigru prints: the data read (`data:`), the model built (`split:`), the end of the
first, second and last epochs, the test metrics, the files written (`Training:`, the last line), and the
process's exit. Then one more run per launcher with BIGRU_JAVA_OPTS=-XX:+CITime, for the JIT's compile time
(C1, C2, on-stack replacement): CPU time the compiler threads take from the training on 2 cores. Prints and
writes (--out) a Markdown table of the medians; --bigru defaults to this checkout's ./bigru.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MILESTONES = [
    ("first line (JVM up, command parsed)", lambda i, line: i == 0),
    ("data read (`data:`)", lambda i, line: line.startswith("data:")),
    ("model built (`split:`)", lambda i, line: line.startswith("split:")),
    ("epoch 1 done", lambda i, line: line.startswith("epoch 1/")),
    ("epoch 2 done", lambda i, line: line.startswith("epoch 2/")),
    ("last epoch done", lambda i, line: re.match(r"epoch (\d+)/\1\s", line) is not None),
    ("test metrics", lambda i, line: line.startswith("Test metrics")),
    ("model and plots written (last line)", lambda i, line: line.startswith("Training:")),
]
CI_TIME = {
    "JIT total (CPU s)": re.compile(r"^\s*Total compilation time\s*:\s*([\d.]+) s"),
    "C1 (CPU s)": re.compile(r"^\s*C1 Compile Time:\s*([\d.]+) s"),
    "C2 (CPU s)": re.compile(r"^\s*C2 Compile Time:\s*([\d.]+) s"),
    "on-stack replacement (CPU s)": re.compile(r"^\s*On stack replacement\s*:\s*([\d.]+) s"),
}


def parse_bigru(spec):
    label, _, rest = spec.partition("=")
    launcher, _, home = rest.partition(":")
    if not label or not launcher or not os.access(launcher, os.X_OK):
        sys.exit(f"--bigru {spec}: expected LABEL=LAUNCHER[:JAVA_HOME], an executable launcher")
    return label, os.path.abspath(launcher), home


def timed_run(launcher, java_home, extra_env):
    """Runs `launcher train` in a new folder: [(seconds, line)] of its output, and its exit in seconds."""
    env = dict(os.environ, **extra_env)
    if java_home:
        env["JAVA_HOME"] = java_home
    with tempfile.TemporaryDirectory(prefix="bigru-timeline.") as folder:
        start = time.perf_counter()
        process = subprocess.Popen([launcher, "train"], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)
        lines = [(time.perf_counter() - start, line.rstrip("\n")) for line in process.stdout]
        process.wait()
        end = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"{launcher} train exited with {process.returncode}")
    return lines, end


def milestones(lines, end):
    found = {}
    for i, (t, line) in enumerate(lines):
        for name, matches in MILESTONES:
            if name not in found and matches(i, line):
                found[name] = t
    found["process exit"] = end
    return found


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--bigru", action="append", default=[])
    p.add_argument("--out")
    a = p.parse_args()
    bigrus = [parse_bigru(s) for s in a.bigru] or [("bigru", os.path.join(ROOT, "bigru"), "")]
    for _, launcher, home in bigrus:
        timed_run(launcher, home, {})  # builds the jar or the AOT cache if needed, warms the file cache
    times = {label: [] for label, _, _ in bigrus}
    for r in range(a.runs):
        for label, launcher, home in bigrus:
            times[label].append(milestones(*timed_run(launcher, home, {})))
            print(f"run {r + 1}/{a.runs} {label}: exit at {times[label][-1]['process exit']:.2f} s", flush=True)
    jit = {}
    for label, launcher, home in bigrus:
        lines, _ = timed_run(launcher, home, {"BIGRU_JAVA_OPTS": "-XX:+CITime"})
        jit[label] = {name: float(m.group(1)) for _, line in lines for name, pattern in CI_TIME.items()
                      for m in [pattern.match(line)] if m}
    labels = [label for label, _, _ in bigrus]
    rows = [f"| seconds since the process started (median of {a.runs}) | " + " | ".join(labels) + " |",
            "|---|" + "---|" * len(labels)]
    for name in [n for n, _ in MILESTONES] + ["process exit"]:
        cells = []
        for label in labels:
            values = [run[name] for run in times[label] if name in run]
            cells.append(f"{statistics.median(values):.2f}" if values else "n/a")
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    for name in CI_TIME:
        rows.append(f"| {name}, one run with -XX:+CITime | "
                    + " | ".join(f"{jit[label][name]:.2f}" if name in jit[label] else "n/a" for label in labels) + " |")
    table = "\n".join(rows)
    print(table)
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            command = " ".join(["/usr/bin/python3 bench/scripts/timeline.py"] + sys.argv[1:])
            f.write(f"Command: {command}\n\n{table}\n")


if __name__ == "__main__":
    main()
