#!/usr/bin/python3
"""bigru against PyTorch on the CPU: `./bigru bench` and torch_bench.py run interleaved, medians compared.

usage (from the repository root):
  /usr/bin/python3 bench/scripts/compare_torch.py [--cell gru|lstm] [--rounds 3] [--seconds 1] [--warmup 1]
      [--bigru-warmup-scale 1] [--python /usr/bin/python3] [--suffix=-torch2]

Every round runs each cell once per tool, bigru then PyTorch, so both see the same machine load:
configurations S (B 32, T 32, I 8, H 64), M (B 64, T 100, I 32, H 128) and L (B 128, T 50, I 128, H 256),
modes train and infer, 1 and 2 threads; batch-1 inference on S and M; and, to show what each ingredient
gives, bigru on the scalar kernels and on JDK 17 (S and M, 2 threads; L is left out there, its scalar
training step takes seconds). PyTorch runs with OPENBLAS_NUM_THREADS=1 and OPENBLAS_CORETYPE /
OPENBLAS_L2_SIZE unset (its best settings on this machine), bigru on JDK 25 with the Panama kernels.

Writes bench/results/torch-comparison.md (tables of medians, ratios = PyTorch time / bigru time, and the
issue's targets met or missed), torch-comparison.json (every run) and torch-comparison.png (bar chart); with
--cell lstm, torch-comparison-lstm.* (nn.LSTM against bigru's LSTM). --python names the interpreter that runs
torch_bench.py (for example pyenv's, with PyTorch 2 and MKL); --suffix is appended to the result files' names, so
that a run against another PyTorch keeps the first run's files.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RESULTS = os.path.join(ROOT, "bench", "results")
JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64"
JDK17 = "/usr/lib/jvm/java-17-openjdk-amd64"
CONFIGS = {
    "S": dict(batch=32, seq_len=32, features=8, units=64),
    "M": dict(batch=64, seq_len=100, features=32, units=128),
    "L": dict(batch=128, seq_len=50, features=128, units=256),
}
# bigru's warm-up in seconds: C2 must compile every vector kernel before the timing starts, which takes
# longer on a loaded machine and with long steps (few calls per second); until it has, vector code runs boxed
# (one L run with 12 s measured 1.5 s per step and 10 GB allocated per step)
BIGRU_WARMUP = {"S": 4.0, "M": 10.0, "L": 20.0}
# bigru variants: (JAVA_HOME, extra JVM options)
VARIANTS = {
    "bigru": (JDK25, ""),
    "bigru-scalar": (JDK25, "-Dbigru.kernels=scalar"),
    "bigru-jdk17": (JDK17, ""),
}


def shape_args(shape):
    return ["--batch", str(shape["batch"]), "--seq-len", str(shape["seq_len"]),
            "--features", str(shape["features"]), "--units", str(shape["units"])]


def command(tool, name, shape, mode, threads, a):
    warmup = a.warmup if tool == "torch" else BIGRU_WARMUP[name] * a.bigru_warmup_scale
    common = shape_args(shape) + ["--cell", a.cell, "--mode", mode, "--threads", str(threads), "--seconds", str(a.seconds),
                                  "--warmup", str(warmup), "--json"]
    if tool == "torch":
        env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
        env["OPENBLAS_NUM_THREADS"] = "1"
        return [a.python, os.path.join(ROOT, "bench", "scripts", "torch_bench.py")] + common, env
    java_home, opts = VARIANTS[tool]
    env = dict(os.environ, JAVA_HOME=java_home, BIGRU_JAVA_OPTS=opts)
    return [os.path.join(ROOT, "bigru"), "bench"] + common, env


def run(tool, name, shape, mode, threads, a):
    cmd, env = command(tool, name, shape, mode, threads, a)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd)}\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cells():
    """(tool, config name, batch override or None, mode, threads), in the order of one round."""
    pairs = []
    for name in CONFIGS:
        for mode in ("train", "infer"):
            for threads in (1, 2):
                pairs.append([("bigru", name, None, mode, threads), ("torch", name, None, mode, threads)])
    for name in ("S", "M"):
        for threads in (1, 2):
            pairs.append([("bigru", name, 1, "infer", threads), ("torch", name, 1, "infer", threads)])
    for name in ("S", "M"):
        for mode in ("train", "infer"):
            pairs.append([("bigru-scalar", name, None, mode, 2), ("bigru-jdk17", name, None, mode, 2)])
    return pairs


def key(tool, name, batch, mode, threads):
    return f"{tool}|{name}|{batch or CONFIGS[name]['batch']}|{mode}|{threads}"


def java_version(java_home):
    out = subprocess.run([os.path.join(java_home, "bin", "java"), "-version"], capture_output=True, text=True)
    return out.stderr.splitlines()[0] if out.stderr else "?"


def machine():
    model = "?"
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    return f"{model}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}"


def torch_version(python):
    out = subprocess.run([python, "-c", "import torch; print(torch.__version__)"],
                         capture_output=True, text=True)
    return out.stdout.strip()


class Table:
    def __init__(self, runs):
        self.runs = runs

    def ms(self, tool, name, batch, mode, threads):
        values = [r["ms_per_step"] for r in self.runs.get(key(tool, name, batch, mode, threads), [])]
        return statistics.median(values) if values else None

    def cpu(self, tool, name, batch, mode, threads):
        values = [r["cpu_ms_per_step"] for r in self.runs.get(key(tool, name, batch, mode, threads), [])
                  if "cpu_ms_per_step" in r]
        return statistics.median(values) if values else None

    def alloc(self, name, mode, threads):
        values = [r["alloc_bytes_per_step"] for r in self.runs.get(key("bigru", name, None, mode, threads), [])
                  if "alloc_bytes_per_step" in r]
        return statistics.median(values) if values else None


def fmt(x, digits=3):
    return "n/a" if x is None else f"{x:.{digits}f}"


def ratio(num, den):
    return None if num is None or den is None else num / den


def verdict(value, target):
    if value is None:
        return "n/a"
    return "met" if value >= target else f"missed ({value / target:.0%} of target)"


def report(runs, a, info):
    t = Table(runs)
    lines = [f"# bigru vs PyTorch on the CPU: bidirectional {a.cell.upper()}", "",
             f"- date: {info['date']}", f"- machine: {info['machine']}", f"- bigru JDK: {info['jdk25']}",
             f"- JDK 17 column: {info['jdk17']}", f"- PyTorch: {info['torch']} (OPENBLAS_NUM_THREADS=1, "
             "OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset)",
             f"- {a.rounds} rounds, bigru and PyTorch interleaved; warm-up S/M/L "
             f"{'/'.join(f'{v * a.bigru_warmup_scale:g}' for v in BIGRU_WARMUP.values())} s (bigru, for the JIT) and "
             f"{a.warmup} s (PyTorch), then {a.seconds} s measured per run; medians of wall milliseconds per step; "
             "ratio = PyTorch time / bigru time; CPU ms = the process's CPU time per step (all threads), which "
             "shows how much of the machine a run got", "",
             "## Every cell", "",
             "| config | B | mode | threads | bigru ms | PyTorch ms | ratio | bigru CPU ms | PyTorch CPU ms | "
             "bigru alloc B/step |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, shape in CONFIGS.items():
        for mode in ("train", "infer"):
            for threads in (1, 2):
                b = t.ms("bigru", name, None, mode, threads)
                p = t.ms("torch", name, None, mode, threads)
                alloc = t.alloc(name, mode, threads)
                lines.append(f"| {name} | {shape['batch']} | {mode} | {threads} | {fmt(b)} | {fmt(p)} | "
                             f"{fmt(ratio(p, b), 1)}x | {fmt(t.cpu('bigru', name, None, mode, threads))} | "
                             f"{fmt(t.cpu('torch', name, None, mode, threads))} | {fmt(alloc, 0)} |")
    for name in ("S", "M"):
        for threads in (1, 2):
            b = t.ms("bigru", name, 1, "infer", threads)
            p = t.ms("torch", name, 1, "infer", threads)
            lines.append(f"| {name} | 1 | infer | {threads} | {fmt(b)} | {fmt(p)} | {fmt(ratio(p, b), 1)}x | "
                         f"{fmt(t.cpu('bigru', name, 1, 'infer', threads))} | "
                         f"{fmt(t.cpu('torch', name, 1, 'infer', threads))} | |")

    def best_torch(name, batch, mode):
        values = [v for v in (t.ms("torch", name, batch, mode, n) for n in (1, 2)) if v is not None]
        return min(values) if values else None

    targets = []
    for name, mode, goal in [("S", "train", 8), ("S", "infer", 10), ("M", "train", 4), ("M", "infer", 4),
                             ("L", "train", 2), ("L", "infer", 2)]:
        r = ratio(best_torch(name, None, mode), t.ms("bigru", name, None, mode, 2))
        targets.append((f"whole machine, {name} {mode}: bigru 2 threads vs PyTorch's best", goal, r))
    r = ratio(t.ms("torch", "S", None, "train", 1), t.ms("bigru", "S", None, "train", 1))
    targets.append(("one thread each, S train", 5, r))
    for name in ("M", "L"):
        for mode in ("train", "infer"):
            r = ratio(t.ms("bigru", name, None, mode, 1), t.ms("bigru", name, None, mode, 2))
            targets.append((f"bigru scaling 1 -> 2 threads, {name} {mode}", 1.7, r))
    for name in ("S", "M"):
        b = min(v for v in (t.ms("bigru", name, 1, "infer", n) for n in (1, 2)) if v is not None)
        targets.append((f"batch-1 inference latency, {name}: bigru's best vs PyTorch's best", 10,
                        ratio(best_torch(name, 1, "infer"), b)))
    lines += ["", "## Targets (issue 6)", "", "| target | goal | measured | |", "|---|---|---|---|"]
    for label, goal, r in targets:
        lines.append(f"| {label} | {goal}x | {fmt(r, 2)}x | {verdict(r, goal)} |")
    alloc = t.alloc("S", "train", 2)
    lines.append(f"| steady-state training step allocation (S, 2 threads) | < 1024 B | {fmt(alloc, 0)} B | "
                 f"{'n/a' if alloc is None else 'met' if alloc < 1024 else 'missed'} |")

    lines += ["", "## Ingredients (2 threads, ms per step)", "",
              "| config | mode | scalar kernels, JDK 25 | Panama, JDK 17 | Panama, JDK 25 | Panama vs scalar | "
              "JDK 25 vs 17 |", "|---|---|---|---|---|---|---|"]
    for name in ("S", "M"):
        for mode in ("train", "infer"):
            s = t.ms("bigru-scalar", name, None, mode, 2)
            j17 = t.ms("bigru-jdk17", name, None, mode, 2)
            b = t.ms("bigru", name, None, mode, 2)
            lines.append(f"| {name} | {mode} | {fmt(s)} | {fmt(j17)} | {fmt(b)} | {fmt(ratio(s, b), 1)}x | "
                         f"{fmt(ratio(j17, b), 1)}x |")
    lines += ["", f"Command: `{info['command']}` ({info['minutes']:.1f} minutes).", ""]
    return "\n".join(lines), t


def chart(t, path, cell):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is missing (apt-get install -y python3-matplotlib): no chart", file=sys.stderr)
        return
    labels, ratios = [], []
    for name in CONFIGS:
        for mode in ("train", "infer"):
            for threads in (1, 2):
                labels.append(f"{name} {mode} {threads}t")
                ratios.append(ratio(t.ms("torch", name, None, mode, threads), t.ms("bigru", name, None, mode, threads)))
    for name in ("S", "M"):
        for threads in (1, 2):
            labels.append(f"{name} B=1 infer {threads}t")
            ratios.append(ratio(t.ms("torch", name, 1, "infer", threads), t.ms("bigru", name, 1, "infer", threads)))
    fig, ax = plt.subplots(figsize=(11, 4.5))
    ax.bar(range(len(labels)), [r or 0 for r in ratios], color="tab:blue")
    ax.axhline(1, color="black", linewidth=0.8)
    ax.set_xticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=60, ha="right", fontsize=8)
    ax.set_ylabel("speed-up over PyTorch (PyTorch ms / bigru ms)")
    ax.set_title(f"bigru vs PyTorch on the CPU, bidirectional {cell.upper()}, medians")
    for i, r in enumerate(ratios):
        if r is not None:
            ax.text(i, r, f"{r:.1f}", ha="center", va="bottom", fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cell", choices=["gru", "lstm"], default="gru")
    p.add_argument("--python", default="/usr/bin/python3", help="the interpreter with PyTorch")
    p.add_argument("--suffix", default="", help="appended to the result files' names (e.g. --suffix=-torch2)")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=float, default=1.0, help="measured time per run")
    p.add_argument("--warmup", type=float, default=1.0, help="PyTorch's warm-up time per run")
    p.add_argument("--bigru-warmup-scale", type=float, default=1.0,
                   help="multiplies bigru's warm-up per configuration (S 4 s, M 10 s, L 12 s)")
    a = p.parse_args()
    start = time.time()
    info = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(), "jdk25": java_version(JDK25), "jdk17": java_version(JDK17),
            "torch": torch_version(a.python),
            "command": "/usr/bin/python3 bench/scripts/compare_torch.py " + " ".join(sys.argv[1:])}
    # builds the jar once, before anything is timed
    subprocess.run([os.path.join(ROOT, "bigru"), "--version"], env=dict(os.environ, JAVA_HOME=JDK25),
                   capture_output=True)
    runs = {}
    pairs = cells()
    for rnd in range(a.rounds):
        for pair in pairs:
            for tool, name, batch, mode, threads in pair:
                shape = dict(CONFIGS[name], batch=batch or CONFIGS[name]["batch"])
                result = run(tool, name, shape, mode, threads, a)
                runs.setdefault(key(tool, name, batch, mode, threads), []).append(result)
                print(f"round {rnd + 1}/{a.rounds} {tool:12} {name} B={shape['batch']:<3} {mode:5} {threads}t: "
                      f"{result['ms_per_step']:.3f} ms/step", file=sys.stderr, flush=True)
    info["minutes"] = (time.time() - start) / 60
    text, table = report(runs, a, info)
    os.makedirs(RESULTS, exist_ok=True)
    stem = os.path.join(RESULTS, "torch-comparison" + ("-lstm" if a.cell == "lstm" else "") + a.suffix)
    with open(stem + ".md", "w") as f:
        f.write(text)
    with open(stem + ".json", "w") as f:
        json.dump({"info": info, "runs": runs}, f, indent=1)
    chart(table, stem + ".png", a.cell)
    print(text)


if __name__ == "__main__":
    main()
