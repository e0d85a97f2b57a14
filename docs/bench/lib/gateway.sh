# Sourced by the docs/bench scripts that start gateways: the one place for the bench pack, the JDK, the mock upstream,
# a gateway's start (H2 or PostgreSQL, JVM options, ports), the wait for /readyz, its stop and the cleanup.
#
#   ROOT=<project root>; source "$ROOT/docs/bench/lib/gateway.sh"
#
# Sets on sourcing: JAVA_BIN, JDK_BIN, JCMD (JAVA if set, else Temurin 25, else java on PATH; JAVA is exported for the
# harness and docs/bench/image-start.sh), BENCH (the shared harness: BENCH_DIR, else ../shared/bench or
# ../../shared/bench beside the project — main or a worktree — when found), BENCH_WORK (default ../bench-work).
#
#   bench_require_harness                          exits 2 unless BENCH holds the harness
#   bench_pack DIR [MOCK_PORT] [stripped]          DIR/policies + DIR/models-config: the pack every bench gateway runs
#   bench_mock_start [--cpu C] [--log F] PORT [MockUpstream options]   the harness's mock (MOCK_PID); bench_mock_wait,
#                                                  bench_mock_stop
#   gw_warm URL SECONDS [CONNECTIONS (1)]          wrk on URL/chat/completions, JSON then streamed, SECONDS each;
#                                                  prints wrk's RESULT lines
#   gw_start NAME JAR PORT [options] [-- gateway arguments]   starts a gateway (GW_PID, GW_PORT, GW_MPORT, GW_DIR, …)
#   gw_store_args STORE SCHEMA [PG_APP] [PG_OPTIONS]  the store's gateway arguments (GW_STORE_ARGS), for other launchers
#   gw_ready NAME / gw_wait_ready NAME [SECONDS]   /readyz answers 200 / wait for it (GW_READY: seconds from the start)
#   gw_wait_chain_check NAME [SECONDS]             until its first audit chain check is done (a window after it)
#   gw_allocated NAME                              bytes it allocated on the heap since its start (the eden looked up)
#   gw_stop NAME                                   stops one gateway and drops its schema
#   bench_cleanup, bench_traps                     stops every process in BENCH_PIDS, drops every schema in BENCH_SCHEMAS
#   bench_async_profiler DIR                       async-profiler's library unpacked in DIR (AP_LIB)
# Tests: docs/bench/lib/gateway-test.sh (the pack, the store arguments, the eden lookup; starts nothing).
# Environment: GATEWAY_JAVA_OPTS (the gateways' JVM options; default BENCH_JAVA_OPTS_SHIPPED, the heap the sizing
# figures assume and the G1 setting of the README start and the image), PG_URL (default
# jdbc:postgresql://127.0.0.1:5432/test; trust authentication, user postgres).

BENCH_JAVA_OPTS_SHIPPED="-Xms512m -Xmx512m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45"

JAVA_BIN=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -n 1)}
[ -x "${JAVA_BIN:-}" ] || JAVA_BIN=$(command -v java)
JDK_BIN=$(dirname "$JAVA_BIN"); JCMD=$JDK_BIN/jcmd; [ -x "$JCMD" ] || JCMD=jcmd
export JAVA=$JAVA_BIN
export BENCH_WORK=${BENCH_WORK:-$ROOT/../bench-work}
BENCH=${BENCH_DIR:-}
if [ -z "$BENCH" ]; then
  for _d in "$ROOT/../shared/bench" "$ROOT/../../shared/bench"; do [ -x "$_d/run.sh" ] && BENCH=$(cd "$_d" && pwd) && break; done
fi

bench_require_harness() {
  [ -n "$BENCH" ] && [ -x "$BENCH/run.sh" ] && [ -f "$BENCH/MockUpstream.java" ] \
    || { echo "$(basename "$0"): no bench harness at ${BENCH:-../shared/bench} (set BENCH_DIR)" >&2; exit 2; }
}

# The default pack as it ships (policies/, models-config/ copied unchanged) with ONE model added for the harness —
# models-config/gpt-4o-mini.yaml pointing at the mock upstream on MOCK_PORT (default 18080), allowed in the use-case
# algemene-vragen — and one tool "bench" (the harness's key) whose request cap and the tenant's, user's and
# department's budgets are raised so that the load is not refused (the buckets are still charged on every request).
# "stripped": the old stripped pack (one use-case, no purpose guard, no special categories) — NOT what ships.
bench_pack() { # DIR [MOCK_PORT] [stripped]
  local dir=$1 mock_port=${2:-18080}
  mkdir -p "$dir"
  cp -r "$ROOT/policies" "$ROOT/models-config" "$dir/"
  cat > "$dir/models-config/gpt-4o-mini.yaml" <<YAML
# Added by docs/bench/gateway-bench.sh: the harness's mock upstream, as an on-premises model.
id: gpt-4o-mini
description: Benchmark-upstream (mock van de meetopstelling).
provider: openai-compatible
base-url: http://127.0.0.1:$mock_port/v1
upstream-model: gpt-4o-mini
timeouts: { connect: 2s, response: 30s, stream-idle: 30s }
status: approved
hosting: on-premises
no-training: true
owner: bench
next-evaluation: 2099-12-31
data-classes: [personal-data]
energy-wh-per-1k-tokens: 0.3
YAML
  # allow it in the use-case the bench tool uses (the list stays as it is otherwise)
  sed -i 's/^models: \[/models: [gpt-4o-mini, /' "$dir/policies/use-cases/algemene-vragen.yaml"
  local hash; hash=$(printf '%s' 'sk-bench-not-a-real-key' | sha256sum | cut -d' ' -f1)
  cat >> "$dir/policies/tools.yaml" <<YAML
  - id: bench
    description: Belastingtest (docs/bench/gateway-bench.sh).
    key-sha256: $hash
    default-use-case: algemene-vragen
    use-cases: [algemene-vragen]
YAML
  # the load must not be refused by the tool's cap or the tenant's monthly budget; the buckets are still charged
  sed -i 's/^overrides:$/overrides:\n  tool:\n    bench: { requests-per-minute: 1000000000 }\n  tenant:\n    gemeente: { tokens-per-month: 1000000000000 }\n  user:\n    bench-medewerker: { requests-per-minute: 1000000000, tokens-per-day: 1000000000000, tokens-per-month: 1000000000000 }\n  department:\n    Bench: { tokens-per-day: 1000000000000 }/' \
    "$dir/policies/limits.yaml"
  if [ "${3:-}" = stripped ]; then
    rm -f "$dir/policies/use-cases/"*.yaml
    cat > "$dir/policies/use-cases/algemene-vragen.yaml" <<'YAML'
id: algemene-vragen
title: Stripped bench use-case
purpose: Load test of the gateway against the harness's mock upstream
risk-class: minimal
models: [gpt-4o-mini]
pii:
  default: pseudonymise
YAML
    printf 'evaluation-overdue: refuse\n' > "$dir/policies/governance.yaml"
    sed -i 's/use-cases: \[.*\]/use-cases: [algemene-vragen]/' "$dir/policies/tools.yaml"
    sed -i '/documenten-samenvatten/,+1d' "$dir/policies/limits.yaml"
  fi
}

BENCH_PIDS=(); BENCH_SCHEMAS=(); GW_STORE_ARGS=()
declare -A GW_PID=() GW_PORT=() GW_MPORT=() GW_DIR=() GW_SCHEMA=() GW_T0=() GW_READY=()

bench_mock_start() { # [--cpu C] [--log FILE (default $OUT/mock.log, appended)] PORT [MockUpstream options]
  local pin=() log=${OUT:?}/mock.log
  while [ $# -gt 0 ]; do
    case $1 in --cpu) pin=(taskset -c "$2"); shift 2;; --log) log=$2; shift 2;; *) break;; esac
  done
  MOCK_PORT=$1; shift
  "${pin[@]}" "$JAVA_BIN" -XX:+UseParallelGC -Xms256m -Xmx256m "$BENCH/MockUpstream.java" --port "$MOCK_PORT" "$@" >> "$log" 2>&1 &
  MOCK_PID=$!; BENCH_PIDS+=("$MOCK_PID")
}
bench_mock_wait() { # [SECONDS (60)]: until the mock answers /health
  local _
  for _ in $(seq 1 $((${1:-60} * 5))); do curl -sf "http://127.0.0.1:$MOCK_PORT/health" > /dev/null && return 0; sleep 0.2; done
  echo "mock upstream on port $MOCK_PORT not answering" >&2; return 1
}
bench_mock_stop() { kill "$MOCK_PID" 2>/dev/null || true; wait "$MOCK_PID" 2>/dev/null || true; }

# gw_start NAME JAR PORT [options] [-- gateway arguments]: java -jar JAR in DIR/run (the README's H2 file lands in
# DIR/run/data), logging to DIR/gateway.log, on PORT with management on PORT+100, with the bench pack made in DIR/run.
# Returns at once (gw_wait_ready waits). Options:
#   --store h2|postgres   h2 (default): the README's default datasource, unchanged; postgres: a fresh schema (dropped by
#                         gw_stop / bench_cleanup)
#   --dir D               the gateway's directory (default $OUT/NAME)
#   --pack P              use the pack in P (P/policies, P/models-config) instead of making one in D/run
#   --mock-port M         the mock upstream the pack's bench model points at (default 18080)
#   --stripped            the old stripped pack (gateway-bench.sh's variant)
#   --cpu C               pinned with taskset -c C
#   --jvm "OPTS"          JVM options after GATEWAY_JAVA_OPTS (a word list)
#   --env "N=v ..."       environment for the gateway (a word list)
#   --data D              a stopped gateway's data directory (H2 file, secret.key) copied to D/run/data first
#   --schema S            the PostgreSQL schema's name (default gw_<name>_<epoch>, lower case)
#   --pg-app A            ApplicationName of its PostgreSQL connections (to find its backends in pg_stat_activity)
#   --pg-options "O"      server settings for its connections (e.g. synchronous_commit=off)
gw_start() {
  local name=$1 jar; jar=$(readlink -f "$2"); local port=$3; shift 3
  local store=h2 dir=${OUT:?}/$name pack="" mock_port=18080 variant="" cpu="" jvm="" envs="" data="" schema="" pg_app="" pg_options=""
  while [ $# -gt 0 ]; do
    case $1 in
      --stripped) variant=stripped; shift; continue;;
      --) shift; break;;
      --store) store=$2;; --dir) dir=$2;; --pack) pack=$2;; --mock-port) mock_port=$2;; --cpu) cpu=$2;;
      --jvm) jvm=$2;; --env) envs=$2;; --data) data=$2;; --schema) schema=$2;; --pg-app) pg_app=$2;;
      --pg-options) pg_options=$2;;
      *) echo "gw_start: unknown option $1" >&2; return 2;;
    esac
    shift 2
  done
  mkdir -p "$dir/run"
  if [ -z "$pack" ]; then bench_pack "$dir/run" "$mock_port" "$variant"; pack=$dir/run; fi
  [ -z "$data" ] || cp -r "$data" "$dir/run/data"
  local args=(--server.port="$port" --management.server.port=$((port + 100)) --logging.level.root=WARN
              --dijkwacht.policies-dir="$pack/policies" --dijkwacht.models-dir="$pack/models-config")
  gw_store_args "$store" "${schema:-gw_${name}_$(date +%s)}" "$pg_app" "$pg_options" || return 2
  args+=("${GW_STORE_ARGS[@]}")
  [ "$store" != postgres ] || GW_SCHEMA[$name]=${BENCH_SCHEMAS[-1]}
  local launch=(env) opts=() extra=()
  read -r -a extra <<< "$envs"; launch+=("${extra[@]}")
  [ -z "$cpu" ] || launch+=(taskset -c "$cpu")
  read -r -a opts <<< "${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED} $jvm"   # read, not $jvm unquoted: -Xlog:gc* is no glob
  GW_T0[$name]=$(date +%s.%N)
  (cd "$dir/run" && exec "${launch[@]}" "$JAVA_BIN" "${opts[@]}" -jar "$jar" "${args[@]}" "$@" > "$dir/gateway.log" 2>&1) &
  GW_PID[$name]=$!; GW_PORT[$name]=$port; GW_MPORT[$name]=$((port + 100)); GW_DIR[$name]=$dir; BENCH_PIDS+=("$!")
}

# gw_store_args STORE SCHEMA [PG_APP] [PG_OPTIONS] -> GW_STORE_ARGS: the gateway arguments for the store. h2: none (the
# README's default datasource, an H2 file in ./data); postgres: the schema SCHEMA (lower case; it joins BENCH_SCHEMAS,
# dropped by bench_cleanup), connections named PG_APP, server settings PG_OPTIONS (e.g. synchronous_commit=off).
gw_warm() { # URL (…/v1) SECONDS [CONNECTIONS (1)]: the harness body at c=CONNECTIONS, JSON then streamed
  local s
  for s in 0 1; do
    env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=$s BENCH_MAX_PER_THREAD=0 timeout $(($2 + 30)) \
      wrk -t1 -c"${3:-1}" -d"$2s" --timeout 10s -s "$BENCH/chat.lua" "$1/chat/completions" 2>&1 | grep RESULT \
      | sed "s/^/stream=$s: /" || true
  done
}

gw_store_args() {
  GW_STORE_ARGS=()
  case $1 in
    h2) ;;
    postgres)
      local schema=${2,,}; schema=${schema//[^a-z0-9_]/_}   # the URL's currentSchema is folded, Flyway quotes
      local url="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}?currentSchema=$schema"
      [ -z "${3:-}" ] || url="$url&ApplicationName=$3"
      [ -z "${4:-}" ] || url="$url&options=-c%20${4// /%20}"
      GW_STORE_ARGS=(--spring.datasource.url="$url" --spring.datasource.username=postgres --spring.flyway.schemas="$schema")
      BENCH_SCHEMAS+=("$schema");;
    *) echo "store $1: h2 or postgres" >&2; return 2;;
  esac
}

gw_ready() { # NAME: /readyz answers 200
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${GW_PORT[$1]}/readyz" || true)" = 200 ]
}
gw_wait_ready() { # NAME [SECONDS (300)]: until /readyz answers 200; GW_READY[NAME]: seconds since gw_start, one decimal
  local name=$1 until=$(($(date +%s) + ${2:-300}))
  until gw_ready "$name"; do
    if ! kill -0 "${GW_PID[$name]}" 2>/dev/null || [ "$(date +%s)" -ge "$until" ]; then
      echo "gateway $name did not become ready; see ${GW_DIR[$name]}/gateway.log" >&2
      tail -n 20 "${GW_DIR[$name]}/gateway.log" >&2; return 1
    fi
    sleep 0.1
  done
  # shellcheck disable=SC2034  # read by the scripts
  GW_READY[$name]=$(awk -v a="${GW_T0[$name]}" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b-a}')
}

# The audit chain check (ChainWatch: 60 s after the start, then every dijkwacht.telemetry.chain-check-interval) reads
# every record written so far; a window measured over it carries that walk (alloc22 caught it in alloc-c1.sh's samples).
gw_wait_chain_check() { # NAME [SECONDS after the start (120)]: until dijkwacht_audit_chain_valid is no longer -1 (not yet
  # checked) — or that many seconds after gw_start, for a gateway whose check is off; prints how it ended
  local name=$1 until state; until=$(awk -v t="${GW_T0[$1]}" -v s="${2:-120}" 'BEGIN {printf "%d", t + s}')
  while :; do
    state=$(curl -s --max-time 5 "http://127.0.0.1:${GW_MPORT[$name]}/actuator/prometheus" \
      | awk '/^dijkwacht_audit_chain_valid/ {n++; if ($NF + 0 < 0) p++} END {print (n && !p) ? "done" : "pending"}')
    if [ "$state" = "done" ]; then echo "chain check: done $(awk -v t="${GW_T0[$name]}" -v n="$(date +%s.%N)" 'BEGIN {printf "%.0f", n - t}') s after the start"; return 0; fi
    [ "$(date +%s)" -lt "$until" ] || { echo "chain check: not done ${2:-120} s after the start (off?); measuring anyway"; return 0; }
    sleep 1
  done
}

# gw_allocated NAME: bytes the gateway has allocated on the heap since its start — Micrometer's jvm.gc.memory.allocated
# (the eden emptied by each young collection) plus the eden in use now. Two single metrics, not a Prometheus scrape (a
# scrape allocates megabytes itself). The eden pool's name depends on the collector (G1 Eden Space; Eden Space with
# Serial, PS Eden Space with Parallel — a gateway pinned to one core gets Serial; ZGC Young Generation with generational
# ZGC, whose young collections Micrometer counts the same way), so it is looked up.
gw_allocated() {
  local m="http://127.0.0.1:${GW_MPORT[$1]}/actuator/metrics" eden
  eden=$(curl -s "$m/jvm.memory.used" | bench_eden_pool)
  [ -n "$eden" ] || { echo "gw_allocated $1: no eden pool among jvm.memory.used's ids" >&2; return 1; }
  { curl -s "$m/jvm.gc.memory.allocated"; echo; curl -s "$m/jvm.memory.used?tag=id:${eden// /%20}"; echo; } \
    | bench_sum_measurements
}
bench_eden_pool() { # jvm.memory.used's JSON on stdin -> the id of the eden pool (empty when there is none)
  python3 -c 'import json,sys; print(next((v for t in json.load(sys.stdin).get("availableTags", []) if t["tag"] == "id" for v in t["values"] if "Eden" in v or v == "ZGC Young Generation"), ""))'
}
bench_sum_measurements() { # one metric's JSON per line on stdin -> the sum of their first measurements, bytes
  python3 -c 'import json,sys; print("%.0f" % sum(json.loads(l)["measurements"][0]["value"] for l in sys.stdin if l.strip().startswith("{")))'
}

bench_stop_pid() { # PID: TERM, up to 10 s for it to end, then KILL
  local _
  kill -TERM "$1" 2>/dev/null || return 0
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$1" 2>/dev/null || true
}
bench_drop_schema() { psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $1 CASCADE" > /dev/null 2>&1 || true; }
gw_stop() { # NAME
  bench_stop_pid "${GW_PID[$1]}"
  [ -z "${GW_SCHEMA[$1]:-}" ] || bench_drop_schema "${GW_SCHEMA[$1]}"
}
bench_cleanup() {
  local p s
  for p in "${BENCH_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${BENCH_PIDS[@]}"; do bench_stop_pid "$p"; done
  for s in "${BENCH_SCHEMAS[@]}"; do bench_drop_schema "$s"; done
  BENCH_PIDS=(); BENCH_SCHEMAS=()
}
bench_traps() { # bench_cleanup on exit; INT/TERM end the script (and so run it)
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_async_profiler() { # DIR -> AP_LIB (DIR/linux-x64/libasyncProfiler.so), from Maven Central's tools.profiler:async-profiler
  local jar
  jar=$(ls ~/.m2/repository/tools/profiler/async-profiler/*/async-profiler-*.jar 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$jar" ]; then
    (cd "$ROOT" && ./mvnw -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.2 > /dev/null 2>&1) || true
    jar=$(ls ~/.m2/repository/tools/profiler/async-profiler/*/async-profiler-*.jar 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [ -n "$jar" ] || { echo "async-profiler not found in ~/.m2 (tools.profiler:async-profiler)" >&2; return 1; }
  mkdir -p "$1"; (cd "$1" && unzip -o -q "$jar" 'linux-x64/*')
  # shellcheck disable=SC2034  # read by the scripts
  AP_LIB=$1/linux-x64/libasyncProfiler.so
}
