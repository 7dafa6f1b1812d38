// SPDX-License-Identifier: BSL-1.0
// leibniz: the node builders, which simplify at type level while building (API.md §4).
#ifndef LEIBNIZ_DETAIL_BUILD_HPP
#define LEIBNIZ_DETAIL_BUILD_HPP

#include <leibniz/detail/rational.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/literals.hpp>  // every header that builds nodes gives N_c too

#include <functional>
#include <type_traits>

// Every builder is `make_X(operands...)`: it returns the simplest expression
// equal to the node X(operands...). Rules are applied when a node is built, so
// a derivative is simplified as it is generated and equal subtrees get equal
// types. Rules that compare subtrees by type (`e - e -> 0`, `x * x -> x^2`)
// fire only for stateless subtrees, whose type is their whole value.

namespace leibniz::fn {
struct pow_t;
struct stack_t;
struct broadcast_t;
}  // namespace leibniz::fn

namespace leibniz::detail {

inline constexpr bool simplify = LEIBNIZ_CONFIG_SIMPLIFY != 0;

template <class A>
constexpr auto make_neg(A const& a);
template <class A, class B>
constexpr auto make_add(A const& a, B const& b);
template <class A, class B>
constexpr auto make_sub(A const& a, B const& b);
template <class A, class B>
constexpr auto make_mul(A const& a, B const& b);
template <class A, class B>
constexpr auto make_div(A const& a, B const& b);
template <class A, class B>
constexpr auto make_pow(A const& a, B const& b);

template <class T>
inline constexpr bool is_float_literal_v = false;
template <class T>
inline constexpr bool is_float_literal_v<literal<T>> = std::is_floating_point_v<T>;

/// A number known when the tree is built: a compile-time constant or a literal.
template <class E>
inline constexpr bool is_number_v = Constant<E> || is_literal_v<E>;

template <class E>
constexpr auto number_value(E const& e) {
  if constexpr (Constant<E>) {
    if constexpr (E::den == 1)
      return E::num;
    else
      return E::template value<double>;
  } else {
    return value(e);
  }
}

/// Folds two numbers, at least one of them a literal, into a literal. Integer
/// arithmetic stays integral except division, which is done in floating point.
template <class Op, class A, class B>
constexpr auto fold_literal(Op op, A const& a, B const& b) {
  auto const x = number_value(a);
  auto const y = number_value(b);
  using T = std::common_type_t<decltype(x), decltype(y)>;
  if constexpr (std::is_integral_v<T> && std::is_same_v<Op, std::divides<>>)
    return as_expr(op(static_cast<double>(x), static_cast<double>(y)));
  else
    return as_expr(op(static_cast<T>(x), static_cast<T>(y)));
}

/// `c * X` split into coefficient and rest (`1 * e` for anything else).
template <class E>
struct coefficient_split {
  using rest = E;
  static constexpr E const& get(E const& e) { return e; }
  static constexpr constant<1> coeff(E const&) { return {}; }
};
template <class C, class X>
  requires is_number_v<C>
struct coefficient_split<mul_node<C, X>> {
  using rest = X;
  static constexpr X const& get(mul_node<C, X> const& e) { return detail::arg<1>(e); }
  static constexpr C const& coeff(mul_node<C, X> const& e) { return detail::arg<0>(e); }
};

/// `u ^ p` (p a compile-time constant) split into base and exponent (`e ^ 1` otherwise).
template <class E>
struct power_split {
  using exponent = constant<1>;
  using base = E;
  static constexpr E const& get(E const& e) { return e; }
};
template <class U, class P>
  requires Constant<P>
struct power_split<pow_node<U, P>> {
  using exponent = P;
  using base = U;
  static constexpr U const& get(pow_node<U, P> const& e) { return detail::arg<0>(e); }
};

template <class E>
inline constexpr bool is_positive_constant_v = false;
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_positive_constant_v<constant<N, D>> = (N > 0);
template <class E>
inline constexpr bool is_negative_constant_v = false;
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_negative_constant_v<constant<N, D>> = (N < 0);

template <class A, class B>
inline constexpr bool same_stateless_v =
    std::is_same_v<A, B> && is_stateless_v<A>;

/// Elementwise functions (`lz::sin`, ..., `lz::pow`, `lz::atan2`): each says so in its
/// description (functions.hpp, `static constexpr bool elementwise = true`). Evaluated
/// only once the function types are complete (in the instantiation of a formula).
template <class F>
inline constexpr bool is_elementwise_function_v = requires {
  requires F::elementwise;
};

/// Formulas whose value is a scalar whatever the bindings: numbers and reductions,
/// and elementwise combinations of them.
template <class E>
inline constexpr bool is_scalar_node_v = is_number_v<E>;
template <class F, class... A>
inline constexpr bool is_scalar_node_v<call_node<F, A...>> =
    requires { requires F::scalar_valued; } ||  // reductions, element access (their structs say so)
    (is_elementwise_function_v<F> && (is_scalar_node_v<A> && ...));
template <expr_kind K, class... A>
  requires(K == expr_kind::plus || K == expr_kind::minus || K == expr_kind::multiplies ||
           K == expr_kind::divides || K == expr_kind::negate)
inline constexpr bool is_scalar_node_v<expression<K, boost::hana::tuple<A...>>> =
    (is_scalar_node_v<A> && ...);

/// The value 0 or 1 that a cancellation leaves (`e - e`, `e / e`), with e's shape:
/// zeros or ones of e's shape when e may be a tensor, as PyTorch gives.
template <class K, class E>
constexpr auto make_cancelled(E const& e) {
  if constexpr (is_scalar_node_v<E>)
    return K{};
  else
    return make_call_node<fn::broadcast_t>(K{}, e);
}

template <class A>
constexpr auto make_neg(A const& a) {
  if constexpr (!simplify) {
    return make_node<expr_kind::negate>(a);
  } else if constexpr (Constant<A>) {
    return make_constant<reduce(-wide_int{A::num}, A::den)>();
  } else if constexpr (is_float_literal_v<A>) {
    return as_expr(-value(a));
  } else if constexpr (is_neg_v<A>) {
    return detail::arg<0>(a);
  } else if constexpr (is_sub_v<A>) {
    return make_sub(detail::arg<1>(a), detail::arg<0>(a));
  } else if constexpr (is_mul_v<A> && Constant<arg_t<0, A>>) {
    return make_mul(make_neg(detail::arg<0>(a)), detail::arg<1>(a));
  } else {
    return make_node<expr_kind::negate>(a);
  }
}

template <class A, class B>
constexpr auto make_add(A const& a, B const& b) {
  if constexpr (!simplify) {
    return make_node<expr_kind::plus>(a, b);
  } else if constexpr (is_zero_v<A>) {
    return b;
  } else if constexpr (is_zero_v<B>) {
    return a;
  } else if constexpr (Constant<A> && Constant<B>) {
    return make_constant<ratio_add<A, B>>();
  } else if constexpr (is_number_v<A> && is_number_v<B>) {
    return fold_literal(std::plus<>{}, a, b);
  } else if constexpr (is_number_v<A>) {
    return make_add(b, a);  // numbers go last in a sum: x + 3
  } else if constexpr (is_number_v<B> && is_add_v<A> && is_number_v<arg_t<1, A>>) {
    return make_add(detail::arg<0>(a), make_add(detail::arg<1>(a), b));
  } else if constexpr (!is_number_v<B> && is_add_v<A> && is_number_v<arg_t<1, A>>) {
    return make_add(make_add(detail::arg<0>(a), b), detail::arg<1>(a));  // (x + 1) + y -> (x + y) + 1
  } else if constexpr (is_neg_v<B>) {
    return make_sub(a, detail::arg<0>(b));
  } else if constexpr (is_neg_v<A>) {
    return make_sub(b, detail::arg<0>(a));
  } else if constexpr (is_mul_v<B> && is_negative_constant_v<arg_t<0, B>>) {
    return make_sub(a, make_mul(make_neg(detail::arg<0>(b)), detail::arg<1>(b)));  // a + -c X -> a - c X
  } else if constexpr (same_stateless_v<typename coefficient_split<A>::rest,
                                        typename coefficient_split<B>::rest>) {
    using sa = coefficient_split<A>;
    using sb = coefficient_split<B>;
    auto const k = make_add(sa::coeff(a), sb::coeff(b));
    if constexpr (is_zero_v<std::remove_cvref_t<decltype(k)>>)
      return make_cancelled<constant<0>>(sa::get(a));
    else
      return make_mul(k, sa::get(a));
  } else {
    return make_node<expr_kind::plus>(a, b);
  }
}

template <class A, class B>
constexpr auto make_sub(A const& a, B const& b) {
  if constexpr (!simplify) {
    return make_node<expr_kind::minus>(a, b);
  } else if constexpr (is_zero_v<B>) {
    return a;
  } else if constexpr (is_zero_v<A>) {
    return make_neg(b);
  } else if constexpr (Constant<A> && Constant<B>) {
    return make_constant<ratio_sub<A, B>>();
  } else if constexpr (is_number_v<A> && is_number_v<B>) {
    return fold_literal(std::minus<>{}, a, b);
  } else if constexpr (is_neg_v<B>) {
    return make_add(a, detail::arg<0>(b));
  } else if constexpr (is_number_v<B> && is_add_v<A> && is_number_v<arg_t<1, A>>) {
    return make_add(detail::arg<0>(a), make_sub(detail::arg<1>(a), b));
  } else if constexpr (same_stateless_v<typename coefficient_split<A>::rest,
                                        typename coefficient_split<B>::rest>) {
    using sa = coefficient_split<A>;
    using sb = coefficient_split<B>;
    auto const k = make_sub(sa::coeff(a), sb::coeff(b));
    if constexpr (is_zero_v<std::remove_cvref_t<decltype(k)>>)
      return make_cancelled<constant<0>>(sa::get(a));
    else
      return make_mul(k, sa::get(a));
  } else {
    return make_node<expr_kind::minus>(a, b);
  }
}

template <class A, class B>
constexpr auto make_mul(A const& a, B const& b) {
  if constexpr (!simplify) {
    return make_node<expr_kind::multiplies>(a, b);
  } else if constexpr (is_zero_v<A> || is_zero_v<B>) {
    return constant<0>{};
  } else if constexpr (is_one_v<A>) {
    return b;
  } else if constexpr (is_one_v<B>) {
    return a;
  } else if constexpr (Constant<A> && Constant<B>) {
    return make_constant<ratio_mul<A, B>>();
  } else if constexpr (is_number_v<A> && is_number_v<B>) {
    return fold_literal(std::multiplies<>{}, a, b);
  } else if constexpr (is_number_v<B>) {
    return make_mul(b, a);  // numbers go first in a product: 3 * x
  } else if constexpr (std::is_same_v<A, constant<-1>>) {
    return make_neg(b);
  } else if constexpr (is_number_v<A> && is_mul_v<B> && is_number_v<arg_t<0, B>>) {
    return make_mul(make_mul(a, detail::arg<0>(b)), detail::arg<1>(b));
  } else if constexpr (is_neg_v<A>) {
    return make_neg(make_mul(detail::arg<0>(a), b));
  } else if constexpr (is_neg_v<B>) {
    return make_neg(make_mul(a, detail::arg<0>(b)));
  } else if constexpr (is_div_v<A> && is_one_v<arg_t<0, A>> && !is_number_v<B>) {
    return make_div(b, detail::arg<1>(a));  // (1 / X) b -> b / X
  } else if constexpr (is_div_v<B> && is_one_v<arg_t<0, B>> && !is_number_v<A>) {
    return make_div(a, detail::arg<1>(b));  // a (1 / X) -> a / X
  } else if constexpr (!is_number_v<A> && is_mul_v<B> && is_number_v<arg_t<0, B>>) {
    return make_mul(detail::arg<0>(b), make_mul(a, detail::arg<1>(b)));
  } else if constexpr (!is_number_v<A> && is_mul_v<A> && is_number_v<arg_t<0, A>>) {
    return make_mul(detail::arg<0>(a), make_mul(detail::arg<1>(a), b));
  } else if constexpr (!is_number_v<A> && same_stateless_v<typename power_split<A>::base,
                                                        typename power_split<B>::base>) {
    using pa = power_split<A>;
    using pb = power_split<B>;
    using p = decltype(make_constant<ratio_add<typename pa::exponent, typename pb::exponent>>());
    if constexpr (is_zero_v<p>)
      return make_cancelled<constant<1>>(pa::get(a));
    else
      return make_pow(pa::get(a), p{});
  } else {
    return make_node<expr_kind::multiplies>(a, b);
  }
}

template <class A, class B>
constexpr auto make_div(A const& a, B const& b) {
  if constexpr (!simplify) {
    return make_node<expr_kind::divides>(a, b);
  } else if constexpr (is_zero_v<B>) {
    static_assert(!is_zero_v<B>, "leibniz: division by the compile-time constant 0");
    return constant<0>{};
  } else if constexpr (is_zero_v<A>) {
    return constant<0>{};
  } else if constexpr (is_one_v<B>) {
    return a;
  } else if constexpr (Constant<A> && Constant<B>) {
    return make_constant<ratio_div<A, B>>();
  } else if constexpr (is_number_v<A> && is_number_v<B>) {
    return fold_literal(std::divides<>{}, a, b);
  } else if constexpr (is_negative_constant_v<A>) {
    return make_neg(make_div(make_neg(a), b));  // -1 / x -> -(1 / x)
  } else if constexpr (Constant<A> && is_mul_v<B> && Constant<arg_t<0, B>>) {
    // c / (k X) -> (c / k) (1 / X): the constants meet and fold
    return make_mul(make_constant<ratio_div<A, arg_t<0, B>>>(), make_div(constant<1>{}, detail::arg<1>(b)));
  } else if constexpr (Constant<A> && !is_one_v<A>) {
    return make_mul(a, make_div(constant<1>{}, b));  // c / X -> c (1 / X), a coefficient
  } else if constexpr (Constant<B>) {
    return make_mul(make_constant<reduce(B::den, B::num)>(), a);
  } else if constexpr (same_stateless_v<A, B>) {
    return make_cancelled<constant<1>>(a);
  } else if constexpr (is_neg_v<A>) {
    return make_neg(make_div(detail::arg<0>(a), b));
  } else if constexpr (is_neg_v<B>) {
    return make_neg(make_div(a, detail::arg<0>(b)));
  } else if constexpr (is_div_v<A>) {
    return make_div(detail::arg<0>(a), make_mul(detail::arg<1>(a), b));  // a / b / c -> a / (b c)
  } else if constexpr (!is_number_v<A> && is_mul_v<A> && is_number_v<arg_t<0, A>>) {
    return make_mul(detail::arg<0>(a), make_div(detail::arg<1>(a), b));
  } else if constexpr (!is_number_v<A> && same_stateless_v<typename power_split<A>::base,
                                                        typename power_split<B>::base>) {
    using pa = power_split<A>;
    using pb = power_split<B>;
    using p = decltype(make_constant<ratio_sub<typename pa::exponent, typename pb::exponent>>());
    if constexpr (is_zero_v<p>)
      return make_cancelled<constant<1>>(pa::get(a));
    else
      return make_pow(pa::get(a), p{});
  } else {
    return make_node<expr_kind::divides>(a, b);
  }
}

template <class A, class B>
constexpr auto make_pow(A const& a, B const& b) {
  if constexpr (!simplify) {
    return make_call_node<fn::pow_t>(a, b);
  } else if constexpr (is_zero_v<B>) {
    return constant<1>{};
  } else if constexpr (is_one_v<B>) {
    return a;
  } else if constexpr (is_one_v<A>) {
    return constant<1>{};
  } else if constexpr (is_zero_v<A> && is_positive_constant_v<B>) {
    return constant<0>{};
  } else if constexpr (Constant<A> && is_integer_constant_v<B>) {
    return make_constant<ratio_pow(A::num, A::den, B::num)>();
  } else if constexpr (is_pow_v<A> && is_integer_constant_v<arg_t<1, A>> &&
                       is_integer_constant_v<B>) {
    // (u^p)^q = u^(p q) for integers p, q: exact for every u.
    return make_pow(detail::arg<0>(a), make_constant<ratio_mul<arg_t<1, A>, B>>());
  } else {
    return make_call_node<fn::pow_t>(a, b);
  }
}

/// The exact value of `F(a...)` when it has one (each function's `exact<A>`), else void.
template <class F, class... A>
struct exact_value {
  using type = void;
};
template <class F, class A>
  requires requires { typename F::template exact<A>; }
struct exact_value<F, A> {
  using type = typename F::template exact<A>;
};

/// A function application `F(a...)`, simplified where the value is exact.
template <class F, class... A>
constexpr auto make_call(A const&... a) {
  if constexpr (sizeof...(A) == 1 && simplify &&
                !std::is_void_v<typename exact_value<F, A...>::type>) {
    return typename exact_value<F, A...>::type{};
  } else if constexpr (sizeof...(A) == 1 && simplify && (is_call_of_v<A, F> && ...) &&
                       requires { requires F::idempotent; }) {
    return (a, ...);  // f(f(u)) = f(u), as |(|u|)| = |u|
  } else {
    return make_call_node<F>(a...);
  }
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_BUILD_HPP
