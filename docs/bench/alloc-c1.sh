#!/usr/bin/env bash
# Where the heap allocated per request goes, by gateway method, measured exactly enough to compare two jars site by site:
# one gateway (the default pack plus the bench model and tool, as gateway-bench.sh builds it), the harness's mock, and
# sequential requests (c=1, one keep-alive connection) with the harness's body; after a warm-up, async-profiler's
# allocation sampling (one sample per 16 KB allocated, by TLAB refill: the samples are proportional to bytes) is attached
# for the measured requests only.
#
#   docs/bench/alloc-c1.sh JAR [--requests N (3000)] [--warmup N (3000)] [--port-base P (18280)] [--store h2|postgres]
#
# --store postgres: the audit records go to PostgreSQL 127.0.0.1:5432 db test, a fresh schema (dropped afterwards); the
# default is the README's H2 file.
#
# Writes <out>/alloc.collapsed (async-profiler's collapsed stacks, samples), <out>/summary.txt (the gateway's own count of
# KB allocated per request over the measured requests, as ab-cpu.sh's alloc_kb_per_req) and <out>/sites.txt (KB per
# request by part and by innermost gateway method: docs/bench/alloc-sites.py). Why not JFR: its allocation samples on
# virtual threads carry very uneven weights (alloc22: 85 % of the bytes in ~370 samples of 4 MB to 3 GB each, one of them
# JFR's own class retransformation), so a site's share in ab-cpu.sh --jfr's alloc-summary.md swings from run to run.
# Its load is a benchmark's: run it under the bench lock. Time-driven work (the audit journal's cut each second, H2's
# compaction) is spread over the requests of a second, so compare jars at a similar request rate (printed). The measured
# requests start only after the audit chain check 60 s after the gateway's start (which reads every record so far).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
JAR=$(readlink -f "$1"); shift
N=3000; WARM=3000; PB=18280; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --requests) N=$2; shift 2;; --warmup) WARM=$2; shift 2;; --port-base) PB=$2; shift 2;; --store) STORE=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
OUT=$BENCH_WORK/alloc-c1/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
bench_async_profiler "$OUT"; LIB=$AP_LIB
bench_traps
bench_mock_start "$PB"
# the library loaded at the start (not started): attaching it later needs no dynamic agent loading
gw_start gw "$JAR" $((PB + 16)) --dir "$OUT" --store "$STORE" --mock-port "$PB" --jvm "-agentpath:$LIB"
GW=${GW_PID[gw]}
gw_wait_ready gw
bench_mock_wait
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
echo "jar=$JAR store=$STORE; ready after ${GW_READY[gw]} s" > "$OUT/summary.txt"
echo "warm-up: $(send "$WARM")" | tee -a "$OUT/summary.txt"
gw_wait_chain_check gw | tee -a "$OUT/summary.txt"   # its walk over every record is not a request's allocation
a0=$(gw_allocated gw)
# the options quoted inside: jcmd would otherwise read "event=alloc" as one of its own name=value arguments
"$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"start,event=alloc,alloc=16k\"" > "$OUT/ap-start.txt" 2>&1
echo "measured: $(send "$N")" | tee -a "$OUT/summary.txt"
a1=$(gw_allocated gw)
"$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/alloc.collapsed,collapsed\"" > "$OUT/ap-stop.txt" 2>&1
echo "heap allocated per request: $(python3 -c "print('%.1f KB' % (($a1 - $a0) / 1024 / $N))")" | tee -a "$OUT/summary.txt"
python3 "$ROOT/docs/bench/alloc-sites.py" "$OUT/alloc.collapsed" "$N" > "$OUT/sites.txt"
head -n 20 "$OUT/sites.txt"
echo "alloc-c1: results in $OUT"
