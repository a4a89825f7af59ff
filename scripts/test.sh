#!/usr/bin/env bash
# Runs every test of the repository: the xunit projects (unit, client, emulator, in-process gRPC, SDK/schema,
# packaging, Terraform CLI end-to-end) and the Node conformance suite (Pulumi's own generated gRPC client
# against the built provider binary). Prints one closing line "N passed, M failed[, K skipped]".
#
# Usage: scripts/test.sh            (everything)
#        SKIP_CONFORMANCE=1 scripts/test.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
logdir="$(mktemp -d)"
trap 'rm -rf "$logdir"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0; failed=0; skipped=0; broken=0

step() { printf '\n==> %s\n' "$*" >&2; }

add_dotnet_totals() {
  # "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: …"
  local f p s
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+), Total.*/\1 \2 \3/p' "$1")
}

step "dotnet build (Release)"
if ! dotnet build PortalsProvider.sln -c Release 2>&1 | tee "$logdir/build.log" | grep -E "error|Warn|Elapsed" >&2; then :; fi
if ! grep -q "Build succeeded" "$logdir/build.log"; then
  echo "build failed" >&2; broken=1
else
  step "dotnet test"
  dotnet test PortalsProvider.sln -c Release --no-build 2>&1 | tee "$logdir/test.log" \
    | grep -vE "^\s*$|warning NU1603" >&2
  add_dotnet_totals "$logdir/test.log"
  grep -q "Failed!" "$logdir/test.log" && [ "$failed" -eq 0 ] && broken=1

  if [ "${SKIP_CONFORMANCE:-0}" != "1" ] && [ -x tests/conformance/run.sh ]; then
    # The suite runs against the binary that ships: the Native AOT publish (scripts/publish-aot.sh fails on any
    # trim/AOT warning). PORTALS_CONFORMANCE_JIT=1 runs it against the JIT build instead (faster to iterate).
    conformance_bin=()
    if [ "${PORTALS_CONFORMANCE_JIT:-0}" != "1" ]; then
      step "Native AOT publish (zero trim/AOT warnings)"
      if aot_bin="$(scripts/publish-aot.sh | tail -1)"; then
        conformance_bin=(env "PORTALS_PROVIDER_BIN=$aot_bin")
      else
        echo "Native AOT publish failed" >&2; broken=1
      fi
    fi
    step "conformance suite (Node, @pulumi/pulumi generated client) against ${conformance_bin[1]:-the JIT build}"
    "${conformance_bin[@]}" env PORTALS_SKIP_BUILD=1 tests/conformance/run.sh 2>&1 | tee "$logdir/conformance.log" >&2
    rc=${PIPESTATUS[0]}
    # node's reporters end with "ℹ pass N" (spec) or "# pass N" (tap).
    p=$(sed -nE 's/^(# |ℹ )pass ([0-9]+)$/\2/p' "$logdir/conformance.log" | tail -1)
    f=$(sed -nE 's/^(# |ℹ )fail ([0-9]+)$/\2/p' "$logdir/conformance.log" | tail -1)
    s=$(sed -nE 's/^(# |ℹ )skipped ([0-9]+)$/\2/p' "$logdir/conformance.log" | tail -1)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
    if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then broken=1; fi
  fi
fi

[ "$broken" -ne 0 ] && failed=$((failed + 1)) && echo "a test stage failed before reporting its tests (counted as 1 failure)" >&2
if [ "$failed" -ne 0 ]; then
  # Repeat each failure (name, message, first stack lines) at the end, where a CI log's tail shows it.
  echo >&2
  echo "==> failures" >&2
  for log in "$logdir/test.log" "$logdir/conformance.log"; do
    [ -f "$log" ] || continue
    awk '/^ +Failed [A-Za-z]/ { n = 25 } /^(not ok|✖)/ { n = 12 } n > 0 { print; n-- }' "$log" >&2
  done
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
