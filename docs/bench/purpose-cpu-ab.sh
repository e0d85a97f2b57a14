#!/bin/bash
# Interleaved, pinned A/B of CPU time per purpose-guard judge() (PurposeGuardBenchmarkMain.cpuTime: 414 dev prompts,
# 30 rounds after 10 warm-up rounds), each run a fresh JVM on core 1.
#   A = this tree with ForbiddenPurpose + PurposeTokens taken from OLD_REV;  B = this tree as it is.
# Usage, from the repository root after `./mvnw -q -B -o test-compile`:  docs/bench/purpose-cpu-ab.sh OLD_REV [ROUNDS]
set -euo pipefail
OLD_REV=${1:?old git revision}; ROUNDS=${2:-3}
JAVA_BIN=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin
WORK=$(mktemp -d)
./mvnw -q -B -o -pl gateway dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
mkdir -p "$WORK/src/nl/dijkwacht/policy" "$WORK/src/nl/dijkwacht/purpose" "$WORK/old" "$WORK/drv"
git show "$OLD_REV:gateway/src/main/java/nl/dijkwacht/policy/ForbiddenPurpose.java" > "$WORK/src/nl/dijkwacht/policy/ForbiddenPurpose.java"
git show "$OLD_REV:gateway/src/main/java/nl/dijkwacht/purpose/PurposeTokens.java" > "$WORK/src/nl/dijkwacht/purpose/PurposeTokens.java"
"$JAVA_BIN/javac" -d "$WORK/old" -cp gateway/target/classes "$WORK"/src/nl/dijkwacht/*/*.java
cat > "$WORK/drv/CpuAB.java" <<'JAVA'
public class CpuAB {
    public static void main(String[] a) throws Exception {
        var m = Class.forName("nl.dijkwacht.purpose.PurposeGuardBenchmarkMain").getDeclaredMethod("cpuTime");
        m.setAccessible(true);
        System.out.println(a[0] + " " + String.valueOf(m.invoke(null)).replace('\n', ' '));
    }
}
JAVA
"$JAVA_BIN/javac" -d "$WORK/drv" "$WORK/drv/CpuAB.java"
cp -r gateway/target/classes "$WORK/new" && cp -r gateway/target/test-classes "$WORK/test"
CP="$WORK/new:$WORK/test:$(cat "$WORK/cp.txt"):$WORK/drv"
cd gateway
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r, load $(cut -d' ' -f1 /proc/loadavg)"
  taskset -c 1 "$JAVA_BIN/java" -Xms512m -Xmx512m -cp "$WORK/old:$CP" CpuAB "A $OLD_REV"
  taskset -c 1 "$JAVA_BIN/java" -Xms512m -Xmx512m -cp "$CP" CpuAB "B"
done
rm -rf "$WORK"
