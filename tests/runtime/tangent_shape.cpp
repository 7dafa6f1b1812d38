// SPDX-License-Identifier: BSL-1.0
// leibniz tests: the v of vjp and the t of jvp / hvp must have exactly the shape of the
// output (vjp) or of the variable (jvp, hvp), as torch.autograd.functional requires
// ("Mismatch in shape"): a v or t whose shape merely broadcasts is an lz::shape_error
// (it used to give a wrong-shaped or summed result). With fixed tensors it is a compile
// error (tests/fail/fixed_jvp_tangent_shape.cpp).
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"a"> a;

TEST_CASE("a tangent or cotangent that only broadcasts is a shape_error", "[tensor][errors]") {
  lz::tensor<double> const A{1, 2};
  lz::tensor<double> const m22{{1, 2}, {3, 4}};
  lz::tensor<double> const one{5};
  CHECK_THROWS_AS(lz::eval(lz::jvp(a * a, a, m22), a = A), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::jvp(a * a, a, one), a = A), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::vjp(a * a, a, m22), a = A), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::vjp(a * a, a, one), a = A), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::hvp(lz::sum(a * a * a), a, m22), a = A), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::hvp(lz::sum(a * a * a), a, one), a = A), lz::shape_error);
  CHECK_THROWS_WITH(lz::eval(lz::vjp(a * a, a, m22), a = A),
                    "leibniz: vjp: v has shape (2, 2) but the output has shape (2,)");
  CHECK_THROWS_WITH(lz::eval(lz::jvp(a * a, a, one), a = A),
                    "leibniz: jvp: t has shape (1,) but the variable has shape (2,)");
  // the right shapes still work
  CHECK(lz::eval(lz::jvp(a * a, a, lz::tensor<double>{1, 0}), a = A) == lz::tensor<double>{2, 0});
  CHECK(lz::eval(lz::vjp(a * a, a, lz::tensor<double>{0, 1}), a = A) == lz::tensor<double>{0, 4});
}

}  // namespace
