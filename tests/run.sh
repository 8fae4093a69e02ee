#!/usr/bin/env bash
# Runs Herald's whole test suite on a Debian machine with the .NET 10 SDK.
# Starts a local RabbitMQ for the integration and end-to-end tests, installing it first if
# needed (root, apt). Set RABBITMQ_URL to use another broker, MONGODB_URL to run the store
# contract suite on MongoDB as well; without one those tests report Ignored with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

ensure_rabbitmq() {
  if [ -n "${RABBITMQ_URL:-}" ]; then
    echo "tests: using RABBITMQ_URL"
    return
  fi
  if (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
    echo "tests: RabbitMQ already listening on localhost:5672"
    return
  fi
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "tests: installing rabbitmq-server"
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
    else
      echo "tests: no RabbitMQ; its tests will be reported Ignored" >&2
      return
    fi
  fi
  echo "tests: starting rabbitmq-server"
  local log=/tmp/herald-tests-rabbitmq.log
  rabbitmq-server -detached >"$log" 2>&1 || true
  # `-detached` returns before the node registers, and `await_startup` gives up at once on a
  # node that is not yet running, so wait for the node to answer first.
  local deadline=$((SECONDS + 120))
  until rabbitmqctl -q ping >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "tests: rabbitmq-server did not start within 120 s" >&2
      cat "$log" >&2
      tail -n 50 /var/log/rabbitmq/*.log >&2 2>/dev/null || true
      exit 1
    fi
    sleep 1
  done
  rabbitmqctl -q await_startup --timeout 120 >/dev/null
  echo "tests: RabbitMQ is up"
}

ensure_rabbitmq

dotnet build Herald.slnx -c Release -warnaserror -nologo -v:q
log=$(mktemp)
set +e
# One test project at a time: the end-to-end tests start several processes on two cores.
dotnet test Herald.slnx -c Release --no-build -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped", p, f, s}')
rm -f "$log"
echo "Tests: ${summary}"
exit "$status"
