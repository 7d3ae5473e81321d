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
import json
import os
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # TensorFlow's start-up notices on stderr

import keras  # noqa: E402
import numpy as np  # noqa: E402

from twin_job import (BATCH, EPOCHS, PREDICT_BATCH, SEED, UNITS, WINDOW, finish, main,  # noqa: E402
                      predict_table, prepare, preprocessing)


def predict(model, x):
    return np.concatenate([np.asarray(model(x[i:i + PREDICT_BATCH], training=False))
                           for i in range(0, len(x), PREDICT_BATCH)])[:, 0]


class EpochLines(keras.callbacks.Callback):
    """bigru's line per epoch (Keras's own verbose=2 line gives whole seconds)."""

    def on_epoch_begin(self, epoch, logs=None):
        self.start = time.perf_counter()

    def on_epoch_end(self, epoch, logs=None):
        print(f"epoch {epoch + 1}/{EPOCHS}  loss {logs['loss']:.5f}  {time.perf_counter() - self.start:.2f}s",
              flush=True)


def train(a):
    keras.utils.set_random_seed(SEED)
    prepared = prepare(a.data)
    train_count = prepared.train_count
    model = keras.Sequential([keras.Input((WINDOW, len(prepared.features))),
                              keras.layers.Bidirectional(keras.layers.GRU(UNITS)),
                              keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(epsilon=1e-8), loss="mse")
    start = time.perf_counter()
    history = model.fit(prepared.x[:train_count], prepared.y[:train_count], epochs=EPOCHS, batch_size=BATCH,
                        shuffle=True, verbose=0, callbacks=[EpochLines()])
    seconds = time.perf_counter() - start
    model_file = os.path.join(a.out_dir, "keras-model.keras")
    model.save(model_file)
    with open(os.path.join(a.out_dir, "keras-preprocessing.json"), "w") as f:
        json.dump(preprocessing(prepared), f)
    finish(prepared, a.out_dir, "keras", lambda x: predict(model, x), history.history["loss"], model_file, seconds,
           f"keras {keras.__version__}, {keras.backend.backend()} backend")


def predict_command(a):
    model = keras.saving.load_model(a.model)
    with open(os.path.join(os.path.dirname(os.path.abspath(a.model)), "keras-preprocessing.json")) as f:
        saved = json.load(f)
    predict_table(saved, a.data, a.out, lambda x: predict(model, x))


if __name__ == "__main__":
    main(__doc__.splitlines()[0], train, predict_command,
         "a keras-model.keras written by train (its keras-preprocessing.json beside it)")
