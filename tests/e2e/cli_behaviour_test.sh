#!/usr/bin/env bash
# End-to-end checks of the binary's behaviour on bad input and of
# properties that span modules: errors are one line with a non-zero exit,
# a folder with broken links still reports the other files' findings,
# reports do not depend on the thread count, and `rules --format toml`
# round-trips through the config loader.
# Usage: cli_behaviour_test.sh LEAKSCAN_BINARY
set -uo pipefail
binary=$(readlink -f "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --file "$GIT_CONFIG_GLOBAL" user.name "Behaviour Tester"
git config --file "$GIT_CONFIG_GLOBAL" user.email "tester@example.com"
passed=0
failed=0

check() {  # check DESCRIPTION COMMAND...
  local description=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $description"
  fi
}

token() { printf 'ghp_%s' "$(head -c 4000 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 36)"; }

# expect_error DESCRIPTION EXPECTED_TEXT COMMAND...: non-zero exit, and
# the last stderr line names the problem.
expect_error() {
  local description=$1 text=$2
  shift 2
  "$@" >/dev/null 2>"$work/stderr"
  local status=$?
  check "$description: non-zero exit" test "$status" -ne 0
  check "$description: error names '$text'" grep -q -- "$text" "$work/stderr"
}

# Errors.
mkdir -p "$work/plain"
echo "hello" > "$work/plain/a.txt"
expect_error "non-repository" "not a git repository" "$binary" git "$work/plain" --no-banner
expect_error "missing path" "no-such-dir" "$binary" dir "$work/no-such-dir" --no-banner
git init -q "$work/repo"
echo "GITHUB_TOKEN=$(token)" > "$work/repo/app.env"
git -C "$work/repo" add app.env
git -C "$work/repo" commit -q -m "add app.env"
expect_error "bad revision" "no-such-branch" \
  "$binary" git "$work/repo" --no-banner --log-opts="no-such-branch..HEAD"
expect_error "unsupported log option" "unsupported log option" \
  "$binary" git "$work/repo" --no-banner --log-opts="--walk-reflogs"
printf '[[rules]]\nid = "x"\nregex = "unterminated\n' > "$work/bad.toml"
expect_error "malformed config" "bad.toml" "$binary" dir "$work/plain" --no-banner -c "$work/bad.toml"
printf '[[rules]]\nid = "broken"\nregex = """(abc"""\n' > "$work/regex.toml"
"$binary" dir "$work/plain" --no-banner -c "$work/regex.toml" >/dev/null 2>"$work/stderr"
check "invalid regex exits 2" test $? -eq 2
check "invalid regex names the rule" grep -q "broken" "$work/stderr"

# A folder with broken links still reports the good file.
mkdir -p "$work/tree"
echo "GITHUB_TOKEN=$(token)" > "$work/tree/good.env"
ln -s "$work/tree/missing-target" "$work/tree/dangling"
ln -s loop-b "$work/tree/loop-a"
ln -s loop-a "$work/tree/loop-b"
"$binary" dir "$work/tree" --follow-symlinks --no-banner --no-color -f json -r "$work/tree.json" \
  2>"$work/stderr"
check "broken links: leaks exit code" test $? -eq 1
check "broken links: good file reported" grep -q "good.env" "$work/tree.json"
check "broken links: dangling link named" grep -q "dangling" "$work/stderr"
check "broken links: loop named" grep -q "loop-a" "$work/stderr"

# Thread count does not change the report.
for i in $(seq 1 40); do
  echo "line $i" > "$work/repo/file$i.txt"
  if (( i % 5 == 0 )); then echo "token = $(token)" >> "$work/repo/file$i.txt"; fi
  git -C "$work/repo" add "file$i.txt"
  git -C "$work/repo" commit -q -m "commit $i"
done
"$binary" git "$work/repo" -j1 --no-banner -f json -r "$work/j1.json" 2>/dev/null
"$binary" git "$work/repo" -j4 --no-banner -f json -r "$work/j4.json" 2>/dev/null
check "threads: reports identical" cmp -s "$work/j1.json" "$work/j4.json"
check "threads: findings present" grep -q '"RuleID"' "$work/j1.json"

# rules --format toml round-trips through the loader.
"$binary" rules --format toml > "$work/pack.toml"
check "rules toml: loads as a config" "$binary" rules -c "$work/pack.toml" -l error >"$work/from-toml.txt"
"$binary" rules > "$work/builtin.txt"
check "rules toml: same rule count" test "$(tail -1 "$work/from-toml.txt")" = "$(tail -1 "$work/builtin.txt")"
"$binary" git "$work/repo" --no-banner -c "$work/pack.toml" -f json -r "$work/toml.json" 2>/dev/null
check "rules toml: same findings as the built-in pack" \
  test "$(grep -c '"Fingerprint"' "$work/toml.json")" = "$(grep -c '"Fingerprint"' "$work/j1.json")"

# Secrets stay out of logs.
"$binary" git "$work/repo" --no-banner -l trace >/dev/null 2>"$work/stderr"
check "logs never contain a token" bash -c '! grep -q "ghp_[A-Za-z0-9]\{36\}" "$1"' _ "$work/stderr"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
