// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a shape mismatch of fixed tensors inside a derivative (the
// gradient of sum(a * b) with a of shape (2,) and b of shape (3,)) names the two shapes.
// LEIBNIZ_EXPECT_ERROR: shapes_cannot_be_broadcast
// LEIBNIZ_EXPECT_FIRST_ERROR: shapes_cannot_be_broadcast<leibniz::static_shape<2>, leibniz::static_shape<3> ?>
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
  auto const g = lz::eval(lz::grad(lz::sum(a * b), a), a = A, b = B);
  return g(0) > 0 ? 0 : 1;
}
