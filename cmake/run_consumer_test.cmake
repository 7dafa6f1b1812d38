# SPDX-License-Identifier: BSL-1.0
# Consumer test driver, run by ctest (see tests/CMakeLists.txt):
#   cmake -D MODE=install|subdirectory -D LEIBNIZ_SOURCE_DIR=... -D LEIBNIZ_BINARY_DIR=...
#         -D CONSUMER_SOURCE_DIR=tests/consumer -D WORK_DIR=<scratch>
#         [-D CXX_COMPILER=... -D CXX_FLAGS=... -D BUILD_TYPE=... -D MAKE_PROGRAM=...
#          -D BOOST_DIR=...] -P run_consumer_test.cmake
# install:      cmake --install LEIBNIZ_BINARY_DIR --prefix WORK_DIR/prefix, then configure
#               the consumer with find_package(leibniz 0.1) from that prefix only.
# subdirectory: configure the consumer with add_subdirectory(LEIBNIZ_SOURCE_DIR).
# Either way: build it with Ninja and run it; every step must succeed.
foreach(var IN ITEMS MODE LEIBNIZ_SOURCE_DIR LEIBNIZ_BINARY_DIR CONSUMER_SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "run_consumer_test.cmake: -D ${var}=... is required")
  endif()
endforeach()

function(run_step what)
  list(JOIN ARGN " " shown)
  message("---- ${what}: ${shown}")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result)   # output goes to ctest's log
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "consumer.${MODE}: ${what} failed (exit ${result})")
  endif()
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

set(configure_args
  -S "${CONSUMER_SOURCE_DIR}" -B "${WORK_DIR}/build" -G Ninja
  -D "CMAKE_FIND_USE_PACKAGE_REGISTRY=OFF")
foreach(pair IN ITEMS
    "CXX_COMPILER;CMAKE_CXX_COMPILER" "CXX_FLAGS;CMAKE_CXX_FLAGS" "BUILD_TYPE;CMAKE_BUILD_TYPE"
    "MAKE_PROGRAM;CMAKE_MAKE_PROGRAM" "BOOST_DIR;Boost_DIR")
  list(GET pair 0 from)
  list(GET pair 1 to)
  if(DEFINED ${from} AND NOT "${${from}}" STREQUAL "")
    list(APPEND configure_args -D "${to}=${${from}}")
  endif()
endforeach()

if(MODE STREQUAL "install")
  set(prefix "${WORK_DIR}/prefix")
  run_step("install" "${CMAKE_COMMAND}" --install "${LEIBNIZ_BINARY_DIR}" --prefix "${prefix}")
  list(APPEND configure_args
    -D LEIBNIZ_CONSUMER_MODE=install
    -D "CMAKE_PREFIX_PATH=${prefix}"
    -D "LEIBNIZ_EXPECTED_PREFIX=${prefix}")
elseif(MODE STREQUAL "subdirectory")
  list(APPEND configure_args
    -D LEIBNIZ_CONSUMER_MODE=subdir
    -D "LEIBNIZ_SOURCE_DIR=${LEIBNIZ_SOURCE_DIR}")
else()
  message(FATAL_ERROR "run_consumer_test.cmake: MODE must be install or subdirectory, not '${MODE}'")
endif()

run_step("configure" "${CMAKE_COMMAND}" ${configure_args})
run_step("build" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
run_step("run" "${WORK_DIR}/build/consumer")
message("consumer.${MODE}: configured, built and ran a program using leibniz::leibniz")
