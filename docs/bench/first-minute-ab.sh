#!/usr/bin/env bash
# The first minute of two gateways started at the same moment: start-up time, CPU until ready, then 10-second slices
# of c=1 JSON load on both at once (CPU per request of each process, and the share of its JIT compiler threads).
#
#   docs/bench/first-minute-ab.sh [--slices 6] [--port-base P] A.jar B.jar     two builds (e.g. before/after a change)
#   docs/bench/first-minute-ab.sh [--slices 6] --aot A.jar     the same build without (A) and with (B) the JDK's AOT cache
#   docs/bench/first-minute-ab.sh [--slices 6] --aot A.jar B.jar   A without a cache against B with its own trained cache
#   docs/bench/first-minute-ab.sh --image A.jar [B.jar]   as --aot, and B also gets the image's start-up settings (the
#                                                   Dockerfile's DIJKWACHT_WARMUP_* ENV): the README's start against the image's
#   docs/bench/first-minute-ab.sh --solo [--image] A.jar   B only, alone on the machine (no A): one gateway's own first minute
#   --store postgres: both on PostgreSQL 127.0.0.1:5432 db test, a fresh schema each (dropped afterwards)
#
# Both run the default policy pack plus the bench model (docs/bench/gateway-bench.sh's pack), the README's H2 durable
# store, the shipped JVM options (GATEWAY_JAVA_OPTS, default -Xms512m -Xmx512m and G1's fixed IHOP), each jar extracted as the image does it (deploy/Dockerfile: `extract --layers`, started
# with -jar app.jar). With --aot the cache is trained by deploy/aot-train.sh — the command the Dockerfile runs — on the
# default pack as shipped, then B starts with -XX:AOTCache. Started together, they share whatever else the machine
# does, so read A against B, not against other runs. Results: $BENCH_WORK/first-minute-ab/<stamp>/summary.md.
# Environment: BENCH_DIR (default ../shared/bench), BENCH_WORK, JAVA (default: temurin 25), GATEWAY_JAVA_OPTS,
# A_ARGS / B_ARGS (extra gateway arguments for A or B: the same jar twice with a setting changed, e.g.
# B_ARGS=--dijkwacht.warm-up.over-http=false), A_JAVA_OPTS / B_JAVA_OPTS (extra JVM options for A or B only, e.g.
# -XX:CICompilerCount=3), B_COMPILER_FIRST=N (an experiment: during its warm-up every thread of B but the JIT compiler's
# runs at nice N, docs/bench/compiler-first.sh). TRAINED_APP=<dir> (with --aot/--image): start from an earlier run's trained layout (its
# <run>/A/app: app.jar, lib/, app.aot) instead of extracting and training again — for a series of runs on one cache.
# Ports (--port-base P, default 18580): mock P, gateways P+10/P+11 (management +100), AOT training run P+20 and P+21.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_ready, the cleanup
bench_require_harness
SLICES=6; AOT=0; IMAGE=0; SOLO=0; PORT_BASE=18580; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --slices) SLICES=$2; shift 2;;
    --store) STORE=$2; shift 2;;
    --port-base) PORT_BASE=$2; shift 2;;
    --aot) AOT=1; shift;;
    --image) AOT=1; IMAGE=1; shift;;
    --solo) SOLO=1; shift;;
    *) break;;
  esac
done
MOCK_PORT=$PORT_BASE; PORT_A=$((PORT_BASE + 10)); PORT_B=$((PORT_BASE + 11)); TRAIN_PORT=${TRAIN_PORT:-$((PORT_BASE + 20))}
[ $# -ge $((2 - AOT - SOLO)) ] || { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
A_JAR=$(realpath "$1"); B_JAR=$(realpath "${2:-$1}")
OUT=$BENCH_WORK/first-minute-ab/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
echo "first-minute-ab: results in $OUT"

source "$ROOT/docs/bench/image-start.sh"   # image_layout, image_train, image_env: as deploy/Dockerfile does it
if [ -n "${TRAINED_APP:-}" ]; then   # a trained layout of an earlier run: neither extracted nor trained again
  [ "$AOT" = 1 ] && [ -s "$TRAINED_APP/app.aot" ] || { echo "first-minute-ab: TRAINED_APP needs --aot or --image and an app.aot in $TRAINED_APP" >&2; exit 2; }
  mkdir -p "$OUT/A" "$OUT/B"; ln -s "$(realpath "$TRAINED_APP")" "$OUT/A/app"; ln -s "$OUT/A/app" "$OUT/B/app"
  echo "trained layout reused: $TRAINED_APP (the jar arguments are not used)" | tee "$OUT/summary.md"
  B_OPTS="-XX:AOTCache=$OUT/A/app/app.aot"
elif [ "$AOT" = 1 ]; then
  image_layout "$A_JAR" "$OUT/A"
  if [ "$B_JAR" = "$A_JAR" ]; then
    mkdir -p "$OUT/B"; ln -s "$OUT/A/app" "$OUT/B/app"; TRAINED=A   # the same files: the cache checks the class path
  else
    image_layout "$B_JAR" "$OUT/B"; TRAINED=B
  fi
  t=$(date +%s)
  image_train "$OUT/$TRAINED/app" "$TRAIN_PORT" "$OUT/train.log" "${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED}"
  echo "training run: $(( $(date +%s) - t )) s; $(grep -h 'warm-up:' "$OUT/train.log" | sed 's/.*StartupWarmUp *: //'); $(tail -n 1 "$OUT/train.log")" | tee "$OUT/summary.md"
  B_OPTS="-XX:AOTCache=$OUT/$TRAINED/app/app.aot"
else
  image_layout "$A_JAR" "$OUT/A"; image_layout "$B_JAR" "$OUT/B"; B_OPTS=""
fi
B_OPTS="$B_OPTS ${B_JAVA_OPTS:-}"
B_ENV=""; if [ "$IMAGE" = 1 ]; then B_ENV=$(image_env | tr '\n' ' '); fi

bench_pack "$OUT/pack" "$MOCK_PORT"
bench_traps
bench_mock_start "$MOCK_PORT"
start() { # name port extra-opts extra-args [NAME=value environment]
  local extra=(); read -r -a extra <<< "$4"
  gw_start "$1" "$OUT/$1/app/app.jar" "$2" --pack "$OUT/pack" --store "$STORE" --jvm "$3" --env "${5:-}" -- "${extra[@]}" \
    --logging.level.nl.dijkwacht.api.StartupWarmUp=INFO --logging.level.nl.dijkwacht.api.warmup=INFO
}
# CPU ticks of the process (its own stat: threads that have ended count too — the JVM ends compiler threads it no
# longer needs, and a sum over the live threads then fell, once below zero, with -XX:CICompilerCount=3) and of its live
# JIT compiler threads (an ended compiler thread's ticks drop out of this one: with more than one C2 thread the JIT
# column is a lower bound; -XX:-UseDynamicNumberOfCompilerThreads keeps them all)
ticks() { [ -n "$1" ] || { echo "0 0"; return; }; { cat /proc/"$1"/stat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{ i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
  split(substr($0,j+2),f," "); t=f[12]+f[13]; if (NR == 1) all=t; if (NR > 1 && comm ~ /^C[12] Compiler/) jit+=t } END {printf "%d %d\n", all, jit}'; }
# (the newline matters: `read` returns 1 at an end of input without one, and set -e made that the script's exit)
HZ=$(getconf CLK_TCK)
T0=$(date +%s.%N)
if [ "$SOLO" = 1 ]; then
  PA=""; echo "| A | (not started: --solo) | | | |" > "$OUT/ready-A"
else
  start A "$PORT_A" "${A_JAVA_OPTS:-}" "${A_ARGS:-}"; PA=${GW_PID[A]}
fi
start B "$PORT_B" "$B_OPTS" "${B_ARGS:-}" "$B_ENV"; PB=${GW_PID[B]}
if [ -n "${B_COMPILER_FIRST:-}" ]; then   # an experiment: B's JIT threads before its other threads during the warm-up
  "$ROOT/docs/bench/compiler-first.sh" "$PB" "$PORT_B" "$OUT/ready-B" "$B_COMPILER_FIRST" > "$OUT/compiler-first.log" 2>&1 & BENCH_PIDS+=($!)
fi
c2ticks() { { cat /proc/"$1"/task/*/stat 2>/dev/null || true; } | awk '{ i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1);
  split(substr($0,j+2),f," "); if (comm ~ /^C2 Compiler/) c2+=f[12]+f[13] } END {printf "%d\n", c2}'; }
note_ready() { # name pid
  read -r c j < <(ticks "$2"); read -r c2 < <(c2ticks "$2")
  awk -v n="$1" -v s="$(date +%s.%N)" -v t0="$T0" -v c="$c" -v j="$j" -v c2="$c2" -v hz="$HZ" \
    'BEGIN {printf "| %s | %.1f s | %.1f s | %.1f s | %.1f s |\n", n, s - t0, c / hz, j / hz, c2 / hz}' > "$OUT/ready-$1"
}
# one loop polls both, so each start-up time is taken when that gateway answers
until [ -f "$OUT/ready-A" ] && [ -f "$OUT/ready-B" ]; do
  for g in "A:$PA" "B:$PB"; do
    IFS=: read -r n pid <<< "$g"
    [ -f "$OUT/ready-$n" ] && continue
    kill -0 "$pid" 2>/dev/null || { echo "$n exited; see $OUT/$n/gateway.log" >&2; exit 1; }
    if gw_ready "$n"; then note_ready "$n" "$pid"; fi
  done
  sleep 0.1
done
bench_mock_wait || { echo "see $OUT/mock.log" >&2; exit 1; }
{
  echo "store: $STORE; JVM options: ${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED}"
  echo "A: $(basename "$A_JAR") ${A_ARGS:-} ${A_JAVA_OPTS:-}$([ "$SOLO" = 1 ] && echo ' (not started: --solo)'); B: $(basename "$B_JAR") ${B_ARGS:-} ${B_OPTS} ${B_ENV}"
  [ -n "${B_COMPILER_FIRST:-}" ] && echo "B: compiler first, nice ${B_COMPILER_FIRST} (docs/bench/compiler-first.sh): $(tr '\n' ' ' < "$OUT/compiler-first.log")"
  echo; echo "load average at readiness: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo; echo "| gateway | start to /readyz | CPU to /readyz | of which JIT | of which C2 |"; echo "|---|---:|---:|---:|---:|"
  cat "$OUT/ready-A" "$OUT/ready-B"
  echo; echo "First minute after readiness, c=1 JSON, both loaded at once (10 s slices):"; echo
  echo "| slice | A req | A p50 ms | A CPU µs/req (JIT) | B req | B p50 ms | B CPU µs/req (JIT) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} | tee -a "$OUT/summary.md"
for i in $(seq 1 "$SLICES"); do
  SLICE_START=$(date +%s.%N)
  read -r ca ja < <(ticks "$PA"); read -r cb jb < <(ticks "$PB")
  RUNS=()
  for g in "A:$PORT_A" "B:$PORT_B"; do
    [ "$SOLO" = 1 ] && [ "${g%%:*}" = A ] && continue
    LABEL="${g%%:*}" DURATION=10 WARMUP=0 CONCS=1 MODES=json PROBE_N=0 OUT="$OUT/slices.tsv" RUN="$i" \
      "$BENCH/run.sh" "http://127.0.0.1:${g##*:}/v1" > /dev/null 2>> "$OUT/slices.err" & RUNS+=($!)
  done
  wait "${RUNS[@]}" || echo "slice $i: a load run failed (its preflight or wrk); see the row" >&2
  read -r ca2 ja2 < <(ticks "$PA"); read -r cb2 jb2 < <(ticks "$PB")
  awk -F'\t' -v i="$i" -v hz="$HZ" -v dca=$((ca2 - ca)) -v dja=$((ja2 - ja)) -v dcb=$((cb2 - cb)) -v djb=$((jb2 - jb)) '
    $2 == i && $1 == "A" {na=$12; pa=$6} $2 == i && $1 == "B" {nb=$12; pb=$6}
    END {na += 0; nb += 0; printf "| %d | %d | %s | %.0f (%.0f) | %d | %s | %.0f (%.0f) |\n", i, na, pa,
         na ? dca/hz*1e6/na : 0, na ? dja/hz*1e6/na : 0, nb, pb, nb ? dcb/hz*1e6/nb : 0, nb ? djb/hz*1e6/nb : 0}' "$OUT/slices.tsv" | tee -a "$OUT/summary.md"
  # seconds since both started (T0) at the end of this slice, each gateway's CPU µs per request and p50 in it, and
  # the seconds since T0 at the slice's start
  tail -n 1 "$OUT/summary.md" | awk -F'|' -v t="$(date +%s.%N)" -v t0="$T0" -v ts="$SLICE_START" '{gsub(/ \(.*/, "", $5); gsub(/ \(.*/, "", $8); printf "%d\t%.1f\t%s\t%s\t%s\t%s\t%.1f\n", $2, t - t0, $5 + 0, $8 + 0, $4 + 0, $7 + 0, ts - t0}' >> "$OUT/slice-cpu.tsv"
done
# Steady state counted from the start, not from readiness (issue 15: "steady within 30 s of start"), by two criteria:
# loose (as before): the first slice from which every slice's CPU per request stays within 15 % of the last two slices'
# mean; strict: CPU per request AND p50 within 10 % of the last two slices' means (the warm figure). Times are counted
# from the moment both were started: the start of that slice (from then on every 10-s average was at the warm level —
# the reading of "steady reached at"; the first slice starts at readiness) and, in brackets, its end (as until steady16).
awk -F'\t' '{n++; t[n]=$2; a[n]=$3; b[n]=$4; pa[n]=$5; pb[n]=$6; u[n]=$7} END {
  if (n < 3) exit
  for (g = 1; g <= 2; g++) {
    if (g == 1 && a[n] == 0) continue
    level = g == 1 ? (a[n] + a[n-1]) / 2 : (b[n] + b[n-1]) / 2
    p50 = g == 1 ? (pa[n] + pa[n-1]) / 2 : (pb[n] + pb[n-1]) / 2
    k = n; s = n
    for (i = n; i >= 1; i--) { v = g == 1 ? a[i] : b[i]; if (v <= 1.15 * level) k = i; else break }
    for (i = n; i >= 1; i--) { v = g == 1 ? a[i] : b[i]; q = g == 1 ? pa[i] : pb[i]
      if (v <= 1.10 * level && v >= 0.90 * level && q <= 1.10 * p50 && q >= 0.90 * p50) s = i; else break }
    printf "%s: steady (CPU per request within 15 %% of the last two slices, %.0f µs) from slice %d, %.0f s after the start (its end %.0f s); strict (CPU and p50 within 10 %% of the last two slices, %.0f µs, %.2f ms) from slice %d, %.0f s (%.0f s)\n", g == 1 ? "A" : "B", level, k, u[k], t[k], level, p50, s, u[s], t[s]
  }
  if (n < 6) print "(fewer than 6 slices: the last two may not be steady yet; use --slices 8 or more)"
}' "$OUT/slice-cpu.tsv" | tee -a "$OUT/summary.md"
echo | tee -a "$OUT/summary.md"
for g in A B; do [ -f "$OUT/$g/gateway.log" ] || continue; echo "$g: $(grep -h 'warm-up:' "$OUT/$g/gateway.log" | sed 's/.*StartupWarmUp *: //')" | tee -a "$OUT/summary.md"; done
for g in "A:${PA:-}" "B:$PB"; do
  [ -n "${g#*:}" ] || continue
  read -r c j < <(ticks "${g#*:}"); read -r c2 < <(c2ticks "${g#*:}")
  awk -v n="${g%%:*}" -v c="$c" -v j="$j" -v c2="$c2" -v hz="$HZ" -v t="$(date +%s.%N)" -v t0="$T0" \
    'BEGIN {printf "%s: %.0f s after the start, CPU %.1f s, of which JIT %.1f s (C1 %.1f, C2 %.1f)\n", n, t - t0, c / hz, j / hz, (j - c2) / hz, c2 / hz}' | tee -a "$OUT/summary.md"
done
