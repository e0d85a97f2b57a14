#!/usr/bin/env bash
# Where a gateway's start-up time goes: starts the jar once (extracted as the image does it) with Spring's
# BufferingApplicationStartup (docs/bench/StartupTimeline.java) and writes the refresh phases and the beans with the
# longest own creation time to $BENCH_WORK/startup-timeline/<stamp>/timeline.md (raw steps: timeline.md.tsv).
#
#   docs/bench/startup-timeline.sh [--port-base P] [--warm-up] [--aot] [--store h2|postgres] [gateway.jar]
#                                  [-- gateway arguments...]
#
# Default pack as shipped (policies/, models-config/), the README's H2 file store in a fresh directory (--store postgres:
# PostgreSQL 127.0.0.1:5432 db test, a fresh schema per start, dropped at the end), the shipped JVM options
# (GATEWAY_JAVA_OPTS, default -Xms512m -Xmx512m and G1's fixed IHOP); the start-up warm-up is off unless --warm-up (it runs after the context, as an ApplicationRunner, and its
# own log line says how long it took). The jar defaults to gateway/target's. Environment: JAVA (default: temurin 25),
# GATEWAY_JAVA_OPTS, BENCH_WORK. --aot: first a training run (warm-up on, -XX:AOTCacheOutput, as deploy/aot-train.sh
# but through this launcher, so the class path is the same), then the measured start with -XX:AOTCache.
# Ports (--port-base P, default 18540): gateway P, management P+1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the JDK, the store's arguments, the cleanup
source "$ROOT/docs/bench/image-start.sh"   # image_layout: the jar extracted as the image does it
PORT=18540; WARM=false; AOT=0; STORE=h2
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT=$2; shift 2;;
    --store) STORE=$2; shift 2;;
    --warm-up) WARM=true; shift;;
    --aot) AOT=1; shift;;
    --) shift; break;;
    -*) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2;;
    *) JAR=$1; shift;;
  esac
done
JAR=$(realpath "${JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar | grep -v original | head -n 1)}")
OUT=$BENCH_WORK/startup-timeline/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT/run"
bench_traps
image_layout "$JAR" "$OUT"
CP="$OUT/app/app.jar:$(ls "$OUT"/app/lib/*.jar | tr '\n' ':')"
mkdir -p "$OUT/launcher"
"$JDK_BIN/javac" -nowarn -cp "$CP" -d "$OUT/launcher" "$ROOT/docs/bench/StartupTimeline.java"
"$JDK_BIN/jar" cf "$OUT/launcher.jar" -C "$OUT/launcher" . && rm -rf "$OUT/launcher"   # the AOT cache takes jars only
CP="$CP$OUT/launcher.jar"
echo "startup-timeline: $(basename "$JAR"), store $STORE, load average $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
launch() { # warm-up(true|false) output-prefix extra JVM options...
  local warm=$1 prefix=$2; shift 2
  rm -rf "$OUT/run"; mkdir -p "$OUT/run"
  gw_store_args "$STORE" "timeline_${prefix}_$(date +%s)"
  local opts; read -r -a opts <<< "${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED}"
  (cd "$OUT/run" && "$JAVA_BIN" "${opts[@]}" "$@" -Dtimeline.out="$OUT/$prefix.md" -cp "$CP" \
      StartupTimeline --server.port="$PORT" --management.server.port=$((PORT + 1)) \
      --dijkwacht.warm-up.enabled="$warm" --dijkwacht.policies-dir="$ROOT/policies" --dijkwacht.models-dir="$ROOT/models-config" \
      "${GW_STORE_ARGS[@]}" "${GW_ARGS[@]}" > "$OUT/$prefix.log" 2>&1) || { echo "startup-timeline: the gateway failed; see $OUT/$prefix.log" >&2; exit 1; }
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
