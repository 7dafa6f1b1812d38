// SPDX-License-Identifier: BSL-1.0
// leibniz: tensor operations in formulas: sum, mean, mm, matmul, dot, transpose,
// element access e(i, j), and the internal nodes that derivatives over tensors use.
#ifndef LEIBNIZ_TENSOR_OPS_HPP
#define LEIBNIZ_TENSOR_OPS_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/expression.hpp>

#include <ostream>
#include <string_view>
#include <type_traits>

namespace leibniz {
namespace fn {

/// Printing of a function object by its name (as a Boost.YAP terminal value).
template <class Derived>
struct named {
  friend std::ostream& operator<<(std::ostream& os, Derived const&) { return os << Derived::name; }
};

/// Common part of the tensor operations: a call node on expressions only.
template <class Derived, std::size_t Arity>
struct tensor_function : named<Derived> {
  template <Operand... A>
    requires(sizeof...(A) == Arity && (Expression<A> || ...))
  [[nodiscard]] constexpr auto operator()(A const&... a) const {
    return detail::make_call_node<Derived>(detail::as_expr(a)...);
  }
};

/// sum(e): the sum of all elements, a scalar (a scalar is its own sum).
struct sum_t : tensor_function<sum_t, 1> {
  static constexpr std::string_view name = "sum";
};
/// mean(e): the mean of all elements, a scalar.
struct mean_t : tensor_function<mean_t, 1> {
  static constexpr std::string_view name = "mean";
};
/// mm(a, b): the matrix product of two 2-D tensors, as torch.mm.
struct mm_t : tensor_function<mm_t, 2> {
  static constexpr std::string_view name = "mm";
};
/// matmul(a, b): torch.matmul for 1-D and 2-D operands.
struct matmul_t : tensor_function<matmul_t, 2> {
  static constexpr std::string_view name = "matmul";
};
/// dot(a, b): the inner product of two 1-D tensors, a scalar.
struct dot_t : tensor_function<dot_t, 2> {
  static constexpr std::string_view name = "dot";
};
/// transpose(e): the transpose of a 2-D tensor.
struct transpose_t : tensor_function<transpose_t, 1> {
  static constexpr std::string_view name = "transpose";
};
/// e(i, j...): one element of a tensor, a scalar. The indices are stored in the node.
struct at_t : named<at_t> {
  static constexpr std::string_view name = "at";
};

// Internal nodes of derivatives over tensors (printed with these names).

/// fit(c, like): c reduced (summed over broadcast dimensions) or broadcast to the
/// shape of `like`; `like` is used for its shape only.
struct fit_t : named<fit_t> {
  static constexpr std::string_view name = "fit";
};
/// broadcast(c, like): c broadcast to the shape of `like`, which c's shape must
/// broadcast to. Forward mode gives a tangent the shape of the operands it depends on,
/// which under broadcasting can be smaller than its node's; this node brings it to the
/// node's shape where the shape matters (the result of jvp, the operand of a reduction
/// or a product). It prints as c itself: broadcasting is implicit in the notation.
struct broadcast_t : named<broadcast_t> {
  static constexpr std::string_view name = "broadcast";
};
/// expect_shape(v, like): v itself, after checking that its shape is like's: the v
/// of a vjp (like: the output) or the t of a jvp / hvp (like: the variable), which
/// must match exactly, as torch.autograd.functional requires.
template <bool Cotangent>
struct expect_shape_t : named<expect_shape_t<Cotangent>> {
  static constexpr bool cotangent = Cotangent;
  static constexpr std::string_view name = "expect_shape";
};
/// numel(u): the number of elements of u (for its shape only).
struct numel_t : named<numel_t> {
  static constexpr std::string_view name = "numel";
};
/// onehot(c, like, i...): a tensor of like's shape, c at (i...), zero elsewhere.
struct onehot_t : named<onehot_t> {
  static constexpr std::string_view name = "onehot";
};
/// row(c, k): c[k], the k-th slice along the first dimension.
struct row_t : named<row_t> {
  static constexpr std::string_view name = "row";
};
/// unrow(c, like, k): a tensor of like's shape, zero but for its k-th slice along the
/// first dimension, which is c (brought to the slice's shape): the adjoint of row.
struct unrow_t : named<unrow_t> {
  static constexpr std::string_view name = "unrow";
};
/// matmul_vjp_a(c, a, b), matmul_vjp_b(c, a, b): the cotangents of a and b in
/// matmul(a, b) for the cotangent c, by torch.matmul's rules for 1-D and 2-D operands
/// (the other operand's rank picks the rule).
struct matmul_vjp_a_t : named<matmul_vjp_a_t> {
  static constexpr std::string_view name = "matmul_vjp_a";
};
struct matmul_vjp_b_t : named<matmul_vjp_b_t> {
  static constexpr std::string_view name = "matmul_vjp_b";
};
/// jacobian(F, a, reverse, forward): a Jacobian evaluated by sweeps (calculus.hpp).
template <bool ForwardOnly>
struct jacobian_t : named<jacobian_t<ForwardOnly>> {
  static constexpr bool forward_only = ForwardOnly;
  static constexpr std::string_view name = "jacobian";
};
/// outer(u, v): the outer product of two 1-D tensors.
struct outer_t : tensor_function<outer_t, 2> {
  static constexpr std::string_view name = "outer";
};

}  // namespace fn

inline constexpr fn::sum_t sum{};
inline constexpr fn::mean_t mean{};
inline constexpr fn::mm_t mm{};
inline constexpr fn::matmul_t matmul{};
inline constexpr fn::dot_t dot{};
inline constexpr fn::transpose_t transpose{};

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

template <>
constexpr bool is_shape_only_arg<fn::fit_t>(std::size_t i) noexcept {
  return i >= 1;
}
template <>
constexpr bool is_shape_only_arg<fn::broadcast_t>(std::size_t i) noexcept {
  return i >= 1;
}
template <>
constexpr bool is_shape_only_arg<fn::expect_shape_t<true>>(std::size_t i) noexcept {
  return i >= 1;
}
template <>
constexpr bool is_shape_only_arg<fn::expect_shape_t<false>>(std::size_t i) noexcept {
  return i >= 1;
}
template <>
constexpr bool is_shape_only_arg<fn::numel_t>(std::size_t) noexcept {
  return true;
}
template <>
constexpr bool is_shape_only_arg<fn::onehot_t>(std::size_t i) noexcept {
  return i >= 1;
}
template <>
constexpr bool is_shape_only_arg<fn::unrow_t>(std::size_t i) noexcept {
  return i == 1;
}
template <>
constexpr bool is_shape_only_arg<fn::matmul_vjp_a_t>(std::size_t i) noexcept {
  return i == 1;
}
template <>
constexpr bool is_shape_only_arg<fn::matmul_vjp_b_t>(std::size_t i) noexcept {
  return i == 2;
}

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

template <class E, class... I>
constexpr auto make_at(E const& e, I... i) {
  return make_call_node<fn::at_t>(e, index_literal{boost::hana::tuple<long long>{static_cast<long long>(i)}}...);
}

}  // namespace detail

template <expr_kind Kind, class Tuple>
template <class... I>
  requires(sizeof...(I) > 0 && (std::is_integral_v<I> && ...))
constexpr auto expression<Kind, Tuple>::operator()(I... i) const {
  return detail::make_at(*this, i...);
}

template <detail::fixed_string Name>
template <class... I>
  requires(sizeof...(I) > 0 && (std::is_integral_v<I> && ...))
constexpr auto variable<Name>::operator()(I... i) const {
  return detail::make_at(*this, i...);
}

}  // namespace leibniz

#endif  // LEIBNIZ_TENSOR_OPS_HPP
