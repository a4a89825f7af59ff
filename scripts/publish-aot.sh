#!/usr/bin/env bash
# Publishes the provider as a self-contained Native AOT binary for linux-x64 and fails on any trim/AOT warning
# (IL2xxx/IL3xxx): the bar is zero. Prints the binary's path as the last line of stdout.
#
# Usage: scripts/publish-aot.sh [output dir]      (default: artifacts/aot)
#   then e.g. PORTALS_PROVIDER_BIN="$(scripts/publish-aot.sh | tail -1)" tests/conformance/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/aot}"
rid="${PORTALS_AOT_RID:-linux-x64}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

echo "==> dotnet publish provider (Native AOT, $rid) -> $out" >&2
if ! dotnet publish "$root/provider/PortalsProvider.csproj" -c Release -r "$rid" -p:PublishAot=true \
    -o "$out" >"$log" 2>&1; then
  cat "$log" >&2
  echo "Native AOT publish failed" >&2
  exit 1
fi

# ILLink/ILC warnings are not always promoted by TreatWarningsAsErrors, so check the log itself.
if grep -E "warning IL[23][0-9]{3}" "$log" | sort -u >&2; then
  echo "Native AOT publish produced trim/AOT warnings (above); the bar is zero" >&2
  exit 1
fi

bin="$out/pulumi-resource-buildkite-portals"
[ -x "$bin" ] || { echo "expected binary missing: $bin" >&2; exit 1; }
echo "$bin"
