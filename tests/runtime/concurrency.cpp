// SPDX-License-Identifier: BSL-1.0
// leibniz tests: evaluating the same formulas from 8 threads at once gives the same bits
// as a single-threaded reference (issue 5, item 7): scalar formulas and their
// derivatives, fixed_tensor formulas, gradients and Jacobians, lz::tensor formulas
// (fused elementwise chains, reductions, products) and their derivatives, and printing.
// The formulas are shared constexpr objects; each thread binds its own inputs, and all
// threads read the same shared input tensors. The tsan preset (ThreadSanitizer) builds
// and runs this program; the other presets run it too.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <barrier>
#include <cstddef>
#include <cstring>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"a"> a;
constexpr lz::variable<"b"> b;

constexpr int thread_count = 8;
// Fewer rounds under a sanitizer: ThreadSanitizer is 5-15x slower, AddressSanitizer 2-3x.
// (g++ defines __SANITIZE_*__; clang++ 14 answers __has_feature.)
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define LEIBNIZ_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define LEIBNIZ_TEST_SANITIZED 1
#endif
#endif
#ifdef LEIBNIZ_TEST_SANITIZED
constexpr int rounds = 3;
#else
constexpr int rounds = 12;
#endif

// The formulas, shared by every thread.
constexpr auto f = lz::exp(lz::sin(x * y)) / (1 + x * x + y * y) + lz::pow(x, 3_c) * lz::atan2(y, x);
constexpr auto df = lz::d(f, x, y);
constexpr auto xy = lz::wrt(x, y);
constexpr auto F = lz::stack(x * y, lz::log(1 + x * x), lz::sqrt(1 + y * y) * x);
constexpr auto out = lz::mean((a + 3) * (a + 3) * 3 + lz::sin(a) * b);
constexpr auto chain = lz::sin(a + 3) * (a + 3) * lz::exp(-b * b) / (1 + a * a);
constexpr auto prod = lz::mm(a, b) * 2 + lz::mm(lz::transpose(b), lz::transpose(a));

/// Everything one evaluation round computes for input point `i`, as raw bytes so that
/// the comparison is bitwise (and NaN-safe).
struct results {
  std::vector<unsigned char> bytes;
  std::string text;

  template <class T>
  void add(T const& v) {
    if constexpr (std::is_arithmetic_v<T>) {
      unsigned char raw[sizeof(T)];
      std::memcpy(raw, &v, sizeof(T));
      bytes.insert(bytes.end(), raw, raw + sizeof(T));
    } else {  // fixed_tensor or tensor
      for (auto const e : v) add(e);
      for (auto const e : v.shape()) add(static_cast<std::size_t>(e));
    }
  }
  bool operator==(results const&) const = default;
};

struct inputs {
  double xv, yv;
  lz::fixed_tensor<double, 2> fa;
  lz::fixed_tensor<double, 2, 2> fm;
  lz::tensor<double> ta, tb, ma, mb;
  lz::tensor<float> fta;
};

std::vector<inputs> make_inputs() {
  std::vector<inputs> in;
  for (int i = 0; i < 16; ++i) {
    double const s = 0.1 * (i + 1);
    std::vector<double> va(65), vb(65);
    for (std::size_t k = 0; k < va.size(); ++k) {
      va[k] = s * static_cast<double>(k % 13) - 0.7;
      vb[k] = 0.01 * static_cast<double>(k) - s;
    }
    std::vector<float> vf(va.begin(), va.end());
    std::vector<double> m1(5 * 4), m2(4 * 5);
    for (std::size_t k = 0; k < m1.size(); ++k) {
      m1[k] = s - 0.03 * static_cast<double>(k);
      m2[k] = 0.02 * static_cast<double>(k) * s;
    }
    in.push_back({0.3 + s, 1.1 - s, lz::fixed_tensor<double, 2>{s, 2 - s},
                  lz::fixed_tensor<double, 2, 2>{{s, 1.0}, {-s, 2.0}},
                  lz::tensor<double>(lz::shape{65}, va), lz::tensor<double>(lz::shape{65}, vb),
                  lz::tensor<double>(lz::shape{5, 4}, m1), lz::tensor<double>(lz::shape{4, 5}, m2),
                  lz::tensor<float>(lz::shape{65}, vf)});
  }
  return in;
}

results evaluate_all(inputs const& in) {
  results r;
  // scalars and their derivatives
  r.add(lz::eval(f, x = in.xv, y = in.yv));
  r.add(lz::eval(f, x = static_cast<float>(in.xv), y = static_cast<float>(in.yv)));
  r.add(lz::eval(df, x = in.xv, y = in.yv));
  r.add(lz::eval(lz::grad(f, xy), x = in.xv, y = in.yv));
  r.add(lz::eval(lz::hessian(f, xy), x = in.xv, y = in.yv));
  r.add(lz::eval(lz::jacobian(F, xy), x = in.xv, y = in.yv));
  r.add(lz::eval(lz::vjp(F, xy, lz::fixed_tensor<double, 3>{1, -2, 0.5}), x = in.xv, y = in.yv));
  // fixed tensors
  r.add(lz::eval(out, a = in.fa, b = 0.5));
  r.add(lz::eval(lz::grad(out, a), a = in.fa, b = 0.5));
  r.add(lz::eval(lz::hessian(out, a), a = in.fa, b = 0.5));
  r.add(lz::eval(lz::mm(a, b) + a, a = in.fm, b = in.fm));
  r.add(lz::eval(lz::jacobian(lz::mm(a, b), a), a = in.fm, b = in.fm));
  // dynamic tensors: fused chains, reductions, products, derivatives
  r.add(lz::eval(chain, a = in.ta, b = in.tb));
  r.add(lz::eval(chain, a = in.fta, b = 0.25f));
  r.add(lz::eval(out, a = in.ta, b = in.tb));
  r.add(lz::eval(lz::grad(out, a), a = in.ta, b = in.tb));
  r.add(lz::eval(lz::grad(lz::sum(chain), b), a = in.ta, b = in.tb));
  r.add(lz::eval(prod, a = in.ma, b = in.mb));
  r.add(lz::eval(lz::grad(lz::sum(lz::mm(a, b) * lz::mm(a, b)), a), a = in.ma, b = in.mb));
  r.add(lz::eval(lz::vjp(lz::mm(a, b), b, lz::tensor<double>(lz::shape{5, 5}, 0.5)), a = in.ma, b = in.mb));
  r.add(lz::eval(lz::jacobian(lz::mm(a, b), a), a = lz::tensor<double>(in.fm), b = lz::tensor<double>(in.fm)));
  // printing
  std::ostringstream os;
  os << f << '\n' << lz::to_latex(df) << '\n' << lz::eval(lz::grad(out, a), a = in.ta, b = in.tb) << '\n'
     << lz::eval(lz::jacobian(F, xy), x = in.xv, y = in.yv) << '\n';
  r.text = os.str();
  return r;
}

TEST_CASE("8 threads evaluating the same formulas get the single-threaded results, bit for bit",
          "[concurrency]") {
  std::vector<inputs> const in = make_inputs();
  std::vector<results> reference;
  for (auto const& i : in) reference.push_back(evaluate_all(i));
  for (std::size_t i = 0; i < in.size(); ++i) REQUIRE(evaluate_all(in[i]) == reference[i]);  // deterministic

  std::atomic<long> mismatches{0}, evaluations{0};
  std::barrier start(thread_count);
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < thread_count; ++t) {
      threads.emplace_back([&, t] {
        start.arrive_and_wait();  // all threads evaluate at once
        for (int round = 0; round < rounds; ++round) {
          // each thread walks the inputs in its own order
          for (std::size_t k = 0; k < in.size(); ++k) {
            std::size_t const i = (k * 5 + static_cast<std::size_t>(t) * 3 + static_cast<std::size_t>(round)) % in.size();
            if (!(evaluate_all(in[i]) == reference[i])) mismatches.fetch_add(1);
            evaluations.fetch_add(1);
          }
        }
      });
    }
  }
  CHECK(evaluations.load() == static_cast<long>(thread_count) * rounds * static_cast<long>(in.size()));
  CHECK(mismatches.load() == 0);
}

}  // namespace
