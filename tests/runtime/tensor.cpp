// SPDX-License-Identifier: BSL-1.0
// leibniz tests: lz::tensor and lz::fixed_tensor values, allclose, errors.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace {

namespace lz = leibniz;

TEST_CASE("tensor construction follows torch.tensor", "[tensor]") {
  lz::tensor<float> const v{2, 3};
  CHECK(v.shape() == lz::shape{2});
  CHECK(v.size() == 2);
  lz::tensor<float> const row{{3, 4}};
  CHECK(row.shape() == lz::shape{1, 2});
  lz::tensor<double> const column{{1}, {2}};
  CHECK(column.shape() == lz::shape{2, 1});
  lz::tensor<double> const cube{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
  CHECK(cube.shape() == lz::shape{2, 2, 2});
  CHECK(cube(1, 0, 1) == 6.0);
  lz::tensor<long double> const filled(lz::shape{2, 3}, 0.5L);
  CHECK(filled.size() == 6);
  CHECK(filled(1, 2) == 0.5L);
  CHECK(lz::tensor<float>::scalar(2.5f).shape() == lz::shape{});
  CHECK(lz::tensor<float>::scalar(2.5f).item() == 2.5f);
  CHECK(lz::tensor<float>(lz::fixed_tensor<float, 2, 1>{{1}, {2}}) == lz::tensor<float>{{1}, {2}});
  CHECK(v.data()[1] == 3.0f);
  CHECK(v != lz::tensor<float>{2, 4});
  CHECK(v != lz::tensor<float>{{2, 3}});  // same values, other shape
}

struct constructor_golden {
  std::string_view what;
  double start, end, step;
  std::size_t count;
  double values[11];
};
#include "tensor_constructors_golden.inc"

TEST_CASE("zeros, ones and eye as PyTorch's", "[tensor]") {
  CHECK(lz::zeros<double>(2, 3) == lz::tensor<double>(lz::shape{2, 3}, 0.0));
  CHECK(lz::ones<float>(4) == lz::tensor<float>{1, 1, 1, 1});
  CHECK(lz::zeros<double>().shape() == lz::shape{});  // torch.zeros(()): a scalar
  CHECK(lz::eye<double>(3) == lz::tensor<double>{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
  CHECK(lz::eye<double>(2, 3) == lz::tensor<double>{{1, 0, 0}, {0, 1, 0}});
  CHECK(lz::eye<double>(3, 2) == lz::tensor<double>{{1, 0}, {0, 1}, {0, 0}});
  // fixed sizes, in constant evaluation
  STATIC_REQUIRE(lz::ones<double, 2, 2>() == lz::fixed_tensor<double, 2, 2>{{1, 1}, {1, 1}});
  STATIC_REQUIRE(lz::zeros<float, 3>() == lz::fixed_tensor<float, 3>{0, 0, 0});
  STATIC_REQUIRE(lz::eye<double, 2>() == lz::fixed_tensor<double, 2, 2>{{1, 0}, {0, 1}});
  STATIC_REQUIRE(lz::eye<double, 2, 3>() == lz::fixed_tensor<double, 2, 3>{{1, 0, 0}, {0, 1, 0}});
  CHECK_THROWS_WITH(lz::zeros<double>(2, -1), "leibniz::zeros: extent -1 is negative");
}

TEST_CASE("arange and linspace give PyTorch's values", "[tensor]") {
  // PyTorch's vectorised kernels add the step to a base per block of lanes, so its last bits
  // depend on the machine's vector width: the values agree to rounding (relative to the
  // range), the count and both ends of linspace exactly
  for (auto const& c : constructor_cases) {
    INFO(c.what << "(" << c.start << ", " << c.end << ", " << c.step << ")");
    lz::tensor<double> const t = c.what == "arange" ? lz::arange(c.start, c.end, c.step)
                                                    : lz::linspace(c.start, c.end, static_cast<std::size_t>(c.step));
    REQUIRE(t.shape() == lz::shape{c.count});
    double const scale = std::fabs(c.start) + std::fabs(c.end);
    for (std::size_t i = 0; i < c.count; ++i) {
      INFO("element " << i);
      CHECK(std::fabs(t(i) - c.values[i]) <= 1e-15 * scale);
    }
    CHECK(t(0) == c.values[0]);
    if (c.what == "linspace") CHECK(t(c.count - 1) == c.values[c.count - 1]);
  }
  CHECK(lz::arange(5.0) == lz::tensor<double>{0, 1, 2, 3, 4});
  CHECK(lz::linspace(0.0, 1.0, 0).shape() == lz::shape{0});
  CHECK_THROWS_WITH(lz::arange(0.0, 1.0, 0.0),
                    "leibniz::arange: start, end and step must be finite and step nonzero");
  CHECK_THROWS_AS(lz::arange(0.0, 1.0, -0.5), std::invalid_argument);
}

TEST_CASE("tensor errors: ragged rows, bad indices, item", "[tensor][errors]") {
  CHECK_THROWS_AS((lz::tensor<float>{{1, 2}, {3}}), lz::shape_error);
  CHECK_THROWS_WITH((lz::tensor<float>{{1, 2}, {3}}), Catch::Matchers::Contains("rows of different lengths"));
  lz::tensor<float> m{{1, 2}, {3, 4}};
  CHECK_THROWS_AS(m(2, 0), std::out_of_range);
  CHECK_THROWS_WITH(m(0, 2), Catch::Matchers::Contains("index 2 is out of range for dimension 1 of shape (2, 2)"));
  CHECK_THROWS_AS(m(-1, 0), std::out_of_range);
  CHECK_THROWS_AS(m(0), lz::shape_error);
  CHECK_THROWS_AS(m.item(), lz::shape_error);
  CHECK_THROWS_AS((lz::tensor<float>(lz::shape{2, 2}, {1.0f, 2.0f})), lz::shape_error);
  CHECK(m == lz::tensor<float>{{1, 2}, {3, 4}});  // unchanged after the errors
  static_assert(std::is_base_of_v<std::invalid_argument, lz::shape_error>);
}

TEST_CASE("allclose as numpy.allclose, with broadcasting", "[tensor]") {
  CHECK(lz::allclose(lz::tensor<double>{1.0, 2.0}, lz::tensor<double>{1.0 + 1e-9, 2.0}));
  CHECK_FALSE(lz::allclose(lz::tensor<double>{1.0, 2.0}, lz::tensor<double>{1.001, 2.0}));
  CHECK(lz::allclose(lz::tensor<double>{1.0, 2.0}, lz::tensor<double>{1.001, 2.0}, 1e-2));
  CHECK(lz::allclose(lz::tensor<float>{{1, 1}, {1, 1}}, 1.0));  // broadcast a scalar
  CHECK(lz::allclose(lz::fixed_tensor<double, 2>{1, 2}, lz::tensor<double>{{1, 2}, {1, 2}}));
  CHECK_FALSE(lz::allclose(lz::tensor<double>{0.0 / 0.0}, lz::tensor<double>{0.0 / 0.0}));
  CHECK(lz::allclose(lz::tensor<double>{1.0 / 0.0}, lz::tensor<double>{1.0 / 0.0}));
  CHECK_THROWS_AS(lz::allclose(lz::tensor<double>{1, 2}, lz::tensor<double>{1, 2, 3}), lz::shape_error);
  static_assert(lz::allclose(lz::fixed_tensor<double, 2>{1, 2}, lz::fixed_tensor<double, 2>{1, 2}));
}

TEST_CASE("shape printing and numel", "[tensor]") {
  CHECK(lz::shape{2, 3}.to_string() == "(2, 3)");
  CHECK(lz::shape{2}.to_string() == "(2,)");
  CHECK(lz::shape{}.to_string() == "()");
  CHECK(lz::shape{2, 3, 4}.numel() == 24);
  CHECK(lz::shape{}.numel() == 1);
}

TEST_CASE("tensors print as PyTorch 1.13", "[tensor][print]") {
  std::ostringstream os;
  os << lz::tensor<float>{{4, 2}, {3, 6}};
  CHECK(os.str() == "tensor([[4., 2.],\n        [3., 6.]])");
  std::ostringstream os2;
  os2 << lz::tensor<double>::scalar(91.5);
  CHECK(os2.str() == "tensor(91.5000, dtype=torch.float64)");
}

}  // namespace

TEST_CASE("arithmetic on tensors: elementwise with broadcasting, as PyTorch's eager operators",
          "[tensor][arithmetic]") {
  lz::tensor<float> const W{{1, 2}, {3, 4}};
  lz::tensor<float> const g{0.5f, -1.0f};
  auto const u = W - 0.5 * g;  // g broadcast along the rows; 0.5 becomes a float
  STATIC_REQUIRE(std::is_same_v<decltype(u), lz::tensor<float> const>);
  CHECK(u == lz::tensor<float>{{0.75f, 2.5f}, {2.75f, 4.5f}});
  CHECK(-W == lz::tensor<float>{{-1, -2}, {-3, -4}});
  CHECK(std::signbit((-lz::tensor<float>{0.0f}).data()[0]));  // -0, as torch.neg
  CHECK(W * W / W + 1 == lz::tensor<float>{{2, 3}, {4, 5}});
  CHECK(2 / g == lz::tensor<float>{4.0f, -2.0f});
  CHECK((W - W).shape() == lz::shape{2, 2});
  // float with double gives double, as torch's type promotion
  auto const wide = g + lz::tensor<double>{1.0, 2.0};
  STATIC_REQUIRE(std::is_same_v<decltype(wide), lz::tensor<double> const>);
  CHECK(wide == lz::tensor<double>{1.5, 1.0});
  // rank 0 with anything
  CHECK(lz::tensor<float>::scalar(2) * W == lz::tensor<float>{{2, 4}, {6, 8}});
  lz::tensor<float> const three{1, 2, 3};
  CHECK_THROWS_WITH(W + three, "leibniz: add: shapes (2, 2) and (3,) cannot be broadcast together");
  // a temporary of the result's shape and element type holds the result (allocations.cpp
  // counts): on the left, on the right, with a number; a temporary that broadcasts, or of
  // a narrower element type, gives a new tensor
  CHECK(W * 2 - W == W);
  CHECK(W - W * 2 == -W);
  CHECK(1 - W * 2 == lz::tensor<float>{{-1, -3}, {-5, -7}});
  CHECK((W * 2) / 4 == W / 2);
  CHECK((g * 2) - W == lz::tensor<float>{{0, -4}, {-2, -6}});  // (2,) against (2, 2): broadcast
  auto const promoted = lz::tensor<float>{0.5f, 1} + lz::tensor<double>{1.0, 2.0};
  STATIC_REQUIRE(std::is_same_v<decltype(promoted), lz::tensor<double> const>);
  CHECK(promoted == lz::tensor<double>{1.5, 3.0});
  CHECK_THROWS_WITH(W * 1 + three, "leibniz: add: shapes (2, 2) and (3,) cannot be broadcast together");
  // an operand passed with std::move is consumed: left empty, of shape (0,); a const one
  // is read, not written into
  lz::tensor<float> moved{1, 2};
  CHECK(std::move(moved) * 2 == lz::tensor<float>{2, 4});
  CHECK(moved.shape() == lz::shape{0});  // NOLINT(bugprone-use-after-move): the documented state
  CHECK(moved.size() == 0);
  CHECK(std::move(W) + W == 2 * W);  // W is const: not written into
  CHECK(-std::move(W) == -W);
}

TEST_CASE("compound assignment on tensors: in place, the right side broadcast to the left's shape",
          "[tensor][arithmetic]") {
  lz::tensor<double> W{{1, 2}, {3, 4}};
  lz::tensor<double> const g{1, -1};
  W -= 0.5 * g;
  CHECK(W == lz::tensor<double>{{0.5, 2.5}, {2.5, 4.5}});
  W *= 2;
  W /= lz::tensor<double>{{1}, {2}};
  CHECK(W == lz::tensor<double>{{1, 5}, {2.5, 4.5}});
  W += W;
  CHECK(W == lz::tensor<double>{{2, 10}, {5, 9}});
  lz::tensor<double> v{1, 2};
  CHECK_THROWS_WITH(v += W, "leibniz: +=: shapes (2,) and (2, 2): the result's shape differs from the left operand's");
  CHECK(v == lz::tensor<double>{1, 2});  // unchanged
  // a wider right operand: the result in the left operand's element type, as torch's in-place ops
  lz::tensor<float> f{1, 2};
  f += lz::tensor<double>{0.5, 0.25};
  CHECK(f == lz::tensor<float>{1.5f, 2.25f});
}

TEST_CASE("arithmetic on fixed_tensors: static shapes, constant evaluation", "[tensor][arithmetic][constexpr]") {
  constexpr lz::fixed_tensor<double, 2, 2> A{{1, 2}, {3, 4}};
  constexpr lz::fixed_tensor<double, 2> b{10, 20};
  constexpr auto c = A * b - 1;
  STATIC_REQUIRE(std::is_same_v<decltype(c), lz::fixed_tensor<double, 2, 2> const>);
  static_assert(c(0, 0) == 9 && c(0, 1) == 39 && c(1, 0) == 29 && c(1, 1) == 79);
  constexpr auto d = [] {
    lz::fixed_tensor<double, 2, 2> a{{1, 2}, {3, 4}};
    a *= 2.0;
    a -= lz::fixed_tensor<double, 2>{1, 1};
    return a;
  }();
  static_assert(d(1, 0) == 5 && d(0, 1) == 3);
  // a fixed_tensor with a tensor: a tensor
  auto const e = A + lz::tensor<double>{1, 1};
  STATIC_REQUIRE(std::is_same_v<decltype(e), lz::tensor<double> const>);
  CHECK(e == lz::tensor<double>{{2, 3}, {4, 5}});
}

TEST_CASE("tensors in formulas: held by value (x * W, lz::hold) or by reference (lz::cref)",
          "[tensor][arithmetic]") {
  constexpr lz::variable<"x"> x;
  constexpr lz::variable<"w"> w;
  lz::tensor<double> W{{1, 2}, {3, 4}};
  auto const f = x * W - 1;
  CHECK(lz::to_string(f) == "x * [[1, 2], [3, 4]] - 1");
  CHECK(lz::eval(f, x = 2.0) == lz::tensor<double>{{1, 3}, {5, 7}});
  CHECK(lz::eval(lz::grad(lz::sum(f), x), x = 2.0).item() == 10);
  W(0, 0) = 100;  // f holds a copy
  CHECK(lz::eval(f, x = 1.0)(0, 0) == 0);

  // data in a formula: the gradient of a logistic loss w.r.t. the weights only
  lz::tensor<double> X(lz::shape{40, 3}, 0.0);
  for (std::size_t i = 0; i < X.size(); ++i) X.data()[i] = std::sin(0.3 * static_cast<double>(i));
  lz::tensor<double> const w0{0.1, -0.2, 0.3};
  auto const by_ref = lz::mean(lz::softplus(-lz::matmul(lz::cref(X), w)));
  auto const by_value = lz::mean(lz::softplus(-lz::matmul(lz::hold(X), w)));
  constexpr lz::variable<"X"> Xv;
  constexpr auto bound = lz::mean(lz::softplus(-lz::matmul(Xv, w)));
  auto const expected = lz::eval(lz::grad(bound, w), Xv = X, w = w0);
  CHECK(lz::eval(lz::grad(by_ref, w), w = w0) == expected);
  CHECK(lz::eval(lz::grad(by_value, w), w = w0) == expected);
  CHECK(lz::to_string(by_ref) == "mean(softplus(-matmul(tensor(40, 3), w)))");
  X.data()[0] = 5;  // cref reads the current elements; hold kept its copy
  CHECK(!(lz::eval(lz::grad(by_ref, w), w = w0) == expected));
  CHECK(lz::eval(lz::grad(by_value, w), w = w0) == expected);

  // a fixed_tensor in a constexpr formula
  constexpr lz::fixed_tensor<double, 2> F{1, 2};
  constexpr auto g = x * F + 1;
  static_assert(lz::eval(g, x = 3.0)(1) == 7);
  static_assert(lz::eval(lz::d(lz::sum(g), x), x = 3.0) == 3);
}
