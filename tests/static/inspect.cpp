// SPDX-License-Identifier: BSL-1.0
// leibniz tests: node_count, depends_on, is_constant_v and the Expression concept.
#include "test_tools.hpp"

#include <type_traits>
#include <vector>

namespace {

static_assert(lz::node_count(x) == 1);
static_assert(lz::node_count(x + y) == 3);
static_assert(lz::node_count(lz::sin(x)) == 2);
static_assert(lz::node_count(lz::pow(x + 3, 2_c) * 3) == 7);  // 3 * (x + 3)^2
static_assert(lz::node_count(lz::atan2(y, x)) == 3);

static_assert(lz::depends_on(x * y, x));
static_assert(!lz::depends_on(lz::sin(y) + 3, x));

static_assert(lz::is_constant_v<decltype(2_c)>);
static_assert(lz::is_constant_v<lz::constant<1, 2>>);
static_assert(!lz::is_constant_v<decltype(x)>);
static_assert(!lz::is_constant_v<decltype(x + 1)>);
static_assert(!lz::is_constant_v<double>);

static_assert(lz::Expression<decltype(x)>);
static_assert(lz::Expression<decltype(x * 2.0)>);
static_assert(!lz::Expression<double>);
static_assert(!lz::Expression<std::vector<double>>);

// Variables and stateless formulas are empty literal types.
static_assert(std::is_empty_v<decltype(x)> && std::is_empty_v<decltype(2_c)>);
static_assert(sizeof(x * y) == 1 && std::is_trivially_copyable_v<decltype(x * y)>);
static_assert(sizeof(x + 2.0) <= 2 * sizeof(double));

// The operators never capture unrelated types, even when ADL reaches leibniz.
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };
static_assert(!multipliable<std::vector<lz::variable<"x">>, std::vector<lz::variable<"x">>>);
static_assert(!multipliable<std::vector<double>, decltype(x)>);
static_assert(multipliable<decltype(x), double>);
static_assert(multipliable<int, decltype(x)>);

}  // namespace
