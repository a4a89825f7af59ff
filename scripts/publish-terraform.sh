#!/usr/bin/env bash
# Publishes the provider and gives the same program its Terraform name: the output directory holds
# pulumi-resource-buildkite-portals and terraform-provider-portals (a copy of the same apphost, which loads
# the same pulumi-resource-buildkite-portals.dll next to it). The program picks its front end from its name /
# Terraform's magic cookie, so one publish serves both tools.
#
# Usage: scripts/publish-terraform.sh [OUTPUT_DIR] [extra `dotnet publish` arguments...]
#   OUTPUT_DIR defaults to artifacts/provider. Examples:
#   scripts/publish-terraform.sh                                   # framework-dependent, Release
#   scripts/publish-terraform.sh out/linux-x64 -r linux-x64 --self-contained
#
# Point Terraform at OUTPUT_DIR with a dev override (see docs/terraform-quickstart.md) or put the directory in a
# filesystem mirror as registry.terraform.io/buildkite/portals/<version>/<os>_<arch>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/provider}"
[ $# -gt 0 ] && shift
mkdir -p "$out"
out="$(cd "$out" && pwd)"

dotnet publish "$root/provider/PortalsProvider.csproj" -c Release -o "$out" -nologo "$@" >&2

exe=""
[ -f "$out/pulumi-resource-buildkite-portals.exe" ] && exe=".exe"
# A copy, not a symlink: the program recognises itself by the name it was started as, and archives and
# Windows both handle plain files.
cp -f "$out/pulumi-resource-buildkite-portals$exe" "$out/terraform-provider-portals$exe"
chmod +x "$out/terraform-provider-portals$exe"
echo "$out/terraform-provider-portals$exe"
