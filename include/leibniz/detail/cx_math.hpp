// SPDX-License-Identifier: BSL-1.0
// leibniz: constexpr implementations of <cmath> functions (usable in constant evaluation on g++ and clang++)
#ifndef LEIBNIZ_DETAIL_CX_MATH_HPP
#define LEIBNIZ_DETAIL_CX_MATH_HPP

#include <bit>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <type_traits>

/// Constexpr replacements for <cmath> functions, selected by leibniz::detail::math during
/// constant evaluation (clang 14 has no constexpr <cmath>). See docs/constexpr-math.md.
///
/// Supported types: float (computed via double), double (IEEE binary64) and long double when it
/// is x87 80-bit extended or identical to double. Everything is plain arithmetic: no <cmath>,
/// no math builtins, no std::bit_cast of long double.
namespace leibniz::detail::cx {

/// Makes the enclosing constant evaluation fail with a readable note; a no-op at run time.
constexpr void domain_error_in_constant_evaluation(const char* what) {
  if (std::is_constant_evaluated()) {
    throw std::domain_error(what);
  }
}

/// True for the floating-point types the functions in this namespace accept.
template <class T>
inline constexpr bool is_supported_v =
    std::is_same_v<T, float> || std::is_same_v<T, double> || std::is_same_v<T, long double>;

/// Internal helpers (constants, double-T arithmetic, kernels). Not part of the interface.
namespace impl {

template <class T>
inline constexpr bool always_false_v = false;

template <class T>
inline constexpr int digits_v = std::numeric_limits<T>::digits;

/// Constants and series coefficients, generated with mpmath (600-bit) rounded to nearest.
/// pio2_pieces: pi/2 = sum of pieces, the first six truncated to digits-27 bits so that
/// k * piece is exact for |k| < 2^27.
template <class T>
struct constants {
  T ln2_hi, ln2_lo, ln2_lo2, inv_ln2;
  T pio2_pieces[7];
  T two_over_pi, pio2_hi, pio2_lo, pi_hi, pi_lo, pio4_hi, pio4_lo, three_pio4;
  T atan_half_hi, atan_half_lo, atan_1p5_hi, atan_1p5_lo, sqrt2;
  T exp_c[21];      // 1/n!
  T sin_c[13];      // (-1)^n/(2n+1)!
  T cos_c[13];      // (-1)^n/(2n)!
  T atan_c[36];     // (-1)^n/(2n+1)
  T asin_c[41];     // (2n)!/(4^n (n!)^2 (2n+1))
  T log_c[17];      // 2/(2n+1)
  T inv_odd_hi[5];  // 1/(2n+1) = hi + lo
  T inv_odd_lo[5];
};

template <class T>
inline constexpr constants<T> k = [] {
  if constexpr (digits_v<T> == 53) {
    return constants<T>{
    /* ln2_hi */ 0xb17217f7dp-36,
    /* ln2_lo */ 0xe7bcd5e4fp-75,
    /* ln2_lo2 */ 0xece600fcbdabdp-130,
    /* inv_ln2 */ 0xb8aa3b295c17fp-51,
    /* pio2_pieces */ {0x1921fb5p-24, 0x8885a3p-49, 0x11a6263p-78, 0x18a2e03p-105, 0x3839a25p-132, 0x2049c11p-160, 0x14cf98e804177dp-216},
    /* two_over_pi */ 0x145f306dc9c883p-53,
    /* pio2_hi */ 0x3243f6a8885a3p-49,
    /* pio2_lo */ 0x11a62633145c07p-106,
    /* pi_hi */ 0x3243f6a8885a3p-48,
    /* pi_lo */ 0x11a62633145c07p-105,
    /* pio4_hi */ 0x3243f6a8885a3p-50,
    /* pio4_lo */ 0x11a62633145c07p-107,
    /* three_pio4 */ 0x96cbe3f9990e9p-50,
    /* atan_half_hi */ 0x1dac670561bb4fp-54,
    /* atan_half_lo */ 0xd15bf9117b2f1p-107,
    /* atan_1p5_hi */ 0x1f730bd281f69bp-53,
    /* atan_1p5_lo */ 0x1007887af0cbbdp-108,
    /* sqrt2 */ 0x16a09e667f3bcdp-52,
    /* exp_c */ {0x1p0, 0x1p0, 0x1p-1, 0x15555555555555p-55, 0x15555555555555p-57, 0x11111111111111p-59, 0x16c16c16c16c17p-62, 0xd00d00d00d00dp-64, 0xd00d00d00d00dp-67, 0x5c778e955b1cdp-69, 0x49f93edde27d7p-72, 0x6b99159fd5139p-76, 0x23ddb1dff1b13p-78, 0x16124613a86d09p-85, 0x193974a8c07c9dp-89, 0x1ae7f3e733b81fp-93, 0x1ae7f3e733b81fp-97, 0xca963b81856a5p-100, 0x16827863b97d97p-105, 0x12f49b46814157p-109, 0x1e542ba4020225p-114},
    /* sin_c */ {0x1p0, -0x15555555555555p-55, 0x11111111111111p-59, -0xd00d00d00d00dp-64, 0x5c778e955b1cdp-69, -0x6b99159fd5139p-76, 0x16124613a86d09p-85, -0x1ae7f3e733b81fp-93, 0xca963b81856a5p-100, -0x12f49b46814157p-109, 0xb8dc77b6e7ab9p-117, -0xbb0da098b1c0dp-126, 0x13f3ccdd165fa9p-136},
    /* cos_c */ {0x1p0, -0x1p-1, 0x15555555555555p-57, -0x16c16c16c16c17p-62, 0xd00d00d00d00dp-67, -0x49f93edde27d7p-72, 0x23ddb1dff1b13p-78, -0x193974a8c07c9dp-89, 0x1ae7f3e733b81fp-97, -0x16827863b97d97p-105, 0x1e542ba4020225p-114, -0x10ce396db7f853p-122, 0x3e59e032e5eafp-129},
    /* atan_c */ {0x1p0, -0x15555555555555p-54, 0xccccccccccccdp-54, -0x9249249249249p-54, 0x71c71c71c71c7p-54, -0xba2e8ba2e8ba3p-55, 0x4ec4ec4ec4ec5p-54, -0x11111111111111p-56, 0xf0f0f0f0f0f0fp-56, -0x35e50d79435e5p-54, 0x30c30c30c30c3p-54, -0x590b21642c859p-55, 0x147ae147ae147bp-57, -0x25ed097b425edp-54, 0x8d3dcb08d3dcbp-56, -0x4210842108421p-55, 0x3e0f83e0f83e1p-55, -0x1d41d41d41d41dp-58, 0x1bacf914c1badp-54, -0xd20d20d20d20dp-57, 0xc7ce0c7ce0c7dp-57, -0x5f417d05f417dp-56, 0x16c16c16c16c17p-58, -0x15c9882b931057p-58, 0x14e5e0a72f0539p-58, -0x5050505050505p-56, 0x13521cfb2b78c1p-58, -0x94f2094f2094fp-57, 0x11f7047dc11f7p-54, -0x115b1e5f75270dp-58, 0x10c9714fbcda3bp-58, -0x1041041041041p-54, 0xfc0fc0fc0fc1p-54, -0x1e9131abf0b767p-59, 0x1dae6076b981dbp-59, -0x1cd85689039b0bp-59},
    /* asin_c */ {0x1p0, 0x15555555555555p-55, 0x13333333333333p-56, 0x16db6db6db6db7p-57, 0x1f1c71c71c71c7p-58, 0x16e8ba2e8ba2e9p-58, 0x11c4ec4ec4ec4fp-58, 0xe4ccccccccccdp-58, 0x2f50f0f0f0f0fp-56, 0x9fef286bca1afp-58, 0x112ef3cf3cf3cfp-59, 0x1df3bd37a6f4dfp-60, 0x1a6863d70a3d71p-60, 0x5e0b7684bda13p-58, 0x151ba308d3dcb1p-60, 0x131683bdef7bdfp-60, 0x8af74ea2e8ba3p-59, 0x1fcaf8fb6db6dbp-61, 0x1d3d2a8e0dd67dp-61, 0x6c09bd5ec4ec5p-59, 0xc865bbfb063e7p-60, 0x1750de64d7d05fp-61, 0x15c5f56efaaaabp-61, 0x1464c0950f7d47p-61, 0x13275586c5f2fp-57, 0x90469ab8572d3p-60, 0x88295e2fd4b05p-60, 0x1018f963c229bfp-61, 0xf415f306c893fp-61, 0x1cf7dea5b6e83p-58, 0x6e34b9599f39bp-60, 0xd1f8f7c109bf7p-61, 0x190a9f747db95dp-62, 0x17ed079ed4c037p-62, 0x2dc80f2088407p-59, 0xaf6cd05ec80dbp-61, 0x1507f94c2470bdp-62, 0x143195bf54e5d7p-62, 0x9b48728f8229bp-61, 0x4ab4a7f352755p-60, 0x8fe692d725137p-61},
    /* log_c */ {0x1p1, 0x15555555555555p-53, 0xccccccccccccdp-53, 0x9249249249249p-53, 0x71c71c71c71c7p-53, 0xba2e8ba2e8ba3p-54, 0x4ec4ec4ec4ec5p-53, 0x11111111111111p-55, 0xf0f0f0f0f0f0fp-55, 0x35e50d79435e5p-53, 0x30c30c30c30c3p-53, 0x590b21642c859p-54, 0x147ae147ae147bp-56, 0x25ed097b425edp-53, 0x8d3dcb08d3dcbp-55, 0x4210842108421p-54, 0x3e0f83e0f83e1p-54},
    /* inv_odd_hi */ {0x1p0, 0x15555555555555p-54, 0xccccccccccccdp-54, 0x9249249249249p-54, 0x71c71c71c71c7p-54},
    /* inv_odd_lo */ {0.0, 0x15555555555555p-108, -0xccccccccccccdp-108, 0x9249249249249p-108, 0x71c71c71c71c7p-108},
    };
  } else if constexpr (digits_v<T> == 64) {
    return constants<T>{
    /* ln2_hi */ 0xb17217f7d1cfp-48L,
    /* ln2_lo */ 0xf35793c7673p-93L,
    /* ln2_lo2 */ 0xfcbdabd03cd0c99dp-166L,
    /* inv_ln2 */ 0x2e2a8eca5705fc2fp-61L,
    /* pio2_pieces */ {0x6487ed511p-34L, 0x5a308d313p-73L, 0x198a2e037p-109L, 0xe68948127p-150L, 0x22299f31dp-189L, 0x20bbea63bp-231L, 0x4e6c89452821e639p-297L},
    /* two_over_pi */ 0x517cc1b727220a95p-63L,
    /* pio2_hi */ 0xc90fdaa22168c235p-63L,
    /* pio2_lo */ -0xece675d1fc8f8cbbp-129L,
    /* pi_hi */ 0xc90fdaa22168c235p-62L,
    /* pi_lo */ -0xece675d1fc8f8cbbp-128L,
    /* pio4_hi */ 0xc90fdaa22168c235p-64L,
    /* pio4_lo */ -0xece675d1fc8f8cbbp-130L,
    /* three_pio4 */ 0x12d97c7f3321d235p-59L,
    /* atan_half_hi */ 0xed63382b0dda7b45p-65L,
    /* atan_half_lo */ 0xdfc88bd978751a07p-130L,
    /* atan_1p5_hi */ 0xfb985e940fb4d9p-56L,
    /* atan_1p5_lo */ 0xf10f5e197793c283p-129L,
    /* sqrt2 */ 0x2d413cccfe779921p-61L,
    /* exp_c */ {0x1p0L, 0x1p0L, 0x1p-1L, 0xaaaaaaaaaaaaaaabp-66L, 0xaaaaaaaaaaaaaaabp-68L, 0x8888888888888889p-70L, 0xb60b60b60b60b60bp-73L, 0xd00d00d00d00d00dp-76L, 0xd00d00d00d00d00dp-79L, 0xb8ef1d2ab6399c7dp-82L, 0x93f27dbbc4fae397p-85L, 0xd7322b3faa271c7fp-89L, 0x47bb63bfe3625ed5p-91L, 0xb092309d43684be5p-96L, 0x64e5d2a301f27483p-99L, 0xd73f9f399dc0f88fp-104L, 0xd73f9f399dc0f88fp-108L, 0xca963b81856a5359p-112L, 0x5a09e18ee5f65defp-115L, 0x4bd26d1a05055c93p-119L, 0xf2a15d201011283dp-125L},
    /* sin_c */ {0x1p0L, -0xaaaaaaaaaaaaaaabp-66L, 0x8888888888888889p-70L, -0xd00d00d00d00d00dp-76L, 0xb8ef1d2ab6399c7dp-82L, -0xd7322b3faa271c7fp-89L, 0xb092309d43684be5p-96L, -0xd73f9f399dc0f88fp-104L, 0xca963b81856a5359p-112L, -0x4bd26d1a05055c93p-119L, 0xb8dc77b6e7ab8c5fp-129L, -0x2ec368262c7033b3p-136L, 0x9f9e66e8b2fd46a7p-147L},
    /* cos_c */ {0x1p0L, -0x1p-1L, 0xaaaaaaaaaaaaaaabp-68L, -0xb60b60b60b60b60bp-73L, 0xd00d00d00d00d00dp-79L, -0x93f27dbbc4fae397p-85L, 0x47bb63bfe3625ed5p-91L, -0x64e5d2a301f27483p-99L, 0xd73f9f399dc0f88fp-108L, -0x5a09e18ee5f65defp-115L, 0xf2a15d201011283dp-125L, -0x8671cb6dbfc294a3p-133L, 0xf96780cb97abbe65p-143L},
    /* atan_c */ {0x1p0L, -0xaaaaaaaaaaaaaaabp-65L, 0xcccccccccccccccdp-66L, -0x9249249249249249p-66L, 0x71c71c71c71c71c7p-66L, -0x2e8ba2e8ba2e8ba3p-65L, 0x4ec4ec4ec4ec4ec5p-66L, -0x8888888888888889p-67L, 0xf0f0f0f0f0f0f0f1p-68L, -0x6bca1af286bca1afp-67L, 0x30c30c30c30c30c3p-66L, -0x2c8590b21642c859p-66L, 0x51eb851eb851eb85p-67L, -0x97b425ed097b425fp-68L, 0x8d3dcb08d3dcb08dp-68L, -0x1084210842108421p-65L, 0xf83e0f83e0f83e1p-65L, -0xea0ea0ea0ea0ea0fp-69L, 0x6eb3e45306eb3e45p-68L, -0xd20d20d20d20d20dp-69L, 0x31f3831f3831f383p-67L, -0xbe82fa0be82fa0bfp-69L, 0xb60b60b60b60b60bp-69L, -0xae4c415c9882b931p-69L, 0xa72f05397829cbc1p-69L, -0xa0a0a0a0a0a0a0a1p-69L, 0x9a90e7d95bc609a9p-69L, -0x94f2094f2094f209p-69L, 0x8fb823ee08fb823fp-69L, -0x8ad8f2fba9386823p-69L, 0x10c9714fbcda3ac1p-66L, -0x1041041041041041p-66L, 0xfc0fc0fc0fc0fc1p-66L, -0xf4898d5f85bb395p-66L, 0xed7303b5cc0ed73p-66L, -0xe6c2b4481cd85689p-70L},
    /* asin_c */ {0x1p0L, 0xaaaaaaaaaaaaaaabp-66L, 0x4ccccccccccccccdp-66L, 0xb6db6db6db6db6dbp-68L, 0x3e38e38e38e38e39p-67L, 0xb745d1745d1745d1p-69L, 0x8e27627627627627p-69L, 0xe4cccccccccccccdp-70L, 0x2f50f0f0f0f0f0f1p-68L, 0x9fef286bca1af287p-70L, 0x112ef3cf3cf3cf3dp-67L, 0xef9de9bd37a6f4dfp-71L, 0xd3431eb851eb851fp-71L, 0xbc16ed097b425ed1p-71L, 0x546e8c234f72c235p-70L, 0x4c5a0ef7bdef7bdfp-70L, 0x22bdd3a8ba2e8ba3p-69L, 0x7f2be3edb6db6db7p-71L, 0xe9e954706eb3e453p-72L, 0x6c09bd5ec4ec4ec5p-71L, 0x32196efec18f9c19p-70L, 0x2ea1bcc9afa0be83p-70L, 0xae2fab77d5555555p-72L, 0x1464c0950f7d46cfp-69L, 0x993aac362f97829dp-72L, 0x90469ab8572d2d2dp-72L, 0x11052bc5fa9609a9p-69L, 0x80c7cb1e114df6b1p-72L, 0xf415f306c893ee09p-73L, 0xe7bef52db7417dd5p-73L, 0x6e34b9599f39b043p-72L, 0xd1f8f7c109bf71c7p-73L, 0x642a7dd1f6e5734bp-72L, 0x5fb41e7b5300dbbfp-72L, 0x5b901e411080e035p-72L, 0x15ed9a0bd901b5bfp-70L, 0x541fe53091c2f4abp-72L, 0x28632b7ea9cbad23p-71L, 0x9b48728f8229b33bp-73L, 0x4ab4a7f352755183p-72L, 0x47f3496b9289b8e5p-72L},
    /* log_c */ {0x1p1L, 0xaaaaaaaaaaaaaaabp-64L, 0xcccccccccccccccdp-65L, 0x9249249249249249p-65L, 0x71c71c71c71c71c7p-65L, 0x2e8ba2e8ba2e8ba3p-64L, 0x4ec4ec4ec4ec4ec5p-65L, 0x8888888888888889p-66L, 0xf0f0f0f0f0f0f0f1p-67L, 0x6bca1af286bca1afp-66L, 0x30c30c30c30c30c3p-65L, 0x2c8590b21642c859p-65L, 0x51eb851eb851eb85p-66L, 0x97b425ed097b425fp-67L, 0x8d3dcb08d3dcb08dp-67L, 0x1084210842108421p-64L, 0xf83e0f83e0f83e1p-64L},
    /* inv_odd_hi */ {0x1p0L, 0xaaaaaaaaaaaaaaabp-65L, 0xcccccccccccccccdp-66L, 0x9249249249249249p-66L, 0x71c71c71c71c71c7p-66L},
    /* inv_odd_lo */ {0.0L, -0xaaaaaaaaaaaaaaabp-130L, -0xcccccccccccccccdp-132L, 0x9249249249249249p-132L, 0x71c71c71c71c71c7p-132L},
    };
  } else {
    static_assert(always_false_v<T>, "leibniz: unsupported floating-point format for constexpr math");
  }
}();

/// Polynomial degrees per precision (chosen so truncation error < 2^-(digits+3) relative).
template <class T>
inline constexpr bool wide_v = (digits_v<T> > 53);
template <class T>
inline constexpr int exp_deg = wide_v<T> ? 16 : 13;
template <class T>
inline constexpr int sin_deg = wide_v<T> ? 10 : 9;
template <class T>
inline constexpr int cos_deg = wide_v<T> ? 11 : 9;
template <class T>
inline constexpr int atan_deg = wide_v<T> ? 28 : 23;
template <class T>
inline constexpr int asin_deg = wide_v<T> ? 31 : 26;
template <class T>
inline constexpr int log_deg = wide_v<T> ? 14 : 11;

template <class T>
inline constexpr T inf_v = std::numeric_limits<T>::infinity();
template <class T>
inline constexpr T nan_v = std::numeric_limits<T>::quiet_NaN();

/// Table of 2^(2^j) for j = 0.. while representable.
template <class T>
inline constexpr int pow2_table_size = [] {
  int n = 0;
  for (long long e = 1; e < std::numeric_limits<T>::max_exponent; e *= 2) ++n;
  return n;
}();

template <class T>
struct pow2_table_t {
  T pos[pow2_table_size<T>];  // 2^(2^j)
  T neg[pow2_table_size<T>];  // 2^-(2^j)
};

template <class T>
inline constexpr pow2_table_t<T> pow2_table = [] {
  pow2_table_t<T> t{};
  T p = 2;
  T q = T(0.5);
  for (int j = 0; j < pow2_table_size<T>; ++j) {
    t.pos[j] = p;
    t.neg[j] = q;
    if (j + 1 < pow2_table_size<T>) {
      p *= p;
      q *= q;
    }
  }
  return t;
}();

/// 2^n exactly, for min_exponent-1 <= n <= max_exponent-1 (normal powers only).
template <class T>
constexpr T pow2(int n) noexcept {
  T r = 1;
  const bool neg = n < 0;
  unsigned u = neg ? static_cast<unsigned>(-n) : static_cast<unsigned>(n);
  for (int j = 0; u != 0; ++j, u >>= 1) {
    if (u & 1u) r *= neg ? pow2_table<T>.neg[j] : pow2_table<T>.pos[j];
  }
  return r;
}

template <class T>
struct dd {
  T hi;
  T lo;
};

/// Error-free transformations (Knuth TwoSum, Dekker/Veltkamp TwoProduct).
template <class T>
constexpr dd<T> two_sum(T a, T b) noexcept {
  const T s = a + b;
  const T bb = s - a;
  return {s, (a - (s - bb)) + (b - bb)};
}
template <class T>
constexpr dd<T> fast_two_sum(T a, T b) noexcept {
  const T s = a + b;
  return {s, b - (s - a)};
}
template <class T>
inline constexpr T split_factor = T((1ull << ((digits_v<T> + 1) / 2)) + 1);
template <class T>
constexpr dd<T> split(T a) noexcept {
  const T c = split_factor<T> * a;
  const T hi = c - (c - a);
  return {hi, a - hi};
}
/// Magnitude above which Veltkamp splitting could overflow.
template <class T>
inline constexpr T split_limit = pow2<T>(std::numeric_limits<T>::max_exponent - 40);
template <class T>
constexpr dd<T> two_prod(T a, T b) noexcept {
  const T p = a * b;
  if (!(a - a == 0 && b - b == 0 && p - p == 0) || (a > split_limit<T> || a < -split_limit<T>) ||
      (b > split_limit<T> || b < -split_limit<T>)) {
    return {p, 0};
  }
  const dd<T> x = split(a);
  const dd<T> y = split(b);
  return {p, ((x.hi * y.hi - p) + x.hi * y.lo + x.lo * y.hi) + x.lo * y.lo};
}
template <class T>
constexpr dd<T> dd_add(dd<T> a, dd<T> b) noexcept {
  dd<T> s = two_sum(a.hi, b.hi);
  s.lo += a.lo + b.lo;
  return fast_two_sum(s.hi, s.lo);
}
template <class T>
constexpr dd<T> dd_mul(dd<T> a, dd<T> b) noexcept {
  dd<T> p = two_prod(a.hi, b.hi);
  if (p.hi - p.hi != 0) return {p.hi, 0};  // inf or NaN
  p.lo += a.hi * b.lo + a.lo * b.hi;
  return fast_two_sum(p.hi, p.lo);
}
/// 1 / x as hi + lo.
template <class T>
constexpr dd<T> dd_recip(T x) noexcept {
  const T q = 1 / x;
  const dd<T> p = two_prod(q, x);
  return fast_two_sum(q, ((1 - p.hi) - p.lo) / x);
}

/// Value with binary exponent: x = m * 2^e, 1 <= m < 2 (x positive, finite, nonzero).
template <class T>
struct mant_exp {
  T m;
  int e;
};
template <class T>
constexpr mant_exp<T> frexp1(T x) noexcept {
  int e = 0;
  if (x < std::numeric_limits<T>::min()) {
    x *= pow2<T>(digits_v<T>);
    e -= digits_v<T>;
  }
  for (int j = pow2_table_size<T> - 1; j >= 0; --j) {
    if (x >= pow2_table<T>.pos[j]) {
      x *= pow2_table<T>.neg[j];
      e += 1 << j;
    }
  }
  for (int j = pow2_table_size<T> - 1; j >= 0; --j) {
    if (x < 2 * pow2_table<T>.neg[j]) {
      x *= pow2_table<T>.pos[j];
      e -= 1 << j;
    }
  }
  return {x, e};
}

/// Nearest integer (ties away from zero) of |v| < 2^62, as long long.
template <class T>
constexpr long long nearest_ll(T v) noexcept {
  return v >= 0 ? static_cast<long long>(v + T(0.5)) : -static_cast<long long>(T(0.5) - v);
}

/// Horner evaluation of sum_{i=lo..hi} c[i] * z^(i-lo) in plain T.
template <class T>
constexpr T horner(const T* c, int lo, int hi, T z) noexcept {
  T p = c[hi];
  for (int i = hi - 1; i >= lo; --i) p = p * z + c[i];
  return p;
}

}  // namespace impl

// ----------------------------------------------------------------------------------------------
// Classification and simple helpers
// ----------------------------------------------------------------------------------------------

/// x is NaN.
template <class T>
[[nodiscard]] constexpr bool isnan(T x) noexcept {
  return x != x;
}
/// x is +-infinity.
template <class T>
[[nodiscard]] constexpr bool isinf(T x) noexcept {
  return x == impl::inf_v<T> || x == -impl::inf_v<T>;
}
/// x is neither NaN nor infinite.
template <class T>
[[nodiscard]] constexpr bool isfinite(T x) noexcept {
  return !isnan(x) && !isinf(x);
}
/// Sign bit of x, including -0 (and NaN signs for float/double).
template <class T>
[[nodiscard]] constexpr bool signbit(T x) noexcept {
  if (x < 0) return true;
  if (x > 0) return false;
  // zero or NaN: look at the bits of the (sign-preserving) conversion to double
  return (std::bit_cast<std::uint64_t>(static_cast<double>(x)) >> 63) != 0;
}
/// |x| (fabs(-0) == +0).
template <class T>
[[nodiscard]] constexpr T fabs(T x) noexcept {
  if (isnan(x)) return x;
  return signbit(x) ? -x : x;
}
/// |x| with the sign of s.
template <class T>
[[nodiscard]] constexpr T copysign(T x, T s) noexcept {
  const T a = fabs(x);
  return signbit(s) ? -a : a;
}
/// Largest integer value not greater than x.
template <class T>
[[nodiscard]] constexpr T floor(T x) noexcept {
  constexpr T big = impl::pow2<T>(impl::digits_v<T> - 1);
  if (!(x > -big && x < big) || x == 0) return x;  // NaN, inf, zeros and large integers
  const T t = static_cast<T>(static_cast<long long>(x));
  return t > x ? t - 1 : t;
}
/// Smallest integer value not less than x.
template <class T>
[[nodiscard]] constexpr T ceil(T x) noexcept {
  return -floor(-x);
}
/// x is a (finite) integer.
template <class T>
[[nodiscard]] constexpr bool is_integer(T x) noexcept {
  return isfinite(x) && floor(x) == x;
}
/// x * 2^n with a single rounding when the result is subnormal.
template <class T>
[[nodiscard]] constexpr T ldexp(T x, int n) noexcept {
  constexpr int emax = std::numeric_limits<T>::max_exponent - 1;
  constexpr int emin = std::numeric_limits<T>::min_exponent - 1;
  while (n > emax) {
    x *= impl::pow2<T>(emax);
    n -= emax;
    if (isinf(x)) return x;
  }
  if (n < emin) {
    while (n < 2 * emin) {
      x *= impl::pow2<T>(emin);
      n -= emin;
      if (x == 0) return x;
    }
    x *= impl::pow2<T>(n - emin);
    n = emin;
  }
  return x * impl::pow2<T>(n);
}
/// Decomposes x into m * 2^e with 0.5 <= |m| < 1 (like std::frexp).
template <class T>
[[nodiscard]] constexpr T frexp(T x, int* e) noexcept {
  if (x == 0 || !isfinite(x)) {
    *e = 0;
    return x;
  }
  const impl::mant_exp<T> r = impl::frexp1(fabs(x));
  *e = r.e + 1;
  return x < 0 ? -r.m / 2 : r.m / 2;
}

namespace impl {

/// Rounds a double to float, saturating to +-inf exactly as IEEE conversion would.
constexpr float narrow(double d) noexcept {
  constexpr double fmax = static_cast<double>(std::numeric_limits<float>::max());
  constexpr double limit = fmax + 0x1p103;  // halfway between FLT_MAX and 2^128
  if (d >= limit) return std::numeric_limits<float>::infinity();
  if (d <= -limit) return -std::numeric_limits<float>::infinity();
  if (d > fmax) return std::numeric_limits<float>::max();
  if (d < -fmax) return -std::numeric_limits<float>::max();
  return static_cast<float>(d);
}

/// Reports overflow (finite arguments, infinite result) in constant evaluation.
template <class T>
constexpr T check_overflow(T r, const char* what) {
  if (isinf(r)) domain_error_in_constant_evaluation(what);
  return r;
}

// --- exp family --------------------------------------------------------------------------------

/// e^(hi+lo) for |hi| <= ~0.35, as the correction q = e^hi - 1 - hi (plain T) and hi, lo.
template <class T>
constexpr T expm1_tail(T hi) noexcept {
  // (e^r - 1 - r) = r^2 * (1/2 + r/6 + ...)
  return hi * hi * horner(k<T>.exp_c, 2, exp_deg<T>, hi);
}

template <class T>
inline constexpr T exp_overflow_v = T(std::numeric_limits<T>::max_exponent + 2) * T(0.6931471805599453);
template <class T>
inline constexpr T exp_underflow_v =
    T(std::numeric_limits<T>::min_exponent - digits_v<T> - 3) * T(0.6931471805599453);

/// e^(a_hi + a_lo) * 2^scale for finite a_hi within the exp thresholds (|a_lo| tiny).
template <class T>
constexpr T exp_dd(T a_hi, T a_lo, int scale) noexcept {
  const long long kk = nearest_ll(a_hi * k<T>.inv_ln2);
  const T kf = static_cast<T>(kk);
  const T hi = a_hi - kf * k<T>.ln2_hi;  // exact
  const dd<T> r = two_sum(hi, a_lo - kf * k<T>.ln2_lo);
  const T q = expm1_tail(r.hi);
  const T y = 1 + (r.hi + (q + r.lo * (1 + r.hi)));
  return ldexp(y, static_cast<int>(kk) + scale);
}

/// e^x * 2^scale with overflow/underflow handling, no domain check.
template <class T>
constexpr T exp_scaled(T x, int scale) noexcept {
  if (isnan(x)) return x;
  if (x > exp_overflow_v<T>) return inf_v<T>;
  if (x < exp_underflow_v<T>) return 0;
  return exp_dd(x, T(0), scale);
}

/// e^x - 1 (accurate near 0); x finite.
template <class T>
constexpr T expm1(T x) noexcept {
  if (x == 0) return x;
  if (x > exp_overflow_v<T>) return inf_v<T>;
  if (x < -T(digits_v<T> + 3) * T(0.6931471805599453)) return -1;
  if (x > -T(0.34) && x < T(0.34)) return x + expm1_tail(x);
  const long long kk = nearest_ll(x * k<T>.inv_ln2);
  const T kf = static_cast<T>(kk);
  const dd<T> r = two_sum(x - kf * k<T>.ln2_hi, -kf * k<T>.ln2_lo);
  const T q = expm1_tail(r.hi);
  const T tail = q + r.lo * (1 + r.hi);  // e^r - 1 = r.hi + tail
  const int n = static_cast<int>(kk);
  if (n > digits_v<T>) return ldexp(1 + (r.hi + tail), n) - 1;
  const T t = pow2<T>(n);
  const dd<T> s = two_sum(t - 1, t * r.hi);  // both exact
  return s.hi + (s.lo + t * tail);
}

// --- log family --------------------------------------------------------------------------------

/// log(x) for positive finite x (fdlibm-style: log(1+f) = f - hfsq + s*(hfsq+R)).
template <class T>
constexpr T log_pos(T x) noexcept {
  mant_exp<T> me = frexp1(x);
  if (me.m > k<T>.sqrt2) {
    me.m /= 2;
    ++me.e;
  }
  const T f = me.m - 1;  // exact
  const T s = f / (2 + f);
  const T z = s * s;
  const T R = z * horner(k<T>.log_c, 1, log_deg<T>, z);
  const T hfsq = T(0.5) * f * f;
  const T dk = static_cast<T>(me.e);
  if (me.e == 0) return f - (hfsq - s * (hfsq + R));
  return dk * k<T>.ln2_hi - ((hfsq - (s * (hfsq + R) + dk * k<T>.ln2_lo)) - f);
}

/// log(x) as hi + lo with about 2*digits bits, x positive finite (used by pow).
template <class T>
constexpr dd<T> log_dd(T x) noexcept {
  mant_exp<T> me = frexp1(x);
  if (me.m > k<T>.sqrt2) {
    me.m /= 2;
    ++me.e;
  }
  const T f = me.m - 1;  // exact
  // s = f / (2 + f) in double-T
  const dd<T> den = two_sum(T(2), f);
  const T s_hi = f / den.hi;
  const dd<T> p = two_prod(s_hi, den.hi);
  const T s_lo = (((f - p.hi) - p.lo) - s_hi * den.lo) / den.hi;
  const dd<T> s = fast_two_sum(s_hi, s_lo);
  const dd<T> z = dd_mul(s, s);
  // log(1+f) = 2 s (1 + z/3 + z^2/5 + ...): tail from z^4 in plain T, head in double-T
  const T tail = horner(k<T>.log_c, 4, log_deg<T> + 1, z.hi) / 2;
  dd<T> acc{tail, 0};
  for (int i = 3; i >= 0; --i) acc = dd_add(dd_mul(acc, z), dd<T>{k<T>.inv_odd_hi[i], k<T>.inv_odd_lo[i]});
  dd<T> r = dd_mul(acc, dd<T>{2 * s.hi, 2 * s.lo});
  if (me.e != 0) {
    const T e = static_cast<T>(me.e);
    dd<T> l = two_prod(e, k<T>.ln2_lo);
    l.lo += e * k<T>.ln2_lo2;
    r = dd_add(r, l);
    r = dd_add(r, dd<T>{e * k<T>.ln2_hi, 0});  // exact product
  }
  return r;
}

// --- trigonometric -----------------------------------------------------------------------------

/// |x| up to which the Cody-Waite reduction is exact: k = round(x*2/pi) < 2^27.
/// Larger arguments would need Payne-Hanek reduction, which is not implemented.
template <class T>
inline constexpr T trig_max_v = T(0x1p27) * T(1.5);

template <class T>
struct reduced {
  T hi;
  T lo;
  int q;  // quadrant, 0..3
};

/// x - k*pi/2 as hi + lo with |hi| <= ~pi/4, using 7 pieces of pi/2 (Cody-Waite, ~200 bits).
template <class T>
constexpr reduced<T> reduce_pio2(T x) noexcept {
  if (x > -k<T>.pio4_hi && x < k<T>.pio4_hi) return {x, 0, 0};
  const long long kk = nearest_ll(x * k<T>.two_over_pi);
  const T kf = static_cast<T>(kk);
  dd<T> r{x - kf * k<T>.pio2_pieces[0], 0};  // exact (Sterbenz)
  for (int i = 1; i < 7; ++i) {
    const dd<T> s = two_sum(r.hi, -(kf * k<T>.pio2_pieces[i]));
    r = two_sum(s.hi, s.lo + r.lo);
  }
  return {r.hi, r.lo, static_cast<int>(kk & 3)};
}

/// sin(hi + lo), |hi| <= ~pi/4, |lo| <= ulp(hi)/2 (fdlibm __kernel_sin layout).
template <class T>
constexpr T sin_kernel(T x, T y) noexcept {
  const T z = x * x;
  const T v = z * x;
  const T r = horner(k<T>.sin_c, 2, sin_deg<T>, z);
  return x - ((z * (T(0.5) * y - v * r) - y) - v * k<T>.sin_c[1]);
}

/// cos(hi + lo), |hi| <= ~pi/4 (fdlibm __kernel_cos layout).
template <class T>
constexpr T cos_kernel(T x, T y) noexcept {
  const T z = x * x;
  const T r = z * horner(k<T>.cos_c, 2, cos_deg<T>, z);
  const T hz = T(0.5) * z;
  const T w = 1 - hz;
  return w + (((1 - w) - hz) + (z * r - x * y));
}

// --- inverse trigonometric ---------------------------------------------------------------------

/// atan(x) for x >= 0 (finite or +inf), fdlibm-style breakpoints.
template <class T>
constexpr T atan_pos(T x) noexcept {
  if (x >= pow2<T>(digits_v<T> + 2)) return k<T>.pio2_hi + k<T>.pio2_lo;
  int id = -1;
  if (x < T(0.4375)) {
    if (x < pow2<T>(-(digits_v<T> / 2 + 1))) return x;
  } else if (x < T(0.6875)) {
    id = 0;
    x = (2 * x - 1) / (2 + x);
  } else if (x < T(1.1875)) {
    id = 1;
    x = (x - 1) / (x + 1);
  } else if (x < T(2.4375)) {
    id = 2;
    x = (x - T(1.5)) / (1 + T(1.5) * x);
  } else {
    id = 3;
    x = -1 / x;
  }
  const T z = x * x;
  const T s = z * horner(k<T>.atan_c, 1, atan_deg<T>, z);  // atan(x) = x + x*s
  switch (id) {
    case -1:
      return x + x * s;
    case 0:
      return k<T>.atan_half_hi + ((x * s + k<T>.atan_half_lo) + x);
    case 1:
      return k<T>.pio4_hi + ((x * s + k<T>.pio4_lo) + x);
    case 2:
      return k<T>.atan_1p5_hi + ((x * s + k<T>.atan_1p5_lo) + x);
    default:
      return k<T>.pio2_hi + ((x * s + k<T>.pio2_lo) + x);
  }
}

/// (asin(s) - s) / s as a series in z = s^2, z <= 1/4.
template <class T>
constexpr T asin_r(T z) noexcept {
  return z * horner(k<T>.asin_c, 1, asin_deg<T>, z);
}

/// Upper half of x with at most (digits+1)/2 significant bits, so hi*hi is exact.
template <class T>
constexpr T upper_half(T x) noexcept {
  return split(x).hi;
}

}  // namespace impl

// ----------------------------------------------------------------------------------------------
// Public functions
// ----------------------------------------------------------------------------------------------

/// Square root; correctly rounded in practice.
template <class T>
[[nodiscard]] constexpr T sqrt(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::sqrt(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0 || x == impl::inf_v<T>) return x;
    if (x < 0) {
      domain_error_in_constant_evaluation("leibniz: sqrt of a negative number in constant evaluation");
      return impl::nan_v<T>;
    }
    impl::mant_exp<T> me = impl::frexp1(x);
    if (me.e % 2 != 0) {
      me.m *= 2;
      --me.e;
    }
    const T m = me.m;  // [1, 4)
    T y = T(0.6) + T(0.4) * m;
    for (int i = 0; i < 6; ++i) y = T(0.5) * (y + m / y);
    const impl::dd<T> p = impl::two_prod(y, y);
    y += (((m - p.hi) - p.lo) / (2 * y));
    return cx::ldexp(y, me.e / 2);
  }
}

/// Cube root.
template <class T>
[[nodiscard]] constexpr T cbrt(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::cbrt(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0 || isinf(x)) return x;
    impl::mant_exp<T> me = impl::frexp1(fabs(x));
    int r = me.e % 3;
    if (r < 0) r += 3;
    me.m *= static_cast<T>(1 << r);
    me.e -= r;
    const T m = me.m;  // [1, 8)
    T y = T(0.85) + T(0.15) * m;
    for (int i = 0; i < 7; ++i) y = (2 * y + m / (y * y)) / 3;
    const impl::dd<T> y2 = impl::two_prod(y, y);
    const impl::dd<T> y3 = impl::two_prod(y2.hi, y);
    const T c = ((m - y3.hi) - y3.lo) - y2.lo * y;
    y += c / (3 * y * y);
    const T res = cx::ldexp(y, me.e / 3);
    return x < 0 ? -res : res;
  }
}

/// e^x. Overflow gives +inf (a compile error in constant evaluation), underflow gives 0.
template <class T>
[[nodiscard]] constexpr T exp(T x) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::exp(static_cast<double>(x)));
    return isfinite(x) ? impl::check_overflow(r, "leibniz: exp overflows in constant evaluation") : r;
  } else {
    if (isnan(x)) return x;
    if (x == impl::inf_v<T>) return x;
    if (x == -impl::inf_v<T>) return 0;
    return impl::check_overflow(impl::exp_scaled(x, 0), "leibniz: exp overflows in constant evaluation");
  }
}

/// Natural logarithm. log(0) = -inf and log(x < 0) = NaN (compile errors in constant evaluation).
template <class T>
[[nodiscard]] constexpr T log(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::log(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == impl::inf_v<T>) return x;
    if (x < 0) {
      domain_error_in_constant_evaluation("leibniz: log of a negative number in constant evaluation");
      return impl::nan_v<T>;
    }
    if (x == 0) {
      domain_error_in_constant_evaluation("leibniz: log of zero in constant evaluation");
      return -impl::inf_v<T>;
    }
    return impl::log_pos(x);
  }
}

/// Sine, for |x| <= 1.5 * 2^27 (~2.01e8; exact Cody-Waite reduction). Larger finite arguments
/// are rejected: NaN at run time, a compile error in constant evaluation.
template <class T>
[[nodiscard]] constexpr T sin(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::sin(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;
    if (isinf(x)) {
      domain_error_in_constant_evaluation("leibniz: sin of an infinity in constant evaluation");
      return impl::nan_v<T>;
    }
    if (!(fabs(x) <= impl::trig_max_v<T>)) {
      domain_error_in_constant_evaluation("leibniz: argument of constexpr sin too large (|x| > 2e8)");
      return impl::nan_v<T>;
    }
    const impl::reduced<T> r = impl::reduce_pio2(x);
    switch (r.q) {
      case 0:
        return impl::sin_kernel(r.hi, r.lo);
      case 1:
        return impl::cos_kernel(r.hi, r.lo);
      case 2:
        return -impl::sin_kernel(r.hi, r.lo);
      default:
        return -impl::cos_kernel(r.hi, r.lo);
    }
  }
}

/// Cosine; same ranges as sin.
template <class T>
[[nodiscard]] constexpr T cos(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::cos(static_cast<double>(x)));
  } else {
    if (isnan(x)) return x;
    if (isinf(x)) {
      domain_error_in_constant_evaluation("leibniz: cos of an infinity in constant evaluation");
      return impl::nan_v<T>;
    }
    if (!(fabs(x) <= impl::trig_max_v<T>)) {
      domain_error_in_constant_evaluation("leibniz: argument of constexpr cos too large (|x| > 2e8)");
      return impl::nan_v<T>;
    }
    const impl::reduced<T> r = impl::reduce_pio2(x);
    switch (r.q) {
      case 0:
        return impl::cos_kernel(r.hi, r.lo);
      case 1:
        return -impl::sin_kernel(r.hi, r.lo);
      case 2:
        return -impl::cos_kernel(r.hi, r.lo);
      default:
        return impl::sin_kernel(r.hi, r.lo);
    }
  }
}

/// Tangent; same ranges as sin.
template <class T>
[[nodiscard]] constexpr T tan(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::tan(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;
    if (isinf(x)) {
      domain_error_in_constant_evaluation("leibniz: tan of an infinity in constant evaluation");
      return impl::nan_v<T>;
    }
    if (!(fabs(x) <= impl::trig_max_v<T>)) {
      domain_error_in_constant_evaluation("leibniz: argument of constexpr tan too large (|x| > 2e8)");
      return impl::nan_v<T>;
    }
    const impl::reduced<T> r = impl::reduce_pio2(x);
    const T s = impl::sin_kernel(r.hi, r.lo);
    const T c = impl::cos_kernel(r.hi, r.lo);
    return (r.q & 1) == 0 ? s / c : -c / s;
  }
}

/// Arc tangent.
template <class T>
[[nodiscard]] constexpr T atan(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::atan(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;
    return x < 0 ? -impl::atan_pos(-x) : impl::atan_pos(x);
  }
}

/// Arc tangent of y/x using the signs of both to determine the quadrant (C Annex F semantics).
template <class T>
[[nodiscard]] constexpr T atan2(T y, T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::atan2(static_cast<double>(y), static_cast<double>(x)));
  } else {
    if (isnan(x) || isnan(y)) return x + y;
    const T pi = impl::k<T>.pi_hi;
    const T pio2 = impl::k<T>.pio2_hi;
    const T pi_lo = impl::k<T>.pi_lo;
    if (x == 1 && !signbit(x)) return cx::atan(y);
    int m = (signbit(y) ? 1 : 0) + (signbit(x) ? 2 : 0);
    if (y == 0) {
      switch (m) {
        case 0:
        case 1:
          return y;
        case 2:
          return pi + pi_lo;
        default:
          return -pi - pi_lo;
      }
    }
    if (x == 0) return (m & 1) ? -pio2 - impl::k<T>.pio2_lo : pio2 + impl::k<T>.pio2_lo;
    if (isinf(x)) {
      if (isinf(y)) {
        switch (m) {
          case 0:
            return impl::k<T>.pio4_hi;
          case 1:
            return -impl::k<T>.pio4_hi;
          case 2:
            return impl::k<T>.three_pio4;
          default:
            return -impl::k<T>.three_pio4;
        }
      }
      switch (m) {
        case 0:
          return T(0);
        case 1:
          return -T(0);
        case 2:
          return pi + pi_lo;
        default:
          return -pi - pi_lo;
      }
    }
    if (isinf(y)) return (m & 1) ? -pio2 - impl::k<T>.pio2_lo : pio2 + impl::k<T>.pio2_lo;
    const T a = fabs(y);
    const T b = fabs(x);
    const T big = impl::pow2<T>(impl::digits_v<T> + 8);
    T z;
    if (a / big > b) {  // |y/x| > 2^(digits+8)
      z = pio2 + T(0.5) * impl::k<T>.pio2_lo;
      m &= 1;
    } else if (m >= 2 && b / big > a) {
      z = 0;
    } else {
      z = impl::atan_pos(a / b);
    }
    switch (m) {
      case 0:
        return z;
      case 1:
        return -z;
      case 2:
        return pi - (z - pi_lo);
      default:
        return (z - pi_lo) - pi;
    }
  }
}

/// Arc sine; |x| > 1 gives NaN (a compile error in constant evaluation).
template <class T>
[[nodiscard]] constexpr T asin(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::asin(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;
    const T a = fabs(x);
    if (a > 1) {
      domain_error_in_constant_evaluation("leibniz: asin of a number outside [-1, 1] in constant evaluation");
      return impl::nan_v<T>;
    }
    T t;
    if (a == 1) {
      t = impl::k<T>.pio2_hi + impl::k<T>.pio2_lo;
    } else if (a < T(0.5)) {
      if (a < impl::pow2<T>(-(impl::digits_v<T> / 2 + 1))) return x;
      return x + x * impl::asin_r(x * x);
    } else {
      const T z = (1 - a) / 2;  // exact
      const T s = cx::sqrt(z);
      const T r = impl::asin_r(z);
      if (a >= T(0.975)) {
        t = impl::k<T>.pio2_hi - (2 * (s + s * r) - impl::k<T>.pio2_lo);
      } else {
        const T w = impl::upper_half(s);
        const T c = (z - w * w) / (s + w);
        const T p = 2 * s * r - (impl::k<T>.pio2_lo - 2 * c);
        const T q = impl::k<T>.pio4_hi - 2 * w;
        t = impl::k<T>.pio4_hi - (p - q);
      }
    }
    return x < 0 ? -t : t;
  }
}

/// Arc cosine; |x| > 1 gives NaN (a compile error in constant evaluation).
template <class T>
[[nodiscard]] constexpr T acos(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::acos(static_cast<double>(x)));
  } else {
    if (isnan(x)) return x;
    const T a = fabs(x);
    if (a > 1) {
      domain_error_in_constant_evaluation("leibniz: acos of a number outside [-1, 1] in constant evaluation");
      return impl::nan_v<T>;
    }
    const T pio2_hi = impl::k<T>.pio2_hi;
    const T pio2_lo = impl::k<T>.pio2_lo;
    if (a == 1) return x > 0 ? T(0) : 2 * pio2_hi + 2 * pio2_lo;
    if (a < T(0.5)) {
      if (a < impl::pow2<T>(-(impl::digits_v<T> + 2))) return pio2_hi + pio2_lo;
      return pio2_hi - (x - (pio2_lo - x * impl::asin_r(x * x)));
    }
    if (x < 0) {
      const T z = (1 + x) / 2;  // exact
      const T s = cx::sqrt(z);
      const T w = impl::asin_r(z) * s - pio2_lo;
      return 2 * pio2_hi - 2 * (s + w);
    }
    const T z = (1 - x) / 2;  // exact
    const T s = cx::sqrt(z);
    const T df = impl::upper_half(s);
    const T c = (z - df * df) / (s + df);
    const T w = impl::asin_r(z) * s + c;
    return 2 * (df + w);
  }
}

/// Hyperbolic sine. Overflow gives +-inf (a compile error in constant evaluation).
template <class T>
[[nodiscard]] constexpr T sinh(T x) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::sinh(static_cast<double>(x)));
    return isfinite(x) ? impl::check_overflow(r, "leibniz: sinh overflows in constant evaluation") : r;
  } else {
    if (isnan(x) || x == 0 || isinf(x)) return x;
    const T a = fabs(x);
    T r;
    if (a < impl::pow2<T>(-(impl::digits_v<T> / 2 + 1))) {
      return x;
    } else if (a < T(impl::digits_v<T> + 3) * T(0.35)) {
      const T t = impl::expm1(a);
      r = a < 1 ? T(0.5) * (2 * t - t * t / (t + 1)) : T(0.5) * (t + t / (t + 1));
    } else {
      r = impl::exp_scaled(a, -1);
    }
    r = impl::check_overflow(r, "leibniz: sinh overflows in constant evaluation");
    return x < 0 ? -r : r;
  }
}

/// Hyperbolic cosine. Overflow gives +inf (a compile error in constant evaluation).
template <class T>
[[nodiscard]] constexpr T cosh(T x) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::cosh(static_cast<double>(x)));
    return isfinite(x) ? impl::check_overflow(r, "leibniz: cosh overflows in constant evaluation") : r;
  } else {
    if (isnan(x)) return x;
    if (isinf(x)) return impl::inf_v<T>;
    const T a = fabs(x);
    if (a < T(0.3465)) {
      const T t = impl::expm1(a);
      const T w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    if (a < T(impl::digits_v<T> + 3) * T(0.35)) {
      const T t = impl::exp_scaled(a, -1);
      return t + T(0.25) / t;
    }
    return impl::check_overflow(impl::exp_scaled(a, -1), "leibniz: cosh overflows in constant evaluation");
  }
}

/// Hyperbolic tangent.
template <class T>
[[nodiscard]] constexpr T tanh(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::tanh(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;
    if (isinf(x)) return x > 0 ? T(1) : T(-1);
    const T a = fabs(x);
    T z;
    if (a < impl::pow2<T>(-(impl::digits_v<T> / 2 + 1))) {
      return x;
    } else if (a < T(impl::digits_v<T> + 3) * T(0.35)) {
      if (a >= 1) {
        const T t = impl::expm1(2 * a);
        z = 1 - 2 / (t + 2);
      } else {
        const T t = impl::expm1(-2 * a);
        z = -t / (t + 2);
      }
    } else {
      z = 1;
    }
    return x < 0 ? -z : z;
  }
}

/// e^x - 1, accurate near 0 where exp(x) - 1 cancels. Overflow gives +inf (a compile error
/// in constant evaluation).
template <class T>
[[nodiscard]] constexpr T expm1(T x) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::expm1(static_cast<double>(x)));
    return isfinite(x) ? impl::check_overflow(r, "leibniz: expm1 overflows in constant evaluation") : r;
  } else {
    if (isnan(x) || x == impl::inf_v<T>) return x;
    if (x == -impl::inf_v<T>) return T(-1);
    return impl::check_overflow(impl::expm1(x), "leibniz: expm1 overflows in constant evaluation");
  }
}

/// log(1 + x), accurate near 0 where 1 + x rounds. log1p(-1) = -inf and log1p(x < -1) = NaN
/// (compile errors in constant evaluation).
template <class T>
[[nodiscard]] constexpr T log1p(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::log1p(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == impl::inf_v<T> || x == 0) return x;  // keeps -0
    if (x < -1) {
      domain_error_in_constant_evaluation("leibniz: log1p of a number below -1 in constant evaluation");
      return impl::nan_v<T>;
    }
    if (x == -1) {
      domain_error_in_constant_evaluation("leibniz: log1p of -1 in constant evaluation");
      return -impl::inf_v<T>;
    }
    const T u = 1 + x;
    if (u == 1) return x;  // |x| below half an ulp of 1: log(1 + x) is x to rounding
    // u - 1 is exact, so x / (u - 1) corrects log(u) for the rounding of 1 + x (Goldberg 1991)
    return impl::log_pos(u) * (x / (u - 1));
  }
}

/// sqrt(x^2 + y^2) without overflow or underflow in the squares; +inf if either argument is
/// infinite (even with a NaN), as C's hypot. Overflow of the result gives +inf (a compile
/// error in constant evaluation).
template <class T>
[[nodiscard]] constexpr T hypot(T x, T y) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::hypot(static_cast<double>(x), static_cast<double>(y)));
    return isfinite(x) && isfinite(y) ? impl::check_overflow(r, "leibniz: hypot overflows in constant evaluation")
                                      : r;
  } else {
    if (isinf(x) || isinf(y)) return impl::inf_v<T>;
    if (isnan(x) || isnan(y)) return impl::nan_v<T>;
    T a = fabs(x), b = fabs(y);
    if (a < b) {
      const T t = a;
      a = b;
      b = t;
    }
    if (b == 0) return a;
    // scale so that a is in [0.5, 1) (exact), sum the squares in double-T, take the root and
    // correct it by one Newton step on the residual (about half an ulp before the scaling back)
    int e = 0;
    static_cast<void>(frexp(a, &e));
    a = ldexp(a, -e);
    b = ldexp(b, -e);
    const impl::dd<T> a2 = impl::two_prod(a, a), b2 = impl::two_prod(b, b);
    const impl::dd<T> s = impl::dd_add(a2, b2);
    T h = sqrt(s.hi);
    const impl::dd<T> hh = impl::two_prod(h, h);
    h += ((s.hi - hh.hi) - hh.lo + s.lo) / (2 * h);
    return impl::check_overflow(ldexp(h, e), "leibniz: hypot overflows in constant evaluation");
  }
}

namespace impl {
/// e^(-x^2) for x >= 0, with x^2 exact as hi + lo (0 where it underflows).
template <class T>
constexpr T exp_minus_square(T x) noexcept {
  const dd<T> s = two_prod(x, x);
  if (-s.hi < exp_underflow_v<T>) return T(0);
  return exp_dd(-s.hi, -s.lo, 0);
}
/// erf(x) for 0 <= x < 1: (2/sqrt(pi)) e^(-x^2) sum 2^n x^(2n+1) / (1 3 5 ... (2n+1)),
/// a series of positive terms (no cancellation), terms and sum in double-T.
template <class T>
constexpr T erf_series(T x) noexcept {
  const dd<T> x2 = two_prod(x, x);
  const dd<T> two_x2{2 * x2.hi, 2 * x2.lo};
  dd<T> term{x, 0}, sum{x, 0};
  for (int n = 1; n < 400; ++n) {
    term = dd_mul(term, two_x2);
    const T d = T(2 * n + 1);
    const T q = term.hi / d;
    const dd<T> p = two_prod(q, d);
    term = fast_two_sum(q, ((term.hi - p.hi) - p.lo + term.lo) / d);
    sum = dd_add(sum, term);
    if (term.hi <= sum.hi * std::numeric_limits<T>::epsilon() * std::numeric_limits<T>::epsilon()) break;
  }
  const T e = exp_minus_square(x);
  return T(1.128379167095512573896158903121545172L) * (e * sum.hi + e * sum.lo);  // 2/sqrt(pi)
}
/// erfc(x) for x >= 0.5: e^(-x^2) / (sqrt(pi) t), t the continued fraction
/// x + (1/2)/(x + 1/(x + (3/2)/(x + ...))). The number of terms comes from a forward
/// (Lentz) evaluation, doubled; the fraction is then evaluated backward in double-T.
template <class T>
constexpr T erfc_fraction(T x) noexcept {
  const T tiny = std::numeric_limits<T>::min();
  T C = x, D = 0;
  int n = 1;
  for (; n < 4000; ++n) {
    const T a = T(n) / 2;
    D = x + a * D;
    if (D == 0) D = tiny;
    C = x + a / C;
    if (C == 0) C = tiny;
    D = 1 / D;
    if (fabs(C * D - 1) <= std::numeric_limits<T>::epsilon() / 8) break;
  }
  dd<T> t{x, 0};
  for (int k = 2 * n + 50; k >= 1; --k) {
    const T a = T(k) / 2;
    const T q = a / t.hi;
    const dd<T> p = two_prod(q, t.hi);
    t = dd_add(dd<T>{x, 0}, fast_two_sum(q, (((a - p.hi) - p.lo) - q * t.lo) / t.hi));
  }
  const T c = T(0.564189583547756286948079451560772586L);  // 1/sqrt(pi)
  const T r = c / t.hi;  // c / t in double-T, then one rounding with e^(-x^2)
  const dd<T> p = two_prod(r, t.hi);
  const T r2 = (((c - p.hi) - p.lo) - r * t.lo) / t.hi;
  const T e = exp_minus_square(x);
  return e * r + e * r2;
}
}  // namespace impl

/// The error function, erf(x) = (2/sqrt(pi)) integral from 0 to x of e^(-t^2); +-1 at +-inf.
template <class T>
[[nodiscard]] constexpr T erf(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::erf(static_cast<double>(x)));
  } else {
    if (isnan(x) || x == 0) return x;  // keeps -0
    if (isinf(x)) return x > 0 ? T(1) : T(-1);
    const T a = fabs(x);
    const T r = a < 1 ? impl::erf_series(a) : 1 - impl::erfc_fraction(a);
    return x < 0 ? -r : r;
  }
}

/// The complementary error function, erfc(x) = 1 - erf(x), accurate where erf(x) is near 1;
/// 0 at +inf (and where it underflows), 2 at -inf.
template <class T>
[[nodiscard]] constexpr T erfc(T x) {
  if constexpr (std::is_same_v<T, float>) {
    return static_cast<float>(cx::erfc(static_cast<double>(x)));
  } else {
    if (isnan(x)) return x;
    if (isinf(x)) return x > 0 ? T(0) : T(2);
    if (x >= T(0.5)) return impl::erfc_fraction(x);
    if (x > -T(0.5)) return 1 - (x < 0 ? -impl::erf_series(-x) : impl::erf_series(x));
    return 2 - impl::erfc_fraction(-x);
  }
}

/// x^n by binary powering in double-T arithmetic (about 1 ulp for any n); n may be negative.
/// pow_int(x, 0) == 1 for every x. Overflow and 0^(n<0) give +-inf (compile errors in constant
/// evaluation).
template <class T>
[[nodiscard]] constexpr T pow_int(T x, long long n) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::pow_int(static_cast<double>(x), n));
    return isfinite(x) ? impl::check_overflow(r, "leibniz: pow_int overflows in constant evaluation") : r;
  } else {
    if (n == 0) return 1;
    if (isnan(x)) return x;
    if (x == 0) {
      if (n > 0) return (n & 1) ? x : T(0);
      domain_error_in_constant_evaluation("leibniz: pow_int of zero with a negative exponent in constant evaluation");
      return (n & 1) ? copysign(impl::inf_v<T>, x) : impl::inf_v<T>;
    }
    unsigned long long u = n < 0 ? 0ull - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    impl::dd<T> base = n < 0 ? impl::dd_recip(x) : impl::dd<T>{x, 0};
    impl::dd<T> acc{1, 0};
    while (true) {
      if (u & 1ull) acc = impl::dd_mul(acc, base);
      u >>= 1;
      if (u == 0 || isinf(acc.hi) || acc.hi == 0) break;
      base = impl::dd_mul(base, base);
    }
    const T r = isfinite(acc.hi) ? acc.hi + acc.lo : acc.hi;
    return isfinite(x) ? impl::check_overflow(r, "leibniz: pow_int overflows in constant evaluation") : r;
  }
}

/// x^y (C Annex F special cases). Negative x with non-integer y gives NaN; 0^(y<0) and overflow
/// give inf; these are compile errors in constant evaluation.
template <class T>
[[nodiscard]] constexpr T pow(T x, T y) {
  if constexpr (std::is_same_v<T, float>) {
    const float r = impl::narrow(cx::pow(static_cast<double>(x), static_cast<double>(y)));
    return isfinite(x) && isfinite(y) ? impl::check_overflow(r, "leibniz: pow overflows in constant evaluation") : r;
  } else {
    if (y == 0 || x == 1) return 1;
    if (isnan(x) || isnan(y)) return x + y;
    const bool y_int = is_integer(y);
    const bool y_odd = y_int && floor(y / 2) != y / 2;
    if (isinf(y)) {
      const T a = fabs(x);
      if (a == 1) return 1;
      return (a < 1) == (y < 0) ? impl::inf_v<T> : T(0);
    }
    if (x == 0) {
      if (y > 0) return y_odd ? x : T(0);
      domain_error_in_constant_evaluation("leibniz: pow of zero with a negative exponent in constant evaluation");
      return y_odd ? copysign(impl::inf_v<T>, x) : impl::inf_v<T>;
    }
    if (isinf(x)) {
      if (x > 0) return y > 0 ? x : T(0);
      if (y > 0) return y_odd ? x : impl::inf_v<T>;
      return y_odd ? -T(0) : T(0);
    }
    if (x < 0 && !y_int) {
      domain_error_in_constant_evaluation(
          "leibniz: pow of a negative number with a non-integer exponent in constant evaluation");
      return impl::nan_v<T>;
    }
    const T a = fabs(x);
    const impl::dd<T> l = impl::log_dd(a);
    const T est = y * l.hi;
    T r;
    if (est > impl::exp_overflow_v<T>) {
      r = impl::inf_v<T>;
    } else if (est < impl::exp_underflow_v<T>) {
      r = 0;
    } else {
      impl::dd<T> t = impl::two_prod(y, l.hi);
      t.lo += y * l.lo;
      t = impl::fast_two_sum(t.hi, t.lo);
      r = impl::exp_dd(t.hi, t.lo, 0);
    }
    r = impl::check_overflow(r, "leibniz: pow overflows in constant evaluation");
    return x < 0 && y_odd ? -r : r;
  }
}

}  // namespace leibniz::detail::cx

#endif  // LEIBNIZ_DETAIL_CX_MATH_HPP
