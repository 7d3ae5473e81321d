#!/usr/bin/env python3
"""Keras 3 twin of `./bigru train` (the default job) and of `./bigru predict` on a table, for cold_start.py.

usage (pyenv's python3, with keras and tensorflow_cpu: PIP_INDEX_URL=$(pip config get global.extra-index-url
| cut -d' ' -f1) pip install keras==3.15.1 tensorflow_cpu):
  python3 twin_keras.py train [--data seattle-weather.csv] [--out-dir .]
  python3 twin_keras.py predict --model keras-model.keras --data small.csv --out predictions.csv

train is bigru's default job, the reference workflow's Keras model: the shipped daily Seattle weather (first
column `date` the index, `weather` dropped, `temp_max` the target, the other columns the features), look-back
windows of 24 rows, each predicting the target of its last row; the windows split in time order, the last
ceil(0.2 n) for testing; features and target standardized with statistics of the rows the training windows
cover (population standard deviation, scale 1 for a constant column, in double precision, as bigru's
StandardScaler); then Bidirectional(GRU(64)) + Dense(1) with Keras's defaults (reset_after, Glorot uniform
kernels, orthogonal recurrent kernels, zero biases: bigru's initialization), MSE, Adam with epsilon 1e-8
(bigru's and PyTorch's; Keras's default is 1e-7), fit(epochs=10, batch_size=32, shuffle=True): an order
shuffled every epoch (seed 42), the last batch kept. It prints the lines bigru prints (one per epoch, then
RMSE, MAE and R^2 in original units on the test part) and writes keras-model.keras, keras-preprocessing.json
(the scalers, window and columns, which bigru keeps inside its model file) and, where matplotlib is installed,
keras-fit.png and keras-loss.png as bigru draws them.

predict loads such a model (and the preprocessing beside it), reads a table with the model's feature columns,
builds a window ending at every row that has a full one, scales it with the stored statistics, predicts, and
writes one CSV row per window (the row's index value, the prediction in original units), as `./bigru predict`
does.

TensorFlow runs on the CPU with its default threads; Keras leaves XLA off on a machine without accelerators.
Predictions call the model on batches of up to 128 windows (as bigru's evaluation batches them; Keras advises
calling the model rather than predict() for data that fits in a few batches).
"""
import argparse
import csv
import json
import math
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up notices on stderr

import keras  # noqa: E402
import numpy as np  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "cli", "src", "main", "resources",
                    "org", "bigru", "cli", "data", "seattle-weather.csv")
TARGET = "temp_max"
DROP = ("weather",)
WINDOW = 24
TEST_SIZE = 0.2
UNITS = 64
EPOCHS = 10
BATCH = 32
SEED = 42
PREDICT_BATCH = 128


def read_table(path, features=None):
    """(index name, index values, feature names, features [rows, f] float64, target [rows] float64 or None)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], [r for r in rows[1:] if r]
    index_name = header[0]
    if features is None:
        features = [c for c in header[1:] if c != TARGET and c not in DROP]
    missing = [c for c in features if c not in header]
    if missing:
        sys.exit(f"{path} has no column '{missing[0]}' (its columns: {', '.join(header)})")
    columns = [header.index(c) for c in features]
    x = np.array([[float(r[c]) for c in columns] for r in body], dtype=np.float64)
    y = None
    if TARGET in header:
        t = header.index(TARGET)
        y = np.array([float(r[t]) for r in body], dtype=np.float64)
    return index_name, [r[0] for r in body], features, x, y


def fit_scaler(values, rows):
    """bigru's StandardScaler.fit on the first rows of float32 columns: sums in double, in row order."""
    part = values[:rows].astype(np.float64)
    mean = np.cumsum(part, axis=0)[-1] / rows
    constant = np.all(part == part[0], axis=0)
    mean = np.where(constant, part[0], mean)
    scale = np.sqrt(np.cumsum((part - mean) ** 2, axis=0)[-1] / rows)
    return mean, np.where(constant, 1.0, scale)


def transform(values, mean, scale):
    return ((values.astype(np.float64) - mean) / scale).astype(np.float32)


def windows(scaled, window):
    """Window k holds rows k .. k + window - 1 and predicts the target of its last row."""
    count = scaled.shape[0] - window + 1
    if count < 1:
        sys.exit(f"{scaled.shape[0]} rows are too few for a window of {window} rows")
    return np.stack([scaled[k:k + window] for k in range(count)])


def predict(model, x):
    return np.concatenate([np.asarray(model(x[i:i + PREDICT_BATCH], training=False))
                           for i in range(0, len(x), PREDICT_BATCH)])[:, 0]


def unscale(y, mean, scale):
    return (y.astype(np.float64) * scale + mean).astype(np.float32)


class EpochLines(keras.callbacks.Callback):
    """bigru's line per epoch (Keras's own verbose=2 line gives whole seconds)."""

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        print(f"epoch {epoch + 1}/{EPOCHS}  loss {logs['loss']:.5f}  {time.perf_counter() - self.start:.2f}s",
              flush=True)


def plots(out_dir, actual, predicted, losses):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    ax.plot(actual, color="darkorange", label="Actual", linewidth=1.6)
    ax.plot(predicted, color="navy", label="Predicted", linewidth=1.6)
    ax.set_title("BiGRU Regression Fit Comparison")
    ax.set_xlabel("Sample index")
    ax.set_ylabel(TARGET)
    ax.legend()
    ax.grid(True)
    fit = os.path.join(out_dir, "keras-fit.png")
    fig.savefig(fit)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    ax.plot(range(1, len(losses) + 1), losses, color="navy", marker="s", label="Training loss")
    ax.set_title("BiGRU Training Loss")
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Loss (scaled units)")
    ax.legend()
    ax.grid(True)
    loss = os.path.join(out_dir, "keras-loss.png")
    fig.savefig(loss)
    plt.close(fig)
    return [fit, loss]


def train(a):
    keras.utils.set_random_seed(SEED)
    _, _, features, x_table, y_table = read_table(a.data)
    x32, y32 = x_table.astype(np.float32), y_table.astype(np.float32)
    count = len(x32) - WINDOW + 1
    test = math.ceil(TEST_SIZE * count)
    train_count = count - test
    covered = train_count - 1 + WINDOW  # rows of the training windows: what the scalers are fitted on
    x_mean, x_scale = fit_scaler(x32, covered)
    y_mean, y_scale = fit_scaler(y32[:, None], covered)
    x = windows(transform(x32, x_mean, x_scale), WINDOW)
    y = transform(y32[:, None], y_mean, y_scale)[WINDOW - 1:]
    actual = y32[WINDOW - 1:]
    print(f"data: {os.path.basename(a.data)}, {len(x32)} rows; features {', '.join(features)}; target '{TARGET}'; "
          f"window {WINDOW}")
    print(f"split: {train_count} training, 0 validation, {test} test sequences; model 1 x BiGRU({UNITS}, last) "
          "+ Dense(1)", flush=True)

    model = keras.Sequential([keras.Input((WINDOW, len(features))),
                              keras.layers.Bidirectional(keras.layers.GRU(UNITS)),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(epsilon=1e-8), loss="mse")
    start = time.perf_counter()
    history = model.fit(x[:train_count], y[:train_count], epochs=EPOCHS, batch_size=BATCH, shuffle=True, verbose=0,
                        callbacks=[EpochLines()])
    seconds = time.perf_counter() - start

    model_file = os.path.join(a.out_dir, "keras-model.keras")
    model.save(model_file)
    with open(os.path.join(a.out_dir, "keras-preprocessing.json"), "w") as f:
        json.dump({"features": features, "target": TARGET, "window": WINDOW, "x_mean": x_mean.tolist(),
                   "x_scale": x_scale.tolist(), "y_mean": y_mean.tolist(), "y_scale": y_scale.tolist()}, f)
    predicted = unscale(predict(model, x[train_count:]), y_mean[0], y_scale[0])
    written = plots(a.out_dir, actual[train_count:], predicted, history.history["loss"])
    report(actual[train_count:], predicted)
    print(f"Model:     {model_file}")
    print(f"Plots:     {', '.join(written) if written else 'none (matplotlib is not installed)'}")
    print(f"Training:  {EPOCHS} epochs in {seconds:.2f} s, {train_count * EPOCHS / seconds:.0f} sequences/s "
          f"(keras {keras.__version__}, {keras.backend.backend()} backend)")


def report(actual, predicted):
    """bigru's RegressionMetrics: RMSE, MAE and R^2 in double precision."""
    a, p = actual.astype(np.float64), predicted.astype(np.float64)
    error = a - p
    squared = float(np.sum(error * error))
    total = float(np.sum((a - a.mean()) ** 2))
    r2 = (1.0 if squared == 0 else 0.0) if total == 0 else 1 - squared / total
    print()
    print(f"Test metrics ({len(a)} values, original units):")
    print(f"  RMSE  {math.sqrt(squared / len(a)):.4f}\n  MAE   {float(np.mean(np.abs(error))):.4f}\n  R^2   {r2:.4f}")


def predict_command(a):
    model = keras.saving.load_model(a.model)
    with open(os.path.join(os.path.dirname(os.path.abspath(a.model)), "keras-preprocessing.json")) as f:
        saved = json.load(f)
    index_name, index, _, x_table, _ = read_table(a.data, saved["features"])
    window = saved["window"]
    x = windows(transform(x_table.astype(np.float32), np.array(saved["x_mean"]), np.array(saved["x_scale"])), window)
    predicted = unscale(predict(model, x), saved["y_mean"][0], saved["y_scale"][0])
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow([index_name, "predicted_" + saved["target"]])
        for i, value in enumerate(predicted):
            out.writerow([index[window - 1 + i], str(value)])
    print(f"{len(predicted)} predictions written to {a.out}")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="the default job")
    t.add_argument("--data", default=os.path.normpath(DATA), help="the table (default: bigru's shipped data)")
    t.add_argument("--out-dir", default=".", help="folder for the model files and the plots")
    r = sub.add_parser("predict", help="a saved model on a table")
    r.add_argument("--model", required=True, help="a keras-model.keras written by train (its "
                   "keras-preprocessing.json beside it)")
    r.add_argument("--data", required=True)
    r.add_argument("--out", required=True, help="CSV file to write")
    a = p.parse_args()
    if a.command == "train":
        train(a)
    else:
        predict_command(a)


if __name__ == "__main__":
    main()
