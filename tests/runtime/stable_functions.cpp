// SPDX-License-Identifier: BSL-1.0
// leibniz: the numerically stable functions (lz::log1p, expm1, sigmoid, softplus, erf,
// erfc, hypot, logaddexp): values, first and second derivatives of scalars and tensors against exact
// values (mpmath) and PyTorch 1.13's (stable_functions_golden.inc, written by
// scripts/torch-functions-golden), where the naive formulas overflow or cancel; printing,
// LaTeX, exact values and constexpr use.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace lz = leibniz;
using namespace lz::literals;
using leibniz_test::opaque;

namespace {

struct unary_golden {
  std::string_view fn;
  double x, value, d1, d2;              // exact, rounded to double
  double torch_value, torch_d1, torch_d2;  // PyTorch 1.13
};
struct binary_golden {
  std::string_view fn;
  double a, b;
  double exact[6];  // f, df/da, df/db, d2f/da2, d2f/dadb, d2f/db2
  double torch[6];
};
struct unary_tensor_golden {
  std::string_view fn;
  double x[6], value[6], grad[6], torch_value[6], torch_grad[6];
};
struct binary_tensor_golden {
  std::string_view fn;
  double a[6], b[3], value[6], grad_a[6], grad_b[3], torch_value[6], torch_grad_a[6], torch_grad_b[3];
};
inline constexpr double golden_nan = std::numeric_limits<double>::quiet_NaN();
#include "stable_functions_golden.inc"

constexpr lz::variable<"x"> x;
constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;

/// Equal to relative `rel` (1e-14: tens of ulp at most) or both tiny; both NaN also counts.
bool close(double got, double want, double rel = 1e-14) {
  if (std::isnan(want)) return std::isnan(got);
  if (std::isinf(want)) return got == want;
  return std::fabs(got - want) <= rel * std::fabs(want) + 1e-300;
}

/// PyTorch computes some of these less accurately than leibniz: its expm1' is
/// expm1(x) + 1 (0 at x = -40), its sigmoid' is s (1 - s) (3 digits at x = 30), its
/// softplus is x itself above 20. Where PyTorch's value is within 1e-6 of the exact one,
/// leibniz must agree with it to 2e-6 (plus `abs`): the same function, the same conventions;
/// elsewhere the exact value decides.
struct torch_agreement {
  std::size_t compared = 0, torch_inaccurate = 0;
  void check(double got, double exact, double torch, double abs = 0) {
    if (std::isnan(torch) && !std::isnan(exact)) {
      ++torch_inaccurate;
      return;
    }
    if (!close(torch, exact, 1e-6) && std::fabs(torch - exact) > abs) {
      ++torch_inaccurate;
      return;
    }
    ++compared;
    if (std::isnan(torch) || std::isinf(torch))
      CHECK(close(got, torch));
    else
      CHECK(std::fabs(got - torch) <= 2e-6 * std::fabs(torch) + abs + 1e-300);
  }
  /// At the end of a test case: at least `min_compared` comparisons happened, and PyTorch
  /// was inaccurate at most `max_inaccurate` times (numbers of the golden file).
  void require(std::size_t min_compared, std::size_t max_inaccurate) const {
    INFO(compared << " values compared with PyTorch's, " << torch_inaccurate
                  << " where PyTorch's is more than 1e-6 from the exact value");
    CHECK(compared >= min_compared);
    CHECK(torch_inaccurate <= max_inaccurate);
  }
};

template <class F>
void check_unary(std::string_view name, F f, torch_agreement& torch_checks) {
  std::size_t n = 0;
  for (auto const& c : unary_cases) {
    if (c.fn != name) continue;
    ++n;
    double const x0 = opaque(c.x);
    INFO(name << "(" << c.x << ")");
    double const v = lz::eval(f(x), x = x0);
    double const d1 = lz::eval(lz::d(f(x), x), x = x0);
    double const d2 = lz::eval(lz::d(f(x), x, x), x = x0);
    CHECK(close(v, c.value));
    CHECK(close(d1, c.d1));
    // sigmoid'' = sigmoid' (sigmoid(-x) - sigmoid(x)) cancels near 0: right to rounding at
    // the scale of sigmoid' = 1/4 only (in double, no formula does better from x alone)
    double const abs2 = name == "sigmoid" && std::fabs(c.x) < 1e-6 ? 1e-15 * c.d1 : 0;
    if (abs2 > 0)
      CHECK(std::fabs(d2 - c.d2) <= abs2);
    else
      CHECK(close(d2, c.d2));
    torch_checks.check(v, c.value, c.torch_value);
    torch_checks.check(d1, c.d1, c.torch_d1);
    torch_checks.check(d2, c.d2, c.torch_d2, abs2);
  }
  CHECK(n >= 9);
}

template <class F>
void check_binary(std::string_view name, F f, torch_agreement& torch_checks) {
  std::size_t n = 0;
  for (auto const& c : binary_cases) {
    if (c.fn != name) continue;
    ++n;
    double const a0 = opaque(c.a), b0 = opaque(c.b);
    INFO(name << "(" << c.a << ", " << c.b << ")");
    auto const g = lz::eval(lz::grad(f(a, b), lz::wrt(a, b)), a = a0, b = b0);
    auto const H = lz::eval(lz::hessian(f(a, b), lz::wrt(a, b)), a = a0, b = b0);
    double const got[6] = {lz::eval(f(a, b), a = a0, b = b0), g(0), g(1), H(0, 0), H(0, 1), H(1, 1)};
    CHECK(H(1, 0) == H(0, 1));
    for (int k = 0; k < 6; ++k) {
      INFO("entry " << k << " of f, df/da, df/db, d2f/da2, d2f/dadb, d2f/db2");
      // d2/db2 = 1 / h - b^2 / h^3 cancels where |a| << |b|: right to rounding at the scale
      // of 1 / h only
      double const abs = name == "hypot" && c.a == 1e-3 && k == 5 ? 1e-15 / c.exact[0] : 0;
      if (abs > 0)
        CHECK(std::fabs(got[k] - c.exact[k]) <= abs);
      else
        CHECK(close(got[k], c.exact[k]));
      // PyTorch's double backward of logaddexp(-800, 800) is NaN; the exact value, e^-1600,
      // is 0 in double
      torch_checks.check(got[k], c.exact[k], c.torch[k], abs);
    }
  }
  CHECK(n >= 6);
}

}  // namespace

TEST_CASE("log1p, expm1, sigmoid, softplus, erf and erfc against PyTorch: values, first and second derivatives",
          "[functions][stable]") {
  torch_agreement torch_checks;
  check_unary("log1p", lz::log1p, torch_checks);
  check_unary("expm1", lz::expm1, torch_checks);
  check_unary("sigmoid", lz::sigmoid, torch_checks);
  check_unary("softplus", lz::softplus, torch_checks);
  check_unary("erf", lz::erf, torch_checks);
  check_unary("erfc", lz::erfc, torch_checks);
  torch_checks.require(193, 5);
}

TEST_CASE("hypot and logaddexp against PyTorch: values, gradients and Hessians", "[functions][stable]") {
  torch_agreement torch_checks;
  check_binary("hypot", lz::hypot, torch_checks);
  check_binary("logaddexp", lz::logaddexp, torch_checks);
  torch_checks.require(75, 3);
}

TEST_CASE("stable functions over tensors against PyTorch: values and gradients, with broadcasting",
          "[functions][stable][tensor]") {
  torch_agreement torch_checks;
  auto const unary = [&](std::string_view name, auto f) {
    for (auto const& c : unary_tensor_cases) {
      if (c.fn != name) continue;
      INFO(name);
      lz::tensor<double> const X(lz::shape{2, 3}, std::vector<double>(c.x, c.x + 6));
      lz::fixed_tensor<double, 2, 3> XF;
      for (std::size_t i = 0; i < 6; ++i) XF.data()[i] = c.x[i];
      auto const v = lz::eval(f(x), x = X);
      auto const g = lz::eval(lz::grad(lz::sum(f(x)), x), x = X);
      auto const gf = lz::eval(lz::grad(lz::sum(f(x)), x), x = XF);
      REQUIRE(v.shape() == lz::shape{2, 3});
      REQUIRE(g.shape() == lz::shape{2, 3});
      for (std::size_t i = 0; i < 6; ++i) {
        INFO("element " << i << ", x = " << c.x[i]);
        CHECK(close(v.data()[i], c.value[i]));
        CHECK(close(g.data()[i], c.grad[i]));
        torch_checks.check(v.data()[i], c.value[i], c.torch_value[i]);
        torch_checks.check(g.data()[i], c.grad[i], c.torch_grad[i]);
        CHECK(gf.data()[i] == g.data()[i]);
      }
      return;
    }
    FAIL("no golden case for " << name);
  };
  unary("log1p", lz::log1p);
  unary("expm1", lz::expm1);
  unary("sigmoid", lz::sigmoid);
  unary("softplus", lz::softplus);
  unary("erf", lz::erf);
  unary("erfc", lz::erfc);

  auto const binary = [&](std::string_view name, auto f) {
    for (auto const& c : binary_tensor_cases) {
      if (c.fn != name) continue;
      INFO(name);
      lz::tensor<double> const A(lz::shape{2, 3}, std::vector<double>(c.a, c.a + 6));
      lz::tensor<double> const B(lz::shape{3}, std::vector<double>(c.b, c.b + 3));
      auto const v = lz::eval(f(a, b), a = A, b = B);
      auto const ga = lz::eval(lz::grad(lz::sum(f(a, b)), a), a = A, b = B);
      auto const gb = lz::eval(lz::grad(lz::sum(f(a, b)), b), a = A, b = B);
      REQUIRE(v.shape() == lz::shape{2, 3});
      REQUIRE(ga.shape() == lz::shape{2, 3});
      REQUIRE(gb.shape() == lz::shape{3});  // summed over the broadcast dimension
      for (std::size_t i = 0; i < 6; ++i) {
        INFO("element " << i);
        CHECK(close(v.data()[i], c.value[i]));
        CHECK(close(ga.data()[i], c.grad_a[i]));
        torch_checks.check(v.data()[i], c.value[i], c.torch_value[i]);
        torch_checks.check(ga.data()[i], c.grad_a[i], c.torch_grad_a[i]);
      }
      for (std::size_t i = 0; i < 3; ++i) {
        INFO("element " << i << " of the gradient w.r.t. B");
        CHECK(close(gb.data()[i], c.grad_b[i]));
        torch_checks.check(gb.data()[i], c.grad_b[i], c.torch_grad_b[i]);
      }
      return;
    }
    FAIL("no golden case for " << name);
  };
  binary("hypot", lz::hypot);
  binary("logaddexp", lz::logaddexp);
  torch_checks.require(100, 2);
}

TEST_CASE("stable functions where the naive formulas fail", "[functions][stable]") {
  double const big = opaque(800.0), tiny = opaque(1e-300);
  // log(1 + exp(-z)) at z = -800 is inf in the naive form, and its derivative NaN
  CHECK(std::isinf(lz::eval(lz::log(1 + lz::exp(-x)), x = -big)));
  CHECK(lz::eval(lz::softplus(-x), x = -big) == 800.0);
  CHECK(lz::eval(lz::d(lz::softplus(-x), x), x = -big) == -1.0);
  CHECK(lz::eval(lz::sigmoid(x), x = -big) == 0.0);
  CHECK(lz::eval(lz::d(lz::sigmoid(x), x), x = big) == 0.0);
  CHECK(lz::eval(lz::log1p(x), x = tiny) == tiny);
  CHECK(lz::eval(lz::expm1(x), x = tiny) == tiny);
  CHECK(lz::eval(lz::logaddexp(a, b), a = big, b = big) == 800.0 + std::log(2.0));
  CHECK(lz::eval(lz::hypot(a, b), a = 1e300, b = 1e300) == std::hypot(1e300, 1e300));
  // no derivative at the origin: NaN, as PyTorch 1.13's hypot backward
  auto const g = lz::eval(lz::grad(lz::hypot(a, b), lz::wrt(a, b)), a = opaque(0.0), b = 0.0);
  CHECK(std::isnan(g(0)));
  CHECK(std::isnan(g(1)));
}

TEST_CASE("stable functions print, in LaTeX and as derivatives", "[functions][stable][print]") {
  CHECK(lz::to_string(lz::d(lz::log1p(x), x)) == "1 / (x + 1)");
  CHECK(lz::to_string(lz::d(lz::expm1(x), x)) == "exp(x)");
  CHECK(lz::to_string(lz::d(lz::sigmoid(x), x)) == "sigmoid(x) * sigmoid(-x)");
  CHECK(lz::to_string(lz::d(lz::softplus(x), x)) == "sigmoid(x)");
  CHECK(lz::to_string(lz::d(lz::erf(x), x)) == "1.1283791670955126 * exp(-x^2)");
  CHECK(lz::to_string(lz::d(lz::erfc(x), x)) == "-1.1283791670955126 * exp(-x^2)");
  CHECK(lz::to_string(lz::grad(lz::hypot(a, b), lz::wrt(a, b))) == "[a / hypot(a, b), b / hypot(a, b)]");
  CHECK(lz::to_string(lz::grad(lz::logaddexp(a, b), lz::wrt(a, b))) == "[sigmoid(a - b), sigmoid(b - a)]");
  CHECK(lz::to_latex(lz::sigmoid(x) + lz::log1p(x)) ==
        "\\sigma\\left(x\\right) + \\operatorname{log1p}\\left(x\\right)");
  CHECK(lz::to_latex(lz::logaddexp(a, 2 * b)) == "\\operatorname{logaddexp}\\left(a, 2 b\\right)");
}

TEST_CASE("stable functions: exact values and constant evaluation", "[functions][stable][constexpr]") {
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(lz::sigmoid(0_c))>, lz::constant<1, 2>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(lz::log1p(0_c))>, lz::constant<0>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(lz::expm1(0_c))>, lz::constant<0>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(lz::erf(0_c))>, lz::constant<0>>);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(lz::erfc(0_c))>, lz::constant<1>>);
  STATIC_REQUIRE(lz::eval(lz::d(lz::sigmoid(x), x), x = 0.0) == 0.25);
  STATIC_REQUIRE(lz::eval(lz::softplus(x), x = 800.0) == 800.0);
  STATIC_REQUIRE(lz::eval(lz::hypot(a, b), a = 3.0, b = 4.0) == 5.0);
  STATIC_REQUIRE(lz::eval(lz::d(lz::logaddexp(a, b), a), a = 1.0, b = 1.0) == 0.5);
  // constexpr values agree with the run-time ones (<cmath>) to a few ulp
  constexpr double c1 = lz::eval(lz::log1p(x), x = 1e-10);
  constexpr double c2 = lz::eval(lz::d(lz::softplus(x), x, x), x = -3.0);
  constexpr double c3 = lz::eval(lz::logaddexp(a, b), a = -1000.0, b = -999.5);
  CHECK(close(c1, lz::eval(lz::log1p(x), x = opaque(1e-10))));
  CHECK(close(c2, lz::eval(lz::d(lz::softplus(x), x, x), x = opaque(-3.0))));
  CHECK(close(c3, lz::eval(lz::logaddexp(a, b), a = opaque(-1000.0), b = -999.5)));
  // plain numbers evaluate directly, integers in double
  STATIC_REQUIRE(lz::sigmoid(0) == 0.5);
  STATIC_REQUIRE(lz::hypot(3, 4) == 5.0);
}
