// SPDX-License-Identifier: BSL-1.0
// leibniz example: the Jacobian of a planar two-link arm's forward kinematics, written
// out as a C99 function by lz::to_c, for a controller that has no C++ compiler. Run by
// ctest; docs/codegen.md shows this file and its output.
// --8<-- [start:arm]
#include <leibniz/leibniz.hpp>

#include <iostream>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"q1"> q1;  // joint angles
  constexpr lz::variable<"q2"> q2;

  // The tip of an arm with links 1.5 and 0.75 long, and its Jacobian.
  constexpr auto tip = lz::stack(1.5 * lz::cos(q1) + 0.75 * lz::cos(q1 + q2),
                                 1.5 * lz::sin(q1) + 0.75 * lz::sin(q1 + q2));
  constexpr auto J = lz::jacobian(tip, lz::wrt(q1, q2));

  std::cout << lz::to_c(J, "arm_jacobian", lz::wrt(q1, q2));
  // --8<-- [end:arm]

  // The same Jacobian, evaluated in C++: with the arm stretched out along the x axis,
  // the tip moves along y only.
  auto const at_zero = lz::eval(J, q1 = 0.0, q2 = 0.0);
  return at_zero(1, 0) == 2.25 && at_zero(1, 1) == 0.75 && at_zero(0, 0) == 0.0 ? 0 : 1;
}
