// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: binding a variable to a value that is not arithmetic.
// LEIBNIZ_EXPECT_ERROR: can be bound \(x = value\) only to an arithmetic value
// LEIBNIZ_EXPECT_FIRST_ERROR: only to an arithmetic value
#include <leibniz/leibniz.hpp>

#include <string>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(x + 1, x = 2.0) == 3.0 ? 0 : 1;
#else
  return lz::eval(x + 1, x = std::string("2")) == 3.0 ? 0 : 1;
#endif
}
