// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::dot of fixed vectors of different lengths.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::dot_t, leibniz::static_shape<2>, leibniz::static_shape<3> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 2> const A{1, 2};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 2> const B{3, 4};
#else
  lz::fixed_tensor<double, 3> const B{3, 4, 5};
#endif
  double const r = lz::eval(lz::dot(a, b), a = A, b = B);
  return r > 0 ? 0 : 1;
}
