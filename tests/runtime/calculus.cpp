// SPDX-License-Identifier: BSL-1.0
// leibniz tests: grad, jacobian, hessian, vjp, jvp, hvp over lz::wrt at run time.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

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
