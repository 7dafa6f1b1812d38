// SPDX-License-Identifier: BSL-1.0
// leibniz tests: lz::grad over a variable evaluated by one static reverse sweep
// (detail/sweep.hpp, calculus.hpp's reverse_gradient_t), against the adjoint form it
// expands to, lz::d and closed forms.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <string>
#include <tuple>
#include <type_traits>

namespace {

namespace lz = leibniz;
using leibniz_test::opaque;
using namespace lz::literals;
using Catch::Matchers::WithinRel;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

template <class G>
inline constexpr bool is_sweep_node_v = false;
template <class V, class... W, class F>
inline constexpr bool is_sweep_node_v<lz::call_node<lz::fn::reverse_gradient_t<V, W...>, F>> = true;

/// The adjoint form that a sweep node stands for (what it prints as).
template <class G>
constexpr auto expansion(G const& g) {
  return lz::detail::call_function_t<G>::expand(g);
}

/// The three partials of f at (px, py, pz): by the sweep (one tuple), by each node alone,
/// by the expansions (the symbolic adjoint form) and by lz::d, all equal to 1e-13.
template <class F>
void check_gradient(F const& f, double px, double py, double pz) {
  auto const g = lz::grad(f, x, y, z);
  auto const [gx, gy, gz] = lz::eval(g, x = px, y = py, z = pz);
  double const sweep[3] = {gx, gy, gz};
  double const alone[3] = {lz::eval(std::get<0>(g), x = px, y = py, z = pz),
                           lz::eval(std::get<1>(g), x = px, y = py, z = pz),
                           lz::eval(std::get<2>(g), x = px, y = py, z = pz)};
  double const expanded[3] = {lz::eval(expansion(std::get<0>(g)), x = px, y = py, z = pz),
                              lz::eval(expansion(std::get<1>(g)), x = px, y = py, z = pz),
                              lz::eval(expansion(std::get<2>(g)), x = px, y = py, z = pz)};
  double const forward[3] = {lz::eval(lz::d(f, x), x = px, y = py, z = pz),
                             lz::eval(lz::d(f, y), x = px, y = py, z = pz),
                             lz::eval(lz::d(f, z), x = px, y = py, z = pz)};
  for (int i = 0; i < 3; ++i) {
    INFO("partial " << i << " of " << f);
    CHECK(alone[i] == sweep[i]);
    CHECK_THAT(sweep[i], WithinRel(expanded[i], 1e-13));
    CHECK_THAT(sweep[i], WithinRel(forward[i], 1e-13));
  }
}

TEST_CASE("the sweep agrees with the adjoint form and lz::d on every scalar operation", "[sweep]") {
  double const px = opaque(0.7), py = opaque(-0.3), pz = opaque(1.1);
  check_gradient(x * y + z - x / y - (-z) * x, px, py, pz);
  check_gradient(lz::pow(x, 3_c) + lz::pow(y, 1_c / 2_c) * 0 + lz::pow(z, -1_c / 2_c) * x, px, 0.25, pz);
  check_gradient(lz::pow(x + 2, 3) * y + lz::pow(z, 2.5) + lz::pow(z, x) + lz::pow(2.0, y), px, py, pz);
  check_gradient(lz::sin(x * y) + lz::cos(z) * lz::tan(x) + lz::exp(-y * z) + lz::log(z + x * x), px, py, pz);
  check_gradient(lz::sqrt(1 + x * x) * lz::cbrt(y) + lz::tanh(z * y) - lz::atan(x / z), px, py, pz);
  check_gradient(lz::asin(x / 2) + lz::acos(y) + lz::sinh(z) * lz::cosh(x) + lz::log1p(z) + lz::expm1(x * y), px, py,
                 pz);
  check_gradient(lz::erf(x) * lz::erfc(y) + lz::sigmoid(z) + lz::softplus(x - y) + lz::abs(y) * lz::sign(z), px, py,
                 pz);
  check_gradient(3 * (x + 3) * (x + 3) + 0.5 * y * y * y + 2 - z, px, py, pz);
  check_gradient((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) + z, px, py, pz);
}

TEST_CASE("lz::grad over variables is a sweep node, elsewhere the adjoint form", "[sweep]") {
  auto const f = x * lz::sin(x) + y;
  STATIC_REQUIRE(is_sweep_node_v<decltype(lz::grad(f, x))>);
  STATIC_REQUIRE(is_sweep_node_v<std::tuple_element_t<1, decltype(lz::grad(f, x, y))>>);
  // not over f's variables: zeros of the variable's shape, as before
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(f, z))>);
  // a tensor operation, a wrt bundle, a Hessian: the forms of before
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(lz::sum(x * x), x))>);
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(f, lz::wrt(x, y)))>);
  STATIC_REQUIRE(!is_sweep_node_v<std::tuple_element_t<0, decltype(lz::grad(f, x, lz::wrt(y)))>>);
  // a function with its own tangent and adjoint rules instead of `derivative` (relu)
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(lz::relu(x) * y, x))>);
  // it prints, counts and depends as its expansion
  CHECK(lz::to_string(lz::grad(x * lz::sin(x), x)) == "fit(sin(x), x) + fit(x * cos(x), x)");
  CHECK(lz::to_latex(lz::grad(f, y)) == lz::to_latex(expansion(lz::grad(f, y))));
  STATIC_REQUIRE(lz::node_count(lz::grad(f, x)) == lz::node_count(expansion(lz::grad(f, x))));
  STATIC_REQUIRE(!lz::depends_on(lz::grad(x * y, x), x));
  STATIC_REQUIRE(lz::depends_on(lz::grad(x * y, x), y));
}

TEST_CASE("the sweep is constexpr", "[sweep]") {
  constexpr auto f = x * x * x + 2 * x * y;
  static_assert(lz::eval(lz::grad(f, x), x = 2.0, y = 1.0) == 14.0);
  constexpr auto g = lz::eval(lz::grad(f, x, y), x = 2.0, y = 1.0);
  static_assert(std::get<0>(g) == 14.0 && std::get<1>(g) == 4.0);
  static_assert(lz::eval(lz::grad(lz::exp(x), x), x = 0.0) == 1.0);
  CHECK(std::get<1>(g) == 4.0);
}

TEST_CASE("a sweep node is differentiated again as its expansion", "[sweep]") {
  auto const f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);
  double const px = opaque(0.4), py = opaque(-1.3);
  auto const gx = lz::grad(f, x);
  CHECK_THAT(lz::eval(lz::d(gx, x), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, x), x = px, y = py), 1e-13));
  CHECK_THAT(lz::eval(lz::d(gx, y), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, y), x = px, y = py), 1e-13));
  auto const [hxy, hyy] = lz::eval(lz::grad(std::get<1>(lz::grad(f, x, y)), x, y), x = px, y = py);
  CHECK_THAT(hxy, WithinRel(lz::eval(lz::d(f, y, x), x = px, y = py), 1e-13));
  CHECK_THAT(hyy, WithinRel(lz::eval(lz::d(f, y, y), x = px, y = py), 1e-13));
  CHECK_THAT(lz::eval(lz::hessian(f, x), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, x), x = px, y = py), 1e-13));
}

TEST_CASE("over tensors and in mixed tuples a sweep node evaluates its expansion", "[sweep]") {
  auto const f = x * x + 3 * x * y;
  lz::tensor<double> const t{1.0, 2.0, -4.0};
  auto const gt = lz::eval(lz::grad(f, x), x = t, y = 2.0);  // 2x + 3y elementwise
  REQUIRE(gt.shape() == lz::shape{3});
  CHECK(gt(0) == 8.0);
  CHECK(gt(1) == 10.0);
  CHECK(gt(2) == -2.0);
  auto const fixed = lz::eval(lz::grad(f, x), x = lz::fixed_tensor<double, 2>{1, 2}, y = 1.0);
  CHECK(fixed(0) == 5.0);
  CHECK(fixed(1) == 7.0);
  // the gradient with other formulas in one tuple: each item by its own sweep
  auto const [value, gx, gy] = lz::eval(std::tuple{f, lz::grad(f, x), lz::grad(f, y)}, x = 1.5, y = opaque(-2.0));
  CHECK(value == 1.5 * 1.5 + 3 * 1.5 * -2.0);
  CHECK(gx == 2 * 1.5 + 3 * -2.0);
  CHECK(gy == 3 * 1.5);
}

TEST_CASE("the sweep reads the formula's own numbers and shares a tuple's sweep", "[sweep]") {
  double const a = opaque(2.5), b = opaque(-0.75);
  auto const f = a * lz::pow(x, 2) + b * x * y + lz::exp(a * y);
  auto const [gx, gy] = lz::eval(lz::grad(f, x, y), x = 1.25, y = opaque(0.5));
  CHECK_THAT(gx, WithinRel(2 * a * 1.25 + b * 0.5, 1e-15));
  CHECK_THAT(gy, WithinRel(b * 1.25 + a * std::exp(a * 0.5), 1e-15));
  // float in, float out
  auto const gf = lz::eval(lz::grad(x * x, x), x = 3.0f);
  STATIC_REQUIRE(std::is_same_v<decltype(gf), float const>);
  CHECK(gf == 6.0f);
}

}  // namespace
