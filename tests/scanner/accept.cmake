# Tests of the acceptance step (fingerprints, .gitleaksignore, baselines,
# FindingSink); included from tests/scanner/CMakeLists.txt.
leakscan_add_test(scanner_accept_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/baseline_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/finding_sink_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/gitleaks_ignore_test.cc
  LIBS leakscan_scanner_accept)
leakscan_add_test(scanner_accept_conformance_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/accept_conformance_test.cc
  LIBS leakscan_scanner_accept leakscan_conformance)
