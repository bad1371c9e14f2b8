#!/usr/bin/python3
"""Writes the TorchScript fixtures of nn's TorchScriptNetworkTest (issue 17) and PyTorch's own
reference numbers for them. Run with Debian's python3 (python3-torch, python3-scipy):

    /usr/bin/python3 nn/src/test/python/make_torchscript_fixtures.py nn/src/test/resources/torchscript

Two researcher-style models, saved as a researcher would (float32 modules, float32 inputs):

  rescnn      a CNN with BatchNorm and a residual connection, saved with torch.jit.script, on
              24 synthetic 3x6x6 images with 3 classes; targets are int64 class indices (CE).
              BatchNorm running statistics are made non-trivial by a few train-mode passes on
              other random images before saving (the saved module is in eval mode).
  transformer a pre-LayerNorm transformer block (2-head self-attention, GELU MLP) with a linear
              per-token head, saved with torch.jit.trace, on 16 synthetic sequences of 5 tokens
              of width 8; targets [16, 5] are the running mean of each sequence's first
              feature (MSE).

For each, <name>.pt (TorchScript), <name>.safetensors (`inputs`, `targets`) and
<name>.json: PyTorch's float64 numbers on the eager module converted with .double(): the loss,
the top-3 Hessian eigenvalues (double-backward HVPs + ARPACK eigsh) and the losses of 20 steps
of plain GD (theta <- theta - eta * grad, full batch) at the listed eta, per module mode
("eval": BatchNorm uses its running statistics; "train": batch statistics of all examples at
once; the transformer has no mode-dependent layer, so only "eval"). Sharpscope's losses are
MSE = 1/2 mean over examples and outputs of (f - y)^2 and CE = mean cross-entropy; the same
formulas are used here. tied.pt: a scripted two-layer MLP whose layers share one weight
(MSE on 10 examples of width 4), with the loss, gradient and top Hessian eigenvalue (dense
Hessian) from an explicit float64 functional forward. Also eager_pickle.pt: a torch.save() of a plain module (not
TorchScript), and dropout.pt: a scripted MLP with dropout, for the error-message tests.
Everything is deterministic (fixed seeds).
"""
import json
import math
import struct
import sys
from pathlib import Path

import numpy as np
import scipy.sparse.linalg as sla
import torch
import torch.nn as nn
import torch.nn.functional as F

GD_STEPS = 20
SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.int64: "I64"}


def write_safetensors(path, tensors):
    """The safetensors format by hand (Debian has no python3-safetensors)."""
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        raw = t.contiguous().numpy().tobytes()
        header[name] = {"dtype": SAFETENSORS_DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


class ResCnn(nn.Module):
    def __init__(self, classes: int = 3):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(4)
        self.head = nn.Linear(4, classes)

    def forward(self, x):
        h = torch.relu(self.bn1(self.conv1(x)))
        h = torch.relu(h + self.bn2(self.conv2(h)))
        return self.head(h.mean(dim=(2, 3)))


class Block(nn.Module):
    def __init__(self, width: int = 8, heads: int = 2, hidden: int = 16):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(width)
        self.qkv = nn.Linear(width, 3 * width)
        self.proj = nn.Linear(width, width)
        self.ln2 = nn.LayerNorm(width)
        self.fc1 = nn.Linear(width, hidden)
        self.fc2 = nn.Linear(hidden, width)
        self.head = nn.Linear(width, 1)

    def forward(self, x):
        b, t, d = x.shape
        dh = d // self.heads
        q, k, v = self.qkv(self.ln1(x)).chunk(3, dim=-1)
        q = q.reshape(b, t, self.heads, dh).transpose(1, 2)
        k = k.reshape(b, t, self.heads, dh).transpose(1, 2)
        v = v.reshape(b, t, self.heads, dh).transpose(1, 2)
        att = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(dh), dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        x = x + self.fc2(F.gelu(self.fc1(self.ln2(x))))
        return self.head(x).squeeze(-1)


def sharpscope_loss(kind, out, targets):
    if kind == "mse":
        return 0.5 * ((out.reshape(out.shape[0], -1) - targets.reshape(targets.shape[0], -1)) ** 2).mean()
    return F.cross_entropy(out, targets)


def references(module, inputs, targets, loss_kind, mode, eta):
    """Loss, top-3 Hessian eigenvalues and GD losses of a float64 copy of `module` in `mode`."""
    m = module.double()
    m.train(mode == "train")
    x = inputs.double()
    y = targets if targets.dtype == torch.int64 else targets.double()
    names = [n for n, _ in m.named_parameters()]
    params = [p.detach().clone() for _, p in m.named_parameters()]
    buffers = {n: b.detach().clone() for n, b in m.named_buffers()}

    def loss_of(ps):
        state = dict(zip(names, ps))
        # fresh buffer copies: a train-mode pass updates running statistics in place
        state.update({n: b.clone() for n, b in buffers.items()})
        return sharpscope_loss(loss_kind, torch.nn.utils.stateless.functional_call(m, state, (x,)), y)

    ps = [p.clone().requires_grad_() for p in params]
    sizes = [p.numel() for p in ps]
    dim = sum(sizes)
    grads = torch.autograd.grad(loss_of(ps), ps, create_graph=True)
    flat_grad = torch.cat([g.reshape(-1) for g in grads])
    count = [0]

    def hvp(v):
        count[0] += 1
        v = torch.from_numpy(np.asarray(v, dtype=np.float64).reshape(-1))
        hv = torch.autograd.grad(flat_grad @ v, ps, retain_graph=True)
        return torch.cat([h.reshape(-1) for h in hv]).numpy()

    op = sla.LinearOperator((dim, dim), matvec=hvp, dtype=np.float64)
    values = sla.eigsh(op, k=3, which="LA", tol=1e-14, v0=np.ones(dim), return_eigenvectors=False)
    values = sorted((float(v) for v in values), reverse=True)

    losses = []
    theta = [p.clone() for p in params]
    for step in range(GD_STEPS + 1):
        tp = [t.clone().requires_grad_() for t in theta]
        value = loss_of(tp)
        losses.append(float(value))
        if step == GD_STEPS:
            break
        g = torch.autograd.grad(value, tp)
        theta = [t - eta * gi for t, gi in zip(theta, g)]
    with torch.no_grad():
        loss = float(loss_of(params))
    return {"loss": loss, "top_eigenvalues": values, "eta": eta, "gd_losses": losses,
            "hvps": count[0], "parameters": dim}


def make_rescnn(out_dir):
    torch.manual_seed(17)
    model = ResCnn()
    with torch.no_grad():
        for bn in (model.bn1, model.bn2):  # non-trivial affine parameters
            bn.weight.uniform_(0.5, 1.5)
            bn.bias.uniform_(-0.2, 0.2)
    model.train()
    with torch.no_grad():
        for _ in range(3):  # non-trivial running statistics
            model(torch.randn(16, 3, 6, 6) * 1.5 + 0.3)
    model.eval()
    inputs = torch.randn(24, 3, 6, 6)
    targets = torch.randint(0, 3, (24,), dtype=torch.int64)
    torch.jit.script(model).save(str(out_dir / "rescnn.pt"))
    write_safetensors(out_dir / "rescnn.safetensors", {"inputs": inputs, "targets": targets})
    torch.save(model, str(out_dir / "eager_pickle.pt"))
    modes = {}
    for mode, eta in (("eval", 0.5), ("train", 0.5)):
        fresh = torch.jit.load(str(out_dir / "rescnn.pt"))  # the file's values, as Sharpscope sees them
        eager = ResCnn()
        eager.load_state_dict(fresh.state_dict())
        modes[mode] = references(eager, inputs, targets, "ce", mode, eta)
    sd = torch.jit.load(str(out_dir / "rescnn.pt")).state_dict()
    return {"model": "rescnn.pt", "data": "rescnn.safetensors", "loss": "ce", "saved_with": "torch.jit.script",
            "examples": 24, "parameter_names": [n for n, _ in model.named_parameters()],
            "state_dict_keys": list(sd.keys()), "modes": modes}


def make_transformer(out_dir):
    torch.manual_seed(5)
    model = Block().eval()
    inputs = torch.randn(16, 5, 8)
    targets = torch.cumsum(inputs[:, :, 0], dim=1) / torch.arange(1, 6)
    traced = torch.jit.trace(model, torch.randn(3, 5, 8))
    traced.save(str(out_dir / "transformer.pt"))
    write_safetensors(out_dir / "transformer.safetensors", {"inputs": inputs, "targets": targets})
    fresh = torch.jit.load(str(out_dir / "transformer.pt"))
    eager = Block()
    eager.load_state_dict(fresh.state_dict())
    return {"model": "transformer.pt", "data": "transformer.safetensors", "loss": "mse",
            "saved_with": "torch.jit.trace", "examples": 16,
            "parameter_names": [n for n, _ in model.named_parameters()],
            "state_dict_keys": list(fresh.state_dict().keys()),
            "modes": {"eval": references(eager, inputs, targets, "mse", "eval", 0.2)}}


def make_dropout(out_dir):
    torch.manual_seed(3)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.1), nn.Linear(8, 2)).eval()
    torch.jit.script(model).save(str(out_dir / "dropout.pt"))


class Tied(nn.Module):
    """A two-layer MLP whose second layer reuses the first layer's weight (tied parameters)."""

    def __init__(self):
        super().__init__()
        self.a = nn.Linear(4, 4)
        self.b = nn.Linear(4, 4)
        self.b.weight = self.a.weight

    def forward(self, x):
        return self.b(torch.tanh(self.a(x)))


def make_tied(out_dir):
    """tied.pt on 10 examples (MSE): references from an explicit functional forward in float64,
    since the tied weight is one parameter used twice."""
    torch.manual_seed(11)
    model = Tied().eval()
    inputs = torch.randn(10, 4)
    targets = torch.randn(10, 4)
    torch.jit.script(model).save(str(out_dir / "tied.pt"))
    write_safetensors(out_dir / "tied.safetensors", {"inputs": inputs, "targets": targets})
    names = [n for n, _ in model.named_parameters()]  # a.weight, a.bias, b.bias
    ps = [p.detach().double().clone().requires_grad_() for _, p in model.named_parameters()]
    x, y = inputs.double(), targets.double()

    def loss_of(w, ba, bb):
        return 0.5 * ((F.linear(torch.tanh(F.linear(x, w, ba)), w, bb) - y) ** 2).mean()

    value = loss_of(*ps)
    grads = torch.autograd.grad(value, ps, create_graph=True)
    flat = torch.cat([g.reshape(-1) for g in grads])
    dim = flat.numel()
    hess = torch.stack([torch.cat([h.reshape(-1) for h in torch.autograd.grad(flat[i], ps, retain_graph=True)])
                        for i in range(dim)])
    top = float(torch.linalg.eigvalsh(hess)[-1])
    return {"model": "tied.pt", "data": "tied.safetensors", "loss": "mse", "saved_with": "torch.jit.script",
            "examples": 10, "parameter_names": names,
            "state_dict_keys": list(torch.jit.load(str(out_dir / "tied.pt")).state_dict().keys()),
            "modes": {"eval": {"loss": float(value), "gradient": [float(g) for g in flat.detach()],
                               "top_eigenvalues": [top], "parameters": dim}}}


def main():
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "nn/src/test/resources/torchscript")
    out_dir.mkdir(parents=True, exist_ok=True)
    torch.set_num_threads(1)
    make_dropout(out_dir)
    for name, make in (("rescnn", make_rescnn), ("transformer", make_transformer), ("tied", make_tied)):
        ref = make(out_dir)
        ref["torch_version"] = torch.__version__
        with open(out_dir / (name + ".json"), "w") as f:
            json.dump(ref, f, indent=1)
            f.write("\n")
        for mode, r in ref["modes"].items():
            print(name, mode, "parameters", r["parameters"], "loss", r["loss"], "top", r["top_eigenvalues"],
                  "gd", r["gd_losses"][0] if "gd_losses" in r else "-", "->", r["gd_losses"][-1] if "gd_losses" in r else "-")


if __name__ == "__main__":
    main()
