// SPDX-License-Identifier: BSL-1.0
// leibniz tests: lz::sparsity, nnz, sparse_indices, eval_sparse and tril, all in constant
// evaluation: the pattern is read off the types of a Jacobian or Hessian over a wrt bundle.
#include "test_tools.hpp"

#include <array>
#include <cstddef>
#include <type_traits>

namespace {

using B2 = lz::fixed_tensor<bool, 2>;
using B3 = lz::fixed_tensor<bool, 3>;
using B33 = lz::fixed_tensor<bool, 3, 3>;

// Rosenbrock's function chained over three variables: a tridiagonal Hessian.
constexpr auto f = 100_c * lz::square(y - lz::square(x)) + lz::square(1_c - x) +
                   100_c * lz::square(z - lz::square(y)) + lz::square(1_c - y);
constexpr auto xyz = lz::wrt(x, y, z);
constexpr auto H = lz::hessian(f, xyz);

static_assert(lz::sparsity(H) == B33{{true, true, false}, {true, true, true}, {false, true, true}});
static_assert(lz::nnz(H) == 7);

// The lower triangle: what Ipopt takes of a symmetric Hessian.
constexpr auto L = lz::tril(H);
static_assert(lz::sparsity(L) == B33{{true, false, false}, {true, true, false}, {false, true, true}});
static_assert(lz::nnz(L) == 5);
constexpr auto index = lz::sparse_indices(L);
static_assert(index.row == std::array<std::size_t, 5>{0, 1, 1, 2, 2});
static_assert(index.col == std::array<std::size_t, 5>{0, 0, 1, 1, 2});
static_assert(index.row_start == std::array<std::size_t, 4>{0, 1, 3, 5});

// Values of the nonzeros only, in that order. At (1, 1, 1): H = [[802, -400, 0],
// [-400, 1002, -400], [0, -400, 200]].
static_assert(lz::eval_sparse(L, x = 1.0, y = 1.0, z = 1.0) ==
              std::array<double, 5>{802, -400, 1002, -400, 200});
static_assert(lz::eval_sparse(H, x = 1.0, y = 1.0, z = 1.0) ==
              std::array<double, 7>{802, -400, -400, 1002, -400, -400, 200});
// The element type follows the bindings, as lz::eval's.
static_assert(lz::eval_sparse(L, x = 1.0f, y = 1.0f, z = 1.0f) ==
              std::array<float, 5>{802, -400, 1002, -400, 200});
// tril keeps the lower entries as they are: evaluated, it is the lower triangle of H.
static_assert(lz::eval(L, x = 1.0, y = 1.0, z = 1.0) ==
              lz::fixed_tensor<double, 3, 3>{{802, 0, 0}, {-400, 1002, 0}, {0, -400, 200}});

// A gradient is a vector: one row.
constexpr auto g = lz::grad(x * y, xyz);
static_assert(lz::sparsity(g) == B3{true, true, false});
static_assert(lz::sparse_indices(g).col == std::array<std::size_t, 2>{0, 1});
static_assert(lz::sparse_indices(g).row_start == std::array<std::size_t, 2>{0, 2});
static_assert(lz::eval_sparse(g, x = 2.0, y = 3.0, z = 0.0) == std::array<double, 2>{3, 2});

// A Jacobian with a structurally zero entry (the seed's z = (x^2, y^3) is diagonal).
constexpr auto J = lz::jacobian(lz::stack(lz::pow(x, 2_c), lz::pow(y, 3_c)), lz::wrt(x, y));
static_assert(lz::sparsity(J) == lz::fixed_tensor<bool, 2, 2>{{true, false}, {false, true}});
static_assert(lz::eval_sparse(J, x = 2.0, y = 1.0) == std::array<double, 2>{4, 3});

// Structural, not numerical: 2 x y vanishes at x = 0 and is still a nonzero.
static_assert(lz::sparsity(lz::grad(x * x * y, lz::wrt(x, y))) == B2{true, true});
static_assert(lz::eval_sparse(lz::grad(x * x * y, lz::wrt(x, y)), x = 0.0, y = 1.0) ==
              std::array<double, 2>{0, 0});

// No nonzero at all: an empty array.
constexpr auto zero_hessian = lz::hessian(2 * x + y, lz::wrt(x, y));
static_assert(lz::nnz(zero_hessian) == 0);
static_assert(lz::eval_sparse(zero_hessian, x = 1.0, y = 2.0).size() == 0);
static_assert(std::is_same_v<decltype(lz::eval_sparse(zero_hessian, x = 1.0f, y = 2.0f)), std::array<float, 0>>);

}  // namespace
