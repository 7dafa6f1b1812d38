// SPDX-License-Identifier: BSL-1.0
// leibniz tests: multi-threaded evaluation with OpenMP (LEIBNIZ_CONFIG_OPENMP=1, built with
// -fopenmp by tests/openmp/CMakeLists.txt). Each formula is large enough to be split
// between threads (LEIBNIZ_CONFIG_PARALLEL_MIN), evaluated with 1, 2 and 3 threads: the
// results must be equal bit for bit, and equal to plain loops written here.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <omp.h>

#include <cmath>
#include <cstddef>
#include <vector>

static_assert(LEIBNIZ_CONFIG_OPENMP == 1, "tests/openmp is built with LEIBNIZ_CONFIG_OPENMP=1");

namespace {

namespace lz = leibniz;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;
constexpr lz::variable<"w"> w;

/// A tensor of shape s with elements f(i) (flat index i).
template <class F>
lz::tensor<double> make(lz::shape s, F f) {
  lz::tensor<double> t(s, 0.0);
  for (std::size_t i = 0; i < s.numel(); ++i) t.data()[i] = f(i);
  return t;
}

/// fn() with 1, 2 and 3 threads: the three results, which must be equal bit for bit.
template <class Fn>
auto with_threads(Fn fn) {
  int const saved = omp_get_max_threads();
  std::vector<decltype(fn())> out;
  for (int t : {1, 2, 3}) {
    omp_set_num_threads(t);
    out.push_back(fn());
  }
  omp_set_num_threads(saved);
  return out;
}

void require_same(std::vector<lz::tensor<double>> const& r) {
  for (std::size_t k = 1; k < r.size(); ++k) {
    REQUIRE(r[k].shape() == r[0].shape());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < r[0].shape().numel(); ++i) differ += r[k].data()[i] != r[0].data()[i];
    CHECK(differ == 0);
  }
}

TEST_CASE("elementwise chains with broadcasting, split between threads", "[openmp]") {
  std::size_t const m = 300, n = 250;  // 75,000 elements
  auto const A = make(lz::shape{m, n}, [](std::size_t i) { return std::sin(0.001 * double(i)); });
  auto const B = make(lz::shape{n}, [](std::size_t j) { return 0.5 + 0.01 * double(j); });
  auto const C = make(lz::shape{m, 1}, [](std::size_t i) { return 1.0 + double(i % 7); });
  // a row vector, a column and a matrix: the blocks start inside rows, so each block
  // computes its first coordinate
  auto const r = with_threads([&] { return lz::eval(lz::exp(a) * b + b / w, a = A, b = B, w = C); });
  require_same(r);
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < n; ++j) wrong += r[0](i, j) != std::exp(A(i, j)) * B(j) + B(j) / C(i, 0);
  CHECK(wrong == 0);
}

TEST_CASE("sums over blocks do not depend on the number of threads", "[openmp]") {
  std::size_t const n = 100'003;
  auto const A = make(lz::shape{n}, [](std::size_t i) { return 1.0 / (1.0 + double(i)); });
  auto const r = with_threads([&] { return lz::eval(lz::sum(lz::square(a)), a = A); });
  require_same(r);
  double want = 0;
  for (std::size_t i = 0; i < n; ++i) want += A(i) * A(i);
  CHECK(r[0].item() == Approx(want).epsilon(1e-13));
}

TEST_CASE("matrix products, split by rows", "[openmp]") {
  std::size_t const m = 5000, k = 12;
  auto const X = make(lz::shape{m, k}, [](std::size_t i) { return std::cos(0.37 * double(i)); });
  auto const W = make(lz::shape{k}, [](std::size_t j) { return 0.1 * double(j) - 0.4; });
  auto const Y = make(lz::shape{m}, [](std::size_t i) { return i % 3 == 0 ? -1.0 : 1.0; });
  auto const z = with_threads([&] { return lz::eval(lz::matmul(a, w), a = X, w = W); });
  require_same(z);
  for (std::size_t i = 0; i < m; ++i) {
    double want = 0;
    for (std::size_t j = 0; j < k; ++j) want += X(i, j) * W(j);
    REQUIRE(z[0](i) == Approx(want).epsilon(1e-13));
  }
  // the logistic-regression gradient: X^T (...) is a transposed matrix-vector product
  auto const loss = lz::mean(lz::log(1 + lz::exp(-b * lz::matmul(a, w))));
  auto const g = with_threads([&] { return lz::eval(lz::grad(loss, w), a = X, w = W, b = Y); });
  require_same(g);
  for (std::size_t j = 0; j < k; ++j) {
    double want = 0;
    for (std::size_t i = 0; i < m; ++i) {
      double zi = 0;
      for (std::size_t q = 0; q < k; ++q) zi += X(i, q) * W(q);
      want -= Y(i) * X(i, j) / (1 + std::exp(Y(i) * zi)) / double(m);
    }
    CHECK(g[0](j) == Approx(want).epsilon(1e-12));
  }
  // a general product, and one with a transposed right operand
  auto const V = make(lz::shape{k, 40}, [](std::size_t i) { return std::sin(double(i)); });
  auto const p = with_threads([&] { return lz::eval(lz::mm(a, b), a = X, b = V); });
  require_same(p);
  auto const U = make(lz::shape{200, k}, [](std::size_t i) { return std::cos(0.11 * double(i)); });
  auto const q = with_threads([&] { return lz::eval(lz::mm(a, lz::transpose(a)), a = U); });  // 480,000 multiply-adds
  require_same(q);
  for (std::size_t i = 0; i < 200; i += 7)
    for (std::size_t j = 0; j < 200; j += 3) {
      double want = 0;
      for (std::size_t t = 0; t < k; ++t) want += U(i, t) * U(j, t);
      REQUIRE(q[0](i, j) == Approx(want).epsilon(1e-13).margin(1e-14));
    }
  for (std::size_t i = 0; i < m; i += 97)
    for (std::size_t j = 0; j < 40; ++j) {
      double want = 0;
      for (std::size_t t = 0; t < k; ++t) want += X(i, t) * V(t, j);
      REQUIRE(p[0](i, j) == Approx(want).epsilon(1e-13));
    }
}

}  // namespace
