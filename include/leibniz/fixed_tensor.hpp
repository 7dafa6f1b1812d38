// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::fixed_tensor, a tensor with a compile-time shape, usable in constant evaluation.
#ifndef LEIBNIZ_FIXED_TENSOR_HPP
#define LEIBNIZ_FIXED_TENSOR_HPP

#include <leibniz/detail/tensor_format.hpp>
#include <leibniz/shape.hpp>

#include <array>
#include <cstddef>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace leibniz {

namespace detail {
/// Tag of the fixed_tensor constructor that leaves the elements uninitialised.
struct uninitialized_t {
  explicit uninitialized_t() = default;
};
inline constexpr uninitialized_t uninitialized{};
}  // namespace detail

/// A tensor of `T` with the compile-time shape `(N...)`, row-major in a
/// `std::array`. A literal type: it can be built, read and compared in constant
/// evaluation. `fixed_tensor<float, 2>{15, 18}` is a vector,
/// `fixed_tensor<double, 2, 2>{{4, 2}, {3, 6}}` a matrix. `fixed_tensor<bool, N...>` holds a
/// pattern (lz::sparsity) and prints as PyTorch prints a bool tensor: tensor([ True, False]).
template <class T, std::size_t... N>
class fixed_tensor {
  static_assert(std::is_floating_point_v<T> || std::is_same_v<T, bool>,
                "leibniz::fixed_tensor<T, N...>: T must be float, double or long double (or bool, "
                "for a pattern such as lz::sparsity's, which cannot be bound to a variable)");
  static_assert(((N > 0) && ...), "leibniz::fixed_tensor<T, N...>: every extent must be > 0");

  static constexpr std::size_t extent_or_one(std::size_t i) noexcept {
    constexpr std::size_t e[] = {N..., 1, 1};
    return i < sizeof...(N) ? e[i] : 1;
  }

 public:
  using value_type = T;
  using static_shape_type = static_shape<N...>;
  static constexpr std::size_t rank = sizeof...(N);
  static constexpr std::size_t count = (N * ... * std::size_t{1});

  /// All elements zero.
  constexpr fixed_tensor() noexcept : elements_{} {}

  /// Elements left uninitialised, to be written before they are read (leibniz's own
  /// results, which are filled at once: no zeroing pass first).
  constexpr explicit fixed_tensor(detail::uninitialized_t) noexcept {}

  /// From the elements of a vector: `fixed_tensor<float, 2>{15, 18}`.
  template <class... U>
    requires(rank == 1 && sizeof...(U) == count && (std::is_arithmetic_v<U> && ...))
  constexpr fixed_tensor(U... v) noexcept : elements_{static_cast<T>(v)...} {}

  /// From the rows of a matrix: `fixed_tensor<float, 2, 2>{{4, 2}, {3, 6}}`.
  template <class... U>
    requires(rank == 2 && sizeof...(U) == extent_or_one(0) && (std::is_arithmetic_v<U> && ...))
  constexpr fixed_tensor(U const (&... rows)[extent_or_one(1)]) noexcept {
    std::size_t i = 0;
    (
        [&](auto const& row) {
          for (auto x : row) elements_[i++] = static_cast<T>(x);
        }(rows),
        ...);
  }

  /// From flat row-major storage.
  constexpr explicit fixed_tensor(std::array<T, count> const& flat) noexcept : elements_(flat) {}

  [[nodiscard]] static constexpr std::array<std::size_t, rank> shape() noexcept { return {N...}; }
  [[nodiscard]] static constexpr std::size_t size() noexcept { return count; }
  [[nodiscard]] constexpr T* data() noexcept { return elements_.data(); }
  [[nodiscard]] constexpr T const* data() const noexcept { return elements_.data(); }
  [[nodiscard]] constexpr auto begin() noexcept { return elements_.begin(); }
  [[nodiscard]] constexpr auto end() noexcept { return elements_.end(); }
  [[nodiscard]] constexpr auto begin() const noexcept { return elements_.begin(); }
  [[nodiscard]] constexpr auto end() const noexcept { return elements_.end(); }

  /// Element access; throws `std::out_of_range` for an index outside the shape.
  template <class... I>
    requires(sizeof...(I) == rank && (std::is_integral_v<I> && ...))
  [[nodiscard]] constexpr T& operator()(I... i) {
    return elements_[offset(i...)];
  }
  template <class... I>
    requires(sizeof...(I) == rank && (std::is_integral_v<I> && ...))
  [[nodiscard]] constexpr T const& operator()(I... i) const {
    return elements_[offset(i...)];
  }

  friend constexpr bool operator==(fixed_tensor const&, fixed_tensor const&) = default;

  /// Prints like PyTorch 1.13 prints a tensor with the same values: tensor([15., 18.]).
  friend std::ostream& operator<<(std::ostream& os, fixed_tensor const& t) {
    constexpr std::size_t extents[] = {N..., 0};
    detail::format_tensor(os, t.data(), extents, rank, detail::torch_dtype_suffix<T>());
    return os;
  }

 private:
  template <class... I>
  static constexpr std::size_t offset(I... i) {
    std::size_t const index[] = {static_cast<std::size_t>(i)..., 0};
    std::size_t flat = 0;
    for (std::size_t d = 0; d < rank; ++d) {
      if (index[d] >= extent_or_one(d))
        throw std::out_of_range("leibniz::fixed_tensor: index " + std::to_string(index[d]) +
                                " is out of range for dimension " + std::to_string(d) +
                                " of extent " + std::to_string(extent_or_one(d)));
      flat = flat * extent_or_one(d) + index[d];
    }
    return flat;
  }

  std::array<T, count> elements_;
};

namespace detail {
template <class T>
inline constexpr bool is_fixed_tensor_v = false;
template <class T, std::size_t... N>
inline constexpr bool is_fixed_tensor_v<fixed_tensor<T, N...>> = true;

/// `fixed_tensor<T, N, M...>` from `fixed_tensor<T, M...>` (or `T`) items.
template <class Item, std::size_t N>
struct stacked {
  using type = fixed_tensor<Item, N>;
};
template <class T, std::size_t... M, std::size_t N>
struct stacked<fixed_tensor<T, M...>, N> {
  using type = fixed_tensor<T, N, M...>;
};
}  // namespace detail

}  // namespace leibniz

#endif  // LEIBNIZ_FIXED_TENSOR_HPP
