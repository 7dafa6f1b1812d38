// SPDX-License-Identifier: BSL-1.0
// leibniz: the internal nodes of derivatives over tensors (fit, broadcast, expect_shape,
// numel, onehot, row, unrow, matmul_vjp_a/b, jacobian), their derivative rules, and the
// helpers that the rules of every tensor operation share. Not public: formulas get these
// nodes from lz::grad, lz::jacobian, ... (tensor_ops.hpp, reductions.hpp and shape_ops.hpp
// have the public operations).
#ifndef LEIBNIZ_DETAIL_TENSOR_NODES_HPP
#define LEIBNIZ_DETAIL_TENSOR_NODES_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/detail/tensor_values.hpp>
#include <leibniz/expression.hpp>

#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
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
template <class E, class V>
constexpr void jacobian_into(E const& e, V const& v, typename V::scalar* o);
template <class E, class V>
constexpr auto value_by_into(E const& e, V const& v);

// Every rule of a tensor operation lives in the operation's struct (below, and in
// tensor_ops.hpp, reductions.hpp and shape_ops.hpp for the public operations):
//   static auto value(e, v)         the value of e = F(args...), where v(u) is the value
//                                   of an operand u, v.shape(u) its shape, V::scalar the
//                                   scalar type, v.with(u, b) u's value with binding b
//                                   added (eval.hpp, value_context);
//   static auto shape(e, s)         the shape of e's value, where s(u) is an operand's
//                                   (a static_shape when known at compile time);
//   static auto tangent(e, d)       forward mode: the tangent of e = F(args...), where
//                                   d(u) is the tangent of an operand u (at most u's
//                                   shape), d.fit(u) that tangent at u's shape, and
//                                   D::depends<U> whether operand type U depends on the
//                                   variable (diff.hpp, forward_context);
//   static auto adjoint(e, c, adj)  reverse mode: the sum of adj(u, cotangent of u) over
//                                   the operands, given e's cotangent c (detail/adjoint.hpp);
//   static void into(e, v, out)     optional: writes every element of e's value, row-major,
//                                   to `out`; then `value` is value_by_into(e, v), and
//                                   lz::eval writes a fixed result straight into the
//                                   caller's object (eval.hpp, result_of).
// An operation without them cannot be evaluated or differentiated: eval.hpp, diff.hpp and
// detail/adjoint.hpp say so in a compile error. Flags: `scalar_valued` (a scalar whatever
// the operands' shapes), `bookkeeping` (the value is the first operand; the others give a
// shape to check or to broadcast to), `shape_only_arg(i)` (operand i gives a shape only).

template <class A>
constexpr long long index_value(A const& a) {
  if constexpr (std::is_same_v<A, literal<long long>>)
    return value(a);
  else
    return 0;
}

/// The indices stored in an element-access or one-hot node, from argument First on.
template <std::size_t First, class E>
constexpr auto stored_indices(E const& e) {
  return boost::hana::unpack(e.elements, [](auto const&, auto const&... a) {
    long long const all[] = {index_value(a)..., 0};
    std::array<long long, sizeof...(a) - First> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = all[First + i];
    return out;
  });
}

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

/// A piecewise-constant operation (first_max, argmax): its derivative is 0 in both modes.
template <class Derived>
struct piecewise_constant : named<Derived> {
  template <class E, class D>
  static constexpr auto tangent(E const&, D const&) {
    return constant<0>{};
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const&, C const&, A const&) {
    return constant<0>{};
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

/// Common part of the tensor operations: a call node on expressions only. Each is
/// linear (one operand) or bilinear (two), which gives its tangent.
template <class Derived, std::size_t Arity>
struct tensor_function
    : std::conditional_t<Arity == 1, linear_operation<Derived>, bilinear_operation<Derived>> {
  template <Operand... A>
    requires(sizeof...(A) == Arity && (Expression<A> || ...))
  [[nodiscard]] constexpr auto operator()(A const&... a) const {
    return detail::make_call_node<Derived>(detail::as_expr(a)...);
  }
};

/// Shape rule: a scalar whatever the operands' shapes (reductions, element access).
struct scalar_result {
  static constexpr bool scalar_valued = true;
  template <class E, class S>
  static constexpr auto shape(E const&, S const&) {
    return static_shape<>{};
  }
};
/// Shape rule: the shape of operand I.
template <std::size_t I>
struct shape_of_operand {
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return s(detail::arg<I>(e));
  }
};

// Internal nodes of derivatives over tensors (printed with these names).

/// fit(c, like): c reduced (summed over broadcast dimensions) or broadcast to the
/// shape of `like`; `like` is used for its shape only.
struct fit_t : linear_operation<fit_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "fit";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    if constexpr (passes_through<E, V>)
      return v(detail::arg<0>(e));  // the operand's value itself, not a copy
    else
      return detail::fit_value<typename V::scalar>(v(detail::arg<0>(e)), v.shape(detail::arg<1>(e)));
  }
  /// Whether the operand has like's shape already, known from the types (static shapes).
  template <class E, class V>
  static constexpr bool passes_through = [] {
    using C = decltype(std::declval<V const&>()(detail::arg<0>(std::declval<E const&>())));
    using S = std::remove_cvref_t<decltype(std::declval<V const&>().shape(detail::arg<1>(std::declval<E const&>())))>;
    using SC = std::remove_cvref_t<decltype(detail::value_shape(std::declval<C const&>()))>;
    return detail::is_static_shape_v<S> && std::is_same_v<SC, S>;
  }();
  /// A fit that passes its operand through writes the operand's value into the caller's
  /// storage (by the operand's own `into` rule where it has one: the W5 vjp's product
  /// goes straight into the result).
  template <class E, class V>
    requires passes_through<E, V>
  static constexpr void into(E const& e, V const& v, typename V::scalar* out) {
    v.into(detail::arg<0>(e), out);
  }
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
struct broadcast_t : named<broadcast_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "broadcast";
  static constexpr bool bookkeeping = true;
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return fit_t::value(e, v);
  }
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
struct expect_shape_t : linear_operation<expect_shape_t<Cotangent>>, shape_of_operand<0> {
  static constexpr bool cotangent = Cotangent;
  static constexpr std::string_view name = "expect_shape";
  static constexpr bool bookkeeping = true;
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  /// v, after the check: a compile error naming both shapes when they are static, an
  /// exception otherwise
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    auto x = v(detail::arg<0>(e));
    using SV = std::remove_cvref_t<decltype(detail::value_shape(x))>;
    using SL = std::remove_cvref_t<decltype(v.shape(detail::arg<1>(e)))>;
    if constexpr (detail::is_static_shape_v<SV> && detail::is_static_shape_v<SL>) {
      if constexpr (!(SV::value() == SL::value())) {
        if constexpr (Cotangent)
          detail::report_static_error<error::vjp_vector_shape_differs_from_output<SV, SL>>();
        else
          detail::report_static_error<error::jvp_vector_shape_differs_from_variable<SV, SL>>();
      }
    } else {
      leibniz::shape const sv = detail::to_shape(detail::value_shape(x)), sl = detail::to_shape(v.shape(detail::arg<1>(e)));
      if (!(sv == sl))
        throw shape_error(std::string(Cotangent ? "leibniz: vjp: v has shape " : "leibniz: jvp: t has shape ") +
                          sv.to_string() + (Cotangent ? " but the output has shape " : " but the variable has shape ") +
                          sl.to_string());
    }
    return x;
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_fit(c, e));
  }
};
/// wrt_scalar(u, x, ...): u, an entry of a form over a lz::wrt bundle (calculus.hpp), after
/// checking that the bundle's variables x, ... it was differentiated along are bound to
/// numbers. Those forms differentiate with the seed 1, so over a tensor bound to x they
/// would give another quantity (the derivative along all of x's elements at once, summed)
/// without a word: a compile error naming the variable and the shape when the shape is
/// static, a shape_error otherwise. Printed as u; no run-time cost over numbers.
struct wrt_scalar_t : named<wrt_scalar_t>, shape_of_operand<0> {
  static constexpr std::string_view name = "wrt_scalar";
  static constexpr bool bookkeeping = true;
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    boost::hana::unpack(e.elements, [&v](auto const&, auto const&, auto const&... x) { (check(x, v), ...); });
    return v(detail::arg<0>(e));
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d);
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), c);
  }

 private:
  template <class X, class V>
  static constexpr void check(X const&, V const& v) {
    using S = std::remove_cvref_t<decltype(v.shape(X{}))>;
    if constexpr (detail::is_static_shape_v<S>) {
      if constexpr (!detail::is_scalar_shape_v<S>)
        detail::report_static_error<error::wrt_variable_bound_to_a_tensor<X, S>>();
    } else {
      leibniz::shape const s = detail::to_shape(v.shape(X{}));
      if (s.rank() != 0)
        throw shape_error("leibniz: variable '" + std::string(X::name) + "' of a lz::wrt bundle is bound to a tensor of shape " +
                          s.to_string() + "; a bundle's variables are numbers (differentiate by the variable itself, " +
                          "lz::grad(f, " + std::string(X::name) + "), for its tensor gradient)");
    }
  }
};
/// numel(u): the number of elements of u (for its shape only).
struct numel_t : named<numel_t>, scalar_result {
  static constexpr std::string_view name = "numel";
  static constexpr bool shape_only_arg(std::size_t) noexcept { return true; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return static_cast<R>(detail::to_shape(v.shape(detail::arg<0>(e))).numel());
  }
};
/// onehot(c, like, i...): a tensor of like's shape, c at (i...), zero elsewhere.
struct onehot_t : linear_operation<onehot_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "onehot";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const target = v.shape(detail::arg<1>(e));
    using S = std::remove_cvref_t<decltype(target)>;
    leibniz::shape const st = detail::to_shape(target);
    auto const index = detail::stored_indices<2>(e);
    std::size_t flat = 0;
    for (std::size_t d = 0; d < index.size(); ++d) flat = flat * st[d] + static_cast<std::size_t>(index[d]);
    R const c = detail::reduce_sum<R>(v(detail::arg<0>(e)));
    if constexpr (detail::is_scalar_shape_v<S>)
      return c;
    else
      return detail::one_hot<R, S>{c, flat, target};
  }
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
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const c = v(detail::arg<0>(e));
    auto const so = detail::lift_shape<detail::row_shape_fn>(detail::value_shape(c));
    auto const k = static_cast<std::size_t>(detail::value(detail::arg<1>(e)));
    auto const whole = detail::contiguous<R>(c);
    if constexpr (detail::is_scalar_shape_v<std::remove_cvref_t<decltype(so)>>) {
      return detail::element_pointer(whole)[k];
    } else {
      auto out = detail::container<R, std::remove_cvref_t<decltype(so)>>::scratch(so);
      std::size_t const n = detail::to_shape(so).numel();
      for (std::size_t i = 0; i < n; ++i) out.data()[i] = detail::element_pointer(whole)[k * n + i];
      return detail::owned<decltype(out)>{std::move(out)};
    }
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return detail::lift_shape<detail::row_shape_fn>(s(detail::arg<0>(e)));
  }
  /// the slice goes back to its place
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<unrow_t>(detail::make_fit(c, e), u, detail::arg<1>(e)));
  }
};
/// unrow(c, like, k): a tensor of like's shape, zero but for its k-th slice along the
/// first dimension, which is c (brought to the slice's shape): the adjoint of row.
struct unrow_t : linear_operation<unrow_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "unrow";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const target = v.shape(detail::arg<1>(e));
    using S = std::remove_cvref_t<decltype(target)>;
    auto const slice_shape = detail::lift_shape<detail::row_shape_fn>(target);
    auto const slice = detail::materialize<R>(detail::fit_value<R>(v(detail::arg<0>(e)), slice_shape));
    auto const k = static_cast<std::size_t>(detail::value(detail::arg<2>(e)));
    leibniz::shape const st = detail::to_shape(target);
    if (k >= st[0])
      throw std::out_of_range("leibniz: unrow: slice " + std::to_string(k) + " of shape " + st.to_string());
    auto out = detail::container<R, S>::scratch(target);
    std::size_t const n = detail::to_shape(slice_shape).numel();
    for (std::size_t i = 0; i < n; ++i) {
      if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(slice)>>)
        out.data()[k * n + i] = slice;
      else
        out.data()[k * n + i] = slice.data()[i];
    }
    return detail::owned<decltype(out)>{std::move(out)};
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<row_t>(detail::make_fit(c, e), detail::arg<2>(e)));
  }
};
/// matmul_vjp_a(c, a, b), matmul_vjp_b(c, a, b): the cotangents of a and b in
/// matmul(a, b) for the cotangent c, by torch.matmul's rules (the ranks pick the rule; a
/// batched product sums over the batch dimensions an operand was broadcast along).
struct matmul_vjp_a_t : named<matmul_vjp_a_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "matmul_vjp_a";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::matmul_vjp_value<typename V::scalar, true>(v(detail::arg<0>(e)), v.shape(detail::arg<1>(e)),
                                                             v.shape(detail::arg<2>(e)), v(detail::arg<2>(e)));
  }
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
struct matmul_vjp_b_t : named<matmul_vjp_b_t>, shape_of_operand<2> {
  static constexpr std::string_view name = "matmul_vjp_b";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 2; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::matmul_vjp_value<typename V::scalar, false>(v(detail::arg<0>(e)), v.shape(detail::arg<1>(e)),
                                                              v.shape(detail::arg<2>(e)), v(detail::arg<1>(e)));
  }
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
/// jacobian(F, a, reverse, forward): a Jacobian evaluated by sweeps (calculus.hpp), of
/// shape F.shape ++ a.shape.
template <bool ForwardOnly>
struct jacobian_t : named<jacobian_t<ForwardOnly>> {
  static constexpr bool forward_only = ForwardOnly;
  static constexpr std::string_view name = "jacobian";
  template <class E, class V>
  static constexpr void into(E const& e, V const& v, typename V::scalar* out) {
    detail::jacobian_into(e, v, out);
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::value_by_into(e, v);
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return detail::lift_shape<detail::concat_shape_fn>(s(detail::arg<0>(e)), s(detail::arg<1>(e)));
  }
};
}  // namespace fn

namespace detail {

/// The variable that a Jacobian's sweeps bind to each one-hot seed.
using seed_variable = variable<"__leibniz_seed">;

/// Whether evaluation value W (not a number) has the static shape S.
template <class W, class S>
inline constexpr bool has_static_shape_v = false;
template <class W, class S>
  requires(!std::is_arithmetic_v<W> && is_static_shape_v<S>)
inline constexpr bool has_static_shape_v<W, S> = std::is_same_v<operand_shape_t<W>, S>;

/// One sweep per element of the seed's shape: the expression evaluated with the seed
/// variable bound to each one-hot tensor in turn (a unit_seed, read as a one_hot value,
/// which matrix products recognise: a sweep through mm(x, y) takes one row of y), its
/// value fitted to `target`; `write(k, i, x)` stores element i of the k-th result, read
/// straight from the sweep's value (no copy of it is materialised first).
template <class R, class X, class V, class SS, class ST, class Write>
constexpr void sweeps(X const& expr, V const& v, SS const& seed_shape, ST const& target, Write write) {
  std::size_t const n = to_shape(seed_shape).numel();
  shape const st = to_shape(target);
  for (std::size_t k = 0; k < n; ++k) {
    auto const bound = [&] {
      if constexpr (is_scalar_shape_v<SS>)
        return seed_variable{} = R(1);
      else
        return binding<"__leibniz_seed", unit_seed<R, SS>>{{k, seed_shape}};
    }();
    auto emit = [&](auto const& value) {
      using W = std::remove_cvref_t<decltype(value)>;
      if constexpr (std::is_arithmetic_v<W>)
        write(k, 0, static_cast<R>(value));
      else if constexpr (is_scalar_shape_v<operand_shape_t<W>>)
        write(k, 0, value.template get<R>(0, nullptr, value.plan(shape{})));
      else
        for_each_element<R>(value, st, [&](std::size_t i, R x) { write(k, i, x); });
    };
    auto&& value = v.with(expr, bound);
    using W = std::remove_cvref_t<decltype(value)>;
    if constexpr (has_static_shape_v<W, ST>)
      emit(value);  // the target's shape already: read in place, not moved into a fit
    else
      emit(fit_value<R>(std::move(value), target));
  }
}

/// Writes the elements of a Jacobian node (shape F.shape ++ a.shape, row-major) to `o`: by
/// reverse sweeps (a row per element of F) when F has fewer elements than a, else by forward
/// sweeps (a column per element of a). Every element is written.
template <class E, class V>
constexpr void jacobian_into(E const& e, V const& v, typename V::scalar* o) {
  using R = typename V::scalar;
  auto const sf = v.shape(arg<0>(e));
  auto const sa = v.shape(arg<1>(e));
  std::size_t const nf = to_shape(sf).numel(), na = to_shape(sa).numel();
  constexpr bool forward_only = call_function_t<E>::forward_only;
  bool const reverse = !forward_only && nf < na;
  if (reverse) {  // a row of the Jacobian per sweep
    if constexpr (!forward_only)
      sweeps<R>(arg<2>(e), v, sf, sa, [=](std::size_t k, std::size_t j, R x) { o[k * na + j] = x; });
  } else {  // a column per sweep
    sweeps<R>(arg<3>(e), v, sa, sf, [=](std::size_t k, std::size_t i, R x) { o[i * na + k] = x; });
  }
}

/// The shape of the value of call node e, by its operation's shape rule, in an evaluation
/// with value context v.
template <class E, class V>
constexpr auto node_shape(E const& e, V const& v) {
  return call_function_t<E>::shape(e, [&v](auto const& u) { return v.shape(u); });
}

/// Whether the operation of call node E writes its value into given storage (`into`).
template <class E, class V>
concept has_into_rule = requires(E const& e, V const& v, typename V::scalar* out) {
  call_function_t<E>::into(e, v, out);
};

/// The value of a node with an `into` rule: a number, or an owned tensor written in place.
template <class E, class V>
constexpr auto owned_by_into(E const& e, V const& v) {  // one return of one variable: no copy
  auto out = owned_storage<typename V::scalar>(node_shape(e, v));
  call_function_t<E>::into(e, v, out.value.data());
  return out;
}
template <class E, class V>
constexpr auto value_by_into(E const& e, V const& v) {
  if constexpr (is_scalar_shape_v<std::remove_cvref_t<decltype(node_shape(e, v))>>) {
    typename V::scalar out[1]{};
    call_function_t<E>::into(e, v, out);
    return out[0];
  } else {
    return owned_by_into(e, v);
  }
}

/// Nodes whose value is their first operand and whose other operands only give a shape
/// to check or to broadcast to: printing (and lz::to_c) writes them as that operand.
template <class F>
inline constexpr bool is_shape_bookkeeping_v = requires { requires F::bookkeeping; };

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

/// u checked for the bundle variables X (fn::wrt_scalar_t): a number needs no check (it
/// reads no variable, and keeps the zeros of a Jacobian's pattern zeros by type); the
/// checks of a checked u are merged into one node, each variable once.
template <class... X>
struct wrt_scalar_of {
  template <class U>
  static constexpr auto make(U const& u) {
    return make_call_node<fn::wrt_scalar_t>(u, X{}...);
  }
};
template <class U, class... X>
constexpr auto make_wrt_scalar(U const& u, X const&...) {
  if constexpr (is_number_v<U>) {
    return u;
  } else if constexpr (is_call_of_v<U, fn::wrt_scalar_t>) {
    return boost::hana::unpack(u.elements, [](auto const&, auto const& inner, auto const&... y) {
      using all = boost::mp11::mp_unique<boost::mp11::mp_list<std::remove_cvref_t<decltype(y)>..., X...>>;
      return boost::mp11::mp_rename<all, wrt_scalar_of>::make(inner);
    });
  } else {
    return wrt_scalar_of<X...>::make(u);
  }
}

/// A bundle form's entry without its check (to differentiate or combine it, so that the
/// builders see the formula itself), and r checked as entry u was.
template <class U>
constexpr auto const& unchecked(U const& u) {
  if constexpr (is_call_of_v<U, fn::wrt_scalar_t>)
    return arg<0>(u);
  else
    return u;
}
template <class U, class R>
constexpr auto checked_like(U const& u, R const& r) {
  if constexpr (is_call_of_v<U, fn::wrt_scalar_t>)
    return boost::hana::unpack(u.elements, [&r](auto const&, auto const&, auto const&... x) { return make_wrt_scalar(r, x...); });
  else
    return r;
}

}  // namespace detail

template <class E, class D>
constexpr auto fn::wrt_scalar_t::tangent(E const& e, D const& d) {
  return boost::hana::unpack(e.elements,
                             [&d](auto const&, auto const& u, auto const&... x) { return detail::make_wrt_scalar(d(u), x...); });
}

}  // namespace leibniz

#endif  // LEIBNIZ_DETAIL_TENSOR_NODES_HPP
