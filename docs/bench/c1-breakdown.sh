#!/usr/bin/env bash
# What the added latency at c=1 is made of: one gateway (gateway-bench.sh's pack), warmed, then sequential requests.
#
#   docs/bench/c1-breakdown.sh gateway.jar [--store h2|postgres] [--warmup S] [--seconds S] [--port-base P]
#                                          [--gw-cpu C] [--load-cpu C] [--no-strace] [--jfr]
#
# Prints, for the measured window at c=1: wrk's p50 against the gateway and against the mock alone (the floor); the
# gateway's own timers from its Prometheus endpoint — dijkwacht.audit.write (record build + the wait for the
# committed write, p50 and mean) and dijkwacht.request.added (mean); CPU per request split by thread (request
# carriers, the audit writer, the embedded store's compaction, JIT, GC, the rest); and, unless --no-strace, the
# gateway's file syncs and positional writes (fsync/fdatasync/pwrite: count per request and time per call, strace -f
# -T, a separate 10 s window so the tracing does not disturb the figures above). On PostgreSQL the commit's WAL
# flush happens in the server, not in the gateway: the same run with PG_OPTIONS="synchronous_commit=off" (the
# server then acknowledges before the flush) gives the flush's share by difference.
# --jfr: a JFR recording (settings=profile) over the measured c=1 window; its CPU samples by thread class (request
# threads, audit writer, compaction, other) and by part of the request path (profile-summary.py), as collapsed stacks
# prefixed with the thread class in $OUT/c1.collapsed.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
JAR=$(readlink -f "$1"); shift
STORE=h2; WARM=90; SECS=20; PORT_BASE=18480; GW_CPU=1; LOAD_CPU=0; STRACE=1; JFR=0
while [ $# -gt 0 ]; do
  case $1 in
    --store) STORE=$2; shift 2;; --warmup) WARM=$2; shift 2;; --seconds) SECS=$2; shift 2;;
    --port-base) PORT_BASE=$2; shift 2;; --gw-cpu) GW_CPU=$2; shift 2;; --load-cpu) LOAD_CPU=$2; shift 2;;
    --no-strace) STRACE=0; shift;;
    --jfr) JFR=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
OUT=$BENCH_WORK/c1/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
bench_traps
PORT=$((PORT_BASE + 16)); MPORT=$((PORT + 100))
bench_mock_start --cpu "$LOAD_CPU" "$PORT_BASE"
gw_start gw "$JAR" "$PORT" --dir "$OUT" --store "$STORE" --schema "c1_$(date +%s)" --pg-options "${PG_OPTIONS:-}" \
  --mock-port "$PORT_BASE" --cpu "$GW_CPU"
GW=${GW_PID[gw]}
gw_wait_ready gw
bench_mock_wait
wrk_c() { # url conc seconds -> RESULT line
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 timeout $(($3 + 30)) \
    taskset -c "$LOAD_CPU" wrk -t1 -c"$2" -d"$3s" --timeout 10s -s "$BENCH/chat.lua" "$1/v1/chat/completions" 2>&1 | grep RESULT || echo "RESULT requests=0"
}
threads() { # -> "class ticks" per thread class
  for t in /proc/"$GW"/task/*; do cat "$t/stat" 2>/dev/null; done | awk '{i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
    split(substr($0,j+2),f," "); t=f[12]+f[13];
    if (comm ~ /^C[12] Compiler/) k="jit"; else if (comm ~ /^(GC |G1 |VM Thread)/) k="gc+vm";
    else if (comm ~ /^audit-writer/) k="audit-writer"; else if (comm ~ /^audit-store-com/) k="store-compaction";
    else if (comm ~ /^(ForkJoinPool|http-nio|tomcat)/) k="request-threads"; else k="other";
    s[k]+=t} END {for (k in s) print k, s[k]}'
}
metric() { # file name-regex -> value (sum over matching series)
  awk -v re="$2" '$0 !~ /^#/ && $1 ~ re {s+=$NF} END {printf "%.9f\n", s}' "$1"
}
scrape() { curl -s "http://127.0.0.1:$MPORT/actuator/prometheus" > "$1"; }

wrk_c "http://127.0.0.1:$PORT" 4 "$WARM" > /dev/null
floor=$(wrk_c "http://127.0.0.1:$PORT_BASE" 1 10)
[ "$JFR" = 0 ] || "$JDK_BIN/jcmd" "$GW" JFR.start name=c1 settings=profile > /dev/null
scrape "$OUT/m0.txt"; threads > "$OUT/t0.txt"
res=$(wrk_c "http://127.0.0.1:$PORT" 1 "$SECS")
scrape "$OUT/m1.txt"; threads > "$OUT/t1.txt"
if [ "$JFR" = 1 ]; then
  "$JDK_BIN/jcmd" "$GW" JFR.stop name=c1 filename="$OUT/c1.jfr" > /dev/null
  "$JDK_BIN/jfr" print --events jdk.ExecutionSample --stack-depth 128 "$OUT/c1.jfr" \
    | python3 "$ROOT/docs/bench/jfr-collapse.py" --thread-class > "$OUT/c1.collapsed"
fi
echo "$res" > "$OUT/wrk.txt"
req=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$res")
p50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$res"); p99=$(sed -n 's/.*p99_ms=\([0-9.]*\).*/\1/p' <<< "$res")
fp50=$(sed -n 's/.*p50_ms=\([0-9.]*\).*/\1/p' <<< "$floor")
d() { awk -v a="$(metric "$OUT/m0.txt" "$1")" -v b="$(metric "$OUT/m1.txt" "$1")" 'BEGIN {printf "%.9f", b-a}'; }
aw_sum=$(d '^dijkwacht_audit_write_seconds_sum'); aw_n=$(d '^dijkwacht_audit_write_seconds_count')
ad_sum=$(d '^dijkwacht_request_added_seconds_sum'); ad_n=$(d '^dijkwacht_request_added_seconds_count')
aw_p50=$(awk '$1 ~ /^dijkwacht_audit_write_seconds\{.*quantile="0.5"/ {print $NF*1000}' "$OUT/m1.txt")
b_req=$(d '^dijkwacht_audit_batches_total[{].*writer="request"'); b_wt=$(d '^dijkwacht_audit_batches_total[{].*writer="writer_thread"')
{
  echo "jar=$JAR store=$STORE ${PG_OPTIONS:+pg-options=$PG_OPTIONS }warmup=${WARM}s c=1 for ${SECS}s gw-cpu=$GW_CPU load-cpu=$LOAD_CPU; ready after ${GW_READY[gw]} s, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "requests $req; gateway p50 $p50 ms p99 $p99 ms; mock alone p50 $fp50 ms; added p50 $(awk -v a="$p50" -v b="$fp50" 'BEGIN {printf "%.3f", a-b}') ms"
  awk -v s="$aw_sum" -v n="$aw_n" -v p="$aw_p50" 'BEGIN {printf "audit record build + committed write: mean %.3f ms, p50 %.3f ms (n=%d)\n", n ? s/n*1000 : 0, p, n}'
  awk -v s="$ad_sum" -v n="$ad_n" 'BEGIN {printf "dijkwacht.request.added (whole request minus upstream wait): mean %.3f ms (n=%d)\n", n ? s/n*1000 : 0, n}'
  awk -v r="$b_req" -v w="$b_wt" -v n="$aw_n" 'BEGIN {printf "audit write transactions: %d by the lone request itself, %d group commits by the writer thread (%.2f records per transaction)\n", r, w, (r+w) ? n/(r+w) : 0}'
  echo "CPU per request by thread (µs):"
  join <(sort "$OUT/t0.txt") <(sort "$OUT/t1.txt") | awk -v q="$req" -v hz="$HZ" '{c=($3-$2)/hz*1e6/q; tot+=c; printf "  %-18s %8.0f\n", $1, c} END {printf "  %-18s %8.0f\n", "total", tot}'
  if [ "$JFR" = 1 ]; then
    echo "JFR CPU samples by thread class:"
    awk '{n=$NF; split($0, f, ";"); s[f[1]]+=n; t+=n} END {for (k in s) printf "  %-28s %6d (%4.1f %%)\n", k, s[k], 100*s[k]/t}' "$OUT/c1.collapsed" | sort -k2 -nr
    echo "JFR CPU samples by part (all threads):"
    python3 "$ROOT/docs/bench/profile-summary.py" "$OUT/c1.collapsed"
  fi
} | tee "$OUT/summary.txt"

if [ "$STRACE" = 1 ]; then
  (timeout 10 strace -f -T -e trace=fsync,fdatasync,sync_file_range,msync,pwrite64,pwritev -p "$GW" -o "$OUT/strace.txt" 2>/dev/null || true) &
  st=$!; sleep 0.5
  res2=$(wrk_c "http://127.0.0.1:$PORT" 1 8); wait "$st" || true
  req2=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$res2")
  awk -v q="$req2" '{sub(/^[0-9]+ +/, ""); name=$1; sub(/\(.*/, "", name); m=match($0, /<[0-9.]+>$/); if (!m) next; t=substr($0, RSTART+1, RLENGTH-2)*1000;
       n[name]++; s[name]+=t; calls++} END {if (!calls) printf "gateway file syncs and writes under strace (%d requests): none\n", q; for (k in n) printf "gateway file syncs and writes under strace (%d requests): %s %d calls (%.2f per request), mean %.3f ms per call\n", q, k, n[k], q ? n[k]/q : 0, s[k]/n[k]}' \
    "$OUT/strace.txt" | tee -a "$OUT/summary.txt"
fi
echo "c1-breakdown: results in $OUT"
