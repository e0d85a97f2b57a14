#!/usr/bin/env bash
# System calls per request of a warm gateway, streamed against JSON: counts that a loaded machine does not move (CPU
# time per request does, by tens of percent between rounds of one jar when the others' tests share the cores).
#
#   docs/bench/syscalls-per-request.sh gateway.jar [--requests N (500)] [--c C (8)] [--warmup S (60)] [--chunks 20]
#                                      [--port-base 18680] [--store h2|postgres]
#
# The pack, the store and the pinning are stream-profile.sh's (gateway on core 1, mock and wrk on core 0). After the
# warm-up (c=4, streamed and JSON in turn), per mode: strace -f -c attached to every thread of the gateway while wrk
# sends exactly N requests (its per-thread cap), then the calls per request by name. strace slows the gateway several
# times: read the counts, not the times.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"
bench_require_harness
JAR=$(readlink -f "$1"); shift
N=500; C=8; WARM=60; CHUNKS=20; MOCK_PORT=18680; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --requests) N=$2;; --c) C=$2;; --warmup) WARM=$2;; --chunks) CHUNKS=$2;; --port-base) MOCK_PORT=$2;; --store) STORE=$2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac; shift 2
done
command -v strace > /dev/null || { echo "strace is needed" >&2; exit 2; }
OUT=$BENCH_WORK/syscalls/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
bench_traps
load() { # stream(0|1) seconds conc [cap per thread] -> requests
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM="$1" BENCH_MAX_PER_THREAD="${4:-0}" timeout $(($2 + 30)) taskset -c 0 \
    wrk -t1 -c"$3" -d"$2s" --timeout 10s -s "$BENCH/chat.lua" "http://127.0.0.1:$GW_P/v1/chat/completions" 2>&1 \
    | grep RESULT | sed -E 's/.*requests=([0-9]+).*/\1/' || echo 0
}
bench_mock_start --cpu 0 "$MOCK_PORT" --chunks "$CHUNKS"
gw_start G "$JAR" $((MOCK_PORT + 16)) --store "$STORE" --schema "sysc_$(date +%s)" --mock-port "$MOCK_PORT" --cpu 1
gw_wait_ready G; bench_mock_wait
PID=${GW_PID[G]}; GW_P=${GW_PORT[G]}
echo "jar=$JAR store=$STORE chunks=$CHUNKS warm-up ${WARM}s; $N requests per mode at c=$C under strace -f -c; load: $(uptime)" | tee "$OUT/syscalls.txt"
half=$((WARM / 2))
load 1 "$half" 4 > /dev/null; load 0 "$half" 4 > /dev/null
for mode in stream json; do
  st=1; [ "$mode" = json ] && st=0
  strace -f -c -o "$OUT/$mode.strace" -p "$PID" 2> /dev/null & SP=$!
  sleep 3 # strace attaches to every thread
  q=$(load "$st" 120 "$C" "$N")
  sleep 1; kill -INT "$SP"; wait "$SP" 2> /dev/null || true
  echo "$mode: $q requests" | tee -a "$OUT/syscalls.txt"
  awk -v q="$q" '$1 ~ /^[0-9.]+$/ && NF >= 5 { name=$NF; calls=$4; if (calls ~ /^[0-9]+$/) printf "  %-20s %8.2f per request\n", name, q ? calls/q : 0 }
    $1 == "100.00" { printf "  %-20s %8.2f per request\n", "(all)", q ? $4/q : 0 }' "$OUT/$mode.strace" | sort -k2 -nr | head -14 | tee -a "$OUT/syscalls.txt"
done
echo "load after: $(uptime)" | tee -a "$OUT/syscalls.txt"
echo "results: $OUT"
