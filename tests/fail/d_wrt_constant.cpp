// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: differentiating with respect to a compile-time constant.
// LEIBNIZ_EXPECT_ERROR: 'x' must be a leibniz::variable
// LEIBNIZ_EXPECT_FIRST_ERROR: must be a leibniz::variable
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;
using namespace lz::literals;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto df = lz::d(x * x, x);
#else
  constexpr auto df = lz::d(x * x, 2_c);
#endif
  return lz::node_count(df) > 0 ? 0 : 1;
}
