#!/usr/bin/env bash
# Interleaved A/B of CPU per request, for changes measured on a machine that others share.
#
#   docs/bench/ab-cpu.sh A.jar B.jar [options]
#
# Both gateways run the default policy pack plus the bench model and tool (exactly gateway-bench.sh's pack), on
# the README's default H2 file store (or --store postgres: a fresh schema each; --store h2/postgres: A on H2, B on
# PostgreSQL, the same jar twice shows what the store costs), pinned to ONE core (taskset, default
# core 1); the mock upstream and wrk run on the other core (default 0). After a warm-up of each gateway, rounds
# alternate A, B, A, B, … at the same load, so both see the same background. The figure is the gateway process's
# CPU time (all threads, from /proc) divided by the requests answered in that round; JIT compiler threads are
# reported apart. Wall-clock latency is printed but is not the figure (other work shares the machine). The heap
# allocated per request (alloc_kb_per_req) is the gateway's own count: Micrometer's jvm.gc.memory.allocated (eden
# emptied by each young collection) plus the eden in use, read before and after the round, over the requests. On
# PostgreSQL, pg_us_per_req is the CPU of the gateway's own PostgreSQL backends (found by the connections'
# ApplicationName; the server's shared processes — WAL writer, checkpointer — are not in it) per request: on this
# machine the database shares the cores, so a store's cost is the gateway's CPU plus that. threads.tsv splits each
# round's CPU per request by thread (from /proc, like the total): the collector's threads (G1; on one core the JVM picks
# the serial collector, whose collections run in the VM thread — then read vm_thread), the audit writer threads, the
# embedded store's compaction, the VM thread, and the virtual threads' carriers (where the requests run).
#
# Options: --rounds N (default 3) --seconds S per round (default 15) --warmup S per gateway (default 60, c=4)
#          --c N concurrency (default 64) --stream (SSE instead of JSON) --store h2|postgres|h2/postgres|postgres/h2
#          --modes json/stream|stream/json (A in one mode, B in the other: the same jar twice shows what streaming costs
#          on one store, interleaved)
#          --gw-cpu C --load-cpu C --jfr (a JFR recording of each gateway during its rounds, for flame graphs; both gateways
#          then run with -XX:+DebugNonSafepoints so samples in inlined code are attributed to the right method; also
#          <gw>/alloc-summary.md: the allocation samples by part, KB per request)
#          --port-base P (default 18080: the mock on P, gateways on P+16 and P+17, management on +100; pick another
#          base when someone else runs this script at the same time)
#          --body FILE (the request body; default the harness's body.json — docs/bench/body-conversation.json is a
#          five-turn conversation, the whole history resent as chat tools do)
#          --first-chunk N (after the rounds: N sequential streamed requests to the mock, A and B in turn, with
#          docs/bench/stream-first-chunk.py: time to the first answer text and to [DONE], added over the mock)
#          --timed (with --c 1: every round's requests timed one by one — docs/bench/c1-tail-timed.lua — and the
#          requests' own p99 beside wrk's, which counts a stall of S ms as about S requests: column raw_p99_ms)
#          --gc-log (each gateway logs G1's pauses, age table and phases to <gw>/gc.log; at the end
#          docs/bench/gc-rounds.py: per round the young pauses, one per how many requests, their length, the survivors)
#          --census (after the rounds, per gateway: one young collection, then a heap dump that keeps the objects where
#          it put them — docs/bench/survivor-census.py then names what the survivor regions hold; the gateways run
#          with -XX:+ExplicitGCInvokesConcurrent so that the dump's GC.run is a young collection, not a full one)
# Environment: A_ARGS / B_ARGS — extra gateway arguments for A or B (e.g. the same jar with a property changed);
#              GATEWAY_JAVA_OPTS — default -Xms512m -Xmx512m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45 (the
#              shipped starts' G1 setting; on one core the JVM picks the serial collector, which ignores it);
#              A_JAVA_OPTS / B_JAVA_OPTS — extra JVM options for A or B (after GATEWAY_JAVA_OPTS, e.g. another collector;
#              -XX:+G1UseAdaptiveIHOP for G1's own threshold).
#              A_DATA / B_DATA — a gateway's data directory (the H2 file and its secret.key, the gateway stopped) copied
#              into A's or B's run directory before it starts: the store starts from that state (e.g. an aged store).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
A_JAR=$(readlink -f "$1"); B_JAR=$(readlink -f "$2"); shift 2
ROUNDS=3; SECS=15; WARM=60; CONC=64; STREAM=0; STORE=h2; GW_CPU=1; LOAD_CPU=0; JFR=0; PORT_BASE=18080; FIRST_CHUNK=0; BODY=
TIMED=0; GC_LOG=0; CENSUS=0; MODES=
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=$2; shift 2;; --seconds) SECS=$2; shift 2;; --warmup) WARM=$2; shift 2;;
    --c) CONC=$2; shift 2;; --stream) STREAM=1; shift;; --store) STORE=$2; shift 2;; --modes) MODES=$2; shift 2;;
    --gw-cpu) GW_CPU=$2; shift 2;; --load-cpu) LOAD_CPU=$2; shift 2;; --jfr) JFR=1; shift;;
    --port-base) PORT_BASE=$2; shift 2;; --first-chunk) FIRST_CHUNK=$2; shift 2;; --body) BODY=$(readlink -f "$2"); shift 2;;
    --timed) TIMED=1; shift;; --gc-log) GC_LOG=1; shift;; --census) CENSUS=1; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ "$TIMED" = 0 ] || [ "$CONC" = 1 ] || { echo "--timed needs --c 1 (one request in flight)" >&2; exit 2; }
OUT=$BENCH_WORK/ab/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
HZ=$(getconf CLK_TCK)
bench_traps

declare -A PG_APP=() STORE_OF=() STREAM_OF=([A]=$STREAM [B]=$STREAM)
case $STORE in */*) STORE_OF[A]=${STORE%/*}; STORE_OF[B]=${STORE#*/};; *) STORE_OF[A]=$STORE; STORE_OF[B]=$STORE;; esac
case $MODES in
  "") ;; json/stream) STREAM_OF=([A]=0 [B]=1);; stream/json) STREAM_OF=([A]=1 [B]=0);;
  *) echo "--modes json/stream or stream/json" >&2; exit 2;;
esac
start() { # name jar port
  local n=$1 data="" jvm="" extra=()
  [ "$n" = A ] && data=${A_DATA:-} && jvm=${A_JAVA_OPTS:-} && read -r -a extra <<< "${A_ARGS:-}"
  [ "$n" = B ] && data=${B_DATA:-} && jvm=${B_JAVA_OPTS:-} && read -r -a extra <<< "${B_ARGS:-}"
  # JFR samples inlined code at the nearest debug point unless this is on: self time lands on the wrong method
  [ "$JFR" = 1 ] && jvm="$jvm -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
  [ "$GC_LOG" = 1 ] && jvm="$jvm -Xlog:gc*,gc+age=trace,gc+phases=debug:file=$OUT/$n/gc.log:utctime,uptime,level,tags"
  [ "$CENSUS" = 1 ] && jvm="$jvm -XX:+ExplicitGCInvokesConcurrent"
  local opts=(--store "${STORE_OF[$n]}" --mock-port "$PORT_BASE" --cpu "$GW_CPU" --jvm "$jvm")
  [ -n "$data" ] && opts+=(--data "$data")
  if [ "${STORE_OF[$n]}" = postgres ]; then
    local schema; schema="ab_${n,,}_$(date +%s)"
    PG_APP[$n]="ab-$n-$schema"; opts+=(--schema "$schema" --pg-app "${PG_APP[$n]}")
  fi
  gw_start "$n" "$2" "$3" "${opts[@]}" -- "${extra[@]}"
}
ticks() { # pid -> "all jit sys" (sys: the kernel's share of all — file writes, thread wake-ups)
  { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
    split(substr($0,j+2),f," "); t=f[12]+f[13]; all+=t; sys+=f[13]; if (comm ~ /^C[12] Compiler/) jit+=t} END {printf "%d %d %d\n", all, jit, sys}'
}
groups() { # pid -> CPU ticks by thread: "gc writer compaction vm carriers" (GC: G1's, the serial collector's and ZGC's threads;
  # writer: the audit writer threads; compaction: the embedded store's housekeeping; vm: the VM thread; carriers: the
  # virtual threads' carriers, where the requests run) — thread names as /proc shows them (15 characters)
  { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
    split(substr($0,j+2),f," "); t=f[12]+f[13];
    if (comm ~ /^(GC Thread|G1 |Z(Director|Driver|Stat|Worker|Uncommit|Unmap))/) gc+=t; else if (comm ~ /^audit-writer-/) w+=t; else if (comm ~ /^audit-store-com/) k+=t;
    else if (comm == "VM Thread") vm+=t; else if (comm ~ /^ForkJoinPool-1-/) fj+=t}
    END {printf "%d %d %d %d %d\n", gc, w, k, vm, fj}'
}
pg_ticks() { # name -> CPU ticks of the gateway's PostgreSQL backends (0 on H2)
  [ -n "${PG_APP[$1]:-}" ] || { echo 0; return; }
  local pids; pids=$(psql -Atq -h 127.0.0.1 -U postgres -d test -c "SELECT pid FROM pg_stat_activity WHERE application_name = '${PG_APP[$1]}'" 2>/dev/null || true)
  local t=0 p; for p in $pids; do t=$((t + $(awk '{i=index($0,") "); split(substr($0,i+2),f," "); print f[12]+f[13]}' /proc/"$p"/stat 2>/dev/null || echo 0))); done
  echo "$t"
}
load() { # name seconds conc [file for one line per request: --timed] -> RESULT line
  local n=$1 script=$BENCH/chat.lua; [ -n "${4:-}" ] && script=$ROOT/docs/bench/c1-tail-timed.lua
  env BENCH_BODY="${BODY:-$BENCH/body.json}" BENCH_STREAM=${STREAM_OF[$n]} BENCH_MAX_PER_THREAD=0 TIMED_OUT="${4:-}" timeout $(($2 + 30)) \
    taskset -c "$LOAD_CPU" wrk -t1 -c"$3" -d"$2s" --timeout 10s -s "$script" \
    "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" 2>&1 | grep RESULT || echo "RESULT requests=0"
}

bench_mock_start --cpu "$LOAD_CPU" "$PORT_BASE"
start A "$A_JAR" $((PORT_BASE + 16))
start B "$B_JAR" $((PORT_BASE + 17))
gw_wait_ready A; gw_wait_ready B
bench_mock_wait
echo "A=$A_JAR B=$B_JAR body=${BODY:-$BENCH/body.json} store=$STORE gw-cpu=$GW_CPU load-cpu=$LOAD_CPU c=$CONC stream=${STREAM_OF[A]}/${STREAM_OF[B]} rounds=$ROUNDS x ${SECS}s" | tee "$OUT/ab.txt"
for n in A B; do load "$n" "$WARM" 4 > /dev/null; done
if [ "$JFR" = 1 ]; then for n in A B; do "$JCMD" "${GW_PID[$n]}" JFR.start name=ab settings=profile > /dev/null; done; fi
audit_tx() { # name -> "records lone group seconds waits" (audit records written, transactions by a lone request, group
  # commits, the seconds requests waited for their records: build + committed write, and the writer's waits for a
  # fuller group commit: -1 for a gateway without dijkwacht_audit_group_commit_waits_total, before session 33)
  curl -s "http://127.0.0.1:$((${GW_PORT[$1]} + 100))/actuator/prometheus" | awk 'BEGIN {g=-1}
    /^dijkwacht_audit_write_seconds_count/ {n+=$NF} /^dijkwacht_audit_write_seconds_sum/ {t+=$NF}
    /^dijkwacht_audit_batches_total\{.*writer="request"/ {r+=$NF}
    /^dijkwacht_audit_batches_total\{.*writer="writer_thread"/ {w+=$NF}
    /^dijkwacht_audit_group_commit_waits_total/ {g=(g<0?0:g)+$NF} END {printf "%d %d %d %.6f %d\n", n, r, w, t, g}'
}
per_tx() { # "before" "after" (audit_tx lines) -> "records per transaction, ms waited per record, waits per group commit"
  read -r n0 r0 w0 t0 g0 <<< "$1"; read -r n1 r1 w1 t1 g1 <<< "$2"
  awk -v n=$((n1 - n0)) -v tx=$((r1 - r0 + w1 - w0)) -v w=$((w1 - w0)) -v t="$t0" -v u="$t1" -v g0="$g0" -v g1="$g1" 'BEGIN {
    printf "%.2f\t%.2f\t%s\n", tx ? n/tx : 0, n ? (u-t)*1000/n : 0, g0 < 0 ? "-" : (w ? sprintf("%.2f", (g1-g0)/w) : "0") }'
}
declare -A TX0=()
for n in A B; do TX0[$n]=$(audit_tx "$n"); done
# records_per_tx, waited_ms_per_rec, waits_per_commit: the audit writer's, read from the gateway's metrics before and
# after the round (outside the CPU and heap figures: a scrape allocates megabytes)
# raw_p99_ms (--timed): the p99 of the requests themselves; p99_ms is wrk's, corrected for coordinated omission
printf 'round\tgw\trequests\tcpu_us_per_req\tjit_us_per_req\trps\tp50_ms\tp99_ms\terrors\talloc_kb_per_req\tpg_us_per_req\tsys_us_per_req\trecords_per_tx\twaited_ms_per_rec\twaits_per_commit\traw_p99_ms\n' | tee -a "$OUT/ab.tsv"
for r in $(seq 1 "$ROUNDS"); do
  for n in A B; do
    x0=$(audit_tx "$n")
    a0=$(gw_allocated "$n")
    read -r c0 j0 s0 < <(ticks "${GW_PID[$n]}"); g0=$(pg_ticks "$n"); read -r -a grp0 < <(groups "${GW_PID[$n]}")
    timed=; [ "$TIMED" = 1 ] && timed=$OUT/$n/timed-$r.txt
    t0=$(date +%s.%N)
    res=$(load "$n" "$SECS" "$CONC" "$timed")
    t1=$(date +%s.%N)
    read -r c1 j1 s1 < <(ticks "${GW_PID[$n]}"); g1=$(pg_ticks "$n"); read -r -a grp1 < <(groups "${GW_PID[$n]}")
    printf '%s\t%s\t%s\t%s\n' "$r" "$n" "$t0" "$t1" >> "$OUT/rounds.tsv"
    raw=-; [ -n "$timed" ] && raw=$(python3 "$ROOT/docs/bench/wrk-p99.py" "$timed" "$SECS" | sed -n 's/.*raw: n [0-9]* p50 [0-9.]* p99 \([0-9.]*\) ms.*/\1/p')
    a1=$(gw_allocated "$n")
    x1=$(audit_tx "$n")
    req=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$res"); req=${req:-0}
    [ "$r" = 1 ] && [ "$n" = A ] && printf 'round\tgw\tgc_us_per_req\twriter_us_per_req\tcompaction_us_per_req\tvm_thread_us_per_req\tcarriers_us_per_req\n' > "$OUT/threads.tsv"
    awk -v r="$r" -v n="$n" -v q="$req" -v hz="$HZ" -v a="${grp0[*]}" -v b="${grp1[*]}" 'BEGIN { split(a, x, " "); split(b, y, " ");
      printf "%s\t%s", r, n; for (i = 1; i <= 5; i++) printf "\t%.0f", q ? (y[i]-x[i])/hz*1e6/q : 0; printf "\n" }' >> "$OUT/threads.tsv"
    awk -v r="$r" -v n="$n" -v q="$req" -v c=$((c1 - c0)) -v j=$((j1 - j0)) -v hz="$HZ" -v res="$res" -v al=$((a1 - a0)) -v pg=$((g1 - g0)) -v sy=$((s1 - s0)) -v tx="$(per_tx "$x0" "$x1")" -v raw="${raw:--}" 'BEGIN {
      match(res, /rps=[0-9.]+/); rps=substr(res, RSTART+4, RLENGTH-4); match(res, /p50_ms=[0-9.]+/); p50=substr(res, RSTART+7, RLENGTH-7)
      match(res, /p99_ms=[0-9.]+/); p99=substr(res, RSTART+7, RLENGTH-7)
      err=0; while (match(res, /err_[a-z]+=[0-9]+/)) { kv=substr(res, RSTART, RLENGTH); sub(/.*=/, "", kv); err+=kv; res=substr(res, RSTART+RLENGTH) }
      printf "%s\t%s\t%d\t%.0f\t%.0f\t%s\t%s\t%s\t%d\t%.1f\t%.0f\t%.0f\t%s\t%s\n", r, n, q, q ? c/hz*1e6/q : 0, q ? j/hz*1e6/q : 0, rps, p50, p99, err, q ? al/1024/q : 0, q ? pg/hz*1e6/q : 0, q ? sy/hz*1e6/q : 0, tx, raw }' | tee -a "$OUT/ab.tsv"
  done
done
awk -F'\t' 'NR>1 {q[$2]+=$3; c[$2]+=$3*$4; j[$2]+=$3*$5; e[$2]+=$9; a[$2]+=$3*$10; g[$2]+=$3*$11; k[$2]+=$3*$12} END {for (n in q) if (q[n]) printf "%s: %d requests, CPU %.0f µs/req (JIT %.0f, kernel %.0f µs/req), heap %.1f KB/req%s%s\n", n, q[n], c[n]/q[n], j[n]/q[n], k[n]/q[n], a[n]/q[n], g[n] ? sprintf(", PostgreSQL backends %.0f µs/req", g[n]/q[n]) : "", e[n] ? sprintf(" — %d ERRORS (non-2xx or socket): figure not valid", e[n]) : ""}' \
  "$OUT/ab.tsv" | sort | tee -a "$OUT/ab.txt"
for n in A B; do # gateways that have dijkwacht_audit_batches_total (since session 24): who wrote the records of the rounds
  read -r n0 r0 w0 t0 g0 <<< "${TX0[$n]}"; read -r n1 r1 w1 t1 g1 <<< "$(audit_tx "$n")"
  [ $((r1 + w1)) -gt 0 ] && awk -v g="$n" -v n=$((n1 - n0)) -v r=$((r1 - r0)) -v w=$((w1 - w0)) -v t="$t0" -v u="$t1" -v k0="$g0" -v k1="$g1" 'BEGIN {
    printf "%s: audit records %d in %d transactions by lone requests + %d group commits (%.2f records per transaction), %.2f ms per record waited%s\n", g, n, r, w, (r+w) ? n/(r+w) : 0, n ? (u-t)*1000/n : 0,
      k0 < 0 ? "" : sprintf("; %d waits for a fuller batch", k1 - k0)}' | tee -a "$OUT/ab.txt"
done
if [ "$CENSUS" = 1 ]; then
  for n in A B; do
    # a young collection (ExplicitGCInvokesConcurrent), the regions' types, then every object where that collection put it
    "$JCMD" "${GW_PID[$n]}" GC.run > /dev/null
    "$JCMD" "${GW_PID[$n]}" VM.info > "$OUT/$n/vm-info.txt"
    "$JCMD" "${GW_PID[$n]}" GC.heap_dump -all=true "$OUT/$n/survivors.hprof" > /dev/null
    echo "$n: survivor census: python3 $ROOT/docs/bench/survivor-census.py $OUT/$n/survivors.hprof $OUT/$n/vm-info.txt" | tee -a "$OUT/ab.txt"
  done
fi
if [ "$GC_LOG" = 1 ]; then python3 "$ROOT/docs/bench/gc-rounds.py" "$OUT" | tee "$OUT/gc-rounds.tsv"; fi
if [ "$JFR" = 1 ]; then
  for n in A B; do
    "$JCMD" "${GW_PID[$n]}" JFR.stop name=ab filename="$OUT/$n/profile.jfr" > /dev/null
    "$(dirname "$JAVA_BIN")/jfr" print --events jdk.ExecutionSample --stack-depth 128 "$OUT/$n/profile.jfr" | python3 "$ROOT/docs/bench/jfr-collapse.py" > "$OUT/$n/profile.collapsed"
    python3 "$ROOT/docs/bench/profile-summary.py" "$OUT/$n/profile.collapsed" 0 0 > "$OUT/$n/profile-summary.md" || true
    # where the heap allocation goes: JFR's allocation samples weighted by bytes, per request of the rounds
    "$(dirname "$JAVA_BIN")/jfr" print --events jdk.ObjectAllocationSample --stack-depth 128 "$OUT/$n/profile.jfr" \
      | python3 "$ROOT/docs/bench/jfr-collapse.py" --weight > "$OUT/$n/alloc.collapsed"
    python3 "$ROOT/docs/bench/profile-summary.py" --bytes "$OUT/$n/alloc.collapsed" \
      "$(awk -F'\t' -v g="$n" 'NR>1 && $2==g {q+=$3} END {print q+0}' "$OUT/ab.tsv")" > "$OUT/$n/alloc-summary.md" || true
  done
fi
if [ "$FIRST_CHUNK" -gt 0 ]; then
  taskset -c "$LOAD_CPU" python3 "$ROOT/docs/bench/stream-first-chunk.py" --n "$FIRST_CHUNK" --body "$BENCH/body.json" \
    mock="http://127.0.0.1:$PORT_BASE/v1" A="http://127.0.0.1:${GW_PORT[A]}/v1" B="http://127.0.0.1:${GW_PORT[B]}/v1" | tee -a "$OUT/ab.txt"
fi
[ -f "$OUT/threads.tsv" ] && { echo "CPU by thread, µs per request (threads.tsv):"; column -t "$OUT/threads.tsv"; } | tee -a "$OUT/ab.txt"
echo "ab-cpu: results in $OUT"
