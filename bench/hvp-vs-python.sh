#!/usr/bin/env bash
# Issue 5 benchmark: time per gradient and per exact HVP, Java (libtorch via bytedeco) vs Python
# (Debian python3-torch), same networks, same threads, alternating runs in one script.
# Usage: bench/hvp-vs-python.sh [THREADS=1] [REPEATS=5] [ROUNDS=2] [MYRTLE_WIDTH=16]
# (BLAS_THREADS=N in the environment gives Java's OpenBLAS N threads instead of THREADS.)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads="${1:-1}"; repeats="${2:-5}"; rounds="${3:-2}"; width="${4:-16}"
cd "$here"
if [[ ! -d cli/target/lib || ! -d bench/target/classes ]]; then
  mvn -B -q -DskipTests package -pl cli,bench -am >&2
fi
cp="bench/target/classes:cli/target/lib/*"
# Same threads everywhere: torch.set_num_threads (Python), NativeThreads.set (Java: libtorch + OpenBLAS),
# and the BLAS pools through the environment (Debian python3-torch calls the system OpenBLAS).
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads" MKL_NUM_THREADS="$threads"
out="$(mktemp)"
for r in $(seq "$rounds"); do
  java -Xmx8g ${BLAS_THREADS:+-DblasThreads=$BLAS_THREADS} -cp "$cp" org.sharpscope.bench.HvpTiming "$threads" "$repeats" all "$width" | tee -a "$out"
  /usr/bin/python3 bench/python/hvp_timing.py "$threads" "$repeats" all "$width" | tee -a "$out"
done
echo "--- medians over $rounds rounds ($threads threads), thread CPU time (COL_G=4 COL_H=6 for wall time); ratio = java / python"
# columns: 4 grad wall, 6 hvp wall, 8 grad cpu, 10 hvp cpu
awk -v col_g="${COL_G:-8}" -v col_h="${COL_H:-10}" '{k=$2; if ($1=="java") {jg[k]=jg[k]" "$col_g; jh[k]=jh[k]" "$col_h} else {pg[k]=pg[k]" "$col_g; ph[k]=ph[k]" "$col_h}}
function med(s,  a,n,i,j,t){n=split(s,a," "); for(i=1;i<=n;i++)for(j=i+1;j<=n;j++)if(a[j]+0<a[i]+0){t=a[i];a[i]=a[j];a[j]=t}
  return n%2?a[(n+1)/2]:(a[n/2]+a[n/2+1])/2}
END {for (k in jg) printf "%s grad: java %.1f ms, python %.1f ms, ratio %.2f | hvp: java %.1f ms, python %.1f ms, ratio %.2f\n",
  k, med(jg[k]), med(pg[k]), med(jg[k])/med(pg[k]), med(jh[k]), med(ph[k]), med(jh[k])/med(ph[k])}' "$out"
rm -f "$out"
