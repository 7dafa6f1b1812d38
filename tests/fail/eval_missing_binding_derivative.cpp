// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: evaluating a derivative without binding a variable that the
// derivative still uses (d(x * y)/dx = y); the first error names it.
// LEIBNIZ_EXPECT_ERROR: eval_has_no_binding_for_variable
// LEIBNIZ_EXPECT_FIRST_ERROR: eval_has_no_binding_for_variable<'y'>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  double const v = lz::eval(lz::d(x * y, x), x = 1.0, y = 2.0);
#else
  double const v = lz::eval(lz::d(x * y, x), x = 1.0);
#endif
  return v == 2.0 ? 0 : 1;
}
