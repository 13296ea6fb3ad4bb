# Tests of the report template engine (report/template); included from
# tests/report/CMakeLists.txt.
leakscan_add_test(report_template_test
  SOURCES
    ${CMAKE_CURRENT_LIST_DIR}/template_format_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/template_functions_test.cc
    ${CMAKE_CURRENT_LIST_DIR}/template_test.cc
  LIBS leakscan_report_template)
leakscan_add_test(report_template_conformance_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/template_conformance_test.cc
  LIBS leakscan_report_template leakscan_conformance)
