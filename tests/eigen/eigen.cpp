// SPDX-License-Identifier: BSL-1.0
// <leibniz/eigen.hpp>: Eigen vectors and matrices of every storage kind bound to variables
// give the values of the same data bound as lz::tensor, with no more allocations (read in
// place, not copied); fixed sizes give fixed_tensor results; lz::to_eigen.
#include "../counting_new.hpp"

#include <leibniz/eigen.hpp>

#include <Eigen/Dense>
#include <catch2/catch.hpp>

#include <cstddef>
#include <type_traits>

// Allocations of operator new are counted (Eigen's own storage comes from malloc, so only
// leibniz's allocations are).

namespace lz = leibniz;
using namespace lz::literals;

namespace {
constexpr lz::variable<"x"> x;
constexpr lz::variable<"A"> A;

/// The same elements as an lz::tensor (row-major copy), the reference.
lz::tensor<double> as_tensor(Eigen::MatrixXd const& m) {
  lz::tensor<double> t(lz::shape{static_cast<std::size_t>(m.rows()), static_cast<std::size_t>(m.cols())}, 0.0);
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) t(i, j) = m(i, j);
  return t;
}
lz::tensor<double> as_vector_tensor(Eigen::VectorXd const& v) {
  lz::tensor<double> t(lz::shape{static_cast<std::size_t>(v.size())}, 0.0);
  for (Eigen::Index i = 0; i < v.size(); ++i) t(i) = v[i];
  return t;
}

/// The allocations of f's first call on a new thread: lz::eval's pool of temporaries is
/// empty there, so every temporary counts (later calls reuse the pool's buffers).
template <class F>
long allocations_of(F f) {
  decltype(f()) keep{};
  return counting_new::first_and_second(f, keep).first;
}

Eigen::MatrixXd matrix() {
  Eigen::MatrixXd m(3, 4);
  m << 1, -2, 3, 4, 5, 6, -7, 8, 9, 10, 11, -12;
  return m;
}
}  // namespace

// A formula with elementwise operations, broadcasting, a reduction and a product.
constexpr auto f = lz::sum(lz::square(A) * 2 + lz::sin(A)) + lz::sum(lz::matmul(A, x));
constexpr auto g = lz::grad(lz::sum(lz::exp(A / 10) * A) + lz::sum(lz::matmul(A, x)), A);

TEST_CASE("eigen: matrices of every storage order and stride give lz::tensor's values", "[eigen]") {
  Eigen::MatrixXd const m = matrix();                                       // column-major
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> const rm = m;  // row-major
  Eigen::MatrixXd big(6, 9);
  big.setZero();
  big.block(1, 2, 3, 4) = m;  // a block: outer stride 6
  Eigen::VectorXd const v = Eigen::VectorXd::LinSpaced(4, 0.5, 2.0);
  auto const want_f = lz::eval(f, A = as_tensor(m), x = as_vector_tensor(v));
  auto const want_g = lz::eval(g, A = as_tensor(m), x = as_vector_tensor(v));
  CHECK(lz::allclose(lz::eval(f, A = m, x = v), want_f, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(f, A = rm, x = v), want_f, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(f, A = big.block(1, 2, 3, 4), x = v), want_f, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(g, A = m, x = v), want_g, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(g, A = rm, x = v), want_g, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(g, A = big.block(1, 2, 3, 4), x = v), want_g, 1e-15, 0));
  // A Map over raw storage and a Ref.
  Eigen::Map<Eigen::MatrixXd const> const map(m.data(), 3, 4);
  Eigen::Ref<Eigen::MatrixXd const> const ref(m);
  CHECK(lz::allclose(lz::eval(g, A = map, x = v), want_g, 1e-15, 0));
  CHECK(lz::allclose(lz::eval(g, A = ref, x = v), want_g, 1e-15, 0));
}

TEST_CASE("eigen: vectors, rows, columns and strided maps bind as 1-D tensors", "[eigen]") {
  Eigen::MatrixXd const m = matrix();
  // A row of a column-major matrix has inner stride 3; a column is contiguous.
  CHECK(lz::eval(x * 2, x = m.row(1)) == lz::tensor<double>{10, 12, -14, 16});
  CHECK(lz::eval(x * 2, x = m.col(2)) == lz::tensor<double>{6, -14, 22});
  double raw[] = {1, 100, 2, 100, 3, 100};
  Eigen::Map<Eigen::VectorXd const, 0, Eigen::InnerStride<2>> const every_other(raw, 3);
  CHECK(lz::eval(lz::dot(x, x), x = every_other) == lz::tensor<double>(lz::shape{}, 14.0));
  Eigen::RowVectorXd const row = Eigen::RowVectorXd::LinSpaced(3, 1, 3);
  CHECK(lz::eval(lz::grad(lz::sum(x * x * x), x), x = row) == lz::tensor<double>{3, 12, 27});
}

TEST_CASE("eigen: fixed sizes give fixed_tensor results, as fixed_tensor bindings do", "[eigen]") {
  Eigen::Vector3d const v(1, 2, 3);
  Eigen::Matrix<double, 2, 3> const m = (Eigen::Matrix<double, 2, 3>() << 1, 2, 3, 4, 5, 6).finished();
  auto const y = lz::eval(lz::matmul(A, x), A = m, x = v);
  STATIC_REQUIRE(std::is_same_v<decltype(y), lz::fixed_tensor<double, 2> const>);
  CHECK(y == lz::fixed_tensor<double, 2>{14, 32});
  auto const J = lz::eval(lz::jacobian(lz::matmul(A, x), x), A = m, x = v);
  STATIC_REQUIRE(std::is_same_v<decltype(J), lz::fixed_tensor<double, 2, 3> const>);
  CHECK(J == lz::fixed_tensor<double, 2, 3>{{1, 2, 3}, {4, 5, 6}});
  Eigen::Vector3f const vf(1, 2, 3);
  auto const s = lz::eval(lz::sum(x * x), x = vf);  // float in, float out
  STATIC_REQUIRE(std::is_same_v<decltype(s), float const>);
  CHECK(s == 14.0f);
}

TEST_CASE("eigen: bound operands are read in place, not copied", "[eigen]") {
  Eigen::MatrixXd const m = matrix();
  Eigen::VectorXd const v = Eigen::VectorXd::LinSpaced(4, 0.5, 2.0);
  lz::tensor<double> const tm = as_tensor(m);
  lz::tensor<double> const tv = as_vector_tensor(v);
  constexpr auto elementwise = lz::grad(lz::sum(lz::exp(A / 10) * A), A);
  // Row-major contiguous: read exactly like an lz::tensor, elementwise and in products.
  Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> const rm = m;
  CHECK(allocations_of([&] { return lz::eval(elementwise, A = rm); }) ==
        allocations_of([&] { return lz::eval(elementwise, A = tm); }));
  CHECK(allocations_of([&] { return lz::eval(g, A = rm, x = v); }) ==
        allocations_of([&] { return lz::eval(g, A = tm, x = tv); }));
  // Column-major and strided: elementwise operations and reductions read in place.
  CHECK(allocations_of([&] { return lz::eval(elementwise, A = m); }) ==
        allocations_of([&] { return lz::eval(elementwise, A = tm); }));
  CHECK(allocations_of([&] { return lz::eval(lz::sum(A * A), A = m.block(0, 1, 3, 2)); }) ==
        allocations_of([&] { return lz::eval(lz::sum(A * A), A = tm); }));
  // A matrix product reads its operands row-major: a column-major operand is copied once
  // per product (docs/eigen.md).
  CHECK(allocations_of([&] { return lz::eval(lz::matmul(A, x), A = m, x = v); }) ==
        allocations_of([&] { return lz::eval(lz::matmul(A, x), A = tm, x = tv); }) + 1);
}

TEST_CASE("eigen: to_eigen", "[eigen]") {
  Eigen::Vector2d const want_v(15, 18);
  CHECK(lz::to_eigen(lz::fixed_tensor<double, 2>{15, 18}) == want_v);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::to_eigen(lz::fixed_tensor<float, 2, 3>{})), Eigen::Matrix<float, 2, 3>>);
  Eigen::Matrix<double, 2, 3> want_m;
  want_m << 1, 2, 3, 4, 5, 6;
  CHECK(lz::to_eigen(lz::fixed_tensor<double, 2, 3>{{1, 2, 3}, {4, 5, 6}}) == want_m);
  CHECK(lz::to_eigen(lz::tensor<double>{{1, 2, 3}, {4, 5, 6}}) == Eigen::MatrixXd(want_m));
  Eigen::MatrixXd const col = lz::to_eigen(lz::tensor<double>{1, 2});
  CHECK(col.rows() == 2);
  CHECK(col.cols() == 1);
  CHECK_THROWS_WITH(lz::to_eigen(lz::tensor<double>(lz::shape{2, 2, 2}, 0.0)),
                    "leibniz::to_eigen: needs a 1-D or 2-D tensor, got shape (2, 2, 2)");
}
