// SPDX-License-Identifier: BSL-1.0
// leibniz tests: type-level simplification while building (API.md §4).
#include "test_tools.hpp"

namespace {

// Identities of API.md §4, by exact result type.
static_assert(same_type(0_c * x, 0_c));
static_assert(same_type(x * 0_c, 0_c));
static_assert(same_type(1_c * x, x));
static_assert(same_type(x * 1_c, x));
static_assert(same_type(x + 0_c, x));
static_assert(same_type(0_c + x, x));
static_assert(same_type(x - 0_c, x));
static_assert(same_type(0_c - x, -x));
static_assert(same_type(lz::pow(x, 1_c), x));
static_assert(same_type(lz::pow(x, 0_c), 1_c));
static_assert(same_type(x / 1_c, x));
static_assert(same_type(0_c / x, 0_c));

// Folding of compile-time constants, exactly (rationals).
static_assert(same_type(2_c + 3_c, 5_c));
static_assert(same_type(2_c * 3_c, 6_c));
static_assert(same_type(2_c - 3_c, lz::constant<-1>{}));
static_assert(same_type(1_c / 2_c, lz::constant<1, 2>{}));
static_assert(same_type(2_c / 4_c, lz::constant<1, 2>{}));
static_assert(same_type(1_c / 2_c + 1_c / 3_c, lz::constant<5, 6>{}));
static_assert(same_type(lz::pow(2_c, 10_c), 1024_c));
static_assert(same_type(lz::pow(2_c, lz::constant<-2>{}), lz::constant<1, 4>{}));
static_assert(same_type(-(1_c / 2_c), lz::constant<-1, 2>{}));
static_assert(lz::is_constant_v<decltype(1_c / 3_c)>);

// Canonical order: numbers first in products, last in sums.
static_assert(same_type(x * 3_c, 3_c * x));
static_assert(same_type(3_c + x, x + 3_c));
static_assert(same_type(2_c * (3_c * x), 6_c * x));
static_assert(same_type(x * (2_c * y), 2_c * (x * y)));
static_assert(same_type((x + 1_c) + 2_c, x + 3_c));

// Like terms and powers of stateless subtrees.
static_assert(same_type(x + x, 2_c * x));
static_assert(same_type(2_c * x + 3_c * x, 5_c * x));
// A cancellation keeps the shape: x may be bound to a tensor, and x - x is then zeros of
// its shape (x / x ones), as in PyTorch; its derivative is still 0 by type.
static_assert(lz::eval(x - x, x = 3.0) == 0.0 && lz::eval(x / x, x = 3.0) == 1.0);
static_assert(same_type(lz::d(x - x, x), 0_c) && same_type(lz::d(x / x, y), 0_c));
static_assert(same_type(lz::d(lz::sin(x) - lz::sin(x), x), 0_c));
static_assert(same_type(lz::d(2_c * x + x * -2_c, x), 0_c));
// A sum or product of numbers alone is still a number.
static_assert(same_type(2_c * 3_c - 6_c, 0_c) && same_type(3_c / 3_c, 1_c));
static_assert(same_type(x * x, lz::pow(x, 2_c)));
static_assert(same_type(lz::pow(x, 2_c) * x, lz::pow(x, 3_c)));
static_assert(same_type(lz::pow(x, 3_c) / x, lz::pow(x, 2_c)));
static_assert(same_type(x / y / y, x / lz::pow(y, 2_c)));
static_assert(same_type(lz::pow(lz::pow(x, 2_c), 3_c), lz::pow(x, 6_c)));

// Runtime constants are never compared by type: x + 1.0 - (x + 2.0) is not 0.
static_assert(!same_type(x + 1.0 - (x + 2.0), 0_c));
static_assert(lz::eval(x + 1.0 - (x + 2.0), x = 5.0) == -1.0);

// Signs.
static_assert(same_type(-(-x), x));
static_assert(same_type(-(x - y), y - x));
static_assert(same_type(x + (-y), x - y));
static_assert(same_type(x - (-y), x + y));
static_assert(same_type((-x) * y, -(x * y)));
static_assert(same_type(lz::constant<-1>{} * x, -x));

// Exact function values at 0 and 1.
static_assert(same_type(lz::sin(0_c), 0_c));
static_assert(same_type(lz::cos(0_c), 1_c));
static_assert(same_type(lz::exp(0_c), 1_c));
static_assert(same_type(lz::log(1_c), 0_c));
static_assert(same_type(lz::sqrt(1_c), 1_c));
static_assert(same_type(lz::abs(lz::constant<-3, 2>{}), lz::constant<3, 2>{}));
static_assert(same_type(lz::abs(lz::abs(x)), lz::abs(x)));

// Equal subtrees built in different ways have equal types.
static_assert(same_type(lz::d(x * x, x), lz::d(lz::pow(x, 2_c), x)));
static_assert(same_type(lz::square(x), lz::pow(x, 2_c)));

// Literals (runtime constants) fold by value.
static_assert(lz::eval(2.0 * (3.0 * x), x = 1.0) == 6.0);
static_assert(lz::node_count(2.0 * (3.0 * x)) == 3);

}  // namespace
