// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::cref of a temporary tensor (the reference would dangle).
// LEIBNIZ_EXPECT_ERROR: (use of deleted function|call to deleted function)
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  lz::tensor<double> const w{1, 2};
  auto const f = x * lz::cref(w);
#else
  auto const f = x * lz::cref(lz::tensor<double>{1, 2});
#endif
  return lz::eval(f, x = 2.0)(1) == 4 ? 0 : 1;
}
