// SPDX-License-Identifier: BSL-1.0
// leibniz: tensor shapes (run-time and compile-time), broadcasting, lz::shape_error.
#ifndef LEIBNIZ_SHAPE_HPP
#define LEIBNIZ_SHAPE_HPP

#include <array>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace leibniz {

/// Thrown when tensor shapes do not fit an operation (broadcasting, a matrix product,
/// binding a tensor of the wrong rank). The message names the operation and the shapes.
class shape_error : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// The largest rank leibniz handles (a Jacobian of rank-4 tensors has rank 8).
inline constexpr std::size_t max_rank = 8;

/// A run-time tensor shape: up to `max_rank` extents, stored inline (no allocation).
class shape {
 public:
  constexpr shape() noexcept = default;
  constexpr shape(std::initializer_list<std::size_t> extents) {
    if (extents.size() > max_rank) throw shape_error("leibniz: a shape has at most 8 dimensions");
    for (std::size_t e : extents) ext_[rank_++] = e;
  }
  template <std::size_t N>
  constexpr explicit shape(std::array<std::size_t, N> const& extents) noexcept : rank_(N) {
    static_assert(N <= max_rank, "leibniz: a shape has at most 8 dimensions");
    for (std::size_t i = 0; i < N; ++i) ext_[i] = extents[i];
  }

  [[nodiscard]] constexpr std::size_t size() const noexcept { return rank_; }
  [[nodiscard]] constexpr std::size_t rank() const noexcept { return rank_; }
  [[nodiscard]] constexpr std::size_t operator[](std::size_t i) const noexcept { return ext_[i]; }
  [[nodiscard]] constexpr std::size_t& operator[](std::size_t i) noexcept { return ext_[i]; }
  [[nodiscard]] constexpr std::size_t const* begin() const noexcept { return ext_.data(); }
  [[nodiscard]] constexpr std::size_t const* end() const noexcept { return ext_.data() + rank_; }
  [[nodiscard]] constexpr std::size_t const* data() const noexcept { return ext_.data(); }

  /// The number of elements: the product of the extents (1 for rank 0).
  [[nodiscard]] constexpr std::size_t numel() const noexcept {
    std::size_t n = 1;
    for (std::size_t i = 0; i < rank_; ++i) n *= ext_[i];
    return n;
  }
  constexpr void push_back(std::size_t e) {
    if (rank_ == max_rank) throw shape_error("leibniz: a shape has at most 8 dimensions");
    ext_[rank_++] = e;
  }

  friend constexpr bool operator==(shape const& a, shape const& b) noexcept {
    if (a.rank_ != b.rank_) return false;
    for (std::size_t i = 0; i < a.rank_; ++i)
      if (a.ext_[i] != b.ext_[i]) return false;
    return true;
  }

  /// "(2, 3)", "(2,)" and "()" as in Python.
  [[nodiscard]] std::string to_string() const {
    std::string s = "(";
    for (std::size_t i = 0; i < rank_; ++i) {
      if (i) s += ", ";
      s += std::to_string(ext_[i]);
    }
    if (rank_ == 1) s += ",";
    return s + ")";
  }

  // Public so that a shape is a structural type, usable as a template argument.
  std::array<std::size_t, max_rank> ext_{};
  std::size_t rank_ = 0;
};

/// A shape known at compile time; scalars have `static_shape<>`.
template <std::size_t... N>
struct static_shape {
  static constexpr std::size_t rank = sizeof...(N);
  static constexpr std::size_t count = (N * ... * std::size_t{1});
  [[nodiscard]] static constexpr leibniz::shape value() noexcept {
    return leibniz::shape(std::array<std::size_t, sizeof...(N)>{N...});
  }
};

namespace detail {

template <class S>
inline constexpr bool is_static_shape_v = false;
template <std::size_t... N>
inline constexpr bool is_static_shape_v<static_shape<N...>> = true;

template <class S>
[[nodiscard]] constexpr shape to_shape(S const& s) noexcept {
  if constexpr (is_static_shape_v<S>)
    return S::value();
  else
    return s;
}

/// NumPy broadcasting of two shapes, or !ok.
struct broadcast_result {
  shape value;
  bool ok;
};
[[nodiscard]] constexpr broadcast_result try_broadcast(shape const& a, shape const& b) noexcept {
  // the common cases without the loop: equal shapes, and a scalar with a tensor
  if (b.rank() == 0 || a == b) return {a, true};
  if (a.rank() == 0) return {b, true};
  std::size_t const r = a.rank() > b.rank() ? a.rank() : b.rank();
  if (r > max_rank) return {{}, false};
  shape out;
  for (std::size_t i = 0; i < r; ++i) {
    std::size_t const ea = i + a.rank() >= r ? a[i + a.rank() - r] : 1;
    std::size_t const eb = i + b.rank() >= r ? b[i + b.rank() - r] : 1;
    if (ea != eb && ea != 1 && eb != 1) return {{}, false};
    out.push_back(ea == 1 ? eb : ea);
  }
  return {out, true};
}

[[nodiscard]] inline std::string shapes_text(std::string_view op, shape const& a, shape const& b) {
  return "leibniz: " + std::string(op) + ": shapes " + a.to_string() + " and " + b.to_string();
}

/// Broadcast shape of a and b for operation `op`; throws shape_error naming both.
[[nodiscard]] constexpr shape broadcast(std::string_view op, shape const& a, shape const& b) {
  broadcast_result const r = try_broadcast(a, b);
  if (!r.ok) throw shape_error(shapes_text(op, a, b) + " cannot be broadcast together");
  return r.value;
}

/// The static shape type for the shape that the stateless callable Fn returns
/// (a callable rather than a shape template argument: GCC 12 crashes on the latter).
template <class Fn, std::size_t... I>
auto static_shape_from(std::index_sequence<I...>) -> static_shape<Fn{}()[I]...>;
template <class Fn>
using static_shape_from_t =
    decltype(static_shape_from<Fn>(std::make_index_sequence<Fn{}().rank()>{}));

}  // namespace detail
}  // namespace leibniz

#endif  // LEIBNIZ_SHAPE_HPP
