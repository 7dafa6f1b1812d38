// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a variable bound twice; the first error names it.
// LEIBNIZ_EXPECT_ERROR: eval_binds_variable_twice
// LEIBNIZ_EXPECT_FIRST_ERROR: eval_binds_variable_twice<'x'>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(x * x, x = 1.0) == 1.0 ? 0 : 1;
#else
  return lz::eval(x * x, x = 1.0, x = 2.0) == 1.0 ? 0 : 1;
#endif
}
