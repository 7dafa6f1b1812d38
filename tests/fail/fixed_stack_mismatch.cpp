// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::stack of fixed tensors of different shapes is a compile
// error naming both shapes (with lz::tensor items it is an lz::shape_error at run time).
// LEIBNIZ_EXPECT_ERROR: stack_items_differ_in_shape
// LEIBNIZ_EXPECT_FIRST_ERROR: stack_items_differ_in_shape<leibniz::static_shape<2>, leibniz::static_shape<3> ?>
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
  auto const s = lz::eval(lz::stack(a, b), a = A, b = B);
  return s.data()[0] > 0 ? 0 : 1;
}
