#!/usr/bin/python3
"""Reference timing for issue 13: wall time per full-batch gradient and per exact HVP, written
the idiomatic PyTorch way (torch.autograd.grad with create_graph=True, then one more grad per
product: forward + first backward + double backward every time), on the same networks and
shapes as org.sharpscope.bench.HvpTiming, one case per process:

  fcn512    FCN 784-512-512-10 tanh, SP, no bias, 5000 Fashion-MNIST images (first 5000, standardized)
  myrtle5   Myrtle-5 width 64, ReLU, SP, 1000 inputs of 3x32x32 (random: timing does not depend on values)
  resnet20  ResNet-20 width 16 (3 stages of 3 basic blocks, 1x1 projections), ReLU, no norm, 1000 inputs

MSE = 1/2 mean over examples and outputs against one-hot targets. Also timed, for reference: the
product through a retained graph (what the Java default does), its graph build, and a 2048^3
torch.mm (the machine's GEMM rate in this build). Prints one line of key-value pairs, including
the forward GEMM/conv FLOPs of the model (fwd_gflop) and of its first layer (first_gflop).
Usage: hvp_timing.py CASE DTYPE THREADS REPEATS [DATA_DIR]   (Debian python3-torch, /usr/bin/python3)
"""
import gzip
import math
import os
import resource
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def fashion_mnist(n, data_dir):
    with gzip.open(os.path.join(data_dir, "train-images-idx3-ubyte.gz")) as f:
        f.read(16)
        x = np.frombuffer(f.read(n * 784), dtype=np.uint8).reshape(n, 784) / 255.0
    with gzip.open(os.path.join(data_dir, "train-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = np.frombuffer(f.read(n), dtype=np.uint8)
    x = (x - x.mean()) / x.std()
    return x, labels


def gaussian(shape, fan_in, sigma2=2.0):
    return torch.randn(*shape) * math.sqrt(sigma2 / fan_in)


class Fcn:
    def __init__(self, dims):
        self.params = [gaussian((dims[i + 1], dims[i]), dims[i], 1.0 if i == len(dims) - 2 else 2.0) for i in range(len(dims) - 1)]
        self.fwd = sum(2 * dims[i] * dims[i + 1] for i in range(len(dims) - 1))
        self.first = 2 * dims[0] * dims[1]

    def __call__(self, ps, x):
        h = x
        for i, w in enumerate(ps):
            h = h @ w.T
            if i < len(ps) - 1:
                h = torch.tanh(h)
        return h


class Myrtle5:
    def __init__(self, width, classes=10):
        shapes = [(width, 3), (width, width), (width, width), (width, width)]
        self.params = [gaussian((o, i, 3, 3), i * 9) for o, i in shapes] + [gaussian((classes, width), width, 1.0)]
        sizes = [32, 32, 16, 8]
        self.fwd = sum(2 * o * i * 9 * s * s for (o, i), s in zip(shapes, sizes)) + 2 * width * classes
        self.first = 2 * width * 3 * 9 * 32 * 32

    def __call__(self, ps, x):
        h = F.relu(F.conv2d(x, ps[0], padding=1))
        h = F.relu(F.conv2d(h, ps[1], padding=1))
        h = F.avg_pool2d(h, 2)
        h = F.relu(F.conv2d(h, ps[2], padding=1))
        h = F.avg_pool2d(h, 2)
        h = F.relu(F.conv2d(h, ps[3], padding=1))
        return F.linear(h.mean(dim=(2, 3)), ps[4])


class ResNet20:
    def __init__(self, width=16, classes=10, n=3):
        self.params = [gaussian((width, 3, 3, 3), 27)]
        self.blocks = []  # (index of conv1, conv2, shortcut or None, stride)
        self.fwd = 2 * width * 27 * 32 * 32
        self.first = self.fwd
        cin, size = width, 32
        for stage in range(3):
            cout = width * 2 ** stage
            for b in range(n):
                stride = 2 if stage > 0 and b == 0 else 1
                out = size // stride
                i1 = len(self.params)
                self.params.append(gaussian((cout, cin, 3, 3), cin * 9))
                self.params.append(gaussian((cout, cout, 3, 3), cout * 9))
                self.fwd += 2 * cout * cin * 9 * out * out + 2 * cout * cout * 9 * out * out
                sc = None
                if stride != 1 or cin != cout:
                    sc = len(self.params)
                    self.params.append(gaussian((cout, cin, 1, 1), cin))
                    self.fwd += 2 * cout * cin * out * out
                self.blocks.append((i1, i1 + 1, sc, stride))
                cin, size = cout, out
        self.params.append(gaussian((classes, cin), cin, 1.0))
        self.fwd += 2 * cin * classes

    def __call__(self, ps, x):
        h = F.relu(F.conv2d(x, ps[0], padding=1))
        for i1, i2, sc, stride in self.blocks:
            r = F.relu(F.conv2d(h, ps[i1], stride=stride, padding=1))
            r = F.conv2d(r, ps[i2], padding=1)
            s = h if sc is None else F.conv2d(h, ps[sc], stride=stride)
            h = F.relu(r + s)
        return F.linear(h.mean(dim=(2, 3)), ps[-1])


def loss_fn(out, y):
    return 0.5 * ((out - y) ** 2).mean()


def gemm_gflops(dtype):
    n = 2048
    a, b = torch.randn(n, n, dtype=dtype), torch.randn(n, n, dtype=dtype)
    a @ b
    best = min(timed(lambda: a @ b) for _ in range(5))
    return 2 * n ** 3 / best / 1e9


def timed(fn):
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main():
    case, dtype_name, threads, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    data_dir = sys.argv[5] if len(sys.argv) > 5 else "/usr/share/datasets/fashion-mnist"
    dtype = torch.float64 if dtype_name == "float64" else torch.float32
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    if case == "fcn512":
        x, labels = fashion_mnist(5000, data_dir)
        x = torch.tensor(x)
        model = Fcn([784, 512, 512, 10])
    else:
        x = torch.randn(1000, 3, 32, 32)
        labels = np.arange(1000) % 10
        model = Myrtle5(64) if case == "myrtle5" else ResNet20()
    y = F.one_hot(torch.tensor(labels, dtype=torch.long), 10)
    x, y = x.to(dtype), y.to(dtype)
    ps = [p.to(dtype).requires_grad_() for p in model.params]
    v = [torch.randn_like(p) for p in ps]
    n = x.shape[0]

    def grad():
        return torch.autograd.grad(loss_fn(model(ps, x), y), ps)

    def hvp():
        g = torch.autograd.grad(loss_fn(model(ps, x), y), ps, create_graph=True)
        gv = sum((gi * vi).sum() for gi, vi in zip(g, v))
        return torch.autograd.grad(gv, ps)

    gemm = gemm_gflops(dtype)
    grad()
    tg = [timed(grad) for _ in range(repeats)]
    hvp()
    th = []
    c0 = time.process_time()
    for _ in range(repeats):
        th.append(timed(hvp))
    hvp_cpu = (time.process_time() - c0) / repeats
    # Retained graph (not the reference idiom; for comparison with the Java default).
    t0 = time.perf_counter()
    g = torch.autograd.grad(loss_fn(model(ps, x), y), ps, create_graph=True)
    build = time.perf_counter() - t0
    tr = [timed(lambda: torch.autograd.grad(g, ps, v, retain_graph=True)) for _ in range(repeats)]
    del g
    m = statistics.median
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"side python case {case} dtype {dtype_name} threads {threads} params {sum(p.numel() for p in ps)} "
          f"grad_ms {m(tg) * 1e3:.2f} hvp_ms {m(th) * 1e3:.2f} hvp_cpu_ms {hvp_cpu * 1e3:.2f} build_ms {build * 1e3:.2f} "
          f"hvp_retained_ms {m(tr) * 1e3:.2f} gemm_gflops {gemm:.2f} fwd_gflop {model.fwd * n / 1e9:.4f} "
          f"first_gflop {model.first * n / 1e9:.4f} maxrss_mb {maxrss_mb:.1f}", flush=True)


if __name__ == "__main__":
    main()
