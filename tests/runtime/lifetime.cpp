// SPDX-License-Identifier: BSL-1.0
// leibniz tests: operands are held by value. Expressions built from a function's
// locals are returned and evaluated after the frame is gone; the asan preset runs
// this with ASAN_OPTIONS=detect_stack_use_after_return=1, so a captured reference
// would be reported.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <vector>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

[[gnu::noinline]] auto build_from_locals(double scale, double shift) {
  double const a = scale * 2.0;      // locals of this frame...
  double const b = shift - 1.0;
  auto const inner = lz::sin(x * a) + b;  // ...captured into the tree
  auto e = lz::pow(inner, 2_c) * scale + y / a;
  return e;                           // returned after the frame dies
}

[[gnu::noinline]] auto derivative_from_locals(double k) {
  double c = k;
  auto f = lz::exp(x * c) * lz::log(y + c);
  c = -1000.0;  // changing the local afterwards must not change the formula
  return lz::d(f, x, y);
}

[[gnu::noinline]] void clobber_stack() {
  volatile double junk[64];
  for (int i = 0; i < 64; ++i) junk[i] = -1e300 * i;
  (void)junk[3];
}

TEST_CASE("expressions returned from functions own their operands", "[lifetime]") {
  auto const e = build_from_locals(1.5, 4.0);
  auto const df = derivative_from_locals(0.5);
  clobber_stack();
  double const xv = 0.3, yv = 2.0;
  double const inner = std::sin(xv * 3.0) + 3.0;
  CHECK_THAT(lz::eval(e, x = xv, y = yv), Catch::Matchers::WithinRel(inner * inner * 1.5 + yv / 3.0, 1e-15));
  // d/dx d/dy of exp(0.5 x) log(y + 0.5) = 0.5 exp(0.5 x) / (y + 0.5)
  CHECK_THAT(lz::eval(df, x = xv, y = yv),
             Catch::Matchers::WithinRel(0.5 * std::exp(0.5 * xv) / (yv + 0.5), 1e-14));
}

TEST_CASE("expressions can be copied, stored and kept in containers", "[lifetime]") {
  std::vector<decltype(x * 1.0)> scaled;
  for (int i = 0; i < 100; ++i) scaled.push_back(x * static_cast<double>(i));
  std::function<double(double)> fn;
  {
    auto const f = lz::d(lz::pow(x, 3_c) * 2.5, x);
    fn = [f](double v) { return lz::eval(f, x = v); };
  }
  clobber_stack();
  CHECK(fn(2.0) == 30.0);
  for (int i = 0; i < 100; ++i) CHECK(lz::eval(scaled[i], x = 2.0) == 2.0 * i);
}

}  // namespace
