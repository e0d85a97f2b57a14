#!/usr/bin/env bash
# Where a gateway's start-up time goes: starts the jar once (extracted as the image does it) with Spring's
# BufferingApplicationStartup (docs/bench/StartupTimeline.java) and writes the refresh phases and the beans with the
# longest own creation time to $BENCH_WORK/startup-timeline/<stamp>/timeline.md (raw steps: timeline.md.tsv).
#
#   docs/bench/startup-timeline.sh [--port-base P] [--warm-up] [--aot] [gateway.jar] [-- gateway arguments...]
#
# Default pack as shipped (policies/, models-config/), the README's H2 file store in a fresh directory, -Xms512m
# -Xmx512m; the start-up warm-up is off unless --warm-up (it runs after the context, as an ApplicationRunner, and its
# own log line says how long it took). The jar defaults to gateway/target's. Environment: JAVA (default: temurin 25),
# GATEWAY_JAVA_OPTS, BENCH_WORK. --aot: first a training run (warm-up on, -XX:AOTCacheOutput, as deploy/aot-train.sh
# but through this launcher, so the class path is the same), then the measured start with -XX:AOTCache.
# Ports (--port-base P, default 18540): gateway P, management P+1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export BENCH_WORK=${BENCH_WORK:-$ROOT/../bench-work}
PORT=18540; WARM=false; AOT=0
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT=$2; shift 2;;
    --warm-up) WARM=true; shift;;
    --aot) AOT=1; shift;;
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
mkdir -p "$OUT/launcher"
"$(dirname "$JAVA")/javac" -nowarn -cp "$CP" -d "$OUT/launcher" "$ROOT/docs/bench/StartupTimeline.java"
"$(dirname "$JAVA")/jar" cf "$OUT/launcher.jar" -C "$OUT/launcher" . && rm -rf "$OUT/launcher"   # the AOT cache takes jars only
CP="$CP$OUT/launcher.jar"
echo "startup-timeline: $(basename "$JAR"), load average $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
launch() { # warm-up(true|false) output-prefix extra JVM options...
  local warm=$1 prefix=$2; shift 2
  rm -rf "$OUT/run"; mkdir -p "$OUT/run"
  # shellcheck disable=SC2086
  (cd "$OUT/run" && "$JAVA" ${GATEWAY_JAVA_OPTS:--Xms512m -Xmx512m} "$@" -Dtimeline.out="$OUT/$prefix.md" -cp "$CP" \
      StartupTimeline --server.port="$PORT" --management.server.port=$((PORT + 1)) \
      --dijkwacht.warm-up.enabled="$warm" --dijkwacht.policies-dir="$ROOT/policies" --dijkwacht.models-dir="$ROOT/models-config" \
      "${GW_ARGS[@]}" > "$OUT/$prefix.log" 2>&1) || { echo "startup-timeline: the gateway failed; see $OUT/$prefix.log" >&2; exit 1; }
}
GW_ARGS=("$@")
if [ "$AOT" = 1 ]; then
  t=$(date +%s); launch true training -XX:AOTCacheOutput="$OUT/app.aot"
  echo "training run: $(( $(date +%s) - t )) s, cache $(du -h "$OUT/app.aot" | cut -f1)"
  launch "$WARM" timeline -XX:AOTCache="$OUT/app.aot"
else
  launch "$WARM" timeline
fi
grep -ho 'Started DijkwachtApplication.*\|warm-up: .*\|\[warning\]\[aot.*' "$OUT/timeline.log" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/timeline.md"
cat "$OUT/timeline.md"
