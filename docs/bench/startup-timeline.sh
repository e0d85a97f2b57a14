#!/usr/bin/env bash
# Where a gateway's start-up time goes: starts the jar once (extracted as the image does it) with Spring's
# BufferingApplicationStartup (docs/bench/StartupTimeline.java) and writes the refresh phases and the beans with the
# longest own creation time to $BENCH_WORK/startup-timeline/<stamp>/timeline.md (raw steps: timeline.md.tsv).
#
#   docs/bench/startup-timeline.sh [--port-base P] [--warm-up] [gateway.jar] [-- gateway arguments...]
#
# Default pack as shipped (policies/, models-config/), the README's H2 file store in a fresh directory, -Xms512m
# -Xmx512m; the start-up warm-up is off unless --warm-up (it runs after the context, as an ApplicationRunner, and its
# own log line says how long it took). The jar defaults to gateway/target's. Environment: JAVA (default: temurin 25),
# GATEWAY_JAVA_OPTS (e.g. add -XX:AOTCache=... of a cache trained on the same extracted jar), BENCH_WORK.
# Ports (--port-base P, default 18540): gateway P, management P+1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export BENCH_WORK=${BENCH_WORK:-$ROOT/../bench-work}
PORT=18540; WARM=false
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT=$2; shift 2;;
    --warm-up) WARM=true; shift;;
    --) shift; break;;
    -*) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2;;
    *) JAR=$1; shift;;
  esac
done
JAR=$(realpath "${JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar | grep -v original | head -n 1)}")
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}; JAVA=${JAVA:-java}
OUT=$BENCH_WORK/startup-timeline/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT/x" "$OUT/app" "$OUT/run"
cp "$JAR" "$OUT/x/app.jar"
(cd "$OUT/x" && "$JAVA" -Djarmode=tools -jar app.jar extract --layers --destination extracted > /dev/null)
for layer in dependencies snapshot-dependencies application; do cp -r "$OUT/x/extracted/$layer/." "$OUT/app/"; done
rm -rf "$OUT/x"
CP="$OUT/app/app.jar:$(ls "$OUT"/app/lib/*.jar | tr '\n' ':')"
echo "startup-timeline: $(basename "$JAR"), load average $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
# shellcheck disable=SC2086
(cd "$OUT/run" && "$JAVA" ${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m} -Dtimeline.out="$OUT/timeline.md" -cp "$CP" \
    "$ROOT/docs/bench/StartupTimeline.java" --server.port="$PORT" --management.server.port=$((PORT + 1)) \
    --dijkwacht.warm-up.enabled="$WARM" --dijkwacht.policies-dir="$ROOT/policies" --dijkwacht.models-dir="$ROOT/models-config" \
    "$@" > "$OUT/gateway.log" 2>&1) || { echo "startup-timeline: the gateway failed; see $OUT/gateway.log" >&2; exit 1; }
grep -ho 'Started DijkwachtApplication.*\|warm-up: .*' "$OUT/gateway.log" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.md"
cat "$OUT/timeline.md"
