// SPDX-License-Identifier: BSL-1.0
// leibniz tests: formulas over tensors: broadcasting, reductions, products, element
// access, stack, the shape errors, and the result types of eval.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <type_traits>

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
