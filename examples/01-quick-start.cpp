// SPDX-License-Identifier: BSL-1.0
// leibniz example: differentiate (a + 3)^2 * 3, print the derivative, check it at
// compile time and evaluate it. Run by ctest and by scripts/tour.
// --8<-- [start:quick-start]
#include <leibniz/leibniz.hpp>

#include <iostream>

namespace lz = leibniz;
using namespace lz::literals;  // 2_c: the constant 2, carried in the type

int main() {
  constexpr lz::variable<"a"> a;

  constexpr auto f = lz::pow(a + 3, 2_c) * 3;  // (a + 3)^2 * 3: the formula is a type
  constexpr auto df = lz::d(f, a);             // its derivative, computed by the compiler

  // The compiler checks the derivative's value...
  static_assert(lz::eval(df, a = 2.0) == 30.0);
  // ...and its form: 6 * (a + 3), simplified while it was built.
  static_assert(lz::node_count(df) == 5);

  std::cout << "f(a)        = " << f << '\n';
  std::cout << "df/da       = " << df << '\n';
  std::cout << "LaTeX       : " << lz::to_latex(df) << '\n';
  std::cout << "f(2)        = " << lz::eval(f, a = 2.0) << '\n';
  std::cout << "df/da at 2  = " << lz::eval(df, a = 2.0) << '\n';
  std::cout << "d2f/da2     = " << lz::d(f, a, a) << '\n';

  // A value known only at run time works the same way.
  double const at = std::cin.rdbuf()->in_avail() > 0 ? 0.0 : 5.0;
  double const slope = lz::eval(df, a = at);
  std::cout << "df/da at " << at << "  = " << slope << '\n';
  return slope == 6.0 * (at + 3.0) ? 0 : 1;
}
// --8<-- [end:quick-start]
