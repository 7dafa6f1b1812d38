// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::to_c of a tensor operation (C code is generated for
// formulas over scalar variables only); the error says what to_c takes.
// LEIBNIZ_EXPECT_ERROR: to_c: this operation has no C form
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::to_c(x * x, "f", lz::wrt(x)).empty() ? 1 : 0;
#else
  return lz::to_c(lz::sum(x * x), "f", lz::wrt(x)).empty() ? 1 : 0;
#endif
}
