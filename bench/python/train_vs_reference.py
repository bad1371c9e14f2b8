#!/usr/bin/python3
"""End-to-end tracked training: `sharpscope train` against a Python reference, in one script run.

The reference is written the way researchers usually write it (locuslab/edge-of-stability):
PyTorch full-batch GD, and at every probe the top Hessian eigenvalue from SciPy's ARPACK
`eigsh` on a LinearOperator of PyTorch Hessian-vector products (default ncv = 20 Lanczos
vectors, tolerance = machine precision), started cold at every probe.

Both sides train the same FCN (tanh, SP, output multiplier alpha) on the same examples (the
first N Fashion-MNIST training images, scaled to [0, 1], standardized, one-hot MSE targets)
from the same initial weights (read from sharpscope's step-0 checkpoint), with the same eta,
steps, probe schedule, dtype and number of torch threads. Wall-clock time of each side is
measured end to end (sharpscope: the whole `java -jar` process, JVM start included; Python:
from data loading to the last probe). The script prints and writes a JSON report: times, the
ratio, Hessian-vector products per probe, and the agreement of the sharpness values.

usage: /usr/bin/python3 bench/python/train_vs_reference.py [--steps 200] [--examples 1000] ...
"""
import argparse
import gzip
import json
import os
import struct
import subprocess
import sys
import tempfile
import time

import resource

# One BLAS thread on both sides, like `--threads 1` for sharpscope (set before torch loads).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    kinds = {"F64": np.float64, "F32": np.float32}
    for name, h in header.items():
        if name == "__metadata__":
            continue
        a, b = h["data_offsets"]
        out[name] = np.frombuffer(data[a:b], dtype=kinds[h["dtype"]]).reshape(h["shape"])
    return out


def fashion_mnist(n, data_dir):
    with gzip.open(os.path.join(data_dir, "train-images-idx3-ubyte.gz")) as f:
        f.read(16)
        x = np.frombuffer(f.read(n * 784), dtype=np.uint8).reshape(n, 784) / 255.0
    with gzip.open(os.path.join(data_dir, "train-labels-idx1-ubyte.gz")) as f:
        f.read(8)
        labels = np.frombuffer(f.read(n), dtype=np.uint8)
    x = (x - x.mean()) / x.std()
    y = np.zeros((n, 10))
    y[np.arange(n), labels] = 1.0
    return x, y


def reference(args, init, eta, dtype):
    import torch
    from scipy.sparse.linalg import LinearOperator, eigsh

    torch.set_num_threads(args.threads)
    start = time.perf_counter()
    cpu_start = time.process_time()
    x, y = fashion_mnist(args.examples, args.data_dir)
    X = torch.tensor(x, dtype=dtype)
    Y = torch.tensor(y, dtype=dtype)
    params = [torch.tensor(np.array(init["layers.%d.weight" % i]), dtype=dtype, requires_grad=True)
              for i in range(args.depth)]

    def loss_fn():
        h = X
        for i, w in enumerate(params):
            h = h @ w.T
            if i < len(params) - 1:
                h = torch.tanh(h)
        f = args.alpha * h
        return 0.5 * ((f - Y) ** 2).mean()

    dim = sum(p.numel() for p in params)
    hvps = [0]

    def hvp(v):
        hvps[0] += 1
        v = torch.tensor(np.asarray(v).reshape(-1), dtype=dtype)
        g = torch.autograd.grad(loss_fn(), params, create_graph=True)
        flat = torch.cat([t.reshape(-1) for t in g])
        hv = torch.autograd.grad(flat @ v, params)
        return torch.cat([t.reshape(-1) for t in hv]).detach().numpy().astype(np.float64)

    rows = []
    for t in range(args.steps + 1):
        if (t < args.dense_steps or t % args.probe_every == 0
                or (args.probe_every > 1 and t % args.probe_every == 1) or t == args.steps):
            before = hvps[0]
            op = LinearOperator((dim, dim), matvec=hvp, dtype=np.float64)
            evals = eigsh(op, k=1, which="LA", return_eigenvectors=False)
            with torch.no_grad():
                loss = loss_fn().item()
            rows.append((t, loss, float(evals[0]), hvps[0] - before))
        if t == args.steps:
            break
        g = torch.autograd.grad(loss_fn(), params)
        with torch.no_grad():
            for p, gi in zip(params, g):
                p -= eta * gi
    return time.perf_counter() - start, time.process_time() - cpu_start, rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=os.path.join(root, "cli", "target", "sharpscope.jar"))
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--examples", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--width", type=int, default=32)
    ap.add_argument("--alpha", type=float, default=0.1)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--probe-every", type=int, default=10)
    ap.add_argument("--dense-steps", type=int, default=10)
    ap.add_argument("--dtype", default="float64")
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=None, help="JSON report (default: print only)")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="train-bench-")
    run = os.path.join(work, "java")
    cmd = ["java", "-jar", args.jar, "train", "--out", run, "--model", "fcn", "--depth", str(args.depth),
           "--width", str(args.width), "--activation", "tanh", "--param", "sp", "--output-scale", str(args.alpha),
           "--dataset", "fashion-mnist", "--data-dir", args.data_dir, "--subset", str(args.examples),
           "--subset-mode", "first", "--loss", "mse", "--dtype", args.dtype, "--c", str(args.c),
           "--steps", str(args.steps), "--probe-every", str(args.probe_every), "--dense-steps", str(args.dense_steps),
           "--checkpoint-every", str(args.steps), "--top-k", "1", "--tol", str(args.tol),
           "--threads", str(args.threads), "--progress=false"]
    t0 = time.perf_counter()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    java_s = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    java_cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    summary = json.load(open(os.path.join(run, "summary.json")))
    eta = summary["eta"]
    init = read_safetensors(os.path.join(run, "checkpoints", "step-00000000.safetensors"))
    java_rows = []
    with open(os.path.join(run, "metrics.csv")) as f:
        cols = f.readline().strip().split(",")
        for line in f:
            r = dict(zip(cols, line.strip().split(",")))
            java_rows.append((int(r["step"]), float(r["loss"]), float(r["sharpness"]), int(r["hvps"])))

    import torch
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    py_s, py_cpu, py_rows = reference(args, init, eta, dtype)

    assert [r[0] for r in py_rows] == [r[0] for r in java_rows], "probe schedules differ"
    rel = [abs(a[2] - b[2]) / abs(b[2]) for a, b in zip(java_rows, py_rows)]
    report = {
        "config": vars(args),
        "eta": eta,
        "lambda0": summary["lambda0"],
        "probes": len(java_rows),
        "sharpscope_seconds": java_s,
        "reference_seconds": py_s,
        "speedup": py_s / java_s,
        "sharpscope_cpu_seconds": java_cpu,
        "reference_cpu_seconds": py_cpu,
        "speedup_cpu": py_cpu / java_cpu,
        "load_average_1min": os.getloadavg()[0],
        "sharpscope_hvps_per_probe": sum(r[3] for r in java_rows) / len(java_rows),
        "reference_hvps_per_probe": sum(r[3] for r in py_rows) / len(py_rows),
        "sharpness_rel_diff_step0": rel[0],
        "sharpness_rel_diff_first10_max": max(rel[:10]),
        "sharpness_rel_diff_all_max": max(rel),
        "final_sharpness": {"sharpscope": java_rows[-1][2], "reference": py_rows[-1][2]},
        "final_loss": {"sharpscope": java_rows[-1][1], "reference": py_rows[-1][1]},
        "late_state": summary["late_state"],
    }
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
