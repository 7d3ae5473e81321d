#!/usr/bin/python3
"""Golden fixtures from PyTorch for GoldenPyTorchTest.

Run with /usr/bin/python3 (PyTorch 1.13) from anywhere:
    /usr/bin/python3 model/src/test/python/make_golden.py

For each configuration it writes model/src/test/resources/golden/<name>.safetensors holding
  input [N, T, I] F32, lengths [N] I64, targets (regression: [N, O] or [N, T, O] F32) or labels
  (classification: [N] or [N, T] I64, -1 on padded steps), output (forward, [N, O] or [N, T, O], zero on
  padded steps), the initial parameters under their state_dict names, grad.<name> (gradient of the mean
  loss at the initial parameters) and adam20.<name> (parameters after 20 torch.optim.Adam steps on the same
  batch), with metadata config (bigru's ModelConfig JSON), loss (initial loss), lr.
The CONFIGS use PyTorch's own nn.GRU or nn.LSTM with pack_padded_sequence. The VARIANT_CONFIGS cover what
nn.GRU and nn.LSTM cannot express (MATLAB's other reset gate modes, merge modes sum/ave/mul, stacks mixing
cells) with ManualNet, the cells written step by step with autograd; ManualNet is first checked against
nn.GRU and nn.LSTM on PyTorch-compatible configurations.
For CONFIGS without hidden dense layers it also writes <name>.state_dict.safetensors: only the
state_dict, with metadata {"config": "{\"output_mode\": ...}"}, as a PyTorch user would export it.

Losses follow bigru's definitions: MSE is the mean over rows and outputs, rows being sequences ('last') or
real steps ('sequence'); cross-entropy the mean over rows with a label.
"""
import copy
import json
import os
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'golden')
ADAM_STEPS = 20
LR = 0.01
# A fixture's Adam steps must be well conditioned: PyTorch's float32 and float64 runs of them may differ by at
# most this fraction of each weight's scale (the larger of its final value and the distance it travelled), a
# tenth of the test's tolerance. Otherwise the float rounding of any implementation moves the result beyond the
# test's tolerance, and the next seed is taken.
CONDITIONING = 1e-5

ACTIVATIONS = {'linear': lambda x: x, 'relu': torch.relu, 'tanh': torch.tanh, 'sigmoid': torch.sigmoid}

# name, cell, input size, units, layers, bidirectional, output mode, hidden dense [(units, activation)],
# outputs, task, batch size, steps, variable lengths
CONFIGS = [
    ('bi_last_1layer', 'gru', 3, 5, 1, True, 'last', [], 2, 'regression', 4, 6, False),
    ('uni_last_2layers_varlen', 'gru', 4, 6, 2, False, 'last', [], 3, 'regression', 5, 7, True),
    ('bi_last_2layers_varlen', 'gru', 3, 4, 2, True, 'last', [], 2, 'regression', 5, 6, True),
    ('uni_seq_1layer', 'gru', 3, 5, 1, False, 'sequence', [], 2, 'regression', 3, 5, False),
    ('bi_seq_2layers_varlen', 'gru', 4, 5, 2, True, 'sequence', [], 3, 'regression', 4, 7, True),
    ('bi_last_dense_varlen', 'gru', 3, 5, 1, True, 'last', [(4, 'tanh')], 2, 'regression', 4, 6, True),
    ('bi_seq_dense_varlen', 'gru', 3, 4, 1, True, 'sequence', [(3, 'relu')], 2, 'regression', 4, 6, True),
    ('bi_last_classification', 'gru', 3, 5, 1, True, 'last', [], 3, 'classification', 6, 5, True),
    ('bi_seq_classification_varlen', 'gru', 3, 4, 2, True, 'sequence', [], 3, 'classification', 4, 6, True),
    ('lstm_bi_last_1layer', 'lstm', 3, 5, 1, True, 'last', [], 2, 'regression', 4, 6, False),
    ('lstm_uni_seq_2layers_varlen', 'lstm', 4, 5, 2, False, 'sequence', [], 3, 'regression', 4, 7, True),
    ('lstm_bi_last_2layers_varlen', 'lstm', 3, 4, 2, True, 'last', [], 2, 'regression', 5, 6, True),
    ('lstm_bi_last_dense_varlen', 'lstm', 3, 5, 1, True, 'last', [(4, 'tanh')], 2, 'regression', 4, 6, True),
    ('lstm_bi_seq_classification_varlen', 'lstm', 3, 4, 2, True, 'sequence', [], 3, 'classification', 4, 6, True),
    ('lstm_bi_last_classification', 'lstm', 3, 5, 1, True, 'last', [], 3, 'classification', 6, 5, True),
]

# name, input size, recurrent layers [(units, bidirectional, reset mode or 'lstm', merge)], output mode,
# hidden dense, outputs, task, batch size, steps, variable lengths
VARIANT_CONFIGS = [
    ('after_mult_bi_sum_seq_varlen', 3,
     [(4, True, 'after-multiplication', 'sum'), (3, True, 'after-multiplication', 'concat')],
     'sequence', [], 2, 'regression', 4, 6, True),
    ('before_mult_bi_mul_last_varlen', 3, [(5, True, 'before-multiplication', 'mul')],
     'last', [], 2, 'regression', 4, 6, True),
    ('mixed_stack_ave_dense_last_varlen', 4,
     [(4, True, 'recurrent-bias-after-multiplication', 'ave'), (3, False, 'before-multiplication', 'concat')],
     'last', [(3, 'sigmoid')], 2, 'regression', 5, 5, True),
    ('after_mult_uni_classification_seq_varlen', 3, [(5, False, 'after-multiplication', 'concat')],
     'sequence', [], 3, 'classification', 4, 5, True),
    ('lstm_bi_sum_then_mul_seq_varlen', 3, [(4, True, 'lstm', 'sum'), (3, True, 'lstm', 'mul')],
     'sequence', [], 2, 'regression', 4, 6, True),
    ('mixed_gru_lstm_ave_dense_last_varlen', 4,
     [(4, True, 'recurrent-bias-after-multiplication', 'ave'), (3, True, 'lstm', 'concat')],
     'last', [(3, 'sigmoid')], 2, 'regression', 5, 5, True),
]


class Net(nn.Module):
    def __init__(self, cell, input_size, units, layers, bidirectional, output_mode, hidden, outputs):
        super().__init__()
        module = nn.LSTM if cell == 'lstm' else nn.GRU
        self.cell = cell
        setattr(self, cell, module(input_size, units, num_layers=layers, batch_first=True,
                                   bidirectional=bidirectional))
        self.bidirectional = bidirectional
        self.output_mode = output_mode
        self.activations = []
        width = units * (2 if bidirectional else 1)
        for j, (size, activation) in enumerate(hidden):
            setattr(self, 'dense%d' % j, nn.Linear(width, size))
            self.activations.append(ACTIVATIONS[activation])
            width = size
        self.fc = nn.Linear(width, outputs)

    def forward(self, x, lengths):
        steps = x.shape[1]
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        output, h_n = getattr(self, self.cell)(packed)
        if self.cell == 'lstm':
            h_n = h_n[0]
        if self.output_mode == 'last':
            features = torch.cat((h_n[-2], h_n[-1]), dim=1) if self.bidirectional else h_n[-1]
        else:
            features, _ = pad_packed_sequence(output, batch_first=True, total_length=steps)
        for j, activation in enumerate(self.activations):
            features = activation(getattr(self, 'dense%d' % j)(features))
        y = self.fc(features)
        if self.output_mode == 'sequence':
            y = y * step_mask(lengths, steps).unsqueeze(-1)
        return y


class ManualNet(nn.Module):
    """bigru's network written step by step: GRU (any reset gate mode) and LSTM layers, any merge mode, stacks
    mixing them; parameters are named as PyTorch's modules name them, gru.* and lstm.*, each numbering its layers.

    Padding is handled by masks: a direction's state does not change on padded steps and its output there is
    zero, so the forward direction ends at each sequence's last real step and the reverse direction starts there.
    """

    def __init__(self, input_size, layers, output_mode, hidden, outputs):
        super().__init__()
        self.layers = layers
        self.output_mode = output_mode
        self.suffixes = []
        counts = {}
        width = input_size
        for units, bidirectional, reset_mode, merge in layers:
            cell = 'lstm' if reset_mode == 'lstm' else 'gru'
            if not hasattr(self, cell):
                setattr(self, cell, nn.Module())
            k = counts.get(cell, 0)
            counts[cell] = k + 1
            self.suffixes.append((cell, 'l%d' % k))
            gates = (4 if cell == 'lstm' else 3) * units
            bound = 1.0 / units ** 0.5
            for suffix in ['l%d' % k] + (['l%d_reverse' % k] if bidirectional else []):
                shapes = [('weight_ih_', (gates, width)), ('weight_hh_', (gates, units)), ('bias_ih_', (gates,))]
                if reset_mode in ('recurrent-bias-after-multiplication', 'lstm'):
                    shapes.append(('bias_hh_', (gates,)))
                for prefix, shape in shapes:
                    getattr(self, cell).register_parameter(
                        prefix + suffix, nn.Parameter(torch.empty(shape).uniform_(-bound, bound)))
            width = units * 2 if bidirectional and merge == 'concat' else units
        self.activations = []
        for j, (size, activation) in enumerate(hidden):
            setattr(self, 'dense%d' % j, nn.Linear(width, size))
            self.activations.append(ACTIVATIONS[activation])
            width = size
        self.fc = nn.Linear(width, outputs)

    def direction(self, x, mask, cell, suffix, reset_mode, reverse):
        """x [N, T, In], mask [N, T] -> outputs [N, T, H] (zero on padding), final state [N, H]."""
        module = getattr(self, cell)
        w_ih = getattr(module, 'weight_ih_' + suffix)
        w_hh = getattr(module, 'weight_hh_' + suffix)
        b_ih = getattr(module, 'bias_ih_' + suffix)
        b_hh = getattr(module, 'bias_hh_' + suffix, None)
        units = w_hh.shape[1]
        h = x.new_zeros(x.shape[0], units)
        c = x.new_zeros(x.shape[0], units)
        outputs = [None] * x.shape[1]
        for t in (range(x.shape[1] - 1, -1, -1) if reverse else range(x.shape[1])):
            m = mask[:, t].unsqueeze(1)
            if cell == 'lstm':
                gates = x[:, t] @ w_ih.t() + b_ih + h @ w_hh.t() + b_hh
                i, f, g, o = gates.chunk(4, dim=1)
                c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h_new = torch.sigmoid(o) * torch.tanh(c_new)
                c = m * c_new + (1 - m) * c
                h = m * h_new + (1 - m) * h
                outputs[t] = m * h
                continue
            gi = x[:, t] @ w_ih.t() + b_ih
            w_r, w_z, w_n = w_hh[:units], w_hh[units:2 * units], w_hh[2 * units:]
            gh_r, gh_z = h @ w_r.t(), h @ w_z.t()
            if b_hh is not None:
                gh_r, gh_z = gh_r + b_hh[:units], gh_z + b_hh[units:2 * units]
            r = torch.sigmoid(gi[:, :units] + gh_r)
            z = torch.sigmoid(gi[:, units:2 * units] + gh_z)
            if reset_mode == 'recurrent-bias-after-multiplication':
                n = torch.tanh(gi[:, 2 * units:] + r * (h @ w_n.t() + b_hh[2 * units:]))
            elif reset_mode == 'after-multiplication':
                n = torch.tanh(gi[:, 2 * units:] + r * (h @ w_n.t()))
            else:
                n = torch.tanh(gi[:, 2 * units:] + (r * h) @ w_n.t())
            h = m * ((1 - z) * n + z * h) + (1 - m) * h
            outputs[t] = m * h
        return torch.stack(outputs, dim=1), h

    def forward(self, x, lengths):
        steps = x.shape[1]
        mask = step_mask(lengths, steps)
        sequence = x
        for (units, bidirectional, reset_mode, merge), (cell, suffix) in zip(self.layers, self.suffixes):
            out, last = self.direction(sequence, mask, cell, suffix, reset_mode, False)
            if bidirectional:
                out_r, last_r = self.direction(sequence, mask, cell, suffix + '_reverse', reset_mode, True)
                out, last = merged(out, out_r, merge), merged(last, last_r, merge)
            sequence = out
        features = last if self.output_mode == 'last' else sequence
        for j, activation in enumerate(self.activations):
            features = activation(getattr(self, 'dense%d' % j)(features))
        y = self.fc(features)
        if self.output_mode == 'sequence':
            y = y * mask.unsqueeze(-1)
        return y


def merged(a, b, merge):
    if merge == 'concat':
        return torch.cat((a, b), dim=-1)
    if merge == 'sum':
        return a + b
    if merge == 'ave':
        return (a + b) / 2
    return a * b


def step_mask(lengths, steps):
    return (torch.arange(steps).unsqueeze(0) < lengths.unsqueeze(1)).float()


def loss_of(y, target, lengths, output_mode, task):
    if task == 'classification':
        if output_mode == 'last':
            return F.cross_entropy(y, target)
        return F.cross_entropy(y.reshape(-1, y.shape[-1]), target.reshape(-1), ignore_index=-1)
    if output_mode == 'last':
        return F.mse_loss(y, target)
    mask = step_mask(lengths, y.shape[1]).unsqueeze(-1)
    return ((y - target) ** 2 * mask).sum() / (mask.sum() * y.shape[-1])


def recurrent_layer(units, bidirectional, reset_mode, merge):
    """A recurrent layer in the fixed-slot form of bigru's config; the GRU's exactly as before LSTM existed."""
    if reset_mode == 'lstm':
        return {'cell': 'lstm', 'units': units, 'bidirectional': bidirectional, 'merge': merge}
    return {'units': units, 'bidirectional': bidirectional, 'reset_mode': reset_mode, 'merge': merge}


def bigru_config(input_size, layers, output_mode, hidden, outputs, task):
    return {
        'input_size': input_size,
        'recurrent': [recurrent_layer(*layer) for layer in layers],
        'output_mode': output_mode,
        'hidden': [{'units': u, 'activation': a} for u, a in hidden],
        'dropout': 0.0,
        'output_size': outputs,
        'task': task,
        'class_names': ['class%d' % c for c in range(outputs)] if task == 'classification' else [],
        'preprocessing': {},
    }


def write_safetensors(path, tensors, metadata):
    """The safetensors layout, written by hand: the safetensors package is not installed."""
    header = {'__metadata__': metadata}
    chunks = []
    offset = 0
    for name, value in tensors.items():
        array = np.ascontiguousarray(value)
        if array.dtype == np.float32:
            dtype, data = 'F32', array.astype('<f4').tobytes()
        elif array.dtype == np.int64:
            dtype, data = 'I64', array.astype('<i8').tobytes()
        else:
            raise ValueError('unsupported dtype %s for %s' % (array.dtype, name))
        header[name] = {'dtype': dtype, 'shape': list(array.shape), 'data_offsets': [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    header_bytes = json.dumps(header, separators=(',', ':')).encode('utf-8')
    header_bytes += b' ' * (-len(header_bytes) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(header_bytes)))
        f.write(header_bytes)
        for data in chunks:
            f.write(data)


def make(seed, name, cell, input_size, units, layers, bidirectional, output_mode, hidden, outputs, task, size,
         steps, variable):
    reset_mode = 'lstm' if cell == 'lstm' else 'recurrent-bias-after-multiplication'
    recurrent = [(units, bidirectional, reset_mode, 'concat')] * layers

    def build():
        return Net(cell, input_size, units, layers, bidirectional, output_mode, hidden, outputs)
    conditioned_fixture(seed, build, name, input_size, recurrent, output_mode, hidden, outputs, task, size, steps,
                        variable, state_dict_too=not hidden)


def make_variant(seed, name, input_size, recurrent, output_mode, hidden, outputs, task, size, steps, variable):
    def build():
        return ManualNet(input_size, recurrent, output_mode, hidden, outputs)
    conditioned_fixture(seed, build, name, input_size, recurrent, output_mode, hidden, outputs, task, size, steps,
                        variable, state_dict_too=False)


def conditioned_fixture(seed, build, *args, **kwargs):
    """The fixture of the first seed from `seed` on (in steps of 100) whose Adam steps are well conditioned."""
    for attempt in range(10):
        torch.manual_seed(seed + 100 * attempt)
        spread = fixture(build(), *args, **kwargs)
        if spread <= CONDITIONING:
            return
        print('    seed %d: float32 and float64 Adam runs differ by %.2g of a weight\'s scale, next seed'
              % (seed + 100 * attempt, spread))
    raise RuntimeError('no well-conditioned seed for ' + args[0])


def adam_steps(model, x, lengths, target, output_mode, task):
    optimizer = torch.optim.Adam(model.parameters(), lr=LR)
    for _ in range(ADAM_STEPS):
        optimizer.zero_grad()
        loss_of(model(x, lengths), target, lengths, output_mode, task).backward()
        optimizer.step()


def fixture(model, name, input_size, recurrent, output_mode, hidden, outputs, task, size, steps, variable,
            state_dict_too):
    """Writes the fixture; returns how far PyTorch's own float64 Adam run ends from the float32 one."""
    x = torch.randn(size, steps, input_size)
    if variable:
        # Always one full-length and one single-step sequence, the rest random.
        lengths = torch.randint(1, steps + 1, (size,))
        lengths[0] = steps
        lengths[-1] = 1
    else:
        lengths = torch.full((size,), steps, dtype=torch.int64)
    x = x * step_mask(lengths, steps).unsqueeze(-1)  # padding holds zeros, as bigru's batches do
    target_shape = (size, outputs) if output_mode == 'last' else (size, steps, outputs)
    if task == 'classification':
        label_shape = target_shape[:-1]
        target = torch.randint(0, outputs, label_shape)
        if output_mode == 'sequence':
            target = torch.where(step_mask(lengths, steps) > 0, target, torch.full_like(target, -1))
    else:
        target = torch.randn(target_shape)  # padded steps hold values too: the loss must ignore them

    initial = {k: v.detach().clone() for k, v in model.state_dict().items()}
    y = model(x, lengths)
    loss = loss_of(y, target, lengths, output_mode, task)
    model.zero_grad()
    loss.backward()
    grads = {k: p.grad.detach().clone() for k, p in model.named_parameters()}

    in_double = copy.deepcopy(model).double()
    adam_steps(model, x, lengths, target, output_mode, task)
    adam_steps(in_double, x.double(), lengths, target if task == 'classification' else target.double(),
               output_mode, task)
    spread = 0.0
    for k, w in model.state_dict().items():
        scale = torch.maximum(w.abs(), (w - initial[k]).abs()).clamp(min=1e-3)
        spread = max(spread, ((w.double() - in_double.state_dict()[k]).abs() / scale).max().item())

    tensors = {'input': x.numpy(), 'lengths': lengths.numpy().astype(np.int64),
               ('labels' if task == 'classification' else 'targets'): target.numpy(),
               'output': y.detach().numpy()}
    tensors.update({k: v.numpy() for k, v in initial.items()})
    tensors.update({'grad.' + k: v.numpy() for k, v in grads.items()})
    tensors.update({'adam20.' + k: v.detach().numpy() for k, v in model.state_dict().items()})
    config = bigru_config(input_size, recurrent, output_mode, hidden, outputs, task)
    metadata = {'config': json.dumps(config), 'loss': repr(loss.item()), 'lr': repr(LR),
                'adam_steps': str(ADAM_STEPS), 'torch': torch.__version__}
    write_safetensors(os.path.join(OUT_DIR, name + '.safetensors'), tensors, metadata)
    if state_dict_too:
        partial = {'output_mode': output_mode}
        if task == 'classification':
            partial['task'] = task
        write_safetensors(os.path.join(OUT_DIR, name + '.state_dict.safetensors'),
                          {k: v.numpy() for k, v in initial.items()}, {'config': json.dumps(partial)})
    print('%-42s loss %.6f, float32/64 Adam spread %.2g' % (name, loss.item(), spread))
    return spread


def check_manual_against_pytorch(cell):
    """ManualNet with PyTorch's GRU reset gate (or an LSTM) and concat computes what nn.GRU (nn.LSTM) computes,
    gradients included."""
    torch.manual_seed(7)
    reference = Net(cell, 3, 4, 2, True, 'sequence', [], 2)
    reset_mode = 'lstm' if cell == 'lstm' else 'recurrent-bias-after-multiplication'
    manual = ManualNet(3, [(4, True, reset_mode, 'concat')] * 2, 'sequence', [], 2)
    manual.load_state_dict(reference.state_dict())
    x = torch.randn(4, 6, 3)
    lengths = torch.tensor([6, 2, 5, 1])
    x = x * step_mask(lengths, 6).unsqueeze(-1)
    for output_mode in ('sequence', 'last'):
        reference.output_mode = manual.output_mode = output_mode
        reference.zero_grad()
        manual.zero_grad()
        y_reference, y_manual = reference(x, lengths), manual(x, lengths)
        assert torch.allclose(y_reference, y_manual, atol=1e-6), output_mode
        y_reference.square().sum().backward()
        y_manual.square().sum().backward()
        for (k, a), (_, b) in zip(reference.named_parameters(), manual.named_parameters()):
            assert torch.allclose(a.grad, b.grad, atol=1e-5), (output_mode, k)


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    check_manual_against_pytorch('gru')
    check_manual_against_pytorch('lstm')
    for seed, c in enumerate(CONFIGS):
        make(1000 + seed, *c)
    for seed, c in enumerate(VARIANT_CONFIGS):
        make_variant(2000 + seed, *c)


if __name__ == '__main__':
    main()
