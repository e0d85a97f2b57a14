#!/usr/bin/env bash
# What the first request of each kind pays after readiness: starts one gateway (the README's defaults: warm-up on, H2
# file store; --store postgres: PostgreSQL 127.0.0.1:5432 db test, a fresh schema; --redis: limits in Redis
# 127.0.0.1:6379 under a fresh prefix) against the harness's mock upstream, waits for /readyz, then sends each kind of
# request (docs/bench/first-requests.kinds) 20 times in a row, one at a time, a new connection each (curl), and writes
# the first's and the 20th's time and the classes the JVM loaded during the first (-Xlog:class+load) to
# $BENCH_WORK/first-requests/<stamp>/first-requests.tsv (per kind: the loaded classes' names in classes/<kind>.txt).
# The kinds run in the file's order: what one kind's first request loads, a later kind no longer pays.
#
#   docs/bench/first-requests.sh [--port-base P] [--store h2|postgres] [--redis] [--jfr] [gateway.jar] [-- gateway arguments]
#
# The pack is docs/bench/lib/gateway.sh's bench pack (the default pack plus the mock's model gpt-4o-mini and the tool
# "bench") with two more models on the mock — "mock-mistral" (Mistral's wire dialect: no stream_options, so a streamed
# answer ends without usage and its prompt is counted at settle) and "mock-gpt4o-zonder-usage" (the same, upstream model
# gpt-4o, whose count loads jtokkit's o200k_base table) — and one tool "beperkt" (one request a minute, for the first
# rate-limit refusal). --jfr: a JFR recording from readiness to the end (recording.jfr). Ports: mock P, gateway P+10,
# management P+110. Environment: JAVA, GATEWAY_JAVA_OPTS, BENCH_WORK, BENCH_DIR, PG_URL.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
source "$ROOT/docs/bench/lib/gateway.sh"
bench_require_harness
PORT_BASE=18600; STORE=h2; REDIS=0; JFR=0; JAR=""
while [ $# -gt 0 ]; do
  case $1 in
    --port-base) PORT_BASE=$2; shift 2;;
    --store) STORE=$2; shift 2;;
    --redis) REDIS=1; shift;;
    --jfr) JFR=1; shift;;
    --) shift; break;;
    -*) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2;;
    *) JAR=$1; shift;;
  esac
done
JAR=$(realpath "${JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar | grep -v original | head -n 1)}")
OUT=$BENCH_WORK/first-requests/$(date +%Y%m%d-%H%M%S)-$STORE$([ "$REDIS" = 1 ] && echo -redis || true); mkdir -p "$OUT/classes"
bench_traps
MOCK_PORT=$PORT_BASE; PORT=$((PORT_BASE + 10)); BASE=http://127.0.0.1:$PORT
echo "first-requests: $(basename "$JAR"), store $STORE$([ "$REDIS" = 1 ] && echo ', Redis limits' || true); $(uptime); results in $OUT"

# the pack: the bench pack, two more models on the mock and a tool with one request a minute
PACK=$OUT/gw/run; bench_pack "$PACK" "$MOCK_PORT"
for m in mock-mistral:mistral-small-latest mock-gpt4o-zonder-usage:gpt-4o; do
  sed -e "s/^id: gpt-4o-mini/id: ${m%%:*}/; s/^provider: .*/provider: mistral/; s/^upstream-model: .*/upstream-model: ${m#*:}/" \
    "$PACK/models-config/gpt-4o-mini.yaml" > "$PACK/models-config/${m%%:*}.yaml"
done
sed -i 's/^models: \[/models: [mock-mistral, mock-gpt4o-zonder-usage, /' "$PACK/policies/use-cases/algemene-vragen.yaml"
cat >> "$PACK/policies/tools.yaml" <<YAML
  - id: beperkt
    description: Een verzoek per minuut (docs/bench/first-requests.sh).
    key-sha256: $(printf '%s' 'sk-beperkt-not-a-real-key' | sha256sum | cut -d' ' -f1)
    default-use-case: algemene-vragen
    use-cases: [algemene-vragen]
YAML
sed -i 's/^    bench: { requests-per-minute: 1000000000 }$/&\n    beperkt: { requests-per-minute: 1 }/' "$PACK/policies/limits.yaml"
grep -q 'beperkt: { requests-per-minute: 1 }' "$PACK/policies/limits.yaml" || { echo "first-requests: the pack's limits were not changed" >&2; exit 1; }

args=(--logging.level.nl.dijkwacht.api.warmup=INFO)
[ "$REDIS" = 1 ] && args+=(--dijkwacht.limits.redis-url=redis://127.0.0.1:6379 --dijkwacht.limits.redis-key-prefix="first-$(date +%s):")
bench_mock_start "$MOCK_PORT"; bench_mock_wait
gw_start gw "$JAR" "$PORT" --store "$STORE" --pack "$PACK" --dir "$OUT/gw" --mock-port "$MOCK_PORT" \
  --jvm "-Xlog:class+load=info:file=$OUT/class-load.log:uptime" -- "${args[@]}" "$@"
gw_wait_ready gw 300
echo "ready after ${GW_READY[gw]} s; $(grep -ho 'warm-up: .*' "$OUT/gw/gateway.log" | head -n 1)" | tee "$OUT/summary.md"
[ "$JFR" = 0 ] || "$JCMD" "${GW_PID[gw]}" JFR.start name=first settings=profile filename="$OUT/recording.jfr" > /dev/null

H_JSON='Content-Type: application/json'
BENCH_KEY='Authorization: Bearer sk-bench-not-a-real-key'
ADMIN_KEY='Authorization: Bearer dw-beheer-alleen-lokaal'
AUDIT_KEY='Authorization: Bearer dw-audit-alleen-lokaal'
COOKIES=$OUT/console.cookies
# a trace id for the audit look-up: one dry-run request now (before the kinds; it is a warm-up kind already)
TRACE=$(curl -s -D - -o /dev/null "$BASE/v1/chat/completions" -H "$BENCH_KEY" -H "$H_JSON" \
  -d '{"model":"dry-run","messages":[{"role":"user","content":"Hallo"}]}' | tr -d '\r' | awk -F': ' 'tolower($1)=="x-dijkwacht-trace-id" {print $2}')
# console session (the local admin account): the login itself is the kind "console-login"
console_login() {
  rm -f "$COOKIES"
  local csrf
  csrf=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/console/inloggen" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -c "$COOKIES" -b "$COOKIES" "$BASE/console/inloggen" \
    --data-urlencode username=dev-beheerder --data-urlencode password=dw-beheer-alleen-lokaal --data-urlencode "_csrf=$csrf"
}

one() { # kind -> "status seconds" of one request of that kind
  local k=$1 body="" url method=POST hdr=("$H_JSON" "$BENCH_KEY") extra=()
  case $k in
    chat-dry-run) body='{"model":"dry-run","messages":[{"role":"user","content":"Schrijf een brief aan jan@example.nl over BSN 111222333"}]}';;
    chat-dry-run-stream) body='{"model":"dry-run","stream":true,"messages":[{"role":"user","content":"Schrijf een brief aan jan@example.nl over BSN 111222333"}]}';;
    chat-upstream) body="$(sed 's/"model":"[^"]*"/"model":"gpt-4o-mini"/' "$ROOT/docs/bench/body-conversation.json")";;
    chat-upstream-stream) body="$(sed 's/"model":"[^"]*"/"model":"gpt-4o-mini","stream":true/' "$ROOT/docs/bench/body-conversation.json")";;
    chat-tools) body="$(cat "$ROOT/docs/bench/body-tools.json")";;
    chat-mistral) body='{"model":"mock-mistral","messages":[{"role":"user","content":"Wat is de openingstijd van het stadskantoor?"}]}';;
    chat-mistral-stream) body='{"model":"mock-mistral","stream":true,"messages":[{"role":"user","content":"Wat is de openingstijd van het stadskantoor?"}]}';;
    stream-no-usage-gpt-4o) body='{"model":"mock-gpt4o-zonder-usage","stream":true,"messages":[{"role":"user","content":"Wat is de openingstijd van het stadskantoor?"}]}';;
    responses) url=/v1/responses; body='{"model":"dry-run","input":"Vat samen: de gemeente opent een nieuw stadskantoor op 1 april."}';;
    responses-stream) url=/v1/responses; body='{"model":"dry-run","stream":true,"input":"Vat samen: de gemeente opent een nieuw stadskantoor op 1 april."}';;
    responses-upstream) url=/v1/responses; body='{"model":"gpt-4o-mini","input":"Vat samen: de gemeente opent een nieuw stadskantoor op 1 april."}';;
    completions) url=/v1/completions; body='{"model":"dry-run","prompt":"Schrijf een korte uitnodiging voor de buurtbijeenkomst."}';;
    completions-upstream) url=/v1/completions; body='{"model":"gpt-4o-mini","prompt":"Schrijf een korte uitnodiging voor de buurtbijeenkomst."}';;
    embeddings) url=/v1/embeddings; body='{"model":"dry-run","input":"De gemeente opent een nieuw stadskantoor."}';;
    models) method=GET; url=/v1/models;;
    refuse-image) body='{"model":"dry-run","messages":[{"role":"user","content":[{"type":"text","text":"Wat staat hierop?"},{"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgo="}}]}]}';;
    refuse-special-category) body='{"model":"dry-run","messages":[{"role":"user","content":"Mijn buurman Piet Jansen is homoseksueel en heeft hiv; schrijf hem een brief."}]}';;
    refuse-purpose) body='{"model":"dry-run","messages":[{"role":"user","content":"Beoordeel of mevrouw Jansen recht heeft op bijstand."}]}';;
    refuse-unknown-model) body='{"model":"bestaat-niet","messages":[{"role":"user","content":"Hallo"}]}';;
    refuse-bad-key) hdr=("$H_JSON" 'Authorization: Bearer sk-onbekend'); body='{"model":"dry-run","messages":[{"role":"user","content":"Hallo"}]}';;
    refuse-rate-limit) hdr=("$H_JSON" 'Authorization: Bearer sk-beperkt-not-a-real-key'); body='{"model":"dry-run","messages":[{"role":"user","content":"Hallo"}]}';;
    refuse-bad-json) body='{"model":"dry-run","messages":[';;
    admin-policy) method=GET; url=/admin/policy; hdr=("$ADMIN_KEY");;
    admin-explain) url=/admin/explain; hdr=("$H_JSON" "$ADMIN_KEY"); body='{"tool":"bench","use_case":"algemene-vragen","model":"dry-run","prompt":"Mail jan@example.nl over BSN 111222333"}';;
    admin-upstreams) method=GET; url=/admin/upstreams; hdr=("$ADMIN_KEY");;
    audit-record) method=GET; url=/audit/v1/records/$TRACE; hdr=("$AUDIT_KEY");;
    audit-search) method=GET; url='/audit/v1/records?limit=20'; hdr=("$AUDIT_KEY");;
    audit-verify) method=GET; url=/audit/v1/verify; hdr=("$AUDIT_KEY");;
    transparency) method=GET; url=/transparantie; hdr=();;
    console-login) local t0 code; t0=$(date +%s.%N); code=$(console_login)
                   echo "$code $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.6f", b - a}')"; return;;
    console-dashboard) method=GET; url=/console; hdr=(); extra=(-b "$COOKIES");;
    console-beheer) method=GET; url=/console/beheer; hdr=(); extra=(-b "$COOKIES");;
    console-explain) method=GET; url=/console/beheer/uitleg; hdr=(); extra=(-b "$COOKIES");;
    policy-reload) url=/admin/policy/reload; hdr=("$ADMIN_KEY"); body='';;
    *) echo "unknown kind $k" >&2; exit 2;;
  esac
  url=${url:-/v1/chat/completions}
  local h=() x; for x in "${hdr[@]}"; do h+=(-H "$x"); done
  if [ "$method" = GET ]; then
    curl -s -N -o /dev/null -w '%{http_code} %{time_total}\n' "${h[@]}" "${extra[@]}" "$BASE$url"
  else
    curl -s -N -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "${h[@]}" "${extra[@]}" --data-binary "$body" "$BASE$url"
  fi
}

KINDS=(chat-dry-run chat-dry-run-stream chat-upstream chat-upstream-stream chat-tools chat-mistral chat-mistral-stream
       stream-no-usage-gpt-4o responses responses-stream responses-upstream completions completions-upstream embeddings
       models refuse-image refuse-special-category refuse-purpose refuse-unknown-model refuse-bad-key refuse-rate-limit
       refuse-bad-json admin-policy admin-explain admin-upstreams audit-record audit-search audit-verify transparency
       console-login console-dashboard console-beheer console-explain policy-reload)
[ -z "${FIRST_KINDS:-}" ] || read -r -a KINDS <<< "$FIRST_KINDS"
printf 'kind\tstatus\tfirst_ms\ttwentieth_ms\tclasses_loaded_during_first\tfirst_started\n' > "$OUT/first-requests.tsv"
for k in "${KINDS[@]}"; do
  [ "$k" != refuse-rate-limit ] || one "$k" > /dev/null   # its one request a minute: the next one is the first refusal
  before=$(wc -l < "$OUT/class-load.log"); started=$(date +%T.%N | cut -c1-12)
  read -r status first <<< "$(one "$k")"
  sleep 0.2   # the log is written as the classes load; the request is over
  after=$(wc -l < "$OUT/class-load.log")
  sed -n "$((before + 1)),${after}p" "$OUT/class-load.log" | awk '{print $2}' > "$OUT/classes/$k.txt"
  for _ in $(seq 18); do one "$k" > /dev/null; done
  read -r _ last <<< "$(one "$k")"
  printf '%s\t%s\t%.1f\t%.1f\t%d\t%s\n' "$k" "$status" "$(awk -v s="$first" 'BEGIN {print s * 1000}')" \
    "$(awk -v s="$last" 'BEGIN {print s * 1000}')" $((after - before)) "$started" >> "$OUT/first-requests.tsv"
done
[ "$JFR" = 0 ] || "$JCMD" "${GW_PID[gw]}" JFR.stop name=first > /dev/null
{ echo; echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"; echo; column -t -s $'\t' "$OUT/first-requests.tsv"; } >> "$OUT/summary.md"
cat "$OUT/summary.md"
