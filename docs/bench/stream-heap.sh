#!/usr/bin/env bash
# What an open stream holds in the heap (issue 15: 1,000 concurrent open streams within a 512 MB heap).
#
#   docs/bench/stream-heap.sh [--streams N] [--port-base P] [--dump] [--seconds S] [--store h2|postgres]
#                             NAME=gateway.jar [NAME=other.jar ...]
#
# For each gateway in turn (one at a time, both cores, README settings: -Xms512m -Xmx512m, G1 with the shipped fixed IHOP,
# the default pack plus the bench model and tool of gateway-bench.sh, H2 file store, or with --store postgres
# PostgreSQL 127.0.0.1:5432 db test in a fresh schema, dropped when the gateway stops): start it, warm it with 20 s of
# c=4 JSON, then take the heap after a full GC (GC.run, GC.heap_info) and a class histogram (GC.class_histogram)
# idle; open N streams against the mock's slow stream (600 chunks, 50 ms apart: ~30 s each; wrk keeps N connections
# busy for S seconds) and, 20 s in, take the same again. With --dump also a heap dump each time (GC.heap_dump) for
# docs/bench/HeapOwners.java (who holds the bytes, by dominator). A dump holds the gateway's memory, prompts included:
# the harness's synthetic prompt here, but delete the dumps after the analysis all the same. Prints per gateway the
# heap in use after a full GC idle and with N open, the bytes per open stream, and the classes whose bytes grew most
# per stream (histogram difference / N); the files are in $BENCH_WORK/stream-heap/<stamp>/<NAME>/.
# Environment: GATEWAY_JAVA_OPTS (default -Xms512m -Xmx512m and the shipped fixed IHOP), <NAME>_ARGS (extra gateway arguments for one gateway).
# Ports: the mock on P (default 18080), the gateway on P+16, management on P+116.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
STREAMS=1000; PORT_BASE=18080; DUMP=0; SECS=45; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --streams) STREAMS=$2; shift 2;; --port-base) PORT_BASE=$2; shift 2;; --dump) DUMP=1; shift;;
    --seconds) SECS=$2; shift 2;; --store) STORE=$2; shift 2;;
    *=*) break;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
OUT=$BENCH_WORK/stream-heap/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
echo "stream-heap: results in $OUT"
bench_traps
ulimit -n 65536 2>/dev/null || true
bench_mock_start "$PORT_BASE" --chunks 600 --chunk-delay-ms 50
bench_mock_wait

heap_kb() { # pid -> heap in use after a full GC, KB
  "$JCMD" "$1" GC.run >/dev/null 2>&1 || true
  # G1, Serial, Parallel print "used NNNK"; generational ZGC one line "ZHeap used NNNM" (M or G)
  "$JCMD" "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|ParOldGen|tenured|ZHeap/ {
    for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/,$/,"",v); u=substr(v,length(v)); v+=0; s+=(u=="G" ? v*1048576 : u=="M" ? v*1024 : v)}} END {print s+0}'
}

port=$((PORT_BASE + 16))
SUMMARY=$OUT/summary.md
for spec in "$@"; do
  name=${spec%%=*}; jar=$(readlink -f "${spec#*=}"); dir=$OUT/$name
  extra_var="${name}_ARGS"; read -r -a extra <<< "${!extra_var:-}"
  gw_start "$name" "$jar" "$port" --store "$STORE" --mock-port "$PORT_BASE" \
    --jvm "-Xlog:gc*:file=$dir/gc.log:uptime,level,tags" -- "${extra[@]}"
  pid=${GW_PID[$name]}
  gw_wait_ready "$name"
  echo "$name: ready after ${GW_READY[$name]} s (pid $pid, store $STORE)"
  BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 wrk -t2 -c4 -d20s -s "$BENCH/chat.lua" \
    "http://127.0.0.1:$port/v1/chat/completions" > "$dir/warm-wrk.txt" 2>&1 || true
  echo "$name: warm-up $(grep RESULT "$dir/warm-wrk.txt" | cut -d' ' -f2-4)"
  h0=$(heap_kb "$pid"); "$JCMD" "$pid" GC.class_histogram > "$dir/histo-idle.txt" 2>&1
  [ "$DUMP" = 1 ] && "$JCMD" "$pid" GC.heap_dump "$dir/idle.hprof" > /dev/null 2>&1
  BENCH_BODY="$BENCH/body.json" BENCH_STREAM=1 BENCH_MAX_PER_THREAD=0 timeout $((SECS + 75)) \
    wrk -t2 -c"$STREAMS" -d"${SECS}s" --timeout 60s -s "$BENCH/chat.lua" "http://127.0.0.1:$port/v1/chat/completions" \
    > "$dir/streams-wrk.txt" 2>&1 &
  WRK=$!
  sleep 20
  open=$(ss -Htn state established "( sport = :$port )" | wc -l)
  up=$(ss -Htn state established "( dport = :$PORT_BASE )" | wc -l)
  h1=$(heap_kb "$pid"); "$JCMD" "$pid" GC.class_histogram > "$dir/histo-streams.txt" 2>&1
  open2=$(ss -Htn state established "( sport = :$port )" | wc -l)
  [ "$DUMP" = 1 ] && "$JCMD" "$pid" GC.heap_dump "$dir/streams.hprof" > /dev/null 2>&1
  wait "$WRK" || true
  gw_stop "$name"
  {
    echo "## $name ($(basename "$jar"), $STORE): $STREAMS streams"
    echo
    echo "tool connections open: $open (after the histogram: $open2), upstream connections: $up; wrk: $(grep -E 'RESULT|Non-2xx|Socket errors' "$dir/streams-wrk.txt" | tr '\n' ' ')"
    awk -v a="$h0" -v b="$h1" -v n="$STREAMS" 'BEGIN {printf "heap after full GC: idle %.1f MB, %d streams open %.1f MB: %.1f KB per open stream\n", a/1024, n, b/1024, (b-a)/n}'
    echo
    python3 - "$dir/histo-idle.txt" "$dir/histo-streams.txt" "$STREAMS" <<'PY'
import re, sys
def read(p):
    d = {}
    for line in open(p, encoding="utf-8", errors="replace"):
        m = re.match(r"\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)", line)
        if m:
            d[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return d
a, b, n = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3])
rows = []
for k in set(a) | set(b):
    ca, ba = a.get(k, (0, 0)); cb, bb = b.get(k, (0, 0))
    rows.append((bb - ba, cb - ca, k))
rows.sort(reverse=True)
tot = sum(r[0] for r in rows)
print(f"histogram difference: {tot / n / 1024:.1f} KB per stream in all")
print()
print("| class | instances per stream | KB per stream |")
print("|---|---:|---:|")
for d, c, k in rows[:40]:
    print(f"| {k} | {c / n:.2f} | {d / n / 1024:.2f} |")
PY
    echo
  } | tee -a "$SUMMARY"
done
