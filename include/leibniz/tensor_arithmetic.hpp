// SPDX-License-Identifier: BSL-1.0
// leibniz: tensors in formulas and arithmetic on evaluated tensors: `x * W` (a formula
// holding a copy of W), lz::hold(W) and the non-owning lz::cref(W) as operands of any
// operation; `W - 0.1 * G` on lz::tensor and fixed_tensor values (and numbers), elementwise
// with NumPy broadcasting, as PyTorch's eager tensor arithmetic; the compound assignments
// `W -= 0.1 * G`.
#ifndef LEIBNIZ_TENSOR_ARITHMETIC_HPP
#define LEIBNIZ_TENSOR_ARITHMETIC_HPP

#include <leibniz/eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/operators.hpp>
#include <leibniz/shape.hpp>
#include <leibniz/tensor.hpp>

#include <boost/hana/tuple.hpp>

#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz {
namespace detail {

template <class T>
inline constexpr bool is_tensor_value_v = is_tensor_v<T> || is_fixed_tensor_v<T>;

/// Operands of tensor arithmetic: tensors, fixed_tensors and numbers, at least one tensor
/// (a formula operand makes a formula instead: operators.hpp).
template <class A, class B>
concept tensor_arithmetic_operands = (is_tensor_value_v<A> || is_tensor_value_v<B>)&&(
    is_tensor_value_v<A> || std::is_arithmetic_v<A>)&&(is_tensor_value_v<B> || std::is_arithmetic_v<B>);

template <class A>
struct element_type_of {
  using type = A;
};
template <class A>
  requires is_tensor_value_v<A>
struct element_type_of<A> {
  using type = typename A::value_type;
};

/// The element type of a result: the tensors' (a number takes the tensor's type, as a
/// Python number does in PyTorch); two tensors of different element types give the wider.
template <class A, class B>
using arithmetic_element_t = std::conditional_t<
    !is_tensor_value_v<A>, typename element_type_of<B>::type,
    std::conditional_t<!is_tensor_value_v<B>, typename element_type_of<A>::type,
                       std::common_type_t<typename element_type_of<A>::type, typename element_type_of<B>::type>>>;

/// An operand as bound for the evaluation: a number converted to the result's element type.
template <class R, class A>
constexpr decltype(auto) arithmetic_operand(A const& a) {
  if constexpr (std::is_arithmetic_v<A>)
    return static_cast<R>(a);
  else
    return (a);
}

inline constexpr variable<"__leibniz_lhs"> arithmetic_lhs{};
inline constexpr variable<"__leibniz_rhs"> arithmetic_rhs{};

/// op(a, b) for tensor values: the formula op(lhs, rhs) evaluated with a and b bound, one
/// loop over the broadcast shape (a shape_error or a compile error names both shapes).
template <class Op, class A, class B>
constexpr auto tensor_arithmetic(Op const& op, A const& a, B const& b) {
  using R = arithmetic_element_t<A, B>;
  return eval(op(arithmetic_lhs, arithmetic_rhs), arithmetic_lhs = arithmetic_operand<R>(a),
              arithmetic_rhs = arithmetic_operand<R>(b));
}

/// op(a, b) written over the elements of `into` (a when IntoLeft, else b), computed in R
/// and stored as into's element type: one loop, no allocation. When `other` is a tensor of
/// another shape (broadcasting), nothing is written and the result is false.
template <class R, bool IntoLeft, class Op, class T, class O>
bool assign_elementwise(Op const& op, tensor<T>& into, O const& other) {
  T* const p = into.data();
  std::size_t const n = into.size();
  if constexpr (std::is_arithmetic_v<O>) {
    R const v = static_cast<R>(other);
    for (std::size_t i = 0; i < n; ++i)
      p[i] = static_cast<T>(IntoLeft ? op(static_cast<R>(p[i]), v) : op(v, static_cast<R>(p[i])));
  } else {
    if (!(shape_of_value(other) == into.shape())) return false;
    auto const* const q = other.data();
    for (std::size_t i = 0; i < n; ++i)
      p[i] = static_cast<T>(IntoLeft ? op(static_cast<R>(p[i]), static_cast<R>(q[i]))
                                     : op(static_cast<R>(q[i]), static_cast<R>(p[i])));
  }
  return true;
}

/// op(a, b) where a or b may be an rvalue lz::tensor: a temporary of the result's shape and
/// element type (`0.1 * G` in `W - 0.1 * G`) takes the result in place, so that a chain
/// allocates once; otherwise tensor_arithmetic.
template <class Op, class A, class B>
constexpr auto tensor_arithmetic_reusing(Op const& op, A&& a, B&& b) {
  using AV = std::remove_cvref_t<A>;
  using BV = std::remove_cvref_t<B>;
  using R = arithmetic_element_t<AV, BV>;
  // a non-const rvalue: A is tensor<R> itself (a const one is not written into)
  if constexpr (std::is_same_v<A, tensor<R>>) {
    if (assign_elementwise<R, true>(op, a, b)) return AV(std::move(a));
  }
  if constexpr (std::is_same_v<B, tensor<R>>) {
    if (assign_elementwise<R, false>(op, b, a)) return BV(std::move(b));
  }
  return tensor_arithmetic(op, a, b);
}

/// a = op(a, b) in place, for a compound assignment: b must broadcast to a's shape (a
/// shape_error naming both shapes, or a compile error for fixed_tensors, otherwise).
/// A number or a tensor of a's shape is applied in one loop over a's elements.
template <class Op, class A, class B>
constexpr A& tensor_assign(char const* what, Op const& op, A& a, B const& b) {
  if constexpr (is_tensor_v<A>) {
    if (assign_elementwise<arithmetic_element_t<A, B>, true>(op, a, b)) return a;
  }
  auto result = tensor_arithmetic(op, a, b);
  if constexpr (is_tensor_v<A>) {
    if (!(result.shape() == a.shape()))
      throw shape_error(shapes_text(what, a.shape(), shape_of_value(b)) +
                        ": the result's shape differs from the left operand's");
    if constexpr (std::is_same_v<decltype(result), A>) {
      a = std::move(result);
    } else {  // a wider right operand: the result converted to a's element type, as torch's in-place ops
      using T = typename A::value_type;
      std::vector<T> converted(result.size());
      for (std::size_t i = 0; i < converted.size(); ++i) converted[i] = static_cast<T>(result.data()[i]);
      a = A(a.shape(), std::move(converted));
    }
  } else {
    static_assert(std::is_same_v<decltype(result), A>,
                  "leibniz: a compound assignment to a fixed_tensor needs a right operand that broadcasts to its "
                  "shape and element type");
    if constexpr (std::is_same_v<decltype(result), A>) a = result;
  }
  return a;
}

struct plus_fn {
  template <class L, class R>
  constexpr auto operator()(L const& l, R const& r) const {
    return l + r;
  }
};
struct minus_fn {
  template <class L, class R>
  constexpr auto operator()(L const& l, R const& r) const {
    return l - r;
  }
};
struct times_fn {
  template <class L, class R>
  constexpr auto operator()(L const& l, R const& r) const {
    return l * r;
  }
};
struct divides_fn {
  template <class L, class R>
  constexpr auto operator()(L const& l, R const& r) const {
    return l / r;
  }
};

}  // namespace detail

/// A tensor held in a formula by reference (lz::cref): read in place at each evaluation.
template <class T>
struct tensor_cref {
  T const* target;
  using value_type = typename T::value_type;
  [[nodiscard]] constexpr auto shape() const { return target->shape(); }
  [[nodiscard]] constexpr value_type const* data() const { return target->data(); }
};

/// A tensor or fixed_tensor as a constant of a formula, held by value (a copy of its
/// elements in the formula): `lz::matmul(lz::hold(X), w)`. `x * W` does the same for the
/// arithmetic operators. Its derivative is 0; it prints as its elements (up to 16 of them)
/// or as `tensor(shape)`.
template <class T>
  requires detail::is_tensor_value_v<T>
[[nodiscard]] constexpr auto hold(T const& t) {
  return detail::as_expr(t);
}
/// A tensor as a constant of a formula, held by reference, not copied: for large data.
/// The tensor must outlive every evaluation of the formula (and of its derivatives), and
/// its current elements are read at each one.
template <class T>
  requires detail::is_tensor_value_v<T>
[[nodiscard]] constexpr auto cref(T const& t) {
  return literal<tensor_cref<T>>{boost::hana::tuple<tensor_cref<T>>{tensor_cref<T>{&t}}};
}
/// No reference to a temporary: it would dangle (use lz::hold, which copies).
template <class T>
  requires detail::is_tensor_value_v<T>
void cref(T const&&) = delete;

template <class T>
struct tensor_binding<tensor_cref<T>> {
  using value_type = typename T::value_type;
  static constexpr bool dynamic = detail::is_tensor_v<T>;
  static constexpr auto shape(tensor_cref<T> const& r) { return detail::shape_of_binding(*r.target); }
  static constexpr auto view(tensor_cref<T> const& r) { return detail::as_value<value_type>(*r.target); }
};

namespace detail {
template <class T>
inline constexpr bool is_tensor_literal_v<expression<expr_kind::terminal, boost::hana::tuple<tensor_cref<T>>>> = true;
template <class T>
inline constexpr bool holds_dynamic_literal_v<expression<expr_kind::terminal, boost::hana::tuple<tensor_cref<T>>>> =
    is_tensor_v<T>;

/// A formula operand: an expression as it is, a tensor held by value.
template <class T>
constexpr auto formula_operand(T const& t) {
  if constexpr (Expression<T>)
    return t;
  else
    return as_expr(t);
}
/// A formula with a tensor operand: `x * W`.
template <class A, class B>
concept formula_with_tensor = (Expression<A> && is_tensor_value_v<B>) || (is_tensor_value_v<A> && Expression<B>);
}  // namespace detail

/// `x + W`, `x - W`, `x * W`, `x / W` with a formula x and a tensor or fixed_tensor W: a
/// formula holding a copy of W (lz::cref(W) to hold a reference instead).
template <class A, class B>
  requires detail::formula_with_tensor<A, B>
[[nodiscard]] constexpr auto operator+(A const& a, B const& b) {
  return detail::make_add(detail::formula_operand(a), detail::formula_operand(b));
}
template <class A, class B>
  requires detail::formula_with_tensor<A, B>
[[nodiscard]] constexpr auto operator-(A const& a, B const& b) {
  return detail::make_sub(detail::formula_operand(a), detail::formula_operand(b));
}
template <class A, class B>
  requires detail::formula_with_tensor<A, B>
[[nodiscard]] constexpr auto operator*(A const& a, B const& b) {
  return detail::make_mul(detail::formula_operand(a), detail::formula_operand(b));
}
template <class A, class B>
  requires detail::formula_with_tensor<A, B>
[[nodiscard]] constexpr auto operator/(A const& a, B const& b) {
  return detail::make_div(detail::formula_operand(a), detail::formula_operand(b));
}

/// `a + b`, `a - b`, `a * b`, `a / b` for tensors, fixed_tensors and numbers (at least one
/// tensor): a new tensor (a fixed_tensor when every tensor operand is one, in constant
/// evaluation too), elementwise with broadcasting, as in PyTorch. One loop per operator; an
/// rvalue lz::tensor operand of the result's shape and element type holds the result (no
/// allocation). For one loop over a whole expression, write it as a formula and lz::eval it.
template <class A, class B>
  requires detail::tensor_arithmetic_operands<std::remove_cvref_t<A>, std::remove_cvref_t<B>>
[[nodiscard]] constexpr auto operator+(A&& a, B&& b) {
  return detail::tensor_arithmetic_reusing(detail::plus_fn{}, std::forward<A>(a), std::forward<B>(b));
}
template <class A, class B>
  requires detail::tensor_arithmetic_operands<std::remove_cvref_t<A>, std::remove_cvref_t<B>>
[[nodiscard]] constexpr auto operator-(A&& a, B&& b) {
  return detail::tensor_arithmetic_reusing(detail::minus_fn{}, std::forward<A>(a), std::forward<B>(b));
}
template <class A, class B>
  requires detail::tensor_arithmetic_operands<std::remove_cvref_t<A>, std::remove_cvref_t<B>>
[[nodiscard]] constexpr auto operator*(A&& a, B&& b) {
  return detail::tensor_arithmetic_reusing(detail::times_fn{}, std::forward<A>(a), std::forward<B>(b));
}
template <class A, class B>
  requires detail::tensor_arithmetic_operands<std::remove_cvref_t<A>, std::remove_cvref_t<B>>
[[nodiscard]] constexpr auto operator/(A&& a, B&& b) {
  return detail::tensor_arithmetic_reusing(detail::divides_fn{}, std::forward<A>(a), std::forward<B>(b));
}
/// `-a` for a tensor or fixed_tensor.
template <class A>
  requires detail::is_tensor_value_v<std::remove_cvref_t<A>>
[[nodiscard]] constexpr auto operator-(A&& a) {
  using AV = std::remove_cvref_t<A>;
  if constexpr (std::is_same_v<A, AV> && detail::is_tensor_v<AV>) {  // a non-const rvalue: negated in place
    for (std::size_t i = 0; i < a.size(); ++i) a.data()[i] = -a.data()[i];
    return AV(std::move(a));
  } else {
    return eval(-detail::arithmetic_lhs, detail::arithmetic_lhs = a);
  }
}

/// `a += b`, `a -= b`, `a *= b`, `a /= b`: a tensor or fixed_tensor a updated with b (a
/// tensor or a number) broadcast to a's shape; b may not make a larger (torch's in-place
/// rule): a shape_error naming both shapes, a compile error for fixed_tensors.
template <class A, class B>
  requires(detail::is_tensor_value_v<A> && detail::tensor_arithmetic_operands<A, B>)
constexpr A& operator+=(A& a, B const& b) {
  return detail::tensor_assign("+=", detail::plus_fn{}, a, b);
}
template <class A, class B>
  requires(detail::is_tensor_value_v<A> && detail::tensor_arithmetic_operands<A, B>)
constexpr A& operator-=(A& a, B const& b) {
  return detail::tensor_assign("-=", detail::minus_fn{}, a, b);
}
template <class A, class B>
  requires(detail::is_tensor_value_v<A> && detail::tensor_arithmetic_operands<A, B>)
constexpr A& operator*=(A& a, B const& b) {
  return detail::tensor_assign("*=", detail::times_fn{}, a, b);
}
template <class A, class B>
  requires(detail::is_tensor_value_v<A> && detail::tensor_arithmetic_operands<A, B>)
constexpr A& operator/=(A& a, B const& b) {
  return detail::tensor_assign("/=", detail::divides_fn{}, a, b);
}

}  // namespace leibniz

#endif  // LEIBNIZ_TENSOR_ARITHMETIC_HPP
