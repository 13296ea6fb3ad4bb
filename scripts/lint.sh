#!/usr/bin/env bash
# Static analysis of the project's C++ with cppcheck (warnings,
# performance and portability checks); fails on any finding.
# NOTE: .clang-tidy is kept for editors with a newer clang; Debian 12's
# clang-tidy 14 cannot parse libstdc++ 12's <expected>, so CI runs cppcheck.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
cppcheck --quiet --std=c++20 --enable=warning,performance,portability --inline-suppr \
  --error-exitcode=1 --suppress=missingIncludeSystem -I . \
  util cli scanner config sources report sarif port
echo "lint: cppcheck found nothing"
