// SPDX-License-Identifier: BSL-1.0
// <leibniz/catch2.hpp>: what a failed CHECK prints for formulas, tensors, tuples and wrt
// bundles, and the matcher lz::testing::all_close (its verdicts and its message).
#include <leibniz/catch2.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <tuple>

namespace lz = leibniz;
using namespace lz::literals;
using Catch::Detail::stringify;

namespace {
constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"a"> a;
}  // namespace

TEST_CASE("catch2: formulas print as lz::to_string", "[catch2]") {
  CHECK(stringify(x * y + 2) == "x * y + 2");
  CHECK(stringify(lz::d(lz::pow(x + 3, 2_c) * y, x)) == "2 * (x + 3) * y");
  CHECK(stringify(x) == "x");
  CHECK(stringify(3_c) == "3");
}

TEST_CASE("catch2: tuples of formulas and of results, and wrt bundles", "[catch2]") {
  auto const g = std::tuple{lz::d(x * y, x), lz::d(x * y, y)};
  CHECK(stringify(g) == "(y, x)");
  CHECK(stringify(lz::eval(g, x = 2.0, y = 3.0)) == "(3.0, 2.0)");
  CHECK(stringify(lz::wrt(x, y)) == "wrt(x, y)");
  auto const mixed = std::tuple{lz::tensor<double>{1, 2}, 0.5};
  CHECK(stringify(mixed) == "(tensor([1., 2.], dtype=torch.float64), 0.5)");
}

TEST_CASE("catch2: tensors print as PyTorch prints them", "[catch2]") {
  CHECK(stringify(lz::tensor<float>{15, 18}) == "tensor([15., 18.])");
  CHECK(stringify(lz::fixed_tensor<double, 2, 2>{{4, 2}, {3, 6}}) ==
        "tensor([[4., 2.],\n        [3., 6.]], dtype=torch.float64)");
}

TEST_CASE("catch2: all_close accepts what lz::allclose accepts", "[catch2]") {
  // --8<-- [start:all-close]
  constexpr auto out = lz::mean((a + 3) * (a + 3) * 3);
  lz::tensor<double> const A{2, 3};
  CHECK_THAT(lz::eval(lz::grad(out, a), a = A), lz::testing::all_close(lz::tensor<double>{15, 18}));
  CHECK_THAT(lz::eval(lz::grad(out, a), a = lz::fixed_tensor<double, 2>{2, 3}),
             lz::testing::all_close(lz::fixed_tensor<double, 2>{15, 18.00001}));
  CHECK_THAT(lz::eval(out, a = A), lz::testing::all_close(91.5));
  // --8<-- [end:all-close]
}

TEST_CASE("catch2: a failed all_close says by how much and where", "[catch2]") {
  auto m = lz::testing::all_close(lz::tensor<double>{{1, 2}, {3, 4}}, 1e-5, 1e-8);
  CHECK_FALSE(m.match(lz::tensor<double>{{1, 2}, {3, 4.5}}));
  CHECK(m.describe() ==
        "is close to tensor([[1., 2.],\n        [3., 4.]], dtype=torch.float64) (rtol 0.00001, atol "
        "0.00000001); largest difference 0.5 at flat index 3 (4.5 vs 4)");
  auto shapes = lz::testing::all_close(lz::tensor<double>{1, 2, 3});
  CHECK_FALSE(shapes.match(lz::tensor<double>{1, 2}));
  CHECK_THAT(shapes.describe(), Catch::Contains("; leibniz: allclose: shapes (2,) and (3,) cannot be broadcast"));
  auto nan = lz::testing::all_close(1.0);
  CHECK_FALSE(nan.match(std::nan("")));
  CHECK_THAT(nan.describe(), Catch::Contains("largest difference nan"));
}
