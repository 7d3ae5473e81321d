"""PyTorch oracle for PyTorchReferenceTest: runs nn.GRU (one module per layer, packed sequences) and
nn.Linear in float64 on the weights, batch and targets the test wrote, and prints, as one JSON line, the
largest differences from the Java results for each case, or {"unavailable": ...} without torch.
Usage: torch_reference.py case.json..."""
import json
import sys

try:
    import torch
except ImportError as e:
    print(json.dumps({"unavailable": str(e)}))
    sys.exit(0)

torch.set_default_dtype(torch.float64)


def compare(case):
    n, steps, features = case["size"], case["steps"], case["features"]
    lengths = case["lengths"]
    params = case["params"]

    layers = []
    width = features
    for units, bidirectional in case["layers"]:
        layers.append(torch.nn.GRU(width, units, batch_first=True, bidirectional=bidirectional))
        width = units * (2 if bidirectional else 1)
    fc = torch.nn.Linear(width, case["outputs"])

    def tensor_of(name):
        # gru.weight_ih_l1_reverse is weight_ih_l0_reverse of the second one-layer module
        module, field = name.split(".", 1)
        if module == "fc":
            return getattr(fc, field)
        index = int(field.rsplit("_l", 1)[1].split("_")[0])
        return getattr(layers[index], field.replace("_l%d" % index, "_l0"))

    with torch.no_grad():
        for name, values in params.items():
            p = tensor_of(name)
            p.copy_(torch.tensor(values).reshape(p.shape))

    x = torch.tensor(case["x"]).reshape(n, steps, features).requires_grad_(True)
    data = torch.nn.utils.rnn.pack_padded_sequence(x, torch.tensor(lengths), batch_first=True,
                                                   enforce_sorted=False)
    for layer in layers:
        data, h_n = layer(data)
    mask = torch.zeros(n, steps, 1)
    for i, length in enumerate(lengths):
        mask[i, :length] = 1
    if case["mode"] == "last":
        last = torch.cat([h_n[-2], h_n[-1]], dim=1) if layers[-1].bidirectional else h_n[-1]
        prediction = fc(last)
        targets = torch.tensor(case["targets"]).reshape(prediction.shape)
        loss = ((prediction - targets) ** 2).mean()
    else:
        sequence, _ = torch.nn.utils.rnn.pad_packed_sequence(data, batch_first=True, total_length=steps)
        prediction = fc(sequence) * mask
        targets = torch.tensor(case["targets"]).reshape(prediction.shape)
        loss = (((prediction - targets) ** 2) * mask).sum() / (mask.sum() * case["outputs"])
    loss.backward()

    def max_diff(java, reference):
        return (torch.tensor(java) - reference.detach().reshape(-1)).abs().max().item()

    return {
        "mode": case["mode"],
        "prediction": max_diff(case["prediction"], prediction),
        "loss": abs(case["loss"] - loss.item()),
        "gradients": max(max_diff(case["grads"][name], tensor_of(name).grad) for name in params),
        "input": max_diff(case["inputGrad"], x.grad),
    }


print(json.dumps({"cases": [compare(json.load(open(path))) for path in sys.argv[1:]]}))
