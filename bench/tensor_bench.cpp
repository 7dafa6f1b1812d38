// SPDX-License-Identifier: BSL-1.0
// leibniz benchmark: the tensor workloads W7..W9 (bench/workloads.hpp), hand-written and with
// leibniz on lz::tensor<double> (run-time shapes), and the W5_K64 Jacobian on lz::tensor.
// Their PyTorch counterparts are in bench/peers/torch_bench.py (the same data and formulas).
//
//   <W7|W8|W9>/grad/hand         the closed forms of workloads.hpp: plain loops, one pass
//                                over the data, no BLAS. Before timing, each is checked
//                                against five-point central finite differences of the
//                                function (W8: at 59 of its 1,088 weights; W9: element
//                                by element, the function being a sum of terms).
//   <W7|W8|W9>/grad/leibniz      lz::grad of the formula written once, as a user would,
//                                evaluated with lz::eval on lz::tensor<double> bindings;
//                                checked against the hand-written closed form.
//   Step_<n>/update/<variant>    a gradient-descent step W - 0.1 G on n doubles: hand (one
//                                loop into a buffer allocated once), leibniz (tensor
//                                arithmetic `W - 0.1 * G`, a new lz::tensor per call) and
//                                leibniz_eval (lz::eval(w - 0.1 * g, ...), one fused loop).
//   W5_K64/jacobian/leibniz_dynamic  lz::jacobian(lz::mm(X, Y), X) on lz::tensor<double>
//                                (W5_K64/jacobian/leibniz, in leibniz_bench.cpp, binds
//                                fixed_tensors); checked against lzbench::w5_jacobian.
//
// In the timed loop the inputs are hidden from the optimiser before each call and the
// results after it, as in bench/hand_bench.cpp and bench/leibniz_bench.cpp. leibniz returns
// a new lz::tensor per call (`auto g = lz::eval(...)`, as a user writes it); the hand code
// writes into buffers allocated once. The leibniz benchmarks report the heap allocations
// per call (counter allocs_per_call, shown by scripts/bench-report.py). A separate program
// from leibniz_bench.cpp, so that neither's compile time grows with the other.
#include "../tests/counting_new.hpp"  // counts heap allocations (the allocs_per_call counter)

#include <leibniz/leibniz.hpp>

#include "harness.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <functional>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

namespace {

namespace lz = leibniz;

// ---- independent references for the hand-written code ---------------------------------------

/// Five-point central difference of F: R^n -> R at x along coordinate j.
double fd_partial(std::vector<double>& x, std::size_t j, std::function<double(std::span<double const>)> const& F) {
  double const xj = x[j];
  double const h = 1e-3 * std::max(1.0, std::fabs(xj));
  x[j] = xj + h;
  double const p1 = F(x);
  x[j] = xj + 2.0 * h;
  double const p2 = F(x);
  x[j] = xj - h;
  double const m1 = F(x);
  x[j] = xj - 2.0 * h;
  double const m2 = F(x);
  x[j] = xj;
  return (8.0 * (p1 - m1) - (p2 - m2)) / (12.0 * h);
}

/// The finite differences agree with the closed forms to about 1e-10 here; 1e-8 catches a
/// wrong formula (as in hand_bench.cpp).
constexpr double fd_rel = 1e-8;

// ---- W7: logistic regression ---------------------------------------------------------------

struct w7_data {
  std::size_t m, k;
  std::vector<double> X, y, w;
  w7_data(std::size_t m_, std::size_t k_)
      : m(m_), k(k_), X(lzbench::w7_X(m_, k_)), y(lzbench::w7_y(m_)), w(lzbench::w7_w(k_)) {}
};

template <std::size_t M, std::size_t K>
void w7_hand(benchmark::State& state) {
  w7_data const d(M, K);
  std::vector<double> want(K), w = d.w;
  for (std::size_t j = 0; j < K; ++j)
    want[j] = fd_partial(w, j, [&d](auto p) { return lzbench::w7_loss<double>(d.X, d.y, p); });
  std::vector<double> g(K);
  lzbench::run_checked(state, "W7 grad (hand)", d.X, g, want, fd_rel, [&] { lzbench::w7_grad(d.X, d.y, d.w, g); });
}

// ---- W8: two-layer perceptron ----------------------------------------------------------------

struct w8_data {
  std::vector<double> X = lzbench::w8_X(), t = lzbench::w8_t(), W1 = lzbench::w8_W1(), W2 = lzbench::w8_W2();
};

void w8_hand(benchmark::State& state) {
  using lzbench::w8_D, lzbench::w8_H;
  w8_data const d;
  // gW1 and gW2 side by side in g, as leibniz's tuple is flattened for its check.
  std::vector<double> g(w8_D * w8_H + w8_H);
  std::span<double> const gW1(g.data(), w8_D * w8_H), gW2(g.data() + w8_D * w8_H, w8_H);
  // Finite differences at a sample of the weights (every 23rd of W1, every 4th of W2: all
  // 1,088 would take seconds in the Debug smoke test); the other entries of `want` are the
  // closed form's, so that run_checked compares the sample only.
  lzbench::w8_grad(d.X, d.t, d.W1, d.W2, gW1, gW2);
  std::vector<double> want(g), W(d.W1);
  W.insert(W.end(), d.W2.begin(), d.W2.end());
  for (std::size_t j = 0; j < W.size(); j += j < w8_D * w8_H ? 23 : 4)
    want[j] = fd_partial(W, j, [&d](auto p) { return lzbench::w8_loss<double>(d.X, d.t, p); });
  std::fill(g.begin(), g.end(), 0.0);
  lzbench::run_checked(state, "W8 grad (hand)", d.X, g, want, fd_rel,
                       [&] { lzbench::w8_grad(d.X, d.t, d.W1, d.W2, gW1, gW2); });
}

// ---- W9: elementwise ------------------------------------------------------------------------

template <std::size_t N>
void w9_hand(benchmark::State& state) {
  auto const x = lzbench::w9_x(N);
  std::vector<double> want(N), one(1);
  for (std::size_t i = 0; i < N; ++i) {
    one[0] = x[i];
    want[i] = fd_partial(one, 0, [](auto p) { return lzbench::w9_term<double>(p[0]); });
  }
  std::vector<double> g(N);
  lzbench::run_checked(state, "W9 grad (hand)", x, g, want, fd_rel, [&] { lzbench::w9_grad(x, g); });
}

// ---- a gradient-descent step W - 0.1 G ----------------------------------------------------

std::vector<double> step_w(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = std::sin(0.37 * static_cast<double>(i));
  return v;
}
std::vector<double> step_g(std::size_t n) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = std::cos(0.11 * static_cast<double>(i));
  return v;
}
/// out = w - 0.1 g, the loop a user writes by hand.
void step_hand(std::span<double const> w, std::span<double const> g, std::span<double> out) {
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = w[i] - 0.1 * g[i];
}

template <std::size_t N>
void step_hand(benchmark::State& state) {
  auto const w = step_w(N), g = step_g(N);
  std::vector<double> want(N), out(N);
  for (std::size_t i = 0; i < N; ++i) want[i] = w[i] - 0.1 * g[i];
  lzbench::run_checked(state, "step (hand)", w, out, want, [&] { step_hand(w, g, out); });
}

// ---- leibniz --------------------------------------------------------------------------------

namespace f {
constexpr lz::variable<"X"> X;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"w"> w;
constexpr lz::variable<"W1"> W1;
constexpr lz::variable<"W2"> W2;
constexpr lz::variable<"t"> t;
constexpr lz::variable<"x"> x;
constexpr lz::variable<"Y"> Y;

constexpr auto w7_loss = lz::mean(lz::log(1 + lz::exp(-y * lz::matmul(X, w))));
constexpr auto w7_grad = lz::grad(w7_loss, w);

constexpr auto w8_loss = lz::mean(lz::square(lz::mm(lz::tanh(lz::mm(X, W1)), W2) - t));
constexpr auto w8_grad = lz::grad(w8_loss, W1, W2);  // std::tuple{dW1, dW2}, evaluated together

constexpr auto w9_f = lz::sum(lz::sin(x) * lz::exp(-x * x / 2));
constexpr auto w9_grad = lz::grad(w9_f, x);

constexpr auto w5_jacobian = lz::jacobian(lz::mm(X, Y), X);
}  // namespace f

/// The elements of an eval result (a tensor, or a tuple of tensors one after the other).
std::vector<double> elements(lz::tensor<double> const& t) { return {t.begin(), t.end()}; }
template <class... T>
std::vector<double> elements(std::tuple<T...> const& t) {
  std::vector<double> v;
  std::apply([&v](auto const&... e) { (v.insert(v.end(), e.begin(), e.end()), ...); }, t);
  return v;
}

/// Hides a result's storage from the optimiser.
void hide(lz::tensor<double>& t) { benchmark::DoNotOptimize(t.data()); }
template <class... T>
void hide(std::tuple<T...>& t) {
  std::apply([](auto&... e) { (benchmark::DoNotOptimize(e.data()), ...); }, t);
}

/// Checks task()'s result against `want`, then times task(): each iteration hides the
/// inputs' storage from the optimiser before the call and the result's after it. The
/// counter allocs_per_call is the number of heap allocations per call in the timed loop
/// (the checked call before it is the thread's first, which fills lz::eval's pool).
template <class Task>
void run(benchmark::State& state, char const* what, std::vector<lz::tensor<double> const*> const& in,
         std::span<double const> want, Task task) {
  lzbench::require_close(elements(task()), want, what);
  long const before = counting_new::allocations.load();
  for (auto _ : state) {
    for (auto const* t : in) benchmark::DoNotOptimize(t->data());
    auto result = task();
    hide(result);
    benchmark::ClobberMemory();
  }
  state.counters["allocs_per_call"] = benchmark::Counter(
      static_cast<double>(counting_new::allocations.load() - before), benchmark::Counter::kAvgIterations);
}

lz::tensor<double> tensor(lz::shape s, std::vector<double> v) { return lz::tensor<double>(s, std::move(v)); }

template <std::size_t M, std::size_t K>
void w7_leibniz(benchmark::State& state) {
  w7_data const d(M, K);
  std::vector<double> want(K);
  lzbench::w7_grad(d.X, d.y, d.w, want);
  auto const X = tensor(lz::shape{M, K}, d.X), y = tensor(lz::shape{M}, d.y), w = tensor(lz::shape{K}, d.w);
  run(state, "W7 grad (leibniz)", {&X, &y, &w}, want,
      [&] { return lz::eval(f::w7_grad, f::X = X, f::y = y, f::w = w); });
}

void w8_leibniz(benchmark::State& state) {
  using lzbench::w8_B, lzbench::w8_D, lzbench::w8_H;
  w8_data const d;
  std::vector<double> gW1(w8_D * w8_H), gW2(w8_H);
  lzbench::w8_grad(d.X, d.t, d.W1, d.W2, gW1, gW2);
  std::vector<double> want(gW1);
  want.insert(want.end(), gW2.begin(), gW2.end());
  auto const X = tensor(lz::shape{w8_B, w8_D}, d.X), t = tensor(lz::shape{w8_B, 1}, d.t);
  auto const W1 = tensor(lz::shape{w8_D, w8_H}, d.W1), W2 = tensor(lz::shape{w8_H, 1}, d.W2);
  run(state, "W8 grad (leibniz)", {&X, &t, &W1, &W2}, want,
      [&] { return lz::eval(f::w8_grad, f::X = X, f::t = t, f::W1 = W1, f::W2 = W2); });
}

template <std::size_t N>
void w9_leibniz(benchmark::State& state) {
  auto const x0 = lzbench::w9_x(N);
  std::vector<double> want(N);
  lzbench::w9_grad(x0, want);
  auto const x = tensor(lz::shape{N}, x0);
  run(state, "W9 grad (leibniz)", {&x}, want, [&] { return lz::eval(f::w9_grad, f::x = x); });
}

template <std::size_t N, bool Eval>
void step_leibniz(benchmark::State& state) {
  auto const w0 = step_w(N), g0 = step_g(N);
  std::vector<double> want(N);
  step_hand(w0, g0, want);
  auto const W = tensor(lz::shape{N}, w0), G = tensor(lz::shape{N}, g0);
  if constexpr (Eval)
    run(state, "step (leibniz_eval)", {&W, &G}, want, [&] { return lz::eval(f::w - 0.1 * f::x, f::w = W, f::x = G); });
  else
    run(state, "step (leibniz)", {&W, &G}, want, [&] { return W - 0.1 * G; });
}

void w5_jacobian_dynamic(benchmark::State& state) {
  constexpr std::size_t K = 64;
  auto const y0 = lzbench::w5_y(K);
  std::vector<double> want(K * K);
  lzbench::w5_jacobian(y0, want, K);
  auto const X = tensor(lz::shape{1, K}, lzbench::w5_x(K)), Y = tensor(lz::shape{K, K}, y0);
  run(state, "W5_K64 jacobian (leibniz_dynamic)", {&X, &Y}, want,
      [&] { return lz::eval(f::w5_jacobian, f::X = X, f::Y = Y); });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W5_K64", "jacobian", "leibniz_dynamic", w5_jacobian_dynamic);
  lzbench::add("W7_100x10", "grad", "hand", w7_hand<100, 10>);
  lzbench::add("W7_100x10", "grad", "leibniz", w7_leibniz<100, 10>);
  lzbench::add("W7_10000x10", "grad", "hand", w7_hand<10000, 10>);
  lzbench::add("W7_10000x10", "grad", "leibniz", w7_leibniz<10000, 10>);
  lzbench::add("W7_1000x100", "grad", "hand", w7_hand<1000, 100>);
  lzbench::add("W7_1000x100", "grad", "leibniz", w7_leibniz<1000, 100>);
  lzbench::add("W8", "grad", "hand", w8_hand);
  lzbench::add("W8", "grad", "leibniz", w8_leibniz);
  lzbench::add("W9_n1e3", "grad", "hand", w9_hand<1000>);
  lzbench::add("W9_n1e3", "grad", "leibniz", w9_leibniz<1000>);
  lzbench::add("W9_n1e6", "grad", "hand", w9_hand<1000000>);
  lzbench::add("W9_n1e6", "grad", "leibniz", w9_leibniz<1000000>);
  lzbench::add("Step_n1e3", "update", "hand", step_hand<1000>);
  lzbench::add("Step_n1e3", "update", "leibniz", step_leibniz<1000, false>);
  lzbench::add("Step_n1e3", "update", "leibniz_eval", step_leibniz<1000, true>);
  lzbench::add("Step_n1e6", "update", "hand", step_hand<1000000>);
  lzbench::add("Step_n1e6", "update", "leibniz", step_leibniz<1000000, false>);
  lzbench::add("Step_n1e6", "update", "leibniz_eval", step_leibniz<1000000, true>);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
