#!/usr/bin/env bash
# Where the heap allocated per request goes, by gateway method, measured exactly enough to compare two jars site by site:
# one gateway (the default pack plus the bench model and tool, as gateway-bench.sh builds it), the harness's mock, and
# sequential requests (c=1, one keep-alive connection) with the harness's body; after a warm-up, async-profiler's
# allocation sampling (one sample per 16 KB allocated, by TLAB refill: the samples are proportional to bytes) is attached
# for the measured requests only.
#
#   docs/bench/alloc-c1.sh JAR [--requests N (3000)] [--warmup N (3000)] [--port-base P (18280)]
#
# Writes <out>/alloc.collapsed (async-profiler's collapsed stacks, samples), <out>/summary.txt (the gateway's own count of
# KB allocated per request over the measured requests, as ab-cpu.sh's alloc_kb_per_req) and <out>/sites.txt (KB per
# request by part and by innermost gateway method: docs/bench/alloc-sites.py). Why not JFR: its allocation samples on
# virtual threads carry very uneven weights (alloc22: 85 % of the bytes in ~370 samples of 4 MB to 3 GB each, one of them
# JFR's own class retransformation), so a site's share in ab-cpu.sh --jfr's alloc-summary.md swings from run to run.
# Its load is a benchmark's: run it under the bench lock. Time-driven work (the audit journal's cut each second, H2's
# compaction) is spread over the requests of a second, so compare jars at a similar request rate (printed).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}; [ -x "$BENCH/compare.sh" ] || BENCH=$ROOT/../../shared/bench
JAR=$(readlink -f "$1"); shift
N=3000; WARM=3000; PB=18280
while [ $# -gt 0 ]; do
  case $1 in
    --requests) N=$2; shift 2;; --warmup) WARM=$2; shift 2;; --port-base) PB=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
JAVA_BIN=$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1); [ -x "${JAVA_BIN:-}" ] || JAVA_BIN=java
JCMD=$(dirname "$JAVA_BIN")/jcmd
OUT=${BENCH_WORK:-$ROOT/../bench-work}/alloc-c1/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
AP_JAR=$(ls ~/.m2/repository/tools/profiler/async-profiler/*/async-profiler-*.jar 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$AP_JAR" ] || (cd "$ROOT" && ./mvnw -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.2 >/dev/null 2>&1) || true
AP_JAR=$(ls ~/.m2/repository/tools/profiler/async-profiler/*/async-profiler-*.jar | sort -V | tail -n 1)
(cd "$OUT" && unzip -o -q "$AP_JAR" 'linux-x64/*'); LIB=$OUT/linux-x64/libasyncProfiler.so

eval "$(sed -n '/^make_pack() {/,/^}/p' "$ROOT/docs/bench/gateway-bench.sh")"
make_pack "$OUT/run"
sed -i "s|http://127.0.0.1:18080/v1|http://127.0.0.1:$PB/v1|" "$OUT/run/models-config/gpt-4o-mini.yaml"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM
"$JAVA_BIN" -XX:+UseParallelGC -Xms256m -Xmx256m "$BENCH/MockUpstream.java" --port "$PB" > "$OUT/mock.log" 2>&1 &
PIDS+=($!)
# the library loaded at the start (not started): attaching it later needs no dynamic agent loading
(cd "$OUT/run" && exec "$JAVA_BIN" ${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45} \
    -agentpath:"$LIB" -jar "$JAR" --server.port=$((PB + 16)) --management.server.port=$((PB + 116)) --logging.level.root=WARN \
    --dijkwacht.policies-dir="$OUT/run/policies" --dijkwacht.models-dir="$OUT/run/models-config" > "$OUT/gateway.log" 2>&1) &
GW=$!; PIDS+=($GW)
for _ in $(seq 3000); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$((PB + 16))/readyz" || true)" = 200 ] && break
  kill -0 "$GW" 2>/dev/null || { echo "gateway did not start: $OUT/gateway.log" >&2; exit 1; }; sleep 0.1
done
send() { # requests -> "N requests, E not 200, R req/s"
  python3 - "$((PB + 16))" "$1" "${BENCH_BODY:-$BENCH/body.json}" <<'PY'
import http.client, sys, time
port, n, body = int(sys.argv[1]), int(sys.argv[2]), open(sys.argv[3], 'rb').read()
c = http.client.HTTPConnection('127.0.0.1', port)
h = {'Authorization': 'Bearer sk-bench-not-a-real-key', 'Content-Type': 'application/json'}
t, bad = time.time(), 0
for _ in range(n):
    c.request('POST', '/v1/chat/completions', body, h)
    r = c.getresponse(); r.read(); bad += r.status != 200
print(f'{n} requests, {bad} not 200, {n / (time.time() - t):.0f} req/s')
PY
}
allocated() { # bytes allocated since the start: young collections' count plus the eden in use (as ab-cpu.sh)
  local m="http://127.0.0.1:$((PB + 116))/actuator/metrics"
  { curl -s "$m/jvm.gc.memory.allocated"; echo; curl -s "$m/jvm.memory.used?tag=id:G1%20Eden%20Space"; echo; } \
    | python3 -c 'import json,sys; print("%.0f" % sum(json.loads(l)["measurements"][0]["value"] for l in sys.stdin if l.strip().startswith("{")))'
}
echo "warm-up: $(send "$WARM")" | tee "$OUT/summary.txt"
a0=$(allocated)
# the options quoted inside: jcmd would otherwise read "event=alloc" as one of its own name=value arguments
"$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"start,event=alloc,alloc=16k\"" > "$OUT/ap-start.txt" 2>&1
echo "measured: $(send "$N")" | tee -a "$OUT/summary.txt"
a1=$(allocated)
"$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/alloc.collapsed,collapsed\"" > "$OUT/ap-stop.txt" 2>&1
echo "heap allocated per request: $(python3 -c "print('%.1f KB' % (($a1 - $a0) / 1024 / $N))")" | tee -a "$OUT/summary.txt"
python3 "$ROOT/docs/bench/alloc-sites.py" "$OUT/alloc.collapsed" "$N" > "$OUT/sites.txt"
head -n 20 "$OUT/sites.txt"
echo "alloc-c1: results in $OUT"
