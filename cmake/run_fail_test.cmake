# SPDX-License-Identifier: BSL-1.0
# Compile-fail test driver, run by ctest (see tests/CMakeLists.txt):
#   cmake -D BUILD_DIR=<build tree> -D TARGET=fail.NAME -D SOURCE=<tests/fail/NAME.cpp>
#         -P run_fail_test.cmake
# Passes only if building TARGET fails AND the build output matches every regex given
# by a `// LEIBNIZ_EXPECT_ERROR: <regex>` line of SOURCE (CMake regex syntax; use
# `a|b` for wording that differs between GCC and Clang). A line
# `// LEIBNIZ_EXPECT_FIRST_ERROR: <regex>` must match the first line of the output that
# contains "error:" (the diagnostic a user reads first). Read at test time, so editing
# the regex needs no reconfigure.
foreach(var IN ITEMS BUILD_DIR TARGET SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fail_test.cmake: -D ${var}=... is required")
  endif()
endforeach()

file(STRINGS "${SOURCE}" lines REGEX "//[ \t]*LEIBNIZ_EXPECT_ERROR:")
set(patterns "")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "^.*//[ \t]*LEIBNIZ_EXPECT_ERROR:[ \t]*" "" pattern "${line}")
  string(STRIP "${pattern}" pattern)
  if(pattern STREQUAL "")
    message(FATAL_ERROR "${SOURCE}: empty LEIBNIZ_EXPECT_ERROR regex")
  endif()
  list(APPEND patterns "${pattern}")
endforeach()
if(NOT patterns)
  message(FATAL_ERROR "${SOURCE}: no `// LEIBNIZ_EXPECT_ERROR: <regex>` line")
endif()
file(STRINGS "${SOURCE}" first_lines REGEX "//[ \t]*LEIBNIZ_EXPECT_FIRST_ERROR:")
set(first_patterns "")
foreach(line IN LISTS first_lines)
  string(REGEX REPLACE "^.*//[ \t]*LEIBNIZ_EXPECT_FIRST_ERROR:[ \t]*" "" pattern "${line}")
  string(STRIP "${pattern}" pattern)
  list(APPEND first_patterns "${pattern}")
endforeach()

execute_process(
  COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}"
  OUTPUT_VARIABLE output
  ERROR_VARIABLE output
  RESULT_VARIABLE result)

message("---- output of `cmake --build ... --target ${TARGET}` (exit ${result}) ----\n"
        "${output}"
        "---- end of output ----")

if(result EQUAL 0)
  message(FATAL_ERROR "${TARGET}: the build SUCCEEDED, but ${SOURCE} must not compile")
endif()
set(missing "")
foreach(pattern IN LISTS patterns)
  if(NOT output MATCHES "${pattern}")
    list(APPEND missing "${pattern}")
  endif()
endforeach()
if(first_patterns)
  string(REGEX MATCH "[^\n]*error: [^\n]*" first_error "${output}")
  foreach(pattern IN LISTS first_patterns)
    if(NOT first_error MATCHES "${pattern}")
      list(APPEND missing "first error line must match: ${pattern}\n  first error line was: ${first_error}")
    endif()
  endforeach()
endif()
if(missing)
  list(JOIN missing "\n  " missing)
  message(FATAL_ERROR "${TARGET}: the build failed, but its output does not match:\n  ${missing}")
endif()
list(JOIN patterns "\n  " patterns)
message("${TARGET}: failed to compile as expected, matching:\n  ${patterns}")
