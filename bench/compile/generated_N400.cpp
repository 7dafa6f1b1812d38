// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of 400 nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed 2024 400
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = (0.7, -0.3, 1.1),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
//   (((((tanh(z) + y) - 0.25) + (tanh(z) - y)) * cos(exp(z))) * (sin(y) * (sin(tanh((sin(x
//   / 1.25) - (x - 2.5)) - cos(exp(tanh(x))))) / tanh(z)))) - ((tanh(cos(atan(atan((tanh(z)
//   + (cos(z - (y - x)) - 0.5)) / (atan(sqrt(1 + (y + z)*(y + z)) + y) + (tanh(y) +
//   cos(cos(cos(x) - x)))))) / atan(((0.75 / y) + sin(sin(2 * tanh(x)) * tanh(y))) +
//   (((cos((exp(y * y) + exp(y)) * ((y * 0.75) * cos(atan(0.25 * y)))) / ((0.25 + y) - (z *
//   exp(y)))) - exp(atan(exp((((atan(y) + atan(y)) * tanh(tanh(cos((tanh((x * ((cos(z) -
//   (exp(y) + tanh(y))) - tanh(sqrt(1 + z*z)))) + ((tanh(z) + y) * cos(x))) + (tanh((y + z)
//   + x) / atan(tanh(z)))) / (4 / z))))) - x) * (tanh(sin(atan(((cos(z) + cos(y)) +
//   atan(atan(y))) - (x * y)) - exp((x - y) + (sin(z) * 0.25)))) * exp(tanh(sin(tanh(x) +
//   tanh((log(1 + x*x) - (z / atan(z))) + cos(exp(x + 1.5) * y)))) - tanh(atan((1.25 /
//   atan(sin(z) / sin(sin(z)))) * (atan(x) * atan(z)))))))))) + (y * x)))) +
//   atan(cos(cos((sin(cos(cos(z) * (((4 + y) - (exp(x) + 0.25)) + x))) - tanh(sin(z))) -
//   cos(atan(sin(cos(tanh(sin(x)))) / cos(log(1 + (x * (atan(z) + x))*(x * (atan(z) +
//   x))))))) - cos(sqrt(1 + ((1.5 + y) + z)*((1.5 + y) + z)))))) * (tanh(atan(cos(y) +
//   sqrt(1 + tanh(x)*tanh(x)))) - ((2 - y) * ((exp(x) * 0.75) * (y * x))))) +
//   tanh(cos((exp(sin(y) / cos(z)) + atan(cos(sin(y)) * cos(sin(atan(tanh((x * 2) - x))))))
//   + ((4 / (atan(tanh(y) * x) - exp(x))) / tanh(cos(atan(x) + y)))) / ((exp(sin(x)) *
//   exp(exp(atan(x)))) * (z + y))))
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// 400 nodes as written, depth 30
constexpr auto f =
    (((((lz::tanh(z) + y) - 0.25) + (lz::tanh(z) - y)) * lz::cos(lz::exp(z))) * (lz::sin(y)
        * (lz::sin(lz::tanh((lz::sin(x / 1.25) - (x - 2.5)) -
        lz::cos(lz::exp(lz::tanh(x))))) / lz::tanh(z)))) -
        ((lz::tanh(lz::cos(lz::atan(lz::atan((lz::tanh(z) + (lz::cos(z - (y - x)) - 0.5)) /
        (lz::atan(lz::sqrt(1 + (y + z) * (y + z)) + y) + (lz::tanh(y) +
        lz::cos(lz::cos(lz::cos(x) - x)))))) / lz::atan(((0.75 / y) + lz::sin(lz::sin(2 *
        lz::tanh(x)) * lz::tanh(y))) + (((lz::cos((lz::exp(y * y) + lz::exp(y)) * ((y *
        0.75) * lz::cos(lz::atan(0.25 * y)))) / ((0.25 + y) - (z * lz::exp(y)))) -
        lz::exp(lz::atan(lz::exp((((lz::atan(y) + lz::atan(y)) *
        lz::tanh(lz::tanh(lz::cos((lz::tanh((x * ((lz::cos(z) - (lz::exp(y) + lz::tanh(y)))
        - lz::tanh(lz::sqrt(1 + z * z)))) + ((lz::tanh(z) + y) * lz::cos(x))) + (lz::tanh((y
        + z) + x) / lz::atan(lz::tanh(z)))) / (4 / z))))) - x) *
        (lz::tanh(lz::sin(lz::atan(((lz::cos(z) + lz::cos(y)) + lz::atan(lz::atan(y))) - (x
        * y)) - lz::exp((x - y) + (lz::sin(z) * 0.25)))) *
        lz::exp(lz::tanh(lz::sin(lz::tanh(x) + lz::tanh((lz::log(1 + x * x) - (z /
        lz::atan(z))) + lz::cos(lz::exp(x + 1.5) * y)))) - lz::tanh(lz::atan((1.25 /
        lz::atan(lz::sin(z) / lz::sin(lz::sin(z)))) * (lz::atan(x) * lz::atan(z)))))))))) +
        (y * x)))) + lz::atan(lz::cos(lz::cos((lz::sin(lz::cos(lz::cos(z) * (((4 + y) -
        (lz::exp(x) + 0.25)) + x))) - lz::tanh(lz::sin(z))) -
        lz::cos(lz::atan(lz::sin(lz::cos(lz::tanh(lz::sin(x)))) / lz::cos(lz::log(1 + (x *
        (lz::atan(z) + x)) * (x * (lz::atan(z) + x))))))) - lz::cos(lz::sqrt(1 + ((1.5 + y)
        + z) * ((1.5 + y) + z)))))) * (lz::tanh(lz::atan(lz::cos(y) + lz::sqrt(1 +
        lz::tanh(x) * lz::tanh(x)))) - ((2 - y) * ((lz::exp(x) * 0.75) * (y * x))))) +
        lz::tanh(lz::cos((lz::exp(lz::sin(y) / lz::cos(z)) + lz::atan(lz::cos(lz::sin(y)) *
        lz::cos(lz::sin(lz::atan(lz::tanh((x * 2) - x)))))) + ((4 / (lz::atan(lz::tanh(y) *
        x) - lz::exp(x))) / lz::tanh(lz::cos(lz::atan(x) + y)))) / ((lz::exp(lz::sin(x)) *
        lz::exp(lz::exp(lz::atan(x)))) * (z + y))));

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

  std::printf("generated formula, 400 nodes as written: lz::node_count(f) = %zu\n", lz::node_count(f));
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
