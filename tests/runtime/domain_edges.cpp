// SPDX-License-Identifier: BSL-1.0
// leibniz tests: numerics at domain edges (issue 5, item 5). At run time, values follow
// <cmath> and IEEE 754 (NaN, +-inf, signed zeros), compared here with the std:: function
// of the same type, for float, double and long double, on scalars and on lz::tensor
// elements; derivatives at the edges follow from the same arithmetic (d sqrt(x) at 0 is
// +inf, d abs(x) at 0 is 0 as in PyTorch). Nothing here is undefined behaviour: the asan
// preset runs this file with -fsanitize=undefined -fno-sanitize-recover=all. In constant
// evaluation the same calls are compile errors (tests/fail/cx_eval_*.cpp).
// docs/reliability.md has the table.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

/// A value the optimiser cannot see, so that evaluation happens at run time.
template <class T>
T opaque(T v) {
  volatile T w = v;
  return w;
}

/// The same IEEE value: both NaN, or equal with the same sign (so -0 differs from +0).
template <class T>
bool same(T got, T want) {
  if (std::isnan(want)) return std::isnan(got);
  return got == want && std::signbit(got) == std::signbit(want);
}

template <class T>
constexpr T inf = std::numeric_limits<T>::infinity();

TEMPLATE_TEST_CASE("log at 0 and below", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0)), neg = opaque(T(-1));
  CHECK(same(lz::eval(lz::log(x), x = zero), std::log(zero)));  // -inf
  CHECK(lz::eval(lz::log(x), x = zero) == -inf<T>);
  CHECK(same(lz::eval(lz::log(x), x = -zero), std::log(-zero)));  // -inf
  CHECK(same(lz::eval(lz::log(x), x = neg), std::log(neg)));      // NaN
  CHECK(std::isnan(lz::eval(lz::log(x), x = neg)));
  // d log(x) = 1/x: +inf at 0, -1 at -1 (the derivative's formula is defined there)
  CHECK(same(lz::eval(lz::d(lz::log(x), x), x = zero), T(1) / zero));
  CHECK(lz::eval(lz::d(lz::log(x), x), x = neg) == T(-1));
  // x log(x) at 0: 0 * -inf is NaN, as in <cmath> arithmetic (and in PyTorch)
  CHECK(same(lz::eval(x * lz::log(x), x = zero), zero * std::log(zero)));
}

TEMPLATE_TEST_CASE("sqrt and its derivative at 0 and below", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0)), neg = opaque(T(-4));
  CHECK(same(lz::eval(lz::sqrt(x), x = zero), std::sqrt(zero)));    // +0
  CHECK(same(lz::eval(lz::sqrt(x), x = -zero), std::sqrt(-zero)));  // -0
  CHECK(same(lz::eval(lz::sqrt(x), x = neg), std::sqrt(neg)));       // NaN
  CHECK(lz::eval(lz::d(lz::sqrt(x), x), x = zero) == inf<T>);        // 1 / (2 sqrt(0)) = +inf
  CHECK(lz::eval(lz::grad(lz::sqrt(x), x), x = zero) == inf<T>);
  CHECK(std::isnan(lz::eval(lz::d(lz::sqrt(x), x), x = neg)));
  // x^(1/2) is the same function
  CHECK(same(lz::eval(lz::pow(x, 1_c / 2_c), x = zero), T(0)));
  CHECK(lz::eval(lz::d(lz::pow(x, 1_c / 2_c), x), x = zero) == inf<T>);
  // cbrt is defined below 0; its derivative is +inf at 0
  CHECK(same(lz::eval(lz::cbrt(x), x = opaque(T(-8))), std::cbrt(T(-8))));
  CHECK(lz::eval(lz::d(lz::cbrt(x), x), x = zero) == inf<T>);
}

TEMPLATE_TEST_CASE("pow of a negative base", "[domain]", float, double, long double) {
  using T = TestType;
  T const m2 = opaque(T(-2)), half = opaque(T(0.5)), three = opaque(T(3));
  // non-integer exponent: NaN
  CHECK(same(lz::eval(lz::pow(x, y), x = m2, y = half), std::pow(m2, half)));
  CHECK(std::isnan(lz::eval(lz::pow(x, y), x = m2, y = half)));
  CHECK(std::isnan(lz::eval(lz::pow(x, T(0.5)), x = m2)));
  CHECK(std::isnan(lz::eval(lz::pow(x, 1_c / 2_c), x = m2)));
  // integer exponent: fine, as a run-time number, a compile-time constant or a variable
  CHECK(same(lz::eval(lz::pow(x, y), x = m2, y = three), std::pow(m2, three)));  // -8
  CHECK(lz::eval(lz::pow(x, y), x = m2, y = three) == T(-8));
  CHECK(lz::eval(lz::pow(x, T(3)), x = m2) == T(-8));
  CHECK(lz::eval(lz::pow(x, 3_c), x = m2) == T(-8));
  CHECK(lz::eval(lz::pow(x, lz::constant<-2>{}), x = m2) == T(0.25));
  // d/dx x^3 = 3 x^2 = 12, whatever form the exponent has
  CHECK(lz::eval(lz::d(lz::pow(x, 3_c), x), x = m2) == T(12));
  CHECK(lz::eval(lz::d(lz::pow(x, T(3)), x), x = m2) == T(12));
  CHECK(lz::eval(lz::d(lz::pow(x, y), x), x = m2, y = three) == T(12));
  // d/dy x^y = x^y log(x): log(-2) is NaN, so NaN (as in PyTorch)
  CHECK(std::isnan(lz::eval(lz::d(lz::pow(x, y), y), x = m2, y = three)));
  // pow at 0: 0^2 = 0, d/dx = 0; 0^-1 = +inf, (-0)^-1 = -inf (C Annex F)
  T const zero = opaque(T(0));
  CHECK(same(lz::eval(lz::pow(x, y), x = zero, y = T(2)), std::pow(zero, T(2))));
  CHECK(lz::eval(lz::d(lz::pow(x, y), x), x = zero, y = T(2)) == T(0));
  CHECK(same(lz::eval(lz::pow(x, y), x = zero, y = T(-1)), std::pow(zero, T(-1))));
  CHECK(same(lz::eval(lz::pow(x, y), x = -zero, y = T(-1)), std::pow(-zero, T(-1))));
  // d/dy x^y at x = 0 is 0^y log(0) = 0 * -inf = NaN by <cmath> arithmetic. (PyTorch
  // masks this case to 0; leibniz does not: documented in docs/reliability.md.)
  CHECK(std::isnan(lz::eval(lz::d(lz::pow(x, y), y), x = zero, y = T(2))));
}

TEMPLATE_TEST_CASE("abs and sign at 0", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0));
  CHECK(same(lz::eval(lz::abs(x), x = zero), std::fabs(zero)));
  CHECK(same(lz::eval(lz::abs(x), x = -zero), std::fabs(-zero)));  // +0
  // d abs(x) = sign(x), and sign(0) = 0, as in PyTorch
  CHECK(lz::eval(lz::d(lz::abs(x), x), x = zero) == T(0));
  CHECK(lz::eval(lz::d(lz::abs(x), x), x = -zero) == T(0));
  CHECK(lz::eval(lz::grad(lz::abs(x), x), x = zero) == T(0));
  CHECK(lz::eval(lz::sign(x), x = zero) == T(0));
  CHECK(lz::eval(lz::sign(x), x = opaque(T(-3))) == T(-1));
  CHECK(std::isnan(lz::eval(lz::sign(x), x = opaque(std::numeric_limits<T>::quiet_NaN()))));
  // the derivative of sign is 0 everywhere, also at 0
  CHECK(lz::eval(lz::d(lz::sign(x), x), x = zero) == T(0));
}

TEMPLATE_TEST_CASE("division by zero follows IEEE 754", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0)), one = opaque(T(1));
  CHECK(same(lz::eval(1 / x, x = zero), one / zero));        // +inf
  CHECK(same(lz::eval(1 / x, x = -zero), one / -zero));      // -inf
  CHECK(same(lz::eval(x / y, x = zero, y = zero), zero / zero));  // NaN
  CHECK(same(lz::eval(x / y, x = -one, y = zero), -one / zero));  // -inf
  CHECK(lz::eval(lz::d(1 / x, x), x = zero) == -inf<T>);    // -1 / x^2
  CHECK(std::isnan(lz::eval(lz::d(x / y, y), x = zero, y = zero)));
  // an integer binding is computed in double: 1 / 0 is +inf, not an integer division
  CHECK(lz::eval(1 / x, x = opaque(0.0) == 0.0 ? 0 : 1) == std::numeric_limits<double>::infinity());
  CHECK(std::isnan(lz::eval(x / y, x = 0, y = 0)));
}

TEMPLATE_TEST_CASE("atan2 at the origin and other edges", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0));
  CHECK(same(lz::eval(lz::atan2(y, x), y = zero, x = zero), std::atan2(zero, zero)));    // +0
  CHECK(same(lz::eval(lz::atan2(y, x), y = zero, x = -zero), std::atan2(zero, -zero)));  // +pi
  CHECK(same(lz::eval(lz::atan2(y, x), y = -zero, x = -zero), std::atan2(-zero, -zero)));  // -pi
  CHECK(same(lz::eval(lz::atan2(y, x), y = -zero, x = zero), std::atan2(-zero, zero)));  // -0
  CHECK(same(lz::eval(lz::atan2(y, x), y = opaque(T(1)), x = zero), std::atan2(T(1), zero)));  // pi/2
  // the partial derivatives, -y / (x^2 + y^2) and x / (x^2 + y^2), are 0/0 = NaN at the origin
  CHECK(std::isnan(lz::eval(lz::d(lz::atan2(y, x), x), y = zero, x = zero)));
  CHECK(std::isnan(lz::eval(lz::d(lz::atan2(y, x), y), y = zero, x = zero)));
}

TEMPLATE_TEST_CASE("other edges: asin, acos at +-1, exp overflow, log of inf", "[domain]", float, double,
                   long double) {
  using T = TestType;
  T const one = opaque(T(1)), two = opaque(T(2)), big = opaque(T(100000));
  CHECK(same(lz::eval(lz::asin(x), x = two), std::asin(two)));  // NaN
  CHECK(same(lz::eval(lz::acos(x), x = two), std::acos(two)));  // NaN
  CHECK(lz::eval(lz::d(lz::asin(x), x), x = one) == inf<T>);    // 1 / sqrt(1 - x^2)
  CHECK(lz::eval(lz::d(lz::acos(x), x), x = one) == -inf<T>);
  CHECK(same(lz::eval(lz::exp(x), x = big), std::exp(big)));  // +inf
  CHECK(lz::eval(lz::d(lz::exp(x), x), x = big) == inf<T>);
  CHECK(same(lz::eval(lz::exp(x), x = -big), std::exp(-big)));  // +0
  CHECK(same(lz::eval(lz::log(x), x = inf<T>), std::log(inf<T>)));
  CHECK(same(lz::eval(lz::tanh(x), x = big), std::tanh(big)));  // 1
  CHECK(lz::eval(lz::d(lz::tanh(x), x), x = big) == T(0));
  // NaN in, NaN out
  T const nan = opaque(std::numeric_limits<T>::quiet_NaN());
  CHECK(std::isnan(lz::eval(lz::sin(x) * x + 1, x = nan)));
  CHECK(std::isnan(lz::eval(lz::d(lz::sin(x) * x, x), x = nan)));
}

TEMPLATE_TEST_CASE("the stable functions at their edges", "[domain]", float, double, long double) {
  using T = TestType;
  T const zero = opaque(T(0)), one = opaque(T(1)), big = opaque(T(100000));
  T const nan = opaque(std::numeric_limits<T>::quiet_NaN());
  // log1p: -inf at -1, NaN below, -0 kept; its derivative 1 / (x + 1) is +inf at -1
  CHECK(same(lz::eval(lz::log1p(x), x = -one), std::log1p(-one)));
  CHECK(lz::eval(lz::log1p(x), x = -one) == -inf<T>);
  CHECK(same(lz::eval(lz::log1p(x), x = opaque(T(-2))), std::log1p(T(-2))));  // NaN
  CHECK(same(lz::eval(lz::log1p(x), x = -zero), std::log1p(-zero)));         // -0
  CHECK(lz::eval(lz::d(lz::log1p(x), x), x = -one) == inf<T>);
  // expm1: -1 at -inf, +inf on overflow (and its derivative exp)
  CHECK(same(lz::eval(lz::expm1(x), x = -inf<T>), std::expm1(-inf<T>)));
  CHECK(same(lz::eval(lz::expm1(x), x = big), std::expm1(big)));
  CHECK(lz::eval(lz::d(lz::expm1(x), x), x = -big) == T(0));
  // sigmoid and softplus never overflow; their derivatives neither
  CHECK(lz::eval(lz::sigmoid(x), x = big) == T(1));
  CHECK(lz::eval(lz::sigmoid(x), x = -big) == T(0));
  CHECK(lz::eval(lz::d(lz::sigmoid(x), x), x = big) == T(0));
  CHECK(lz::eval(lz::d(lz::sigmoid(x), x), x = -big) == T(0));
  CHECK(lz::eval(lz::softplus(x), x = big) == big);
  CHECK(lz::eval(lz::softplus(x), x = -big) == T(0));
  CHECK(lz::eval(lz::softplus(x), x = inf<T>) == inf<T>);
  CHECK(lz::eval(lz::d(lz::softplus(x), x), x = big) == T(1));
  // logaddexp of equal infinities is that infinity (no inf - inf); its partials are NaN there,
  // as in PyTorch (sigmoid(inf - inf))
  CHECK(lz::eval(lz::logaddexp(x, y), x = inf<T>, y = inf<T>) == inf<T>);
  CHECK(lz::eval(lz::logaddexp(x, y), x = -inf<T>, y = -inf<T>) == -inf<T>);
  CHECK(lz::eval(lz::logaddexp(x, y), x = -inf<T>, y = one) == one);
  CHECK(std::isnan(lz::eval(lz::d(lz::logaddexp(x, y), x), x = inf<T>, y = inf<T>)));
  // hypot: an infinity wins over NaN (C's hypot); the partials x / h, y / h are 0/0 = NaN
  // at the origin (also in PyTorch)
  CHECK(same(lz::eval(lz::hypot(x, y), x = inf<T>, y = nan), std::hypot(inf<T>, nan)));
  CHECK(same(lz::eval(lz::hypot(x, y), x = zero, y = -zero), std::hypot(zero, -zero)));  // +0
  CHECK(std::isnan(lz::eval(lz::d(lz::hypot(x, y), x), x = zero, y = zero)));
  CHECK(std::isnan(lz::eval(lz::sigmoid(x) + lz::softplus(x), x = nan)));
}

TEMPLATE_TEST_CASE("tensor elements follow the scalar results", "[domain]", float, double, long double) {
  using T = TestType;
  T const nan = std::numeric_limits<T>::quiet_NaN();
  lz::tensor<T> const X{T(0), -T(0), T(-1), T(-2), T(1), inf<T>, -inf<T>, nan};
  auto check_elementwise = [&](auto f) {
    auto const r = lz::eval(f, x = X);
    REQUIRE(r.shape() == X.shape());
    for (std::size_t i = 0; i < X.size(); ++i) {
      INFO("f = " << f << ", x = " << X.data()[i]);
      CHECK(same(r.data()[i], T(lz::eval(f, x = X.data()[i]))));
    }
  };
  check_elementwise(lz::log(x));
  check_elementwise(lz::sqrt(x));
  check_elementwise(lz::pow(x, T(0.5)));
  check_elementwise(lz::pow(x, 3_c));
  check_elementwise(lz::abs(x));
  check_elementwise(1 / x);
  check_elementwise(lz::atan2(x, x));
  check_elementwise(lz::d(lz::sqrt(x), x));
  check_elementwise(lz::d(lz::abs(x), x));
  check_elementwise(lz::d(lz::log(x), x));
  // and each scalar result is <cmath>'s
  auto const logs = lz::eval(lz::log(x), x = X);
  for (std::size_t i = 0; i < X.size(); ++i) CHECK(same(logs.data()[i], std::log(X.data()[i])));
  // the gradient of a sum: d/dx sqrt(x) elementwise, +inf at 0
  auto const g = lz::eval(lz::grad(lz::sum(lz::sqrt(x)), x), x = lz::tensor<T>{0, 4});
  CHECK(g.data()[0] == inf<T>);
  CHECK(g.data()[1] == T(0.25));
}

TEST_CASE("fixed tensors at the edges", "[domain]") {
  lz::fixed_tensor<double, 3> const X{0, -1, 4};
  auto const r = lz::eval(lz::stack(lz::log(x(0)), lz::log(x(1)), lz::sqrt(x(2))), x = X);
  CHECK(r(0) == -std::numeric_limits<double>::infinity());
  CHECK(std::isnan(r(1)));
  CHECK(r(2) == 2);
  auto const g = lz::eval(lz::grad(lz::sum(lz::sqrt(x)), x), x = lz::fixed_tensor<double, 2>{0, 4});
  CHECK(g(0) == std::numeric_limits<double>::infinity());
  CHECK(g(1) == 0.25);
}

}  // namespace
