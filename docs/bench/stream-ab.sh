#!/usr/bin/env bash
# A/B of CPU per streamed request on gateways that are warm, for a machine that others share.
#
#   docs/bench/stream-ab.sh A.jar B.jar [--warmup 360] [--rounds 12] [--seconds 15] [--chunks 20] [--mode stream|json]
#                                       [--first-chunk N] [--port-base 18580] [--strace S] [--store h2|postgres]
#                                       [--chunk-delay MS]
#
# Unlike ab-cpu.sh (which warms A, then B, 60 s each), both gateways are warmed at the same time, alternating JSON and
# streamed requests at c=4, for --warmup seconds in all; on a loaded two-core machine a gateway needs minutes before
# its JIT compiler is done. Then rounds alternate A and B at c=64 (--mode). The pack, the store (H2 file, README
# default; --store postgres: a fresh schema each) and the pinning are ab-cpu.sh's: gateways on core 1, mock and wrk on
# core 0; GATEWAY_JAVA_OPTS as there. The mock answers each stream
# with --chunks content events (20 ≈ 160 characters, the harness's default; 400 ≈ 2.9 KB, an ordinary long answer),
# back to back, or --chunk-delay MS apart (a model that generates: the relay then meets the upstream's pauses).
# Per round: requests, CPU µs per request of the gateway process (all threads, /proc), of which JIT compiler threads
# and kernel time. Read only rounds whose JIT share is small. --first-chunk N runs stream-first-chunk.py at the end.
# --strace S: after the warm-up, S seconds of streamed load at c=4 on each gateway with strace attached, counting the
# socket writes (write, writev, sendto) per streamed answer — a count that does not depend on how busy the machine is —
# and the reads and ioctl calls (FIONREAD: an InputStream's available() on a socket) per answer.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
A_JAR=$(readlink -f "$1"); B_JAR=$(readlink -f "$2"); shift 2
WARM=360; ROUNDS=12; SECS=15; CHUNKS=20; MODE=stream; FIRST=0; MOCK_PORT=18580; STRACE=0; STORE=h2; DELAY=0
while [ $# -gt 0 ]; do
  case $1 in
    --warmup) WARM=$2;; --rounds) ROUNDS=$2;; --seconds) SECS=$2;; --chunks) CHUNKS=$2;; --mode) MODE=$2;;
    --first-chunk) FIRST=$2;; --port-base) MOCK_PORT=$2;; --strace) STRACE=$2;; --store) STORE=$2;; --chunk-delay) DELAY=$2;; *) echo "unknown option $1" >&2; exit 2;;
  esac; shift 2
done
OUT=$BENCH_WORK/stream-ab/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
bench_traps

start() { gw_start "$1" "$2" "$3" --store "$STORE" --schema "sab_${1,,}_$(date +%s)" --mock-port "$MOCK_PORT" --cpu 1; }   # name jar port
ticks() { # pid -> "all jit sys"
  { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
    split(substr($0,j+2),f," "); all+=f[12]+f[13]; sys+=f[13]; if (comm ~ /^C[12] Compiler/) jit+=f[12]+f[13]}
    END {printf "%d %d %d\n", all, jit, sys}'
}
load() { # name stream(0|1) seconds conc -> one line
  local n=$1 c0 j0 s0 c1 j1 s1 res
  read -r c0 j0 s0 < <(ticks "${GW_PID[$n]}")
  res=$(env BENCH_BODY="$BENCH/body.json" BENCH_STREAM="$2" BENCH_MAX_PER_THREAD=0 timeout $(($3 + 30)) taskset -c 0 \
    wrk -t1 -c"$4" -d"$3s" --timeout 10s -s "$BENCH/chat.lua" "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" 2>&1 \
    | grep RESULT || echo "RESULT requests=0")
  read -r c1 j1 s1 < <(ticks "${GW_PID[$n]}")
  awk -v n="$n" -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v s=$((s1 - s0)) -v hz="$HZ" -v res="$res" 'BEGIN {
    match(res, /requests=[0-9]+/); q=substr(res, RSTART+9, RLENGTH-9); match(res, /p50_ms=[0-9.]+/); p50=substr(res, RSTART+7, RLENGTH-7)
    match(res, /err_status=[0-9]+/); e=substr(res, RSTART+11, RLENGTH-11)
    printf "%s\t%d\t%.0f\t%.0f\t%.0f\t%s\t%s\n", n, q, q ? c/hz*1e6/q : 0, q ? j/hz*1e6/q : 0, q ? s/hz*1e6/q : 0, p50, e }'
}

bench_mock_start --cpu 0 "$MOCK_PORT" --chunks "$CHUNKS" --chunk-delay-ms "$DELAY"
start A "$A_JAR" $((MOCK_PORT + 16)); start B "$B_JAR" $((MOCK_PORT + 17))
gw_wait_ready A; gw_wait_ready B
bench_mock_wait
echo "A=$A_JAR B=$B_JAR store=$STORE ready after ${GW_READY[A]} / ${GW_READY[B]} s mode=$MODE chunks=$CHUNKS chunk-delay=${DELAY}ms warm-up ${WARM}s (both at once) rounds=$ROUNDS x ${SECS}s" | tee "$OUT/ab.txt"
half=$((WARM / 2))
WARMERS=()
for n in A B; do (load "$n" 1 "$half" 4 > /dev/null; load "$n" 0 "$half" 4 > /dev/null) & WARMERS+=($!); done
wait "${WARMERS[@]}"
if [ "$STRACE" -gt 0 ]; then
  for n in A B; do
    strace -c -f -e trace=write,writev,sendto,read,ioctl -p "${GW_PID[$n]}" -o "$OUT/$n.strace" 2>/dev/null & tracer=$!
    sleep 1
    q=$(load "$n" 1 "$STRACE" 4 | cut -f2)
    kill -INT "$tracer"; wait "$tracer" 2>/dev/null || true
    w=$(awk '$NF=="write" || $NF=="writev" || $NF=="sendto" {s+=$4} END {print s+0}' "$OUT/$n.strace")
    r=$(awk '$NF=="read" {s+=$4} END {print s+0}' "$OUT/$n.strace"); i=$(awk '$NF=="ioctl" {s+=$4} END {print s+0}' "$OUT/$n.strace")
    awk -v n="$n" -v w="$w" -v q="$q" -v r="$r" -v i="$i" 'BEGIN {printf "strace %s: %d streamed answers, %d socket writes, %.2f per answer; reads %.2f, ioctl (FIONREAD: available()) %.2f per answer\n",
      n, q, w, q ? w/q : 0, q ? r/q : 0, q ? i/q : 0}' | tee -a "$OUT/ab.txt"
  done
fi
st=1; [ "$MODE" = json ] && st=0
printf 'round\tgw\trequests\tcpu_us_per_req\tjit_us_per_req\tsys_us_per_req\tp50_ms\terr_status\n' | tee -a "$OUT/ab.tsv"
for r in $(seq 1 "$ROUNDS"); do for n in A B; do printf '%s\t%s\n' "$r" "$(load "$n" "$st" "$SECS" 64)" | tee -a "$OUT/ab.tsv"; done; done
awk -F'\t' 'NR>1 && $5 < 100 {q[$2]+=$3; c[$2]+=$3*$4; j[$2]+=$3*$5; s[$2]+=$3*$6} END {for (n in q) if (q[n])
  printf "%s (rounds with JIT < 100 µs/req): %d requests, CPU %.0f µs/req (JIT %.0f, kernel %.0f)\n", n, q[n], c[n]/q[n], j[n]/q[n], s[n]/q[n]}' \
  "$OUT/ab.tsv" | sort | tee -a "$OUT/ab.txt"
if [ "$FIRST" -gt 0 ]; then
  taskset -c 0 python3 "$ROOT/docs/bench/stream-first-chunk.py" --n "$FIRST" --body "$BENCH/body.json" \
    mock="http://127.0.0.1:$MOCK_PORT/v1" A="http://127.0.0.1:${GW_PORT[A]}/v1" B="http://127.0.0.1:${GW_PORT[B]}/v1" | tee -a "$OUT/ab.txt"
fi
echo "stream-ab: results in $OUT"
