#!/usr/bin/env bash
# Issue 13 benchmark, one command: Java (libtorch via bytedeco) against PyTorch (Debian
# python3-torch 1.13 + SciPy, /usr/bin/python3) as whole processes side by side, same threads.
#
#  1. Per gradient and per exact HVP (one process per case, side and round):
#       fcn512   FCN 784-512-512-10 tanh SP on 5000 Fashion-MNIST, float32 and float64
#       myrtle5  Myrtle-5 width 64 on 1000 3x32x32 inputs, float32
#       resnet20 ResNet-20 on 1000 3x32x32 inputs, float32
#     Java: gradient, HVP with the default operator (∇L graph kept within the memory budget; graph
#     build timed apart), HVP rebuilding the graph every product (the former default). Python: the
#     PyTorch idiom (create_graph grad + grad per product), and, for reference, a retained graph.
#  2. The whole `sharpness` job: top-1 λ^H of the FCN-512 on 5000 Fashion-MNIST, tol 1e-6, float64
#     and float32: `sharpscope sharpness` (JVM start included) against SciPy eigsh on PyTorch HVPs,
#     on the same weights (Java saves them; Python reads them).
# Every process runs under /usr/bin/time (peak RSS). The summary prints ratios (java / python),
# GFLOP/s (FLOP model below) against each side's 2048^3 GEMM rate, and peak RSS.
#
# Usage: bench/hvp-vs-python.sh            (environment knobs, defaults in brackets)
#   THREADS [2]   libtorch + BLAS threads on both sides      ROUNDS [2]   alternating rounds
#   REPEATS [3]   timed repetitions inside each process      CASES ["fcn512:float32 fcn512:float64 myrtle5:float32 resnet20:float32"]
#   JOBS [float64 float32]  dtypes of the sharpness job (empty: skip)
#   LAYOUTS ["$THREADS:$THREADS 1:$THREADS $THREADS:1"]  Java thread layouts TORCH:BLAS to run (libtorch intra-op
#                 threads : OpenBLAS threads); Python always runs torch.set_num_threads(THREADS). With the
#                 bundled OpenBLAS, whose idle workers busy-wait (no sched_yield, unlike Debian's), a libtorch
#                 OpenMP pool next to it loses cores to them; 1:N keeps one pool (GEMMs on N threads).
#   JAVA_ENV      extra environment for the Java processes only, e.g.
#                 "OPENBLAS_THREAD_TIMEOUT=4 OMP_WAIT_POLICY=passive" (the bundled OpenBLAS busy-waits
#                 without sched_yield; Debian's yields), or SHARPSCOPE_HVP_MEMORY=2g (graph budget)
#   OUT [bench/results/hvp-vs-python-<time>.txt]   raw lines + summary
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads="${THREADS:-2}"; rounds="${ROUNDS:-2}"; repeats="${REPEATS:-3}"
cases="${CASES:-fcn512:float32 fcn512:float64 myrtle5:float32 resnet20:float32}"
jobs="${JOBS-float64 float32}"
data_dir="${DATA_DIR:-/usr/share/datasets/fashion-mnist}"
out="${OUT:-bench/results/hvp-vs-python-$(date +%Y%m%d-%H%M%S).txt}"
if [[ ! -f cli/target/sharpscope.jar || ! -d cli/target/lib || ! -f bench/target/classes/org/sharpscope/bench/HvpTiming.class ]]; then
  mvn -B -q -DskipTests package -pl cli,bench -am >&2
fi
cp="bench/target/classes:cli/target/lib/*"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
mkdir -p "$(dirname "$out")"
: > "$out"
echo "# $(date -Is) $(uname -n) nproc=$(nproc) threads=$threads java_layouts='${LAYOUTS:-$threads:$threads 1:$threads}' java_env='${JAVA_ENV:-}' load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"

# run SIDE CMD...: runs CMD under /usr/bin/time, appends its "side ..." line with maxrss and wall time.
run() {
  local tmp; tmp="$(mktemp)"
  local line
  line="$(/usr/bin/time -o "$tmp" -f "%M %e" "$@" | grep '^side ' | tail -1)" || true
  read -r rss wall < <(tail -1 "$tmp")
  rm -f "$tmp"
  echo "$line proc_maxrss_mb $((rss / 1024)) proc_wall_s $wall load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
}

layouts="${LAYOUTS:-$threads:$threads 1:$threads $threads:1}"
java_cmd=(env ${JAVA_ENV:-} java -Xmx8g)
for r in $(seq "$rounds"); do
  for c in $cases; do
    name="${c%%:*}"; dtype="${c##*:}"
    for l in $layouts; do
      run "${java_cmd[@]}" -DblasThreads="${l##*:}" -cp "$cp" org.sharpscope.bench.HvpTiming "$name" "$dtype" "${l%%:*}" "$repeats" 1000 "$data_dir"
    done
    run /usr/bin/python3 bench/python/hvp_timing.py "$name" "$dtype" "$threads" "$repeats" "$data_dir"
  done
  for dtype in $jobs; do
    ck="$(mktemp -d)/weights.safetensors"
    for l in $layouts; do
      # the sharpness job: sharpscope's JSON goes through a one-line adapter into a "side java job" line
      tmpj="$(mktemp)"
      /usr/bin/time -o "$tmpj.time" -f "%M %e" "${java_cmd[@]}" -jar cli/target/sharpscope.jar sharpness --model fcn --depth 3 \
        --width 512 --activation tanh --param sp --dataset fashion-mnist --data-dir "$data_dir" --subset 5000 \
        --subset-mode first --dtype "$dtype" --tol 1e-6 --top 1 --threads "${l%%:*}" --blas-threads "${l##*:}" \
        --save-checkpoint "$ck" --json > "$tmpj"
      read -r rss wall < <(tail -1 "$tmpj.time")
      /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('side java job sharpness dtype %s threads %s blas_threads %s lambda %.12g products %d seconds %.3f ms_per_product %.1f proc_maxrss_mb %d proc_wall_s %s load %s' % (sys.argv[2], sys.argv[5], sys.argv[6], d['eigenvalues'][0], d['products'], d['seconds'], 1e3*d['seconds']/max(d['products'],1), int(sys.argv[3])//1024, sys.argv[4], open('/proc/loadavg').read().split()[0]))" \
        "$tmpj" "$dtype" "$rss" "$wall" "${l%%:*}" "${l##*:}" | tee -a "$out"
      rm -f "$tmpj" "$tmpj.time"
    done
    run /usr/bin/python3 bench/python/sharpness_reference.py "$ck" --examples 5000 --depth 3 --dtype "$dtype" --tol 1e-6 \
      --threads "$threads" --data-dir "$data_dir"
    rm -rf "$(dirname "$ck")"
  done
done
/usr/bin/python3 bench/python/summarize_hvp.py "$out" | tee -a "$out"
echo "raw lines and summary: $out"
