// SPDX-License-Identifier: BSL-1.0
// The formulas of the lz::to_c tests: emit.cpp writes them as C, check.cpp compares the
// compiled C with lz::eval. Each case is named; its variables are x, y (and q1, q2).
#ifndef LEIBNIZ_TESTS_CODEGEN_FORMULAS_HPP
#define LEIBNIZ_TESTS_CODEGEN_FORMULAS_HPP

#include <leibniz/leibniz.hpp>

namespace codegen_cases {
namespace lz = leibniz;
using namespace lz::literals;

inline constexpr lz::variable<"x"> x;
inline constexpr lz::variable<"y"> y;
inline constexpr lz::variable<"q1"> q1;
inline constexpr lz::variable<"q2"> q2;
inline constexpr auto xy = lz::wrt(x, y);

/// Rosenbrock's function, its gradient and Hessian over the bundle (x, y).
inline constexpr auto rosenbrock = 100_c * lz::square(y - lz::square(x)) + lz::square(1_c - x);

/// Every elementwise function, exact exponents (2, 3, -1, -2, 1/2, -1/2, 1/3, 2/3), a
/// runtime exponent and a variable one, plain int and double numbers, negative numbers.
/// For x in (0, 1) and y > 0.
inline constexpr auto all_functions =
    lz::sqrt(x + y) * lz::cbrt(y) + lz::exp(-x) * lz::log(y) + lz::sin(x) * lz::cos(y) +
    lz::tan(x / 2) - lz::asin(x) * lz::acos(x) + lz::atan(y) + lz::sinh(x) * lz::cosh(y) +
    lz::tanh(x * y) + lz::abs(x - y) * lz::atan2(y, x) + lz::pow(x, 3_c) - lz::pow(y, -1_c) +
    lz::pow(x + 1, -2_c) + lz::pow(y, 1_c / 2_c) - lz::pow(y, -1_c / 2_c) + lz::pow(x, 1_c / 3_c) +
    lz::pow(y, 2_c / 3_c) + lz::pow(y, 2.5) + lz::pow(x + 1, y) - 0.1 * x + 3 * y - 2.0;

/// The numerically stable functions (C99's log1p, expm1, erf, erfc and hypot; lz_sigmoid,
/// lz_softplus and lz_logaddexp as helpers in the generated file), with arguments large
/// enough that their naive forms would overflow.
inline constexpr auto stable_functions = lz::log1p(x * y) + lz::expm1(-x) * lz::sigmoid(40 * y - 20) +
                                         lz::softplus(800 * x) - lz::hypot(x, 2 * y) +
                                         lz::logaddexp(900 * x, 900 * y) + lz::erf(x - y) * lz::erfc(2 * y);

/// Piecewise formulas: comparisons, where, relu, maximum, minimum, clamp (helpers lz_less,
/// lz_where, ... in the generated file).
inline constexpr auto piecewise =
    lz::where(x < y, x * y, y) + lz::relu(x - 0.5) + lz::maximum(x, y) * lz::clamp(y, 0.5, 1.5) -
    lz::minimum(x * x, y / 4) + (x >= 0.5) * lz::where(y <= 1, 2 * y, 1);

/// Forward kinematics of a planar two-link arm (link lengths 1.5 and 0.75), the
/// tip position as a function of the joint angles; its Jacobian over (q1, q2).
inline constexpr auto arm_tip = lz::stack(1.5 * lz::cos(q1) + 0.75 * lz::cos(q1 + q2),
                                          1.5 * lz::sin(q1) + 0.75 * lz::sin(q1 + q2));

/// The seed notebook's cell 7 over scalars: z = (x^2, y^3), and its Jacobian.
inline constexpr auto seed_z = lz::stack(lz::pow(x, 2_c), lz::pow(y, 3_c));

/// The formula of the fuzz tests' first scalar file, with every function of the
/// gradient and a third-order mixed partial.
inline constexpr auto mixed = lz::exp(x * y) / (1_c + lz::square(x)) + lz::abs(lz::sin(y));

inline auto const cases = std::tuple{
    // name, formula, the wrt bundle of its parameters
    std::tuple{"rosenbrock", rosenbrock, xy},
    std::tuple{"rosenbrock_grad", lz::grad(rosenbrock, xy), xy},
    std::tuple{"rosenbrock_hessian", lz::hessian(rosenbrock, xy), xy},
    std::tuple{"all_functions", all_functions, xy},
    std::tuple{"all_functions_grad", lz::grad(all_functions, xy), xy},
    std::tuple{"stable_functions", stable_functions, xy},
    std::tuple{"stable_functions_hessian", lz::hessian(stable_functions, xy), xy},
    std::tuple{"piecewise", piecewise, xy},
    std::tuple{"piecewise_grad", lz::grad(piecewise, xy), xy},
    std::tuple{"arm_tip", arm_tip, lz::wrt(q1, q2)},
    std::tuple{"arm_jacobian", lz::jacobian(arm_tip, lz::wrt(q1, q2)), lz::wrt(q1, q2)},
    std::tuple{"seed_jacobian", lz::jacobian(seed_z, xy), xy},
    std::tuple{"mixed_grad_tuple", lz::grad(mixed, x, y), xy},
    std::tuple{"mixed_dxyx", lz::d(mixed, x, y, x), xy},
    std::tuple{"constant_hessian", lz::hessian(x * y + 2 * x, xy), xy},
};

}  // namespace codegen_cases

#endif  // LEIBNIZ_TESTS_CODEGEN_FORMULAS_HPP
