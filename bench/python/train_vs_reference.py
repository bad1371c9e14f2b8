#!/usr/bin/python3
"""End-to-end tracked training: `sharpscope train` against a Python reference, both as whole
processes (JVM / interpreter start, data loading and everything else included).

The reference is written the way researchers usually write it (locuslab/edge-of-stability):
PyTorch full-batch GD, and at every probe the top Hessian eigenvalue from SciPy's ARPACK
`eigsh` on a LinearOperator of PyTorch Hessian-vector products (forward + first backward + double
backward per product; default ncv = 20, tolerance = machine precision), started cold at every
probe.

Both sides train the same FCN (tanh, SP, no bias, output multiplier alpha, optionally a zero last
layer) on the same examples (the first N Fashion-MNIST training images, scaled to [0, 1],
standardized, one-hot MSE targets) from the same initial weights (read from sharpscope's step-0
checkpoint), with the same eta (sharpscope's c/lambda0), steps, dtype and number of torch threads;
the reference probes exactly the steps sharpscope probed (its metrics.csv), so sharpscope's default
schedule can be used. The script prints and writes a JSON report: wall and CPU time of each
process, the ratio, peak RSS of each (/usr/bin/time), products per probe, and the agreement of the
sharpness values: at every probe, and over the probes before the loss trajectories part (relative
loss difference above --coincide, 1e-9 by default; in float64 they coincide for a long time, in
float32 they part within steps at the edge of stability, and later values are not comparable).

usage: /usr/bin/python3 bench/python/train_vs_reference.py [--steps 300] [--examples 1000] ...
(bench/train-vs-python.sh runs issue 13's configurations.)
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


def reference_worker(spec_path):
    """The reference loop, in its own process: reads the spec, writes the probe rows."""
    start = time.perf_counter()
    spec = json.load(open(spec_path))
    import torch
    from scipy.sparse.linalg import LinearOperator, eigsh

    torch.set_num_threads(spec["threads"])
    dtype = torch.float64 if spec["dtype"] == "float64" else torch.float32
    init = read_safetensors(spec["init"])
    x, y = fashion_mnist(spec["examples"], spec["data_dir"])
    X = torch.tensor(x, dtype=dtype)
    Y = torch.tensor(y, dtype=dtype)
    params = [torch.tensor(np.array(init["layers.%d.weight" % i]), dtype=dtype, requires_grad=True)
              for i in range(spec["depth"])]
    alpha, eta = spec["alpha"], spec["eta"]

    def loss_fn():
        h = X
        for i, w in enumerate(params):
            h = h @ w.T
            if i < len(params) - 1:
                h = torch.tanh(h)
        f = alpha * h
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

    probe_steps = set(spec["probe_steps"])
    rows = []
    for t in range(spec["steps"] + 1):
        if t in probe_steps:
            before = hvps[0]
            op = LinearOperator((dim, dim), matvec=hvp, dtype=np.float64)
            evals = eigsh(op, k=1, which="LA", return_eigenvectors=False)
            with torch.no_grad():
                loss = loss_fn().item()
            rows.append((t, loss, float(evals[0]), hvps[0] - before))
        if t == spec["steps"]:
            break
        g = torch.autograd.grad(loss_fn(), params)
        with torch.no_grad():
            for p, gi in zip(params, g):
                p -= eta * gi
    json.dump({"rows": rows, "inner_seconds": time.perf_counter() - start}, open(spec["out"], "w"))


def timed_process(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, CPU seconds, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-o", tf.name, "-f", "%M %U %S"] + cmd, check=True,
                       stdout=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - t0
        rss_kb, user, sys_ = tf.read().split()[-3:]
    return wall, float(user) + float(sys_), int(rss_kb) / 1024


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--reference-worker":
        return reference_worker(sys.argv[2])
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jar", default=os.path.join(root, "cli", "target", "sharpscope.jar"))
    ap.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--examples", type=int, default=1000)
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument("--width", type=int, default=128)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--last-layer-zero", action="store_true")
    ap.add_argument("--c", type=float, default=1.5)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--probe-every", type=int, default=None, help="default: sharpscope's schedule")
    ap.add_argument("--dense-steps", type=int, default=None, help="default: sharpscope's schedule")
    ap.add_argument("--dtype", default="float32")
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--threads", type=int, default=2, help="torch threads of the reference (and BLAS threads of both)")
    ap.add_argument("--java-layouts", default=None,
                    help="sharpscope thread layouts TORCH:BLAS to run, space-separated (default: THREADS:THREADS)")
    ap.add_argument("--java-env", default="", help="extra environment for the Java process, e.g. OPENBLAS_THREAD_TIMEOUT=4")
    ap.add_argument("--coincide", type=float, default=1e-9, help="trajectories coincide while |loss diff| / loss <= this")
    ap.add_argument("--skip-reference", action="store_true", help="only run sharpscope (products per probe, time)")
    ap.add_argument("--out", default=None, help="JSON report (default: print only)")
    args = ap.parse_args()

    env = dict(os.environ)
    for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = str(args.threads)
    java_env = dict(env)
    for kv in args.java_env.split():
        k, v = kv.split("=", 1)
        java_env[k] = v

    work = tempfile.mkdtemp(prefix="train-bench-")
    load0 = os.getloadavg()[0]
    layouts = (args.java_layouts or "%d:%d" % (args.threads, args.threads)).split()
    runs = []
    for layout in layouts:
        torch_threads, blas_threads = layout.split(":")
        run = os.path.join(work, "java-" + layout.replace(":", "x"))
        cmd = ["java", "-Xmx8g", "-jar", args.jar, "train", "--out", run, "--model", "fcn", "--depth", str(args.depth),
               "--width", str(args.width), "--activation", "tanh", "--param", "sp", "--output-scale", str(args.alpha),
               "--dataset", "fashion-mnist", "--data-dir", args.data_dir, "--subset", str(args.examples),
               "--subset-mode", "first", "--loss", "mse", "--dtype", args.dtype, "--c", str(args.c),
               "--steps", str(args.steps), "--checkpoint-every", str(args.steps), "--top-k", "1", "--tol", str(args.tol),
               "--threads", torch_threads, "--blas-threads", blas_threads, "--progress=false"]
        if args.last_layer_zero:
            cmd += ["--last-layer-zero", "true"]
        if args.probe_every is not None:
            cmd += ["--probe-every", str(args.probe_every)]
        if args.dense_steps is not None:
            cmd += ["--dense-steps", str(args.dense_steps)]
        java_s, java_cpu, java_rss = timed_process(cmd, java_env)
        summary = json.load(open(os.path.join(run, "summary.json")))
        manifest = json.load(open(os.path.join(run, "manifest.json")))
        rows = []
        with open(os.path.join(run, "metrics.csv")) as f:
            cols = f.readline().strip().split(",")
            for line in f:
                r = dict(zip(cols, line.strip().split(",")))
                rows.append((int(r["step"]), float(r["loss"]), float(r["sharpness"]), int(r["hvps"])))
        runs.append((layout, run, summary, rows, {
            "layout_torch_blas_threads": layout,
            "seconds": java_s,
            "cpu_seconds": java_cpu,
            "peak_rss_mb": java_rss,
            "timings": manifest.get("timings"),
            "eta": summary["eta"],
            "lambda0": summary["lambda0"],
            "probes": len(rows),
            "hvps_per_probe": sum(r[3] for r in rows) / len(rows),
            "hvps_per_probe_after_step_0": sum(r[3] for r in rows[1:]) / max(1, len(rows) - 1),
            "late_state": summary["late_state"],
        }))
    report = {"config": vars(args), "sharpscope": [r[4] for r in runs]}
    if not args.skip_reference:
        layout, run, summary, java_rows, _ = runs[0]
        spec = {"init": os.path.join(run, "checkpoints", "step-00000000.safetensors"), "data_dir": args.data_dir,
                "examples": args.examples, "depth": args.depth, "alpha": args.alpha, "eta": summary["eta"],
                "dtype": args.dtype, "threads": args.threads, "steps": args.steps,
                "probe_steps": [r[0] for r in java_rows], "out": os.path.join(work, "reference.json")}
        json.dump(spec, open(os.path.join(work, "spec.json"), "w"))
        py_s, py_cpu, py_rss = timed_process([sys.executable, os.path.abspath(__file__), "--reference-worker",
                                              os.path.join(work, "spec.json")], env)
        py_rows = [tuple(r) for r in json.load(open(spec["out"]))["rows"]]
        report["reference"] = {"seconds": py_s, "cpu_seconds": py_cpu, "peak_rss_mb": py_rss, "eta": summary["eta"],
                               "hvps_per_probe": sum(r[3] for r in py_rows) / len(py_rows)}
        for layout, run, summary, java_rows, entry in runs:
            assert [r[0] for r in py_rows] == [r[0] for r in java_rows], "probe schedules differ"
            rel = [abs(a[2] - b[2]) / abs(b[2]) for a, b in zip(java_rows, py_rows)]
            loss_rel = [abs(a[1] - b[1]) / abs(b[1]) for a, b in zip(java_rows, py_rows)]
            coincide = next((i for i, d in enumerate(loss_rel) if d > args.coincide), len(loss_rel))
            entry.update({
                "speedup": py_s / entry["seconds"],
                "speedup_cpu": py_cpu / entry["cpu_seconds"],
                "same_eta_as_reference": entry["eta"] == runs[0][2]["eta"],
                "probes_while_trajectories_coincide": coincide,
                "trajectories_part_at_step": java_rows[coincide][0] if coincide < len(java_rows) else None,
                "sharpness_rel_diff_max_while_coinciding": max(rel[:coincide]) if coincide else None,
                "sharpness_rel_diff_step0": rel[0],
                "sharpness_rel_diff_all_max": max(rel),
                "final_sharpness": {"sharpscope": java_rows[-1][2], "reference": py_rows[-1][2]},
                "final_loss": {"sharpscope": java_rows[-1][1], "reference": py_rows[-1][1]},
            })
        report["per_probe"] = [{"step": b[0], "reference": b[2], "reference_hvps": b[3], "reference_loss": b[1],
                                "sharpscope": [r[3][i][2] for r in runs], "sharpscope_hvps": [r[3][i][3] for r in runs],
                                "sharpscope_loss": [r[3][i][1] for r in runs]} for i, b in enumerate(py_rows)]
    report["load_average_1min"] = [load0, os.getloadavg()[0]]
    text = json.dumps(report, indent=2)
    short = {k: v for k, v in report.items() if k != "per_probe"}
    print(json.dumps(short, indent=2))
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
