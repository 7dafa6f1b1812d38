// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of 100 nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed 2024 100
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = (0.7, -0.3, 1.1),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
//   tanh((sin(tanh(atan(z * sin(x)) - (y * (0.75 + (2 + tanh(z)))))) * atan(tanh(x))) +
//   sin(cos(((x - sin(cos(x))) + (sin(sin(tanh(x))) - x)) + ((x * cos(x)) * exp(x))) - x))
//   - (sin(tanh(atan((cos(z) / cos(z)) + (atan(cos(y)) + z)) + atan(tanh(y))) + atan(2.5 /
//   x)) + (((x * exp(z)) + cos((z * z) * exp(sin(atan(cos(z) / sin(z))) -
//   exp(sin(exp(y)))))) / (x * cos(sin(z)))))
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// 100 nodes as written, depth 13
constexpr auto f =
    lz::tanh((lz::sin(lz::tanh(lz::atan(z * lz::sin(x)) - (y * (0.75 + (2 + lz::tanh(z))))))
        * lz::atan(lz::tanh(x))) + lz::sin(lz::cos(((x - lz::sin(lz::cos(x))) +
        (lz::sin(lz::sin(lz::tanh(x))) - x)) + ((x * lz::cos(x)) * lz::exp(x))) - x)) -
        (lz::sin(lz::tanh(lz::atan((lz::cos(z) / lz::cos(z)) + (lz::atan(lz::cos(y)) + z)) +
        lz::atan(lz::tanh(y))) + lz::atan(2.5 / x)) + (((x * lz::exp(z)) + lz::cos((z * z) *
        lz::exp(lz::sin(lz::atan(lz::cos(z) / lz::sin(z))) - lz::exp(lz::sin(lz::exp(y))))))
        / (x * lz::cos(lz::sin(z)))));

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

  std::printf("generated formula, 100 nodes as written: lz::node_count(f) = %zu\n", lz::node_count(f));
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
