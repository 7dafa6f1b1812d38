// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: fixed tensors whose compile-time shapes cannot be broadcast.
// LEIBNIZ_EXPECT_ERROR: shapes_cannot_be_broadcast
// LEIBNIZ_EXPECT_FIRST_ERROR: shapes_cannot_be_broadcast<leibniz::static_shape<2>, leibniz::static_shape<3> >|shapes_cannot_be_broadcast<leibniz::static_shape<2>, leibniz::static_shape<3>>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const r = lz::eval(a + b, a = lz::fixed_tensor<double, 2>{1, 2}, b = lz::fixed_tensor<double, 2>{3, 4});
#else
  auto const r = lz::eval(a + b, a = lz::fixed_tensor<double, 2>{1, 2}, b = lz::fixed_tensor<double, 3>{3, 4, 5});
#endif
  return r(0) > 0 ? 0 : 1;
}
