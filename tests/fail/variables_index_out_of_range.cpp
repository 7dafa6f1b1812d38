// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: item 3 of a family of 3 variables (x0, x1, x2).
// LEIBNIZ_EXPECT_ERROR: get<I>\(\): I must be below N
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr auto x = lz::variables<"x", 3>;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto f = x.get<2>() * 2;
#else
  constexpr auto f = x.get<3>() * 2;
#endif
  return lz::eval(f, x.get<2>() = 1.0) == 2.0 ? 0 : 1;
}
