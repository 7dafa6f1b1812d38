// SPDX-License-Identifier: BSL-1.0
// leibniz: math functions dispatching to constexpr implementations or <cmath>
#ifndef LEIBNIZ_DETAIL_MATH_HPP
#define LEIBNIZ_DETAIL_MATH_HPP

#include <cmath>
#include <concepts>
#include <type_traits>

#include <leibniz/detail/cx_math.hpp>
#include <leibniz/detail/vector_math.hpp>

/// Math functions used by the evaluator: leibniz::detail::cx during constant evaluation,
/// <cmath> at run time. T is float, double or long double.
namespace leibniz::detail::math {

/// The floating-point types accepted by the wrappers.
template <class T>
concept cx_floating = cx::is_supported_v<T>;

/// fabs(x): cx::fabs in constant evaluation, std::fabs otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T fabs(T x) {
  if (std::is_constant_evaluated()) {
    return cx::fabs(x);
  } else {
    return std::fabs(x);
  }
}

/// sqrt(x): cx::sqrt in constant evaluation, std::sqrt otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T sqrt(T x) {
  if (std::is_constant_evaluated()) {
    return cx::sqrt(x);
  } else {
    return std::sqrt(x);
  }
}

/// cbrt(x): cx::cbrt in constant evaluation, std::cbrt otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T cbrt(T x) {
  if (std::is_constant_evaluated()) {
    return cx::cbrt(x);
  } else {
    return std::cbrt(x);
  }
}

/// exp(x): cx::exp in constant evaluation, std::exp otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T exp(T x) {
  if (std::is_constant_evaluated()) {
    return cx::exp(x);
  } else {
    return std::exp(x);
  }
}

/// log(x): cx::log in constant evaluation, std::log otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T log(T x) {
  if (std::is_constant_evaluated()) {
    return cx::log(x);
  } else {
    return std::log(x);
  }
}

/// sin(x): cx::sin in constant evaluation, std::sin otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T sin(T x) {
  if (std::is_constant_evaluated()) {
    return cx::sin(x);
  } else {
    return std::sin(x);
  }
}

/// cos(x): cx::cos in constant evaluation, std::cos otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T cos(T x) {
  if (std::is_constant_evaluated()) {
    return cx::cos(x);
  } else {
    return std::cos(x);
  }
}

/// sin(x) and cos(x) of one x, in one call where the C library has one: glibc's `sincos`
/// gives bit for bit its `sin` and `cos` (checked on 2·10⁶ values per type, docs/performance.md)
/// in about two thirds of their time. Used at run time only (the shared sin/cos pairs of an
/// evaluation over lz::tensor, detail/cse.hpp).
template <cx_floating T>
void sincos(T x, T& s, T& c) noexcept {
#if defined(__GLIBC__) && defined(_GNU_SOURCE)
  if constexpr (std::is_same_v<T, float>)
    ::sincosf(x, &s, &c);
  else if constexpr (std::is_same_v<T, double>)
    ::sincos(x, &s, &c);
  else
    ::sincosl(x, &s, &c);
#else
  s = std::sin(x);
  c = std::cos(x);
#endif
}

/// tan(x): cx::tan in constant evaluation, std::tan otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T tan(T x) {
  if (std::is_constant_evaluated()) {
    return cx::tan(x);
  } else {
    return std::tan(x);
  }
}

/// asin(x): cx::asin in constant evaluation, std::asin otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T asin(T x) {
  if (std::is_constant_evaluated()) {
    return cx::asin(x);
  } else {
    return std::asin(x);
  }
}

/// acos(x): cx::acos in constant evaluation, std::acos otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T acos(T x) {
  if (std::is_constant_evaluated()) {
    return cx::acos(x);
  } else {
    return std::acos(x);
  }
}

/// atan(x): cx::atan in constant evaluation, std::atan otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T atan(T x) {
  if (std::is_constant_evaluated()) {
    return cx::atan(x);
  } else {
    return std::atan(x);
  }
}

/// sinh(x): cx::sinh in constant evaluation, std::sinh otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T sinh(T x) {
  if (std::is_constant_evaluated()) {
    return cx::sinh(x);
  } else {
    return std::sinh(x);
  }
}

/// cosh(x): cx::cosh in constant evaluation, std::cosh otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T cosh(T x) {
  if (std::is_constant_evaluated()) {
    return cx::cosh(x);
  } else {
    return std::cosh(x);
  }
}

/// tanh(x): cx::tanh in constant evaluation; at run time vmath::tanh for a double (the
/// kernel that tensors apply to two elements at a time, so that a value does not depend on
/// how it was computed), std::tanh otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T tanh(T x) {
  if (std::is_constant_evaluated()) {
    return cx::tanh(x);
  } else if constexpr (std::is_same_v<T, double>) {
    return vmath::tanh(x);
  } else {
    return std::tanh(x);
  }
}

/// atan2(y, x): cx::atan2 in constant evaluation, std::atan2 otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T atan2(T y, T x) {
  if (std::is_constant_evaluated()) {
    return cx::atan2(y, x);
  } else {
    return std::atan2(y, x);
  }
}

/// expm1(x) = e^x - 1: cx::expm1 in constant evaluation, std::expm1 otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T expm1(T x) {
  if (std::is_constant_evaluated()) {
    return cx::expm1(x);
  } else {
    return std::expm1(x);
  }
}

/// log1p(x) = log(1 + x): cx::log1p in constant evaluation, std::log1p otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T log1p(T x) {
  if (std::is_constant_evaluated()) {
    return cx::log1p(x);
  } else {
    return std::log1p(x);
  }
}

/// hypot(x, y) = sqrt(x^2 + y^2): cx::hypot in constant evaluation, std::hypot otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T hypot(T x, T y) {
  if (std::is_constant_evaluated()) {
    return cx::hypot(x, y);
  } else {
    return std::hypot(x, y);
  }
}

/// erf(x): cx::erf in constant evaluation, std::erf otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T erf(T x) {
  if (std::is_constant_evaluated()) {
    return cx::erf(x);
  } else {
    return std::erf(x);
  }
}

/// erfc(x) = 1 - erf(x): cx::erfc in constant evaluation, std::erfc otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T erfc(T x) {
  if (std::is_constant_evaluated()) {
    return cx::erfc(x);
  } else {
    return std::erfc(x);
  }
}

// The functions below are written with the ones above (so with cx in constant evaluation
// and <cmath> at run time), in forms that neither overflow nor cancel.

/// The logistic function 1 / (1 + e^-x): e^-|x| is at most 1, so nothing overflows.
template <cx_floating T>
[[nodiscard]] constexpr T sigmoid(T x) {
  if (x >= 0) return T(1) / (T(1) + math::exp(-x));
  T const e = math::exp(x);  // NaN takes this branch and stays NaN
  return e / (T(1) + e);
}

/// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no
/// loss for very negative x.
template <cx_floating T>
[[nodiscard]] constexpr T softplus(T x) {
  return (x > 0 ? x : T(0)) + math::log1p(math::exp(-math::fabs(x)));
}

/// logaddexp(a, b) = log(e^a + e^b) = max(a, b) + log1p(e^-|a - b|); equal arguments
/// (also both +inf or both -inf) give a + log 2.
template <cx_floating T>
[[nodiscard]] constexpr T logaddexp(T a, T b) {
  if (a == b) return a + math::log1p(T(1));
  T const m = a > b ? a : b;  // NaN in a or b makes the difference NaN below
  return m + math::log1p(math::exp(-math::fabs(a - b)));
}

/// pow(x, y): cx::pow in constant evaluation, std::pow otherwise.
template <cx_floating T>
[[nodiscard]] constexpr T pow(T x, T y) {
  if (std::is_constant_evaluated()) {
    return cx::pow(x, y);
  } else {
    return std::pow(x, y);
  }
}

/// x^n for an integer n (may be negative): cx::pow_int in constant evaluation, binary powering
/// with plain multiplications at run time (|n| <= 4 inlined).
template <cx_floating T>
[[nodiscard]] constexpr T pow_int(T x, long long n) {
  if (std::is_constant_evaluated()) {
    return cx::pow_int(x, n);
  } else {
    switch (n) {
      case 0:
        return T(1);
      case 1:
        return x;
      case 2:
        return x * x;
      case 3:
        return x * x * x;
      case 4: {
        const T x2 = x * x;
        return x2 * x2;
      }
      case -1:
        return T(1) / x;
      case -2:
        return T(1) / (x * x);
      case -3:
        return T(1) / (x * x * x);
      case -4: {
        const T x2 = x * x;
        return T(1) / (x2 * x2);
      }
      default:
        break;
    }
    unsigned long long u = n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    T base = x;
    T acc = T(1);
    while (true) {
      if (u & 1ull) acc *= base;
      u >>= 1;
      if (u == 0) break;
      base *= base;
    }
    return n < 0 ? T(1) / acc : acc;
  }
}

}  // namespace leibniz::detail::math

#endif  // LEIBNIZ_DETAIL_MATH_HPP
