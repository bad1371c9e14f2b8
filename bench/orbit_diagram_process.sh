#!/usr/bin/env bash
# Whole-process time of the orbit diagram: `./sharpscope uv bifurcation` (JVM start, 4,000 values ×
# (10,000 transient + 1,000 recorded) steps of the manifold map, periods, Lyapunov exponents,
# eta_over_etac.npy + orbit_eta_lambda.npy, bifurcation.csv, summary.json, the density plot) against
# `bench/python/orbit_diagram.py --save` (numpy: the same orbit computed once and np.save()d),
# interleaved, RUNS times each (default 7). Prints median and best wall and CPU (user + sys) time
# and the load average before and after. A first, untimed launcher run builds the program if
# needed and makes the launcher's class-data-sharing archive for uv commands.
# Usage: bench/orbit_diagram_process.sh [RUNS] [OLD_JAR]; OLD_JAR (a sharpscope.jar built from an
# earlier commit) is also timed, run as `java -Xmx8g -jar OLD_JAR` (the launcher's command then).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs="${1:-7}"
old_jar="${2:-}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$root"
args=(uv bifurcation --from 0.9 --to 2.0 --points 4000 --transient 10000 --record 1000)
./sharpscope "${args[@]}" --out "$out/warm-up" > /dev/null
/usr/bin/python3 - "$runs" "$out" "$root" "$old_jar" "${args[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time
runs, out, root, old_jar, args = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
commands = {
    "sharpscope": lambda i: ["./sharpscope", *args, "--out", f"{out}/java-{i}"],
    "numpy": lambda i: ["/usr/bin/python3", "bench/python/orbit_diagram.py", "--save", f"{out}/numpy-{i}"],
}
if old_jar:
    commands["old jar"] = lambda i: ["java", "-Xmx8g", "-jar", old_jar, *args, "--out", f"{out}/old-{i}"]
wall = {k: [] for k in commands}
cpu = {k: [] for k in commands}
load_before = os.getloadavg()
for i in range(runs):
    for name, command in commands.items():
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(command(i), cwd=root, check=True, stdout=subprocess.DEVNULL)
        wall[name].append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
load_after = os.getloadavg()
sizes = {f: os.path.getsize(f"{out}/java-0/{f}") for f in ("eta_over_etac.npy", "orbit_eta_lambda.npy")}
print(f"orbit diagram as whole processes, 4000 x (10000 + 1000), {runs} interleaved runs each, {os.cpu_count()} cores, "
      f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1-min)")
print(f"  files saved by both: {', '.join(f'{k} {v / 1e6:.1f} MB' for k, v in sizes.items())}")
for name in commands:
    w, c = wall[name], cpu[name]
    print(f"  {name:10s} wall median {statistics.median(w):.2f} s, best {min(w):.2f} s | CPU median {statistics.median(c):.2f} s, "
          f"best {min(c):.2f} s")
ratio = [n / j for n, j in zip(wall["numpy"], wall["sharpscope"])]
if old_jar:
    print(f"  old jar/sharpscope wall: median of medians {statistics.median(wall['old jar']) / statistics.median(wall['sharpscope']):.2f}x, "
          f"best/best {min(wall['old jar']) / min(wall['sharpscope']):.2f}x")
print(f"  numpy/sharpscope wall: median of medians {statistics.median(wall['numpy']) / statistics.median(wall['sharpscope']):.2f}x, "
      f"best/best {min(wall['numpy']) / min(wall['sharpscope']):.2f}x, median of per-pair ratios {statistics.median(ratio):.2f}x")
PY
