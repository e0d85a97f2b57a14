#!/bin/sh
# Purpose guard, fifth round: "new writer" figures without a fresh set. Each earlier round's training corpus (from git
# history) trains a classifier that judges the hand-written parts that corpus was never shaped by, with this tree's
# guard and the thresholds in OPTS (PurposeEvaluation's -Dopts syntax). Tokens and cues are this tree's.
#   round-2 corpus (2d3a536) -> held-out-2, held-out-3;  round-3 corpus (90130f7) -> held-out-3
#   round-4 corpus (86cf4b4, also the fifth round's) -> held-out-4, held-out-5 (both development data since rounds 5 / 6;
#   the corpus was written before either was read), held-out-6 (development data since round 7; also written
#   after that corpus), held-out-7 (development data since round 8; likewise), held-out-8 (development data since
#   round 9; likewise: the round-4 corpus was still the shipped one when it was written), held-out-9 (development data
#   since round 10; likewise: round 9 retrained the model from the unchanged round-4 corpus), held-out-10 (development data
#   since round 11; likewise: round 10 kept the model trained from the round-4 corpus), held-out-11 (development data since round 12;
#   likewise: round 11 kept that model), held-out-12 (development data since round 13; likewise: round 12 kept it),
#   held-out-13 (development data since round 14; likewise: round 13 kept it), held-out-14 (development data since
#   round 15; likewise: round 14 kept it), held-out-15 (development data since round 16; likewise: round 15 kept it),
#   held-out-16 (development data since round 17; likewise: round 16 kept it). An unseen part is never run here.
# Usage, from the repository root after ./mvnw -q -B -o test-compile:
#   OPTS=verdict-on-cases-at=1.0,personal-named-at=1.0,topic-unnamed-below=0 docs/bench/purpose-clean-pairs.sh   # fourth-round decision
#   docs/bench/purpose-clean-pairs.sh                                                                               # shipped defaults
set -e
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cd gateway
CP=target/clean-pairs/classpath.txt
mkdir -p target/clean-pairs
[ -s $CP ] || ../mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=$CP -Dmdep.includeScope=test
run() {
  commit=$1; shift
  dir=target/clean-pairs/$commit
  mkdir -p $dir/src $dir/classes
  for f in PurposeCorpus IndirectPhrasings StaffVoices; do
    git show $commit:gateway/src/test/java/nl/dijkwacht/purpose/$f.java > $dir/src/$f.java 2>/dev/null || rm -f $dir/src/$f.java
  done
  "$JAVA_HOME/bin/javac" -nowarn -d $dir/classes -cp target/test-classes:target/classes:$(cat $CP) $dir/src/*.java
  "$JAVA_HOME/bin/java" -Dopts="$OPTS" -cp $dir/classes:target/test-classes:target/classes:$(cat $CP) \
    nl.dijkwacht.purpose.PurposeCleanPairs "$@" 2>/dev/null | grep "^| " | sed "s/^| /| $commit → /"
}
echo "| corpus → part (n) | forbidden recall | near-miss refused | personal recall | generic refused | wrong |"
echo "|---|---:|---:|---:|---:|---:|"
run 2d3a536 heldout2 heldout3
run 90130f7 heldout3
run 86cf4b4 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 heldout16
exit 0
