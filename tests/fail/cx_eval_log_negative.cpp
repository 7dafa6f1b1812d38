// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::eval of log at a negative number in constant evaluation.
// At run time the same call returns NaN, as std::log does (tests/runtime/domain_edges.cpp).
// LEIBNIZ_EXPECT_ERROR: log of a negative number in constant evaluation
// LEIBNIZ_EXPECT_FIRST_ERROR: non-constant condition for static assertion|static_assert expression is not an integral constant expression
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;

#ifdef LEIBNIZ_FAIL_CONTROL
static_assert(lz::eval(lz::log(x), x = 2.0) > 0.69);
#else
static_assert(lz::eval(lz::log(x), x = -1.0) > 0.69);
#endif

int main() {}
