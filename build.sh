#!/usr/bin/env bash
# Bootstraps the build: Cake comes from the local tool manifest (.config/dotnet-tools.json).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null || exit 1
# build.cake references build/Shop.Build (#r), the code it shares with the tests: compiled before the script.
out=$(dotnet build build/Shop.Build/Shop.Build.csproj --configuration Release --output .shop/build --nologo --verbosity quiet 2>&1) \
  || { echo "$out" >&2; exit 1; }
summary=.shop/test-results/summary.txt
rm -f "$summary"
dotnet cake build.cake "$@"
status=$?
# A test run's last line is its 'N passed, N failed' summary, after Cake's own report.
[ -f "$summary" ] && cat "$summary"
exit $status
