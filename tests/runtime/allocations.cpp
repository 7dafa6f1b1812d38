// SPDX-License-Identifier: BSL-1.0
// leibniz tests: evaluation allocates nothing for scalars and fixed tensors, and for
// dynamic tensors only what must be materialised: elementwise chains are fused into
// one loop, with no temporary tensor per node. Counted with a replaced global
// operator new (tests/counting_new.hpp, this file's program only).
#include "../counting_new.hpp"

#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <new>
#include <thread>
#include <tuple>
#include <utility>

using counting_new::count;
using counting_new::first_and_second;

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

TEST_CASE("scalar evaluation allocates nothing", "[allocations]") {
  auto const f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);
  double v = 0;
  CHECK(count([&] { return lz::eval(f, x = 0.7, y = 0.4); }, v) == 0);
  CHECK(count([&] { return lz::eval(lz::d(f, x, y, x, y), x = 0.7, y = 0.4); }, v) == 0);
  lz::fixed_tensor<double, 2> g;
  CHECK(count([&] { return lz::eval(lz::grad(f, lz::wrt(x, y)), x = 0.7, y = 0.4); }, g) == 0);
  lz::fixed_tensor<double, 2, 2> h;
  CHECK(count([&] { return lz::eval(lz::hessian(f, lz::wrt(x, y)), x = 0.7, y = 0.4); }, h) == 0);
  CHECK(v != 0);
}

TEST_CASE("fixed-tensor evaluation allocates nothing", "[allocations]") {
  lz::fixed_tensor<double, 2> const A{2, 3};
  auto const out = lz::mean((a + 3) * (a + 3) * 3);
  double v = 0;
  CHECK(count([&] { return lz::eval(out, a = A); }, v) == 0);
  lz::fixed_tensor<double, 2> g;
  CHECK(count([&] { return lz::eval(lz::grad(out, a), a = A); }, g) == 0);
  CHECK(g == lz::fixed_tensor<double, 2>{15, 18});
  lz::fixed_tensor<double, 2, 2> h;
  CHECK(count([&] { return lz::eval(lz::hessian(out, a), a = A); }, h) == 0);
  lz::fixed_tensor<double, 2, 2> const M{{1, 2}, {3, 4}};
  lz::fixed_tensor<double, 2, 2> p;
  CHECK(count([&] { return lz::eval(lz::mm(a, x) + a, a = M, x = M); }, p) == 0);
  lz::fixed_tensor<double, 2, 2, 2, 2> j;
  CHECK(count([&] { return lz::eval(lz::jacobian(lz::mm(a, x), a), a = M, x = M); }, j) == 0);
}

TEST_CASE("dynamic evaluation materialises only the result, products and reductions", "[allocations]") {
  lz::tensor<double> const A(lz::shape{1024}, 0.5);
  lz::tensor<double> r;
  // an elementwise chain of 5 nodes: one allocation, the result's storage
  CHECK(count([&] { return lz::eval(lz::sin(a + 3) * (a + 3) * 3, a = A); }, r) == 1);
  // a reduction of a chain: the rank-0 result only
  CHECK(count([&] { return lz::eval(lz::mean((a + 3) * (a + 3) * 3), a = A); }, r) == 1);
  // the gradient of mean(3 (a + 3)^2): adjoint chain fused, one allocation
  CHECK(count([&] { return lz::eval(lz::grad(lz::mean((a + 3) * (a + 3) * 3), a), a = A); }, r) == 1);
  CHECK(r(0) == 6.0 * 3.5 / 1024);
  // a matrix product must be materialised: the product and the result; the product's
  // buffer goes back to the thread's pool, so the next eval allocates only the result
  lz::tensor<double> const M(lz::shape{4, 4}, 1.0);
  auto const mm_count = first_and_second([&] { return lz::eval(lz::mm(a, x) * 2 + 1, a = M, x = M); }, r);
  CHECK(mm_count.first == 2);  // operands are read in place; the product, then the result
  CHECK(mm_count.second == 1);
  CHECK(r(3, 3) == 9.0);
  // a product at the root is the result itself, moved out (not copied)
  auto const root_count = first_and_second([&] { return lz::eval(lz::mm(a, x), a = M, x = M); }, r);
  CHECK(root_count.first == 1);
  CHECK(root_count.second == 1);
  CHECK(r(0, 1) == 4.0);
  std::cout << "allocations: elementwise chain 1, mean 1, grad 1, mm then chain " << mm_count.first << " then "
            << mm_count.second << ", mm alone " << root_count.first << '\n';
}

TEST_CASE("a tensor subexpression used several times in one eval is computed once", "[allocations]") {
  lz::tensor<double> const A{{1, 2}, {3, 4}};
  lz::tensor<double> const X{{5, 6}, {7, 8}};
  lz::tensor<double> r;
  // mm(a, x) three times: the product once, then the result
  auto const p = lz::mm(a, x);
  auto const shared_count = first_and_second([&] { return lz::eval(p * p + p, a = A, x = X); }, r);
  CHECK(shared_count.first == 2);
  CHECK(shared_count.second == 1);  // the product's buffer is the first eval's
  double const P[2][2] = {{1 * 5 + 2 * 7, 1 * 6 + 2 * 8}, {3 * 5 + 4 * 7, 3 * 6 + 4 * 8}};
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 2; ++j) CHECK(r(i, j) == P[i][j] * P[i][j] + P[i][j]);

  // The logistic-regression gradient holds matmul(X, w) in several places; another formula
  // of the same call that uses it costs only its own result.
  lz::tensor<double> const D{{0.5, -1.0}, {1.5, 0.25}, {-0.75, 2.0}};
  lz::tensor<double> const W{0.3, -0.2};
  lz::tensor<double> const Y{1.0, -1.0, 1.0};
  auto const z = lz::matmul(x, a);
  auto const loss = lz::mean(lz::log(1 + lz::exp(-y * z)));
  auto const g = lz::grad(loss, a);
  auto const grad_count = first_and_second([&] { return lz::eval(g, x = D, a = W, y = Y); }, r);
  CHECK(grad_count.second == 1);  // every temporary in a buffer of the first eval
  std::tuple<lz::tensor<double>, lz::tensor<double>> both;
  auto const both_count =
      first_and_second([&] { return lz::eval(std::tuple{g, z * 2}, x = D, a = W, y = Y); }, both);
  CHECK(both_count.first == grad_count.first + 1);
  CHECK(both_count.second == 2);  // the two results
  // the closed form: -mean over i of y_i x_i / (1 + exp(y_i x_i . w))
  for (std::size_t j = 0; j < 2; ++j) {
    double want = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      double const zi = D(i, 0) * W(0) + D(i, 1) * W(1);
      want -= Y(i) * D(i, j) / (1 + std::exp(Y(i) * zi)) / 3;
      CHECK(std::get<1>(both)(i) == Approx(2 * zi).epsilon(1e-14));
    }
    CHECK(r(j) == Approx(want).epsilon(1e-13));
    CHECK(std::get<0>(both)(j) == r(j));
  }
  std::cout << "allocations (first eval, second eval): p * p + p " << shared_count.first << ", "
            << shared_count.second << "; logistic gradient " << grad_count.first << ", " << grad_count.second
            << "; with z * 2 " << both_count.first << ", " << both_count.second << '\n';
}

TEST_CASE("a shared elementwise value is stored once, in a buffer reused by the next eval", "[allocations]") {
  // sin(x) appears twice in this gradient: over lz::tensor it is computed once per eval into
  // a temporary, whose buffer the thread keeps for the next eval (a fresh thread: an empty pool)
  auto const g = lz::grad(lz::sum(lz::sin(x) * lz::exp(-x * x / 2)), x);
  lz::tensor<double> const X{-1.0, 0.25, 2.0};
  long first = -1, second = -1;
  lz::tensor<double> r1, r2;
  std::thread([&] {  // two keeps: r1 must outlive the second eval
    first = count([&] { return lz::eval(g, x = X); }, r1);
    second = count([&] { return lz::eval(g, x = X); }, r2);
  }).join();
  // sin(x) and its twin cos(x) (computed together), exp(-x^2 / 2) (its plain 2 makes it a
  // node with a run-time number, held by its numbers: computed once, not in both terms),
  // the result
  CHECK(first == 4);
  CHECK(second == 1);  // the result: the temporaries reuse the first eval's buffers
  for (std::size_t i = 0; i < 3; ++i) {
    double const v = X(i), e = std::exp(-v * v / 2);
    CHECK(r1(i) == Approx(std::cos(v) * e - v * std::sin(v) * e).epsilon(1e-14));
    CHECK(r2(i) == r1(i));
  }
  std::cout << "allocations: a shared sin(x), first eval " << first << ", second " << second << '\n';
}

TEST_CASE("a costly node with run-time numbers is computed once where the same numbers recur",
          "[allocations]") {
  // exp(2 * x) and exp(3 * x) have one type (their numbers are run-time values). The first
  // node met is computed into the table with a copy of its numbers; a node of that type with
  // the same numbers reads it, one with other numbers is computed on its own.
  auto const f = lz::exp(2 * x) * lz::exp(2 * x) + lz::exp(3 * x) + lz::exp(2.0 * x);
  lz::tensor<double> const X{-1.5, 0.0, 0.25, 3.0};
  lz::tensor<double> r;
  std::pair<long, long> n{-1, -1};
  std::thread([&] { n = first_and_second([&] { return lz::eval(f, x = X); }, r); }).join();
  // exp(2 * x) held; exp(3 * x) computed on its own, in a list of the values with other
  // numbers (the list is a buffer of its own); the result
  CHECK(n.first == 4);
  CHECK(n.second == 2);  // the list and the result
  for (std::size_t i = 0; i < 4; ++i) {
    double const v = X(i);
    CHECK(r(i) == Approx(std::exp(2 * v) * std::exp(2 * v) + std::exp(3 * v) + std::exp(2.0 * v)).epsilon(1e-15));
  }
  // the numbers are compared by value and sign: -0.0 is not 0.0 (1 / (0.0 * x) is +inf where
  // 1 / (-0.0 * x) is -inf, for x > 0)
  auto const z = lz::tanh(1 / (0.0 * x)) + 2 * lz::tanh(1 / (-0.0 * x));
  lz::tensor<double> const P{2.0, -3.0};
  auto const rz = lz::eval(z, x = P);
  CHECK(rz(0) == 1.0 - 2.0);
  CHECK(rz(1) == -1.0 + 2.0);
}

TEST_CASE("a transpose read by a matrix product is not copied first", "[allocations]") {
  // The MLP gradient: dW2 = mm(transpose(tanh(mm(X, W1))), G). tanh(mm(X, W1)) is held (used
  // three times); its transpose is read in place by the product, not held as a copy.
  constexpr lz::variable<"W"> w;
  auto const h = lz::tanh(lz::mm(x, a));
  auto const loss = lz::mean(lz::square(lz::mm(h, w) - y));
  auto const g = lz::grad(loss, w);
  lz::tensor<double> const X{{0.5, -1.0}, {1.5, 0.25}, {-0.75, 2.0}};
  lz::tensor<double> const A{{0.3, -0.2, 0.1}, {0.05, 0.4, -0.6}};
  lz::tensor<double> const W{{1.0}, {-2.0}, {0.5}};
  lz::tensor<double> const Y{{0.1}, {-0.3}, {0.7}};
  lz::tensor<double> r;
  std::pair<long, long> n{-1, -1};
  std::thread([&] { n = first_and_second([&] { return lz::eval(g, x = X, a = A, w = W, y = Y); }, r); }).join();
  // the products, the held tanh, the cotangent and the result: 6 on a thread's first eval;
  // 7 while the table held transpose(tanh(mm(x, a))) as a copy (measured before the change)
  CHECK(n.first == 6);
  CHECK(n.second == 1);
  // the closed form: dW2[k] = 2 / 3 sum_i H[i, k] (H[i, :] W - Y[i])
  for (std::size_t k = 0; k < 3; ++k) {
    double want = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      double hw = 0;
      for (std::size_t j = 0; j < 3; ++j) hw += std::tanh(X(i, 0) * A(0, j) + X(i, 1) * A(1, j)) * W(j, 0);
      want += 2.0 / 3 * std::tanh(X(i, 0) * A(0, k) + X(i, 1) * A(1, k)) * (hw - Y(i, 0));
    }
    CHECK(r(k, 0) == Approx(want).epsilon(1e-13));
  }
  std::cout << "allocations: MLP gradient dW2, first eval " << n.first << ", second " << n.second << '\n';

  // A transpose that is materialised (read by an elementwise operation) is copied in blocks
  // of 16 x 16: sizes that are not multiples of 16, more than one block each way.
  lz::tensor<double> M(lz::shape{37, 20}, 0.0);
  for (std::size_t i = 0; i < 37; ++i)
    for (std::size_t j = 0; j < 20; ++j) M(i, j) = static_cast<double>(100 * i + j);
  auto const T = lz::eval(lz::transpose(x) * 2_c + 1_c, x = M);
  REQUIRE(T.shape() == lz::shape{20, 37});
  bool all = true;
  for (std::size_t i = 0; i < 37; ++i)
    for (std::size_t j = 0; j < 20; ++j) all = all && T(j, i) == 2 * M(i, j) + 1;
  CHECK(all);
}

TEST_CASE("a held sin(u) and cos(u) of one u are computed in one pass, with the values of sin and cos",
          "[allocations]") {
  // sin(u) is used twice, so the table holds it; cos(u) is then held with it (sincos). The
  // table holds stateless subexpressions only: 2_c, not a plain 2.
  auto const u = 2_c * x + y;
  auto const f = lz::sin(u) * lz::sin(u) + lz::cos(u) * x + lz::sin(u);
  lz::tensor<double> const X{-1.5, 0.0, 0.25, 3.0, 1e3};
  lz::tensor<double> const Y{0.5, -0.5, 2.0, -7.0, 1.0};
  lz::tensor<double> r;
  std::pair<long, long> n{-1, -1};
  std::thread([&] { n = first_and_second([&] { return lz::eval(f, x = X, y = Y); }, r); }).join();
  CHECK(n.first == 3);  // in a fresh thread (an empty pool): sin(u), cos(u), the result
  CHECK(n.second == 1);
  for (std::size_t i = 0; i < 5; ++i) {
    double const v = 2 * X(i) + Y(i), s = std::sin(v), c = std::cos(v);
    CHECK(r(i) == Approx(s * s + c * X(i) + s).epsilon(1e-15));
  }
  // floats, and cos(u) as a formula's own result (not held: the twin is only added to the
  // table, never taken from a formula's result)
  lz::tensor<float> const Xf{0.5f, -2.0f, 10.0f};
  lz::tensor<float> const Yf{1.0f, 0.0f, -3.0f};
  auto const both = lz::eval(std::tuple{f, lz::cos(u)}, x = Xf, y = Yf);
  for (std::size_t i = 0; i < 3; ++i) {
    float const v = 2 * Xf(i) + Yf(i), s = std::sin(v), c = std::cos(v);
    CHECK(std::get<0>(both)(i) == Approx(s * s + c * Xf(i) + s).epsilon(1e-6));
    CHECK(std::get<1>(both)(i) == c);
  }
}

}  // namespace

TEST_CASE("tensor arithmetic: a temporary holds the result, compound assignment in place", "[allocations]") {
  lz::tensor<double> W(lz::shape{1000}, 1.5);
  lz::tensor<double> const G = lz::arange<double>(1000) / 1000;
  lz::tensor<double> r;
  // 0.1 * G is the one new tensor; W - (0.1 * G) is written into it
  CHECK(count([&] { return W - 0.1 * G; }, r) == 1);
  CHECK(r == lz::eval(x - 0.1 * y, x = W, y = G));
  CHECK(count([&] { return (W * 2 + G) / 3 - 1; }, r) == 1);
  CHECK(r == lz::eval((x * 2 + y) / 3 - 1, x = W, y = G));
  // compound assignment with a number or a tensor of W's shape: no allocation
  lz::tensor<double> const before = W;
  long n = 0;
  int done = 0;
  n += count([&] { W -= G; return 1; }, done);
  n += count([&] { W *= 2.0; return 1; }, done);
  CHECK(n == 0);
  CHECK(W == (before - G) * 2.0);
  CHECK(count([&] { W -= 0.1 * G; return 1; }, done) == 1);  // the temporary 0.1 * G
}
