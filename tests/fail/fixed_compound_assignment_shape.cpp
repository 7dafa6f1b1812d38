// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: v += M for a fixed vector v and a fixed matrix M (the result
// would be larger than v).
// LEIBNIZ_EXPECT_ERROR: compound assignment to a fixed_tensor needs a right operand that broadcasts to its shape
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  lz::fixed_tensor<double, 2> v{1, 2};
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::fixed_tensor<double, 2> const m{3, 4};
#else
  lz::fixed_tensor<double, 2, 2> const m{{1, 2}, {3, 4}};
#endif
  v += m;
  return v(0) == 4 ? 0 : 1;
}
