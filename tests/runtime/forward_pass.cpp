// SPDX-License-Identifier: BSL-1.0
// leibniz tests: lz::eval of a large scalar formula over numbers by the forward pass
// (detail/forward.hpp, eval.hpp's by_forward_pass_v) instead of the table of common
// subexpressions, against the table's evaluation of the same formula.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

/// A formula as a user writes one: 100 nodes, 26 distinct subexpressions the table would
/// hold (enough for a table: LEIBNIZ_CONFIG_CSE_MIN is 24), one of them (exp(y)) written
/// twice; every operation the pass takes (+ - * /, negation, pow by a constant, an integer
/// and a formula, numbers of three kinds, unary functions).
constexpr auto written = lz::sin(x * y) * lz::exp(-(z / (1 + x * x))) + lz::atan(y - lz::tanh(z * x)) / 3 -
                         lz::log(2.5 + lz::cos(x) * lz::cos(x)) +
                         lz::sqrt(1 + lz::pow(y * z, 2_c)) * lz::cos(x - lz::sin(z * lz::exp(y))) -
                         lz::pow(1.5 + lz::sinh(x / 4), 3) + lz::pow(2 + lz::cos(z), lz::sin(x)) +
                         lz::cbrt(lz::atan(x) * lz::tanh(y) - lz::sin(lz::cos(z))) * lz::sigmoid(x - y) +
                         lz::exp(y) / (1 + lz::cosh(x * z)) - lz::atan(y * z - x);

/// A derivative repeats its parts: the table evaluates each once.
constexpr auto derivative = lz::d(lz::exp(lz::sin(x * y)) / (1 + x * x + y * y), x, x, y);

using env_t = lz::detail::environment<lz::detail::no_cache, lz::binding<"x", double>, lz::binding<"y", double>,
                                      lz::binding<"z", double>>;
using int_env_t = lz::detail::environment<lz::detail::no_cache, lz::binding<"x", int>, lz::binding<"y", int>,
                                          lz::binding<"z", int>>;
using W = std::remove_cvref_t<decltype(written)>;
using D = std::remove_cvref_t<decltype(derivative)>;

static_assert(lz::detail::sweep::forward_v<W> && lz::detail::sweep::forward_v<D>);
static_assert(lz::detail::by_forward_pass_v<W, double, env_t>, "a large formula as written takes the pass");
static_assert(lz::detail::by_forward_pass_v<W, double, int_env_t>, "integers are numbers");
static_assert(!lz::detail::by_forward_pass_v<D, double, env_t>, "a derivative keeps the table");
static_assert(!lz::detail::by_forward_pass_v<decltype(x * y + lz::sin(x)), double, env_t>, "too small for a table");

/// An elementwise function with a value rule as well: evaluate_node uses the value rule, so
/// a formula holding one keeps the table (the pass would call `apply`).
struct twice_t : lz::fn::unary_function<twice_t> {
  static constexpr std::string_view name = "twice";
  template <class T>
  static constexpr T apply(T u) {
    return u;  // not what `value` gives, on purpose
  }
  template <class E, class V>
  static constexpr auto value(E const& e, V const& v) {
    return 2 * v(lz::detail::arg<0>(e));
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const&) {
    return lz::constant<2>{};
  }
};
/// An elementwise function whose `apply` returns another type than its argument's: the
/// table keeps that type (an int here), the pass would store R.
struct truncated_t : lz::fn::unary_function<truncated_t> {
  static constexpr std::string_view name = "truncated";
  template <class T>
  static constexpr int apply(T u) {
    return static_cast<int>(u);
  }
  template <class E, class U>
  static constexpr auto derivative(E const&, U const&) {
    return lz::constant<0>{};
  }
};

/// The table's value of f: a tuple of formulas is evaluated with the table, whatever f is.
template <class F, class... B>
constexpr auto by_table(F const& f, B const&... b) {
  return std::get<0>(lz::eval(std::tuple{f}, b...));
}

}  // namespace

TEST_CASE("a large formula as written: the forward pass gives the table's value, bit for bit", "[forward]") {
  for (double px : {0.3, -0.7, 1.9})
    for (double py : {0.45, -1.2})
      for (double pz : {0.8, -0.05}) {
        double const pass = lz::eval(written, x = px, y = py, z = pz);
        double const table = by_table(written, x = px, y = py, z = pz);
        INFO("at (" << px << ", " << py << ", " << pz << ")");
        REQUIRE(std::isfinite(pass));
        CHECK(pass == table);
      }
}

TEST_CASE("the forward pass in float, in integers and in constant evaluation", "[forward]") {
  float const pf = lz::eval(written, x = 0.3f, y = 0.45f, z = 0.8f);
  static_assert(std::is_same_v<decltype(lz::eval(written, x = 0.3f, y = 0.45f, z = 0.8f)), float>);
  CHECK(pf == by_table(written, x = 0.3f, y = 0.45f, z = 0.8f));
  CHECK(std::abs(pf - lz::eval(written, x = 0.3, y = 0.45, z = 0.8)) < 1e-5);

  // integers evaluate in double, as the table does
  static_assert(std::is_same_v<decltype(lz::eval(written, x = 1, y = -1, z = 2)), double>);
  CHECK(lz::eval(written, x = 1, y = -1, z = 2) == by_table(written, x = 1, y = -1, z = 2));

  constexpr double at_compile_time = lz::eval(written, x = 0.3, y = 0.45, z = 0.8);
  static_assert(at_compile_time == by_table(written, x = 0.3, y = 0.45, z = 0.8));
  CHECK(at_compile_time == lz::eval(written, x = 0.3, y = 0.45, z = 0.8));
}

TEST_CASE("the forward pass against closed forms of its operations", "[forward]") {
  double const px = 0.3, py = 0.45, pz = 0.8;
  double const expected =
      std::sin(px * py) * std::exp(-(pz / (1 + px * px))) + std::atan(py - std::tanh(pz * px)) / 3 -
      std::log(2.5 + std::cos(px) * std::cos(px)) +
      std::sqrt(1 + (py * pz) * (py * pz)) * std::cos(px - std::sin(pz * std::exp(py))) -
      std::pow(1.5 + std::sinh(px / 4), 3) + std::pow(2 + std::cos(pz), std::sin(px)) +
      std::cbrt(std::atan(px) * std::tanh(py) - std::sin(std::cos(pz))) / (1 + std::exp(py - px)) +
      std::exp(py) / (1 + std::cosh(px * pz)) - std::atan(py * pz - px);
  CHECK_THAT(lz::eval(written, x = px, y = py, z = pz), Catch::Matchers::WithinRel(expected, 1e-14));
}

TEST_CASE("a derivative keeps the table, and its value", "[forward]") {
  // d/dx d/dx d/dy of exp(sin(x y)) / (1 + x^2 + y^2), checked against its tuple evaluation
  double const value = lz::eval(derivative, x = 0.3, y = 0.45);
  CHECK(value == by_table(derivative, x = 0.3, y = 0.45));
  CHECK(std::isfinite(value));
}

TEST_CASE("a large formula over a tensor is not the forward pass", "[forward]") {
  lz::tensor<double> t({0.3, -0.7, 1.9});
  auto const r = lz::eval(written, x = t, y = 0.45, z = 0.8);
  REQUIRE(r.shape() == lz::shape{3});
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(r(i) == lz::eval(written, x = t(i), y = 0.45, z = 0.8));
}

TEST_CASE("what the pass would compute otherwise keeps the table", "[forward]") {
  // a spare lz::tensor binding: the result is a rank-0 lz::tensor, as for any formula
  lz::tensor<double> const t({0.3, -0.7});
  constexpr lz::variable<"w"> w;
  auto const r = lz::eval(written, x = 0.3, y = 0.45, z = 0.8, w = t);
  static_assert(std::is_same_v<std::remove_cvref_t<decltype(r)>, lz::tensor<double>>);
  CHECK(r.shape().rank() == 0);
  CHECK(r() == lz::eval(written, x = 0.3, y = 0.45, z = 0.8));

  // a function with a value rule: its value rule, as the table gives it
  auto const with_value_rule = written + twice_t{}(x * y);
  static_assert(!lz::detail::by_forward_pass_v<std::remove_cvref_t<decltype(with_value_rule)>, double, env_t>);
  CHECK(lz::eval(with_value_rule, x = 0.3, y = 0.45, z = 0.8) ==
        by_table(with_value_rule, x = 0.3, y = 0.45, z = 0.8));
  CHECK(lz::eval(twice_t{}(x * y), x = 0.3, y = 0.45) == 2 * (0.3 * 0.45));
  CHECK(lz::to_string(twice_t{}(x) + truncated_t{}(y)) == "twice(x) + truncated(y)");

  // an apply that returns an int: integer division, as the table does it
  auto const with_int_apply = written + truncated_t{}(x * 5.0) / truncated_t{}(y * 5.0);
  static_assert(!lz::detail::by_forward_pass_v<std::remove_cvref_t<decltype(with_int_apply)>, double, env_t>);
  CHECK(lz::eval(with_int_apply, x = 0.9, y = 0.65, z = 0.8) == by_table(with_int_apply, x = 0.9, y = 0.65, z = 0.8));
  // 4 / 3 in integers
  CHECK_THAT(lz::eval(with_int_apply, x = 0.9, y = 0.65, z = 0.8) - lz::eval(written, x = 0.9, y = 0.65, z = 0.8),
             Catch::Matchers::WithinAbs(1.0, 1e-12));
}
