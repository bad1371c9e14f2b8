#!/usr/bin/env bash
# Sweep throughput: cells per minute of a 64-cell sweep, local runner with 1 and 2 workers
# against Spark local[2], then a check that all three gave the same results.csv.
# Build first (from the repository root):
#   mvn -B -q -pl cli,spark -am package -DskipTests
# then: bench/sweep/sweep-bench.sh [uv|train] [STEPS]
#   uv    (default; STEPS 3000): 8 lambda0 x 8 targets of 'uv run --engine function'
#   train (STEPS 30): a small network, 8 c = 2^x x 8 widths of a tiny FCN
#         (synthetic-mixture, 100 examples, depth 3, tanh, output scale 0.1, float64)
# A bare number as first argument is the UV steps (the script's original form).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kind="${1:-uv}"
if [[ "$kind" =~ ^[0-9]+$ ]]; then steps="$kind"; kind=uv; else steps="${2:-}"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "$kind" in
  uv)
    steps="${steps:-3000}"
    what="'uv run --engine function --steps $steps'"
    cat > "$work/sweep.yaml" <<SPEC
command: uv run
base: {engine: function, kappa: 1, eta: 1, f0: 0.35, steps: $steps}
axes:
  lambda0: {from: 1.0, to: 4.5, points: 8}
  target: {from: 0.1, to: 0.45, points: 8}
SPEC
    ;;
  train)
    steps="${steps:-30}"
    what="'train' (tiny FCN, $steps steps, a probe every step to 20 then every 10)"
    cat > "$work/sweep.yaml" <<SPEC
command: train
base: {dataset: synthetic-mixture, subset: 100, depth: 3, activation: tanh, output-scale: 0.1, steps: $steps}
axes:
  c: {log2_from: -1, log2_to: 2.5, points: 8}
  width: [8, 12, 16, 20, 24, 28, 32, 40]
SPEC
    ;;
  *) echo "usage: $0 [uv|train] [STEPS]" >&2; exit 2 ;;
esac
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
# The program (cli) and the Spark module side by side: Spark cells then draw their plots as local ones do.
cp="$root/cli/target/lib/*:$root/cli/target/sharpscope.jar:$root/spark/target/lib/*:$root/spark/target/sharpscope-spark.jar"
run() { # label, args...
  local label="$1"; shift
  local t0 t1 line
  t0=$(date +%s.%N)
  line=$(java -Xmx4g $opens -cp "$cp" "$@" 2> >(grep -v '^SLF4J' >&2) | grep 'cells/min')
  t1=$(date +%s.%N)
  printf '%-28s %s; process wall %.1f s\n' "$label" "$line" "$(echo "$t1 - $t0" | bc)"
}
echo "64 cells of $what on $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run "local, 1 worker"  org.sharpscope.cli.Sharpscope sweep run "$work/sweep.yaml" --out "$work/l1" --workers 1
run "local, 2 workers" org.sharpscope.cli.Sharpscope sweep run "$work/sweep.yaml" --out "$work/l2" --workers 2
run "spark local[2]"   org.sharpscope.spark.SparkSweep run "$work/sweep.yaml" --out "$work/s2" --master 'local[2]'
if [[ "$kind" == train ]]; then
  # The local runner gives a lone worker all cores as --threads; this run pins 1 thread per cell,
  # separating the scaling of the pool from the cost of a 2-thread libtorch/OpenBLAS pool.
  sed 's/^base: {/base: {threads: 1, /' "$work/sweep.yaml" > "$work/sweep-t1.yaml"
  run "local, 1 worker, threads 1" org.sharpscope.cli.Sharpscope sweep run "$work/sweep-t1.yaml" --out "$work/l1t1" --workers 1
fi
for d in l1 l2 s2; do java $opens -cp "$cp" org.sharpscope.cli.Sharpscope sweep collect "$work/$d" > /dev/null; done
if cmp -s "$work/l1/results.csv" "$work/l2/results.csv" && cmp -s "$work/l1/results.csv" "$work/s2/results.csv"; then
  echo "results.csv identical from all three runs ($(($(wc -l < "$work/l1/results.csv") - 1)) cells)"
else
  echo "results.csv DIFFER between runs" >&2; exit 1
fi
