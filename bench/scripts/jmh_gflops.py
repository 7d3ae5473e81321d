#!/usr/bin/env python3
"""GFLOP/s table from a JMH JSON result of GemmBenchmark (-rf json), optionally next to OpenBLAS figures.

usage: jmh_gflops.py result.json [openblas.json ...]

The shape parameter <ops>-<m>x<n>x<k> gives the work, 2*m*n*k flops per call; JMH's score is the average
time per call in microseconds. OpenBLAS files are what numpy_sgemm.py prints with --json (best GFLOP/s per
shape); when several JMH or OpenBLAS files are given, each shape keeps the best figure seen.
"""
import json
import sys


def flops(shape):
    m, n, k = (int(d) for d in shape.split("-")[1].split("x"))
    return 2.0 * m * n * k


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    gflops = {}  # (shape, provider) -> best GFLOP/s
    for run in json.load(open(argv[1])):
        params = run["params"]
        unit = run["primaryMetric"]["scoreUnit"]
        if unit != "us/op":
            sys.exit("expected us/op scores, found " + unit)
        seconds = run["primaryMetric"]["score"] * 1e-6
        key = (params["shape"], params["provider"])
        gflops[key] = max(gflops.get(key, 0.0), flops(params["shape"]) / seconds / 1e9)
    openblas = {}
    for path in argv[2:]:
        for line in open(path):
            if line.strip():
                row = json.loads(line)
                openblas[row["shape"]] = max(openblas.get(row["shape"], 0.0), row["gflops"])
    shapes = list(dict.fromkeys(s for s, _ in gflops))  # in the order JMH ran them
    header = f"{'shape':<18}{'scalar':>9}{'panama':>9}{'pan/sca':>9}"
    if openblas:
        header += f"{'openblas':>10}{'pan/blas':>10}"
    print(header)
    for shape in shapes:
        scalar = gflops.get((shape, "scalar"))
        panama = gflops.get((shape, "panama"))
        row = f"{shape:<18}{fmt(scalar):>9}{fmt(panama):>9}{ratio(panama, scalar):>9}"
        if openblas:
            blas = openblas.get(shape)
            row += f"{fmt(blas):>10}{ratio(panama, blas):>10}"
        print(row)


def fmt(value):
    return "-" if value is None else f"{value:.1f}"


def ratio(x, y):
    return "-" if x is None or not y else f"{x / y:.2f}"


if __name__ == "__main__":
    main(sys.argv)
