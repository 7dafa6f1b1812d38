// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of 200 nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed 2024 200
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = (0.7, -0.3, 1.1),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
//   (((0.75 * sin(z)) - x) * (((exp(z - (log(1 + (sin(z) * z)*(sin(z) * z)) + log(1 +
//   x*x))) - exp(y)) - cos((z - ((sin(tanh(z) + 5) - cos(y / sin(sin(sin(x))))) + (y +
//   (exp(z) * atan(x))))) - sin((atan(y) + (((0.75 / ((x / y) - sin(y))) + tanh(z)) -
//   sin(y))) / (exp(y) + z)))) + cos(atan(((((sin(y) * z) + atan(atan(atan(atan(y))))) * z)
//   * (((cos(y) / y) + x) + atan(sin(2 / x)))) - ((exp(exp(y / z) * tanh(tanh((sin(x / x) *
//   atan(cos(z))) + 4))) * (exp(x) - z)) / y)) - ((tanh((z * tanh(y + z)) + cos(tanh(log(1
//   + tanh(x)*tanh(x))))) + tanh(z)) + tanh(1.5 - atan(y)))))) * (cos((tanh(tanh(tanh(z)))
//   - cos(exp(x) * exp(y))) + exp(exp(tanh((x * (atan(x) + tanh(z))) * (y * x))))) - exp((2
//   / (0.25 / y)) * z))
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// 200 nodes as written, depth 18
constexpr auto f =
    (((0.75 * lz::sin(z)) - x) * (((lz::exp(z - (lz::log(1 + (lz::sin(z) * z) * (lz::sin(z)
        * z)) + lz::log(1 + x * x))) - lz::exp(y)) - lz::cos((z - ((lz::sin(lz::tanh(z) + 5)
        - lz::cos(y / lz::sin(lz::sin(lz::sin(x))))) + (y + (lz::exp(z) * lz::atan(x))))) -
        lz::sin((lz::atan(y) + (((0.75 / ((x / y) - lz::sin(y))) + lz::tanh(z)) -
        lz::sin(y))) / (lz::exp(y) + z)))) + lz::cos(lz::atan(((((lz::sin(y) * z) +
        lz::atan(lz::atan(lz::atan(lz::atan(y))))) * z) * (((lz::cos(y) / y) + x) +
        lz::atan(lz::sin(2 / x)))) - ((lz::exp(lz::exp(y / z) * lz::tanh(lz::tanh((lz::sin(x
        / x) * lz::atan(lz::cos(z))) + 4))) * (lz::exp(x) - z)) / y)) - ((lz::tanh((z *
        lz::tanh(y + z)) + lz::cos(lz::tanh(lz::log(1 + lz::tanh(x) * lz::tanh(x))))) +
        lz::tanh(z)) + lz::tanh(1.5 - lz::atan(y)))))) *
        (lz::cos((lz::tanh(lz::tanh(lz::tanh(z))) - lz::cos(lz::exp(x) * lz::exp(y))) +
        lz::exp(lz::exp(lz::tanh((x * (lz::atan(x) + lz::tanh(z))) * (y * x))))) -
        lz::exp((2 / (0.25 / y)) * z));

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

  std::printf("generated formula, 200 nodes as written: lz::node_count(f) = %zu\n", lz::node_count(f));
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
