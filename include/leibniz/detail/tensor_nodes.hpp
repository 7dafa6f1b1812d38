// SPDX-License-Identifier: BSL-1.0
// leibniz: the internal nodes of derivatives over tensors (fit, broadcast, expect_shape,
// numel, onehot, row, unrow, matmul_vjp_a/b, jacobian), their derivative rules, and the
// helpers that the rules of every tensor operation share. Not public: formulas get these
// nodes from lz::grad, lz::jacobian, ... (tensor_ops.hpp has the public operations).
#ifndef LEIBNIZ_DETAIL_TENSOR_NODES_HPP
#define LEIBNIZ_DETAIL_TENSOR_NODES_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/expression.hpp>

#include <boost/hana/unpack.hpp>

#include <cstddef>
#include <ostream>
#include <string_view>
#include <type_traits>

namespace leibniz {
namespace fn {
struct fit_t;
struct broadcast_t;
struct numel_t;
struct onehot_t;
struct row_t;
struct unrow_t;
struct matmul_t;
struct transpose_t;
struct matmul_vjp_a_t;
struct matmul_vjp_b_t;
struct at_t;
}  // namespace fn

namespace detail {
template <class C, class L>
constexpr auto make_fit(C const& c, L const& like);
template <class C, class L>
constexpr auto make_broadcast(C const& c, L const& like);

// The derivative rules of the tensor operations live in each operation's struct (below,
// and in tensor_ops.hpp for the public operations):
//   static auto tangent(e, d)       forward mode: the tangent of e = F(args...), where
//                                   d(u) is the tangent of an operand u (at most u's
//                                   shape), d.fit(u) that tangent at u's shape, and
//                                   D::depends<U> whether operand type U depends on the
//                                   variable (diff.hpp, forward_context);
//   static auto adjoint(e, c, adj)  reverse mode: the sum of adj(u, cotangent of u) over
//                                   the operands, given e's cotangent c (detail/adjoint.hpp).
// An operation without them cannot be differentiated: diff.hpp and detail/adjoint.hpp say so.

/// The tangent of matmul_vjp_a(c, a, b) / matmul_vjp_b(c, a, b), bilinear in c and the
/// operand other than the one it is the cotangent of (Other: 2 for b, 1 for a).
template <class F, std::size_t Other, class E, class D>
constexpr auto matmul_vjp_tangent(E const& e, D const& d) {
  auto const& c = arg<0>(e);
  auto const& a = arg<1>(e);
  auto const& b = arg<2>(e);
  auto const dc = [&] {
    if constexpr (D::template depends<arg_t<0, E>>)
      return make_call_node<F>(d.fit(c), a, b);
    else
      return constant<0>{};
  }();
  auto const dother = [&] {
    if constexpr (!D::template depends<arg_t<Other, E>>)
      return constant<0>{};
    else if constexpr (Other == 2)
      return make_call_node<F>(c, a, d.fit(b));
    else
      return make_call_node<F>(c, d.fit(a), b);
  }();
  return make_add(dc, dother);
}
}  // namespace detail

namespace fn {

/// Printing of a function object by its name (as a Boost.YAP terminal value).
template <class Derived>
struct named {
  friend std::ostream& operator<<(std::ostream& os, Derived const&) { return os << Derived::name; }
};

/// An operation linear in its first operand (the others give a shape or an index): its
/// tangent is the operation applied to that operand's tangent, brought to its shape.
template <class Derived>
struct linear_operation : named<Derived> {
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& u, auto const&... rest) {
      return detail::make_call_node<Derived>(d.fit(u), rest...);
    });
  }
};

/// An operation bilinear in its two operands: the tangent of F(a, b) is F(a', b) + F(a, b').
template <class Derived>
struct bilinear_operation : named<Derived> {
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    if constexpr (!D::template depends<detail::arg_t<1, E>>)
      return detail::make_call_node<Derived>(d.fit(a), b);
    else if constexpr (!D::template depends<detail::arg_t<0, E>>)
      return detail::make_call_node<Derived>(a, d.fit(b));
    else
      return detail::make_add(detail::make_call_node<Derived>(d.fit(a), b),
                              detail::make_call_node<Derived>(a, d.fit(b)));
  }
};

// Internal nodes of derivatives over tensors (printed with these names).

/// fit(c, like): c reduced (summed over broadcast dimensions) or broadcast to the
/// shape of `like`; `like` is used for its shape only.
struct fit_t : linear_operation<fit_t> {
  static constexpr std::string_view name = "fit";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  /// The adjoint fits back: c is first brought to the node's own shape (a cotangent can
  /// be broadcast beyond its node's shape, as that of fit(x, s) in fit(x, s) * b for a
  /// scalar s), then to the operand's.
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_fit(detail::make_fit(c, e), u));
  }
};
/// broadcast(c, like): c broadcast to the shape of `like`, which c's shape must
/// broadcast to. Forward mode gives a tangent the shape of the operands it depends on,
/// which under broadcasting can be smaller than its node's; this node brings it to the
/// node's shape where the shape matters (the result of jvp, the operand of a reduction
/// or a product). It prints as c itself: broadcasting is implicit in the notation.
struct broadcast_t : named<broadcast_t> {
  static constexpr std::string_view name = "broadcast";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  /// a tangent of at most the shape of the second operand
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return detail::make_broadcast(d(detail::arg<0>(e)), detail::arg<1>(e));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return fit_t::adjoint(e, c, adj);
  }
};
/// expect_shape(v, like): v itself, after checking that its shape is like's: the v
/// of a vjp (like: the output) or the t of a jvp / hvp (like: the variable), which
/// must match exactly, as torch.autograd.functional requires.
template <bool Cotangent>
struct expect_shape_t : linear_operation<expect_shape_t<Cotangent>> {
  static constexpr bool cotangent = Cotangent;
  static constexpr std::string_view name = "expect_shape";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_fit(c, e));
  }
};
/// numel(u): the number of elements of u (for its shape only).
struct numel_t : named<numel_t> {
  static constexpr std::string_view name = "numel";
  static constexpr bool shape_only_arg(std::size_t) noexcept { return true; }
};
/// onehot(c, like, i...): a tensor of like's shape, c at (i...), zero elsewhere.
struct onehot_t : linear_operation<onehot_t> {
  static constexpr std::string_view name = "onehot";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& c0, auto const&, auto const&... index) {
      return adj(c0, detail::make_call_node<at_t>(detail::make_fit(c, e), index...));
    });
  }
};
/// row(c, k): c[k], the k-th slice along the first dimension.
struct row_t : linear_operation<row_t> {
  static constexpr std::string_view name = "row";
  /// the slice goes back to its place
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<unrow_t>(detail::make_fit(c, e), u, detail::arg<1>(e)));
  }
};
/// unrow(c, like, k): a tensor of like's shape, zero but for its k-th slice along the
/// first dimension, which is c (brought to the slice's shape): the adjoint of row.
struct unrow_t : linear_operation<unrow_t> {
  static constexpr std::string_view name = "unrow";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<row_t>(detail::make_fit(c, e), detail::arg<2>(e)));
  }
};
/// matmul_vjp_a(c, a, b), matmul_vjp_b(c, a, b): the cotangents of a and b in
/// matmul(a, b) for the cotangent c, by torch.matmul's rules for 1-D and 2-D operands
/// (the other operand's rank picks the rule).
struct matmul_vjp_a_t : named<matmul_vjp_a_t> {
  static constexpr std::string_view name = "matmul_vjp_a";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return detail::matmul_vjp_tangent<matmul_vjp_a_t, 2>(e, d);
  }
  /// e = A(m, b), the adjoint of a -> matmul(a, b) applied to m: bilinear, and
  /// <g, A(m, b)> = <m, matmul(g, b)>, so m gets matmul(g, b) and b gets B(m, g)
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& m = detail::arg<0>(e);
    auto const& b = detail::arg<2>(e);
    auto const g = detail::make_fit(c, e);
    return detail::make_add(adj(m, detail::make_call_node<matmul_t>(g, b)),
                            adj(b, detail::make_call_node<matmul_vjp_b_t>(m, g, b)));
  }
};
struct matmul_vjp_b_t : named<matmul_vjp_b_t> {
  static constexpr std::string_view name = "matmul_vjp_b";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 2; }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return detail::matmul_vjp_tangent<matmul_vjp_b_t, 1>(e, d);
  }
  /// e = B(m, a), the adjoint of b -> matmul(a, b) applied to m: <g, B(m, a)> = <m, matmul(a, g)>
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& m = detail::arg<0>(e);
    auto const& a = detail::arg<1>(e);
    auto const g = detail::make_fit(c, e);
    return detail::make_add(adj(m, detail::make_call_node<matmul_t>(a, g)),
                            adj(a, detail::make_call_node<matmul_vjp_a_t>(m, a, g)));
  }
};
/// jacobian(F, a, reverse, forward): a Jacobian evaluated by sweeps (calculus.hpp).
template <bool ForwardOnly>
struct jacobian_t : named<jacobian_t<ForwardOnly>> {
  static constexpr bool forward_only = ForwardOnly;
  static constexpr std::string_view name = "jacobian";
};
}  // namespace fn

namespace detail {

/// The variable that a Jacobian's sweeps bind to each one-hot seed.
using seed_variable = variable<"__leibniz_seed">;

/// Nodes whose value is their first operand and whose other operands only give a shape
/// to check or to broadcast to: printing (and lz::to_c) writes them as that operand.
template <class F>
inline constexpr bool is_shape_bookkeeping_v =
    std::is_same_v<F, fn::expect_shape_t<true>> || std::is_same_v<F, fn::expect_shape_t<false>> ||
    std::is_same_v<F, fn::broadcast_t>;

/// Index terminals of element access: stored by value.
using index_literal = literal<long long>;

/// Whether c has like's shape, known from the types: both scalars, c is like itself, or
/// c was fitted or broadcast to that very like (stateless, so equal types are equal).
template <class C, class L>
inline constexpr bool is_fitted_to_v = false;
template <class F, class X, class L>
inline constexpr bool is_fitted_to_v<call_node<F, X, L>, L> =
    (std::is_same_v<F, fn::fit_t> || std::is_same_v<F, fn::broadcast_t>) && is_stateless_v<L>;
template <class C, class L>
inline constexpr bool has_shape_of_v = (is_scalar_node_v<C> && is_scalar_node_v<L>) ||
                                       (std::is_same_v<C, L> && is_stateless_v<L>) || is_fitted_to_v<C, L>;

/// F(c, like) for F = fit or broadcast, simplified: nothing to do when c is zero (a zero
/// tangent or cotangent needs no shape) or has like's shape already.
template <class F, class C, class L>
constexpr auto make_reshaping(C const& c, L const& like) {
  if constexpr (is_zero_v<C>)
    return constant<0>{};
  else if constexpr (has_shape_of_v<C, L>)
    return c;
  else
    return make_call_node<F>(c, like);
}
template <class C, class L>
constexpr auto make_fit(C const& c, L const& like) {
  return make_reshaping<fn::fit_t>(c, like);
}
template <class C, class L>
constexpr auto make_broadcast(C const& c, L const& like) {
  return make_reshaping<fn::broadcast_t>(c, like);
}

/// c with exactly like's shape, a zero too: the result of a jvp or hvp, which has the
/// output's shape even where it is zero by type.
template <class C, class L>
constexpr auto make_shaped(C const& c, L const& like) {
  if constexpr (is_zero_v<C> && !is_scalar_node_v<L>)
    return make_call_node<fn::broadcast_t>(c, like);
  else
    return make_broadcast(c, like);
}

}  // namespace detail
}  // namespace leibniz

#endif  // LEIBNIZ_DETAIL_TENSOR_NODES_HPP
