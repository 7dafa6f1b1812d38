// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::matmul of a fixed (2, 3) matrix and a fixed vector of 2.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::matmul_t, leibniz::static_shape<2, 3>, leibniz::static_shape<2> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 2, 3> const A{{1, 2, 3}, {4, 5, 6}};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 3> const B{1, 0, 1};
#else
  lz::fixed_tensor<double, 2> const B{1, 0};
#endif
  auto const r = lz::eval(lz::matmul(a, b), a = A, b = B);
  return r(0) > 0 ? 0 : 1;
}
