#!/usr/bin/env bash
# HTTP load run: the host jar on loopback, memory then embedded mode, with wrk driving
# scripts/load/requests.lua. Prints, per mode:
#   - /health (the host's ceiling) and patterns B, A, C: requests/s, p50/p99, the ratio to /health,
#     and (embedded) DynamoDB requests and SQL statements per request, read from the host's /metrics;
#   - (embedded) A and B next to the raw DynamoDB Query floor on the same DynamoDB engine, at one
#     connection and at CONNECTIONS; what starting a conversation (D) costs; write units per
#     message of C, D and E beside the reference design's; pattern E's lag idle, at half the send
#     rate that saturated the DynamoDB engine and at saturation, each held for E_DURATION seconds.
# Every measured run follows an unmeasured WARMUP of the same work, so the JIT has compiled it.
# Installs wrk if missing; builds the jars if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10}
E_DURATION=${E_DURATION:-60}
WARMUP=${WARMUP:-5}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-4600}
USERS=${USERS:-50}
STARTS=${STARTS:-20}
(( STARTS + 4 <= USERS )) || { echo "STARTS + 4 must not exceed USERS" >&2; exit 2; }
DYNAMO_PORT=$((PORT + 1000))
POSTGRES_PORT=$((PORT + 1001))
METRICS_PORT=$((PORT + 1))
HOST_JAR=app-javalin/target/cruddur-messaging.jar
PROBES_JAR=benchmarks/target/benchmarks.jar

command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
[ -f "$HOST_JAR" ] && [ -f "$PROBES_JAR" ] || ./mvnw -B -q -Pbench package -DskipTests
work=$(mktemp -d)
host=""
trap '[ -n "$host" ] && kill "$host" 2>/dev/null; rm -rf "$work"' EXIT

probe() { java -cp "$PROBES_JAR" io.cruddur.messaging.benchmarks.load.LoadProbes "$@"; }
login() { curl -sf -X POST "localhost:$PORT/dev/login" -d "{\"handle\":\"$1\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
start() { # token handle -> the new group's uuid
  curl -sf -X POST "localhost:$PORT/api/messages" -H "Authorization: Bearer $1" \
    -d "{\"message\":\"hello\",\"handle\":\"$2\"}" | sed 's/.*"message_group_uuid":"\([^"]*\)".*/\1/'
}
scrape() { curl -sf "localhost:$METRICS_PORT/metrics" > "$1"; }
# wrk over one route: ROUTE threads connections seconds [--latency] -> "RESULT route requests/s p50 p99 errors"
load() {
  LOAD_PAIRS="$work/pairs" ROUTE=$1 wrk -t"$2" -c"$3" -d"$4s" ${5:-} -s scripts/load/requests.lua \
    "http://localhost:$PORT" | grep '^RESULT' || true
}
# Per-request cost of one route between two scrapes: "<DynamoDB operations per request> | SQL <n>".
costs() { # before after method route
  awk -v method="method=\"$3\"" -v route="route=\"$4\"" '
    function op() { match($0, /operation="[^"]*"/); return substr($0, RSTART + 11, RLENGTH - 12) }
    !index($0, method) || !index($0, route) { next }
    /^cruddur_http_requests_total/ { requests[FILENAME == ARGV[1]] += $NF }
    /^cruddur_postgres_statements_total/ { sql[FILENAME == ARGV[1]] += $NF }
    /^cruddur_dynamodb_requests_total/ { dynamo[op(), FILENAME == ARGV[1]] = $NF; ops[op()] }
    END {
      n = requests[0] - requests[1]
      if (n == 0) { print "no requests"; exit }
      for (o in ops) if (dynamo[o, 0] > dynamo[o, 1]) line = line sprintf("%s %.2f ", o, (dynamo[o, 0] - dynamo[o, 1]) / n)
      printf "%s| SQL %.2f (%d requests)", (line == "" ? "none " : line), (sql[0] - sql[1]) / n, n
    }' "$1" "$2"
}
# What the stream poller (route "none": pattern E) asked of DynamoDB per second between two scrapes.
poller_rates() { # before after seconds
  awk -v seconds="$3" '
    function op() { match($0, /operation="[^"]*"/); return substr($0, RSTART + 11, RLENGTH - 12) }
    /^cruddur_dynamodb_requests_total/ && index($0, "route=\"none\"") { count[op()] += (FILENAME == ARGV[1] ? -$NF : $NF) }
    END { for (o in count) if (count[o] > 0) printf "%s %.0f/s ", o, count[o] / seconds }' "$1" "$2"
}
# Waits until the stream poller has drained what the send runs left (its request count holds still
# for two seconds), so what follows does not compete with pattern E's catch-up.
settle() {
  local last="" now
  for _ in $(seq 1 300); do
    now=$(curl -sf "localhost:$METRICS_PORT/metrics" | awk '/^cruddur_dynamodb_requests_total/ && /route="none"/ && !/GetRecords|DescribeStream/ {s += $NF} END {print s}')
    [ "$now" = "$last" ] && return
    last=$now
    sleep 2
  done
}
field() { echo "$1" | awk -v i="$2" '{print $i}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

for mode in memory embedded; do
  java -jar "$HOST_JAR" serve --mode "$mode" --port "$PORT" --throwaway --dynamodb-port "$DYNAMO_PORT" \
    --postgres-port "$POSTGRES_PORT" --metrics-port "$METRICS_PORT" \
    --generated-users "$USERS" --sends-per-minute 0 --starts-per-minute 0 --dev-logins-per-minute 0 \
    > "$work/$mode.log" 2>&1 &
  host=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
  # @user1 and @user2 are the lag probe's; the others each start a conversation with the next.
  : > "$work/pairs"
  groups=()
  for i in $(seq 3 "$USERS"); do
    token=$(login "user$i")
    group=$(start "$token" "user$(( i == USERS ? 3 : i + 1 ))")
    echo "$token $group" >> "$work/pairs"
    groups+=("$group")
  done
  group_list=$(IFS=,; echo "${groups[*]}")

  echo "== $mode: $((USERS - 2)) users, wrk -t2 -c$CONNECTIONS, ${WARMUP}s warm-up, ${DURATION}s measured"
  printf '%-9s %11s %8s %8s %7s %10s  %s\n' route "requests/s" "p50 ms" "p99 ms" errors "of /health" "per request"
  health=""
  for route in health groups messages send; do
    load "$route" 2 "$CONNECTIONS" "$WARMUP" > /dev/null
    scrape "$work/before"
    result=$(load "$route" 2 "$CONNECTIONS" "$DURATION" --latency)
    scrape "$work/after"
    rps=$(field "$result" 3)
    health=${health:-$rps}
    case $route in
      health) cost=$(costs "$work/before" "$work/after" GET /health) ;;
      groups) cost=$(costs "$work/before" "$work/after" GET /api/message_groups) ;;
      messages) cost=$(costs "$work/before" "$work/after" GET '/api/messages/{group}') ;;
      send) cost=$(costs "$work/before" "$work/after" POST /api/messages); send_rate=$rps ;;
    esac
    printf '%-9s %11s %8s %8s %7s %10s  %s\n' "$route" "$rps" "$(field "$result" 4)" "$(field "$result" 5)" \
      "$(field "$result" 6)" "$(ratio "$rps" "$health")" "$cost"
  done

  if [ "$mode" = embedded ]; then
    settle
    echo "-- A and B against the raw Query floor (same DynamoDB engine, same data, stream poller idle)"
    printf '%-12s %-9s %11s %8s %8s %14s\n' connections route "requests/s" "p50 ms" "p99 ms" "p50 / floor"
    for connections in 1 "$CONNECTIONS"; do
      threads=$(( connections < 2 ? 1 : 2 ))
      for pair in "groups B" "messages A"; do
        route=${pair% *}; pattern=${pair#* }
        load "$route" "$threads" "$connections" "$WARMUP" > /dev/null
        http=$(load "$route" "$threads" "$connections" "$DURATION" --latency)
        floor=$(probe query-floor --endpoint "http://127.0.0.1:$DYNAMO_PORT" --pattern "$pattern" \
          --groups "$group_list" --threads "$connections" --warmup "PT${WARMUP}S" --duration "PT${DURATION}S")
        printf '%-12s %-9s %11s %8s %8s %14s\n' "$connections" "$route" "$(field "$http" 3)" "$(field "$http" 4)" \
          "$(field "$http" 5)" "$(ratio "$(field "$http" 4)" "$(field "$floor" 4)")"
        printf '%-12s %-9s %11s %8s %8s\n' "$connections" "Query $pattern" "$(field "$floor" 3)" \
          "$(field "$floor" 4)" "$(field "$floor" 5)"
      done
    done

    echo "-- D: $STARTS conversations started with someone new (recipients looked up once before, as warm)"
    for i in $(seq 3 $((STARTS + 2))); do curl -sf "localhost:$PORT/api/users/@user$((i + 2))/short" > /dev/null; done
    scrape "$work/before"
    for i in $(seq 3 $((STARTS + 2))); do
      start "$(login "user$i")" "user$((i + 2))" > /dev/null
    done
    scrape "$work/after"
    echo "POST /api/messages with a handle: $(costs "$work/before" "$work/after" POST /api/messages)"

    echo "-- write units per message as the DynamoDB engine reports them (ours | the reference design's)"
    probe write-units --endpoint "http://127.0.0.1:$DYNAMO_PORT" | while read -r _ pattern ours reference; do
      printf '%-3s %6s | %6s\n' "$pattern" "$ours" "$reference"
    done

    settle
    echo "-- E: from a send's acknowledgement until both members' group lists show it"
    printf '%-30s %9s %8s %8s %8s %13s %13s\n' while messages "p50 ms" "p99 ms" "max ms" "p99 1st half" "p99 2nd half"
    lag=$(probe stream-lag --url "http://localhost:$PORT" --duration "PT${DURATION}S")
    printf '%-30s %9s %8s %8s %8s %13s %13s\n' idle $(echo "$lag" | cut -d' ' -f2-)
    # Half the send rate that saturated the DynamoDB engine above (wrk, CONNECTIONS), held for E_DURATION.
    half=$(awk -v r="$send_rate" 'BEGIN {printf "%.0f", r / 2}')
    probe send-load --url "http://localhost:$PORT" --pairs "$work/pairs" --rate "$half" --duration "PT${WARMUP}S" > /dev/null
    settle
    scrape "$work/before"
    probe send-load --url "http://localhost:$PORT" --pairs "$work/pairs" --rate "$half" \
      --duration "PT${E_DURATION}S" > "$work/send-load" &
    sender=$!
    lag=$(probe stream-lag --url "http://localhost:$PORT" --duration "PT${E_DURATION}S")
    wait "$sender"
    scrape "$work/after"
    printf '%-30s %9s %8s %8s %8s %13s %13s  poller: %s\n' "sends at $(field "$(cat "$work/send-load")" 3)/s (half)" \
      $(echo "$lag" | cut -d' ' -f2-) "$(poller_rates "$work/before" "$work/after" "$E_DURATION")"
    settle
    # Saturation: wrk sending as fast as CONNECTIONS allow, held for E_DURATION.
    scrape "$work/before"
    load send 2 "$CONNECTIONS" "$E_DURATION" > "$work/send-load" &
    sender=$!
    lag=$(probe stream-lag --url "http://localhost:$PORT" --duration "PT${E_DURATION}S")
    wait "$sender"
    scrape "$work/after"
    printf '%-30s %9s %8s %8s %8s %13s %13s  poller: %s\n' "sends at $(field "$(cat "$work/send-load")" 3)/s (full)" \
      $(echo "$lag" | cut -d' ' -f2-) "$(poller_rates "$work/before" "$work/after" "$E_DURATION")"
  fi
  kill "$host"; wait "$host" 2>/dev/null || true
  host=""
done
