// SPDX-License-Identifier: BSL-1.0
// leibniz: the values of every node of a scalar formula in one straight-line pass, the
// forward half of the gradient's reverse sweep (sweep.hpp) and lz::eval's evaluation of a
// large scalar formula over numbers (eval.hpp, docs/design.md "Evaluation").
#ifndef LEIBNIZ_DETAIL_FORWARD_HPP
#define LEIBNIZ_DETAIL_FORWARD_HPP

#include <leibniz/detail/math.hpp>
#include <leibniz/detail/tensor_nodes.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>

#include <cstddef>
#include <type_traits>

namespace leibniz::detail {

template <class E>
inline constexpr bool is_integral_literal_v = false;
template <class T>
inline constexpr bool is_integral_literal_v<literal<T>> = std::is_integral_v<T>;

/// `u^p` for a fixed exponent, chosen at compile time: integer powers multiply,
/// 1/2 is sqrt, 1/3 cbrt.
template <class P>
struct power_by {
  template <class R>
  constexpr R operator()(R u) const {
    if constexpr (std::is_same_v<P, constant<1, 2>>)
      return math::sqrt(u);
    else if constexpr (std::is_same_v<P, constant<-1, 2>>)
      return R(1) / math::sqrt(u);
    else if constexpr (std::is_same_v<P, constant<1, 3>>)
      return math::cbrt(u);
    else if constexpr (P::den == 1)
      return math::pow_int(u, static_cast<long long>(P::num));
    else
      return math::pow(u, static_cast<R>(P::num) / static_cast<R>(P::den));
  }
};
struct power_by_int {
  long long n;
  template <class R>
  constexpr R operator()(R u) const {
    return math::pow_int(u, n);
  }
};
struct power_general {
  template <class R>
  constexpr R operator()(R u, R p) const {
    return math::pow(u, p);
  }
};

namespace sweep {

/// The nodes of a scalar formula are numbered in post-order: size_v<E> nodes for a subtree
/// E, its root last. Each node of the tree is one slot, also where equal subtrees recur.
template <class E>
inline constexpr std::size_t size_v = 1;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal && K != expr_kind::call)
inline constexpr std::size_t size_v<expression<K, boost::hana::tuple<Ts...>>> = 1 + (size_v<Ts> + ...);
template <class F, class... A>
inline constexpr std::size_t size_v<call_node<F, A...>> = 1 + (size_v<A> + ...);
/// broadcast(u, like) of scalars is u: its second operand gives a shape only, and has no
/// numbers of its own.
template <class A, class L>
inline constexpr std::size_t size_v<call_node<fn::broadcast_t, A, L>> = 1 + size_v<A>;

/// Whether a pass over formula E takes it: variables, numbers, + - * /, negation, pow, a
/// scalar broadcast and the unary elementwise function nodes N = f(u) for which
/// NodeOk<N>::value (the sweep asks for a derivative rule, lz::eval for an `apply` that
/// computes what its evaluation does).
template <class E, template <class> class NodeOk>
inline constexpr bool takes_v = is_variable_v<E> || is_constant_v<E> || is_literal_v<E>;
template <expr_kind K, class... Ts, template <class> class Ok>
  requires(K == expr_kind::plus || K == expr_kind::minus || K == expr_kind::multiplies ||
           K == expr_kind::divides || K == expr_kind::negate)
inline constexpr bool takes_v<expression<K, boost::hana::tuple<Ts...>>, Ok> = (takes_v<Ts, Ok> && ...);
template <class A, class P, template <class> class Ok>
inline constexpr bool takes_v<call_node<fn::pow_t, A, P>, Ok> = takes_v<A, Ok> && takes_v<P, Ok>;
template <class A, class L, template <class> class Ok>
inline constexpr bool takes_v<call_node<fn::broadcast_t, A, L>, Ok> = takes_v<A, Ok>;
template <class F, class A, template <class> class Ok>
  requires is_elementwise_function_v<F>
inline constexpr bool takes_v<call_node<F, A>, Ok> = Ok<call_node<F, A>>::value && takes_v<A, Ok>;

template <class N>
using any_node = std::true_type;
/// Whether the forward pass takes formula E (each unary function by its `apply`).
template <class E>
inline constexpr bool forward_v = takes_v<E, any_node>;

/// The forward pass: writes the value of every node of E (numbered from B in post-order,
/// E's root at B + size_v<E> - 1) into v, the variables' values given by lookup(variable).
/// Inlined into its caller's body (the sweep's group::gradient, lz::eval's value_by_pass):
/// a node is one statement, and its value stays in a register or a stack slot of that body.
/// Left to its heuristics, g++ kept the forward pass of W3's gradient (269 nodes, taken by
/// the sweep for the measurement) out of line and the values went through memory: 54 ns
/// against 18.
template <std::size_t B, class R, class E, class Lookup>
[[gnu::always_inline]] constexpr void forward(E const& e, R* v, Lookup const& lookup) {
  constexpr std::size_t r = B + size_v<E> - 1;
  if constexpr (is_variable_v<E>) {
    v[r] = lookup(e);
  } else if constexpr (is_constant_v<E>) {
    v[r] = E::template value<R>;
  } else if constexpr (is_literal_v<E>) {
    v[r] = static_cast<R>(value(e));
  } else if constexpr (is_neg_v<E>) {
    forward<B>(arg<0>(e), v, lookup);
    v[r] = -v[r - 1];
  } else if constexpr (is_add_v<E> || is_sub_v<E> || is_mul_v<E> || is_div_v<E> || is_pow_v<E>) {
    using A0 = std::remove_cvref_t<decltype(arg<0>(e))>;
    constexpr std::size_t ra = B + size_v<A0> - 1;
    forward<B>(arg<0>(e), v, lookup);
    forward<ra + 1>(arg<1>(e), v, lookup);
    R const a = v[ra];
    R const b = v[r - 1];
    if constexpr (is_add_v<E>)
      v[r] = a + b;
    else if constexpr (is_sub_v<E>)
      v[r] = a - b;
    else if constexpr (is_mul_v<E>)
      v[r] = a * b;
    else if constexpr (is_div_v<E>)
      v[r] = a / b;
    else if constexpr (is_constant_v<arg_t<1, E>>)
      v[r] = power_by<arg_t<1, E>>{}(a);
    else if constexpr (is_integral_literal_v<arg_t<1, E>>)
      v[r] = math::pow_int(a, static_cast<long long>(value(arg<1>(e))));
    else
      v[r] = math::pow(a, b);
  } else if constexpr (is_call_of_v<E, fn::broadcast_t>) {
    forward<B>(arg<0>(e), v, lookup);
    v[r] = v[r - 1];
  } else if constexpr (forward_v<E>) {  // a unary function
    forward<B>(arg<0>(e), v, lookup);
    v[r] = call_function_t<E>::apply(v[r - 1]);
  } else {
    static_assert(sizeof(E) == 0, "leibniz: the forward pass takes scalar arithmetic and unary functions");
  }
}

}  // namespace sweep
}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_FORWARD_HPP
