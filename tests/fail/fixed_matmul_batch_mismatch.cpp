// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a batched lz::matmul of fixed tensors whose batch dimensions
// (2 and 3) do not broadcast.
// LEIBNIZ_EXPECT_ERROR: product_shapes_do_not_fit
// LEIBNIZ_EXPECT_FIRST_ERROR: product_shapes_do_not_fit<leibniz::fn::matmul_t, leibniz::static_shape<2, 1, 2>, leibniz::static_shape<3, 2, 2> ?>
#include <leibniz/leibniz.hpp>

#include <array>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 2, 1, 2> const A(std::array<double, 4>{1, 2, 3, 4});
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 1, 2, 2> const B(std::array<double, 4>{1, 0, 0, 1});
#else
  lz::fixed_tensor<double, 3, 2, 2> const B(std::array<double, 12>{});
#endif
  auto const r = lz::eval(lz::matmul(a, b), a = A, b = B);
  return r(1, 0, 1) == 4 ? 0 : 1;
}
