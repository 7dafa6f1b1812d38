// SPDX-License-Identifier: BSL-1.0
// leibniz example: how many heap allocations an evaluation makes (none for scalars and
// fixed_tensors; over lz::tensor, the result and each materialised tensor, once). Run by
// ctest; docs/tensors.md shows this file and its output.
// --8<-- [start:allocations]
#include <leibniz/leibniz.hpp>

#include <atomic>
#include <cstdlib>
#include <iostream>
#include <new>
#include <thread>

namespace lz = leibniz;

// Count every heap allocation of the program (noinline: g++ would otherwise warn of
// free() on operator new's pointer).
static std::atomic<long> allocations{0};
[[gnu::noinline]] void* operator new(std::size_t n) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }

constexpr lz::variable<"a"> a;
constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;

// The allocations of the first eval and of a second one, on a new thread (whose pool of
// reusable temporaries starts empty; see docs/tensors.md).
template <class Fn>
long report(char const* what, Fn fn) {
  long first = 0, second = 0;
  std::thread([&] {
    long const before = allocations.load();
    auto const r1 = fn();
    long const middle = allocations.load();
    auto const r2 = fn();
    first = middle - before;
    second = allocations.load() - middle;
    (void)r1, (void)r2;
  }).join();
  std::cout << what << ": " << first << " then " << second << '\n';
  return first + second;
}

int main() {
  auto const out = lz::mean((a + 3) * (a + 3) * 3);
  lz::fixed_tensor<double, 2> const F{2, 3};
  lz::fixed_tensor<double, 2, 2> const FM{{1, 2}, {3, 4}};
  lz::tensor<double> const A(lz::shape{1024}, 0.5);
  lz::tensor<double> const M(lz::shape{4, 4}, 1.0);
  lz::tensor<double> const X(lz::shape{100, 10}, 0.1), Y(lz::shape{100}, 1.0);
  lz::tensor<double> const W(lz::shape{10}, 0.2);
  auto const p = lz::mm(a, x);
  auto const logistic = lz::mean(lz::log(1 + lz::exp(-y * lz::matmul(x, a))));

  long n = 0;
  std::cout << "allocations of a first eval, then of a second one on the same thread\n";
  n += report("fixed: mean(3 (a + 3)^2)           ", [&] { return lz::eval(out, a = F); });
  n += report("fixed: grad of it                  ", [&] { return lz::eval(lz::grad(out, a), a = F); });
  n += report("fixed: jacobian(mm(a, x), a)       ", [&] { return lz::eval(lz::jacobian(p, a), a = FM, x = FM); });
  n += report("dynamic: sin(a + 3) * (a + 3) * 3  ", [&] { return lz::eval(lz::sin(a + 3) * (a + 3) * 3, a = A); });
  n += report("dynamic: mean(3 (a + 3)^2)         ", [&] { return lz::eval(out, a = A); });
  n += report("dynamic: grad of it                ", [&] { return lz::eval(lz::grad(out, a), a = A); });
  n += report("dynamic: mm(a, x)                  ", [&] { return lz::eval(p, a = M, x = M); });
  n += report("dynamic: mm(a, x) * 2 + 1          ", [&] { return lz::eval(p * 2 + 1, a = M, x = M); });
  n += report("dynamic: p * p + p, p = mm(a, x)   ", [&] { return lz::eval(p * p + p, a = M, x = M); });
  n += report("dynamic: logistic-regression grad  ",
              [&] { return lz::eval(lz::grad(logistic, a), x = X, a = W, y = Y); });
  // --8<-- [end:allocations]
  return n == 2 + 2 + 2 + 2 + 3 + 3 + 6 ? 0 : 1;  // the numbers docs/tensors.md states
}
