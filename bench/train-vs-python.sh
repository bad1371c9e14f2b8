#!/usr/bin/env bash
# Issue 13, tracked training, one command: `sharpscope train` against the PyTorch + SciPy eigsh
# reference loop (bench/python/train_vs_reference.py), as whole processes, same threads:
# FCN 784-128-128-10 tanh SP, zero last layer, first 1000 Fashion-MNIST images, MSE, c = 1.5,
# 300 steps, sharpscope's default probe schedule (77 probes), --tol 1e-6;
#   float32: the timed configuration of the issue;
#   float64: the same run for the agreement check (trajectories coincide for long in float64; the
#            report gives the largest relative λ difference over the probes before they part).
# Each Java thread layout TORCH:BLAS (libtorch intra-op : OpenBLAS threads) in LAYOUTS runs once;
# the reference runs once per dtype, on the weights and eta of the first layout's run.
# Reports (JSON) go to bench/results/train-vs-python-issue13-<dtype>-<time>.json.
#
# Usage: bench/train-vs-python.sh        knobs: THREADS [2], DTYPES ["float32 float64"],
#   LAYOUTS ["1:1 1:$THREADS"], STEPS [300], JAVA_ENV (extra env for Java only)
# (libtorch and OpenBLAS pools both spin-wait: $THREADS:$THREADS oversubscribes a machine with
# $THREADS cores and was 14x slower than 1:1 here; see docs/train.md, "Sharpness probes and their cost".)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads="${THREADS:-2}"
if [[ "$threads" == 1 ]]; then default_layouts="1:1"; else default_layouts="1:1 1:$threads"; fi
layouts="${LAYOUTS:-$default_layouts}"
stamp="$(date +%Y%m%d-%H%M%S)"
if [[ ! -f cli/target/sharpscope.jar ]]; then
  mvn -B -q -DskipTests package -pl cli -am >&2
fi
for dtype in ${DTYPES:-float32 float64}; do
  out="bench/results/train-vs-python-issue13-$dtype-$stamp.json"
  echo "=== $dtype: java layouts (torch:BLAS threads) $layouts, reference torch threads $threads -> $out"
  /usr/bin/python3 bench/python/train_vs_reference.py --examples 1000 --depth 3 --width 128 --alpha 1 \
    --last-layer-zero --c 1.5 --steps "${STEPS:-300}" --dtype "$dtype" --tol 1e-6 --threads "$threads" \
    --java-layouts "$layouts" --java-env "${JAVA_ENV:-}" --out "$out"
done
