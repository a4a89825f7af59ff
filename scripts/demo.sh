#!/usr/bin/env bash
# The main job: build the provider and the embedded Portals API emulator, then run a whole portal lifecycle
# through the provider — create, a slug rename (shown as a preview diff, applied as an in-place update),
# destroy. With the Pulumi CLI installed it runs examples/yaml with `pulumi up` on a local file backend (no
# account needed); without it, it drives the provider exactly as the engine does, through Pulumi's own
# generated gRPC client (tests/conformance), and prints the engine-style summary. Exit code 0 only if the
# lifecycle succeeded.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "building the provider and the emulator (Release)…" >&2
dotnet build provider/PortalsProvider.csproj -c Release -v q -nologo >&2
dotnet build tests/PortalsApi.Emulator/PortalsApi.Emulator.csproj -c Release -v q -nologo >&2

if command -v pulumi >/dev/null 2>&1; then
  exec examples/yaml/run-against-emulator.sh
fi

echo "The Pulumi CLI is not installed: running the same lifecycle through Pulumi's generated gRPC client instead." >&2
cd tests/conformance
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund --loglevel=error >&2; fi
exec node lifecycle-demo.mjs
