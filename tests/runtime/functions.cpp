// SPDX-License-Identifier: BSL-1.0
// leibniz tests: every function and its derivative at several points, against closed
// forms written here with <cmath> and against a central finite difference.
#include <leibniz/leibniz.hpp>

#include <boost/math/differentiation/finite_difference.hpp>
#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <initializer_list>

namespace {

namespace lz = leibniz;
using leibniz_test::opaque;
using namespace lz::literals;
using Catch::Matchers::WithinAbs;
using Catch::Matchers::WithinRel;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

/// f and df/dx against closed forms; df/dx against a 6th-order central difference.
template <class F, class Value, class Slope>
void check_function(F const& f, Value value, Slope slope, std::initializer_list<double> points) {
  auto const df = lz::d(f, x);
  for (double const p : points) {
    double const at = opaque(p);
    INFO(lz::to_string(f) << " at x = " << p << "; derivative " << lz::to_string(df));
    CHECK_THAT(lz::eval(f, x = at), WithinRel(value(at), 4e-16) || WithinAbs(value(at), 1e-300));
    CHECK_THAT(lz::eval(df, x = at), WithinRel(slope(at), 1e-14) || WithinAbs(slope(at), 1e-15));
    auto const fn = [&](double v) { return lz::eval(f, x = v); };
    double const fd = boost::math::differentiation::finite_difference_derivative(fn, at);
    CHECK_THAT(lz::eval(df, x = at), WithinRel(fd, 1e-8) || WithinAbs(fd, 1e-9));
  }
}

TEST_CASE("elementary functions and their derivatives", "[functions][rules]") {
  using std::cos, std::sin, std::exp, std::log, std::sqrt, std::cbrt, std::tan, std::pow;
  auto const pts = {-2.5, -0.7, 0.3, 1.0, 2.2};
  auto const pos = {0.25, 0.6, 1.0, 2.2, 17.0};
  auto const unit = {-0.9, -0.4, 0.0, 0.3, 0.8};

  check_function(lz::sin(x), [](double v) { return sin(v); }, [](double v) { return cos(v); }, pts);
  check_function(lz::cos(x), [](double v) { return cos(v); }, [](double v) { return -sin(v); }, pts);
  check_function(lz::tan(x), [](double v) { return tan(v); },
                 [](double v) { return 1 / (cos(v) * cos(v)); }, {-1.2, -0.7, 0.3, 1.0, 1.4});
  check_function(lz::exp(x), [](double v) { return exp(v); }, [](double v) { return exp(v); }, pts);
  check_function(lz::log(x), [](double v) { return log(v); }, [](double v) { return 1 / v; }, pos);
  check_function(lz::sqrt(x), [](double v) { return sqrt(v); },
                 [](double v) { return 0.5 / sqrt(v); }, pos);
  check_function(lz::cbrt(x), [](double v) { return cbrt(v); },
                 [](double v) { return 1 / (3 * cbrt(v) * cbrt(v)); }, {-2.5, -0.7, 0.3, 1.0, 8.0});
  check_function(lz::asin(x), [](double v) { return std::asin(v); },
                 [](double v) { return 1 / sqrt(1 - v * v); }, unit);
  check_function(lz::acos(x), [](double v) { return std::acos(v); },
                 [](double v) { return -1 / sqrt(1 - v * v); }, unit);
  check_function(lz::atan(x), [](double v) { return std::atan(v); },
                 [](double v) { return 1 / (1 + v * v); }, pts);
  check_function(lz::sinh(x), [](double v) { return std::sinh(v); },
                 [](double v) { return std::cosh(v); }, pts);
  check_function(lz::cosh(x), [](double v) { return std::cosh(v); },
                 [](double v) { return std::sinh(v); }, pts);
  check_function(lz::tanh(x), [](double v) { return std::tanh(v); },
                 [](double v) { return 1 / (std::cosh(v) * std::cosh(v)); }, pts);
  check_function(lz::abs(x), [](double v) { return std::fabs(v); },
                 [](double v) { return v > 0 ? 1.0 : -1.0; }, {-2.5, -0.7, 0.3, 1.0, 2.2});
  check_function(lz::square(x), [](double v) { return v * v; }, [](double v) { return 2 * v; }, pts);
  check_function(lz::pow(x, 3_c), [](double v) { return v * v * v; },
                 [](double v) { return 3 * v * v; }, pts);
  check_function(lz::pow(x, lz::constant<-2>{}), [](double v) { return 1 / (v * v); },
                 [](double v) { return -2 / (v * v * v); }, pts);
  check_function(lz::pow(x, 1_c / 2_c), [](double v) { return sqrt(v); },
                 [](double v) { return 0.5 / sqrt(v); }, pos);
  check_function(lz::pow(x, 3_c / 2_c), [](double v) { return pow(v, 1.5); },
                 [](double v) { return 1.5 * sqrt(v); }, pos);
  check_function(lz::pow(x, lz::constant<-3, 4>{}), [](double v) { return pow(v, -0.75); },
                 [](double v) { return -0.75 * pow(v, -1.75); }, pos);
  check_function(lz::pow(x, 2.5), [](double v) { return pow(v, 2.5); },
                 [](double v) { return 2.5 * pow(v, 1.5); }, pos);
  check_function(lz::pow(2.0, x), [](double v) { return pow(2.0, v); },
                 [](double v) { return pow(2.0, v) * log(2.0); }, pts);
  check_function(lz::pow(x, x), [](double v) { return pow(v, v); },
                 [](double v) { return pow(v, v) * (log(v) + 1); }, pos);
  check_function(lz::atan2(x, 0.5), [](double v) { return std::atan2(v, 0.5); },
                 [](double v) { return 0.5 / (0.25 + v * v); }, pts);
  check_function(lz::atan2(1.5, x), [](double v) { return std::atan2(1.5, v); },
                 [](double v) { return -1.5 / (2.25 + v * v); }, pts);
}

TEST_CASE("operators and the chain rule", "[functions][rules]") {
  auto const pts = {-2.5, -0.7, 0.3, 1.0, 2.2};
  check_function((x + 3) * (x - 1.5), [](double v) { return (v + 3) * (v - 1.5); },
                 [](double v) { return 2 * v + 1.5; }, pts);
  check_function(x / (1 + x * x), [](double v) { return v / (1 + v * v); },
                 [](double v) { return (1 - v * v) / ((1 + v * v) * (1 + v * v)); }, pts);
  check_function(-lz::exp(lz::sin(2 * x)), [](double v) { return -std::exp(std::sin(2 * v)); },
                 [](double v) { return -std::exp(std::sin(2 * v)) * std::cos(2 * v) * 2; }, pts);
  check_function(lz::log(lz::cosh(x)) * lz::sqrt(x * x + 1),
                 [](double v) { return std::log(std::cosh(v)) * std::sqrt(v * v + 1); },
                 [](double v) {
                   return std::tanh(v) * std::sqrt(v * v + 1) +
                          std::log(std::cosh(v)) * v / std::sqrt(v * v + 1);
                 },
                 pts);
}

TEST_CASE("higher-order and mixed partials", "[rules]") {
  // f = exp(sin(x y)) / (1 + x^2 + y^2): mixed partials agree, and match a
  // finite difference of the lower-order derivative.
  auto const f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);
  double const px = opaque(0.7), py = opaque(0.4);
  auto const fxy = lz::d(f, x, y);
  auto const fyx = lz::d(f, y, x);
  CHECK_THAT(lz::eval(fxy, x = px, y = py), WithinRel(lz::eval(fyx, x = px, y = py), 1e-13));
  auto const fx = lz::d(f, x);
  auto const fx_of_y = [&](double v) { return lz::eval(fx, x = px, y = v); };
  CHECK_THAT(lz::eval(fxy, x = px, y = py),
             WithinRel(boost::math::differentiation::finite_difference_derivative(fx_of_y, py), 1e-8));
  auto const fxxy = lz::d(f, x, x, y);
  auto const fxy_of_x = [&](double v) { return lz::eval(fxy, x = v, y = py); };
  CHECK_THAT(lz::eval(fxxy, x = px, y = py),
             WithinRel(boost::math::differentiation::finite_difference_derivative(fxy_of_x, px), 1e-7));
  CHECK_THAT(lz::eval(lz::d(f, x, y, x, y), x = px, y = py),
             WithinRel(lz::eval(lz::d(f, y, y, x, x), x = px, y = py), 1e-12));
}

TEMPLATE_TEST_CASE("evaluation in float, double and long double", "[eval]", float, double,
                   long double) {
  auto const f = lz::sin(x) * lz::exp(x) + lz::pow(x, 3_c) / 2;
  auto const df = lz::d(f, x);
  TestType const at = static_cast<TestType>(opaque(0.75));
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(df, x = at)), TestType>);
  TestType const expected =
      std::cos(at) * std::exp(at) + std::sin(at) * std::exp(at) + TestType(1.5) * at * at;
  CHECK_THAT(double(lz::eval(df, x = at)), WithinRel(double(expected), 1e-6));
}

}  // namespace
