// SPDX-License-Identifier: BSL-1.0
// leibniz peer benchmark: Eigen's AutoDiffScalar (unsupported/Eigen/AutoDiff, Eigen 3.4) on
// workloads W1..W6 (bench/workloads.hpp); benchmarks named <workload>/<task>/eigen. Each
// checks its result against the hand-written closed form before timing; the timed region
// is one full evaluation (seeding the inputs, evaluating, reading the derivatives out),
// with the AD variables' storage allocated once outside the loop.
//
// AutoDiffScalar is forward mode with a derivative vector; here always fixed-size,
// Eigen::Matrix<double, N, 1> with N = number of inputs (no heap allocation):
//   W1_n2 grad, W2 grad, W3 grad, W4 jacobian, W5 jacobian: N = 2, 2, 16, 3, K.
//   W5 vjp: N = K; the derivative vector of s = v . z is v^T dz/dx.
//   W2 hessian: nested, AutoDiffScalar<Matrix<AutoDiffScalar<Vector2d>, 2, 1>>.
// Skipped:
//   W6 partials: fourth derivatives need AutoDiffScalar nested four deep, which does not
//     compile with Eigen 3.4: its operators (operator/, the derivative vectors' Zero())
//     build constants as Scalar(1) and Scalar(0) from int, and a three-deep
//     AutoDiffScalar<Matrix<AutoDiffScalar<Matrix<AutoDiffScalar<Vector2d>, 2, 1>>, 2, 1>>
//     has no constructor from int (it converts from its own Real only). Two deep (the W2
//     Hessian) works.
//   W1_n1024 grad: a gradient of 1024 inputs in forward mode means a 1024-wide derivative
//     vector in every intermediate (8 KiB each; O(n^2) work for an O(n) function) or 1024
//     passes; Eigen's AutoDiff has no reverse mode.
#include "harness.hpp"

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include <array>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

namespace {

template <int N>
using AD = Eigen::AutoDiffScalar<Eigen::Matrix<double, N, 1>>;

/// Forward-mode gradient of f: R^N -> R with AD<N>.
template <int N, class F>
void ad_grad(benchmark::State& state, char const* what, std::vector<double> const& x,
             std::vector<double> const& want, F f) {
  std::array<AD<N>, N> ad;
  std::array<double, N> g{};
  lzbench::run_checked(state, what, x, g, want, [&] {
    for (int i = 0; i < N; ++i) ad[i] = AD<N>(x[i], N, i);
    AD<N> const r = f(std::span<AD<N> const>(ad));
    for (int i = 0; i < N; ++i) g[i] = r.derivatives()(i);
  });
}

/// Nested AutoDiffScalar of `depth` levels over the two variables (x, y).
template <int depth>
struct nested {
  using inner = typename nested<depth - 1>::type;
  using type = Eigen::AutoDiffScalar<Eigen::Matrix<inner, 2, 1>>;
};
template <>
struct nested<1> {
  using inner = double;
  using type = AD<2>;
};

/// Variable k of two, seeded at every level: value = the variable one level down,
/// derivatives = unit vector k (of constants).
template <int depth>
typename nested<depth>::type seed(double v, int k) {
  using T = typename nested<depth>::type;
  using Inner = typename nested<depth>::inner;
  T t;
  if constexpr (depth == 1) {
    t = T(v, 2, k);
  } else {
    t.value() = seed<depth - 1>(v, k);
    t.derivatives().setZero();
    t.derivatives()(k) = Inner(1.0);
  }
  return t;
}

/// d^(i+j) f / dx^i dy^j from a nested AutoDiffScalar whose levels all hold (x, y).
template <class T>
double partial(T const& f, int i, int j) {
  if constexpr (std::is_same_v<T, double>) {
    return f;
  } else {
    if (i > 0) return partial(f.derivatives()(0), i - 1, j);
    if (j > 0) return partial(f.derivatives()(1), i, j - 1);
    return partial(f.value(), 0, 0);
  }
}

void w2_hessian(benchmark::State& state) {
  using T = nested<2>::type;
  auto const xy = lzbench::w2_input();
  std::array<double, 4> want{}, h{};
  lzbench::w2_hessian(xy, want);
  lzbench::run_checked(state, "W2 hessian (nested AutoDiffScalar)", xy, h, want, [&] {
    T const x = seed<2>(xy[0], 0), y = seed<2>(xy[1], 1);
    T const f = lzbench::w2_f<T>(x, y);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) h[2 * i + j] = f.derivatives()(i).derivatives()(j);
  });
}

void w4_jacobian(benchmark::State& state) {
  std::array<double, 3> const l = lzbench::w4_lengths(), q = lzbench::w4_angles();
  std::array<double, 6> want{}, J{};
  lzbench::w4_jacobian(l, q, want);
  std::array<AD<3>, 3> ad;
  lzbench::run_checked(state, "W4 jacobian (AutoDiffScalar<Vector3d>)", q, J, want, [&] {
    benchmark::DoNotOptimize(l.data());
    for (int j = 0; j < 3; ++j) ad[j] = AD<3>(q[j], 3, j);
    AD<3> px, py;
    lzbench::w4_p<AD<3>>(l, ad, px, py);
    for (int j = 0; j < 3; ++j) {
      J[j] = px.derivatives()(j);
      J[3 + j] = py.derivatives()(j);
    }
  });
}

template <int K>
void w5(benchmark::State& state, bool vjp) {
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K), v = lzbench::w5_v(K);
  std::vector<double> want(vjp ? K : K * K), out(want.size());
  if (vjp) {
    lzbench::w5_vjp(y, v, want);
  } else {
    lzbench::w5_jacobian(y, want, K);
  }
  std::vector<AD<K>> ad(K), z(K);
  lzbench::run_checked(state, vjp ? "W5 vjp (AutoDiffScalar)" : "W5 jacobian (AutoDiffScalar)", x, out, want, [&] {
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(v.data());
    for (int j = 0; j < K; ++j) ad[j] = AD<K>(x[j], K, j);
    lzbench::w5_z<AD<K>>(ad, y, z);
    if (vjp) {
      AD<K> s = AD<K>(0.0);
      for (int i = 0; i < K; ++i) s += v[i] * z[i];
      for (int j = 0; j < K; ++j) out[j] = s.derivatives()(j);
    } else {
      for (int i = 0; i < K; ++i)
        for (int j = 0; j < K; ++j) out[i * K + j] = z[i].derivatives()(j);
    }
  });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "eigen", [](benchmark::State& s) {
    auto const a = lzbench::w1_input(2);
    std::vector<double> want(2);
    lzbench::w1_grad(a, want);
    ad_grad<2>(s, "W1_n2 grad (AutoDiffScalar<Vector2d>)", a, want, [](auto ad) { return lzbench::w1_f(ad); });
  });
  lzbench::add("W2", "grad", "eigen", [](benchmark::State& s) {
    auto const xy = lzbench::w2_input();
    std::vector<double> want(2);
    lzbench::w2_grad(xy, std::span<double, 2>(want.data(), 2));
    ad_grad<2>(s, "W2 grad (AutoDiffScalar<Vector2d>)", {xy.begin(), xy.end()}, want,
               [](auto ad) { return lzbench::w2_f(ad[0], ad[1]); });
  });
  lzbench::add("W2", "hessian", "eigen", w2_hessian);
  lzbench::add("W3", "grad", "eigen", [](benchmark::State& s) {
    auto const x = lzbench::w3_input();
    std::vector<double> want(x.size());
    lzbench::w3_grad(x, want);
    ad_grad<lzbench::w3_n>(s, "W3 grad (AutoDiffScalar<Matrix<double, 16, 1>>)", x, want,
                           [](auto ad) { return lzbench::w3_f(ad); });
  });
  lzbench::add("W4", "jacobian", "eigen", w4_jacobian);
  lzbench::add("W5_K2", "jacobian", "eigen", [](benchmark::State& s) { w5<2>(s, false); });
  lzbench::add("W5_K2", "vjp", "eigen", [](benchmark::State& s) { w5<2>(s, true); });
  lzbench::add("W5_K64", "jacobian", "eigen", [](benchmark::State& s) { w5<64>(s, false); });
  lzbench::add("W5_K64", "vjp", "eigen", [](benchmark::State& s) { w5<64>(s, true); });
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
