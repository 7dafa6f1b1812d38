// SPDX-License-Identifier: BSL-1.0
// leibniz benchmarks: the differentiation workloads W1..W9 shared by bench/hand_bench.cpp,
// bench/tensor_bench.cpp and bench/peers/*_bench.cpp. For each workload: its inputs, the
// function itself as a template over the number type (what the operator-overloading AD
// libraries evaluate, and what the finite-difference checks evaluate), and the hand-written
// closed form of each task (the reference every timing ratio divides by).
// Also the checker require_close and the benchmark naming convention. Standard library only.
//
//   W1  f(a) = mean(3 (a + 3)^2), a_i = -1 + 2 i / (n - 1), n = 2 and 1024    grad
//   W2  Rosenbrock (1 - x)^2 + 100 (y - x^2)^2 at (1.2, 1.2)                  grad, hessian
//   W3  chained Rosenbrock, n = 16, x_i = 1.2 - 0.05 i                        value, grad
//   W4  planar 3-link arm end point p(q), l = (1, 0.8, 0.5), q = (0.3, -0.5, 0.7)  jacobian
//   W5  z = x @ y, x 1xK, y KxK, K = 2 and 64                                 jacobian, vjp
//   W6  exp(sin(x y)) / (1 + x^2 + y^2) at (0.7, 0.4)                         partials
//
// Tensor workloads (bench/tensor_bench.cpp: hand and leibniz on lz::tensor<double>;
// bench/peers/torch_bench.py: PyTorch, the same data and formulas):
//   W7  logistic regression mean(log(1 + exp(-y (X w)))), X m x k with X_ij = sin(i k + j),
//       y_i = -1 (i % 3 == 0) or +1, w_j = 0.1 cos(j); m x k = 100x10, 10000x10, 1000x100 grad
//   W8  2-layer perceptron mean((tanh(X W1) W2 - t)^2), X 256x16, W1 16x64, W2 64x1, t 256x1
//       (X_bd = sin(16 b + d), W1_dh = 0.25 cos(64 d + h), W2_h = 0.1 sin(h + 1),
//       t_b = 0.5 cos(0.1 b)); the gradient with respect to W1 and W2               grad
//   W9  sum(sin(x) exp(-x^2 / 2)), x_i = -4 + 8 i / (n - 1), n = 1e3 and 1e6       grad
//   W5_K64's jacobian is also measured with lz::tensor (leibniz_dynamic) and PyTorch.
//
// Conventions: vectors are std::span views of caller-provided buffers (the hand-written
// code never allocates); matrices are row-major; a Jacobian's row i is output i.
#ifndef LEIBNIZ_BENCH_WORKLOADS_HPP
#define LEIBNIZ_BENCH_WORKLOADS_HPP

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lzbench {

// ---- checking and naming ------------------------------------------------------------------

/// Exits with status 1, after printing the first mismatch, unless got and want have the
/// same length and |got_i - want_i| <= rel * (|want_i| + max_k |want_k| / 1024) for every i:
/// relative, with a floor tied to the largest entry so that an entry that is zero or tiny
/// by cancellation (a row sum of sines, a cross term) is not held to a relative bound.
inline void require_close(std::span<double const> got, std::span<double const> want, char const* what,
                          double rel = 1e-12) {
  if (got.size() != want.size()) {
    std::fprintf(stderr, "%s: %zu values, expected %zu\n", what, got.size(), want.size());
    std::exit(1);
  }
  double largest = 0.0;
  for (double w : want) largest = std::max(largest, std::fabs(w));
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!(std::fabs(got[i] - want[i]) <= rel * (std::fabs(want[i]) + largest / 1024.0))) {
      std::fprintf(stderr, "%s: element %zu is %.17g, expected %.17g\n", what, i, got[i], want[i]);
      std::exit(1);
    }
  }
}

inline constexpr std::array<std::string_view, 16> workload_tokens = {
    "W1_n2",   "W1_n1024",    "W2",          "W3",      "W4",      "W5_K2",    "W5_K64",   "W6",
    "W7_100x10", "W7_10000x10", "W7_1000x100", "W8", "W9_n1e3", "W9_n1e6", "Step_n1e3", "Step_n1e6"};
inline constexpr std::array<std::string_view, 7> task_tokens = {"value",    "grad", "hessian", "jacobian",
                                                                "vjp", "partials", "update"};
/// "torch" is bench/peers/torch_bench.py (Python, not a program of this header), listed
/// so that the tokens are complete.
inline constexpr std::array<std::string_view, 8> library_tokens = {"hand",  "leibniz", "sacado", "adolc",
                                                                   "boost", "eigen",  "ceres",  "torch"};

/// The benchmark name "<workload>/<task>/<library>" (e.g. "W2/hessian/eigen") that
/// scripts parse; exits if a token is not one of the above. A library token may carry a
/// variant suffix ("adolc_retape"). Register with
/// benchmark::RegisterBenchmark(lzbench::name(...).c_str(), fn): the name is copied.
inline std::string name(std::string_view workload, std::string_view task, std::string_view library) {
  auto const known = [](auto const& tokens, std::string_view t) {
    return std::find(tokens.begin(), tokens.end(), t) != tokens.end();
  };
  std::string_view const base = library.substr(0, library.find('_'));
  if (!known(workload_tokens, workload) || !known(task_tokens, task) || !known(library_tokens, base)) {
    std::fprintf(stderr, "lzbench::name: unknown token in %.*s/%.*s/%.*s\n", static_cast<int>(workload.size()),
                 workload.data(), static_cast<int>(task.size()), task.data(), static_cast<int>(library.size()),
                 library.data());
    std::exit(1);
  }
  std::string n;
  n.append(workload).append("/").append(task).append("/").append(library);
  return n;
}

// ---- W1: mean(3 (a + 3)^2) --------------------------------------------------------------

/// a_i = -1 + 2 i / (n - 1), n >= 2.
inline std::vector<double> w1_input(std::size_t n) {
  std::vector<double> a(n);
  for (std::size_t i = 0; i < n; ++i) a[i] = -1.0 + 2.0 * static_cast<double>(i) / static_cast<double>(n - 1);
  return a;
}

/// The function, for any number type T (double or an AD type).
template <class T>
T w1_f(std::span<T const> a) {
  T s = T(0.0);
  for (T const& ai : a) {
    T const u = ai + 3.0;
    s += 3.0 * u * u;
  }
  return s / static_cast<double>(a.size());
}

/// Hand-written gradient: g_i = 6 (a_i + 3) / n.
inline void w1_grad(std::span<double const> a, std::span<double> g) noexcept {
  double const scale = 6.0 / static_cast<double>(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) g[i] = scale * (a[i] + 3.0);
}

// ---- W2: Rosenbrock ---------------------------------------------------------------------

inline std::array<double, 2> w2_input() { return {1.2, 1.2}; }

template <class T>
T w2_f(T const& x, T const& y) {
  T const u = 1.0 - x;
  T const t = y - x * x;
  return u * u + 100.0 * t * t;
}

/// Hand-written gradient: (-2 (1 - x) - 400 x (y - x^2), 200 (y - x^2)).
inline void w2_grad(std::span<double const, 2> xy, std::span<double, 2> g) noexcept {
  double const x = xy[0], y = xy[1];
  double const t = y - x * x;
  g[0] = -2.0 * (1.0 - x) - 400.0 * x * t;
  g[1] = 200.0 * t;
}

/// Hand-written Hessian, row-major 2x2: [[2 - 400 y + 1200 x^2, -400 x], [-400 x, 200]].
inline void w2_hessian(std::span<double const, 2> xy, std::span<double, 4> h) noexcept {
  double const x = xy[0], y = xy[1];
  double const xy_term = -400.0 * x;
  h[0] = 2.0 - 400.0 * y + 1200.0 * x * x;
  h[1] = xy_term;
  h[2] = xy_term;
  h[3] = 200.0;
}

// ---- W3: chained Rosenbrock -------------------------------------------------------------

inline constexpr std::size_t w3_n = 16;

/// x_i = 1.2 - 0.05 i, i < 16.
inline std::vector<double> w3_input() {
  std::vector<double> x(w3_n);
  for (std::size_t i = 0; i < w3_n; ++i) x[i] = 1.2 - 0.05 * static_cast<double>(i);
  return x;
}

/// sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2, for any number type T. With
/// T = double this is also the hand-written value (the W3/value/hand benchmark).
template <class T>
T w3_f(std::span<T const> x) {
  T s = T(0.0);
  for (std::size_t i = 0; i + 1 < x.size(); ++i) {
    T const t = x[i + 1] - x[i] * x[i];
    T const u = 1.0 - x[i];
    s += 100.0 * t * t + u * u;
  }
  return s;
}

inline double w3_value(std::span<double const> x) noexcept { return w3_f<double>(x); }

/// Hand-written gradient in one pass: with t_i = x_{i+1} - x_i^2,
/// g_i = 200 t_{i-1} [i > 0] - 400 x_i t_i - 2 (1 - x_i) [i < n - 1].
inline void w3_grad(std::span<double const> x, std::span<double> g) noexcept {
  std::size_t const n = x.size();
  double carry = 0.0;  // 200 t_{i-1}: the part of g_i from term i - 1
  for (std::size_t i = 0; i + 1 < n; ++i) {
    double const xi = x[i];
    double const t = x[i + 1] - xi * xi;
    g[i] = carry - 400.0 * xi * t - 2.0 * (1.0 - xi);
    carry = 200.0 * t;
  }
  g[n - 1] = carry;
}

// ---- W4: planar 3-link arm --------------------------------------------------------------

inline std::array<double, 3> w4_lengths() { return {1.0, 0.8, 0.5}; }
inline std::array<double, 3> w4_angles() { return {0.3, -0.5, 0.7}; }

/// The end point p = (sum_k l_k cos(q_1 + ... + q_k), sum_k l_k sin(q_1 + ... + q_k)),
/// for any number type T (the lengths are constants).
template <class T>
void w4_p(std::span<double const, 3> l, std::span<T const, 3> q, T& px, T& py) {
  using std::cos;
  using std::sin;
  T theta = q[0];
  px = l[0] * cos(theta);
  py = l[0] * sin(theta);
  for (std::size_t k = 1; k < 3; ++k) {
    theta = theta + q[k];
    px = px + l[k] * cos(theta);
    py = py + l[k] * sin(theta);
  }
}

/// Hand-written 2x3 Jacobian, row-major: with theta_k = q_1 + ... + q_k,
/// dp_x/dq_j = -sum_{k>=j} l_k sin(theta_k), dp_y/dq_j = sum_{k>=j} l_k cos(theta_k)
/// (suffix sums; one sin and one cos per link).
inline void w4_jacobian(std::span<double const, 3> l, std::span<double const, 3> q,
                        std::span<double, 6> J) noexcept {
  double const t0 = q[0];
  double const t1 = t0 + q[1];
  double const t2 = t1 + q[2];
  double const s2 = l[2] * std::sin(t2), c2 = l[2] * std::cos(t2);
  double const s1 = s2 + l[1] * std::sin(t1), c1 = c2 + l[1] * std::cos(t1);
  double const s0 = s1 + l[0] * std::sin(t0), c0 = c1 + l[0] * std::cos(t0);
  J[0] = -s0;
  J[1] = -s1;
  J[2] = -s2;
  J[3] = c0;
  J[4] = c1;
  J[5] = c2;
}

// ---- helper of the hand-written code -----------------------------------------

/// sum_i a_i b_i, i < n, with four partial sums so that the compiler can vectorise it
/// without -ffast-math.
inline double dot4(double const* a, double const* b, std::size_t n) noexcept {
  std::size_t const n4 = n - n % 4;
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  for (std::size_t i = 0; i < n4; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (std::size_t i = n4; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

// ---- W5: z = x @ y ----------------------------------------------------------------------

/// K = 2: [2, 1]; otherwise x_i = 1 + 0.01 i.
inline std::vector<double> w5_x(std::size_t K) {
  if (K == 2) return {2.0, 1.0};
  std::vector<double> x(K);
  for (std::size_t i = 0; i < K; ++i) x[i] = 1.0 + 0.01 * static_cast<double>(i);
  return x;
}

/// Row-major KxK. K = 2: [[1, 2], [3, 4]]; otherwise y_ij = sin(0.1 i + 0.2 j).
inline std::vector<double> w5_y(std::size_t K) {
  if (K == 2) return {1.0, 2.0, 3.0, 4.0};
  std::vector<double> y(K * K);
  for (std::size_t i = 0; i < K; ++i)
    for (std::size_t j = 0; j < K; ++j)
      y[i * K + j] = std::sin(0.1 * static_cast<double>(i) + 0.2 * static_cast<double>(j));
  return y;
}

/// The cotangent of the vjp: a row of K ones.
inline std::vector<double> w5_v(std::size_t K) { return std::vector<double>(K, 1.0); }

/// z_i = sum_j x_j y_ji, for any number type T (y is constant).
template <class T>
void w5_z(std::span<T const> x, std::span<double const> y, std::span<T> z) {
  std::size_t const K = x.size();
  for (std::size_t i = 0; i < K; ++i) z[i] = T(0.0);
  for (std::size_t j = 0; j < K; ++j)
    for (std::size_t i = 0; i < K; ++i) z[i] += x[j] * y[j * K + i];
}

/// Hand-written Jacobian dz/dx, row-major KxK: J_ij = y_ji, a transposed copy, in 4x4
/// blocks (about 1.6x faster than the plain double loop at K = 64).
inline void w5_jacobian(std::span<double const> y, std::span<double> J, std::size_t K) noexcept {
  std::size_t const K4 = K - K % 4;
  for (std::size_t i0 = 0; i0 < K4; i0 += 4)
    for (std::size_t j0 = 0; j0 < K4; j0 += 4)
      for (std::size_t i = i0; i < i0 + 4; ++i)
        for (std::size_t j = j0; j < j0 + 4; ++j) J[i * K + j] = y[j * K + i];
  for (std::size_t i = 0; i < K; ++i)  // the columns K4.. of the first K4 rows, then the last rows
    for (std::size_t j = i < K4 ? K4 : 0; j < K; ++j) J[i * K + j] = y[j * K + i];
}

/// Hand-written vjp: r_j = sum_i v_i y_ji (row j of y dotted with v; row sums for v = 1),
/// with four partial sums per row so that the compiler can vectorise the dot product
/// without -ffast-math.
inline void w5_vjp(std::span<double const> y, std::span<double const> v, std::span<double> r) noexcept {
  std::size_t const K = v.size();
  if (K < 4) {  // one sum per row
    for (std::size_t j = 0; j < K; ++j) {
      double s = 0.0;
      for (std::size_t i = 0; i < K; ++i) s += v[i] * y[j * K + i];
      r[j] = s;
    }
    return;
  }
  for (std::size_t j = 0; j < K; ++j) r[j] = dot4(v.data(), y.data() + j * K, K);
}

// ---- W6: exp(sin(x y)) / (1 + x^2 + y^2), partials to order 4 -----------------------------

inline std::array<double, 2> w6_input() { return {0.7, 0.4}; }

/// The 15 numbers of the W6 task, in this order (i = order in x, j = order in y).
inline constexpr std::array<std::array<int, 2>, 15> w6_orders = {{
    {0, 0}, {1, 0}, {0, 1}, {2, 0}, {1, 1}, {0, 2}, {3, 0}, {2, 1},
    {1, 2}, {0, 3}, {4, 0}, {3, 1}, {2, 2}, {1, 3}, {0, 4}}};

template <class T>
T w6_f(T const& x, T const& y) {
  using std::exp;
  using std::sin;
  return exp(sin(x * y)) / (1.0 + x * x + y * y);
}

// The hand-written closed form of W6 is generated, not typed: scripts/gen-w6-hand.py
// differentiates f with SymPy, eliminates common subexpressions (sympy.cse) and prints
// straight-line C++ (integer powers as products). Regenerate the block below with
//   /usr/bin/python3 scripts/gen-w6-hand.py --write
// BEGIN generated by scripts/gen-w6-hand.py
/// W6 hand-written: f = exp(sin(x y)) / (1 + x^2 + y^2) and its 14 distinct partials
/// of order 1 to 4 (order: f, x, y, xx, xy, yy, xxx, xxy, xyy, yyy, xxxx, xxxy, xxyy,
/// xyyy, yyyy), straight-line code from SymPy's cse.
inline void w6_partials(double x, double y, std::span<double, 15> out) noexcept {
  double const t0 = x*y;
  double const t1 = std::sin(t0);
  double const t2 = x*x;
  double const t3 = y*y;
  double const t4 = t2 + t3 + 1.0;
  double const t5 = 1.0/t4;
  double const t6 = t5*std::exp(t1);
  double const t7 = std::cos(t0);
  double const t8 = 2.0*t5;
  double const t9 = t7*x;
  double const t10 = t7*t7;
  double const t11 = -t10;
  double const t12 = t1 + t11;
  double const t13 = t12*t3;
  double const t14 = 4.0*t5;
  double const t15 = t0*t7;
  double const t16 = t14*t15;
  double const t17 = t14*t2;
  double const t18 = t17 - 1.0;
  double const t19 = t18*t8;
  double const t20 = t0*t1;
  double const t21 = t0*t10;
  double const t22 = t5*t5;
  double const t23 = 8.0*t22;
  double const t24 = t2*t8;
  double const t25 = t3*t8;
  double const t26 = t12*t2;
  double const t27 = t14*t3;
  double const t28 = t27 - 1.0;
  double const t29 = y*y*y;
  double const t30 = 3.0*t1;
  double const t31 = t11 + t30 + 1.0;
  double const t32 = t31*t7;
  double const t33 = 6.0*t5;
  double const t34 = t24 - 1.0;
  double const t35 = 24.0*t22;
  double const t36 = t35*x;
  double const t37 = t7*y;
  double const t38 = t33*t37;
  double const t39 = t5*t5*t5;
  double const t40 = t2*t39;
  double const t41 = 16.0*t40;
  double const t42 = t14*t9;
  double const t43 = 2.0*t1;
  double const t44 = t43 + 1.0;
  double const t45 = t3*t9;
  double const t46 = 16.0*t22;
  double const t47 = 4.0*t10;
  double const t48 = t47*t5;
  double const t49 = t12*t29;
  double const t50 = t18*t23;
  double const t51 = 2.0*t10;
  double const t52 = t2*t37;
  double const t53 = t7*t7*t7;
  double const t54 = t2*t53;
  double const t55 = 48.0*t39;
  double const t56 = t3*x;
  double const t57 = x*x*x;
  double const t58 = t5*t57;
  double const t59 = t25 - 1.0;
  double const t60 = t15*t22;
  double const t61 = 96.0*t60;
  double const t62 = 8.0*t5;
  double const t63 = t29*t9;
  double const t64 = y*y*y*y;
  double const t65 = t7*t7*t7*t7;
  double const t66 = t1*t1;
  double const t67 = 3.0*t66;
  double const t68 = 6.0*t1;
  double const t69 = t10*t68;
  double const t70 = t1 - t47 + t65 + t67 - t69;
  double const t71 = 12.0*t5;
  double const t72 = x*x*x*x;
  double const t73 = t5*t5*t5*t5;
  double const t74 = t57*y;
  double const t75 = t29*x;
  double const t76 = t3*t7;
  double const t77 = 48.0*t76;
  double const t78 = t31*t75;
  double const t79 = t33*t7;
  double const t80 = t2*t3;
  double const t81 = t44*t80;
  double const t82 = 144.0*t0*t39;
  double const t83 = t18*t33;
  double const t84 = t2*t7;
  double const t85 = t35*t84;
  double const t86 = t18*t3;
  double const t87 = -t51;
  double const t88 = 4.0*t15;
  double const t89 = t1*t2;
  double const t90 = t37*t57;
  double const t91 = t10*t2;
  double const t92 = 32.0*t22*t80;
  double const t93 = t18*t2*t5;
  double const t94 = t1*t74;
  double const t95 = 18.0*t5;
  double const t96 = t72*t8;
  double const t97 = t29*t36;
  out[0] = t6;  // d^0 f / dx^0 dy^0
  out[1] = t6*(t7*y - t8*x);  // d^1 f / dx^1 dy^0
  out[2] = t6*(-t8*y + t9);  // d^1 f / dx^0 dy^1
  out[3] = -t6*(t13 + t16 - t19);  // d^2 f / dx^2 dy^0
  out[4] = -t6*(-t0*t23 + t20 - t21 + t24*t7 + t25*t7 - t7);  // d^2 f / dx^1 dy^1
  out[5] = -t6*(t16 + t26 - t28*t8);  // d^2 f / dx^0 dy^2
  out[6] = t6*(t13*t33*x + t18*t38 - t29*t32 - t34*t36);  // d^3 f / dx^3 dy^0
  out[7] = -t6*(-t1*t17*y + 2.0*t12*y + t13*t9 - t19*t9 + t2*t48*y + t41*y + t42 + t44*t45 - t45*t46 - t49*t8 + t50*y);  // d^3 f / dx^2 dy^1
  out[8] = t6*(t1*t27*x + t23*t29*t7 + t23*x - t30*t52 - t38 + t43*t58 - t43*x + t46*t52 - t48*t56 - t51*t58 + t51*x - t52 + t54*y - t55*t56);  // d^3 f / dx^1 dy^2
  out[9] = -t6*(-t26*t33*y - t28*t33*t9 + t32*t57 + t35*t59*y);  // d^3 f / dx^0 dy^3
  out[10] = t6*(-t13*t18*t71 + t31*t62*t63 - t34*t61 + t35*(-t2*t71 + t46*t72 + 1.0) + t64*t70);  // d^4 f / dx^4 dy^0
  out[11] = t6*(t0*t12*t71 + t1*t78 - t10*t75*(t43 + 3.0) - t10*t78 + t13*t2*t79 + t18*t79 - t20*t83 + t21*t83 - 3.0*t3*t32 + t32*t64*t8 + t34*t82 - t34*t85 - t35*t7*t86 - t36*t49 - t40*t77 + 96.0*t73*t74 + t79*t81);  // d^4 f / dx^3 dy^1
  out[12] = -t6*(-t1*t71*t90 + t1*t92 - t10*t92 + t12*t23*t64 + t12*t88 - 10.0*t13*t5 - t13*t89 + t13*t91 + t14*t53*t74 - t14*t90 + t15*t18*t46 - t29*t42*t44 + 96.0*t39*t63 + 32.0*t39*t90 + t41 - t42*t49 + t43*t93 + t43 + t44*t88 + t50 + t51*t81 - t51*t93 - t55*t86 - 48.0*t60 - t62*t89 + t62*t91 - 192.0*t73*t80 - t80*(t1 + 2.0*t66 + t87) + t87);  // d^4 f / dx^2 dy^2
  out[13] = t6*(t1*t7*t80*t95 - 9.0*t1*t84 - t1*t97 + t10*t35*t74 + t10*t97 + t20*t95 - t21*t95 + t22*t77 - t3*t33*t54 - t35*t94 - 144.0*t40*t76 - t47*t74 + t5*t68*t7*t72 - t53*t96 + 3.0*t54 - t55*t64*t7 + t65*t74 + t67*t74 - t69*t74 + t7*t96 + 384.0*t73*t75 + t79*t80 - t79 - t82 - 3.0*t84 + t85 + t94);  // d^4 f / dx^1 dy^3
  out[14] = t6*(-t26*t28*t71 + 8.0*t31*t37*t58 + t35*(-t3*t71 + t46*t64 + 1.0) - t59*t61 + t70*t72);  // d^4 f / dx^0 dy^4
}

/// The same 15 numbers at (0.7, 0.4) from SymPy in exact arithmetic, to 30 digits.
inline constexpr std::array<double, 15> w6_sympy_values = {
    0.798979780655959792993203089606,  // d^0 f / dx^0 dy^0
    -0.370776692812426693338563941613,  // d^1 f / dx^1 dy^0
    0.150120568234213079650716191783,  // d^1 f / dx^0 dy^1
    -0.256518381546310613248251430108,  // d^2 f / dx^2 dy^0
    0.965063359979781085440851233055,  // d^2 f / dx^1 dy^1
    -0.860624788840403935934811799592,  // d^2 f / dx^0 dy^2
    1.95673849521354877768126182436,  // d^3 f / dx^3 dy^0
    -1.35941779012905711267762373172,  // d^3 f / dx^2 dy^1
    0.831584583995124234129690676049,  // d^3 f / dx^1 dy^2
    0.467452712750633980740782217957,  // d^3 f / dx^0 dy^3
    -4.85456795005377462026723685067,  // d^4 f / dx^4 dy^0
    -1.46986137555625704742566065996,  // d^4 f / dx^3 dy^1
    1.27453507707123120387612381293,  // d^4 f / dx^2 dy^2
    -6.56149878503570230417421455792,  // d^4 f / dx^1 dy^3
    4.61060244278611592346057757414,  // d^4 f / dx^0 dy^4
};
// END generated by scripts/gen-w6-hand.py

// ---- W7: logistic-regression loss, gradient with respect to the weights ---------------------
//
// loss(w) = mean_i log(1 + exp(-y_i z_i)), z = X w, X m x k (row-major), y_i = +-1, w k.

/// X_ij = sin(i k + j) (the argument an integer: the row-major index).
inline std::vector<double> w7_X(std::size_t m, std::size_t k) {
  std::vector<double> X(m * k);
  for (std::size_t i = 0; i < m * k; ++i) X[i] = std::sin(static_cast<double>(i));
  return X;
}

/// y_i = -1 when i is a multiple of 3, else +1.
inline std::vector<double> w7_y(std::size_t m) {
  std::vector<double> y(m);
  for (std::size_t i = 0; i < m; ++i) y[i] = i % 3 == 0 ? -1.0 : 1.0;
  return y;
}

/// w_j = 0.1 cos(j).
inline std::vector<double> w7_w(std::size_t k) {
  std::vector<double> w(k);
  for (std::size_t j = 0; j < k; ++j) w[j] = 0.1 * std::cos(static_cast<double>(j));
  return w;
}

/// The loss, for any number type T (X and y are constants).
template <class T>
T w7_loss(std::span<double const> X, std::span<double const> y, std::span<T const> w) {
  using std::exp;
  using std::log;
  std::size_t const m = y.size(), k = w.size();
  T s = T(0.0);
  for (std::size_t i = 0; i < m; ++i) {
    T z = T(0.0);
    for (std::size_t j = 0; j < k; ++j) z += X[i * k + j] * w[j];
    s += log(1.0 + exp(-y[i] * z));
  }
  return s / static_cast<double>(m);
}

/// Hand-written gradient in one pass over the rows of X: with z_i = X_i . w,
/// g = sum_i s_i X_i, s_i = -y_i / (m (1 + exp(y_i z_i))).
inline void w7_grad(std::span<double const> X, std::span<double const> y, std::span<double const> w,
                    std::span<double> g) noexcept {
  std::size_t const m = y.size(), k = w.size();
  for (std::size_t j = 0; j < k; ++j) g[j] = 0.0;
  double const inv_m = 1.0 / static_cast<double>(m);
  for (std::size_t i = 0; i < m; ++i) {
    double const* row = X.data() + i * k;
    double const z = dot4(row, w.data(), k);
    double const s = -y[i] * inv_m / (1.0 + std::exp(y[i] * z));
    for (std::size_t j = 0; j < k; ++j) g[j] += s * row[j];
  }
}

// ---- W8: two-layer perceptron, loss gradient with respect to both weight matrices -----------
//
// loss(W1, W2) = mean_b ((tanh(X W1) W2)_b - t_b)^2, X B x D, W1 D x H, W2 H x 1, t B x 1.

inline constexpr std::size_t w8_B = 256, w8_D = 16, w8_H = 64;

/// X_bd = sin(b D + d) (the row-major index).
inline std::vector<double> w8_X() {
  std::vector<double> X(w8_B * w8_D);
  for (std::size_t i = 0; i < X.size(); ++i) X[i] = std::sin(static_cast<double>(i));
  return X;
}

/// W1_dh = 0.25 cos(d H + h) (the row-major index).
inline std::vector<double> w8_W1() {
  std::vector<double> W1(w8_D * w8_H);
  for (std::size_t i = 0; i < W1.size(); ++i) W1[i] = 0.25 * std::cos(static_cast<double>(i));
  return W1;
}

/// W2_h = 0.1 sin(h + 1).
inline std::vector<double> w8_W2() {
  std::vector<double> W2(w8_H);
  for (std::size_t h = 0; h < w8_H; ++h) W2[h] = 0.1 * std::sin(static_cast<double>(h + 1));
  return W2;
}

/// t_b = 0.5 cos(0.1 b).
inline std::vector<double> w8_t() {
  std::vector<double> t(w8_B);
  for (std::size_t b = 0; b < w8_B; ++b) t[b] = 0.5 * std::cos(0.1 * static_cast<double>(b));
  return t;
}

/// The loss, for any number type T; W = W1 (D x H, row-major) followed by W2 (H).
template <class T>
T w8_loss(std::span<double const> X, std::span<double const> t, std::span<T const> W) {
  using std::tanh;
  T s = T(0.0);
  for (std::size_t b = 0; b < w8_B; ++b) {
    T o = T(0.0);
    for (std::size_t h = 0; h < w8_H; ++h) {
      T a = T(0.0);
      for (std::size_t d = 0; d < w8_D; ++d) a += X[b * w8_D + d] * W[d * w8_H + h];
      o += tanh(a) * W[w8_D * w8_H + h];
    }
    T const r = o - t[b];
    s += r * r;
  }
  return s / static_cast<double>(w8_B);
}

/// Hand-written gradient, one pass over the batch: per sample b, the hidden row
/// a = X_b W1 and u = tanh(a), the output o = u . W2 and r = 2 (o - t_b) / B; then
/// gW2 += r u and gW1 += X_b^T (r W2 (1 - u^2)). gW1 is D x H row-major, gW2 has H.
inline void w8_grad(std::span<double const> X, std::span<double const> t, std::span<double const> W1,
                    std::span<double const> W2, std::span<double> gW1, std::span<double> gW2) noexcept {
  constexpr std::size_t D = w8_D, H = w8_H;
  for (double& g : gW1) g = 0.0;
  for (double& g : gW2) g = 0.0;
  double const scale = 2.0 / static_cast<double>(w8_B);
  double u[H], delta[H];
  for (std::size_t b = 0; b < w8_B; ++b) {
    double const* x = X.data() + b * D;
    for (std::size_t h = 0; h < H; ++h) u[h] = 0.0;
    for (std::size_t d = 0; d < D; ++d)
      for (std::size_t h = 0; h < H; ++h) u[h] += x[d] * W1[d * H + h];
    for (std::size_t h = 0; h < H; ++h) u[h] = std::tanh(u[h]);
    double const o = dot4(u, W2.data(), H);
    double const r = scale * (o - t[b]);
    for (std::size_t h = 0; h < H; ++h) {
      gW2[h] += r * u[h];
      delta[h] = r * W2[h] * (1.0 - u[h] * u[h]);
    }
    for (std::size_t d = 0; d < D; ++d)
      for (std::size_t h = 0; h < H; ++h) gW1[d * H + h] += x[d] * delta[h];
  }
}

// ---- W9: an elementwise function, gradient ----------------------------------------------------
//
// f(x) = sum_i sin(x_i) exp(-x_i^2 / 2), x in R^n, n = 1e3 and 1e6.

/// x_i = -4 + 8 i / (n - 1), n >= 2.
inline std::vector<double> w9_x(std::size_t n) {
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = -4.0 + 8.0 * static_cast<double>(i) / static_cast<double>(n - 1);
  return x;
}

/// The term of one element, for any number type T.
template <class T>
T w9_term(T const& x) {
  using std::exp;
  using std::sin;
  return sin(x) * exp(-x * x / 2.0);
}

/// Hand-written gradient in one pass: g_i = exp(-x_i^2 / 2) (cos x_i - x_i sin x_i).
inline void w9_grad(std::span<double const> x, std::span<double> g) noexcept {
  for (std::size_t i = 0; i < x.size(); ++i) {
    double const xi = x[i];
    g[i] = std::exp(-0.5 * xi * xi) * (std::cos(xi) - xi * std::sin(xi));
  }
}

}  // namespace lzbench

#endif  // LEIBNIZ_BENCH_WORKLOADS_HPP
