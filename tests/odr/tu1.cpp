// SPDX-License-Identifier: BSL-1.0
// ODR check (STYLE.md 2.17): tu1.cpp and tu2.cpp both include the umbrella header and
// are linked into one program, test.odr. A non-inline definition at namespace scope in
// any header (a variable, a function, an explicit specialisation) breaks the link; both
// units instantiate the same formulas, derivatives and printers.
#include <leibniz/leibniz.hpp>

#include <string>

namespace lz = leibniz;
using namespace lz::literals;

double leibniz_odr_tu2(double at);
std::string leibniz_odr_tu2_text();

double leibniz_odr_tu1(double at) {
  constexpr lz::variable<"x"> x;
  return lz::eval(lz::d(lz::sin(x) * lz::exp(x), x), x = at);
}

int main() {
  bool const same_value = leibniz_odr_tu1(0.5) == leibniz_odr_tu2(0.5);
  constexpr lz::variable<"x"> x;
  bool const same_text = lz::to_string(lz::d(lz::sin(x) * lz::exp(x), x)) == leibniz_odr_tu2_text();
  return same_value && same_text ? 0 : 1;
}
