#!/usr/bin/env bash
# Runs the benchmark suite (on demand; never part of pass/fail) and writes bench/RESULTS.md.
#
#   1. publishes the three plugins compared side by side: the bare AOT Kestrel gRPC host (bench/BareHost, the
#      cold-start floor), the provider as Native AOT (what ships, via scripts/publish-aot.sh) and the provider JIT;
#   2. runs the BenchmarkDotNet micro benchmarks (in-process Check / Diff), unless --no-micro;
#   3. runs the whole-process harness (bench/PortalsProvider.Bench): cold start, Check+Diff over gRPC, the
#      1000-portal lifecycle at parallelism 10 and 32 vs direct HTTP, peak RSS, the rate-limited run.
#
# Usage: scripts/bench.sh [--quick] [--no-micro] [--no-publish] [harness options, see bench/README.md]
# Takes about 10 minutes on 2 cores (--quick: about 3); publishing needs a C toolchain (clang or gcc) for ILC.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

micro=1; publish=1; harness_args=()
for arg in "$@"; do
  case "$arg" in
    --no-micro) micro=0 ;;
    --no-publish) publish=0 ;;
    *) harness_args+=("$arg") ;;
  esac
done

out="$root/artifacts/bench"
bare="$out/bare/bare-aot-host"
aot="$out/aot/pulumi-resource-buildkite-portals"
jit="$out/jit/pulumi-resource-buildkite-portals"

step() { printf '\n==> %s\n' "$*" >&2; }

if [ "$publish" = 1 ]; then
  step "publish bare AOT host (bench/BareHost)"
  dotnet publish bench/BareHost/BareHost.csproj -c Release -r linux-x64 -o "$out/bare" -nologo -v quiet >&2
  step "publish provider, Native AOT"
  scripts/publish-aot.sh "$out/aot" >/dev/null
  step "publish provider, JIT (framework-dependent)"
  dotnet publish provider/PortalsProvider.csproj -c Release -r linux-x64 --self-contained false -p:PublishAot=false \
    -o "$out/jit" -nologo -v quiet >&2
fi
for bin in "$bare" "$aot" "$jit"; do
  [ -x "$bin" ] || { echo "missing $bin (run without --no-publish)" >&2; exit 1; }
done

step "build the harness"
dotnet build bench/PortalsProvider.Bench/PortalsProvider.Bench.csproj -c Release -nologo -v quiet >&2
harness="bench/PortalsProvider.Bench/bin/Release/net10.0/PortalsProvider.Bench.dll"

micro_report=()
if [ "$micro" = 1 ]; then
  step "micro benchmarks (BenchmarkDotNet, in-process Check / Diff)"
  rm -rf "$out/bdn"
  dotnet "$harness" --micro --filter '*' --artifacts "$out/bdn" >&2
  report="$(find "$out/bdn/results" -name '*-report-github.md' | head -1)"
  [ -n "$report" ] && micro_report=(--micro-report "$report")
fi

step "whole-process harness"
export BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+dirty')"
export BENCH_DOTNET_SDK="$(dotnet --version)"
export BENCH_COMMAND="scripts/bench.sh $*"
dotnet "$harness" --bare "$bare" --aot "$aot" --jit "$jit" --out bench/RESULTS.md \
  "${micro_report[@]+"${micro_report[@]}"}" "${harness_args[@]+"${harness_args[@]}"}"
