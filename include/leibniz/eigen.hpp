// SPDX-License-Identifier: BSL-1.0
// leibniz: Eigen 3.4 interoperability (optional; the rest of leibniz does not use Eigen).
// Eigen vectors and matrices (fixed or dynamic size, Map, Ref, blocks with strides) bind
// to variables and are read in place; lz::to_eigen turns results into Eigen matrices.
#ifndef LEIBNIZ_EIGEN_HPP
#define LEIBNIZ_EIGEN_HPP

#include <leibniz/leibniz.hpp>

#include <Eigen/Core>

#include <cstddef>
#include <type_traits>

namespace leibniz {
namespace detail {
/// An Eigen dense object with its coefficients in memory (Matrix, Array, Map, Ref, Block
/// of those): what can be read in place.
template <class T>
concept EigenDirect = std::is_base_of_v<Eigen::DenseBase<T>, T> &&
                      (Eigen::internal::traits<T>::Flags & Eigen::DirectAccessBit) != 0 &&
                      std::is_floating_point_v<typename T::Scalar>;
/// Any other Eigen expression (A + B, A.transpose() * B, ...): it must be evaluated first.
template <class T>
concept EigenExpression = std::is_base_of_v<Eigen::DenseBase<T>, T> && !EigenDirect<T>;

template <class T>
inline constexpr bool eigen_is_vector_v = T::IsVectorAtCompileTime != 0;
template <class T>
inline constexpr bool eigen_is_fixed_v = T::RowsAtCompileTime != Eigen::Dynamic && T::ColsAtCompileTime != Eigen::Dynamic;

/// The shape type of an Eigen object bound to a variable: compile-time for fixed sizes.
template <class T>
constexpr auto eigen_shape_type() {
  if constexpr (!eigen_is_fixed_v<T>)
    return leibniz::shape{};
  else if constexpr (eigen_is_vector_v<T>)
    return static_shape<static_cast<std::size_t>(T::SizeAtCompileTime)>{};
  else
    return static_shape<static_cast<std::size_t>(T::RowsAtCompileTime), static_cast<std::size_t>(T::ColsAtCompileTime)>{};
}
template <class T>
using eigen_shape_t = decltype(eigen_shape_type<T>());
}  // namespace detail

/// An Eigen vector (one dimension 1 at compile time: VectorXd, RowVector3f, a column or
/// row block) binds as a 1-D tensor, anything else as a 2-D one (rows, cols), whatever
/// its storage order and strides; fixed-size ones give fixed_tensor results, dynamic
/// ones lz::tensor results. The coefficients are read where they are: bind an lvalue,
/// or a Map / Ref / block whose storage outlives the eval call.
template <detail::EigenDirect T>
struct tensor_binding<T> {
  using value_type = typename T::Scalar;
  static constexpr bool dynamic = !detail::eigen_is_fixed_v<T>;
  using shape_type = detail::eigen_shape_t<T>;

  static constexpr shape_type shape(T const& m) {
    if constexpr (!dynamic)
      return {};
    else if constexpr (detail::eigen_is_vector_v<T>)
      return leibniz::shape{static_cast<std::size_t>(m.size())};
    else
      return leibniz::shape{static_cast<std::size_t>(m.rows()), static_cast<std::size_t>(m.cols())};
  }
  static constexpr detail::strided_view<value_type, shape_type> view(T const& m) {
    detail::strided_view<value_type, shape_type> v{m.data(), shape(m), {}};
    if constexpr (detail::eigen_is_vector_v<T>) {
      v.stride[0] = static_cast<std::size_t>(m.innerStride());
    } else {
      v.stride[0] = static_cast<std::size_t>(m.rowStride());
      v.stride[1] = static_cast<std::size_t>(m.colStride());
    }
    return v;
  }
};

/// An Eigen expression without storage of its own is not bound: evaluate it first.
template <detail::EigenExpression T>
struct tensor_binding<T> {
  using value_type = typename T::Scalar;
  static constexpr bool dynamic = true;
  static_assert(detail::EigenDirect<T>,
                "leibniz: an Eigen expression (A + B, A.transpose(), ...) has no coefficients to "
                "read in place: bind its value, x = (expression).eval(), or a Map / Ref / block of "
                "storage");
  static leibniz::shape shape(T const&) { return {}; }
  static detail::strided_view<value_type, leibniz::shape> view(T const&) { return {}; }
};

/// A result as an Eigen matrix (a copy, column-major as Eigen's default): a 1-D tensor
/// becomes a column vector (Eigen::Matrix<T, N, 1>, or Dynamic rows), a 2-D tensor a
/// matrix; fixed_tensor sizes stay compile-time sizes. A dynamic tensor of another rank
/// throws lz::shape_error.
template <class T, std::size_t N>
[[nodiscard]] Eigen::Matrix<T, static_cast<int>(N), 1> to_eigen(fixed_tensor<T, N> const& t) {
  return Eigen::Map<Eigen::Matrix<T, static_cast<int>(N), 1> const>(t.data());
}
template <class T, std::size_t M, std::size_t N>
[[nodiscard]] Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(N)> to_eigen(fixed_tensor<T, M, N> const& t) {
  using row_major = Eigen::Matrix<T, static_cast<int>(M), static_cast<int>(N), N == 1 ? Eigen::ColMajor : Eigen::RowMajor>;
  return Eigen::Map<row_major const>(t.data());
}
template <class T>
[[nodiscard]] Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic> to_eigen(tensor<T> const& t) {
  leibniz::shape const& s = t.shape();
  if (s.size() == 1)
    return Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, 1> const>(t.data(), static_cast<Eigen::Index>(s[0]));
  if (s.size() == 2)
    return Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> const>(
        t.data(), static_cast<Eigen::Index>(s[0]), static_cast<Eigen::Index>(s[1]));
  throw shape_error("leibniz::to_eigen: needs a 1-D or 2-D tensor, got shape " + s.to_string());
}

}  // namespace leibniz

#endif  // LEIBNIZ_EIGEN_HPP
