#!/usr/bin/env bash
# The DynamoDB engine's HTTP throughput, measured with wrk (a native client, so that the client's
# own cost stays small): pattern A's Query, GetItem, PutItem, TransactWriteItems of 3 puts and
# GetRecords of 100 records (benchmarks' EngineRequests), at 1 and at CONNECTIONS connections,
# each after an unmeasured WARMUP of the same work. Also a plain GET, the HTTP floor of the server.
#   scripts/engine/run.sh                  starts the engine from the host jar on PORT and measures it
#   ENDPOINT=http://host:port scripts/engine/run.sh   measures a DynamoDB endpoint already running
#                                          (a fresh one: the script creates the table "bench")
# Prints one line per operation and connection count: requests/s and non-2xx answers.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-4700}
HOST_JAR=app-javalin/target/cruddur-messaging.jar
PROBES_JAR=benchmarks/target/benchmarks.jar

command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
[ -f "$HOST_JAR" ] && [ -f "$PROBES_JAR" ] || ./mvnw -B -q -Pbench package -DskipTests
work=$(mktemp -d)
engine=""
trap '[ -n "$engine" ] && kill "$engine" 2>/dev/null; rm -rf "$work"' EXIT

if [ -z "${ENDPOINT:-}" ]; then
  ENDPOINT="http://127.0.0.1:$PORT"
  java -cp "$HOST_JAR" io.cruddur.engine.dynamodb.Main --port "$PORT" > "$work/engine.log" 2>&1 &
  engine=$!
  for _ in $(seq 1 100); do curl -sf "$ENDPOINT" >/dev/null && break; sleep 0.2; done
fi
java -cp "$PROBES_JAR" io.cruddur.messaging.benchmarks.EngineRequests "$ENDPOINT" "$work/bodies"

measure() { # label connections seconds [target]
  local out
  if [ -n "${4:-}" ]; then
    out=$(TARGET=$4 BODY_FILE="$work/bodies/$4" wrk -t1 -c"$2" -d"$3s" -s scripts/engine/operation.lua "$ENDPOINT")
  else
    out=$(wrk -t1 -c"$2" -d"$3s" "$ENDPOINT")
  fi
  local rate errors
  rate=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-36s %3s conn. %8s requests/s  non-2xx %s\n' "$1" "$2" "$rate" "${errors:-0}"
}
for connections in 1 "$CONNECTIONS"; do
  measure "GET (the HTTP floor)" "$connections" "$WARMUP" >/dev/null
  measure "GET (the HTTP floor)" "$connections" "$DURATION"
  for target in DynamoDB_20120810.Query DynamoDB_20120810.GetItem DynamoDB_20120810.PutItem \
      DynamoDB_20120810.TransactWriteItems DynamoDBStreams_20120810.GetRecords; do
    measure "${target#*.}" "$connections" "$WARMUP" "$target" >/dev/null
    measure "${target#*.}" "$connections" "$DURATION" "$target"
  done
done
