// SPDX-License-Identifier: BSL-1.0
// leibniz tests: derivatives over tensors have PyTorch's shapes when operands broadcast
// (issue 9). Each expected value is what torch.autograd.functional (PyTorch 1.13,
// float64) gives for the same formula and values; the PyTorch form is in the comment.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

namespace lz = leibniz;
using namespace lz::literals;
using T = lz::tensor<double>;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;
constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

TEST_CASE("forward tangents are broadcast to the output's shape", "[tensor][broadcast]") {
  // jacobian(lambda a: a + b, a), a = [2.], b = [1., 2., 3.]: (3, 1) of ones
  CHECK(lz::eval(lz::jacobian(a + b, a), a = T{2}, b = T{1, 2, 3}) == T{{1}, {1}, {1}});
  // jvp(lambda a: a + b, a, [1.]): [1., 1., 1.]
  CHECK(lz::eval(lz::jvp(a + b, a, T{1}), a = T{2}, b = T{1, 2, 3}) == T{1, 1, 1});
  // a (1, 3), b (2, 1): jvp(lambda a: b - a, a, ones(1, 3)): (2, 3) of -1
  CHECK(lz::eval(lz::jvp(b - a, a, T{{1, 1, 1}}), a = T{{1, 2, 3}}, b = T{{1}, {2}}) ==
        T{{-1, -1, -1}, {-1, -1, -1}});
  // a (2, 1), b (1, 3): jacobian of grad(sum(a * b), a) w.r.t. b: (2, 1, 1, 3) of ones
  auto const mixed = lz::eval(lz::jacobian(lz::grad(lz::sum(a * b), a), b), a = T{{1}, {2}}, b = T{{1, 2, 3}});
  CHECK(mixed.shape() == lz::shape{2, 1, 1, 3});
  CHECK(mixed == T(lz::shape{2, 1, 1, 3}, 1.0));
  // hessian(lambda a: square(mm(b - a, b)).sum(), a), a = [0.5, -1], b = [[1, 2], [3, 4]]
  CHECK(lz::eval(lz::hessian(lz::sum(lz::square(lz::mm(b - a, b))), a), a = T{0.5, -1},
                 b = T{{1, 2}, {3, 4}}) == T{{20, 44}, {44, 100}});
  // the same with fixed-shape tensors: the shapes are known at compile time
  static_assert(lz::eval(lz::jvp(a + b, a, lz::fixed_tensor<double, 1>{1}), a = lz::fixed_tensor<double, 1>{2},
                         b = lz::fixed_tensor<double, 3>{1, 2, 3}) == lz::fixed_tensor<double, 3>{1, 1, 1});
  static_assert(lz::eval(lz::jacobian(a * b, a), a = lz::fixed_tensor<double, 1>{2},
                         b = lz::fixed_tensor<double, 3>{1, 2, 3}) == lz::fixed_tensor<double, 3, 1>{{1}, {2}, {3}});
}

TEST_CASE("a number as the direction of a jvp is broadcast to the variable's shape", "[tensor][broadcast]") {
  // t = 2 means t = 2 * ones_like(a)
  CHECK(lz::eval(lz::jvp(a * a, a, 2.0), a = T{1, 2}) == T{4, 8});
  CHECK(lz::eval(lz::jvp(a * b, a, 2.0), a = 3.0, b = T{1, 2}) == T{2, 4});
}

TEST_CASE("cancellation keeps the shape: a - a is zeros, a / a ones", "[tensor][broadcast]") {
  CHECK(lz::eval(a - a, a = T{1, 2, 3}) == T{0, 0, 0});
  CHECK(lz::eval(a / a, a = T{1, 2, 3}) == T{1, 1, 1});
  CHECK(lz::eval(2_c * a - a * 2_c, a = T{{1, 2}}) == T{{0, 0}});
  CHECK(lz::eval(a * lz::pow(a, -1_c), a = T{1, 2}) == T{1, 1});
  // jacobian(lambda a: a - a, a): (3, 3) of zeros
  CHECK(lz::eval(lz::jacobian(a - a, a), a = T{1, 2, 3}) == T(lz::shape{3, 3}, 0.0));
  // scalars stay scalars, and the derivative of a cancellation is still 0 by type
  static_assert(lz::eval(x - x, x = 2.0) == 0.0);
  static_assert(lz::eval(x / x, x = 2.0) == 1.0);
  static_assert(lz::is_constant_v<decltype(lz::d(x - x, x))>);
  CHECK(lz::to_string(x - x) == "0");
  CHECK(lz::to_string(x / x + y) == "1 + y");
}

TEST_CASE("a jvp or hvp that is zero by type has the documented shape", "[tensor][broadcast]") {
  // hvp(lambda a: (3 * a).sum(), a, ones(3)): zeros of a's shape
  CHECK(lz::eval(lz::hvp(lz::sum(3_c * a), a, T{1, 1, 1}), a = T{1, 2, 3}) == T{0, 0, 0});
  // jvp of 3 a w.r.t. b: zeros of the output's shape
  CHECK(lz::eval(lz::jvp(3_c * a, b, T{1, 1}), a = T{1, 2, 3}, b = T{1, 2}) == T{0, 0, 0});
  static_assert(lz::eval(lz::jvp(3_c * a, b, lz::fixed_tensor<double, 2>{1, 1}), a = lz::fixed_tensor<double, 3>{1, 2, 3},
                         b = lz::fixed_tensor<double, 2>{1, 2}) == lz::fixed_tensor<double, 3>{0, 0, 0});
}

TEST_CASE("reverse mode through matmul with fixed tensors, every rank pair", "[tensor]") {
  using F2 = lz::fixed_tensor<double, 2>;
  CHECK(lz::eval(lz::grad(lz::matmul(a, b), a), a = F2{1, 2}, b = F2{3, 4}) == F2{3, 4});
  using F23 = lz::fixed_tensor<double, 2, 3>;
  using F3 = lz::fixed_tensor<double, 3>;
  using F32 = lz::fixed_tensor<double, 3, 2>;
  F23 const m{{1, 2, 3}, {4, 5, 6}};
  F3 const v{1, -1, 2};
  F32 const n{{1, 0}, {0, 1}, {1, 1}};
  // grad(sum(matmul(m, v)), m): each row is v; w.r.t. v: the column sums of m
  CHECK(lz::eval(lz::grad(lz::sum(lz::matmul(a, b)), a), a = m, b = v) == F23{{1, -1, 2}, {1, -1, 2}});
  CHECK(lz::eval(lz::grad(lz::sum(lz::matmul(a, b)), b), a = m, b = v) == F3{5, 7, 9});
  // (2, 3) x (3, 2): each row of the gradient is the row sums of n
  CHECK(lz::eval(lz::grad(lz::sum(lz::matmul(a, b)), a), a = m, b = n) == F23{{1, 1, 2}, {1, 1, 2}});
  // (3,) x (3, 2): the row sums of n
  CHECK(lz::eval(lz::grad(lz::sum(lz::matmul(a, b)), a), a = v, b = n) == F3{1, 1, 2});
}

TEST_CASE("stack of a reduction and a number over dynamic tensors", "[tensor]") {
  CHECK(lz::eval(lz::stack(lz::dot(a, b), 1.5), a = T{1, 2}, b = T{3, 4}) == T{11, 1.5});
  CHECK(lz::eval(lz::stack(2.5, lz::sum(a)), a = T{1, 2}) == T{2.5, 3});
}

TEST_CASE("mixed second derivatives through stack and matmul", "[tensor]") {
  // F = square(stack([a * b, a])).sum() at a = 2, b = 3: d/db dF/da = 4 a b = 24
  CHECK(lz::eval(lz::jacobian(lz::grad(lz::sum(lz::square(lz::stack(a * b, a))), a), b), a = 2.0, b = 3.0) == 24.0);
  // F = square(matmul(A, B)).sum(), A (3, 2), B (2,): the (3, 2, 2) block d/dB dF/dA
  T const A{{1, 2}, {3, 4}, {5, 6}};
  T const B{0.5, -1};
  T const expected{{{-2, 2}, {-2, -7}}, {{-2, 4}, {-6, -13}}, {{-2, 6}, {-10, -19}}};
  CHECK(lz::eval(lz::jacobian(lz::grad(lz::sum(lz::square(lz::matmul(a, b))), a), b), a = A, b = B) == expected);
  // and the other block, against its transpose: d/dA dF/dB (2, 3, 2)
  auto const other = lz::eval(lz::jacobian(lz::grad(lz::sum(lz::square(lz::matmul(a, b))), b), a), a = A, b = B);
  REQUIRE(other.shape() == lz::shape{2, 3, 2});
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 2; ++j)
      for (std::size_t k = 0; k < 2; ++k) CHECK(other(k, i, j) == expected(i, j, k));
}

TEST_CASE("the findings of the PyTorch differential suite (docs/fuzzing.md, P1-P8)", "[tensor][broadcast]") {
  using F2 = lz::fixed_tensor<double, 2>;
  // P1: jvp(lambda a: a - b, a, tensor(1.)) with a = 0.5: [1., 1., 1.]
  CHECK(lz::eval(lz::jvp(a - b, a, 1.0), a = 0.5, b = T{1, 2, 3}) == T{1, 1, 1});
  // P1 through a transpose: jvp(lambda a: (b + a).T, a, [1., 2., 3.]), b (2, 3)
  CHECK(lz::eval(lz::jvp(lz::transpose(b + a), a, T{1, 2, 3}), a = T{0, 0, 0}, b = T{{1, 2, 3}, {4, 5, 6}}) ==
        T{{1, 1}, {2, 2}, {3, 3}});
  // P2: reverse mode through fit broadcasts back: vjp of grad(sum(a * b), a) w.r.t. b
  CHECK(lz::eval(lz::vjp(lz::grad(lz::sum(a * b), a), b, T{1, 2, 3}), a = T{1, 1, 1},
                 b = T{{1, 2, 3}, {4, 5, 6}}) == T{{1, 2, 3}, {1, 2, 3}});
  CHECK(lz::eval(lz::jacobian(lz::grad(lz::sum(a * b), a), b), a = T{1, 1, 1}, b = T{{1, 2, 3}, {4, 5, 6}}).shape() ==
        lz::shape{3, 2, 3});
  // P3: (a - a) / (1.5 + cos(b)) with a rank-0 a: zeros of b's shape
  static_assert(lz::eval((a - a) / (1.5 + lz::cos(b)), a = 0.5, b = F2{1, 2}) == F2{0, 0});
  // P4: hvp(lambda a: (a * b).sum(), a, [1., 1.]): zeros (2,)
  CHECK(lz::eval(lz::hvp(lz::sum(a * b), a, T{1, 1}), a = T{1, 2}, b = T{3, 4}) == T{0, 0});
  // P5: grad(sum(matmul(b, a)), a), a fixed (2, 3), b fixed (3, 2)
  CHECK(lz::eval(lz::grad(lz::sum(lz::matmul(b, a)), a), a = lz::fixed_tensor<double, 2, 3>{{1, 2, 3}, {4, 5, 6}},
                 b = lz::fixed_tensor<double, 3, 2>{{1, 2}, {3, 4}, {5, 6}}) ==
        lz::fixed_tensor<double, 2, 3>{{9, 9, 9}, {12, 12, 12}});
  // P6: jvp through a stack of tensors, one of which does not depend on a
  CHECK(lz::eval(lz::jvp(lz::stack(b, a * b), a, T{1.0}), a = T{2.0}, b = T{1, 2, 3}) == T{{0, 0, 0}, {1, 2, 3}});
  // P7: a mixed block through a stack whose cotangent depends on b
  CHECK(lz::eval(lz::jacobian(lz::grad(lz::sum(lz::square(lz::stack(lz::sum(a * b), a(0)))), a), b), a = T{1, 2},
                 b = T{3, 4}) == T{{28, 12}, {8, 38}});
}

TEST_CASE("a cotangent that is zero by type stops, and the gradient keeps its shape", "[tensor]") {
  // d sign(u) = 0: the second derivative of |u| sends nothing back through the product
  // (it used to build matmul_vjp_a(0, b, a), which did not compile). Values: the mixed
  // block jacobian(grad(F, a), b) of F = square(abs(-matmul(b, a))).sum() from
  // torch.autograd.functional (seed 20261206, formula 73 of scripts/gen-fuzz-torch).
  constexpr auto F = lz::sum(lz::square(lz::abs(-lz::matmul(b, a))));
  lz::fixed_tensor<double, 3> const A{0.644, -0.4761, -0.4137};
  lz::fixed_tensor<double, 2, 3> const B{{0.8421, -0.2605, -0.4025}, {-0.0713, -0.6171, 0.2712}};
  double const expected[] = {2.7503262,  -0.80184762, -0.69675354, 0.17954294, 0.06789186, 0.05899362,
                             -0.335524,  1.9137495,   0.2155377,   -0.7948248, 0.85897996, 0.51058854,
                             -0.51842,   0.3832605,   1.9987299,   0.3493056,  -0.25823664, 0.04698646};
  auto const mixed = lz::eval(lz::jacobian(lz::grad(F, a), b), a = A, b = B);
  static_assert(std::is_same_v<decltype(mixed), lz::fixed_tensor<double, 3, 2, 3> const>);
  for (std::size_t i = 0; i < 18; ++i) CHECK(mixed.data()[i] == Approx(expected[i]).epsilon(1e-12));
  // a gradient that is zero by type, though F depends on a (sum(sign(a)) = sum(d|a|/da)),
  // has a's shape
  constexpr auto sign_sum = lz::sum(lz::d(lz::abs(a), a));
  static_assert(lz::depends_on(sign_sum, a));
  CHECK(lz::eval(lz::grad(sign_sum, a), a = T{1, -2}) == T{0, 0});
  CHECK(lz::eval(lz::vjp(lz::d(lz::abs(a), a), a, T{1, 1}), a = T{1, -2}) == T{0, 0});
}

TEST_CASE("reverse mode through a fit whose cotangent was broadcast beyond it", "[tensor]") {
  // The mixed block of F = sum(square(dot(a + b, b) - b * a)), a (1,), b (3,), is
  // evaluated by reverse sweeps (a has fewer elements than b), i.e. reverse mode over the
  // gradient, whose fit(x, dot(...)) node is multiplied by b: its cotangent has b's shape
  // and must be summed to the node's own shape first (it was not: 6.8849 instead of
  // 13.3411). Values from torch.autograd.functional (scripts/gen-fuzz-torch seed
  // 20261208, formula 47); the jvp (forward) form always agreed.
  constexpr auto F = lz::sum(lz::square(lz::dot(a + b, b) - b * a));
  T const A{0.9601};
  T const B{0.2646, 0.8121, 0.3967};
  auto const mixed = lz::eval(lz::jacobian(lz::grad(F, a), b), a = A, b = B);
  REQUIRE(mixed.shape() == lz::shape{1, 3});
  double const expected[] = {13.34107016, 21.89718116, 15.40547612};
  for (std::size_t j = 0; j < 3; ++j) CHECK(mixed.data()[j] == Approx(expected[j]).epsilon(1e-12));
  auto const column = lz::eval(lz::jvp(lz::grad(F, a), b, T{0, 1, 0}), a = A, b = B);
  auto const row = lz::eval(lz::vjp(lz::grad(F, a), b, T{1}), a = A, b = B);
  for (std::size_t j = 0; j < 3; ++j) CHECK(row.data()[j] == Approx(mixed.data()[j]).epsilon(1e-12));
  CHECK(column.data()[0] == Approx(mixed.data()[1]).epsilon(1e-12));
}

TEST_CASE("reverse mode through matmul of a run-time and a compile-time shape", "[tensor]") {
  // matmul(mm(a, a), stack(-0.25, sum(b))) with a, b lz::tensor: the stack of two
  // numbers is a fixed_tensor of rank 1, a's product has a run-time shape, and the
  // cotangent of the matrix (an outer product) did not compile with clang++, which
  // instantiated the transpose of the rank-1 operand for the impossible 2-D x 2-D case.
  // Values from torch.autograd.functional (scripts/gen-fuzz-torch seed 20261209,
  // formula 72).
  constexpr auto E = lz::tanh(lz::matmul(lz::mm(a, a), lz::stack(-0.25, lz::sum(b))));
  T const A{{-0.4508, -0.4111}, {0.8026, 0.3327}};
  T const B{0.963, 0.1161};
  auto const j = lz::eval(lz::jacobian(E, a), a = A, b = B);
  REQUIRE(j.shape() == lz::shape{2, 2, 2});
  double const expected[] = {-0.21668281307476098, -0.32578353486638745, 0.10205196222694252,
                             -0.44049708975637464, -0.19182267961699798, 0.8279834142988101,
                             -0.395875558379608,   0.4946215813778042};
  for (std::size_t i = 0; i < 8; ++i) CHECK(j.data()[i] == Approx(expected[i]).epsilon(1e-12));
  auto const g = lz::eval(lz::grad(lz::sum(E), a), a = A, b = B);
  double const expected_grad[] = {-0.40850549269175895, 0.5021998794324226, -0.29382359615266546,
                                  0.054124491621429544};
  REQUIRE(g.shape() == lz::shape{2, 2});
  for (std::size_t i = 0; i < 4; ++i) CHECK(g.data()[i] == Approx(expected_grad[i]).epsilon(1e-12));
}

TEST_CASE("a stack of a number and an item whose shape is known only at run time", "[tensor]") {
  // stack(maximum(a, b)(1), dot(a, a)) with a an lz::tensor: the jvp's first item is a number
  // and its second, the tangent of the dot product, a rank-0 value of run-time shape; the
  // stack of them did not compile (P13, docs/fuzzing.md). Values from
  // torch.autograd.functional (scripts/gen-fuzz-torch --extended, seed 20261214, formula 20).
  constexpr auto E = lz::stack(lz::maximum(a, b)(1), lz::dot(a, a));
  T const A{0.734, -0.0498};
  double const B = -0.7019;
  T const Tn{-0.1448, 0.9691};
  auto const t = lz::eval(lz::jvp(E, a, Tn), a = A, b = B);
  REQUIRE(t.shape() == lz::shape{2});
  CHECK(t(0) == Approx(0.9691).epsilon(1e-12));
  CHECK(t(1) == Approx(-0.30908876).epsilon(1e-12));
  // a rank-0 item of run-time shape first, numbers after it; and two of them
  auto const u = lz::eval(lz::jvp(lz::stack(lz::dot(a, a), lz::maximum(a, b)(1)), a, Tn), a = A, b = B);
  CHECK(u(0) == Approx(-0.30908876).epsilon(1e-12));
  CHECK(u(1) == Approx(0.9691).epsilon(1e-12));
  auto const w = lz::eval(lz::jvp(lz::stack(lz::dot(a, a), 2 * lz::dot(a, a)), a, Tn), a = A, b = B);
  CHECK(w(1) == Approx(2 * -0.30908876).epsilon(1e-12));
}

TEST_CASE("every printable formula prints as LaTeX", "[print]") {
  CHECK(lz::to_latex(lz::sum(x * x)) == "\\operatorname{sum}\\left(x^{2}\\right)");
  CHECK(lz::to_latex(lz::transpose(a + b)) == "\\left(a + b\\right)^{\\top}");
  CHECK(lz::to_latex(lz::mm(a, b)) == "\\operatorname{mm}\\left(a, b\\right)");
  CHECK(!lz::to_latex(lz::grad(lz::sum(lz::square(lz::mm(a, b) - 1)), b)).empty());
  CHECK(!lz::to_latex(lz::jacobian(lz::stack(a(0, 0), b(1)), a)).empty());
}

TEST_CASE("a jvp with a number as direction folds the number", "[print]") {
  constexpr auto f = x * x * y;
  CHECK(lz::to_string(lz::jvp(f, x, 2.0)) == "4 * x * y");
  static_assert(lz::eval(lz::jvp(f, x, 2.0), x = 3.0, y = 0.5) == 6.0);
}

}  // namespace
