// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: the Jacobian of a matrix product of fixed tensors whose inner
// dimensions differ reports the same error as evaluating the product itself
// (tests/fail/fixed_mm_mismatch.cpp): the first error names both shapes.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::mm_t, leibniz::static_shape<1, 2>, leibniz::static_shape<1, 3> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 1, 2> const A{{1, 2}};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 2, 3> const B{{1, 2, 3}, {4, 5, 6}};
#else
  lz::fixed_tensor<double, 1, 3> const B{{1, 2, 3}};
#endif
  auto const J = lz::eval(lz::jacobian(lz::mm(a, b), a), a = A, b = B);
  return J.data()[0] > 0 ? 0 : 1;
}
