#!/usr/bin/env bash
# Issue 17 benchmark: time per exact HVP of a researcher's own TorchScript module, Sharpscope
# (org.sharpscope.bench.HvpTiming module:PATH, the operator `sharpness`/`train --model-file` use)
# against PyTorch on the same .pt and .safetensors files (bench/python/module_hvp.py: the module
# loaded with torch.jit.load; products through a retained create_graph gradient, and the idiom that
# rebuilds forward + first backward per product), as whole processes, alternating, same threads.
# Modules (module_hvp.py make): the transformer test fixture (overhead-bound) and a 2-block
# width-128 transformer on 128 sequences of 64 tokens.
# Sharpscope runs in LAYOUT (libtorch:OpenBLAS threads, default 1:THREADS, its default for a module
# without convolutions); PyTorch with torch.set_num_threads(THREADS).
# Usage: bench/module-hvp-vs-python.sh   (THREADS [1], LAYOUT [1:THREADS], ROUNDS [2], DTYPES ["float32 float64"],
#        MODULES ["fixture:200 gpt2x128:5"] (name:repeats), OUT [bench/results/module-hvp-vs-python-<time>.txt])
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
threads="${THREADS:-1}"; rounds="${ROUNDS:-2}"; layout="${LAYOUT:-1:$threads}"
dtypes="${DTYPES:-float32 float64}"
modules="${MODULES:-fixture:200 gpt2x128:5}"
out="${OUT:-bench/results/module-hvp-vs-python-$(date +%Y%m%d-%H%M%S).txt}"
if [[ ! -f cli/target/sharpscope.jar || ! -d cli/target/lib || ! -f bench/target/classes/org/sharpscope/bench/HvpTiming.class ]]; then
  mvn -B -q -DskipTests package -pl cli,bench -am >&2
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
/usr/bin/python3 bench/python/module_hvp.py make "$dir" 2>/dev/null
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
mkdir -p "$(dirname "$out")"
echo "# $(date -Is) $(uname -n) nproc=$(nproc) threads=$threads java_layout=$layout load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out"
for r in $(seq "$rounds"); do
  for m in $modules; do
    name="${m%%:*}"; repeats="${m##*:}"
    for dtype in $dtypes; do
      java -Xmx8g -DblasThreads="${layout##*:}" -cp "bench/target/classes:cli/target/lib/*" org.sharpscope.bench.HvpTiming \
        "module:$dir/$name" "$dtype" "${layout%%:*}" "$repeats" 1000 | grep '^side ' | sed "s#module:$dir/#module:#" | tee -a "$out"
      /usr/bin/python3 bench/python/module_hvp.py time "$dir/$name" "$dtype" "$threads" "$repeats" | tee -a "$out"
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
/usr/bin/python3 - "$out" <<'PY' | tee -a "$out"
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    if not line.startswith("side "):
        continue
    w = line.split()
    kv = dict(zip(w[2::2], w[3::2]))
    rows[(w[1], kv["case"], kv["dtype"])].append(kv)
print("per-product medians over rounds (ms); ratio = Sharpscope / PyTorch (below 1: Sharpscope faster)")
for (side, case, dtype) in sorted({k for k in rows if k[0] == "java"}, key=lambda k: (k[1], k[2])):
    j, p = rows[("java", case, dtype)], rows[("python", case, dtype)]
    med = lambda rs, key: statistics.median(float(r[key]) for r in rs)
    jh, pr, pi = med(j, "hvp_ms"), med(p, "hvp_retained_ms"), med(p, "hvp_ms")
    print(f"  {case:18s} {dtype:8s} params {j[0]['params']:>7s}  sharpscope {jh:9.3f}  pytorch retained graph {pr:9.3f} "
          f"(ratio {jh / pr:.2f})  pytorch rebuilt per product {pi:9.3f} (ratio {jh / pi:.2f})  "
          f"gradient {med(j, 'grad_ms'):.3f} vs {med(p, 'grad_ms'):.3f}  peak RSS {med(j, 'vmhwm_mb'):.0f} vs {med(p, 'vmhwm_mb'):.0f} MB")
PY
echo "raw lines and summary: $out"
