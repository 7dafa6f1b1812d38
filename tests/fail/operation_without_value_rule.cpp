// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: an operation (a call node) that is neither elementwise nor
// known to eval fails at compile time with a message, instead of being evaluated as if
// it were elementwise (a library-internal contract: every operation declares itself).
// LEIBNIZ_EXPECT_ERROR: no value rule for this node's operation
// LEIBNIZ_EXPECT_FIRST_ERROR: no (value|shape) rule for this node's operation
#include <leibniz/leibniz.hpp>

#include <string_view>

namespace lz = leibniz;

// A reduction added without its evaluation rule, as a new operation would be.
struct amax_t {
  static constexpr std::string_view name = "amax";
#ifdef LEIBNIZ_FAIL_CONTROL
  static constexpr bool elementwise = true;  // then it has the rules of one
  template <class T>
  static constexpr T apply(T v) {
    return v;
  }
#endif
};

int main() {
  constexpr lz::variable<"x"> x;
  auto const f = lz::detail::make_call_node<amax_t>(x * x);
  return lz::eval(f, x = 3.0) == 9.0 ? 0 : 1;
}
