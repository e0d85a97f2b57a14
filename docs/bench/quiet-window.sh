#!/usr/bin/env bash
# Every figure of docs/benchmarks.md that needs a quiet machine, in priority order, each with its own log, so that
# a window that ends early still leaves the most important figures. Run from the project root on an otherwise idle
# machine (build first: ./mvnw -q -B -pl gateway -am package -DskipTests && ./mvnw -q -B -pl gateway test-compile).
#
#   docs/bench/quiet-window.sh [step ...]      steps: build ship console jwt-redis audit-store pii purpose (default: these)
#                                              and the optional c1 warm-up
#
# build       clean package (annotation processing on, so JMH's harness is generated) and the test class path (~2 min)
# ship        issue 15: default pack on H2 (README default) and PostgreSQL beside nginx and Portkey, c=1/64,
#             JSON/stream; first minute; 1,000 open streams; flame graph                        (~10 min)
# console     issue 12: console page loads over 1,000,000 records on PostgreSQL (schema filled beforehand with
#             -Ddw.schema=dw_bench_console_1m -Ddw.keep=true -Ddw.fill-only=true)                (~3 min)
# jwt-redis   issue 8: added latency of the staff token (JWT) and of Redis-backed limits, c=1/64 JSON (~3 min)
# audit-store issue 15: audit writer throughput and bytes per record, H2 file and PostgreSQL      (~3 min)
# pii         PII engine JMH 1 KB / 10 KB                                                       (~3 min)
# purpose     purpose guard in-process latency                                                   (~1 min)
# Optional steps (not in the default list; name them):
# c1          what the c=1 added latency is made of: H2 (with file syncs under strace), PostgreSQL with and
#             without synchronous_commit (the WAL flush's share by difference)                   (~8 min)
# warm-up     start-up warm-up over HTTP (A) against direct (B) on the same jar, first minute   (~3 min)
# c1-tail     the PostgreSQL c=1 tail request by request (docs/bench/c1-tail.sh --store postgres: per request slower
#             than 5 ms the largest of: other processes on the gateway's core, a JDBC read that waited >= 1 ms,
#             PostgreSQL's processes, a checkpoint's sync phase, GC, JIT)                            (~5 min)
# stream-cost what a streamed request costs over a JSON one on PostgreSQL, the same jar twice, interleaved rounds
#             (docs/bench/ab-cpu.sh --store postgres --modes json/stream, one core, c=64)                (~6 min)
# Output: $BENCH_WORK/quiet-window/<stamp>/<step>.log (BENCH_WORK default ../bench-work).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export BENCH_WORK=${BENCH_WORK:-$ROOT/../bench-work}
OUT=$BENCH_WORK/quiet-window/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
STEPS=${*:-build ship console jwt-redis audit-store pii purpose}
JAVA_BIN=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)/bin/java
cd "$ROOT"
step() { echo "== $(date -u +%H:%M:%S) $1"; }
for s in $STEPS; do
  step "$s" | tee -a "$OUT/steps.txt"
  case $s in
    build)
      { ./mvnw -q -B -pl gateway -am clean package -DskipTests -Dmaven.compiler.proc=full \
        && ./mvnw -q -B -o -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
             -Dmdep.outputFile=target/test-classpath.txt; } > "$OUT/build.log" 2>&1;;
    ship)
      docs/bench/gateway-bench.sh --skip-build --stores "h2 postgres" --first-minute 5 --streams 1000 --profile 30 \
        -- --runs 1 --duration 10 --warmup 4 > "$OUT/ship.log" 2>&1;;
    jwt-redis)
      docs/bench/gateway-bench.sh --skip-build --stores h2 --variants "jwt redis" --first-minute 0 \
        -- --runs 1 --duration 10 --warmup 4 --modes json --only-extra > "$OUT/jwt-redis.log" 2>&1;;
    console)
      DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dmaven.compiler.proc=full -Dtest=ConsoleDashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -Ddw.records=1000000 -Ddw.runs=20 -Ddw.schema=dw_bench_console_1m -Ddw.keep=true > "$OUT/console.log" 2>&1
      grep BENCH gateway/target/surefire-reports/nl.dijkwacht.console.ConsoleDashboardBenchmark-output.txt >> "$OUT/console.log";;
    audit-store)
      DW_BENCH=1 ./mvnw -q -B -o -pl gateway test -Dmaven.compiler.proc=full -Dtest=AuditStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
        -Ddw.records=20000 -Ddw.writers=1,64 > "$OUT/audit-store.log" 2>&1
      grep BENCH gateway/target/surefire-reports/nl.dijkwacht.audit.AuditStoreBenchmark-output.txt >> "$OUT/audit-store.log";;
    pii)
      (cd gateway && "$JAVA_BIN" -Xms512m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
        nl.dijkwacht.pii.PiiEngineBenchmarkMain) > "$OUT/pii.log" 2>&1;;
    purpose)
      ./mvnw -q -B -o -pl gateway exec:exec@purpose-eval -Dmaven.compiler.proc=full -Dguard=layered -Dopts=latency > "$OUT/purpose.log" 2>&1;;
    c1)
      JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
      { docs/bench/c1-breakdown.sh "$JAR" --store h2
        docs/bench/c1-breakdown.sh "$JAR" --store postgres --no-strace
        PG_OPTIONS=synchronous_commit=off docs/bench/c1-breakdown.sh "$JAR" --store postgres --no-strace; } > "$OUT/c1.log" 2>&1;;
    warm-up)
      JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
      B_ARGS=--dijkwacht.warm-up.over-http=false docs/bench/first-minute-ab.sh --slices 6 "$JAR" "$JAR" > "$OUT/warm-up.log" 2>&1;;
    c1-tail)
      JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
      docs/bench/c1-tail.sh "$JAR" --store postgres --warmup 60 --seconds 90 > "$OUT/c1-tail.log" 2>&1;;
    stream-cost)
      JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
      docs/bench/ab-cpu.sh "$JAR" "$JAR" --store postgres --modes json/stream --warmup 40 --rounds 3 > "$OUT/stream-cost.log" 2>&1;;
    *) echo "unknown step $s";;
  esac
  echo "   $(date -u +%H:%M:%S) done ($s), log $OUT/$s.log" | tee -a "$OUT/steps.txt"
done
echo "quiet window: $OUT"
