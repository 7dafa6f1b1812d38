// SPDX-License-Identifier: BSL-1.0
// leibniz: compile-time tests of the constexpr <cmath> replacements (static_asserts only)
#include <leibniz/detail/cx_math.hpp>
#include <leibniz/detail/math.hpp>

#include <limits>

namespace {

namespace cx = leibniz::detail::cx;
namespace lm = leibniz::detail::math;

/// |a - b| <= tol * max(1, |b|), evaluated in long double.
template <class T>
constexpr bool near(T a, long double b, long double tol) {
  const long double d = static_cast<long double>(a) - b;
  const long double m = b < 0 ? -b : b;
  return (d < 0 ? -d : d) <= tol * (m > 1 ? m : 1);
}

/// Checks f(x) for float, double and long double at tolerances suited to each type.
#define LEIBNIZ_CHECK_ALL(f, x, expected)                                        \
  static_assert(near(cx::f(static_cast<float>(x)), expected, 1e-6L));           \
  static_assert(near(cx::f(static_cast<double>(x)), expected, 1e-15L));         \
  static_assert(near(cx::f(static_cast<long double>(x)), expected, 1e-18L));    \
  static_assert(near(lm::f(static_cast<float>(x)), expected, 1e-6L));           \
  static_assert(near(lm::f(static_cast<double>(x)), expected, 1e-15L));         \
  static_assert(near(lm::f(static_cast<long double>(x)), expected, 1e-18L))

// reference values computed with mpmath (40 digits)
LEIBNIZ_CHECK_ALL(fabs, -2.5L, 2.5L);
LEIBNIZ_CHECK_ALL(sqrt, 2.0L, 1.41421356237309504880168872420969808L);
LEIBNIZ_CHECK_ALL(sqrt, 1e-300L, 1.0e-150L);
LEIBNIZ_CHECK_ALL(cbrt, -27.0L, -3.0L);
LEIBNIZ_CHECK_ALL(cbrt, 2.0L, 1.25992104989487316476721060727822835L);
LEIBNIZ_CHECK_ALL(exp, 1.0L, 2.7182818284590452353602874713526625L);
LEIBNIZ_CHECK_ALL(exp, -0.5L, 0.606530659712633423603799534991180453L);
LEIBNIZ_CHECK_ALL(exp, 10.0L, 22026.4657948067165169579006452842444L);
LEIBNIZ_CHECK_ALL(log, 2.0L, 0.693147180559945309417232121458176568L);
LEIBNIZ_CHECK_ALL(log, 0.1L, -2.30258509299404568401799145468436421L);
LEIBNIZ_CHECK_ALL(sin, 0.5L, 0.479425538604203000273287935215571388L);
LEIBNIZ_CHECK_ALL(sin, -3.0L, -0.14112000805986722210074480280811028L);
LEIBNIZ_CHECK_ALL(sin, 100.0L, -0.506365641109758793656557610459785432L);
LEIBNIZ_CHECK_ALL(cos, 0.5L, 0.877582561890372716116281582603829652L);
LEIBNIZ_CHECK_ALL(cos, 2.0L, -0.41614683654714238699756822950076219L);
LEIBNIZ_CHECK_ALL(tan, 0.5L, 0.546302489843790513255179465780285383L);
LEIBNIZ_CHECK_ALL(tan, -1.2L, -2.57215162212631893540999423603336396L);
LEIBNIZ_CHECK_ALL(asin, 0.5L, 0.523598775598298873077107230546583814L);
LEIBNIZ_CHECK_ALL(asin, -0.9L, -1.11976951499863418668667705584539962L);
LEIBNIZ_CHECK_ALL(acos, 0.5L, 1.04719755119659774615421446109316763L);
LEIBNIZ_CHECK_ALL(acos, -0.75L, 2.41885840577637762728426603063816952L);
LEIBNIZ_CHECK_ALL(atan, 1.0L, 0.785398163397448309615660845819875721L);
LEIBNIZ_CHECK_ALL(atan, -7.0L, -1.42889927219073269641847007453719836L);
LEIBNIZ_CHECK_ALL(sinh, 1.0L, 1.17520119364380145688238185059560082L);
LEIBNIZ_CHECK_ALL(sinh, -0.25L, -0.252612316808168307914125150542057906L);
LEIBNIZ_CHECK_ALL(cosh, 1.0L, 1.54308063481524377847790562075706168L);
LEIBNIZ_CHECK_ALL(cosh, -3.0L, 10.0676619957777658419539360351158898L);
LEIBNIZ_CHECK_ALL(tanh, 0.5L, 0.462117157260009758502318483643672549L);
LEIBNIZ_CHECK_ALL(tanh, -2.0L, -0.96402758007581688394641372410092315L);

#undef LEIBNIZ_CHECK_ALL

// binary functions
static_assert(near(cx::atan2(1.0f, -1.0f), 2.35619449019234492884698253745962716L, 1e-6L));
static_assert(near(cx::atan2(1.0, -1.0), 2.35619449019234492884698253745962716L, 1e-15L));
static_assert(near(cx::atan2(-1.0L, -2.0L), -2.67794504458898712224838715181828848L, 1e-18L));
static_assert(near(lm::atan2(0.5, 2.0), 0.244978663126864154172082481211275810L, 1e-15L));
static_assert(near(cx::pow(2.0f, 0.5f), 1.41421356237309504880168872420969808L, 1e-6L));
static_assert(near(cx::pow(2.0, 0.5), 1.41421356237309504880168872420969808L, 1e-15L));
static_assert(near(cx::pow(10.0L, -2.5L), 0.00316227766016837933199889354443271853L, 1e-18L));
static_assert(near(lm::pow(1.5, 20.0), 3325.25673007965087890625L, 1e-15L));
static_assert(near(lm::pow(-2.0L, 3.0L), -8.0L, 1e-18L));
static_assert(cx::pow_int(2.0, 10) == 1024.0);
static_assert(cx::pow_int(2.0f, -2) == 0.25f);
static_assert(cx::pow_int(-3.0L, 3) == -27.0L);
static_assert(near(cx::pow_int(1.25, 100), 4909093465.29772655309577195498627564L, 1e-15L));
static_assert(lm::pow_int(3.0, 4) == 81.0);
static_assert(lm::pow_int(1.25L, -7) == 0.2097152L);

// special values that are constant expressions (no domain error)
static_assert(cx::exp(-std::numeric_limits<double>::infinity()) == 0.0);
static_assert(cx::exp(-1e5) == 0.0);
static_assert(cx::log(1.0) == 0.0);
static_assert(cx::sqrt(0.0) == 0.0);
static_assert(cx::signbit(cx::sin(-0.0)));
static_assert(cx::signbit(cx::cbrt(-0.0L)));
static_assert(cx::atan(std::numeric_limits<double>::infinity()) > 1.5707963);
static_assert(cx::tanh(1e5f) == 1.0f);
static_assert(cx::pow(std::numeric_limits<double>::quiet_NaN(), 0.0) == 1.0);
static_assert(cx::isnan(cx::exp(std::numeric_limits<double>::quiet_NaN())));
static_assert(cx::floor(-2.5) == -3.0 && cx::floor(2.5L) == 2.0L);
static_assert(cx::ldexp(1.0, -1074) == std::numeric_limits<double>::denorm_min());

// exact identities
static_assert(cx::sqrt(16.0L) == 4.0L);
static_assert(cx::sqrt(2.25f) == 1.5f);
static_assert(cx::exp(0.0) == 1.0);
static_assert(cx::cos(0.0L) == 1.0L);

/// The functions compose in a constexpr evaluator.
constexpr double composite(double x) {
  return lm::exp(lm::sin(x)) * lm::log(1 + x * x) + lm::pow(x, 2.5) - lm::atan2(x, 1.0);
}
static_assert(near(composite(0.75), 0.725999148617061535112231798116676657L, 1e-14L));

}  // namespace
