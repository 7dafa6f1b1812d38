// SPDX-License-Identifier: BSL-1.0
// leibniz: operations that rearrange a tensor's elements, as PyTorch's: reshape, flatten,
// select (x[:, j]), slice (x[1:3]), cat, diag and trace, each with its derivative rules,
// and the internal nodes their derivatives use (reshape_as, unselect, unslice, cat_part,
// undiag). Shapes stay static when the operands' are.
#ifndef LEIBNIZ_SHAPE_OPS_HPP
#define LEIBNIZ_SHAPE_OPS_HPP

#include <leibniz/detail/adjoint.hpp>
#include <leibniz/detail/axis_values.hpp>
#include <leibniz/detail/build.hpp>
#include <leibniz/detail/tensor_nodes.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/reductions.hpp>

#include <boost/hana/unpack.hpp>

#include <array>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz::error {
/// First lines of the compile errors of the shape operations over fixed_tensors:
/// reshape_does_not_fit<fn::reshape_t<4, -1>, static_shape<2, 3>>, ...
template <class Op, class Shape>
struct reshape_does_not_fit;
template <class Op, class... Shapes>
struct cat_shapes_differ;
template <class Op, class Shape>
struct needs_a_2d_tensor;
template <class Op, class Shape>
struct diag_needs_a_1d_or_2d_tensor;
}  // namespace leibniz::error

namespace leibniz {
namespace detail {

/// The shape `to` (one extent may be -1) for n elements, or a shape_error naming both.
[[nodiscard]] constexpr shape reshaped(shape const& from, long long const* to, std::size_t rank) {
  std::size_t known = 1, free = rank;
  bool ok = true;
  for (std::size_t i = 0; i < rank; ++i) {
    if (to[i] == -1) {
      ok = ok && free == rank;
      free = i;
    } else if (to[i] < 0) {
      ok = false;
    } else {
      known *= static_cast<std::size_t>(to[i]);
    }
  }
  std::size_t const n = from.numel();
  shape out;
  if (ok && free != rank) ok = known != 0 && n % known == 0;
  if (ok && free == rank) ok = known == n;
  if (!ok) {
    std::string target = "(";
    for (std::size_t i = 0; i < rank; ++i) target += (i ? ", " : "") + std::to_string(to[i]);
    throw shape_error("leibniz: reshape: shape " + from.to_string() + " (" + std::to_string(n) +
                      " elements) cannot be reshaped to " + target + (rank == 1 ? ",)" : ")"));
  }
  for (std::size_t i = 0; i < rank; ++i) out.push_back(i == free ? n / known : static_cast<std::size_t>(to[i]));
  return out;
}
template <class Op>
struct reshape_shape_fn {
  constexpr shape operator()(shape const& s) const { return reshaped(s, Op::target.data(), Op::target.size()); }
};
template <class Op, class S>
[[nodiscard]] constexpr bool static_reshape_ok() {
  if constexpr (is_static_shape_v<S>) {
    shape const s = S::value();
    std::size_t known = 1, minus = 0;
    for (long long t : Op::target) {
      if (t == -1)
        ++minus;
      else if (t < 0)
        return false;
      else
        known *= static_cast<std::size_t>(t);
    }
    if (minus > 1) return false;
    return minus == 1 ? known != 0 && s.numel() % known == 0 : known == s.numel();
  } else {
    return true;
  }
}

/// Python's slice bounds start:stop along an extent n (negative from the end, clamped).
struct slice_bounds {
  std::size_t begin, length;
};
[[nodiscard]] constexpr slice_bounds resolve_slice(long long start, long long stop, std::size_t n) noexcept {
  auto const clamp = [n](long long i) {
    long long const m = static_cast<long long>(n);
    if (i < 0) i += m;
    return static_cast<std::size_t>(i < 0 ? 0 : i > m ? m : i);
  };
  std::size_t const b = clamp(start), e = clamp(stop);
  return {b, e > b ? e - b : 0};
}
template <class Op>
struct slice_shape_fn {
  constexpr shape operator()(shape const& s) const {
    std::size_t const axis = resolve_dim(Op::name, Op::dim, s);
    shape out = s;
    if (s.rank() == 0) throw shape_error("leibniz: slice: needs a tensor of rank >= 1, got a scalar");
    out[axis] = resolve_slice(Op::start, Op::stop, s[axis]).length;
    return out;
  }
};

/// The shape of cat along Op::dim: the operands' shapes, which must agree but for that
/// dimension, with the extents along it added.
template <class Op>
struct cat_shape_fn {
  template <class... S>
  constexpr shape operator()(shape const& first, S const&... rest) const {
    shape out = first;
    std::size_t const axis = resolve_dim(Op::name, Op::dim, first);
    if (first.rank() == 0) throw shape_error("leibniz: cat: needs tensors of rank >= 1, got a scalar");
    auto const add = [&](shape const& s) {
      bool ok = s.rank() == first.rank();
      for (std::size_t d = 0; ok && d < s.rank(); ++d) ok = d == axis || s[d] == first[d];
      if (!ok)
        throw shape_error("leibniz: cat: shapes " + first.to_string() + " and " + s.to_string() +
                          " differ outside dim " + std::to_string(Op::dim));
      out[axis] += s[axis];
    };
    (add(rest), ...);
    return out;
  }
};
template <class Op, class... S>
[[nodiscard]] constexpr bool static_cat_ok() {
  if constexpr ((is_static_shape_v<S> && ...)) {
    shape const all[] = {S::value()...};
    if (all[0].rank() == 0 || !dim_in_range(Op::dim, all[0].rank())) return false;
    std::size_t const axis = resolve_dim(Op::name, Op::dim, all[0]);
    for (shape const& s : all) {
      if (s.rank() != all[0].rank()) return false;
      for (std::size_t d = 0; d < s.rank(); ++d)
        if (d != axis && s[d] != all[0][d]) return false;
    }
    return true;
  } else {
    return true;
  }
}

/// Whether S is a static shape whose rank is none of R...
template <class S, std::size_t... R>
inline constexpr bool static_rank_outside_v = false;
template <std::size_t... N, std::size_t... R>
inline constexpr bool static_rank_outside_v<static_shape<N...>, R...> = ((sizeof...(N) != R) && ...);

struct diag_shape_fn {
  constexpr shape operator()(shape const& s) const {
    if (s.rank() == 1) return shape{s[0], s[0]};
    if (s.rank() == 2) return shape{s[0] < s[1] ? s[0] : s[1]};
    throw shape_error("leibniz: diag: needs a 1-D or 2-D tensor, got shape " + s.to_string());
  }
};
struct diagonal_shape_fn {  // the diagonal of a 2-D shape
  constexpr shape operator()(shape const& s) const {
    if (s.rank() != 2) throw shape_error("leibniz: trace: needs a 2-D tensor, got shape " + s.to_string());
    return shape{s[0] < s[1] ? s[0] : s[1]};
  }
};

/// The elements of a value x (of shape sx) copied to a result of shape so (the same count).
template <class R, class V, class SO>
constexpr auto copy_elements(V const& x, SO const& so) {
  return with_elements<R>(x, [&](R const* p) {
    return make_result<R>(so, [&](R* out) {
      std::size_t const n = to_shape(so).numel();
      for (std::size_t i = 0; i < n; ++i) out[i] = p[i];
    });
  });
}

/// The index of a select along an extent n (negative from the end); out_of_range otherwise.
[[nodiscard]] constexpr std::size_t resolve_index(long long i, std::size_t n, int dim, shape const& s) {
  long long const m = static_cast<long long>(n);
  if (i < -m || i >= m)
    throw std::out_of_range("leibniz: select: index " + std::to_string(i) + " is out of range for dim " +
                            std::to_string(dim) + " of shape " + s.to_string());
  return static_cast<std::size_t>(i < 0 ? i + m : i);
}

}  // namespace detail

namespace fn {

template <long long... N>
struct reshape_t;
template <int D>
struct select_t;
template <int D>
struct unselect_t;
template <int D, long long Start, long long Stop>
struct slice_t;
template <int D, long long Start, long long Stop>
struct unslice_t;
template <int D>
struct cat_t;
template <int D, std::size_t I>
struct cat_part_t;
struct diag_t;
struct undiag_t;

/// reshape_as(c, like): c's elements (row-major) with like's shape: the cotangent of a
/// reshape.
struct reshape_as_t : linear_operation<reshape_as_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "reshape_as";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return detail::copy_elements<R>(v(detail::arg<0>(e)), v.shape(detail::arg<1>(e)));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<reshape_as_t>(detail::make_fit(c, e), u));
  }
};

/// reshape<N...>(e): e's elements (row-major) with shape (N...), one of which may be -1 (the
/// extent that makes the count right), as torch.reshape; a copy. flatten(e) is
/// reshape<-1>(e).
template <long long... N>
struct reshape_t : linear_operation<reshape_t<N...>> {
  static constexpr std::string_view name = "reshape";
  static constexpr std::array<long long, sizeof...(N)> target{N...};
  template <bool Latex>
  static std::string arguments_text() {
    std::string out = ", (";
    bool first = true;
    ((out += (first ? "" : ", ") + std::to_string(N), first = false), ...);
    return out + (sizeof...(N) == 1 ? ",)" : ")");
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const su = s(detail::arg<0>(e));
    using SU = std::remove_cvref_t<decltype(su)>;
    if constexpr (!detail::static_reshape_ok<reshape_t, SU>()) {
      detail::report_static_error<error::reshape_does_not_fit<reshape_t, SU>>();
      return static_shape<>{};
    } else {
      return detail::lift_shape<detail::reshape_shape_fn<reshape_t>>(su);
    }
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    using SX = std::remove_cvref_t<decltype(detail::value_shape(x))>;
    if constexpr (!detail::static_reshape_ok<reshape_t, SX>()) {
      detail::report_static_error<error::reshape_does_not_fit<reshape_t, SX>>();
      return R{};
    } else {
      return detail::copy_elements<R>(x,
                                      detail::lift_shape<detail::reshape_shape_fn<reshape_t>>(detail::value_shape(x)));
    }
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<reshape_as_t>(detail::make_fit(c, e), u));
  }
};

/// select(e, dim<d>, i): the slice of e at index i along dimension d, without that
/// dimension (torch's x.select(d, i): x[:, i] for d = 1); a negative i counts from the end.
/// The index is stored in the node.
template <int D>
struct select_t : along_dim<select_t<D>, D, false>, linear_operation<select_t<D>> {
  static constexpr std::string_view name = "select";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    leibniz::shape const sx = detail::to_shape(detail::value_shape(x));
    if (sx.rank() == 0) throw shape_error("leibniz: select: needs a tensor of rank >= 1, got a scalar");
    std::size_t const k = detail::dim_in_range(D, sx.rank())
                              ? detail::resolve_index(detail::stored_indices<1>(e)[0],
                                                      sx[detail::resolve_dim(name, D, sx)], D, sx)
                              : 0;  // reduce_lines reports the dimension
    return detail::reduce_lines<R, select_t, false>(x, [k](R const* p, std::size_t, std::size_t stride) {
      return p[k * stride];
    });
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<unselect_t<D>>(detail::make_fit(c, e), u, detail::arg<1>(e)));
  }
};
/// unselect(c, like, i): zeros of like's shape but for the slice at index i along
/// dimension d, which is c: the cotangent of a select.
template <int D>
struct unselect_t : along_dim<unselect_t<D>, D, false>, linear_operation<unselect_t<D>>, shape_of_operand<1> {
  using shape_of_operand<1>::shape;
  static constexpr std::string_view name = "unselect";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const like = v.shape(detail::arg<1>(e));
    leibniz::shape const sl = detail::to_shape(like);
    auto const reduced = detail::lift_shape<detail::reduced_shape_fn<unselect_t>>(like);
    detail::line_layout const l = detail::layout_along(sl, detail::resolve_dim(name, D, sl));
    std::size_t const k = detail::resolve_index(detail::stored_indices<2>(e)[0], l.n, D, sl);
    return detail::place_along<R, unselect_t, true>(detail::fit_value<R>(v(detail::arg<0>(e)), reduced), like, k, 1);
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<select_t<D>>(detail::make_fit(c, e), detail::arg<2>(e)));
  }
};

/// slice<Start, Stop>(e, dim<d>): the elements Start to Stop - 1 along dimension d, as
/// Python's x[Start:Stop] (negative bounds from the end, clamped to the extent):
/// slice<1, 3>(x) is x[1:3], slice<0, 2>(x, dim<1>) is x[:, 0:2]. The bounds are
/// compile-time constants, so that a fixed_tensor's slice has a static shape.
template <int D, long long Start, long long Stop>
struct slice_t : along_dim<slice_t<D, Start, Stop>, D, false>, linear_operation<slice_t<D, Start, Stop>> {
  static constexpr std::string_view name = "slice";
  static constexpr long long start = Start, stop = Stop;
  template <bool Latex>
  static std::string arguments_text() {
    return ", " + std::to_string(Start) + ":" + std::to_string(Stop) +
           along_dim<slice_t, D, false>::template arguments_text<Latex>();
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const su = s(detail::arg<0>(e));
    detail::check_static_dim<slice_t, std::remove_cvref_t<decltype(su)>>();
    if constexpr (!detail::static_dim_ok<slice_t, std::remove_cvref_t<decltype(su)>>())
      return static_shape<>{};
    else
      return detail::lift_shape<detail::slice_shape_fn<slice_t>>(su);
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    using SX = std::remove_cvref_t<decltype(detail::value_shape(x))>;
    detail::check_static_dim<slice_t, SX>();
    if constexpr (!detail::static_dim_ok<slice_t, SX>()) {
      return R{};
    } else {
      leibniz::shape const sx = detail::to_shape(detail::value_shape(x));
      auto const so = detail::lift_shape<detail::slice_shape_fn<slice_t>>(detail::value_shape(x));
      detail::line_layout const l = detail::layout_along(sx, detail::resolve_dim(name, D, sx));
      auto const b = detail::resolve_slice(Start, Stop, l.n);
      return detail::with_elements<R>(x, [&](R const* p) {
        return detail::make_result<R>(so, [&](R* out) {
          for (std::size_t o = 0; o < l.outer; ++o)
            for (std::size_t k = 0; k < b.length; ++k)
              for (std::size_t i = 0; i < l.inner; ++i)
                out[(o * b.length + k) * l.inner + i] = p[(o * l.n + b.begin + k) * l.inner + i];
        });
      });
    }
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<unslice_t<D, Start, Stop>>(detail::make_fit(c, e), u));
  }
};
/// unslice(c, like): zeros of like's shape but for the slice Start:Stop along dimension d,
/// which is c: the cotangent of a slice.
template <int D, long long Start, long long Stop>
struct unslice_t : along_dim<unslice_t<D, Start, Stop>, D, false>,
                   linear_operation<unslice_t<D, Start, Stop>>,
                   shape_of_operand<1> {
  using shape_of_operand<1>::shape;
  static constexpr std::string_view name = "unslice";
  static constexpr long long start = Start, stop = Stop;
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <bool Latex>
  static std::string arguments_text() {
    return slice_t<D, Start, Stop>::template arguments_text<Latex>();
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const like = v.shape(detail::arg<1>(e));
    leibniz::shape const sl = detail::to_shape(like);
    auto const part = detail::lift_shape<detail::slice_shape_fn<unslice_t>>(like);
    detail::line_layout const l = detail::layout_along(sl, detail::resolve_dim(name, D, sl));
    auto const b = detail::resolve_slice(Start, Stop, l.n);
    return detail::place_along<R, unslice_t, false>(detail::fit_value<R>(v(detail::arg<0>(e)), part), like, b.begin,
                                                    b.length);
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<slice_t<D, Start, Stop>>(detail::make_fit(c, e)));
  }
};

/// cat(dim<d>, a, b, ...): the operands joined along dimension d (torch.cat((a, b), d));
/// their shapes must agree but for that dimension.
template <int D>
struct cat_t : along_dim<cat_t<D>, D, false>, named<cat_t<D>> {
  static constexpr std::string_view name = "cat";
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... u) {
      if constexpr (!detail::static_cat_ok<cat_t, std::remove_cvref_t<decltype(s(u))>...>()) {
        detail::report_static_error<error::cat_shapes_differ<cat_t, std::remove_cvref_t<decltype(s(u))>...>>();
        return static_shape<>{};
      } else {
        return detail::lift_shape<detail::cat_shape_fn<cat_t>>(s(u)...);
      }
    });
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... u) {
      auto const so = shape(e, [&](auto const& w) { return v.shape(w); });
      leibniz::shape const s = detail::to_shape(so);
      if constexpr (detail::is_scalar_shape_v<std::remove_cvref_t<decltype(so)>>) {
        return R{};  // a compile error was reported
      } else {
        detail::line_layout const l = detail::layout_along(s, detail::resolve_dim(name, D, s));
        return detail::make_result<R>(so, [&](R* out) {
          std::size_t offset = 0;
          auto const put = [&](auto const& x) {
            leibniz::shape const sx = detail::to_shape(detail::value_shape(x));
            std::size_t const n = sx[detail::resolve_dim(name, D, sx)];
            detail::with_elements<R>(x, [&](R const* p) {
              for (std::size_t o = 0; o < l.outer; ++o)
                for (std::size_t k = 0; k < n; ++k)
                  for (std::size_t i = 0; i < l.inner; ++i)
                    out[(o * l.n + offset + k) * l.inner + i] = p[(o * n + k) * l.inner + i];
              return 0;
            });
            offset += n;
          };
          (put(v(u)), ...);
        });
      }
    });
  }
  /// the tangents of the operands, each with its operand's shape (zeros where one does not
  /// depend on the variable)
  template <class E, class Dx>
  static constexpr auto tangent(E const& e, Dx const& d) {
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... u) {
      return detail::make_call_node<cat_t>(detail::make_shaped(d(u), u)...);
    });
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const ce = detail::make_fit(c, e);
    return boost::hana::unpack(e.elements, [&](auto const&, auto const&... u) {
      return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return detail::fold_add(adj(u, detail::make_call_node<cat_part_t<D, I>>(ce, u...))...);
      }
      (std::index_sequence_for<decltype(u)...>{});
    });
  }
};
/// cat_part<I>(c, a, b, ...): the part of c (of the shape of cat(a, b, ...)) that came
/// from the I-th operand: the cotangent of that operand.
template <int D, std::size_t I>
struct cat_part_t : along_dim<cat_part_t<D, I>, D, false>, linear_operation<cat_part_t<D, I>>, shape_of_operand<I + 1> {
  using shape_of_operand<I + 1>::shape;
  static constexpr std::string_view name = "cat_part";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i >= 1; }
  template <bool Latex>
  static std::string arguments_text() {
    return ", part=" + std::to_string(I) + along_dim<cat_part_t, D, false>::template arguments_text<Latex>();
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& c, auto const&... u) {
      leibniz::shape const parts[] = {detail::to_shape(v.shape(u))...};
      leibniz::shape const& own = parts[I];
      std::size_t const axis = detail::resolve_dim(name, D, own);
      std::size_t offset = 0, total = 0;
      for (std::size_t j = 0; j != I; ++j) offset += parts[j][axis];
      for (leibniz::shape const& part : parts) total += part[axis];
      leibniz::shape whole = own;
      whole[axis] = total;
      auto const so = v.shape(detail::arg<I + 1>(e));
      detail::line_layout const l = detail::layout_along(own, axis);
      return detail::with_elements<R>(detail::fit_value<R>(v(c), whole), [&](R const* pc) {
        return detail::make_result<R>(so, [&](R* out) {
          for (std::size_t o = 0; o < l.outer; ++o)
            for (std::size_t k = 0; k < l.n; ++k)
              for (std::size_t i = 0; i < l.inner; ++i)
                out[(o * l.n + k) * l.inner + i] = pc[(o * total + offset + k) * l.inner + i];
        });
      });
    });
  }
  /// linear in c: its cotangent goes back to the I-th part of a cat, zeros elsewhere
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const ce = detail::make_fit(c, e);
    return boost::hana::unpack(e.elements, [&](auto const&, auto const& c0, auto const&... u) {
      return [&]<std::size_t... J>(std::index_sequence<J...>) {
        auto const part = [&](auto j, auto const& w) {
          if constexpr (decltype(j)::value == I)
            return ce;
          else
            return detail::make_call_node<fn::broadcast_t>(constant<0>{}, w);
        };
        return adj(c0, detail::make_call_node<cat_t<D>>(part(std::integral_constant<std::size_t, J>{}, u)...));
      }
      (std::index_sequence_for<decltype(u)...>{});
    });
  }
};

/// diag(e): for a 1-D e, the square matrix with e on its diagonal; for a 2-D e, its main
/// diagonal (torch.diag).
struct diag_t : tensor_function<diag_t, 1> {
  static constexpr std::string_view name = "diag";
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    auto const su = s(detail::arg<0>(e));
    using SU = std::remove_cvref_t<decltype(su)>;
    if constexpr (detail::static_rank_outside_v<SU, 1, 2>) {
      detail::report_static_error<error::diag_needs_a_1d_or_2d_tensor<diag_t, SU>>();
      return static_shape<>{};
    } else {
      return detail::lift_shape<detail::diag_shape_fn>(su);
    }
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    auto const sx = detail::value_shape(x);
    using SX = std::remove_cvref_t<decltype(sx)>;
    if constexpr (detail::static_rank_outside_v<SX, 1, 2>) {
      return R{};  // the shape rule reported it
    } else {
      leibniz::shape const s = detail::to_shape(sx);
      auto const so = detail::lift_shape<detail::diag_shape_fn>(sx);
      return detail::with_elements<R>(x, [&](R const* p) {
        return detail::make_result<R>(so, [&](R* out) {
          if (s.rank() == 1) {
            for (std::size_t i = 0; i < s[0]; ++i)
              for (std::size_t j = 0; j < s[0]; ++j) out[i * s[0] + j] = i == j ? p[i] : R(0);
          } else {
            std::size_t const k = detail::to_shape(so)[0];
            for (std::size_t i = 0; i < k; ++i) out[i] = p[i * s[1] + i];
          }
        });
      });
    }
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<undiag_t>(detail::make_fit(c, e), u));
  }
};
/// undiag(c, like): the part of c (of the shape of diag(like)) that diag took from like,
/// back at like's shape: the cotangent of diag. For a 1-D like, c's diagonal; for a 2-D
/// like, zeros with c on the diagonal.
struct undiag_t : linear_operation<undiag_t>, shape_of_operand<1> {
  static constexpr std::string_view name = "undiag";
  static constexpr bool shape_only_arg(std::size_t i) noexcept { return i == 1; }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const like = v.shape(detail::arg<1>(e));
    leibniz::shape const sl = detail::to_shape(like);
    auto const from = detail::lift_shape<detail::diag_shape_fn>(like);
    return detail::with_elements<R>(detail::fit_value<R>(v(detail::arg<0>(e)), from), [&](R const* pc) {
      return detail::make_result<R>(like, [&](R* out) {
        if (sl.rank() == 1) {
          for (std::size_t i = 0; i < sl[0]; ++i) out[i] = pc[i * sl[0] + i];
        } else {
          for (std::size_t i = 0; i < sl.numel(); ++i) out[i] = R(0);
          std::size_t const k = sl[0] < sl[1] ? sl[0] : sl[1];
          for (std::size_t i = 0; i < k; ++i) out[i * sl[1] + i] = pc[i];
        }
      });
    });
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(detail::arg<0>(e), detail::make_call_node<diag_t>(detail::make_fit(c, e)));
  }
};

/// trace(e): the sum of the main diagonal of a 2-D tensor (torch.trace), a scalar.
struct trace_t : tensor_function<trace_t, 1>, scalar_result {
  static constexpr std::string_view name = "trace";
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    using R = typename V::scalar;
    auto const x = v(detail::arg<0>(e));
    auto const sx = detail::value_shape(x);
    using SX = std::remove_cvref_t<decltype(sx)>;
    if constexpr (detail::static_rank_outside_v<SX, 2>) {
      detail::report_static_error<error::needs_a_2d_tensor<trace_t, SX>>();
      return R{};
    } else {
      leibniz::shape const s = detail::to_shape(sx);
      std::size_t const k = detail::diagonal_shape_fn{}(s)[0];
      return detail::with_elements<R>(x, [&](R const* p) {
        R sum = 0;
        for (std::size_t i = 0; i < k; ++i) sum += p[i * s[1] + i];
        return sum;
      });
    }
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    auto const& u = detail::arg<0>(e);
    return adj(u, detail::make_call_node<undiag_t>(detail::make_fit(c, e), u));
  }
};

/// The function objects of the shape operations.
template <long long... N>
struct reshape_fn {
  template <Operand A>
    requires Expression<A>
  [[nodiscard]] constexpr auto operator()(A const& a) const { return detail::make_call_node<reshape_t<N...>>(a); }
};
struct select_fn {
  template <Operand A, int D, class I>
    requires(Expression<A> && std::is_integral_v<I>)
  [[nodiscard]] constexpr auto operator()(A const& a, dim_t<D>, I index) const {
    return detail::make_call_node<select_t<D>>(
        a, detail::index_literal{boost::hana::tuple<long long>{static_cast<long long>(index)}});
  }
};
template <long long Start, long long Stop>
struct slice_fn {
  template <Operand A, int D = 0>
    requires Expression<A>
  [[nodiscard]] constexpr auto operator()(A const& a, dim_t<D> = {}) const {
    return detail::make_call_node<slice_t<D, Start, Stop>>(a);
  }
};
struct cat_fn {
  template <int D, Operand... A>
    requires(sizeof...(A) >= 1 && (Expression<A> && ...))
  [[nodiscard]] constexpr auto operator()(dim_t<D>, A const&... a) const {
    return detail::make_call_node<cat_t<D>>(a...);
  }
};

}  // namespace fn

/// reshape<N...>(e): e with shape (N...), one extent may be -1 (torch.reshape).
template <long long... N>
inline constexpr fn::reshape_fn<N...> reshape{};
/// flatten(e): e as a 1-D tensor (torch.flatten).
inline constexpr fn::reshape_fn<-1> flatten{};
/// select(e, dim<d>, i): x.select(d, i), x[:, i] for d = 1.
inline constexpr fn::select_fn select{};
/// The end of a dimension as a slice bound: slice<-2, lz::end>(x) is x[-2:].
inline constexpr long long end = std::numeric_limits<long long>::max();
/// slice<Start, Stop>(e[, dim<d>]): x[Start:Stop] along dimension d (0 by default).
template <long long Start, long long Stop>
inline constexpr fn::slice_fn<Start, Stop> slice{};
/// cat(dim<d>, a, b, ...): torch.cat((a, b, ...), d).
inline constexpr fn::cat_fn cat{};
inline constexpr fn::diag_t diag{};
inline constexpr fn::trace_t trace{};

}  // namespace leibniz

#endif  // LEIBNIZ_SHAPE_OPS_HPP
