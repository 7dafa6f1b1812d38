// SPDX-License-Identifier: BSL-1.0
// leibniz tests: the run-time kernels of detail/vector_math.hpp (tanh): their error against
// long double, their special values, the same bits alone and two at a time, and tensors
// evaluated through them.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "support.hpp"

namespace {

namespace lz = leibniz;
namespace vm = leibniz::detail::vmath;
using leibniz_test::opaque;

constexpr lz::variable<"a"> a;

/// |got - want| in units of the last place of want rounded to double.
double ulp_error(double got, long double want) {
  double const w = static_cast<double>(want);
  double const unit = std::nextafter(std::fabs(w), std::numeric_limits<double>::infinity()) - std::fabs(w);
  return static_cast<double>(std::fabs(static_cast<long double>(got) - want) / unit);
}

/// Points spread over the ranges where tanh changes its method: tiny, |2x| < ln 2 / 2 (no
/// scaling), [-1, 1], up to past 22 (where it is +-1 in double), both signs.
std::vector<double> sample(std::size_t n) {
  std::mt19937_64 g(20261207);
  std::vector<double> xs;
  xs.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    double x = 0;
    switch (i % 4) {
      case 0: x = std::uniform_real_distribution<double>(0, 1)(g); break;
      case 1: x = std::uniform_real_distribution<double>(0, 25)(g); break;
      case 2: x = std::ldexp(std::uniform_real_distribution<double>(0.5, 1)(g), -static_cast<int>(g() % 60)); break;
      default: x = std::uniform_real_distribution<double>(0, 0.2)(g); break;
    }
    xs.push_back(g() & 1 ? -x : x);
  }
  return xs;
}

TEST_CASE("vmath::tanh is within 3 ulp of tanh in long double", "[vector_math]") {
  std::vector<double> const xs = sample(200000);
  std::vector<double> out(xs.size());
  vm::tanh_n(xs.data(), out.data(), xs.size());
  double worst = 0, worst_x = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    double const e = ulp_error(out[i], std::tanh(static_cast<long double>(xs[i])));
    if (e > worst) {
      worst = e;
      worst_x = xs[i];
    }
  }
  INFO("largest error " << worst << " ulp at x = " << worst_x);
  CHECK(worst <= 3.0);
  CHECK(worst > 0.5);  // not rounded correctly everywhere: the sample does reach the errors
}

TEST_CASE("vmath::tanh keeps signed zeros, subnormals, infinities and NaN", "[vector_math]") {
  CHECK(std::bit_cast<std::uint64_t>(vm::tanh(opaque(0.0))) == std::bit_cast<std::uint64_t>(0.0));
  CHECK(std::bit_cast<std::uint64_t>(vm::tanh(opaque(-0.0))) == std::bit_cast<std::uint64_t>(-0.0));
  double const tiny = std::numeric_limits<double>::denorm_min() * 12345;
  CHECK(vm::tanh(opaque(tiny)) == tiny);
  CHECK(vm::tanh(opaque(-tiny)) == -tiny);
  CHECK(vm::tanh(opaque(1e-200)) == 1e-200);
  double const inf = std::numeric_limits<double>::infinity();
  CHECK(vm::tanh(opaque(inf)) == 1.0);
  CHECK(vm::tanh(opaque(-inf)) == -1.0);
  CHECK(vm::tanh(opaque(22.0)) == 1.0);
  CHECK(vm::tanh(opaque(-1e300)) == -1.0);
  CHECK(vm::tanh(opaque(19.0)) == std::tanh(19.0));
  CHECK(std::isnan(vm::tanh(opaque(std::numeric_limits<double>::quiet_NaN()))));
  CHECK(vm::tanh(opaque(0.5)) == Approx(0.46211715726000974).epsilon(1e-15));
  CHECK(vm::tanh(opaque(-3.0)) == Approx(-0.99505475368673045).epsilon(1e-15));
}

TEST_CASE("vmath::tanh_n gives each element the bits of vmath::tanh", "[vector_math]") {
  std::vector<double> const xs = sample(64);
  for (std::size_t n = 0; n <= 9; ++n) {  // pairs of pairs, and every tail
    INFO("n = " << n);
    std::vector<double> out(n + 1, -7.0);
    vm::tanh_n(xs.data(), out.data(), n);
    for (std::size_t i = 0; i < n; ++i)
      CHECK(std::bit_cast<std::uint64_t>(out[i]) == std::bit_cast<std::uint64_t>(vm::tanh(xs[i])));
    CHECK(out[n] == -7.0);  // nothing written past the end
  }
  std::vector<double> in_place(xs);
  vm::tanh_n(in_place.data(), in_place.data(), in_place.size());
  for (std::size_t i = 0; i < xs.size(); ++i) CHECK(in_place[i] == vm::tanh(xs[i]));
}

TEST_CASE("tanh over tensors: the kernel over the whole array, the scalar values", "[vector_math]") {
  std::vector<double> const xs = sample(30);
  lz::tensor<double> const t(lz::shape{5, 6}, std::vector<double>(xs));
  auto const direct = lz::eval(lz::tanh(a), a = t);  // read in place
  auto const shifted = lz::eval(lz::tanh(a + 1), a = t);  // a lazy operand, written first
  auto const turned = lz::eval(lz::tanh(lz::transpose(a)), a = t);
  REQUIRE(direct.shape() == lz::shape{5, 6});
  REQUIRE(turned.shape() == lz::shape{6, 5});
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = 0; j < 6; ++j) {
      double const x = xs[i * 6 + j];
      CHECK(direct(i, j) == lz::eval(lz::tanh(a), a = x));
      CHECK(direct(i, j) == vm::tanh(x));
      CHECK(shifted(i, j) == vm::tanh(x + 1));
      CHECK(turned(j, i) == vm::tanh(x));
    }
  // a derivative that shares tanh(a) with its value, and a fixed-size tensor
  auto const f = lz::sum(lz::tanh(a));
  double const v = lz::eval(f, a = t).item();
  auto const g = lz::eval(lz::grad(f, a), a = t);
  double sum = 0;
  for (double x : xs) sum += vm::tanh(x);
  CHECK(v == Approx(sum).epsilon(1e-14));
  CHECK(g(4, 5) == Approx(1 - vm::tanh(xs[29]) * vm::tanh(xs[29])).epsilon(1e-15));
  lz::fixed_tensor<double, 2, 3> const fx{{xs[0], xs[1], xs[2]}, {xs[3], xs[4], xs[5]}};
  auto const ft = lz::eval(lz::tanh(a), a = fx);
  CHECK(ft(1, 2) == vm::tanh(xs[5]));
  static_assert(lz::eval(lz::tanh(a), a = lz::fixed_tensor<double, 2>{0.0, 0.5})(0) == 0.0);  // constexpr: cx::tanh
}

}  // namespace
