"""Keras 3 fixtures for KerasImportTest, written by make_interchange.py (run that script, not this one).

Each model is saved twice: as a Keras 3 .keras zip and as an HDF5 .h5 file in the Keras 2 / tf.keras layout
(Keras 3 writes that legacy format for a .h5 name). The reference workflow (reference-workflow.md, section 1:
Bidirectional(GRU(64, return_sequences=True)) + Dense(1) on the Seattle weather table, its 2-D defect fixed
with look-back windows of 24 rows) is trained here too and saved as keras_reference.keras, with its test windows,
Keras's predictions and the metrics the script prints.
"""
import csv
import os

import numpy as np

os.environ.setdefault('KERAS_BACKEND', 'tensorflow')
import keras  # noqa: E402
from keras import layers  # noqa: E402

WEATHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'cli', 'src', 'main',
                       'resources', 'org', 'bigru', 'cli', 'data', 'seattle-weather.csv')


def randomize(model, seed):
    """Every weight uniform in [-0.5, 0.5], so that biases and both directions matter."""
    rng = np.random.default_rng(seed)
    model.set_weights([rng.uniform(-0.5, 0.5, w.shape).astype(np.float32) for w in model.get_weights()])


def sequential(steps, features, *stack):
    return keras.Sequential([keras.Input((steps, features))] + list(stack))


MODELS = [
    # name, builder(steps, features), features, padded (Masking with zeros at the end), softmax
    ('bigru_concat_sequence', lambda s, f: sequential(s, f, layers.Bidirectional(layers.GRU(5, return_sequences=True)),
                                                      layers.Dense(2)), 3, False, False),
    ('bigru_sum_last_reset_before', lambda s, f: sequential(
        s, f, layers.Bidirectional(layers.GRU(4, reset_after=False), merge_mode='sum'),
        layers.Dense(3, activation='tanh')), 3, False, False),
    ('stacked_gru_dropout_bilstm_ave_dense', lambda s, f: sequential(
        s, f, layers.GRU(4, return_sequences=True), layers.Dropout(0.2),
        layers.Bidirectional(layers.LSTM(3), merge_mode='ave'), layers.Dense(4, activation='relu'),
        layers.Dense(2)), 4, False, False),
    ('bilstm_mul_sequence_softmax', lambda s, f: sequential(
        s, f, layers.Bidirectional(layers.LSTM(4, return_sequences=True), merge_mode='mul'),
        layers.Dense(3, activation='softmax')), 3, False, True),
    ('masking_bigru_last', lambda s, f: sequential(
        s, f, layers.Masking(0.0), layers.Bidirectional(layers.GRU(4)), layers.Dense(1)), 3, True, False),
    ('functional_gru_no_bias_sigmoid', lambda s, f: functional(s, f), 3, False, False),
]


def functional(steps, features):
    inputs = keras.Input((steps, features))
    hidden = layers.GRU(5, use_bias=False, return_sequences=True)(inputs)
    outputs = layers.Dense(2, activation='sigmoid')(hidden)
    return keras.Model(inputs, outputs)


REFUSED = [
    ('lambda', lambda s, f: sequential(s, f, layers.GRU(3, return_sequences=True),
                                       layers.Lambda(lambda t: t * 2.0), layers.Dense(1)),
     "layer 'lambda' (Lambda)"),
    ('conv1d', lambda s, f: sequential(s, f, layers.Conv1D(4, 2), layers.GRU(3), layers.Dense(1)),
     "layer 'conv1d' (Conv1D)"),
    ('gru_relu', lambda s, f: sequential(s, f, layers.GRU(3, activation='relu'), layers.Dense(1)),
     "activation='relu'"),
    ('gru_go_backwards', lambda s, f: sequential(s, f, layers.GRU(3, go_backwards=True), layers.Dense(1)),
     'go_backwards=True'),
]


def make(out_dir, save_expected):
    keras.utils.set_random_seed(7)
    cases = []
    steps = 6
    for seed, (name, build, features, padded, softmax) in enumerate(MODELS):
        model = build(steps, features)
        randomize(model, 300 + seed)
        rng = np.random.default_rng(400 + seed)
        x = rng.uniform(-1, 1, (4, steps, features)).astype(np.float32)
        lengths = None
        if padded:
            lengths = np.array([6, 3, 1, 5])
            for i, n in enumerate(lengths):
                x[i, n:, :] = 0.0
        y = model.predict(x, verbose=0)
        for extension in ('keras', 'h5'):
            file = 'keras_%s.%s' % (name, extension)
            model.save(os.path.join(out_dir, file))
            expected = 'keras_%s_%s' % (name, extension)
            save_expected(expected, x, y, lengths)
            cases.append({'file': file, 'expected': expected + '.expected.safetensors', 'softmax': softmax,
                          'refused': None})
    for name, build, message in REFUSED:
        model = build(steps, 3)
        for extension in ('keras', 'h5'):
            file = 'refused_keras_%s.%s' % (name, extension)
            model.save(os.path.join(out_dir, file))
            cases.append({'file': file, 'expected': None, 'softmax': False, 'refused': message})
    cases.append(make_reference(out_dir, save_expected))
    cases.append(make_keras_own_onnx_export(out_dir))
    return cases


KERAS_TORCH_EXPORT = """
import os, sys
os.environ['KERAS_BACKEND'] = 'torch'
import keras, numpy as np
from keras import layers
keras.utils.set_random_seed(3)
model = keras.Sequential([keras.Input((6, 3)), layers.Bidirectional(layers.GRU(4, return_sequences=True)),
                          layers.Dense(2)])
model(np.zeros((1, 6, 3), np.float32))
model.export(sys.argv[1], format='onnx', verbose=False)
"""


def make_keras_own_onnx_export(out_dir):
    """Keras 3's own ONNX export. tf2onnx (which the TensorFlow backend needs) is not on this machine's package
    index; with the torch backend Keras unrolls the GRU into per-step MatMul, Sigmoid and Tanh nodes, which bigru
    refuses, saying so."""
    import subprocess
    import sys
    file = 'refused_keras3_own_onnx_export.onnx'
    subprocess.run([sys.executable, '-c', KERAS_TORCH_EXPORT, os.path.join(out_dir, file)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {'file': file, 'expected': None, 'softmax': False, 'refused': 'the graph has no GRU or LSTM node'}


def make_reference(out_dir, save_expected, window=24, epochs=10):
    """The reference Keras script with windows: features precipitation, temp_min, wind; target temp_max."""
    with open(WEATHER) as f:
        rows = list(csv.DictReader(f))
    features = np.array([[float(r['precipitation']), float(r['temp_min']), float(r['wind'])] for r in rows])
    target = np.array([float(r['temp_max']) for r in rows])
    count = len(rows) - window + 1
    train = count - int(np.ceil(0.2 * count))     # train_test_split(test_size=0.2, shuffle=False)
    fitted = train + window - 1                   # the rows the training windows cover
    mean, scale = features[:fitted].mean(0), features[:fitted].std(0)
    target_mean, target_scale = target[:fitted].mean(), target[:fitted].std()
    xs = ((features - mean) / scale).astype(np.float32)
    ys = ((target - target_mean) / target_scale).astype(np.float32)
    windows = np.stack([xs[k:k + window] for k in range(count)])
    step_targets = np.stack([ys[k:k + window] for k in range(count)])[..., None]
    keras.utils.set_random_seed(1)
    model = keras.Sequential([keras.Input((window, 3)),
                              layers.Bidirectional(layers.GRU(units=64, return_sequences=True)),
                              layers.Dense(1)])
    model.compile(loss='mean_squared_error', optimizer='adam')
    model.fit(windows[:train], step_targets[:train], epochs=epochs, batch_size=32, verbose=0)
    model.save(os.path.join(out_dir, 'keras_reference.keras'))
    test = windows[train:]
    predicted = model.predict(test, verbose=0)
    last = predicted[:, -1, 0] * target_scale + target_mean
    actual = target[train + window - 1:]
    rmse = float(np.sqrt(np.mean((last - actual) ** 2)))
    mae = float(np.mean(np.abs(last - actual)))
    r2 = float(1 - np.sum((actual - last) ** 2) / np.sum((actual - actual.mean()) ** 2))
    print('reference Keras script: RMSE %.6f  MAE %.6f  R^2 %.6f' % (rmse, mae, r2))
    save_expected('keras_reference', test, predicted, None, rmse=rmse, mae=mae, r2=r2,
                  target_mean=float(target_mean), target_scale=float(target_scale),
                  actual=','.join(repr(float(a)) for a in actual))
    return {'file': 'keras_reference.keras', 'expected': 'keras_reference.expected.safetensors', 'softmax': False,
            'refused': None}
