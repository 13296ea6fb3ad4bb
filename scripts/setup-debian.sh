#!/usr/bin/env bash
# Installs the Debian 12 packages leakscan needs to build, test and
# benchmark. Safe to run again; it installs only what is missing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libre2-dev libgit2-dev libsimdjson-dev libyaml-cpp-dev libtomlplusplus-dev
  libcli11-dev libcurl4-openssl-dev libssl-dev libarchive-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang-tidy cppcheck jq python3 pre-commit hyperfine time
  zip unzip xz-utils zstd bzip2 p7zip-full
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-debian: all packages present"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
echo "setup-debian: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
