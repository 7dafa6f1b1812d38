// SPDX-License-Identifier: BSL-1.0
// leibniz example: a small multilayer perceptron (2 inputs and a bias, 16 hidden relu
// units, 1 output) fitted by gradient descent to a generated regression problem,
// t = sin(2 a) cos(b). One lz::eval gives the gradient with respect to both weight
// matrices; the step is tensor arithmetic, `first -= rate * g1`. Prints the loss curve;
// the exit code checks that the loss fell to a quarter.
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <tuple>
#include <vector>

namespace lz = leibniz;

namespace {
/// A small deterministic generator (no <random>: the same numbers on every library).
struct lcg {
  std::uint64_t state;
  double uniform() {  // in [0, 1)
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) * 0x1p-53;
  }
};
}  // namespace

int main() {
  // --8<-- [start:mlp]
  constexpr lz::variable<"X"> X;
  constexpr lz::variable<"t"> t;
  constexpr lz::variable<"W1"> W1;
  constexpr lz::variable<"W2"> W2;
  constexpr auto predicted = lz::mm(lz::relu(lz::mm(X, W1)), W2);
  constexpr auto loss = lz::mean(lz::square(predicted - t));
  constexpr auto gradients = lz::grad(loss, W1, W2);  // a tuple: d loss/d W1, d loss/d W2

  std::size_t const n = 256, hidden = 16;
  lcg rng{7};
  std::vector<double> xs, ts, w1(3 * hidden), w2(hidden);
  for (std::size_t i = 0; i < n; ++i) {
    double const a = 2 * rng.uniform() - 1, b = 2 * rng.uniform() - 1;
    xs.insert(xs.end(), {a, b, 1.0});  // the ones column is the hidden layer's bias
    ts.push_back(std::sin(2 * a) * std::cos(b));
  }
  for (double& v : w1) v = rng.uniform() - 0.5;
  for (double& v : w2) v = rng.uniform() - 0.5;
  lz::tensor<double> const data(lz::shape{n, 3}, xs), target(lz::shape{n, 1}, ts);
  lz::tensor<double> first(lz::shape{3, hidden}, w1), second(lz::shape{hidden, 1}, w2);

  double const rate = 0.2;
  double start = 0, end = 0;
  for (int step = 0; step <= 500; ++step) {
    end = lz::eval(loss, X = data, t = target, W1 = first, W2 = second).item();
    if (step == 0) start = end;
    if (step % 100 == 0) std::printf("step %3d  loss %.6f\n", step, end);
    auto const [g1, g2] = lz::eval(gradients, X = data, t = target, W1 = first, W2 = second);
    first -= rate * g1;
    second -= rate * g2;
  }
  // --8<-- [end:mlp]
  return end < 0.25 * start ? 0 : 1;
}
