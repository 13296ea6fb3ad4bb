#!/usr/bin/env bash
# Checks that `leakscan dir` reads huge files in bounded memory and still
# reports secrets that straddle the raw read borders at the right place.
#
# It writes two 200 MB files into a temporary folder:
#   one-line.txt    no newline at all, so every chunk is sniffed and every
#                   finding is on line 1 with columns counted from the start
#                   of its fragment;
#   short-lines.txt 24-byte lines and no blank line.
# In both, an AWS-style access key id straddles every border where a raw
# read ends: the first 100,000-byte read and each refill of the 4096-byte
# read-ahead buffer that follows a 25,000-byte boundary extension. The
# extension must keep each key whole. Each file is scanned with
#   leakscan dir FILE -f json -r OUT --no-banner
# under /usr/bin/time -v. The script prints the peak RSS and fails when it
# exceeds the target or when a planted key is missing or misplaced.
# The peak includes the findings kept for the report. A finding's Line
# (on one-line.txt its whole fragment, about 28 KB) is freed once the
# finding is accepted unless a template report needs it.
#
# Usage: bench/large_file_memory.sh [path/to/leakscan]   (default build/cli/leakscan)
# Environment: SIZE_MB (default 200), RSS_TARGET_MB (default 100),
# KEEP=1 keeps the temporary folder.
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
leakscan="${1:-$repo_root/build/cli/leakscan}"
size_mb="${SIZE_MB:-200}"
rss_target_mb="${RSS_TARGET_MB:-100}"

if [[ ! -x "$leakscan" ]]; then
  echo "leakscan binary not found at $leakscan; build it or pass its path" >&2
  exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "/usr/bin/time not found; install the Debian package 'time'" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/leakscan-bench-XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$work"' EXIT; fi

# Writes FILE and FILE.expected (one "line column key" row per planted key).
generate() {
  python3 - "$1" "$2" "$size_mb" <<'PY'
import bisect, random, sys

path, layout, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
size = size_mb * 1_000_000
DIRECT_READ, READ_AHEAD, MAX_PEEK = 100_000, 4096, 25_000
KEY_LENGTH = 20

# Without blank lines every boundary extension appends exactly MAX_PEEK
# bytes, so the fragments are [0, 125000) and then 28,672-byte runs, and
# raw reads end at 100,000 and 3,672 bytes into every later fragment.
refills = -(-MAX_PEEK // READ_AHEAD)
fragment_starts = [0]
borders = [DIRECT_READ]
start = DIRECT_READ + MAX_PEEK
while start < size:
    fragment_starts.append(start)
    borders.append(start + refills * READ_AHEAD - MAX_PEEK)
    start += refills * READ_AHEAD
borders = [b for b in borders if b + 64 < size]

rng = random.Random(1234)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
filler = b"abcdefghij klmnopq 0123\n" if layout == "lines" else b"abcdefghij klmnopq "

data = bytearray((filler * (size // len(filler) + 1))[:size])
keys = []
for border in borders:
    key = ("AKIA" + "".join(rng.choice(alphabet) for _ in range(16))).encode()
    at = border - KEY_LENGTH // 2
    # " KEY " keeps word boundaries on both sides; a newline after it
    # keeps the short-lines layout free of overlong lines.
    piece = b" " + key + (b" \n" if layout == "lines" else b" ")
    end = at - 1 + len(piece)
    data[at - 1 : end] = piece
    if data[end] == ord("\n"):
        data[end] = ord("x")  # A newline here would make a blank line.
    keys.append((at, key.decode()))

with open(path, "wb") as out:
    out.write(data)

# Expected location: line = 1 + newlines before the key. Columns follow
# Gitleaks: on the first line of a fragment they count from the fragment
# start, on later lines the preceding newline is column 1.
with open(path + ".expected", "w") as out:
    line, counted_to = 1, 0  # Keys are in offset order, so count incrementally.
    for at, key in keys:
        line += data.count(b"\n", counted_to, at)
        counted_to = at
        fragment_start = fragment_starts[bisect.bisect_right(fragment_starts, at) - 1]
        newline = data.rfind(b"\n", fragment_start, at)
        column = at - fragment_start + 1 if newline < 0 else at - newline + 1
        out.write(f"{line} {column} {key}\n")
print(f"{path}: {len(data)} bytes, {len(keys)} keys")
PY
}

# Scans FILE, prints its peak RSS and fails when the report misses a key
# listed in FILE.expected or the peak exceeds the target.
scan_and_check() {
  local file="$1" report="$work/$(basename "$1").json" timing="$work/$(basename "$1").time"
  local status=0
  /usr/bin/time -v "$leakscan" dir "$file" -f json -r "$report" --no-banner \
    2> "$timing" > /dev/null || status=$?
  # Exit 1 means "leaks found", which is expected here.
  if [[ $status -ne 0 && $status -ne 1 ]]; then
    echo "leakscan failed with exit code $status:" >&2
    cat "$timing" >&2
    return 1
  fi
  local peak_kb seconds
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$timing")
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$timing")
  python3 - "$report" "$file.expected" "$peak_kb" "$rss_target_mb" "$seconds" "$file" <<'PY'
import json, sys
report, expected_path, peak_kb, target_mb, seconds, name = sys.argv[1:7]
findings = json.load(open(report))
found = {(f["Secret"], f["StartLine"], f["StartColumn"]) for f in findings
         if f["RuleID"] == "aws-access-token"}
missing = []
expected = [row.split() for row in open(expected_path)]
for line, column, key in expected:
    if (key, int(line), int(column)) not in found:
        missing.append(f"{key} at {line}:{column}")
peak_mb = int(peak_kb) / 1024
print(f"{name}: peak RSS {peak_mb:.1f} MB (target {target_mb} MB), wall {seconds}, "
      f"{len(findings)} findings, "
      f"{len(expected) - len(missing)}/{len(expected)} planted keys found in place")
for item in missing[:10]:
    print(f"  missing: {item}")
sys.exit(1 if missing or peak_mb > float(target_mb) else 0)
PY
}

generate "$work/one-line.txt" single
generate "$work/short-lines.txt" lines
failed=0
scan_and_check "$work/one-line.txt" || failed=1
scan_and_check "$work/short-lines.txt" || failed=1
exit $failed
