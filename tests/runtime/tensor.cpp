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
