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
