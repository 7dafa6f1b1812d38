// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: bool is arithmetic in C++ but not a value a variable may take.
// LEIBNIZ_EXPECT_ERROR: only to an arithmetic value \(not bool\)
// LEIBNIZ_EXPECT_FIRST_ERROR: only to an arithmetic value
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(x + 1, x = 1) == 2.0 ? 0 : 1;
#else
  return lz::eval(x + 1, x = true) == 2.0 ? 0 : 1;
#endif
}
