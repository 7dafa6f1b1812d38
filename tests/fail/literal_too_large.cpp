// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: N_c takes an integer that fits std::intmax_t; one more is
// a compile error that says so, not a silently wrapped constant.
// LEIBNIZ_EXPECT_ERROR: the _c literal takes a decimal integer that fits std::intmax_t
// LEIBNIZ_EXPECT_FIRST_ERROR: the _c literal takes a decimal integer
#include <leibniz/literals.hpp>

#include <type_traits>

using namespace leibniz::literals;

int main() {
#ifdef LEIBNIZ_FAIL_CONTROL
  auto const c = 9223372036854775807_c;  // std::intmax_t's largest value
#else
  auto const c = 9223372036854775808_c;
#endif
  return std::is_same_v<decltype(c), leibniz::constant<9223372036854775807> const> ? 0 : 1;
}
