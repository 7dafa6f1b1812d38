// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: workload W6 up to order LZ_ORDER (1 to 4).
//
// f = exp(sin(x y)) / (1 + x^2 + y^2). With -DLZ_ORDER=k this program evaluates, in one
// lz::eval over a std::tuple (as a user would), the value of f and all its distinct
// partial derivatives of order 1 to k at (x, y) = (0.7, 0.4):
//   order 1: x, y;  2: xx, xy, yy;  3: xxx, xxy, xyy, yyy;  4: xxxx, xxxy, xxyy, xyyy, yyyy
// prints them, and checks them against SymPy's values (relative tolerance 1e-12). The
// exit code is non-zero on a mismatch. scripts/compile-bench measures the time and
// memory its compilation takes for each k (docs/compile-time.md).
#include <leibniz/leibniz.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <tuple>

#ifndef LZ_ORDER
#define LZ_ORDER 4
#endif
static_assert(LZ_ORDER >= 1 && LZ_ORDER <= 4, "LZ_ORDER must be 1, 2, 3 or 4");

namespace {

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr auto f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);

// The value and the partials, in the order of `expected` below.
constexpr auto formulas = std::tuple_cat(
    std::tuple{f},
    std::tuple{lz::d(f, x), lz::d(f, y)}
#if LZ_ORDER >= 2
    , std::tuple{lz::d(f, x, x), lz::d(f, x, y), lz::d(f, y, y)}
#endif
#if LZ_ORDER >= 3
    , std::tuple{lz::d(f, x, x, x), lz::d(f, x, x, y), lz::d(f, x, y, y), lz::d(f, y, y, y)}
#endif
#if LZ_ORDER >= 4
    , std::tuple{lz::d(f, x, x, x, x), lz::d(f, x, x, x, y), lz::d(f, x, x, y, y),
                 lz::d(f, x, y, y, y), lz::d(f, y, y, y, y)}
#endif
);

struct reference {
  char const* name;
  double value;
};

// SymPy 1.11.1 (Debian 12's python3-sympy), exact rational point 7/10, 2/5, printed with
// 25 significant digits:
//   import sympy as sp; x, y = sp.symbols('x y')
//   f = sp.exp(sp.sin(x*y)) / (1 + x**2 + y**2)
//   sp.N(sp.diff(f, x, i, y, j).subs({x: sp.Rational(7, 10), y: sp.Rational(2, 5)}), 25)
constexpr std::array expected{
    reference{"f", 0.7989797806559597929932031},
    reference{"f_x", -0.3707766928124266933385639},
    reference{"f_y", 0.1501205682342130796507162},
#if LZ_ORDER >= 2
    reference{"f_xx", -0.2565183815463106132482514},
    reference{"f_xy", 0.9650633599797810854408512},
    reference{"f_yy", -0.8606247888404039359348118},
#endif
#if LZ_ORDER >= 3
    reference{"f_xxx", 1.956738495213548777681262},
    reference{"f_xxy", -1.359417790129057112677624},
    reference{"f_xyy", 0.8315845839951242341296907},
    reference{"f_yyy", 0.4674527127506339807407822},
#endif
#if LZ_ORDER >= 4
    reference{"f_xxxx", -4.854567950053774620267237},
    reference{"f_xxxy", -1.469861375556257047425661},
    reference{"f_xxyy", 1.274535077071231203876124},
    reference{"f_xyyy", -6.561498785035702304174215},
    reference{"f_yyyy", 4.610602442786115923460578},
#endif
};
static_assert(std::tuple_size_v<decltype(formulas)> == expected.size());

template <std::size_t... I>
std::size_t total_nodes(std::index_sequence<I...>) {
  return (lz::node_count(std::get<I>(formulas)) + ...);
}

}  // namespace

int main() {
  // Run-time values: the compiler cannot fold the evaluation away.
  volatile double px = 0.7, py = 0.4;
  auto const values = lz::eval(formulas, x = double(px), y = double(py));
  auto const computed = std::apply([](auto... v) { return std::array<double, sizeof...(v)>{v...}; }, values);

  // The "result nodes" line is read by scripts/compile-bench.
  std::printf("W6, the value and all partials of order 1 to %d: %zu formulas\n", LZ_ORDER, expected.size());
  std::printf("result nodes: %zu\n", total_nodes(std::make_index_sequence<expected.size()>{}));
  int failures = 0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    double const want = expected[i].value, got = computed[i];
    bool const ok = std::abs(got - want) <= 1e-12 * std::abs(want);
    failures += ok ? 0 : 1;
    std::printf("  %-6s %+.17g  (SymPy %+.17g)%s\n", expected[i].name, got, want, ok ? "" : "  MISMATCH");
  }
  std::printf("%s\n", failures == 0 ? "OK" : "FAILED");
  return failures == 0 ? 0 : 1;
}
