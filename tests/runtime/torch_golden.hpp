// SPDX-License-Identifier: BSL-1.0
// leibniz tests: the comparison with PyTorch's golden values that reductions.cpp and
// shape_ops.cpp share (their .inc files come from scripts/torch-functions-golden).
#ifndef LEIBNIZ_TESTS_RUNTIME_TORCH_GOLDEN_HPP
#define LEIBNIZ_TESTS_RUNTIME_TORCH_GOLDEN_HPP

#include <catch2/catch.hpp>

#include <leibniz/tensor.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace leibniz_test {

/// One case: F(X) of the given shape, the weights W of that shape, the gradient of
/// sum(W * F(X)), the jvp of F along V and the hvp of sum(W * F(X)) along V.
struct torch_case {
  std::string_view name;
  std::size_t rank;
  std::size_t shape[4];
  std::vector<double> value, w, grad, jvp, hvp;

  [[nodiscard]] leibniz::shape result_shape() const {
    leibniz::shape out;
    for (std::size_t d = 0; d < rank; ++d) out.push_back(shape[d]);
    return out;
  }
};

inline constexpr double golden_nan = std::numeric_limits<double>::quiet_NaN();
inline constexpr double golden_inf = std::numeric_limits<double>::infinity();

/// PyTorch's value within a few ulp (leibniz sums in another order and has its own exp and
/// log): both NaN, the same infinity, or within 1e-13 relative (1e-13 absolute near 0).
inline bool close_to_torch(double a, double b) {
  if (std::isnan(b)) return std::isnan(a);
  if (std::isinf(b)) return a == b;
  return std::abs(a - b) <= 1e-13 * std::max(1.0, std::abs(b));
}

/// Every element of t close to PyTorch's.
template <class T>
void check_elements(char const* what, T const& t, std::vector<double> const& expected) {
  REQUIRE(t.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO(what << ", element " << i << ": leibniz " << t.data()[i] << ", PyTorch " << expected[i]);
    CHECK(close_to_torch(t.data()[i], expected[i]));
  }
}

/// The case of that name in a table of cases.
template <std::size_t N>
torch_case const& find_case(torch_case const (&cases)[N], std::string_view name) {
  for (auto const& c : cases)
    if (c.name == name) return c;
  throw std::logic_error("no golden case for " + std::string(name));
}

inline leibniz::tensor<double> tensor_of(leibniz::shape const& s, double const* values) {
  return leibniz::tensor<double>(s, std::vector<double>(values, values + s.numel()));
}

}  // namespace leibniz_test

#endif  // LEIBNIZ_TESTS_RUNTIME_TORCH_GOLDEN_HPP
