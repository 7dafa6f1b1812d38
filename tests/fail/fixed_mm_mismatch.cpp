// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a matrix product of fixed tensors whose inner dimensions differ.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::mm_t, leibniz::static_shape<1, 2>, leibniz::static_shape<3, 2> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<float, 2, 2> const Y{{1, 2}, {3, 4}};
#else
  lz::fixed_tensor<float, 3, 2> const Y{{1, 2}, {3, 4}, {5, 6}};
#endif
  auto const z = lz::eval(lz::mm(x, y), x = lz::fixed_tensor<float, 1, 2>{{2, 1}}, y = Y);
  return z(0, 0) > 0 ? 0 : 1;
}
