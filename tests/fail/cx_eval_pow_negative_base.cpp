// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: pow of a negative base with a non-integer exponent in
// constant evaluation (NaN at run time, as std::pow). An integer exponent is fine: the
// control evaluates (-2)^3.
// LEIBNIZ_EXPECT_ERROR: pow of a negative number with a non-integer exponent in constant evaluation
// LEIBNIZ_EXPECT_FIRST_ERROR: non-constant condition for static assertion|static_assert expression is not an integral constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"p"> p;

#ifdef LEIBNIZ_FAIL_CONTROL
static_assert(lz::eval(lz::pow(x, p), x = -2.0, p = 3.0) == -8.0);
#else
static_assert(lz::eval(lz::pow(x, p), x = -2.0, p = 0.5) == -8.0);
#endif

int main() {}
