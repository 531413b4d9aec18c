#!/usr/bin/env bash
# Hostile-client probes (docs/reliability.md, "Hostile clients"): the host jar on loopback (MODE
# memory, the default, or embedded with throwaway engines) with its default limits and FRONTEND_URL
# set, then scripts/hostile/probe.py against it.
# Prints one line per probe, then the address the host listens on and the ERROR lines it logged.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${MODE:-memory}
PORT=${PORT:-4700}
FRONTEND=http://localhost:3000
HOST_JAR=${HOST_JAR:-app-javalin/target/cruddur-messaging.jar}
[ -f "$HOST_JAR" ] || ./mvnw -B -q package -DskipTests
log=$(mktemp)
FRONTEND_URL=$FRONTEND java -jar "$HOST_JAR" serve --mode "$MODE" --port "$PORT" --throwaway \
  --dynamodb-port $((PORT + 1000)) --postgres-port $((PORT + 1001)) > "$log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do curl -sf "localhost:$PORT/health" >/dev/null && break; sleep 0.5; done
python3 scripts/hostile/probe.py "$PORT" "$FRONTEND"
printf '%-34s %s\n' "listening on" "$(ss -Hltn "sport = :$PORT" | awk '{print $4}' | paste -sd' ')"
printf '%-34s %s\n' "ERROR lines logged" "$(grep -c ' ERROR ' "$log" || true)"
if [ "$MODE" = embedded ]; then
  socket=$(ss -Hxl | awk -v port=".s.PGSQL.$((PORT + 1001))" 'index($5, port) {print $5}')
  printf '%-34s %s\n' "PostgreSQL socket" "$socket ($(stat -c %A "$(dirname "$socket")") folder)"
  printf '%-34s %s\n' "PostgreSQL CONNECTION_URL user" "$(grep -o 'CONNECTION_URL=postgresql://[a-z]*' "$log" | sed 's|.*//||')"
fi
