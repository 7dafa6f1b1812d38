// SPDX-License-Identifier: BSL-1.0
// leibniz: exact rational arithmetic on compile-time constants, with overflow checks.
#ifndef LEIBNIZ_DETAIL_RATIONAL_HPP
#define LEIBNIZ_DETAIL_RATIONAL_HPP

#include <leibniz/expression.hpp>

#include <cstdint>
#include <limits>
#include <numeric>

namespace leibniz::detail {

struct ratio_value {
  std::intmax_t num;
  std::intmax_t den;
  bool ok;  // false on overflow or a zero denominator
};

__extension__ using wide_int = __int128;

[[nodiscard]] constexpr wide_int wide_abs(wide_int v) noexcept { return v < 0 ? -v : v; }

[[nodiscard]] constexpr ratio_value reduce(wide_int n, wide_int d) noexcept {
  if (d == 0) return {0, 1, false};
  if (d < 0) {
    n = -n;
    d = -d;
  }
  wide_int a = wide_abs(n), b = d;
  while (b != 0) {
    wide_int t = a % b;
    a = b;
    b = t;
  }
  if (a > 1) {
    n /= a;
    d /= a;
  }
  constexpr wide_int lo = std::numeric_limits<std::intmax_t>::min() + 1;
  constexpr wide_int hi = std::numeric_limits<std::intmax_t>::max();
  if (n < lo || n > hi || d > hi) return {0, 1, false};
  return {static_cast<std::intmax_t>(n), static_cast<std::intmax_t>(d), true};
}

template <class A, class B>
inline constexpr ratio_value ratio_add =
    reduce(wide_int{A::num} * B::den + wide_int{B::num} * A::den, wide_int{A::den} * B::den);
template <class A, class B>
inline constexpr ratio_value ratio_sub =
    reduce(wide_int{A::num} * B::den - wide_int{B::num} * A::den, wide_int{A::den} * B::den);
template <class A, class B>
inline constexpr ratio_value ratio_mul =
    reduce(wide_int{A::num} * B::num, wide_int{A::den} * B::den);
template <class A, class B>
inline constexpr ratio_value ratio_div =
    reduce(wide_int{A::num} * B::den, wide_int{A::den} * B::num);

/// `A^k` for an integer k, exactly (by squaring), or !ok on overflow.
[[nodiscard]] constexpr ratio_value ratio_pow(std::intmax_t num, std::intmax_t den,
                                              std::intmax_t k) noexcept {
  bool const invert = k < 0;
  wide_int e = k;
  if (invert) e = -e;
  constexpr wide_int limit = std::numeric_limits<std::intmax_t>::max();
  wide_int n = 1, d = 1, bn = num, bd = den;
  while (e > 0) {
    if (e & 1) {
      n *= bn;
      d *= bd;
      if (wide_abs(n) > limit || d > limit) return {0, 1, false};
    }
    e >>= 1;
    if (e > 0) {
      if (wide_abs(bn) > 3037000499 || bd > 3037000499) {  // the square would overflow
        if (wide_abs(bn) > 1 || bd > 1) return {0, 1, false};
      }
      bn *= bn;
      bd *= bd;
    }
  }
  return invert ? reduce(d, n) : reduce(n, d);
}

/// The constant type for a folded value; a clear error if folding overflowed.
template <ratio_value R>
[[nodiscard]] constexpr auto make_constant() {
  static_assert(R.ok,
                "leibniz: folding compile-time constants overflowed std::intmax_t "
                "or divided by zero");
  if constexpr (R.ok)
    return constant<R.num, R.den>{};
  else
    return constant<0>{};
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_RATIONAL_HPP
