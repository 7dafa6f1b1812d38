// SPDX-License-Identifier: BSL-1.0
// leibniz: the run-time values that the operations' value rules build from their operands'
// values (reductions to a shape, the cotangents of matmul, stacks of values): no
// expressions here, only values (detail/tensor_eval.hpp has the value types themselves).
#ifndef LEIBNIZ_DETAIL_TENSOR_VALUES_HPP
#define LEIBNIZ_DETAIL_TENSOR_VALUES_HPP

#include <leibniz/detail/tensor_eval.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/shape.hpp>
#include <leibniz/tensor.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace leibniz::fn {
struct mm_t;
struct matmul_t;
struct outer_t;
}  // namespace leibniz::fn

namespace leibniz::detail {

struct plus_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a + b; }
};
struct minus_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a - b; }
};
struct times_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a * b; }
};
struct divide_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a / b; }
};
struct negate_op {
  template <class R>
  constexpr R operator()(R a) const { return -a; }
};

template <class C, class Out>
constexpr void reduce_into(C const& c, Out& out, shape const& sc, shape const& st);

template <std::size_t A, std::size_t B>
struct rank_pair {
  static constexpr std::size_t first = A, second = B;
};

template <class R, class V>
constexpr auto materialize_owned(V const& v) {
  auto m = materialize<R>(v);
  if constexpr (std::is_arithmetic_v<decltype(m)>)
    return m;
  else
    return owned<decltype(m)>{std::move(m)};
}

struct row_shape_fn {
  constexpr shape operator()(shape const& c) const {
    if (c.rank() == 0) throw shape_error("leibniz: row: needs a tensor of rank >= 1");
    shape out;
    for (std::size_t d = 1; d < c.rank(); ++d) out.push_back(c[d]);
    return out;
  }
};

template <std::size_t N>
struct stack_shape_fn {
  constexpr shape operator()(shape const& item) const {
    shape out{N};
    for (std::size_t d = 0; d < item.rank(); ++d) out.push_back(item[d]);
    return out;
  }
};

/// The value of fit(c, like) when a shape is only known at run time.
template <class R, class C>
struct fit_dynamic {
  struct plan_type {
    plan_t<C> c;
    placement r;
  };
  C c;
  // A plain tensor, not owned<tensor<R>> from the thread's pool: with owned's destructor
  // in every lazy value that holds a fit, W1's gradient took 9% more instructions
  // (callgrind), and a fit reduces only when its cotangent was broadcast.
  tensor<R> reduced;
  bool pass;
  [[nodiscard]] constexpr leibniz::shape shape() const { return pass ? to_shape(c.shape()) : reduced.shape(); }
  [[nodiscard]] constexpr plan_type plan(leibniz::shape const& root) const {
    if (pass) return {c.plan(root), {}};
    return {{}, leaf_plan(reduced.shape(), root)};
  }
  [[nodiscard]] static constexpr bool same(plan_type const& p) noexcept {
    // the part not taken has a default plan, which is flat
    return C::same(p.c) && p.r.same;
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get(std::size_t i, std::size_t const* idx, plan_type const& p) const {
    return pass ? c.template get<R2>(i, idx, p.c) : static_cast<R2>(reduced.data()[p.r.offset(i, idx)]);
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get_flat(std::size_t i) const {
    return pass ? c.template get_flat<R2>(i) : static_cast<R2>(reduced.data()[i]);
  }
};

/// fit(c, like): c summed over the dimensions it was broadcast along, or broadcast,
/// to the shape of `like` (reduce_into); a scalar c is filled in without a loop.
template <class R, class C, class S>
constexpr auto fit_value(C&& c, S const& target) {  // an owned c is moved, never copied
  using CV = std::remove_cvref_t<C>;
  using SC = std::remove_cvref_t<decltype(value_shape(c))>;
  if constexpr (std::is_same_v<SC, S> && is_static_shape_v<S>) {
    return CV(std::forward<C>(c));  // same static shape: nothing to do
  } else if constexpr (is_scalar_shape_v<SC>) {
    if constexpr (is_scalar_shape_v<S>)
      return CV(std::forward<C>(c));
    else
      return filled<R, S>{materialize<R>(c), target};
  } else if constexpr (is_scalar_shape_v<S>) {
    return reduce_sum<R>(c);
  } else {
    shape const sc = to_shape(value_shape(c)), st = to_shape(target);
    if constexpr (!is_static_shape_v<S> || !is_static_shape_v<SC>) {
      // Decided at run time: equal shapes pass c through, still lazy (no temporary);
      // otherwise c is reduced into a tensor of its own.
      fit_dynamic<R, CV> out{std::forward<C>(c), {}, sc == st};
      if (!out.pass) {
        out.reduced = container<R, leibniz::shape>::make(st);
        reduce_into(out.c, out.reduced, sc, st);
      }
      return out;
    } else {
      auto out = container<R, S>::scratch(target);
      reduce_into(c, out, sc, st);
      return owned<decltype(out)>{std::move(out)};
    }
  }
}

/// c brought to shape st: c is broadcast to the common shape of sc and st, then every
/// element is added into the element of `out` it was broadcast from. A cotangent (sc
/// at least st) is summed over its broadcast dimensions; a tangent (sc at most st) is
/// broadcast; the two compose when a tangent of a cotangent meets a reduction.
template <class C, class Out>
constexpr void reduce_into(C const& c, Out& out, shape const& sc, shape const& st) {
  broadcast_result const common = try_broadcast(sc, st);
  if (!common.ok)
    throw shape_error("leibniz: a cotangent or tangent of shape " + sc.to_string() +
                      " does not fit shape " + st.to_string() +
                      " (check the shape of the vector given to vjp, jvp or hvp)");
  shape const& sb = common.value;
  using R = std::remove_cvref_t<decltype(*out.data())>;
  placement target{};
  target.place(st, sb);
  R* const o = out.data();
  std::array<std::size_t, max_rank> idx{};
  auto const p = c.plan(sb);
  std::size_t const n = sb.numel();
  for (std::size_t i = 0; i < n; ++i) {
    o[target.offset(i, idx.data())] += c.template get<R>(i, idx.data(), p);
    for (std::size_t d = sb.rank(); d-- > 0;) {
      if (++idx[d] < sb[d]) break;
      idx[d] = 0;
    }
  }
}

/// The cotangent of a (SideA) or b in matmul(a, b) for cotangent c, for operands of
/// ranks RA and RB (torch.matmul's 1-D and 2-D rules); `other` is the other operand's
/// value. (A function template, not a generic lambda: clang instantiates the calls in
/// a lambda's discarded branches when they do not depend on the lambda's parameters.)
template <class R, bool SideA, std::size_t RA, std::size_t RB, class C, class O>
constexpr auto matmul_vjp_by_rank(C const& c, O const& other) {
  if constexpr (RA == 1 && RB == 1) {
    auto const d = contiguous<R>(other);  // read in place (other may own a tensor: no copy)
    using SO = std::remove_cvref_t<decltype(value_shape(other))>;
    return materialize_owned<R>(elementwise("matmul", times_op{}, fit_value<R>(c, static_shape<>{}),
                                            dense_view<R, SO>{element_pointer(d), value_shape(other)}));
  }
  else if constexpr (SideA && RA == 2 && RB == 1)
    return matrix_product<R, fn::outer_t>(c, other);
  else if constexpr (SideA && RA == 1 && RB == 2)
    return matrix_product<R, fn::matmul_t>(other, c);
  else if constexpr (SideA)
    return matrix_product<R, fn::mm_t>(c, transposed<O>{other});
  else if constexpr (RA == 2 && RB == 1)
    return matrix_product<R, fn::matmul_t>(transposed<O>{other}, c);
  else if constexpr (RA == 1 && RB == 2)
    return matrix_product<R, fn::outer_t>(other, c);
  else
    return matrix_product<R, fn::mm_t>(transposed<O>{other}, c);
}

/// Whether an operand of shape type S can have rank N (a run-time shape can have any).
template <class S, std::size_t N>
constexpr bool rank_allowed() {
  if constexpr (is_static_shape_v<S>)
    return S::rank == N;
  else
    return true;
}
template <class S, std::size_t N>
inline constexpr bool rank_allowed_v = rank_allowed<S, N>();

/// The cotangent of a (SideA) or b in a batched matmul(a, b) for the cotangent c of the
/// result: c_t b_t^T (a_t^T c_t for b) for every batch entry t, added into the matrix of
/// the operand that entry read, so that a broadcast operand gets the sum over its
/// broadcast dimensions; `other` is the other operand's value.
template <class R, bool SideA, class C, class SA, class SB, class O>
constexpr auto batched_matmul_vjp(C const& c, SA const& sa, SB const& sb, O const& other) {
  batched_layout const L(to_shape(sa), to_shape(sb));
  auto const target = [&] {
    if constexpr (SideA)
      return sa;
    else
      return sb;
  }();
  auto out = container<R, std::remove_cvref_t<decltype(target)>>::scratch(target);  // zeroed
  // c has the product's shape (the rules fit it): read in place, or materialised once; a
  // number (never the cotangent of a batched product, whose rank is 2 or more) is spread
  shape const so = matrix_product_shape("matmul", to_shape(sa), to_shape(sb));
  auto const dc = [&] {
    if constexpr (std::is_arithmetic_v<C>)
      return contiguous<R>(filled<R, shape>{static_cast<R>(c), so});
    else
      return contiguous<R>(c);
  }();
  if (!std::is_arithmetic_v<C> && to_shape(value_shape(c)).numel() != so.numel())
    throw shape_error("leibniz: matmul: a cotangent of shape " + to_shape(value_shape(c)).to_string() +
                      " for a result of shape " + so.to_string());
  auto const dother = contiguous<R>(other);
  R const* const pc = element_pointer(dc);
  R const* const pother = element_pointer(dother);
  R* const pt = out.data();
  std::size_t const m = L.m, n = L.n, p = L.p;
  L.for_each([&](std::size_t t, std::size_t oa, std::size_t ob) {
    R const* const ct = pc + t * m * p;  // c_t: m x p
    if constexpr (SideA)  // a_t += c_t b_t^T, (m x p)(p x n), b_t^T(j, k) = b_t[k p + j]
      add_product(ct, p, std::size_t{1}, pother + ob, std::size_t{1}, p, pt + oa, n, m, p, n);
    else  // b_t += a_t^T c_t, (n x m)(m x p), a_t^T(k, i) = a_t[i n + k]
      add_product(pother + oa, std::size_t{1}, n, ct, p, std::size_t{1}, pt + ob, p, n, m, p);
  });
  return owned<decltype(out)>{std::move(out)};
}

/// The cotangent of a (SideA) or b in matmul(a, b) for cotangent c, by the ranks of
/// a and b; `other` is the other operand's value.
template <class R, bool SideA, class C, class SA, class SB, class O>
constexpr auto matmul_vjp_value(C const& c, SA const& sa, SB const& sb, O const& other) {
  auto const by_rank = [&](auto ranks) {
    using P = decltype(ranks);
    return matmul_vjp_by_rank<R, SideA, P::first, P::second>(c, other);
  };
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
    if constexpr (SA::rank > 2 || SB::rank > 2)
      return batched_matmul_vjp<R, SideA>(c, sa, sb, other);
    else
      return by_rank(rank_pair<SA::rank, SB::rank>{});
  } else {
    // ranks known at run time: every rule gives an owned lz::tensor
    shape const a = to_shape(sa), b = to_shape(sb);
    auto const as_dynamic = [](auto&& v) {  // an owned lz::tensor is moved, not copied
      auto m = materialize<R>(std::forward<decltype(v)>(v));
      if constexpr (std::is_arithmetic_v<decltype(m)>)
        return owned<tensor<R>>{tensor<R>::scalar(m)};
      else
        return owned<tensor<R>>{tensor<R>(std::move(m))};
    };
    // Only the rank pairs an operand with a compile-time shape allows are instantiated
    // (a fixed operand of rank 1 cannot be transposed).
    using result = owned<tensor<R>>;
    auto const try_ranks = [&](auto ranks) -> std::optional<result> {
      using P = decltype(ranks);
      if constexpr (rank_allowed_v<SA, P::first> && rank_allowed_v<SB, P::second>) {
        if (a.rank() == P::first && b.rank() == P::second) return as_dynamic(by_rank(ranks));
      }
      return std::nullopt;
    };
    if (auto r = try_ranks(rank_pair<1, 1>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<2, 1>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<1, 2>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<2, 2>{})) return *std::move(r);
    if (!is_matrix_product_ok("matmul", a, b)) throw shape_error(matrix_product_message("matmul", a, b));
    return as_dynamic(batched_matmul_vjp<R, SideA>(c, sa, sb, other));
  }
}

struct concat_shape_fn {
  constexpr shape operator()(shape const& a, shape const& b) const {
    shape out = a;
    for (std::size_t d = 0; d < b.rank(); ++d) out.push_back(b[d]);
    return out;
  }
};

/// stack(items...): scalars make a vector, tensors of one shape a tensor of rank + 1.
template <class R, class V0, class... V>
constexpr auto stack_values(V0 const& v0, V const&... v) {
  constexpr std::size_t n = 1 + sizeof...(V);
  using S0 = std::remove_cvref_t<decltype(value_shape(v0))>;
  // every item a scalar by its type; an item whose shape is known only at run time (the
  // tangent of a dot product over lz::tensor, a rank-0 tensor) goes the general way below
  constexpr bool scalars =
      is_scalar_shape_v<S0> && (is_scalar_shape_v<std::remove_cvref_t<decltype(value_shape(v))>> && ...);
  constexpr bool all_static =
      is_static_shape_v<S0> && (is_static_shape_v<std::remove_cvref_t<decltype(value_shape(v))>> && ...);
  if constexpr (scalars) {
    return owned<fixed_tensor<R, n>>{fixed_tensor<R, n>{materialize<R>(v0), materialize<R>(v)...}};
  } else {
    if constexpr (is_static_shape_v<S0>) {  // fixed items of different shapes: a compile error
      auto const check_static = [](auto const& item) {
        using SI = std::remove_cvref_t<decltype(value_shape(item))>;
        if constexpr (is_static_shape_v<SI> && !std::is_same_v<SI, S0>)
          report_static_error<error::stack_items_differ_in_shape<S0, SI>>();
      };
      (check_static(v), ...);
    }
    shape const s0 = to_shape(value_shape(v0));
    if constexpr (!all_static) {
      auto const check = [&](auto const& item) {
        if (!(to_shape(value_shape(item)) == s0))
          throw shape_error(shapes_text("stack", s0, to_shape(value_shape(item))) +
                            ": items of a stack must have one shape");
      };
      (check(v), ...);
    }
    auto const so = lift_shape<stack_shape_fn<n>>(value_shape(v0));
    auto out = container<R, std::remove_cvref_t<decltype(so)>>::scratch(so);
    std::size_t const step = s0.numel();
    std::size_t k = 0;
    constexpr std::size_t static_count = [] {
      if constexpr (is_static_shape_v<S0>)
        return S0::count;
      else
        return std::size_t{0};
    }();
    auto const put = [&](auto const& item) {
      using I = std::remove_cvref_t<decltype(item)>;
      if constexpr (std::is_arithmetic_v<I>) {  // a number among rank-0 tensors (checked above)
        out.data()[k * step] = static_cast<R>(item);
      } else if constexpr (is_static_flat_v<I, S0>) {  // fixed items: a plain loop
        R* const o = out.data() + k * static_count;
        for (std::size_t i = 0; i < static_count; ++i) o[i] = item.template get_flat<R>(i);
      } else {
        auto const d = contiguous<R>(item);
        for (std::size_t i = 0; i < step; ++i) out.data()[k * step + i] = element_pointer(d)[i];
      }
      ++k;
    };
    put(v0);
    (put(v), ...);
    return owned<decltype(out)>{std::move(out)};
  }
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_TENSOR_VALUES_HPP
