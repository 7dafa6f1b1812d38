// SPDX-License-Identifier: BSL-1.0
// leibniz: piecewise formulas: comparisons as condition nodes, lz::where, relu, maximum,
// minimum and clamp: values, gradients at ties and boundaries, a Hessian, over lz::tensor
// with broadcasting and fixed_tensor, against PyTorch 1.13 (piecewise_golden.inc, written
// by scripts/torch-functions-golden); printing, LaTeX, constexpr use and generated C.
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

struct piecewise_binary_golden {
  std::string_view fn;
  double a[6], b[3], value[6], grad_a[6], grad_b[3];
};
struct piecewise_reduction_golden {
  std::string_view fn;
  double x[6], value, grad[6];
};
struct piecewise_unary_golden {
  std::string_view fn;
  double x[6], lo, hi, value[6], grad_x[6], grad_lo, grad_hi;
};
inline constexpr double golden_nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double golden_inf = std::numeric_limits<double>::infinity();
#include "piecewise_golden.inc"

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;
constexpr lz::variable<"x"> x;
constexpr lz::variable<"lo"> lo;
constexpr lz::variable<"hi"> hi;

template <class F>
void check_binary(std::string_view name, F const& f) {
  for (auto const& c : piecewise_binary_cases) {
    if (c.fn != name) continue;
    INFO(name);
    lz::tensor<double> const A(lz::shape{2, 3}, std::vector<double>(c.a, c.a + 6));
    lz::tensor<double> const B(lz::shape{3}, std::vector<double>(c.b, c.b + 3));
    auto const v = lz::eval(f, a = A, b = B);
    auto const ga = lz::eval(lz::grad(lz::sum(f), a), a = A, b = B);
    auto const gb = lz::eval(lz::grad(lz::sum(f), b), a = A, b = B);
    REQUIRE(v.shape() == lz::shape{2, 3});
    REQUIRE(ga.shape() == lz::shape{2, 3});
    REQUIRE(gb.shape() == lz::shape{3});
    for (std::size_t i = 0; i < 6; ++i) {
      INFO("element " << i << ": a = " << c.a[i] << ", b = " << c.b[i % 3]);
      CHECK(v.data()[i] == c.value[i]);
      CHECK(ga.data()[i] == c.grad_a[i]);
    }
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("element " << i << " of the gradient w.r.t. B");
      CHECK(gb.data()[i] == c.grad_b[i]);
    }
    // fixed_tensor operands, the same numbers
    lz::fixed_tensor<double, 2, 3> AF;
    lz::fixed_tensor<double, 3> BF;
    for (std::size_t i = 0; i < 6; ++i) AF.data()[i] = c.a[i];
    for (std::size_t i = 0; i < 3; ++i) BF.data()[i] = c.b[i];
    auto const gaf = lz::eval(lz::grad(lz::sum(f), a), a = AF, b = BF);
    for (std::size_t i = 0; i < 6; ++i) CHECK(gaf.data()[i] == c.grad_a[i]);
    return;
  }
  FAIL("no golden case for " << name);
}

}  // namespace

TEST_CASE("comparisons are condition nodes: 1 where they hold, 0 elsewhere, no gradient",
          "[piecewise][tensor]") {
  check_binary("less", a < b);
  check_binary("less_equal", a <= b);
  check_binary("greater", a > b);
  check_binary("greater_equal", a >= b);
  check_binary("equal", lz::equal(a, b));
}

TEST_CASE("maximum and minimum against PyTorch: a tie splits the gradient in half", "[piecewise][tensor]") {
  check_binary("maximum", lz::maximum(a, b));
  check_binary("minimum", lz::minimum(a, b));
}

TEST_CASE("where against PyTorch: the chosen branch's derivative, with broadcasting", "[piecewise][tensor]") {
  check_binary("where", lz::where(a > b, a * b, 0.5));
}

/// The same IEEE value (both NaN counts).
bool same(double got, double want) { return std::isnan(want) ? std::isnan(got) : got == want; }

TEST_CASE("relu and clamp against PyTorch: relu'(0) = 0, clamp's ends, lo > hi, masked infinities",
          "[piecewise][tensor]") {
  std::size_t checked = 0;
  for (auto const& c : piecewise_unary_cases) {
    INFO(c.fn << " with lo = " << c.lo << ", hi = " << c.hi);
    lz::tensor<double> const X(lz::shape{6}, std::vector<double>(c.x, c.x + 6));
    auto const check = [&](auto const& f) {
      auto const v = lz::eval(f, x = X, lo = c.lo, hi = c.hi);
      auto const gx = lz::eval(lz::grad(lz::sum(f), x), x = X, lo = c.lo, hi = c.hi);
      auto const glo = lz::eval(lz::grad(lz::sum(f), lo), x = X, lo = c.lo, hi = c.hi);
      auto const ghi = lz::eval(lz::grad(lz::sum(f), hi), x = X, lo = c.lo, hi = c.hi);
      for (std::size_t i = 0; i < 6; ++i) {
        INFO("x = " << c.x[i]);
        CHECK(same(v.data()[i], c.value[i]));
        CHECK(same(gx.data()[i], c.grad_x[i]));
      }
      CHECK(same(glo.item(), c.grad_lo));
      CHECK(same(ghi.item(), c.grad_hi));
      ++checked;
    };
    auto const unused = 0 * (lo + hi);  // so that every case binds lo and hi
    if (c.fn == "relu") check(lz::relu(x) + unused);
    if (c.fn == "clamp" || c.fn == "clamp_reversed" || c.fn == "clamp_equal") check(lz::clamp(x, lo, hi));
    if (c.fn == "sqrt_relu") check(lz::sqrt(lz::relu(x)) + unused);
    if (c.fn == "log_maximum") check(lz::log(lz::maximum(x, lo)) + 0 * hi);
    if (c.fn == "log_clamp") check(lz::log(lz::clamp(x, lo, hi)));
  }
  CHECK(checked == 7);
  // clamp with number bounds is the same function
  lz::tensor<double> const X{-1.0, 0.0, 0.5, 1.0, 2.0};
  CHECK(lz::eval(lz::grad(lz::sum(lz::clamp(x, 0, 1)), x), x = X) == lz::tensor<double>{0, 1, 1, 1, 0});
}

TEST_CASE("max and min of a tensor against PyTorch: a tie shares the gradient evenly", "[piecewise][tensor]") {
  std::size_t checked = 0;
  for (auto const& c : piecewise_reduction_cases) {
    INFO(c.fn);
    lz::tensor<double> const X(lz::shape{2, 3}, std::vector<double>(c.x, c.x + 6));
    auto const check = [&](auto const& f) {
      CHECK(lz::eval(f, x = X).item() == c.value);
      auto const g = lz::eval(lz::grad(f, x), x = X);
      REQUIRE(g.shape() == lz::shape{2, 3});
      for (std::size_t i = 0; i < 6; ++i) {
        INFO("element " << i);
        CHECK(g.data()[i] == c.grad[i]);
      }
      ++checked;
    };
    if (c.fn == "max") check(lz::max(x));
    if (c.fn == "min") check(lz::min(x));
    if (c.fn == "max_of_square") check(lz::max(x * x));
    if (c.fn == "min_of_sin") check(lz::min(lz::sin(x)));
  }
  CHECK(checked == 4);
  // forward mode: the tangent's mean over the maximal elements
  lz::tensor<double> const X{{1.0, 5.0, 2.0}, {5.0, -3.0, 0.5}};
  CHECK(lz::eval(lz::jvp(lz::max(x), x, X), x = X).item() == 5.0);
  STATIC_REQUIRE(lz::eval(lz::max(x), x = lz::fixed_tensor<double, 3>{1.0, 4.0, 2.0}) == 4.0);
  CHECK(lz::to_string(lz::max(x) - lz::min(x)) == "max(x) - min(x)");
  CHECK(lz::to_latex(lz::max(2 * x)) == "\\max\\left(2 x\\right)");
  CHECK(std::isnan(lz::eval(lz::max(x), x = lz::tensor<double>{1.0, std::numeric_limits<double>::quiet_NaN()}).item()));
  // a NaN result: its derivative goes to the NaN elements, evenly (PyTorch 1.13:
  // grad [0, 0.5, 0, 0.5] for max and min; the jvp along [1, 2, 3, 4] is 3)
  double const nan = std::numeric_limits<double>::quiet_NaN();
  lz::tensor<double> const N{1.0, nan, 3.0, nan};
  CHECK(lz::eval(lz::grad(lz::max(x), x), x = N) == lz::tensor<double>{0, 0.5, 0, 0.5});
  CHECK(lz::eval(lz::grad(lz::min(x), x), x = N) == lz::tensor<double>{0, 0.5, 0, 0.5});
  CHECK(lz::eval(lz::jvp(lz::max(x), x, lz::tensor<double>{1, 2, 3, 4}), x = N).item() == 3.0);
  CHECK(lz::to_string(lz::grad(lz::max(x), x)) ==
        "fit(where(equal_nan(x, max(x)), 1 / sum(equal_nan(x, max(x))), 0), x)");
  CHECK_THROWS_WITH(lz::eval(lz::max(x), x = lz::tensor<double>(lz::shape{0}, 0.0)),
                    "leibniz: max of an empty tensor, shape (0,)");
}

TEST_CASE("the Hessian of a piecewise formula against PyTorch", "[piecewise][tensor]") {
  lz::tensor<double> const X(lz::shape{4}, std::vector<double>(std::begin(piecewise_hessian_x),
                                                                std::end(piecewise_hessian_x)));
  auto const F = lz::sum(lz::where(x > 0, lz::pow(x, 3_c), -lz::square(x)));
  auto const H = lz::eval(lz::hessian(F, x), x = X);
  REQUIRE(H.shape() == lz::shape{4, 4});
  for (std::size_t i = 0; i < 16; ++i) {
    INFO("entry " << i);
    CHECK(H.data()[i] == piecewise_hessian[i]);
  }
}

TEST_CASE("piecewise formulas on scalars: derivatives, printing, LaTeX", "[piecewise][print]") {
  CHECK(lz::to_string(x + 1 < a * 2) == "x + 1 < 2 * a");
  CHECK(lz::to_string(lz::where(x < 0, -x, x * x)) == "where(x < 0, -x, x^2)");
  CHECK(lz::to_string(lz::d(lz::where(x < 0, -x, x * x), x)) == "where(x < 0, -1, 2 * x)");
  CHECK(lz::to_string(lz::d(lz::relu(x), x)) == "where(x <= 0, 0, 1)");
  CHECK(lz::to_string(lz::d(lz::relu(x), x, x)) == "0");
  CHECK(lz::to_string(lz::d(lz::maximum(a, b), a)) == "where(a == b, 1/2, where(a < b, 0, 1))");
  CHECK(lz::to_string(lz::d(lz::maximum(a, b), b)) == "where(a == b, 1/2, a < b)");
  CHECK(lz::to_string(lz::d(lz::clamp(x, lo, hi), x)) == "(x >= lo) * (x <= hi)");
  CHECK(lz::to_string(lz::d(lz::clamp(x, lo, hi), lo)) == "(x < lo) * (lo < hi)");
  CHECK(lz::to_string(lz::d(lz::clamp(x, lo, hi), hi)) == "maximum(x > hi, hi < lo)");
  // a derivative that is zero on both branches is 0, not a where node
  CHECK(lz::to_string(lz::d(lz::where(x > 0, 1, 2), x)) == "0");
  CHECK(lz::to_string((x < a) + (x >= a)) == "(x < a) + (x >= a)");
  CHECK(lz::to_latex(lz::where(x <= a, x, a) + lz::maximum(x, 2)) ==
        "\\operatorname{where}\\left(x \\le a, x, a\\right) + \\max\\left(x, 2\\right)");
  CHECK(lz::to_latex(x >= lz::minimum(a, b)) == "x \\ge \\min\\left(a, b\\right)");
  // NaN: comparisons are false, relu, maximum, minimum and clamp keep it (as PyTorch)
  double const nan = opaque(std::numeric_limits<double>::quiet_NaN());
  CHECK(lz::eval(x < 1, x = nan) == 0.0);
  CHECK(std::isnan(lz::eval(lz::relu(x), x = nan)));
  CHECK(std::isnan(lz::eval(lz::maximum(x, a), x = nan, a = 1.0)));
  CHECK(std::isnan(lz::eval(lz::minimum(x, a), x = 1.0, a = nan)));
  CHECK(std::isnan(lz::eval(lz::clamp(x, 0, 1), x = nan)));
}

TEST_CASE("piecewise formulas in constant evaluation", "[piecewise][constexpr]") {
  STATIC_REQUIRE(lz::eval(lz::relu(x), x = -2.0) == 0.0);
  STATIC_REQUIRE(lz::eval(lz::d(lz::relu(x), x), x = 3.0) == 1.0);
  STATIC_REQUIRE(lz::eval(lz::d(lz::relu(x), x), x = 0.0) == 0.0);
  STATIC_REQUIRE(lz::eval(lz::where(x < a, x * x, a), x = 1.5, a = 2.0) == 2.25);
  STATIC_REQUIRE(lz::eval(lz::d(lz::maximum(x, a), x), x = 2.0, a = 2.0) == 0.5);
  STATIC_REQUIRE(lz::eval(lz::clamp(x, -1, 1), x = 3.0) == 1.0);
  STATIC_REQUIRE(lz::eval(lz::d(lz::clamp(x, -1, 1), x), x = 1.0) == 1.0);
  // on plain numbers the functions compute the value
  STATIC_REQUIRE(lz::maximum(2, 3.5) == 3.5);
  STATIC_REQUIRE(lz::clamp(7, 0, 5) == 5.0);
  STATIC_REQUIRE(lz::where(0, 1, 2) == 2.0);
}

TEST_CASE("piecewise formulas in generated C", "[piecewise][codegen]") {
  auto const code = lz::to_c(lz::grad(lz::clamp(x, 0, a) + lz::relu(x - a) * lz::where(x < a, x, a), lz::wrt(x, a)),
                             "g", lz::wrt(x, a));
  CHECK(code.find("static inline double lz_where(double c, double a, double b)") != std::string::npos);
  CHECK(code.find("lz_greater_equal(x, 0.0)") != std::string::npos);
}
