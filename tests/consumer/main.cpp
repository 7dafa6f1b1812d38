// SPDX-License-Identifier: BSL-1.0
// A user's program: it only needs the umbrella header and leibniz::leibniz.
#include <leibniz/leibniz.hpp>

#include <iostream>

namespace lz = leibniz;
using namespace lz::literals;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr auto df = lz::d(lz::pow(x + 3, 2_c) * 3, x);
  static_assert(lz::eval(df, x = 2.0) == 30.0);
  std::cout << "d/dx 3 (x + 3)^2 = " << df << '\n';
  return lz::eval(df, x = 1.0) == 24.0 ? 0 : 1;
}
