// SPDX-License-Identifier: BSL-1.0
// leibniz: the bindings of one lz::eval call (x = value): their checks, named compile errors
// and the environment that evaluation reads them from.
#ifndef LEIBNIZ_DETAIL_ENVIRONMENT_HPP
#define LEIBNIZ_DETAIL_ENVIRONMENT_HPP

#include <leibniz/detail/fixed_string.hpp>
#include <leibniz/detail/tensor_eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/functions.hpp>  // promote_t
#include <leibniz/inspect.hpp>
#include <leibniz/tensor.hpp>

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

namespace leibniz::detail {

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
template <class T>
struct element_type<tensor<T>> {
  using type = T;
};
template <ExternalTensor T>
struct element_type<T> {
  using type = typename tensor_binding<T>::value_type;
};

/// Whether a bound value makes tensor results dynamic (lz::tensor, not fixed_tensor).
template <class T>
inline constexpr bool is_dynamic_binding_v = is_tensor_v<T>;
template <ExternalTensor T>
inline constexpr bool is_dynamic_binding_v<T> = tensor_binding<T>::dynamic;


/// Whether a formula holds a dynamic tensor literal (such as the v of a vjp).
template <class E>
inline constexpr bool holds_dynamic_literal_v = false;
template <class T>
inline constexpr bool holds_dynamic_literal_v<expression<expr_kind::terminal, boost::hana::tuple<T>>> =
    is_tensor_v<T>;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr bool holds_dynamic_literal_v<expression<K, boost::hana::tuple<Ts...>>> =
    (holds_dynamic_literal_v<Ts> || ...);

/// The scalar type of a result: the common type of the bound values (integers
/// count as double, as <cmath> does); double when nothing is bound.
template <class... B>
struct result_scalar {
  using type = std::common_type_t<typename element_type<std::remove_cvref_t<decltype(B::value)>>::type...>;
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

/// The table of an environment without common subexpressions (a Jacobian's sweeps).
struct no_cache {
  template <class E, class Env>
  static constexpr bool holds = false;
  template <class E, class Env>
  static constexpr bool holds_tensor = false;
  template <class E, class Env>
  static constexpr bool holds_by_numbers = false;
};

/// The bindings of one `eval` call, by reference for the duration of the call.
template <class Cache, class... B>
struct environment {
  using cache_type = Cache;
  std::tuple<B const&...> bindings;
  Cache* cache;
  /// A dynamic tensor is bound: tensor results are lz::tensor, not fixed_tensor.
  static constexpr bool dynamic = (is_dynamic_binding_v<std::remove_cvref_t<decltype(B::value)>> || ...);

  template <class V>
  [[nodiscard]] constexpr auto const& get() const noexcept {
    return std::get<binding_index<V, B...>()>(bindings).value;
  }
};

/// The environment of a Jacobian sweep: the bindings plus the seed, no cache (the
/// seed changes from sweep to sweep).
template <class Cache, class... B, class S>
constexpr auto extend_environment(environment<Cache, B...> const& env, S const& seed) {
  return environment<no_cache, B..., S>{std::tuple_cat(env.bindings, std::tuple<S const&>(seed)), nullptr};
}

template <class T>
inline constexpr bool is_unit_seed_v = false;
template <class R, class S>
inline constexpr bool is_unit_seed_v<unit_seed<R, S>> = true;

/// The value bound to a variable, or held by a literal, as an evaluation value.
template <class R, class T>
constexpr auto as_value(T const& v) {
  if constexpr (std::is_arithmetic_v<T>)
    return static_cast<R>(v);
  else if constexpr (is_unit_seed_v<T>)
    return one_hot<R, decltype(v.extents)>{R(1), v.k, v.extents};
  else if constexpr (is_fixed_tensor_v<T>)
    return dense_view<typename T::value_type, typename T::static_shape_type>{v.data(), {}};
  else if constexpr (ExternalTensor<T>)
    return tensor_binding<T>::view(v);  // read in place, with its own strides
  else
    return dense_view<typename T::value_type, shape>{v.data(), v.shape()};
}

template <class T>
constexpr auto shape_of_binding(T const& v) {
  if constexpr (std::is_arithmetic_v<T>)
    return static_shape<>{};
  else if constexpr (is_unit_seed_v<T>)
    return v.extents;
  else if constexpr (is_fixed_tensor_v<T>)
    return typename T::static_shape_type{};
  else if constexpr (ExternalTensor<T>)
    return tensor_binding<T>::shape(v);
  else
    return v.shape();
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
constexpr auto report_missing_binding(std::index_sequence<I...>) {
  static_assert(sizeof(error::eval_has_no_binding_for_variable<Name.data[I]...>) == 0,
                "leibniz::eval(f, x = value, ...): this variable of f has no binding");
}
template <fixed_string Name, std::size_t... I>
constexpr auto report_duplicate_binding(std::index_sequence<I...>) {
  static_assert(sizeof(error::eval_binds_variable_twice<Name.data[I]...>) == 0,
                "leibniz::eval(f, x = value, ...): this variable is bound twice");
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

template <class E>
struct variables_of_all {
  using type = variables_t<E>;
};
template <class... E>
struct variables_of_all<std::tuple<E...>> {
  using type = boost::mp11::mp_unique<boost::mp11::mp_append<boost::mp11::mp_list<>, variables_t<E>...>>;
};
template <class E>
using variables_of_all_t = typename variables_of_all<E>::type;

/// The bindings of `eval(f, b...)`: which variable is bound twice, which is missing.
template <class E, class... B>
struct binding_check {
  using twice = boost::mp11::mp_copy_if_q<boost::mp11::mp_list<typename B::variable_type...>,
                                          is_bound_twice<B...>>;
  using missing = boost::mp11::mp_copy_if_q<variables_of_all_t<E>, is_unbound<B...>>;
  static constexpr bool ok = boost::mp11::mp_empty<twice>::value && boost::mp11::mp_empty<missing>::value;
};

/// Reports the first problem of the bindings as a compile error naming the variable
/// (a plain statement, never part of a constant expression, so nothing cascades).
template <class Check>
constexpr auto report_bindings() {  // auto: instantiated at once, so its error comes first
  if constexpr (!boost::mp11::mp_empty<typename Check::twice>::value) {
    constexpr auto name = name_of<boost::mp11::mp_front<typename Check::twice>>;
    report_duplicate_binding<name>(std::make_index_sequence<name.size()>{});
  } else if constexpr (!boost::mp11::mp_empty<typename Check::missing>::value) {
    constexpr auto name = name_of<boost::mp11::mp_front<typename Check::missing>>;
    report_missing_binding<name>(std::make_index_sequence<name.size()>{});
  }
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_ENVIRONMENT_HPP
