#!/usr/bin/python3
"""Summary of bench/hvp-vs-python.sh output: medians over rounds of each side's figures, ratios
java / python (below 1: Java faster), GFLOP/s and peak RSS.

FLOP model (counted with PyTorch's profiler on the FCN, whose work is all matrix products; the
same ratios are assumed for the convolutional nets): with F the forward FLOPs of the network and
F1 those of its first layer (whose input needs no gradient), a gradient costs G = 3F - F1, a
product through a retained ∇L graph 1.5 G, and the PyTorch idiom (forward, first backward and
double backward per product) 2.5 G. Elementwise work is not counted.
Java rows are grouped by thread layout (libtorch intra-op threads : OpenBLAS threads).
Usage: summarize_hvp.py FILE
"""
import statistics
import sys
from collections import defaultdict


def parse(path):
    rows = []
    for line in open(path):
        if not line.startswith("side "):
            continue
        t = line.split()
        rows.append({t[i]: t[i + 1] for i in range(0, len(t) - 1, 2)})
    return rows


def med(rows, key):
    vals = [float(r[key]) for r in rows if key in r]
    return statistics.median(vals) if vals else float("nan")


def main():
    rows = parse(sys.argv[1])
    ops = defaultdict(dict)
    jobs = defaultdict(dict)
    for r in rows:
        side = r["side"] if r["side"] == "python" else "java %s:%s" % (r.get("threads", "?"), r.get("blas_threads", "?"))
        if "case" in r:
            ops[(r["case"], r["dtype"])].setdefault(side, []).append(r)
        elif "job" in r:
            jobs[(r["job"], r["dtype"])].setdefault(side, []).append(r)
    print("--- per operation, medians over rounds (wall ms per call; ratio = java / python, < 1: java faster)")
    for (case, dtype), s in sorted(ops.items()):
        p = s.get("python", [])
        if not p:
            continue
        fwd, first = med(p, "fwd_gflop"), med(p, "first_gflop")
        g = 3 * fwd - first
        pg, ph, pr = med(p, "grad_ms"), med(p, "hvp_ms"), med(p, "hvp_retained_ms")
        print(f"{case} {dtype} ({int(med(p, 'params'))} params, F = {fwd:.2f} GFLOP); python: gradient {pg:.1f} ms "
              f"({g / pg * 1e3:.1f} GFLOP/s), HVP idiom {ph:.1f} ms ({2.5 * g / ph * 1e3:.1f} GFLOP/s, CPU {med(p, 'hvp_cpu_ms'):.0f} ms), "
              f"retained-graph HVP {pr:.1f} ms, GEMM {med(p, 'gemm_gflops'):.1f} GFLOP/s, peak RSS {med(p, 'proc_maxrss_mb'):.0f} MB")
        for side in sorted(k for k in s if k != "python"):
            j = s[side]
            jg, jh, jr = med(j, "grad_ms"), med(j, "hvp_ms"), med(j, "hvp_rebuilt_ms")
            print(f"  {side:10s} gradient {jg:8.1f} ms  ratio {jg / pg:5.2f} ({g / jg * 1e3:5.1f} GFLOP/s) | "
                  f"HVP {jh:8.1f} ms  ratio {jh / ph:5.2f} ({1.5 * g / jh * 1e3:5.1f} GFLOP/s, CPU {med(j, 'hvp_cpu_ms'):.0f} ms) | "
                  f"rebuilt {jr:8.1f} ms ratio {jr / ph:5.2f} | vs python retained {jh / pr:4.2f} | "
                  f"build {med(j, 'build_ms'):.0f} ms | GEMM {med(j, 'gemm_gflops'):5.1f} GFLOP/s | "
                  f"graphs {int(med(j, 'retained'))}/{int(med(j, 'pieces'))} kept, est. {med(j, 'graph_mb_est'):.0f} of "
                  f"{med(j, 'budget_mb'):.0f} MB | peak RSS {med(j, 'proc_maxrss_mb'):.0f} MB")
    if jobs:
        print("--- whole jobs (process wall time, JVM / interpreter start included)")
    for (job, dtype), s in sorted(jobs.items()):
        p = s.get("python", [])
        if not p:
            continue
        pt, lp = med(p, "proc_wall_s"), med(p, "lambda")
        print(f"{job} {dtype}: python {pt:.1f} s ({med(p, 'products'):.0f} products, {med(p, 'ms_per_product'):.0f} ms each, "
              f"peak RSS {med(p, 'proc_maxrss_mb'):.0f} MB)")
        for side in sorted(k for k in s if k != "python"):
            j = s[side]
            jt, lj = med(j, "proc_wall_s"), med(j, "lambda")
            print(f"  {side:10s} {jt:.1f} s ({med(j, 'products'):.0f} products, {med(j, 'ms_per_product'):.0f} ms each)  "
                  f"ratio {jt / pt:.2f};  lambda {lj:.10g} vs {lp:.10g} (rel diff {abs(lj - lp) / abs(lp):.1e});  "
                  f"peak RSS {med(j, 'proc_maxrss_mb'):.0f} MB")
    loads = [float(r["load"]) for r in rows if "load" in r]
    if loads:
        print(f"load average (1 min) during the runs: {min(loads):.2f} .. {max(loads):.2f}")


if __name__ == "__main__":
    main()
