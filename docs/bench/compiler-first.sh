#!/usr/bin/env bash
# An experiment, not a shipped setting: the JIT compiler threads get the CPU before everything else of one gateway
# during its start-up warm-up. From the moment the gateway's HTTP port accepts connections (Spring's context is up and
# the warm-up, an ApplicationRunner, begins) until READY_FILE exists (first-minute-ab.sh writes it when /readyz
# answered), every thread of the gateway except the C1/C2 compiler threads runs at nice NICE (new threads too, looked
# for every 0.2 s); then all go back to 0 (lowering a nice value again needs root, as the bench runs here). It asks
# whether the C2 queue the warm-up leaves behind (steady16, jit23, steady51 in docs/history/benchmark-sessions.md) is a
# matter of the compiler's share of the two cores during the warm-up.
#
#   docs/bench/compiler-first.sh PID PORT READY_FILE [NICE]   (first-minute-ab.sh starts it for B with B_COMPILER_FIRST=NICE)
set -uo pipefail
pid=$1; port=$2; ready=$3; nice=${4:-10}
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1
done
echo "compiler-first: port open $(date +%T.%N); the gateway's threads at nice $nice, the JIT's at 0"
declare -A seen
while kill -0 "$pid" 2>/dev/null && [ ! -e "$ready" ]; do
  for t in /proc/"$pid"/task/*; do
    tid=${t##*/}; [ -n "${seen[$tid]:-}" ] && continue
    comm=$(< "$t/comm") 2>/dev/null || continue
    case $comm in "C1 CompilerThre"*|"C2 CompilerThre"*) seen[$tid]=jit;; *) renice -n "$nice" -p "$tid" > /dev/null 2>&1; seen[$tid]=$nice;; esac
  done
  sleep 0.2
done
for t in /proc/"$pid"/task/*; do renice -n 0 -p "${t##*/}" > /dev/null 2>&1; done
echo "compiler-first: ready $(date +%T.%N); ${#seen[@]} threads seen, all back at nice 0"
