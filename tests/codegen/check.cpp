// SPDX-License-Identifier: BSL-1.0
// lz::to_c: the C functions that emit.cpp wrote for formulas.hpp, compiled by the C
// compiler (C99, -Wall -Wextra -Werror -pedantic) and linked into this program, give
// lz::eval's values at random points; and what to_c refuses, it refuses with a message.
#include "formulas.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <random>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

extern "C" {
double rosenbrock(double, double);
void rosenbrock_grad(double, double, double*);
void rosenbrock_hessian(double, double, double*);
double all_functions(double, double);
void all_functions_grad(double, double, double*);
double stable_functions(double, double);
void stable_functions_hessian(double, double, double*);
double piecewise(double, double);
void piecewise_grad(double, double, double*);
void arm_tip(double, double, double*);
void arm_jacobian(double, double, double*);
void seed_jacobian(double, double, double*);
void mixed_grad_tuple(double, double, double*);
double mixed_dxyx(double, double);
void constant_hessian(double, double, double*);
}

namespace {
namespace lz = leibniz;

void append(std::vector<double>& out, double v) { out.push_back(v); }
template <class T, std::size_t... N>
void append(std::vector<double>& out, lz::fixed_tensor<T, N...> const& t) {
  out.insert(out.end(), t.data(), t.data() + t.size());
}
template <class... T>
void append(std::vector<double>& out, std::tuple<T...> const& t) {
  std::apply([&](auto const&... item) { (append(out, item), ...); }, t);
}

/// lz::eval of the case's formula at (a, b), flattened in row-major order.
template <class Case>
std::vector<double> expected(Case const& c, double a, double b) {
  auto const values = std::array{a, b};
  std::vector<double> out;
  [&]<class... V, std::size_t... I>(lz::wrt_t<V...>, std::index_sequence<I...>) {
    append(out, lz::eval(std::get<1>(c), (V{} = values[I])...));
  }(std::get<2>(c), std::make_index_sequence<2>{});
  return out;
}

std::vector<double> call(double (*f)(double, double), double a, double b, std::size_t) { return {f(a, b)}; }
std::vector<double> call(void (*f)(double, double, double*), double a, double b, std::size_t n) {
  std::vector<double> out(n, -12345.0);
  f(a, b, out.data());
  return out;
}

template <class Case, class C>
void compare(Case const& c, C c_function) {
  INFO(std::get<0>(c));
  std::mt19937_64 rng(20261205);
  std::uniform_real_distribution<double> first(0.1, 0.9), second(0.2, 2.0);
  for (int k = 0; k < 20; ++k) {
    double const a = first(rng), b = second(rng);
    INFO("at (" << a << ", " << b << ")");
    auto const want = expected(c, a, b);
    auto const got = call(c_function, a, b, want.size());
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
      INFO("output " << i);
      CHECK(got[i] == Approx(want[i]).epsilon(1e-12).margin(1e-12));
    }
  }
}

template <std::size_t I>
auto const& case_() {
  return std::get<I>(codegen_cases::cases);
}
}  // namespace

TEST_CASE("to_c: compiled C gives lz::eval's values", "[codegen]") {
  compare(case_<0>(), rosenbrock);
  compare(case_<1>(), rosenbrock_grad);
  compare(case_<2>(), rosenbrock_hessian);
  compare(case_<3>(), all_functions);
  compare(case_<4>(), all_functions_grad);
  compare(case_<5>(), stable_functions);
  compare(case_<6>(), stable_functions_hessian);
  compare(case_<7>(), piecewise);
  compare(case_<8>(), piecewise_grad);
  compare(case_<9>(), arm_tip);
  compare(case_<10>(), arm_jacobian);
  compare(case_<11>(), seed_jacobian);
  compare(case_<12>(), mixed_grad_tuple);
  compare(case_<13>(), mixed_dxyx);
  compare(case_<14>(), constant_hessian);
  static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(codegen_cases::cases)>> == 15,
                "a new case needs its line above and its declaration");
}

TEST_CASE("to_c: known values, by hand", "[codegen]") {
  // Rosenbrock at (1, 1) is its minimum: value 0, gradient 0; Hessian [[802, -400], [-400, 200]].
  CHECK(rosenbrock(1.0, 1.0) == 0.0);
  std::array<double, 2> g{};
  rosenbrock_grad(1.0, 1.0, g.data());
  CHECK(g == std::array{0.0, 0.0});
  std::array<double, 4> h{};
  rosenbrock_hessian(1.0, 1.0, h.data());
  CHECK(h == std::array{802.0, -400.0, -400.0, 200.0});
  // The arm stretched out along the x axis: tip (2.25, 0), Jacobian [[0, 0], [2.25, 0.75]].
  std::array<double, 4> j{};
  arm_jacobian(0.0, 0.0, j.data());
  CHECK(j == std::array{-0.0, -0.0, 2.25, 0.75});
}

TEST_CASE("to_c: each distinct operation is computed once", "[codegen]") {
  using codegen_cases::x, codegen_cases::xy;
  std::string const code = lz::to_c(lz::hessian(codegen_cases::rosenbrock, xy), "h", xy);
  // x * x occurs in two entries of the Hessian and is one temporary.
  auto count = [&](std::string const& s) {
    std::size_t n = 0;
    for (auto at = code.find(s); at != std::string::npos; at = code.find(s, at + 1)) ++n;
    return n;
  };
  CHECK(count("= x * x;") == 1);
  CHECK(count("out[3] = 200.0;") == 1);  // the constant entry is a literal
  CHECK(code.find("void h(double x, double y, double *restrict out)") != std::string::npos);
  // A scalar formula returns its value; an unused parameter is marked as such.
  std::string const c = lz::to_c(lz::constant<2>{} * x, "twice", xy);
  CHECK(c.find("double twice(double x, double y) {\n  (void)y;\n") != std::string::npos);
  CHECK(c.find("return lz_t0;") != std::string::npos);
}

TEST_CASE("to_c: names that C cannot take are refused with a message", "[codegen]") {
  using codegen_cases::x, codegen_cases::y, codegen_cases::xy;
  CHECK_THROWS_WITH(lz::to_c(x * y, "2f", xy), Catch::Contains("'2f' is not a C identifier"));
  CHECK_THROWS_WITH(lz::to_c(x * y, "lz_f", xy), Catch::Contains("'lz_f'"));
  constexpr lz::variable<"sin"> s;
  CHECK_THROWS_WITH(lz::to_c(lz::sin(s), "f", lz::wrt(s)), Catch::Contains("the variable 'sin' cannot be"));
  constexpr lz::variable<"double"> d;
  CHECK_THROWS_AS(lz::to_c(d * 2, "f", lz::wrt(d)), std::invalid_argument);
  constexpr lz::variable<"x'"> p;
  CHECK_THROWS_WITH(lz::to_c(p * 2, "f", lz::wrt(p)), Catch::Contains("'x''"));
}
