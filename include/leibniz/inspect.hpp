// SPDX-License-Identifier: BSL-1.0
// leibniz: compile-time inspection of formulas: depends_on, node_count, variables.
#ifndef LEIBNIZ_INSPECT_HPP
#define LEIBNIZ_INSPECT_HPP

#include <leibniz/expression.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace leibniz {
namespace detail {

template <class E, class V>
inline constexpr bool depends_on_v = false;
template <fixed_string N, class V>
inline constexpr bool depends_on_v<variable<N>, V> = std::is_same_v<variable<N>, V>;
template <expr_kind K, class... Ts, class V>
inline constexpr bool depends_on_v<expression<K, boost::hana::tuple<Ts...>>, V> =
    (depends_on_v<Ts, V> || ...);

template <class F, class... A, class V>
inline constexpr bool depends_on_v<call_node<F, A...>, V> =
    []<std::size_t... I>(std::index_sequence<I...>) {
      return ((!is_shape_only_arg<F>(I) && depends_on_v<A, V>) || ...);
    }(std::index_sequence_for<A...>{});

/// A call node that stands for a formula it can build, its expansion (a gradient evaluated
/// by a reverse sweep, calculus.hpp): inspected, printed and differentiated as that formula.
/// Its struct says so (`expands = true`, and `expand(e)`): asking whether `expand(e)` is
/// valid would deduce its return type, which builds the expansion.
template <class E>
concept expandable = is_call_v<E> && requires { requires call_function_t<E>::expands; };
template <expandable E>
using expansion_t = std::remove_cvref_t<decltype(call_function_t<E>::expand(std::declval<E const&>()))>;

template <class F, class... A, class V>
  requires expandable<call_node<F, A...>>
inline constexpr bool depends_on_v<call_node<F, A...>, V> = depends_on_v<expansion_t<call_node<F, A...>>, V>;

template <class E>
inline constexpr std::size_t node_count_v = 1;
template <class F>
  requires is_function_terminal_v<function_terminal<F>>
inline constexpr std::size_t node_count_v<function_terminal<F>> = 0;
template <expr_kind K, class T0, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr std::size_t node_count_v<expression<K, boost::hana::tuple<T0, Ts...>>> =
    1 + node_count_v<T0> + (node_count_v<Ts> + ... + 0);
template <class F, class... A>
  requires expandable<call_node<F, A...>>
inline constexpr std::size_t node_count_v<call_node<F, A...>> = node_count_v<expansion_t<call_node<F, A...>>>;

/// The variables a formula uses, as an mp11 list without repetition, in order of appearance.
template <class E>
struct variables {
  using type = boost::mp11::mp_list<>;
};
template <fixed_string N>
struct variables<variable<N>> {
  using type = boost::mp11::mp_list<variable<N>>;
};
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
struct variables<expression<K, boost::hana::tuple<Ts...>>> {
  using type = boost::mp11::mp_unique<boost::mp11::mp_append<typename variables<Ts>::type...>>;
};
template <class E>
using variables_t = typename variables<E>::type;

/// A Jacobian node needs the bindings of F and a; its sweep formulas use the seed
/// variable that the node binds itself.
template <class Fn, class F, class V, class... Sweeps>
  requires requires { Fn::forward_only; }
struct variables<call_node<Fn, F, V, Sweeps...>> {
  using type = boost::mp11::mp_unique<boost::mp11::mp_append<typename variables<F>::type,
                                                             typename variables<V>::type>>;
};

}  // namespace detail

/// The number of nodes of a formula's tree (leaves and operations; a function
/// application counts once, plus its arguments). A compile-time constant.
template <Expression E>
[[nodiscard]] constexpr std::size_t node_count(E const&) noexcept {
  return detail::node_count_v<E>;
}

/// Whether formula `e` depends on variable `v`. A compile-time constant.
template <Expression E, class V>
  requires detail::is_variable_v<V>
[[nodiscard]] constexpr bool depends_on(E const&, V const&) noexcept {
  return detail::depends_on_v<E, V>;
}

}  // namespace leibniz

#endif  // LEIBNIZ_INSPECT_HPP
