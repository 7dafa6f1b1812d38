// SPDX-License-Identifier: BSL-1.0
// leibniz example: how many heap allocations an evaluation makes (none for scalars and
// fixed_tensors; over lz::tensor, the result and each materialised tensor, once). Run by
// ctest; docs/tensors.md shows this file and its output.
// --8<-- [start:allocations]
#include <leibniz/leibniz.hpp>

#include <cstdlib>
#include <iostream>
#include <new>

namespace lz = leibniz;

// Count every heap allocation of the program.
static long allocations = 0;
void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

constexpr lz::variable<"a"> a;
constexpr lz::variable<"x"> x;

template <class Fn>
long report(char const* what, Fn fn) {
  long const before = allocations;
  auto const result = fn();
  long const n = allocations - before;
  std::cout << what << ": " << n << " allocation(s)\n";
  (void)result;
  return n;
}

int main() {
  auto const out = lz::mean((a + 3) * (a + 3) * 3);
  lz::fixed_tensor<double, 2> const F{2, 3};
  lz::fixed_tensor<double, 2, 2> const FM{{1, 2}, {3, 4}};
  lz::tensor<double> const A(lz::shape{1024}, 0.5);
  lz::tensor<double> const M(lz::shape{4, 4}, 1.0);
  auto const p = lz::mm(a, x);

  long n = 0;
  n += report("fixed: mean(3 (a + 3)^2)           ", [&] { return lz::eval(out, a = F); });
  n += report("fixed: grad of it                  ", [&] { return lz::eval(lz::grad(out, a), a = F); });
  n += report("fixed: jacobian(mm(a, x), a)       ", [&] { return lz::eval(lz::jacobian(p, a), a = FM, x = FM); });
  n += report("dynamic: sin(a + 3) * (a + 3) * 3  ", [&] { return lz::eval(lz::sin(a + 3) * (a + 3) * 3, a = A); });
  n += report("dynamic: mean(3 (a + 3)^2)         ", [&] { return lz::eval(out, a = A); });
  n += report("dynamic: grad of it                ", [&] { return lz::eval(lz::grad(out, a), a = A); });
  n += report("dynamic: mm(a, x) * 2 + 1          ", [&] { return lz::eval(p * 2 + 1, a = M, x = M); });
  n += report("dynamic: p * p + p, p = mm(a, x)   ", [&] { return lz::eval(p * p + p, a = M, x = M); });
  // --8<-- [end:allocations]
  return n == 1 + 1 + 1 + 2 + 2 ? 0 : 1;  // the numbers docs/tensors.md states
}
