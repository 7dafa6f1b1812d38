// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a (2, 3) fixed_tensor reshaped to (4, -1); the error names the
// target and the shape.
// LEIBNIZ_EXPECT_ERROR: reshape_does_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: reshape_does_not_fit<leibniz::fn::reshape_t<4, -1>, leibniz::static_shape<2, 3> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  lz::fixed_tensor<double, 2, 3> const m{{1, 2, 3}, {4, 5, 6}};
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const r = lz::eval(lz::reshape<3, -1>(x), x = m);
#else
  auto const r = lz::eval(lz::reshape<4, -1>(x), x = m);
#endif
  return r(0, 0) == 1 ? 0 : 1;
}
