#!/bin/bash
# The purpose guard of OLD_REV against this tree's, in one JVM each step (PurposeGuardBuild loads each build's classes in
# its own class loader, with the default pack's forbidden purposes and thresholds, no guard model):
#   1. the same judgements? PurposeGuardEquivalence: verdict, purpose, layer, score to the last bit and term found, on
#      every prompt of the development parts (dev … heldout16) alone, after the harness's system prompt and after the
#      prompt before it, every string literal of the test sources, the harness's request and each turn of the five-turn
#      conversation (an unseen part is never opened); prints the count and the first differences;
#   2. CPU (thread CPU time, p50 / p99 / mean) and heap per LayeredPurposeGuard.judge, builds interleaved per round
#      (PurposeGuardCostComparison), pinned to core 1; round 0 is the JIT's.
# OLD_REV's classes are compiled in a temporary worktree (offline), removed at the end.
# Usage, from the repository root after `./mvnw -q -B -o -pl gateway test-compile -Dmaven.compiler.proc=full`:
#   docs/bench/purpose-cpu-ab.sh OLD_REV [request|conversation|dev] [ROUNDS]
#   COLD=16384 docs/bench/purpose-cpu-ab.sh OLD_REV   # 16 MB read before each timed call: the guard's tables from memory
#   NEW_FIRST=1 docs/bench/purpose-cpu-ab.sh OLD_REV  # this tree's build timed first in each round (the other order)
set -euo pipefail
OLD_REV=${1:?old git revision}; TEXTS=${2:-request}; ROUNDS=${3:-6}
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
WORK=$(mktemp -d)
trap 'git worktree remove --force "$WORK/old" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
git worktree add --detach "$WORK/old" "$OLD_REV" >/dev/null 2>&1
(cd "$WORK/old" && ./mvnw -q -B -o -pl gateway compile -Dmaven.compiler.proc=full)
./mvnw -q -B -o -pl gateway dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
# this tree's classes copied, so a build started meanwhile does not change them under the run
cp -r gateway/target/classes "$WORK/new" && cp -r gateway/target/test-classes "$WORK/test"
CP="$WORK/test:$WORK/new:$(cat "$WORK/cp.txt")"
echo "old = $OLD_REV, new = this tree; load $(cut -d' ' -f1 /proc/loadavg)"
"$JAVA_BIN/java" -Xmx1g -cp "$CP" nl.dijkwacht.purpose.PurposeGuardEquivalence "old=$WORK/old/gateway/target/classes" "new=$WORK/new"
BUILDS=("old=$WORK/old/gateway/target/classes" "new=$WORK/new")
[ "${NEW_FIRST:-0}" = 1 ] && BUILDS=("${BUILDS[1]}" "${BUILDS[0]}")
taskset -c 1 "$JAVA_BIN/java" -Xms512m -Xmx512m -Dtexts="$TEXTS" -Dn=5000 -Drounds="$ROUNDS" -Dcold="${COLD:-0}" -cp "$CP" \
  nl.dijkwacht.purpose.PurposeGuardCostComparison "${BUILDS[@]}" | grep -v '^\['
