#!/usr/bin/env bash
# Where the slow c=1 requests come from (issue 15, session 26): attribute each request instead of timing the tail.
# One gateway (c1-breakdown.sh's pack: default pack + bench model, README H2 store or --store postgres) pinned to core 1, mock and wrk on
# core 0; warm-up at c=4, then c=1 JSON with a timestamp and latency per request (c1-tail-timed.lua, CLOCK_MONOTONIC),
# a JFR recording (GC, safepoints, parks, file writes, compilations, deopts, pinning, sleeps; DebugNonSafepoints),
# -Xlog:gc*,safepoint, and perf's sched_switch on both cores (who held core 1 during each request). Then
# c1-tail-attribute.py: per request > 5 ms, the largest component of its window (GC pause, other processes on core 1,
# the gateway's JIT threads, the request thread's own CPU above typical, ...), counted per 10,000 requests; and
# wrk-p99.py: the raw p99 beside wrk's (coordinated-omission-corrected) p99. On PostgreSQL also the server's WAL and
# checkpointer counters before and after (pg-stats0/1.txt) and its checkpoint log lines (pg-checkpoints.log): the
# attribution then names the requests that waited on the database (JDBC reads >= 1 ms), the PostgreSQL processes on core 1
# and the slow requests inside a checkpoint's sync phase.
#   docs/bench/c1-tail.sh gateway.jar [--warmup S] [--seconds S] [--port-base P] [--store h2|postgres] [-- extra gateway args]
#   GATEWAY_GC="-XX:+UseG1GC" docs/bench/c1-tail.sh ...    (pinned to one core the JVM picks Serial GC by itself)
# Needs perf (root or perf_event_paranoid <= 1) and wrk with LuaJIT. Results in $BENCH_WORK/c1-tail/<stamp>/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
JAR=$(readlink -f "$1"); shift
WARM=60; SECS=90; PORT_BASE=18480; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --warmup) WARM=$2; shift 2;; --seconds) SECS=$2; shift 2;; --port-base) PORT_BASE=$2; shift 2;; --store) STORE=$2; shift 2;;
    --) shift; break;; *) echo "unknown option $1" >&2; exit 2;;
  esac
done
OUT=$BENCH_WORK/c1-tail/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
"$JDK_BIN/jfr" configure --input profile jdk.ExecutionSample#period=1ms jdk.ThreadPark#threshold=1ms \
  jdk.FileForce#enabled=true jdk.FileForce#threshold=0ms jdk.FileWrite#enabled=true jdk.FileWrite#threshold=0ms \
  jdk.FileRead#threshold=1ms jdk.ThreadSleep#enabled=true jdk.ThreadSleep#threshold=0ms jdk.Compilation#threshold=0ms \
  jdk.Deoptimization#enabled=true jdk.SafepointBegin#enabled=true jdk.SafepointBegin#threshold=0ms \
  jdk.ExecuteVMOperation#threshold=0ms jdk.VirtualThreadPinned#threshold=0ms jdk.JavaMonitorEnter#threshold=1ms \
  jdk.SocketRead#threshold=1ms jdk.SocketWrite#threshold=1ms jdk.ObjectAllocationSample#enabled=false \
  --output "$OUT/tail.jfc" > /dev/null
bench_traps
PORT=$((PORT_BASE + 16)); MPORT=$((PORT + 100))
bench_mock_start --cpu 0 "$PORT_BASE"; MOCK=$MOCK_PID
gw_start gw "$JAR" "$PORT" --dir "$OUT" --store "$STORE" --mock-port "$PORT_BASE" --cpu 1 \
  --jvm "-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints ${GATEWAY_GC:-} -Xlog:gc*,safepoint:file=$OUT/gc.log:uptimenanos,utctime,tags" \
  -- "$@"
GW=${GW_PID[gw]}
gw_wait_ready gw
bench_mock_wait
JPID=$(pgrep -P "$GW" java || echo "$GW"); [ -d /proc/$JPID ] || JPID=$GW
echo "gateway pid $JPID ready $(date -u +%T), ${GW_READY[gw]} s after its start"
env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 taskset -c 0 wrk -t1 -c4 -d"${WARM}s" --timeout 10s -s "$BENCH/chat.lua" "http://127.0.0.1:$PORT/v1/chat/completions" | grep RESULT
# mock alone at c=1 (floor), 10 s, timed
env BENCH_BODY="$BENCH/body.json" TIMED_OUT="$OUT/mock-timed.txt" taskset -c 0 wrk -t1 -c1 -d10s --timeout 10s -s "$ROOT/docs/bench/c1-tail-timed.lua" "http://127.0.0.1:$PORT_BASE/v1/chat/completions" | grep RESULT | sed 's/^/mock: /'
cat /proc/$JPID/task/*/schedstat | awk '{r+=$1; w+=$2} END {print r, w}' > "$OUT/sched0.txt"
"$JDK_BIN/jcmd" "$JPID" JFR.start name=tail settings="$OUT/tail.jfc" > /dev/null
perf record -q -e sched:sched_switch -a -k CLOCK_MONOTONIC -o "$OUT/sched.data" -- sleep $((SECS + 2)) > "$OUT/perf.log" 2>&1 &
PERF=$!; sleep 1
python3 -c 'import time; print(time.clock_gettime_ns(time.CLOCK_REALTIME) - time.clock_gettime_ns(time.CLOCK_MONOTONIC))' > "$OUT/clock-offset.txt"
uptime > "$OUT/load0.txt"
pg_stats() { # PostgreSQL's WAL and checkpointer counters (--store postgres): what the server did during the timed run
  [ "$STORE" = postgres ] || return 0
  psql -h 127.0.0.1 -U postgres -d test -AXqc "SELECT now(), w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_buffers_full, b.checkpoints_timed, b.checkpoints_req, b.buffers_checkpoint, b.buffers_backend FROM pg_stat_wal w, pg_stat_bgwriter b" 2>/dev/null || true
}
pg_stats > "$OUT/pg-stats0.txt"
env BENCH_BODY="$BENCH/body.json" TIMED_OUT="$OUT/timed.txt" taskset -c 0 wrk -t1 -c1 -d"${SECS}s" --timeout 10s -s "$ROOT/docs/bench/c1-tail-timed.lua" "http://127.0.0.1:$PORT/v1/chat/completions" | grep RESULT | tee "$OUT/wrk.txt"
uptime > "$OUT/load1.txt"
pg_stats > "$OUT/pg-stats1.txt"
# the server's checkpoints (log_checkpoints = on): c1-tail-attribute.py counts the slow requests inside their sync phase
[ "$STORE" != postgres ] || grep -h "checkpoint" /var/log/postgresql/postgresql-*-main.log 2>/dev/null | tail -n 40 > "$OUT/pg-checkpoints.log" || true
cat /proc/$JPID/task/*/schedstat | awk '{r+=$1; w+=$2} END {print r, w}' > "$OUT/sched1.txt"
"$JDK_BIN/jcmd" "$JPID" JFR.stop name=tail filename="$OUT/tail.jfr" > /dev/null
curl -s "http://127.0.0.1:$MPORT/actuator/prometheus" > "$OUT/prom.txt" || true
wait $PERF || true
bench_cleanup
{ echo "jar=$JAR store=$STORE warmup=${WARM}s c=1 for ${SECS}s gateway on core 1 ($(grep -m1 -o 'Using [A-Za-z0-9 ]*' "$OUT/gc.log")), load $(cut -d, -f3- "$OUT/load0.txt" | sed 's/.*average: //') -> $(sed 's/.*average: //' "$OUT/load1.txt")"
  paste "$OUT/sched0.txt" "$OUT/sched1.txt" | awk -v n="$(wc -l < "$OUT/timed.txt")" '{printf "gateway CPU per request %.0f µs, run-queue wait per request %.0f µs (all its threads)\n", ($3-$1)/n/1000, ($4-$2)/n/1000}'
  python3 "$ROOT/docs/bench/wrk-p99.py" "$OUT/timed.txt" "$SECS"
  python3 "$ROOT/docs/bench/c1-tail-attribute.py" "$OUT" "$JPID" "$MOCK"; } | tee "$OUT/summary.txt"
echo "c1-tail: results in $OUT"
