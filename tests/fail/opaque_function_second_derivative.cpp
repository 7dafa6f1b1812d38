// SPDX-License-Identifier: BSL-1.0
// leibniz compile-fail test: the second derivative of a function whose derivative is only
// a value (lz::opaque_function); the error says so and names lz::function as the way.
// LEIBNIZ_EXPECT_ERROR: has no second derivative; write F as an lz::function<F>
#include <leibniz/leibniz.hpp>

#include <string_view>

namespace lz = leibniz;

struct cubic {
  static constexpr std::string_view name = "cubic";
  static constexpr std::string_view derivative_name = "cubic_prime";
  static double apply(double v) { return v * v * v; }
  static double derivative_value(double v) { return 3 * v * v; }
};

int main() {
  constexpr lz::variable<"x"> x;
  constexpr auto f = lz::opaque_function<cubic>(x);
#ifdef LEIBNIZ_FAIL_CONTROL
  return lz::eval(lz::d(f, x), x = 2.0) == 12.0 ? 0 : 1;
#else
  return lz::eval(lz::d(f, x, x), x = 2.0) == 12.0 ? 0 : 1;
#endif
}
