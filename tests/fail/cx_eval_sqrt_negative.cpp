// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::eval of sqrt at a negative number in constant evaluation.
// At run time the same call returns NaN, as std::sqrt does.
// LEIBNIZ_EXPECT_ERROR: sqrt of a negative number in constant evaluation
// LEIBNIZ_EXPECT_FIRST_ERROR: non-constant condition for static assertion|static_assert expression is not an integral constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;

#ifdef LEIBNIZ_FAIL_CONTROL
static_assert(lz::eval(lz::sqrt(x) + 1, x = 4.0) == 3.0);
#else
static_assert(lz::eval(lz::sqrt(x) + 1, x = -4.0) == 3.0);
#endif

int main() {}
