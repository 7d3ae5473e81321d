#!/usr/bin/env python3
"""Single-threaded float32 GEMM through numpy's BLAS, on the shapes of GemmBenchmark, in GFLOP/s.

Run it as (the OpenBLAS environment overrides set for correctness elsewhere must not apply here):
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/scripts/numpy_sgemm.py
Prints the BLAS library numpy loaded (and OpenBLAS's configuration, naming the kernel it runs) and a table;
with --json, one JSON object per shape instead, for jmh_gflops.py. With --clock cpu, times are the thread's
CPU time (time.thread_time; single-threaded OpenBLAS runs in the calling thread), for a machine shared with
other work; compare them with GemmCpuTime, not with JMH.
"""
import ctypes
import json
import sys
import time

import numpy as np

SHAPES = [
    "nn-64x64x64", "nn-256x256x256", "nn-512x512x512",
    "nt-1x192x64", "nt-1x384x128", "nt-1x768x256",
    "nt-32x192x64", "nt-32x384x128", "nt-32x768x256",
    "nt-256x192x64", "nt-256x384x128", "nt-256x768x256",
    "nt-32x192x8", "nt-1024x384x8", "nt-8192x768x8",
    "tn-192x8x32", "tn-384x8x1024", "tn-768x8x8192",
    "tn-192x64x1", "tn-384x128x32", "tn-768x256x256",
    "nn-1x64x192", "nn-32x128x384", "nn-256x256x768",
]


def blas_library():
    """The BLAS shared object mapped into this process, and OpenBLAS's own description if it is OpenBLAS."""
    with open("/proc/self/maps") as maps:
        libraries = sorted({line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line})
    config = None
    for path in libraries:
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            config = lib.openblas_get_config().decode()
            lib.openblas_get_corename.restype = ctypes.c_char_p
            config += ", core " + lib.openblas_get_corename().decode()
            config += ", threads " + str(lib.openblas_get_num_threads())
            break
        except (OSError, AttributeError):
            continue
    return libraries, config


def operands(shape, rng):
    ops, dims = shape.split("-")
    m, n, k = (int(d) for d in dims.split("x"))
    a = rng.uniform(-1, 1, (k, m) if ops[0] == "t" else (m, k)).astype(np.float32)
    b = rng.uniform(-1, 1, (n, k) if ops[1] == "t" else (k, n)).astype(np.float32)
    # Transposed views: numpy hands BLAS the stored matrix with a transpose flag, no copy.
    return (a.T if ops[0] == "t" else a), (b.T if ops[1] == "t" else b), np.empty((m, n), np.float32), 2.0 * m * n * k


def best_gflops(a, b, c, flops, clock, repeats=7, min_seconds=0.2):
    np.matmul(a, b, out=c)
    calls = 1
    while True:
        start = clock()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        if clock() - start > min_seconds / 4:
            break
        calls *= 2
    best = 0.0
    for _ in range(repeats):
        start = clock()
        for _ in range(calls):
            np.matmul(a, b, out=c)
        best = max(best, flops * calls / (clock() - start) / 1e9)
    return best


def main():
    as_json = "--json" in sys.argv
    cpu = "--clock" in sys.argv and sys.argv[sys.argv.index("--clock") + 1] == "cpu"
    clock = time.thread_time if cpu else time.perf_counter
    rng = np.random.default_rng(42)
    np.matmul(np.ones((4, 4), np.float32), np.ones((4, 4), np.float32))  # loads the BLAS library
    libraries, config = blas_library()
    info = {"blas": libraries, "openblas_config": config}
    if as_json:
        print(json.dumps(info), file=sys.stderr)
    else:
        print("BLAS:", ", ".join(libraries) or "none found", "|", config or "not OpenBLAS")
        print(f"{'shape':<18}{'GFLOP/s':>9}")
    for shape in SHAPES:
        gflops = best_gflops(*operands(shape, rng), clock)
        if as_json:
            print(json.dumps({"shape": shape, "provider": "openblas", "gflops": gflops}), flush=True)
        else:
            print(f"{shape:<18}{gflops:>9.1f}")


if __name__ == "__main__":
    main()
