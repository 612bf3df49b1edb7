#!/usr/bin/env bash
# Runs every test: installs the npm tools the tests use (Azurite, oracles), builds, runs
# `dotnet test` with a TRX logger and prints, as its last line, "N passed, N failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=tools/install.sh
source tools/install.sh
ensure_tools_installed tools

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

status=0
if dotnet build TeamsPolicyBot.sln --nologo --verbosity quiet; then
  dotnet test TeamsPolicyBot.sln --no-build --nologo --verbosity minimal \
    --logger trx --results-directory "$results" || status=$?
else
  status=$?
fi

# Sums one attribute of the <Counters> element over every TRX file written.
count() {
  local attribute=$1 total=0 file value
  for file in "$results"/*.trx; do
    [[ -f "$file" ]] || continue
    value=$(grep -o "<Counters [^>]*" "$file" | grep -o " $attribute=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0)
    total=$((total + value))
  done
  echo "$total"
}

passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
# VSTest counts a skipped test in total but not in executed.
skipped=$(( $(count total) - $(count executed) ))

summary="$passed passed, $failed failed"
(( skipped > 0 )) && summary+=", $skipped skipped"
echo "$summary"

if (( status != 0 || failed > 0 || passed + failed == 0 )); then
  (( passed + failed == 0 && status == 0 )) && echo "No tests ran." >&2
  exit 1
fi
