// SPDX-License-Identifier: BSL-1.0
// leibniz: shape operations (reshape, flatten, select, slice, cat, diag, trace): values,
// gradients, jvps and hvps against PyTorch 1.13 (shape_ops_golden.inc, written by
// scripts/torch-functions-golden); static shapes and constant evaluation over fixed_tensors;
// printing and the errors.
#include "torch_golden.hpp"

#include <catch2/catch.hpp>

#include <leibniz/leibniz.hpp>

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace lz = leibniz;

namespace {

using leibniz_test::check_elements;
using leibniz_test::tensor_of;
using leibniz_test::torch_case;
#include "shape_ops_golden.inc"

constexpr lz::variable<"x"> x;
constexpr lz::variable<"y"> y;
constexpr lz::variable<"w"> w;

/// F(X, Y), the gradient of sum(W * F) w.r.t. X, the jvp of F along V and the hvp of
/// sum(W * F) along V, against PyTorch's.
template <class F>
void check_shape_op(std::string_view name, F const& f) {
  INFO(name << ": " << f);
  auto const& c = leibniz_test::find_case(shape_cases, name);
  lz::shape const out = c.result_shape();
  auto const X = tensor_of(lz::shape{2, 3, 4}, shape_x);
  auto const Y = tensor_of(lz::shape{2, 1, 4}, shape_y);
  auto const V = tensor_of(lz::shape{2, 3, 4}, shape_v);
  auto const W = tensor_of(out, c.w.data());
  auto const loss = lz::sum(w * f);

  auto const value = lz::eval(f, x = X, y = Y);
  CHECK(value.shape() == out);
  check_elements("value", value, c.value);
  check_elements("gradient", lz::eval(lz::grad(loss, x), x = X, y = Y, w = W), c.grad);
  check_elements("jvp", lz::eval(lz::jvp(f, x, V), x = X, y = Y), c.jvp);
  check_elements("hvp", lz::eval(lz::hvp(loss, x, V), x = X, y = Y, w = W), c.hvp);
}

}  // namespace

TEST_CASE("reshape and flatten against PyTorch", "[shape_ops][tensor]") {
  check_shape_op("reshape_4_-1", lz::reshape<4, -1>(x * x));
  check_shape_op("reshape_-1_2_3", lz::reshape<-1, 2, 3>(lz::sin(x)));
  check_shape_op("flatten", lz::flatten(lz::exp(x * 0.25)));
}

TEST_CASE("select and slice against PyTorch: x[:, j], x[1:3]", "[shape_ops][tensor]") {
  check_shape_op("select_1_2", lz::select(x * x, lz::dim<1>, 2));
  check_shape_op("select_-1_-1", lz::select(lz::sin(x), lz::dim<-1>, -1));
  check_shape_op("select_0_1", lz::select(x, lz::dim<0>, 1) * lz::select(y, lz::dim<0>, 0));
  check_shape_op("slice_1_3_dim1", lz::slice<1, 3>(lz::sin(x), lz::dim<1>));
  check_shape_op("slice_-2_100_dim2", lz::slice<-2, 100>(x * x, lz::dim<2>));
  check_shape_op("slice_0_1", lz::slice<0, 1>(lz::exp(x * 0.25)));
}

TEST_CASE("cat, diag and trace against PyTorch", "[shape_ops][tensor]") {
  check_shape_op("cat_dim1", lz::cat(lz::dim<1>, x, y * lz::reshape<2, 1, 4>(lz::select(x, lz::dim<1>, 0))));
  check_shape_op("cat_dim-1", lz::cat(lz::dim<-1>, x, lz::exp(x * 0.25), x * x));
  check_shape_op("diag_2d", lz::diag(lz::select(x * x, lz::dim<0>, 0)));
  check_shape_op("diag_1d", lz::diag(lz::sin(lz::select(lz::select(x, lz::dim<0>, 1), lz::dim<0>, 2))));
  check_shape_op("trace",
                 lz::trace(lz::mm(lz::select(x, lz::dim<0>, 0), lz::transpose(lz::sin(lz::select(x, lz::dim<0>, 1))))));
}

TEST_CASE("shape operations on fixed_tensors: static shapes, constant evaluation", "[shape_ops][constexpr]") {
  constexpr lz::fixed_tensor<double, 2, 3> M{{1, 2, 3}, {4, 5, 6}};
  constexpr auto r = lz::eval(lz::reshape<3, -1>(x), x = M);
  STATIC_REQUIRE(std::is_same_v<decltype(r), lz::fixed_tensor<double, 3, 2> const>);
  static_assert(r(0, 1) == 2 && r(2, 0) == 5);
  constexpr auto f = lz::eval(lz::flatten(x), x = M);
  static_assert(f(5) == 6);
  constexpr auto s = lz::eval(lz::slice<1, 3>(x, lz::dim<1>), x = M);
  STATIC_REQUIRE(std::is_same_v<decltype(s), lz::fixed_tensor<double, 2, 2> const>);
  static_assert(s(1, 0) == 5);
  constexpr auto c = lz::eval(lz::cat(lz::dim<0>, x, x * 2), x = M);
  STATIC_REQUIRE(std::is_same_v<decltype(c), lz::fixed_tensor<double, 4, 3> const>);
  static_assert(c(3, 2) == 12);
  static_assert(lz::eval(lz::trace(x), x = M) == 6);
  constexpr auto d = lz::eval(lz::diag(lz::select(x, lz::dim<0>, -1)), x = M);
  static_assert(d(1, 1) == 5 && d(0, 1) == 0);
  // d trace(x^T x) / dx = 2 x
  constexpr auto g = lz::eval(lz::grad(lz::trace(lz::mm(lz::transpose(x), x)), x), x = M);
  static_assert(g(1, 2) == 12 && g(0, 0) == 2);
}

TEST_CASE("shape operations print as PyTorch's calls", "[shape_ops][print]") {
  CHECK(lz::to_string(lz::reshape<2, -1>(x)) == "reshape(x, (2, -1))");
  CHECK(lz::to_string(lz::flatten(x)) == "reshape(x, (-1,))");
  CHECK(lz::to_string(lz::select(x, lz::dim<1>, 2)) == "select(x, 2, dim=1)");
  CHECK(lz::to_string(lz::slice<1, 3>(x)) == "slice(x, 1:3, dim=0)");
  CHECK(lz::to_string(lz::cat(lz::dim<-1>, x, y)) == "cat(x, y, dim=-1)");
  CHECK(lz::to_string(lz::trace(lz::diag(x))) == "trace(diag(x))");
  CHECK(lz::to_latex(lz::slice<0, 2>(x, lz::dim<1>)) == "\\operatorname{slice}\\left(x, 0:2, \\mathrm{dim}=1\\right)");
}

TEST_CASE("shape operations: errors name the shapes", "[shape_ops][errors]") {
  lz::tensor<double> const m{{1, 2, 3}, {4, 5, 6}};
  CHECK_THROWS_WITH(lz::eval(lz::reshape<4, -1>(x), x = m),
                    "leibniz: reshape: shape (2, 3) (6 elements) cannot be reshaped to (4, -1)");
  CHECK_THROWS_AS(lz::eval(lz::reshape<-1, -1>(x), x = m), lz::shape_error);
  CHECK_THROWS_WITH(lz::eval(lz::select(x, lz::dim<1>, 3), x = m),
                    "leibniz: select: index 3 is out of range for dim 1 of shape (2, 3)");
  CHECK_THROWS_WITH(lz::eval(lz::cat(lz::dim<0>, x, y), x = m, y = lz::tensor<double>{1, 2}),
                    "leibniz: cat: shapes (2, 3) and (2,) differ outside dim 0");
  CHECK_THROWS_WITH(lz::eval(lz::trace(x), x = lz::tensor<double>{1, 2}),
                    "leibniz: trace: needs a 2-D tensor, got shape (2,)");
  CHECK_THROWS_AS(lz::eval(lz::diag(x), x = lz::tensor<double>(lz::shape{2, 2, 2}, 0.0)), lz::shape_error);
  // the index is checked also when the result is empty, as torch's
  CHECK_THROWS_AS(lz::eval(lz::select(x, lz::dim<1>, 7), x = lz::tensor<double>(lz::shape{0, 3}, 0.0)),
                  std::out_of_range);
  CHECK_THROWS_AS(lz::eval(lz::select(x, lz::dim<0>, 0), x = 2.0), lz::shape_error);
  CHECK(lz::eval(lz::slice<-2, lz::end>(x, lz::dim<1>), x = m) == lz::tensor<double>{{2, 3}, {5, 6}});
  // an empty slice, as Python's x[5:7]
  CHECK(lz::eval(lz::slice<5, 7>(x, lz::dim<1>), x = m).shape() == lz::shape{2, 0});
}
