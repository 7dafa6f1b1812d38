// SPDX-License-Identifier: BSL-1.0
// Second translation unit of test.odr: see tu1.cpp.
#include <leibniz/leibniz.hpp>

#include <string>

namespace lz = leibniz;

double leibniz_odr_tu2(double at) {
  constexpr lz::variable<"x"> x;
  return lz::eval(lz::d(lz::sin(x) * lz::exp(x), x), x = at);
}

std::string leibniz_odr_tu2_text() {
  constexpr lz::variable<"x"> x;
  return lz::to_string(lz::d(lz::sin(x) * lz::exp(x), x));
}
