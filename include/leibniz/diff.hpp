// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::d, symbolic differentiation performed by the compiler.
#ifndef LEIBNIZ_DIFF_HPP
#define LEIBNIZ_DIFF_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor_ops.hpp>

#include <type_traits>

namespace leibniz {
namespace detail {

template <class E, class V, class Seed>
constexpr auto derive(E const& e, V const& v, Seed const& seed);
template <class E, class V>
constexpr auto derive(E const& e, V const& v) {
  return derive(e, v, constant<1>{});
}

/// What the tangent rule of an operation gets (`F::tangent(e, d)`, tensor_ops.hpp and
/// functions.hpp): `d(u)` is the tangent of an operand u in the direction `seed` of `v`,
/// whose shape is at most u's (smaller where a broadcast operand is constant, as in
/// d(a + b)/da with a of shape (1,) and b of shape (3,)); `d.fit(u)` is that tangent at
/// u's own shape, for the operand of a non-elementwise operation; `depends<U>` tells
/// whether an operand of type U depends on `v`.
template <class V, class Seed>
struct forward_context {
  V const& v;
  Seed const& seed;
  template <class U>
  static constexpr bool depends = depends_on_v<U, V>;
  template <class U>
  constexpr auto operator()(U const& u) const {
    return derive(u, v, seed);
  }
  template <class U>
  constexpr auto fit(U const& u) const {
    if constexpr (std::is_same_v<U, V> && !is_number_v<Seed>)
      return seed;  // a jvp's t or a Jacobian's seed: the variable's shape already
    else
      return make_broadcast(derive(u, v, seed), u);
  }
};

/// Whether the operation of call node E has a tangent rule.
template <class E, class D>
concept has_tangent_rule = requires(E const& e, D const& d) { call_function_t<E>::tangent(e, d); };

/// The tangent of `e` in the direction `seed` of variable `v` (forward mode): with
/// seed 1 it is d e / d v; with a tensor seed t it is the Jacobian-vector product.
/// `e` depends on `v` (checked by the caller). The arithmetic nodes and stack have their
/// rules here; every other operation has its own (`tangent`, next to its definition).
template <class E, class V, class Seed>
constexpr auto derive_node(E const& e, V const& v, Seed const& seed) {
  forward_context<V, Seed> const dv{v, seed};
  if constexpr (std::is_same_v<E, V>) {
    return seed;
  } else if constexpr (is_add_v<E>) {
    return make_add(dv(arg<0>(e)), dv(arg<1>(e)));
  } else if constexpr (is_sub_v<E>) {
    return make_sub(dv(arg<0>(e)), dv(arg<1>(e)));
  } else if constexpr (is_neg_v<E>) {
    return make_neg(dv(arg<0>(e)));
  } else if constexpr (is_mul_v<E>) {  // product rule
    return make_add(make_mul(dv(arg<0>(e)), arg<1>(e)), make_mul(arg<0>(e), dv(arg<1>(e))));
  } else if constexpr (is_div_v<E>) {
    // Quotient rule in the form (a' - e b') / b, which reuses the node e = a / b:
    // higher derivatives then stay linear in the nesting depth of quotients
    // instead of squaring the denominator at every order.
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    if constexpr (!depends_on_v<arg_t<1, E>, V>)
      return make_div(dv(a), b);
    else
      return make_div(make_sub(dv(a), make_mul(e, dv(b))), b);
  } else if constexpr (is_pow_v<E>) {
    auto const& u = arg<0>(e);
    auto const& p = arg<1>(e);
    if constexpr (!depends_on_v<arg_t<1, E>, V>)  // p u^(p-1) u'
      return make_mul(make_mul(p, make_pow(u, make_sub(p, constant<1>{}))), dv(u));
    else if constexpr (!depends_on_v<arg_t<0, E>, V>)  // u^p log(u) p'
      return make_mul(make_mul(e, make_call<fn::log_t>(u)), dv(p));
    else  // u^p (p' log(u) + p u' / u)
      return make_mul(e, make_add(make_mul(dv(p), make_call<fn::log_t>(u)),
                                  make_div(make_mul(p, dv(u)), u)));
  } else if constexpr (is_stack_v<E>) {
    // every item's tangent at the item's shape, a zero too: the items of a stack of
    // tensors must have one shape
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... items) {
      return make_call_node<fn::stack_t>(make_shaped(dv(items), items)...);
    });
  } else if constexpr (has_tangent_rule<E, forward_context<V, Seed>>) {
    return call_function_t<E>::tangent(e, dv);
  } else {
    static_assert(sizeof(E) == 0,
                  "leibniz: no derivative rule for this node (a Jacobian node is not "
                  "differentiated again; differentiate the formula itself)");
    return constant<0>{};
  }
}

template <class E, class V, class Seed>
constexpr auto derive(E const& e, V const& v, Seed const& seed) {
  if constexpr (!depends_on_v<E, V>)
    return constant<0>{};
  else
    return derive_node(e, v, seed);
}

}  // namespace detail

/// The derivative of a formula: `d(f, x)` is df/dx, `d(f, x, y, ...)` the
/// higher-order or mixed partial, differentiating left to right. The result is a
/// new formula whose type the compiler computes, simplified while it is built;
/// it is `lz::constant<0>` when `f` does not depend on the variable.
struct d_fn {
  template <class E, class... V>
  [[nodiscard]] constexpr auto operator()(E const& f, V const&... v) const {
    static_assert(Expression<E>, "leibniz::d(f, x): 'f' must be a leibniz expression");
    static_assert(sizeof...(V) > 0, "leibniz::d(f, x): name at least one variable");
    static_assert((detail::is_variable_v<V> && ...),
                  "leibniz::d(f, x): 'x' must be a leibniz::variable; you cannot "
                  "differentiate with respect to a constant, a number or an expression");
    if constexpr (Expression<E> && (detail::is_variable_v<V> && ...) && sizeof...(V) > 0)
      return apply(f, v...);
  }

 private:
  template <class E, class V0, class... V>
  static constexpr auto apply(E const& f, V0 const& v0, V const&... v) {
    if constexpr (sizeof...(V) == 0)
      return detail::derive(f, v0);
    else
      return apply(detail::derive(f, v0), v...);
  }
};
inline constexpr d_fn d{};

}  // namespace leibniz

#endif  // LEIBNIZ_DIFF_HPP
