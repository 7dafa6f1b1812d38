// SPDX-License-Identifier: BSL-1.0
// leibniz benchmarks: the Google Benchmark side shared by bench/hand_bench.cpp,
// bench/leibniz_bench.cpp and bench/peers/*_bench.cpp: registration under the naming
// convention of workloads.hpp, and the check-then-time loop.
#ifndef LEIBNIZ_BENCH_HARNESS_HPP
#define LEIBNIZ_BENCH_HARNESS_HPP

#include "workloads.hpp"

#include <benchmark/benchmark.h>

#include <span>
#include <string_view>

namespace lzbench {

/// Registers fn as the benchmark <workload>/<task>/<library>.
template <class Fn>
void add(std::string_view workload, std::string_view task, std::string_view library, Fn fn) {
  benchmark::RegisterBenchmark(name(workload, task, library).c_str(), fn);
}

/// Runs task() once and checks what it wrote to `out` against `want` (require_close with
/// tolerance rel; a mismatch exits), then times task(): each iteration hides the inputs
/// from the optimiser before the call and the outputs after it.
template <class Task>
void run_checked(benchmark::State& state, char const* what, std::span<double const> in,
                 std::span<double const> out, std::span<double const> want, double rel, Task task) {
  task();
  require_close(out, want, what, rel);
  for (auto _ : state) {
    benchmark::DoNotOptimize(in.data());
    task();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
}

/// As above with require_close's default tolerance (1e-12).
template <class Task>
void run_checked(benchmark::State& state, char const* what, std::span<double const> in,
                 std::span<double const> out, std::span<double const> want, Task task) {
  run_checked(state, what, in, out, want, 1e-12, task);
}

}  // namespace lzbench

#endif  // LEIBNIZ_BENCH_HARNESS_HPP
