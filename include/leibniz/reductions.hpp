// SPDX-License-Identifier: BSL-1.0
// leibniz: reductions of tensors: sum, mean, max and min of all elements or along one
// dimension (lz::dim<d>, lz::keepdim), prod, logsumexp, softmax and log_softmax along a
// dimension, each with its derivative rules, and the internal nodes their derivatives use
// (spread, size, first_max, first_min, prod_others, prod_others_dir). The values along a
// dimension are computed in detail/axis_values.hpp.
#ifndef LEIBNIZ_REDUCTIONS_HPP
#define LEIBNIZ_REDUCTIONS_HPP

#include <leibniz/detail/axis_values.hpp>
#include <leibniz/detail/build.hpp>
#include <leibniz/detail/tensor_nodes.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace leibniz {

/// A dimension of a tensor for a reduction, softmax, ...: `lz::dim<1>` (torch's `dim=1`); a
/// negative d counts from the end (`lz::dim<-1>` is the last dimension).
template <int D>
struct dim_t {
  static constexpr int value = D;
};
template <int D>
inline constexpr dim_t<D> dim{};

/// `lz::keepdim` as the third argument of a reduction along a dimension keeps that
/// dimension with extent 1 (torch's `keepdim=True`).
struct keepdim_t {};
inline constexpr keepdim_t keepdim{};

namespace detail {
template <class T>
inline constexpr bool is_keepdim_v = std::is_same_v<std::remove_cvref_t<T>, keepdim_t>;
template <class>
inline constexpr bool always_false_reduction_v = false;
}  // namespace detail

namespace fn {

template <int D, bool Keep>
struct sum_dim_t;
template <int D, bool Keep>
struct mean_dim_t;
template <int D, bool Keep>
struct max_dim_t;
template <int D, bool Keep>
struct min_dim_t;
template <int D>
struct spread_t;

/// The form `op(e, lz::dim<d>)` and `op(e, lz::dim<d>, lz::keepdim)` of a reduction
/// (Along<D, Keep> the node).
template <template <int, bool> class Along>
struct along_dim_form {
  template <Operand A, int D, class... K>
    requires(Expression<A> && sizeof...(K) <= 1 && (detail::is_keepdim_v<K> && ...))
  [[nodiscard]] constexpr auto operator()(A const& a, dim_t<D>, K const&...) const {
    return detail::make_call_node<Along<D, sizeof...(K) == 1>>(a);
  }
};

/// What the operations along a dimension share: the dimension and keepdim (printed as
/// `sum(x, dim=1, keepdim)`), and the shape rule of a reduction: the operand's shape
/// without the dimension (a compile error naming the operation and the shape when the shape
/// is static and has no such dimension; a shape_error at evaluation otherwise).
template <class Derived, int D, bool Keep>
struct along_dim {
  static constexpr int dim = D;
  static constexpr bool keep = Keep;
  /// what follows the operands in the printed form: ", dim=1, keepdim"
  template <bool Latex>
  static std::string arguments_text() {
    std::string out = std::string(Latex ? ", \\mathrm{dim}=" : ", dim=") + std::to_string(D);
    if (Keep) out += Latex ? ", \\mathrm{keepdim}" : ", keepdim";
    return out;
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const su = s(detail::arg<0>(e));
    using SU = std::remove_cvref_t<decltype(su)>;
    detail::check_static_dim<Derived, SU>();
    if constexpr (!detail::static_dim_ok<Derived, SU>())
      return static_shape<>{};  // carry on: no further errors
    else
      return detail::lift_shape<detail::reduced_shape_fn<Derived>>(su);
  }
};

/// The shape rule of an operation along a dimension that keeps its operand's shape
/// (softmax, log_softmax, first_max): the dimension checked as for a reduction.
template <class Derived>
struct same_shape_along {
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const su = s(detail::arg<0>(e));
    detail::check_static_dim<Derived, std::remove_cvref_t<decltype(su)>>();
    return su;
  }
};

}  // namespace fn

namespace detail {

/// The cotangent c of a reduction along D (of e's shape, fitted already) brought back to
/// the shape of its operand u: broadcast when the dimension was kept, spread otherwise.
template <int D, bool Keep, class C, class U>
constexpr auto spread_back(C const& c, U const& u) {
  if constexpr (Keep || is_zero_v<C>)
    return make_fit(c, u);
  else
    return make_call_node<fn::spread_t<D>>(c, u);
}

/// e, a reduction along D of u, with the reduced dimension back (extent 1), so that it
/// broadcasts against u.
template <int D, bool Keep, class E, class U>
constexpr auto kept(E const& e, U const& u) {
  if constexpr (Keep)
    return e;
  else
    return make_call_node<fn::spread_t<D>>(e, u);
}

}  // namespace detail

namespace fn {

/// sum(e): the sum of all elements, a scalar (a scalar is its own sum); sum(e, dim<d>) is
/// sum_dim_t.
struct sum_t : tensor_function<sum_t, 1>, along_dim_form<sum_dim_t>, scalar_result {
  using tensor_function<sum_t, 1>::operator();
  using along_dim_form<sum_dim_t>::operator();
  static constexpr std::string_view name = "sum";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::reduce_sum<typename V::scalar>(v(detail::arg<0>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_fit(detail::make_fit(c, e), u));
  }
};
/// mean(e): the mean of all elements, a scalar.
struct mean_t : tensor_function<mean_t, 1>, along_dim_form<mean_dim_t>, scalar_result {
  using tensor_function<mean_t, 1>::operator();
  using along_dim_form<mean_dim_t>::operator();
  static constexpr std::string_view name = "mean";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    return detail::reduce_sum<R>(x) / static_cast<R>(detail::numel_of(x));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_fit(detail::make_div(detail::make_fit(c, e), detail::make_call_node<numel_t>(u)), u));
  }
};
/// max(e) and min(e): the largest (smallest) element, a scalar (torch.max(x), torch.min(x):
/// NaN if any element is NaN; an empty tensor is a shape_error). The derivative is spread
/// evenly over the elements equal to the result (the NaN elements when it is NaN), as
/// PyTorch's evenly_distribute_backward: the cotangent of e is
/// where(equal_nan(e, max(e)), c / n, 0), n the number of such elements.
template <class Derived, bool Max, template <int, bool> class Along>
struct extreme_t : named<Derived>, along_dim_form<Along>, scalar_result {
  using along_dim_form<Along>::operator();
  template <Operand A>
    requires Expression<A>
  [[nodiscard]] constexpr auto operator()(A const& a) const { return detail::make_call_node<Derived>(a); }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::reduce_extreme<typename V::scalar, Max>(v(detail::arg<0>(e)));
  }
  /// 1 at the elements equal to the result (NaN elements equal a NaN result)
  template <class E>
  static constexpr auto at_extreme(E const& e) {
    return detail::make_call<equal_nan_t>(detail::arg<0>(e), e);
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    auto const m = at_extreme(e);
    return detail::make_div(detail::make_call_node<sum_t>(where_t::masked(m, d.fit(detail::arg<0>(e)))),
                            detail::make_call_node<sum_t>(m));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    auto const m = at_extreme(e);
    auto const share = detail::make_div(detail::make_fit(c, e), detail::make_call_node<sum_t>(m));
    return adj(u, detail::make_fit(where_t::masked(m, share), u));
  }
};
struct max_t : extreme_t<max_t, true, max_dim_t> {
  static constexpr std::string_view name = "max";
  static constexpr std::string_view latex = "\\max";
};
struct min_t : extreme_t<min_t, false, min_dim_t> {
  static constexpr std::string_view name = "min";
  static constexpr std::string_view latex = "\\min";
};

/// sum(e, dim<d>[, keepdim]): the sums along dimension d (torch.sum(x, dim=d, keepdim)).
template <int D, bool Keep>
struct sum_dim_t : along_dim<sum_dim_t<D, Keep>, D, Keep>, linear_operation<sum_dim_t<D, Keep>> {
  static constexpr std::string_view name = "sum";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return detail::reduce_lines<typename V::scalar, sum_dim_t, true>(v(detail::arg<0>(e)),
                                                                     [](auto s, std::size_t) { return s; });
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::spread_back<D, Keep>(detail::make_fit(c, e), u));
  }
};

/// size(u, dim<d>): the extent of u's dimension d, a scalar (for u's shape only; the
/// derivative of a mean along d divides by it).
template <int D>
struct dim_size_t : along_dim<dim_size_t<D>, D, false>, named<dim_size_t<D>>, scalar_result {
  static constexpr std::string_view name = "size";
  static constexpr bool shape_only_arg(std::size_t) noexcept { return true; }
  using scalar_result::shape;
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    leibniz::shape const s = detail::to_shape(v.shape(detail::arg<0>(e)));
    std::size_t const axis = detail::resolve_dim(name, D, s);
    return static_cast<typename V::scalar>(s.rank() == 0 ? 1 : s[axis]);
  }
};

/// mean(e, dim<d>[, keepdim]): the means along dimension d (NaN along an empty dimension).
template <int D, bool Keep>
struct mean_dim_t : along_dim<mean_dim_t<D, Keep>, D, Keep>, linear_operation<mean_dim_t<D, Keep>> {
  static constexpr std::string_view name = "mean";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::reduce_lines<R, mean_dim_t, true>(v(detail::arg<0>(e)),
                                                     [](R s, std::size_t n) { return s / static_cast<R>(n); });
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    auto const share = detail::make_div(detail::make_fit(c, e), detail::make_call_node<dim_size_t<D>>(u));
    return adj(u, detail::spread_back<D, Keep>(share, u));
  }
};

}  // namespace fn

namespace detail {
/// reduce_lines for an operation that needs an element in every line (max, min, argmax,
/// argmin along dimension D, as torch's): an empty dimension is a shape_error naming it.
template <class R, class Op, int D, class V, class Line>
constexpr auto reduce_nonempty_lines(V const& x, Line const& line) {
  if constexpr (static_dim_ok<Op, std::remove_cvref_t<decltype(value_shape(x))>>()) {
    leibniz::shape const sx = to_shape(value_shape(x));
    line_layout const l = layout_along(sx, resolve_dim(Op::name, D, sx));
    if (l.n == 0)
      throw shape_error("leibniz: " + std::string(Op::name) + ": dim " + std::to_string(D) + " of shape " +
                        sx.to_string() + " is empty");
  }
  return reduce_lines<R, Op, false>(x, line);
}
}  // namespace detail

namespace fn {

/// first_max(u, dim<d>), first_min(u, dim<d>): 1 at the first largest (smallest) element of
/// each line along d, a NaN counting as the extreme, 0 elsewhere: the element whose index
/// torch.max(x, dim) (torch.min) returns. Piecewise constant: its derivative is 0.
template <class Derived, int D, bool Max>
struct first_extreme_t : along_dim<Derived, D, false>, piecewise_constant<Derived>, same_shape_along<Derived> {
  using same_shape_along<Derived>::shape;
  static constexpr bool zero_one = true;
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::map_lines<R, Derived>(v(detail::arg<0>(e)), [](R const* p, R* q, std::size_t n, std::size_t s) {
      std::size_t const k = detail::first_extreme<Max>(p, n, s);
      for (std::size_t j = 0; j < n; ++j) q[j * s] = j == k ? R(1) : R(0);
    });
  }
};
template <int D>
struct first_max_t : first_extreme_t<first_max_t<D>, D, true> {
  static constexpr std::string_view name = "first_max";
};
template <int D>
struct first_min_t : first_extreme_t<first_min_t<D>, D, false> {
  static constexpr std::string_view name = "first_min";
};

/// max(e, dim<d>[, keepdim]), min(...): the largest (smallest) element along dimension d,
/// the values of torch.max(x, dim=d) (NaN where a line has one; an empty dimension is a
/// shape_error). The derivative goes to the element whose index PyTorch returns, the first
/// extreme one of each line: the cotangent of e is where(first_max(e, dim), c, 0).
template <class Derived, template <int> class Mask, int D, bool Keep, bool Max>
struct extreme_dim_t : along_dim<Derived, D, Keep>, named<Derived> {
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    return detail::reduce_nonempty_lines<R, Derived, D>(
        x, [](R const* p, std::size_t n, std::size_t s) { return p[detail::first_extreme<Max>(p, n, s) * s]; });
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    auto const& u = detail::arg<0>(e);
    return detail::make_call_node<sum_dim_t<D, Keep>>(where_t::masked(detail::make_call_node<Mask<D>>(u), d.fit(u)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, where_t::masked(detail::make_call_node<Mask<D>>(u),
                                  detail::spread_back<D, Keep>(detail::make_fit(c, e), u)));
  }
};
template <int D, bool Keep>
struct max_dim_t : extreme_dim_t<max_dim_t<D, Keep>, first_max_t, D, Keep, true> {
  static constexpr std::string_view name = "max";
};
template <int D, bool Keep>
struct min_dim_t : extreme_dim_t<min_dim_t<D, Keep>, first_min_t, D, Keep, false> {
  static constexpr std::string_view name = "min";
};

/// argmax(e, dim<d>[, keepdim]), argmin(...): the index along dimension d of the first
/// largest (smallest) element of each line, a NaN counting as the extreme: torch.argmax(x,
/// dim) and the indices of torch.max(x, dim). The index is a number of the formula's element
/// type (leibniz formulas are real-valued; exact below 2^24 in float). Piecewise constant:
/// its derivative is 0. An empty dimension is a shape_error.
template <class Derived, int D, bool Keep, bool Max>
struct arg_extreme_dim_t : along_dim<Derived, D, Keep>, piecewise_constant<Derived> {
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    return detail::reduce_nonempty_lines<R, Derived, D>(
        x, [](R const* p, std::size_t n, std::size_t s) { return static_cast<R>(detail::first_extreme<Max>(p, n, s)); });
  }
};
template <int D, bool Keep>
struct argmax_dim_t : arg_extreme_dim_t<argmax_dim_t<D, Keep>, D, Keep, true> {
  static constexpr std::string_view name = "argmax";
};
template <int D, bool Keep>
struct argmin_dim_t : arg_extreme_dim_t<argmin_dim_t<D, Keep>, D, Keep, false> {
  static constexpr std::string_view name = "argmin";
};
/// argmax(e, dim<d>[, keepdim]) and argmin (a dimension is required here).
template <template <int, bool> class Along>
struct arg_extreme_form : along_dim_form<Along> {
  template <Operand A>
  constexpr auto operator()(A const&) const {
    static_assert(detail::always_false_reduction_v<A>,
                  "leibniz: argmax and argmin need a dimension: lz::argmax(e, lz::dim<-1>)");
  }
  using along_dim_form<Along>::operator();
};

/// spread(c, like, dim<d>): c, of like's shape without dimension d, repeated along d to
/// like's shape: the cotangent of a sum along d (c is first brought to that shape).
template <int D>
struct spread_t : along_dim<spread_t<D>, D, false>, linear_operation<spread_t<D>>, shape_of_operand<1> {
  using shape_of_operand<1>::shape;
  static constexpr std::string_view name = "spread";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const like = v.shape(detail::arg<1>(e));
    auto const reduced = detail::lift_shape<detail::reduced_shape_fn<spread_t>>(like);
    leibniz::shape const sl = detail::to_shape(like);
    std::size_t const n = sl.rank() == 0 ? 1 : sl[detail::resolve_dim(name, D, sl)];
    return detail::place_along<R, spread_t, true>(detail::fit_value<R>(v(detail::arg<0>(e)), reduced), like, 0, n);
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<sum_dim_t<D, false>>(detail::make_fit(c, e)));
  }
};

/// logsumexp(e, dim<d>[, keepdim]): log(sum(exp(e), dim)) along dimension d, computed as m
/// + log(sum(exp(e - m))) with m the largest element, so that it does not overflow
/// (torch.logsumexp; -inf along an empty dimension). Its derivative is exp(e - logsumexp),
/// the softmax, as PyTorch computes it.
template <int D, bool Keep>
struct logsumexp_t : along_dim<logsumexp_t<D, Keep>, D, Keep>, named<logsumexp_t<D, Keep>> {
  static constexpr std::string_view name = "logsumexp";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::reduce_lines<R, logsumexp_t, false>(
        v(detail::arg<0>(e)), [](R const* p, std::size_t n, std::size_t s) { return detail::line_logsumexp(p, n, s); });
  }
  /// exp(u - logsumexp(u)): the weights of the derivative, of u's shape
  template <class E>
  static constexpr auto weights(E const& e) {
    auto const& u = detail::arg<0>(e);
    return detail::make_call<exp_t>(detail::make_sub(u, detail::kept<D, Keep>(e, u)));
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    return detail::make_call_node<sum_dim_t<D, Keep>>(detail::make_mul(weights(e), d.fit(detail::arg<0>(e))));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_mul(weights(e), detail::spread_back<D, Keep>(detail::make_fit(c, e), u)));
  }
};

/// softmax(e, dim<d>): exp(e) / sum(exp(e), dim) along dimension d, computed as exp(e - m)
/// / sum(exp(e - m)) with m each line's largest element (torch.softmax). Derivative: s (e'
/// - sum(s e', dim, keepdim)), s the softmax itself.
template <int D>
struct softmax_t : along_dim<softmax_t<D>, D, false>, named<softmax_t<D>>, same_shape_along<softmax_t<D>> {
  using same_shape_along<softmax_t>::shape;
  static constexpr std::string_view name = "softmax";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::map_lines<R, softmax_t>(v(detail::arg<0>(e)), [](R const* p, R* q, std::size_t n, std::size_t s) {
      R const m = detail::line_max(p, n, s);
      R total = 0;
      for (std::size_t k = 0; k < n; ++k) total += q[k * s] = detail::math::exp(p[k * s] - m);
      for (std::size_t k = 0; k < n; ++k) q[k * s] /= total;
    });
  }
  /// s (g - sum(s g, dim, keepdim)) for a tangent or cotangent g of e's shape
  template <class E, class G>
  static constexpr auto apply_jacobian(E const& e, G const& g) {
    using detail::make_mul;
    return make_mul(e, detail::make_sub(g, detail::make_call_node<sum_dim_t<D, true>>(make_mul(e, g))));
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    return apply_jacobian(e, d.fit(detail::arg<0>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), apply_jacobian(e, detail::make_fit(c, e)));
  }
};

/// log_softmax(e, dim<d>): e - logsumexp(e, dim, keepdim) along dimension d, computed in
/// one pass per line (torch.log_softmax). Derivative: e' - sum(e', dim, keepdim) taken with
/// the weights exp(log_softmax) (forward), g - exp(log_softmax) sum(g, dim, keepdim)
/// (reverse), as PyTorch's.
template <int D>
struct log_softmax_t : along_dim<log_softmax_t<D>, D, false>,
                       named<log_softmax_t<D>>,
                       same_shape_along<log_softmax_t<D>> {
  using same_shape_along<log_softmax_t>::shape;
  static constexpr std::string_view name = "log_softmax";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::map_lines<R, log_softmax_t>(v(detail::arg<0>(e)),
                                               [](R const* p, R* q, std::size_t n, std::size_t s) {
                                                 R const m = detail::line_max(p, n, s);
                                                 R total = 0;
                                                 for (std::size_t k = 0; k < n; ++k)
                                                   total += detail::math::exp(p[k * s] - m);
                                                 R const shift = m + detail::math::log(total);
                                                 for (std::size_t k = 0; k < n; ++k) q[k * s] = p[k * s] - shift;
                                               });
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    auto const du = d.fit(detail::arg<0>(e));
    auto const s = detail::make_call<exp_t>(e);
    return detail::make_sub(du, detail::make_call_node<sum_dim_t<D, true>>(detail::make_mul(s, du)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const g = detail::make_fit(c, e);
    auto const s = detail::make_call<exp_t>(e);
    return adj(detail::arg<0>(e),
               detail::make_sub(g, detail::make_mul(s, detail::make_call_node<sum_dim_t<D, true>>(g))));
  }
};

/// softmax and log_softmax take their dimension: softmax(e, dim<d>).
template <template <int> class Along>
struct softmax_form {
  template <Operand A, int D>
    requires Expression<A>
  [[nodiscard]] constexpr auto operator()(A const& a, dim_t<D>) const { return detail::make_call_node<Along<D>>(a); }
  template <Operand A>
  constexpr auto operator()(A const&) const {
    static_assert(detail::always_false_reduction_v<A>,
                  "leibniz: softmax and log_softmax need a dimension: "
                  "lz::softmax(e, lz::dim<-1>)");
  }
};
/// logsumexp(e, dim<d>[, keepdim]) (a dimension is required, as in PyTorch).
struct logsumexp_form : along_dim_form<logsumexp_t> {
  template <Operand A>
  constexpr auto operator()(A const&) const {
    static_assert(detail::always_false_reduction_v<A>,
                  "leibniz: logsumexp needs a dimension: lz::logsumexp(e, lz::dim<-1>)");
  }
  using along_dim_form<logsumexp_t>::operator();
};


struct prod_others_t;
struct prod_others_dir_t;

/// prod(e): the product of all elements, a scalar (torch.prod(x); 1 for an empty tensor).
/// Its derivative is exact where elements are 0: the partial derivative by an element is
/// the product of the others (prod_others), not prod(e) / element.
struct prod_t : tensor_function<prod_t, 1>, scalar_result {
  static constexpr std::string_view name = "prod";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    std::size_t const n = detail::to_shape(detail::value_shape(x)).numel();
    return detail::with_elements<R>(x, [&](R const* p) {
      R out = 1;
      for (std::size_t i = 0; i < n; ++i) out *= p[i];
      return out;
    });
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    auto const& u = detail::arg<0>(e);
    return detail::make_call_node<sum_t>(detail::make_mul(detail::make_call_node<prod_others_t>(u), d.fit(u)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_mul(detail::make_fit(c, e), detail::make_call_node<prod_others_t>(u)));
  }
};

/// prod_others(u): for each element of u, the product of the other elements (the gradient
/// of prod(u)), in O(n) from prefix and suffix products, exact where elements are 0.
struct prod_others_t : named<prod_others_t>, shape_of_operand<0> {
  static constexpr std::string_view name = "prod_others";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    auto const sx = detail::value_shape(x);
    std::size_t const n = detail::to_shape(sx).numel();
    return detail::with_elements<R>(x, [&](R const* u) {
      return detail::make_result<R>(sx, [&](R* out) {
        R p = 1;
        for (std::size_t i = 0; i < n; ++i) out[i] = p, p *= u[i];
        R s = 1;
        for (std::size_t i = n; i-- > 0;) out[i] *= s, s *= u[i];
      });
    });
  }
  /// the Hessian of prod is symmetric: one node serves both modes
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    auto const& u = detail::arg<0>(e);
    return detail::make_call_node<prod_others_dir_t>(u, d.fit(u));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<prod_others_dir_t>(u, detail::make_fit(c, e)));
  }
};

/// prod_others_dir(u, w): for each element i of u, the sum over j != i of w_j times the
/// product of the elements other than i and j: the second derivative of prod(u) applied to
/// w, in O(n) (the derivatives of the prefix and suffix products along w). Linear in w; a
/// third derivative of prod is a compile error.
struct prod_others_dir_t : named<prod_others_dir_t>, shape_of_operand<0> {
  static constexpr std::string_view name = "prod_others_dir";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    auto const sx = detail::value_shape(x);
    std::size_t const n = detail::to_shape(sx).numel();
    auto const w = detail::fit_value<R>(v(detail::arg<1>(e)), sx);
    return detail::with_elements<R>(x, [&](R const* u) {
      return detail::with_elements<R>(w, [&](R const* pw) {
        // the prefix products P_i = prod_{k < i} u_k
        auto const prefix = detail::make_result<R>(sx, [&](R* pp) {
          R p = 1;
          for (std::size_t i = 0; i < n; ++i) pp[i] = p, p *= u[i];
        });
        return detail::with_elements<R>(prefix, [&](R const* pp) {
          return detail::make_result<R>(sx, [&](R* out) {
            // out_i = dP_i S_i + P_i dS_i: dP, dS the derivatives along w of the prefix
            // product and of the suffix product S_i = prod_{k > i} u_k
            R dp = 0;
            for (std::size_t i = 0; i < n; ++i) {
              out[i] = dp;
              dp = dp * u[i] + pp[i] * pw[i];
            }
            R s = 1, ds = 0;
            for (std::size_t i = n; i-- > 0;) {
              out[i] = out[i] * s + pp[i] * ds;
              ds = ds * u[i] + s * pw[i];
              s *= u[i];
            }
          });
        });
      });
    });
  }
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    static_assert(!Dx::template depends<detail::arg_t<0, E>>,
                  "leibniz: a third derivative of lz::prod is not supported (first and second derivatives are)");
    return detail::make_call_node<prod_others_dir_t>(detail::arg<0>(e), d.fit(detail::arg<1>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    if constexpr (!std::is_same_v<decltype(adj(u, constant<1>{})), constant<0>>)
      static_assert(detail::always_false_reduction_v<E>,
                    "leibniz: a third derivative of lz::prod is not supported (first and second derivatives are)");
    return adj(detail::arg<1>(e), detail::make_call_node<prod_others_dir_t>(u, detail::make_fit(c, e)));
  }
};

}  // namespace fn

inline constexpr fn::sum_t sum{};
inline constexpr fn::prod_t prod{};
inline constexpr fn::mean_t mean{};
inline constexpr fn::max_t max{};
inline constexpr fn::min_t min{};
inline constexpr fn::logsumexp_form logsumexp{};
inline constexpr fn::arg_extreme_form<fn::argmax_dim_t> argmax{};
inline constexpr fn::arg_extreme_form<fn::argmin_dim_t> argmin{};
inline constexpr fn::softmax_form<fn::softmax_t> softmax{};
inline constexpr fn::softmax_form<fn::log_softmax_t> log_softmax{};

}  // namespace leibniz

#endif  // LEIBNIZ_REDUCTIONS_HPP
