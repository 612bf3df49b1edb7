#!/usr/bin/env bash
# Runs the bot locally with everything it talks to, then waits until Ctrl-C (or SIGTERM):
#   Azurite Table service   http://127.0.0.1:10002   data kept in .azurite/ (git-ignored)
#   Azurite Blob service    http://127.0.0.1:10000   approval photos, same folder
#   the bot                 http://127.0.0.1:3978    dotnet run --project bot, development mode
#   Agents Playground       http://localhost:56150   mock Teams client, context from .m365agentsplayground.yml
# Logs of Azurite and the Playground go to .azurite/logs/; the bot logs to this terminal.
# POLICY_PACK=<pack id> ./dev.sh answers from another trust's pack (bot/policies/<id>.yaml).
# Drive the Playground without a browser: node tools/playground-check.mjs
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

readonly azurite_port=10002 blob_port=10000 bot_port=3978 playground_port=56150
readonly state_dir=.azurite log_dir=.azurite/logs

# shellcheck source=tools/install.sh
source tools/install.sh
ensure_tools_installed tools

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

for port in "$azurite_port" "$blob_port" "$bot_port" "$playground_port"; do
  if port_in_use "$port"; then
    echo "Port $port is already in use: stop whatever listens there (another ./dev.sh?) and try again." >&2
    exit 1
  fi
done

mkdir -p "$log_dir"

# Each service runs in its own session (setsid), so its process group can be stopped as a whole
# and Ctrl-C reaches only this script, which then stops the services in order.
azurite_pid='' bot_pid='' playground_pid=''

stop_group() {
  local pid=$1 signal=$2 name=$3
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill "-$signal" -- "-$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  echo "$name did not stop within 10 s; killing it." >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
}

stop_all() {
  trap - EXIT
  # Stopping must finish (a second Ctrl-C included) even if the terminal or a pipe reading this
  # script's output is gone; every service gets 10 s before it is killed.
  trap '' INT TERM HUP PIPE
  set +e
  echo
  echo "Stopping..."
  stop_group "$playground_pid" TERM "The Playground"
  stop_group "$bot_pid" TERM "The bot"
  # Azurite saves its tables to disk when interrupted.
  stop_group "$azurite_pid" INT "Azurite"
  echo "Stopped."
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

wait_until() {
  local what=$1 pid=$2 seconds=$3
  shift 3
  for _ in $(seq $((seconds * 2))); do
    "$@" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what exited while starting." >&2
      return 1
    fi
    sleep 0.5
  done
  echo "$what did not start within $seconds s." >&2
  return 1
}

http_ok() {
  curl -fsS --max-time 2 -o /dev/null "$1" 2>/dev/null
}

echo "Starting Azurite (Table service on 127.0.0.1:$azurite_port, Blob service on 127.0.0.1:$blob_port)..."
# The queue service is unused: port 0 lets the system pick a free one.
setsid tools/node_modules/.bin/azurite \
  --tableHost 127.0.0.1 --tablePort "$azurite_port" --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --queueHost 127.0.0.1 --queuePort 0 --location "$state_dir" \
  --disableTelemetry --skipApiVersionCheck --silent \
  >"$log_dir/azurite.log" 2>&1 </dev/null &
azurite_pid=$!
wait_until "Azurite (see $log_dir/azurite.log)" "$azurite_pid" 30 port_in_use "$azurite_port"
wait_until "Azurite's Blob service (see $log_dir/azurite.log)" "$azurite_pid" 30 port_in_use "$blob_port"

echo "Starting the bot (dotnet run --project bot) on http://127.0.0.1:$bot_port..."
# No MSBuild node reuse or shared compiler server: nothing the build starts outlives this script.
if [[ -n "${POLICY_PACK:-}" ]]; then
  export Policy__Pack="$POLICY_PACK"
fi
MSBUILDDISABLENODEREUSE=1 ASPNETCORE_ENVIRONMENT=Development \
  setsid dotnet run --project bot -p:UseSharedCompilation=false </dev/null &
bot_pid=$!
wait_until "The bot" "$bot_pid" 300 http_ok "http://127.0.0.1:$bot_port/healthz"

echo "Starting the Microsoft 365 Agents Playground on http://localhost:$playground_port..."
TEAMSAPPTESTER_BROWSER=none \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PWD/.m365agentsplayground.yml" \
  M365_AGENTS_PLAYGROUND_LOGFILE="$PWD/$log_dir/playground.log" \
  setsid tools/node_modules/.bin/agentsplayground start \
  --port "$playground_port" --app-endpoint "http://localhost:$bot_port/api/messages" \
  --channel-id msteams --disable-telemetry \
  >"$log_dir/playground-console.log" 2>&1 </dev/null &
playground_pid=$!
wait_until "The Playground (see $log_dir/playground-console.log)" "$playground_pid" 60 \
  http_ok "http://localhost:$playground_port/_debug/ping"

echo
echo "Open http://localhost:$playground_port"
echo "(Ctrl-C stops Azurite, the bot and the Playground.)"

# Returns when any service exits (or a signal arrives); the EXIT trap stops the others.
status=0
wait -n "$azurite_pid" "$bot_pid" "$playground_pid" || status=$?
echo "A service exited unexpectedly (status $status); stopping the others." >&2
exit 1
