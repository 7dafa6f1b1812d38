// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: vjp over a wrt bundle with a vector whose size is not the
// number of outputs (3 entries for a stack of 2).
// LEIBNIZ_EXPECT_ERROR: the vector's size does not match the number of outputs/inputs
// LEIBNIZ_EXPECT_FIRST_ERROR: the vector's size does not match
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 2> const v{1, 2};
#else
  lz::fixed_tensor<double, 3> const v{1, 2, 3};
#endif
  auto const g = lz::eval(lz::vjp(lz::stack(x * y, x + y), lz::wrt(x, y), v), x = 1.0, y = 2.0);
  return g(0) > 0 ? 0 : 1;
}
