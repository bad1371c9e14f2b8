#!/usr/bin/python3
"""Loads a Sharpscope checkpoint into the TorchScript module it was trained from, the PyTorch way,
and prints what PyTorch then computes (used by TorchScriptNetworkTest when /usr/bin/python3 has
torch). Usage: check_torchscript_checkpoint.py MODEL.pt DATA.safetensors mse|ce eval|train CHECKPOINT.safetensors...

The checkpoint is read by hand (Debian has no python3-safetensors); Sharpscope's own entries
(optimizer.*, tracker.*) are dropped and the rest goes through module.load_state_dict(strict=True),
which fails unless the file holds every parameter and buffer of the module under its
state_dict name with its shape. Prints JSON: the keys loaded, and the loss of the loaded module
(converted to float64 before loading) (Sharpscope's MSE = 1/2 mean of squares; CE = mean cross-entropy) in the
given mode on the data, one object per checkpoint, as a list."""
import json
import struct
import sys

import torch
import torch.nn.functional as F

DTYPES = {"F64": torch.float64, "F32": torch.float32, "I64": torch.int64, "I32": torch.int32, "U8": torch.uint8}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    header.pop("__metadata__", None)
    out = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        out[name] = torch.frombuffer(bytearray(raw[8 + n + a:8 + n + b]), dtype=DTYPES[h["dtype"]]).reshape(h["shape"])
    return out


def main():
    model_file, data_file, loss_kind, mode = sys.argv[1:5]
    data = read_safetensors(data_file)
    x = data["inputs"].double()
    y = data["targets"]
    results = []
    for checkpoint in sys.argv[5:]:
        module = torch.jit.load(model_file).double()  # before loading, so float64 weights are not rounded
        state = {k: v for k, v in read_safetensors(checkpoint).items() if not k.startswith(("optimizer.", "tracker."))}
        module.load_state_dict(state, strict=True)
        module.train(mode == "train")
        with torch.no_grad():
            out = module(x)
            if loss_kind == "mse":
                loss = 0.5 * ((out.reshape(out.shape[0], -1) - y.double().reshape(y.shape[0], -1)) ** 2).mean()
            else:
                loss = F.cross_entropy(out, y.long())
        results.append({"checkpoint": checkpoint, "keys": sorted(state.keys()), "loss": float(loss)})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
