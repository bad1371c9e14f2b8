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
"$py" "$here/python/orbit_diagram.py" --repeats 1 --compare "$out/run/orbit_eta_lambda.npy" > "$out/check.json"
cat "$out/check.json"
echo "== Java (JMH)" >&2
java -jar bench/target/benchmarks.jar OrbitDiagramBenchmark -rf json -rff "$out/jmh.json" >&2
java_ms="$("$py" -c "import json;print(json.load(open('$out/jmh.json'))[0]['primaryMetric']['score'])")"
echo "== numpy" >&2
"$py" "$here/python/orbit_diagram.py" --repeats 3 > "$out/numpy.json"
numpy_ms="$("$py" -c "import json;print(json.load(open('$out/numpy.json'))['median_ms'])")"
"$py" - "$java_ms" "$numpy_ms" <<'PY'
import sys, os
j, n = float(sys.argv[1]), float(sys.argv[2])
print(f"orbit diagram 4000 x (10000 + 1000), {os.cpu_count()} cores: Java {j:.0f} ms, numpy {n:.0f} ms, numpy/Java = {n / j:.1f}x")
PY
