#!/usr/bin/env bash
# Builds the release archive of the resource plugin:
#   dist/pulumi-resource-buildkite-portals-v<VERSION>-<os>-<arch>.tar.gz
# holding exactly: pulumi-resource-buildkite-portals (executable), the same program as terraform-provider-portals
# (its Terraform name), README.md (provider/README.md), LICENSE.
# Install it with: pulumi plugin install resource buildkite-portals <VERSION> --file <archive>
#
# The version comes from the repository's VERSION file only (the same file the provider's GetPluginInfo, the
# schema and the C# SDK read), so the archive name can never disagree with the binary inside it.
#
# Publish modes (--mode; default aot for Linux RIDs, single-file for others):
#   aot                  Native AOT, self-contained: what releases ship. Starts like a native plugin (the engine
#                        starts it on every preview/up; see bench/RESULTS.md) and needs no .NET on the machine.
#                        Needs clang or gcc; Native AOT cannot cross-compile to another OS, hence the default.
#   single-file          self-contained single-file JIT executable: runs on any machine of that OS/arch, with or
#                        without .NET installed.
#   framework-dependent  single-file executable that needs the ASP.NET Core runtime of the provider's .NET version
#                        on the machine; a much smaller archive.
#   --aot is short for --mode aot.
#
# Usage: scripts/package.sh [--mode single-file|framework-dependent|aot] [--aot] [--rid linux-x64]
#                           [--out dist] [--configuration Release]
# Progress goes to stderr; the archive's path is the only line on stdout.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode=""
rid="linux-x64"
out="$root/dist"
configuration="Release"

usage() { sed -n '2,/^set /{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; }
fail() { echo "package.sh: $*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --mode) [[ $# -ge 2 ]] || fail "--mode needs a value"; mode="$2"; shift 2 ;;
    --mode=*) mode="${1#*=}"; shift ;;
    --aot) mode="aot"; shift ;;
    --rid) [[ $# -ge 2 ]] || fail "--rid needs a value"; rid="$2"; shift 2 ;;
    --rid=*) rid="${1#*=}"; shift ;;
    --out) [[ $# -ge 2 ]] || fail "--out needs a value"; out="$2"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    --configuration|-c) [[ $# -ge 2 ]] || fail "$1 needs a value"; configuration="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage; fail "unknown argument: $1" ;;
  esac
done

if [[ -z "$mode" ]]; then
  case "$rid" in linux-*) mode="aot" ;; *) mode="single-file" ;; esac
fi

# The provider project publishes Native AOT by default (PublishAot in its csproj), so the JIT modes turn it off.
case "$mode" in
  single-file) publish_args=(--self-contained -p:PublishAot=false -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true) ;;
  framework-dependent) publish_args=(--no-self-contained -p:PublishAot=false -p:PublishSingleFile=true) ;;
  aot) publish_args=(-p:PublishAot=true) ;;
  *) fail "unknown --mode '$mode' (single-file, framework-dependent or aot)" ;;
esac

# Pulumi names platforms <os>-<arch> (linux-amd64); .NET names them by runtime identifier (linux-x64).
case "$rid" in
  linux-x64) platform="linux-amd64" ;;
  linux-arm64) platform="linux-arm64" ;;
  osx-x64) platform="darwin-amd64" ;;
  osx-arm64) platform="darwin-arm64" ;;
  win-x64) platform="windows-amd64" ;;
  win-arm64) platform="windows-arm64" ;;
  *) fail "unsupported --rid '$rid' (linux-x64, linux-arm64, osx-x64, osx-arm64, win-x64, win-arm64)" ;;
esac

version="$(tr -d '[:space:]' < "$root/VERSION")"
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ ]] \
  || fail "VERSION does not hold a semantic version: '$version'"

binary="pulumi-resource-buildkite-portals"
[[ "$rid" == win-* ]] && binary="$binary.exe"
archive_name="pulumi-resource-buildkite-portals-v${version}-${platform}.tar.gz"

work="$(mktemp -d "${TMPDIR:-/tmp}/portals-package.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "package.sh: publishing $binary $version for $rid ($mode)" >&2
# --artifacts-path keeps this publish's obj/bin (a RID-specific restore) away from the developer's provider/obj,
# so packaging never disturbs a running build or test of the same checkout.
dotnet publish "$root/provider/PortalsProvider.csproj" \
  -c "$configuration" -r "$rid" "${publish_args[@]}" \
  -p:DebugType=none -p:DebugSymbols=false \
  --artifacts-path "$work/artifacts" -o "$work/publish" --nologo >&2

[[ -f "$work/publish/$binary" ]] || fail "publish produced no $binary in $work/publish"
# Anything else the publish leaves (besides symbols) would be missing from the archive at run time: refuse.
extra="$(find "$work/publish" -mindepth 1 ! -name "$binary" ! -name '*.pdb' ! -name '*.dbg' ! -name '*.dSYM' -print)"
[[ -z "$extra" ]] || fail "publish produced files the single-binary archive would not carry:"$'\n'"$extra"

stage="$work/stage"
mkdir -p "$stage"
install -m 0755 "$work/publish/$binary" "$stage/$binary"
# The same program under its Terraform name: it serves tfplugin6 when run as terraform-provider-portals (or with
# Terraform's magic cookie). A copy, not a symlink, so the archive unpacks the same everywhere.
tf_binary="terraform-provider-portals${binary#pulumi-resource-buildkite-portals}"
install -m 0755 "$work/publish/$binary" "$stage/$tf_binary"
install -m 0644 "$root/provider/README.md" "$stage/README.md"
install -m 0644 "$root/LICENSE" "$stage/LICENSE"

mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Reproducible archive: fixed order, owner and timestamps (SOURCE_DATE_EPOCH, else the last commit's time).
epoch="${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
  -C "$stage" -cf - "$binary" "$tf_binary" README.md LICENSE | gzip -n -9 > "$out/$archive_name.tmp"
mv "$out/$archive_name.tmp" "$out/$archive_name"
(cd "$out" && sha256sum "$archive_name" > "$archive_name.sha256")

echo "package.sh: wrote $out/$archive_name" >&2
echo "$out/$archive_name"
