// SPDX-License-Identifier: BSL-1.0
// leibniz peer benchmark: Boost.Math autodiff (boost/math/differentiation/autodiff.hpp,
// Boost 1.81) on workloads W1..W6 (bench/workloads.hpp); benchmarks named
// <workload>/<task>/boost. Each checks its result against the hand-written closed form
// before timing; the timed region is one full evaluation (making the fvars, evaluating,
// reading the derivatives out), with the fvars' storage allocated once outside the loop.
//
// Boost autodiff is forward mode only, with no vector (multi-direction) tangents: the
// number type autodiff_fvar<double, N1, ..., Nk> nests one polynomial level per variable,
// so a number holds prod(N_i + 1) coefficients, including every mixed partial. As its
// documentation shows, make_ftuple gives each variable its own type and functions of them
// are written over mixed types returning promote<X, Y, ...>:
//   W1_n2 grad, W2 grad, W5_K2 jacobian and vjp: make_ftuple<double, 1, 1>.
//   W4 jacobian: make_ftuple<double, 1, 1, 1>.
//   W2 hessian: make_ftuple<double, 2, 2>.
//   W6 partials: make_ftuple<double, 4, 4> (25 coefficients): all 15 numbers from one
//     evaluation, derivative(i, j).
//   W3 grad (16 inputs) and W5_K64 jacobian and vjp (64 inputs): make_ftuple would carry
//     2^16 and 2^64 coefficients, so one forward pass per input with make_fvar<double, 1>,
//     the other inputs held constant. The vjp is v . (dz/dx_j), one pass per input j.
// Skipped: W1_n1024 grad. Forward mode needs one pass per input: 1024 passes over 1024
//   elements, O(n^2) work for an O(n) function, and the library offers no reverse mode.
#include "harness.hpp"

#include <boost/math/differentiation/autodiff.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace {

namespace ad = boost::math::differentiation;
using F1 = ad::autodiff_fvar<double, 1>;

/// The gradient of f: R^n -> R by n first-order forward passes: pass k makes x_k the
/// variable and holds the other inputs constant.
template <class F>
void gradient_by_passes(std::span<double const> x, std::span<F1> xa, std::span<double> g, F f) {
  std::size_t const n = x.size();
  for (std::size_t i = 0; i < n; ++i) xa[i] = F1(x[i], false);
  for (std::size_t k = 0; k < n; ++k) {
    xa[k] = ad::make_fvar<double, 1>(x[k]);
    F1 const r = f(std::span<F1 const>(xa));
    g[k] = r.derivative(1);
    xa[k] = F1(x[k], false);
  }
}

// The workloads of workloads.hpp over make_ftuple's mixed variable types, the same
// operations in the same order (fvar operations return values: `auto` is safe).
template <class A, class B>
ad::promote<A, B> w1_n2_f(A const& a0, B const& a1) {
  auto const u0 = a0 + 3.0;
  auto const u1 = a1 + 3.0;
  return (3.0 * u0 * u0 + 3.0 * u1 * u1) / 2.0;
}

template <class X, class Y>
ad::promote<X, Y> w2_f(X const& x, Y const& y) {
  auto const u = 1.0 - x;
  auto const t = y - x * x;
  return u * u + 100.0 * t * t;
}

/// W4's end point: returns (p_x, p_y).
template <class A, class B, class C>
std::array<ad::promote<A, B, C>, 2> w4_p(std::array<double, 3> const& l, A const& q0, B const& q1, C const& q2) {
  using std::cos;
  using std::sin;
  auto const t0 = q0;
  auto const t1 = t0 + q1;
  auto const t2 = t1 + q2;
  return {l[0] * cos(t0) + l[1] * cos(t1) + l[2] * cos(t2), l[0] * sin(t0) + l[1] * sin(t1) + l[2] * sin(t2)};
}

template <class X, class Y>
ad::promote<X, Y> w6_f(X const& x, Y const& y) {
  using std::exp;
  using std::sin;
  return exp(sin(x * y)) / (1.0 + x * x + y * y);
}

void w1_n2_grad(benchmark::State& state) {
  auto const a = lzbench::w1_input(2);
  std::array<double, 2> want{}, g{};
  lzbench::w1_grad(a, want);
  lzbench::run_checked(state, "W1_n2 grad (make_ftuple<double, 1, 1>)", a, g, want, [&] {
    auto const [a0, a1] = ad::make_ftuple<double, 1, 1>(a[0], a[1]);
    auto const f = w1_n2_f(a0, a1);
    g[0] = f.derivative(1, 0);
    g[1] = f.derivative(0, 1);
  });
}

void w2_grad(benchmark::State& state) {
  auto const xy = lzbench::w2_input();
  std::array<double, 2> want{}, g{};
  lzbench::w2_grad(xy, want);
  lzbench::run_checked(state, "W2 grad (make_ftuple<double, 1, 1>)", xy, g, want, [&] {
    auto const [x, y] = ad::make_ftuple<double, 1, 1>(xy[0], xy[1]);
    auto const f = w2_f(x, y);
    g[0] = f.derivative(1, 0);
    g[1] = f.derivative(0, 1);
  });
}

void w2_hessian(benchmark::State& state) {
  auto const xy = lzbench::w2_input();
  std::array<double, 4> want{}, h{};
  lzbench::w2_hessian(xy, want);
  lzbench::run_checked(state, "W2 hessian (make_ftuple<double, 2, 2>)", xy, h, want, [&] {
    auto const [x, y] = ad::make_ftuple<double, 2, 2>(xy[0], xy[1]);
    auto const f = w2_f(x, y);
    h[0] = f.derivative(2, 0);
    h[1] = h[2] = f.derivative(1, 1);
    h[3] = f.derivative(0, 2);
  });
}

void w3_grad(benchmark::State& state) {
  auto const x = lzbench::w3_input();
  std::vector<double> want(x.size()), g(x.size());
  lzbench::w3_grad(x, want);
  std::vector<F1> xa(x.size());
  lzbench::run_checked(state, "W3 grad (passes)", x, g, want,
      [&] { gradient_by_passes(x, xa, g, [](auto xs) { return lzbench::w3_f(xs); }); });
}

void w4_jacobian(benchmark::State& state) {
  auto const l = lzbench::w4_lengths(), q = lzbench::w4_angles();
  std::array<double, 6> want{}, J{};
  lzbench::w4_jacobian(l, q, want);
  lzbench::run_checked(state, "W4 jacobian (make_ftuple<double, 1, 1, 1>)", q, J, want, [&] {
    benchmark::DoNotOptimize(l.data());
    auto const [q0, q1, q2] = ad::make_ftuple<double, 1, 1, 1>(q[0], q[1], q[2]);
    auto const p = w4_p(l, q0, q1, q2);
    for (std::size_t i = 0; i < 2; ++i) {
      J[3 * i] = p[i].derivative(1, 0, 0);
      J[3 * i + 1] = p[i].derivative(0, 1, 0);
      J[3 * i + 2] = p[i].derivative(0, 0, 1);
    }
  });
}

void w5_k2(benchmark::State& state, bool vjp) {
  auto const x = lzbench::w5_x(2), y = lzbench::w5_y(2), v = lzbench::w5_v(2);
  std::vector<double> want(vjp ? 2 : 4), out(want.size());
  if (vjp) {
    lzbench::w5_vjp(y, v, want);
  } else {
    lzbench::w5_jacobian(y, want, 2);
  }
  lzbench::run_checked(state, vjp ? "W5_K2 vjp (make_ftuple<double, 1, 1>)" : "W5_K2 jacobian (make_ftuple<double, 1, 1>)", x, out,
      want, [&] {
        benchmark::DoNotOptimize(y.data());
        benchmark::DoNotOptimize(v.data());
        auto const [x0, x1] = ad::make_ftuple<double, 1, 1>(x[0], x[1]);
        auto const z0 = x0 * y[0] + x1 * y[2];
        auto const z1 = x0 * y[1] + x1 * y[3];
        if (vjp) {
          auto const s = v[0] * z0 + v[1] * z1;
          out[0] = s.derivative(1, 0);
          out[1] = s.derivative(0, 1);
        } else {
          out[0] = z0.derivative(1, 0);
          out[1] = z0.derivative(0, 1);
          out[2] = z1.derivative(1, 0);
          out[3] = z1.derivative(0, 1);
        }
      });
}

/// W5_K64 by one forward pass per input j: column j of the Jacobian, or r_j = v . dz/dx_j.
void w5_k64(benchmark::State& state, bool vjp) {
  std::size_t const K = 64;
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K), v = lzbench::w5_v(K);
  std::vector<double> want(vjp ? K : K * K), out(want.size());
  if (vjp) {
    lzbench::w5_vjp(y, v, want);
  } else {
    lzbench::w5_jacobian(y, want, K);
  }
  std::vector<F1> xa(K), za(K);
  lzbench::run_checked(state, vjp ? "W5_K64 vjp (passes)" : "W5_K64 jacobian (passes)", x, out, want, [&] {
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(v.data());
    for (std::size_t i = 0; i < K; ++i) xa[i] = F1(x[i], false);
    for (std::size_t j = 0; j < K; ++j) {
      xa[j] = ad::make_fvar<double, 1>(x[j]);
      lzbench::w5_z<F1>(xa, y, za);
      if (vjp) {
        double s = 0.0;
        for (std::size_t i = 0; i < K; ++i) s += v[i] * za[i].derivative(1);
        out[j] = s;
      } else {
        for (std::size_t i = 0; i < K; ++i) out[i * K + j] = za[i].derivative(1);
      }
      xa[j] = F1(x[j], false);
    }
  });
}

void w6_partials(benchmark::State& state) {
  auto const xy = lzbench::w6_input();
  std::array<double, 15> want{}, out{};
  lzbench::w6_partials(xy[0], xy[1], want);
  lzbench::run_checked(state, "W6 partials (make_ftuple<double, 4, 4>)", xy, out, want, [&] {
    auto const [x, y] = ad::make_ftuple<double, 4, 4>(xy[0], xy[1]);
    auto const f = w6_f(x, y);
    for (std::size_t k = 0; k < 15; ++k) out[k] = f.derivative(lzbench::w6_orders[k][0], lzbench::w6_orders[k][1]);
  });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "boost", w1_n2_grad);
  lzbench::add("W2", "grad", "boost", w2_grad);
  lzbench::add("W2", "hessian", "boost", w2_hessian);
  lzbench::add("W3", "grad", "boost", w3_grad);
  lzbench::add("W4", "jacobian", "boost", w4_jacobian);
  lzbench::add("W5_K2", "jacobian", "boost", [](benchmark::State& s) { w5_k2(s, false); });
  lzbench::add("W5_K2", "vjp", "boost", [](benchmark::State& s) { w5_k2(s, true); });
  lzbench::add("W5_K64", "jacobian", "boost", [](benchmark::State& s) { w5_k64(s, false); });
  lzbench::add("W5_K64", "vjp", "boost", [](benchmark::State& s) { w5_k64(s, true); });
  lzbench::add("W6", "partials", "boost", w6_partials);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
