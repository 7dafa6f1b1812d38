// SPDX-License-Identifier: BSL-1.0
// leibniz differential tests: the comparison rules shared by the generated tests
// (tests/fuzz/generated/*.cpp, written by scripts/gen-fuzz; see docs/fuzzing.md).
//
// A generated value `got` passes against SymPy's `expected` (30 digits, rounded to double)
// when
//     |got - expected| <= 1e-9 |expected| + 1e-11 M + 1e-12
// where M >= |expected| is the "magnitude" of SymPy's form of the quantity: its value with
// every sum replaced by the sum of the absolute values of its terms. For a sum without
// cancellation M = |expected| and the rule is a plain relative 1e-9; where terms cancel,
// the rounding error of any double evaluation grows with M, not with the result, and the
// 1e-11 M term (about 1e5 ulps of M) allows for it. The generator rejects formulas with
// M > 1e5 |expected|, so no accepted check is looser than about 1e-6 relative, and most
// are exactly rel 1e-9. The absolute 1e-12 is for values that are exactly 0 in SymPy's
// (automatically simplified) form but not in leibniz's: d/dx of x / (x * y) is 0 for
// SymPy, which simplifies f to 1/y, and 2.7e-16 in double for leibniz's quotient rule
// (seed 20261126, formula 478). The values checked are bounded by 1e8 and mostly O(1),
// so 1e-12 is about 1e4 ulps of 1. A NaN or an infinity never passes.
//
// Laws compare two leibniz evaluations: |a - b| <= rel (|a| + |b|) + 1e-12.
#ifndef LEIBNIZ_TESTS_FUZZ_SUPPORT_HPP
#define LEIBNIZ_TESTS_FUZZ_SUPPORT_HPP

#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <string>

namespace lz = leibniz;

namespace fuzz {

inline constexpr double rel_tolerance = 1e-9;
inline constexpr double magnitude_tolerance = 1e-11;
inline constexpr double abs_tolerance = 1e-12;

class context {
 public:
  explicit context(char const* file) : file_(file) {}

  // `known`: the name of a known, unfixed library bug this formula can hit (scripts/gen-fuzz,
  // KNOWN_BUGS); its mismatches are printed as FUZZ-KNOWN and do not fail the test.
  void begin(int id, char const* formula, double x, double y, double z, char const* known = nullptr) {
    id_ = id;
    known_ = known;
    formula_ = formula;
    x_ = x;
    y_ = y;
    z_ = z;
  }

  // A value against SymPy.
  void check(char const* what, double got, double expected, double magnitude) {
    ++checks_;
    double const tol = rel_tolerance * std::fabs(expected) + magnitude_tolerance * magnitude + abs_tolerance;
    if (std::isfinite(got) && std::fabs(got - expected) <= tol) return;
    fail("sympy", what, got, expected, tol);
  }

  // A law: two leibniz evaluations that must agree.
  void law(char const* what, double a, double b, double rel) {
    ++checks_;
    double const tol = rel * (std::fabs(a) + std::fabs(b)) + abs_tolerance;
    if (std::isfinite(a) && std::isfinite(b) && std::fabs(a - b) <= tol) return;
    fail("law", what, a, b, tol);
  }

  int failed() const { return failed_; }

  void report() const {
    std::printf("FUZZ-SUMMARY %s: %d checks, %d failed, %d known-bug mismatches\n", file_, checks_, failed_, known_failed_);
    std::fflush(stdout);
  }

 private:
  void fail(char const* kind, char const* what, double got, double expected, double tol) {
    if (known_) ++known_failed_; else ++failed_;
    // One line per mismatch; scripts/fuzz collects them.
    std::printf(
        "%s %s formula %d [%s] %s\n  f = %s\n  at x = %.17g, y = %.17g, z = %.17g\n"
        "  got %.17g, expected %.17g (|diff| %.3g, tolerance %.3g)\n",
        known_ ? "FUZZ-KNOWN" : "FUZZ-FAIL", file_, id_, kind, what, formula_.c_str(), x_, y_, z_, got, expected, std::fabs(got - expected), tol);
    std::fflush(stdout);
  }

  char const* file_;
  int id_ = -1;
  std::string formula_;
  double x_ = 0, y_ = 0, z_ = 0;
  int checks_ = 0;
  int failed_ = 0;
  int known_failed_ = 0;
  char const* known_ = nullptr;
};

}  // namespace fuzz

#endif  // LEIBNIZ_TESTS_FUZZ_SUPPORT_HPP
