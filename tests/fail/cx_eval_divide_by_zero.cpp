// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a division by zero in constant evaluation (inf at run time,
// IEEE 754). The compilers reject the division itself: g++ says `(1.0e+0 / 0.0)' is not a
// constant expression`, clang++ adds the note `division by zero`.
// LEIBNIZ_EXPECT_ERROR: division by zero|/ 0\.0.* is not a constant expression
// LEIBNIZ_EXPECT_FIRST_ERROR: non-constant condition for static assertion|static_assert expression is not an integral constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;

#ifdef LEIBNIZ_FAIL_CONTROL
static_assert(lz::eval(1 / x, x = 4.0) == 0.25);
#else
static_assert(lz::eval(1 / x, x = 0.0) == 0.25);
#endif

int main() {}
