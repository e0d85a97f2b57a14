#!/usr/bin/env bash
# Where a request's virtual thread parks, and what its parks cost: each park (the upstream's answer, the audit record's
# commit, a lock) freezes the thread's frames into a heap object (jdk.internal.vm.StackChunk) and thaws them back when it
# resumes. One gateway (the default pack plus the bench model and tool, as gateway-bench.sh builds it), the harness's
# mock, wrk at concurrency C with the harness's body; after a warm-up, async-profiler (loaded at the start, not started)
# is attached for up to five windows in turn, each over its own load:
#   alloc   allocation samples (one per 16 KB allocated, at TLAB refills: proportional to bytes) -> the heap per request
#           (async-profiler's samples never name a stack chunk on JDK 25: the chunks window measures them)
#   cpu     CPU samples -> µs per request in freezing, thawing and the collector's work on stack chunks (the share of the
#           samples times the process's CPU per request from /proc)
#   parks   every call of VirtualThread.yieldContinuation (a park that unmounts: LockSupport.park, a socket read, a
#           future's get) with its stack -> parks per request by site, and how deep the stack was
#   unmounts  every call of VirtualThread.afterYield (every unmount, also a blocked monitor enter or Object.wait, which
#           the VM freezes without yieldContinuation) -> unmounts per request
#   chunks  a JFR recording (3 s) of every TLAB refill and every allocation outside a TLAB
#           (docs/bench/tlab-allocations.jfc) -> the stack chunks' share of the bytes allocated, by the park that froze
#           them; then three class histograms (each a full collection) -> the live chunks and their size
# --windows picks some of them (default all, in this order). The windows start after the warm-up and after the audit
# chain check 60 s after the start (which reads every record so far).
# With --c1, the alloc, parks and chunks windows are repeated at c=1 (sequential requests on one connection).
#
#   docs/bench/park-sites.sh JAR [--store h2|postgres] [--c N (64)] [--seconds S (10)] [--warmup S (40, c=4 then 10 s at c)]
#                                [--port-base P (18380)] [--c1] [--windows alloc,cpu,parks,unmounts,chunks]
#
# Writes <out>/<window>-c<N>.collapsed (chunks: .jfr and .histo.txt), <out>/<window>-c<N>.txt (requests, CPU, heap of the window) and
# <out>/report.md (docs/bench/park-sites.py). The windows with method tracing (parks, unmounts) run slower: read their
# counts, not their request rate. Its load is a benchmark's: run it under the bench lock.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
JAR=$(readlink -f "$1"); shift
STORE=h2; CONC=64; SECS=10; WARM=40; PB=18380; C1=0; WINDOWS=alloc,cpu,parks,unmounts,chunks
while [ $# -gt 0 ]; do
  case $1 in
    --store) STORE=$2; shift 2;; --c) CONC=$2; shift 2;; --seconds) SECS=$2; shift 2;; --warmup) WARM=$2; shift 2;;
    --port-base) PB=$2; shift 2;; --c1) C1=1; shift;; --windows) WINDOWS=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
OUT=$BENCH_WORK/park-sites/$(date +%Y%m%d-%H%M%S)-$STORE; mkdir -p "$OUT"
bench_async_profiler "$OUT"; LIB=$AP_LIB
HZ=$(getconf CLK_TCK)
bench_traps
bench_mock_start --cpu 0 "$PB"
# the library loaded at the start (not started): attaching it later needs no dynamic agent loading
gw_start gw "$JAR" $((PB + 16)) --dir "$OUT" --store "$STORE" --schema "parks_$(date +%s)" --pg-app park-sites \
  --mock-port "$PB" --jvm "-agentpath:$LIB"
GW=${GW_PID[gw]}
gw_wait_ready gw
bench_mock_wait
load() { # seconds conc -> wrk's RESULT line
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 timeout $(($1 + 30)) \
    taskset -c 0 wrk -t1 -c"$2" -d"$1s" --timeout 10s -s "$BENCH/chat.lua" \
    "http://127.0.0.1:$((PB + 16))/v1/chat/completions" 2>&1 | grep RESULT || echo "RESULT requests=0"
}
ticks() { { cat /proc/"$GW"/task/*/stat 2>/dev/null || true; } | awk '{j=index($0,") "); split(substr($0,j+2),f," "); t+=f[12]+f[13]} END {print t+0}'; }
window() { # name async-profiler-event seconds conc
  local name=$1-c$4
  # the options quoted inside: jcmd would otherwise read "event=..." as one of its own name=value arguments
  "$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"start,event=$2\"" > "$OUT/$name.start.txt" 2>&1
  local a0 c0 a1 c1 res req; a0=$(gw_allocated gw); c0=$(ticks)
  res=$(load "$3" "$4")
  c1=$(ticks); a1=$(gw_allocated gw)
  "$JCMD" "$GW" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/$name.collapsed,collapsed\"" > "$OUT/$name.stop.txt" 2>&1
  req=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$res"); req=${req:-0}
  python3 -c "import sys; q=int(sys.argv[1]) or 1; print('requests %s cpu_us_per_req %.0f alloc_kb_per_req %.1f load %s | %s' % (sys.argv[1], (int(sys.argv[3])-int(sys.argv[2]))/int(sys.argv[6])*1e6/q, (float(sys.argv[5])-float(sys.argv[4]))/1024/q, open('/proc/loadavg').read().split()[0], sys.argv[7]))" \
    "$req" "$c0" "$c1" "$a0" "$a1" "$HZ" "$res" | tee "$OUT/$name.txt"
}
echo "jar=$JAR store=$STORE c=$CONC seconds=$SECS warm-up=$WARM (c=4, then 10 s at c=$CONC); ready after ${GW_READY[gw]} s" | tee "$OUT/run.txt"
chunks() { # conc: the live stack chunks (the parked requests' frames) in three class histograms during a load, and a JFR
  # recording of every TLAB refill and every allocation outside a TLAB (async-profiler's allocation samples never name a
  # stack chunk: see the history section stack22)
  local name=chunks-c$1
  "$JCMD" "$GW" JFR.start name=chunks settings="$ROOT/docs/bench/tlab-allocations.jfc" filename="$OUT/$name.jfr" > /dev/null
  load "$SECS" "$1" > "$OUT/$name.txt" &
  local lp=$!
  sleep 3; "$JCMD" "$GW" JFR.stop name=chunks > /dev/null
  for i in 1 2 3; do sleep 1; "$JCMD" "$GW" GC.class_histogram | grep -E 'StackChunk|Total' >> "$OUT/$name.histo.txt"; done
  wait "$lp"
}
on() { [[ ",$WINDOWS," == *",$1,"* ]]; }
load "$WARM" 4 > /dev/null; load 10 "$CONC" > /dev/null
gw_wait_chain_check gw | tee -a "$OUT/run.txt"   # the windows after the audit chain check's walk over every record
on alloc && window alloc "alloc,alloc=16k" "$SECS" "$CONC"
# cpu needs perf events; where the container forbids them (no samples written), ctimer (per-thread CPU timers) samples
# the same way. (Not read from the start's answer: jcmd prints only a return code, the agent's "Profiling started" goes
# to the gateway's log.)
if on cpu; then
  window cpu "cpu,interval=1ms" "$SECS" "$CONC"
  [ -s "$OUT/cpu-c$CONC.collapsed" ] || window cpu "ctimer,interval=1ms" "$SECS" "$CONC"
fi
on parks && window parks "java.lang.VirtualThread.yieldContinuation,interval=1" "$((SECS / 2))" "$CONC"
on unmounts && window unmounts "java.lang.VirtualThread.afterYield,interval=1" "$((SECS / 2))" "$CONC"
on chunks && chunks "$CONC"
if [ "$C1" = 1 ]; then
  load 5 1 > /dev/null
  on alloc && window alloc "alloc,alloc=16k" "$SECS" 1
  on parks && window parks "java.lang.VirtualThread.yieldContinuation,interval=1" "$((SECS / 2))" 1
  on chunks && chunks 1
fi
python3 "$ROOT/docs/bench/park-sites.py" "$OUT" > "$OUT/report.md" || true
cat "$OUT/report.md"
echo "park-sites: results in $OUT"
