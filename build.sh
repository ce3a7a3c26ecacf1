#!/usr/bin/env bash
# Bootstraps the build: Cake comes from the local tool manifest (.config/dotnet-tools.json).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"
