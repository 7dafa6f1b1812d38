// SPDX-License-Identifier: BSL-1.0
// leibniz tests: helpers for static_assert tests.
#ifndef LEIBNIZ_TESTS_STATIC_TEST_TOOLS_HPP
#define LEIBNIZ_TESTS_STATIC_TEST_TOOLS_HPP

#include <leibniz/leibniz.hpp>

#include <type_traits>

namespace lz = leibniz;
using namespace lz::literals;

/// True when `value`'s type is exactly `T` (cv-ref removed).
template <class T, class V>
constexpr bool is_of_type(V const&) {
  return std::is_same_v<std::remove_cvref_t<V>, T>;
}
/// True when two formulas have the same type (the same tree).
template <class A, class B>
constexpr bool same_type(A const&, B const&) {
  return std::is_same_v<A, B>;
}
constexpr bool near(double a, double b, double tol = 1e-12) {
  double const d = a - b;
  double const m = (a < 0 ? -a : a) > 1 ? (a < 0 ? -a : a) : 1.0;
  return (d < 0 ? -d : d) <= tol * m;
}

inline constexpr lz::variable<"x"> x;
inline constexpr lz::variable<"y"> y;
inline constexpr lz::variable<"z"> z;

#endif  // LEIBNIZ_TESTS_STATIC_TEST_TOOLS_HPP
