// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::transpose of a fixed vector (it needs a 2-D operand).
// LEIBNIZ_EXPECT_ERROR: e must be a 2-D tensor
// LEIBNIZ_EXPECT_FIRST_ERROR: e must be a 2-D tensor
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 1, 2> const A{{1, 2}};
#else
  lz::fixed_tensor<double, 2> const A{1, 2};
#endif
  auto const r = lz::eval(lz::transpose(a), a = A);
  return r.data()[0] > 0 ? 0 : 1;
}
