#!/usr/bin/env bash
# Fails when a C++ file differs from what clang-format (.clang-format)
# would write. Run `scripts/check-format.sh --fix` to reformat in place.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mapfile -t files < <(git ls-files '*.cc' '*.h')
if [[ ${1:-} == --fix ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/leakscan-format.log; then
  head -40 /tmp/leakscan-format.log
  echo "check-format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
