#!/bin/bash
# Training run for the JDK's ahead-of-time cache (JDK 25, JEP 483/514/515): loaded and linked classes and method
# profiles of a real start, so that every later start of the same jar loads faster and reaches compiled code sooner.
#
#   deploy/aot-train.sh <cache file> <application jar> [gateway arguments...]
#
# Starts the gateway from the EXTRACTED jar (java -Djarmode=tools -jar gateway.jar extract; classes inside the nested
# Spring Boot jar cannot be cached) with -XX:AOTCacheOutput=<cache file>, waits until /readyz answers — by then the
# start-up warm-up (api.warmup.StartupWarmUp) has sent its made-up requests over HTTP through the whole request path —, stops
# it with SIGTERM and waits until the JVM has written the cache at exit. Afterwards start the same jar, with the same
# JDK and the same class path, as `java -XX:AOTCache=<cache file> -jar <application jar>`.
#
# Used by deploy/Dockerfile (in the image build) and by docs/bench/aot-effect.sh (the same commands outside a
# container). Environment: JAVA (default: java on PATH), JAVA_OPTS (extra JVM options for the training run; keep them
# as in production), TRAIN_PORT (default 18070; management port TRAIN_PORT+1), TRAIN_TIMEOUT (seconds, default 600).
# Nothing the training run writes is kept except the cache: give it a throw-away data directory
# (DIJKWACHT_DATA_DIR, or --dijkwacht.data-dir=...) and delete that afterwards.
# The training run's warm-up is not held to the 30 s start-up budget of a production start: it runs until the JIT
# compiler is quiet under its requests (at most TRAIN_WARMUP_TIME, default 120s), so the cache holds the profiles of a
# fully compiled request path. (Environment variables, not arguments: a property given twice on the command line
# would be read as a list.)
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
cache=$1; jar=$2; shift 2
java=${JAVA:-java}
port=${TRAIN_PORT:-18070}
timeout=${TRAIN_TIMEOUT:-600}
rm -f "$cache"
export DIJKWACHT_WARMUP_READYWITHIN=0s   # also where the image sets a start-up budget for production starts
export DIJKWACHT_WARMUP_MAXTIME=${TRAIN_WARMUP_TIME:-120s}
export DIJKWACHT_WARMUP_MINTIME=${DIJKWACHT_WARMUP_MINTIME:-20s}
export DIJKWACHT_WARMUP_REQUESTS=${DIJKWACHT_WARMUP_REQUESTS:-200000}
# shellcheck disable=SC2086
"$java" ${JAVA_OPTS:-} -XX:AOTCacheOutput="$cache" -jar "$jar" \
    --server.port="$port" --management.server.port=$((port + 1)) --management.server.address=127.0.0.1 "$@" &
pid=$!
trap 'kill -KILL "$pid" 2>/dev/null || true' EXIT

# readiness over plain bash (no curl in a JRE base image): GET /readyz until 200
ready() {
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null || return 1
  printf 'GET /readyz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  IFS= read -r -t 5 status <&3 || status=""
  exec 3<&- 3>&-
  [[ $status == *" 200"* ]]
}
start=$SECONDS
until ready; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "aot-train: the gateway exited before it was ready" >&2; exit 1; fi
  if (( SECONDS - start > timeout )); then echo "aot-train: not ready within ${timeout} s" >&2; exit 1; fi
  sleep 1
done
echo "aot-train: ready after $((SECONDS - start)) s (warm-up done); stopping to write the cache"
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
trap - EXIT
# 143 = ended by the SIGTERM we sent: a normal Spring Boot shutdown
if [ "$status" -ne 0 ] && [ "$status" -ne 143 ]; then echo "aot-train: the gateway ended with $status" >&2; exit 1; fi
[ -s "$cache" ] || { echo "aot-train: no cache written at $cache" >&2; exit 1; }
echo "aot-train: $cache ($(du -h "$cache" | cut -f1))"
