#!/usr/bin/python3
"""PyTorch twin of `./bigru bench`: the same network, data shapes and step, timed the same way.

A bidirectional GRU or LSTM (--cell; batch_first) with a Linear(2H, 1) head on cat(h_n[-2], h_n[-1]), MSE loss
and Adam. Mode train = zero_grad, forward, backward, step; mode infer = forward under no_grad. Synthetic Gaussian
data. Warm-up, then steady-state milliseconds per step; prints one JSON object with bigru's keys.

Run with Debian's PyTorch and OpenBLAS's best settings, e.g.
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 torch_bench.py ...
"""
import argparse
import json
import time

import torch


class Bidirectional(torch.nn.Module):
    def __init__(self, cell, features, units, layers):
        super().__init__()
        module = torch.nn.LSTM if cell == "lstm" else torch.nn.GRU
        self.lstm = cell == "lstm"
        self.rnn = module(features, units, num_layers=layers, batch_first=True, bidirectional=True)
        self.fc = torch.nn.Linear(2 * units, 1)

    def forward(self, x):
        _, h_n = self.rnn(x)
        if self.lstm:
            h_n = h_n[0]
        return self.fc(torch.cat((h_n[-2], h_n[-1]), dim=1))


def run_for(step, seconds, min_steps):
    end = time.perf_counter() + seconds
    steps = 0
    while steps < min_steps or time.perf_counter() < end:
        step()
        steps += 1
    return steps


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cell", choices=["gru", "lstm"], default="gru")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--seq-len", type=int, default=24)
    p.add_argument("--features", type=int, default=8)
    p.add_argument("--units", type=int, default=64)
    p.add_argument("--layers", type=int, default=1)
    p.add_argument("--mode", choices=["train", "infer"], default="train")
    p.add_argument("--threads", type=int, default=0, help="intra-op threads (0: all processors)")
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--warmup", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    for name in ("batch", "seq_len", "features", "units", "layers"):
        if getattr(a, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be at least 1, not {getattr(a, name)}")
    if not a.seconds > 0 or a.warmup < 0:
        p.error("--seconds must be above 0 and --warmup at least 0")

    threads = a.threads if a.threads > 0 else torch.get_num_threads()
    torch.set_num_threads(threads)
    torch.manual_seed(a.seed)
    model = Bidirectional(a.cell, a.features, a.units, a.layers)
    x = torch.randn(a.batch, a.seq_len, a.features)
    y = torch.randn(a.batch, 1)
    loss_fn = torch.nn.MSELoss()
    adam = torch.optim.Adam(model.parameters())

    def train_step():
        adam.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        adam.step()

    def infer_step():
        with torch.no_grad():
            model(x)

    if a.mode == "train":
        model.train()
        step = train_step
    else:
        model.eval()
        step = infer_step
    run_for(step, a.warmup, 3)
    cpu_start = time.process_time()
    start = time.perf_counter()
    steps = run_for(step, a.seconds, 5)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    result = {
        "mode": a.mode, "cell": a.cell, "batch": a.batch, "seq_len": a.seq_len, "features": a.features, "units": a.units,
        "layers": a.layers, "threads": threads, "kernels": "torch " + torch.__version__, "steps": steps,
        "seconds": elapsed, "ms_per_step": elapsed * 1e3 / steps, "seq_per_s": steps * a.batch / elapsed,
        "cpu_ms_per_step": cpu * 1e3 / steps,
    }
    if a.json:
        print(json.dumps(result))
    else:
        print(f"{a.cell} {a.mode} B={a.batch} T={a.seq_len} I={a.features} H={a.units} L={a.layers}, {threads} threads, "
              f"torch {torch.__version__}: {result['ms_per_step']:.3f} ms/step, {result['seq_per_s']:.0f} seq/s "
              f"({steps} steps in {elapsed:.2f} s)")


if __name__ == "__main__":
    main()
