// SPDX-License-Identifier: BSL-1.0
// leibniz tests: all 15 partial derivatives of order 1 to 4 of
// f = exp(sin(x y)) / (1 + x^2 + y^2) (workload W6). Each partial is checked against
// a central finite difference of the partial one order lower, and mixed partials
// against their permutations. This is also the translation unit whose build time and
// memory are reported in docs/compile-time.md.
#include <leibniz/leibniz.hpp>

#include <boost/math/differentiation/finite_difference.hpp>
#include <catch2/catch.hpp>

#include "support.hpp"

namespace {

namespace lz = leibniz;
using leibniz_test::opaque;
using Catch::Matchers::WithinRel;
using boost::math::differentiation::finite_difference_derivative;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr auto f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);

/// d(lower)/dv at (px, py) by finite differences, against `higher` evaluated there.
template <class Lower, class Higher, class V>
void check_step(Lower const& lower, Higher const& higher, V const&, double px, double py,
                double tol) {
  auto const along = [&](double t) {
    if constexpr (std::is_same_v<V, lz::variable<"x">>)
      return lz::eval(lower, x = t, y = py);
    else
      return lz::eval(lower, x = px, y = t);
  };
  double const at = std::is_same_v<V, lz::variable<"x">> ? px : py;
  INFO("partial of node count " << lz::node_count(higher));
  CHECK_THAT(lz::eval(higher, x = px, y = py), WithinRel(finite_difference_derivative(along, at), tol));
}

TEST_CASE("all 15 partials of order 1 to 4 of exp(sin(x y)) / (1 + x^2 + y^2)", "[partials]") {
  double const px = opaque(0.7), py = opaque(0.4);
  // order 1
  check_step(f, lz::d(f, x), x, px, py, 1e-9);
  check_step(f, lz::d(f, y), y, px, py, 1e-9);
  // order 2
  check_step(lz::d(f, x), lz::d(f, x, x), x, px, py, 1e-8);
  check_step(lz::d(f, x), lz::d(f, x, y), y, px, py, 1e-8);
  check_step(lz::d(f, y), lz::d(f, y, y), y, px, py, 1e-8);
  // order 3
  check_step(lz::d(f, x, x), lz::d(f, x, x, x), x, px, py, 1e-7);
  check_step(lz::d(f, x, x), lz::d(f, x, x, y), y, px, py, 1e-7);
  check_step(lz::d(f, x, y), lz::d(f, x, y, y), y, px, py, 1e-7);
  check_step(lz::d(f, y, y), lz::d(f, y, y, y), y, px, py, 1e-7);
  // order 4
  check_step(lz::d(f, x, x, x), lz::d(f, x, x, x, x), x, px, py, 1e-6);
  check_step(lz::d(f, x, x, x), lz::d(f, x, x, x, y), y, px, py, 1e-6);
  check_step(lz::d(f, x, x, y), lz::d(f, x, x, y, y), y, px, py, 1e-6);
  check_step(lz::d(f, x, y, y), lz::d(f, x, y, y, y), y, px, py, 1e-6);
  check_step(lz::d(f, y, y, y), lz::d(f, y, y, y, y), y, px, py, 1e-6);
  // mixed partials do not depend on the order of differentiation
  auto const at = [&](auto const& e) { return lz::eval(e, x = px, y = py); };
  CHECK_THAT(at(lz::d(f, y, x)), WithinRel(at(lz::d(f, x, y)), 1e-13));
  CHECK_THAT(at(lz::d(f, y, x, x)), WithinRel(at(lz::d(f, x, x, y)), 1e-13));
  CHECK_THAT(at(lz::d(f, y, x, y, x)), WithinRel(at(lz::d(f, x, x, y, y)), 1e-12));
}

}  // namespace
