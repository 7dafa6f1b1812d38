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

/// The gradient of f over x, y, z as three sweep nodes, whatever lz::grad would choose
/// (LEIBNIZ_CONFIG_SWEEP_RATIO: small adjoint forms are built instead).
template <class F>
constexpr auto sweep_grad(F const& f) {
  using X = std::remove_cv_t<decltype(x)>;
  using Y = std::remove_cv_t<decltype(y)>;
  using Z = std::remove_cv_t<decltype(z)>;
  return std::tuple{lz::detail::make_call_node<lz::fn::reverse_gradient_t<X, X, Y, Z>>(f),
                    lz::detail::make_call_node<lz::fn::reverse_gradient_t<Y, X, Y, Z>>(f),
                    lz::detail::make_call_node<lz::fn::reverse_gradient_t<Z, X, Y, Z>>(f)};
}

/// A formula whose adjoint form is large next to it: lz::grad gives sweep nodes.
constexpr auto nested = lz::exp(lz::sin(x * y) / (1 + z * z)) * lz::tanh(lz::atan(x - lz::cos(y * z)) * x);

/// The adjoint form that a sweep node stands for (what it prints as).
template <class G>
constexpr auto expansion(G const& g) {
  return lz::detail::call_function_t<G>::expand(g);
}

/// The three partials of f at (px, py, pz): by the sweep (one tuple), by each node alone,
/// by the expansions (the symbolic adjoint form) and by lz::d, all equal to 1e-13.
template <class F>
void check_gradient(F const& f, double px, double py, double pz) {
  auto const g = sweep_grad(f);
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
  // one type, other numbers: not a square; constant factors and divisors folded
  check_gradient((1 - x) * (2 - x) + (y + 0.5) * (y + 0.25) * z + x / 2_c - 3_c * y * z / (-4_c), px, py, pz);
  check_gradient(-(x * y) / (1_c / 3_c) + lz::pow(z, 2_c) * 5_c - lz::pow(x * z, -3_c / 2_c) * 0.5, px, py, pz);
}

TEST_CASE("lz::grad over variables is a sweep node where the adjoint form would be large", "[sweep]") {
  STATIC_REQUIRE(is_sweep_node_v<decltype(lz::grad(nested, x))>);
  STATIC_REQUIRE(is_sweep_node_v<std::tuple_element_t<2, decltype(lz::grad(nested, x, y, z))>>);
  // small adjoint forms are built (they simplify and share): the Rosenbrock function
  auto const rosenbrock = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
  STATIC_REQUIRE(!is_sweep_node_v<std::tuple_element_t<0, decltype(lz::grad(rosenbrock, x, y))>>);
  // not over f's variables: zeros of the variable's shape, as before
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(nested * lz::sin(x), lz::variable<"w">{}))>);
  // a tensor operation, a wrt bundle, a variable mixed with a bundle: the forms of before
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(lz::sum(nested), x))>);
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(nested, lz::wrt(x, y)))>);
  STATIC_REQUIRE(!is_sweep_node_v<std::tuple_element_t<0, decltype(lz::grad(nested, x, lz::wrt(y)))>>);
  // a function with its own tangent and adjoint rules instead of `derivative` (relu)
  STATIC_REQUIRE(!is_sweep_node_v<decltype(lz::grad(lz::relu(nested) * y, x))>);
  // a sweep node prints, counts and depends as its expansion
  static constexpr auto swept = sweep_grad(x * lz::sin(x) + y * z);
  CHECK(lz::to_string(std::get<0>(swept)) == "fit(sin(x), x) + fit(x * cos(x), x)");
  CHECK(lz::to_string(std::get<0>(swept)) == lz::to_string(lz::grad(x * lz::sin(x) + y * z, x)));
  CHECK(lz::to_latex(std::get<1>(swept)) == lz::to_latex(expansion(std::get<1>(swept))));
  STATIC_REQUIRE(lz::node_count(std::get<2>(swept)) == lz::node_count(expansion(std::get<2>(swept))));
  STATIC_REQUIRE(!lz::depends_on(std::get<1>(swept), y));
  STATIC_REQUIRE(lz::depends_on(std::get<1>(swept), z));
  STATIC_REQUIRE(lz::depends_on(std::get<0>(swept), x));
}

TEST_CASE("the sweep is constexpr", "[sweep]") {
  constexpr auto f = x * x * x + 2 * x * y + 0 * z;
  constexpr auto nodes = sweep_grad(f);
  static_assert(lz::eval(std::get<0>(nodes), x = 2.0, y = 1.0, z = 0.0) == 14.0);
  constexpr auto g = lz::eval(nodes, x = 2.0, y = 1.0, z = 0.0);
  static_assert(std::get<0>(g) == 14.0 && std::get<1>(g) == 4.0 && std::get<2>(g) == 0.0);
  constexpr auto h = lz::eval(lz::grad(nested, x, y, z), x = 0.5, y = 0.25, z = -1.0);
  static_assert(std::get<0>(h) != 0.0);
  CHECK(std::get<1>(g) == 4.0);
  CHECK_THAT(std::get<0>(h), WithinRel(lz::eval(lz::d(nested, x), x = 0.5, y = 0.25, z = -1.0), 1e-13));
}

TEST_CASE("a sweep node is differentiated again as its expansion", "[sweep]") {
  auto const f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);
  double const px = opaque(0.4), py = opaque(-1.3);
  auto const gx = std::get<0>(sweep_grad(f));
  CHECK_THAT(lz::eval(lz::d(gx, x), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, x), x = px, y = py), 1e-13));
  CHECK_THAT(lz::eval(lz::d(gx, y), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, y), x = px, y = py), 1e-13));
  auto const [hxy, hyy] = lz::eval(lz::grad(std::get<1>(sweep_grad(f)), x, y), x = px, y = py);
  CHECK_THAT(hxy, WithinRel(lz::eval(lz::d(f, y, x), x = px, y = py), 1e-13));
  CHECK_THAT(hyy, WithinRel(lz::eval(lz::d(f, y, y), x = px, y = py), 1e-13));
  CHECK_THAT(lz::eval(lz::hessian(f, x), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, x), x = px, y = py), 1e-13));
  CHECK_THAT(lz::eval(lz::jacobian(gx, x), x = px, y = py), WithinRel(lz::eval(lz::d(f, x, x), x = px, y = py), 1e-13));
}

TEST_CASE("over tensors and in mixed tuples a sweep node evaluates its expansion", "[sweep]") {
  auto const f = x * x + 3 * x * y;
  auto const [gradx, grady, gradz] = sweep_grad(f);
  lz::tensor<double> const t{1.0, 2.0, -4.0};
  auto const gt = lz::eval(gradx, x = t, y = 2.0, z = 0.0);  // 2x + 3y elementwise
  REQUIRE(gt.shape() == lz::shape{3});
  CHECK(gt(0) == 8.0);
  CHECK(gt(1) == 10.0);
  CHECK(gt(2) == -2.0);
  auto const fixed = lz::eval(gradx, x = lz::fixed_tensor<double, 2>{1, 2}, y = 1.0, z = 0.0);
  CHECK(fixed(0) == 5.0);
  CHECK(fixed(1) == 7.0);
  // the gradient with other formulas in one tuple: each item by its own sweep
  auto const [value, gx, gy, gz] = lz::eval(std::tuple{f, gradx, grady, gradz}, x = 1.5, y = opaque(-2.0), z = 0.0);
  CHECK(value == 1.5 * 1.5 + 3 * 1.5 * -2.0);
  CHECK(gx == 2 * 1.5 + 3 * -2.0);
  CHECK(gy == 3 * 1.5);
  CHECK(gz == 0.0);
}

TEST_CASE("the sweep reads the formula's own numbers and shares a tuple's sweep", "[sweep]") {
  double const a = opaque(2.5), b = opaque(-0.75);
  auto const f = a * lz::pow(x, 2) + b * x * y + lz::exp(a * y) + 0 * z;
  auto const [gx, gy, gz] = lz::eval(sweep_grad(f), x = 1.25, y = opaque(0.5), z = 0.0);
  CHECK(gz == 0.0);
  CHECK_THAT(gx, WithinRel(2 * a * 1.25 + b * 0.5, 1e-15));
  CHECK_THAT(gy, WithinRel(b * 1.25 + a * std::exp(a * 0.5), 1e-15));
  // float in, float out
  auto const gf = lz::eval(std::get<0>(sweep_grad(x * x)), x = 3.0f);
  STATIC_REQUIRE(std::is_same_v<decltype(gf), float const>);
  CHECK(gf == 6.0f);
}

}  // namespace
