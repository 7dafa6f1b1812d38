// SPDX-License-Identifier: BSL-1.0
// leibniz differential tests against PyTorch 1.13 (tests/fuzz/generated/torch_*.cpp,
// written by scripts/gen-fuzz-torch; see docs/fuzzing.md, "PyTorch tensor suite").
//
// Each generated formula evaluates E, jacobian(E, a), vjp(E, a, v), jvp(E, a, t),
// grad(F, a), grad(F, b), hessian(F, a), hvp(F, a, v) and jacobian(grad(F, a), b) once
// and hands the result to FUZZ_TORCH_CHECK with the shape and the values that
// torch.autograd.functional computed in float64. A result passes when
//   1. its shape is PyTorch's (a rank-0 lz::tensor, a plain double and a 0-d torch
//      tensor are the same shape ()), and then
//   2. every element satisfies |got - expected| <= 1e-9 |expected| + 1e-11 M + 1e-12,
//      M = the largest |expected| of the quantity (rounding in sums and products scales
//      with the size of the terms, not with the result; the generator rejects
//      formulas whose values exceed 1e4, so 1e-11 M is at most ~1e-7 absolute and
//      mostly ~1e-11). NaN and infinities never pass.
// A check that throws is reported as a failure with the exception's message; the other
// checks of the formula and the other formulas go on.
//
// Compile cost: this is the only code shared by all formulas; the generated code is one
// lz::eval per derivative kind and a macro, and view() is the only template here (one
// small instantiation per fixed_tensor shape), so that a formula costs what its
// derivative types and their evaluations cost, nothing more.
#ifndef LEIBNIZ_TESTS_FUZZ_TORCH_HPP
#define LEIBNIZ_TESTS_FUZZ_TORCH_HPP

#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <string>
#include <vector>

namespace lz = leibniz;

namespace fuzz_torch {

inline constexpr lz::variable<"a"> a;
inline constexpr lz::variable<"b"> b;

using dyn = lz::tensor<double>;
template <std::size_t... N>
using fix = lz::fixed_tensor<double, N...>;

inline constexpr double rel_tolerance = 1e-9;
inline constexpr double magnitude_tolerance = 1e-11;
inline constexpr double abs_tolerance = 1e-12;

// A result seen as a shape and row-major values, whatever its C++ type.
struct view_t {
  std::vector<std::size_t> shape;
  double const* data;
  std::size_t size;
  std::string kind;
};

inline view_t view(double const& x) { return {{}, &x, 1, "double"}; }
inline view_t view(dyn const& t) {
  std::vector<std::size_t> s(t.rank());
  for (std::size_t i = 0; i < t.rank(); ++i) s[i] = t.shape()[i];
  return {std::move(s), t.data(), t.size(), "lz::tensor<double>"};
}
template <std::size_t... N>
view_t view(fix<N...> const& t) {
  return {{N...}, t.data(), t.size(), "lz::fixed_tensor<double, ...>"};
}

inline std::string shape_string(std::vector<std::size_t> const& s) {
  std::string r = "(";
  for (std::size_t i = 0; i < s.size(); ++i) r += (i ? ", " : "") + std::to_string(s[i]);
  return r + (s.size() == 1 ? ",)" : ")");
}

class context {
 public:
  explicit context(char const* file) : file_(file) {}

  void begin(int id, char const* formula, char const* inputs) {
    id_ = id;
    formula_ = formula;
    inputs_ = inputs;
  }

  void check(char const* what, view_t const& got, std::initializer_list<std::size_t> shape,
             std::initializer_list<double> expected) {
    ++checks_;
    std::vector<std::size_t> const want(shape);
    if (got.shape != want) {
      fail(what, "shape " + shape_string(got.shape) + " (" + got.kind + "), expected " + shape_string(want));
      return;
    }
    if (got.size != expected.size()) {  // cannot happen for a consistent shape; be safe
      fail(what, "size " + std::to_string(got.size) + ", expected " + std::to_string(expected.size()));
      return;
    }
    double m = 0;
    for (double e : expected) m = std::fmax(m, std::fabs(e));
    std::size_t i = 0;
    for (double e : expected) {
      double const g = got.data[i];
      double const tol = rel_tolerance * std::fabs(e) + magnitude_tolerance * m + abs_tolerance;
      if (!(std::isfinite(g) && std::fabs(g - e) <= tol)) {
        char buf[200];
        std::snprintf(buf, sizeof buf, "flat index %zu: got %.17g, expected %.17g (|diff| %.3g, tolerance %.3g)", i, g, e,
                      std::fabs(g - e), tol);
        fail(what, buf);
        return;  // the first mismatching element of a quantity is enough
      }
      ++i;
    }
  }

  void thrown(char const* what, char const* message) {
    ++checks_;
    fail(what, std::string("threw: ") + message);
  }

  int failed() const { return failed_; }

  void report() const {
    std::printf("FUZZ-SUMMARY %s: %d checks, %d failed\n", file_, checks_, failed_);
    std::fflush(stdout);
  }

 private:
  void fail(char const* what, std::string const& detail) {
    ++failed_;
    // One FUZZ-FAIL line per mismatch (scripts/fuzz counts the formula numbers), then the
    // formula and the inputs.
    std::printf("FUZZ-FAIL %s formula %d [torch] %s: %s\n  %s\n  %s\n", file_, id_, what, detail.c_str(), formula_,
                inputs_);
    std::fflush(stdout);
  }

  char const* file_;
  int id_ = -1;
  char const* formula_ = "";
  char const* inputs_ = "";
  int checks_ = 0;
  int failed_ = 0;
};

}  // namespace fuzz_torch

// FUZZ_TORCH_CHECK(ctx, "label", result-expression, {shape...}, {values...}): evaluates the
// expression once, inside a try block, and compares it with PyTorch's shape and values.
#define FUZZ_TORCH_CHECK(ctx, label, expr, ...)                          \
  do {                                                                  \
    try {                                                               \
      (ctx).check(label, ::fuzz_torch::view(expr), __VA_ARGS__);         \
    } catch (std::exception const& fuzz_torch_e) {                      \
      (ctx).thrown(label, fuzz_torch_e.what());                          \
    } catch (...) {                                                     \
      (ctx).thrown(label, "an exception not derived from std::exception"); \
    }                                                                   \
  } while (0)

#endif  // LEIBNIZ_TESTS_FUZZ_TORCH_HPP
