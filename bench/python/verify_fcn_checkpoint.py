#!/usr/bin/python3
"""Independent check of `sharpscope sharpness` in plain PyTorch (Debian python3-torch): reads the
tensors of `sharpscope data export` and a checkpoint from `--save-checkpoint` (safetensors, parsed
here without the safetensors package), rebuilds the FCN from the checkpoint's description
(multipliers, activation, output scale), and prints the MSE loss and the top Hessian eigenvalue
(power iteration on double-backward HVPs) in float64.
Usage: verify_fcn_checkpoint.py DATA.safetensors CHECKPOINT.safetensors [ITERATIONS]"""
import json
import struct
import sys

import torch

DTYPES = {"F64": torch.float64, "F32": torch.float32, "I64": torch.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    tensors = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        buf = bytearray(raw[8 + n + a:8 + n + b])
        tensors[name] = torch.frombuffer(buf, dtype=DTYPES[h["dtype"]]).reshape(h["shape"]).to(torch.float64)
    return tensors, meta


def main():
    data, _ = read_safetensors(sys.argv[1])
    weights, meta = read_safetensors(sys.argv[2])
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    model = json.loads(meta["sharpscope_model"])
    assert model["model"] == "fcn", "this check rebuilds FCNs only"
    act = {"relu": torch.relu, "tanh": torch.tanh, "linear": lambda h: h}[model["activation"]]
    names = [k for k in model["parameters"] if k.endswith(".weight")]
    params = [weights[k].clone().requires_grad_() for k in model["parameters"]]
    index = {k: i for i, k in enumerate(model["parameters"])}
    x, y = data["inputs"], data["targets"]

    def forward(ps):
        h = x.reshape(x.shape[0], -1)
        for j, w in enumerate(names):
            h = h @ (ps[index[w]] * model["parameters"][w]["multiplier"]).T
            b = w[:-len("weight")] + "bias"
            if b in index:
                h = h + ps[index[b]]
            if j < len(names) - 1:
                h = act(h)
        return h * model["output_scale"]

    def loss(ps):
        return 0.5 * ((forward(ps) - y) ** 2).mean()

    def hvp(v):
        g = torch.autograd.grad(loss(params), params, create_graph=True)
        return torch.autograd.grad(sum((gi * vi).sum() for gi, vi in zip(g, v)), params)

    torch.manual_seed(0)
    v = [torch.randn_like(p) for p in params]
    lam = 0.0
    for _ in range(iterations):
        norm = torch.sqrt(sum((vi ** 2).sum() for vi in v))
        v = [vi / norm for vi in v]
        hv = hvp(v)
        lam = float(sum((a * b).sum() for a, b in zip(v, hv)))
        v = [t.detach() for t in hv]
    print(json.dumps({"loss": float(loss(params)), "top_eigenvalue_power": lam}))


if __name__ == "__main__":
    main()
