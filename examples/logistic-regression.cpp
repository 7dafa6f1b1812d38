// SPDX-License-Identifier: BSL-1.0
// leibniz example: logistic regression trained by gradient descent on a generated data
// set. The loss is the stable mean(softplus(-y (X w))), its gradient is generated at
// compile time and evaluated over lz::tensor each step; the step is tensor arithmetic,
// `weights -= rate * g`. Prints the loss curve; the exit code checks that the loss fell
// and that the model classifies the training set.
#include <leibniz/leibniz.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
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
  // --8<-- [start:train]
  constexpr lz::variable<"X"> X;
  constexpr lz::variable<"y"> y;
  constexpr lz::variable<"w"> w;
  constexpr auto loss = lz::mean(lz::softplus(-y * lz::matmul(X, w)));
  constexpr auto gradient = lz::grad(loss, w);

  // 200 points in the plane, labelled by the side of the line 2 a - b = 0.5, with a third
  // column of ones for the bias
  std::size_t const n = 200;
  lcg rng{20261206};
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < n; ++i) {
    double const a = 4 * rng.uniform() - 2, b = 4 * rng.uniform() - 2;
    xs.insert(xs.end(), {a, b, 1.0});
    ys.push_back(2 * a - b > 0.5 ? 1.0 : -1.0);
  }
  lz::tensor<double> const data(lz::shape{n, 3}, xs), labels(lz::shape{n}, ys);
  lz::tensor<double> weights = lz::zeros<double>(3);

  double const rate = 0.5;
  double first = 0, last = 0;
  for (int step = 0; step <= 100; ++step) {
    last = lz::eval(loss, X = data, y = labels, w = weights).item();
    if (step == 0) first = last;
    if (step % 20 == 0) std::printf("step %3d  loss %.6f\n", step, last);
    auto const g = lz::eval(gradient, X = data, y = labels, w = weights);
    weights -= rate * g;
  }
  std::cout << "weights " << weights << '\n';
  // --8<-- [end:train]

  // accuracy on the training set
  auto const scores = lz::eval(lz::matmul(X, w), X = data, w = weights);
  std::size_t right = 0;
  for (std::size_t i = 0; i < n; ++i) right += (scores(i) > 0) == (labels(i) > 0);
  std::printf("accuracy %zu / %zu\n", right, n);
  return last < 0.5 * first && right >= 190 ? 0 : 1;
}
