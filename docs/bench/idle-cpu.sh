#!/usr/bin/env bash
# What an idle gateway costs: CPU per second of two gateways that receive no request, side by side, by thread.
#
#   docs/bench/idle-cpu.sh A.jar B.jar [--seconds S (default 120)] [--settle S (default 90)] [--store h2|postgres]
#                                      [--port-base P (default 18680)]
#
# Both gateways start at once (the bench pack, GATEWAY_JAVA_OPTS, not pinned), become ready, and are left alone for
# --settle seconds (the start-up warm-up, the first audit chain check at 60 s); then their threads' CPU time (from
# /proc/<pid>/task/*/schedstat) is read at the start and the end of --seconds of idleness. Printed per gateway: the process's CPU in
# ms per second of wall time, and the same for the threads by name — the policy watcher ("policy-watcher": the
# suspensions' query and the pack's files every dijkwacht.policy.poll-interval), JIT, GC, the rest — with the watcher's
# polls counted from its interval (500 ms by default) as µs per poll. CPU time (schedstat, ns), not wall time: it does not depend on
# how busy the machine is, only on what the gateway does. Results in $BENCH_WORK/idle-cpu/<stamp>/idle.txt.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"
bench_require_harness
A_JAR=$(readlink -f "$1"); B_JAR=$(readlink -f "$2"); shift 2
SECS=120; SETTLE=90; STORE=h2; PORT_BASE=18680
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) SECS=$2;; --settle) SETTLE=$2;; --store) STORE=$2;; --port-base) PORT_BASE=$2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac; shift 2
done
OUT=$BENCH_WORK/idle-cpu/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
bench_traps

threads() { # pid -> CPU ns per thread group: "watcher jit gc other all" (schedstat: nanoseconds, not 10-ms ticks)
  local t c w=0 j=0 g=0 o=0 ns
  for t in /proc/"$1"/task/*; do
    c=$(cat "$t/comm" 2>/dev/null) || continue; read -r ns _ < "$t/schedstat" 2>/dev/null || continue
    case $c in
      policy-watcher) w=$((w + ns));; "C1 Compiler"*|"C2 Compiler"*) j=$((j + ns));;
      "GC Thread"*|G1*|"VM Thread") g=$((g + ns));; *) o=$((o + ns));;
    esac
  done
  echo "$w $j $g $o $((w + j + g + o))"
}

bench_mock_start "$PORT_BASE"
gw_start A "$A_JAR" $((PORT_BASE + 16)) --store "$STORE" --mock-port "$PORT_BASE"
gw_start B "$B_JAR" $((PORT_BASE + 17)) --store "$STORE" --mock-port "$PORT_BASE"
gw_wait_ready A 600; gw_wait_ready B 600   # CPU time is the figure, so it may run niced on a busy machine: slow starts
echo "A=$A_JAR B=$B_JAR store=$STORE ready after ${GW_READY[A]} / ${GW_READY[B]} s; settle ${SETTLE} s, then ${SECS} s idle; load $(uptime | sed 's/.*average: //')" | tee "$OUT/idle.txt"
sleep "$SETTLE"
declare -A T0=()
for n in A B; do T0[$n]=$(threads "${GW_PID[$n]}"); done
sleep "$SECS"
echo "| gateway | process ms CPU/s | policy-watcher ms CPU/s | µs per poll (500 ms) | JIT ms/s | GC + VM ms/s | other ms/s |" | tee -a "$OUT/idle.txt"
echo "|---|---:|---:|---:|---:|---:|---:|" | tee -a "$OUT/idle.txt"
for n in A B; do
  read -r w0 j0 g0 o0 a0 <<< "${T0[$n]}"; read -r w1 j1 g1 o1 a1 <<< "$(threads "${GW_PID[$n]}")"
  awk -v n="$n" -v s="$SECS" -v w=$((w1 - w0)) -v j=$((j1 - j0)) -v g=$((g1 - g0)) -v o=$((o1 - o0)) -v a=$((a1 - a0)) 'BEGIN {
    ms = 1e-6 / s; printf "| %s | %.2f | %.3f | %.0f | %.2f | %.2f | %.2f |\n", n, a*ms, w*ms, w/1000/(s*2), j*ms, g*ms, o*ms }' | tee -a "$OUT/idle.txt"
done
echo "load after: $(uptime | sed 's/.*average: //'); results in $OUT" | tee -a "$OUT/idle.txt"
