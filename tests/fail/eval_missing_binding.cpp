// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a variable of f without a binding; the first error names it.
// LEIBNIZ_EXPECT_ERROR: eval_has_no_binding_for_variable
// LEIBNIZ_EXPECT_FIRST_ERROR: eval_has_no_binding_for_variable<'y', *'v'>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"yv"> yv;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(x * yv, x = 1.0, yv = 2.0) == 2.0 ? 0 : 1;
#else
  return lz::eval(x * yv, x = 1.0) == 2.0 ? 0 : 1;
#endif
}
