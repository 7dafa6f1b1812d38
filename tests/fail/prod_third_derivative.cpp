// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a third derivative of lz::prod (first and second work).
// LEIBNIZ_EXPECT_ERROR: a third derivative of lz::prod is not supported
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  lz::tensor<double> const v{2, 3};
  constexpr auto second = lz::hvp(lz::prod(x), x, lz::fixed_tensor<double, 2>{1, 0});  // (0, 1) at v
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const h = lz::eval(second, x = v);
#else
  auto const h = lz::eval(lz::grad(lz::sum(second), x), x = v);
#endif
  return h.data()[1] == 1 ? 0 : 1;
}
