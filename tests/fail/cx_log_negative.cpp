// LEIBNIZ_EXPECT_ERROR: not a constant expression|non-constant|constant expression
// LEIBNIZ_EXPECT_ERROR: log of a negative number
// SPDX-License-Identifier: BSL-1.0
// leibniz: compile-fail test: log of a negative number must not be a constant expression
#include <leibniz/detail/cx_math.hpp>

#ifdef LEIBNIZ_FAIL_CONTROL
static_assert(leibniz::detail::cx::log(2.0) > 0.69);
#else
constexpr double v = leibniz::detail::cx::log(-1.0);
#endif

int main() {}
