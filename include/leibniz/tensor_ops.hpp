// SPDX-License-Identifier: BSL-1.0
// leibniz: tensor operations in formulas: mm, matmul, dot, transpose, outer, element
// access e(i, j), each with its derivative rules (the reductions are in reductions.hpp,
// the internal nodes that derivatives over tensors use in detail/tensor_nodes.hpp).
#ifndef LEIBNIZ_TENSOR_OPS_HPP
#define LEIBNIZ_TENSOR_OPS_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/detail/tensor_nodes.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/reductions.hpp>

#include <boost/hana/unpack.hpp>

#include <ostream>
#include <string_view>
#include <type_traits>

namespace leibniz {
namespace detail {

/// Calls f with the value of a matrix-product operand x (v(x), v a value context); when x
/// is transpose(y), with y's value read as its transpose (detail::transposed), so that
/// the transpose is not materialised.
template <class X, class V, class F>
constexpr auto with_product_operand(X const& x, V const& v, F const& f) {
  if constexpr (is_call_of_v<X, fn::transpose_t>) {
    auto const y = v(arg<0>(x));
    return f(transposed<decltype(y)>{y});
  } else {
    return f(v(x));
  }
}

/// Whether product Op's node E has a static result shape of rank 1 or more, the operands'
/// static shapes fitting, in value context V.
template <class Op, class E, class V>
inline constexpr bool is_static_product_result_v = [] {
  using SA = std::remove_cvref_t<decltype(std::declval<V const&>().shape(arg<0>(std::declval<E const&>())))>;
  using SB = std::remove_cvref_t<decltype(std::declval<V const&>().shape(arg<1>(std::declval<E const&>())))>;
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
    if constexpr (static_product_ok<Op, SA, SB>())
      return !is_scalar_shape_v<decltype(lift_shape<product_shape_fn<Op>>(SA{}, SB{}))>;
    else
      return false;
  } else {
    return false;
  }
}();

}  // namespace detail

namespace fn {

/// Value and shape rules of the matrix products mm, matmul, dot and outer (torch's rules);
/// a static shape mismatch is a compile error naming the shapes.
template <class Derived>
struct matrix_product_rules {
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    // a transpose(x) operand of mm or matmul is read in place, not materialised
    return detail::with_product_operand(detail::arg<0>(e), v, [&](auto const& a) {
      return detail::with_product_operand(detail::arg<1>(e), v, [&](auto const& b) {
        return detail::matrix_product<R, Derived>(a, b);
      });
    });
  }
  /// A result of static shape (rank 1 or more) written straight into the caller's
  /// storage (a fixed_tensor formula's result, the W5 vjp), not copied out of a temporary.
  template <class E, class V>
    requires detail::is_static_product_result_v<Derived, E, V>
  static constexpr void into(E const& e, V const& v, typename V::scalar* out) {
    using R = typename V::scalar;
    detail::with_product_operand(detail::arg<0>(e), v, [&](auto const& a) {
      detail::with_product_operand(detail::arg<1>(e), v, [&](auto const& b) {
        detail::write_matrix_product<R, Derived>(a, b, detail::to_shape(detail::value_shape(a)),
                                                 detail::to_shape(detail::value_shape(b)), out, false);
      });
    });
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const sa = s(detail::arg<0>(e));
    auto const sb = s(detail::arg<1>(e));
    using SA = std::remove_cvref_t<decltype(sa)>;
    using SB = std::remove_cvref_t<decltype(sb)>;
    detail::check_static_product<Derived, SA, SB>();  // a compile error naming the shapes
    if constexpr (!detail::static_product_ok<Derived, SA, SB>())
      return SA{};  // carry on: no further errors
    else
      return detail::lift_shape<detail::product_shape_fn<Derived>>(sa, sb);
  }
};

/// mm(a, b): the matrix product of two 2-D tensors, as torch.mm.
struct mm_t : tensor_function<mm_t, 2>, matrix_product_rules<mm_t> {
  static constexpr std::string_view name = "mm";
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    using detail::make_call_node;
    auto const& x = detail::arg<0>(e);
    auto const& y = detail::arg<1>(e);
    auto const ce = detail::make_fit(c, e);
    return detail::make_add(adj(x, make_call_node<mm_t>(ce, make_call_node<transpose_t>(y))),
                            adj(y, make_call_node<mm_t>(make_call_node<transpose_t>(x), ce)));
  }
};
/// matmul(a, b): torch.matmul: 1-D and 2-D operands, and batched with an operand of rank 3
/// or more (batch dimensions broadcast; a 1-D operand is a row on the left, a column on the
/// right).
struct matmul_t : tensor_function<matmul_t, 2>, matrix_product_rules<matmul_t> {
  static constexpr std::string_view name = "matmul";
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    using detail::make_call_node;
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    auto const ce = detail::make_fit(c, e);
    return detail::make_add(adj(a, make_call_node<matmul_vjp_a_t>(ce, a, b)),
                            adj(b, make_call_node<matmul_vjp_b_t>(ce, a, b)));
  }
};
/// dot(a, b): the inner product of two 1-D tensors, a scalar.
struct dot_t : tensor_function<dot_t, 2>, scalar_result {
  static constexpr std::string_view name = "dot";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::matrix_product<typename V::scalar, dot_t>(v(detail::arg<0>(e)), v(detail::arg<1>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    auto const ce = detail::make_fit(c, e);
    return detail::make_add(adj(a, detail::make_mul(ce, b)), adj(b, detail::make_mul(ce, a)));
  }
};
/// transpose(e): the transpose of a 2-D tensor.
struct transpose_t : tensor_function<transpose_t, 1> {
  static constexpr std::string_view name = "transpose";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::transpose_value<typename V::scalar>(v(detail::arg<0>(e)));
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return detail::lift_shape<detail::transpose_shape_fn>(s(detail::arg<0>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<transpose_t>(detail::make_fit(c, e)));
  }
};
/// e(i, j...): one element of a tensor, a scalar. The indices are stored in the node.
struct at_t : linear_operation<at_t>, scalar_result {
  static constexpr std::string_view name = "at";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    auto const index = detail::stored_indices<1>(e);
    return detail::element_at<typename V::scalar>(v(detail::arg<0>(e)), index.data(), index.size());
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& u, auto const&... index) {
      return adj(u, detail::make_call_node<onehot_t>(c, u, index...));
    });
  }
};

/// outer(u, v): the outer product of two 1-D tensors.
struct outer_t : tensor_function<outer_t, 2>, matrix_product_rules<outer_t> {
  static constexpr std::string_view name = "outer";
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    using detail::make_call_node;
    auto const& a = detail::arg<0>(e);
    auto const& b = detail::arg<1>(e);
    auto const ce = detail::make_fit(c, e);
    return detail::make_add(adj(a, make_call_node<matmul_t>(ce, b)),
                            adj(b, make_call_node<matmul_t>(make_call_node<transpose_t>(ce), a)));
  }
};

}  // namespace fn

inline constexpr fn::mm_t mm{};
inline constexpr fn::matmul_t matmul{};
inline constexpr fn::dot_t dot{};
inline constexpr fn::transpose_t transpose{};

namespace detail {

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
