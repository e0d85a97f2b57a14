#!/usr/bin/env bash
# Measures Dijkwacht with the shared load harness (../shared/bench): builds the gateway, starts it with a
# bench policy pack whose model "gpt-4o-mini" points at the harness's mock upstream, and runs compare.sh
# with the gateway as an extra target next to nginx and Portkey. Extra arguments go to compare.sh
# (e.g. --runs 1 --only-extra, --chunk-delay-ms 10). Results land in $BENCH_WORK/results/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH=${BENCH_DIR:-$ROOT/../shared/bench}
export BENCH_WORK=${BENCH_WORK:-$ROOT/../bench-work}
PORT=${GATEWAY_PORT:-18090}
mkdir -p "$BENCH_WORK"

cd "$ROOT"
./mvnw -q -B -pl gateway -am package -DskipTests
JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
JAVA_BIN=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1)/bin/java
[ -x "$JAVA_BIN" ] || JAVA_BIN=java

PACK=$(mktemp -d)
trap 'kill "${GW_PID:-}" 2>/dev/null || true; rm -rf "$PACK"' EXIT
mkdir -p "$PACK/policies/use-cases" "$PACK/models-config" "$PACK/data"
cat > "$PACK/policies/tools.yaml" <<YAML
tools:
  - id: bench
    key-sha256: $(printf '%s' 'sk-bench-not-a-real-key' | sha256sum | cut -d' ' -f1)
    default-use-case: bench
YAML
cat > "$PACK/policies/use-cases/bench.yaml" <<'YAML'
id: bench
purpose: Load test of the gateway against the harness's mock upstream
risk-class: minimal
models: [gpt-4o-mini]
pii:
  default: pseudonymise
YAML
cat > "$PACK/models-config/gpt-4o-mini.yaml" <<'YAML'
id: gpt-4o-mini
provider: openai-compatible
base-url: http://127.0.0.1:18080/v1
upstream-model: gpt-4o-mini
timeouts: { connect: 2s, response: 30s, stream-idle: 30s }
status: approved
hosting: on-premises
owner: bench
next-evaluation: 2099-12-31
data-classes: [personal-data]
YAML

"$JAVA_BIN" ${GATEWAY_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$JAR" \
  --server.port="$PORT" --management.server.port="${GATEWAY_MANAGEMENT_PORT:-0}" \
  --dijkwacht.policies-dir="$PACK/policies" --dijkwacht.models-dir="$PACK/models-config" \
  --dijkwacht.data-dir="$PACK/data" \
  --spring.datasource.url="${BENCH_DATASOURCE_URL:-jdbc:h2:file:$PACK/data/audit}" \
  --dijkwacht.limits.requests-per-minute=1000000000 \
  --logging.level.root=WARN > "$BENCH_WORK/gateway.log" 2>&1 &
GW_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 1; done
if ! curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; then
  echo "gateway did not start; see $BENCH_WORK/gateway.log" >&2
  tail -n 20 "$BENCH_WORK/gateway.log" >&2
  exit 1
fi

"$BENCH/compare.sh" --target dijkwacht="http://127.0.0.1:$PORT/v1" --pid dijkwacht="$GW_PID" "$@"
