// SPDX-License-Identifier: BSL-1.0
// leibniz: the adjoint (reverse-mode) form of derivatives, generated as expression types.
#ifndef LEIBNIZ_ADJOINT_HPP
#define LEIBNIZ_ADJOINT_HPP

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

template <class F, class... A>
constexpr auto call(A const&... a) {
  return make_call_node<F>(a...);
}

/// Reverse mode, one node: the part of d(output)/d(v) that flows through node `e`,
/// given the cotangent `c` of e (the vector of a vector-Jacobian product). Every
/// operand receives its own cotangent by the node's rule and the contributions are
/// added; operands that do not depend on v are skipped at compile time. Tensor
/// operations use tensor rules: the cotangent of x in mm(x, y) is mm(c, transpose(y)).
template <class E, class V, class C>
constexpr auto adjoint_node(E const& e, V const& v, C const& c) {
  auto const adj = [&v](auto const& sub, auto const& cot) { return adjoint(sub, v, cot); };
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
  } else if constexpr (is_call_of_v<E, fn::atan2_t>) {
    auto const& y = arg<0>(e);
    auto const& x = arg<1>(e);
    auto const r2 = make_add(make_pow(x, constant<2>{}), make_pow(y, constant<2>{}));
    return make_add(adj(y, make_mul(c, make_div(x, r2))), adj(x, make_neg(make_mul(c, make_div(y, r2)))));
  } else if constexpr (is_call_of_v<E, fn::sum_t>) {
    auto const& u = arg<0>(e);
    return adj(u, make_fit(make_fit(c, e), u));
  } else if constexpr (is_call_of_v<E, fn::mean_t>) {
    auto const& u = arg<0>(e);
    return adj(u, make_fit(make_div(make_fit(c, e), call<fn::numel_t>(u)), u));
  } else if constexpr (is_call_of_v<E, fn::mm_t>) {
    auto const& x = arg<0>(e);
    auto const& y = arg<1>(e);
    auto const ce = make_fit(c, e);
    return make_add(adj(x, call<fn::mm_t>(ce, call<fn::transpose_t>(y))),
                    adj(y, call<fn::mm_t>(call<fn::transpose_t>(x), ce)));
  } else if constexpr (is_call_of_v<E, fn::matmul_t>) {
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    auto const ce = make_fit(c, e);
    return make_add(adj(a, call<fn::matmul_vjp_a_t>(ce, a, b)),
                    adj(b, call<fn::matmul_vjp_b_t>(ce, a, b)));
  } else if constexpr (is_call_of_v<E, fn::dot_t>) {
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    auto const ce = make_fit(c, e);
    return make_add(adj(a, make_mul(ce, b)), adj(b, make_mul(ce, a)));
  } else if constexpr (is_call_of_v<E, fn::outer_t>) {
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    auto const ce = make_fit(c, e);
    return make_add(adj(a, call<fn::matmul_t>(ce, b)),
                    adj(b, call<fn::matmul_t>(call<fn::transpose_t>(ce), a)));
  } else if constexpr (is_call_of_v<E, fn::transpose_t>) {
    return adj(arg<0>(e), call<fn::transpose_t>(make_fit(c, e)));
  } else if constexpr (is_call_of_v<E, fn::at_t>) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& u, auto const&... index) {
      return adj(u, call<fn::onehot_t>(c, u, index...));
    });
  } else if constexpr (is_stack_v<E>) {
    auto const ce = make_fit(c, e);
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... items) {
      return [&]<std::size_t... K>(std::index_sequence<K...>) {
        return fold_add(adj(items, call<fn::row_t>(ce, literal<long long>{boost::hana::tuple<long long>{
                                                            static_cast<long long>(K)}}))...);
      }(std::index_sequence_for<decltype(items)...>{});
    });
  } else if constexpr (is_call_of_v<E, fn::fit_t> || is_call_of_v<E, fn::broadcast_t>) {
    // the adjoint fits back: c is first brought to the node's own shape (a cotangent can
    // be broadcast beyond its node's shape, as that of fit(x, s) in fit(x, s) * b for a
    // scalar s), then to the operand's
    return adj(arg<0>(e), make_fit(make_fit(c, e), arg<0>(e)));
  } else if constexpr (is_call_of_v<E, fn::onehot_t>) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& c0, auto const&, auto const&... index) {
      return adj(c0, call<fn::at_t>(make_fit(c, e), index...));
    });
  } else if constexpr (is_call_of_v<E, fn::row_t>) {  // the slice goes back to its place
    return adj(arg<0>(e), call<fn::unrow_t>(make_fit(c, e), arg<0>(e), arg<1>(e)));
  } else if constexpr (is_call_of_v<E, fn::unrow_t>) {
    return adj(arg<0>(e), call<fn::row_t>(make_fit(c, e), arg<2>(e)));
  } else if constexpr (is_call_of_v<E, fn::expect_shape_t<true>> ||
                       is_call_of_v<E, fn::expect_shape_t<false>>) {
    return adj(arg<0>(e), make_fit(c, e));
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_a_t>) {
    // e = A(m, b), the adjoint of a -> matmul(a, b) applied to m: bilinear, and
    // <g, A(m, b)> = <m, matmul(g, b)>, so m gets matmul(g, b) and b gets B(m, g)
    auto const& m = arg<0>(e);
    auto const& b = arg<2>(e);
    auto const g = make_fit(c, e);
    return make_add(adj(m, call<fn::matmul_t>(g, b)), adj(b, call<fn::matmul_vjp_b_t>(m, g, b)));
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_b_t>) {
    // e = B(m, a), the adjoint of b -> matmul(a, b) applied to m: <g, B(m, a)> = <m, matmul(a, g)>
    auto const& m = arg<0>(e);
    auto const& a = arg<1>(e);
    auto const g = make_fit(c, e);
    return make_add(adj(m, call<fn::matmul_t>(a, g)), adj(a, call<fn::matmul_vjp_a_t>(m, a, g)));
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {  // c f'(u)
    auto const& u = arg<0>(e);
    return adj(u, make_mul(c, call_function_t<E>::derivative(e, u)));
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

#endif  // LEIBNIZ_ADJOINT_HPP
