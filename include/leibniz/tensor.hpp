// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::tensor, a tensor with a run-time shape, and lz::allclose.
#ifndef LEIBNIZ_TENSOR_HPP
#define LEIBNIZ_TENSOR_HPP

#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/detail/tensor_format.hpp>
#include <leibniz/shape.hpp>

#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <ostream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace leibniz {

namespace detail {
struct tensor_storage;  // lz::eval's access to the element buffer (detail/tensor_eval.hpp)
}  // namespace detail

/// A tensor of `T` (float, double or long double) with a run-time shape, stored
/// contiguously in row-major order. Built from nested braces like `torch.tensor`:
/// `tensor<float>{2, 3}` has shape (2,), `tensor<float>{{3, 4}}` shape (1, 2); or
/// from a shape and a fill value: `tensor<float>(shape{2, 3}, 0.0f)`.
template <class T>
class tensor {
  static_assert(std::is_floating_point_v<T>,
                "leibniz::tensor<T>: T must be float, double or long double");

 public:
  using value_type = T;

  /// An empty tensor of shape (0,).
  tensor() : shape_{0} {}
  tensor(tensor const&) = default;
  tensor& operator=(tensor const&) = default;
  /// Moving leaves the source an empty tensor of shape (0,) (its shape and its elements
  /// agree, as for every tensor): `std::move(a) * 2` consumes a.
  tensor(tensor&& other) noexcept : shape_(other.shape_), data_(std::move(other.data_)) { other.clear(); }
  tensor& operator=(tensor&& other) noexcept {
    if (this != &other) {
      shape_ = other.shape_;
      data_ = std::move(other.data_);
      other.clear();
    }
    return *this;
  }
  /// A vector: `tensor<float>{2, 3}` (a constructor from numbers rather than an
  /// initializer_list<T>, so that `{{1}, {2}}` is a 2x1 matrix, as in torch.tensor).
  /// Explicit for one number, so that `t == 5.0` does not compare t with the tensor {5}.
  template <class... U>
    requires(sizeof...(U) > 0 && (std::is_arithmetic_v<U> && ...))
  explicit(sizeof...(U) == 1) tensor(U... v) : shape_{sizeof...(U)}, data_{static_cast<T>(v)...} {}
  /// A matrix: `tensor<float>{{1, 2}, {3, 4}}`; rows of different lengths throw shape_error.
  tensor(std::initializer_list<std::initializer_list<T>> rows) : shape_{rows.size(), 0} {
    bool first = true;
    for (auto const& row : rows) {
      if (first) shape_[1] = row.size();
      if (row.size() != shape_[1])
        throw shape_error("leibniz::tensor: rows of different lengths (" +
                          std::to_string(shape_[1]) + " and " + std::to_string(row.size()) + ")");
      first = false;
      data_.insert(data_.end(), row.begin(), row.end());
    }
  }
  /// A rank-3 tensor from nested braces.
  tensor(std::initializer_list<std::initializer_list<std::initializer_list<T>>> blocks)
      : shape_{blocks.size(), 0, 0} {
    bool first = true;
    for (auto const& block : blocks) {
      tensor const b(block);
      if (first) {
        shape_[1] = b.shape_[0];
        shape_[2] = b.shape_[1];
      }
      if (b.shape_[0] != shape_[1] || b.shape_[1] != shape_[2])
        throw shape_error("leibniz::tensor: blocks of different shapes");
      first = false;
      data_.insert(data_.end(), b.data_.begin(), b.data_.end());
    }
  }
  /// A tensor of the given shape, every element `fill`.
  tensor(leibniz::shape s, T fill) : shape_(s), data_(s.numel(), fill) {}
  /// A tensor of the given shape from row-major values; their number must be s.numel().
  tensor(leibniz::shape s, std::vector<T> values) : shape_(s), data_(std::move(values)) {
    if (data_.size() != shape_.numel())
      throw shape_error("leibniz::tensor: " + std::to_string(data_.size()) +
                        " values for shape " + shape_.to_string());
  }
  /// A copy of a fixed_tensor.
  template <class U, std::size_t... N>
  explicit tensor(fixed_tensor<U, N...> const& f)
      : shape_(f.shape()), data_(f.begin(), f.end()) {}

  /// A rank-0 tensor holding one value.
  [[nodiscard]] static tensor scalar(T v) { return tensor(leibniz::shape{}, v); }

  /// The value of a one-element tensor (torch's .item()); shape_error otherwise.
  [[nodiscard]] T item() const {
    if (data_.size() != 1)
      throw shape_error("leibniz::tensor::item: the tensor has shape " + shape_.to_string() +
                        ", not one element");
    return data_[0];
  }
  /// The value of a one-element tensor, as item().
  explicit operator T() const { return item(); }

  [[nodiscard]] leibniz::shape const& shape() const noexcept { return shape_; }
  [[nodiscard]] std::size_t rank() const noexcept { return shape_.rank(); }
  [[nodiscard]] std::size_t size() const noexcept { return data_.size(); }
  [[nodiscard]] T* data() noexcept { return data_.data(); }
  [[nodiscard]] T const* data() const noexcept { return data_.data(); }
  [[nodiscard]] auto begin() noexcept { return data_.begin(); }
  [[nodiscard]] auto end() noexcept { return data_.end(); }
  [[nodiscard]] auto begin() const noexcept { return data_.begin(); }
  [[nodiscard]] auto end() const noexcept { return data_.end(); }

  /// Element access with one index per dimension; throws std::out_of_range for an
  /// index outside the shape and shape_error for the wrong number of indices.
  template <class... I>
    requires(std::is_integral_v<I> && ...)
  [[nodiscard]] T& operator()(I... i) {
    return data_[offset({static_cast<long long>(i)...})];
  }
  template <class... I>
    requires(std::is_integral_v<I> && ...)
  [[nodiscard]] T const& operator()(I... i) const {
    return data_[offset({static_cast<long long>(i)...})];
  }

  friend bool operator==(tensor const& a, tensor const& b) {
    return a.shape_ == b.shape_ && a.data_ == b.data_;
  }

  friend std::ostream& operator<<(std::ostream& os, tensor const& t) {
    detail::format_tensor(os, t.data(), t.shape_.data(), t.shape_.rank(),
                          detail::torch_dtype_suffix<T>());
    return os;
  }

 private:
  friend struct detail::tensor_storage;
  std::size_t offset(std::initializer_list<long long> index) const {
    if (index.size() != shape_.rank())
      throw shape_error("leibniz::tensor: " + std::to_string(index.size()) +
                        " indices for a tensor of shape " + shape_.to_string());
    std::size_t flat = 0, d = 0;
    for (long long i : index) {
      if (i < 0 || static_cast<std::size_t>(i) >= shape_[d])
        throw std::out_of_range("leibniz::tensor: index " + std::to_string(i) +
                                " is out of range for dimension " + std::to_string(d) +
                                " of shape " + shape_.to_string());
      flat = flat * shape_[d] + static_cast<std::size_t>(i);
      ++d;
    }
    return flat;
  }

  void clear() noexcept {
    shape_ = leibniz::shape{0};
    data_.clear();
  }

  leibniz::shape shape_;
  std::vector<T> data_;
};

namespace detail {
template <class T>
inline constexpr bool is_tensor_v = false;
template <class T>
inline constexpr bool is_tensor_v<tensor<T>> = true;

template <class E>
inline constexpr bool is_tensor_literal_v = false;
template <class T>
  requires(is_tensor_v<T> || is_fixed_tensor_v<T>)
inline constexpr bool is_tensor_literal_v<expression<expr_kind::terminal, boost::hana::tuple<T>>> = true;

template <class T>
struct bindable_trait<tensor<T>> {
  static constexpr bool value = true;
};
template <class T, std::size_t... N>
  requires std::is_floating_point_v<T>  // not a bool pattern
struct bindable_trait<fixed_tensor<T, N...>> {
  static constexpr bool value = true;
};

/// Shape and flat element access of scalars, fixed tensors and tensors alike.
template <class A>
constexpr shape shape_of_value(A const& a) {
  if constexpr (std::is_arithmetic_v<A>)
    return shape{};
  else
    return shape(a.shape());
}
template <class A>
constexpr auto element_of_value(A const& a, std::size_t i) {
  if constexpr (std::is_arithmetic_v<A>) {
    (void)i;
    return a;
  } else {
    return a.data()[i];
  }
}
}  // namespace detail

// ---- constructors, as PyTorch's: zeros, ones, eye, arange, linspace -----------------------

namespace detail {
/// The extents of a constructor as a shape; a negative extent is a shape_error.
template <class... I>
shape extents_shape([[maybe_unused]] char const* who, I... extents) {
  shape s;
  (
      [&] {
        if constexpr (std::is_signed_v<I>) {
          if (extents < 0)
            throw shape_error(std::string("leibniz::") + who + ": extent " + std::to_string(extents) +
                              " is negative");
        }
        s.push_back(static_cast<std::size_t>(extents));
      }(),
      ...);
  return s;
}
/// fixed_tensor<T, N...> with every element v.
template <class T, std::size_t... N>
constexpr fixed_tensor<T, N...> filled_fixed(T v) noexcept {
  fixed_tensor<T, N...> t;
  for (std::size_t i = 0; i < t.size(); ++i) t.data()[i] = v;
  return t;
}
}  // namespace detail

/// torch.zeros: `lz::zeros<double>(2, 3)` is an lz::tensor of shape (2, 3) and
/// `lz::zeros<double, 2, 3>()` a fixed_tensor<double, 2, 3> (constexpr), every element 0.
template <class T, std::size_t... N, class... I>
  requires((sizeof...(N) == 0 || sizeof...(I) == 0) && (std::is_integral_v<I> && ...))
[[nodiscard]] constexpr auto zeros(I... extents) {
  if constexpr (sizeof...(N) > 0)
    return fixed_tensor<T, N...>{};
  else
    return tensor<T>(detail::extents_shape("zeros", extents...), T(0));
}
/// torch.ones: as zeros, every element 1.
template <class T, std::size_t... N, class... I>
  requires((sizeof...(N) == 0 || sizeof...(I) == 0) && (std::is_integral_v<I> && ...))
[[nodiscard]] constexpr auto ones(I... extents) {
  if constexpr (sizeof...(N) > 0)
    return detail::filled_fixed<T, N...>(T(1));
  else
    return tensor<T>(detail::extents_shape("ones", extents...), T(1));
}
/// torch.eye: `lz::eye<double>(n)` (or `(n, m)`) is an lz::tensor with ones on the main
/// diagonal; `lz::eye<double, N>()` (or `<double, N, M>`) a fixed_tensor (constexpr).
template <class T, std::size_t... N, class... I>
  requires(((sizeof...(N) == 1 || sizeof...(N) == 2) && sizeof...(I) == 0) ||
           (sizeof...(N) == 0 && (sizeof...(I) == 1 || sizeof...(I) == 2) && (std::is_integral_v<I> && ...)))
[[nodiscard]] constexpr auto eye(I... extents) {
  if constexpr (sizeof...(N) > 0) {
    constexpr std::size_t n[] = {N..., N...};  // (N) is (N, N)
    fixed_tensor<T, n[0], n[1]> t;
    for (std::size_t i = 0; i < n[0] && i < n[1]; ++i) t(i, i) = T(1);
    return t;
  } else {
    shape s = detail::extents_shape("eye", extents...);
    if (s.rank() == 1) s.push_back(s[0]);
    tensor<T> t(s, T(0));
    for (std::size_t i = 0; i < s[0] && i < s[1]; ++i) t.data()[i * s[1] + i] = T(1);
    return t;
  }
}
/// torch.arange: start, start + step, ... while below end (above it for a negative step),
/// a 1-D lz::tensor of floating T (`lz::arange(0.0, 1.0, 0.1)`, `lz::arange<float>(5)`);
/// `lz::arange<T>(end)` starts at 0 with step 1. The count and the values are computed in
/// double (long double for T = long double), as PyTorch computes them for float. A zero
/// step, or a step that goes away from end, is a std::invalid_argument.
template <class T>
[[nodiscard]] tensor<T> arange(T start, T end, T step = T(1)) {
  using W = std::conditional_t<std::is_same_v<T, long double>, long double, double>;
  if (step == T(0) || !std::isfinite(step) || !std::isfinite(start) || !std::isfinite(end))
    throw std::invalid_argument("leibniz::arange: start, end and step must be finite and step nonzero");
  if ((step > 0 && end < start) || (step < 0 && end > start))
    throw std::invalid_argument("leibniz::arange: the step goes away from end (start " + std::to_string(start) +
                                ", end " + std::to_string(end) + ", step " + std::to_string(step) + ")");
  auto const n = static_cast<std::size_t>(std::ceil((W(end) - W(start)) / W(step)));
  std::vector<T> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<T>(W(start) + static_cast<W>(i) * W(step));
  return tensor<T>(shape{n}, std::move(v));
}
template <class T>
[[nodiscard]] tensor<T> arange(T end) {
  return arange<T>(T(0), end, T(1));
}
/// torch.linspace: `steps` values from start to end, both included, evenly spaced (the
/// first half counted from start and the second from end, as PyTorch computes them, so
/// that the values are the same). steps = 1 gives {start}; steps = 0 an empty tensor.
template <class T>
[[nodiscard]] tensor<T> linspace(T start, T end, std::size_t steps) {
  std::vector<T> v(steps);
  if (steps == 1) v[0] = start;
  if (steps > 1) {
    T const step = (end - start) / static_cast<T>(steps - 1);
    std::size_t const half = steps / 2;
    for (std::size_t i = 0; i < steps; ++i)
      v[i] = i < half ? start + step * static_cast<T>(i) : end - step * static_cast<T>(steps - 1 - i);
  }
  return tensor<T>(shape{steps}, std::move(v));
}

/// Whether |a - b| <= atol + rtol |b| elementwise, with NumPy broadcasting (as
/// numpy.allclose). a and b are numbers, tensors or fixed_tensors. NaNs are never close.
template <class A, class B>
[[nodiscard]] constexpr bool allclose(A const& a, B const& b, double rtol = 1e-5, double atol = 1e-8) {
  shape const sa = detail::shape_of_value(a), sb = detail::shape_of_value(b);
  shape const s = detail::broadcast("allclose", sa, sb);
  std::size_t const n = s.numel();
  for (std::size_t i = 0; i < n; ++i) {
    // Map the broadcast index to each operand's own flat index.
    auto index_in = [&](shape const& own) {
      std::size_t rest = i, flat = 0, stride = 1;
      for (std::size_t d = s.rank(); d-- > 0;) {
        std::size_t const coord = rest % s[d];
        rest /= s[d];
        if (d + own.rank() >= s.rank()) {
          std::size_t const od = d + own.rank() - s.rank();
          if (own[od] != 1) flat += coord * stride;
          stride *= own[od];
        }
      }
      return flat;
    };
    long double const x = detail::element_of_value(a, index_in(sa));
    long double const y = detail::element_of_value(b, index_in(sb));
    if (x == y) continue;  // also equal infinities
    long double const diff = x > y ? x - y : y - x;
    long double const mag = y < 0 ? -y : y;
    if (!(diff <= atol + rtol * mag)) return false;
  }
  return true;
}

}  // namespace leibniz

#endif  // LEIBNIZ_TENSOR_HPP
