// SPDX-License-Identifier: BSL-1.0
// Asking for multi-threaded evaluation (LEIBNIZ_CONFIG_OPENMP=1) without compiling with
// OpenMP is a compile error that says what to do, not a silently serial program.
// LEIBNIZ_EXPECT_ERROR: LEIBNIZ_CONFIG_OPENMP is 1 but OpenMP is off: compile and link with -fopenmp
#ifndef LEIBNIZ_FAIL_CONTROL
#define LEIBNIZ_CONFIG_OPENMP 1
#endif
#include <leibniz/leibniz.hpp>

int main() {
  constexpr leibniz::variable<"x"> x;
  return leibniz::eval(x * 2, x = 1.0) == 2.0 ? 0 : 1;
}
