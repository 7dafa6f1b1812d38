// SPDX-License-Identifier: BSL-1.0
// Test support: replaces the global operator new to count allocations. Include it in one
// translation unit of a test program (the program's others see the replacement too);
// `counting_new::allocations` is the number of allocations made so far.
#ifndef LEIBNIZ_TESTS_COUNTING_NEW_HPP
#define LEIBNIZ_TESTS_COUNTING_NEW_HPP

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>
#include <thread>
#include <utility>

namespace counting_new {
inline std::atomic<long> allocations{0};

/// The number of allocations made by `fn()`; its result is kept alive in `keep`, to be
/// checked by the caller after counting stops.
template <class Fn, class Keep>
long count(Fn fn, Keep& keep) {
  long const before = allocations.load();
  keep = fn();
  return allocations.load() - before;
}

/// The allocations of the first and of the second call of `fn()` on a new thread, whose
/// pool of lz::eval temporaries starts empty (the first call fills it, the second reuses
/// it); the second call's result is kept.
template <class Fn, class Keep>
std::pair<long, long> first_and_second(Fn fn, Keep& keep) {
  std::pair<long, long> n{-1, -1};
  std::thread([&] {
    n.first = count(fn, keep);
    n.second = count(fn, keep);
  }).join();
  return n;
}
}  // namespace counting_new

// Every replaceable (non-aligned) form, so that all of them pair malloc with free. Not
// inlined: g++ would see free() of operator new's pointer in a caller and warn
// (-Wmismatched-new-delete).
[[gnu::noinline]] void* operator new(std::size_t n) {
  counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
[[gnu::noinline]] void* operator new(std::size_t n, std::nothrow_t const&) noexcept {
  counting_new::allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n == 0 ? 1 : n);
}
void* operator new[](std::size_t n, std::nothrow_t const& t) noexcept { return ::operator new(n, t); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::nothrow_t const&) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::nothrow_t const&) noexcept { std::free(p); }

#endif  // LEIBNIZ_TESTS_COUNTING_NEW_HPP
