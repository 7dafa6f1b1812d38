// SPDX-License-Identifier: BSL-1.0
// leibniz: the arithmetic operators on formulas, constrained to leibniz operands.
#ifndef LEIBNIZ_OPERATORS_HPP
#define LEIBNIZ_OPERATORS_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>

namespace leibniz {

// Each operator takes its operands by value and builds a simplified node that
// holds them by value. The constraint requires at least one leibniz expression
// and nothing but expressions and arithmetic values, so ADL never lets these
// operators capture unrelated types (std::vector<leibniz::...> * ...).

template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator+(L const& l, R const& r) {
  return detail::make_add(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator-(L const& l, R const& r) {
  return detail::make_sub(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator*(L const& l, R const& r) {
  return detail::make_mul(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator/(L const& l, R const& r) {
  return detail::make_div(detail::as_expr(l), detail::as_expr(r));
}
// Comparisons of formulas build condition nodes (1 where the comparison holds, 0
// elsewhere: functions.hpp, fn::comparison) for lz::where. There is no operator== (a
// formula compared with a formula reads as a test of the formulas); lz::equal(a, b) is
// the condition.
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator<(L const& l, R const& r) {
  return detail::make_call<fn::less_t>(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator<=(L const& l, R const& r) {
  return detail::make_call<fn::less_equal_t>(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator>(L const& l, R const& r) {
  return detail::make_call<fn::greater_t>(detail::as_expr(l), detail::as_expr(r));
}
template <Operand L, Operand R>
  requires(Expression<L> || Expression<R>)
[[nodiscard]] constexpr auto operator>=(L const& l, R const& r) {
  return detail::make_call<fn::greater_equal_t>(detail::as_expr(l), detail::as_expr(r));
}
template <Expression E>
[[nodiscard]] constexpr auto operator-(E const& e) {
  return detail::make_neg(e);
}
template <Expression E>
[[nodiscard]] constexpr E operator+(E const& e) {
  return e;
}

}  // namespace leibniz

#endif  // LEIBNIZ_OPERATORS_HPP
