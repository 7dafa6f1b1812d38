# SPDX-License-Identifier: BSL-1.0
# Helpers for leibniz's own tests and examples. Included only by the top-level build:
# nothing here reaches a consumer of leibniz::leibniz.
include_guard(GLOBAL)

# Warnings are errors for us, never for consumers (STYLE.md 2.16): link leibniz.dev
# PRIVATE into every test and example instead of leibniz::leibniz.
add_library(leibniz.dev INTERFACE)
target_link_libraries(leibniz.dev INTERFACE leibniz::leibniz)
target_compile_options(leibniz.dev INTERFACE
  -Wall -Wextra -Werror -ftemplate-backtrace-limit=0)

# Precompiled headers (docs/compile-time.md, "Building the tests"): every test TU spends
# about 1.8 s parsing <leibniz/leibniz.hpp> and Catch2 before its own code; the tests and
# examples that include nothing else first reuse one precompiled copy per build tree.
# Off for sources that must include something before leibniz (an optional header whose
# self-containment they show, or a configuration macro). Header self-containment is
# checked without them (leibniz.headers).
option(LEIBNIZ_PRECOMPILED_HEADERS
  "Tests and examples reuse a precompiled <leibniz/leibniz.hpp> (and <catch2/catch.hpp>)" ON)

# leibniz_use_precompiled_header(<target> [CATCH2])
# <target> compiles as if its sources began with #include <leibniz/leibniz.hpp> (and
# <catch2/catch.hpp> with CATCH2), from a header precompiled once (targets leibniz.pch,
# leibniz.pch.catch2, made at the first use). Nothing when LEIBNIZ_PRECOMPILED_HEADERS is OFF.
function(leibniz_use_precompiled_header target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CATCH2" "" "")
  if(NOT LEIBNIZ_PRECOMPILED_HEADERS)
    return()
  endif()
  set(pch leibniz.pch)
  set(headers <leibniz/leibniz.hpp>)
  if(arg_CATCH2)
    set(pch leibniz.pch.catch2)
    list(APPEND headers <catch2/catch.hpp>)
  endif()
  if(NOT TARGET ${pch})
    set(empty "${PROJECT_BINARY_DIR}/${pch}.cpp")
    file(CONFIGURE OUTPUT "${empty}" CONTENT "// The source of the precompiled header ${pch}: empty.\n")
    add_library(${pch} OBJECT "${empty}")
    target_link_libraries(${pch} PRIVATE leibniz.dev)
    if(arg_CATCH2)
      target_link_libraries(${pch} PRIVATE Catch2::Catch2)
    endif()
    target_precompile_headers(${pch} PRIVATE ${headers})
  endif()
  target_precompile_headers(${target} REUSE_FROM ${pch})
  # g++ 12 with a precompiled header (only then) reports -Wstringop-overread inside
  # libstdc++'s std::string comparison with a longer literal (a known false positive:
  # the string's 16-byte inline buffer against the literal's length), which -Werror
  # would make an error in tests such as tests/runtime/broadcast_shapes.cpp.
  target_compile_options(${target} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-Wno-stringop-overread>)
endfunction()

# leibniz_glob_sources(<out-var> <dir> [RECURSE])
# Sorted list of the .cpp files under <dir>; re-globbed at every build, so a new test
# file is picked up by `cmake --build` alone.
function(leibniz_glob_sources out dir)
  cmake_parse_arguments(PARSE_ARGV 2 arg "RECURSE" "" "")
  if(arg_RECURSE)
    file(GLOB_RECURSE files CONFIGURE_DEPENDS "${dir}/*.cpp")
  else()
    file(GLOB files CONFIGURE_DEPENDS "${dir}/*.cpp")
  endif()
  list(SORT files)
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

# leibniz_dotted_name(<out-var> <prefix> <dir> <file>)
# <dir>/rules/product.cpp with prefix "test" -> "test.rules.product" (Hana's convention:
# the target is the path with dots), so that files in subfolders never collide.
function(leibniz_dotted_name out prefix dir file)
  file(RELATIVE_PATH rel "${dir}" "${file}")
  string(REGEX REPLACE "\\.cpp$" "" rel "${rel}")
  string(REPLACE "/" "." rel "${rel}")
  set(${out} "${prefix}.${rel}" PARENT_SCOPE)
endfunction()

# leibniz_add_catch_test(<name> <source> [LIBRARIES <lib>...] [NO_PRECOMPILED_HEADER])
# A Catch2 v2 program <name> (linked to leibniz.dev and Catch2's main) and its ctest
# tests, label runtime: one per TEST_CASE (LEIBNIZ_CATCH_DISCOVERY, the default) or one
# for the program. NO_PRECOMPILED_HEADER for a source that must include something else
# before leibniz.
function(leibniz_add_catch_test name src)
  cmake_parse_arguments(PARSE_ARGV 2 arg "NO_PRECOMPILED_HEADER" "" "LIBRARIES")
  add_executable(${name} "${src}")
  target_link_libraries(${name} PRIVATE leibniz.dev Catch2::Catch2WithMain ${arg_LIBRARIES})
  if(NOT arg_NO_PRECOMPILED_HEADER)
    leibniz_use_precompiled_header(${name} CATCH2)
  endif()
  if(LEIBNIZ_CATCH_DISCOVERY)
    # Runs the program after each build to list its test cases. Catch2 2.13's Catch.cmake
    # has no DISCOVERY_MODE PRE_TEST. The sanitizer options come from the test preset.
    catch_discover_tests(${name} TEST_PREFIX "${name}/" PROPERTIES LABELS runtime)
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES LABELS runtime)
  endif()
endfunction()

# leibniz_add_fail_test(<name> <source> [LIBRARIES <lib>...] [NO_PRECOMPILED_HEADER])
# For a source that must NOT compile (name fail.NAME):
#   fail.NAME          EXCLUDE_FROM_ALL; the ctest test fail.NAME builds it through
#                      cmake/run_fail_test.cmake, which passes only if the build fails AND
#                      its output matches every `// LEIBNIZ_EXPECT_ERROR: <regex>` line
#   fail.control.NAME  the same file with -DLEIBNIZ_FAIL_CONTROL, built by ALL: proves that
#                      the file fails for the reason it states, not a typo (STYLE.md 2.11)
# Same compiler, flags, warnings and precompiled header as every other test.
function(leibniz_add_fail_test name src)
  cmake_parse_arguments(PARSE_ARGV 2 arg "NO_PRECOMPILED_HEADER" "" "LIBRARIES")
  string(REGEX REPLACE "^fail\\." "fail.control." control "${name}")
  file(STRINGS "${src}" expect REGEX "//[ \t]*LEIBNIZ_EXPECT_ERROR:")
  if(NOT expect)
    message(FATAL_ERROR "${src}: a compile-fail test needs a line "
      "`// LEIBNIZ_EXPECT_ERROR: <regex>` (CMake regex, matched against the compiler output)")
  endif()

  add_library(${name} OBJECT EXCLUDE_FROM_ALL "${src}")
  target_link_libraries(${name} PRIVATE leibniz.dev ${arg_LIBRARIES})
  target_compile_options(${name} PRIVATE -fdiagnostics-color=never)   # plain text to match

  add_library(${control} OBJECT "${src}")
  target_link_libraries(${control} PRIVATE leibniz.dev ${arg_LIBRARIES})
  target_compile_definitions(${control} PRIVATE LEIBNIZ_FAIL_CONTROL)
  if(NOT arg_NO_PRECOMPILED_HEADER)
    leibniz_use_precompiled_header(${name})
    leibniz_use_precompiled_header(${control})
  endif()

  add_test(NAME ${name}
    COMMAND "${CMAKE_COMMAND}"
      -D "BUILD_DIR=${PROJECT_BINARY_DIR}"
      -D "TARGET=${name}"
      -D "SOURCE=${src}"
      -P "${PROJECT_SOURCE_DIR}/cmake/run_fail_test.cmake")
  # Two `cmake --build` on one build tree at once would fight over ninja's logs.
  set_tests_properties(${name} PROPERTIES RESOURCE_LOCK leibniz_build_tree LABELS fail)
endfunction()
