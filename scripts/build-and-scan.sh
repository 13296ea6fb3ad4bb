#!/usr/bin/env bash
# First run on a fresh Debian 12 machine: installs the packages, builds
# the leakscan binary (without tests and benchmarks) and scans a
# repository's history (default: this checkout, whose test fixtures hold
# many fake secrets, so expect "leaks found").
# Usage: scripts/build-and-scan.sh [REPO] [extra leakscan git flags]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup-debian.sh"
"$root/scripts/build.sh" -DLEAKSCAN_BUILD_TESTS=OFF -DLEAKSCAN_BUILD_BENCHMARKS=OFF
repo=${1:-$root}
shift || true
echo "build-and-scan: leakscan git $repo $*"
status=0
"$root/build/cli/leakscan" git "$repo" "$@" || status=$?
echo "build-and-scan: leakscan exited with $status (0: no leaks, 1: leaks found)"
