#!/usr/bin/env bash
# End-to-end test of both pre-commit integrations: the pre-commit
# framework running this checkout's .pre-commit-hooks.yaml, and the plain
# hook written by `leakscan install-hook`. In each, a staged fake token
# blocks `git commit` with the rule id and file in the output, a clean
# commit passes, and SKIP=leakscan skips the hook.
# Usage: pre_commit_test.sh LEAKSCAN_BINARY SOURCE_DIR
set -uo pipefail
binary=$(readlink -f "$1")
source_dir=$(readlink -f "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$(dirname "$binary"):$PATH"
export PRE_COMMIT_HOME="$work/pre-commit-cache"
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --file "$GIT_CONFIG_GLOBAL" user.name "Hook Tester"
git config --file "$GIT_CONFIG_GLOBAL" user.email "hook@example.com"
git config --file "$GIT_CONFIG_GLOBAL" init.defaultBranch main
git config --file "$GIT_CONFIG_GLOBAL" protocol.file.allow always
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

# A fake GitHub token: the prefix and 36 random characters. 4000 random
# bytes give about 970 alphanumerics, so the token is never short.
fake_token() {
  printf 'ghp_%s' "$(head -c 4000 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 36)"
}

new_repo() {
  local repo=$1
  git init -q "$repo"
  echo "# demo" > "$repo/README.md"
  git -C "$repo" add README.md
  git -C "$repo" commit -q --no-verify -m "Initial commit"
}

# exercise_hook REPO LABEL: the three behaviours every hook must show.
exercise_hook() {
  local repo=$1 label=$2 output
  echo "GITHUB_TOKEN=$(fake_token)" > "$repo/secret.env"
  git -C "$repo" add secret.env
  output=$(cd "$repo" && git commit -m "add secret" 2>&1)
  local status=$?
  check "$label: commit with a secret fails" test "$status" -ne 0
  check "$label: output names the rule" grep -q "github-pat" <<<"$output"
  check "$label: output names the file" grep -q "secret.env" <<<"$output"
  check "$label: output hides the secret" bash -c '! grep -q "ghp_[A-Za-z0-9]\{36\}" <<<"$1"' _ "$output"

  output=$(cd "$repo" && SKIP=leakscan git commit -m "add secret, skipped" 2>&1)
  check "$label: SKIP=leakscan lets the commit through" test $? -eq 0

  git -C "$repo" rm -q secret.env
  git -C "$repo" commit -q --no-verify -m "remove secret"
  echo "plain text" > "$repo/notes.txt"
  git -C "$repo" add notes.txt
  output=$(cd "$repo" && git commit -m "add notes" 2>&1)
  check "$label: clean commit succeeds ($output)" test $? -eq 0
}

# 1. The pre-commit framework with this checkout as the hook repository.
if command -v pre-commit >/dev/null; then
  if git -C "$source_dir" ls-files --error-unmatch .pre-commit-hooks.yaml >/dev/null 2>&1; then
    repo="$work/framework"
    new_repo "$repo"
    rev=$(git -C "$source_dir" rev-parse HEAD)
    cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $source_dir
    rev: $rev
    hooks:
      - id: leakscan
YAML
    git -C "$repo" add .pre-commit-config.yaml
    git -C "$repo" commit -q --no-verify -m "Add pre-commit config"
    (cd "$repo" && pre-commit install >/dev/null)
    exercise_hook "$repo" "pre-commit framework"
  else
    echo "SKIP: .pre-commit-hooks.yaml is not committed in $source_dir"
  fi
else
  echo "FAIL: pre-commit is not installed (scripts/setup-debian.sh installs it)"
  failed=$((failed + 1))
fi

# 2. The plain hook written by install-hook.
repo="$work/plain"
new_repo "$repo"
(cd "$repo" && "$binary" install-hook --no-banner >/dev/null 2>&1)
check "install-hook writes an executable hook" test -x "$repo/.git/hooks/pre-commit"
exercise_hook "$repo" "install-hook"

# 3. install-hook keeps a foreign hook unless --force.
repo="$work/foreign"
new_repo "$repo"
printf '#!/bin/sh\nexit 0\n' > "$repo/.git/hooks/pre-commit"
(cd "$repo" && "$binary" install-hook >/dev/null 2>&1)
check "install-hook refuses to replace a foreign hook" test $? -ne 0
check "foreign hook unchanged" grep -q "^exit 0" "$repo/.git/hooks/pre-commit"
(cd "$repo" && "$binary" install-hook --force >/dev/null 2>&1)
check "install-hook --force replaces it" grep -q "leakscan-managed-hook" "$repo/.git/hooks/pre-commit"

echo "$passed passed, $failed failed"
test "$failed" -eq 0
