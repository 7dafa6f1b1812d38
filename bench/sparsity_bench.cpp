// SPDX-License-Identifier: BSL-1.0
// leibniz benchmark: the Hessian of the chained Rosenbrock function (W3's, n = 16, at
// x_i = 1.2 - 0.05 i) as a sparse evaluation of the lower triangle's 2n - 1 nonzeros
// (lz::eval_sparse(lz::tril(H))), as the dense n x n evaluation (lz::eval(H)), and
// hand-written tridiagonal code. Each is checked against the hand-written values first.
// Not part of scripts/bench's tables: run build/release/bench/bench.sparsity_bench;
// docs/sparsity.md quotes a run.
#include "workloads.hpp"

#include <leibniz/leibniz.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <utility>

namespace lz = leibniz;
using namespace lz::literals;

namespace {
constexpr std::size_t n = 16;

template <std::size_t I>
inline constexpr char name[4] = {'x', static_cast<char>('0' + I / 10), static_cast<char>('0' + I % 10), 0};
template <std::size_t I>
inline constexpr lz::variable<name<I>> v{};

template <std::size_t... I>
constexpr auto chained_rosenbrock(std::index_sequence<I...>) {
  return ((100_c * lz::square(v<I + 1> - lz::square(v<I>)) + lz::square(1_c - v<I>)) + ...);
}
template <std::size_t... I>
constexpr auto all_variables(std::index_sequence<I...>) {
  return lz::wrt(v<I>...);
}
constexpr auto f = chained_rosenbrock(std::make_index_sequence<n - 1>{});
constexpr auto H = lz::hessian(f, all_variables(std::make_index_sequence<n>{}));
constexpr auto L = lz::tril(H);
constexpr auto index = lz::sparse_indices(L);
static_assert(lz::nnz(L) == 2 * n - 1);

std::array<double, n> point() {
  std::array<double, n> x{};
  for (std::size_t i = 0; i < n; ++i) x[i] = 1.2 - 0.05 * static_cast<double>(i);
  return x;
}

/// The lower triangle's nonzeros in CSR order: (0, 0), then (r, r - 1), (r, r).
void hand_tridiagonal(std::array<double, n> const& x, double* out) {
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out[k++] = -400.0 * x[i - 1];
    double d = i > 0 ? 200.0 : 0.0;
    if (i + 1 < n) d += 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
    out[k++] = d;
  }
}

std::array<double, 2 * n - 1> expected() {
  std::array<double, 2 * n - 1> out{};
  hand_tridiagonal(point(), out.data());
  return out;
}

template <std::size_t... I>
auto sparse(std::array<double, n> const& x, std::index_sequence<I...>) {
  return lz::eval_sparse(L, (v<I> = x[I])...);
}
template <std::size_t... I>
auto dense(std::array<double, n> const& x, std::index_sequence<I...>) {
  return lz::eval(H, (v<I> = x[I])...);
}

void BM_sparse(benchmark::State& state) {
  auto x = point();
  auto const check = sparse(x, std::make_index_sequence<n>{});
  lzbench::require_close(check, expected(), "sparse");
  for (auto _ : state) {
    benchmark::DoNotOptimize(x.data());
    auto const out = sparse(x, std::make_index_sequence<n>{});
    benchmark::DoNotOptimize(out.data());
  }
}
void BM_dense(benchmark::State& state) {
  auto x = point();
  auto const check = dense(x, std::make_index_sequence<n>{});
  std::array<double, 2 * n - 1> picked{};
  for (std::size_t k = 0; k < picked.size(); ++k) picked[k] = check(index.row[k], index.col[k]);
  lzbench::require_close(picked, expected(), "dense");
  for (auto _ : state) {
    benchmark::DoNotOptimize(x.data());
    auto const out = dense(x, std::make_index_sequence<n>{});
    benchmark::DoNotOptimize(out.data());
  }
}
void BM_hand(benchmark::State& state) {
  auto x = point();
  std::array<double, 2 * n - 1> out{};
  for (auto _ : state) {
    benchmark::DoNotOptimize(x.data());
    hand_tridiagonal(x, out.data());
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
}
}  // namespace

BENCHMARK(BM_sparse)->Name("rosenbrock_hessian_n16/leibniz_eval_sparse_tril");
BENCHMARK(BM_dense)->Name("rosenbrock_hessian_n16/leibniz_eval_dense");
BENCHMARK(BM_hand)->Name("rosenbrock_hessian_n16/hand_tridiagonal");
BENCHMARK_MAIN();
