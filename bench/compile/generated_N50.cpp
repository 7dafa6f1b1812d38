// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of 50 nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed 2024 50
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = (0.7, -0.3, 1.1),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
//   ((z + z) + (((z * sin(x)) + atan(x)) + (1.25 * exp(exp(tanh(x)))))) + exp((sin((y + y)
//   * (y * 0.75)) * exp(tanh(cos(sin(atan(sqrt(1 + (z - y)*(z - y)))))))) * (sin(tanh(z)) -
//   3))
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// 50 nodes as written, depth 12
constexpr auto f =
    ((z + z) + (((z * lz::sin(x)) + lz::atan(x)) + (1.25 * lz::exp(lz::exp(lz::tanh(x))))))
        + lz::exp((lz::sin((y + y) * (y * 0.75)) *
        lz::exp(lz::tanh(lz::cos(lz::sin(lz::atan(lz::sqrt(1 + (z - y) * (z - y)))))))) *
        (lz::sin(lz::tanh(z)) - 3));

/// Central difference of f along one variable, 5-point stencil (error O(h^4)).
template <class F>
double central_difference(F const& along, double at) {
  double const h = 1e-3;
  return (-along(at + 2 * h) + 8 * along(at + h) - 8 * along(at - h) + along(at - 2 * h)) / (12 * h);
}

}  // namespace

int main() {
  // Run-time values: the compiler cannot fold the evaluation away.
  volatile double vx = 0.7, vy = -0.3, vz = 1.1;
  double const px = vx, py = vy, pz = vz;

  auto const gradient = lz::grad(f, x, y, z);  // a std::tuple of three formulas
  auto const [gx, gy, gz] = lz::eval(gradient, x = px, y = py, z = pz);
  double const fd[3] = {
      central_difference([&](double t) { return lz::eval(f, x = t, y = py, z = pz); }, px),
      central_difference([&](double t) { return lz::eval(f, x = px, y = t, z = pz); }, py),
      central_difference([&](double t) { return lz::eval(f, x = px, y = py, z = t); }, pz)};
  double const g[3] = {gx, gy, gz};

  std::printf("generated formula, 50 nodes as written: lz::node_count(f) = %zu\n", lz::node_count(f));
  // read by scripts/compile-bench: the nodes of the tree that the gradient's reverse sweep
  // walks, f's own (lz::node_count of a gradient item would build its symbolic form)
  std::printf("result nodes: %zu\n", lz::node_count(f));
  std::printf("  f = %.17g\n", lz::eval(f, x = px, y = py, z = pz));
  int failures = 0;
  char const* const names[3] = {"x", "y", "z"};
  for (int i = 0; i < 3; ++i) {
    bool const ok = std::abs(g[i] - fd[i]) <= 1e-6 * std::abs(fd[i]);
    failures += ok ? 0 : 1;
    std::printf("  df/d%s = %+.17g  (finite differences %+.17g)%s\n", names[i], g[i], fd[i],
                ok ? "" : "  MISMATCH");
  }
  std::printf("%s\n", failures == 0 ? "OK" : "FAILED");
  return failures == 0 ? 0 : 1;
}
