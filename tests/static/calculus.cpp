// SPDX-License-Identifier: BSL-1.0
// leibniz tests: wrt bundles, grad, jacobian, hessian, vjp, jvp, hvp in constant evaluation.
#include "test_tools.hpp"

#include <cstddef>
#include <tuple>
#include <type_traits>

namespace {

constexpr auto f = x * x * y + lz::sin(y);

// grad over a bundle evaluates to a fixed_tensor vector.
static_assert(lz::eval(lz::grad(f, lz::wrt(x, y)), x = 2.0, y = 0.0) ==
              lz::fixed_tensor<double, 2>{0, 5});
static_assert(lz::eval(lz::grad(f, lz::wrt(x, y)), x = 2.0f, y = 0.0f) ==
              lz::fixed_tensor<float, 2>{0, 5});

// Jacobian: rows are outputs, columns are inputs (the seed's cell 7).
constexpr lz::variable<"m0"> m0;
constexpr lz::variable<"m1"> m1;
constexpr auto k = lz::stack(lz::pow(m0, 2_c) + 3 * m1, lz::pow(m1, 2_c) + 2 * m0);
static_assert(lz::eval(lz::jacobian(k, lz::wrt(m0, m1)), m0 = 2.0f, m1 = 3.0f) ==
              lz::fixed_tensor<float, 2, 2>{{4, 3}, {2, 6}});

// Hessian of f: [[2y, 2x], [2x, -sin(y)]].
static_assert(lz::eval(lz::hessian(f, lz::wrt(x, y)), x = 2.0, y = 0.0) ==
              lz::fixed_tensor<double, 2, 2>{{0, 4}, {4, 0}});

// vjp, jvp, hvp.
static_assert(lz::eval(lz::vjp(k, lz::wrt(m0, m1), lz::fixed_tensor<float, 2>{1, 1}), m0 = 2.0f,
                       m1 = 3.0f) == lz::fixed_tensor<float, 2>{6, 9});
static_assert(lz::eval(lz::jvp(k, lz::wrt(m0, m1), lz::fixed_tensor<double, 2>{1, 0}), m0 = 2.0,
                       m1 = 3.0) == lz::fixed_tensor<double, 2>{4, 2});
static_assert(lz::eval(lz::hvp(f, lz::wrt(x, y), lz::fixed_tensor<double, 2>{1, 1}), x = 2.0,
                       y = 0.0) == lz::fixed_tensor<double, 2>{4, 4});

// A single variable: grad is the adjoint (reverse) form, equal in value to d; the
// Jacobian of a stack with respect to a scalar variable is a vector.
static_assert(lz::eval(lz::grad(f, x), x = 2.0, y = 3.0) == lz::eval(lz::d(f, x), x = 2.0, y = 3.0));
static_assert(lz::eval(lz::grad(f, y), x = 2.0, y = 0.0) == 5.0);
static_assert(lz::eval(lz::jacobian(k, m0), m0 = 2.0, m1 = 3.0) == lz::fixed_tensor<double, 2>{4, 2});
static_assert(lz::eval(lz::hessian(f, x), x = 2.0, y = 3.0) == 6.0);

// A family of variables: names x0, x1, ..., x10; usable in lz::wrt (alone or with others),
// in structured bindings, item by item, and summed over with lz::sum_over.
constexpr auto xs = lz::variables<"x", 11>;
static_assert(std::is_same_v<std::remove_cvref_t<decltype(xs.get<0>())>, lz::variable<"x0">>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(xs.get<10>())>, lz::variable<"x10">>);
static_assert(std::is_same_v<std::remove_cvref_t<decltype(xs[std::integral_constant<std::size_t, 3>{}])>,
                             lz::variable<"x3">>);
static_assert(xs.size() == 11 && std::tuple_size_v<std::remove_cvref_t<decltype(xs)>> == 11);
static_assert(std::is_same_v<decltype(lz::wrt(lz::variables<"q", 2>, y)),
                             lz::wrt_t<lz::variable<"q0">, lz::variable<"q1">, lz::variable<"y">>>);
// --8<-- [start:family]
// the chained Rosenbrock function over x0, ..., x10, and its tridiagonal Hessian
constexpr auto chain = lz::sum_over<10>([](auto i) {
  return 100_c * lz::square(xs.get<i + 1>() - lz::square(xs[i])) + lz::square(1_c - xs[i]);
});
static_assert(lz::nnz(lz::tril(lz::hessian(chain, lz::wrt(xs)))) == 21);  // 2n - 1 nonzeros
// --8<-- [end:family]
constexpr auto family_sum = [] {
  auto [q0, q1, q2] = lz::variables<"q", 3>;
  return lz::eval(lz::grad(q0 * q1 * q2, lz::wrt(lz::variables<"q", 3>)), q0 = 2.0, q1 = 3.0, q2 = 5.0);
}();
static_assert(family_sum == lz::fixed_tensor<double, 3>{15, 10, 6});

// Jacobians of matrix products with several rows and columns, evaluated by one-hot sweeps:
// the product of a one-hot seed writes one row (or column) of its result and must leave the
// others zero (jacobian_into writes into storage that is not zeroed first).
constexpr lz::variable<"p"> p;
constexpr lz::variable<"q"> q;
constexpr lz::fixed_tensor<double, 2, 2> P{{1, 2}, {3, 4}};
constexpr lz::fixed_tensor<double, 2, 3> Q{{5, 6, 7}, {8, 9, 10}};
// d(P Q)[i, j] / dP[k, l] = [i == k] Q[l, j]; d(P Q)[i, j] / dQ[k, l] = P[i, k] [j == l]
constexpr auto jp = lz::eval(lz::jacobian(lz::mm(p, q), p), p = P, q = Q);
constexpr auto jq = lz::eval(lz::jacobian(lz::mm(p, q), q), p = P, q = Q);
static_assert(std::is_same_v<decltype(jp), lz::fixed_tensor<double, 2, 3, 2, 2> const>);
constexpr bool product_jacobians_ok = [] {
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      for (std::size_t k = 0; k < 2; ++k)
        for (std::size_t l = 0; l < 2; ++l)
          if (jp(i, j, k, l) != (i == k ? Q(l, j) : 0.0)) return false;
      for (std::size_t k = 0; k < 2; ++k)
        for (std::size_t l = 0; l < 3; ++l)
          if (jq(i, j, k, l) != (j == l ? P(i, k) : 0.0)) return false;
    }
  return true;
}();
static_assert(product_jacobians_ok);

// fixed_tensor is usable in constant evaluation.
constexpr lz::fixed_tensor<double, 2, 3> t{{1, 2, 3}, {4, 5, 6}};
static_assert(t(1, 2) == 6 && t.size() == 6 && t.shape()[0] == 2 && t.shape()[1] == 3);

}  // namespace
