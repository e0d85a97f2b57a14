#!/usr/bin/env bash
# Measures Dijkwacht as it ships, with the shared load harness (../shared/bench), next to nginx and Portkey.
#
#   docs/bench/gateway-bench.sh [options] [-- compare.sh options]
#
# What runs (bench_pack in docs/bench/lib/gateway.sh, the pack of every bench script that starts a gateway): the
# default policy pack (policies/, models-config/ copied unchanged) with ONE model added for the harness —
# models-config/gpt-4o-mini.yaml pointing at the harness's mock upstream, allowed in the use-case algemene-vragen — and
# one tool "bench" (the harness's key, default use-case algemene-vragen) whose request cap and the tenant's token budget
# are raised so that the load is not refused (the buckets are still charged on every request). The request is the
# harness's 1.1 KB Dutch prompt: purpose guard, PII engine with the name model,
# pseudonymisation, token budget, disclaimer and the durable audit record all run on every request.
#
# Stores (one gateway process each, all measured in the same compare.sh run):
#   h2        the README's default datasource: embedded H2 file ./data/dijkwacht-audit (journal mode, durable),
#             exactly application.yaml's URL (the gateway runs in its own directory)
#   postgres  PostgreSQL 127.0.0.1:5432 db test, a fresh schema per run (dropped afterwards)
# Extra variants (labelled rows; off unless named in --variants):
#   jwt       h2 + the staff member's OIDC access token (RS256, verified against a JWKS served on loopback)
#   redis     h2 + limits in Redis 127.0.0.1:6379 (dijkwacht.limits.redis-url)
#   stripped  h2 + the old stripped pack (one use-case, no purpose guard, no special categories) — NOT what ships
#   image     h2, started as the container image starts it (deploy/Dockerfile, docs/bench/image-start.sh): the jar
#             extracted to app.jar + lib/, the JDK's AOT cache trained first by deploy/aot-train.sh on the default pack
#             (training port 18070), -XX:AOTCache, and the image's DIJKWACHT_WARMUP_* settings (ready within 30 s)
#
# Phases for every gateway, all in the same process:
#   1. start-up: seconds until /readyz answers 200 (the gateway warms its pipeline before it reports ready)
#   2. first minute: right after readiness, FIRST_MINUTE slices of 10 s at c=1 JSON against a mock of our own
#      (p50/p99/req/s and CPU, JIT and GC time per request per slice)
#   3. steady state: compare.sh with nginx, Portkey and every gateway (its own mock; ≥ 60 s after start)
# During all phases a sampler records, every 5 s, the gateway's CPU time split into JIT compiler threads, GC
# threads and the rest, and the requests it served (dijkwacht_requests_total), into <results>/<name>/samples.tsv;
# the GC log is <results>/<name>/gc.log and `jcmd Compiler` counters are taken after each phase.
#
# Options:
#   --stores "h2 postgres"      stores to measure (default both)
#   --variants "jwt redis stripped image"   extra labelled rows (default none)
#   --first-minute N            10-second slices in phase 2 (default 6; 0 = skip)
#   --no-steady                 skip phase 3
#   --streams N                 phase 2b: N concurrent streams held open ~30 s (mock: 600 chunks, 50 ms apart) against
#                               the first gateway; heap after full GC and RSS idle vs. with N open, errors
#   --streams-seconds S         how long wrk keeps the N connections busy (default 45): long enough that the first
#                               streams end and wrk opens new ones, the moment the mock closes pooled connections; on a
#                               busy machine a stream takes up to 40 s instead of 30, so use 75 there
#   --profile S                 phase 2c: S seconds of c=64 JSON load on the first gateway under async-profiler (Maven
#                               Central tools.profiler:async-profiler; JFR when it cannot attach): collapsed stacks and a
#                               flame graph SVG (docs/bench/flamegraph.py) in <results>/<name>/
#                               phase 2d: the same S seconds at c=64 (not profiled) on every other gateway, and
#                               15 s of c=64 streamed when --streams ran on the first, so all enter the steady-state
#                               comparison equally warm
#   --first-chunk N             phase 3b (default 200; 0 = skip): the streamed first chunk on a KEPT-ALIVE connection,
#                               as an SDK-based tool sees it — N sequential streamed requests per target, interleaved
#                               (docs/bench/stream-first-chunk.py: the mock alone, nginx and Portkey when installed, every
#                               gateway); the report puts it beside compare.sh's probe, which opens a new connection
#                               per request (curl) and times the first byte, so it includes connection set-up
#   --timed-c1 S                phase 3c (default 20; 0 = skip): c=1 JSON for S seconds per target with every request
#                               timed (docs/bench/c1-tail-timed.lua; the mock alone, then every gateway without extra
#                               headers), after a 5-s warm-up each: the requests' own p50/p99 beside wrk's p99, which
#                               counts a stall of S ms as about S requests (docs/bench/wrk-p99.py gives both)
#   --skip-build                use the jar already in gateway/target
# Everything after -- goes to compare.sh (e.g. --runs 1 --duration 15 --warmup 5 --only-extra --chunk-delay-ms 10).
# Environment: BENCH_DIR (the harness; default ../shared/bench), BENCH_WORK (writable work dir), GATEWAY_JAVA_OPTS
# (default -Xms512m -Xmx512m -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45: the heap the sizing figures assume and the
# collector setting the README start and the image use), PG_URL (default jdbc:postgresql://127.0.0.1:5432/test).
# Ports: gateways 18090-18094 (management 18190-18194), JWKS 18095, mock 18080 (compare.sh's own defaults).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"   # the pack, the JDK, the mock, gw_start / gw_wait_ready, the cleanup
bench_require_harness
[ -x "$BENCH/compare.sh" ] || { echo "gateway-bench: set BENCH_DIR to the shared harness" >&2; exit 1; }
STORES="h2 postgres"; VARIANTS=""; FIRST_MINUTE=6; STEADY=1; BUILD=1; STREAMS=0; STREAMS_SECONDS=45; PROFILE=0; FIRST_CHUNK=200; TIMED_C1=20
while [ $# -gt 0 ]; do
  case $1 in
    --stores) STORES=$2; shift 2;;
    --variants) VARIANTS=$2; shift 2;;
    --first-minute) FIRST_MINUTE=$2; shift 2;;
    --no-steady) STEADY=0; shift;;
    --streams) STREAMS=$2; shift 2;;
    --streams-seconds) STREAMS_SECONDS=$2; shift 2;;
    --profile) PROFILE=$2; shift 2;;
    --first-chunk) FIRST_CHUNK=$2; shift 2;;
    --timed-c1) TIMED_C1=$2; shift 2;;
    --skip-build) BUILD=0; shift;;
    --) shift; break;;
    *) break;;   # the rest goes to compare.sh
  esac
done
COMPARE_ARGS=("$@")
mkdir -p "$BENCH_WORK"
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=$BENCH_WORK/gateway-bench/$STAMP
mkdir -p "$OUT"
echo "gateway-bench: results in $OUT"

cd "$ROOT"
if [ "$BUILD" = 1 ]; then ./mvnw -q -B -pl gateway -am package -DskipTests; fi
JAR=$(ls gateway/target/gateway-*.jar | grep -v original | head -n 1)
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
source "$ROOT/docs/bench/image-start.sh"   # the image variant: image_layout, image_train, image_env

SAMPLERS=()
cleanup() {
  local p
  for p in "${SAMPLERS[@]}"; do kill "$p" 2>/dev/null || true; done
  bench_cleanup
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- JWKS + token for the jwt variant ----
JWT_TOKEN=""
setup_jwt() {
  local d=$OUT/jwt-issuer; mkdir -p "$d/www/.well-known"
  "$JAVA_BIN" "$ROOT/docs/bench/BenchToken.java" "$d/www/jwks.json" "http://127.0.0.1:18095" > "$d/token"
  JWT_TOKEN=$(cat "$d/token")
  (cd "$d/www" && exec python3 -m http.server 18095 --bind 127.0.0.1 > "$d/http.log" 2>&1) &
  BENCH_PIDS+=($!)
}

# ---- sampler: CPU split (JIT / GC / rest) and requests served, every 5 s ----
sample_loop() { # pid mgmtport file
  local pid=$1 mport=$2 f=$3
  set +e +o pipefail   # a failed scrape (gateway still starting) must not end the sampler
  printf 'epoch\tcpu_ticks\tjit_ticks\tgc_ticks\trequests\n' > "$f"
  while kill -0 "$pid" 2>/dev/null; do
    local req ticks
    req=$(curl -s --max-time 2 "http://127.0.0.1:$mport/actuator/prometheus" 2>/dev/null \
          | awk '/^dijkwacht_requests_total/ {s+=$NF} END {printf "%.0f", s}')
    # a thread that ends between the glob and its read makes cat fail; the other threads' ticks still count
    ticks=$({ cat /proc/"$pid"/task/*/stat 2>/dev/null || true; } | awk '{
        i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1); split(substr($0,j+2),f," ");
        t=f[12]+f[13]; all+=t;
        if (comm ~ /^C[12] Compiler/) jit+=t; else if (comm ~ /^(GC Thread|G1 |GC )/) gc+=t }
        END {printf "%d\t%d\t%d", all, jit, gc}')
    printf '%s\t%s\t%s\n' "$(date +%s.%N)" "$ticks" "${req:-0}" >> "$f"
    sleep 5
  done
}
status_counts() { # mgmtport -> "status count" lines: the gateway's answers so far (actuator excluded), by HTTP status
  { curl -s --max-time 10 "http://127.0.0.1:$1/actuator/prometheus" || true; } \
    | awk '/^http_server_requests_seconds_count\{/ && !/uri="\/actuator/ {
             match($0, /status="[0-9]+"/); s=substr($0, RSTART+8, RLENGTH-9); n[s]+=$NF }
           END {for (s in n) printf "%s %.0f\n", s, n[s]}' | sort || true
}
snapshot() { # name label -> one line in <name>/phases.tsv (cumulative values) + jcmd compiler counters
  local n=$1 label=$2 pid=${GW_PID[$1]} mport=${GW_MPORT[$1]}
  local req ticks
  req=$(curl -s --max-time 5 "http://127.0.0.1:$mport/actuator/prometheus" | awk '/^dijkwacht_requests_total/ {s+=$NF} END {printf "%.0f", s}') || req=0
  # a thread that ends between the glob and its read makes cat fail; the other threads' ticks still count
  ticks=$({ cat /proc/"$pid"/task/*/stat 2>/dev/null || true; } | awk '{
      i=index($0,"("); j=index($0,") "); comm=substr($0,i+1,j-i-1); split(substr($0,j+2),f," ");
      t=f[12]+f[13]; all+=t; if (comm ~ /^C[12] Compiler/) jit+=t; else if (comm ~ /^(GC Thread|G1 |GC )/) gc+=t }
      END {printf "%d\t%d\t%d", all, jit, gc}') || ticks="0	0	0"
  printf '%s\t%s\t%s\t%s\n' "$label" "$(date +%s.%N)" "$ticks" "${req:-0}" >> "$OUT/$n/phases.tsv"
  { echo "== $label"; "$JCMD" "$pid" PerfCounter.print 2>/dev/null \
      | grep -E '^(sun\.ci\.(totalTime|totalCompiles|totalBailouts|totalInvalidates|osrTime|standardTime|nmethodCodeSize)|java\.ci\.totalTime|sun\.gc\.collector\.[0-9]\.(invocations|time)|sun\.os\.hrt\.frequency)='; } \
      >> "$OUT/$n/jit-gc-counters.txt" 2>&1 || true
}

declare -A GW_HDR=()
start_gateway() { # name port store [variant]
  local n=$1 port=$2 store=$3 variant=${4:-}
  local dir=$OUT/$n; mkdir -p "$dir"
  local jar=$JAR jvm="-Xlog:gc*:file=$dir/gc.log:uptime,level,tags" opts=(--store "$store" --schema "bench_${n//-/_}_$STAMP") args=()
  if [ "$variant" = image ]; then
    image_layout "$JAR" "$dir/image"
    local t; t=$(date +%s)
    image_train "$dir/image/app" 18070 "$dir/aot-train.log" "${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED}" \
      || { echo "gateway $n: the AOT training run failed; see $dir/aot-train.log" >&2; exit 1; }
    echo "gateway $n: AOT cache trained in $(( $(date +%s) - t )) s ($(tail -n 1 "$dir/aot-train.log"))"
    jar=$dir/image/app/app.jar; jvm="-XX:AOTCache=$dir/image/app/app.aot $jvm"; opts+=(--env "$(image_env | tr '\n' ' ')")
  fi
  case $variant in
    stripped) opts+=(--stripped);;
    redis) args+=(--dijkwacht.limits.redis-url=redis://127.0.0.1:6379 --dijkwacht.limits.redis-key-prefix="bench-$STAMP:");;
    jwt) args+=(--dijkwacht.identity.issuers[0].id=bench --dijkwacht.identity.issuers[0].issuer-uri=http://127.0.0.1:18095
                --dijkwacht.identity.issuers[0].jwk-set-uri=http://127.0.0.1:18095/jwks.json
                --dijkwacht.identity.issuers[0].audiences[0]=dijkwacht)
         GW_HDR[$n]="X-Dijkwacht-User-Token: $JWT_TOKEN";;
  esac
  gw_start "$n" "$jar" "$port" "${opts[@]}" --jvm "$jvm" -- "${args[@]}"
  local pid=${GW_PID[$n]}
  sample_loop "$pid" $((port + 100)) "$dir/samples.tsv" & SAMPLERS+=($!)
  printf 'label\tepoch\tcpu_ticks\tjit_ticks\tgc_ticks\trequests\n' > "$dir/phases.tsv"
  gw_wait_ready "$n" || exit 1
  echo "gateway $n (pid $pid, port $port, store $store${variant:+, $variant}) ready after ${GW_READY[$n]} s"
  snapshot "$n" ready
}

NAMES=()
case " $VARIANTS " in *" jwt "*) setup_jwt;; esac
port=18090
for s in $STORES; do NAMES+=("dijkwacht-$s"); start_gateway "dijkwacht-$s" $port "$s"; port=$((port + 1)); done
for v in $VARIANTS; do [ "$port" -le 18094 ] || break; NAMES+=("dijkwacht-h2-$v"); start_gateway "dijkwacht-h2-$v" $port h2 "$v"; port=$((port + 1)); done

start_mock() { bench_mock_start --log "$OUT/own-mock.log" 18080 "$@"; bench_mock_wait; }   # extra mock options...
stop_mock() { bench_mock_stop; }
heap_used_kb() { # pid -> heap in use after a full GC, in KB
  "$JCMD" "$1" GC.run >/dev/null 2>&1 || true
  "$JCMD" "$1" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|ParOldGen|tenured/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); s+=v}} END {print s+0}'
}

# ---- phase 2: the first minute, against a mock of our own (compare.sh starts its own later) ----
if [ "$FIRST_MINUTE" -gt 0 ]; then
  start_mock
  # the first minute of every gateway from its readiness on, one gateway at a time (the others idle)
  for n in "${NAMES[@]}"; do
    echo "== first minute: $n"
    hargs=(); [ -n "${GW_HDR[$n]:-}" ] && hargs=(-H "${GW_HDR[$n]}")
    for i in $(seq 1 "$FIRST_MINUTE"); do
      LABEL="$n slice $i" DURATION=10 WARMUP=0 CONCS=1 MODES=json PROBE_N=0 CPU_PIDS="${GW_PID[$n]}" \
        OUT="$OUT/first-minute.tsv" RUN="$i" "$BENCH/run.sh" "http://127.0.0.1:${GW_PORT[$n]}/v1" "${hargs[@]}" \
        | grep '^| dijkwacht' || true
      snapshot "$n" "first-minute-$i"
    done
  done
  stop_mock
fi

# ---- phase 2b: many open streams (memory per stream) ----
if [ "$STREAMS" -gt 0 ]; then
  n=${NAMES[0]}; pid=${GW_PID[$n]}
  ulimit -n 65536 2>/dev/null || true
  start_mock --chunks 600 --chunk-delay-ms 50
  h0=$(heap_used_kb "$pid"); r0=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status); t0=$(ls /proc/"$pid"/task | wc -l)
  s0=$(status_counts "${GW_MPORT[$n]}")
  hargs=(); [ -n "${GW_HDR[$n]:-}" ] && hargs=(BENCH_HEADERS="${GW_HDR[$n]}")
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=1 BENCH_MAX_PER_THREAD=0 "${hargs[@]}" timeout $((STREAMS_SECONDS + 75)) \
    wrk -t2 -c"$STREAMS" -d"${STREAMS_SECONDS}s" --timeout 60s -s "$BENCH/chat.lua" "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" \
    > "$OUT/streams-wrk.txt" 2>&1 &
  WRK=$!
  sleep 20
  open=$(ss -Htn state established "( sport = :${GW_PORT[$n]} )" | wc -l)
  up=$(ss -Htn state established "( dport = :18080 )" | wc -l)
  h1=$(heap_used_kb "$pid"); r1=$(awk '/VmRSS/ {print $2}' /proc/"$pid"/status); t1=$(ls /proc/"$pid"/task | wc -l)
  hmax=$("$JCMD" "$pid" VM.flags 2>/dev/null | tr ' ' '\n' | sed -n 's/^-XX:MaxHeapSize=//p')
  wait "$WRK" || true
  s1=$(status_counts "${GW_MPORT[$n]}")
  stop_mock
  {
    echo "## $STREAMS concurrent streams against $n (mock: 600 chunks, 50 ms apart, ~30 s per stream)"
    echo
    echo "| | idle | $STREAMS streams open | per 1,000 streams |"
    echo "|---|---:|---:|---:|"
    echo "| tool connections open at the gateway | | $open | |"
    echo "| upstream connections open | | $up | |"
    awk -v a="$h0" -v b="$h1" -v n="$STREAMS" 'BEGIN {printf "| heap in use after full GC | %.1f MB | %.1f MB | %.1f MB |\n", a/1024, b/1024, (b-a)/1024/n*1000}'
    awk -v a="$r0" -v b="$r1" -v n="$STREAMS" 'BEGIN {printf "| process RSS | %.0f MB | %.0f MB | %.0f MB |\n", a/1024, b/1024, (b-a)/1024/n*1000}'
    echo "| JVM threads (virtual threads not counted) | $t0 | $t1 | |"
    echo
    echo "max heap: $((${hmax:-0} / 1048576)) MB; wrk: $(grep -E 'requests in|Non-2xx|Socket errors|RESULT' "$OUT/streams-wrk.txt" | tr '\n' ' ')"
    echo "gateway's answers in this phase by HTTP status (http.server.requests): $(join -a2 -e0 -o 2.1,2.2,1.2 \
      <(echo "$s0") <(echo "$s1") 2>/dev/null | awk '{printf "%s: %d; ", $1, $2 - $3}')"
  } | tee "$OUT/streams.md"
fi

# Waits (up to 90 s) until gateway $1 answers the bench request with 200; leaves the last status in $code. Before
# session 27 the open-streams phase left the bench model's circuit breaker open (the mock closes all but 200 of the
# pooled connections when the streams end, and requests sent on them counted as failures); load measured before the
# first 200 would be of quick 503s. Kept as a guard.
wait_for_200() {
  local hargs=(); [ -n "${GW_HDR[$1]:-}" ] && hargs=(-H "${GW_HDR[$1]}")
  code=""
  for _ in $(seq 1 90); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Authorization: Bearer sk-bench-not-a-real-key' \
      -H 'Content-Type: application/json' "${hargs[@]}" --data-binary @"$BENCH/body.json" \
      "http://127.0.0.1:${GW_PORT[$1]}/v1/chat/completions" || true)
    [ "$code" = 200 ] && break
    sleep 1
  done
}

# ---- phase 2c: profile under load ----
if [ "$PROFILE" -gt 0 ]; then
  n=${NAMES[0]}; pid=${GW_PID[$n]}
  start_mock
  wait_for_200 "$n" # profile only once a request is answered again
  echo "profile: first answer before profiling: HTTP ${code:-none}"
  mode=jfr
  if bench_async_profiler "$OUT/async-profiler"; then
    LIB=$AP_LIB
    for ev in cpu itimer; do
      # the options quoted inside: jcmd reads an unquoted "event=cpu" as one of its own name=value arguments, the
      # agent then fails and the phase fell back to JFR in every window until session 38
      if "$JCMD" "$pid" JVMTI.agent_load "$LIB" "\"start,event=$ev,interval=1ms\"" 2>&1 | grep -qi "return code: 0"; then mode=$ev; break; fi
    done
  fi
  [ "$mode" = jfr ] && "$JCMD" "$pid" JFR.start name=bench settings=profile > /dev/null
  snapshot "$n" profile-start
  hargs=(); [ -n "${GW_HDR[$n]:-}" ] && hargs=(BENCH_HEADERS="${GW_HDR[$n]}")
  env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 "${hargs[@]}" timeout $((PROFILE + 30)) \
    wrk -t2 -c64 -d"${PROFILE}s" -s "$BENCH/chat.lua" "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" > "$OUT/profile-wrk.txt" 2>&1 || true
  snapshot "$n" profile-end
  if [ "$mode" = jfr ]; then
    "$JCMD" "$pid" JFR.stop name=bench filename="$OUT/$n/profile.jfr" > /dev/null
    "$(dirname "$JAVA_BIN")/jfr" print --events jdk.ExecutionSample --stack-depth 128 "$OUT/$n/profile.jfr" | python3 "$ROOT/docs/bench/jfr-collapse.py" > "$OUT/$n/profile.collapsed"
  else
    "$JCMD" "$pid" JVMTI.agent_load "$LIB" "\"stop,file=$OUT/$n/profile.collapsed,collapsed\"" > /dev/null
  fi
  stop_mock
  python3 "$ROOT/docs/bench/flamegraph.py" "$OUT/$n/profile.collapsed" \
    "Dijkwacht ($n), default policy pack, c=64 JSON, ${PROFILE} s, $mode samples ($(date -u +%F))" > "$OUT/$n/flame.svg"
  read -r preq pcpu < <(awk -F'\t' -v hz="$(getconf CLK_TCK)" '$1=="profile-start" {r=$6; c=$3} $1=="profile-end" {printf "%d %.2f\n", $6-r, ($3-c)/hz}' "$OUT/$n/phases.tsv")
  python3 "$ROOT/docs/bench/profile-summary.py" "$OUT/$n/profile.collapsed" "${preq:-0}" "${pcpu:-0}" \
    "$([ "$mode" = jfr ] && echo 10 || echo 1)" | tee "$OUT/$n/profile-summary.md"
  echo "profile ($mode): $OUT/$n/flame.svg; wrk: $(grep RESULT "$OUT/profile-wrk.txt")"
fi

# ---- phase 2d: the same c=64 load on every other gateway, so all enter phase 3 equally warm ----
# (JSON for the profile phase's length, then 15 s streamed when phase 2b ran: the first gateway's open streams)
# (without it only the profiled gateway has had 30 s at c=64 before the comparison: on 2026-12-02 the PostgreSQL
# gateway's steady-state cells carried 4x the H2 gateway's JIT time per request)
if [ "$PROFILE" -gt 0 ] && [ "${#NAMES[@]}" -gt 1 ]; then
  start_mock
  for n in "${NAMES[@]:1}"; do
    wait_for_200 "$n"
    snapshot "$n" warm-start
    wargs=(); [ -n "${GW_HDR[$n]:-}" ] && wargs=(BENCH_HEADERS="${GW_HDR[$n]}")
    env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=0 BENCH_MAX_PER_THREAD=0 "${wargs[@]}" timeout $((PROFILE + 30)) \
      wrk -t2 -c64 -d"${PROFILE}s" -s "$BENCH/chat.lua" "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" > "$OUT/warm-$n-wrk.txt" 2>&1 || true
    if [ "$STREAMS" -gt 0 ]; then
      # the open-streams phase relayed ~600,000 chunks through the first gateway only; without streamed load here the
      # others met phase 3's streamed cells with their chunk path still compiling (pgstream23, session 39)
      env BENCH_BODY="$BENCH/body.json" BENCH_STREAM=1 BENCH_MAX_PER_THREAD=0 "${wargs[@]}" timeout 45 \
        wrk -t2 -c64 -d15s -s "$BENCH/chat.lua" "http://127.0.0.1:${GW_PORT[$n]}/v1/chat/completions" > "$OUT/warm-$n-stream-wrk.txt" 2>&1 || true
    fi
    snapshot "$n" warm-end
    echo "equal warm-up: $n $PROFILE s at c=64 (first answer HTTP ${code:-none}): $(grep RESULT "$OUT/warm-$n-wrk.txt")"
    [ "$STREAMS" -gt 0 ] && echo "equal warm-up: $n 15 s streamed at c=64: $(grep RESULT "$OUT/warm-$n-stream-wrk.txt")"
  done
  stop_mock
fi

# ---- phase 3: steady state, beside nginx and Portkey ----
if [ "$STEADY" = 1 ]; then
  cargs=()
  for n in "${NAMES[@]}"; do
    cargs+=(--target "$n=http://127.0.0.1:${GW_PORT[$n]}/v1" --pid "$n=${GW_PID[$n]}")
    [ -n "${GW_HDR[$n]:-}" ] && cargs+=(--header "$n=${GW_HDR[$n]}")
  done
  "$BENCH/compare.sh" "${cargs[@]}" "${COMPARE_ARGS[@]}" | tee "$OUT/compare.txt"
  for n in "${NAMES[@]}"; do snapshot "$n" steady-end; done
fi

# ---- phase 3b: the streamed first chunk on a kept-alive connection (what an SDK-based tool sees) ----
# compare.sh's probe (run.sh) is curl with a new connection per request, timed to the first byte: connection set-up
# (Tomcat's acceptor, a new request thread) is in it. Here every target keeps one connection, as the OpenAI SDKs do.
if [ "$FIRST_CHUNK" -gt 0 ]; then
  start_mock
  fc=(mock=http://127.0.0.1:18080/v1); fch=()
  if command -v nginx >/dev/null; then
    mkdir -p "$OUT/nginx/logs" "$OUT/nginx/tmp"
    sed -e "s/@MOCK_PORT@/18080/g" -e "s/@NGINX_PORT@/18081/g" "$BENCH/nginx-proxy.conf" > "$OUT/nginx/nginx.conf"
    nginx -p "$OUT/nginx/" -c "$OUT/nginx/nginx.conf" -e "$OUT/nginx/logs/error.log" > "$OUT/nginx/nginx.log" 2>&1 &
    BENCH_PIDS+=($!)
    for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.1:18081/health && break; sleep 0.2; done
    fc+=(nginx=http://127.0.0.1:18081/v1)
  fi
  PK=$BENCH_WORK/.deps/portkey/node_modules/@portkey-ai/gateway/build/start-server.js
  if [ -f "$PK" ]; then
    node -r "$BENCH/loopback-listen.cjs" "$PK" --port=18787 --headless > "$OUT/portkey.log" 2>&1 &
    BENCH_PIDS+=($!)
    for _ in $(seq 1 120); do [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18787/ || true)" != 000 ] && break; sleep 0.25; done
    fc+=(portkey=http://127.0.0.1:18787/v1)
    fch+=(--target-header 'portkey=x-portkey-provider: openai' --target-header 'portkey=x-portkey-custom-host: http://127.0.0.1:18080/v1')
  fi
  for n in "${NAMES[@]}"; do
    wait_for_200 "$n"
    fc+=("$n=http://127.0.0.1:${GW_PORT[$n]}/v1")
    [ -n "${GW_HDR[$n]:-}" ] && fch+=(--target-header "$n=${GW_HDR[$n]}")
  done
  echo "== first chunk, kept-alive connection: $FIRST_CHUNK streamed requests per target"
  python3 "$ROOT/docs/bench/stream-first-chunk.py" --n "$FIRST_CHUNK" --body "$BENCH/body.json" --tsv "$OUT/first-chunk.tsv" \
    "${fch[@]}" "${fc[@]}" | tee "$OUT/first-chunk.txt" || echo "first chunk (kept-alive): failed, see above"
  stop_mock
fi

# ---- phase 3c: c=1 JSON with every request timed: the requests' own p99 beside wrk's corrected p99 ----
if [ "$TIMED_C1" -gt 0 ]; then
  start_mock
  tc=(mock=http://127.0.0.1:18080/v1)
  for n in "${NAMES[@]}"; do
    if [ -z "${GW_HDR[$n]:-}" ]; then wait_for_200 "$n"; tc+=("$n=http://127.0.0.1:${GW_PORT[$n]}/v1"); fi
  done
  echo "== c=1 JSON, every request timed: ${TIMED_C1} s per target"
  : > "$OUT/timed-c1.tsv"
  for t in "${tc[@]}"; do
    name=${t%%=*}; url=${t#*=}/chat/completions
    BENCH_BODY="$BENCH/body.json" TIMED_OUT="$OUT/timed-c1-$name-warmup.txt" \
      wrk -t1 -c1 -d5s -s "$ROOT/docs/bench/c1-tail-timed.lua" "$url" > /dev/null 2>&1 || true
    BENCH_BODY="$BENCH/body.json" TIMED_OUT="$OUT/timed-c1-$name.txt" \
      wrk -t1 -c1 -d"${TIMED_C1}s" -s "$ROOT/docs/bench/c1-tail-timed.lua" "$url" > "$OUT/timed-c1-$name-wrk.txt" 2>&1 || true
    if [ -s "$OUT/timed-c1-$name.txt" ]; then
      line=$(python3 "$ROOT/docs/bench/wrk-p99.py" "$OUT/timed-c1-$name.txt" "$TIMED_C1")
      echo "$name: $line"
      # "interval I us; raw: n N p50 A p99 B ms; wrk-corrected: n T (+S synthetic) p50 C p99 D ms"
      echo "$line" | awk -v n="$name" '{printf "%s\t%s\t%s\t%s\t%s\n", n, $6, $8, $10, $20}' >> "$OUT/timed-c1.tsv"
    fi
  done
  stop_mock
fi

# ---- report: per phase, CPU / JIT / GC per request ----
HZ=$(getconf CLK_TCK)
{
  echo "# gateway-bench $STAMP"
  echo
  echo "JVM: $("$JAVA_BIN" -version 2>&1 | head -n1); options: ${GATEWAY_JAVA_OPTS:-$BENCH_JAVA_OPTS_SHIPPED}; jar: $(basename "$JAR")"
  echo
  echo "| gateway | phase | requests | CPU µs/req | of which JIT µs/req | GC µs/req | GC pauses |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  for n in "${NAMES[@]}"; do
    awk -F'\t' -v n="$n" -v hz="$HZ" -v ready="${GW_READY[$n]}" 'NR==1 {next}
      { if (prev != "") { dr=$6-r; dc=($3-c)/hz*1e6; dj=($4-j)/hz*1e6; dg=($5-g)/hz*1e6
          a="-"; b="-"; e="-"; if (dr > 0) { a=sprintf("%.0f", dc/dr); b=sprintf("%.0f", dj/dr); e=sprintf("%.0f", dg/dr) }
          printf "| %s | %s → %s | %d | %s | %s | %s | |\n", n, prev, $1, dr, a, b, e }
        else printf "| %s | start-up (ready after %s s) | 0 | CPU %.1f s | JIT %.1f s | GC %.1f s | |\n", n, ready, $3/hz, $4/hz, $5/hz
        prev=$1; r=$6; c=$3; j=$4; g=$5 }' "$OUT/$n/phases.tsv"
    # a pause's end line: "... GC(n) Pause Young (…) 129M->8M(491M) 7.123ms" (G1 and the parallel collector alike)
    echo "| $n | whole run | | | | | $(awk '/ Pause / && /[0-9.]+ms$/ {v=$NF; sub(/ms$/, "", v); n++; s+=v; if (v+0 > m) m=v+0}
        END {printf "%d pauses, %.0f ms, longest %.0f ms", n, s, m}' "$OUT/$n/gc.log" 2>/dev/null) |"
  done
  if [ -f "$OUT/first-minute.tsv" ]; then
    echo
    echo "First minute after readiness (c=1, JSON, 10 s slices):"
    echo
    echo "| gateway | slice | req/s | p50 ms | p99 ms | CPU µs/req |"
    echo "|---|---:|---:|---:|---:|---:|"
    awk -F'\t' '{split($1,a," slice "); printf "| %s | %s | %s | %s | %s | %s |\n", a[1], a[2], $5, $6, $8, $11}' "$OUT/first-minute.tsv"
  fi
  if [ -s "$OUT/first-chunk.tsv" ] || [ -s "$OUT/compare.txt" ]; then
    echo
    echo "Streamed first chunk, added over the mock alone (p50, ms). New connection: compare.sh's probe (curl, a new"
    echo "connection per request, first byte = the response headers; runs side by side). Kept alive: phase 3b"
    echo "(stream-first-chunk.py, one connection per target as an SDK keeps it; first byte and first answer text)."
    echo "The target row (issue 15: first chunk added ≤ 1 ms) reads the kept-alive first-text column."
    echo
    echo "| target | new connection: first byte | added | kept alive: first byte | added | kept alive: first answer text | added |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    python3 - "$OUT/compare.txt" "$OUT/first-chunk.tsv" <<'PY'
import os, re, sys
new = {}   # label -> [ttfb p50 per compare.sh run]  (new connection; the mock is "floor" there)
label = None
if os.path.exists(sys.argv[1]):
    for line in open(sys.argv[1], encoding="utf-8"):
        if line.startswith("## "):
            label = line.split()[1]
        m = re.match(r"stream probe .*ttfb p50 ([0-9.]+) ms", line)
        if m and label:
            new.setdefault(label, []).append(float(m.group(1)))
kept = {}  # label -> (first byte p50, first answer text p50), the last phase-3b row per target
if os.path.exists(sys.argv[2]):
    for line in open(sys.argv[2], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 4:
            kept["floor" if f[0] == "mock" else f[0]] = (float(f[2]), float(f[3]))
names = list(new) + [n for n in kept if n not in new]
def runs(values):
    return " / ".join(f"{v:.2f}" for v in values) if values else "-"
for n in names:
    a = new.get(n, []); fl = new.get("floor", [])
    added = " / ".join(f"{v - f:+.2f}" for v, f in zip(a, fl)) if n != "floor" and a and fl else ""
    k = kept.get(n); kf = kept.get("floor")
    kh = f"{k[0]:.3f}" if k else "-"; kt = f"{k[1]:.3f}" if k else "-"
    khd = f"{k[0] - kf[0]:+.3f}" if k and kf and n != "floor" else ""
    ktd = f"**{k[1] - kf[1]:+.3f}**" if k and kf and n != "floor" else ""
    print(f"| {n} | {runs(a)} | {added} | {kh} | {khd} | {kt} | {ktd} |")
PY
  fi
  if [ -s "$OUT/timed-c1.tsv" ]; then
    echo
    echo "c=1 JSON, every request timed (phase 3c, ${TIMED_C1} s per target, one after the other): the requests' own"
    echo "latency and wrk's p99 of the same run, which adds synthetic samples for every stall (a stall of S ms counts as"
    echo "about S requests: a time-weighted tail). Added = over the mock alone in this phase."
    echo
    echo "| target | requests | p50 ms | added p50 | p99 ms (requests) | added p99 | p99 ms (wrk, corrected) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' 'NR==1 && $1=="mock" {m50=$3; m99=$4}
      {a50=""; a99=""; if ($1!="mock" && m50!="") {a50=sprintf("%+.3f", $3-m50); a99=sprintf("%+.3f", $4-m99)}
       printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, a50, $4, a99, $5}' "$OUT/timed-c1.tsv"
  fi
} > "$OUT/report.md"
cat "$OUT/report.md"
echo "gateway-bench: results in $OUT (compare.sh's table: $BENCH_WORK/results/, see compare.txt)"
