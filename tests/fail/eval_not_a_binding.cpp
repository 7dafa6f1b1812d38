// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a plain value passed to eval instead of a binding x = value.
// LEIBNIZ_EXPECT_ERROR: every argument after 'f' must be a binding made with a variable
// LEIBNIZ_EXPECT_FIRST_ERROR: must be a binding made with a variable
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  double const v = lz::eval(x + 1, x = 2.0);
#else
  double const v = lz::eval(x + 1, 2.0);
#endif
  return v == 3.0 ? 0 : 1;
}
