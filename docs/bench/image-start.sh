# Sourced by docs/bench/first-minute-ab.sh and docs/bench/gateway-bench.sh: the gateway started as the container image
# starts it (deploy/Dockerfile), outside a container — the jar extracted to app.jar + lib/, the JDK's AOT cache trained
# by deploy/aot-train.sh on the default pack as shipped, and the start-up settings the image's ENV lines set.
# Needs ROOT (the project root) and JAVA.

# image_layout <jar> <dir>: <dir>/app/app.jar + <dir>/app/lib/, as the Dockerfile's `extract --layers` lays them out
image_layout() {
  mkdir -p "$2/x" "$2/app"; cp "$1" "$2/x/app.jar"
  (cd "$2/x" && "$JAVA" -Djarmode=tools -jar app.jar extract --layers --destination extracted > /dev/null)
  for layer in dependencies snapshot-dependencies application; do cp -r "$2/x/extracted/$layer/." "$2/app/"; done
  rm -rf "$2/x"
}

# image_train <app dir> <train port> <log> [JVM options]: the Dockerfile's training step; writes <app dir>/app.aot
image_train() {
  local data status=0; data=$(mktemp -d)
  DIJKWACHT_DATA_DIR=$data TRAIN_PORT=$2 JAVA=$JAVA JAVA_OPTS="${4:--Xms512m -Xmx512m}" \
    "$ROOT/deploy/aot-train.sh" "$1/app.aot" "$1/app.jar" \
    --dijkwacht.policies-dir="$ROOT/policies" --dijkwacht.models-dir="$ROOT/models-config" > "$3" 2>&1 || status=$?
  rm -rf "$data"
  return $status
}

# image_env: the Dockerfile's start-up settings for the gateway (ENV lines after the training step), as NAME=value words
image_env() {
  sed -n '/aot-train.sh \/app\/app.aot/,$p' "$ROOT/deploy/Dockerfile" | grep -o 'DIJKWACHT_WARMUP_[A-Z]*=[^ \\]*' || true
}
