// SPDX-License-Identifier: BSL-1.0
// leibniz example: the sparsity of a Hessian, known at compile time, and its nonzeros in
// the triplet form a sparse solver such as Ipopt takes (the lower triangle). Run by
// ctest; docs/sparsity.md shows this file and its output.
// --8<-- [start:sparse]
#include <leibniz/leibniz.hpp>

#include <cstdio>
#include <iostream>

namespace lz = leibniz;
using namespace lz::literals;

int main() {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"y"> y;
  constexpr lz::variable<"z"> z;

  // Rosenbrock's function chained over three variables.
  constexpr auto f = 100_c * lz::square(y - lz::square(x)) + lz::square(1_c - x) +
                     100_c * lz::square(z - lz::square(y)) + lz::square(1_c - y);
  constexpr auto H = lz::tril(lz::hessian(f, lz::wrt(x, y, z)));  // the lower triangle

  // The pattern is a compile-time constant, read off the Hessian's type.
  static_assert(lz::nnz(H) == 5);
  std::cout << "pattern:\n" << lz::sparsity(H) << '\n';

  // Row and column of each nonzero (constexpr arrays), then their values at a point.
  constexpr auto index = lz::sparse_indices(H);
  auto const values = lz::eval_sparse(H, x = 1.0, y = 1.0, z = 1.0);
  for (std::size_t k = 0; k < values.size(); ++k)
    std::printf("H[%zu, %zu] = %g\n", index.row[k], index.col[k], values[k]);
  // --8<-- [end:sparse]
  return values[0] == 802.0 && values[4] == 200.0 ? 0 : 1;
}
