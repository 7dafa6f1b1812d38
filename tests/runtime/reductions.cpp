// SPDX-License-Identifier: BSL-1.0
// leibniz: reductions along a dimension (sum, mean, max, min, logsumexp; keepdim, negative
// dims), softmax and log_softmax: values, gradients, jvps and hvps over a (2, 3, 4) tensor
// with ties, against PyTorch 1.13 (reductions_golden.inc, written by
// scripts/torch-functions-golden); infinite and NaN elements; static shapes, constant
// evaluation, printing and the errors.
#include "torch_golden.hpp"

#include <catch2/catch.hpp>

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lz = leibniz;

namespace {

using leibniz_test::check_elements;
using leibniz_test::golden_inf;
using leibniz_test::golden_nan;
using leibniz_test::tensor_of;
using leibniz_test::torch_case;

struct axis_edge_golden {
  std::string_view name;
  std::vector<double> value, grad;
};
#include "reductions_golden.inc"

constexpr lz::variable<"x"> x;
constexpr lz::variable<"w"> w;

/// F(X), the gradient of sum(W * F(X)), the jvp of F along V and the hvp of sum(W * F(X))
/// along V, with lz::tensor operands, against PyTorch's. The hvp of a linear or piecewise
/// linear F is 0: only some of those check it (SecondOrder), to save compile time.
template <bool SecondOrder = true, class F>
void check_axis(std::string_view name, F const& f) {
  INFO(name << ": " << f);
  auto const& c = leibniz_test::find_case(axis_cases, name);
  lz::shape const out = c.result_shape();
  auto const X = tensor_of(lz::shape{2, 3, 4}, axis_x);
  auto const V = tensor_of(lz::shape{2, 3, 4}, axis_v);
  auto const W = tensor_of(out, c.w.data());
  auto const loss = lz::sum(w * f);

  auto const y = lz::eval(f, x = X);
  CHECK(y.shape() == out);
  check_elements("value", y, c.value);
  check_elements("gradient", lz::eval(lz::grad(loss, x), x = X, w = W), c.grad);
  auto const jv = lz::eval(lz::jvp(f, x, V), x = X);
  CHECK(jv.shape() == out);
  check_elements("jvp", jv, c.jvp);
  if constexpr (SecondOrder) check_elements("hvp", lz::eval(lz::hvp(loss, x, V), x = X, w = W), c.hvp);
}

}  // namespace

TEST_CASE("sum and mean along a dimension against PyTorch", "[reductions][tensor]") {
  check_axis("sum_0", lz::sum(x, lz::dim<0>));
  check_axis<false>("sum_1_keepdim", lz::sum(x, lz::dim<1>, lz::keepdim));
  check_axis<false>("sum_-1", lz::sum(x, lz::dim<-1>));
  check_axis<false>("mean_1", lz::mean(x, lz::dim<1>));
  check_axis<false>("mean_-3_keepdim", lz::mean(x, lz::dim<-3>, lz::keepdim));
}

TEST_CASE(
    "max and min along a dimension against PyTorch: the first extreme "
    "element gets the gradient",
    "[reductions][tensor]") {
  check_axis("max_2", lz::max(x, lz::dim<2>));
  check_axis<false>("max_0_keepdim", lz::max(x, lz::dim<0>, lz::keepdim));
  check_axis<false>("min_1", lz::min(x, lz::dim<1>));
  check_axis<false>("min_-1_keepdim", lz::min(x, lz::dim<-1>, lz::keepdim));
}

TEST_CASE("logsumexp, softmax and log_softmax against PyTorch, to second order", "[reductions][tensor]") {
  check_axis("logsumexp_1", lz::logsumexp(x, lz::dim<1>));
  check_axis("logsumexp_-1_keepdim", lz::logsumexp(x, lz::dim<-1>, lz::keepdim));
  check_axis("softmax_2", lz::softmax(x, lz::dim<2>));
  check_axis("softmax_0", lz::softmax(x, lz::dim<0>));
  check_axis("log_softmax_1", lz::log_softmax(x, lz::dim<1>));
  check_axis("log_softmax_-1", lz::log_softmax(x, lz::dim<-1>));
}

TEST_CASE("compositions of reductions against PyTorch", "[reductions][tensor]") {
  check_axis("cross_entropy",
             -lz::sum(lz::log_softmax(x, lz::dim<-1>) * lz::softmax(x * 0.5, lz::dim<-1>), lz::dim<-1>));
  check_axis("max_of_mean", lz::max(lz::mean(x, lz::dim<0>), lz::dim<-1>));
}

TEST_CASE("prod against PyTorch: exact derivatives where an element is 0, to second order",
          "[reductions][tensor]") {
  check_axis("prod_with_zero", lz::prod(lz::select(x, lz::dim<0>, 0) * 0.5));
  check_axis("prod_of_sin", lz::prod(lz::sin(x) + 1.5));
  // two zeros: the gradient is 0, the Hessian has the product of the others at (1, 2)
  lz::tensor<double> const v{2, 0, 0, 0.5};
  CHECK(lz::eval(lz::grad(lz::prod(x), x), x = v) == lz::tensor<double>{0, 0, 0, 0});
  auto const h = lz::eval(lz::hessian(lz::prod(x), x), x = v);
  CHECK(h(1, 2) == 1);
  CHECK(h(2, 1) == 1);
  CHECK(h(0, 1) == 0);
  static_assert(lz::eval(lz::prod(x), x = lz::fixed_tensor<double, 3>{2, 3, 4}) == 24);
  CHECK(lz::to_string(lz::grad(lz::prod(x), x)) == "fit(prod_others(x), x)");
}

TEST_CASE(
    "reductions along a dimension at infinite, NaN and large elements, "
    "as PyTorch",
    "[reductions][tensor]") {
  auto const E = tensor_of(lz::shape{5, 3}, axis_edge_x);
  auto const check_edge = [&](std::string_view name, auto const& f) {
    INFO(name);
    for (auto const& c : axis_edge_cases) {
      if (c.name != name) continue;
      check_elements("value", lz::eval(f, x = E), c.value);
      check_elements("gradient", lz::eval(lz::grad(lz::sum(f), x), x = E), c.grad);
      return;
    }
    FAIL("no golden case");
  };
  check_edge("logsumexp", lz::logsumexp(x, lz::dim<1>));
  check_edge("softmax", lz::softmax(x, lz::dim<1>));
  check_edge("log_softmax", lz::log_softmax(x, lz::dim<1>));
  check_edge("max", lz::max(x, lz::dim<1>));
  check_edge("min", lz::min(x, lz::dim<1>));
  check_edge("sum", lz::sum(x, lz::dim<1>));
}

TEST_CASE("argmax and argmin along a dimension: the indices of torch.max(x, dim), as numbers",
          "[reductions][tensor]") {
  auto const X = tensor_of(lz::shape{2, 3, 4}, axis_x);
  auto const E = tensor_of(lz::shape{5, 3}, axis_edge_x);
  auto const check_arg = [&](std::string_view name, auto const& f, lz::tensor<double> const& at) {
    INFO(name << ": " << f);
    auto const& c = leibniz_test::find_case(arg_extreme_cases, name);
    auto const value = lz::eval(f, x = at);
    CHECK(value.shape() == c.result_shape());
    check_elements("value", value, c.value);
    // piecewise constant: the derivative is 0 (also at the NaN and infinite elements)
    CHECK(lz::eval(lz::sum(lz::abs(lz::jvp(f, x, at))), x = at).item() == 0);
  };
  check_arg("argmax_dim-1", lz::argmax(x, lz::dim<-1>), X);
  check_arg("argmax_dim0_keepdim", lz::argmax(x, lz::dim<0>, lz::keepdim), X);
  check_arg("argmin_dim1", lz::argmin(x, lz::dim<1>), X);
  check_arg("argmax_of_square_dim2", lz::argmax(x * x, lz::dim<2>), X);
  check_arg("argmax_edge_dim1", lz::argmax(x, lz::dim<1>), E);
  check_arg("argmin_edge_dim1", lz::argmin(x, lz::dim<1>), E);
  check_arg("argmax_edge_dim0", lz::argmax(x, lz::dim<0>), E);
  // the derivative is 0: grad(sum(argmax(x, dim) * x)) is argmax(x, dim) spread along d
  lz::tensor<double> const M{{1, 5, 5}, {2, -1, 0}};
  CHECK(lz::eval(lz::grad(lz::sum(lz::argmax(x, lz::dim<1>, lz::keepdim) * x), x), x = M) ==
        lz::tensor<double>{{1, 1, 1}, {0, 0, 0}});
  CHECK(lz::to_string(lz::argmin(x, lz::dim<-1>, lz::keepdim)) == "argmin(x, dim=-1, keepdim)");
  static_assert(lz::eval(lz::argmax(x, lz::dim<0>), x = lz::fixed_tensor<double, 2, 2>{{1, 4}, {3, 2}})(0) == 1);
  CHECK_THROWS_WITH(lz::eval(lz::argmax(x, lz::dim<1>), x = lz::tensor<double>(lz::shape{2, 0}, 0.0)),
                    "leibniz: argmax: dim 1 of shape (2, 0) is empty");
}

TEST_CASE(
    "reductions along a dimension of fixed_tensors: static shapes, the "
    "same numbers",
    "[reductions][fixed_tensor]") {
  lz::fixed_tensor<double, 2, 3, 4> X;
  for (std::size_t i = 0; i < 24; ++i) X.data()[i] = axis_x[i];
  constexpr auto f = lz::log_softmax(lz::max(x, lz::dim<1>, lz::keepdim), lz::dim<-1>);
  auto const y = lz::eval(f, x = X);
  STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(y)>, lz::fixed_tensor<double, 2, 1, 4>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(lz::sum(x, lz::dim<-1>), x = X)), lz::fixed_tensor<double, 2, 3>>);
  STATIC_REQUIRE(std::is_same_v<decltype(lz::eval(lz::mean(x, lz::dim<0>, lz::keepdim), x = X)),
                                lz::fixed_tensor<double, 1, 3, 4>>);

  auto const& c = leibniz_test::find_case(axis_cases, "softmax_2");
  auto const W = [&] {
    lz::fixed_tensor<double, 2, 3, 4> t;
    for (std::size_t i = 0; i < 24; ++i) t.data()[i] = c.w[i];
    return t;
  }();
  constexpr auto g = lz::softmax(x, lz::dim<2>);
  check_elements("value", lz::eval(g, x = X), c.value);
  check_elements("gradient", lz::eval(lz::grad(lz::sum(w * g), x), x = X, w = W), c.grad);
}

TEST_CASE("reductions along a dimension in constant evaluation", "[reductions][constexpr]") {
  constexpr lz::fixed_tensor<double, 2, 3> M{{1, 2, 3}, {4, 5, 9}};
  constexpr auto s = lz::eval(lz::sum(x, lz::dim<0>), x = M);
  static_assert(s(0) == 5 && s(1) == 7 && s(2) == 12);
  constexpr auto m = lz::eval(lz::max(x, lz::dim<-1>, lz::keepdim), x = M);
  static_assert(m(0, 0) == 3 && m(1, 0) == 9);
  constexpr auto gm = lz::eval(lz::grad(lz::sum(lz::min(x, lz::dim<1>)), x), x = M);
  static_assert(gm(0, 0) == 1 && gm(1, 0) == 1 && gm(0, 1) == 0 && gm(1, 2) == 0);
  // softmax rows sum to 1; the gradient of sum(log_softmax) is 1 - 3 softmax
  constexpr auto p = lz::eval(lz::softmax(x, lz::dim<1>), x = M);
  static_assert(p(0, 0) + p(0, 1) + p(0, 2) > 1 - 1e-15 && p(0, 0) + p(0, 1) + p(0, 2) < 1 + 1e-15);
  constexpr auto gl = lz::eval(lz::grad(lz::sum(lz::log_softmax(x, lz::dim<1>)), x), x = M);
  CHECK(gl(1, 2) == Approx(1 - 3 * p(1, 2)).epsilon(1e-14));
  CHECK(p(1, 2) == Approx(std::exp(9.0) / (std::exp(4.0) + std::exp(5.0) + std::exp(9.0))).epsilon(1e-15));
}

TEST_CASE(
    "a reduction along the only dimension of a vector is a scalar; a "
    "scalar is its own reduction",
    "[reductions][tensor]") {
  lz::tensor<double> const v{3, -1, 2};
  CHECK(lz::eval(lz::sum(x, lz::dim<0>), x = v).shape() == lz::shape{});
  CHECK(lz::eval(lz::sum(x, lz::dim<0>), x = v).item() == 4);
  CHECK(lz::eval(lz::logsumexp(x, lz::dim<-1>), x = v).item() ==
        Approx(std::log(std::exp(3.0) + std::exp(-1.0) + std::exp(2.0))));
  // scalars (torch.sum(torch.tensor(3.), dim=0) is 3)
  CHECK(lz::eval(lz::sum(x, lz::dim<0>), x = 3.0) == 3);
  CHECK(lz::eval(lz::max(x, lz::dim<-1>, lz::keepdim), x = 3.0) == 3);
  CHECK(lz::eval(lz::softmax(x, lz::dim<0>), x = 3.0) == 1);
  CHECK(lz::eval(lz::d(lz::mean(x * x, lz::dim<0>), x), x = 3.0) == 6);
}

TEST_CASE("reductions along a dimension print their dimension", "[reductions][print]") {
  CHECK(lz::to_string(lz::sum(x, lz::dim<1>)) == "sum(x, dim=1)");
  CHECK(lz::to_string(lz::mean(x * x, lz::dim<-1>, lz::keepdim)) == "mean(x^2, dim=-1, keepdim)");
  CHECK(lz::to_string(lz::softmax(x, lz::dim<0>)) == "softmax(x, dim=0)");
  CHECK(lz::to_latex(lz::logsumexp(x, lz::dim<1>, lz::keepdim)) ==
        "\\operatorname{logsumexp}\\left(x, \\mathrm{dim}=1, "
        "\\mathrm{keepdim}\\right)");
  CHECK(lz::to_string(lz::grad(lz::sum(lz::max(x, lz::dim<0>)), x)) ==
        "fit(where(first_max(x, dim=0), spread(fit(1, max(x, dim=0)), x, "
        "dim=0), 0), x)");
  CHECK(lz::to_string(lz::grad(lz::sum(lz::log_softmax(x, lz::dim<1>)), x)) ==
        "fit(fit(1, log_softmax(x, dim=1)) - exp(log_softmax(x, dim=1)) * "
        "sum(fit(1, log_softmax(x, dim=1)), dim=1, "
        "keepdim), x)");
}

TEST_CASE(
    "reductions along a dimension: errors name the operation, the "
    "dimension and the shape",
    "[reductions][errors]") {
  lz::tensor<double> const m{{1, 2, 3}, {4, 5, 6}};
  try {
    (void)lz::eval(lz::sum(x, lz::dim<2>), x = m);
    FAIL("no shape_error");
  } catch (lz::shape_error const& e) {
    CHECK(std::string(e.what()) ==
          "leibniz: sum: dim 2 is out of range for "
          "shape (2, 3) (a dim from -2 to 1)");
  }
  CHECK_THROWS_AS(lz::eval(lz::softmax(x, lz::dim<-3>), x = m), lz::shape_error);
  CHECK_THROWS_AS(lz::eval(lz::grad(lz::sum(lz::mean(x, lz::dim<5>)), x), x = m), lz::shape_error);
  lz::tensor<double> const empty(lz::shape{2, 0}, 0.0);
  try {
    (void)lz::eval(lz::max(x, lz::dim<1>), x = empty);
    FAIL("no shape_error");
  } catch (lz::shape_error const& e) {
    CHECK(std::string(e.what()) == "leibniz: max: dim 1 of shape (2, 0) is empty");
  }
  // as PyTorch: an empty dimension's sum is 0, its mean NaN, its logsumexp -inf
  CHECK(lz::eval(lz::sum(x, lz::dim<1>), x = empty).data()[1] == 0);
  CHECK(std::isnan(lz::eval(lz::mean(x, lz::dim<1>), x = empty).data()[0]));
  CHECK(lz::eval(lz::logsumexp(x, lz::dim<1>), x = empty).data()[0] == -golden_inf);
  CHECK(lz::eval(lz::max(x, lz::dim<0>), x = empty).shape() == lz::shape{0});
  // an empty reduced dimension is an error even when the result is empty, as torch's
  CHECK_THROWS_AS(lz::eval(lz::min(x, lz::dim<0>), x = lz::tensor<double>(lz::shape{0, 2}, 0.0)), lz::shape_error);
}
