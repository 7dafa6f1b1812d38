// SPDX-License-Identifier: BSL-1.0
// leibniz tests: to_string, to_latex, operator<< and boost::yap::print, on exact strings.
#include <leibniz/leibniz.hpp>

#include <boost/yap/print.hpp>
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace {

namespace lz = leibniz;
using namespace lz::literals;

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"theta"> theta;

TEST_CASE("to_string: infix with minimal parentheses", "[print]") {
  CHECK(lz::to_string(x) == "x");
  CHECK(lz::to_string(lz::pow(x + 3, 2_c) * 3) == "3 * (x + 3)^2");
  CHECK(lz::to_string(lz::d(lz::pow(x + 3, 2_c) * 3, x)) == "6 * (x + 3)");
  CHECK(lz::to_string(x + y * 2.5) == "x + 2.5 * y");
  CHECK(lz::to_string((x + y) * (x - y)) == "(x + y) * (x - y)");
  CHECK(lz::to_string(x - (y - 1)) == "x - (y - 1)");
  CHECK(lz::to_string(x / (y * 2)) == "x / (2 * y)");
  CHECK(lz::to_string(x / y / lz::sin(x)) == "x / (y * sin(x))");
  CHECK(lz::to_string(x / (y / lz::sin(x))) == "x / (y / sin(x))");
  CHECK(lz::to_string(-x) == "-x");
  CHECK(lz::to_string(-(x * y)) == "-(x * y)");
  CHECK(lz::to_string(x * lz::exp(-y)) == "x * exp(-y)");
  CHECK(lz::to_string(lz::pow(-x, 2_c)) == "(-x)^2");
  CHECK(lz::to_string(lz::pow(x, 1_c / 2_c)) == "x^(1/2)");
  CHECK(lz::to_string(lz::pow(x, lz::constant<-1>{})) == "x^(-1)");
  CHECK(lz::to_string(lz::pow(x, y + 1)) == "x^(y + 1)");
  CHECK(lz::to_string(lz::pow(lz::pow(x, y), 2_c)) == "(x^y)^2");
  CHECK(lz::to_string(lz::atan2(y, x)) == "atan2(y, x)");
  CHECK(lz::to_string(lz::abs(theta) * lz::cbrt(x)) == "abs(theta) * cbrt(x)");
  CHECK(lz::to_string(1_c / 2_c * x) == "1/2 * x");
  CHECK(lz::to_string(x * -2.0) == "-2 * x");
  CHECK(lz::to_string(lz::stack(x, y * y)) == "[x, y^2]");
  CHECK(lz::to_string(lz::d(lz::exp(lz::sin(x * y)) / (1 + x * x + y * y), x)) ==
        "(exp(sin(x * y)) * cos(x * y) * y - 2 * exp(sin(x * y)) / (x^2 + y^2 + 1) * x) / "
        "(x^2 + y^2 + 1)");
  CHECK(lz::to_string(x * (y * 2.0)) == "2 * x * y");  // 2 * (x * y): * is associative
  CHECK(lz::to_string(x + (y - 1)) == "x + y - 1");
}

TEST_CASE("formulas over tensors print their nodes and held tensors", "[print][tensor]") {
  CHECK(lz::to_string(lz::mean((x + 3) * (x + 3) * 3)) == "mean(3 * (x + 3) * (x + 3))");
  CHECK(lz::to_string(lz::mm(x, lz::transpose(y))) == "mm(x, transpose(y))");
  CHECK(lz::to_string(x(0, 1) * 2) == "2 * x(0, 1)");
  CHECK(lz::to_string(lz::pow((x + y)(1), 2_c)) == "(x + y)(1)^2");
  CHECK(lz::to_latex(x(0, 1) * y) == "x_{0, 1} y");
  CHECK(lz::to_string(lz::vjp(lz::mm(x, y), x, lz::tensor<float>{{1, 0}})) ==
        "fit(mm(fit([[1, 0]], mm(x, y)), transpose(y)), x)");
  CHECK(lz::to_string(lz::grad(lz::sum(lz::sin(x)), x)) == "fit(fit(1, sin(x)) * cos(x), x)");
}

TEST_CASE("to_latex", "[print]") {
  CHECK(lz::to_latex(lz::pow(x + 3, 2_c) * 3) == "3 \\left(x + 3\\right)^{2}");
  CHECK(lz::to_latex(x / (y + 1)) == "\\frac{x}{y + 1}");
  CHECK(lz::to_latex(lz::sqrt(x) + lz::cbrt(y)) == "\\sqrt{x} + \\sqrt[3]{y}");
  CHECK(lz::to_latex(lz::exp(x * y)) == "e^{x y}");
  CHECK(lz::to_latex(lz::sin(theta) * lz::abs(x)) == "\\sin\\left(\\mathrm{theta}\\right) \\left|x\\right|");
  CHECK(lz::to_latex(lz::pow(x, 1_c / 2_c)) == "x^{\\frac{1}{2}}");
  CHECK(lz::to_latex(x * 2.5 * y) == "2.5 x y");
  CHECK(lz::to_latex(x * lz::pow(y, 2_c) * 3) == "3 x y^{2}");
  CHECK(lz::to_latex(lz::stack(lz::stack(x, y), lz::stack(y, x))) ==
        "\\begin{pmatrix} x & y \\\\ y & x \\end{pmatrix}");
}

TEST_CASE("operator<< prints to_string", "[print]") {
  std::ostringstream os;
  os << lz::d(lz::sin(x) * x, x);
  CHECK(os.str() == "cos(x) * x + sin(x)");
}

TEST_CASE("boost::yap::print works on every expression", "[print][yap]") {
  std::ostringstream os;
  boost::yap::print(os, lz::sin(x) + 2.5 * y);
  std::string const tree = os.str();
  CHECK(tree.find("expr<+>") != std::string::npos);
  CHECK(tree.find("[=sin]") != std::string::npos);
  CHECK(tree.find("[=x]") != std::string::npos);
  CHECK(tree.find("[=2.5]") != std::string::npos);
  std::ostringstream os2;
  boost::yap::print(os2, lz::d(lz::pow(x, 1_c / 2_c), x));
  CHECK(os2.str().find("[=1/2]") != std::string::npos);
}

}  // namespace
