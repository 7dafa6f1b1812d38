// SPDX-License-Identifier: BSL-1.0
// leibniz: functions of the user's own (lz::function<F>, lz::opaque_function<F>): values,
// derivatives of every order against the built-in equivalents, tensors, printing, LaTeX.
// The second derivative of an opaque function is a compile error
// (tests/fail/opaque_function_second_derivative.cpp).
#include "support.hpp"

#include <catch2/catch.hpp>

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <string>
#include <string_view>

namespace lz = leibniz;
using leibniz_test::opaque;

namespace {

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

/// softplus with its derivative as a formula, as a user would write it
struct user_softplus {
  static constexpr std::string_view name = "user_softplus";
  static constexpr std::string_view latex = "\\operatorname{sp}\\left(@\\right)";
  template <class T>
  static constexpr T apply(T v) {
    return (v > 0 ? v : T(0)) + lz::log1p(lz::exp(v > 0 ? -v : v));
  }
  template <class U>
  static constexpr auto derivative(U const& u) {
    return lz::sigmoid(u);
  }
};
constexpr auto sp = lz::function<user_softplus>;

/// tanh with its derivative as a value only
struct opaque_tanh {
  static constexpr std::string_view name = "otanh";
  static constexpr std::string_view derivative_name = "otanh_prime";
  static double apply(double v) { return std::tanh(v); }
  static double derivative_value(double v) {
    double const t = std::tanh(v);
    return 1 - t * t;
  }
};
constexpr auto ot = lz::opaque_function<opaque_tanh>;

/// a derivative name that is not a C identifier
struct primed {
  static constexpr std::string_view name = "primed";
  static constexpr std::string_view derivative_name = "primed'";
  static double apply(double v) { return v; }
  static double derivative_value(double) { return 1; }
};

}  // namespace

TEST_CASE("lz::function: values and derivatives of every order as the built-in function's",
          "[functions][user]") {
  for (double const v : {-30.0, -1.5, 0.0, 0.25, 3.0, 40.0}) {
    double const x0 = opaque(v);
    INFO("x = " << v);
    CHECK(lz::eval(sp(x), x = x0) == lz::eval(lz::softplus(x), x = x0));
    CHECK(lz::eval(lz::d(sp(x * y), x), x = x0, y = 2.0) == lz::eval(lz::d(lz::softplus(x * y), x), x = x0, y = 2.0));
    CHECK(lz::eval(lz::d(sp(x), x, x), x = x0) == lz::eval(lz::d(lz::softplus(x), x, x), x = x0));
    CHECK(lz::eval(lz::d(sp(x), x, x, x), x = x0) == lz::eval(lz::d(lz::softplus(x), x, x, x), x = x0));
  }
  STATIC_REQUIRE(lz::eval(lz::d(sp(x), x), x = 0.0) == 0.5);
  STATIC_REQUIRE(sp(0.0) == lz::softplus(0.0));  // on numbers, the value
  lz::tensor<double> const X{-2.0, 0.5, 7.0};
  CHECK(lz::eval(lz::grad(lz::sum(sp(x)), x), x = X) == lz::eval(lz::grad(lz::sum(lz::softplus(x)), x), x = X));
  CHECK(lz::to_string(lz::d(sp(x), x)) == "sigmoid(x)");
  CHECK(lz::to_string(sp(2 * x)) == "user_softplus(2 * x)");
  CHECK(lz::to_latex(sp(2 * x)) == "\\operatorname{sp}\\left(2 x\\right)");
}

TEST_CASE("lz::opaque_function: first derivatives from the derivative's value", "[functions][user]") {
  double const x0 = opaque(0.75);
  CHECK(lz::eval(ot(x), x = x0) == std::tanh(0.75));
  CHECK(lz::eval(lz::d(ot(x), x), x = x0) == lz::eval(lz::d(lz::tanh(x), x), x = x0));
  // the chain rule through it, in forward and reverse mode, over tensors
  CHECK(lz::eval(lz::d(ot(x * x), x), x = x0) == 2 * opaque_tanh::derivative_value(0.75 * 0.75) * 0.75);
  lz::tensor<double> const X{-1.0, 0.5};
  auto const g = lz::eval(lz::grad(lz::sum(ot(2 * x)), x), x = X);
  CHECK(g(0) == 2 * opaque_tanh::derivative_value(-2.0));
  CHECK(g(1) == 2 * opaque_tanh::derivative_value(1.0));
  CHECK(lz::eval(lz::jvp(ot(x), x, X), x = X)(1) == opaque_tanh::derivative_value(0.5) * 0.5);
  CHECK(lz::to_string(lz::d(ot(x * y), x)) == "otanh_prime(x * y) * y");
  CHECK(lz::to_latex(ot(x)) == "\\operatorname{otanh}\\left(x\\right)");
}

TEST_CASE("functions of the user's own in generated C: called by name or c_name", "[functions][user][codegen]") {
  CHECK(lz::to_c(sp(x), "f", lz::wrt(x)).find("user_softplus(x)") != std::string::npos);
  CHECK(lz::to_c(lz::d(ot(x), x), "f", lz::wrt(x)).find("otanh_prime(x)") != std::string::npos);
  CHECK(lz::to_string(lz::d(lz::opaque_function<primed>(x), x)) == "primed'(x)");
  CHECK(lz::to_c(lz::opaque_function<primed>(x), "f", lz::wrt(x)).find("primed(x)") != std::string::npos);
  CHECK_THROWS_WITH(lz::to_c(lz::d(lz::opaque_function<primed>(x), x), "f", lz::wrt(x)),
                    "leibniz::to_c: the function 'primed'' has no C name; give its struct a `c_name` that is a "
                    "C identifier");
}
