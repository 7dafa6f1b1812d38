// SPDX-License-Identifier: BSL-1.0
// leibniz example: a stable log-likelihood. The loss of logistic regression,
// mean(log(1 + exp(-y (X w)))), overflows in its naive form as soon as one margin y (X w) is
// below about -709: exp gives inf, the loss is inf and its gradient NaN. lz::softplus(-m)
// is the same function, computed without overflow, and so is its derivative. The program
// checks the stable loss and gradient against a hand-written loop (its exit code).
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstddef>
#include <iostream>

namespace lz = leibniz;

int main() {
  // --8<-- [start:stable]
  constexpr lz::variable<"X"> X;
  constexpr lz::variable<"y"> y;
  constexpr lz::variable<"w"> w;
  constexpr lz::variable<"m"> m;
  constexpr auto margin = y * lz::matmul(X, w);
  constexpr auto naive = lz::mean(lz::log(1 + lz::exp(-margin)));
  constexpr auto stable = lz::mean(lz::softplus(-margin));

  // the third sample is misclassified by a margin of 900
  lz::tensor<double> const data{{1.0, 2.0}, {-3.0, 0.5}, {1000.0, -200.0}};
  lz::tensor<double> const labels{1.0, -1.0, -1.0};
  lz::tensor<double> const weights{1.0, 0.5};

  auto const loss = lz::eval(stable, X = data, y = labels, w = weights);
  auto const grad = lz::eval(lz::grad(stable, w), X = data, y = labels, w = weights);
  std::cout << "naive loss  = " << lz::eval(naive, X = data, y = labels, w = weights) << '\n'
            << "naive grad  = " << lz::eval(lz::grad(naive, w), X = data, y = labels, w = weights) << '\n'
            << "stable loss = " << loss << '\n'
            << "stable grad = " << grad << '\n'
            << "d(softplus(-m))/dm = " << lz::d(lz::softplus(-m), m) << '\n';
  // --8<-- [end:stable]

  // the same by hand: softplus(-m_i) and its gradient -sigmoid(-m_i) y_i x_i / n
  double want_loss = 0, want_grad[2] = {0, 0};
  for (std::size_t i = 0; i < 3; ++i) {
    double const mi = labels(i) * (data(i, 0) * weights(0) + data(i, 1) * weights(1));
    want_loss += (mi < 0 ? -mi : 0.0) + std::log1p(std::exp(-std::fabs(mi)));
    double const s = mi >= 0 ? std::exp(-mi) / (1 + std::exp(-mi)) : 1 / (1 + std::exp(mi));  // sigmoid(-mi)
    for (std::size_t j = 0; j < 2; ++j) want_grad[j] -= s * labels(i) * data(i, j) / 3;
  }
  want_loss /= 3;
  bool const ok = std::fabs(loss.item() - want_loss) <= 1e-12 * want_loss &&
                  std::fabs(grad(0) - want_grad[0]) <= 1e-12 * std::fabs(want_grad[0]) &&
                  std::fabs(grad(1) - want_grad[1]) <= 1e-12 * std::fabs(want_grad[1]);
  if (!ok) std::cerr << "stable-log-likelihood: expected " << want_loss << ", [" << want_grad[0] << ", " << want_grad[1] << "]\n";
  return ok ? 0 : 1;
}
