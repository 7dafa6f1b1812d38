// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a sum along dimension 2 of a (2, 3) fixed_tensor; the error
// names the operation with its dimension and the shape.
// LEIBNIZ_EXPECT_ERROR: dim_out_of_range_for_shape
// LEIBNIZ_EXPECT_FIRST_ERROR: dim_out_of_range_for_shape<leibniz::fn::sum_dim_t<2, false>, leibniz::static_shape<2, 3> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  lz::fixed_tensor<double, 2, 3> const m{{1, 2, 3}, {4, 5, 6}};
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const s = lz::eval(lz::sum(x, lz::dim<-2>), x = m);
#else
  auto const s = lz::eval(lz::sum(x, lz::dim<2>), x = m);
#endif
  return s(0) == 5 ? 0 : 1;
}
