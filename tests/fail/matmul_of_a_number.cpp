// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::matmul of a tensor and a number (every matrix product
// needs operands of rank 1 or more; a number is known to be one at compile time).
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::matmul_t, leibniz::shape, leibniz::static_shape<> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::tensor<double> const A{{1, 2}, {3, 4}};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::tensor<double> const B{1, 1};
#else
  double const B = 2;
#endif
  auto const r = lz::eval(lz::matmul(a, b), a = A, b = B);
  return r(1) == 7 ? 0 : 1;
}
