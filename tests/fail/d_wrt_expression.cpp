// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: differentiating with respect to an expression.
// LEIBNIZ_EXPECT_ERROR: 'x' must be a leibniz::variable
// LEIBNIZ_EXPECT_FIRST_ERROR: must be a leibniz::variable
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto df = lz::d(x * y, y);
#else
  constexpr auto df = lz::d(x * y, x + y);
#endif
  return lz::node_count(df) > 0 ? 0 : 1;
}
