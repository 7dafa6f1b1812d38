// SPDX-License-Identifier: BSL-1.0
// leibniz benchmark: the hand-written closed forms of workloads W1..W6 (bench/workloads.hpp),
// the reference every ratio in the peer comparison divides by; also W3/value/hand, the cost
// of the function alone. Benchmarks are named <workload>/<task>/hand. Before timing, each
// checks the hand-written result against central finite differences of the function
// (W1..W5) or against SymPy's exact values (W6). Fixed-size workloads (all but W1_n1024)
// keep their data in std::arrays, so the compiler knows the sizes, as it does for the
// peers' fixed-size AD types.
#include "harness.hpp"


#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <span>
#include <vector>

namespace {

// ---- independent references ---------------------------------------------------------------

/// Five-point central differences of F: R^n -> R^m (row-major m x n Jacobian): error
/// O(h^4), none at all for polynomials of degree 4 or less (W1..W3, W5) but rounding.
std::vector<double> fd_jacobian(std::vector<double> x, std::size_t m,
                                std::function<void(std::span<double const>, std::span<double>)> const& F) {
  std::size_t const n = x.size();
  std::vector<double> J(m * n), p1(m), p2(m), m1(m), m2(m);
  for (std::size_t j = 0; j < n; ++j) {
    double const xj = x[j];
    double const h = 1e-3 * std::max(1.0, std::fabs(xj));
    x[j] = xj + h;
    F(x, p1);
    x[j] = xj + 2.0 * h;
    F(x, p2);
    x[j] = xj - h;
    F(x, m1);
    x[j] = xj - 2.0 * h;
    F(x, m2);
    x[j] = xj;
    for (std::size_t i = 0; i < m; ++i) J[i * n + j] = (8.0 * (p1[i] - m1[i]) - (p2[i] - m2[i])) / (12.0 * h);
  }
  return J;
}

/// The finite differences above agree with the hand-written derivatives to 4e-10 or better
/// here (rounding of f: W1_n1024's f is a mean of 1024 terms): 1e-8 catches a wrong formula.
constexpr double fd_rel = 1e-8;

std::vector<double> fd_w1_grad(std::size_t n) {
  return fd_jacobian(lzbench::w1_input(n), 1, [](auto a, auto f) { f[0] = lzbench::w1_f<double>(a); });
}

std::vector<double> fd_w2_grad(std::vector<double> const& xy) {
  return fd_jacobian(xy, 1, [](auto p, auto f) { f[0] = lzbench::w2_f<double>(p[0], p[1]); });
}

/// The Hessian as the Jacobian of the (finite-difference checked) hand-written gradient.
std::vector<double> fd_w2_hessian(std::vector<double> const& xy) {
  return fd_jacobian(xy, 2, [](auto p, auto g) { lzbench::w2_grad(p.template first<2>(), g.template first<2>()); });
}

std::vector<double> fd_w3_grad(std::vector<double> const& x) {
  return fd_jacobian(x, 1, [](auto p, auto f) { f[0] = lzbench::w3_f<double>(p); });
}

std::vector<double> fd_w4_jacobian(std::array<double, 3> const& l, std::array<double, 3> const& q) {
  return fd_jacobian({q.begin(), q.end()}, 2,
                     [&l](auto p, auto f) { lzbench::w4_p<double>(l, p.template first<3>(), f[0], f[1]); });
}

std::vector<double> fd_w5_jacobian(std::size_t K) {
  auto const y = lzbench::w5_y(K);
  return fd_jacobian(lzbench::w5_x(K), K, [&y](auto x, auto z) { lzbench::w5_z<double>(x, y, z); });
}

std::vector<double> fd_w5_vjp(std::size_t K) {
  auto const J = fd_w5_jacobian(K);
  auto const v = lzbench::w5_v(K);
  std::vector<double> r(K, 0.0);
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < K; ++j) r[j] += v[i] * J[i * K + j];
  return r;
}

// ---- timing -------------------------------------------------------------------------------

/// std::array<double, N> holding v: the fixed-size workloads keep their data in arrays
/// whose size the compiler sees, as the peers' fixed-size AD types do.
template <std::size_t N>
std::array<double, N> to_array(std::vector<double> const& v) {
  std::array<double, N> a{};
  std::copy(v.begin(), v.end(), a.begin());
  return a;
}

void w1_grad_n1024(benchmark::State& state) {
  auto const a = lzbench::w1_input(1024);
  std::vector<double> g(a.size());
  lzbench::run_checked(state, "W1_n1024 grad", a, g, fd_w1_grad(a.size()), fd_rel, [&] { lzbench::w1_grad(a, g); });
}

void w1_grad_n2(benchmark::State& state) {
  auto const a = to_array<2>(lzbench::w1_input(2));
  std::array<double, 2> g{};
  lzbench::run_checked(state, "W1_n2 grad", a, g, fd_w1_grad(2), fd_rel, [&] { lzbench::w1_grad(a, g); });
}

void w2_grad(benchmark::State& state) {
  auto const xy = lzbench::w2_input();
  std::array<double, 2> g{};
  lzbench::run_checked(state, "W2 grad", xy, g, fd_w2_grad({xy.begin(), xy.end()}), fd_rel, [&] { lzbench::w2_grad(xy, g); });
}

void w2_hessian(benchmark::State& state) {
  auto const xy = lzbench::w2_input();
  std::array<double, 4> h{};
  lzbench::run_checked(state, "W2 hessian", xy, h, fd_w2_hessian({xy.begin(), xy.end()}), fd_rel,
      [&] { lzbench::w2_hessian(xy, h); });
}

void w3_value(benchmark::State& state) {
  auto const x = to_array<lzbench::w3_n>(lzbench::w3_input());
  // The value checked against the sum written out term by term.
  double want = 0.0;
  for (std::size_t i = 0; i + 1 < x.size(); ++i)
    want += 100.0 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1.0 - x[i]) * (1.0 - x[i]);
  std::array<double, 1> f{};
  lzbench::run_checked(state, "W3 value", x, f, std::array{want}, 1e-12, [&] { f[0] = lzbench::w3_value(x); });
}

void w3_grad(benchmark::State& state) {
  auto const x = to_array<lzbench::w3_n>(lzbench::w3_input());
  std::array<double, lzbench::w3_n> g{};
  lzbench::run_checked(state, "W3 grad", x, g, fd_w3_grad({x.begin(), x.end()}), fd_rel, [&] { lzbench::w3_grad(x, g); });
}

void w4_jacobian(benchmark::State& state) {
  // l and q side by side, so that both are hidden from the optimiser.
  std::array<double, 6> lq{};
  auto const l = lzbench::w4_lengths();
  auto const q = lzbench::w4_angles();
  std::copy(l.begin(), l.end(), lq.begin());
  std::copy(q.begin(), q.end(), lq.begin() + 3);
  std::array<double, 6> J{};
  lzbench::run_checked(state, "W4 jacobian", lq, J, fd_w4_jacobian(l, q), fd_rel, [&] {
    lzbench::w4_jacobian(std::span<double const>(lq).first<3>(), std::span<double const>(lq).last<3>(), J);
  });
}

template <std::size_t K>
void w5_jacobian(benchmark::State& state) {
  auto const y = to_array<K * K>(lzbench::w5_y(K));
  std::array<double, K * K> J{};
  lzbench::run_checked(state, "W5 jacobian", y, J, fd_w5_jacobian(K), fd_rel, [&] { lzbench::w5_jacobian(y, J, K); });
}

template <std::size_t K>
void w5_vjp(benchmark::State& state) {
  // y and v side by side, so that both are hidden from the optimiser.
  std::array<double, K * K + K> yv{};
  auto const y0 = lzbench::w5_y(K), v0 = lzbench::w5_v(K);
  std::copy(y0.begin(), y0.end(), yv.begin());
  std::copy(v0.begin(), v0.end(), yv.begin() + K * K);
  std::array<double, K> r{};
  lzbench::run_checked(state, "W5 vjp", yv, r, fd_w5_vjp(K), fd_rel, [&] {
    lzbench::w5_vjp(std::span<double const>(yv).template first<K * K>(), std::span<double const>(yv).template last<K>(),
                    r);
  });
}

void w6_partials(benchmark::State& state) {
  auto const xy = lzbench::w6_input();
  std::array<double, 15> out{};
  lzbench::run_checked(state, "W6 partials", xy, out, lzbench::w6_sympy_values, 1e-12,
      [&] { lzbench::w6_partials(xy[0], xy[1], out); });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "hand", w1_grad_n2);
  lzbench::add("W1_n1024", "grad", "hand", w1_grad_n1024);
  lzbench::add("W2", "grad", "hand", w2_grad);
  lzbench::add("W2", "hessian", "hand", w2_hessian);
  lzbench::add("W3", "value", "hand", w3_value);
  lzbench::add("W3", "grad", "hand", w3_grad);
  lzbench::add("W4", "jacobian", "hand", w4_jacobian);
  lzbench::add("W5_K2", "jacobian", "hand", w5_jacobian<2>);
  lzbench::add("W5_K2", "vjp", "hand", w5_vjp<2>);
  lzbench::add("W5_K64", "jacobian", "hand", w5_jacobian<64>);
  lzbench::add("W5_K64", "vjp", "hand", w5_vjp<64>);
  lzbench::add("W6", "partials", "hand", w6_partials);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
