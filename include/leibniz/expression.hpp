// SPDX-License-Identifier: BSL-1.0
// leibniz: the expression template: node types, leaves and the Expression concept.
#ifndef LEIBNIZ_EXPRESSION_HPP
#define LEIBNIZ_EXPRESSION_HPP

#include <leibniz/config.hpp>
#include <leibniz/detail/fixed_string.hpp>

#include <boost/hana/at.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>
#include <boost/yap/algorithm_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <numeric>
#include <ostream>
#include <string_view>
#include <type_traits>
#include <utility>

namespace leibniz {

using boost::yap::expr_kind;

/// An interior node of a formula: a Boost.YAP expression whose operands are held
/// **by value** in `elements`. The whole tree is the type; runtime constants are
/// the only state. Function applications are `expr_kind::call` nodes whose first
/// element is a terminal holding the function object (`lz::sin`, ...).
template <expr_kind Kind, class Tuple>
struct expression {
  static constexpr expr_kind kind = Kind;
  Tuple elements;

  /// Element access `e(i, j)`: a scalar formula (defined in tensor_ops.hpp).
  template <class... I>
    requires(sizeof...(I) > 0 && (std::is_integral_v<I> && ...))
  constexpr auto operator()(I... i) const;
};

/// The value held by a variable's terminal: the variable's name.
template <detail::fixed_string Name>
struct symbol {
  static constexpr std::string_view name = Name.view();
  friend std::ostream& operator<<(std::ostream& os, symbol) { return os << name; }
};

/// The value held by a compile-time constant's terminal.
template <std::intmax_t Num, std::intmax_t Den>
struct rational {
  static constexpr std::intmax_t num = Num;
  static constexpr std::intmax_t den = Den;
  friend std::ostream& operator<<(std::ostream& os, rational) {
    os << Num;
    if constexpr (Den != 1) os << '/' << Den;
    return os;
  }
};

template <detail::fixed_string Name, class T>
struct binding;

/// Customisation point: a tensor type of another library that `x = value` binds and
/// `lz::eval` reads in place, with no copy (specialised by <leibniz/eigen.hpp>). A
/// specialisation gives
///   using value_type = ...;                 // float or double
///   static constexpr bool dynamic;          // results are lz::tensor (true) or fixed_tensor
///   static constexpr auto shape(T const&);  // leibniz::shape, or static_shape<N...>
///   static constexpr auto view(T const&);   // detail::strided_view<value_type, that shape>
template <class T>
struct tensor_binding;

namespace detail {
template <class T>
inline constexpr bool is_bindable_v =
    std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;
template <class T>
struct bindable_trait;  // specialised for tensor types in tensor.hpp
/// A value bound through leibniz::tensor_binding (another library's tensor).
template <class T>
concept ExternalTensor = requires { typename tensor_binding<T>::value_type; };
template <class T>
concept Bindable = is_bindable_v<T> || requires { bindable_trait<T>::value; } || ExternalTensor<T>;
/// Values bound by copy even as lvalues: numbers. Tensors given as lvalues, fixed or
/// dynamic, are bound by reference (no copy of their elements).
template <class T>
inline constexpr bool is_trivially_bindable_v = std::is_arithmetic_v<T>;
}  // namespace detail

/// A symbolic variable: an empty literal type whose identity is its name.
/// `x = v` (on a const variable) makes a binding for `lz::eval`.
template <detail::fixed_string Name>
struct variable {
  static constexpr expr_kind kind = expr_kind::terminal;
  static constexpr std::string_view name = Name.view();
  static constexpr boost::hana::tuple<symbol<Name>> elements{};  // static: the type is empty

  /// Element access `m(i, j)` of a variable bound to a tensor: a scalar formula.
  template <class... I>
    requires(sizeof...(I) > 0 && (std::is_integral_v<I> && ...))
  constexpr auto operator()(I... i) const;

  /// Binds this variable to `value` for `lz::eval`.
  template <class T>
  constexpr auto operator=(T&& value) const {
    static_assert(detail::Bindable<std::remove_cvref_t<T>>,
                  "leibniz: a variable can be bound (x = value) only to an arithmetic value "
                  "(not bool) or a leibniz tensor");
    if constexpr (detail::Bindable<std::remove_cvref_t<T>>) {
      // A dynamic tensor given as an lvalue is bound by reference, not copied: use
      // the binding within the full-expression that makes it, as in eval(f, a = A).
      if constexpr (std::is_lvalue_reference_v<T> && !std::is_arithmetic_v<std::remove_cvref_t<T>> &&
                    !detail::is_trivially_bindable_v<std::remove_cvref_t<T>>)
        return binding<Name, std::remove_cvref_t<T> const&>{value};
      else
        return binding<Name, std::remove_cvref_t<T>>{static_cast<T&&>(value)};
    }
  }
};

namespace detail {
/// The number of decimal digits of i.
consteval std::size_t decimal_digits(std::size_t i) {
  std::size_t n = 1;
  for (; i >= 10; i /= 10) ++n;
  return n;
}
/// Prefix followed by the decimal digits of I: "x" and 12 give "x12".
template <fixed_string Prefix, std::size_t I>
consteval auto indexed_name() {
  constexpr std::size_t digits = decimal_digits(I);
  char text[Prefix.size() + digits + 1]{};
  for (std::size_t k = 0; k < Prefix.size(); ++k) text[k] = Prefix.data[k];
  std::size_t i = I;
  for (std::size_t k = digits; k-- > 0; i /= 10) text[Prefix.size() + k] = static_cast<char>('0' + i % 10);
  return fixed_string<Prefix.size() + digits + 1>(text);
}
}  // namespace detail

/// N variables named Prefix0, Prefix1, ..., declared at once: `lz::variables<"x", 3>` holds
/// `lz::variable<"x0">`, `<"x1">`, `<"x2">`. Item I is `xs.get<I>()` or `xs[i]` for a
/// `std::integral_constant<std::size_t, I>` i (as `lz::sum_over` passes); a family unpacks
/// into structured bindings (`auto [x0, x1, x2] = lz::variables<"x", 3>;`), and `lz::wrt(xs)`
/// (also with other variables: `lz::wrt(xs, y)`) bundles its variables.
template <detail::fixed_string Prefix, std::size_t N>
struct variable_family {
  static_assert(N > 0, "leibniz::variables<\"x\", N>: N must be at least 1");
  template <std::size_t I>
  using type = variable<detail::indexed_name<Prefix, I>()>;
  /// type<I> for std::integral_constant<std::size_t, I> (for Mp11's algorithms)
  template <class I>
  using item = type<I::value>;

  /// The number of variables.
  [[nodiscard]] static constexpr std::size_t size() noexcept { return N; }
  /// Variable I.
  template <std::size_t I>
  [[nodiscard]] static constexpr type<I> get() noexcept {
    static_assert(I < N, "leibniz::variables<\"x\", N>::get<I>(): I must be below N");
    return {};
  }
  template <std::size_t I>
  [[nodiscard]] constexpr type<I> operator[](std::integral_constant<std::size_t, I>) const noexcept {
    return get<I>();
  }
  /// f(x0, x1, ..., x{N-1}), as std::apply.
  template <class F>
  [[nodiscard]] static constexpr decltype(auto) apply(F&& f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) -> decltype(auto) {
      return static_cast<F&&>(f)(type<I>{}...);
    }(std::make_index_sequence<N>{});
  }
};
template <detail::fixed_string Prefix, std::size_t N>
inline constexpr variable_family<Prefix, N> variables{};

/// f(0) + f(1) + ... + f(N - 1), where f receives std::integral_constant<std::size_t, i>:
/// a sum of formulas over the items of a family: for `x = lz::variables<"x", N>`,
/// `lz::sum_over<N>([](auto i) { return lz::square(x[i]); })` is x0^2 + ... + x{N-1}^2.
template <std::size_t N, class F>
[[nodiscard]] constexpr auto sum_over(F const& f) {
  static_assert(N > 0, "leibniz::sum_over<N>(f): N must be at least 1");
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (f(std::integral_constant<std::size_t, I>{}) + ...);
  }(std::make_index_sequence<N>{});
}

/// A binding `x = value`, made by `variable::operator=`.
template <detail::fixed_string Name, class T>
struct binding {
  using variable_type = variable<Name>;
  T value;
};

/// A compile-time rational constant `Num / Den`, in lowest terms with `Den > 0`.
/// `2_c` is `constant<2>`; `1_c / 2_c` is `constant<1, 2>`.
template <std::intmax_t Num, std::intmax_t Den = 1>
struct constant {
  static_assert(Den > 0 && std::gcd(Num, Den) == 1,
                "leibniz::constant<Num, Den> must be in lowest terms with Den > 0 "
                "(write constant<1, 2>, not constant<2, 4>)");
  static constexpr expr_kind kind = expr_kind::terminal;
  static constexpr std::intmax_t num = Num;
  static constexpr std::intmax_t den = Den;
  static constexpr boost::hana::tuple<rational<Num, Den>> elements{};

  /// The constant's value in type `T`.
  template <class T>
  static constexpr T value = static_cast<T>(Num) / static_cast<T>(Den);
};

/// A runtime constant (an arithmetic value stored by value in the tree).
template <class T>
using literal = expression<expr_kind::terminal, boost::hana::tuple<T>>;

/// The terminal holding a function object in a `call` node.
template <class F>
using function_terminal = expression<expr_kind::terminal, boost::hana::tuple<F>>;

/// Node aliases.
template <class A, class B>
using add_node = expression<expr_kind::plus, boost::hana::tuple<A, B>>;
template <class A, class B>
using sub_node = expression<expr_kind::minus, boost::hana::tuple<A, B>>;
template <class A, class B>
using mul_node = expression<expr_kind::multiplies, boost::hana::tuple<A, B>>;
template <class A, class B>
using div_node = expression<expr_kind::divides, boost::hana::tuple<A, B>>;
template <class A>
using neg_node = expression<expr_kind::negate, boost::hana::tuple<A>>;
template <class F, class... A>
using call_node = expression<expr_kind::call, boost::hana::tuple<function_terminal<F>, A...>>;

namespace fn {
struct pow_t;
}
template <class A, class B>
using pow_node = call_node<fn::pow_t, A, B>;

// ---------------------------------------------------------------------------
// Classification traits.
namespace detail {

/// Whether argument I of function F is used for its shape only (internal nodes of
/// derivatives over tensors): such an argument is bound but never differentiated. An
/// operation says so in its struct, `static constexpr bool shape_only_arg(std::size_t)`.
template <class F>
constexpr bool is_shape_only_arg(std::size_t i) noexcept {
  if constexpr (requires { F::shape_only_arg(std::size_t{}); })
    return F::shape_only_arg(i);
  else
    return false;
}

template <class T>
inline constexpr bool is_expression_v = false;
template <expr_kind K, class... Ts>
inline constexpr bool is_expression_v<expression<K, boost::hana::tuple<Ts...>>> = true;
template <fixed_string N>
inline constexpr bool is_expression_v<variable<N>> = true;
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_expression_v<constant<N, D>> = true;

template <class T>
inline constexpr bool is_variable_v = false;
template <fixed_string N>
inline constexpr bool is_variable_v<variable<N>> = true;

template <class T>
inline constexpr bool is_literal_v = false;
template <class T>
inline constexpr bool is_literal_v<literal<T>> = is_bindable_v<T>;

template <class T>
inline constexpr bool is_function_terminal_v = false;
template <class F>
  requires(!is_bindable_v<F>)
inline constexpr bool is_function_terminal_v<function_terminal<F>> = true;

template <class E, expr_kind K>
inline constexpr bool is_kind_v = false;
template <expr_kind K, class T>
inline constexpr bool is_kind_v<expression<K, T>, K> = true;

template <class E>
inline constexpr bool is_add_v = is_kind_v<E, expr_kind::plus>;
template <class E>
inline constexpr bool is_sub_v = is_kind_v<E, expr_kind::minus>;
template <class E>
inline constexpr bool is_mul_v = is_kind_v<E, expr_kind::multiplies>;
template <class E>
inline constexpr bool is_div_v = is_kind_v<E, expr_kind::divides>;
template <class E>
inline constexpr bool is_neg_v = is_kind_v<E, expr_kind::negate>;
template <class E>
inline constexpr bool is_call_v = is_kind_v<E, expr_kind::call>;

/// The function object type of a call node (`void` otherwise).
template <class E>
struct call_function {
  using type = void;
};
template <class F, class... A>
struct call_function<call_node<F, A...>> {
  using type = F;
};
template <class E>
using call_function_t = typename call_function<E>::type;

template <class E, class F>
inline constexpr bool is_call_of_v = std::is_same_v<call_function_t<E>, F>;
template <class E>
inline constexpr bool is_pow_v = is_call_of_v<E, fn::pow_t>;

/// The I-th operand (for a call node: the I-th argument, skipping the function).
template <std::size_t I, class E>
[[nodiscard]] constexpr auto const& arg(E const& e) noexcept {
  if constexpr (E::kind == expr_kind::call)
    return boost::hana::at_c<I + 1>(e.elements);
  else
    return boost::hana::at_c<I>(e.elements);
}
/// The type of the I-th operand; `void` when E has none (safe in `&&` chains
/// of `if constexpr` conditions, which do not short-circuit instantiation).
template <std::size_t I, class E>
struct arg_type {
  using type = void;
};
template <std::size_t I, expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
struct arg_type<I, expression<K, boost::hana::tuple<Ts...>>> {
  static constexpr std::size_t at = K == expr_kind::call ? I + 1 : I;
  using type = boost::mp11::mp_eval_if_c<(at >= sizeof...(Ts)), void, boost::mp11::mp_at,
                                         boost::mp11::mp_list<Ts...>, boost::mp11::mp_size_t<at>>;
};
template <std::size_t I, class E>
using arg_t = typename arg_type<I, E>::type;

/// A stateless tree holds no runtime value: equal types mean equal formulas,
/// which is what makes type-level rewriting such as `e - e -> 0` sound.
template <class E>
inline constexpr bool is_stateless_v = true;  // variables, constants, function terminals
template <class T>
inline constexpr bool is_stateless_v<expression<expr_kind::terminal, boost::hana::tuple<T>>> =
    std::is_empty_v<T>;  // function objects are empty; numbers and tensors are state
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr bool is_stateless_v<expression<K, boost::hana::tuple<Ts...>>> =
    (is_stateless_v<Ts> && ...);

}  // namespace detail

/// An object of the expression template: a formula.
template <class T>
concept Expression = detail::is_expression_v<std::remove_cvref_t<T>>;

/// Anything that can stand in a formula: an expression or an arithmetic value.
template <class T>
concept Operand = Expression<T> || detail::is_bindable_v<std::remove_cvref_t<T>>;

namespace detail {
template <class E>
inline constexpr bool is_constant_impl = false;
template <std::intmax_t N, std::intmax_t D>
inline constexpr bool is_constant_impl<constant<N, D>> = true;
}  // namespace detail

/// True for compile-time constants (`lz::constant<N, D>`), cv-qualified or not.
template <class E>
inline constexpr bool is_constant_v = detail::is_constant_impl<std::remove_cvref_t<E>>;

namespace detail {
template <class E>
concept Constant = is_constant_v<E>;

template <class E>
inline constexpr bool is_zero_v = std::is_same_v<E, constant<0>>;
template <class E>
inline constexpr bool is_one_v = std::is_same_v<E, constant<1>>;
template <class E>
inline constexpr bool is_integer_constant_v = false;
template <std::intmax_t N>
inline constexpr bool is_integer_constant_v<constant<N, 1>> = true;

/// Wraps an arithmetic value in a literal terminal; passes expressions through.
template <class T>
[[nodiscard]] constexpr auto as_expr(T const& t) {
  if constexpr (is_expression_v<T>)
    return t;
  else
    return literal<T>{boost::hana::tuple<T>{t}};
}
template <class T>
using as_expr_t = decltype(detail::as_expr(std::declval<T const&>()));

template <expr_kind K, class... A>
[[nodiscard]] constexpr auto make_node(A const&... a) {
  return expression<K, boost::hana::tuple<A...>>{boost::hana::tuple<A...>{a...}};
}
template <class F, class... A>
[[nodiscard]] constexpr auto make_call_node(A const&... a) {
  using tuple = boost::hana::tuple<function_terminal<F>, A...>;
  return call_node<F, A...>{tuple{function_terminal<F>{}, a...}};
}

/// The value of a literal terminal.
template <class T>
[[nodiscard]] constexpr T const& value(literal<T> const& e) noexcept {
  return boost::hana::at_c<0>(e.elements);
}

}  // namespace detail
}  // namespace leibniz

// A family of variables unpacks into structured bindings: auto [x0, x1] = lz::variables<"x", 2>;
template <leibniz::detail::fixed_string Prefix, std::size_t N>
struct std::tuple_size<leibniz::variable_family<Prefix, N>> : std::integral_constant<std::size_t, N> {};
template <std::size_t I, leibniz::detail::fixed_string Prefix, std::size_t N>
struct std::tuple_element<I, leibniz::variable_family<Prefix, N>> {
  using type = typename leibniz::variable_family<Prefix, N>::template type<I>;
};

#endif  // LEIBNIZ_EXPRESSION_HPP
