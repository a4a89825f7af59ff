#!/usr/bin/env bash
# Where a plugin's start-up goes: counts the instructions from exec to the port line with valgrind's callgrind
# (deterministic: the same count whatever else the machine is doing) and prints the heaviest functions,
# inclusive. Used for the cold-start analysis in bench/RESULTS.md.
#
# Usage: bench/profile-startup.sh BINARY [TOP]     e.g. bench/profile-startup.sh artifacts/bench/aot/pulumi-resource-buildkite-portals
# Needs valgrind and binutils. A Native AOT binary published with StripSymbols keeps its symbols in BINARY.dbg;
# valgrind 3.19 cannot read that file's DWARF 5, so a copy of the binary is pointed at a DWARF-free symbol file.
set -euo pipefail

bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
top="${2:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

target="$bin"
if [ -f "$bin.dbg" ]; then
  objcopy --strip-debug "$bin.dbg" "$work/syms.dbg"
  objcopy --remove-section=.gnu_debuglink "$bin" "$work/stripped"
  (cd "$work" && objcopy --add-gnu-debuglink=syms.dbg stripped plugin)
  chmod +x "$work/plugin"
  target="$work/plugin"
fi

valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$target" >"$work/stdout" 2>"$work/stderr" &
pid=$!
for _ in $(seq 1 1200); do [ -s "$work/stdout" ] && break; sleep 0.1; done
[ -s "$work/stdout" ] || { echo "no port line within 120 s" >&2; kill "$pid" 2>/dev/null; exit 1; }
kill -TERM "$pid"
wait "$pid" || true

echo "instructions from exec to the port line: $(sed -n 's/^summary: //p' "$work/callgrind.out")"
callgrind_annotate --inclusive=yes "$work/callgrind.out" 2>/dev/null \
  | sed -n '/^Ir/,$p' | grep -E '^ *[0-9,]+ \(' | head -n "$top" | cut -c1-220
