# The acceptance step (fingerprints, .gitleaksignore, baselines, the
# FindingSink); included from scanner/CMakeLists.txt.
add_library(leakscan_scanner_accept STATIC
  ${CMAKE_CURRENT_LIST_DIR}/baseline.cc
  ${CMAKE_CURRENT_LIST_DIR}/baseline_csv.cc
  ${CMAKE_CURRENT_LIST_DIR}/baseline_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/baseline_sarif.cc
  ${CMAKE_CURRENT_LIST_DIR}/finding_sink.cc
  ${CMAKE_CURRENT_LIST_DIR}/gitleaks_ignore.cc
)
target_link_libraries(leakscan_scanner_accept
  PUBLIC leakscan_options leakscan_util
  PRIVATE PkgConfig::simdjson)
