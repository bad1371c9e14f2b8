#!/usr/bin/env bash
# Orbit diagram benchmark: 4,000 values of η/η_c × (10,000 transient + 1,000 recorded) steps of the
# EoS manifold map, Java (JMH, parallel over values) against numpy (vectorised over values), in one
# run on the same machine. Also checks that both produce the same numbers.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
py=/usr/bin/python3
cd "$root"
mvn -B -q -o -pl bench,cli -am package -DskipTests >&2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "== correctness: sharpscope uv bifurcation vs numpy (same 4000 × 1000 values)" >&2
java -jar cli/target/sharpscope.jar uv bifurcation --from 0.9 --to 2.0 --points 4000 --transient 10000 \
  --record 1000 --out "$out/run" --json > "$out/summary.json"
"$py" "$here/python/orbit_diagram.py" --repeats 1 --ys "$out/run/eta_over_etac.npy" \
  --compare "$out/run/orbit_eta_lambda.npy" > "$out/check.json"
cat "$out/check.json"
echo "== Java (JMH, 5 warm-up + 10 measured iterations)" >&2
java -jar bench/target/benchmarks.jar OrbitDiagramBenchmark -wi 5 -i 10 -rf json -rff "$out/jmh.json" >&2
echo "== Java wall and CPU time (10 runs after 5 warm-up)" >&2
java -cp bench/target/benchmarks.jar org.sharpscope.bench.OrbitDiagramTiming 4000 10000 1000 10 > "$out/java_timing.json"
echo "== numpy (7 runs)" >&2
"$py" "$here/python/orbit_diagram.py" --repeats 7 > "$out/numpy.json"
"$py" - "$out/jmh.json" "$out/java_timing.json" "$out/numpy.json" <<'PY'
import json, os, statistics, sys
jmh = json.load(open(sys.argv[1]))[0]["primaryMetric"]
runs = [v for fork in jmh["rawData"] for v in fork]
jt = json.load(open(sys.argv[2]))
npy = json.load(open(sys.argv[3]))
jb, jm = min(runs), statistics.median(runs)
nb, nm = npy["best_ms"], npy["median_ms"]
print(f"orbit diagram 4000 x (10000 + 1000), {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}:")
print(f"  wall  Java (JMH) best {jb:.0f} ms, median {jm:.0f} ms | numpy best {nb:.0f} ms, median {nm:.0f} ms"
      f" | numpy/Java best {nb / jb:.1f}x, median {nm / jm:.1f}x")
print(f"  CPU   Java best {jt['cpu_best_ms']:.0f} ms, median {jt['cpu_median_ms']:.0f} ms (all threads)"
      f" | numpy best {npy['cpu_best_ms']:.0f} ms, median {npy['cpu_median_ms']:.0f} ms"
      f" | numpy/Java {npy['cpu_median_ms'] / jt['cpu_median_ms']:.1f}x")
print(f"  Java wall (timing main) best {jt['wall_best_ms']:.0f} ms, median {jt['wall_median_ms']:.0f} ms")
PY
