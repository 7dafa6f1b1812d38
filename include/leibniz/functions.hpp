// SPDX-License-Identifier: BSL-1.0
// leibniz: the elementary functions (lz::sin, lz::pow, ...), as function objects.
#ifndef LEIBNIZ_FUNCTIONS_HPP
#define LEIBNIZ_FUNCTIONS_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/detail/math.hpp>
#include <leibniz/expression.hpp>

#include <cstddef>
#include <ostream>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace leibniz {
namespace detail {
/// Integers evaluate in double, as <cmath> does; floating types stay as they are.
template <class T>
using promote_t = std::conditional_t<std::is_integral_v<T>, double, T>;
}  // namespace detail

namespace fn {

struct sqrt_t;
struct sin_t;
struct cos_t;
struct sinh_t;
struct cosh_t;
struct sign_t;
struct sigmoid_t;
struct maximum_t;

/// Common part of the unary elementwise functions: on an expression, builds a call
/// node (simplified where the value is exact, e.g. `sin(0_c)` is `0_c`); on a number,
/// computes the value (constexpr). Unrelated types are not accepted.
///
/// Each function is described in one place, its struct below: `name` and `latex` (for
/// printing; `@` in `latex` stands for the argument, else it prints as `latex(u)`),
/// `apply` (the value, constexpr), `derivative(e, u)` (f'(u) as a formula, given the
/// node `e = f(u)`, which the rule reuses where it mentions it, so that the derivative
/// shares the subexpression), `exact<A>` (the exact value at a compile-time constant
/// `A`, or `void`) and, optionally, `idempotent` (f(f(u)) = f(u)), `cheap` (a few
/// instructions: over lz::tensor, a shared f(u) is recomputed where it is used rather
/// than stored once, detail/cse.hpp) and `c_name` /
/// `c_helper` (its name in C where it differs, and a definition the C code needs:
/// lz::to_c). Forward mode (`tangent`, used by diff.hpp) multiplies it by u', reverse mode
/// (`adjoint`, used by detail/adjoint.hpp) by the cotangent; shapes, evaluation over tensors and
/// printing are those of every elementwise function. docs/design.md, "Adding a
/// function", lists what else a new one needs (its tests).
template <class Derived>
struct unary_function {
  /// Marks an elementwise function (detail::is_elementwise_function_v).
  static constexpr bool elementwise = true;
  /// Forward mode: f'(u) u' (the context d gives u's tangent d(u); tensor_ops.hpp).
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& u = detail::arg<0>(e);
    return detail::make_mul(Derived::derivative(e, u), d(u));
  }
  /// Reverse mode: u's cotangent is c f'(u).
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_mul(c, Derived::derivative(e, u)));
  }
  /// No exact values unless the function says so.
  template <class A>
  using exact = void;

  template <Operand A>
  [[nodiscard]] constexpr auto operator()(A const& a) const {
    if constexpr (Expression<A>)
      return detail::make_call<Derived>(a);
    else
      return Derived::apply(static_cast<detail::promote_t<A>>(a));
  }
  friend std::ostream& operator<<(std::ostream& os, Derived const&) { return os << Derived::name; }
};

/// `Value` when `A` is `At`, else `void` (an exact value of a function).
template <class A, class At, class Value>
using exact_at = std::conditional_t<std::is_same_v<A, At>, Value, void>;

/// sqrt(u); sqrt(u)' = 1 / (2 sqrt(u)).
struct sqrt_t : unary_function<sqrt_t> {
  static constexpr std::string_view name = "sqrt";
  static constexpr std::string_view latex = "\\sqrt{@}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::sqrt(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const&) {
    return detail::make_div(constant<1>{}, detail::make_mul(constant<2>{}, e));
  }
  template <class A>
  using exact = std::conditional_t<std::is_same_v<A, constant<1>>, constant<1>,
                                   exact_at<A, constant<0>, constant<0>>>;
};
/// cbrt(u); cbrt(u)' = 1 / (3 cbrt(u)^2).
struct cbrt_t : unary_function<cbrt_t> {
  static constexpr std::string_view name = "cbrt";
  static constexpr std::string_view latex = "\\sqrt[3]{@}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::cbrt(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const&) {
    return detail::make_div(constant<1>{},
                            detail::make_mul(constant<3>{}, detail::make_pow(e, constant<2>{})));
  }
  template <class A>
  using exact = std::conditional_t<std::is_same_v<A, constant<1>>, constant<1>,
                                   exact_at<A, constant<0>, constant<0>>>;
};
/// exp(u); exp(u)' = exp(u).
struct exp_t : unary_function<exp_t> {
  static constexpr std::string_view name = "exp";
  static constexpr std::string_view latex = "e^{@}";
  static constexpr bool latex_is_power = true;  // e^{u}^2 needs parentheses
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::exp(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const&) {
    return e;
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<1>>;
};
/// log(u), the natural logarithm; log(u)' = 1 / u.
struct log_t : unary_function<log_t> {
  static constexpr std::string_view name = "log";
  static constexpr std::string_view latex = "\\log";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::log(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_div(constant<1>{}, u);
  }
  template <class A>
  using exact = exact_at<A, constant<1>, constant<0>>;
};
/// sin(u); sin(u)' = cos(u).
struct sin_t : unary_function<sin_t> {
  static constexpr std::string_view name = "sin";
  static constexpr std::string_view latex = "\\sin";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::sin(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<cos_t>(u);
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// cos(u); cos(u)' = -sin(u).
struct cos_t : unary_function<cos_t> {
  static constexpr std::string_view name = "cos";
  static constexpr std::string_view latex = "\\cos";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::cos(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_neg(detail::make_call<sin_t>(u));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<1>>;
};
/// tan(u); tan(u)' = 1 + tan(u)^2.
struct tan_t : unary_function<tan_t> {
  static constexpr std::string_view name = "tan";
  static constexpr std::string_view latex = "\\tan";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::tan(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const&) {
    return detail::make_add(constant<1>{}, detail::make_pow(e, constant<2>{}));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// asin(u); asin(u)' = 1 / sqrt(1 - u^2).
struct asin_t : unary_function<asin_t> {
  static constexpr std::string_view name = "asin";
  static constexpr std::string_view latex = "\\arcsin";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::asin(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_div(constant<1>{}, detail::make_call<sqrt_t>(detail::make_sub(
                                               constant<1>{}, detail::make_pow(u, constant<2>{}))));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// acos(u); acos(u)' = -1 / sqrt(1 - u^2).
struct acos_t : unary_function<acos_t> {
  static constexpr std::string_view name = "acos";
  static constexpr std::string_view latex = "\\arccos";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::acos(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_div(constant<-1>{}, detail::make_call<sqrt_t>(detail::make_sub(
                                                constant<1>{}, detail::make_pow(u, constant<2>{}))));
  }
};
/// atan(u); atan(u)' = 1 / (1 + u^2).
struct atan_t : unary_function<atan_t> {
  static constexpr std::string_view name = "atan";
  static constexpr std::string_view latex = "\\arctan";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::atan(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_div(constant<1>{},
                            detail::make_add(constant<1>{}, detail::make_pow(u, constant<2>{})));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// sinh(u); sinh(u)' = cosh(u).
struct sinh_t : unary_function<sinh_t> {
  static constexpr std::string_view name = "sinh";
  static constexpr std::string_view latex = "\\sinh";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::sinh(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<cosh_t>(u);
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// cosh(u); cosh(u)' = sinh(u).
struct cosh_t : unary_function<cosh_t> {
  static constexpr std::string_view name = "cosh";
  static constexpr std::string_view latex = "\\cosh";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::cosh(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<sinh_t>(u);
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<1>>;
};
/// tanh(u); tanh(u)' = 1 - tanh(u)^2.
struct tanh_t : unary_function<tanh_t> {
  static constexpr std::string_view name = "tanh";
  static constexpr std::string_view latex = "\\tanh";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::tanh(x);
  }
  /// tanh of n doubles at run time, two at a time (each as apply gives it).
  static void apply_n(double const* in, double* out, std::size_t n) noexcept { detail::vmath::tanh_n(in, out, n); }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const&) {
    return detail::make_sub(constant<1>{}, detail::make_pow(e, constant<2>{}));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};

/// log1p(u) = log(1 + u), accurate where u is tiny; log1p(u)' = 1 / (1 + u).
struct log1p_t : unary_function<log1p_t> {
  static constexpr std::string_view name = "log1p";
  static constexpr std::string_view latex = "\\operatorname{log1p}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::log1p(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_div(constant<1>{}, detail::make_add(constant<1>{}, u));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// expm1(u) = e^u - 1, accurate where u is tiny; expm1(u)' = exp(u) (not expm1(u) + 1,
/// which is 0 instead of e^-40 at u = -40).
struct expm1_t : unary_function<expm1_t> {
  static constexpr std::string_view name = "expm1";
  static constexpr std::string_view latex = "\\operatorname{expm1}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::expm1(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<exp_t>(u);
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// erf(u), the error function (torch.erf); erf(u)' = (2/sqrt(pi)) e^(-u^2), with 2/sqrt(pi)
/// a double literal in the formula.
struct erf_t : unary_function<erf_t> {
  static constexpr std::string_view name = "erf";
  static constexpr std::string_view latex = "\\operatorname{erf}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::erf(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_mul(detail::as_expr(1.1283791670955126), gaussian(u));
  }
  /// exp(-u^2), the shape of both derivatives (erf's and erfc's)
  template <class U>
  static constexpr auto gaussian(U const& u) {
    return detail::make_call<exp_t>(detail::make_neg(detail::make_pow(u, constant<2>{})));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<0>>;
};
/// erfc(u) = 1 - erf(u), accurate where erf(u) is near 1 (torch.erfc); erfc(u)' =
/// -(2/sqrt(pi)) e^(-u^2).
struct erfc_t : unary_function<erfc_t> {
  static constexpr std::string_view name = "erfc";
  static constexpr std::string_view latex = "\\operatorname{erfc}";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::erfc(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_mul(detail::as_expr(-1.1283791670955126), erf_t::gaussian(u));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<1>>;
};
/// sigmoid(u) = 1 / (1 + e^-u) (torch.sigmoid), without overflow for any u;
/// sigmoid(u)' = sigmoid(u) sigmoid(-u), which equals sigmoid(u) (1 - sigmoid(u)) but keeps
/// its relative accuracy for large u, where 1 - sigmoid(u) rounds to 0 (e^-43 there: the
/// Hessian of logaddexp(-3, 40) would be 0 instead of 2.1e-19).
struct sigmoid_t : unary_function<sigmoid_t> {
  static constexpr std::string_view name = "sigmoid";
  static constexpr std::string_view latex = "\\sigma";
  static constexpr std::string_view c_name = "lz_sigmoid";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_SIGMOID_DEFINED\n#define LZ_SIGMOID_DEFINED\nstatic inline double lz_sigmoid(double x) "
      "{ return x >= 0.0 ? 1.0 / (1.0 + exp(-x)) : exp(x) / (1.0 + exp(x)); }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::sigmoid(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const& e, U const& u) {
    return detail::make_mul(e, detail::make_call<sigmoid_t>(detail::make_neg(u)));
  }
  template <class A>
  using exact = exact_at<A, constant<0>, constant<1, 2>>;
};
/// softplus(u) = log(1 + e^u), computed as max(u, 0) + log1p(e^-|u|) (no overflow, no
/// loss for very negative u; torch.nn.functional.softplus returns u itself above u = 20);
/// softplus(u)' = sigmoid(u).
struct softplus_t : unary_function<softplus_t> {
  static constexpr std::string_view name = "softplus";
  static constexpr std::string_view latex = "\\operatorname{softplus}";
  static constexpr std::string_view c_name = "lz_softplus";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_SOFTPLUS_DEFINED\n#define LZ_SOFTPLUS_DEFINED\nstatic inline double lz_softplus(double x) "
      "{ return (x > 0.0 ? x : 0.0) + log1p(exp(-fabs(x))); }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::softplus(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<sigmoid_t>(u);
  }
};

namespace detail_exact {
template <class A>
struct abs_of {
  using type = void;
};
template <std::intmax_t N, std::intmax_t D>
struct abs_of<constant<N, D>> {
  using type = constant<(N < 0 ? -N : N), D>;
};
template <class A>
struct sign_of {
  using type = void;
};
template <std::intmax_t N, std::intmax_t D>
struct sign_of<constant<N, D>> {
  using type = constant<(N > 0) - (N < 0)>;
};
}  // namespace detail_exact

/// |u|; |u|' = sign(u), 0 at u = 0 as in PyTorch.
struct abs_t : unary_function<abs_t> {
  static constexpr std::string_view name = "abs";
  static constexpr std::string_view latex = "\\left|@\\right|";
  static constexpr std::string_view c_name = "fabs";  // its name in C (lz::to_c)
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return detail::math::fabs(x);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u);  // after sign_t
  template <class A>
  using exact = typename detail_exact::abs_of<A>::type;
  static constexpr bool idempotent = true;  // |(|u|)| = |u|
  static constexpr bool cheap = true;       // recomputed where it is used (detail/cse.hpp)
};

/// sign(u): -1, 0 or 1 (NaN for NaN); the derivative of abs. sign(u)' = 0 (almost
/// everywhere).
struct sign_t : unary_function<sign_t> {
  static constexpr std::string_view name = "sign";
  static constexpr std::string_view latex = "\\operatorname{sign}";
  // In C (lz::to_c): a helper the generated code defines once.
  static constexpr std::string_view c_name = "lz_sign";
  static constexpr bool cheap = true;  // recomputed where it is used (detail/cse.hpp)
  static constexpr std::string_view c_helper =
      "#ifndef LZ_SIGN_DEFINED\n#define LZ_SIGN_DEFINED\nstatic inline double lz_sign(double x) "
      "{ return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : x; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return x > T(0) ? T(1) : x < T(0) ? T(-1) : x;  // keeps 0, -0 and NaN
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const&) {
    return constant<0>{};
  }
  template <class A>
  using exact = typename detail_exact::sign_of<A>::type;
};

template <class E, class U>
constexpr auto abs_t::derivative(E const&, U const& u) {
  return detail::make_call<sign_t>(u);
}

/// Common part of the binary elementwise functions (atan2, hypot, logaddexp): on
/// expressions (at least one operand), builds a call node; on numbers, computes the value
/// (constexpr), in double for integers. Each function gives `name`, `latex`, `apply(T, T)`
/// and its own `tangent` and `adjoint` rules.
template <class Derived>
struct binary_function {
  static constexpr bool elementwise = true;
  template <Operand A, Operand B>
  [[nodiscard]] constexpr auto operator()(A const& a, B const& b) const {
    if constexpr (Expression<A> || Expression<B>) {
      return detail::make_call<Derived>(detail::as_expr(a), detail::as_expr(b));
    } else {
      using T = detail::promote_t<std::common_type_t<A, B>>;
      return Derived::apply(static_cast<T>(a), static_cast<T>(b));
    }
  }
  friend std::ostream& operator<<(std::ostream& os, Derived const&) { return os << Derived::name; }
};

/// atan2(y, x).
struct atan2_t : binary_function<atan2_t> {
  static constexpr std::string_view name = "atan2";
  static constexpr std::string_view latex = "\\operatorname{atan2}";
  /// (x y' - y x') / (x^2 + y^2)
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& y = detail::arg<0>(e);
    auto const& x = detail::arg<1>(e);
    return detail::make_div(detail::make_sub(detail::make_mul(x, d(y)), detail::make_mul(y, d(x))),
                            radius_squared(x, y));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& y = detail::arg<0>(e);
    auto const& x = detail::arg<1>(e);
    auto const r2 = radius_squared(x, y);
    return detail::make_add(adj(y, detail::make_mul(c, detail::make_div(x, r2))),
                            adj(x, detail::make_neg(detail::make_mul(c, detail::make_div(y, r2)))));
  }
  template <class X, class Y>
  static constexpr auto radius_squared(X const& x, Y const& y) {
    return detail::make_add(detail::make_pow(x, constant<2>{}), detail::make_pow(y, constant<2>{}));
  }
  template <class T>
  [[nodiscard]] static constexpr T apply(T y, T x) {
    return detail::math::atan2(y, x);
  }
};

/// hypot(x, y) = sqrt(x^2 + y^2) without overflow in the squares (torch.hypot);
/// partial derivatives x / hypot(x, y) and y / hypot(x, y) (NaN at the origin, where the
/// function has no derivative; PyTorch 1.13 gives NaN there too).
struct hypot_t : binary_function<hypot_t> {
  static constexpr std::string_view name = "hypot";
  static constexpr std::string_view latex = "\\operatorname{hypot}";
  /// (x x' + y y') / hypot(x, y)
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& x = detail::arg<0>(e);
    auto const& y = detail::arg<1>(e);
    return detail::make_div(detail::make_add(detail::make_mul(x, d(x)), detail::make_mul(y, d(y))), e);
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& x = detail::arg<0>(e);
    auto const& y = detail::arg<1>(e);
    return detail::make_add(adj(x, detail::make_mul(c, detail::make_div(x, e))),
                            adj(y, detail::make_mul(c, detail::make_div(y, e))));
  }
  template <class T>
  [[nodiscard]] static constexpr T apply(T x, T y) {
    return detail::math::hypot(x, y);
  }
};

/// logaddexp(a, b) = log(e^a + e^b), computed as max(a, b) + log1p(e^-|a - b|)
/// (torch.logaddexp); partial derivatives sigmoid(a - b) and sigmoid(b - a) (1/2 each
/// where a = b).
struct logaddexp_t : binary_function<logaddexp_t> {
  static constexpr std::string_view name = "logaddexp";
  static constexpr std::string_view latex = "\\operatorname{logaddexp}";
  static constexpr std::string_view c_name = "lz_logaddexp";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_LOGADDEXP_DEFINED\n#define LZ_LOGADDEXP_DEFINED\nstatic inline double lz_logaddexp(double a, "
      "double b) { return a == b ? a + log1p(1.0) : (a > b ? a : b) + log1p(exp(-fabs(a - b))); }\n#endif";
  /// sigmoid(a - b) a' + sigmoid(b - a) b'
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    return detail::make_add(detail::make_mul(weight(a, b), d(a)), detail::make_mul(weight(b, a), d(b)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    return detail::make_add(adj(a, detail::make_mul(c, weight(a, b))), adj(b, detail::make_mul(c, weight(b, a))));
  }
  /// d/da logaddexp(a, b) = e^a / (e^a + e^b) = sigmoid(a - b)
  template <class X, class Y>
  static constexpr auto weight(X const& x, Y const& y) {
    return detail::make_call<sigmoid_t>(detail::make_sub(x, y));
  }
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return detail::math::logaddexp(a, b);
  }
};

// ---- piecewise: comparisons, where, relu, maximum, minimum, clamp -----------------------

/// A comparison of two formulas, `a < b` (operators.hpp), as a condition node: 1 where it
/// holds and 0 where it does not (NaN compares false), in the formula's scalar type, as
/// `(a < b).double()` in PyTorch. Piecewise constant: its derivative is 0. Used by
/// `lz::where`, and in the derivatives of relu, maximum, minimum and clamp.
template <class Derived>
struct comparison : binary_function<Derived> {
  static constexpr bool cheap = true;  // recomputed where it is used (detail/cse.hpp)
  static constexpr bool is_comparison = true;
  template <class E, class D>
  static constexpr auto tangent(E const&, D const&) {
    return constant<0>{};
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const&, C const&, A const&) {
    return constant<0>{};
  }
};
/// a < b
struct less_t : comparison<less_t> {
  static constexpr std::string_view name = "less";
  static constexpr std::string_view infix = "<";
  static constexpr std::string_view latex_infix = "<";
  static constexpr std::string_view c_name = "lz_less";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_LESS_DEFINED\n#define LZ_LESS_DEFINED\nstatic inline double lz_less(double a, double b) "
      "{ return a < b ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a < b ? T(1) : T(0);
  }
};
/// a <= b
struct less_equal_t : comparison<less_equal_t> {
  static constexpr std::string_view name = "less_equal";
  static constexpr std::string_view infix = "<=";
  static constexpr std::string_view latex_infix = "\\le";
  static constexpr std::string_view c_name = "lz_less_equal";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_LESS_EQUAL_DEFINED\n#define LZ_LESS_EQUAL_DEFINED\nstatic inline double lz_less_equal(double a, "
      "double b) { return a <= b ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a <= b ? T(1) : T(0);
  }
};
/// a > b
struct greater_t : comparison<greater_t> {
  static constexpr std::string_view name = "greater";
  static constexpr std::string_view infix = ">";
  static constexpr std::string_view latex_infix = ">";
  static constexpr std::string_view c_name = "lz_greater";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_GREATER_DEFINED\n#define LZ_GREATER_DEFINED\nstatic inline double lz_greater(double a, double b) "
      "{ return a > b ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a > b ? T(1) : T(0);
  }
};
/// a >= b
struct greater_equal_t : comparison<greater_equal_t> {
  static constexpr std::string_view name = "greater_equal";
  static constexpr std::string_view infix = ">=";
  static constexpr std::string_view latex_infix = "\\ge";
  static constexpr std::string_view c_name = "lz_greater_equal";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_GREATER_EQUAL_DEFINED\n#define LZ_GREATER_EQUAL_DEFINED\nstatic inline double "
      "lz_greater_equal(double a, double b) { return a >= b ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a >= b ? T(1) : T(0);
  }
};
/// a == b (`lz::equal(a, b)`: formulas have no operator==, which would read as a test of
/// the formulas themselves); used for the ties of maximum and minimum.
struct equal_t : comparison<equal_t> {
  static constexpr std::string_view name = "equal";
  static constexpr std::string_view infix = "==";
  static constexpr std::string_view latex_infix = "=";
  static constexpr std::string_view c_name = "lz_equal";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_EQUAL_DEFINED\n#define LZ_EQUAL_DEFINED\nstatic inline double lz_equal(double a, double b) "
      "{ return a == b ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a == b ? T(1) : T(0);
  }
};

/// equal_nan(a, b): a == b, or both NaN (1 or 0). The mask of the elements that max(x) and
/// min(x) give their derivative to: where the result is NaN, the NaN elements, as
/// PyTorch's evenly_distribute_backward.
struct equal_nan_t : comparison<equal_nan_t> {
  static constexpr std::string_view name = "equal_nan";
  static constexpr std::string_view c_name = "lz_equal_nan";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_EQUAL_NAN_DEFINED\n#define LZ_EQUAL_NAN_DEFINED\nstatic inline double lz_equal_nan(double a, "
      "double b) { return a == b || (a != a && b != b) ? 1.0 : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    return a == b || (a != a && b != b) ? T(1) : T(0);
  }
};

/// Whether E is a 0/1 mask by construction: a comparison, a `zero_one` node (first_max),
/// a product of masks, or the maximum (or) of two masks.
template <class E>
constexpr bool is_mask() {
  if constexpr (detail::is_call_v<E>) {
    using F = detail::call_function_t<E>;
    if constexpr (requires { requires F::is_comparison; } || requires { requires F::zero_one; })
      return true;
    else if constexpr (std::is_same_v<F, maximum_t>)
      return is_mask<detail::arg_t<0, E>>() && is_mask<detail::arg_t<1, E>>();
    else
      return false;
  } else if constexpr (detail::is_mul_v<E>) {
    return is_mask<detail::arg_t<0, E>>() && is_mask<detail::arg_t<1, E>>();
  } else {
    return false;
  }
}

/// where(c, a, b): a where the condition c is nonzero (a comparison, or any formula), b
/// elsewhere, element by element with broadcasting (torch.where). Its derivative is
/// where(c, a', b'): the chosen branch's; in reverse mode a branch not chosen gets a zero
/// cotangent (so an infinite derivative inside it still gives NaN, as in PyTorch).
struct where_t {
  static constexpr bool elementwise = true;
  static constexpr std::string_view name = "where";
  static constexpr std::string_view latex = "\\operatorname{where}";
  static constexpr std::string_view c_name = "lz_where";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_WHERE_DEFINED\n#define LZ_WHERE_DEFINED\nstatic inline double lz_where(double c, double a, "
      "double b) { return c != 0.0 ? a : b; }\n#endif";
  /// The node where(c, a, b), simplified: where(c, u, u) is u (for a constant u, with c's
  /// shape), and where(m, 1, 0) of a mask m (a comparison, ...) is m.
  template <class C, class A, class B>
  static constexpr auto make(C const& c, A const& a, B const& b) {
    if constexpr (std::is_same_v<A, B> && (detail::Constant<A> || detail::is_scalar_node_v<C>)) {
      if constexpr (detail::Constant<A>)
        return detail::make_cancelled<A>(c);  // A, broadcast to c's shape where c may be a tensor
      else
        return a;
    } else if constexpr (std::is_same_v<A, constant<1>> && std::is_same_v<B, constant<0>> && is_mask<C>()) {
      return c;
    } else {
      return detail::make_call<where_t>(c, a, b);
    }
  }
  /// where(mask, v, 0), or 0 when v is: the part of a tangent or cotangent a 0/1 mask lets
  /// through (PyTorch's masked_fill: a NaN or infinite v outside the mask gives 0, not NaN).
  template <class M, class V>
  static constexpr auto masked(M const& mask, V const& v) {
    if constexpr (std::is_same_v<V, constant<0>>)
      return constant<0>{};
    else
      return make(mask, v, constant<0>{});
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return make(detail::arg<0>(e), d(detail::arg<1>(e)), d(detail::arg<2>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& ct, A const& adj) {
    auto const& c = detail::arg<0>(e);
    return detail::make_add(adj(detail::arg<1>(e), make(c, ct, constant<0>{})),
                            adj(detail::arg<2>(e), make(c, constant<0>{}, ct)));
  }
  template <class T>
  [[nodiscard]] static constexpr T apply(T c, T a, T b) {
    return c != T(0) ? a : b;
  }
  template <Operand C, Operand A, Operand B>
  [[nodiscard]] constexpr auto operator()(C const& c, A const& a, B const& b) const {
    if constexpr (Expression<C> || Expression<A> || Expression<B>) {
      return make(detail::as_expr(c), detail::as_expr(a), detail::as_expr(b));
    } else {
      using T = detail::promote_t<std::common_type_t<C, A, B>>;
      return apply(static_cast<T>(c), static_cast<T>(a), static_cast<T>(b));
    }
  }
  friend std::ostream& operator<<(std::ostream& os, where_t) { return os << name; }
};

/// relu(u) = max(u, 0) (torch.relu; NaN stays NaN). Its derivative is where(u <= 0, 0, u'),
/// as PyTorch's threshold_backward: 0 at u = 0, and the cotangent passes at a NaN u.
struct relu_t : unary_function<relu_t> {
  static constexpr std::string_view name = "relu";
  static constexpr std::string_view latex = "\\operatorname{relu}";
  static constexpr bool cheap = true;
  static constexpr bool idempotent = true;  // relu(relu(u)) = relu(u)
  static constexpr std::string_view c_name = "lz_relu";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_RELU_DEFINED\n#define LZ_RELU_DEFINED\nstatic inline double lz_relu(double x) "
      "{ return x > 0.0 || x != x ? x : 0.0; }\n#endif";
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return x > T(0) || x != x ? x : T(0);
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return passed(detail::arg<0>(e), d(detail::arg<0>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), passed(detail::arg<0>(e), c));
  }
  /// where(u <= 0, 0, v): the part of a tangent or cotangent v that relu passes
  template <class U, class V>
  static constexpr auto passed(U const& u, V const& v) {
    return where_t::make(detail::make_call<less_equal_t>(u, constant<0>{}), constant<0>{}, v);
  }
};

/// maximum(a, b) and minimum(a, b), element by element (torch.maximum, torch.minimum: NaN
/// in either gives NaN). The derivative goes to the larger (smaller) operand and half to
/// each at a tie, with PyTorch's masks: the cotangent of a in maximum is
/// where(a == b, c / 2, where(a < b, 0, c)), and its tangent
/// where(a == b, (a' + b') / 2, where(a < b, b', a')).
template <class Derived, bool Max>
struct extremum : binary_function<Derived> {
  static constexpr bool cheap = true;
  /// x loses against y: x < y for maximum, x > y for minimum
  template <class X, class Y>
  static constexpr auto loses(X const& x, Y const& y) {
    return detail::make_call<std::conditional_t<Max, less_t, greater_t>>(x, y);
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    auto const da = d(a);
    auto const db = d(b);
    return where_t::make(detail::make_call<equal_t>(a, b),
                         detail::make_mul(constant<1, 2>{}, detail::make_add(da, db)),
                         where_t::make(loses(a, b), db, da));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    auto const tie = detail::make_call<equal_t>(a, b);
    auto const half = detail::make_mul(constant<1, 2>{}, c);
    return detail::make_add(adj(a, where_t::make(tie, half, where_t::make(loses(a, b), constant<0>{}, c))),
                            adj(b, where_t::make(tie, half, where_t::make(loses(b, a), constant<0>{}, c))));
  }
  /// a on a tie (as std::max and std::min, and PyTorch: maximum(-0.0, 0.0) is -0.0)
  template <class T>
  [[nodiscard]] static constexpr T apply(T a, T b) {
    if (a != a) return a;
    if (b != b) return b;
    return (Max ? a < b : b < a) ? b : a;
  }
};
struct maximum_t : extremum<maximum_t, true> {
  static constexpr std::string_view name = "maximum";
  static constexpr std::string_view latex = "\\max";
  static constexpr std::string_view c_name = "lz_maximum";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_MAXIMUM_DEFINED\n#define LZ_MAXIMUM_DEFINED\nstatic inline double lz_maximum(double a, double b) "
      "{ return a != a ? a : b != b ? b : a < b ? b : a; }\n#endif";
};
struct minimum_t : extremum<minimum_t, false> {
  static constexpr std::string_view name = "minimum";
  static constexpr std::string_view latex = "\\min";
  static constexpr std::string_view c_name = "lz_minimum";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_MINIMUM_DEFINED\n#define LZ_MINIMUM_DEFINED\nstatic inline double lz_minimum(double a, double b) "
      "{ return a != a ? a : b != b ? b : b < a ? b : a; }\n#endif";
};

/// clamp(u, lo, hi) = minimum(maximum(u, lo), hi) (torch.clamp; lo and hi may be numbers or
/// formulas; where lo > hi the value is hi). Derivatives with PyTorch 1.13's masks
/// (clamp_backward_min_max): u's where lo <= u <= hi (ends included), lo's where u < lo and
/// lo < hi, hi's where u > hi or hi < lo.
struct clamp_t {
  static constexpr bool elementwise = true;
  static constexpr bool cheap = true;
  static constexpr std::string_view name = "clamp";
  static constexpr std::string_view latex = "\\operatorname{clamp}";
  static constexpr std::string_view c_name = "lz_clamp";
  static constexpr std::string_view c_helper =
      "#ifndef LZ_CLAMP_DEFINED\n#define LZ_CLAMP_DEFINED\nstatic inline double lz_clamp(double x, double lo, "
      "double hi) { double const m = x != x ? x : lo != lo ? lo : x < lo ? lo : x; return m != m ? m : hi != hi ? "
      "hi : hi < m ? hi : m; }\n#endif";
  /// The 0/1 masks of u, lo and hi.
  template <class E>
  static constexpr auto masks(E const& e) {
    auto const& u = detail::arg<0>(e);
    auto const& lo = detail::arg<1>(e);
    auto const& hi = detail::arg<2>(e);
    using detail::make_call;
    return std::tuple{detail::make_mul(make_call<greater_equal_t>(u, lo), make_call<less_equal_t>(u, hi)),
                      detail::make_mul(make_call<less_t>(u, lo), make_call<less_t>(lo, hi)),
                      make_call<maximum_t>(make_call<greater_t>(u, hi), make_call<less_t>(hi, lo))};
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const [mu, mlo, mhi] = masks(e);
    return detail::make_add(detail::make_add(where_t::masked(mu, d(detail::arg<0>(e))),
                                             where_t::masked(mlo, d(detail::arg<1>(e)))),
                            where_t::masked(mhi, d(detail::arg<2>(e))));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const [mu, mlo, mhi] = masks(e);
    return detail::make_add(detail::make_add(adj(detail::arg<0>(e), where_t::masked(mu, c)),
                                             adj(detail::arg<1>(e), where_t::masked(mlo, c))),
                            adj(detail::arg<2>(e), where_t::masked(mhi, c)));
  }
  template <class T>
  [[nodiscard]] static constexpr T apply(T x, T lo, T hi) {
    return minimum_t::apply(maximum_t::apply(x, lo), hi);
  }
  template <Operand U, Operand L, Operand H>
  [[nodiscard]] constexpr auto operator()(U const& u, L const& lo, H const& hi) const {
    if constexpr (Expression<U> || Expression<L> || Expression<H>) {
      return detail::make_call<clamp_t>(detail::as_expr(u), detail::as_expr(lo), detail::as_expr(hi));
    } else {
      using T = detail::promote_t<std::common_type_t<U, L, H>>;
      return apply(static_cast<T>(u), static_cast<T>(lo), static_cast<T>(hi));
    }
  }
  friend std::ostream& operator<<(std::ostream& os, clamp_t) { return os << name; }
};

/// pow(u, p): p a compile-time constant (`2_c`, `1_c / 2_c`), a number or an expression.
struct pow_t {
  static constexpr bool elementwise = true;
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

/// A user's LaTeX form, when F gives one (otherwise the name prints as \operatorname).
template <class F>
struct user_latex {};
template <class F>
  requires requires { F::latex; }
struct user_latex<F> {
  static constexpr std::string_view latex = F::latex;
};
/// A user's name in generated C, when F gives one (otherwise its name).
template <class F>
struct user_c_name {};
template <class F>
  requires requires { F::c_name; }
struct user_c_name<F> {
  static constexpr std::string_view c_name = F::c_name;
};

/// The function object of lz::function<F> (below).
template <class F>
struct user_function_t : unary_function<user_function_t<F>>, user_latex<F>, user_c_name<F> {
  static constexpr std::string_view name = F::name;
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return static_cast<T>(F::apply(x));
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::as_expr(F::derivative(u));
  }
};

/// The derivative node of lz::opaque_function<F>: its value is F::derivative_value, and it
/// has no derivative of its own.
template <class F>
struct opaque_derivative_t : unary_function<opaque_derivative_t<F>> {
  static constexpr std::string_view name = F::derivative_name;
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return static_cast<T>(F::derivative_value(x));
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const&) {
    static_assert(sizeof(F) == 0,
                  "leibniz::opaque_function<F>: F gives its first derivative only as a value "
                  "(derivative_value), so it has no second derivative; write F as an "
                  "lz::function<F> with `derivative(u)` returning a formula for higher orders");
    return constant<0>{};
  }
};

/// The function object of lz::opaque_function<F> (below).
template <class F>
struct opaque_function_t : unary_function<opaque_function_t<F>> {
  static constexpr std::string_view name = F::name;
  template <class T>
  [[nodiscard]] static constexpr T apply(T x) {
    return static_cast<T>(F::apply(x));
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const& u) {
    return detail::make_call<opaque_derivative_t<F>>(u);
  }
};

}  // namespace fn

/// A user's elementwise function, as a leibniz function object: F gives
///   static constexpr std::string_view name;                    // how it prints
///   template <class T> static constexpr T apply(T x);          // its value (constexpr)
///   template <class U> static constexpr auto derivative(U u);  // f'(u) as a formula of u
/// and optionally `latex` (`@` stands for the argument, as in functions.hpp) and `c_name`
/// (the C function lz::to_c calls; otherwise `name`, which must then be a C identifier).
/// Because the derivative is a formula, every order works: `lz::d(f(x), x, x)`
/// differentiates it again.
template <class F>
inline constexpr fn::user_function_t<F> function{};

/// A user's elementwise function whose derivative is a value only (a callback, as another
/// library computes it): F gives `name`, `apply(x)`, `derivative_name` (how f' prints) and
/// `derivative_value(x)`. First derivatives of every kind work; a second derivative is a
/// compile error that says so.
template <class F>
inline constexpr fn::opaque_function_t<F> opaque_function{};

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
inline constexpr fn::log1p_t log1p{};
inline constexpr fn::erf_t erf{};
inline constexpr fn::erfc_t erfc{};
inline constexpr fn::expm1_t expm1{};
inline constexpr fn::sigmoid_t sigmoid{};
inline constexpr fn::softplus_t softplus{};
inline constexpr fn::hypot_t hypot{};
inline constexpr fn::logaddexp_t logaddexp{};
inline constexpr fn::equal_t equal{};
inline constexpr fn::where_t where{};
inline constexpr fn::relu_t relu{};
inline constexpr fn::maximum_t maximum{};
inline constexpr fn::minimum_t minimum{};
inline constexpr fn::clamp_t clamp{};
inline constexpr fn::pow_t pow{};
inline constexpr fn::square_t square{};

}  // namespace leibniz

#endif  // LEIBNIZ_FUNCTIONS_HPP
