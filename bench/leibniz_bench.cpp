// SPDX-License-Identifier: BSL-1.0
// leibniz benchmark: workloads W1..W6 (bench/workloads.hpp) with leibniz's compiler-generated
// derivatives. Benchmarks are named <workload>/<task>/leibniz (a variant suffix such as
// leibniz_dynamic says which evaluation path). Each formula is written once, as a user would;
// its derivative is a type built at compile time and evaluated with lz::eval. Before timing,
// every benchmark checks its result against the hand-written closed form of workloads.hpp;
// in the timed loop the inputs are hidden from the optimiser before each call and the
// outputs after it, as in bench/hand_bench.cpp.
#include <leibniz/leibniz.hpp>

#include "harness.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <tuple>
#include <utility>
#include <vector>

namespace {

namespace lz = leibniz;

// ---- helpers ------------------------------------------------------------------------------

/// The variable named "x0", "x1", ..., "x99": a family of scalar variables for W3.
template <std::size_t I>
struct indexed_name {
  static_assert(I < 100);
  static constexpr char value[4] = {'x', static_cast<char>('0' + I / 10 % 10), static_cast<char>('0' + I % 10), '\0'};
};
template <std::size_t I>
inline constexpr lz::variable<indexed_name<I>::value> xi{};

/// A std::tuple of doubles as a std::array (the results of lz::eval over a tuple).
template <class... T>
std::array<double, sizeof...(T)> flat(std::tuple<T...> const& t) {
  return std::apply([](auto const&... v) { return std::array<double, sizeof...(T)>{static_cast<double>(v)...}; }, t);
}

/// Checks the value task() returns against `want`, then times task(): each iteration hides
/// the inputs from the optimiser before the call and the result after it. The result is a
/// new value each time (lz::eval returns by value: `auto g = lz::eval(...)` is how a user
/// writes it), built in place.
template <class In, class Task>
void run(benchmark::State& state, char const* what, In& in, std::span<double const> want, Task task) {
  {
    auto const got = task();
    lzbench::require_close(std::span<double const>(got.data(), got.size()), want, what);
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(in.data());
    auto result = task();
    benchmark::DoNotOptimize(result);
    benchmark::ClobberMemory();
  }
}

template <std::size_t N>
lz::fixed_tensor<double, N> fixed_vector(std::vector<double> const& v) {
  lz::fixed_tensor<double, N> t;
  std::copy(v.begin(), v.end(), t.data());
  return t;
}

// ---- W1: mean(3 (a + 3)^2), gradient --------------------------------------------------------

constexpr lz::variable<"a"> a;
constexpr auto w1_grad = lz::grad(lz::mean(3 * (a + 3) * (a + 3)), a);
// The same with compile-time constants (3_c): the simplifier sees (a + 3)^2 and the
// gradient is one term, 6 (a + 3) / n, instead of the product rule's two.
using namespace lz::literals;
constexpr auto w1_grad_typed = lz::grad(lz::mean(3_c * (a + 3_c) * (a + 3_c)), a);

template <std::size_t N, auto const& Grad = w1_grad>
void w1_fixed(benchmark::State& state) {
  auto const x = lzbench::w1_input(N);
  std::vector<double> want(N);
  lzbench::w1_grad(x, want);
  auto A = fixed_vector<N>(x);
  run(state, "W1 leibniz fixed_tensor", A, want, [&] { return lz::eval(Grad, a = A); });
}

template <std::size_t N>
void w1_dynamic(benchmark::State& state) {
  auto const x = lzbench::w1_input(N);
  std::vector<double> want(N);
  lzbench::w1_grad(x, want);
  lz::tensor<double> const A(lz::shape{N}, x);
  run(state, "W1 leibniz tensor", A, want, [&] { return lz::eval(w1_grad, a = A); });
}

// ---- W2: Rosenbrock, gradient and Hessian --------------------------------------------------

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr auto rosenbrock = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
constexpr auto w2_grad = lz::grad(rosenbrock, x, y);  // adjoint form: std::tuple{df/dx, df/dy}
constexpr auto w2_hessian = lz::hessian(rosenbrock, lz::wrt(x, y));

void w2_gradient(benchmark::State& state) {
  auto xy = lzbench::w2_input();
  std::array<double, 2> want{};
  lzbench::w2_grad(xy, want);
  run(state, "W2 leibniz grad", xy, want, [&] { return flat(lz::eval(w2_grad, x = xy[0], y = xy[1])); });
}

void w2_hess(benchmark::State& state) {
  auto xy = lzbench::w2_input();
  std::array<double, 4> want{};
  lzbench::w2_hessian(xy, want);
  run(state, "W2 leibniz hessian", xy, want, [&] { return lz::eval(w2_hessian, x = xy[0], y = xy[1]); });
}

// ---- W3: chained Rosenbrock over 16 scalar variables ------------------------------------------

template <std::size_t... I>
constexpr auto chained_rosenbrock(std::index_sequence<I...>) {
  return (... + (100 * (xi<I + 1> - xi<I> * xi<I>) * (xi<I + 1> - xi<I> * xi<I>) + (1 - xi<I>) * (1 - xi<I>)));
}
constexpr auto w3_f = chained_rosenbrock(std::make_index_sequence<lzbench::w3_n - 1>{});
// the same with compile-time numbers (100_c, 1_c): subtrees holding no run-time number
// are shared by type in eval's table (docs/performance.md)
template <std::size_t... I>
constexpr auto chained_rosenbrock_typed(std::index_sequence<I...>) {
  using namespace lz::literals;
  return (... + (100_c * (xi<I + 1> - xi<I> * xi<I>) * (xi<I + 1> - xi<I> * xi<I>) + (1_c - xi<I>) * (1_c - xi<I>)));
}
constexpr auto w3_f_typed = chained_rosenbrock_typed(std::make_index_sequence<lzbench::w3_n - 1>{});

template <auto const& F, std::size_t... I>
constexpr auto w3_grad_of(std::index_sequence<I...>) {
  return lz::grad(F, xi<I>...);  // adjoint form, one formula per variable, evaluated together
}
constexpr auto w3_grad = w3_grad_of<w3_f>(std::make_index_sequence<lzbench::w3_n>{});
constexpr auto w3_grad_typed = w3_grad_of<w3_f_typed>(std::make_index_sequence<lzbench::w3_n>{});

template <class F, std::size_t... I>
auto w3_eval(F const& f, std::array<double, lzbench::w3_n> const& v, std::index_sequence<I...>) {
  return lz::eval(f, (xi<I> = v[I])...);
}

std::array<double, lzbench::w3_n> w3_input() {
  std::array<double, lzbench::w3_n> v{};
  auto const x0 = lzbench::w3_input();
  std::copy(x0.begin(), x0.end(), v.begin());
  return v;
}

void w3_value(benchmark::State& state) {
  auto v = w3_input();
  std::array<double, 1> want{lzbench::w3_value(v)};
  run(state, "W3 leibniz value", v, want,
      [&] { return std::array{w3_eval(w3_f, v, std::make_index_sequence<lzbench::w3_n>{})}; });
}

template <auto const& Grad = w3_grad>
void w3_gradient(benchmark::State& state) {
  auto v = w3_input();
  std::array<double, lzbench::w3_n> want{};
  lzbench::w3_grad(v, want);
  run(state, "W3 leibniz grad", v, want,
      [&] { return flat(w3_eval(Grad, v, std::make_index_sequence<lzbench::w3_n>{})); });
}

// ---- W4: planar 3-link arm, 2x3 Jacobian ------------------------------------------------------

constexpr lz::variable<"q1"> q1;
constexpr lz::variable<"q2"> q2;
constexpr lz::variable<"q3"> q3;
constexpr lz::variable<"l1"> l1;
constexpr lz::variable<"l2"> l2;
constexpr lz::variable<"l3"> l3;
// The link lengths are bound at run time like the angles (the hand-written code gets them
// as inputs too).
constexpr auto arm = lz::stack(l1 * lz::cos(q1) + l2 * lz::cos(q1 + q2) + l3 * lz::cos(q1 + q2 + q3),
                               l1 * lz::sin(q1) + l2 * lz::sin(q1 + q2) + l3 * lz::sin(q1 + q2 + q3));
constexpr auto w4_jacobian = lz::jacobian(arm, lz::wrt(q1, q2, q3));

void w4_jac(benchmark::State& state) {
  std::array<double, 6> lq{};
  auto const l = lzbench::w4_lengths();
  auto const q = lzbench::w4_angles();
  std::copy(l.begin(), l.end(), lq.begin());
  std::copy(q.begin(), q.end(), lq.begin() + 3);
  std::array<double, 6> want{};
  lzbench::w4_jacobian(l, q, want);
  run(state, "W4 leibniz jacobian", lq, want, [&] {
    return lz::eval(w4_jacobian, l1 = lq[0], l2 = lq[1], l3 = lq[2], q1 = lq[3], q2 = lq[4], q3 = lq[5]);
  });
}

// ---- W5: z = x @ y, Jacobian dz/dx and vjp ----------------------------------------------------

constexpr lz::variable<"X"> X;
constexpr lz::variable<"Y"> Y;
constexpr auto w5_z = lz::mm(X, Y);
constexpr auto w5_jacobian = lz::jacobian(w5_z, X);

template <std::size_t K>
struct w5_data {
  lz::fixed_tensor<double, 1, K> x;
  lz::fixed_tensor<double, K, K> y;
  lz::fixed_tensor<double, 1, K> v;
  w5_data() {
    auto const x0 = lzbench::w5_x(K), y0 = lzbench::w5_y(K), v0 = lzbench::w5_v(K);
    std::copy(x0.begin(), x0.end(), x.data());
    std::copy(y0.begin(), y0.end(), y.data());
    std::copy(v0.begin(), v0.end(), v.data());
  }
  double* data() { return x.data(); }
};

template <std::size_t K>
void w5_jac(benchmark::State& state) {
  w5_data<K> in;
  std::vector<double> want(K * K);
  lzbench::w5_jacobian(std::span<double const>(in.y.data(), K * K), want, K);
  run(state, "W5 leibniz jacobian", in, want, [&] {
    benchmark::DoNotOptimize(in.y.data());
    return lz::eval(w5_jacobian, X = in.x, Y = in.y);
  });
}

template <std::size_t K>
void w5_vjp_bench(benchmark::State& state) {
  w5_data<K> in;
  std::vector<double> want(K);
  lzbench::w5_vjp(std::span<double const>(in.y.data(), K * K), std::span<double const>(in.v.data(), K), want);
  auto vjp = lz::vjp(w5_z, X, in.v);  // v^T J, reverse mode: the formula holds v by value
  run(state, "W5 leibniz vjp", in, want, [&] {
    benchmark::DoNotOptimize(in.y.data());
    benchmark::DoNotOptimize(vjp);
    return lz::eval(vjp, X = in.x, Y = in.y);
  });
}

// ---- W6: exp(sin(x y)) / (1 + x^2 + y^2), value and the 14 partials of order 1 to 4 -----------

constexpr auto w6_f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);
// One tuple, evaluated by one lz::eval: every common subexpression is computed once.
constexpr auto w6_all = std::tuple{w6_f,
                                   lz::d(w6_f, x), lz::d(w6_f, y),
                                   lz::d(w6_f, x, x), lz::d(w6_f, x, y), lz::d(w6_f, y, y),
                                   lz::d(w6_f, x, x, x), lz::d(w6_f, x, x, y), lz::d(w6_f, x, y, y), lz::d(w6_f, y, y, y),
                                   lz::d(w6_f, x, x, x, x), lz::d(w6_f, x, x, x, y), lz::d(w6_f, x, x, y, y),
                                   lz::d(w6_f, x, y, y, y), lz::d(w6_f, y, y, y, y)};

template <class F>
constexpr auto all_partials(F const& f) {
  return std::tuple{f,
                    lz::d(f, x), lz::d(f, y),
                    lz::d(f, x, x), lz::d(f, x, y), lz::d(f, y, y),
                    lz::d(f, x, x, x), lz::d(f, x, x, y), lz::d(f, x, y, y), lz::d(f, y, y, y),
                    lz::d(f, x, x, x, x), lz::d(f, x, x, x, y), lz::d(f, x, x, y, y),
                    lz::d(f, x, y, y, y), lz::d(f, y, y, y, y)};
}
// The same with the constant 1 as a compile-time constant (1_c): the denominator, and every
// subexpression holding it, is then stateless and shared by type.
// (Not constexpr: clang's default constexpr step limit stops short of building these types'
// values at compile time; they hold no data, so nothing is computed at run time either.)
auto const w6_all_typed = all_partials(lz::exp(lz::sin(x * y)) / (1_c + x * x + y * y));

template <auto const& All = w6_all>  // a reference: also to a non-constexpr formula
void w6_partials(benchmark::State& state) {
  auto xy = lzbench::w6_input();
  std::array<double, 15> want{};
  lzbench::w6_partials(xy[0], xy[1], want);
  run(state, "W6 leibniz partials", xy, want, [&] { return flat(lz::eval(All, x = xy[0], y = xy[1])); });
}

}  // namespace

int main(int argc, char** argv) {
  lzbench::add("W1_n2", "grad", "leibniz", w1_fixed<2>);
  lzbench::add("W1_n2", "grad", "leibniz_dynamic", w1_dynamic<2>);
  lzbench::add("W1_n2", "grad", "leibniz_typed", w1_fixed<2, w1_grad_typed>);
  lzbench::add("W1_n1024", "grad", "leibniz", w1_fixed<1024>);
  lzbench::add("W1_n1024", "grad", "leibniz_dynamic", w1_dynamic<1024>);
  lzbench::add("W1_n1024", "grad", "leibniz_typed", w1_fixed<1024, w1_grad_typed>);
  lzbench::add("W2", "grad", "leibniz", w2_gradient);
  lzbench::add("W2", "hessian", "leibniz", w2_hess);
  lzbench::add("W3", "value", "leibniz", w3_value);
  lzbench::add("W3", "grad", "leibniz", w3_gradient<>);
  lzbench::add("W3", "grad", "leibniz_typed", w3_gradient<w3_grad_typed>);
  lzbench::add("W4", "jacobian", "leibniz", w4_jac);
  lzbench::add("W5_K2", "jacobian", "leibniz", w5_jac<2>);
  lzbench::add("W5_K2", "vjp", "leibniz", w5_vjp_bench<2>);
  lzbench::add("W5_K64", "jacobian", "leibniz", w5_jac<64>);
  lzbench::add("W5_K64", "vjp", "leibniz", w5_vjp_bench<64>);
  lzbench::add("W6", "partials", "leibniz", w6_partials<>);
  lzbench::add("W6", "partials", "leibniz_typed", w6_partials<w6_all_typed>);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
