#!/usr/bin/env bash
# Runs every test of SupportDesk: the root package, every package under Examples/, and the Benchmarks
# package (built, and its harness smoke-run). Installs what the tests need where it is missing.
#
#   bash Tests/Scripts/test-all.sh
#
# Installs (Debian, with apt-get, only when missing): libsqlite3-dev (the SQLite backend links the system
# SQLite), python3 (stemmer fixture tooling is not needed at test time; nothing else is installed).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

step() { printf '\n=== %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*" >&2; exit 1; }

# --- What the tests need -------------------------------------------------------------------------
need_packages=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need_packages+=(libsqlite3-dev)
if [ ${#need_packages[@]} -gt 0 ]; then
    step "Installing ${need_packages[*]}"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update || fail "apt-get update"
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends "${need_packages[@]}" \
        || fail "apt-get install ${need_packages[*]}"
fi
command -v swift >/dev/null || fail "swift is not on PATH (Swift 6.2 or later is needed)"

jobs=$(nproc 2>/dev/null || echo 2)

# --- Formatting ----------------------------------------------------------------------------------
step "swift format lint --strict"
swift format lint --strict --recursive Package.swift Sources Tests Examples/*/Package.swift Examples/*/Sources \
    Examples/*/Tests Benchmarks/Package.swift Benchmarks/Sources || fail "formatting (run: swift format -i -r <path>)"

# --- Root package --------------------------------------------------------------------------------
step "Root package: swift test"
swift test --parallel --num-workers "$jobs" || fail "root package tests"

# --- Example packages ----------------------------------------------------------------------------
for package in Examples/*/; do
    [ -f "$package/Package.swift" ] || continue
    step "$package: swift test"
    swift test --package-path "$package" || fail "$package tests"
done

# --- Benchmarks ----------------------------------------------------------------------------------
step "Benchmarks: build and smoke-run the harness"
swift build --package-path Benchmarks || fail "Benchmarks build"
bench_bin=$(swift build --package-path Benchmarks --show-bin-path)/support-desk-benchmarks
lines=$(SUPPORTDESK_BENCH_SMOKE=1 "$bench_bin" --filter catalog) || fail "benchmark harness"
printf '%s\n' "$lines"
printf '%s\n' "$lines" | python3 -c '
import json, sys
rows = [json.loads(line) for line in sys.stdin if line.strip()]
assert rows, "the benchmark printed no JSON lines"
for row in rows:
    assert set(row) >= {"name", "metric", "value", "unit"}, row
' || fail "benchmark output is not JSON lines"

step "All tests passed"
