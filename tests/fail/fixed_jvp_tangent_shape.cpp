// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: the t of a jvp must have the variable's shape; with fixed
// tensors a mismatch is a compile error naming both shapes.
// LEIBNIZ_EXPECT_ERROR: jvp_vector_shape_differs_from_variable
// LEIBNIZ_EXPECT_FIRST_ERROR: jvp_vector_shape_differs_from_variable<leibniz::static_shape<2, 2>, leibniz::static_shape<2> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  lz::fixed_tensor<double, 2> const A{1, 2};
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const r = lz::eval(lz::jvp(a * a, a, lz::fixed_tensor<double, 2>{1, 0}), a = A);
#else
  auto const r = lz::eval(lz::jvp(a * a, a, lz::fixed_tensor<double, 2, 2>{{1, 0}, {0, 1}}), a = A);
#endif
  return r(0) > 0 ? 0 : 1;
}
