// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::to_c of a formula that uses a variable the wrt bundle
// does not list (it would be an undeclared name in C); the first error names it.
// LEIBNIZ_EXPECT_ERROR: to_c_variable_not_in_wrt
// LEIBNIZ_EXPECT_FIRST_ERROR: to_c_variable_not_in_wrt<'y', *'v'>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"yv"> yv;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::to_c(x * yv, "f", lz::wrt(x, yv)).empty() ? 1 : 0;
#else
  return lz::to_c(x * yv, "f", lz::wrt(x)).empty() ? 1 : 0;
#endif
}
