// SPDX-License-Identifier: BSL-1.0
// leibniz tests: grad, jacobian, hessian, vjp, jvp, hvp over lz::wrt at run time.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace {

namespace lz = leibniz;
using leibniz_test::opaque;
using namespace lz::literals;
using Catch::Matchers::WithinRel;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

TEST_CASE("gradient, Hessian and products of the Rosenbrock function", "[calculus]") {
  auto const f = lz::square(1 - x) + 100 * lz::square(y - x * x);
  double const px = opaque(1.2), py = opaque(1.2);
  auto const g = lz::eval(lz::grad(f, lz::wrt(x, y)), x = px, y = py);
  // df/dx = -2(1 - x) - 400 x (y - x^2), df/dy = 200 (y - x^2)
  CHECK_THAT(g(0), WithinRel(-2 * (1 - px) - 400 * px * (py - px * px), 1e-14));
  CHECK_THAT(g(1), WithinRel(200 * (py - px * px), 1e-14));
  auto const h = lz::eval(lz::hessian(f, lz::wrt(x, y)), x = px, y = py);
  CHECK_THAT(h(0, 0), WithinRel(2 - 400 * (py - px * px) + 800 * px * px, 1e-14));
  CHECK_THAT(h(0, 1), WithinRel(-400 * px, 1e-14));
  CHECK(h(0, 1) == h(1, 0));
  CHECK(h(1, 1) == 200.0);
  lz::fixed_tensor<double, 2> const v{0.5, -1.5};
  auto const hv = lz::eval(lz::hvp(f, lz::wrt(x, y), v), x = px, y = py);
  CHECK_THAT(hv(0), WithinRel(h(0, 0) * 0.5 + h(0, 1) * -1.5, 1e-14));
  CHECK_THAT(hv(1), WithinRel(h(1, 0) * 0.5 + h(1, 1) * -1.5, 1e-14));
}

TEST_CASE("Jacobian of a planar two-link arm; vjp and jvp agree with it", "[calculus]") {
  auto const px = 0.8 * lz::cos(x) + 0.5 * lz::cos(x + y);
  auto const py = 0.8 * lz::sin(x) + 0.5 * lz::sin(x + y);
  auto const arm = lz::stack(px, py);
  double const q0 = opaque(0.3), q1 = opaque(-0.5);
  auto const j = lz::eval(lz::jacobian(arm, lz::wrt(x, y)), x = q0, y = q1);
  STATIC_REQUIRE(std::is_same_v<decltype(j), lz::fixed_tensor<double, 2, 2> const>);
  CHECK_THAT(j(0, 0), WithinRel(-0.8 * std::sin(q0) - 0.5 * std::sin(q0 + q1), 1e-14));
  CHECK_THAT(j(0, 1), WithinRel(-0.5 * std::sin(q0 + q1), 1e-14));
  CHECK_THAT(j(1, 0), WithinRel(0.8 * std::cos(q0) + 0.5 * std::cos(q0 + q1), 1e-14));
  CHECK_THAT(j(1, 1), WithinRel(0.5 * std::cos(q0 + q1), 1e-14));
  lz::fixed_tensor<double, 2> const w{2.0, -3.0};
  auto const vj = lz::eval(lz::vjp(arm, lz::wrt(x, y), w), x = q0, y = q1);
  auto const jv = lz::eval(lz::jvp(arm, lz::wrt(x, y), w), x = q0, y = q1);
  for (int c = 0; c < 2; ++c) {
    CHECK_THAT(vj(c), WithinRel(2.0 * j(0, c) - 3.0 * j(1, c), 1e-14));
    CHECK_THAT(jv(c), WithinRel(j(c, 0) * 2.0 - j(c, 1) * 3.0, 1e-14));
  }
}

TEST_CASE("grad over several variables gives a tuple", "[calculus]") {
  auto const f = x * x * y;
  auto const [gx, gy] = lz::eval(lz::grad(f, x, y), x = 3.0, y = 2.0);
  CHECK(gx == 12.0);
  CHECK(gy == 9.0);
}

TEST_CASE("a tensor bound to a variable of a lz::wrt bundle is an error, in every form", "[calculus]") {
  // The bundle's forms differentiate along one number per variable: over a tensor they
  // would give the derivative along all of its elements at once (the sum of the gradient).
  constexpr lz::variable<"a"> a;
  lz::tensor<double> const t({1.0, 2.0, 3.0});
  auto const f = lz::sum(a * a) * y;
  auto const w = lz::wrt(a, y);
  using Catch::Matchers::Contains;
  // the message of the shape_error that evaluate() throws, "" if it throws none
  auto const message = [](auto const& evaluate) -> std::string {
    try {
      (void)evaluate();
    } catch (lz::shape_error const& e) {
      return e.what();
    }
    return "";
  };
  auto const names_a = [](std::string const& m) {
    return m.find("variable 'a' of a lz::wrt bundle") != std::string::npos &&
           m.find("shape (3,)") != std::string::npos && m.find("lz::grad(f, a)") != std::string::npos;
  };
  lz::fixed_tensor<double, 2> const v{1.0, 0.5};
  CHECK(names_a(message([&] { return lz::eval(lz::grad(f, w), a = t, y = 2.0); })));
  CHECK(names_a(message([&] { return lz::eval(lz::jacobian(lz::stack(f, a * y), w), a = t, y = 2.0); })));
  CHECK(names_a(message([&] { return lz::eval(lz::hessian(f, w), a = t, y = 2.0); })));
  CHECK(names_a(message([&] { return lz::eval(lz::jvp(f, w, v), a = t, y = 2.0); })));
  CHECK(names_a(message([&] { return lz::eval(lz::vjp(lz::stack(f, f), w, v), a = t, y = 2.0); })));
  CHECK(names_a(message([&] { return lz::eval(lz::hvp(f, w, v), a = t, y = 2.0); })));
  // the other variable of the bundle too, in the columns along it
  CHECK_THAT(message([&] { return lz::eval(lz::grad(f, w), a = 1.5, y = t); }),
             Contains("variable 'y' of a lz::wrt bundle"));

  // over numbers the same forms evaluate as before (f = a^2 y at a = 1.5, y = 2)
  auto const g = lz::eval(lz::grad(f, w), a = 1.5, y = 2.0);
  CHECK(g(0) == 6.0);
  CHECK(g(1) == 2.25);
  auto const h = lz::eval(lz::hessian(f, w), a = 1.5, y = 2.0);
  CHECK(h(0, 0) == 4.0);
  CHECK(h(0, 1) == 3.0);
  CHECK(h(1, 0) == 3.0);
  CHECK(h(1, 1) == 0.0);
  CHECK(lz::eval(lz::hvp(f, w, lz::fixed_tensor<double, 2>{1.0, 0.5}), a = 1.5, y = 2.0)(0) == 5.5);
  // printed as the formulas themselves: the check is not shown
  CHECK(lz::to_string(lz::grad(x * y, lz::wrt(x, y))) == "[y, x]");
  // by the variable itself, a tensor gets its gradient
  auto const ga = lz::eval(lz::grad(f, a), a = t, y = 2.0);
  CHECK(ga(2) == 12.0);
}

TEST_CASE("fixed_tensor: access, bounds and printing", "[fixed_tensor]") {
  lz::fixed_tensor<float, 2, 2> m{{4, 2}, {3, 6}};
  CHECK(m(1, 0) == 3.0f);
  m(1, 0) = 7.0f;
  CHECK(m.data()[2] == 7.0f);
  CHECK_THROWS_AS(m(2, 0), std::out_of_range);
  CHECK_THROWS_WITH(m(0, 5), Catch::Matchers::Contains("out of range"));
  CHECK(m == lz::fixed_tensor<float, 2, 2>{{4, 2}, {7, 6}});
  std::ostringstream os;
  os << lz::fixed_tensor<float, 2>{15, 18} << ' ' << lz::fixed_tensor<double, 2>{15, 18};
  CHECK(os.str() == "tensor([15., 18.]) tensor([15., 18.], dtype=torch.float64)");
}

}  // namespace
