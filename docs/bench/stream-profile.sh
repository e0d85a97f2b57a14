#!/usr/bin/env bash
# Where a streamed request's CPU goes against a JSON request's, on ONE warm gateway at the same moment.
#
#   docs/bench/stream-profile.sh gateway.jar [--warmup 150] [--seconds 30] [--chunks 20] [--port-base 18580]
#                                            [--store h2|postgres]
#
# The pack, the store and the pinning are stream-ab.sh's (gateway on core 1, mock and wrk on core 0). After the warm-up
# (c=4, streamed and JSON in turn, then 20 s of each at c=64), async-profiler (CPU samples at 1 ms; itimer when perf
# events are not allowed) over --seconds of streamed load at c=64, then, in a second recording, the same seconds of
# JSON load: per mode profile.collapsed, flame.svg and profile-summary.md (docs/bench/profile-summary.py with the
# requests and the process's CPU of the recording), and owners.md: both side by side, each sample counted once
# (docs/bench/stream-owners.py).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"
bench_require_harness
JAR=$(readlink -f "$1"); shift
WARM=150; SECS=30; CHUNKS=20; MOCK_PORT=18580; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --warmup) WARM=$2;; --seconds) SECS=$2;; --chunks) CHUNKS=$2;; --port-base) MOCK_PORT=$2;; --store) STORE=$2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac; shift 2
done
OUT=$BENCH_WORK/stream-profile/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
bench_traps
bench_async_profiler "$OUT/async-profiler"

ticks() { { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{j=index($0,") "); split(substr($0,j+2),f," "); all+=f[12]+f[13]} END {print all}'; }
load() { # stream(0|1) seconds conc -> requests
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM="$1" BENCH_MAX_PER_THREAD=0 timeout $(($2 + 30)) taskset -c 0 \
    wrk -t1 -c"$3" -d"$2s" --timeout 10s -s "$BENCH/chat.lua" "http://127.0.0.1:$GW_P/v1/chat/completions" 2>&1 \
    | grep RESULT | sed -E 's/.*requests=([0-9]+).*/\1/' || echo 0
}

bench_mock_start --cpu 0 "$MOCK_PORT" --chunks "$CHUNKS"
gw_start G "$JAR" $((MOCK_PORT + 16)) --store "$STORE" --schema "sprof_$(date +%s)" --mock-port "$MOCK_PORT" --cpu 1
gw_wait_ready G; bench_mock_wait
PID=${GW_PID[G]}; GW_P=${GW_PORT[G]}
echo "jar=$JAR store=$STORE chunks=$CHUNKS warm-up ${WARM}s, then ${SECS}s streamed and ${SECS}s JSON at c=64 under async-profiler; load: $(uptime)" | tee "$OUT/profile.txt"
half=$((WARM / 2))
load 1 "$half" 4 > /dev/null; load 0 "$half" 4 > /dev/null; load 1 20 64 > /dev/null; load 0 20 64 > /dev/null
ev=""
for e in cpu itimer; do
  if "$JCMD" "$PID" JVMTI.agent_load "$AP_LIB" "\"start,event=$e,interval=1ms\"" 2>&1 | grep -qi "return code: 0"; then ev=$e; break; fi
done
[ -n "$ev" ] || { echo "async-profiler did not attach" >&2; exit 1; }
"$JCMD" "$PID" JVMTI.agent_load "$AP_LIB" "\"stop\"" > /dev/null
for mode in stream json; do
  st=1; [ "$mode" = json ] && st=0
  "$JCMD" "$PID" JVMTI.agent_load "$AP_LIB" "\"start,event=$ev,interval=1ms\"" > /dev/null
  c0=$(ticks "$PID"); q=$(load "$st" "$SECS" 64); c1=$(ticks "$PID")
  "$JCMD" "$PID" JVMTI.agent_load "$AP_LIB" "\"stop,file=$OUT/$mode.collapsed,collapsed\"" > /dev/null
  cpu=$(awk -v c=$((c1 - c0)) -v hz="$HZ" 'BEGIN {printf "%.2f", c/hz}')
  echo "$mode: $q requests, ${cpu} s CPU, $(awk -v c="$cpu" -v q="$q" 'BEGIN {printf "%.0f", q ? c*1e6/q : 0}') µs per request ($ev samples)" | tee -a "$OUT/profile.txt"
  python3 "$ROOT/docs/bench/flamegraph.py" "$OUT/$mode.collapsed" \
    "Dijkwacht, default policy pack, c=64 $mode on $STORE, ${SECS} s, $ev samples ($(date -u +%F))" > "$OUT/$mode-flame.svg"
  python3 "$ROOT/docs/bench/profile-summary.py" "$OUT/$mode.collapsed" "$q" "$cpu" 1 > "$OUT/$mode-summary.md"
done
python3 "$ROOT/docs/bench/stream-owners.py" "$OUT/stream.collapsed" "$(awk '/^stream:/ {print $2}' "$OUT/profile.txt")" \
  "$OUT/json.collapsed" "$(awk '/^json:/ {print $2}' "$OUT/profile.txt")" | tee "$OUT/owners.md"
echo "load after: $(uptime)" | tee -a "$OUT/profile.txt"
echo "results: $OUT"
