#!/usr/bin/python3
"""PyTorch twin of `./bigru train` (the default job) and of `./bigru predict` on a table, for cold_start.py.

usage (from anywhere):
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 /usr/bin/python3 twin_torch.py train
  python3 twin_torch.py train                       # pyenv's PyTorch 2 with MKL: its defaults are its best
      [--data seattle-weather.csv] [--out-dir .]
  ... twin_torch.py predict --model torch-model.pt --data small.csv --out predictions.csv

train is bigru's default job step by step: the shipped daily Seattle weather (first column `date` the index,
`weather` dropped, `temp_max` the target, the other columns the features), look-back windows of 24 rows, each
predicting the target of its last row; the windows split in time order, the last ceil(0.2 n) for testing;
features and target standardized with statistics of the rows the training windows cover (population standard
deviation, scale 1 for a constant column, in double precision, as bigru's StandardScaler); then
nn.GRU(3, 64, bidirectional) with nn.Linear(128, 1) on cat(h_n[-2], h_n[-1]), bigru's initialization (Glorot
uniform W_ih, orthogonal 64 x 64 blocks of W_hh, zero biases, Glorot uniform head), MSE, Adam (PyTorch's
defaults, which are bigru's), 10 epochs of batches of 32 in an order shuffled every epoch (seed 42), the last
batch kept. It prints the lines bigru prints (one per epoch, then RMSE, MAE and R^2 in original units on the
test part) and writes torch-model.pt (the state_dict and the preprocessing) and, where matplotlib is
installed, torch-fit.png and torch-loss.png as bigru draws them.

predict loads such a model file, reads a table with the model's feature columns, builds a window ending at
every row that has a full one, scales it with the stored statistics, predicts, and writes one CSV row per
window (the row's index value, the prediction in original units), as `./bigru predict` does.

Threads are PyTorch's default: pyenv's PyTorch 2 (MKL, OpenMP) takes one per core; Debian's PyTorch 1.13 starts
with one, and OPENBLAS_NUM_THREADS=1 is its best setting (compare_torch.py, where 2 threads gained nothing).
"""
import os
import time

import torch

from twin_job import BATCH, EPOCHS, PREDICT_BATCH, SEED, UNITS, finish, main, predict_table, prepare, preprocessing


class BiGru(torch.nn.Module):
    def __init__(self, features, units):
        super().__init__()
        self.gru = torch.nn.GRU(features, units, batch_first=True, bidirectional=True)
        self.fc = torch.nn.Linear(2 * units, 1)

    def initialize(self):
        """bigru's (and Keras's) initialization, not PyTorch's uniform(+-1/sqrt(H))."""
        with torch.no_grad():
            for name, p in self.gru.named_parameters():
                if name.startswith("weight_ih"):
                    torch.nn.init.xavier_uniform_(p)
                elif name.startswith("weight_hh"):
                    for block in p.chunk(3, dim=0):
                        torch.nn.init.orthogonal_(block)
                else:
                    torch.nn.init.zeros_(p)
            torch.nn.init.xavier_uniform_(self.fc.weight)
            torch.nn.init.zeros_(self.fc.bias)

    def forward(self, x):
        _, h_n = self.gru(x)
        return self.fc(torch.cat((h_n[-2], h_n[-1]), dim=1))


def predict(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(torch.from_numpy(x[i:i + PREDICT_BATCH])) for i in range(0, len(x), PREDICT_BATCH)]
                         ).numpy()[:, 0]


def train(a):
    torch.manual_seed(SEED)
    prepared = prepare(a.data)
    train_count = prepared.train_count
    model = BiGru(len(prepared.features), UNITS)
    model.initialize()
    x_train = torch.from_numpy(prepared.x[:train_count])
    y_train = torch.from_numpy(prepared.y[:train_count])
    adam = torch.optim.Adam(model.parameters())
    loss_fn = torch.nn.MSELoss()
    order = torch.Generator().manual_seed(SEED)
    losses = []
    start = time.perf_counter()
    for epoch in range(1, EPOCHS + 1):
        epoch_start = time.perf_counter()
        model.train()
        permutation = torch.randperm(train_count, generator=order)
        total = 0.0
        for first in range(0, train_count, BATCH):
            rows = permutation[first:first + BATCH]
            adam.zero_grad()
            loss = loss_fn(model(x_train[rows]), y_train[rows])
            loss.backward()
            adam.step()
            total += loss.item() * len(rows)
        losses.append(total / train_count)
        print(f"epoch {epoch}/{EPOCHS}  loss {losses[-1]:.5f}  {time.perf_counter() - epoch_start:.2f}s", flush=True)
    seconds = time.perf_counter() - start
    threads = torch.get_num_threads()
    model_file = os.path.join(a.out_dir, "torch-model.pt")
    torch.save({"state_dict": model.state_dict(), **preprocessing(prepared)}, model_file)
    finish(prepared, a.out_dir, "torch", lambda x: predict(model, x), losses, model_file, seconds,
           f"{threads} thread{'' if threads == 1 else 's'}, torch {torch.__version__}")


def predict_command(a):
    saved = torch.load(a.model)
    model = BiGru(len(saved["features"]), UNITS)
    model.load_state_dict(saved["state_dict"])
    predict_table(saved, a.data, a.out, lambda x: predict(model, x))


if __name__ == "__main__":
    main(__doc__.splitlines()[0], train, predict_command, "a torch-model.pt written by train")
