// SPDX-License-Identifier: BSL-1.0
// leibniz example: softmax regression (multinomial logistic regression) with three classes,
// trained by gradient descent on a generated data set. The loss is the cross-entropy
// -mean(sum(Y * log_softmax(X W, dim -1), dim -1)) with one-hot labels Y; its gradient is
// generated at compile time and evaluated over lz::tensor each step. Prints the loss curve
// and the predicted class probabilities of three points; the exit code checks that the loss
// fell and that the model classifies the training set.
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
  constexpr lz::variable<"X"> X;  // (n, 3): two features and a column of ones
  constexpr lz::variable<"Y"> Y;  // (n, 3): one-hot labels
  constexpr lz::variable<"W"> W;  // (3, 3): the weights, one column per class
  constexpr auto scores = lz::mm(X, W);
  constexpr auto loss = -lz::mean(lz::sum(Y * lz::log_softmax(scores, lz::dim<-1>), lz::dim<-1>));
  constexpr auto gradient = lz::grad(loss, W);

  // 300 points in the square [-2, 2]^2; the class is the sector of the angle around the
  // origin (three sectors of 120 degrees)
  std::size_t const n = 300;
  lcg rng{20261207};
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < n; ++i) {
    double const a = 4 * rng.uniform() - 2, b = 4 * rng.uniform() - 2;
    int const label = b >= 0 && 0.866 * a - 0.5 * b < 0 ? 1 : b < 0 && 0.866 * a + 0.5 * b < 0 ? 2 : 0;
    xs.insert(xs.end(), {a, b, 1.0});
    for (int k = 0; k < 3; ++k) ys.push_back(k == label ? 1.0 : 0.0);
  }
  lz::tensor<double> const data(lz::shape{n, 3}, xs), labels(lz::shape{n, 3}, ys);
  lz::tensor<double> weights = lz::zeros<double>(3, 3);

  double const rate = 1.0;
  double first = 0, last = 0;
  for (int step = 0; step <= 200; ++step) {
    last = lz::eval(loss, X = data, Y = labels, W = weights).item();
    if (step == 0) first = last;
    if (step % 40 == 0) std::printf("step %3d  loss %.6f\n", step, last);
    auto const g = lz::eval(gradient, X = data, Y = labels, W = weights);
    weights -= rate * g;
  }
  // class probabilities of three points, one in each sector
  lz::tensor<double> const points{{1.5, 0.2, 1.0}, {-1.0, 1.0, 1.0}, {-0.5, -1.5, 1.0}};
  std::cout << lz::eval(lz::softmax(scores, lz::dim<1>), X = points, W = weights) << '\n';
  // --8<-- [end:train]

  // accuracy on the training set: the class of the largest score (torch.argmax(scores, 1))
  auto const predicted = lz::eval(lz::argmax(scores, lz::dim<1>), X = data, W = weights);
  auto const actual = lz::eval(lz::argmax(Y, lz::dim<1>), Y = labels);
  std::size_t right = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (predicted(i) == actual(i)) ++right;
  std::printf("accuracy %zu / %zu\n", right, n);
  return last < 0.5 * first && right >= 280 ? 0 : 1;
}
