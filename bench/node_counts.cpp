// SPDX-License-Identifier: BSL-1.0
// leibniz measurement: node counts of the partial derivatives of order 1..4 of
// f = exp(sin(x y)) / (1 + x^2 + y^2). Built twice by scripts/node-counts: with
// type-level simplification (the default) and with LEIBNIZ_CONFIG_SIMPLIFY=0.
// Prints one line per partial: "order variables node_count".
#include <leibniz/leibniz.hpp>

#include <cstdio>

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr auto f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y);

template <class... V>
void row(char const* vars, V const&... v) {
  std::printf("%zu %s %zu\n", sizeof...(V), vars, lz::node_count(lz::d(f, v...)));
}

int main() {
  std::printf("0 - %zu\n", lz::node_count(f));
  row("x", x);
  row("y", y);
  row("xx", x, x);
  row("xy", x, y);
  row("yy", y, y);
  row("xxx", x, x, x);
  row("xxy", x, x, y);
  row("xyy", x, y, y);
  row("yyy", y, y, y);
  row("xxxx", x, x, x, x);
  row("xxxy", x, x, x, y);
  row("xxyy", x, x, y, y);
  row("xyyy", x, y, y, y);
  row("yyyy", y, y, y, y);
}
