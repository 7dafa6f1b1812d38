// SPDX-License-Identifier: BSL-1.0
// leibniz tests: run-time errors (issue 5, item 4). Every shape that does not fit throws
// the documented exception, lz::shape_error (a std::invalid_argument) or
// std::out_of_range, whose message names the operation and the shapes; the bound tensors
// are unchanged afterwards (compared with copies made before), and evaluating again with
// fitting shapes works. Also inside derivative evaluation: grad, vjp, jvp, hvp, jacobian.
// The fixed-shape counterparts are compile errors (tests/fail/fixed_*.cpp).
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>

namespace {

namespace lz = leibniz;
using namespace lz::literals;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;

static_assert(std::is_base_of_v<std::invalid_argument, lz::shape_error>);

/// The inputs of every test, and copies of them to compare with after each exception.
struct inputs {
  lz::tensor<double> v2{1, 2};
  lz::tensor<double> v3{1, 2, 3};
  lz::tensor<double> r12{{1, 2}};        // (1, 2)
  lz::tensor<double> r13{{1, 2, 3}};     // (1, 3)
  lz::tensor<double> m22{{1, 2}, {3, 4}};
  lz::tensor<double> m23{{1, 2, 3}, {4, 5, 6}};
  lz::tensor<double> t3d{lz::tensor<double>(lz::shape{2, 1, 2}, {1, 2, 3, 4})};
};

void check_unchanged(inputs const& in) {
  inputs const fresh;
  CHECK(in.v2 == fresh.v2);
  CHECK(in.v3 == fresh.v3);
  CHECK(in.r12 == fresh.r12);
  CHECK(in.r13 == fresh.r13);
  CHECK(in.m22 == fresh.m22);
  CHECK(in.m23 == fresh.m23);
  CHECK(in.t3d == fresh.t3d);
}

TEST_CASE("broadcast mismatch: shape_error naming the operation and both shapes", "[errors]") {
  inputs const in;
  CHECK_THROWS_AS(lz::eval(a + b, a = in.v2, b = in.v3), lz::shape_error);
  CHECK_THROWS_WITH(lz::eval(a + b, a = in.v2, b = in.v3),
                    "leibniz: add: shapes (2,) and (3,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a - b, a = in.v2, b = in.v3),
                    StartsWith("leibniz: sub") && Contains("(2,) and (3,)"));
  CHECK_THROWS_WITH(lz::eval(a * b, a = in.v2, b = in.v3),
                    "leibniz: mul: shapes (2,) and (3,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a / b, a = in.v2, b = in.v3),
                    StartsWith("leibniz: div") && Contains("(2,) and (3,)"));
  CHECK_THROWS_WITH(lz::eval(lz::pow(a, b), a = in.v2, b = in.v3), Contains("(2,) and (3,)"));
  CHECK_THROWS_WITH(lz::eval(lz::atan2(a, b), a = in.v2, b = in.v3), Contains("(2,) and (3,)"));
  // inside a fused chain, and with rank-2 operands
  CHECK_THROWS_WITH(lz::eval(lz::exp(a) * 2 + lz::sin(b), a = in.v2, b = in.v3),
                    "leibniz: add: shapes (2,) and (3,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a + b, a = in.m23, b = in.v2),
                    "leibniz: add: shapes (2, 3) and (2,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a * b, a = in.m22, b = in.r13),
                    "leibniz: mul: shapes (2, 2) and (1, 3) cannot be broadcast together");
  // inside a reduction
  CHECK_THROWS_AS(lz::eval(lz::sum(a * b), a = in.v2, b = in.v3), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::mean(a + b), a = in.v2, b = in.v3), lz::shape_error);
  check_unchanged(in);
  // fitting shapes still evaluate
  CHECK(lz::eval(a + b, a = in.m23, b = in.v3) == lz::tensor<double>{{2, 4, 6}, {5, 7, 9}});
}

TEST_CASE("matrix products: inner-dimension mismatch", "[errors]") {
  inputs const in;
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = in.r12, b = in.r13),
                    "leibniz: mm: shapes (1, 2) and (1, 3) do not fit "
                    "(mm needs 2-D operands whose inner dimensions agree)");
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = in.m23, b = in.m23),
                    StartsWith("leibniz: mm: shapes (2, 3) and (2, 3) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::matmul(a, b), a = in.m23, b = in.v2),
                    StartsWith("leibniz: matmul: shapes (2, 3) and (2,) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::matmul(a, b), a = in.v3, b = in.r12),
                    "leibniz: matmul: shapes (3,) and (1, 2) do not fit "
                    "(matmul needs operands of rank 1 or more whose inner dimensions agree and whose batch "
                    "dimensions broadcast)");
  CHECK_THROWS_WITH(lz::eval(lz::matmul(a, b), a = in.v2, b = in.v3),
                    StartsWith("leibniz: matmul: shapes (2,) and (3,) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::dot(a, b), a = in.v2, b = in.v3),
                    "leibniz: dot: shapes (2,) and (3,) do not fit "
                    "(dot needs two 1-D operands of equal length)");
  // a product inside a larger formula
  CHECK_THROWS_WITH(lz::eval(lz::sum(lz::mm(a, b) * 2 + 1), a = in.r12, b = in.r13),
                    StartsWith("leibniz: mm: shapes (1, 2) and (1, 3)"));
  check_unchanged(in);
  CHECK(lz::eval(lz::mm(a, b), a = in.r12, b = in.m23) == lz::tensor<double>{{9, 12, 15}});
}

TEST_CASE("rank mismatch: products, transpose, element access, item", "[errors]") {
  inputs const in;
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = in.v2, b = in.r12),
                    StartsWith("leibniz: mm: shapes (2,) and (1, 2) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = in.m22, b = in.v2),
                    StartsWith("leibniz: mm: shapes (2, 2) and (2,) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = in.t3d, b = in.m22),
                    StartsWith("leibniz: mm: shapes (2, 1, 2) and (2, 2) do not fit"));
  // a batched matmul (rank 3) whose inner dimensions differ
  CHECK_THROWS_WITH(lz::eval(lz::matmul(a, b), a = in.t3d, b = in.v3),
                    StartsWith("leibniz: matmul: shapes (2, 1, 2) and (3,) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::dot(a, b), a = in.m22, b = in.v2),
                    StartsWith("leibniz: dot: shapes (2, 2) and (2,) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::transpose(a), a = in.v2),
                    "leibniz: transpose: needs a 2-D operand, got shape (2,)");
  CHECK_THROWS_WITH(lz::eval(lz::transpose(a), a = in.t3d),
                    "leibniz: transpose: needs a 2-D operand, got shape (2, 1, 2)");
  // element access in a formula with the wrong number of indices
  CHECK_THROWS_AS(lz::eval(a(0), a = in.r12), lz::shape_error);
  CHECK_THROWS_WITH(lz::eval(a(0), a = in.r12),
                    "leibniz: element access: 1 indices for a tensor of shape (1, 2)");
  CHECK_THROWS_WITH(lz::eval(a(0, 0), a = in.v2), Contains("2 indices") && Contains("(2,)"));
  // ... and on the tensor itself
  CHECK_THROWS_AS(in.v2(0, 0), lz::shape_error);
  CHECK_THROWS_WITH(in.v2(0, 0), Contains("2 indices") && Contains("(2,)"));
  CHECK_THROWS_AS(in.m22(1), lz::shape_error);
  // item() of a tensor that is not one element
  CHECK_THROWS_WITH(in.v2.item(), "leibniz::tensor::item: the tensor has shape (2,), not one element");
  // a rank-1 tensor where a scalar stack item is expected: items of one shape
  CHECK_THROWS_WITH(lz::eval(lz::stack(a, b), a = in.v2, b = in.v3),
                    "leibniz: stack: shapes (2,) and (3,): items of a stack must have one shape");
  check_unchanged(in);
}

TEST_CASE("index out of range: std::out_of_range naming the index, dimension and shape", "[errors]") {
  inputs const in;
  CHECK_THROWS_AS(lz::eval(a(0, 5), a = in.r12), std::out_of_range);
  CHECK_THROWS_WITH(lz::eval(a(0, 5), a = in.r12),
                    "leibniz: element access: index 5 is out of range for dimension 1 of shape (1, 2)");
  CHECK_THROWS_WITH(lz::eval(a(2), a = in.v2),
                    "leibniz: element access: index 2 is out of range for dimension 0 of shape (2,)");
  // no wrap-around for negative indices
  CHECK_THROWS_WITH(lz::eval(a(-1), a = in.v2),
                    "leibniz: element access: index -1 is out of range for dimension 0 of shape (2,)");
  // an access inside a larger formula and inside a derivative
  CHECK_THROWS_AS(lz::eval(lz::sin(a(3)) * a(0), a = in.v2), std::out_of_range);
  CHECK_THROWS_AS(lz::eval(lz::grad(a(3) * a(3), a), a = in.v2), std::out_of_range);
  // the tensor's own operator()
  CHECK_THROWS_WITH(in.m22(2, 0), "leibniz::tensor: index 2 is out of range for dimension 0 of shape (2, 2)");
  CHECK_THROWS_AS(in.m22(0, 2), std::out_of_range);
  // fixed_tensor: the index is a run-time value, so this is a run-time error too
  lz::fixed_tensor<double, 2, 3> const F{{1, 2, 3}, {4, 5, 6}};
  CHECK_THROWS_WITH(F(2, 0), "leibniz::fixed_tensor: index 2 is out of range for dimension 0 of extent 2");
  CHECK_THROWS_AS(F(0, 3), std::out_of_range);
  CHECK_THROWS_AS(lz::eval(a(2), a = lz::fixed_tensor<double, 2>{1, 2}), std::out_of_range);
  CHECK(F == lz::fixed_tensor<double, 2, 3>{{1, 2, 3}, {4, 5, 6}});
  check_unchanged(in);
  CHECK(lz::eval(a(0, 1), a = in.r12).item() == 2);
}

TEST_CASE("tensor construction errors", "[errors]") {
  CHECK_THROWS_WITH((lz::tensor<double>{{1, 2}, {3}}),
                    "leibniz::tensor: rows of different lengths (2 and 1)");
  CHECK_THROWS_AS((lz::tensor<double>{{1, 2}, {3}}), std::invalid_argument);
  CHECK_THROWS_WITH(lz::tensor<double>(lz::shape{2, 2}, std::vector<double>{1, 2, 3}),
                    "leibniz::tensor: 3 values for shape (2, 2)");
}

TEST_CASE("errors inside derivative evaluation", "[errors]") {
  inputs const in;
  // a cotangent / tangent of a shape that does not fit: checked against the output
  // (vjp) or the variable (jvp, hvp) before anything else
  CHECK_THROWS_WITH(lz::eval(lz::vjp(a * 2, a, lz::tensor<double>{1, 2, 3}), a = in.v2),
                    "leibniz: vjp: v has shape (3,) but the output has shape (2,)");
  CHECK_THROWS_WITH(lz::eval(lz::vjp(lz::mm(a, b), a, lz::tensor<double>{1, 2, 3}), a = in.r12, b = in.m22),
                    "leibniz: vjp: v has shape (3,) but the output has shape (1, 2)");
  CHECK_THROWS_WITH(lz::eval(lz::jvp(lz::mm(a, b), a, in.r13), a = in.m22, b = in.m22),
                    "leibniz: jvp: t has shape (1, 3) but the variable has shape (2, 2)");
  CHECK_THROWS_WITH(lz::eval(lz::jvp(a * a, a, lz::tensor<double>{1, 2, 3}), a = in.v2),
                    "leibniz: jvp: t has shape (3,) but the variable has shape (2,)");
  CHECK_THROWS_WITH(lz::eval(lz::hvp(lz::sum(a * a * a), a, lz::tensor<double>{1, 2, 3}), a = in.v2),
                    "leibniz: jvp: t has shape (3,) but the variable has shape (2,)");
  // shapes of the bound tensors that do not fit, in grad, jacobian, hessian
  CHECK_THROWS_WITH(lz::eval(lz::jacobian(lz::mm(a, b), a), a = in.r12, b = in.r13),
                    StartsWith("leibniz: mm: shapes (1, 2) and (1, 3) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::jacobian(lz::mm(a, b), b), a = in.r12, b = in.r13),
                    StartsWith("leibniz: mm: shapes (1, 2) and (1, 3) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::grad(lz::sum(lz::mm(a, b)), a), a = in.r12, b = in.r13),
                    StartsWith("leibniz: mm: shapes (1, 2) and (1, 3) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::grad(lz::sum(a * b), a), a = in.v2, b = in.v3),
                    StartsWith("leibniz: ") && Contains("shapes (2,) and (3,) cannot be broadcast"));
  CHECK_THROWS_AS(lz::eval(lz::hessian(lz::sum(a * b * a), a), a = in.v2, b = in.v3), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::grad(lz::dot(a, b), a), a = in.v2, b = in.v3), lz::shape_error);
  check_unchanged(in);
  // the same formulas with fitting shapes
  CHECK(lz::eval(lz::vjp(a * 2, a, lz::tensor<double>{1, 2}), a = in.v2) == lz::tensor<double>{2, 4});
  CHECK(lz::eval(lz::grad(lz::sum(lz::mm(a, b)), a), a = in.r12, b = in.m23) ==
        lz::tensor<double>{{6, 15}});
}

TEST_CASE("float and long double tensors throw the same errors", "[errors]") {
  lz::tensor<float> const f2{1, 2}, f3{1, 2, 3};
  lz::tensor<long double> const l2{1, 2}, l3{1, 2, 3};
  CHECK_THROWS_WITH(lz::eval(a * b, a = f2, b = f3),
                    "leibniz: mul: shapes (2,) and (3,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a * b, a = l2, b = l3),
                    "leibniz: mul: shapes (2,) and (3,) cannot be broadcast together");
  CHECK_THROWS_WITH(lz::eval(a * b, a = f2, b = l3),
                    "leibniz: mul: shapes (2,) and (3,) cannot be broadcast together");
  CHECK(f2 == lz::tensor<float>{1, 2});
  CHECK(l3 == lz::tensor<long double>{1, 2, 3});
}

}  // namespace
