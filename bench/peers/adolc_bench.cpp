// SPDX-License-Identifier: BSL-1.0
// leibniz peer benchmark: ADOL-C (Debian libadolc-dev 2.7.2) on workloads W1..W6
// (bench/workloads.hpp). Each benchmark checks its result against the hand-written closed
// form before timing.
//
// ADOL-C's taping mode: each task's function is recorded once on its own tape (trace_on /
// <<= / >>= / trace_off) before the timing loop, and the timed region is one call of the
// documented driver on that tape at the input point:
//   <workload>/grad/adolc       gradient()     (zero-order forward + first-order reverse)
//   W2/hessian/adolc            hessian2()     (Hessian-matrix products: about 2.8 us against
//                                               4.7 us for hessian(), which uses Hessian-
//                                               vector products; lower triangle, the upper
//                                               is copied over)
//   W4, W5 jacobian/adolc       jacobian()     (ADOL-C picks forward or reverse vector mode)
//   W5 vjp/adolc                vec_jac()      (repeat = 0: forward sweep + one reverse sweep)
//   W6/partials/adolc           tensor_eval()  (d = 4, p = 2, S = identity: every partial
//                                               of order <= 4 in x and y at once)
// <workload>/<task>/adolc_retape times the taping as well: trace the function at the input
// point, then call the same driver (what a caller pays when the tape cannot be reused).
// The constants of a workload (W4's lengths, W5's y) are passive doubles recorded on the
// tape. The traceless forward mode (adtl) is not used: the tape drivers are ADOL-C's
// documented route to gradients, Hessians and higher derivatives.
// Skipped: nothing. The tapes are small enough to stay in ADOL-C's memory buffers (no
// tape files are written).
#include "harness.hpp"

#include <adolc/adolc.h>

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace {

/// Registers <workload>/<task>/adolc (record(in) once, then time evaluate(in, out)) and
/// <workload>/<task>/adolc_retape (time record(in) followed by evaluate(in, out)).
template <class Record, class Evaluate>
void add(char const* workload, char const* task, std::vector<double> in, std::vector<double> want, Record record,
         Evaluate evaluate) {
  lzbench::add(workload, task, "adolc",
                               [=](benchmark::State& state) mutable {
                                 std::vector<double> out(want.size());
                                 record(in);
                                 lzbench::run_checked(state, "ADOL-C (taped once)", in, out, want, [&] { evaluate(in, out); });
                               });
  lzbench::add(workload, task, "adolc_retape",
                               [=](benchmark::State& state) mutable {
                                 std::vector<double> out(want.size());
                                 lzbench::run_checked(state, "ADOL-C (retaped)", in, out, want, [&] {
                                   record(in);
                                   evaluate(in, out);
                                 });
                               });
}

using In = std::span<double>;  // non-const: some ADOL-C drivers take double*
using Out = std::span<double>;

/// Traces f: R^n -> R^m, f(x, y) writing y from the independents x, on tape `tag`.
template <class F>
void trace(short tag, In in, std::size_t m, F f) {
  trace_on(tag);
  std::vector<adouble> x(in.size()), y(m);
  for (std::size_t i = 0; i < in.size(); ++i) x[i] <<= in[i];
  f(std::span<adouble const>(x), std::span<adouble>(y));
  for (std::size_t i = 0; i < m; ++i) {
    double ignored;
    y[i] >>= ignored;
  }
  trace_off();
}

enum tag : short { w1_n2 = 1, w1_n1024, w2_grad, w2_hessian, w3, w4, w5_k2_jac, w5_k2_vjp, w5_k64_jac, w5_k64_vjp, w6 };

void add_w1(char const* workload, short tag, std::size_t n) {
  auto const a = lzbench::w1_input(n);
  std::vector<double> want(n);
  lzbench::w1_grad(a, want);
  add(
      workload, "grad", a, want,
      [tag](In in) { trace(tag, in, 1, [](auto x, auto y) { y[0] = lzbench::w1_f(x); }); },
      [tag](In in, Out g) { gradient(tag, static_cast<int>(in.size()), in.data(), g.data()); });
}

void add_w5(char const* workload, short jac_tag, short vjp_tag, std::size_t K) {
  auto const x = lzbench::w5_x(K), y = lzbench::w5_y(K);
  std::vector<double> J(K * K), r(K);
  auto v = lzbench::w5_v(K);
  lzbench::w5_jacobian(y, J, K);
  lzbench::w5_vjp(y, v, r);
  auto const record = [y](short tag) {
    return [tag, y](In in) { trace(tag, in, in.size(), [&y](auto x, auto z) { lzbench::w5_z(x, y, z); }); };
  };
  int const k = static_cast<int>(K);
  add(workload, "jacobian", x, J, record(jac_tag), [jac_tag, k, rows = std::vector<double*>(K)](In in, Out J) mutable {
    for (int i = 0; i < k; ++i) rows[i] = J.data() + i * k;  // ADOL-C writes J[i][j] through row pointers
    jacobian(jac_tag, k, k, in.data(), rows.data());
  });
  add(workload, "vjp", x, r, record(vjp_tag),
      [vjp_tag, k, v](In in, Out r) mutable { vec_jac(vjp_tag, k, k, 0, in.data(), v.data(), r.data()); });
}

/// Row pointers of a row-major n x m buffer, as ADOL-C's double** arguments.
template <std::size_t N>
std::array<double*, N> rows_of(double* data, std::size_t m) {
  std::array<double*, N> r{};
  for (std::size_t i = 0; i < N; ++i) r[i] = data + i * m;
  return r;
}

void add_w2() {
  auto const xy = lzbench::w2_input();
  std::vector<double> w2g(2), w2h(4);
  lzbench::w2_grad(xy, std::span<double, 2>(w2g.data(), 2));
  lzbench::w2_hessian(xy, std::span<double, 4>(w2h.data(), 4));
  auto const w2_record = [](short tag) {
    return [tag](In in) { trace(tag, in, 1, [](auto x, auto y) { y[0] = lzbench::w2_f(x[0], x[1]); }); };
  };
  add("W2", "grad", {xy.begin(), xy.end()}, w2g, w2_record(tag::w2_grad),
      [](In in, Out g) { gradient(tag::w2_grad, 2, in.data(), g.data()); });
  add("W2", "hessian", {xy.begin(), xy.end()}, w2h, w2_record(tag::w2_hessian), [](In in, Out h) {
    auto rows = rows_of<2>(h.data(), 2);
    hessian2(tag::w2_hessian, 2, in.data(), rows.data());  // writes the lower triangle
    h[1] = h[2];
  });
}

void add_w3() {
  auto const x3 = lzbench::w3_input();
  std::vector<double> w3g(x3.size());
  lzbench::w3_grad(x3, w3g);
  add(
      "W3", "grad", x3, w3g,
      [](In in) { trace(tag::w3, in, 1, [](auto x, auto y) { y[0] = lzbench::w3_f(x); }); },
      [](In in, Out g) { gradient(tag::w3, static_cast<int>(in.size()), in.data(), g.data()); });
}

void add_w4() {
  auto const l = lzbench::w4_lengths(), q = lzbench::w4_angles();
  std::vector<double> w4j(6);
  lzbench::w4_jacobian(l, q, std::span<double, 6>(w4j.data(), 6));
  add(
      "W4", "jacobian", {q.begin(), q.end()}, w4j,
      [l](In in) {
        trace(tag::w4, in, 2, [&l](auto x, auto p) { lzbench::w4_p<adouble>(l, x.template first<3>(), p[0], p[1]); });
      },
      [](In in, Out J) {
        auto rows = rows_of<2>(J.data(), 3);
        jacobian(tag::w4, 2, 3, in.data(), rows.data());
      });
}

void add_w6() {
  auto const p6 = lzbench::w6_input();
  std::vector<double> w6p(15);
  lzbench::w6_partials(p6[0], p6[1], std::span<double, 15>(w6p.data(), 15));
  // tensor_eval's result for the multi-index of a partial: for d^(i+j) f / dx^i dy^j the
  // direction numbers in descending order, j twos then i ones, padded with zeros.
  std::array<int, 15> address{};
  for (std::size_t k = 0; k < 15; ++k) {
    auto const [i, j] = lzbench::w6_orders[k];
    std::array<int, 4> multi{};
    for (int t = 0; t < i + j; ++t) multi[static_cast<std::size_t>(t)] = t < j ? 2 : 1;
    address[k] = tensor_address(4, multi.data());
  }
  add(
      "W6", "partials", {p6.begin(), p6.end()}, w6p,
      [](In in) { trace(tag::w6, in, 1, [](auto x, auto y) { y[0] = lzbench::w6_f(x[0], x[1]); }); },
      [address, tensor = std::array<double, 15>{}, S = std::array<double, 4>{1.0, 0.0, 0.0, 1.0}](In in,
                                                                                                  Out out) mutable {
        auto trows = rows_of<1>(tensor.data(), 15);
        auto srows = rows_of<2>(S.data(), 2);
        tensor_eval(tag::w6, 1, 2, 4, 2, in.data(), trows.data(), srows.data());
        for (std::size_t k = 0; k < 15; ++k) out[k] = tensor[static_cast<std::size_t>(address[k])];
      });
}

}  // namespace

int main(int argc, char** argv) {
  // Registered (and so run) from the smallest tape to the largest: ADOL-C's pool of
  // locations never shrinks, and a tape records the pool's size as its number of live
  // variables, which sizes every driver's work arrays. Recorded after W1_n1024 (2048
  // locations), the W2 tape's hessian2() takes 37 us instead of 2.8 us. Each benchmark
  // records its tape when it starts, so this order keeps every tape at its own size (also
  // with --benchmark_filter; not with --benchmark_enable_random_interleaving).
  add_w1("W1_n2", tag::w1_n2, 2);
  add_w2();
  add_w4();
  add_w5("W5_K2", tag::w5_k2_jac, tag::w5_k2_vjp, 2);
  add_w6();
  add_w3();
  add_w1("W1_n1024", tag::w1_n1024, 1024);
  add_w5("W5_K64", tag::w5_k64_jac, tag::w5_k64_vjp, 64);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
