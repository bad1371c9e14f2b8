#!/usr/bin/python3
"""How few Hessian-vector products can a warm-started probe need at the edge of stability?

Issue 13 asks for <= 6 products per probe on the tracked FCN run of bench/train-vs-python.sh
(tol 1e-6 on lambda). This script measures, on that run's trajectory, what bounds the count from
below, independently of sharpscope's solver:

- how far the top eigenvector moves between probes: |<u1(t), u1(s)>| for the previous step
  (s = t - 1, the other phase of the period-2 oscillation) and the same phase (s = t - 10), and the
  angle between u1(t) and the span of the top-j eigenvectors at t - 10, j = 1..6;
- an *oracle* count: Davidson (Rayleigh-Ritz on every product, expanded by the top residual)
  started from the exact top-j eigenvectors of the previous same-phase probe (j = 1, 2, 3), stopped
  at the first product where the Ritz value is within tol of the exact lambda (known here from a
  tight eigsh). No stopping rule that only sees products can stop earlier from that start.

The trajectory is PyTorch full-batch GD from sharpscope's step-0 checkpoint at its eta (the
reference loop of train_vs_reference.py); the exact eigenpairs come from SciPy's eigsh (tol 1e-10).

usage: /usr/bin/python3 bench/python/probe_floor.py --run DIR [--from 150 --to 261] [--out FILE]
  DIR: a `sharpscope train` run of the configuration (its step-0 checkpoint and summary.json).
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_vs_reference import fashion_mnist, read_safetensors  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--run", required=True)
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--examples", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--from", dest="first", type=int, default=150)
    ap.add_argument("--to", dest="last", type=int, default=261)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()

    import torch
    from scipy.sparse.linalg import LinearOperator, eigsh

    torch.set_num_threads(args.threads)
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    init = read_safetensors(os.path.join(args.run, "checkpoints", "step-00000000.safetensors"))
    eta = json.load(open(os.path.join(args.run, "summary.json")))["eta"]
    x, y = fashion_mnist(args.examples, args.data_dir)
    X = torch.tensor(x, dtype=dtype)
    Y = torch.tensor(y, dtype=dtype)
    params = [torch.tensor(np.array(init["layers.%d.weight" % i]), dtype=dtype, requires_grad=True)
              for i in range(args.depth)]

    def loss_of(ps):
        h = X
        for i, w in enumerate(ps):
            h = h @ w.T
            if i < len(ps) - 1:
                h = torch.tanh(h)
        return 0.5 * ((h - Y) ** 2).mean()

    def hvp_at(weights):
        ps = [w.clone().requires_grad_(True) for w in weights]
        g = torch.autograd.grad(loss_of(ps), ps, create_graph=True)
        flat = torch.cat([t.reshape(-1) for t in g])

        def hvp(v):
            v = torch.tensor(np.asarray(v).reshape(-1), dtype=dtype)
            hv = torch.autograd.grad(flat @ v, ps, retain_graph=True)
            return torch.cat([t.reshape(-1) for t in hv]).detach().numpy().astype(np.float64)
        return hvp

    # sharpscope's default schedule in the window: pairs (t, t + 1) at multiples of 10
    probes = [t for t in range(args.first, args.last + 1) if t % 10 in (0, 1)]
    wanted = set(probes) | {t - 1 for t in probes}
    weights = {}
    for t in range(max(wanted) + 1):
        if t in wanted:
            weights[t] = [p.detach().clone() for p in params]
        g = torch.autograd.grad(loss_of(params), params)
        with torch.no_grad():
            for p, gi in zip(params, g):
                p -= eta * gi
    dim = sum(p.numel() for p in params)
    exact = {}
    for t in sorted(wanted):
        w, v = eigsh(LinearOperator((dim, dim), matvec=hvp_at(weights[t]), dtype=np.float64), k=6, which="LA", tol=1e-10)
        o = np.argsort(-w)
        exact[t] = (w[o], v[:, o])

    def orth(v, basis):
        for _ in range(2):
            for b in basis:
                v = v - (b @ v) * b
        return v

    def oracle(hvp, start, lam):
        basis, images = [], []
        for s in start:
            c = orth(s.copy(), basis)
            basis.append(c / np.linalg.norm(c))
            images.append(hvp(basis[-1]))
        while len(basis) < 60:
            V, AV = np.array(basis), np.array(images)
            H = V @ AV.T
            w, yv = np.linalg.eigh(0.5 * (H + H.T))
            top = yv[:, -1]
            if abs(w[-1] - lam) <= args.tol * lam:
                return len(basis)
            r = top @ AV - w[-1] * (top @ V)
            d = orth(r, basis)
            basis.append(d / np.linalg.norm(d))
            images.append(hvp(basis[-1]))
        return len(basis)

    def span_angle(vectors, target):
        q, _ = np.linalg.qr(np.array(vectors).T)
        p = q.T @ target
        return float(np.sqrt(max(0.0, 1 - p @ p)))

    rows = []
    for t in probes:
        if t - 10 not in exact:
            continue
        u = exact[t][1][:, 0]
        same = exact[t - 10][1]
        hvp = hvp_at(weights[t])
        rows.append({
            "step": t,
            "lambda": [float(a) for a in exact[t][0][:3]],
            "overlap_previous_step": float(abs(u @ exact[t - 1][1][:, 0])),
            "overlap_same_phase": float(abs(u @ same[:, 0])),
            "angle_to_same_phase_top_j": [span_angle([same[:, i] for i in range(j)], u) for j in range(1, 7)],
            "oracle_products_from_same_phase_top_j": [oracle(hvp, [same[:, i] for i in range(j)], exact[t][0][0])
                                                      for j in (1, 2, 3)],
        })
        print(json.dumps(rows[-1]), flush=True)
    summary = {
        "config": vars(args),
        "probes": len(rows),
        "mean_overlap_previous_step": float(np.mean([r["overlap_previous_step"] for r in rows])),
        "mean_overlap_same_phase": float(np.mean([r["overlap_same_phase"] for r in rows])),
        "mean_angle_to_same_phase_top_j": [float(np.mean([r["angle_to_same_phase_top_j"][j] for r in rows])) for j in range(6)],
        "mean_oracle_products_top_j": {j: float(np.mean([r["oracle_products_from_same_phase_top_j"][i] for r in rows]))
                                       for i, j in enumerate((1, 2, 3))},
        "rows": rows,
    }
    print(json.dumps({k: v for k, v in summary.items() if k != "rows"}, indent=2))
    if args.out:
        with open(args.out, "w") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
