#!/usr/bin/python3
"""Two or more bigru jars side by side: `bench` of each, interleaved, medians compared (a speed A/B of commits).

usage (from anywhere):
  /usr/bin/python3 bench/scripts/compare_jars.py --jar before=old.jar --jar after=new.jar [--cell gru|lstm]
      [--rounds 3] [--seconds 2] [--configs S,M,L] [--threads 2]

Each round runs every cell (configuration x mode x threads) once per jar, in the order given, so all jars see
the same machine load; the warm-up per configuration is the torch comparison's (S 4 s, M 10 s, L 20 s), for the
JIT. Prints a table of median ms per step per jar and each jar's ratio to the first (below 1: faster), and,
with --json FILE, every run.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

from compare_torch import BIGRU_WARMUP as WARMUP, CONFIGS, JDK25  # the benchmark configurations, defined once


def run(jar, cell, name, mode, threads, seconds):
    shape = CONFIGS[name]
    cmd = [os.path.join(JDK25, "bin", "java"), "--add-modules=jdk.incubator.vector", "-jar", jar, "bench",
           "--batch", str(shape["batch"]), "--seq-len", str(shape["seq_len"]), "--features", str(shape["features"]),
           "--units", str(shape["units"]), "--mode", mode, "--threads", str(threads), "--seconds", str(seconds),
           "--warmup", str(WARMUP[name]), "--json"]
    if cell != "gru":
        cmd[7:7] = ["--cell", cell]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--jar", action="append", required=True, help="label=path, two or more")
    p.add_argument("--cell", default="gru", choices=["gru", "lstm"])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--configs", default="S,M,L")
    p.add_argument("--threads", default="1,2")
    p.add_argument("--json")
    a = p.parse_args()
    jars = [j.split("=", 1) for j in a.jar]
    cells = [(name, mode, int(t)) for name in a.configs.split(",") for mode in ("train", "infer")
             for t in a.threads.split(",")]
    runs = {}
    for rnd in range(a.rounds):
        for name, mode, threads in cells:
            for label, path in jars:
                r = run(path, a.cell, name, mode, threads, a.seconds)
                runs.setdefault(f"{label}|{name}|{mode}|{threads}", []).append(r)
                print(f"round {rnd + 1}/{a.rounds} {label:10} {name} {mode:5} {threads}t: {r['ms_per_step']:.3f} ms/step",
                      file=sys.stderr, flush=True)
    header = "| config | mode | threads | " + " | ".join(f"{label} ms" for label, _ in jars) + " | " + \
        " | ".join(f"{label}/{jars[0][0]}" for label, _ in jars[1:]) + " |"
    print(header)
    print("|" + "---|" * (3 + 2 * len(jars) - 1))
    for name, mode, threads in cells:
        ms = [statistics.median(r["ms_per_step"] for r in runs[f"{label}|{name}|{mode}|{threads}"])
              for label, _ in jars]
        print(f"| {name} | {mode} | {threads} | " + " | ".join(f"{m:.3f}" for m in ms) + " | " +
              " | ".join(f"{m / ms[0]:.3f}" for m in ms[1:]) + " |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"jars": dict(jars), "cell": a.cell, "runs": runs}, f, indent=1)


if __name__ == "__main__":
    main()
