// SPDX-License-Identifier: BSL-1.0
// leibniz peer benchmark: ceres::Jet (ceres/jet.h, Ceres Solver 2.1; the number type of
// Ceres' automatic differentiation) on workloads W1..W6 (bench/workloads.hpp); benchmarks
// named <workload>/<task>/ceres. Each checks its result against the hand-written closed
// form before timing; the timed region is one full evaluation (seeding the Jets,
// evaluating, reading the derivatives out), with the Jets' storage allocated once outside
// the loop. Only the header is used (no libceres, no cost function machinery).
//
// Jet<double, N> is forward mode with a fixed-size derivative vector (Eigen), N = number
// of inputs, as Ceres' AutoDiffCostFunction does for a parameter block of size N:
//   W1_n2 grad, W2 grad, W3 grad, W4 jacobian, W5 jacobian: N = 2, 2, 16, 3, K.
//   W5 vjp: N = K; the derivative part of s = v . z is v^T dz/dx.
//   W2 hessian: nested, Jet<Jet<double, 2>, 2>. Jet's mixed operations take the Jet's own
//     scalar type only (for the outer Jet, Jet<double, 2>, not double), so the function is
//     written with its constants of that type (w2_f_nested below); otherwise the same.
// Skipped:
//   W6 partials: fourth derivatives need Jets nested four deep; Jet's constructors and
//     operators build constants as T(1.0) / T(0.0) from double, which Jet<Jet<double, 2>,
//     2> (the scalar of a three-deep Jet) cannot be constructed from (its constructor
//     from its scalar is explicit and takes Jet<double, 2>): Jet(value, k) itself does not
//     compile three deep. Not simple, so not done.
//   W1_n1024 grad: a gradient of 1024 inputs in forward mode means a 1024-wide derivative
//     vector in every intermediate (8 KiB each; O(n^2) work for an O(n) function) or 1024
//     passes; Jet has no reverse mode.
#include "harness.hpp"

#include <ceres/jet.h>

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace {

template <class T, int N>
using Jet = ceres::Jet<T, N>;

/// Forward-mode gradient of f: R^N -> R with Jet<double, N>.
template <int N, class F>
void jet_grad(benchmark::State& state, char const* what, std::vector<double> const& x,
              std::vector<double> const& want, F f) {
  using J = Jet<double, N>;
  std::array<J, N> ad;
  std::array<double, N> g{};
  lzbench::run_checked(state, what, x, g, want, [&] {
    for (int i = 0; i < N; ++i) ad[i] = J(x[i], i);
    J const r = f(std::span<J const>(ad));
    for (int i = 0; i < N; ++i) g[i] = r.v[i];
  });
}

/// W2's f as in workloads.hpp with its constants of the Jet's scalar type S.
template <class T>
T w2_f_nested(T const& x, T const& y) {
  using S = decltype(x.a);
  T const u = S(1.0) - x;
  T const t = y - x * x;
  return u * u + S(100.0) * t * t;
}

void w2_hessian(benchmark::State& state) {
  using J1 = Jet<double, 2>;
  using J2 = Jet<J1, 2>;
  auto const xy = lzbench::w2_input();
  std::array<double, 4> want{}, h{};
  lzbench::w2_hessian(xy, want);
  lzbench::run_checked(state, "W2 hessian (Jet<Jet<double, 2>, 2>)", xy, h, want, [&] {
    J2 const x(J1(xy[0], 0), 0), y(J1(xy[1], 1), 1);
    J2 const f = w2_f_nested(x, y);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) h[2 * i + j] = f.v[i].v[j];
  });
}

void w4_jacobian(benchmark::State& state) {
  using J = Jet<double, 3>;
  std::array<double, 3> const l = lzbench::w4_lengths(), q = lzbench::w4_angles();
  std::array<double, 6> want{}, Jac{};
  lzbench::w4_jacobian(l, q, want);
  std::array<J, 3> ad;
  lzbench::run_checked(state, "W4 jacobian (Jet<double, 3>)", q, Jac, want, [&] {
    benchmark::DoNotOptimize(l.data());
    for (int j = 0; j < 3; ++j) ad[j] = J(q[j], j);
    J px, py;
    lzbench::w4_p<J>(l, ad, px, py);
    for (int j = 0; j < 3; ++j) {
      Jac[j] = px.v[j];
      Jac[3 + j] = py.v[j];
    }
  });
}

template <int K>
void w5(benchmark::State& state, bool vjp) {
  using J = Jet<double, K>;
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K), v = lzbench::w5_v(K);
  std::vector<double> want(vjp ? K : K * K), out(want.size());
  if (vjp) {
    lzbench::w5_vjp(y, v, want);
  } else {
    lzbench::w5_jacobian(y, want, K);
  }
  std::vector<J> ad(K), z(K);
  lzbench::run_checked(state, vjp ? "W5 vjp (Jet)" : "W5 jacobian (Jet)", x, out, want, [&] {
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(v.data());
    for (int j = 0; j < K; ++j) ad[j] = J(x[j], j);
    lzbench::w5_z<J>(ad, y, z);
    if (vjp) {
      J s(0.0);
      for (int i = 0; i < K; ++i) s += v[i] * z[i];
      for (int j = 0; j < K; ++j) out[j] = s.v[j];
    } else {
      for (int i = 0; i < K; ++i)
        for (int j = 0; j < K; ++j) out[i * K + j] = z[i].v[j];
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "ceres", [](benchmark::State& s) {
    auto const a = lzbench::w1_input(2);
    std::vector<double> want(2);
    lzbench::w1_grad(a, want);
    jet_grad<2>(s, "W1_n2 grad (Jet<double, 2>)", a, want, [](auto ad) { return lzbench::w1_f(ad); });
  });
  lzbench::add("W2", "grad", "ceres", [](benchmark::State& s) {
    auto const xy = lzbench::w2_input();
    std::vector<double> want(2);
    lzbench::w2_grad(xy, std::span<double, 2>(want.data(), 2));
    jet_grad<2>(s, "W2 grad (Jet<double, 2>)", {xy.begin(), xy.end()}, want,
                [](auto ad) { return lzbench::w2_f(ad[0], ad[1]); });
  });
  lzbench::add("W2", "hessian", "ceres", w2_hessian);
  lzbench::add("W3", "grad", "ceres", [](benchmark::State& s) {
    auto const x = lzbench::w3_input();
    std::vector<double> want(x.size());
    lzbench::w3_grad(x, want);
    jet_grad<lzbench::w3_n>(s, "W3 grad (Jet<double, 16>)", x, want, [](auto ad) { return lzbench::w3_f(ad); });
  });
  lzbench::add("W4", "jacobian", "ceres", w4_jacobian);
  lzbench::add("W5_K2", "jacobian", "ceres", [](benchmark::State& s) { w5<2>(s, false); });
  lzbench::add("W5_K2", "vjp", "ceres", [](benchmark::State& s) { w5<2>(s, true); });
  lzbench::add("W5_K64", "jacobian", "ceres", [](benchmark::State& s) { w5<64>(s, false); });
  lzbench::add("W5_K64", "vjp", "ceres", [](benchmark::State& s) { w5<64>(s, true); });
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
