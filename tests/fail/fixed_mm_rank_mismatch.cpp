// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::mm needs two 2-D operands; a fixed vector is rank 1.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::mm_t, leibniz::static_shape<2>, leibniz::static_shape<2, 2> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 2, 2> const B{{1, 2}, {3, 4}};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 1, 2> const A{{1, 2}};
#else
  lz::fixed_tensor<double, 2> const A{1, 2};
#endif
  auto const r = lz::eval(lz::mm(a, b), a = A, b = B);
  return r.data()[0] > 0 ? 0 : 1;
}
