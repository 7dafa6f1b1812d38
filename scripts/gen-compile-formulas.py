#!/usr/bin/env python3
# SPDX-License-Identifier: BSL-1.0
"""Writes bench/compile/generated_N<N>.cpp: the compile-time benchmark of the gradient of
a random formula of N nodes (docs/compile-time.md, scripts/compile-bench).

Each file holds one random formula f over the scalar variables x, y, z, built from
+ - * /, lz::sin, lz::cos, lz::exp, lz::tanh, lz::atan, lz::log(1 + u*u),
lz::sqrt(1 + u*u), and small integer and floating literals. Its gradient
lz::grad(f, x, y, z) (a std::tuple of three formulas) is evaluated with one lz::eval at a
fixed point (one reverse sweep over f's tree, docs/design.md), printed, and compared with central finite differences of f itself (5-point
stencil, relative tolerance 1e-6); the program's exit code is non-zero on a mismatch.

Node count: every operator, function call, variable and number in the formula as
written in the source is one node; lz::sqrt(1 + u*u) is 4 nodes (sqrt, +, 1, *) plus
twice the nodes of u (u is kept small: at most MAX_SQUARED nodes). Each formula has exactly N nodes counted this way (leibniz's own
lz::node_count, printed by the program, counts the simplified tree it builds).

The formulas are reproducible: the generator uses Python's random.Random seeded with
"<seed>:<N>" (the default seed is 2024), and only the standard library. Every subtree is
evaluated by the generator (forward-mode dual numbers) at the fixed point, and redrawn if
its value would be ill-conditioned there (exp of a large argument, a denominator near 0,
a value or gradient too large), so that the finite-difference check is meaningful.

  scripts/gen-compile-formulas.py                 # N = 50 100 200 400 800
  scripts/gen-compile-formulas.py --seed 2024 200 # one file
"""

import argparse
import math
import os
import random
import sys

POINT = {"x": 0.7, "y": -0.3, "z": 1.1}
VARS = ("x", "y", "z")
INT_LITERALS = ("2", "3", "4", "5")
FLOAT_LITERALS = ("0.5", "0.25", "1.5", "0.75", "2.5", "1.25")
BINARY = ("+", "-", "*", "/")
BINARY_WEIGHTS = (3, 3, 3, 2)
UNARY = ("sin", "cos", "exp", "tanh", "atan")
MAX_SQUARED = 6  # the largest u, in nodes, in sqrt(1 + u*u) and log(1 + u*u)


class Dual:
    """A value and its gradient with respect to (x, y, z)."""

    __slots__ = ("v", "g")

    def __init__(self, v, g=(0.0, 0.0, 0.0)):
        self.v = v
        self.g = g

    def chain(self, v, dv):
        return Dual(v, tuple(dv * gi for gi in self.g))


def dual_binary(op, a, b):
    if op == "+":
        return Dual(a.v + b.v, tuple(p + q for p, q in zip(a.g, b.g)))
    if op == "-":
        return Dual(a.v - b.v, tuple(p - q for p, q in zip(a.g, b.g)))
    if op == "*":
        return Dual(a.v * b.v, tuple(p * b.v + a.v * q for p, q in zip(a.g, b.g)))
    if b.v == 0:
        return Dual(math.nan, (math.nan,) * 3)
    v = a.v / b.v
    return Dual(v, tuple((p - v * q) / b.v for p, q in zip(a.g, b.g)))


def dual_unary(fn, a):
    if fn == "sin":
        return a.chain(math.sin(a.v), math.cos(a.v))
    if fn == "cos":
        return a.chain(math.cos(a.v), -math.sin(a.v))
    if fn == "exp":
        e = math.exp(a.v) if a.v < 700 else math.inf
        return a.chain(e, e)
    if fn == "tanh":
        t = math.tanh(a.v)
        return a.chain(t, 1.0 - t * t)
    if fn == "atan":
        return a.chain(math.atan(a.v), 1.0 / (1.0 + a.v * a.v))
    if fn == "sqrt1":  # sqrt(1 + u*u)
        s = math.sqrt(1.0 + a.v * a.v)
        return a.chain(s, a.v / s)
    if fn == "log1":  # log(1 + u*u)
        return a.chain(math.log(1.0 + a.v * a.v), 2.0 * a.v / (1.0 + a.v * a.v))
    raise ValueError(fn)


class Node:
    """kind: 'var', 'num', 'bin' (op, a, b) or 'fn' (fn, a)."""

    __slots__ = ("kind", "text", "a", "b", "value", "size", "vars")

    def __init__(self, kind, text, a=None, b=None, at=None):
        self.kind, self.text, self.a, self.b = kind, text, a, b
        if kind == "var":
            self.value = Dual(at[text], tuple(1.0 if v == text else 0.0 for v in VARS))
            self.size, self.vars = 1, {text}
        elif kind == "num":
            self.value = Dual(float(text))
            self.size, self.vars = 1, set()
        elif kind == "bin":
            self.value = dual_binary(text, a.value, b.value)
            self.size, self.vars = 1 + a.size + b.size, a.vars | b.vars
        else:
            self.value = dual_unary(text, a.value)
            self.size = (4 + 2 * a.size) if text in ("sqrt1", "log1") else 1 + a.size
            self.vars = a.vars

    def cpp(self, top=True):
        if self.kind in ("var", "num"):
            return self.text
        if self.kind == "bin":
            s = f"{self.a.cpp(False)} {self.text} {self.b.cpp(False)}"
            return s if top else f"({s})"
        u = self.a.cpp(False)
        if self.text == "sqrt1":
            return f"lz::sqrt(1 + {u} * {u})"
        if self.text == "log1":
            return f"lz::log(1 + {u} * {u})"
        return f"lz::{self.text}({self.a.cpp(True)})"

    def formula(self, top=True):
        """The same formula in plain notation, for the header comment."""
        if self.kind in ("var", "num"):
            return self.text
        if self.kind == "bin":
            s = f"{self.a.formula(False)} {self.text} {self.b.formula(False)}"
            return s if top else f"({s})"
        u = self.a.formula(False)
        if self.text == "sqrt1":
            return f"sqrt(1 + {u}*{u})"
        if self.text == "log1":
            return f"log(1 + {u}*{u})"
        return f"{self.text}({self.a.formula(True)})"


def well_conditioned(node):
    v = node.value
    if not all(math.isfinite(t) for t in (v.v, *v.g)):
        return False
    if abs(v.v) > 1e3 or max(abs(t) for t in v.g) > 1e4:
        return False
    if node.kind == "fn" and node.text == "exp" and abs(node.a.value.v) > 3.0:
        return False
    if node.kind == "bin" and node.text == "/" and abs(node.b.value.v) < 0.3:
        return False
    return True


class Generator:
    def __init__(self, rng):
        self.rng = rng

    def leaf(self, need_var):
        if need_var or self.rng.random() < 0.6:
            return Node("var", self.rng.choice(VARS), at=POINT)
        pool = INT_LITERALS if self.rng.random() < 0.5 else FLOAT_LITERALS
        return Node("num", self.rng.choice(pool), at=POINT)

    def tree(self, size, need_var=True):
        """A formula of exactly `size` nodes; it contains a variable unless it is a single
        literal (allowed only when need_var is false)."""
        for _ in range(200):
            node = self.draw(size, need_var)
            if well_conditioned(node):
                return node
        raise RuntimeError(f"no well-conditioned subtree of {size} nodes found")

    def draw(self, size, need_var):
        rng = self.rng
        if size == 1:
            return self.leaf(need_var)
        if size == 2:
            return Node("fn", rng.choice(UNARY), self.tree(1), at=POINT)
        r = rng.random()
        # u is written twice in sqrt(1 + u*u) and log(1 + u*u): only small u, so that
        # the formula is not mostly copies of one large subtree.
        if r < 0.15 and 6 <= size <= 4 + 2 * MAX_SQUARED and (size - 4) % 2 == 0:
            return Node("fn", rng.choice(("sqrt1", "log1")), self.tree((size - 4) // 2), at=POINT)
        if r < 0.40:
            return Node("fn", rng.choice(UNARY), self.tree(size - 1), at=POINT)
        op = rng.choices(BINARY, BINARY_WEIGHTS)[0]
        left = rng.randint(1, size - 2)
        # At least one operand holds a variable: two plain numbers would be C++ arithmetic
        # (3 / 2 == 1), not a formula.
        free_left = rng.random() < 0.5
        a = self.tree(left, need_var=not free_left)
        b = self.tree(size - 1 - left, need_var=free_left)
        return Node("bin", op, a, b, at=POINT)


def five_point(f, at, var, h=1e-3):
    def shifted(t):
        p = dict(at)
        p[var] = at[var] + t * h
        return f(p)
    return (-shifted(2) + 8 * shifted(1) - 8 * shifted(-1) + shifted(-2)) / (12 * h)


def evaluate(node, at):
    if node.kind == "var":
        return at[node.text]
    if node.kind == "num":
        return float(node.text)
    if node.kind == "bin":
        a, b = evaluate(node.a, at), evaluate(node.b, at)
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b != 0 else math.inf}[node.text]
    u = evaluate(node.a, at)
    return dual_unary(node.text, Dual(u)).v


def acceptable(f):
    """Uses x, y and z; every gradient entry is not small next to f and matches the
    finite differences closely, so that the C++ check at 1e-6 has a wide margin."""
    if f.vars != set(VARS):
        return False
    scale = max(1.0, abs(f.value.v))
    for i, var in enumerate(VARS):
        g = f.value.g[i]
        if abs(g) < 1e-2 * scale:
            return False
        try:
            fd = five_point(lambda p: evaluate(f, p), POINT, var)
        except (ValueError, OverflowError, ZeroDivisionError):
            return False
        if not abs(fd - g) <= 1e-9 * abs(g):
            return False
    return True


def wrap(text, width=92, indent="    "):
    """Breaks a long C++ expression at spaces into lines of at most `width` characters."""
    lines, line = [], indent
    for word in text.split(" "):
        if len(line) + 1 + len(word) > width and line.strip():
            lines.append(line.rstrip())
            line = indent * 2
        line += ("" if line.strip() == "" else " ") + word
    lines.append(line)
    return "\n".join(lines)


def comment_wrap(text, width=92, prefix="//   "):
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(prefix) + len(line) + 1 + len(word) > width:
            lines.append(prefix + line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(prefix + line)
    return "\n".join(lines)


TEMPLATE = """\
// SPDX-License-Identifier: BSL-1.0
// leibniz compile-time benchmark: the gradient of a random formula of {n} nodes.
// GENERATED FILE, do not edit. Regenerate with:
//   scripts/gen-compile-formulas.py --seed {seed} {n}
// (every operator, function call, variable and number as written is one node;
// lz::sqrt(1 + u*u) and lz::log(1 + u*u) count u twice.)
//
// lz::grad(f, x, y, z) is evaluated with one lz::eval at (x, y, z) = ({px}, {py}, {pz}),
// printed, and compared with central finite differences of f (5-point stencil,
// relative tolerance 1e-6). The exit code is non-zero on a mismatch. scripts/compile-bench
// measures the time and memory its compilation takes (docs/compile-time.md).
//
// f =
{formula}
#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstdio>
#include <tuple>

namespace {{

namespace lz = leibniz;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"z"> z;

// {n} nodes as written, depth {depth}
constexpr auto f =
{cpp};

/// Central difference of f along one variable, 5-point stencil (error O(h^4)).
template <class F>
double central_difference(F const& along, double at) {{
  double const h = 1e-3;
  return (-along(at + 2 * h) + 8 * along(at + h) - 8 * along(at - h) + along(at - 2 * h)) / (12 * h);
}}

}}  // namespace

int main() {{
  // Run-time values: the compiler cannot fold the evaluation away.
  volatile double vx = {px}, vy = {py}, vz = {pz};
  double const px = vx, py = vy, pz = vz;

  auto const gradient = lz::grad(f, x, y, z);  // a std::tuple of three formulas
  auto const [gx, gy, gz] = lz::eval(gradient, x = px, y = py, z = pz);
  double const fd[3] = {{
      central_difference([&](double t) {{ return lz::eval(f, x = t, y = py, z = pz); }}, px),
      central_difference([&](double t) {{ return lz::eval(f, x = px, y = t, z = pz); }}, py),
      central_difference([&](double t) {{ return lz::eval(f, x = px, y = py, z = t); }}, pz)}};
  double const g[3] = {{gx, gy, gz}};

  std::printf("generated formula, {n} nodes as written: lz::node_count(f) = %zu\\n", lz::node_count(f));
  // read by scripts/compile-bench: the nodes of the tree that the gradient's reverse sweep
  // walks, f's own (lz::node_count of a gradient item would build its symbolic form)
  std::printf("result nodes: %zu\\n", lz::node_count(f));
  std::printf("  f = %.17g\\n", lz::eval(f, x = px, y = py, z = pz));
  int failures = 0;
  char const* const names[3] = {{"x", "y", "z"}};
  for (int i = 0; i < 3; ++i) {{
    bool const ok = std::abs(g[i] - fd[i]) <= 1e-6 * std::abs(fd[i]);
    failures += ok ? 0 : 1;
    std::printf("  df/d%s = %+.17g  (finite differences %+.17g)%s\\n", names[i], g[i], fd[i],
                ok ? "" : "  MISMATCH");
  }}
  std::printf("%s\\n", failures == 0 ? "OK" : "FAILED");
  return failures == 0 ? 0 : 1;
}}
"""


def depth(node):
    if node.kind in ("var", "num"):
        return 1
    return 1 + max(depth(node.a), depth(node.b) if node.b else 0)


def generate(n, seed):
    rng = random.Random(f"{seed}:{n}")
    gen = Generator(rng)
    for _ in range(1000):
        f = gen.tree(n)
        if acceptable(f):
            return f
    raise RuntimeError(f"no acceptable formula of {n} nodes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 100, 200, 400, 800],
                        help="formula sizes in nodes (default: 50 100 200 400)")
    parser.add_argument("--seed", type=int, default=2024)
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--out", default=os.path.join(here, "..", "bench", "compile"),
                        help="output directory (default: bench/compile)")
    args = parser.parse_args()
    for n in args.sizes:
        if n < 1:
            sys.exit(f"size must be at least 1: {n}")
        f = generate(n, args.seed)
        assert f.size == n
        text = TEMPLATE.format(
            n=n, seed=args.seed, px=POINT["x"], py=POINT["y"], pz=POINT["z"],
            formula=comment_wrap(f.formula()), cpp=wrap(f.cpp()), depth=depth(f))
        path = os.path.join(args.out, f"generated_N{n}.cpp")
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        g = f.value.g
        print(f"{os.path.relpath(path)}: {n} nodes, depth {depth(f)}, f = {f.value.v:.6g}, "
              f"grad = ({g[0]:.6g}, {g[1]:.6g}, {g[2]:.6g})")


if __name__ == "__main__":
    main()
