#!/usr/bin/python3
"""Time to result, whole process: `./bigru train`, `predict` and `info` against PyTorch and Keras twins.

usage (from anywhere; the machine should be quiet, 2 cores are easily disturbed):
  /usr/bin/python3 bench/scripts/cold_start.py [--rounds 5] [--bench-runs 10] [--bench-configs S,M,L]
      [--bigru LABEL=LAUNCHER[:JAVA_HOME] ...] [--java-home DIR] [--twins pytorch1,pytorch2,keras]
      [--pyenv-python PATH] [--predict-rows 60] [--results DIR] [--keep]

Jobs, each a fresh process in a fresh empty folder:
- bigru train: `./bigru train`, the default job (daily Seattle weather, windows of 24, 80/20 split, scaling,
  Bidirectional(GRU(64)) + Dense(1), MSE, Adam, 10 epochs of batches of 32); it writes its model and two plots.
- its twins, twin_torch.py and twin_keras.py, the same job step by step: PyTorch 1.13 (Debian's /usr/bin/python3,
  OpenBLAS, with OPENBLAS_NUM_THREADS=1 and OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE unset, its best settings),
  PyTorch 2 (pyenv's python3, MKL, defaults) and Keras 3 on TensorFlow (pyenv's python3, defaults).
- predict: each tool's saved model (from one untimed training run before the rounds) on a small table, the last
  --predict-rows rows of the shipped data, written as a CSV of predictions (`./bigru predict --model M --data
  small.csv --out predictions.csv` and the twins' predict commands).
- bigru info: `./bigru info`.
Every round runs every job once, the order rotated by one job per round, so all see the same machine. Before
the rounds, `info` builds the jar if needed, and each train command runs once untimed (it warms the file cache
and gives predict its models). Per run: wall seconds, CPU seconds (user + sys of the process and the children
it waited for, from wait4; the launcher's stderr filter is not waited for and not counted), the load average
before and after, the test RMSE/MAE/R^2 printed, the epoch times printed (bigru's format, which the twins print
too), and the files written. Reported: medians, and the fastest twin's median over bigru's (the issue's goal: 2).

Then `bigru bench --json` from a cold JVM, --bench-runs runs of each configuration (compare_torch.py's S, M,
L; train, 2 threads; warm-up --bench-warmup s, then --bench-seconds s measured), interleaved: first_step_ms,
jvm_ms_before_first_step, seconds_to_steady (absent when the warm-up never reached steady), and
max_step_alloc_bytes_after_steady, against the goal: steady within 2 s with no step above 64 KB after, in every run.

Writes DIR/cold-start.md (the tables, the goals met or missed, the machine, the exact commands) and
DIR/cold-start.json (every run), DIR defaulting to bench/results, and prints the tables. --bigru (repeatable)
names the launchers to time instead of this checkout's ./bigru, the first being the one the ratios and goals
use: e.g. --bigru after=./bigru --bigru before=/path/to/other/checkout/bigru, or JDK 17 beside JDK 25 with
--bigru jdk25=./bigru --bigru jdk17=./bigru:/usr/lib/jvm/java-17-openjdk-amd64.
"""
import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from compare_torch import CONFIGS, JDK25, machine  # the benchmark configurations, defined once

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPTS = os.path.join(ROOT, "bench", "scripts")
DATA = os.path.join(ROOT, "cli", "src", "main", "resources", "org", "bigru", "cli", "data", "seattle-weather.csv")
DEBIAN_PYTHON = "/usr/bin/python3"
# issue 12's goals
GOAL_TRAIN_RATIO = 2.0
GOAL_FIRST_EPOCH = 3.0
GOAL_SHORT_COMMAND_S = 0.6
GOAL_STEADY_S = 2.0
GOAL_ALLOC_BYTES = 64 * 1024
EPOCH_LINE = re.compile(r"^epoch (\d+)/(\d+)\s+loss \S+(?:\s+val_loss \S+)?\s+([\d.]+)s$")
METRIC_LINE = re.compile(r"^\s+(RMSE|MAE|R\^2)\s+(\S+)$")
# the files each tool's train writes, relative to its folder
TRAIN_OUTPUTS = {
    "bigru": ["bigru-model.safetensors", "bigru-fit.png", "bigru-loss.png"],
    "torch": ["torch-model.pt", "torch-fit.png", "torch-loss.png"],
    "keras": ["keras-model.keras", "keras-preprocessing.json", "keras-fit.png", "keras-loss.png"],
}
MODEL_FILE = {"bigru": "bigru-model.safetensors", "torch": "torch-model.pt", "keras": "keras-model.keras"}


class Job:
    """One command of the comparison: what it is, how it runs, and what it needs from the setup."""

    def __init__(self, name, tool, kind, argv, env, twin=False):
        self.name = name    # e.g. "bigru train", "pytorch-1.13 predict"
        self.tool = tool    # bigru, torch or keras: which outputs and model file
        self.kind = kind    # train, predict or info
        self.argv = argv    # the command; "{model}", "{data}" and "{out}" are filled in per run
        self.env = env      # variables set (a value) or unset (None) over the caller's environment
        self.twin = twin

    def environment(self):
        env = dict(os.environ)
        for k, v in self.env.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def shown(self):
        """The command as typed in a shell, with its environment changes."""
        unset = [f"-u {k}" for k, v in self.env.items() if v is None]
        sets = [f"{k}={v}" for k, v in self.env.items() if v is not None]
        prefix = "env " + " ".join(unset + sets) + " " if unset or sets else ""
        return prefix + " ".join(self.argv)


def parse_bigru(spec, java_home):
    label, _, rest = spec.partition("=")
    if not rest:
        sys.exit(f"--bigru {spec}: expected LABEL=LAUNCHER[:JAVA_HOME]")
    launcher, _, home = rest.partition(":")
    launcher = os.path.abspath(launcher)
    if not os.access(launcher, os.X_OK):
        sys.exit(f"--bigru {spec}: {launcher} is not an executable launcher")
    return label, launcher, home or java_home


def real_python(python):
    """The interpreter behind a name or shim (pyenv's shims are shell scripts that cost a process per run)."""
    out = subprocess.run([python, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 and out.stdout.strip() else None


def module_version(python, module):
    out = subprocess.run([python, "-c", f"import {module}; print({module}.__version__)"], capture_output=True,
                         text=True)
    return out.stdout.strip().splitlines()[-1] if out.returncode == 0 and out.stdout.strip() else None


def jobs_for(a, bigrus):
    jobs = []
    for label, launcher, java_home in bigrus:
        env = {"JAVA_HOME": java_home} if java_home else {}
        jobs.append(Job(f"{label} train", "bigru", "train", [launcher, "train"], env))
        jobs.append(Job(f"{label} predict", "bigru", "predict",
                        [launcher, "predict", "--model", "{model}", "--data", "{data}", "--out", "{out}"], env))
        jobs.append(Job(f"{label} info", "bigru", "info", [launcher, "info"], env))
    twins = set(a.twins.split(",")) if a.twins else set()
    notes = []
    pyenv = real_python(a.pyenv_python) if a.pyenv_python else None
    candidates = [
        ("pytorch1", DEBIAN_PYTHON, "torch", "twin_torch.py",
         {"OPENBLAS_NUM_THREADS": "1", "OPENBLAS_CORETYPE": None, "OPENBLAS_L2_SIZE": None}),
        ("pytorch2", pyenv, "torch", "twin_torch.py", {}),
        ("keras", pyenv, "keras", "twin_keras.py", {}),
    ]
    for key, python, tool, script, env in candidates:
        if key not in twins:
            continue
        if python is None:
            notes.append(f"{key}: no interpreter (--pyenv-python {a.pyenv_python} did not run)")
            continue
        version = module_version(python, tool)
        if version is None:
            notes.append(f"{key}: {python} cannot import {tool}; left out")
            continue
        if key == "pytorch2" and version.startswith("1."):
            notes.append(f"{key}: {python} has PyTorch {version}, not 2; left out")
            continue
        label = f"{'pytorch' if tool == 'torch' else 'keras'}-{'.'.join(version.split('+')[0].split('.')[:2])}"
        path = os.path.join(SCRIPTS, script)
        jobs.append(Job(f"{label} train", tool, "train", [python, path, "train"], env, twin=True))
        jobs.append(Job(f"{label} predict", tool, "predict",
                        [python, path, "predict", "--model", "{model}", "--data", "{data}", "--out", "{out}"],
                        env, twin=True))
    return jobs, notes


def loadavg():
    return list(os.getloadavg())


def run(job, folder, model=None, data=None):
    """Runs a job in its folder; the measurements, and what it printed."""
    os.makedirs(folder, exist_ok=True)
    fill = {"{model}": model or "", "{data}": data or "", "{out}": os.path.join(folder, "predictions.csv")}
    argv = [fill.get(arg, arg) for arg in job.argv]
    stdout_path, stderr_path = os.path.join(folder, "stdout.txt"), os.path.join(folder, "stderr.txt")
    before = loadavg()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=folder, env=job.environment(), stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    after = loadavg()
    with open(stdout_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    result = {"job": job.name, "wall_s": wall, "user_s": usage.ru_utime, "sys_s": usage.ru_stime,
              "cpu_s": usage.ru_utime + usage.ru_stime, "max_rss_kb": usage.ru_maxrss, "exit": process.returncode,
              "load_before": before, "load_after": after, "argv": argv}
    if process.returncode != 0:
        with open(stderr_path, encoding="utf-8", errors="replace") as f:
            result["stderr_tail"] = f.read()[-2000:]
        return result
    epochs = [float(m.group(3)) for m in map(EPOCH_LINE.match, text.splitlines()) if m]
    if epochs:
        result["epoch_s"] = epochs
    metrics = {m.group(1): float(m.group(2)) for m in map(METRIC_LINE.match, text.splitlines()) if m}
    if metrics:
        result["metrics"] = metrics
    if job.kind == "train":
        result["outputs"] = [f for f in TRAIN_OUTPUTS[job.tool] if os.path.exists(os.path.join(folder, f))]
    elif job.kind == "predict":
        with open(fill["{out}"], encoding="utf-8") as f:
            result["predictions"] = sum(1 for _ in f) - 1
    return result


def bench_command(label, launcher, java_home, name, a):
    shape = CONFIGS[name]
    argv = [launcher, "bench", "--batch", str(shape["batch"]), "--seq-len", str(shape["seq_len"]), "--features",
            str(shape["features"]), "--units", str(shape["units"]), "--mode", "train", "--seconds",
            str(a.bench_seconds), "--warmup", str(a.bench_warmup), "--json"]
    return Job(f"{label} bench {name}", "bigru", "bench", argv, {"JAVA_HOME": java_home} if java_home else {})


def run_bench(job, folder):
    result = run(job, folder)
    if result["exit"] == 0:
        with open(os.path.join(folder, "stdout.txt"), encoding="utf-8") as f:
            result["bench"] = json.loads(f.read().strip().splitlines()[-1])
    return result


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(x, digits=2, unit=""):
    return "n/a" if x is None else f"{x:.{digits}f}{unit}"


def steady_epoch(epochs):
    """Median of epochs 3 to 10 (the later ones, whatever their number), or None."""
    later = epochs[2:]
    return statistics.median(later) if later else None


def java_version(java_home):
    java = os.path.join(java_home, "bin", "java") if java_home else "java"
    out = subprocess.run([java, "-version"], capture_output=True, text=True)
    return out.stderr.splitlines()[0] if out.stderr else "?"


def git_commit(launcher):
    folder = os.path.dirname(launcher)
    out = subprocess.run(["git", "-C", folder, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if out.returncode != 0:
        return "not a git checkout"
    dirty = subprocess.run(["git", "-C", folder, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")


def verdict(ok):
    return "n/a" if ok is None else "met" if ok else "missed"


def report(info, jobs, runs, bench_runs, a):
    first_bigru = info["bigru"][0]["label"]
    loads = {k: ", ".join(fmt(x) for x in info[k]) for k in ("load_at_start", "load_at_end")}
    lines = ["# Time to result: bigru against its PyTorch and Keras twins, whole process", "",
             f"- date: {info['date']}; machine: {info['machine']}; load average (1, 5, 15 min) at the start "
             f"{loads['load_at_start']}, at the end {loads['load_at_end']}"]
    for b in info["bigru"]:
        lines.append(f"- {b['label']}: `{b['launcher']}` at {b['commit']}, {b['java']}")
    if info["bigru_java_opts"]:
        lines.append(f"- BIGRU_JAVA_OPTS={info['bigru_java_opts']}")
    for key, value in info["pythons"].items():
        lines.append(f"- {key}: {value}")
    for note in info["notes"]:
        lines.append(f"- left out: {note}")
    goals = []
    if runs:
        goals = side_by_side(lines, jobs, runs, first_bigru, a)
    if bench_runs:
        goals.append(cold_bench(lines, bench_runs, first_bigru, a))
    lines += ["", "## Goals (issue 12)", "", "| goal | measured | |", "|---|---|---|"]
    lines += [f"| {goal} | {measured} | {verdict(ok)} |" for goal, measured, ok in goals]
    lines += ["", "## Commands", "", "Each in its own new folder (predict's `{model}`: the model an untimed "
              "training run of the same tool wrote; `{data}`: the small table; `{out}`: predictions.csv in the "
              "folder):", ""]
    lines += [f"- {name}: `{command}`" for name, command in info["commands"].items()]
    lines += ["", f"Whole measurement: `{info['command']}` ({info['minutes']:.1f} minutes).", ""]
    return "\n".join(lines)


def side_by_side(lines, jobs, runs, first_bigru, a):
    """The whole-process table and bigru's epochs; the goals they decide, as (goal, measured, met or None)."""
    by_job = {}
    for r in runs:
        by_job.setdefault(r["job"], []).append(r)
    lines += [f"- rounds: {a.rounds}, every job once per round, the order rotated each round; medians (min-max); "
              "CPU = user + sys of the process and its waited-for children; load = the 1-minute load average "
              "before and after each run (median of the befores / highest after); wall vs " + first_bigru + " = "
              "the job's median wall time over " + first_bigru + "'s same job (above 1: " + first_bigru +
              " is faster); epochs as each tool printed them, steady = median of epochs 3-10", "",
              "## Side by side", "",
              "| job | wall s | CPU s | load | RMSE | first epoch s | steady epoch s | outputs | wall vs "
              f"{first_bigru} |", "|---|---|---|---|---|---|---|---|---|"]
    walls = {job.name: median(r["wall_s"] for r in by_job.get(job.name, [])) for job in jobs}
    reference = {job.kind: walls[job.name] for job in jobs if job.name.startswith(first_bigru + " ")}
    for job in jobs:
        rs = by_job.get(job.name, [])
        wall = walls[job.name]
        ratio = wall / reference[job.kind] if wall and reference.get(job.kind) else None
        load = f"{fmt(median(r['load_before'][0] for r in rs))} / {fmt(max(r['load_after'][0] for r in rs))}"
        timed = [r for r in rs if r.get("epoch_s")]
        first = median(r["epoch_s"][0] for r in timed)
        steady = median(steady_epoch(r["epoch_s"]) for r in timed)
        outputs = (f"{len(rs[0]['outputs'])} of {len(TRAIN_OUTPUTS[job.tool])} files" if job.kind == "train"
                   else f"{rs[0]['predictions']} rows" if job.kind == "predict" else "")
        lines.append(f"| {job.name} | {fmt(wall)} ({fmt(min(r['wall_s'] for r in rs))}-"
                     f"{fmt(max(r['wall_s'] for r in rs))}) | {fmt(median(r['cpu_s'] for r in rs))} | {load} | "
                     f"{fmt(median(r.get('metrics', {}).get('RMSE') for r in rs), 3)} | {fmt(first)} | "
                     f"{fmt(steady, 3)} | {outputs} | {fmt(ratio, 2, 'x')} |")

    def fastest_twin(kind):
        twins = [(walls[j.name], j.name) for j in jobs if j.twin and j.kind == kind and walls[j.name]]
        return min(twins) if twins else (None, None)

    ratios = {}
    for kind in ("train", "predict"):
        wall, name = fastest_twin(kind)
        ratios[kind] = (wall / reference[kind] if wall and reference.get(kind) else None, name)
    lines += ["", f"Fastest twin of the default job: {ratios['train'][1] or 'none'}; its median wall time over "
                  f"{first_bigru}'s: **{fmt(ratios['train'][0], 2, 'x')}** (goal {GOAL_TRAIN_RATIO:g}x). Fastest "
                  f"predict twin: {ratios['predict'][1] or 'none'}, {fmt(ratios['predict'][0], 2, 'x')}."]

    epoch_ratios = []
    lines += ["", f"## {first_bigru}'s epochs, run by run", "",
              "| round | first epoch s | steady epoch s | first / steady | wall s |", "|---|---|---|---|---|"]
    for r in by_job.get(f"{first_bigru} train", []):
        if not r.get("epoch_s"):
            continue
        steady = steady_epoch(r["epoch_s"])
        epoch_ratios.append(r["epoch_s"][0] / steady if steady else None)
        lines.append(f"| {r['round']} | {fmt(r['epoch_s'][0])} | {fmt(steady, 3)} | {fmt(epoch_ratios[-1], 1)} | "
                     f"{fmt(r['wall_s'])} |")
    train_ratio, first_ratio = ratios["train"][0], median(epoch_ratios)
    predict_wall, info_wall = reference.get("predict"), reference.get("info")
    return [(f"{first_bigru}'s default job at least {GOAL_TRAIN_RATIO:g}x faster than the fastest twin",
             fmt(train_ratio, 2, "x"), None if train_ratio is None else train_ratio >= GOAL_TRAIN_RATIO),
            (f"{first_bigru}'s first epoch at most {GOAL_FIRST_EPOCH:g}x a steady epoch (median of the runs' ratios)",
             fmt(first_ratio, 1, "x"), None if first_ratio is None else first_ratio <= GOAL_FIRST_EPOCH),
            (f"{first_bigru} predict on a small table at most {GOAL_SHORT_COMMAND_S:g} s", fmt(predict_wall, 2, " s"),
             None if predict_wall is None else predict_wall <= GOAL_SHORT_COMMAND_S),
            (f"{first_bigru} info at most {GOAL_SHORT_COMMAND_S:g} s", fmt(info_wall, 2, " s"),
             None if info_wall is None else info_wall <= GOAL_SHORT_COMMAND_S)]


def cold_bench(lines, bench_runs, first_bigru, a):
    """The cold-JVM bench table; the goal it decides for the first launcher, as (goal, measured, met)."""
    lines += ["", "## bench from a cold JVM (train, 2 threads)", "",
              f"Warm-up {a.bench_warmup:g} s, then {a.bench_seconds:g} s measured; steady = the end of the first 5 "
              "warm-up steps whose median is within 1.2x of the measured ms per step, counted from the first step's "
              "start (a run that never got there within the warm-up has none); alloc = the most one step allocated "
              "from then on, by the steps after those 5 (bench's `max_step_alloc_bytes_after_steady`; a checkout "
              "before 27a1714 counted those 5 steps too).", "",
              "| bench | runs | first step ms | JVM ms before first step | s to steady: median (max) | steady in "
              f"warm-up | steady within {GOAL_STEADY_S:g} s | max alloc after steady, B | at most 64 KB | "
              "ms per step | wall s |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    groups = {}
    for r in bench_runs:
        groups.setdefault(r["job"], []).append(r)
    passed, total, configs = 0, 0, []
    for name, rs in groups.items():
        bs = [r["bench"] for r in rs]
        reached = [b["seconds_to_steady"] for b in bs if "seconds_to_steady" in b]
        allocs = [b["max_step_alloc_bytes_after_steady"] for b in bs if "max_step_alloc_bytes_after_steady" in b]
        within = sum(1 for s in reached if s <= GOAL_STEADY_S)
        small = sum(1 for x in allocs if x <= GOAL_ALLOC_BYTES)
        if name.startswith(first_bigru + " "):
            configs.append(name.rsplit(" ", 1)[1])
            passed += sum(1 for b in bs if b.get("seconds_to_steady", GOAL_STEADY_S + 1) <= GOAL_STEADY_S
                          and b.get("max_step_alloc_bytes_after_steady", GOAL_ALLOC_BYTES + 1) <= GOAL_ALLOC_BYTES)
            total += len(bs)
        lines.append(f"| {name} | {len(bs)} | {fmt(median(b['first_step_ms'] for b in bs), 1)} | "
                     f"{fmt(median(b['jvm_ms_before_first_step'] for b in bs), 0)} | {fmt(median(reached))} "
                     f"({fmt(max(reached, default=None))}) | {len(reached)}/{len(bs)} | {within}/{len(bs)} | "
                     f"{max(allocs, default='n/a')} | {small}/{len(bs)} | "
                     f"{fmt(median(b['ms_per_step'] for b in bs), 3)} | {fmt(median(r['wall_s'] for r in rs))} |")
    return (f"{first_bigru} bench {', '.join(configs)} from a cold JVM: steady within "
            f"{GOAL_STEADY_S:g} s and no step above 64 KB after it, in every run", f"{passed} of {total} runs",
            passed == total)


def check(result, what):
    if result["exit"] != 0:
        sys.exit(f"{what} failed (exit {result['exit']}): {' '.join(result['argv'])}\n{result.get('stderr_tail', '')}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=5, help="rounds of the whole-process comparison (0: none)")
    p.add_argument("--bigru", action="append", default=[], metavar="LABEL=LAUNCHER[:JAVA_HOME]",
                   help="a bigru launcher to time (repeatable; default bigru=this checkout's ./bigru)")
    p.add_argument("--java-home", default=JDK25 if os.path.isdir(JDK25) else os.environ.get("JAVA_HOME"),
                   help="JAVA_HOME for the launchers that name none (default: JDK 25)")
    p.add_argument("--twins", default="pytorch1,pytorch2,keras",
                   help="pytorch1 (Debian's PyTorch 1.13), pytorch2 and keras (pyenv's); empty for none")
    p.add_argument("--pyenv-python", default=shutil.which("python3"),
                   help="the interpreter with PyTorch 2 and Keras 3 (default: python3 on PATH)")
    p.add_argument("--predict-rows", type=int, default=60, help="rows of the small table predict reads")
    p.add_argument("--bench-runs", type=int, default=10, help="cold-JVM bench runs per configuration (0: none)")
    p.add_argument("--bench-configs", default="S,M,L")
    p.add_argument("--bench-warmup", type=float, default=4.0, help="bench's --warmup, seconds")
    p.add_argument("--bench-seconds", type=float, default=2.0, help="bench's --seconds, measured after warm-up")
    p.add_argument("--results", default=os.path.join(ROOT, "bench", "results"), help="folder for cold-start.*")
    p.add_argument("--keep", action="store_true", help="keep the runs' folders (printed) instead of deleting them")
    a = p.parse_args()
    if a.rounds < 0 or a.bench_runs < 0 or a.predict_rows < 1:
        p.error("--rounds and --bench-runs must be 0 or more, --predict-rows at least 1")
    configs = [c for c in a.bench_configs.split(",") if c]
    for c in configs:
        if c not in CONFIGS:
            p.error(f"--bench-configs: unknown configuration {c} (S, M or L)")
    bigrus = [parse_bigru(s, a.java_home) for s in (a.bigru or [f"bigru={os.path.join(ROOT, 'bigru')}"])]
    start = time.time()
    load_at_start = loadavg()
    if load_at_start[0] > 0.5:
        print(f"warning: load average {load_at_start[0]:.2f} on {os.cpu_count()} CPUs: other work is running, so "
              "these figures are not final ones", file=sys.stderr, flush=True)
    jobs, notes = jobs_for(a, bigrus)
    pyenv = real_python(a.pyenv_python) if a.pyenv_python else None
    pythons = {f"Debian python ({DEBIAN_PYTHON})": ", ".join(
        f"{m} {module_version(DEBIAN_PYTHON, m) or 'missing'}" for m in ("torch", "numpy", "matplotlib"))}
    if pyenv:
        pythons[f"pyenv python ({pyenv})"] = ", ".join(
            f"{m} {module_version(pyenv, m) or 'missing'}" for m in ("torch", "keras", "tensorflow", "numpy",
                                                                      "matplotlib"))
    info = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(), "pythons": pythons, "notes": notes,
            "bigru": [{"label": label, "launcher": launcher, "java_home": home, "java": java_version(home),
                       "commit": git_commit(launcher)} for label, launcher, home in bigrus],
            "bigru_java_opts": os.environ.get("BIGRU_JAVA_OPTS", ""), "load_at_start": load_at_start,
            "command": "/usr/bin/python3 bench/scripts/cold_start.py " + " ".join(sys.argv[1:]),
            "commands": {j.name: j.shown() for j in jobs} if a.rounds else {}}
    work = tempfile.mkdtemp(prefix="bigru-cold-start-")
    print(f"working in {work}", file=sys.stderr, flush=True)
    small = os.path.join(work, "small.csv")
    with open(DATA, encoding="utf-8") as f:
        rows = f.read().splitlines()
    with open(small, "w", encoding="utf-8") as f:
        f.write("\n".join([rows[0]] + rows[1:][-a.predict_rows:]) + "\n")

    # untimed: the jar built, the file cache warm, a model per tool for predict
    models = {}
    for job in jobs:
        if job.kind == "info":
            check(run(job, os.path.join(work, "setup", job.name.replace(" ", "-"))), job.name)
    for job in jobs:
        if job.kind == "train" and a.rounds > 0:
            folder = os.path.join(work, "setup", job.name.replace(" ", "-"))
            check(run(job, folder), job.name)
            models[job.name.rsplit(" ", 1)[0]] = os.path.join(folder, MODEL_FILE[job.tool])
            print(f"setup: {job.name} done", file=sys.stderr, flush=True)

    runs = []
    for rnd in range(a.rounds):
        order = jobs[rnd % len(jobs):] + jobs[:rnd % len(jobs)]
        for job in order:
            folder = os.path.join(work, f"round{rnd + 1}", job.name.replace(" ", "-"))
            result = run(job, folder, model=models.get(job.name.rsplit(" ", 1)[0]), data=small)
            check(result, job.name)
            result["round"] = rnd + 1
            runs.append(result)
            print(f"round {rnd + 1}/{a.rounds} {job.name:22} {result['wall_s']:6.2f} s wall {result['cpu_s']:6.2f} s "
                  f"CPU  load {result['load_before'][0]:.2f} -> {result['load_after'][0]:.2f}",
                  file=sys.stderr, flush=True)

    bench_runs = []
    bench_jobs = [bench_command(label, launcher, home, name, a) for name in configs
                  for label, launcher, home in bigrus]
    if a.bench_runs:
        info["commands"].update({j.name: j.shown() for j in bench_jobs})
    for i in range(a.bench_runs):
        for job in bench_jobs:
            result = run_bench(job, os.path.join(work, f"bench{i + 1}", job.name.replace(" ", "-")))
            check(result, job.name)
            result["run"] = i + 1
            bench_runs.append(result)
            b = result["bench"]
            print(f"bench {i + 1}/{a.bench_runs} {job.name:16} first step {b.get('first_step_ms', 0):8.1f} ms, "
                  f"steady after {fmt(b.get('seconds_to_steady'))} s, max alloc after "
                  f"{b.get('max_step_alloc_bytes_after_steady', 'n/a')} B", file=sys.stderr, flush=True)

    info["minutes"] = (time.time() - start) / 60
    info["load_at_end"] = loadavg()
    text = report(info, jobs, runs, bench_runs, a)
    os.makedirs(a.results, exist_ok=True)
    with open(os.path.join(a.results, "cold-start.md"), "w") as f:
        f.write(text)
    with open(os.path.join(a.results, "cold-start.json"), "w") as f:
        json.dump({"info": info, "runs": runs, "bench_runs": bench_runs}, f, indent=1)
    print(text)
    if a.keep:
        print(f"runs kept in {work}", file=sys.stderr)
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
