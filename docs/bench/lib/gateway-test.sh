#!/usr/bin/env bash
# Checks the parts of docs/bench/lib/gateway.sh that start nothing: the bench pack, the store's gateway arguments and the
# heap-allocated reading (the eden pool's lookup, the sum).
# Runs anywhere (no gateway, no bench lock): docs/bench/lib/gateway-test.sh — prints "ok" or the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
source "$ROOT/docs/bench/lib/gateway.sh"

fail() { echo "FAIL: $*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }

# the pack: the shipped pack unchanged except the bench model, the tool and the raised limits
bench_pack "$OUT/pack" 25000
has "$OUT/pack/models-config/gpt-4o-mini.yaml" "base-url: http://127.0.0.1:25000/v1"
has "$OUT/pack/policies/use-cases/algemene-vragen.yaml" "models: [gpt-4o-mini, "
has "$OUT/pack/policies/tools.yaml" "key-sha256: $(printf '%s' 'sk-bench-not-a-real-key' | sha256sum | cut -d' ' -f1)"
has "$OUT/pack/policies/limits.yaml" "bench: { requests-per-minute: 1000000000 }"
has "$OUT/pack/policies/limits.yaml" "gemeente: { tokens-per-month: 1000000000000 }"
changed=$(diff -rq "$ROOT/policies" "$OUT/pack/policies" | sort || true)
[ "$changed" = "$(printf '%s\n' "Files $ROOT/policies/limits.yaml and $OUT/pack/policies/limits.yaml differ" \
  "Files $ROOT/policies/tools.yaml and $OUT/pack/policies/tools.yaml differ" \
  "Files $ROOT/policies/use-cases/algemene-vragen.yaml and $OUT/pack/policies/use-cases/algemene-vragen.yaml differ" | sort)" ] \
  || fail "the pack's policies differ from the shipped ones in more than limits, tools and algemene-vragen: $changed"
[ "$(diff -rq "$ROOT/models-config" "$OUT/pack/models-config" || true)" = "Only in $OUT/pack/models-config: gpt-4o-mini.yaml" ] \
  || fail "models-config differs from the shipped one in more than the bench model"
bench_pack "$OUT/default" && has "$OUT/default/models-config/gpt-4o-mini.yaml" "base-url: http://127.0.0.1:18080/v1"
bench_pack "$OUT/stripped" 18080 stripped
[ "$(ls "$OUT/stripped/policies/use-cases")" = algemene-vragen.yaml ] || fail "stripped: more than one use-case"
has "$OUT/stripped/policies/governance.yaml" "evaluation-overdue: refuse"

# the store's arguments
gw_store_args h2 ignored
[ ${#GW_STORE_ARGS[@]} = 0 ] || fail "h2 must add no arguments (the README's default datasource)"
BENCH_SCHEMAS=()
gw_store_args postgres "Bench_A-1" "ab-A" "synchronous_commit=off"
[ "${GW_STORE_ARGS[0]}" = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_a_1&ApplicationName=ab-A&options=-c%20synchronous_commit=off" ] \
  || fail "postgres URL: ${GW_STORE_ARGS[0]}"
[ "${GW_STORE_ARGS[2]}" = "--spring.flyway.schemas=bench_a_1" ] || fail "Flyway schema: ${GW_STORE_ARGS[2]}"
[ "${BENCH_SCHEMAS[*]}" = bench_a_1 ] || fail "the schema is not registered for the cleanup: ${BENCH_SCHEMAS[*]}"
BENCH_SCHEMAS=()   # nothing was created: the EXIT trap of a script would drop it
if gw_store_args redis x 2> /dev/null; then fail "an unknown store must be refused"; fi
# the heap allocated: the eden pool looked up among jvm.memory.used's ids, whatever the collector calls it
for pool in "G1 Eden Space" "Eden Space" "PS Eden Space" "ZGC Young Generation"; do
  got=$(printf '{"name":"jvm.memory.used","measurements":[{"statistic":"VALUE","value":1.0E8}],"availableTags":[{"tag":"area","values":["heap","nonheap"]},{"tag":"id","values":["Metaspace","%s","CodeCache"]}]}' "$pool" | bench_eden_pool)
  [ "$got" = "$pool" ] || fail "eden pool: '$got', not '$pool'"
done
[ -z "$(echo '{"availableTags":[{"tag":"id","values":["Metaspace","G1 Old Gen"]}]}' | bench_eden_pool)" ] || fail "no eden: must be empty"
[ "$(printf '%s\n' '{"name":"jvm.gc.memory.allocated","measurements":[{"statistic":"COUNT","value":1.5E9}]}' '' \
      '{"name":"jvm.memory.used","measurements":[{"statistic":"VALUE","value":2.5E7}]}' | bench_sum_measurements)" = 1525000000 ] \
  || fail "allocated: the two measurements must add up"
echo ok
