// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: an Eigen expression (A + B) has no coefficients to read in
// place; the error says to bind its value (.eval()) instead.
// LEIBNIZ_EXPECT_ERROR: an Eigen expression \(A \+ B, A.transpose\(\), ...\) has no coefficients
#include <leibniz/eigen.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  Eigen::Vector2d const a(1, 2), b(3, 4);
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(lz::sum(x), x = (a + b).eval()) == 10.0 ? 0 : 1;
#else
  return lz::eval(lz::sum(x), x = a + b) == 10.0 ? 0 : 1;
#endif
}
