// SPDX-License-Identifier: BSL-1.0
// leibniz: values along one dimension of a tensor (the "lines" of that dimension): the
// reductions sum, mean, max, min and logsumexp along a dimension, softmax and log_softmax,
// the mask of each line's first extreme element, and a reduced tensor spread back along its
// dimension. The operations themselves are in reductions.hpp.
#ifndef LEIBNIZ_DETAIL_AXIS_VALUES_HPP
#define LEIBNIZ_DETAIL_AXIS_VALUES_HPP

#include <leibniz/detail/math.hpp>
#include <leibniz/detail/tensor_eval.hpp>
#include <leibniz/detail/tensor_values.hpp>
#include <leibniz/shape.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace leibniz::error {
/// The first line of the compile error of `lz::sum(x, lz::dim<2>)` for a fixed_tensor x of
/// rank 2 names the operation (with its dimension) and the shape:
/// dim_out_of_range_for_shape<fn::sum_dim_t<2, false>, static_shape<2, 3>>.
template <class Op, class Shape>
struct dim_out_of_range_for_shape;
}  // namespace leibniz::error

namespace leibniz::detail {

/// Whether d names a dimension of a rank-r tensor: -r <= d < r (negative d counts from the
/// end). A scalar counts as rank 1, as in PyTorch (sum(x, dim=0) of a 0-d tensor is x).
[[nodiscard]] constexpr bool dim_in_range(long long d, std::size_t rank) noexcept {
  long long const r = rank == 0 ? 1 : static_cast<long long>(rank);
  return d >= -r && d < r;
}

/// The dimension d of shape s counted from 0; a shape_error naming op, d and s when s has
/// no such dimension.
[[nodiscard]] constexpr std::size_t resolve_dim(std::string_view op, long long d, shape const& s) {
  long long const r = s.rank() == 0 ? 1 : static_cast<long long>(s.rank());
  if (!dim_in_range(d, s.rank()))
    throw shape_error("leibniz: " + std::string(op) + ": dim " + std::to_string(d) + " is out of range for shape " +
                      s.to_string() + " (a dim from " + std::to_string(-r) + " to " + std::to_string(r - 1) + ")");
  return static_cast<std::size_t>(d < 0 ? d + r : d);
}

/// The lines along one dimension of a row-major tensor: element k of line (o, i) is at (o n
/// + k) inner + i.
struct line_layout {
  std::size_t outer = 1, n = 1, inner = 1;
};
[[nodiscard]] constexpr line_layout layout_along(shape const& s, std::size_t axis) noexcept {
  line_layout l;
  if (s.rank() == 0) return l;
  l.n = s[axis];
  for (std::size_t i = 0; i < axis; ++i) l.outer *= s[i];
  for (std::size_t i = axis + 1; i < s.rank(); ++i) l.inner *= s[i];
  return l;
}

/// The shape of Op's result: the operand's, without dimension Op::dim (kept with extent 1
/// when Op::keep).
template <class Op>
struct reduced_shape_fn {
  constexpr shape operator()(shape const& s) const {
    std::size_t const axis = resolve_dim(Op::name, Op::dim, s);
    shape out;
    for (std::size_t i = 0; i < s.rank(); ++i) {
      if (i != axis)
        out.push_back(s[i]);
      else if (Op::keep)
        out.push_back(1);
    }
    return out;
  }
};

/// Whether Op's dimension fits an operand of shape type S (always, for a run-time shape:
/// that is checked when evaluating).
template <class Op, class S>
[[nodiscard]] constexpr bool static_dim_ok() {
  if constexpr (is_static_shape_v<S>)
    return dim_in_range(Op::dim, S::rank);
  else
    return true;
}
/// A compile error naming Op and S when S is static and has no dimension Op::dim.
template <class Op, class S>
constexpr void check_static_dim() {
  if constexpr (!static_dim_ok<Op, S>()) report_static_error<error::dim_out_of_range_for_shape<Op, S>>();
}

/// Calls f with a pointer to the row-major elements of value x (a scalar too).
template <class R, class V, class F>
constexpr auto with_elements(V const& x, F const& f) {
  if constexpr (std::is_arithmetic_v<V>) {
    R const one = static_cast<R>(x);
    return f(&one);
  } else {
    auto const whole = contiguous<R>(x);
    return f(element_pointer(whole));
  }
}

/// A result of shape so: a scalar R when so is static and rank 0, else a container filled
/// by write(R* out) and owned.
template <class R, class SO, class Write>
constexpr auto make_result(SO const& so, Write const& write) {
  if constexpr (is_scalar_shape_v<SO>) {
    R out{};
    write(&out);
    return out;
  } else {
    auto out = container<R, SO>::scratch(so);
    write(out.data());
    return owned<decltype(out)>{std::move(out)};
  }
}

/// Op's reduction of value x along Op::dim: out[o, i] = line(p, n, inner), where p points
/// at the first element of line (o, i), its k-th element at p[k inner]. Sum-like reductions
/// pass `Accumulate`: then out[o, i] is the sum of the line, added row by row (contiguous
/// reads), and line(sum, n) finishes it.
template <class R, class Op, bool Accumulate, class V, class Line>
constexpr auto reduce_lines(V const& x, Line const& line) {
  auto const sx = value_shape(x);
  using SX = std::remove_cvref_t<decltype(sx)>;
  check_static_dim<Op, SX>();  // first, so that the error names the dimension
                               // and the shape
  if constexpr (!static_dim_ok<Op, SX>()) {
    return R{};
  } else {
    auto const so = lift_shape<reduced_shape_fn<Op>>(sx);
    line_layout const l = layout_along(to_shape(sx), resolve_dim(Op::name, Op::dim, to_shape(sx)));
    return with_elements<R>(x, [&](R const* p) {
      return make_result<R>(so, [&](R* out) {
        for (std::size_t o = 0; o < l.outer; ++o) {
          R* const row = out + o * l.inner;
          if constexpr (Accumulate) {
            for (std::size_t i = 0; i < l.inner; ++i) row[i] = R(0);
            for (std::size_t k = 0; k < l.n; ++k) {
              R const* const src = p + (o * l.n + k) * l.inner;
              for (std::size_t i = 0; i < l.inner; ++i) row[i] += src[i];
            }
            for (std::size_t i = 0; i < l.inner; ++i) row[i] = line(row[i], l.n);
          } else {
            for (std::size_t i = 0; i < l.inner; ++i) row[i] = line(p + o * l.n * l.inner + i, l.n, l.inner);
          }
        }
      });
    });
  }
}

/// Op's map of value x along Op::dim, to a result of x's shape: line(p, q, n, inner) writes
/// the line of the result at q from the line of x at p (k-th elements at p[k inner], q[k
/// inner]).
template <class R, class Op, class V, class Line>
constexpr auto map_lines(V const& x, Line const& line) {
  auto const sx = value_shape(x);
  using SX = std::remove_cvref_t<decltype(sx)>;
  check_static_dim<Op, SX>();
  if constexpr (!static_dim_ok<Op, SX>()) {
    return R{};
  } else {
    line_layout const l = layout_along(to_shape(sx), resolve_dim(Op::name, Op::dim, to_shape(sx)));
    return with_elements<R>(x, [&](R const* p) {
      return make_result<R>(sx, [&](R* out) {
        for (std::size_t o = 0; o < l.outer; ++o)
          for (std::size_t i = 0; i < l.inner; ++i) {
            std::size_t const first = o * l.n * l.inner + i;
            line(p + first, out + first, l.n, l.inner);
          }
      });
    });
  }
}

/// The position of a line's first largest (Max) or smallest element, a NaN counting as the
/// extreme (as torch.max(x, dim) and torch.min(x, dim) choose their indices).
template <bool Max, class R>
[[nodiscard]] constexpr std::size_t first_extreme(R const* p, std::size_t n, std::size_t stride) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < n; ++k) {
    R const x = p[k * stride], b = p[best * stride];
    if (b != b) break;
    if (x != x || (Max ? x > b : x < b)) best = k;
  }
  return best;
}

/// The largest element of a line (NaN if one is NaN); -inf for an empty line.
template <class R>
[[nodiscard]] constexpr R line_max(R const* p, std::size_t n, std::size_t stride) {
  if (n == 0) return -std::numeric_limits<R>::infinity();
  return p[first_extreme<true>(p, n, stride) * stride];
}

/// A line's logsumexp: m + log(sum(exp(x - m))), m its largest element; m itself when m is
/// infinite or NaN (an infinite element dominates; all -inf gives -inf), -inf when empty.
template <class R>
[[nodiscard]] constexpr R line_logsumexp(R const* p, std::size_t n, std::size_t stride) {
  R const m = line_max(p, n, stride);
  if (!(m - m == R(0))) return m;  // inf, -inf or NaN
  R s = 0;
  for (std::size_t k = 0; k < n; ++k) s += math::exp(p[k * stride] - m);
  return m + math::log(s);
}

/// c put back along dimension Op::dim of a value of shape `like`, zero elsewhere: at the
/// positions first, ..., first + count - 1 of that dimension. With Repeat, c has like's shape
/// without the dimension and stands at each of those positions (spread: all of them,
/// unselect: one); without, c has count positions of its own (unslice). The cotangents of
/// the reductions along a dimension, of select and of slice.
template <class R, class Op, bool Repeat, class C, class S>
constexpr auto place_along(C const& c, S const& like, std::size_t first, std::size_t count) {
  shape const sl = to_shape(like);
  line_layout const l = layout_along(sl, resolve_dim(Op::name, Op::dim, sl));
  return with_elements<R>(c, [&](R const* pc) {
    return make_result<R>(like, [&](R* out) {  // zeroed
      for (std::size_t o = 0; o < l.outer; ++o)
        for (std::size_t k = 0; k < count; ++k) {
          R* const dst = out + (o * l.n + first + k) * l.inner;
          R const* const src = pc + (Repeat ? o : o * count + k) * l.inner;
          for (std::size_t i = 0; i < l.inner; ++i) dst[i] = src[i];
        }
    });
  });
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_AXIS_VALUES_HPP
