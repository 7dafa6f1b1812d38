// SPDX-License-Identifier: BSL-1.0
// leibniz: elementary functions written once for a double and for a pair of doubles at a time
#ifndef LEIBNIZ_DETAIL_VECTOR_MATH_HPP
#define LEIBNIZ_DETAIL_VECTOR_MATH_HPP

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

/// Run-time kernels of functions whose library call dominates a tensor workload (tanh in
/// the MLP gradient W8: 51% of its time in glibc's tanh and expm1). Each is one function
/// template over the lane type, a double or two doubles in the compilers' vector type
/// (GCC and Clang `vector_size`; 16 bytes, the SSE2 register every x86-64 has, so that no
/// call changes ABI with the target's flags), so that an element gets the same operations,
/// and the same bits, whether it is computed alone or in a pair. No branch depends on a value:
/// special cases are selected with masks. The error bounds are measured in
/// tests/runtime/vector_math.cpp against long double.
namespace leibniz::detail::vmath {

using d2 = double __attribute__((vector_size(16)));
using i2 = decltype(d2{} < d2{});  // the mask type of a comparison: two 64-bit integers

/// Integer lane type of a lane type.
template <class T>
struct int_of {
  using type = std::int64_t;
};
template <>
struct int_of<d2> {
  using type = i2;
};
template <class T>
using int_t = typename int_of<T>::type;

/// c ? a : b lane by lane (c a comparison's result).
[[nodiscard]] inline double select(bool c, double a, double b) noexcept { return c ? a : b; }
[[nodiscard]] inline d2 select(i2 c, d2 a, d2 b) noexcept {
  return std::bit_cast<d2>((std::bit_cast<i2>(a) & c) | (std::bit_cast<i2>(b) & ~c));
}

/// expm1(y) = e^y - 1 for 0 <= y <= 64 (NaN in, NaN out): y = k ln 2 + r with |r| <= ln 2 / 2,
/// e^r - 1 from its Taylor series to r^13 (truncation below 2^-56 relative), and
/// e^y - 1 = 2^k (e^r - 1) + (2^k - 1), where both products and 2^k - 1 are exact.
template <class T>
[[nodiscard]] inline T expm1_nonnegative(T y) noexcept {
  using I = int_t<T>;
  constexpr double magic = 0x1.8p52;  // adding it rounds to an integer held in the low bits
  constexpr double log2e = 0x1.71547652b82fep0;
  constexpr double ln2_hi = 0x1.62e42fee00000p-1;  // k ln2_hi is exact for |k| < 2^11
  constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
  T const t = y * log2e + magic;
  T const kd = t - magic;
  I const k = std::bit_cast<I>(t) - std::bit_cast<std::int64_t>(magic);
  T const r = (y - kd * ln2_hi) - kd * ln2_lo;
  // sum of r^(n-2) / n! for n = 2 to 13, by Estrin's scheme (pairs, then powers r^2, r^4,
  // r^8), which is a shorter chain of dependent operations than Horner's
  T const r2 = r * r;
  T const r4 = r2 * r2;
  T const r8 = r4 * r4;
  T const a0 = r * (1.0 / 6.0) + 0.5;
  T const a1 = r * (1.0 / 120.0) + 1.0 / 24.0;
  T const a2 = r * (1.0 / 5040.0) + 1.0 / 720.0;
  T const a3 = r * (1.0 / 362880.0) + 1.0 / 40320.0;
  T const a4 = r * (1.0 / 39916800.0) + 1.0 / 3628800.0;
  T const a5 = r * (1.0 / 6227020800.0) + 1.0 / 479001600.0;
  T const q = (a0 + r2 * a1) + r4 * (a2 + r2 * a3) + r8 * (a4 + r2 * a5);
  T const p = r + r2 * q;  // e^r - 1
  T const s = std::bit_cast<T>((k + 1023) << 52);  // 2^k
  return s * p + (s - 1.0);
}

/// tanh(x) = sign(x) t / (t + 2) with t = expm1(2 |x|); |x| >= 22 gives +-1 (1 - tanh(22)
/// is below half an ulp of 1). Exact for subnormals and signed zeros; NaN stays NaN.
template <class T>
[[nodiscard]] inline T tanh(T x) noexcept {
  using I = int_t<T>;
  constexpr std::int64_t sign_bit = std::int64_t(1) << 63;
  I const xb = std::bit_cast<I>(x);
  I const sign = xb & sign_bit;
  T const a = std::bit_cast<T>(xb ^ sign);
  T y = a + a;
  y = select(y < 44.0, y, T{} + 44.0);
  T const t = expm1_nonnegative(y);
  T const h = t / (t + 2.0);
  return select(x == x, std::bit_cast<T>(std::bit_cast<I>(h) | sign), x);
}

/// out[i] = F(in[i]) for n doubles (in == out allowed), two pairs per pass (independent
/// chains for the pipeline), the rest one by one with the same operations.
template <class F>
inline void apply_n(F f, double const* in, double* out, std::size_t n) noexcept {
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    d2 u, v;
    std::memcpy(&u, in + i, sizeof u);
    std::memcpy(&v, in + i + 2, sizeof v);
    u = f(u);
    v = f(v);
    std::memcpy(out + i, &u, sizeof u);
    std::memcpy(out + i + 2, &v, sizeof v);
  }
  for (; i < n; ++i) out[i] = f(in[i]);
}

/// tanh of n doubles (in == out allowed).
inline void tanh_n(double const* in, double* out, std::size_t n) noexcept {
  apply_n([](auto v) { return vmath::tanh(v); }, in, out, n);
}

}  // namespace leibniz::detail::vmath

#endif  // LEIBNIZ_DETAIL_VECTOR_MATH_HPP
