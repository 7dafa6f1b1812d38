// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: differentiating with respect to a plain number.
// LEIBNIZ_EXPECT_ERROR: 'x' must be a leibniz::variable
// LEIBNIZ_EXPECT_FIRST_ERROR: must be a leibniz::variable
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto df = lz::d(lz::sin(x), x);
#else
  constexpr auto df = lz::d(lz::sin(x), 1.0);
#endif
  return lz::node_count(df) > 0 ? 0 : 1;
}
