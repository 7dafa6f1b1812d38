// SPDX-License-Identifier: BSL-1.0
// leibniz tests: formulas over tensors: broadcasting, reductions, products, element
// access, stack, the shape errors, and the result types of eval.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <type_traits>
#include <vector>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;

TEST_CASE("elementwise operations broadcast by NumPy's rules", "[tensor_eval]") {
  lz::tensor<double> const col{{1}, {2}};       // (2, 1)
  lz::tensor<double> const row{10, 20, 30};    // (3,)
  CHECK(lz::eval(a + b, a = col, b = row) == lz::tensor<double>{{11, 21, 31}, {12, 22, 32}});
  CHECK(lz::eval(a * b - 1, a = col, b = row) == lz::tensor<double>{{9, 19, 29}, {19, 39, 59}});
  CHECK(lz::eval(a / b, a = row, b = 10.0) == lz::tensor<double>{1, 2, 3});
  CHECK(lz::eval(-a, a = row) == lz::tensor<double>{-10, -20, -30});
  auto const s = lz::eval(lz::sin(a) * lz::exp(b), a = row, b = col);
  REQUIRE(s.shape() == lz::shape{2, 3});
  CHECK(s(1, 2) == std::sin(30.0) * std::exp(2.0));
  CHECK(lz::eval(lz::pow(a, 2_c), a = row) == lz::tensor<double>{100, 400, 900});
  CHECK(lz::eval(lz::pow(a, b), a = lz::tensor<double>{2, 3}, b = 2.0) == lz::tensor<double>{4, 9});
  CHECK(lz::eval(lz::atan2(a, b), a = lz::tensor<double>{1, -1}, b = 1.0) ==
        lz::tensor<double>{std::atan2(1.0, 1.0), std::atan2(-1.0, 1.0)});
}

TEST_CASE("reductions, products, transpose, element access, stack", "[tensor_eval]") {
  lz::tensor<double> const m{{1, 2}, {3, 4}};
  CHECK(lz::eval(lz::sum(a), a = m).item() == 10.0);
  CHECK(lz::eval(lz::mean(a * a), a = m).item() == 7.5);
  CHECK(lz::eval(lz::mm(a, b), a = m, b = m) == lz::tensor<double>{{7, 10}, {15, 22}});
  CHECK(lz::eval(lz::transpose(a), a = m) == lz::tensor<double>{{1, 3}, {2, 4}});
  CHECK(lz::eval(a(1, 0) * 2, a = m).item() == 6.0);
  CHECK(lz::eval(lz::stack(a(0, 0), a(1, 1)), a = m) == lz::tensor<double>{1, 4});
  CHECK(lz::eval(lz::stack(lz::stack(a(0, 0), a(0, 1)), lz::stack(a(1, 0), a(1, 1))), a = m) == m);
  CHECK(lz::eval(lz::stack(a, a * 2), a = lz::tensor<double>{1, 2}) == lz::tensor<double>{{1, 2}, {2, 4}});
  // matmul: torch's rules for 1-D and 2-D operands
  lz::tensor<double> const v{1, 1};
  CHECK(lz::eval(lz::matmul(a, b), a = m, b = v) == lz::tensor<double>{3, 7});
  CHECK(lz::eval(lz::matmul(a, b), a = v, b = m) == lz::tensor<double>{4, 6});
  CHECK(lz::eval(lz::matmul(a, b), a = v, b = v).item() == 2.0);
  CHECK(lz::eval(lz::matmul(a, b), a = m, b = m) == lz::tensor<double>{{7, 10}, {15, 22}});
  CHECK(lz::eval(lz::dot(a, b), a = lz::tensor<double>{1, 2, 3}, b = lz::tensor<double>{4, 5, 6}).item() == 32.0);
}

// Reference product of row-major m x n and n x p matrices given as element functions.
template <class X, class Y>
lz::tensor<double> reference_product(std::size_t m, std::size_t n, std::size_t p, X const& x, Y const& y) {
  lz::tensor<double> out(lz::shape{m, p}, 0.0);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < p; ++j)
      for (std::size_t k = 0; k < n; ++k) out(i, j) += x(i, k) * y(k, j);
  return out;
}

TEST_CASE("products of transposed operands (read in place, not materialised)", "[tensor_eval]") {
  // A is 2 x 3, C is 5 x 3: A C^T (2 x 5), C^T C (3 x 3), C^T (A C^T)^T (3 x 2), C^T v
  lz::tensor<double> const A{{1, 2, 3}, {4, 5, 6}};
  lz::tensor<double> const C{{1, 0, 2}, {-1, 3, 1}, {0.5, 2, 2}, {1, 1, 1}, {2, -2, 0.25}};
  lz::fixed_tensor<double, 2, 3> const Af{{1., 2., 3.}, {4., 5., 6.}};
  lz::fixed_tensor<double, 5, 3> const Cf{{1., 0., 2.}, {-1., 3., 1.}, {0.5, 2., 2.}, {1., 1., 1.}, {2., -2., 0.25}};
  auto const at = [](auto const& t) { return [&t](std::size_t i, std::size_t j) { return t(j, i); }; };
  auto const as = [](auto const& t) { return [&t](std::size_t i, std::size_t j) { return t(i, j); }; };
  auto const same = [](auto const& r, lz::tensor<double> const& want) {
    REQUIRE(r.shape()[0] == want.shape()[0]);
    REQUIRE(r.shape()[1] == want.shape()[1]);
    for (std::size_t i = 0; i < want.shape()[0]; ++i)
      for (std::size_t j = 0; j < want.shape()[1]; ++j) CHECK(r(i, j) == Approx(want(i, j)).epsilon(1e-15));
  };
  lz::tensor<double> const a_ct = reference_product(2, 3, 5, as(A), at(C));   // A C^T
  lz::tensor<double> const ct_c = reference_product(3, 5, 3, at(C), as(C));   // C^T C
  lz::tensor<double> const ct_act = reference_product(3, 5, 2, at(C), at(a_ct));  // C^T (A C^T)^T
  same(lz::eval(lz::mm(a, lz::transpose(b)), a = A, b = C), a_ct);
  same(lz::eval(lz::mm(a, lz::transpose(b)), a = Af, b = Cf), a_ct);
  same(lz::eval(lz::matmul(a, lz::transpose(b)), a = A, b = C), a_ct);
  same(lz::eval(lz::mm(lz::transpose(b), b), b = C), ct_c);
  same(lz::eval(lz::mm(lz::transpose(b), b), b = Cf), ct_c);
  same(lz::eval(lz::matmul(lz::transpose(b), b), b = C), ct_c);
  // both operands transposed: C^T (A C^T)^T
  same(lz::eval(lz::mm(lz::transpose(b), lz::transpose(lz::mm(a, lz::transpose(b)))), a = A, b = C), ct_act);
  same(lz::eval(lz::mm(lz::transpose(b), lz::transpose(lz::mm(a, lz::transpose(b)))), a = Af, b = Cf), ct_act);
  // matrix-vector
  lz::tensor<double> const v{1, 2, 3, 4, 5};
  lz::tensor<double> const ct_v = reference_product(3, 5, 1, at(C), [&](std::size_t k, std::size_t) { return v(k); });
  auto const r = lz::eval(lz::matmul(lz::transpose(b), a), a = v, b = C);
  REQUIRE(r.shape() == lz::shape{3});
  for (std::size_t i = 0; i < 3; ++i) CHECK(r(i) == Approx(ct_v(i, 0)).epsilon(1e-15));
  // matrix times vector (one dot product per row, four partial sums and a rest of 3) and
  // times a one-column matrix, fixed and dynamic
  lz::tensor<double> X(lz::shape{3, 7}, 0.0);
  lz::tensor<double> u(lz::shape{7}, 0.0);
  for (std::size_t i = 0; i < X.size(); ++i) X.data()[i] = std::sin(0.7 * static_cast<double>(i)) + 0.1;
  for (std::size_t k = 0; k < 7; ++k) u.data()[k] = 1.0 / (1.0 + static_cast<double>(k));
  lz::tensor<double> const x_u = reference_product(3, 7, 1, as(X), [&](std::size_t k, std::size_t) { return u(k); });
  lz::fixed_tensor<double, 3, 7> Xf;
  lz::fixed_tensor<double, 7> uf;
  lz::fixed_tensor<double, 7, 1> Uf;
  std::copy(X.data(), X.data() + X.size(), Xf.data());
  std::copy(u.data(), u.data() + u.size(), uf.data());
  std::copy(u.data(), u.data() + u.size(), Uf.data());
  auto const xu = lz::eval(lz::matmul(a, b), a = X, b = u);
  auto const xuf = lz::eval(lz::matmul(a, b), a = Xf, b = uf);
  auto const xUf = lz::eval(lz::mm(a, b), a = Xf, b = Uf);
  REQUIRE(xu.shape() == lz::shape{3});
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(xu(i) == Approx(x_u(i, 0)).epsilon(1e-15));
    CHECK(xuf(i) == xu(i));
    CHECK(xUf(i, 0) == xu(i));
  }
  // shapes are those of the transpose, in the errors too
  CHECK_THROWS_WITH(lz::eval(lz::mm(lz::transpose(a), b), a = A, b = C),
                    Catch::Matchers::StartsWith("leibniz: mm: shapes (3, 2) and (5, 3) do not fit"));
  CHECK_THROWS_WITH(lz::eval(lz::mm(lz::transpose(a), b), a = v, b = C),
                    "leibniz: transpose: needs a 2-D operand, got shape (5,)");
}

TEST_CASE("the row dot products of a product, two rows at a time, are dot4's bit for bit", "[tensor_eval]") {
  // mm(a, transpose(c)) takes two rows of c per pass (detail::dot4_pair); each result must
  // be the single-row sum exactly, with the same partial sums, whatever the length's tail
  for (std::size_t n : {0u, 1u, 2u, 3u, 4u, 5u, 7u, 8u, 63u, 64u, 65u}) {
    std::vector<double> x(n), y0(n), y1(n);
    for (std::size_t k = 0; k < n; ++k) {
      x[k] = std::sin(1.0 + 0.7 * static_cast<double>(k));
      y0[k] = std::cos(0.3 * static_cast<double>(k)) * 1e3;
      y1[k] = 1.0 / (1.0 + static_cast<double>(k)) - 0.25;
    }
    double r0 = -1, r1 = -1;
    lz::detail::dot4_pair(x.data(), y0.data(), y1.data(), n, r0, r1);
    CHECK(r0 == lz::detail::dot4(x.data(), y0.data(), n));
    CHECK(r1 == lz::detail::dot4(x.data(), y1.data(), n));
    std::vector<float> xf(x.begin(), x.end()), yf(y0.begin(), y0.end());
    float f0 = -1, f1 = -1;
    lz::detail::dot4_pair(xf.data(), yf.data(), xf.data(), n, f0, f1);
    CHECK(f0 == lz::detail::dot4(xf.data(), yf.data(), n));
    CHECK(f1 == lz::detail::dot4(xf.data(), xf.data(), n));
  }
  // a 3 x 65 times (4 x 65)^T product: two pairs of rows per row of the result
  lz::tensor<double> P(lz::shape{3, 65}, 0.0), Q(lz::shape{4, 65}, 0.0);
  for (std::size_t k = 0; k < 65; ++k) {
    for (std::size_t i = 0; i < 3; ++i) P(i, k) = std::sin(static_cast<double>(i * 65 + k));
    for (std::size_t j = 0; j < 4; ++j) Q(j, k) = std::cos(static_cast<double>(j * 65 + k));
  }
  auto const r = lz::eval(lz::mm(a, lz::transpose(b)), a = P, b = Q);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 4; ++j) CHECK(r(i, j) == lz::detail::dot4(&P(i, 0), &Q(j, 0), 65));
}

TEST_CASE("transpose(c) times a vector adds the rows of c in order, bit for bit", "[tensor_eval]") {
  // matmul(transpose(c), v) adds v_k c_k over the rows k of c, four rows per pass over the
  // result: each element must get the additions of one row at a time, in row order
  for (std::size_t n : {1u, 3u, 4u, 7u, 9u}) {
    lz::tensor<double> C(lz::shape{n, 10}, 0.0), v(lz::shape{n}, 0.0);
    for (std::size_t k = 0; k < n; ++k) {
      v(k) = std::cos(0.9 * static_cast<double>(k)) * 3;
      for (std::size_t i = 0; i < 10; ++i) C(k, i) = std::sin(static_cast<double>(10 * k + i)) * 1e2 + 1e-3;
    }
    auto const r = lz::eval(lz::matmul(lz::transpose(a), b), a = C, b = v);
    REQUIRE(r.shape() == lz::shape{10});
    for (std::size_t i = 0; i < 10; ++i) {
      double want = 0;
      for (std::size_t k = 0; k < n; ++k) want += v(k) * C(k, i);
      CHECK(r(i) == want);
    }
  }
}

TEST_CASE("a fixed-size product written straight into the result equals the lz::tensor one", "[tensor_eval]") {
  // The fixed results below are written by the products' `into` rule into the caller's
  // uninitialised fixed_tensor (through a fit that passes its operand through, for the
  // vjp); the lz::tensor results by the owned path. Every element must be written.
  auto const equal = [](auto const& fixed, lz::tensor<double> const& dynamic) {
    REQUIRE(fixed.size() == dynamic.size());
    for (std::size_t i = 0; i < dynamic.size(); ++i) CHECK(fixed.data()[i] == dynamic.data()[i]);
  };
  lz::fixed_tensor<double, 2, 2, 3> Bf;
  double const b_values[] = {1., 2., 3., 4., 5., 6., -1., 0.5, 2., 3., -2., 1.};
  std::copy(std::begin(b_values), std::end(b_values), Bf.data());
  lz::fixed_tensor<double, 3, 2> const Mf{{1., -1.}, {2., 0.5}, {-3., 4.}};
  lz::fixed_tensor<double, 2, 3> const Nf{{0.5, 1., -2.}, {3., 0.25, 1.}};
  lz::fixed_tensor<double, 3> const vf{2., -1., 0.25};
  lz::tensor<double> const B(Bf), M(Mf), N(Nf), v(vf);
  for (int round = 0; round < 2; ++round) {  // the second round's results land on the first's stack
    equal(lz::eval(lz::matmul(a, b), a = Bf, b = Mf), lz::eval(lz::matmul(a, b), a = B, b = M));  // batched
    equal(lz::eval(lz::matmul(a, b), a = vf, b = Mf), lz::eval(lz::matmul(a, b), a = v, b = M));  // 1-D x 2-D
    equal(lz::eval(lz::mm(lz::transpose(b), lz::transpose(a)), a = Nf, b = Mf),
          lz::eval(lz::mm(lz::transpose(b), lz::transpose(a)), a = N, b = M));
    auto const z = lz::mm(a, b);  // the W5 vjp: fit(mm(fit(w, z), transpose(b)), a), written in place
    lz::fixed_tensor<double, 1, 3> const w{{1., 2., -0.5}};
    lz::fixed_tensor<double, 1, 3> const xf{{0.5, 1., 2.}};
    lz::fixed_tensor<double, 3, 3> const yf{{1., 2., 3.}, {0., -1., 4.}, {2., 2., -2.}};
    auto const g = lz::eval(lz::vjp(z, a, w), a = xf, b = yf);
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(g)>, lz::fixed_tensor<double, 1, 3>>);
    equal(g, lz::eval(lz::vjp(z, a, lz::tensor<double>(w)), a = lz::tensor<double>(xf), b = lz::tensor<double>(yf)));
    CHECK(g(0, 2) == 1. * 2. + 2. * 2. + -0.5 * -2.);  // row 2 of y dotted with w
  }
}

TEST_CASE("result types: fixed in, fixed out; dynamic in, lz::tensor out", "[tensor_eval]") {
  lz::fixed_tensor<float, 2> const f{2, 3};
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(a * 2, a = f)), lz::fixed_tensor<float, 2>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(lz::sum(a), a = f)), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(lz::sum(a), a = lz::tensor<float>{1})), lz::tensor<float>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(a * b, a = f, b = lz::tensor<double>{1})), lz::tensor<double>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(lz::mm(a, b), a = lz::fixed_tensor<double, 2, 3>{},
                                                  b = lz::fixed_tensor<double, 3, 1>{})),
                                lz::fixed_tensor<double, 2, 1>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(a + b, a = lz::fixed_tensor<double, 2, 1>{},
                                                  b = lz::fixed_tensor<double, 3>{})),
                                lz::fixed_tensor<double, 2, 3>>);
}

TEST_CASE("shape errors name the operation and both shapes; inputs are unchanged", "[tensor_eval][errors]") {
  lz::tensor<double> const x{1, 2};
  lz::tensor<double> const y{1, 2, 3};
  CHECK_THROWS_AS(lz::eval(a + b, a = x, b = y), lz::shape_error);
  CHECK_THROWS_WITH(lz::eval(a * b, a = x, b = y),
                    "leibniz: mul: shapes (2,) and (3,) cannot be broadcast together");
  lz::tensor<double> const p{{1, 2}};
  lz::tensor<double> const q{{1, 2, 3}};
  CHECK_THROWS_WITH(lz::eval(lz::mm(a, b), a = p, b = q),
                    Catch::Matchers::StartsWith("leibniz: mm: shapes (1, 2) and (1, 3) do not fit"));
  CHECK_THROWS_AS(lz::eval(lz::mm(a, b), a = x, b = p), lz::shape_error);  // rank mismatch
  CHECK_THROWS_WITH(lz::eval(lz::transpose(a), a = x),
                    "leibniz: transpose: needs a 2-D operand, got shape (2,)");
  CHECK_THROWS_AS(lz::eval(a(5), a = x), std::out_of_range);
  CHECK_THROWS_AS(lz::eval(a(0, 0), a = x), lz::shape_error);  // rank mismatch at access
  CHECK_THROWS_AS(lz::eval(lz::stack(a, b), a = x, b = y), lz::shape_error);
  CHECK(x == lz::tensor<double>{1, 2});
  CHECK(y == lz::tensor<double>{1, 2, 3});
  CHECK(p == lz::tensor<double>{{1, 2}});
}

TEST_CASE("float, double and long double tensors", "[tensor_eval]") {
  auto const f = lz::eval(lz::mean((a + 3) * (a + 3) * 3), a = lz::tensor<float>{2, 3});
  auto const d = lz::eval(lz::mean((a + 3) * (a + 3) * 3), a = lz::tensor<double>{2, 3});
  auto const l = lz::eval(lz::mean((a + 3) * (a + 3) * 3), a = lz::tensor<long double>{2, 3});
  CHECK(f.item() == 91.5f);
  CHECK(d.item() == 91.5);
  CHECK(l.item() == 91.5L);
}

}  // namespace
