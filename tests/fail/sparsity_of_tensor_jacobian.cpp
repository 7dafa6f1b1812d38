// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: lz::sparsity of a Jacobian over a tensor variable, which is
// evaluated by sweeps and has no per-entry types; the error says what sparsity takes.
// LEIBNIZ_EXPECT_ERROR: leibniz::sparsity\(J\): J must be a stack of formulas or a stack of stacks
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::nnz(lz::jacobian(lz::stack(x * y, x), lz::wrt(x, y))) == 3 ? 0 : 1;
#else
  return lz::nnz(lz::jacobian(x * x, x)) == 1 ? 0 : 1;
#endif
}
