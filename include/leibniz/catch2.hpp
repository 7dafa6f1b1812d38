// SPDX-License-Identifier: BSL-1.0
// leibniz: printing of tuples of formulas or results and of wrt bundles in Catch2 v2
// messages, and the matcher lz::testing::all_close. Optional: include it in a test.
#ifndef LEIBNIZ_CATCH2_HPP
#define LEIBNIZ_CATCH2_HPP

#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <sstream>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz::detail {
/// What leibniz's tuple StringMaker prints: formulas, tensors and numbers.
template <class T>
inline constexpr bool is_catch_printable_v =
    Expression<T> || is_tensor_v<T> || is_fixed_tensor_v<T> || std::is_arithmetic_v<T>;
}  // namespace leibniz::detail

// Formulas and tensors need no StringMaker: Catch2 prints them through their operator<<
// (lz::to_string; PyTorch's format). These are for what it cannot print.
namespace Catch {

/// A bundle prints as written: `wrt(x, y)`.
template <class... V>
struct StringMaker<leibniz::wrt_t<V...>> {
  static std::string convert(leibniz::wrt_t<V...> const&) {
    std::string s = "wrt(";
    bool first = true;
    ((s += first ? "" : ", ", s += V::name, first = false), ...);
    return s + ")";
  }
};

/// A tuple of formulas (`lz::grad(f, x, y)`) or of results (`lz::eval` of such a tuple):
/// `(y, x)`, `(3.0, 2.0)`. Catch2 prints other tuples as `{?}` unless
/// CATCH_CONFIG_ENABLE_TUPLE_STRINGMAKER is defined; this one is more specialised.
template <class... T>
  requires(sizeof...(T) > 0 && (leibniz::detail::is_catch_printable_v<T> && ...))
struct StringMaker<std::tuple<T...>> {
  static std::string convert(std::tuple<T...> const& t) {
    return std::apply(
        [](auto const&... item) {
          std::string s = "(";
          bool first = true;
          ((s += first ? "" : ", ", s += Detail::stringify(item), first = false), ...);
          return s + ")";
        },
        t);
  }
};

}  // namespace Catch

namespace leibniz::testing {

/// The matcher of `CHECK_THAT(actual, lz::testing::all_close(expected, rtol, atol))`:
/// lz::allclose(actual, expected, rtol, atol) (|a - e| <= atol + rtol |e| elementwise,
/// NumPy broadcasting), and a failure message that shows the expected value, the
/// tolerances and, for equal shapes, the largest difference and its flat index.
template <class Expected>
class all_close_matcher : public Catch::Matchers::Impl::MatcherUntypedBase {
 public:
  all_close_matcher(Expected expected, double rtol, double atol)
      : expected_(std::move(expected)), rtol_(rtol), atol_(atol) {}

  template <class Actual>
  bool match(Actual const& actual) const {
    std::ostringstream note;
    bool ok = false;
    try {
      ok = allclose(actual, expected_, rtol_, atol_);
    } catch (std::exception const& e) {
      note << "; " << e.what();
    }
    if (!ok) {
      shape const sa = detail::shape_of_value(actual), se = detail::shape_of_value(expected_);
      if (sa == se) {
        double worst = -1;
        std::size_t at = 0;
        for (std::size_t i = 0; i < sa.numel(); ++i) {
          double const d = std::fabs(static_cast<double>(detail::element_of_value(actual, i)) -
                                     static_cast<double>(detail::element_of_value(expected_, i)));
          if (!(d <= worst)) {  // also a NaN difference
            worst = d;
            at = i;
          }
        }
        note << "; largest difference " << worst << " at flat index " << at << " ("
             << static_cast<double>(detail::element_of_value(actual, at)) << " vs "
             << static_cast<double>(detail::element_of_value(expected_, at)) << ")";
      }
    }
    note_ = note.str();
    return ok;
  }

  std::string describe() const override {
    return "is close to " + Catch::Detail::stringify(expected_) + " (rtol " + Catch::Detail::stringify(rtol_) +
           ", atol " + Catch::Detail::stringify(atol_) + ")" + note_;
  }

 private:
  Expected expected_;
  double rtol_;
  double atol_;
  mutable std::string note_;  // filled by match(), which Catch2 calls before describe()
};

/// `CHECK_THAT(lz::eval(lz::grad(f, a), a = A), lz::testing::all_close(expected))`, for
/// numbers, lz::tensor and lz::fixed_tensor; defaults as lz::allclose and torch.allclose.
template <class Expected>
[[nodiscard]] all_close_matcher<Expected> all_close(Expected expected, double rtol = 1e-5, double atol = 1e-8) {
  return {std::move(expected), rtol, atol};
}

}  // namespace leibniz::testing

#endif  // LEIBNIZ_CATCH2_HPP
