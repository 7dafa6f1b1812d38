// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of 800 nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed 2024 800
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = (0.7, -0.3, 1.1),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
//   (exp(atan(tanh((cos(y) + (atan(y * exp(atan(atan(z)) / (1.25 + y))) + cos(z -
//   cos(sin(((exp(x) - tanh(exp(y))) * x) * (cos((cos(x) - sin(x)) / ((5 + x) - tanh(z))) /
//   (((y / (y * z)) - ((exp(sin(sin(z))) + (2 - y)) / (exp(x) - z))) - exp(log(1 +
//   exp(x)*exp(x)))))))))) + sin(z)) * ((atan(sin((sin(x + cos(y)) * sin(atan((x * x) -
//   (tanh(y) - ((exp(exp(tanh(z))) - tanh(z)) / tanh(z)))))) * (((z - tanh(x)) * (sin(z) *
//   tanh(cos(z) * x))) * sin(sqrt(1 + tanh(y)*tanh(y))))) + ((((sin(y * atan(x)) + z) -
//   atan(((z * z) * z) - (((z / y) / cos(z)) - exp(tanh(tanh(5 * atan(exp(x)))))))) *
//   cos(atan(tanh(z + 2.5)))) * (exp(tanh(z)) * (x / cos(exp(tanh(y))))))) * cos(z)) /
//   (tanh((y * sin(y - exp(x))) / atan(z)) - atan(atan(z) / exp(y * y)))))) - ((((y * (x -
//   cos(z))) + (x - exp(exp(y)))) - log(1 + exp(atan(tanh(x)))*exp(atan(tanh(x))))) +
//   (cos(x) * z))) / sin(exp(tanh((((x - tanh(y)) * exp(tanh(tanh(atan((tanh(z + x) - x) /
//   (atan(exp(cos(x)) - cos(x)) / (y * (y / y)))))))) + (((tanh(cos(z)) * (x + x)) -
//   (exp(tanh(cos(atan(z))) * exp(y)) * (cos(x) + tanh(y)))) - (0.5 - x))) / (sin(tanh((0.5
//   - atan(cos(atan(sin(x) - y)))) * ((atan(x) * 3) - tanh(exp(sin((y / atan(x)) + x) /
//   tanh(exp(tanh(exp(x)) * sin(y)))) + x)))) - ((x * y) + ((z * tanh(y)) - atan(((cos(y) *
//   x) * 2.5) * 4))))) - (((log(1 + z*z) + (sin(x) * 5)) * atan(y + (z - x))) + atan((2 *
//   x) * atan(cos(x + (cos(cos(z)) / (z + z))) - (sqrt(1 + sin(x)*sin(x)) -
//   exp(sin(z))))))) / tanh(cos(tanh(atan((cos(tanh(x)) * atan(sqrt(1 + x*x))) *
//   (((tanh(cos(z)) * sin(tanh(cos(atan((((3 * (z + x)) / ((cos(x) + sin(x)) +
//   (atan(tanh(z) * exp(x)) - z))) * (tanh(tanh(atan(y))) * x)) + (atan(atan(x)) - log(1 +
//   z*z))))))) + atan((y + (x + z)) + ((sin(cos(y) - 0.25) + (x - x)) * (5 - ((z * sin(z))
//   * y))))) * (exp((tanh(((tanh(y) * y) * sin((2.5 * atan(x)) + (sin(y) * atan(atan(((x +
//   exp(1.25 - z)) * cos(exp(x))) / (2.5 + (tanh(x) - tanh(z)))))))) /
//   ((tanh(atan(cos(sin(z + 4) * ((y * y) * (2.5 / z)))) + cos(((y / exp(y)) - z) *
//   cos(x))) + cos(exp((tanh(z + y) + y) - cos((x - z) - sin(y))))) +
//   (((tanh(sin(tanh(atan(y)) + exp(z))) + (atan(x) + atan(y * z))) + cos(cos(x))) +
//   exp(sin(y) + exp(exp(z - atan(log(1 + (sin(x) * (y - 3))*(sin(x) * (y - 3)))))))))) *
//   atan(sin(cos(y - atan(z))))) * ((x - x) * cos(x))) - (tanh((atan(tanh(z)) /
//   tanh(atan(atan(sqrt(1 + x*x))))) - sqrt(1 + exp(tanh(x))*exp(tanh(x)))) *
//   tanh(exp(tanh(tanh((cos(exp(cos(x - log(1 + sin(x)*sin(x)))) / atan(tanh(sin(exp(log(1
//   + exp(tanh(y))*exp(tanh(y))) / atan(y / sin(cos(cos(z + 0.5))))) * (atan(x) / z)) + y)
//   + sin(y - (atan(y) + (cos(atan(y)) - x))))) + ((y + atan(atan(y))) + z)) +
//   (atan(cos(z)) - y))))))))) / ((cos(z - (exp(cos(cos(exp(tanh(z) - x) + sin(x))) *
//   cos(cos(x))) * ((0.5 - sin(y)) * z))) - atan((exp(y) + z) + 2)) * (atan(cos(exp(x) -
//   3)) + ((exp(z + (z / cos(y))) - ((y * x) * sin(z))) / sin(sqrt(1 +
//   cos(z)*cos(z))))))))))
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// 800 nodes as written, depth 35
constexpr auto f =
    (lz::exp(lz::atan(lz::tanh((lz::cos(y) + (lz::atan(y * lz::exp(lz::atan(lz::atan(z)) /
        (1.25 + y))) + lz::cos(z - lz::cos(lz::sin(((lz::exp(x) - lz::tanh(lz::exp(y))) * x)
        * (lz::cos((lz::cos(x) - lz::sin(x)) / ((5 + x) - lz::tanh(z))) / (((y / (y * z)) -
        ((lz::exp(lz::sin(lz::sin(z))) + (2 - y)) / (lz::exp(x) - z))) - lz::exp(lz::log(1 +
        lz::exp(x) * lz::exp(x)))))))))) + lz::sin(z)) * ((lz::atan(lz::sin((lz::sin(x +
        lz::cos(y)) * lz::sin(lz::atan((x * x) - (lz::tanh(y) -
        ((lz::exp(lz::exp(lz::tanh(z))) - lz::tanh(z)) / lz::tanh(z)))))) * (((z -
        lz::tanh(x)) * (lz::sin(z) * lz::tanh(lz::cos(z) * x))) * lz::sin(lz::sqrt(1 +
        lz::tanh(y) * lz::tanh(y))))) + ((((lz::sin(y * lz::atan(x)) + z) - lz::atan(((z *
        z) * z) - (((z / y) / lz::cos(z)) - lz::exp(lz::tanh(lz::tanh(5 *
        lz::atan(lz::exp(x)))))))) * lz::cos(lz::atan(lz::tanh(z + 2.5)))) *
        (lz::exp(lz::tanh(z)) * (x / lz::cos(lz::exp(lz::tanh(y))))))) * lz::cos(z)) /
        (lz::tanh((y * lz::sin(y - lz::exp(x))) / lz::atan(z)) - lz::atan(lz::atan(z) /
        lz::exp(y * y)))))) - ((((y * (x - lz::cos(z))) + (x - lz::exp(lz::exp(y)))) -
        lz::log(1 + lz::exp(lz::atan(lz::tanh(x))) * lz::exp(lz::atan(lz::tanh(x))))) +
        (lz::cos(x) * z))) / lz::sin(lz::exp(lz::tanh((((x - lz::tanh(y)) *
        lz::exp(lz::tanh(lz::tanh(lz::atan((lz::tanh(z + x) - x) /
        (lz::atan(lz::exp(lz::cos(x)) - lz::cos(x)) / (y * (y / y)))))))) +
        (((lz::tanh(lz::cos(z)) * (x + x)) - (lz::exp(lz::tanh(lz::cos(lz::atan(z))) *
        lz::exp(y)) * (lz::cos(x) + lz::tanh(y)))) - (0.5 - x))) / (lz::sin(lz::tanh((0.5 -
        lz::atan(lz::cos(lz::atan(lz::sin(x) - y)))) * ((lz::atan(x) * 3) -
        lz::tanh(lz::exp(lz::sin((y / lz::atan(x)) + x) /
        lz::tanh(lz::exp(lz::tanh(lz::exp(x)) * lz::sin(y)))) + x)))) - ((x * y) + ((z *
        lz::tanh(y)) - lz::atan(((lz::cos(y) * x) * 2.5) * 4))))) - (((lz::log(1 + z * z) +
        (lz::sin(x) * 5)) * lz::atan(y + (z - x))) + lz::atan((2 * x) * lz::atan(lz::cos(x +
        (lz::cos(lz::cos(z)) / (z + z))) - (lz::sqrt(1 + lz::sin(x) * lz::sin(x)) -
        lz::exp(lz::sin(z))))))) / lz::tanh(lz::cos(lz::tanh(lz::atan((lz::cos(lz::tanh(x))
        * lz::atan(lz::sqrt(1 + x * x))) * (((lz::tanh(lz::cos(z)) *
        lz::sin(lz::tanh(lz::cos(lz::atan((((3 * (z + x)) / ((lz::cos(x) + lz::sin(x)) +
        (lz::atan(lz::tanh(z) * lz::exp(x)) - z))) * (lz::tanh(lz::tanh(lz::atan(y))) * x))
        + (lz::atan(lz::atan(x)) - lz::log(1 + z * z))))))) + lz::atan((y + (x + z)) +
        ((lz::sin(lz::cos(y) - 0.25) + (x - x)) * (5 - ((z * lz::sin(z)) * y))))) *
        (lz::exp((lz::tanh(((lz::tanh(y) * y) * lz::sin((2.5 * lz::atan(x)) + (lz::sin(y) *
        lz::atan(lz::atan(((x + lz::exp(1.25 - z)) * lz::cos(lz::exp(x))) / (2.5 +
        (lz::tanh(x) - lz::tanh(z)))))))) / ((lz::tanh(lz::atan(lz::cos(lz::sin(z + 4) * ((y
        * y) * (2.5 / z)))) + lz::cos(((y / lz::exp(y)) - z) * lz::cos(x))) +
        lz::cos(lz::exp((lz::tanh(z + y) + y) - lz::cos((x - z) - lz::sin(y))))) +
        (((lz::tanh(lz::sin(lz::tanh(lz::atan(y)) + lz::exp(z))) + (lz::atan(x) + lz::atan(y
        * z))) + lz::cos(lz::cos(x))) + lz::exp(lz::sin(y) + lz::exp(lz::exp(z -
        lz::atan(lz::log(1 + (lz::sin(x) * (y - 3)) * (lz::sin(x) * (y - 3)))))))))) *
        lz::atan(lz::sin(lz::cos(y - lz::atan(z))))) * ((x - x) * lz::cos(x))) -
        (lz::tanh((lz::atan(lz::tanh(z)) / lz::tanh(lz::atan(lz::atan(lz::sqrt(1 + x *
        x))))) - lz::sqrt(1 + lz::exp(lz::tanh(x)) * lz::exp(lz::tanh(x)))) *
        lz::tanh(lz::exp(lz::tanh(lz::tanh((lz::cos(lz::exp(lz::cos(x - lz::log(1 +
        lz::sin(x) * lz::sin(x)))) / lz::atan(lz::tanh(lz::sin(lz::exp(lz::log(1 +
        lz::exp(lz::tanh(y)) * lz::exp(lz::tanh(y))) / lz::atan(y /
        lz::sin(lz::cos(lz::cos(z + 0.5))))) * (lz::atan(x) / z)) + y) + lz::sin(y -
        (lz::atan(y) + (lz::cos(lz::atan(y)) - x))))) + ((y + lz::atan(lz::atan(y))) + z)) +
        (lz::atan(lz::cos(z)) - y))))))))) / ((lz::cos(z -
        (lz::exp(lz::cos(lz::cos(lz::exp(lz::tanh(z) - x) + lz::sin(x))) *
        lz::cos(lz::cos(x))) * ((0.5 - lz::sin(y)) * z))) - lz::atan((lz::exp(y) + z) + 2))
        * (lz::atan(lz::cos(lz::exp(x) - 3)) + ((lz::exp(z + (z / lz::cos(y))) - ((y * x) *
        lz::sin(z))) / lz::sin(lz::sqrt(1 + lz::cos(z) * lz::cos(z))))))))));

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

  std::printf("generated formula, 800 nodes as written: lz::node_count(f) = %zu\n", lz::node_count(f));
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
