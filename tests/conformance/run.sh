#!/usr/bin/env bash
# Runs the Pulumi protocol conformance suite against the Release provider binary and the Portals API emulator.
#   tests/conformance/run.sh                 build (Release) + npm ci if needed + every *.test.mjs
#   tests/conformance/run.sh up.test.mjs     only some files
# Env: PORTALS_SKIP_BUILD=1 (use existing builds), PORTALS_PROVIDER_BIN, PORTALS_EMULATOR_DLL (override paths),
#      PORTALS_REQUIRE_INVOKES=1 (getPortal/getPortals/List tests may not skip),
#      PORTALS_TEST_CONCURRENCY=N (test files run at once; default 1: each starts .NET processes, 2-core machines).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$here"

# npm ci when node_modules is missing or older than the lock file it was installed from.
stamp="node_modules/.conformance-lock.sha256"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "== npm ci (tests/conformance)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

if [[ "${PORTALS_SKIP_BUILD:-0}" != "1" ]]; then
  echo "== dotnet build provider + emulator (Release)"
  dotnet build "$repo/provider" -c Release -nologo -v q
  dotnet build "$repo/tests/PortalsApi.Emulator" -c Release -nologo -v q
fi

if [[ $# -gt 0 ]]; then files=("$@"); else files=(./*.test.mjs); fi
echo "== node --test ${files[*]}"
# One file at a time by default: each starts its own emulator and provider processes (2-core machines).
exec node --test --test-concurrency="${PORTALS_TEST_CONCURRENCY:-1}" --test-timeout=120000 --test-reporter=spec "${files[@]}"
