# Third-party dependencies, one block each. Every library comes from its
# Debian 12 package; a missing one stops configuration with the package name.
include_guard(GLOBAL)
find_package(PkgConfig REQUIRED)

# leakscan_require_pkg(TARGET MODULE DEBIAN_PACKAGE) imports a pkg-config
# module as an IMPORTED target or fails naming the package to install.
function(leakscan_require_pkg target module package)
  pkg_check_modules(${target} QUIET IMPORTED_TARGET GLOBAL ${module})
  if(NOT ${target}_FOUND)
    message(FATAL_ERROR
      "leakscan: ${module} not found; install the Debian package '${package}' "
      "(or run scripts/setup-debian.sh)")
  endif()
  message(STATUS "leakscan: ${module} ${${target}_VERSION}")
endfunction()

# RE2: every rule regex, allowlist regex and the decoder's candidate search.
leakscan_require_pkg(re2 re2 libre2-dev)

# libgit2: history walking, diffs and the index for staged scans.
leakscan_require_pkg(libgit2 libgit2 libgit2-dev)

# simdjson: reading JSON baselines, SARIF files and conformance cases.
leakscan_require_pkg(simdjson simdjson libsimdjson-dev)

# yaml-cpp: the built-in rule pack and YAML user configs.
leakscan_require_pkg(yamlcpp yaml-cpp libyaml-cpp-dev)

# toml++: Gitleaks TOML configs (header-only in Debian 12).
leakscan_require_pkg(tomlplusplus tomlplusplus libtomlplusplus-dev)

# libcurl: the Port webhook client, with TLS verification from OpenSSL.
leakscan_require_pkg(libcurl libcurl libcurl4-openssl-dev)

# libarchive: zip, tar, 7z, rar and the compression filters for archive scanning.
leakscan_require_pkg(libarchive libarchive libarchive-dev)

# OpenSSL: HMAC-SHA256/SHA1 webhook signatures and request ids.
find_package(OpenSSL 3 QUIET COMPONENTS Crypto)
if(NOT OpenSSL_FOUND)
  message(FATAL_ERROR "leakscan: OpenSSL not found; install the Debian package 'libssl-dev'")
endif()
message(STATUS "leakscan: OpenSSL ${OPENSSL_VERSION}")

# CLI11: the command line (header-only).
find_package(CLI11 CONFIG QUIET)
if(NOT CLI11_FOUND)
  message(FATAL_ERROR "leakscan: CLI11 not found; install the Debian package 'libcli11-dev'")
endif()
message(STATUS "leakscan: CLI11 ${CLI11_VERSION}")

find_package(Threads REQUIRED)

if(LEAKSCAN_BUILD_TESTS)
  # GoogleTest: unit, golden and conformance tests.
  find_package(GTest QUIET)
  if(NOT GTest_FOUND)
    message(FATAL_ERROR "leakscan: GoogleTest not found; install the Debian package 'libgtest-dev'")
  endif()
  message(STATUS "leakscan: GoogleTest found")
endif()

if(LEAKSCAN_BUILD_BENCHMARKS)
  # Google Benchmark: micro benchmarks under bench/.
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    message(FATAL_ERROR "leakscan: Google Benchmark not found; install the Debian package 'libbenchmark-dev'")
  endif()
  message(STATUS "leakscan: Google Benchmark ${benchmark_VERSION}")
endif()
