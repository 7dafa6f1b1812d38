// SPDX-License-Identifier: BSL-1.0
// leibniz: the values of tensor evaluation: views of bound tensors, lazy elementwise
// nodes fused into one loop, materialisation, reductions and matrix products.
#ifndef LEIBNIZ_DETAIL_TENSOR_EVAL_HPP
#define LEIBNIZ_DETAIL_TENSOR_EVAL_HPP

#include <leibniz/config.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/shape.hpp>
#include <leibniz/tensor.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

// Evaluation of a tensor formula produces, per node, one of:
//  - a scalar R;
//  - a dense operand: a view of a bound tensor (`dense_view`) or an owned result of
//    an operation that must be materialised (`owned`: a fixed_tensor or a tensor);
//  - a lazy elementwise node (`ewise`) holding its operands by value.
// Chains of elementwise nodes are evaluated by `materialize` in one loop over the
// result, with no temporary per node. The shape of an operand is a `static_shape`
// when every tensor under it has a compile-time shape, and a run-time `shape`
// otherwise; static shapes make results fixed_tensors and shape mismatches
// compile errors.

namespace leibniz::error {
/// The first error line of a compile-time shape mismatch names the operation's
/// shapes: shapes_cannot_be_broadcast<static_shape<2>, static_shape<3>>,
/// product_shapes_do_not_fit<fn::mm_t, static_shape<1, 2>, static_shape<3, 2>>.
template <class A, class B>
struct shapes_cannot_be_broadcast;
template <class Op, class A, class B>
struct product_shapes_do_not_fit;
template <class V, class Output>
struct vjp_vector_shape_differs_from_output;
template <class T, class Variable>
struct jvp_vector_shape_differs_from_variable;
template <class A, class B>
struct stack_items_differ_in_shape;
/// A variable of a lz::wrt bundle bound to a tensor: the bundle's forms differentiate
/// along one number per variable.
template <class Variable, class Shape>
struct wrt_variable_bound_to_a_tensor;
}  // namespace leibniz::error

namespace leibniz::detail {

/// Where a tensor operand sits in the loop over the result: `same` when its shape
/// is the result's (use the flat index), else strides over the result's coordinates.
struct placement {
  bool same = true;
  std::size_t rank = 0;
  std::array<std::size_t, max_rank> stride{};

  constexpr void place(shape const& own, shape const& root) noexcept {
    same = own == root;
    rank = root.rank();
    if (same) return;
    std::size_t s = 1;
    for (std::size_t d = root.rank(); d-- > 0;) {
      stride[d] = 0;
      if (d + own.rank() >= root.rank()) {
        std::size_t const od = d + own.rank() - root.rank();
        if (own[od] != 1) stride[d] = s;
        s *= own[od];
      }
    }
  }
  /// The same for an operand whose element (i0, i1, ...) is at i0 * own_stride[0] + ...
  /// (another library's layout): `same` only where it is also row-major contiguous.
  constexpr void place(shape const& own, std::size_t const* own_stride, bool row_major,
                       shape const& root) noexcept {
    same = row_major && own == root;
    rank = root.rank();
    if (same) return;
    for (std::size_t d = root.rank(); d-- > 0;) {
      stride[d] = 0;
      if (d + own.rank() >= root.rank()) {
        std::size_t const od = d + own.rank() - root.rank();
        if (own[od] != 1) stride[d] = own_stride[od];
      }
    }
  }
  [[nodiscard]] constexpr std::size_t offset(std::size_t i, std::size_t const* idx) const noexcept {
    if (same) return i;
    std::size_t o = 0;
    for (std::size_t d = 0; d < rank; ++d) o += idx[d] * stride[d];
    return o;
  }
};

// Every tensor value V has: shape(); plan(root) -> V::plan_type, the placement of its
// leaves in a loop over a result of shape `root`; V::same(plan), whether every leaf
// is read at the loop's flat index; get<R>(i, idx, plan), the element at flat index i
// (row-major coordinates idx, used only when not `same`). Values stay immutable, so
// they work unchanged in constant evaluation.

struct no_plan {};

/// The plan of a leaf of shape `own` in a loop over `root`.
[[nodiscard]] constexpr placement leaf_plan(shape const& own, shape const& root) noexcept {
  placement p{};
  p.place(own, root);
  return p;
}

/// A view of a bound tensor's elements (not owning: bindings outlive the evaluation).
template <class T, class S>
struct dense_view {
  using plan_type = placement;
  T const* data;
  S extents;
  [[nodiscard]] constexpr S shape() const noexcept { return extents; }
  [[nodiscard]] constexpr placement plan(leibniz::shape const& root) const noexcept {
    return leaf_plan(to_shape(extents), root);
  }
  [[nodiscard]] static constexpr bool same(placement const& p) noexcept { return p.same; }
  template <class R>
  [[nodiscard]] constexpr R get(std::size_t i, std::size_t const* idx, placement const& p) const noexcept {
    return static_cast<R>(data[p.offset(i, idx)]);
  }
  template <class R>
  [[nodiscard]] constexpr R get_flat(std::size_t i) const noexcept {
    return static_cast<R>(data[i]);
  }
};

/// A view of a bound tensor of another library (leibniz::tensor_binding, e.g. an Eigen
/// matrix, column-major or a block with strides): element (i0, i1, ...) is
/// data[i0 * stride[0] + i1 * stride[1] + ...], read in place. Where its shape is the
/// loop's and it is row-major contiguous, its plan is `same` and it is read at the flat
/// index like a dense view (get_flat is called only then: never static-flat).
template <class T, class S>
struct strided_view {
  using plan_type = placement;
  T const* data;
  S extents;
  std::array<std::size_t, max_rank> stride{};  // in elements, per dimension

  [[nodiscard]] constexpr S shape() const noexcept { return extents; }
  [[nodiscard]] constexpr bool row_major() const noexcept {
    leibniz::shape const own = to_shape(extents);
    std::size_t expect = 1;
    for (std::size_t d = own.rank(); d-- > 0;) {
      if (own[d] != 1 && stride[d] != expect) return false;
      expect *= own[d];
    }
    return true;
  }
  [[nodiscard]] constexpr placement plan(leibniz::shape const& root) const noexcept {
    placement p{};
    p.place(to_shape(extents), stride.data(), row_major(), root);
    return p;
  }
  [[nodiscard]] static constexpr bool same(placement const& p) noexcept { return p.same; }
  template <class R>
  [[nodiscard]] constexpr R get(std::size_t i, std::size_t const* idx, placement const& p) const noexcept {
    return static_cast<R>(data[p.offset(i, idx)]);
  }
  template <class R>
  [[nodiscard]] constexpr R get_flat(std::size_t i) const noexcept {
    return static_cast<R>(data[i]);  // row-major contiguous, as plan() found
  }
};

/// A materialised value read as an operand: the part shared by both forms of `owned`.
template <class Tensor>
struct owned_value {
  using plan_type = placement;
  Tensor value;
  [[nodiscard]] constexpr auto const* data() const noexcept { return value.data(); }
  [[nodiscard]] constexpr auto shape() const noexcept {
    if constexpr (is_fixed_tensor_v<Tensor>)
      return typename Tensor::static_shape_type{};
    else
      return value.shape();
  }
  [[nodiscard]] constexpr placement plan(leibniz::shape const& root) const noexcept {
    return leaf_plan(to_shape(shape()), root);
  }
  [[nodiscard]] static constexpr bool same(placement const& p) noexcept { return p.same; }
  template <class R>
  [[nodiscard]] constexpr R get(std::size_t i, std::size_t const* idx, placement const& p) const noexcept {
    return static_cast<R>(value.data()[p.offset(i, idx)]);
  }
  template <class R>
  [[nodiscard]] constexpr R get_flat(std::size_t i) const noexcept {
    return static_cast<R>(value.data()[i]);
  }
};

/// A materialised intermediate result (a matrix product, a reduction), held by value.
template <class Tensor>
struct owned : owned_value<Tensor> {};

/// An owned lz::tensor: its buffer goes back to the thread's pool of lz::eval
/// temporaries (scratch_pool) when it is destroyed, unless it was moved out (as a result).
/// Move-only, so that a temporary is never copied by accident.
template <class R>
struct owned<tensor<R>> : owned_value<tensor<R>> {
  owned() = default;
  explicit owned(tensor<R>&& t) noexcept : owned_value<tensor<R>>{std::move(t)} {}
  owned(owned&&) noexcept = default;
  owned& operator=(owned&&) noexcept = default;
  owned(owned const&) = delete;
  owned& operator=(owned const&) = delete;
  ~owned();
};

/// Whether a value is a dense view, or an owned tensor, of elements of type R (row-major,
/// contiguous, read in place).
template <class R, class V>
inline constexpr bool is_view_of_v = false;
template <class R, class S>
inline constexpr bool is_view_of_v<R, dense_view<R, S>> = true;
template <class R, class V>
inline constexpr bool is_owned_of_v = false;
template <class R, std::size_t... N>
inline constexpr bool is_owned_of_v<R, owned<fixed_tensor<R, N...>>> = true;
template <class R>
inline constexpr bool is_owned_of_v<R, owned<tensor<R>>> = true;

/// A scalar broadcast to a shape (the cotangent of a reduction).
template <class R, class S>
struct filled {
  using plan_type = no_plan;
  R v;
  S extents;
  [[nodiscard]] constexpr S shape() const noexcept { return extents; }
  [[nodiscard]] constexpr no_plan plan(leibniz::shape const&) const noexcept { return {}; }
  [[nodiscard]] static constexpr bool same(no_plan) noexcept { return true; }
  template <class R2>
  [[nodiscard]] constexpr R2 get(std::size_t, std::size_t const*, no_plan) const noexcept {
    return static_cast<R2>(v);
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get_flat(std::size_t) const noexcept {
    return static_cast<R2>(v);
  }
};

/// One element `v` at flat position `k` of a shape, zero elsewhere.
template <class R, class S>
struct one_hot {
  using plan_type = placement;
  R v;
  std::size_t k;
  S extents;
  [[nodiscard]] constexpr S shape() const noexcept { return extents; }
  [[nodiscard]] constexpr placement plan(leibniz::shape const& root) const noexcept {
    return leaf_plan(to_shape(extents), root);
  }
  [[nodiscard]] static constexpr bool same(placement const& p) noexcept { return p.same; }
  template <class R2>
  [[nodiscard]] constexpr R2 get(std::size_t i, std::size_t const* idx, placement const& p) const noexcept {
    return p.offset(i, idx) == k ? static_cast<R2>(v) : R2(0);
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get_flat(std::size_t i) const noexcept {
    return i == k ? static_cast<R2>(v) : R2(0);
  }
};

/// The seed of one Jacobian sweep: 1 at flat position k of a shape, 0 elsewhere. Bound to
/// the seed variable, it is read as a one_hot value (environment.hpp, as_value).
template <class R, class S>
struct unit_seed {
  std::size_t k;
  S extents;
};

template <class X>
struct plan_of {
  using type = typename X::plan_type;
};
template <class X>
  requires std::is_arithmetic_v<X>
struct plan_of<X> {
  using type = no_plan;
};
template <class X>
using plan_t = typename plan_of<X>::type;

/// A lazy elementwise node: `op(operands...)` element by element.
template <class Op, class S, class... A>
struct ewise {
  using plan_type = std::tuple<plan_t<A>...>;
  Op op;
  S extents;
  std::tuple<A...> args;
  [[nodiscard]] constexpr S shape() const noexcept { return extents; }
  [[nodiscard]] constexpr plan_type plan(leibniz::shape const& root) const noexcept {
    return std::apply([&](auto const&... a) { return plan_type{plan_operand(a, root)...}; }, args);
  }
  [[nodiscard]] static constexpr bool same(plan_type const& p) noexcept {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return (operand_same<A>(std::get<I>(p)) && ...);
    }(std::index_sequence_for<A...>{});
  }
  template <class R>
  [[nodiscard]] constexpr R get(std::size_t i, std::size_t const* idx, plan_type const& p) const {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
      return static_cast<R>(op(get_operand<R>(std::get<I>(args), i, idx, std::get<I>(p))...));
    }(std::index_sequence_for<A...>{});
  }
  /// The element when every leaf is read at the flat index (the common case).
  template <class R>
  [[nodiscard]] constexpr R get_flat(std::size_t i) const {
    return std::apply([i, this](auto const&... a) { return static_cast<R>(op(flat_operand<R>(a, i)...)); },
                      args);
  }

 private:
  template <class X>
  static constexpr plan_t<X> plan_operand(X const& x, leibniz::shape const& root) noexcept {
    if constexpr (std::is_arithmetic_v<X>)
      return {};
    else
      return x.plan(root);
  }
  template <class X>
  static constexpr bool operand_same(plan_t<X> const& p) noexcept {
    if constexpr (std::is_arithmetic_v<X>)
      return true;
    else
      return X::same(p);
  }
  template <class R, class X>
  static constexpr R flat_operand(X const& x, std::size_t i) {
    if constexpr (std::is_arithmetic_v<X>)
      return static_cast<R>(x);
    else
      return x.template get_flat<R>(i);
  }
  template <class R, class X>
  static constexpr R get_operand(X const& x, std::size_t i, std::size_t const* idx, plan_t<X> const& p) {
    if constexpr (std::is_arithmetic_v<X>)
      return static_cast<R>(x);
    else
      return x.template get<R>(i, idx, p);
  }
};

/// Whether every element of value V (of static shape S) is read at the loop's flat
/// index, known from the types alone: then a loop needs no plan, no coordinates and no
/// shape comparisons at run time (fixed-size tensors evaluate as plain loops).
template <class V, class S>
inline constexpr bool is_static_flat_v = std::is_arithmetic_v<V>;
template <class T, class S>
inline constexpr bool is_static_flat_v<dense_view<T, S>, S> = is_static_shape_v<S>;
template <class R, std::size_t... N, class S>
inline constexpr bool is_static_flat_v<owned<fixed_tensor<R, N...>>, S> =
    std::is_same_v<static_shape<N...>, S>;
template <class R, class S2, class S>
inline constexpr bool is_static_flat_v<filled<R, S2>, S> = is_static_shape_v<S2>;
template <class R, class S>
inline constexpr bool is_static_flat_v<one_hot<R, S>, S> = is_static_shape_v<S>;
template <class Op, class S, class... A>
inline constexpr bool is_static_flat_v<ewise<Op, S, A...>, S> =
    is_static_shape_v<S> && (is_static_flat_v<A, S> && ...);

/// Visits the elements of a tensor value at flat positions [begin, end), in row-major
/// order: fn(i, value), with p = v.plan(s).
template <class R, class V, class P, class Fn>
constexpr void for_each_element_in(V const& v, shape const& s, P const& p, std::size_t begin, std::size_t end,
                                   Fn& fn) {
  if (begin >= end) return;
  if (V::same(p)) {
    for (std::size_t i = begin; i < end; ++i) fn(i, v.template get_flat<R>(i));
    return;
  }
  std::array<std::size_t, max_rank> idx{};
  for (std::size_t d = s.rank(), rest = begin; d-- > 0;) {  // the coordinates of begin
    idx[d] = rest % s[d];
    rest /= s[d];
  }
  for (std::size_t i = begin; i < end; ++i) {
    fn(i, v.template get<R>(i, idx.data(), p));
    for (std::size_t d = s.rank(); d-- > 0;) {  // next row-major coordinate
      if (++idx[d] < s[d]) break;
      idx[d] = 0;
    }
  }
}

/// Visits every element of a tensor value in row-major order: fn(i, value).
template <class R, class V, class Fn>
constexpr void for_each_element(V const& v, shape const& s, Fn fn) {
  using S = std::remove_cvref_t<decltype(v.shape())>;
  if constexpr (is_static_flat_v<V, S>) {
    // a loop of compile-time length over flat indices: no plan, no index arithmetic
    for (std::size_t i = 0; i < S::count; ++i) fn(i, v.template get_flat<R>(i));
    return;
  }
  auto const p = v.plan(s);
  for_each_element_in<R>(v, s, p, 0, s.numel(), fn);
}

/// The blocks of [0, n) for threads: blocks of `block` positions (the last one shorter),
/// the same whatever the number of threads, so that a sum over blocks, added in block
/// order, does not depend on it. With LEIBNIZ_CONFIG_OPENMP, `parallel_blocks` runs
/// body(begin, end, block_index) for each block on OpenMP's threads; it is called only
/// outside constant evaluation, for work of at least LEIBNIZ_CONFIG_PARALLEL_MIN.
[[nodiscard]] constexpr std::size_t block_count(std::size_t n, std::size_t block) noexcept {
  return (n + block - 1) / block;
}
inline constexpr std::size_t parallel_block = 8192;
template <class Body>
void parallel_blocks(std::size_t n, std::size_t block, Body const& body) {
  long long const blocks = static_cast<long long>(block_count(n, block));
#if LEIBNIZ_CONFIG_OPENMP
#pragma omp parallel for schedule(static)
#endif
  for (long long b = 0; b < blocks; ++b) {
    std::size_t const begin = static_cast<std::size_t>(b) * block;
    body(begin, begin + block < n ? begin + block : n, static_cast<std::size_t>(b));
  }
}
/// Whether work of this size is split between threads (never in constant evaluation;
/// tested under `if constexpr (parallel_enabled)`, so that nothing of it is instantiated
/// when OpenMP is off).
inline constexpr bool parallel_enabled = LEIBNIZ_CONFIG_OPENMP != 0;
[[nodiscard]] constexpr bool run_parallel(std::size_t work) noexcept {
  return !std::is_constant_evaluated() && work >= std::size_t{LEIBNIZ_CONFIG_PARALLEL_MIN};
}

/// How many rows of `row_work` operations each make a block of about parallel_block (at
/// least one row).
[[nodiscard]] constexpr std::size_t rows_per_block(std::size_t row_work) noexcept {
  return std::max<std::size_t>(1, parallel_block / std::max<std::size_t>(1, row_work));
}

/// Runs rows(i0, i1) over the rows [0, m) of a result, split between threads in blocks of
/// rows when the work (m rows of `row_work` operations) is large enough.
template <class Rows>
constexpr void for_row_blocks(std::size_t m, std::size_t row_work, Rows const& rows) {
  if constexpr (parallel_enabled) {
    if (run_parallel(m * row_work)) {
      parallel_blocks(m, rows_per_block(row_work), [&rows](std::size_t i0, std::size_t i1, std::size_t) { rows(i0, i1); });
      return;
    }
  }
  rows(0, m);
}

template <class V>
using operand_shape_t = decltype(std::declval<V const&>().shape());

/// The shape of an evaluation value.
template <class V>
[[nodiscard]] constexpr auto value_shape(V const& v) {
  if constexpr (std::is_arithmetic_v<V>)
    return static_shape<>{};
  else
    return v.shape();
}

/// A compile error whose first line names `Error` (an incomplete type such as
/// shapes_cannot_be_broadcast<static_shape<2>, static_shape<3>>). `auto` makes it
/// instantiated at once, so the error comes before any consequence of it.
template <class Error>
constexpr auto report_static_error() {
  static_assert(sizeof(Error) == 0, "leibniz: the compile-time shapes named above do not fit");
}

template <class SA, class SB>
[[nodiscard]] constexpr auto broadcast_shapes(std::string_view op, SA const& a, SB const& b);

/// Broadcast of two or three shapes, left to right.
template <class SA, class SB, class... SC>
[[nodiscard]] constexpr auto broadcast_all(std::string_view op, SA const& a, SB const& b, SC const&... c) {
  if constexpr (sizeof...(SC) == 0)
    return broadcast_shapes(op, a, b);
  else
    return broadcast_all(op, broadcast_shapes(op, a, b), c...);
}

/// Broadcast of two shapes: static when both are (a mismatch is a compile error).
template <class SA, class SB>
[[nodiscard]] constexpr auto broadcast_shapes(std::string_view op, SA const& a, SB const& b) {
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
    if constexpr (!try_broadcast(SA::value(), SB::value()).ok) {
      report_static_error<error::shapes_cannot_be_broadcast<SA, SB>>();
      return SA{};  // carry on with one of the shapes: no further errors
    } else {
      auto const fn = [] { return try_broadcast(SA::value(), SB::value()).value; };
      return static_shape_from_t<decltype(fn)>{};
    }
  } else {
    return broadcast(op, to_shape(a), to_shape(b));
  }
}

template <class S>
inline constexpr bool is_scalar_shape_v = std::is_same_v<S, static_shape<>>;

/// op(a...) elementwise: computed at once for scalars, lazy for tensors.
template <class Op, class... V>
[[nodiscard]] constexpr auto elementwise(std::string_view name, Op op, V... v) {
  if constexpr ((std::is_arithmetic_v<V> && ...)) {
    return op(v...);
  } else if constexpr (sizeof...(V) == 1) {
    auto const s = value_shape(v...);
    return ewise<Op, std::remove_cvref_t<decltype(s)>, V...>{op, s, {std::move(v)...}};
  } else {
    static_assert(sizeof...(V) <= 3);
    auto const s = broadcast_all(name, value_shape(v)...);
    return ewise<Op, std::remove_cvref_t<decltype(s)>, V...>{op, s, {std::move(v)...}};
  }
}

/// The element buffer of an lz::tensor, taken out of it (the tensor is left empty).
struct tensor_storage {
  template <class T>
  static std::vector<T> release(tensor<T>& t) noexcept {
    t.shape_ = shape{0};
    return std::move(t.data_);
  }
};

/// Freed buffers of lz::eval's temporaries, kept for the next use on the same thread:
/// every temporary of an lz::tensor evaluation (a product, a reduction, a shared value of
/// the table of common subexpressions) takes its buffer here (container::scratch,
/// materialize_into) and gives it back when it dies (owned<tensor<R>>'s destructor; the
/// table's slots are owned too), so that the evaluations after a thread's first allocate only their
/// results. Without it a large temporary is a fresh allocation each time, which the C
/// library may map and unmap every time (a page fault per 4 KiB: an 8 MB temporary made a
/// 10^6-element gradient 2.6 times slower). At most `size` buffers per thread and element
/// type; a full pool drops the smallest (with 8, the MLP gradient W8 still allocated two
/// of its temporaries on every call).
template <class R>
struct scratch_pool {
  static constexpr std::size_t size = 16;
  std::array<std::vector<R>, size> free{};

  /// A buffer of n elements (their values unspecified), reused when one is large enough.
  std::vector<R> take(std::size_t n) {
    std::size_t best = size;
    for (std::size_t i = 0; i < size; ++i)
      if (free[i].capacity() >= n && (best == size || free[i].capacity() < free[best].capacity())) best = i;
    if (best == size) return std::vector<R>(n);
    std::vector<R> v = std::move(free[best]);
    free[best] = std::vector<R>{};
    v.resize(n);
    return v;
  }
  void give(std::vector<R>&& v) noexcept {
    if (v.capacity() == 0) return;
    std::size_t smallest = 0;
    for (std::size_t i = 0; i < size; ++i) {
      if (free[i].capacity() == 0) {
        smallest = i;
        break;
      }
      if (free[i].capacity() < free[smallest].capacity()) smallest = i;
    }
    if (free[smallest].capacity() < v.capacity()) free[smallest] = std::move(v);
  }
};
template <class R>
scratch_pool<R>& thread_scratch() {
  thread_local scratch_pool<R> pool;
  return pool;
}

template <class R>
owned<tensor<R>>::~owned() {
  thread_scratch<R>().give(tensor_storage::release(this->value));
}

/// The container for a result of shape S with elements R: fixed_tensor or tensor.
template <class R, class S>
struct container;
template <class R, std::size_t... N>
struct container<R, static_shape<N...>> {
  using type = fixed_tensor<R, N...>;
  static constexpr type make(static_shape<N...>) { return type{}; }
  static constexpr type scratch(static_shape<N...>) { return type{}; }
};
template <class R>
struct container<R, shape> {
  using type = tensor<R>;
  static type make(shape const& s) { return tensor<R>(s, R(0)); }
  /// A zeroed temporary in a buffer of the thread's pool (given back by owned's destructor).
  static type scratch(shape const& s) {
    std::vector<R> buffer = thread_scratch<R>().take(s.numel());
    std::fill(buffer.begin(), buffer.end(), R(0));
    return tensor<R>(s, std::move(buffer));
  }
};
template <class R>
struct container<R, static_shape<>> {
  using type = R;
};

/// An owned result of shape so whose elements the caller writes, built where it is returned:
/// a fixed_tensor not zeroed first, or an lz::tensor in a buffer of the thread's pool. Its
/// values are unspecified until written.
template <class R, class SO>
[[nodiscard]] constexpr auto owned_storage(SO const& so) {
  using C = typename container<R, SO>::type;
  if constexpr (is_static_shape_v<SO>)
    return owned<C>{{C{uninitialized}}};
  else
    return owned<C>{C(so, thread_scratch<R>().take(so.numel()))};
}

/// Calls write(i, x) for every element x (flat index i) of a tensor value of shape s, on
/// OpenMP's threads for a large value when they are enabled (each block its own elements).
template <class R, class V, class Write>
constexpr void write_elements(V const& v, shape const& s, Write write) {
  if constexpr (parallel_enabled && !is_static_flat_v<V, std::remove_cvref_t<decltype(v.shape())>>) {
    if (run_parallel(s.numel())) {
      auto const p = v.plan(s);
      parallel_blocks(s.numel(), parallel_block, [&](std::size_t begin, std::size_t end, std::size_t) {
        auto w = write;
        for_each_element_in<R>(v, s, p, begin, end, w);
      });
      return;
    }
  }
  for_each_element<R>(v, s, write);
}

/// Whether Op computes n contiguous elements at once (Op::apply_n: a vectorised kernel,
/// as functions.hpp's tanh_t has), and V is Op applied to one tensor operand.
template <class Op, class R>
concept bulk_op = requires(R const* in, R* out, std::size_t n) { Op::apply_n(in, out, n); };
template <class R, class V>
inline constexpr bool is_bulk_unary_v = false;
template <class R, class Op, class S, class A>
  requires(bulk_op<Op, R> && !std::is_arithmetic_v<A>)
inline constexpr bool is_bulk_unary_v<R, ewise<Op, S, A>> = true;

template <class R, class V, class Out>
constexpr void fill(V const& v, Out& out, shape const& s);

/// fill for Op(a) where Op has a kernel for n elements (is_bulk_unary_v): the operand is read
/// in place if it is a dense view or an owned tensor, else written into `out` first; then the kernel runs over
/// the array (in blocks on OpenMP's threads for a large value, when they are enabled).
template <class R, class V, class Out>
void fill_bulk(V const& v, Out& out, shape const& s) {
  auto const& a = std::get<0>(v.args);  // of the loop's shape: an elementwise operand
  using A = std::remove_cvref_t<decltype(a)>;
  R* const o = out.data();
  R const* in = o;
  if constexpr (is_view_of_v<R, A>)
    in = a.data;
  else if constexpr (is_owned_of_v<R, A>)
    in = a.data();
  else
    fill<R>(a, out, s);
  std::size_t const n = s.numel();
  if constexpr (parallel_enabled) {
    if (run_parallel(n)) {
      parallel_blocks(n, parallel_block, [&](std::size_t begin, std::size_t end, std::size_t) {
        decltype(v.op)::apply_n(in + begin, o + begin, end - begin);
      });
      return;
    }
  }
  decltype(v.op)::apply_n(in, o, n);
}

/// Writes every element of a tensor operand into `out` (whose shape is the operand's).
template <class R, class V, class Out>
constexpr void fill(V const& v, Out& out, shape const& s) {
  if constexpr (is_bulk_unary_v<R, V>) {
    if (!std::is_constant_evaluated()) {
      fill_bulk<R>(v, out, s);
      return;
    }
  }
  R* const o = out.data();
  write_elements<R>(v, s, [o](std::size_t i, R x) { o[i] = x; });
}

/// A tensor value of static shape S as a fixed_tensor, built in the caller's result
/// (one return of one variable, so that the result is not copied) and not zeroed first,
/// since the loop writes every element. (The element array is declared here, not
/// returned from a constexpr function: g++ folds such a call into a zero-filled constant.)
template <class R, class V>
[[nodiscard]] constexpr auto materialize_fixed(V const& v) {
  using S = operand_shape_t<V>;
  typename container<R, S>::type out{uninitialized};
  fill<R>(v, out, to_shape(S{}));
  return out;
}

/// A value as a fixed_tensor, a tensor or a scalar: the one loop over the result.
template <class R, class V>
[[nodiscard]] constexpr auto materialize(V const& v) {
  if constexpr (std::is_arithmetic_v<V>) {
    return static_cast<R>(v);
  } else {
    using S = operand_shape_t<V>;
    if constexpr (is_scalar_shape_v<S>) {
      return v.template get<R>(0, nullptr, v.plan(shape{}));
    } else {
      S const s = v.shape();
      if constexpr (is_static_shape_v<S>) {
        return materialize_fixed<R>(v);
      } else {
        auto out = container<R, S>::make(s);
        fill<R>(v, out, to_shape(s));
        return out;
      }
    }
  }
}

/// An owned lz::tensor as the result: its buffer moved out, not copied.
template <class R>
[[nodiscard]] tensor<R> materialize(owned<tensor<R>>&& v) noexcept {
  return std::move(v.value);
}

/// A tensor value of run-time shape as an lz::tensor in the given buffer (of its size).
template <class R, class V>
[[nodiscard]] tensor<R> materialize_into(V const& v, std::vector<R>&& buffer) {
  shape const s = to_shape(v.shape());
  tensor<R> out(s, std::move(buffer));
  fill<R>(v, out, s);
  return out;
}

/// Sum of all elements.
template <class R, class V>
[[nodiscard]] constexpr R reduce_sum(V const& v) {
  if constexpr (std::is_arithmetic_v<V>) {
    return static_cast<R>(v);
  } else {
    shape const s = to_shape(v.shape());
    if constexpr (parallel_enabled && !is_static_flat_v<V, std::remove_cvref_t<decltype(v.shape())>>) {
      if (run_parallel(s.numel())) {  // a sum per block, then the blocks' sums in order
        auto const p = v.plan(s);
        std::vector<R> part(block_count(s.numel(), parallel_block));
        parallel_blocks(s.numel(), parallel_block, [&](std::size_t begin, std::size_t end, std::size_t b) {
          R a = 0;
          auto add = [&a](std::size_t, R x) { a += x; };
          for_each_element_in<R>(v, s, p, begin, end, add);
          part[b] = a;
        });
        R acc = 0;
        for (R x : part) acc += x;
        return acc;
      }
    }
    R acc = 0;
    for_each_element<R>(v, s, [&acc](std::size_t, R x) { acc += x; });
    return acc;
  }
}

/// The largest (Max) or smallest element of a value; NaN if any element is NaN (as
/// torch.max and torch.min); an empty tensor is a shape_error.
template <class R, bool Max, class V>
[[nodiscard]] constexpr R reduce_extreme(V const& v) {
  if constexpr (std::is_arithmetic_v<V>) {
    return static_cast<R>(v);
  } else {
    shape const s = to_shape(v.shape());
    if (s.numel() == 0)
      throw shape_error(std::string("leibniz: ") + (Max ? "max" : "min") + " of an empty tensor, shape " +
                        s.to_string());
    bool first = true;
    R acc{};
    for_each_element<R>(v, s, [&](std::size_t, R x) {
      if (first || (acc == acc && (x != x || (Max ? x > acc : x < acc)))) acc = x;
      first = false;
    });
    return acc;
  }
}

template <class V>
[[nodiscard]] constexpr std::size_t numel_of(V const& v) {
  return to_shape(value_shape(v)).numel();
}

/// A tensor value of run-time shape as an owned lz::tensor: moved when it is one already (a
/// product's result), else computed into a buffer of the thread's pool (a buffer of an
/// earlier eval if there is one).
template <class R, class V>
[[nodiscard]] owned<tensor<R>> owned_tensor(V&& v) {
  if constexpr (std::is_same_v<V, owned<tensor<R>>>)
    return std::move(v);
  else
    return owned<tensor<R>>{materialize_into<R>(v, thread_scratch<R>().take(numel_of(v)))};
}

/// The element at a multi-index (bounds-checked) of any value.
template <class R, class V>
[[nodiscard]] constexpr R element_at(V const& v, long long const* index, std::size_t count) {
  shape const s = to_shape(value_shape(v));
  if (count != s.rank())
    throw shape_error("leibniz: element access: " + std::to_string(count) +
                      " indices for a tensor of shape " + s.to_string());
  std::size_t flat = 0;
  std::array<std::size_t, max_rank> idx{};
  for (std::size_t d = 0; d < count; ++d) {
    if (index[d] < 0 || static_cast<std::size_t>(index[d]) >= s[d])
      throw std::out_of_range("leibniz: element access: index " + std::to_string(index[d]) +
                              " is out of range for dimension " + std::to_string(d) +
                              " of shape " + s.to_string());
    idx[d] = static_cast<std::size_t>(index[d]);
    flat = flat * s[d] + idx[d];
  }
  if constexpr (std::is_arithmetic_v<V>) {
    return static_cast<R>(v);
  } else {
    return v.template get<R>(flat, idx.data(), v.plan(s));
  }
}


// ---------------------------------------------------------------------------
// Shapes of the non-elementwise operations, static when their operands' are.

/// Applies a constexpr shape function to shapes: static result from static inputs.
template <class F, class... S>
[[nodiscard]] constexpr auto lift_shape(S const&... s) {
  if constexpr ((is_static_shape_v<S> && ...)) {
    auto const fn = [] { return F{}(S::value()...); };
    return static_shape_from_t<decltype(fn)>{};
  } else
    return F{}(to_shape(s)...);
}

/// The batch dimensions of a matmul operand: all but its last two (none for rank <= 2).
[[nodiscard]] constexpr shape batch_dims(shape const& s) noexcept {
  shape out;
  for (std::size_t d = 0; d + 2 < s.rank(); ++d) out.push_back(s[d]);
  return out;
}

/// Whether matmul(a, b) is batched: an operand of rank 3 or more (torch.matmul).
[[nodiscard]] constexpr bool is_batched_matmul(shape const& a, shape const& b) noexcept {
  return a.rank() > 2 || b.rank() > 2;
}

[[nodiscard]] constexpr bool is_matrix_product_ok(std::string_view op, shape const& a, shape const& b) {
  if (op == "mm") return a.rank() == 2 && b.rank() == 2 && a[1] == b[0];
  if (op == "dot") return a.rank() == 1 && b.rank() == 1 && a[0] == b[0];
  if (op == "outer") return a.rank() == 1 && b.rank() == 1;
  // matmul: torch.matmul's rules; a 1-D a is a row (1, n), a 1-D b a column (n, 1), the
  // dimensions before the last two are batch dimensions, broadcast against each other
  if (a.rank() < 1 || b.rank() < 1) return false;
  if (a[a.rank() - 1] != b[b.rank() == 1 ? 0 : b.rank() - 2]) return false;
  return !is_batched_matmul(a, b) || try_broadcast(batch_dims(a), batch_dims(b)).ok;
}

[[nodiscard]] inline std::string matrix_product_message(std::string_view op, shape const& a,
                                                        shape const& b) {
  std::string what = op == "mm"    ? " (mm needs 2-D operands whose inner dimensions agree)"
                     : op == "dot" ? " (dot needs two 1-D operands of equal length)"
                     : op == "outer" ? " (outer needs two 1-D operands)"
                                     : " (matmul needs operands of rank 1 or more whose inner dimensions agree "
                                       "and whose batch dimensions broadcast)";
  return shapes_text(op, a, b) + " do not fit" + what;
}

/// Result shape of mm, matmul, dot and outer (torch's rules): matmul's is the broadcast
/// batch dimensions, then a's rows unless a is 1-D, then b's columns unless b is 1-D.
[[nodiscard]] constexpr shape matrix_product_shape(std::string_view op, shape const& a, shape const& b) {
  if (!is_matrix_product_ok(op, a, b)) throw shape_error(matrix_product_message(op, a, b));
  if (op == "dot") return shape{};
  if (op == "outer") return shape{a[0], b[0]};
  shape out;  // the broadcast batch dimensions, if any
  if (is_batched_matmul(a, b)) out = try_broadcast(batch_dims(a), batch_dims(b)).value;
  if (a.rank() >= 2) out.push_back(a[a.rank() - 2]);
  if (b.rank() >= 2) out.push_back(b[b.rank() - 1]);
  return out;
}

template <class Op>
struct product_shape_fn {
  constexpr shape operator()(shape const& a, shape const& b) const {
    return matrix_product_shape(Op::name, a, b);
  }
};

/// A static-shape product whose shapes do not fit is a compile error naming them.
template <class Op, class SA, class SB>
constexpr auto check_static_product() {
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
    if constexpr (!is_matrix_product_ok(Op::name, SA::value(), SB::value()))
      report_static_error<error::product_shapes_do_not_fit<Op, SA, SB>>();
  } else if constexpr (is_scalar_shape_v<SA> || is_scalar_shape_v<SB>) {  // a number: every product needs rank >= 1
    report_static_error<error::product_shapes_do_not_fit<Op, SA, SB>>();
  }
}

template <class X>
[[nodiscard]] constexpr auto const* element_pointer(X const& x);


/// Row-major elements read in place.
template <class R>
struct borrowed {
  R const* p;
  [[nodiscard]] constexpr R const* data() const noexcept { return p; }
};

template <class R, class V>
inline constexpr bool is_strided_of_v = false;
template <class R, class S>
inline constexpr bool is_strided_of_v<R, strided_view<R, S>> = true;

/// The elements of a strided view in row-major order: in place when its layout is
/// row-major contiguous (known at run time), else a row-major copy.
template <class R, class M>
struct view_or_copy {
  R const* p = nullptr;
  std::optional<M> copy;
  [[nodiscard]] constexpr R const* data() const noexcept { return p ? p : element_pointer(*copy); }
};

/// The elements of a value in row-major order: read in place when the value is a
/// bound tensor or an owned result of element type R (or a row-major strided view),
/// materialised otherwise.
template <class R, class V>
[[nodiscard]] constexpr auto contiguous(V const& v) {
  if constexpr (is_view_of_v<R, V>) {
    return borrowed<R>{v.data};
  } else if constexpr (is_owned_of_v<R, V>) {
    return borrowed<R>{v.value.data()};
  } else if constexpr (is_strided_of_v<R, V>) {
    using M = decltype(materialize<R>(v));
    if (v.row_major()) return view_or_copy<R, M>{v.data, std::nullopt};
    return view_or_copy<R, M>{nullptr, materialize<R>(v)};
  } else if constexpr (is_static_shape_v<operand_shape_t<V>>) {
    return materialize<R>(v);
  } else {  // a temporary in a buffer of the thread's pool, given back after the product
    return owned_tensor<R>(v);
  }
}

template <class Op, class SA, class SB>
constexpr bool static_product_ok() {
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>)
    return is_matrix_product_ok(Op::name, SA::value(), SB::value());
  else
    return !is_scalar_shape_v<SA> && !is_scalar_shape_v<SB>;
}

struct transpose_shape_fn {
  constexpr shape operator()(shape const& a) const {
    if (a.rank() != 2)
      throw shape_error("leibniz: transpose: needs a 2-D operand, got shape " + a.to_string());
    return shape{a[1], a[0]};
  }
};

/// A 2-D value read as its transpose, in place: the operand form of transpose(x) in a
/// matrix product (every vjp of a matrix product multiplies by a transpose), so that
/// the transpose is never materialised. Refers to `base`, which must outlive it.
template <class V>
struct transposed {
  V const& base;
  [[nodiscard]] constexpr auto shape() const {
    using S = std::remove_cvref_t<decltype(value_shape(base))>;
    if constexpr (is_static_shape_v<S>)
      static_assert(S::rank == 2, "leibniz::transpose(e): e must be a 2-D tensor");
    return lift_shape<transpose_shape_fn>(value_shape(base));
  }
};

template <class V>
inline constexpr bool is_transposed_v = false;
template <class V>
inline constexpr bool is_transposed_v<transposed<V>> = true;

/// The row-major elements of a product operand (of the transposed value's base).
template <class R, class V>
[[nodiscard]] constexpr auto operand_elements(V const& v) {
  if constexpr (is_transposed_v<V>)
    return contiguous<R>(v.base);
  else
    return contiguous<R>(v);
}

/// sum_k a_k b_k over k < n, with four partial sums so that the compiler vectorises it
/// without -ffast-math (the row dots of the matrix products).
template <class R>
[[nodiscard]] constexpr R dot4(R const* a, R const* b, std::size_t n) noexcept {
  std::size_t const n4 = n - n % 4;
  R s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (std::size_t k = 0; k < n4; k += 4) {
    s0 += a[k] * b[k];
    s1 += a[k + 1] * b[k + 1];
    s2 += a[k + 2] * b[k + 2];
    s3 += a[k + 3] * b[k + 3];
  }
  for (std::size_t k = n4; k < n; ++k) s0 += a[k] * b[k];
  return (s0 + s1) + (s2 + s3);
}

/// dot4(a, b0, n) and dot4(a, b1, n) in one pass, bit for bit: each load of a serves both
/// rows, and the four pairs of partial sums are independent chains. Written with the
/// compilers' vector types for double (g++ 12 vectorised the scalar form of the eight sums
/// badly, with scalar adds: 2.5 times slower than two dot4s); two dot4s otherwise.
template <class R>
constexpr void dot4_pair(R const* a, R const* b0, R const* b1, std::size_t n, R& r0, R& r1) noexcept {
  if constexpr (std::is_same_v<R, double>) {
    if (!std::is_constant_evaluated()) {
      using pair = double __attribute__((vector_size(16)));  // (s0, s1), (s2, s3) of dot4
      std::size_t const n4 = n - n % 4;
      pair s01{0, 0}, s23{0, 0}, t01{0, 0}, t23{0, 0};
      for (std::size_t k = 0; k < n4; k += 4) {
        pair a01, a23, x01, x23, y01, y23;
        std::memcpy(&a01, a + k, sizeof(pair));
        std::memcpy(&a23, a + k + 2, sizeof(pair));
        std::memcpy(&x01, b0 + k, sizeof(pair));
        std::memcpy(&x23, b0 + k + 2, sizeof(pair));
        std::memcpy(&y01, b1 + k, sizeof(pair));
        std::memcpy(&y23, b1 + k + 2, sizeof(pair));
        s01 += a01 * x01;
        s23 += a23 * x23;
        t01 += a01 * y01;
        t23 += a23 * y23;
      }
      double s0 = s01[0], t0 = t01[0];
      for (std::size_t k = n4; k < n; ++k) {
        s0 += a[k] * b0[k];
        t0 += a[k] * b1[k];
      }
      r0 = (s0 + s01[1]) + (s23[0] + s23[1]);
      r1 = (t0 + t01[1]) + (t23[0] + t23[1]);
      return;
    }
  }
  r0 = dot4(a, b0, n);
  r1 = dot4(a, b1, n);
}

/// out = a b for a vector b (n elements) and an m x n matrix a, or a = transpose(c) read in
/// place (c of shape n x m, TransposedA). Plain a: one dot4 per row. Transposed a: the
/// rows of c scaled by b's elements and added up (out += b_k c_k), read along c's rows,
/// never across them.
template <class R, bool TransposedA>
constexpr void matrix_vector(R const* pa, R const* pb, R* po, std::size_t m, std::size_t n) {
  if constexpr (TransposedA) {
    // out_i = sum_k b_k c_ki over the rows k of c, from first to last
    // Four rows per pass over out, each element updated in a register in row order (the
    // same additions as one row at a time, bit for bit): with one row per pass, a short
    // out (W7's 10 elements) was stored and loaded again for every row of c.
    auto axpys = [=](std::size_t k0, std::size_t k1, R* out) {
      for (std::size_t i = 0; i < m; ++i) out[i] = 0;
      std::size_t k = k0;
      for (; k + 4 <= k1; k += 4) {
        R const b0 = pb[k], b1 = pb[k + 1], b2 = pb[k + 2], b3 = pb[k + 3];
        R const* const c0 = pa + k * m;
        R const* const c1 = c0 + m;
        R const* const c2 = c1 + m;
        R const* const c3 = c2 + m;
        for (std::size_t i = 0; i < m; ++i) {
          R o = out[i];
          o += b0 * c0[i];
          o += b1 * c1[i];
          o += b2 * c2[i];
          o += b3 * c3[i];
          out[i] = o;
        }
      }
      for (; k < k1; ++k) {
        R const bk = pb[k];
        R const* const crow = pa + k * m;
        for (std::size_t i = 0; i < m; ++i) out[i] += bk * crow[i];
      }
    };
    if constexpr (parallel_enabled) {
      if (run_parallel(m * n)) {
        // threads take blocks of rows of c, each summed into a vector of its own; the
        // blocks' vectors are then added in block order (the same whatever the threads).
        // Splitting the output instead would make each thread read all of c across its rows.
        std::size_t const rows = rows_per_block(m);
        std::vector<R> part(block_count(n, rows) * m);
        parallel_blocks(n, rows, [&](std::size_t k0, std::size_t k1, std::size_t b) { axpys(k0, k1, part.data() + b * m); });
        for (std::size_t i = 0; i < m; ++i) po[i] = 0;
        for (std::size_t b = 0; b < block_count(n, rows); ++b)
          for (std::size_t i = 0; i < m; ++i) po[i] += part[b * m + i];
        return;
      }
    }
    axpys(0, n, po);
  } else {
    for_row_blocks(m, n, [=](std::size_t i0, std::size_t i1) {
      for (std::size_t i = i0; i < i1; ++i) po[i] = dot4(pa + i * n, pb, n);
    });
  }
}

/// po[i o_i + j] += sum_k A(i, k) B(k, j) for i < m, k < n, j < p, where A(i, k) is
/// pa[i a_i + k a_k] and B(k, j) is pb[k b_k + j b_j]: a product of strided matrices added
/// into a row-major block (the batched matmul and its cotangents). The i-k-j order reads B
/// and the result along their rows when b_j is 1.
template <class R>
constexpr void add_product(R const* pa, std::size_t a_i, std::size_t a_k, R const* pb, std::size_t b_k,
                           std::size_t b_j, R* po, std::size_t o_i, std::size_t m, std::size_t n,
                           std::size_t p) noexcept {
  for (std::size_t i = 0; i < m; ++i) {
    R* const row = po + i * o_i;
    for (std::size_t k = 0; k < n; ++k) {
      R const aik = pa[i * a_i + k * a_k];
      R const* const brow = pb + k * b_k;
      for (std::size_t j = 0; j < p; ++j) row[j] += aik * brow[j * b_j];
    }
  }
}

/// The layout of a batched matmul(a, b), torch.matmul with an operand of rank 3 or more:
/// the broadcast batch dimensions, the matrices m x n and n x p (m is 1 for a 1-D a, p is
/// 1 for a 1-D b), and how far each operand's matrix moves along each batch dimension (0
/// where the operand is broadcast). The shapes have been checked.
struct batched_layout {
  shape batch;
  std::size_t m, n, p;
  std::array<std::size_t, max_rank> step_a{}, step_b{};

  constexpr batched_layout(shape const& a, shape const& b)
      : batch(try_broadcast(batch_dims(a), batch_dims(b)).value),
        m(a.rank() >= 2 ? a[a.rank() - 2] : 1),
        n(a[a.rank() - 1]),
        p(b.rank() >= 2 ? b[b.rank() - 1] : 1) {
    set_steps(step_a, a, m * n);
    set_steps(step_b, b, n * p);
  }

  /// Calls f(t, a's offset, b's offset) for the batch entries t in row-major order, with
  /// the offsets of the matrices of a and b that entry t reads.
  template <class F>
  constexpr void for_each(F const& f) const {
    std::array<std::size_t, max_rank> idx{};
    std::size_t oa = 0, ob = 0;
    std::size_t const count = batch.numel();
    for (std::size_t t = 0; t < count; ++t) {
      f(t, oa, ob);
      for (std::size_t d = batch.rank(); d-- > 0;) {
        oa += step_a[d];
        ob += step_b[d];
        if (++idx[d] < batch[d]) break;
        oa -= step_a[d] * batch[d];
        ob -= step_b[d] * batch[d];
        idx[d] = 0;
      }
    }
  }

 private:
  constexpr void set_steps(std::array<std::size_t, max_rank>& step, shape const& s, std::size_t matrix) const {
    shape const own = batch_dims(s);  // aligned with the last dimensions of `batch`
    std::size_t stride = matrix;
    for (std::size_t d = own.rank(); d-- > 0;) {
      step[d + batch.rank() - own.rank()] = own[d] == 1 ? 0 : stride;
      stride *= own[d];
    }
  }
};

template <class V>
inline constexpr bool is_one_hot_v = false;
template <class R, class S>
inline constexpr bool is_one_hot_v<one_hot<R, S>> = true;

/// mm, matmul or dot with a one-hot operand (a Jacobian sweep's seed, or the cotangent of
/// an element access) written into po, every element: one row of the other operand (one
/// column, when the one-hot operand is on the right) scaled by the one value, zeros
/// elsewhere, instead of a full product. The other operand may be transposed<V>, read in
/// place. The shapes have been checked by the caller.
template <class R, class A, class B>
constexpr void write_one_hot_product(A const& a, B const& b, shape const& sa, shape const& sb, R* po) {
  std::size_t const m = sa.rank() == 2 ? sa[0] : 1;
  std::size_t const n = sa[sa.rank() - 1];
  std::size_t const p = sb.rank() == 2 ? sb[1] : 1;
  // zeroed only where the row (column) below leaves elements unwritten
  if ((is_one_hot_v<A> && m > 1) || (is_one_hot_v<B> && p > 1)) std::fill(po, po + m * p, R(0));
  if constexpr (is_one_hot_v<A>) {  // out[i0, :] = v * b[k0, :]
    std::size_t const i0 = a.k / n, k0 = a.k % n;
    auto const db = operand_elements<R>(b);
    R const* const pb = element_pointer(db);
    std::size_t const b_k = is_transposed_v<B> ? 1 : p, b_j = is_transposed_v<B> ? n : 1;
    R const v = static_cast<R>(a.v);
    for (std::size_t j = 0; j < p; ++j) po[i0 * p + j] = v * pb[k0 * b_k + j * b_j];
  } else {  // out[:, j0] = a[:, k0] * v
    std::size_t const k0 = b.k / p, j0 = b.k % p;
    auto const da = operand_elements<R>(a);
    R const* const pa = element_pointer(da);
    std::size_t const a_i = is_transposed_v<A> ? 1 : n, a_k = is_transposed_v<A> ? m : 1;
    R const v = static_cast<R>(b.v);
    for (std::size_t i = 0; i < m; ++i) po[i * p + j0] = pa[i * a_i + k0 * a_k] * v;
  }
}

/// f(pa, pb) with the row-major elements of two product operands (of the transposed values'
/// bases), a's resolved first.
template <class R, class A, class B, class F>
constexpr decltype(auto) with_product_elements(A const& a, B const& b, F&& f) {
  auto const da = operand_elements<R>(a);
  auto const db = operand_elements<R>(b);
  return f(element_pointer(da), element_pointer(db));
}

template <class R, class Op, class A, class B, class SO>
[[nodiscard]] constexpr auto owned_product(A const& a, B const& b, shape const& sa, shape const& sb, SO const& so);
template <class R, class Op, class A, class B>
constexpr void write_matrix_product(A const& a, B const& b, shape const& sa, shape const& sb, R* po, bool zeroed);
template <class R, class Op, bool TA, bool TB, class SO>
[[nodiscard]] constexpr auto owned_product_of(R const* pa, R const* pb, shape const& sa, shape const& sb, SO const& so);
template <class R, class Op, bool TA, bool TB>
constexpr void write_product_elements(R const* pa, R const* pb, shape const& sa, shape const& sb, R* po, bool zeroed);

/// mm, matmul, dot and outer of two values, as owned results (or a scalar for dot).
/// Either operand may be `transposed<V>` (2-D): it is read in place with swapped strides.
template <class R, class Op, class A, class B>
[[nodiscard]] constexpr auto matrix_product(A const& a, B const& b) {
  using SA = std::remove_cvref_t<decltype(value_shape(a))>;
  using SB = std::remove_cvref_t<decltype(value_shape(b))>;
  check_static_product<Op, SA, SB>();
  if constexpr (!static_product_ok<Op, SA, SB>()) {
    // the result type the product would have, so that nothing else fails
    if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
      if constexpr (SA::rank == 2 && SB::rank == 2)
        return owned<fixed_tensor<R, SA::value()[0], SB::value()[1]>>{};
      else
        return R(0);
    } else {
      return R(0);
    }
  } else {
    shape const sa = to_shape(value_shape(a)), sb = to_shape(value_shape(b));
    auto const so = lift_shape<product_shape_fn<Op>>(value_shape(a), value_shape(b));
    if constexpr (is_scalar_shape_v<std::remove_cvref_t<decltype(so)>>) {
      R acc = 0;
      if constexpr ((is_one_hot_v<A> || is_one_hot_v<B>) && Op::name != "outer") {
        write_one_hot_product<R>(a, b, sa, sb, &acc);
      } else {
        with_product_elements<R>(a, b, [&](R const* pa, R const* pb) {
          for (std::size_t k = 0; k < sa[0]; ++k) acc += pa[k] * pb[k];
        });
      }
      return acc;
    } else {
      return owned_product<R, Op>(a, b, sa, sb, so);
    }
  }
}

/// The storage of a product's owned result: a fixed one is not zeroed first, since every
/// element is written. An lz::tensor one is (product_storage_zeroed), although it need not
/// be: without the zero fill of its buffer of the thread's pool, W7 1000 x 100 took 40-41
/// us instead of 31 (two runs; not understood).
template <class SO>
inline constexpr bool product_storage_zeroed = !is_static_shape_v<SO>;
template <class R, class SO>
[[nodiscard]] constexpr auto product_storage(SO const& so) {
  if constexpr (product_storage_zeroed<SO>)
    return owned<tensor<R>>{container<R, SO>::scratch(so)};
  else
    return owned_storage<R>(so);
}

/// A product's owned result, built where it is returned (one return of one variable). The
/// operands' elements are resolved before the result's buffer is taken from the thread's
/// pool: in the other order the buffers of W8's products changed places and its gradient
/// took 306 us instead of 231.
template <class R, class Op, class A, class B, class SO>
[[nodiscard]] constexpr auto owned_product(A const& a, B const& b, shape const& sa, shape const& sb, SO const& so) {
  if constexpr ((is_one_hot_v<A> || is_one_hot_v<B>) && Op::name != "outer") {
    auto out = product_storage<R>(so);
    write_matrix_product<R, Op>(a, b, sa, sb, out.value.data(), product_storage_zeroed<SO>);
    return out;
  } else {
    return with_product_elements<R>(a, b, [&](R const* pa, R const* pb) {
      return owned_product_of<R, Op, is_transposed_v<A>, is_transposed_v<B>>(pa, pb, sa, sb, so);
    });
  }
}
template <class R, class Op, bool TA, bool TB, class SO>
[[nodiscard]] constexpr auto owned_product_of(R const* pa, R const* pb, shape const& sa, shape const& sb, SO const& so) {
  auto out = product_storage<R>(so);
  write_product_elements<R, Op, TA, TB>(pa, pb, sa, sb, out.value.data(), product_storage_zeroed<SO>);
  return out;
}

/// mm, matmul or outer of a and b (shapes sa and sb, checked; a result of rank 1 or more)
/// written into po, every element; `zeroed` when po's elements are 0 already. Either
/// operand may be `transposed<V>` (2-D), read in place with swapped strides.
template <class R, class Op, class A, class B>
constexpr void write_matrix_product(A const& a, B const& b, shape const& sa, shape const& sb, R* po, bool zeroed) {
  if constexpr ((is_one_hot_v<A> || is_one_hot_v<B>) && Op::name != "outer") {
    if (!is_batched_matmul(sa, sb)) return write_one_hot_product<R>(a, b, sa, sb, po);
  }
  with_product_elements<R>(a, b, [&](R const* pa, R const* pb) {
    write_product_elements<R, Op, is_transposed_v<A>, is_transposed_v<B>>(pa, pb, sa, sb, po, zeroed);
  });
}

/// write_matrix_product on the operands' row-major elements (of the transposed values'
/// bases where TA or TB).
template <class R, class Op, bool TA, bool TB>
constexpr void write_product_elements(R const* pa, R const* pb, shape const& sa, shape const& sb, R* po, bool zeroed) {
  if (Op::name == "outer") {
    for (std::size_t i = 0; i < sa[0]; ++i)
      for (std::size_t j = 0; j < sb[0]; ++j) po[i * sb[0] + j] = pa[i] * pb[j];
  } else if (Op::name == "matmul" && is_batched_matmul(sa, sb)) {
    // one product per batch entry, added into a zeroed result; a transposed operand is
    // 2-D, read in place
    batched_layout const L(sa, sb);
    if (!zeroed) std::fill(po, po + L.batch.numel() * L.m * L.p, R(0));
    std::size_t const a_i = TA ? 1 : L.n, a_k = TA ? L.m : 1;
    std::size_t const b_k = TB ? 1 : L.p, b_j = TB ? L.n : 1;
    L.for_each([&](std::size_t t, std::size_t oa, std::size_t ob) {
      add_product(pa + oa, a_i, a_k, pb + ob, b_k, b_j, po + t * L.m * L.p, L.p, L.m, L.n, L.p);
    });
  } else {
    std::size_t const m = sa.rank() == 2 ? sa[0] : 1;
    std::size_t const n = sa[sa.rank() - 1];
    std::size_t const p = sb.rank() == 2 ? sb[1] : 1;
    if (p == 1 && !TB) {
      matrix_vector<R, TA>(pa, pb, po, m, n);
    } else if constexpr (TB && !TA) {
      // b = transpose(c), c of shape p x n: out_ij = sum_k a_ik c_jk, both read along
      // their rows; four partial sums let the compiler vectorise without -ffast-math
      // (two rows of c at a time, dot4_pair)
      for_row_blocks(m, n * p, [=](std::size_t i0, std::size_t i1) {
        for (std::size_t i = i0; i < i1; ++i) {
          R const* const arow = pa + i * n;
          R* const orow = po + i * p;
          std::size_t j = 0;
          for (; j + 1 < p; j += 2) dot4_pair(arow, pb + j * n, pb + (j + 1) * n, n, orow[j], orow[j + 1]);
          if (j < p) orow[j] = dot4(arow, pb + j * n, n);
        }
      });
    } else {
      // i-k-j: the inner loop runs along the rows of b and of the result; a_ik is
      // pa[k m + i] when a is the transpose of an n x m value
      std::size_t const a_i = TA ? 1 : n, a_k = TA ? m : 1;
      std::size_t const b_k = TB ? 1 : p, b_j = TB ? n : 1;
      for_row_blocks(m, n * p, [=](std::size_t i0, std::size_t i1) {
        for (std::size_t i = i0; i < i1; ++i) {
          R* row = po + i * p;
          for (std::size_t j = 0; j < p; ++j) row[j] = 0;
          for (std::size_t k = 0; k < n; ++k) {
            R const aik = pa[i * a_i + k * a_k];
            R const* brow = pb + k * b_k;
            for (std::size_t j = 0; j < p; ++j) row[j] += aik * brow[j * b_j];  // b_j is 1 unless b is transposed
          }
        }
      });
    }
  }
}

template <class X>
[[nodiscard]] constexpr auto const* element_pointer(X const& x) {
  if constexpr (std::is_arithmetic_v<X>)
    return &x;
  else
    return x.data();
}

/// The transpose of a 2-D value, owned.
template <class R, class V>
[[nodiscard]] constexpr auto transpose_value(V const& v) {
  using S = std::remove_cvref_t<decltype(value_shape(v))>;
  if constexpr (is_static_shape_v<S>)
    static_assert(S::rank == 2, "leibniz::transpose(e): e must be a 2-D tensor");
  auto const so = lift_shape<transpose_shape_fn>(value_shape(v));
  shape const s = to_shape(value_shape(v));
  auto const d = contiguous<R>(v);
  R const* p = element_pointer(d);
  auto out = owned_storage<R>(so);
  R* const o = out.value.data();
  // in blocks of 16 x 16, so that the strided writes of a block stay in the cache
  constexpr std::size_t block = 16;
  for (std::size_t i0 = 0; i0 < s[0]; i0 += block)
    for (std::size_t j0 = 0; j0 < s[1]; j0 += block) {
      std::size_t const i1 = std::min(i0 + block, s[0]), j1 = std::min(j0 + block, s[1]);
      for (std::size_t i = i0; i < i1; ++i)
        for (std::size_t j = j0; j < j1; ++j) o[j * s[0] + i] = p[i * s[1] + j];
    }
  return out;
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_TENSOR_EVAL_HPP
