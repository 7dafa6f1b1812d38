// SPDX-License-Identifier: BSL-1.0
// leibniz example: fitting y = a exp(-b t) + c to data with Levenberg-Marquardt, the
// Jacobian from lz::jacobian and the linear algebra from Eigen 3.4, then polishing the fit
// with Newton's method on lz::hessian. The data and the parameters are Eigen vectors,
// bound to variables and read in place. Run by ctest (built when Eigen is found);
// docs/eigen.md shows this file and its output.
// --8<-- [start:fit]
#include <leibniz/eigen.hpp>  // <leibniz/leibniz.hpp> plus Eigen bindings and lz::to_eigen

#include <Eigen/Dense>

#include <cmath>
#include <cstdio>

namespace lz = leibniz;
using namespace lz::literals;

int main() {
  constexpr lz::variable<"p"> p;  // the parameters (a, b, c)
  constexpr lz::variable<"t"> t;  // the data
  constexpr lz::variable<"y"> y;

  constexpr auto r = p(0) * lz::exp(-p(1) * t) + p(2) - y;  // residuals, one per point
  constexpr auto loss = lz::sum(lz::square(r)) / 2;
  constexpr auto J = lz::jacobian(r, p);  // m x 3

  // 40 points of 2.5 exp(-1.3 t) + 0.5, with a deterministic wobble.
  Eigen::VectorXd ts = Eigen::VectorXd::LinSpaced(40, 0.0, 4.0), ys(40);
  for (Eigen::Index i = 0; i < ts.size(); ++i)
    ys[i] = 2.5 * std::exp(-1.3 * ts[i]) + 0.5 + 0.01 * std::sin(7.0 * ts[i]);

  Eigen::Vector3d ps(1.0, 0.5, 0.0);  // the starting guess
  double lambda = 1e-2;
  for (int it = 0; it < 3; ++it) {
    Eigen::MatrixXd const Jm = lz::to_eigen(lz::eval(J, p = ps, t = ts, y = ys));
    Eigen::VectorXd const rv = lz::to_eigen(lz::eval(r, p = ps, t = ts, y = ys));
    Eigen::Matrix3d A = Jm.transpose() * Jm;
    A.diagonal() *= 1.0 + lambda;  // Levenberg-Marquardt damping
    Eigen::Vector3d const step = A.ldlt().solve(-Jm.transpose() * rv);
    double const before = rv.squaredNorm() / 2;
    double const after = lz::eval(loss, p = Eigen::Vector3d(ps + step), t = ts, y = ys).item();
    if (after < before) {
      ps += step;
      lambda /= 3;
    } else {
      lambda *= 4;
    }
    std::printf("LM %2d  loss %.6e  lambda %.1e\n", it, std::min(before, after), lambda);
  }

  // Newton's method on the loss from there: its gradient and Hessian, solved with Eigen
  // (quadratic convergence: the gradient's norm squares at each step).
  for (int it = 0; it < 4; ++it) {
    Eigen::Vector3d const g = lz::to_eigen(lz::eval(lz::grad(loss, p), p = ps, t = ts, y = ys));
    Eigen::Matrix3d const H = lz::to_eigen(lz::eval(lz::hessian(loss, p), p = ps, t = ts, y = ys));
    ps -= H.ldlt().solve(g);
    std::printf("Newton %d  |grad| before the step %.1e\n", it, g.norm());
  }
  std::printf("a = %.4f, b = %.4f, c = %.4f\n", ps[0], ps[1], ps[2]);
  // --8<-- [end:fit]
  return std::abs(ps[0] - 2.5) < 0.02 && std::abs(ps[1] - 1.3) < 0.02 && std::abs(ps[2] - 0.5) < 0.02 ? 0 : 1;
}
