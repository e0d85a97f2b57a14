#!/usr/bin/env bash
# The thread hand-offs of a lone streamed request after a pause, timed by the kernel's scheduler: every wake-up of a
# gateway thread between the tool's send and its first answer text, who woke it, how long it had slept and how long it
# waited for a CPU after the wake-up (the scheduler delay: on this VM a vCPU's wake-up from idle is in it).
#
#   docs/bench/wakeup-delays.sh [--port-base P] [--n N] [--gap-ms G] [--warmup S] [--store h2|postgres]
#                               [--jvm "OPTS"] gateway.jar [gateway arguments ...]
#
# Starts the harness's mock upstream on P and one gateway on P+16 (README settings, gateway-bench.sh's pack, both
# cores), warms it up (wrk c=1, S seconds per mode, default 40), then records the scheduler's switch and wake-up events
# of the whole machine (perf sched record, clock CLOCK_MONOTONIC — the clock of the client's raw times) while
# stream-first-chunk.py sends N streamed requests (default 60) to the mock and to the gateway in turn, each after a pause
# of G ms (default 30: the kept-alive probe's idle time, Portkey's request between two of the gateway's), and one more
# straight after each ("gw+follow", "mock+follow": the same path without the pause, read at the same moment). Unlike
# strace (handoff-map.sh), perf's tracepoints do not slow the syscalls, so its times are latencies.
# docs/bench/wakeup-delays.py joins the two: per request, the wake-ups in order; over all requests, per woken thread
# kind, how many per request and their median delays, beside the mock's. Needs root (or perf_event_paranoid ≤ -1).
# Results: $BENCH_WORK/wakeup-delays/<stamp>/{delays.txt,first.txt,raw.tsv,sched.txt,tids.tsv}. No request or answer
# text is recorded (perf sched records scheduler events only).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
PORT_BASE=21000; N=60; GAP=30; WARM=40; STORE=h2; JVM=""
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT_BASE=$2; shift 2;; --n) N=$2; shift 2;; --gap-ms) GAP=$2; shift 2;; --warmup) WARM=$2; shift 2;;
    --store) STORE=$2; shift 2;; --jvm) JVM=$2; shift 2;;
    *) break;;
  esac
done
[ $# -ge 1 ] || { echo "usage: $0 [options] gateway.jar [gateway arguments]" >&2; exit 2; }
JAR=$(readlink -f "$1"); shift
OUT=$BENCH_WORK/wakeup-delays/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
bench_traps

bench_mock_start "$PORT_BASE"
PORT=$((PORT_BASE + 16))
gw_start gw "$JAR" "$PORT" --dir "$OUT" --store "$STORE" --mock-port "$PORT_BASE" --jvm "$JVM" -- "$@"
GW=${GW_PID[gw]}
URL=http://127.0.0.1:$PORT/v1
gw_wait_ready gw
bench_mock_wait
echo "gateway ready after ${GW_READY[gw]} s; jar $JAR; jvm $JVM; args $*" | tee "$OUT/run.txt"
gw_warm "$URL" "$WARM"
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" | tee -a "$OUT/run.txt"
perf sched record -k CLOCK_MONOTONIC -o "$OUT/perf.data" -- \
  python3 "$ROOT/docs/bench/stream-first-chunk.py" --n "$N" --warmup 3 --gap-ms "$GAP" --follow 1 --body "$BENCH/body.json" \
    --raw "$OUT/raw.tsv" mock="http://127.0.0.1:$PORT_BASE/v1" gw="$URL" 2> "$OUT/perf-record.log" | tee "$OUT/first.txt"
{ for t in /proc/"$GW"/task/*; do printf '%s\tgw\t%s\n' "${t##*/}" "$(cat "$t/comm")"; done
  for t in /proc/"$MOCK_PID"/task/*; do printf '%s\tmock\t%s\n' "${t##*/}" "$(cat "$t/comm")"; done
  } > "$OUT/tids.tsv" 2>/dev/null || true
perf script -i "$OUT/perf.data" -F comm,tid,cpu,time,event,trace --ns 2>/dev/null > "$OUT/sched.txt"
rm -f "$OUT/perf.data"
python3 "$ROOT/docs/bench/wakeup-delays.py" "$OUT" | tee "$OUT/delays.txt"
echo "wakeup-delays: results in $OUT"
