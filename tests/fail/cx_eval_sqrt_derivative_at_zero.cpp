// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: the derivative of sqrt at 0 in constant evaluation. It is
// 1 / (2 sqrt(x)), a division by zero (+inf at run time, as PyTorch).
// LEIBNIZ_EXPECT_ERROR: division by zero|/ 0\.0.* is not a constant expression
// LEIBNIZ_EXPECT_FIRST_ERROR: not a constant expression|must be initialized by a constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;

#ifdef LEIBNIZ_FAIL_CONTROL
constexpr double v = lz::eval(lz::d(lz::sqrt(x), x), x = 0.25);
#else
constexpr double v = lz::eval(lz::d(lz::sqrt(x), x), x = 0.0);
#endif

int main() { return v == 1.0 ? 0 : 1; }
