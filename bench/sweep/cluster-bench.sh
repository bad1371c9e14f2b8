#!/usr/bin/env bash
# Sweep throughput on a Spark standalone cluster of this machine against the local pool: the
# 64-cell sweep of sweep-bench.sh through './sharpscope sweep run', once with the local runner
# (2 workers), once on a cluster of 2 workers of 1 core each (spark/cluster.sh), and once on that
# cluster with worker 2 and its executor killed (SIGKILL) after 16 cells; then a check that the
# three results.csv are identical. The runs alternate on the same machine, the load average is
# printed with each.
#   bench/sweep/cluster-bench.sh [uv|train] [STEPS]     (uv: STEPS 500; train: STEPS 30)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
kind="${1:-uv}"
steps="${2:-}"
work="$(mktemp -d)"
export SHARPSCOPE_CLUSTER_DIR="$work/cluster"
trap '"$root/spark/cluster.sh" stop >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
case "$kind" in
  uv)
    steps="${steps:-500}"
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
    what="'train' (tiny FCN, $steps steps)"
    cat > "$work/sweep.yaml" <<SPEC
command: train
base: {dataset: synthetic-mixture, subset: 100, depth: 3, activation: tanh, output-scale: 0.1, steps: $steps, threads: 1}
axes:
  c: {log2_from: -1, log2_to: 2.5, points: 8}
  width: [8, 12, 16, 20, 24, 28, 32, 40]
SPEC
    ;;
  *) echo "usage: $0 [uv|train] [STEPS]" >&2; exit 2 ;;
esac
load() { cut -d' ' -f1-3 /proc/loadavg; }
run() { # label, out, sharpscope args...
  local label="$1" out="$2"; shift 2
  local t0 t1 line before wall busy
  before="$(load)"
  t0=$(date +%s.%N)
  line=$("$root/sharpscope" sweep run "$work/sweep.yaml" --out "$out" --no-progress "$@" 2>/dev/null | grep 'cells/min')
  t1=$(date +%s.%N)
  wall="$(echo "$t1 - $t0" | bc)"
  # Seconds the cells themselves ran (index.json), against the 2 slots' time: the rest is the runner's.
  busy="$(grep -o '"seconds" *: *[0-9.eE+-]*' "$out/index.json" | awk -F: '{s += $2} END {printf "%.1f", s}')"
  printf '%-34s %s; process wall %.1f s; cells busy %s s, runner overhead %.2f s/cell; load %s -> %s\n' "$label" "$line" "$wall" \
    "$busy" "$(echo "(2 * $wall - $busy) / 64" | bc -l)" "$before" "$(load)"
}
# Kills worker 2 and its executor once 16 cells of the sweep in $1 have ended.
kill_worker_after_16() {
  local out="$1" pid
  until [[ $(find "$out/cells" -name sweep-cell.json 2>/dev/null | wc -l) -ge 16 ]]; do sleep 0.05; done
  pid="$(cat "$SHARPSCOPE_CLUSTER_DIR/worker-2.pid")"
  kill -KILL $(pgrep -P "$pid") "$pid"
  echo "  (killed worker 2, pid $pid, and its executor after $(find "$out/cells" -name sweep-cell.json | wc -l) cells)"
}
"$root/sharpscope" sweep plan "$work/sweep.yaml" >/dev/null 2>&1 || true # builds the program if needed
url="$("$root/spark/cluster.sh" start 2 | tail -n 1)"
"$root/sharpscope" sweep run "$work/none.yaml" --runner spark --master "$url" --out "$work/none" >/dev/null 2>&1 || true # builds the spark module if needed
echo "64 cells of $what on $(nproc) cores; cluster $url (2 workers x 1 core)"
run "local, 2 workers" "$work/local" --workers 2
run "cluster, 2 workers" "$work/cluster-run" --runner spark --master "$url"
kill_worker_after_16 "$work/lost" &
killer=$!
run "cluster, worker 2 lost after 16" "$work/lost" --runner spark --master "$url"
wait "$killer"
for d in local cluster-run lost; do "$root/sharpscope" sweep collect "$work/$d" >/dev/null 2>&1; done
status=0
for d in cluster-run lost; do
  if ! cmp -s "$work/local/results.csv" "$work/$d/results.csv"; then
    echo "results.csv of '$d' DIFFERS from the local runner's; lines that differ:" >&2
    diff "$work/local/results.csv" "$work/$d/results.csv" | cut -c1-300 | head -n 8 >&2
    status=1
  fi
done
if [[ $status -eq 0 ]]; then echo "results.csv identical from all three runs ($(($(wc -l < "$work/local/results.csv") - 1)) cells)"; fi
exit $status
