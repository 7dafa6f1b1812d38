// SPDX-License-Identifier: BSL-1.0
// leibniz example: functions of your own. lz::function<F> takes a value and a derivative
// formula, so every order of derivative works (here softplus, written as a user would,
// differentiated twice and checked against lz::softplus); lz::opaque_function<F> takes a
// value and a derivative value (another library's function), first derivatives only.
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <iostream>
#include <string_view>

namespace lz = leibniz;

// --8<-- [start:user]
// softplus(u) = log(1 + e^u), its derivative the logistic function
struct my_softplus {
  static constexpr std::string_view name = "my_softplus";
  template <class T>
  static constexpr T apply(T v) {
    return (v > 0 ? v : T(0)) + lz::log1p(lz::exp(v > 0 ? -v : v));  // no overflow
  }
  template <class U>
  static constexpr auto derivative(U const& u) {
    return 1 / (1 + lz::exp(-u));  // a formula, so it can be differentiated again
  }
};
constexpr auto softplus = lz::function<my_softplus>;

// a function from elsewhere that gives a value and its derivative's value
struct cubic {
  static constexpr std::string_view name = "cubic";
  static constexpr std::string_view derivative_name = "cubic'";
  static double apply(double v) { return v * v * v; }
  static double derivative_value(double v) { return 3 * v * v; }
};
constexpr auto ext = lz::opaque_function<cubic>;

int main() {
  constexpr lz::variable<"x"> x;
  static_assert(lz::eval(lz::d(softplus(x), x), x = 0.0) == 0.5);  // constexpr, as built-ins
  std::cout << "f     = " << softplus(2 * x) << '\n'
            << "f'    = " << lz::d(softplus(2 * x), x) << '\n'
            << "f''   = " << lz::d(softplus(2 * x), x, x) << '\n'
            << "f''(1) = " << lz::eval(lz::d(softplus(2 * x), x, x), x = 1.0) << '\n'
            << "d cubic(x^2)/dx = " << lz::d(ext(x * x), x) << " = "
            << lz::eval(lz::d(ext(x * x), x), x = 2.0) << " at x = 2\n";
  // --8<-- [end:user]
  double const got = lz::eval(lz::d(softplus(2 * x), x, x), x = 1.0);
  double const want = lz::eval(lz::d(lz::softplus(2 * x), x, x), x = 1.0);
  return std::fabs(got - want) <= 1e-15 && lz::eval(lz::d(ext(x * x), x), x = 2.0) == 192.0 ? 0 : 1;
}
