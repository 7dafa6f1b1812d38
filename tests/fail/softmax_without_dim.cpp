// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: softmax without a dimension (PyTorch deprecated the implicit one).
// LEIBNIZ_EXPECT_ERROR: softmax and log_softmax need a dimension
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
  constexpr lz::variable<"x"> x;
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr auto f = lz::softmax(x, lz::dim<-1>);
#else
  constexpr auto f = lz::softmax(x);
#endif
  return lz::eval(f, x = lz::tensor<double>{1, 1}).data()[0] == 0.5 ? 0 : 1;
}
