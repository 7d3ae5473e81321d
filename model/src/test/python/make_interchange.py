#!/usr/bin/env python3
"""Fixtures from real frameworks for the ONNX and Keras importers (OnnxImportTest, KerasImportTest).

Run with pyenv's Python 3.11, where PyTorch 2, ONNX, ONNX Runtime, onnxscript, Keras 3, TensorFlow and h5py are
installed from the machine's local index (see DEVELOPERS.md / the issue):
    python3 model/src/test/python/make_interchange.py

It writes model/src/test/resources/interchange/:
  torch_<case>_<legacy|dynamo>.onnx   torch.onnx.export of a PyTorch model, with the TorchScript exporter
                                      (dynamo=False) and the torch.export one (dynamo=True)
  keras_<case>.keras / .h5            Keras 3 (.keras zip) and Keras 2 style HDF5 (.h5) models
  refused_<case>.onnx / .keras / .h5  models bigru must refuse, and the message it must give (in cases.json)
  <model>.expected.safetensors        x [N, T, I] (always batch first, as bigru takes it), lengths [N] when
                                      sequences are padded, and y: the framework's output in bigru's layout
                                      ([N, O] or [N, T, O]; probabilities for a softmax model)
  cases.json                          every case: file, expected file, what bigru must print when refusing
Every ONNX model is also run in ONNX Runtime here, which must agree with its framework within 1e-5.
"""
import json
import os
import sys
import warnings

import numpy as np

warnings.filterwarnings('ignore')
os.environ.setdefault('TF_CPP_MIN_LOG_LEVEL', '3')
os.environ.setdefault('KERAS_BACKEND', 'tensorflow')

import onnx
import onnxruntime as ort
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import write_safetensors  # noqa: E402  the one safetensors writer

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'interchange')
CASES = []


def save_expected(name, x, y, lengths=None, **metadata):
    tensors = {'x': np.asarray(x, np.float32), 'y': np.asarray(y, np.float32)}
    if lengths is not None:
        tensors['lengths'] = np.asarray(lengths, np.int64)
    write_safetensors(os.path.join(OUT_DIR, name + '.expected.safetensors'), tensors,
                      {k: str(v) for k, v in metadata.items()})


# ---------------------------------------------------------------- PyTorch -> ONNX

class TorchModel(nn.Module):
    """nn.GRU or nn.LSTM, then what a user writes after it: the head on h_n, on every step, or on out[:, -1]."""

    def __init__(self, cell, input_size, hidden, layers, bidirectional, batch_first, head, outputs,
                 dense=None, softmax=False, layer_norm=False):
        super().__init__()
        self.rnn = getattr(nn, cell)(input_size, hidden, num_layers=layers, batch_first=batch_first,
                                     bidirectional=bidirectional)
        self.batch_first = batch_first
        self.head = head
        self.bidirectional = bidirectional
        width = hidden * (2 if bidirectional else 1)
        self.dense = nn.Linear(width, dense) if dense else None
        self.norm = nn.LayerNorm(width) if layer_norm else None
        self.fc = nn.Linear(dense or width, outputs)
        self.softmax = softmax

    def forward(self, x):
        out, h = self.rnn(x)
        if isinstance(h, tuple):
            h = h[0]
        if self.head == 'h_n':
            features = torch.cat([h[-2], h[-1]], dim=1) if self.bidirectional else h[-1]
        elif self.head == 'last_step':
            features = out[:, -1, :] if self.batch_first else out[-1]
        else:
            features = out
        if self.norm is not None:
            features = self.norm(features)
        if self.dense is not None:
            features = torch.relu(self.dense(features))
        y = self.fc(features)
        return torch.softmax(y, dim=-1) if self.softmax else y


TORCH_CASES = [
    # name, cell, input, hidden, layers, bidirectional, batch_first, head, outputs, dense, softmax
    ('bigru_hn', 'GRU', 3, 5, 1, True, True, 'h_n', 2, None, False),
    ('gru_2layers_sequence', 'GRU', 4, 6, 2, False, True, 'sequence', 3, None, False),
    ('bilstm_sequence_time_first', 'LSTM', 3, 4, 1, True, False, 'sequence', 2, None, False),
    ('lstm_2layers_last_step', 'LSTM', 3, 5, 2, False, True, 'last_step', 2, None, False),
    ('bigru_2layers_hn_dense', 'GRU', 3, 4, 2, True, True, 'h_n', 2, 6, False),
    ('bigru_sequence_softmax', 'GRU', 3, 4, 1, True, True, 'sequence', 3, None, True),
]


def torch_export(model, path, x, dynamo):
    axes = {0: 'batch', 1: 'time'} if model.batch_first else {0: 'time', 1: 'batch'}
    kwargs = ({'dynamic_shapes': ({k: torch.export.Dim(v) for k, v in axes.items()},)} if dynamo
              else {'dynamic_axes': {'x': axes}})
    torch.onnx.export(model, (x,), path, input_names=['x'], output_names=['y'], dynamo=dynamo,
                      opset_version=17, **kwargs)


def check_runtime(path, x, expected, what):
    got = ort.InferenceSession(path).run(None, {'x': x})[0]
    diff = np.abs(got - expected).max()
    if diff > 1e-5:
        raise SystemExit('%s: ONNX Runtime differs from the framework by %g' % (what, diff))


def make_torch(seed, name, cell, input_size, hidden, layers, bidirectional, batch_first, head, outputs, dense,
               softmax, refused=None, layer_norm=False, exporters=('legacy', 'dynamo')):
    torch.manual_seed(seed)
    model = TorchModel(cell, input_size, hidden, layers, bidirectional, batch_first, head, outputs, dense, softmax,
                       layer_norm).eval()
    with torch.no_grad():
        for p in model.parameters():
            p.uniform_(-0.5, 0.5)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, (4, 6, input_size)).astype(np.float32)
    feed = x if batch_first else x.transpose(1, 0, 2).copy()
    with torch.no_grad():
        y = model(torch.from_numpy(feed)).numpy()
    for exporter in exporters:
        file = 'torch_%s_%s.onnx' % (name, exporter)
        path = os.path.join(OUT_DIR, file)
        torch_export(model, path, torch.from_numpy(feed), exporter == 'dynamo')
        check_runtime(path, feed, y, file)
        bigru_y = y if batch_first or head != 'sequence' else y.transpose(1, 0, 2)
        expected = file.replace('.onnx', '')
        save_expected(expected, x, bigru_y, softmax=int(softmax))
        CASES.append({'file': file, 'expected': expected + '.expected.safetensors', 'softmax': softmax,
                      'refused': refused})
    return file


def edited(source, target, edit, refused):
    """A copy of an ONNX fixture with its first recurrent node changed, which bigru must refuse."""
    model = onnx.load(os.path.join(OUT_DIR, source))
    node = next(n for n in model.graph.node if n.op_type in ('GRU', 'LSTM'))
    edit(node)
    onnx.save(model, os.path.join(OUT_DIR, target))
    CASES.append({'file': target, 'expected': None, 'softmax': False, 'refused': refused})


def make_torch_fixtures():
    for seed, case in enumerate(TORCH_CASES):
        make_torch(100 + seed, *case)
    # What bigru cannot compute, and says so.
    make_torch(200, 'bigru_last_step', 'GRU', 3, 4, 1, True, True, 'last_step', 2, None, False,
               exporters=('legacy',))
    CASES[-1].update(expected=None, refused='takes the last step of the output of bidirectional GRU')
    make_torch(201, 'gru_layer_norm', 'GRU', 3, 4, 1, False, True, 'h_n', 2, None, False, layer_norm=True,
               exporters=('legacy',))
    CASES[-1].update(expected=None, refused='unsupported node: LayerNormalization')
    edited('torch_bigru_hn_legacy.onnx', 'refused_gru_clip.onnx',
           lambda n: n.attribute.append(onnx.helper.make_attribute('clip', 3.0)), 'attribute clip=3.0')
    edited('torch_bigru_hn_legacy.onnx', 'refused_gru_relu.onnx',
           lambda n: n.attribute.append(onnx.helper.make_attribute('activations',
                                                                   ['Sigmoid', 'Relu', 'Sigmoid', 'Relu'])),
           'attribute activations=[Sigmoid, Relu, Sigmoid, Relu]')


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    make_torch_fixtures()
    import make_keras_fixtures  # noqa: E402  Keras after PyTorch: TensorFlow's start-up is slow
    CASES.extend(make_keras_fixtures.make(OUT_DIR, save_expected))
    with open(os.path.join(OUT_DIR, 'cases.json'), 'w') as f:
        json.dump(CASES, f, indent=1)
    print('wrote %d cases to %s' % (len(CASES), os.path.normpath(OUT_DIR)))


if __name__ == '__main__':
    main()
