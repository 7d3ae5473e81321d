#!/usr/bin/env python3
"""GFLOP/s table of GEMM results: scalar, panama and OpenBLAS side by side, with the ratios.

usage: jmh_gflops.py result [result ...]

Each result file is either JMH's JSON output of GemmBenchmark (-rf json; the score is microseconds per call
and the shape parameter <ops>-<m>x<n>x<k> gives the work, 2*m*n*k flops) or JSON lines
{"shape", "provider", "gflops"} as GemmCpuTime and numpy_sgemm.py --json print (no provider: "openblas").
When a shape and provider appear more than once, the best figure is kept.
"""
import json
import sys


def flops(shape):
    m, n, k = (int(d) for d in shape.split("-")[1].split("x"))
    return 2.0 * m * n * k


def rows(path):
    """(shape, provider, GFLOP/s) of one result file."""
    text = open(path).read()
    if text.lstrip().startswith("["):
        for run in json.loads(text):
            unit = run["primaryMetric"]["scoreUnit"]
            if unit != "us/op":
                sys.exit(f"{path}: expected us/op scores, found {unit}")
            shape = run["params"]["shape"]
            yield shape, run["params"]["provider"], flops(shape) / (run["primaryMetric"]["score"] * 1e-6) / 1e9
    else:
        for line in text.splitlines():
            if line.strip():
                row = json.loads(line)
                yield row["shape"], row.get("provider", "openblas"), row["gflops"]


def main(paths):
    if not paths:
        sys.exit(__doc__)
    best = {}
    for path in paths:
        for shape, provider, gflops in rows(path):
            best[(shape, provider)] = max(best.get((shape, provider), 0.0), gflops)
    shapes = list(dict.fromkeys(shape for shape, _ in best))  # in the order first seen
    providers = [p for p in ("scalar", "panama", "openblas") if any(q == p for _, q in best)]
    header = f"{'shape':<18}" + "".join(f"{p:>10}" for p in providers)
    if "panama" in providers and "scalar" in providers:
        header += f"{'pan/sca':>9}"
    if "panama" in providers and "openblas" in providers:
        header += f"{'pan/blas':>9}"
    print(header)
    for shape in shapes:
        value = {p: best.get((shape, p)) for p in providers}
        line = f"{shape:<18}" + "".join(f"{fmt(value[p]):>10}" for p in providers)
        if "panama" in providers and "scalar" in providers:
            line += f"{ratio(value['panama'], value['scalar']):>9}"
        if "panama" in providers and "openblas" in providers:
            line += f"{ratio(value['panama'], value['openblas']):>9}"
        print(line)


def fmt(value):
    return "-" if value is None else f"{value:.1f}"


def ratio(x, y):
    return "-" if x is None or not y else f"{x / y:.2f}"


if __name__ == "__main__":
    main(sys.argv[1:])
