#!/usr/bin/python3
"""Reference for the whole `sharpscope sharpness` job of issue 13: the top Hessian eigenvalue of
an FCN (tanh, SP, no bias) on the first N Fashion-MNIST images (scaled to [0, 1], standardized,
one-hot MSE targets), the way the PyTorch script it replaces computes it: SciPy's ARPACK eigsh
(k=1, which='LA', default ncv) on a LinearOperator whose matvec is a PyTorch double-backward HVP
(forward + first backward + second backward every product). Weights are read from the
safetensors checkpoint sharpscope saved (--save-checkpoint), so both sides measure the same
matrix. Times the job from process start (imports included) and prints one line of key-value
pairs: lambda, products, seconds (solve only), total seconds, peak RSS.
Usage: sharpness_reference.py CHECKPOINT --examples 5000 --width 512 --depth 3 --dtype float64 --tol 1e-6 --threads 2
"""
import time

START = time.perf_counter()

import argparse  # noqa: E402
import gzip  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import struct  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402
from scipy.sparse.linalg import LinearOperator, eigsh  # noqa: E402


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    kinds = {"F64": np.float64, "F32": np.float32}
    out = {}
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("checkpoint")
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--examples", type=int, default=5000)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--dtype", default="float64")
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    w = read_safetensors(args.checkpoint)
    params = [torch.tensor(np.array(w["layers.%d.weight" % i]), dtype=dtype, requires_grad=True) for i in range(args.depth)]
    x, y = fashion_mnist(args.examples, args.data_dir)
    X, Y = torch.tensor(x, dtype=dtype), torch.tensor(y, dtype=dtype)

    def loss_fn():
        h = X
        for i, p in enumerate(params):
            h = h @ p.T
            if i < len(params) - 1:
                h = torch.tanh(h)
        return 0.5 * ((h - Y) ** 2).mean()

    dim = sum(p.numel() for p in params)
    count = [0]

    def hvp(v):
        count[0] += 1
        v = torch.tensor(np.asarray(v).reshape(-1), dtype=dtype)
        g = torch.autograd.grad(loss_fn(), params, create_graph=True)
        flat = torch.cat([t.reshape(-1) for t in g])
        hv = torch.autograd.grad(flat @ v, params)
        return torch.cat([t.reshape(-1) for t in hv]).detach().numpy().astype(np.float64)

    t0 = time.perf_counter()
    lam = eigsh(LinearOperator((dim, dim), matvec=hvp, dtype=np.float64), k=1, which="LA", tol=args.tol,
                return_eigenvectors=False)[0]
    solve = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"side python job sharpness dtype {args.dtype} lambda {lam:.12g} products {count[0]} seconds {solve:.3f} "
          f"ms_per_product {1e3 * solve / count[0]:.1f} total_s {time.perf_counter() - START:.3f} maxrss_mb {rss:.1f}", flush=True)


if __name__ == "__main__":
    main()
