// SPDX-License-Identifier: BSL-1.0
// leibniz: the sparsity of a Jacobian or Hessian, read off its type (lz::sparsity, lz::nnz,
// lz::sparse_indices), evaluation of its structural nonzeros only (lz::eval_sparse), and
// the lower triangle of a Hessian (lz::tril).
#ifndef LEIBNIZ_SPARSITY_HPP
#define LEIBNIZ_SPARSITY_HPP

#include <leibniz/eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/stack.hpp>

#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

/// Row and column of each structural nonzero in row-major order, and where each row's
/// nonzeros start (CSR: row r's are [row_start[r], row_start[r + 1])). A vector is one row.
template <std::size_t Rows, std::size_t NonZeros>
struct sparse_index {
  std::array<std::size_t, NonZeros> row;
  std::array<std::size_t, NonZeros> col;
  std::array<std::size_t, Rows + 1> row_start;
};

namespace detail {

template <class E>
inline constexpr bool is_matrix_of_formulas_v = false;
template <class... Row>
inline constexpr bool is_matrix_of_formulas_v<call_node<fn::stack_t, Row...>> = (is_stack_v<Row> && ...);

template <class E>
inline constexpr bool is_vector_of_formulas_v = false;
template <class... Item>
inline constexpr bool is_vector_of_formulas_v<call_node<fn::stack_t, Item...>> = (!is_stack_v<Item> && ...);

/// The structure of a stack (a vector: one row) or a stack of stacks (a matrix) of
/// formulas: rows, cols, and whether each entry, row-major, is something other than
/// lz::constant<0> (a structural nonzero).
template <class J>
struct pattern {
  static_assert(is_vector_of_formulas_v<J> || is_matrix_of_formulas_v<J>,
                "leibniz::sparsity(J): J must be a stack of formulas or a stack of stacks of equal "
                "length, such as lz::jacobian(F, lz::wrt(x, ...)) or lz::hessian(f, lz::wrt(x, ...)); "
                "a Jacobian over a tensor variable is evaluated by sweeps and has no per-entry types");
  static constexpr bool matrix = false;
  static constexpr std::size_t rows = 0, cols = 0;
  static constexpr std::array<bool, 0> cells{};
};
template <class... Item>
  requires is_vector_of_formulas_v<call_node<fn::stack_t, Item...>>
struct pattern<call_node<fn::stack_t, Item...>> {
  static constexpr bool matrix = false;
  static constexpr std::size_t rows = 1, cols = sizeof...(Item);
  static constexpr std::array<bool, cols> cells{!is_zero_v<Item>...};
};

template <class... Row>
  requires is_matrix_of_formulas_v<call_node<fn::stack_t, Row...>>
struct pattern<call_node<fn::stack_t, Row...>> {
  static constexpr bool matrix = true;
  static constexpr std::size_t rows = sizeof...(Row);
  static constexpr std::size_t cols = stack_size_v<boost::mp11::mp_front<boost::mp11::mp_list<Row...>>>;
  static_assert(((stack_size_v<Row> == cols) && ...),
                "leibniz::sparsity(J): the rows of the stack of stacks J must have one length");
  static constexpr std::array<bool, rows * cols> cells = [] {  // the rows' patterns, in turn
    std::array<bool, rows * cols> out{};
    std::size_t i = 0;
    auto const append = [&](auto const& row) {
      for (bool const c : row) out[i++] = c;
    };
    (append(pattern<Row>::cells), ...);
    return out;
  }();
};

template <class J>
inline constexpr std::size_t nnz_v = [] {
  std::size_t n = 0;
  for (bool const c : pattern<J>::cells) n += c;
  return n;
}();

/// The entry (r, c) of a vector (r = 0) or matrix of formulas.
template <std::size_t R, std::size_t C, class J>
constexpr auto const& entry(J const& j) noexcept {
  if constexpr (pattern<J>::matrix)
    return arg<C>(arg<R>(j));
  else
    return arg<C>(j);
}


template <class J>
inline constexpr auto index_v = [] {
  using P = pattern<J>;
  sparse_index<P::rows, nnz_v<J>> out{};
  std::size_t k = 0;
  for (std::size_t r = 0; r < P::rows; ++r) {
    out.row_start[r] = k;
    for (std::size_t c = 0; c < P::cols; ++c)
      if (P::cells[r * P::cols + c]) {
        out.row[k] = r;
        out.col[k] = c;
        ++k;
      }
  }
  out.row_start[P::rows] = k;
  return out;
}();

template <class J, std::size_t... K, class... B>
constexpr auto eval_nonzeros(J const& j, std::index_sequence<K...>, B const&... bindings) {
  constexpr auto const& index = index_v<J>;
  if constexpr (sizeof...(K) == 0) {
    // No value to look at: the type lz::eval would give scalars bound like these.
    using T = std::common_type_t<promote_t<std::remove_cvref_t<decltype(bindings.value)>>...>;
    return std::array<T, 0>{};
  } else {
    auto const values = eval(std::tuple{entry<index.row[K], index.col[K]>(j)...}, bindings...);
    using T = std::common_type_t<std::tuple_element_t<K, std::remove_cvref_t<decltype(values)>>...>;
    return std::array<T, sizeof...(K)>{static_cast<T>(std::get<K>(values))...};
  }
}

/// Entry (R, C) of tril(h): h's below and on the diagonal, 0 above.
template <std::size_t R, std::size_t C, class H>
constexpr auto tril_entry(H const& h) {
  if constexpr (C <= R)
    return entry<R, C>(h);
  else
    return constant<0>{};
}
template <std::size_t R, class H, std::size_t... C>
constexpr auto tril_row(H const& h, std::index_sequence<C...>) {
  return make_call_node<fn::stack_t>(tril_entry<R, C>(h)...);
}
template <class H, std::size_t... R>
constexpr auto tril_rows(H const& h, std::index_sequence<R...> rows) {
  return make_call_node<fn::stack_t>(tril_row<R>(h, rows)...);  // square: the columns are the rows
}
}  // namespace detail

/// The sparsity pattern of J, a stack or stack of stacks of formulas (a gradient, Jacobian
/// or Hessian over a lz::wrt bundle), read off its type: true where the entry is not
/// lz::constant<0>. A constexpr fixed_tensor<bool, rows, cols> (fixed_tensor<bool, n> for a
/// vector). Structural: an entry that happens to evaluate to 0 at some point is a nonzero.
template <Expression J>
[[nodiscard]] constexpr auto sparsity(J const&) noexcept {
  using P = detail::pattern<J>;
  if constexpr (P::matrix)
    return fixed_tensor<bool, P::rows, P::cols>(P::cells);
  else
    return fixed_tensor<bool, P::cols>(P::cells);
}

/// The number of structural nonzeros of J (see lz::sparsity).
template <Expression J>
[[nodiscard]] constexpr std::size_t nnz(J const&) noexcept {
  return detail::nnz_v<J>;
}

/// The positions of J's structural nonzeros (see sparse_index), as constexpr data.
template <Expression J>
[[nodiscard]] constexpr auto sparse_indices(J const&) noexcept {
  return detail::index_v<J>;
}

/// The values of J's structural nonzeros, in the order of lz::sparse_indices(J) (row-major),
/// evaluated together (shared subexpressions once) with the bindings of lz::eval: a
/// std::array of nnz(J) values; constexpr where the bindings are. The zeros are never
/// computed or stored.
template <Expression J, class... B>
[[nodiscard]] constexpr auto eval_sparse(J const& j, B const&... bindings) {
  return detail::eval_nonzeros(j, std::make_index_sequence<detail::nnz_v<J>>{}, bindings...);
}

/// The lower triangle of a square matrix of formulas (the half of a symmetric Hessian that
/// solvers such as Ipopt take): the entries above the diagonal become lz::constant<0>, so
/// that sparsity, nnz, sparse_indices and eval_sparse see the lower triangle only.
template <Expression H>
[[nodiscard]] constexpr auto tril(H const& h) {
  using P = detail::pattern<H>;
  static_assert(P::matrix && P::rows == P::cols, "leibniz::tril(H): H must be a square stack of stacks");
  if constexpr (P::matrix && P::rows == P::cols)
    return detail::tril_rows(h, std::make_index_sequence<P::rows>{});
}

}  // namespace leibniz

#endif  // LEIBNIZ_SPARSITY_HPP
