// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: the variables of a lz::wrt bundle are numbers; a fixed tensor
// bound to one is a compile error naming the variable and the shape (a dynamic tensor
// throws, tests/runtime/calculus.cpp), not a silently summed derivative.
// LEIBNIZ_EXPECT_ERROR: wrt_variable_bound_to_a_tensor
// LEIBNIZ_EXPECT_FIRST_ERROR: wrt_variable_bound_to_a_tensor<leibniz::variable<.*>, ?leibniz::static_shape<3> ?>
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"a"> a;
  constexpr lz::variable<"b"> b;
  lz::fixed_tensor<double, 3> const A{1, 2, 3};
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const g = lz::eval(lz::grad(lz::sum(a * a) * b, a), a = A, b = 2.0);  // by the variable itself
  return g(0) > 0 ? 0 : 1;
#else
  auto const g = lz::eval(lz::grad(lz::sum(a * a) * b, lz::wrt(a, b)), a = A, b = 2.0);
  return g(0) > 0 ? 0 : 1;
#endif
}
