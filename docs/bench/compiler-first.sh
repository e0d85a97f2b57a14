#!/usr/bin/env bash
# An experiment, not a shipped setting: the JIT compiler threads get the CPU before everything else of one gateway
# during its start-up warm-up. From the moment the warm-up's first thread exists until /readyz answers, every thread of
# the gateway except the C1/C2 compiler threads runs at nice NICE (new threads too, looked for every 0.2 s); at
# readiness all go back to 0 (lowering a nice value again needs root, as the bench runs here). It asks whether the C2
# queue the warm-up leaves behind (steady16, jit23, steady51 in docs/history/benchmark-sessions.md) is a matter of
# the compiler's share of two cores during the warm-up.
#
#   docs/bench/compiler-first.sh PID PORT [NICE]     (first-minute-ab.sh starts it for B with B_COMPILER_FIRST=NICE)
set -uo pipefail
pid=$1; port=$2; nice=${3:-10}
until grep -qx "warm-up-0" /proc/"$pid"/task/*/comm 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1
done
echo "compiler-first: warm-up began $(date +%T.%N); its threads and the rest of the gateway at nice $nice, the JIT at 0"
declare -A seen
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    tid=${t##*/}; [ -n "${seen[$tid]:-}" ] && continue
    comm=$(cat "$t/comm" 2>/dev/null) || continue
    case $comm in "C1 CompilerThre"*|"C2 CompilerThre"*) seen[$tid]=jit;; *) renice -n "$nice" -p "$tid" > /dev/null 2>&1; seen[$tid]=$nice;; esac
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz")" = 200 ] && break
  sleep 0.2
done
for t in /proc/"$pid"/task/*; do renice -n 0 -p "${t##*/}" > /dev/null 2>&1; done
echo "compiler-first: ready $(date +%T.%N); ${#seen[@]} threads seen, all back at nice 0"
