"""bigru's default job as its twins (twin_torch.py, twin_keras.py) share it: the table, windows, split and scaling
exactly as bigru prepares them, the lines bigru prints, its report and its two plots, and the twins' command line.
Each twin adds only its framework's model, training loop, model file and prediction.
"""
import argparse
import collections
import csv
import math
import os
import sys

import numpy as np

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

# The default job's data as the network sees it: x [windows, WINDOW, features] and y [windows, 1] scaled, actual
# [windows] in original units, the first train_count windows for training, the scalers' statistics.
Prepared = collections.namedtuple("Prepared", "features x y actual train_count x_mean x_scale y_mean y_scale")


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


def unscale(y, mean, scale):
    return (y.astype(np.float64) * scale + mean).astype(np.float32)


def windows(scaled, window):
    """Window k holds rows k .. k + window - 1 and predicts the target of its last row."""
    count = scaled.shape[0] - window + 1
    if count < 1:
        sys.exit(f"{scaled.shape[0]} rows are too few for a window of {window} rows")
    return np.stack([scaled[k:k + window] for k in range(count)])


def prepare(path):
    """The table as bigru's default job prepares it, with the two lines bigru prints about it."""
    _, _, features, x_table, y_table = read_table(path)
    x32, y32 = x_table.astype(np.float32), y_table.astype(np.float32)
    count = len(x32) - WINDOW + 1
    test = math.ceil(TEST_SIZE * count)
    train_count = count - test
    covered = train_count - 1 + WINDOW  # rows of the training windows: what the scalers are fitted on
    x_mean, x_scale = fit_scaler(x32, covered)
    y_mean, y_scale = fit_scaler(y32[:, None], covered)
    print(f"data: {os.path.basename(path)}, {len(x32)} rows; features {', '.join(features)}; target '{TARGET}'; "
          f"window {WINDOW}")
    print(f"split: {train_count} training, 0 validation, {test} test sequences; model 1 x BiGRU({UNITS}, last) "
          "+ Dense(1)", flush=True)
    return Prepared(features, windows(transform(x32, x_mean, x_scale), WINDOW),
                    transform(y32[:, None], y_mean, y_scale)[WINDOW - 1:], y32[WINDOW - 1:], train_count,
                    x_mean, x_scale, y_mean, y_scale)


def preprocessing(prepared):
    """What a model file must keep to predict on a new table (plain lists: torch.load's weights_only mode, PyTorch
    2's default, takes no numpy arrays)."""
    return {"features": prepared.features, "target": TARGET, "window": WINDOW,
            "x_mean": prepared.x_mean.tolist(), "x_scale": prepared.x_scale.tolist(),
            "y_mean": prepared.y_mean.tolist(), "y_scale": prepared.y_scale.tolist()}


def finish(prepared, out_dir, tool, predict_scaled, losses, model_file, seconds, how):
    """Predicts the test part, draws the plots, prints bigru's report and closing lines."""
    test = prepared.x[prepared.train_count:]
    predicted = unscale(predict_scaled(test), prepared.y_mean[0], prepared.y_scale[0])
    actual = prepared.actual[prepared.train_count:]
    written = plots(out_dir, tool, actual, predicted, losses)
    report(actual, predicted)
    print(f"Model:     {model_file}")
    print(f"Plots:     {', '.join(written) if written else 'none (matplotlib is not installed)'}")
    print(f"Training:  {EPOCHS} epochs in {seconds:.2f} s, {prepared.train_count * EPOCHS / seconds:.0f} "
          f"sequences/s ({how})")


def plots(out_dir, tool, actual, predicted, losses):
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
    fit = os.path.join(out_dir, f"{tool}-fit.png")
    fig.savefig(fit)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
    ax.plot(range(1, len(losses) + 1), losses, color="navy", marker="s", label="Training loss")
    ax.set_title("BiGRU Training Loss")
    ax.set_xlabel("Epoch")
    ax.set_ylabel("Loss (scaled units)")
    ax.legend()
    ax.grid(True)
    loss = os.path.join(out_dir, f"{tool}-loss.png")
    fig.savefig(loss)
    plt.close(fig)
    return [fit, loss]


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


def predict_table(saved, data, out, predict_scaled):
    """`bigru predict`: a window ending at every row with a full one, scaled with the saved statistics, predicted,
    one CSV row per window (the row's index value, the prediction in original units)."""
    index_name, index, _, x_table, _ = read_table(data, saved["features"])
    window = saved["window"]
    x = windows(transform(x_table.astype(np.float32), np.array(saved["x_mean"]), np.array(saved["x_scale"])), window)
    predicted = unscale(predict_scaled(x), saved["y_mean"][0], saved["y_scale"][0])
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow([index_name, "predicted_" + saved["target"]])
        for i, value in enumerate(predicted):
            writer.writerow([index[window - 1 + i], str(value)])
    print(f"{len(predicted)} predictions written to {out}")


def main(description, train, predict_command, model_help):
    p = argparse.ArgumentParser(description=description)
    sub = p.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="the default job")
    t.add_argument("--data", default=os.path.normpath(DATA), help="the table (default: bigru's shipped data)")
    t.add_argument("--out-dir", default=".", help="folder for the model files and the plots")
    r = sub.add_parser("predict", help="a saved model on a table")
    r.add_argument("--model", required=True, help=model_help)
    r.add_argument("--data", required=True)
    r.add_argument("--out", required=True, help="CSV file to write")
    a = p.parse_args()
    if a.command == "train":
        train(a)
    else:
        predict_command(a)
