// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the Hessian of the chained Rosenbrock function.
//
// f = sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 over n scalar variables
// x0 .. x{n-1} (n = LZ_N: 4, 8 or 16). The program evaluates
// lz::hessian(f, lz::wrt(x0, ..., x{n-1})) at x_i = 1.2 - 0.05 i and checks it against
// the closed form (tridiagonal):
//   H_ii = 1200 x_i^2 - 400 x_{i+1} + 2 (i < n-1), plus 200 (i > 0);
//   H_{i,i+1} = H_{i+1,i} = -400 x_i; every other entry 0.
// The exit code is non-zero on a mismatch (relative tolerance 1e-12). scripts/compile-bench
// measures the time and memory its compilation takes for each n (docs/compile-time.md).
#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <utility>

#ifndef LZ_N
#define LZ_N 8
#endif
static_assert(LZ_N >= 2 && LZ_N <= 99, "LZ_N must be between 2 and 99");

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr std::size_t n = LZ_N;

// The variables x00, x01, ..., named by their index.
template <std::size_t I>
struct indexed_name {
  static constexpr char value[4] = {'x', char('0' + I / 10), char('0' + I % 10), '\0'};
};
template <std::size_t I>
inline constexpr lz::variable<indexed_name<I>::value> xi{};

template <std::size_t I>
constexpr auto term() {
  return 100_c * lz::square(xi<I + 1> - lz::square(xi<I>)) + lz::square(1_c - xi<I>);
}

template <std::size_t... I>
constexpr auto rosenbrock(std::index_sequence<I...>) {
  return (term<I>() + ...);
}

template <std::size_t... I>
constexpr auto all_variables(std::index_sequence<I...>) {
  return lz::wrt(xi<I>...);
}

template <std::size_t... I>
auto hessian_at(std::array<double, n> const& v, std::index_sequence<I...> is) {
  constexpr auto f = rosenbrock(std::make_index_sequence<n - 1>{});
  constexpr auto h = lz::hessian(f, all_variables(is));
  std::printf("chained Rosenbrock, n = %zu: f has %zu nodes\n", n, lz::node_count(f));
  std::printf("result nodes: %zu\n", lz::node_count(h));  // read by scripts/compile-bench
  return lz::eval(h, (xi<I> = v[I])...);
}

}  // namespace

int main() {
  std::array<double, n> v{};
  for (std::size_t i = 0; i < n; ++i) v[i] = 1.2 - 0.05 * double(i);
  // Run-time values: the compiler cannot fold the evaluation away.
  volatile double opaque = 0.0;
  for (double& e : v) e += opaque;

  auto const h = hessian_at(v, std::make_index_sequence<n>{});

  int failures = 0;
  double trace = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double want = 0.0;
      if (i == j) {
        if (i + 1 < n) want += 1200.0 * v[i] * v[i] - 400.0 * v[i + 1] + 2.0;
        if (i > 0) want += 200.0;
      } else if (j == i + 1) {
        want = -400.0 * v[i];
      } else if (i == j + 1) {
        want = -400.0 * v[j];
      }
      double const got = h(i, j);
      if (i == j) trace += got;
      if (!(std::abs(got - want) <= 1e-12 * std::abs(want))) {
        ++failures;
        std::printf("  H(%zu, %zu) = %.17g, expected %.17g  MISMATCH\n", i, j, got, want);
      }
    }
  }
  std::printf("  trace %.17g, H(0, 0) %.17g, H(0, 1) %.17g\n", trace, h(0, 0), h(0, 1));
  std::printf("%s\n", failures == 0 ? "OK" : "FAILED");
  return failures == 0 ? 0 : 1;
}
