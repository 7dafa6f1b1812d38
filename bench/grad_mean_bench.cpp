// SPDX-License-Identifier: BSL-1.0
// leibniz benchmark: the gradient of mean(3 (a + 3)^2) (the seed's first cell, workload
// W1) for n doubles, a_i = -1 + 2 i / (n - 1): leibniz's compiler-generated gradient,
// evaluated over an lz::tensor and over an lz::fixed_tensor, against a hand-written
// loop. Each benchmark checks its result against the hand-written one before timing.
#include <leibniz/leibniz.hpp>

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"a"> a;
constexpr auto out = lz::mean((a + 3) * (a + 3) * 3);
constexpr auto gradient = lz::grad(out, a);

std::vector<double> inputs(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = -1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(n - 1);
  return v;
}

/// d/da_i mean(3 (a + 3)^2) = 6 (a_i + 3) / n, written by hand.
void hand_written(double const* a_in, double* g, std::size_t n) {
  double const scale = 6.0 / static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) g[i] = scale * (a_in[i] + 3.0);
}

void require_close(double const* got, double const* want, std::size_t n, char const* what) {
  for (std::size_t i = 0; i < n; ++i)
    if (std::fabs(got[i] - want[i]) > 1e-12 * std::fabs(want[i]) + 1e-15) {
      std::fprintf(stderr, "%s: element %zu is %.17g, expected %.17g\n", what, i, got[i], want[i]);
      std::exit(1);
    }
}

void BM_hand_written(benchmark::State& state) {
  auto const n = static_cast<std::size_t>(state.range(0));
  auto const x = inputs(n);
  std::vector<double> g(n);
  for (auto _ : state) {
    benchmark::DoNotOptimize(x.data());
    hand_written(x.data(), g.data(), n);
    benchmark::DoNotOptimize(g.data());
    benchmark::ClobberMemory();
  }
}

void BM_leibniz_tensor(benchmark::State& state) {
  auto const n = static_cast<std::size_t>(state.range(0));
  auto const x = inputs(n);
  lz::tensor<double> const A(lz::shape{n}, x);
  std::vector<double> want(n);
  hand_written(x.data(), want.data(), n);
  require_close(lz::eval(gradient, a = A).data(), want.data(), n, "leibniz tensor gradient");
  for (auto _ : state) {
    benchmark::DoNotOptimize(A.data());
    auto g = lz::eval(gradient, a = A);
    benchmark::DoNotOptimize(g.data());
    benchmark::ClobberMemory();
  }
}

template <std::size_t N>
void BM_leibniz_fixed(benchmark::State& state) {
  auto const x = inputs(N);
  lz::fixed_tensor<double, N> A;
  for (std::size_t i = 0; i < N; ++i) A.data()[i] = x[i];
  std::vector<double> want(N);
  hand_written(x.data(), want.data(), N);
  require_close(lz::eval(gradient, a = A).data(), want.data(), N, "leibniz fixed_tensor gradient");
  for (auto _ : state) {
    benchmark::DoNotOptimize(A.data());
    auto g = lz::eval(gradient, a = A);
    benchmark::DoNotOptimize(g.data());
    benchmark::ClobberMemory();
  }
}

BENCHMARK(BM_hand_written)->Arg(2)->Arg(1024);
BENCHMARK(BM_leibniz_tensor)->Arg(2)->Arg(1024);
BENCHMARK_TEMPLATE(BM_leibniz_fixed, 2);
BENCHMARK_TEMPLATE(BM_leibniz_fixed, 1024);

}  // namespace

BENCHMARK_MAIN();
