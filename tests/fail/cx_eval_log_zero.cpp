// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::eval of log at 0 (a pole) in constant evaluation.
// At run time the same call returns -inf, as std::log does.
// LEIBNIZ_EXPECT_ERROR: log of zero in constant evaluation
// LEIBNIZ_EXPECT_FIRST_ERROR: not a constant expression|must be initialized by a constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;

#ifdef LEIBNIZ_FAIL_CONTROL
constexpr double v = lz::eval(lz::log(x), x = 1.0);
#else
constexpr double v = lz::eval(lz::log(x), x = 0.0);
#endif

int main() { return v == 0.0 ? 0 : 1; }
