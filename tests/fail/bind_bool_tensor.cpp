// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a fixed_tensor<bool> (a sparsity pattern) is not a value a
// variable may take, as bool is not.
// LEIBNIZ_EXPECT_ERROR: only to an arithmetic value \(not bool\)
// LEIBNIZ_EXPECT_FIRST_ERROR: only to an arithmetic value
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(lz::sum(x), x = lz::fixed_tensor<double, 2>{1, 0}) == 1.0 ? 0 : 1;
#else
  return lz::eval(lz::sum(x), x = lz::fixed_tensor<bool, 2>{true, false}) == 1.0 ? 0 : 1;
#endif
}
