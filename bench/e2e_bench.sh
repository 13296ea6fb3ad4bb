#!/usr/bin/env bash
# End-to-end throughput benchmark. Builds a generated history (real text
# from /usr/include and /usr/share/doc, planted fake secrets) and times,
# in the same run and on the same files:
#   baseline  git log -p -U0 --full-history --all   (the patch text alone,
#             which Gitleaks must read before it scans anything)
#   leakscan  leakscan git -j1 and leakscan git with all cores
#   dir       leakscan dir over the checkout of the final tree vs
#             grep -rc over the same tree (a read-everything floor)
# Prints hyperfine's means and the ratios to the baseline. Absolute times
# on a shared machine are noise; compare the ratios.
# Usage: bench/e2e_bench.sh [BINARY] [COMMITS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(readlink -f "${1:-$root/build/cli/leakscan}")
commits=${2:-3000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/repo" "$commits" <<PY
import sys
sys.path.insert(0, "$root/tests/e2e")
import history_generator
planted, count = history_generator.build_repository(sys.argv[1], int(sys.argv[2]))
print("generated %d commits with %d planted secrets" % (count, len(planted)))
PY
git -C "$work/repo" checkout -q -f main
git -C "$work/repo" gc -q

hyperfine --warmup 1 --runs 5 --export-json "$work/git.json" \
  -n "git log -p (baseline)" "git -C $work/repo log -p -U0 --full-history --all --diff-filter=tuxdb > /dev/null" \
  -n "leakscan git -j1" "$binary git $work/repo -j1 --no-banner --exit-code 0 -l error" \
  -n "leakscan git" "$binary git $work/repo --no-banner --exit-code 0 -l error" >/dev/null

hyperfine --warmup 1 --runs 5 --export-json "$work/dir.json" \
  -n "grep -rc (baseline)" "grep -rc --exclude-dir=.git secret $work/repo > /dev/null || true" \
  -n "leakscan dir -j1" "$binary dir $work/repo -j1 --no-banner --exit-code 0 -l error" \
  -n "leakscan dir" "$binary dir $work/repo --no-banner --exit-code 0 -l error" >/dev/null

python3 - "$work/git.json" "$work/dir.json" <<'PY'
import json, sys
for path in sys.argv[1:]:
    results = json.load(open(path))["results"]
    base = results[0]["mean"]
    for result in results:
        print("%-24s mean %8.3fs  ratio to baseline %5.2f" % (
            result["command"], result["mean"], result["mean"] / base))
    print()
PY
