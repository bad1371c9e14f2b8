#!/usr/bin/env bash
# A Spark standalone cluster on this machine, bound to 127.0.0.1, run from the Spark jars Maven
# resolves for the spark module (no Spark installation needed):
#
#   spark/cluster.sh start [WORKERS]   a master and WORKERS workers (default 2), each its own JVM;
#                                      the last line printed is the master URL, spark://127.0.0.1:PORT
#   spark/cluster.sh status            the processes and the master URL
#   spark/cluster.sh stop              stops the workers, their executors and the master
#
# Environment: SHARPSCOPE_CLUSTER_DIR  pids, logs and the workers' directories (default spark/target/cluster)
#              WORKER_CORES            cores each worker offers (default 1: one cell at a time)
#              WORKER_MEMORY           memory each worker offers (default 1g, enough for one executor of
#                                      Spark's default spark.executor.memory, 1g)
#              SPARK_DAEMON_MEMORY     heap of the master and of each worker (default 256m)
#              SPARK_WAIT_SECONDS      how long to wait for the master and the workers (default 180)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
state="$(realpath -m "${SHARPSCOPE_CLUSTER_DIR:-$here/target/cluster}")"
lib="$here/target/lib"
wait_seconds="${SPARK_WAIT_SECONDS:-180}"
mapfile -t java_options < <(grep -v '^#' "$here/java-options")

usage() {
  echo "usage: spark/cluster.sh start [WORKERS] | status | stop" >&2
  exit 2
}

alive() {
  [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null
}

# Executors are the workers' children, started in the workers' directories under $state: found by
# their working directory, so that one whose worker was killed is stopped too.
executors() {
  local p cwd
  for p in /proc/[0-9]*; do
    cwd="$(readlink "$p/cwd" 2>/dev/null || true)"
    [[ "$cwd" == "$state"/worker-* ]] && echo "${p#/proc/}"
  done
  return 0
}

# The cluster's "Spark distribution": the spark module's libraries without the program's own jars
# and its native libraries, which travel with each application (spark-submit --jars, or the
# launcher's spark.jars), as they must on a real cluster.
make_spark_home() {
  if [[ ! -d "$lib" ]]; then
    echo "cluster: building the spark module (first use) ..." >&2
    local log
    log="$(mktemp)"
    if ! (cd "$repo" && mvn -B -q -Dstyle.color=never -DskipTests -Dmaven.javadoc.skip=true package -pl spark -am) >"$log" 2>&1; then
      tail -n 40 "$log" >&2
      echo "cluster: build failed (full log: $log)" >&2
      exit 1
    fi
    rm -f "$log"
  fi
  rm -rf "$state/spark-home"
  mkdir -p "$state/spark-home/jars"
  local jar name
  for jar in "$lib"/*.jar; do
    name="$(basename "$jar")"
    case "$name" in
      sharpscope-*|javacpp-*|openblas-*|pytorch-*) continue ;;
    esac
    ln -s "$jar" "$state/spark-home/jars/$name"
  done
}

# start_daemon NAME CLASS ARGS...: one JVM in the background, its pid in $state/NAME.pid.
start_daemon() {
  local name="$1"
  shift
  nohup java "${java_options[@]}" -Xmx"${SPARK_DAEMON_MEMORY:-256m}" -cp "$SPARK_HOME/jars/*" "$@" \
    </dev/null >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

# wait_for NAME PATTERN: until PATTERN is in NAME's log; gives up when the process ends or time runs out.
wait_for() {
  local name="$1" pattern="$2" deadline=$((SECONDS + wait_seconds))
  until grep -q -- "$pattern" "$state/$name.log" 2>/dev/null; do
    if ! alive "$state/$name.pid" || ((SECONDS > deadline)); then
      tail -n 30 "$state/$name.log" >&2 || true
      echo "cluster: $name did not start (log: $state/$name.log); stopping what was started" >&2
      stop >/dev/null
      exit 1
    fi
    sleep 0.2
  done
}

start() {
  local workers="${1:-2}"
  [[ "$workers" =~ ^[1-9][0-9]*$ ]] || { echo "cluster: WORKERS must be a positive number, got '$workers'" >&2; exit 2; }
  if alive "$state/master.pid"; then
    echo "cluster: a cluster is already running from $state (master $(cat "$state/master-url" 2>/dev/null)); stop it first" >&2
    exit 1
  fi
  mkdir -p "$state"
  rm -rf "$state"/worker-* "$state"/*.log "$state"/*.pid "$state/master-url" "$state/local"
  make_spark_home
  export SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 SPARK_LOCAL_DIRS="$state/local"
  start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
  wait_for master "Starting Spark master at spark://"
  local url ui
  url="$(grep -o 'Starting Spark master at spark://[0-9.]*:[0-9]*' "$state/master.log" | head -n 1 | sed 's/.* at //')"
  echo "$url" >"$state/master-url"
  local i
  for ((i = 1; i <= workers; i++)); do
    start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 --webui-port 0 \
      --cores "${WORKER_CORES:-1}" --memory "${WORKER_MEMORY:-1g}" --work-dir "$state/worker-$i" "$url"
  done
  for ((i = 1; i <= workers; i++)); do
    wait_for "worker-$i" "Successfully registered with master"
  done
  ui="$(grep -o 'MasterWebUI.*started at http://[^ ]*' "$state/master.log" | head -n 1 | sed 's/.* at //' || true)"
  echo "master: $url (pid $(cat "$state/master.pid"), web UI ${ui:-off}, log $state/master.log)"
  for ((i = 1; i <= workers; i++)); do
    echo "worker $i: pid $(cat "$state/worker-$i.pid"), ${WORKER_CORES:-1} core(s), ${WORKER_MEMORY:-1g}, log $state/worker-$i.log"
  done
  echo "stop it with: spark/cluster.sh stop"
  echo "$url"
}

status() {
  if ! alive "$state/master.pid"; then
    echo "no cluster running from $state"
    return 0
  fi
  echo "master: $(cat "$state/master-url") (pid $(cat "$state/master.pid"))"
  local f
  for f in "$state"/worker-*.pid; do
    [[ -f "$f" ]] || continue
    if alive "$f"; then echo "$(basename "$f" .pid): pid $(cat "$f")"; else echo "$(basename "$f" .pid): not running"; fi
  done
  local e
  e="$(executors | tr '\n' ' ')"
  echo "executors: ${e:-none}"
}

stop() {
  local pids=() f p
  for f in "$state"/worker-*.pid "$state/master.pid"; do
    alive "$f" && pids+=("$(cat "$f")")
  done
  for p in $(executors); do pids+=("$p"); done
  if ((${#pids[@]} == 0)); then
    echo "no cluster running from $state"
    return 0
  fi
  kill -TERM "${pids[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 20))
  for p in "${pids[@]}"; do
    while kill -0 "$p" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -0 "$p" 2>/dev/null && kill -KILL "$p" 2>/dev/null || true
  done
  rm -f "$state"/*.pid
  echo "stopped ${#pids[@]} processes (master, workers, executors)"
}

case "${1:-}" in
  start) shift; [[ $# -le 1 ]] || usage; start "$@" ;;
  status) status ;;
  stop) stop ;;
  *) usage ;;
esac
