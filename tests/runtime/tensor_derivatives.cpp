// SPDX-License-Identifier: BSL-1.0
// leibniz tests: derivatives over tensors (grad, vjp, jvp, jacobian, hessian, hvp)
// against central finite differences, and against each other.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>

namespace {

namespace lz = leibniz;
using namespace lz::literals;
using Catch::Matchers::WithinAbs;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;

/// d f / d a[i] by a central difference, f a scalar formula of a (and b).
template <class F>
lz::tensor<double> numeric_gradient(F const& f, lz::tensor<double> const& at, lz::tensor<double> const& other) {
  lz::tensor<double> g(at.shape(), 0.0);
  for (std::size_t i = 0; i < at.size(); ++i) {
    double const h = 1e-6 * std::max(1.0, std::fabs(at.data()[i]));
    lz::tensor<double> up = at, down = at;
    up.data()[i] += h;
    down.data()[i] -= h;
    g.data()[i] = (lz::eval(f, a = up, b = other).item() - lz::eval(f, a = down, b = other).item()) / (2 * h);
  }
  return g;
}

template <class F>
void check_gradient(F const& f, lz::tensor<double> const& at, lz::tensor<double> const& other) {
  INFO(lz::to_string(f));
  auto const g = lz::eval(lz::grad(f, a), a = at, b = other);
  REQUIRE(g.shape() == at.shape());
  CHECK(lz::allclose(g, numeric_gradient(f, at, other), 1e-6, 1e-7));
}

TEST_CASE("gradients over tensors match finite differences", "[tensor][grad]") {
  lz::tensor<double> const m{{0.3, -1.2, 0.7}, {1.1, 0.4, -0.5}};  // (2, 3)
  lz::tensor<double> const v{0.5, -0.25, 2.0};                     // (3,)
  lz::tensor<double> const w{{0.2, 0.1}, {-0.3, 0.8}, {0.5, -0.6}}; // (3, 2)
  check_gradient(lz::mean((a + 3) * (a + 3) * 3), m, v);
  check_gradient(lz::sum(lz::sin(a) * b), m, v);                    // b broadcast over rows
  check_gradient(lz::sum(a * b), v, m);                             // a broadcast: gradient is reduced
  check_gradient(lz::sum(lz::exp(a) / (1 + a * a)), m, v);
  check_gradient(lz::sum(lz::mm(a, b) * lz::mm(a, b)), m, w);       // mm: tensor rule
  check_gradient(lz::sum(lz::tanh(lz::mm(b, a))), w, m);            // second operand of mm
  check_gradient(lz::sum(lz::transpose(a) * lz::transpose(a)), m, v);
  check_gradient(a(1, 2) * a(0, 0) + lz::pow(a(0, 1), 3_c), m, v);  // element access
  check_gradient(lz::dot(a, b) * lz::dot(a, a), v, v);
  check_gradient(lz::sum(lz::matmul(b, a)), v, m);                  // (2, 3) @ (3,)
  check_gradient(lz::sum(lz::matmul(a, b)), lz::tensor<double>{1.5, -0.5}, m);  // (2,) @ (2, 3)
  check_gradient(lz::mean(lz::stack(a(0) * a(1), lz::sqrt(a(2) * a(2) + 1))), v, v);
  check_gradient(lz::sum(lz::pow(lz::abs(a) + 1, 1_c / 2_c) * lz::atan2(a, 2.0)), m, v);
}

TEST_CASE("the gradient with respect to an unused variable is zeros of its shape", "[tensor][grad]") {
  lz::tensor<double> const A{1, 2, 3}, B{4, 5, 6};
  CHECK(lz::eval(lz::grad(lz::sum(lz::exp(a)), b), a = A, b = B) == lz::tensor<double>{0, 0, 0});
  CHECK(lz::eval(lz::vjp(lz::exp(a), b, A), a = A, b = lz::tensor<double>{{1, 2}}) == lz::tensor<double>{{0, 0}});
}

TEST_CASE("grad with respect to several tensors gives a tuple", "[tensor][grad]") {
  lz::tensor<double> const x{{1, 2}, {3, 4}};
  lz::tensor<double> const y{{0.5, -1}, {2, 1}};
  auto const [ga, gb] = lz::eval(lz::grad(lz::sum(lz::mm(a, b)), a, b), a = x, b = y);
  // d/dA sum(A B) = 1 B^T, d/dB = A^T 1
  CHECK(ga == lz::tensor<double>{{-0.5, 3}, {-0.5, 3}});
  CHECK(gb == lz::tensor<double>{{4, 4}, {6, 6}});
}

TEST_CASE("jacobian, vjp and jvp agree; forward and reverse sweeps agree", "[tensor][jacobian]") {
  lz::tensor<double> const x{0.3, -0.8, 1.4};
  // F: (2,) from (3,): reverse sweeps (2 < 3)
  auto const F = lz::stack(lz::sum(lz::sin(a) * a), a(0) * a(2) - lz::exp(a(1)));
  auto const J = lz::eval(lz::jacobian(F, a), a = x);
  REQUIRE(J.shape() == lz::shape{2, 3});
  // G: (3, 3) from (3,): forward sweeps (3 < 9)
  auto const G = lz::stack(a * a(0), lz::cos(a), a + a(2));
  auto const JG = lz::eval(lz::jacobian(G, a), a = x);
  REQUIRE(JG.shape() == lz::shape{3, 3, 3});
  CHECK_THAT(JG(0, 1, 0), WithinAbs(x(1), 1e-15));   // d (a1 a0) / d a0
  CHECK_THAT(JG(1, 2, 2), WithinAbs(-std::sin(x(2)), 1e-15));
  for (std::size_t i = 0; i < 2; ++i) {
    lz::tensor<double> e(lz::shape{2}, 0.0);
    e(i) = 1.0;
    auto const row = lz::eval(lz::vjp(F, a, e), a = x);
    for (std::size_t j = 0; j < 3; ++j) CHECK_THAT(row(j), WithinAbs(J(i, j), 1e-14));
  }
  for (std::size_t j = 0; j < 3; ++j) {
    lz::tensor<double> t(lz::shape{3}, 0.0);
    t(j) = 1.0;
    auto const column = lz::eval(lz::jvp(F, a, t), a = x);
    for (std::size_t i = 0; i < 2; ++i) CHECK_THAT(column(i), WithinAbs(J(i, j), 1e-14));
  }
  // <v, J t> = <J^T v, t>
  lz::tensor<double> const v{0.7, -1.1};
  lz::tensor<double> const t{0.2, 0.5, -0.9};
  double const lhs = lz::eval(lz::dot(b, lz::jvp(F, a, t)), a = x, b = v).item();
  double const rhs = lz::eval(lz::dot(lz::vjp(F, a, v), b), a = x, b = t).item();
  CHECK_THAT(lhs, WithinAbs(rhs, 1e-14));
}

TEST_CASE("Hessian and Hessian-vector products over a tensor", "[tensor][hessian]") {
  lz::tensor<double> const x{0.3, -0.8, 1.4};
  auto const f = lz::sum(lz::exp(a) * lz::sin(a(0) * a)) + lz::pow(lz::dot(a, a), 2_c);
  auto const H = lz::eval(lz::hessian(f, a), a = x);
  REQUIRE(H.shape() == lz::shape{3, 3});
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 3; ++j) CHECK_THAT(H(i, j), WithinAbs(H(j, i), 1e-12));
  // columns of H against finite differences of the gradient
  auto const g = lz::grad(f, a);
  for (std::size_t j = 0; j < 3; ++j) {
    lz::tensor<double> up = x, down = x;
    up(j) += 1e-6;
    down(j) -= 1e-6;
    auto const gu = lz::eval(g, a = up), gd = lz::eval(g, a = down);
    for (std::size_t i = 0; i < 3; ++i) CHECK_THAT(H(i, j), WithinAbs((gu(i) - gd(i)) / 2e-6, 1e-6));
  }
  lz::tensor<double> const v{1.0, -2.0, 0.5};
  auto const hv = lz::eval(lz::hvp(f, a, v), a = x);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK_THAT(hv(i), WithinAbs(H(i, 0) * 1.0 - H(i, 1) * 2.0 + H(i, 2) * 0.5, 1e-12));
}

}  // namespace

namespace {
/// J (jacobian(F, v), flattened F.shape x v.shape) column by column against jvp(F, v, t)
/// for every dense one-hot t: the Jacobian's sweeps bind a one-hot seed that matrix
/// products take one row or column of; the jvp multiplies by a dense t.
template <class F, class V, class... B>
void check_jacobian_columns(F const& f, V const& var, lz::tensor<double> const& at, B const&... others) {
  INFO(lz::to_string(f));
  auto const J = lz::eval(lz::jacobian(f, var), var = at, others...);
  std::size_t const nv = at.size();
  REQUIRE(J.size() % nv == 0);
  for (std::size_t j = 0; j < nv; ++j) {
    lz::tensor<double> t(at.shape(), 0.0);
    t.data()[j] = 1.0;
    auto const column = lz::eval(lz::jvp(f, var, t), var = at, others...);
    REQUIRE(column.size() * nv == J.size());
    for (std::size_t i = 0; i < column.size(); ++i) CHECK_THAT(J.data()[i * nv + j], WithinAbs(column.data()[i], 1e-13));
  }
}
}  // namespace

TEST_CASE("Jacobians through matrix products, one-hot seeds on either side", "[tensor][jacobian]") {
  lz::tensor<double> const m23{{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
  lz::tensor<double> const m34{{1.0, 2.0, -1.0, 0.5}, {0.0, -2.0, 3.0, 1.0}, {0.25, 0.5, 0.75, -1.5}};
  lz::tensor<double> const m43{{1.0, 0.0, -1.0}, {2.0, 0.5, 0.25}, {-0.5, 1.5, 2.5}, {0.75, -0.25, 1.0}};
  lz::tensor<double> const v3{0.3, -0.7, 1.1};
  // forward sweeps (the variable has fewer elements than the output) and reverse sweeps
  check_jacobian_columns(lz::mm(a, b), a, m23, b = m34);
  check_jacobian_columns(lz::mm(a, b), b, m34, a = m23);
  check_jacobian_columns(lz::mm(a, lz::transpose(b)), a, m23, b = m43);
  check_jacobian_columns(lz::mm(lz::transpose(b), a), a, m23, b = lz::tensor<double>{{2.0, -0.5, 1.0}, {0.5, 1.0, -1.5}});
  check_jacobian_columns(lz::matmul(a, b), a, v3, b = m34);
  check_jacobian_columns(lz::matmul(b, a), a, v3, b = m23);
  check_jacobian_columns(lz::matmul(b, a), b, m23, a = v3);
  check_jacobian_columns(lz::dot(a, b), a, v3, b = lz::tensor<double>{2.0, -1.0, 0.5});
  check_jacobian_columns(lz::sin(lz::mm(a, b)) * 2.0, a, m23, b = m34);
  // fixed shapes give the same Jacobian
  lz::fixed_tensor<double, 2, 3> const f23{{0.5, -1.0, 2.0}, {1.5, 0.25, -0.75}};
  lz::fixed_tensor<double, 3, 4> const f34{{1.0, 2.0, -1.0, 0.5}, {0.0, -2.0, 3.0, 1.0}, {0.25, 0.5, 0.75, -1.5}};
  auto const fixed = lz::eval(lz::jacobian(lz::mm(a, b), a), a = f23, b = f34);
  auto const dynamic = lz::eval(lz::jacobian(lz::mm(a, b), a), a = m23, b = m34);
  REQUIRE(dynamic.shape() == lz::shape{2, 4, 2, 3});
  for (std::size_t i = 0; i < dynamic.size(); ++i) CHECK(fixed.data()[i] == dynamic.data()[i]);
}
