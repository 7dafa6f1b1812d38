// SPDX-License-Identifier: BSL-1.0
// leibniz peer benchmark: Trilinos Sacado (Debian libtrilinos-sacado-dev 13.2) on workloads
// W1..W6 (bench/workloads.hpp); benchmarks named <workload>/<task>/sacado. Each checks its
// result against the hand-written closed form before timing; the timed region is one full
// evaluation (seeding the AD inputs, evaluating, reading the derivatives out), with the AD
// variables' storage allocated once outside the loop.
//
// How each task uses Sacado: its forward mode where the number of inputs is small and known
// at compile time, its reverse mode where there are many inputs or a vjp is asked for.
// Sacado's classic Fad types come in variants of one interface (Fad, ELRFad: expression-
// level reverse mode, CacheFad: cached values); each task uses the variant that was
// fastest for it on the development machine (g++ 12 -O3; noted per task):
//   W1_n2 grad, W2 grad, W3 grad, W4 jacobian: forward, Sacado::Fad::SFad<double, N>,
//     N = number of inputs fixed at compile time (the variants within noise of it).
//   W5 jacobian (K = 2 and 64): forward, Sacado::ELRFad::SFad<double, K> (K = 64: about
//     57 us against 79 us for Fad::SFad and CacheFad::SFad).
//   W2 hessian: nested forward, Fad::SFad<Fad::SFad<double, 2>, 2> (ELRFad: 2.5x slower).
//   W6 partials: nested forward four levels deep, CacheFad::SFad nested four deep, 3^4 = 81
//     doubles per number, all 15 partials read from one evaluation (about 2.7 us against
//     5.3 us for Fad::SFad and 6.1 us for ELRFad::SFad).
//   W1_n1024 grad: reverse, Sacado::Rad::ADvar<double> + Gradcomp() (a forward SFad with
//     1024 derivatives would cost O(n^2)).
//   W5 vjp (K = 2 and 64): reverse, Sacado::Rad::ADvar<double> + Weighted_Gradcomp(v).
// Skipped: nothing.
//
// Compiled with -DTRILINOS_NO_CONFIG_H: Debian's Sacado_config.h enables Kokkos and MPI
// (HAVE_MPI), which the Fad and Rad classes do not need; they are then header-only (no
// Trilinos library is linked). Without that header Sacado uses its classic Fad expression
// templates (SACADO_NEW_FAD_DESIGN_IS_DEFAULT is not defined).
#include "harness.hpp"

#include <Sacado.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

namespace {

template <class T, int N>
using SFad = Sacado::Fad::SFad<T, N>;
template <class T, int N>
using ELRSFad = Sacado::ELRFad::SFad<T, N>;
template <class T, int N>
using CacheSFad = Sacado::CacheFad::SFad<T, N>;
using Rad = Sacado::Rad::ADvar<double>;

/// Forward-mode gradient of f: R^N -> R with SFad<double, N>.
template <int N, class F>
void fad_grad(benchmark::State& state, char const* what, std::vector<double> const& x,
              std::vector<double> const& want, F f) {
  using Fad = SFad<double, N>;
  std::array<Fad, N> ad;
  std::array<double, N> g{};
  lzbench::run_checked(state, what, x, g, want, [&] {
    for (int i = 0; i < N; ++i) ad[i] = Fad(N, i, x[i]);
    Fad const r = f(std::span<Fad const>(ad));
    for (int i = 0; i < N; ++i) g[i] = r.fastAccessDx(i);
  });
}

void w1_n1024_grad(benchmark::State& state) {
  std::size_t const n = 1024;
  auto const a = lzbench::w1_input(n);
  std::vector<double> want(n), g(n);
  lzbench::w1_grad(a, want);
  std::vector<Rad> ad(n);
  lzbench::run_checked(state, "W1_n1024 grad (Rad)", a, g, want, [&] {
    for (std::size_t i = 0; i < n; ++i) ad[i] = a[i];
    Rad const f = lzbench::w1_f<Rad>(ad);
    Rad::Gradcomp();  // the adjoints of the last variable computed, f (and a fresh tape next time)
    for (std::size_t i = 0; i < n; ++i) g[i] = ad[i].adj();
  });
}

void w2_hessian(benchmark::State& state) {
  using F1 = SFad<double, 2>;
  using F2 = SFad<F1, 2>;
  auto const xy = lzbench::w2_input();
  std::array<double, 4> want{}, h{};
  lzbench::w2_hessian(xy, want);
  lzbench::run_checked(state, "W2 hessian (SFad<SFad>)", xy, h, want, [&] {
    F2 const x(2, 0, F1(2, 0, xy[0]));
    F2 const y(2, 1, F1(2, 1, xy[1]));
    F2 const f = lzbench::w2_f<F2>(x, y);
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 2; ++j) h[2 * i + j] = f.fastAccessDx(i).fastAccessDx(j);
  });
}

void w4_jacobian(benchmark::State& state) {
  using Fad = SFad<double, 3>;
  std::array<double, 3> const l = lzbench::w4_lengths(), q = lzbench::w4_angles();
  std::array<double, 6> want{}, J{};
  lzbench::w4_jacobian(l, q, want);
  std::array<Fad, 3> ad;
  lzbench::run_checked(state, "W4 jacobian (SFad)", q, J, want, [&] {
    benchmark::DoNotOptimize(l.data());
    for (int j = 0; j < 3; ++j) ad[j] = Fad(3, j, q[j]);
    Fad px, py;
    lzbench::w4_p<Fad>(l, ad, px, py);
    for (int j = 0; j < 3; ++j) {
      J[j] = px.fastAccessDx(j);
      J[3 + j] = py.fastAccessDx(j);
    }
  });
}

template <int K>
void w5_jacobian(benchmark::State& state) {
  using Fad = ELRSFad<double, K>;
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K);
  std::vector<double> want(K * K), J(K * K);
  lzbench::w5_jacobian(y, want, K);
  std::vector<Fad> ad(K), z(K);
  lzbench::run_checked(state, "W5 jacobian (ELRFad::SFad)", x, J, want, [&] {
    benchmark::DoNotOptimize(y.data());
    for (int j = 0; j < K; ++j) ad[j] = Fad(K, j, x[j]);
    lzbench::w5_z<Fad>(ad, y, z);
    for (int i = 0; i < K; ++i)
      for (int j = 0; j < K; ++j) J[i * K + j] = z[i].fastAccessDx(j);
  });
}

void w5_vjp(benchmark::State& state, std::size_t K) {
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K);
  auto v = lzbench::w5_v(K);  // Weighted_Gradcomp takes the weights as double*
  std::vector<double> want(K), r(K);
  lzbench::w5_vjp(y, v, want);
  std::vector<Rad> ad(K), z(K);
  std::vector<Rad*> zp(K);
  for (std::size_t i = 0; i < K; ++i) zp[i] = &z[i];
  lzbench::run_checked(state, "W5 vjp (Rad)", x, r, want, [&] {
    benchmark::DoNotOptimize(y.data());
    benchmark::DoNotOptimize(v.data());
    for (std::size_t j = 0; j < K; ++j) ad[j] = x[j];
    lzbench::w5_z<Rad>(ad, y, z);
    Rad::Weighted_Gradcomp(K, zp.data(), v.data());
    for (std::size_t j = 0; j < K; ++j) r[j] = ad[j].adj();
  });
}

/// d^(i+j) f / dx^i dy^j from a nested SFad whose levels all hold the variables (x, y).
template <class F>
double partial(F const& f, int i, int j) {
  if constexpr (std::is_same_v<F, double>) {
    return f;
  } else {
    if (i > 0) return partial(f.fastAccessDx(0), i - 1, j);
    if (j > 0) return partial(f.fastAccessDx(1), i, j - 1);
    return partial(f.val(), 0, 0);
  }
}

/// Variable k of two, seeded at every level of a nested SFad.
template <class F>
F seed(double v, int k) {
  if constexpr (std::is_same_v<F, double>) {
    return v;
  } else {
    return F(2, k, seed<typename F::value_type>(v, k));
  }
}

void w6_partials(benchmark::State& state) {
  using F4 = CacheSFad<CacheSFad<CacheSFad<CacheSFad<double, 2>, 2>, 2>, 2>;
  auto const xy = lzbench::w6_input();
  std::array<double, 15> want{}, out{};
  lzbench::w6_partials(xy[0], xy[1], want);
  lzbench::run_checked(state, "W6 partials (CacheFad::SFad nested 4 deep)", xy, out, want, [&] {
    F4 const x = seed<F4>(xy[0], 0), y = seed<F4>(xy[1], 1);
    F4 const f = lzbench::w6_f<F4>(x, y);
    for (std::size_t k = 0; k < 15; ++k) out[k] = partial(f, lzbench::w6_orders[k][0], lzbench::w6_orders[k][1]);
  });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "sacado", [](benchmark::State& s) {
    auto const a = lzbench::w1_input(2);
    std::vector<double> want(2);
    lzbench::w1_grad(a, want);
    fad_grad<2>(s, "W1_n2 grad (SFad)", a, want, [](auto ad) { return lzbench::w1_f(ad); });
  });
  lzbench::add("W1_n1024", "grad", "sacado", w1_n1024_grad);
  lzbench::add("W2", "grad", "sacado", [](benchmark::State& s) {
    auto const xy = lzbench::w2_input();
    std::vector<double> want(2);
    lzbench::w2_grad(xy, std::span<double, 2>(want.data(), 2));
    fad_grad<2>(s, "W2 grad (SFad)", {xy.begin(), xy.end()}, want,
                [](auto ad) { return lzbench::w2_f(ad[0], ad[1]); });
  });
  lzbench::add("W2", "hessian", "sacado", w2_hessian);
  lzbench::add("W3", "grad", "sacado", [](benchmark::State& s) {
    auto const x = lzbench::w3_input();
    std::vector<double> want(x.size());
    lzbench::w3_grad(x, want);
    fad_grad<lzbench::w3_n>(s, "W3 grad (SFad)", x, want, [](auto ad) { return lzbench::w3_f(ad); });
  });
  lzbench::add("W4", "jacobian", "sacado", w4_jacobian);
  lzbench::add("W5_K2", "jacobian", "sacado", w5_jacobian<2>);
  lzbench::add("W5_K2", "vjp", "sacado", [](benchmark::State& s) { w5_vjp(s, 2); });
  lzbench::add("W5_K64", "jacobian", "sacado", w5_jacobian<64>);
  lzbench::add("W5_K64", "vjp", "sacado", [](benchmark::State& s) { w5_vjp(s, 64); });
  lzbench::add("W6", "partials", "sacado", w6_partials);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
