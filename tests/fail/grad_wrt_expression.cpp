// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a gradient with respect to something that is not a variable.
// LEIBNIZ_EXPECT_ERROR: 'x' must be a leibniz::variable or a lz::wrt
// LEIBNIZ_EXPECT_FIRST_ERROR: must be a leibniz::variable or a lz::wrt
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto g = lz::grad(x * y, lz::wrt(x, y));
#else
  constexpr auto g = lz::grad(x * y, x * y);
#endif
  return lz::node_count(g) > 0 ? 0 : 1;
}
