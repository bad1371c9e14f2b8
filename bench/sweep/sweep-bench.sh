#!/usr/bin/env bash
# Sweep throughput: cells per minute of a 64-cell UV sweep, local runner with 1 and 2 workers
# against Spark local[2]. Build first (from the repository root):
#   mvn -B -q -pl spark -am package -DskipTests
# then: bench/sweep/sweep-bench.sh [STEPS]   (network cells await the 'train' command)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps="${1:-3000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/sweep.yaml" <<SPEC
command: uv run
base: {engine: function, kappa: 1, eta: 1, f0: 0.35, steps: $steps}
axes:
  lambda0: {from: 1.0, to: 4.5, points: 8}
  target: {from: 0.1, to: 0.45, points: 8}
SPEC
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
cp="$root/spark/target/lib/*:$root/spark/target/sharpscope-spark.jar"
run() { # label, args...
  local label="$1"; shift
  local t0 t1 line
  t0=$(date +%s.%N)
  line=$(java -Xmx4g $opens -cp "$cp" "$@" | grep 'cells/min')
  t1=$(date +%s.%N)
  printf '%-18s %s; process wall %.1f s\n' "$label" "$line" "$(echo "$t1 - $t0" | bc)"
}
echo "64 cells of 'uv run --engine function --steps $steps' on $(nproc) cores"
run "local, 1 worker"  org.sharpscope.cli.Sharpscope sweep run "$work/sweep.yaml" --out "$work/l1" --workers 1
run "local, 2 workers" org.sharpscope.cli.Sharpscope sweep run "$work/sweep.yaml" --out "$work/l2" --workers 2
run "spark local[2]"   org.sharpscope.spark.SparkSweep run "$work/sweep.yaml" --out "$work/s2" --master 'local[2]'
