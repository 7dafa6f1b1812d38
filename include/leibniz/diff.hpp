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

/// The tangent of `e` in the direction `seed` of variable `v` (forward mode): with
/// seed 1 it is d e / d v; with a tensor seed t it is the Jacobian-vector product.
/// `e` depends on `v` (checked by the caller).
template <class E, class V, class Seed>
constexpr auto derive_node(E const& e, V const& v, Seed const& seed) {
  auto const dv = [&v, &seed](auto const& sub) { return derive(sub, v, seed); };
  // The tangent of an operand of a non-elementwise operation, at the operand's shape
  // (a tangent has at most its node's shape: smaller where a broadcast operand is
  // constant, as in d(a + b)/da with a of shape (1,) and b of shape (3,)).
  auto const dfit = [&](auto const& sub) { return make_broadcast(dv(sub), sub); };
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
  } else if constexpr (is_call_of_v<E, fn::atan2_t>) {  // (x y' - y x') / (x^2 + y^2)
    auto const& y = arg<0>(e);
    auto const& x = arg<1>(e);
    return make_div(make_sub(make_mul(x, dv(y)), make_mul(y, dv(x))),
                    make_add(make_pow(x, constant<2>{}), make_pow(y, constant<2>{})));
  } else if constexpr (is_stack_v<E>) {
    // every item's tangent at the item's shape, a zero too: the items of a stack of
    // tensors must have one shape
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... items) {
      return make_call_node<fn::stack_t>(make_shaped(dv(items), items)...);
    });
  } else if constexpr (is_call_of_v<E, fn::sum_t> || is_call_of_v<E, fn::mean_t> ||
                       is_call_of_v<E, fn::transpose_t>) {  // linear
    return make_call_node<call_function_t<E>>(dfit(arg<0>(e)));
  } else if constexpr (is_call_of_v<E, fn::mm_t> || is_call_of_v<E, fn::matmul_t> ||
                       is_call_of_v<E, fn::dot_t> || is_call_of_v<E, fn::outer_t>) {  // bilinear
    using F = call_function_t<E>;
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    if constexpr (!depends_on_v<arg_t<1, E>, V>)
      return make_call_node<F>(dfit(a), b);
    else if constexpr (!depends_on_v<arg_t<0, E>, V>)
      return make_call_node<F>(a, dfit(b));
    else
      return make_add(make_call_node<F>(dfit(a), b), make_call_node<F>(a, dfit(b)));
  } else if constexpr (is_call_of_v<E, fn::at_t> || is_call_of_v<E, fn::row_t>) {
    // the same element (or slice) of the tangent
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& u, auto const&... index) {
      return make_call_node<call_function_t<E>>(dfit(u), index...);
    });
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_a_t> || is_call_of_v<E, fn::matmul_vjp_b_t>) {
    // bilinear in c and the other operand
    using F = call_function_t<E>;
    constexpr std::size_t other = std::is_same_v<F, fn::matmul_vjp_a_t> ? 2 : 1;
    auto const& c = arg<0>(e);
    auto const& a = arg<1>(e);
    auto const& b = arg<2>(e);
    auto const dc = [&] {
      if constexpr (depends_on_v<arg_t<0, E>, V>)
        return make_call_node<F>(dfit(c), a, b);
      else
        return constant<0>{};
    }();
    auto const dother = [&] {
      if constexpr (!depends_on_v<arg_t<other, E>, V>)
        return constant<0>{};
      else if constexpr (other == 2)
        return make_call_node<F>(c, a, dfit(b));
      else
        return make_call_node<F>(c, dfit(a), b);
    }();
    return make_add(dc, dother);
  } else if constexpr (is_call_of_v<E, fn::broadcast_t>) {  // a tangent at most c's shape
    return make_broadcast(dv(arg<0>(e)), arg<1>(e));
  } else if constexpr (is_call_of_v<E, fn::fit_t> || is_call_of_v<E, fn::onehot_t> ||
                       is_call_of_v<E, fn::unrow_t> ||
                       is_call_of_v<E, fn::expect_shape_t<true>> ||
                       is_call_of_v<E, fn::expect_shape_t<false>>) {
    // linear in the first argument, whose tangent is brought to its shape first (a fit
    // sums over c's broadcast dimensions); the others give the shape
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& c, auto const&... rest) {
      return make_call_node<call_function_t<E>>(dfit(c), rest...);
    });
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {  // f'(u) u'
    auto const& u = arg<0>(e);
    return make_mul(call_function_t<E>::derivative(e, u), dv(u));
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
