// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::eval, evaluation of a formula for bound values, constexpr where they are.
#ifndef LEIBNIZ_EVAL_HPP
#define LEIBNIZ_EVAL_HPP

#include <leibniz/detail/math.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>

#include <boost/hana/unpack.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

/// Types whose names are the compile errors of misuse: the first error line
/// then names the offending variable, e.g.
/// `leibniz::error::eval_has_no_binding_for_variable<'x'>`.
namespace leibniz::error {
template <char... Name>
struct eval_has_no_binding_for_variable;
template <char... Name>
struct eval_binds_variable_twice;
}  // namespace leibniz::error

namespace leibniz {
namespace detail {

template <class T>
inline constexpr bool is_binding_v = false;
template <fixed_string N, class T>
inline constexpr bool is_binding_v<binding<N, T>> = true;

template <class T>
struct element_type {
  using type = promote_t<T>;
};
template <class T, std::size_t... N>
struct element_type<fixed_tensor<T, N...>> {
  using type = T;
};

/// The scalar type of a result: the common type of the bound values (integers
/// count as double, as <cmath> does); double when nothing is bound.
template <class... B>
struct result_scalar {
  using type = std::common_type_t<typename element_type<decltype(B::value)>::type...>;
};
template <>
struct result_scalar<> {
  using type = double;
};

/// Position of the binding of variable V among B... (sizeof...(B) if none).
template <class V, class... B>
[[nodiscard]] consteval std::size_t binding_index() {
  constexpr bool match[] = {std::is_same_v<V, typename B::variable_type>..., false};
  for (std::size_t i = 0; i < sizeof...(B); ++i)
    if (match[i]) return i;
  return sizeof...(B);
}

template <class V, class... B>
[[nodiscard]] consteval std::size_t binding_count() {
  return (std::size_t{std::is_same_v<V, typename B::variable_type>} + ... + 0);
}

/// The bindings of one `eval` call, by reference for the duration of the call.
template <class... B>
struct environment {
  std::tuple<B const&...> bindings;

  template <class V>
  [[nodiscard]] constexpr auto const& get() const noexcept {
    return std::get<binding_index<V, B...>()>(bindings).value;
  }
};

template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env);

template <class E>
inline constexpr bool is_integral_literal_v = false;
template <class T>
inline constexpr bool is_integral_literal_v<literal<T>> = std::is_integral_v<T>;

template <class R, class E, class Env>
constexpr R evaluate_pow(E const& e, Env const& env) {
  using P = arg_t<1, E>;
  R const u = evaluate<R>(arg<0>(e), env);
  if constexpr (is_integer_constant_v<P>) {
    return math::pow_int(u, static_cast<long long>(P::num));
  } else if constexpr (std::is_same_v<P, constant<1, 2>>) {
    return math::sqrt(u);
  } else if constexpr (std::is_same_v<P, constant<-1, 2>>) {
    return R(1) / math::sqrt(u);
  } else if constexpr (std::is_same_v<P, constant<1, 3>>) {
    return math::cbrt(u);
  } else if constexpr (is_integral_literal_v<P>) {
    return math::pow_int(u, static_cast<long long>(value(arg<1>(e))));
  } else {
    return math::pow(u, static_cast<R>(evaluate<R>(arg<1>(e), env)));
  }
}

/// Walks the expression type: each node kind is one `if constexpr` branch,
/// chosen at compile time; no tape, no allocation.
template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env) {
  if constexpr (is_variable_v<E>) {
    return static_cast<R>(env.template get<E>());
  } else if constexpr (is_constant_v<E>) {
    return E::template value<R>;
  } else if constexpr (is_literal_v<E>) {
    return static_cast<R>(value(e));
  } else if constexpr (is_add_v<E>) {
    return evaluate<R>(arg<0>(e), env) + evaluate<R>(arg<1>(e), env);
  } else if constexpr (is_sub_v<E>) {
    return evaluate<R>(arg<0>(e), env) - evaluate<R>(arg<1>(e), env);
  } else if constexpr (is_mul_v<E>) {
    return evaluate<R>(arg<0>(e), env) * evaluate<R>(arg<1>(e), env);
  } else if constexpr (is_div_v<E>) {
    return evaluate<R>(arg<0>(e), env) / evaluate<R>(arg<1>(e), env);
  } else if constexpr (is_neg_v<E>) {
    return -evaluate<R>(arg<0>(e), env);
  } else if constexpr (is_pow_v<E>) {
    return evaluate_pow<R>(e, env);
  } else if constexpr (is_stack_v<E>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... items) {
      using item = std::common_type_t<decltype(evaluate<R>(items, env))...>;
      using result = typename stacked<item, sizeof...(items)>::type;
      if constexpr (is_fixed_tensor_v<item>) {
        result out{};
        std::size_t i = 0;
        (
            [&](item const& t) {
              for (auto v : t) out.data()[i++] = v;
            }(evaluate<R>(items, env)),
            ...);
        return out;
      } else {
        return result{evaluate<R>(items, env)...};
      }
    });
  } else {
    static_assert(is_call_v<E>, "leibniz::eval: unknown node kind");
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... a) {
      return call_function_t<E>::apply(evaluate<R>(a, env)...);
    });
  }
}

template <class V>
struct name_of_t;
template <fixed_string N>
struct name_of_t<variable<N>> {
  static constexpr auto value = N;
};
template <class V>
inline constexpr auto name_of = name_of_t<V>::value;

/// Compile errors for misuse of `eval`, each naming the offending variable.
template <fixed_string Name, std::size_t... I>
constexpr void report_missing_binding(std::index_sequence<I...>) {
  [[maybe_unused]] error::eval_has_no_binding_for_variable<Name.data[I]...>
      this_variable_of_f_has_no_binding;
}
template <fixed_string Name, std::size_t... I>
constexpr void report_duplicate_binding(std::index_sequence<I...>) {
  [[maybe_unused]] error::eval_binds_variable_twice<Name.data[I]...> this_variable_is_bound_twice;
}

template <class... B>
struct is_unbound {
  template <class V>
  using fn = boost::mp11::mp_bool<binding_count<V, B...>() == 0>;
};
template <class... B>
struct is_bound_twice {
  template <class V>
  using fn = boost::mp11::mp_bool<(binding_count<V, B...>() > 1)>;
};

/// Checks the bindings of `eval(f, b...)`; reports the first problem as a
/// compile error naming the variable. True when evaluation may proceed.
template <class E, class... B>
constexpr bool check_bindings() {
  using twice = boost::mp11::mp_copy_if_q<boost::mp11::mp_list<typename B::variable_type...>,
                                          is_bound_twice<B...>>;
  using missing = boost::mp11::mp_copy_if_q<variables_t<E>, is_unbound<B...>>;
  if constexpr (!boost::mp11::mp_empty<twice>::value) {
    constexpr auto name = name_of<boost::mp11::mp_front<twice>>;
    report_duplicate_binding<name>(std::make_index_sequence<name.size()>{});
    return false;
  } else if constexpr (!boost::mp11::mp_empty<missing>::value) {
    constexpr auto name = name_of<boost::mp11::mp_front<missing>>;
    report_missing_binding<name>(std::make_index_sequence<name.size()>{});
    return false;
  } else {
    return true;
  }
}

template <class T>
inline constexpr bool is_expression_tuple_v = false;
template <class... E>
inline constexpr bool is_expression_tuple_v<std::tuple<E...>> = (is_expression_v<E> && ...);

}  // namespace detail

/// Evaluates formula `f` (or a `std::tuple` of formulas) with the variables
/// bound as `x = value`: `lz::eval(f, x = 2.0, y = 0.5)`. `constexpr` whenever
/// the values are. The result's scalar type is the common type of the bound
/// values (float in, float out; integers evaluate in double); a `stack`
/// evaluates to a `fixed_tensor`. A variable of `f` without a binding, or a
/// variable bound twice, is a compile error naming the variable; extra
/// bindings are allowed.
struct eval_fn {
  template <class E, class... B>
  [[nodiscard]] constexpr auto operator()(E const& f, B const&... b) const {
    static_assert(Expression<E> || detail::is_expression_tuple_v<E>,
                  "leibniz::eval(f, x = value, ...): 'f' must be a leibniz expression "
                  "or a std::tuple of them");
    static_assert((detail::is_binding_v<B> && ...),
                  "leibniz::eval(f, x = value, ...): every argument after 'f' must be a "
                  "binding made with a variable, such as x = 2.0");
    if constexpr (detail::is_expression_tuple_v<E> && (detail::is_binding_v<B> && ...)) {
      return std::apply([&](auto const&... fi) { return std::tuple{(*this)(fi, b...)...}; }, f);
    } else if constexpr (Expression<E> && (detail::is_binding_v<B> && ...)) {
      if constexpr (detail::check_bindings<E, B...>()) {
        using R = typename detail::result_scalar<B...>::type;
        return detail::evaluate<R>(f, detail::environment<B...>{{b...}});
      }
    }
  }
};
inline constexpr eval_fn eval{};

}  // namespace leibniz

#endif  // LEIBNIZ_EVAL_HPP
