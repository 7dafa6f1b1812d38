// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: a rational constant not in lowest terms.
// LEIBNIZ_EXPECT_ERROR: must be in lowest terms
// LEIBNIZ_EXPECT_FIRST_ERROR: must be in lowest terms
#include <leibniz/leibniz.hpp>

namespace lz = leibniz;

int main() {
#ifdef LEIBNIZ_FAIL_CONTROL
  constexpr lz::constant<1, 2> half;
#else
  constexpr lz::constant<2, 4> half;
#endif
  return lz::node_count(half) == 1 ? 0 : 1;
}
