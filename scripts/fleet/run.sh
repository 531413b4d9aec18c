#!/usr/bin/env bash
# A fleet on one machine: the DynamoDB engine and PostgreSQL (the engines command), cognito-local as
# Cognito, three aws-mode hosts that are all stream workers, and HAProxy in front of them on
# 127.0.0.1:4600. Prints how to sign in and call the API through the load balancer; Ctrl-C stops
# everything. Needs Java 17, Node.js with npm, haproxy (apt-get install haproxy) and curl.
# `run.sh measure` instead takes the fleet's figures (docs/benchmarks.md) and stops: live events
# across hosts, news through PostgreSQL, and the takeover after kill -9 of the stream's reader.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=app-javalin/target/cruddur-messaging.jar
COGNITO=tools/cognito-local/node_modules/.bin/cognito-local
COGNITO_PORT=${COGNITO_PORT:-9229}
work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install haproxy" >&2; exit 2; }
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
[ -x "$COGNITO" ] || (cd tools/cognito-local && npm ci --no-audit --no-fund)

java -jar "$JAR" engines --throwaway > "$work/engines.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q '^export CONNECTION_URL=' "$work/engines.log" && break; sleep 0.5; done
eval "$(grep '^export ' "$work/engines.log")"

(cd "$work" && PORT=$COGNITO_PORT "$OLDPWD/$COGNITO" > "$work/cognito.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 60); do grep -q 'Cognito Local running' "$work/cognito.log" && break; sleep 0.5; done
cognito() { # target json -> response
  curl -sf -X POST "http://127.0.0.1:$COGNITO_PORT/" -H 'Content-Type: application/x-amz-json-1.1' \
    -H "X-Amz-Target: AWSCognitoIdentityProviderService.$1" -d "$2"
}
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
pool=$(cognito CreateUserPool '{"PoolName":"cruddur"}' | field Id)
client=$(cognito CreateUserPoolClient "{\"UserPoolId\":\"$pool\",\"ClientName\":\"web\"}" | field ClientId)
for handle in andrewbrown bayko londo altair sinclair; do
  cognito AdminCreateUser "{\"UserPoolId\":\"$pool\",\"Username\":\"$handle@example.org\",\"MessageAction\":\"SUPPRESS\",
    \"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"$handle@example.org\"},{\"Name\":\"preferred_username\",\"Value\":\"$handle\"}]}" > /dev/null
  cognito AdminSetUserPassword "{\"UserPoolId\":\"$pool\",\"Username\":\"$handle@example.org\",\"Password\":\"Fleet-passw0rd!\",\"Permanent\":true}" > /dev/null
done

export AWS_COGNITO_USER_POOL_ID=$pool AWS_COGNITO_USER_POOL_CLIENT_ID=$client
export AWS_COGNITO_ISSUER=http://localhost:$COGNITO_PORT/$pool
export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=http://127.0.0.1:$COGNITO_PORT
export CURSOR_SECRET=${CURSOR_SECRET:-$(head -c 32 /dev/urandom | base64)}
java -jar "$JAR" ddb schema-load
java -jar "$JAR" db setup
java -jar "$JAR" db update-cognito-user-ids

# the figures come from probes that send far faster than a person
limits=()
[ "${1:-}" = measure ] && limits=(--sends-per-minute 0 --starts-per-minute 0)
declare -A host_pid
for i in 1 2 3; do
  STREAM_WORKER_ID=host-$i java -jar "$JAR" serve --mode aws --port "460$i" --stream-worker \
    --behind-proxy "${limits[@]}" > "$work/host-$i.log" 2>&1 &
  pids+=($!)
  host_pid[host-$i]=$!
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf "localhost:460$i/health" > /dev/null && break; sleep 0.5; done
done
haproxy -db -f scripts/fleet/haproxy.cfg > "$work/haproxy.log" 2>&1 &
pids+=($!)

token() { # handle -> access token
  cognito InitiateAuth "{\"ClientId\":\"$client\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",
    \"AuthParameters\":{\"USERNAME\":\"$1@example.org\",\"PASSWORD\":\"Fleet-passw0rd!\"}}" | field AccessToken
}
if [ "${1:-}" = measure ]; then
  PROBES_JAR=benchmarks/target/benchmarks.jar
  [ -f "$PROBES_JAR" ] || ./mvnw -B -q -Pbench package -DskipTests
  probe() { java -cp "$PROBES_JAR" io.cruddur.messaging.benchmarks.load.LoadProbes "$@"; }
  andrew=$(token andrewbrown)
  bayko=$(token bayko)
  group=$(curl -sf -X POST localhost:4601/api/messages -H "Authorization: Bearer $andrew" \
    -d '{"message":"hello fleet","handle":"bayko"}' | field message_group_uuid)
  echo "first rows moved (a fresh fleet's workers take their leases): $(probe rows-follow --url http://localhost:4601 --token "$andrew" --group "$group")"
  echo "live events, sent through host-1, heard on host-2: $(probe event-latency --send-url http://localhost:4601 \
    --listen-url http://localhost:4602 --sender-token "$andrew" --listener-token "$bayko" --group "$group")"
  for listeners in 1 3 10; do
    echo "news through PostgreSQL to $listeners listening hosts: $(probe news-rate --connection-url "$CONNECTION_URL" --listeners "$listeners")"
  done
  holder=$(DDB_MESSAGE_TABLE=cruddur-messages-stream-workers java -jar "$JAR" ddb scan 2>/dev/null \
    | grep -o 'leaseOwner=[^ ,}]*' | head -1 | cut -d= -f2)
  survivor=$([ "$holder" = host-1 ] && echo 4602 || echo 4601)
  kill -9 "${host_pid[$holder]}"
  echo "kill -9 of $holder, the stream's reader; rows followed again after: $(probe rows-follow \
    --url "http://localhost:$survivor" --token "$andrew" --group "$group")"
  exit 0
fi

cat <<INFO
A fleet of three hosts behind http://127.0.0.1:4600 (logs in $work). In another terminal:

  TOKEN=\$(curl -s -X POST http://127.0.0.1:$COGNITO_PORT/ -H 'Content-Type: application/x-amz-json-1.1' \\
    -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' \\
    -d '{"ClientId":"$client","AuthFlow":"USER_PASSWORD_AUTH","AuthParameters":{"USERNAME":"andrewbrown@example.org","PASSWORD":"Fleet-passw0rd!"}}' \\
    | sed 's/.*"AccessToken":"\\([^"]*\\)".*/\\1/')
  curl -s localhost:4600/api/message_groups -H "Authorization: Bearer \$TOKEN"

The same users are bayko, londo, altair and sinclair (@example.org, same password). Ctrl-C stops the fleet.
INFO
wait "${pids[0]}"
