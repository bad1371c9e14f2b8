#!/usr/bin/env python3
"""Reference for OrbitDiagramBenchmark: the same orbit diagram of the EoS manifold map in numpy.

points values of Y = eta/eta_c in [0.9, 2.0]; from X0 = 0.1 iterate g(X) = X^3 + (Y-2)X^2 + (1-2Y)X
for `transient` steps (discarded), then record eta*lambda = 2(X + Y) for `record` steps, vectorised
over Y. Prints the best and median wall and CPU time of `repeats` runs, in milliseconds, as JSON.
Optionally compares with a Java .npy (same layout: points x record). With --save DIR it computes
once and saves what `sharpscope uv bifurcation` saves of the orbit, DIR/eta_over_etac.npy and
DIR/orbit_eta_lambda.npy, printing nothing (for timing whole processes).
"""
import argparse
import json
import time

import numpy as np


def orbit_diagram(points, transient, record, y=None):
    if y is None:
        y = np.linspace(0.9, 2.0, points)
    a = y - 2.0
    b = 1.0 - 2.0 * y
    x = np.full(points, 0.1)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(transient):
            x = x * (x * (x + a) + b)
        out = np.empty((points, record))
        for t in range(record):
            out[:, t] = 2.0 * (x + y)
            x = x * (x * (x + a) + b)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--points", type=int, default=4000)
    p.add_argument("--transient", type=int, default=10000)
    p.add_argument("--record", type=int, default=1000)
    p.add_argument("--repeats", type=int, default=7)
    p.add_argument("--compare", help="a Java orbit_eta_lambda.npy to compare with")
    p.add_argument("--ys", help="take the values of Y from this .npy (Java's eta_over_etac.npy), so chaotic orbits are comparable bit for bit")
    p.add_argument("--save", metavar="DIR", help="compute once, save eta_over_etac.npy and orbit_eta_lambda.npy into DIR")
    args = p.parse_args()
    if args.save:
        import os
        y = np.load(args.ys) if args.ys else np.linspace(0.9, 2.0, args.points)
        out = orbit_diagram(args.points, args.transient, args.record, y)
        os.makedirs(args.save, exist_ok=True)
        np.save(os.path.join(args.save, "eta_over_etac.npy"), y)
        np.save(os.path.join(args.save, "orbit_eta_lambda.npy"), out)
        return
    times = []
    cpus = []
    out = None
    ys = np.load(args.ys) if args.ys else None
    for _ in range(args.repeats):
        c0 = time.process_time()
        t0 = time.perf_counter()
        out = orbit_diagram(args.points, args.transient, args.record, ys)
        times.append((time.perf_counter() - t0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
    result = {"numpy": np.__version__, "best_ms": min(times), "median_ms": float(np.median(times)),
              "cpu_best_ms": min(cpus), "cpu_median_ms": float(np.median(cpus))}
    if args.compare:
        java = np.load(args.compare)
        result["bitwise_equal_to_java"] = bool(np.array_equal(java, out, equal_nan=True))
        result["max_abs_diff"] = float(np.nanmax(np.abs(java - out)))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
