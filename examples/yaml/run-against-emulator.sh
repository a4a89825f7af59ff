#!/usr/bin/env bash
# Runs this YAML stack with the Pulumi CLI against the Portals API emulator, on a local file backend (no
# Pulumi account): up → slug rename (preview --diff, then up: an in-place update) → destroy.
# Called by scripts/demo.sh when `pulumi` is installed; runnable on its own from any directory.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""
cleanup() {
  [ -n "$emulator_pid" ] && kill "$emulator_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

token="demo-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
dotnet build "$repo/tests/PortalsApi.Emulator" -c Release -nologo -v q >&2
coproc EMU { exec dotnet "$repo/tests/PortalsApi.Emulator/bin/Release/net10.0/PortalsApi.Emulator.dll" --port 0 --token "$token" --org acme; }
emulator_pid=$EMU_PID
read -r -t 60 api_url <&"${EMU[0]}"
echo "emulator: $api_url" >&2

export PULUMI_BACKEND_URL="file://$work/state" PULUMI_CONFIG_PASSPHRASE="demo" PULUMI_SKIP_UPDATE_CHECK=1
mkdir -p "$work/state"
cd "$here"
stack="demo-$$"
pulumi stack init "$stack" --non-interactive >/dev/null
trap 'pulumi stack rm "$stack" --yes --force --non-interactive >/dev/null 2>&1 || true; cleanup' EXIT
pulumi config set apiUrl "$api_url"
pulumi config set organization acme
pulumi config set --secret apiToken "$token"

pulumi up --yes --non-interactive
pulumi config set buildsSlug latest-builds-v2
echo "--- the rename, as a preview diff (an update, never a replace):" >&2
pulumi preview --diff --non-interactive
pulumi up --yes --non-interactive
pulumi destroy --yes --non-interactive
