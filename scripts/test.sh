#!/usr/bin/env bash
# The test command: installs packages, builds, checks formatting and lint,
# then runs every test (unit, conformance, end to end) with ctest.
# Conformance tests skip themselves when ../shared is absent.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh" -DLEAKSCAN_BUILD_TESTS=ON -DLEAKSCAN_BUILD_BENCHMARKS=ON
"$root/scripts/check-format.sh"
"$root/scripts/lint.sh"
cd "$root/build"
ctest --output-on-failure -j"$(nproc)" --timeout 900
