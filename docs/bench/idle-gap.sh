#!/usr/bin/env bash
# What a request costs after an idle gap: the first answer text (streamed) and the whole answer (non-streamed) on a
# kept-alive connection, after pauses of 0, 50, 200 and 1500 ms, for the mock alone, nginx and one or more gateways.
#
#   docs/bench/idle-gap.sh [options] NAME=gateway.jar [NAME2=other.jar ...]
#
# Starts the harness's mock upstream, nginx in front of it (when installed) and each gateway (java -jar, the README's
# default settings, the default policy pack plus the bench model and tool — gateway-bench.sh's pack — on both cores as
# a municipality runs it), warms every gateway up (c=4, JSON and streamed), then for every gap runs
# docs/bench/stream-first-chunk.py with --gap-ms GAP --follow 1: every target in turn gets, after a pause of GAP ms,
# one request and, straight after it, one more ("NAME+follow"), so the cost of the gap is read at the same moment as the
# cost without it. Streamed and non-streamed (--json) per gap. Results: $BENCH_WORK/idle-gap/<stamp>/{gaps.tsv,gaps.txt}, and
# raw-<gap>-<mode>.tsv: every request's CLOCK_MONOTONIC send / headers / first text / end (to join with a gateway's own times).
# docs/bench/idle-gap-paired.py RESULT_DIR: each gateway's request i against gateway A's request i (same round), median
# difference and its interval — finer than comparing the p50s of gaps.tsv.
#
# Options: --gaps "0 50 200 1500" --n N requests per target and gap (default 100; gaps ≥ 1000 ms use at most --n-slow,
#          default 30) --warmup S seconds per gateway and mode (default 60; with 20 s and four gateways the JIT was still busy in the first cells) --store h2|postgres --port-base P (default
#          21000: mock on P, nginx on P+1, gateways on P+16, P+17, …, management on +100) --modes "stream json"
#          --portkey: Portkey (PORTKEY_JS, default $BENCH_WORK/.deps/portkey/…/start-server.js as gateway-bench.sh finds it) on P+2 as one more
#          target after nginx, so that each gateway request follows Portkey's ~28 ms as in gateway-bench.sh's phase 3b
# Environment: <NAME>_JAVA_OPTS / <NAME>_ARGS — extra JVM options / gateway arguments for gateway NAME;
#              GATEWAY_JAVA_OPTS (default -Xms512m -Xmx512m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45,
#              the shipped heap and collector settings).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
GAPS="0 50 200 1500"; N=100; N_SLOW=30; WARM=60; STORE=h2; PORT_BASE=21000; MODES="stream json"; GWS=(); PORTKEY=0
while [ $# -gt 0 ]; do
  case $1 in
    --gaps) GAPS=$2; shift 2;; --n) N=$2; shift 2;; --n-slow) N_SLOW=$2; shift 2;; --warmup) WARM=$2; shift 2;;
    --store) STORE=$2; shift 2;; --port-base) PORT_BASE=$2; shift 2;; --modes) MODES=$2; shift 2;;
    --portkey) PORTKEY=1; shift;;
    *=*) GWS+=("$1"); shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ ${#GWS[@]} -gt 0 ] || { echo "usage: $0 [options] NAME=gateway.jar ..." >&2; exit 2; }
OUT=$BENCH_WORK/idle-gap/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
bench_traps

bench_mock_start "$PORT_BASE"
TARGETS=(mock="http://127.0.0.1:$PORT_BASE/v1")
if command -v nginx >/dev/null; then
  mkdir -p "$OUT/nginx/logs" "$OUT/nginx/tmp"
  sed -e "s/@MOCK_PORT@/$PORT_BASE/g" -e "s/@NGINX_PORT@/$((PORT_BASE + 1))/g" "$BENCH/nginx-proxy.conf" > "$OUT/nginx/nginx.conf"
  nginx -p "$OUT/nginx/" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/logs/error.log" > "$OUT/nginx/nginx.log" 2>&1 &
  BENCH_PIDS+=($!)
  TARGETS+=(nginx="http://127.0.0.1:$((PORT_BASE + 1))/v1")
fi
THDR=()
PK=${PORTKEY_JS:-$BENCH_WORK/.deps/portkey/node_modules/@portkey-ai/gateway/build/start-server.js}
if [ "$PORTKEY" = 1 ]; then
  [ -f "$PK" ] || { echo "idle-gap: --portkey, but $PK is not installed" >&2; exit 2; }
  node -r "$BENCH/loopback-listen.cjs" "$PK" --port=$((PORT_BASE + 2)) --headless > "$OUT/portkey.log" 2>&1 &
  BENCH_PIDS+=($!)
  TARGETS+=(portkey="http://127.0.0.1:$((PORT_BASE + 2))/v1")
  THDR+=(--target-header 'portkey=x-portkey-provider: openai'
         --target-header "portkey=x-portkey-custom-host: http://127.0.0.1:$PORT_BASE/v1")
fi
i=0; NAMES=()
for spec in "${GWS[@]}"; do
  n=${spec%%=*}; jar=$(readlink -f "${spec#*=}"); port=$((PORT_BASE + 16 + i)); i=$((i + 1)); NAMES+=("$n")
  ov="${n}_JAVA_OPTS"; ov=${!ov:-}; oa="${n}_ARGS"; oa=${!oa:-}; read -r -a extra <<< "$oa"
  gw_start "$n" "$jar" "$port" --store "$STORE" --schema "idle_${n,,}_$(date +%s)" --mock-port "$PORT_BASE" --jvm "$ov" \
    -- "${extra[@]}"
  echo "$n pid ${GW_PID[$n]} port $port jar $jar $ov $oa" | tee -a "$OUT/gateways.txt"
  TARGETS+=("$n=http://127.0.0.1:$port/v1")
done
bench_mock_wait
for n in "${NAMES[@]}"; do gw_wait_ready "$n"; echo "$n ready after ${GW_READY[$n]} s" | tee -a "$OUT/gateways.txt"; done
if [ "$PORTKEY" = 1 ]; then
  for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT_BASE + 2))/" || true)" != 000 ] && break; sleep 0.25; done
fi
if [ -f "$OUT/nginx/nginx.conf" ]; then
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$((PORT_BASE + 1))/health" > /dev/null && break; sleep 0.2; done
fi
for n in "${NAMES[@]}"; do
  url=$(printf '%s\n' "${TARGETS[@]}" | sed -n "s|^$n=||p")
  gw_warm "$url" "$WARM" 4 | sed "s/^/$n warm-up /"
done
echo "stamp $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg) store $STORE gaps $GAPS modes $MODES" | tee -a "$OUT/gaps.txt"
printf 'gap_ms\tmode\ttarget\tn\theaders_p50\tfirst_p50\tdone_p50\n' > "$OUT/gaps.tsv"
for gap in $GAPS; do
  for mode in $MODES; do
    n=$N; [ "$gap" -ge 1000 ] && [ "$n" -gt "$N_SLOW" ] && n=$N_SLOW
    flag=(); [ "$mode" = json ] && flag=(--json)
    rm -f "$OUT/one.tsv"
    echo "== gap $gap ms, $mode, $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/gaps.txt"
    python3 "$ROOT/docs/bench/stream-first-chunk.py" --n "$n" --warmup 5 --gap-ms "$gap" --follow 1 "${flag[@]}" \
      --body "$BENCH/body.json" --tsv "$OUT/one.tsv" --raw "$OUT/raw-$gap-$mode.tsv" "${THDR[@]}" "${TARGETS[@]}" | tee -a "$OUT/gaps.txt"
    sed "s/^/$gap\t$mode\t/" "$OUT/one.tsv" >> "$OUT/gaps.tsv"
  done
done
echo "idle-gap: results in $OUT"
