#!/usr/bin/env bash
# A fleet on one machine: DynamoDB Local and PostgreSQL (the engines command), cognito-local as
# Cognito, three aws-mode hosts that are all stream workers, and HAProxy in front of them on
# 127.0.0.1:4600. Prints how to sign in and call the API through the load balancer; Ctrl-C stops
# everything. Needs Java 17, Node.js with npm, haproxy (apt-get install haproxy) and curl.
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

for i in 1 2 3; do
  STREAM_WORKER_ID=host-$i java -jar "$JAR" serve --mode aws --port "460$i" --stream-worker > "$work/host-$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2 3; do
  for _ in $(seq 1 120); do curl -sf "localhost:460$i/health" > /dev/null && break; sleep 0.5; done
done
haproxy -db -f scripts/fleet/haproxy.cfg > "$work/haproxy.log" 2>&1 &
pids+=($!)

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
