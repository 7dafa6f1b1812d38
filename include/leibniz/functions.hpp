// SPDX-License-Identifier: BSL-1.0
// leibniz: the elementary functions (lz::sin, lz::pow, ...), as function objects.
#ifndef LEIBNIZ_FUNCTIONS_HPP
#define LEIBNIZ_FUNCTIONS_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/detail/math.hpp>
#include <leibniz/expression.hpp>

#include <ostream>
#include <string_view>
#include <type_traits>

namespace leibniz {
namespace detail {
/// Integers evaluate in double, as <cmath> does; floating types stay as they are.
template <class T>
using promote_t = std::conditional_t<std::is_integral_v<T>, double, T>;
}  // namespace detail

namespace fn {

/// Common part of the unary functions: on an expression, builds a call node
/// (simplified where the value is exact, e.g. `sin(0_c)` is `0_c`); on a number,
/// computes the value (constexpr). Unrelated types are not accepted.
template <class Derived>
struct unary_function {
  template <Operand A>
  [[nodiscard]] constexpr auto operator()(A const& a) const {
    if constexpr (Expression<A>)
      return detail::make_call<Derived>(a);
    else
      return Derived::apply(static_cast<detail::promote_t<A>>(a));
  }
  friend std::ostream& operator<<(std::ostream& os, Derived const&) { return os << Derived::name; }
};

#define LEIBNIZ_DETAIL_UNARY(NAME, LATEX)                                  \
  struct NAME##_t : unary_function<NAME##_t> {                             \
    static constexpr std::string_view name = #NAME;                        \
    static constexpr std::string_view latex = LATEX;                       \
    template <class T>                                                     \
    [[nodiscard]] static constexpr T apply(T x) {                          \
      return detail::math::NAME(x);                                        \
    }                                                                      \
  };

LEIBNIZ_DETAIL_UNARY(sqrt, "\\sqrt")
LEIBNIZ_DETAIL_UNARY(cbrt, "\\sqrt[3]")
LEIBNIZ_DETAIL_UNARY(exp, "\\exp")
LEIBNIZ_DETAIL_UNARY(log, "\\log")
LEIBNIZ_DETAIL_UNARY(sin, "\\sin")
LEIBNIZ_DETAIL_UNARY(cos, "\\cos")
LEIBNIZ_DETAIL_UNARY(tan, "\\tan")
LEIBNIZ_DETAIL_UNARY(asin, "\\arcsin")
LEIBNIZ_DETAIL_UNARY(acos, "\\arccos")
LEIBNIZ_DETAIL_UNARY(atan, "\\arctan")
LEIBNIZ_DETAIL_UNARY(sinh, "\\sinh")
LEIBNIZ_DETAIL_UNARY(cosh, "\\cosh")
LEIBNIZ_DETAIL_UNARY(tanh, "\\tanh")
#undef LEIBNIZ_DETAIL_UNARY

/// |x|.
struct abs_t : unary_function<abs_t> {
  static constexpr std::string_view name = "abs";
  static constexpr std::string_view latex = "";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::fabs(x);
  }
};

/// sign(x): -1, 0 or 1 (NaN for NaN). It is the derivative of abs.
struct sign_t : unary_function<sign_t> {
  static constexpr std::string_view name = "sign";
  static constexpr std::string_view latex = "\\operatorname{sign}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return x > T(0) ? T(1) : x < T(0) ? T(-1) : x;  // keeps 0, -0 and NaN
  }
};

/// atan2(y, x).
struct atan2_t {
  static constexpr std::string_view name = "atan2";
  static constexpr std::string_view latex = "\\operatorname{atan2}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T y, T x) {
    return detail::math::atan2(y, x);
  }
  template <Operand Y, Operand X>
  [[nodiscard]] constexpr auto operator()(Y const& y, X const& x) const {
    if constexpr (Expression<Y> || Expression<X>) {
      return detail::make_call<atan2_t>(detail::as_expr(y), detail::as_expr(x));
    } else {
      using T = detail::promote_t<std::common_type_t<Y, X>>;
      return apply(static_cast<T>(y), static_cast<T>(x));
    }
  }
  friend std::ostream& operator<<(std::ostream& os, atan2_t) { return os << name; }
};

/// pow(u, p): p a compile-time constant (`2_c`, `1_c / 2_c`), a number or an expression.
struct pow_t {
  static constexpr std::string_view name = "pow";
  template <class T>
  [[nodiscard]] static constexpr T apply(T u, T p) {
    return detail::math::pow(u, p);
  }
  template <Operand U, Operand P>
  [[nodiscard]] constexpr auto operator()(U const& u, P const& p) const {
    if constexpr (Expression<U> || Expression<P>) {
      return detail::make_pow(detail::as_expr(u), detail::as_expr(p));
    } else {
      using T = detail::promote_t<std::common_type_t<U, P>>;
      return apply(static_cast<T>(u), static_cast<T>(p));
    }
  }
  friend std::ostream& operator<<(std::ostream& os, pow_t) { return os << name; }
};

/// square(u) = u^2.
struct square_t {
  template <Operand U>
  [[nodiscard]] constexpr auto operator()(U const& u) const {
    if constexpr (Expression<U>) {
      return detail::make_pow(u, constant<2>{});
    } else {
      auto const v = static_cast<detail::promote_t<U>>(u);  // integers in double, as pow
      return v * v;
    }
  }
};

}  // namespace fn

inline constexpr fn::sqrt_t sqrt{};
inline constexpr fn::cbrt_t cbrt{};
inline constexpr fn::exp_t exp{};
inline constexpr fn::log_t log{};
inline constexpr fn::sin_t sin{};
inline constexpr fn::cos_t cos{};
inline constexpr fn::tan_t tan{};
inline constexpr fn::asin_t asin{};
inline constexpr fn::acos_t acos{};
inline constexpr fn::atan_t atan{};
inline constexpr fn::sinh_t sinh{};
inline constexpr fn::cosh_t cosh{};
inline constexpr fn::tanh_t tanh{};
inline constexpr fn::abs_t abs{};
inline constexpr fn::sign_t sign{};
inline constexpr fn::atan2_t atan2{};
inline constexpr fn::pow_t pow{};
inline constexpr fn::square_t square{};

}  // namespace leibniz

#endif  // LEIBNIZ_FUNCTIONS_HPP
