#!/usr/bin/env bash
# HTTP load run: the host jar on loopback, memory then embedded mode; for each, /health (the host's
# ceiling) and patterns B, A and C, with requests/s, p50/p99 latency and each route's throughput
# as a ratio of /health measured in the same run. Each route first runs unmeasured for WARMUP, so
# the JIT has compiled it. Installs wrk if missing; builds the jar if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-4600}
command -v wrk >/dev/null || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk; }
[ -f app-javalin/target/cruddur-messaging.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
trap 'kill "$host" 2>/dev/null || true; rm -rf "$work"' EXIT

token() { curl -s -X POST "localhost:$PORT/dev/login" -d "{\"handle\":\"$1\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }

for mode in memory embedded; do
  java -jar app-javalin/target/cruddur-messaging.jar serve --mode "$mode" --port "$PORT" --throwaway \
    --dynamodb-port $((PORT + 1000)) > "$work/$mode.log" 2>&1 &
  host=$!
  for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
  users=(andrewbrown bayko londo altair sinclair)
  : > "$work/pairs"
  for i in "${!users[@]}"; do
    from=${users[$i]}; to=${users[$(((i + 1) % ${#users[@]}))]}
    t=$(token "$from")
    group=$(curl -s -X POST "localhost:$PORT/api/messages" -H "Authorization: Bearer $t" \
      -d "{\"message\":\"hello\",\"handle\":\"$to\"}" | sed 's/.*"message_group_uuid":"\([^"]*\)".*/\1/')
    echo "$t $group" >> "$work/pairs"
  done
  echo "== $mode (wrk -t2 -c$CONNECTIONS -d$DURATION)"
  printf '%-10s %12s %10s %10s %8s %12s\n' route "requests/s" "p50 ms" "p99 ms" errors "of /health"
  health=""
  for route in health groups messages send; do
    LOAD_PAIRS="$work/pairs" ROUTE=$route wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s scripts/load/requests.lua \
      "http://localhost:$PORT" > /dev/null
    line=$(LOAD_PAIRS="$work/pairs" ROUTE=$route wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
      -s scripts/load/requests.lua "http://localhost:$PORT" | grep '^RESULT')
    read -r _ _ rps p50 p99 errors <<< "$line"
    health=${health:-$rps}
    printf '%-10s %12s %10s %10s %8s %12s\n' "$route" "$rps" "$p50" "$p99" "$errors" \
      "$(awk -v a="$rps" -v b="$health" 'BEGIN {printf "%.2f", a / b}')"
  done
  kill "$host"; wait "$host" 2>/dev/null || true
done
