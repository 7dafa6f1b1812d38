// SPDX-License-Identifier: BSL-1.0
// leibniz: the adjoint (reverse-mode) form of derivatives, generated as expression types.
#ifndef LEIBNIZ_DETAIL_ADJOINT_HPP
#define LEIBNIZ_DETAIL_ADJOINT_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/diff.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor_ops.hpp>

#include <boost/hana/unpack.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

template <class E, class V, class C>
constexpr auto adjoint(E const& e, V const& v, C const& c);

template <class A>
constexpr auto fold_add(A const& a) {
  return a;
}
template <class A, class B, class... R>
constexpr auto fold_add(A const& a, B const& b, R const&... r) {
  return fold_add(make_add(a, b), r...);
}

/// What the adjoint rule of an operation gets (`F::adjoint(e, c, adj)`, tensor_ops.hpp and
/// functions.hpp): `adj(u, cu)` is the reverse-mode contribution through operand u given
/// its cotangent cu (zero at compile time where u does not depend on the variable).
template <class V>
struct reverse_context {
  V const& v;
  template <class U, class CU>
  constexpr auto operator()(U const& u, CU const& cu) const {
    return adjoint(u, v, cu);
  }
};

/// Whether the operation of call node E has an adjoint rule.
template <class E, class C, class A>
concept has_adjoint_rule =
    requires(E const& e, C const& c, A const& adj) { call_function_t<E>::adjoint(e, c, adj); };

/// Reverse mode, one node: the part of d(output)/d(v) that flows through node `e`,
/// given the cotangent `c` of e (the vector of a vector-Jacobian product). Every
/// operand receives its own cotangent by the node's rule and the contributions are
/// added; operands that do not depend on v are skipped at compile time. Tensor
/// operations use tensor rules: the cotangent of x in mm(x, y) is mm(c, transpose(y)).
/// The arithmetic nodes and stack have their rules here; every other operation has its
/// own (`adjoint`, next to its definition).
template <class E, class V, class C>
constexpr auto adjoint_node(E const& e, V const& v, C const& c) {
  reverse_context<V> const adj{v};
  if constexpr (std::is_same_v<E, V>) {
    return make_fit(c, e);  // reduced to the variable's own shape
  } else if constexpr (is_add_v<E>) {
    return make_add(adj(arg<0>(e), c), adj(arg<1>(e), c));
  } else if constexpr (is_sub_v<E>) {
    return make_add(adj(arg<0>(e), c), adj(arg<1>(e), make_neg(c)));
  } else if constexpr (is_neg_v<E>) {
    return adj(arg<0>(e), make_neg(c));
  } else if constexpr (is_mul_v<E>) {
    return make_add(adj(arg<0>(e), make_mul(c, arg<1>(e))), adj(arg<1>(e), make_mul(arg<0>(e), c)));
  } else if constexpr (is_div_v<E>) {
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    return make_add(adj(a, make_div(c, b)), adj(b, make_neg(make_div(make_mul(c, e), b))));
  } else if constexpr (is_pow_v<E>) {
    auto const& u = arg<0>(e);
    auto const& p = arg<1>(e);
    auto const du = make_mul(c, make_mul(p, make_pow(u, make_sub(p, constant<1>{}))));
    return make_add(adj(u, du), adj(p, make_mul(c, make_mul(e, make_call<fn::log_t>(u)))));
  } else if constexpr (is_stack_v<E>) {
    auto const ce = make_fit(c, e);
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... items) {
      return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return fold_add(adj(items, make_call_node<fn::row_t>(
                                       ce, literal<long long>{boost::hana::tuple<long long>{
                                               static_cast<long long>(K)}}))...);
      }(std::index_sequence_for<decltype(items)...>{});
    });
  } else if constexpr (has_adjoint_rule<E, C, reverse_context<V>>) {
    return call_function_t<E>::adjoint(e, c, adj);
  } else {
    static_assert(sizeof(E) == 0,
                  "leibniz: reverse mode through this internal node is not supported; "
                  "differentiate the formula itself (lz::hessian uses forward sweeps)");
    return constant<0>{};
  }
}

template <class E, class V, class C>
constexpr auto adjoint(E const& e, V const& v, C const& c) {
  if constexpr (!depends_on_v<E, V> || is_zero_v<C>)  // nothing flows: sign(u)' = 0, say
    return constant<0>{};
  else
    return adjoint_node(e, v, c);
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_ADJOINT_HPP
