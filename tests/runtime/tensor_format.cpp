// SPDX-License-Identifier: BSL-1.0
// leibniz tests: detail::format_tensor against PyTorch 1.13.1's repr (golden cases).
#include <leibniz/detail/tensor_format.hpp>

#include <catch2/catch.hpp>

#include <cstddef>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace lzd = leibniz::detail;

constexpr double golden_nan = std::numeric_limits<double>::quiet_NaN();
constexpr double golden_inf = std::numeric_limits<double>::infinity();

/// One entry of tensor_format_golden.inc (see scripts/torch-format-golden).
struct golden_case {
  std::string_view name;
  bool float64;                     // torch.float64 (else float32)
  std::vector<std::size_t> shape;   // empty for a scalar
  std::vector<double> values;       // all elements, or only the shown ones if fill is set
  std::string_view expected;        // repr(t) printed by PyTorch 1.13.1
  std::optional<double> fill;       // the value at every position PyTorch's summary hides
};

std::vector<golden_case> const& golden_cases() {
  static std::vector<golden_case> const cases = {
#include "tensor_format_golden.inc"
  };
  return cases;
}

/// The indices PyTorch shows along a dimension of a summarised tensor.
std::vector<std::size_t> shown_indices(std::size_t n) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < n; ++i)
    if (n <= 6 || i < 3 || i >= n - 3) out.push_back(i);
  return out;
}

/// The case's tensor, row-major, as doubles.
std::vector<double> golden_tensor(golden_case const& c) {
  if (!c.fill) return c.values;
  std::size_t numel = 1;
  for (auto n : c.shape) numel *= n;
  std::vector<double> data(numel, *c.fill);
  std::vector<std::vector<std::size_t>> shown;
  for (auto n : c.shape) shown.push_back(shown_indices(n));
  std::vector<std::size_t> pos(c.shape.size(), 0);  // positions into shown[d]
  for (double const v : c.values) {
    std::size_t offset = 0;
    for (std::size_t d = 0; d < c.shape.size(); ++d) offset = offset * c.shape[d] + shown[d][pos[d]];
    data[offset] = v;
    for (std::size_t d = c.shape.size(); d-- > 0;) {
      if (++pos[d] < shown[d].size()) break;
      pos[d] = 0;
    }
  }
  return data;
}

template <class T>
std::string repr(std::vector<T> const& data, std::vector<std::size_t> const& shape,
                 std::string_view suffix) {
  std::ostringstream os;
  lzd::format_tensor(os, data.data(), shape.data(), shape.size(), suffix);
  return os.str();
}

template <class T>
std::string repr(std::vector<double> const& values, std::vector<std::size_t> const& shape) {
  std::vector<T> const data(values.begin(), values.end());
  return repr(data, shape, lzd::torch_dtype_suffix<T>());
}

TEST_CASE("format_tensor: golden PyTorch 1.13 output", "[tensor_format]") {
  auto const& cases = golden_cases();
  REQUIRE(cases.size() >= 80);
  for (auto const& c : cases) {
    INFO("case: " << c.name);
    auto const data = golden_tensor(c);
    std::size_t numel = 1;
    for (auto n : c.shape) numel *= n;
    REQUIRE(data.size() == numel);
    if (c.float64) {
      CHECK(repr<double>(data, c.shape) == c.expected);
      CHECK(repr<long double>(data, c.shape) == c.expected);
    } else {
      CHECK(repr<float>(data, c.shape) == c.expected);
    }
  }
}

TEST_CASE("format_tensor: the seed notebook's tensors", "[tensor_format]") {
  CHECK(repr<float>({91.5}, {}) == "tensor(91.5000)");
  CHECK(repr<float>({15, 18}, {2}) == "tensor([15., 18.])");
  CHECK(repr<float>({6, 48}, {1, 2}) == "tensor([[ 6., 48.]])");
  CHECK(repr<float>({4, 2, 3, 6}, {2, 2}) == "tensor([[4., 2.],\n        [3., 6.]])");
  CHECK(repr<float>({6, 9}, {1, 2}) == "tensor([[6., 9.]])");
  CHECK(repr<double>({91.5}, {}) == "tensor(91.5000, dtype=torch.float64)");
  CHECK(repr<long double>({4, 2, 3, 6}, {2, 2}) ==
        "tensor([[4., 2.],\n        [3., 6.]], dtype=torch.float64)");
}

TEST_CASE("format_tensor: float32 values are printed as their double value", "[tensor_format]") {
  CHECK(repr<float>({0.1, 1e-5}, {2}) == "tensor([1.0000e-01, 1.0000e-05])");
  CHECK(repr<float>({2.00005}, {}) == "tensor(2.0001)");   // 2.00005f > 2.00005
  CHECK(repr<double>({2.00005}, {}) == "tensor(2.0000, dtype=torch.float64)");
}

TEST_CASE("format_tensor: suffixes and empty tensors", "[tensor_format]") {
  CHECK(lzd::torch_dtype_suffix<float>().empty());
  CHECK(lzd::torch_dtype_suffix<double>() == "dtype=torch.float64");
  CHECK(lzd::torch_dtype_suffix<long double>() == "dtype=torch.float64");
  CHECK(repr<float>({}, {0}) == "tensor([])");
  CHECK(repr<float>({}, {2, 0}) == "tensor([], size=(2, 0))");
  CHECK(repr<double>({}, {0, 3}) == "tensor([], size=(0, 3), dtype=torch.float64)");
  // A caller-chosen suffix follows the same placement rule as PyTorch's.
  std::ostringstream os;
  double const v[] = {1.5, -2};
  std::size_t const shape[] = {2};
  lzd::format_tensor(os, v, shape, 1, "requires_grad=True");
  CHECK(os.str() == "tensor([ 1.5000, -2.0000], requires_grad=True)");
}

}  // namespace
