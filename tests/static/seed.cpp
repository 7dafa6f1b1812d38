// SPDX-License-Identifier: BSL-1.0
// leibniz tests: the cells of the seed notebook (shared/seed/autograd_notebook.txt) as
// static_asserts over fixed_tensor: the derivatives are computed by the compiler.
#include "test_tools.hpp"

namespace {

constexpr lz::variable<"a"> a;
constexpr lz::variable<"m"> m;

// In [2], [3]: out = mean(3 (a + 3)^2) at a = [2, 3]; out.backward() leaves a.grad.
constexpr auto out = lz::mean((a + 3) * (a + 3) * 3);
static_assert(lz::eval(out, a = lz::fixed_tensor<float, 2>{2, 3}) == 91.5f);
static_assert(lz::eval(lz::grad(out, a), a = lz::fixed_tensor<float, 2>{2, 3}) ==
              lz::fixed_tensor<float, 2>{15, 18});

// In [4]: n = (m00^2, m01^3) at m = [[3, 4]]; n.backward([[1, 1]]) is a vjp.
constexpr auto n = lz::stack(lz::pow(m(0, 0), 2_c), lz::pow(m(0, 1), 3_c));
static_assert(lz::eval(lz::vjp(n, m, lz::fixed_tensor<float, 2>{1, 1}),
                       m = lz::fixed_tensor<float, 1, 2>{{3, 4}}) ==
              lz::fixed_tensor<float, 1, 2>{{6, 48}});

// In [6]: k = (m00^2 + 3 m01, m01^2 + 2 m00) at m = [[2, 3]]; k.backward([[1, 1]]).
constexpr auto k = lz::stack(lz::pow(m(0, 0), 2_c) + 3 * m(0, 1), lz::pow(m(0, 1), 2_c) + 2 * m(0, 0));
constexpr lz::fixed_tensor<float, 1, 2> m_at{{2, 3}};
static_assert(lz::eval(lz::vjp(k, m, lz::fixed_tensor<float, 2>{1, 1}), m = m_at) ==
              lz::fixed_tensor<float, 1, 2>{{6, 9}});

// In [7]: the Jacobian, rows are outputs: [[4, 3], [2, 6]] (shape (2, 1, 2)); the
// notebook's j holds the gradients as columns, [[4, 2], [3, 6]].
constexpr auto J = lz::eval(lz::jacobian(k, m), m = m_at);
static_assert(J(0, 0, 0) == 4 && J(0, 0, 1) == 3 && J(1, 0, 0) == 2 && J(1, 0, 1) == 6);
constexpr auto g0 = lz::vjp(k, m, lz::fixed_tensor<float, 2>{1, 0});
constexpr auto g1 = lz::vjp(k, m, lz::fixed_tensor<float, 2>{0, 1});
static_assert(lz::eval(lz::transpose(lz::stack(lz::stack(g0(0, 0), g0(0, 1)), lz::stack(g1(0, 0), g1(0, 1)))),
                       m = m_at) == lz::fixed_tensor<float, 2, 2>{{4, 2}, {3, 6}});

// The last cells: z = mm(x, y); dz[0, i]/dx[0, j] = y[j, i].
constexpr auto z = lz::mm(x, y);
constexpr lz::fixed_tensor<float, 1, 2> X{{2, 1}};
constexpr lz::fixed_tensor<float, 2, 2> Y{{1, 2}, {3, 4}};
static_assert(lz::eval(z, x = X, y = Y) == lz::fixed_tensor<float, 1, 2>{{5, 8}});
constexpr auto Jz = lz::eval(lz::jacobian(z, x), x = X, y = Y);
static_assert(Jz(0, 0, 0, 0) == 1 && Jz(0, 0, 0, 1) == 3 && Jz(0, 1, 0, 0) == 2 && Jz(0, 1, 0, 1) == 4);
static_assert(lz::eval(lz::vjp(z, x, lz::fixed_tensor<float, 1, 2>{{1, 0}}), x = X, y = Y) ==
              lz::fixed_tensor<float, 1, 2>{{1, 3}});

// Second derivatives over a tensor: the Hessian of out is 3 I, and H v.
static_assert(lz::eval(lz::hessian(out, a), a = lz::fixed_tensor<float, 2>{2, 3}) ==
              lz::fixed_tensor<float, 2, 2>{{3, 0}, {0, 3}});
static_assert(lz::eval(lz::hvp(out, a, lz::fixed_tensor<float, 2>{1, 2}), a = lz::fixed_tensor<float, 2>{2, 3}) ==
              lz::fixed_tensor<float, 2>{3, 6});

}  // namespace
