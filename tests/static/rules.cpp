// SPDX-License-Identifier: BSL-1.0
// leibniz tests: one static_assert per differentiation rule, by exact result type.
#include "test_tools.hpp"

namespace {

// Leaves.
static_assert(same_type(lz::d(x, x), 1_c));
static_assert(same_type(lz::d(y, x), 0_c));
static_assert(same_type(lz::d(3_c, x), 0_c));
static_assert(same_type(lz::d(x + 2.5, y), 0_c));  // does not depend on y: 0 by type
static_assert(same_type(lz::d(lz::sin(y) * lz::exp(y * y), x), 0_c));

// Sum, difference, negation, product, quotient.
static_assert(same_type(lz::d(x + y, x), 1_c));
static_assert(same_type(lz::d(x - y, y), lz::constant<-1>{}));
static_assert(same_type(lz::d(-x, x), lz::constant<-1>{}));
static_assert(same_type(lz::d(x * y, x), y));
static_assert(same_type(lz::d(x * y, y), x));
static_assert(same_type(lz::d(3_c * x, x), 3_c));
static_assert(same_type(lz::d(x / y, x), 1_c / y));
static_assert(same_type(lz::d(1_c / x, x), -(1_c / lz::pow(x, 2_c))));
static_assert(same_type(lz::d(x / y, y), -(x / lz::pow(y, 2_c))));

// Powers.
static_assert(same_type(lz::d(lz::pow(x, 2_c), x), 2_c * x));
static_assert(same_type(lz::d(lz::pow(x, 3_c), x), 3_c * lz::pow(x, 2_c)));
static_assert(same_type(lz::d(lz::pow(x, 1_c / 2_c), x),
                        lz::constant<1, 2>{} * lz::pow(x, lz::constant<-1, 2>{})));
static_assert(same_type(lz::d(lz::pow(2_c, x), x), lz::pow(2_c, x) * lz::log(2_c)));
static_assert(same_type(lz::d(lz::pow(x, y), y), lz::pow(x, y) * lz::log(x)));
static_assert(same_type(lz::d(lz::pow(x, y), x), y * lz::pow(x, y - 1_c)));
static_assert(same_type(lz::d(lz::pow(x, x), x), lz::pow(x, x) * (lz::log(x) + x / x)));

// Functions (chain rule with inner derivative 1 or y).
static_assert(same_type(lz::d(lz::sin(x), x), lz::cos(x)));
static_assert(same_type(lz::d(lz::cos(x), x), -lz::sin(x)));
static_assert(same_type(lz::d(lz::tan(x), x), 1_c + lz::pow(lz::tan(x), 2_c)));
static_assert(same_type(lz::d(lz::exp(x), x), lz::exp(x)));
static_assert(same_type(lz::d(lz::log(x), x), 1_c / x));
static_assert(same_type(lz::d(lz::sqrt(x), x), 1_c / (2_c * lz::sqrt(x))));
static_assert(same_type(lz::d(lz::cbrt(x), x), 1_c / (3_c * lz::pow(lz::cbrt(x), 2_c))));
static_assert(same_type(lz::d(lz::asin(x), x), 1_c / lz::sqrt(1_c - lz::pow(x, 2_c))));
static_assert(same_type(lz::d(lz::acos(x), x),
                        -(1_c / lz::sqrt(1_c - lz::pow(x, 2_c)))));
static_assert(same_type(lz::d(lz::atan(x), x), 1_c / (lz::pow(x, 2_c) + 1_c)));
static_assert(same_type(lz::d(lz::sinh(x), x), lz::cosh(x)));
static_assert(same_type(lz::d(lz::cosh(x), x), lz::sinh(x)));
static_assert(same_type(lz::d(lz::tanh(x), x), 1_c - lz::pow(lz::tanh(x), 2_c)));
static_assert(same_type(lz::d(lz::abs(x), x), lz::sign(x)));
static_assert(same_type(lz::d(lz::sign(x), x), 0_c));
static_assert(same_type(lz::d(lz::atan2(y, x), y),
                        x / (lz::pow(x, 2_c) + lz::pow(y, 2_c))));
static_assert(same_type(lz::d(lz::atan2(y, x), x),
                        -(y / (lz::pow(x, 2_c) + lz::pow(y, 2_c)))));
static_assert(same_type(lz::d(lz::square(x), x), 2_c * x));

// Chain rule: inner derivative multiplies.
static_assert(same_type(lz::d(lz::sin(x * y), x), lz::cos(x * y) * y));
static_assert(same_type(lz::d(lz::exp(2_c * x), x), 2_c * lz::exp(2_c * x)));

// Higher order and mixed partials, left to right.
static_assert(same_type(lz::d(lz::pow(x, 3_c), x, x), 6_c * x));
static_assert(same_type(lz::d(lz::pow(x, 3_c), x, x, x), 6_c));
static_assert(same_type(lz::d(lz::pow(x, 3_c), x, x, x, x), 0_c));
static_assert(same_type(lz::d(x * x * y, x, y), 2_c * x));
static_assert(same_type(lz::d(lz::sin(x), x, x, x, x), lz::sin(x)));

// The derivative is an expression: differentiable again, printable, countable.
constexpr auto f = lz::pow(x + 3, 2_c) * 3;
static_assert(lz::node_count(lz::d(f, x)) == 5);  // 6 * (x + 3)
static_assert(lz::depends_on(lz::d(f, x), x));
static_assert(!lz::depends_on(lz::d(f, x, x), x));

}  // namespace
