#!/usr/bin/python3
"""Issue 17 benchmark, Python side: per-product time of an exact HVP of a researcher's own
TorchScript module, written the PyTorch way, on the same module file and data that
`org.sharpscope.bench.HvpTiming module:DIR/NAME` loads (Debian python3-torch, /usr/bin/python3).

    module_hvp.py make DIR            writes DIR/<name>.pt (torch.jit.trace) and DIR/<name>.safetensors
                                      for every module below (float32, fixed seeds)
    module_hvp.py time DIR/NAME DTYPE THREADS REPEATS
                                      one "side python ..." line: the module loaded with torch.jit.load
                                      (.double() for float64), MSE = 1/2 mean (f - y)^2, gradient, HVP
                                      rebuilding forward + create_graph backward every product (the idiom),
                                      HVP through a retained grad graph, and peak RSS

Modules (pre-LayerNorm transformer blocks: multi-head self-attention, GELU MLP, linear per-token
head; targets the running mean of each sequence's first feature):
  fixture   the test fixture of nn/src/test/resources/torchscript: 1 block, width 8, 2 heads,
            MLP 16, 16 sequences of 5 tokens (overhead-bound: a few thousand FLOPs per op)
  gpt2x128  2 blocks, width 128, 4 heads, MLP 512, 128 sequences of 64 tokens (a small research
            transformer; 0.4 M parameters)
"""
import resource
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn as nn

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "nn/src/test/python"))
from check_torchscript_checkpoint import read_safetensors  # noqa: E402
from make_torchscript_fixtures import Block, write_safetensors  # noqa: E402  (the fixture's own block)

MODULES = {
    # name: (blocks, width, heads, hidden, sequences, tokens)
    "fixture": (1, 8, 2, 16, 16, 5),
    "gpt2x128": (2, 128, 4, 512, 128, 64),
}


class Stack(nn.Module):
    def __init__(self, blocks, width, heads, hidden):
        super().__init__()
        self.blocks = nn.ModuleList([Block(width, heads, hidden) for _ in range(blocks)])
        for b in self.blocks:
            b.head = nn.Identity()
        self.head = nn.Linear(width, 1)

    def forward(self, x):
        for b in self.blocks:
            x = b(x)  # the fixture's block with an identity head: [b, t, width]
        return self.head(x).squeeze(-1)


def build(name):
    blocks, width, heads, hidden, n, t = MODULES[name]
    torch.manual_seed(5)
    if name == "fixture":
        model = Block(width, heads, hidden).eval()
    else:
        model = Stack(blocks, width, heads, hidden).eval()
    inputs = torch.randn(n, t, width)
    targets = torch.cumsum(inputs[:, :, 0], dim=1) / torch.arange(1, t + 1)
    return model, inputs, targets


def make(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name in MODULES:
        model, inputs, targets = build(name)
        traced = torch.jit.trace(model, inputs[:3])
        traced.save(str(out / f"{name}.pt"))
        write_safetensors(out / f"{name}.safetensors", {"inputs": inputs, "targets": targets})


def timed(f, repeats):
    f()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        out.append((time.perf_counter() - t) * 1e3)
    return statistics.median(out)


def time_module(path, dtype, threads, repeats):
    torch.set_num_threads(threads)
    dt = torch.float64 if dtype == "float64" else torch.float32
    module = torch.jit.load(path + ".pt").to(dt).eval()
    data = read_safetensors(path + ".safetensors")
    x, y = data["inputs"].to(dt), data["targets"].to(dt)
    params = [p for p in module.parameters()]
    for p in params:
        p.requires_grad_(True)
    dim = sum(p.numel() for p in params)
    g = torch.Generator().manual_seed(1)
    v = [torch.randn(p.shape, generator=g, dtype=dt) for p in params]

    def loss():
        out = module(x)
        return 0.5 * ((out.reshape(out.shape[0], -1) - y.reshape(y.shape[0], -1)) ** 2).mean()

    def gradient():
        return torch.autograd.grad(loss(), params)

    def hvp_idiom():
        grads = torch.autograd.grad(loss(), params, create_graph=True)
        return torch.autograd.grad(grads, params, grad_outputs=v)

    grads = torch.autograd.grad(loss(), params, create_graph=True)

    def hvp_retained():
        return torch.autograd.grad(grads, params, grad_outputs=v, retain_graph=True)

    grad_ms = timed(gradient, repeats)
    c0 = time.process_time()
    hvp_ms = timed(hvp_idiom, repeats)
    hvp_cpu_ms = (time.process_time() - c0) * 1e3 / (repeats + 1)
    retained_ms = timed(hvp_retained, repeats)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"side python case module:{Path(path).name} dtype {dtype} threads {threads} params {dim} grad_ms {grad_ms:.3f} "
          f"hvp_ms {hvp_ms:.3f} hvp_cpu_ms {hvp_cpu_ms:.3f} hvp_retained_ms {retained_ms:.3f} vmhwm_mb {rss:.1f}")


def main():
    if sys.argv[1] == "make":
        make(sys.argv[2])
    elif sys.argv[1] == "time":
        time_module(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
