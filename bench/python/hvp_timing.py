#!/usr/bin/python3
"""Reference timing for issue 5: wall time per full-batch gradient and per exact HVP (double
backward), float32, MSE = 1/2 mean over examples and outputs, SP init, written the idiomatic
PyTorch way (torch.autograd.grad with create_graph=True). Same networks and shapes as
org.sharpscope.bench.HvpTiming; prints `python <case> grad_ms <median> hvp_ms <median>`.
Usage: hvp_timing.py THREADS REPEATS [fcn|myrtle|all] [MYRTLE_WIDTH]   (Debian python3-torch)"""
import math
import statistics
import sys
import time

import torch
import torch.nn.functional as F


def fcn_params(dims):
    ps = []
    for i in range(len(dims) - 1):
        sigma2 = 1.0 if i == len(dims) - 2 else 2.0
        ps.append((torch.randn(dims[i + 1], dims[i]) * math.sqrt(sigma2 / dims[i])).requires_grad_())
    return ps


def fcn(ps, x):
    h = x
    for w in ps[:-1]:
        h = torch.tanh(F.linear(h, w))
    return F.linear(h, ps[-1])


def myrtle_params(width, classes=10):
    shapes = [(width, 3), (width, width), (width, width), (width, width)]
    ps = [(torch.randn(o, i, 3, 3) * math.sqrt(2.0 / (i * 9))).requires_grad_() for o, i in shapes]
    ps.append((torch.randn(classes, width) * math.sqrt(1.0 / width)).requires_grad_())
    return ps


def myrtle(ps, x):
    h = F.relu(F.conv2d(x, ps[0], padding=1))
    h = F.relu(F.conv2d(h, ps[1], padding=1))
    h = F.avg_pool2d(h, 2)
    h = F.relu(F.conv2d(h, ps[2], padding=1))
    h = F.avg_pool2d(h, 2)
    h = F.relu(F.conv2d(h, ps[3], padding=1))
    return F.linear(h.mean(dim=(2, 3)), ps[4])


def loss_fn(out, y):
    return 0.5 * ((out - y) ** 2).mean()


def time_case(name, model, ps, x, y, repeats):
    v = [torch.randn_like(p) for p in ps]

    def grad():
        return torch.autograd.grad(loss_fn(model(ps, x), y), ps)

    def hvp():
        g = torch.autograd.grad(loss_fn(model(ps, x), y), ps, create_graph=True)
        gv = sum((gi * vi).sum() for gi, vi in zip(g, v))
        return torch.autograd.grad(gv, ps)

    grad()
    hvp()
    tg, th, cg, ch = [], [], [], []
    for _ in range(repeats):
        c0, t0 = time.thread_time(), time.perf_counter()
        grad()
        c1, t1 = time.thread_time(), time.perf_counter()
        hvp()
        c2, t2 = time.thread_time(), time.perf_counter()
        tg.append((t1 - t0) * 1e3)
        th.append((t2 - t1) * 1e3)
        cg.append((c1 - c0) * 1e3)
        ch.append((c2 - c1) * 1e3)
    n = sum(p.numel() for p in ps)
    m = statistics.median
    print(f"python {name} grad_ms {m(tg):.2f} hvp_ms {m(th):.2f} grad_cpu_ms {m(cg):.2f} hvp_cpu_ms {m(ch):.2f} params {n}",
          flush=True)


def main():
    threads, repeats = int(sys.argv[1]), int(sys.argv[2])
    which = sys.argv[3] if len(sys.argv) > 3 else "all"
    width = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    y_fcn = F.one_hot(torch.arange(5000) % 10, 10).float()
    if which != "myrtle":
        x = torch.randn(5000, 3072)
        time_case("fcn-3072-200-200-10-tanh-n5000", fcn, fcn_params([3072, 200, 200, 10]), x, y_fcn, repeats)
    if which != "fcn":
        x = torch.randn(1000, 3, 32, 32)
        y = F.one_hot(torch.arange(1000) % 10, 10).float()
        time_case(f"myrtle5-w{width}-n1000", myrtle, myrtle_params(width), x, y, repeats)


if __name__ == "__main__":
    main()
