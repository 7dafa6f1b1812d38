// SPDX-License-Identifier: BSL-1.0
// leibniz: common-subexpression elimination in lz::eval: the table of the distinct
// stateless subexpressions of the formulas of one call, filled parts first.
#ifndef LEIBNIZ_DETAIL_CSE_HPP
#define LEIBNIZ_DETAIL_CSE_HPP

#include <leibniz/config.hpp>
#include <leibniz/detail/environment.hpp>
#include <leibniz/detail/math.hpp>
#include <leibniz/detail/tensor_nodes.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/tensor.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/utility.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace leibniz::detail {

/// Common-subexpression elimination over the expression types. Equal stateless types
/// are equal formulas, so within one `eval` each distinct stateless subexpression that is
/// not a leaf (x y, sin(x y), (1 + x^2) ...) is computed once, before the formulas
/// themselves, in an order where every subexpression comes after its parts: the formula
/// and all its derivatives in one call become straight-line code over a table of
/// values, with no flags and no tape. Scalar values are kept in the table; over
/// lz::tensor, so are the materialised tensors (matrix products, node results that are
/// not lazy elementwise chains) that are not a formula's own result, read back as views.
/// Set union in linear time: the elements of `L` not in `Acc`, appended to `Acc` (both
/// lists of distinct types). One inheritance list answers every membership question
/// (mp11's mp_set_union pushes one element at a time, a new list each time: quadratic,
/// and the largest single cost of compiling big derivatives).
template <class... T>
struct inherit_all : boost::mp11::mp_identity<T>... {};
template <class Acc, class L>
struct set_append_impl;
template <class... A, class... B>
struct set_append_impl<boost::mp11::mp_list<A...>, boost::mp11::mp_list<B...>> {
  using seen = inherit_all<A...>;
  using type = boost::mp11::mp_append<
      boost::mp11::mp_list<A...>,
      boost::mp11::mp_if_c<std::is_base_of_v<boost::mp11::mp_identity<B>, seen>, boost::mp11::mp_list<>,
                           boost::mp11::mp_list<B>>...>;
};
template <class Acc, class L>
using set_append = typename set_append_impl<Acc, L>::type;
template <class... L>
using set_union = boost::mp11::mp_fold<boost::mp11::mp_list<L...>, boost::mp11::mp_list<>, set_append>;

/// A leaf: a terminal, or not an expression node at all.
template <class T>
inline constexpr bool is_leaf_v = !Expression<T> || T::kind == expr_kind::terminal;
/// Whether node E is a candidate itself: stateless, and not arithmetic on leaves only (x y,
/// 1 - x, -x cost one operation: recomputed where they are used rather than given an entry
/// of their own, which keeps the table, and the compile time spent on it, smaller).
template <class E>
inline constexpr bool is_candidate_v = false;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr bool is_candidate_v<expression<K, boost::hana::tuple<Ts...>>> =
    is_stateless_v<expression<K, boost::hana::tuple<Ts...>>> && (K == expr_kind::call || !(is_leaf_v<Ts> && ...));

template <class E>
struct cse_candidates {
  using type = boost::mp11::mp_list<>;
};
template <class F, class... A>
struct cse_candidates<call_node<F, A...>> {
  // sets, merged at every node, so that the lists stay as short as the distinct types;
  // a node comes after its parts (the order in which the table is filled)
  using inner = set_union<typename cse_candidates<A>::type...>;
  using self = call_node<F, A...>;  // never a part of itself: a plain push
  using type = boost::mp11::mp_if_c<is_candidate_v<self>, boost::mp11::mp_push_back<inner, self>, inner>;
};
template <bool B, class F, class V, class... Sweeps>
struct cse_candidates<call_node<fn::jacobian_t<B>, F, V, Sweeps...>> {
  // the sweeps are evaluated in environments of their own
  using type = typename cse_candidates<F>::type;
};
template <class F, class... A>
  requires expandable<call_node<F, A...>>
struct cse_candidates<call_node<F, A...>> {
  using self = call_node<F, A...>;
  using type = boost::mp11::mp_if_c<is_stateless_v<self>, boost::mp11::mp_list<self>, boost::mp11::mp_list<>>;
};
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal && K != expr_kind::call)
struct cse_candidates<expression<K, boost::hana::tuple<Ts...>>> {
  using inner = set_union<typename cse_candidates<Ts>::type...>;
  using self = expression<K, boost::hana::tuple<Ts...>>;
  using type = boost::mp11::mp_if_c<is_candidate_v<self>, boost::mp11::mp_push_back<inner, self>, inner>;
};

/// How many nodes of a formula of arithmetic and function calls are candidates, each
/// counted where it occurs (cse_candidates lists each once): the difference of the two is
/// the number of node evaluations the table saves.
template <class E>
inline constexpr std::size_t cse_occurrences_v = 0;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr std::size_t cse_occurrences_v<expression<K, boost::hana::tuple<Ts...>>> =
    (cse_occurrences_v<Ts> + ...) + std::size_t{is_candidate_v<expression<K, boost::hana::tuple<Ts...>>>};

template <class R, class E, class Env>
constexpr auto evaluate_node(E const& e, Env const& env);

/// The one value of a stateless expression type, built in constant evaluation (no
/// construction code at run time).
template <class E>
inline constexpr E stateless_instance{};

template <class R, class All, class Scalars, class Tensors, class Numbers = boost::mp11::mp_list<>>
struct cse_cache;

/// A candidate whose value may be a materialised tensor: a call node of an operation that
/// is neither elementwise (lazy) nor scalar-valued (a matrix product, a transpose, a
/// broadcast...). Known from the type alone, so that the table's size does not depend on
/// the environment that reads it; whether a value is held is then decided by its type
/// (holds_tensor: an owned lz::tensor).
/// Not a transpose: the matrix products read a transpose(y) operand in place, from y's value
/// (tensor_ops.hpp, with_product_operand), and holding it would copy y with swapped strides
/// first (in the MLP gradient W8, transpose(tanh(X W1)) cost a fifth of the time).
template <class E>
inline constexpr bool is_materialised_candidate_v = false;
template <class F, class... A>
inline constexpr bool is_materialised_candidate_v<call_node<F, A...>> =
    !is_elementwise_function_v<F> && !requires { requires F::scalar_valued; } &&
    !std::is_same_v<F, fn::transpose_t>;

/// The edges of a formula's graph of distinct node types: edge<P, I, C> for child C at
/// position I of node P, each once however often P occurs (a set, merged at every node as
/// cse_candidates is). How often a subexpression is used is the number of edges to it.
template <class P, std::size_t I, class C>
struct edge {
  using child = C;
};
template <class E>
struct cse_edges {
  using type = boost::mp11::mp_list<>;
};
template <class P, class Children, class Index>
struct direct_edges;
template <class P, class... C, std::size_t... I>
struct direct_edges<P, boost::mp11::mp_list<C...>, std::index_sequence<I...>> {
  using type = boost::mp11::mp_list<edge<P, I, C>...>;
};
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
struct cse_edges<expression<K, boost::hana::tuple<Ts...>>> {
  using self = expression<K, boost::hana::tuple<Ts...>>;
  using type = set_append<set_union<typename cse_edges<Ts>::type...>,
                          typename direct_edges<self, boost::mp11::mp_list<Ts...>,
                                                std::index_sequence_for<Ts...>>::type>;
};
template <bool B, class F, class V, class... Sweeps>
struct cse_edges<call_node<fn::jacobian_t<B>, F, V, Sweeps...>> {
  // the sweeps are evaluated in environments of their own, without the table
  using type = boost::mp11::mp_list<>;
};
/// A gradient evaluated by a reverse sweep (calculus.hpp) computes its operand's values
/// itself: the node is an entry (when stateless), none of its parts are.
template <class F, class... A>
  requires expandable<call_node<F, A...>>
struct cse_edges<call_node<F, A...>> {
  using type = boost::mp11::mp_list<>;
};
template <class Edge>
using edge_child = typename Edge::child;

/// An elementwise call node worth storing once when it is shared: not `cheap` (abs,
/// sign) and not a power with a small integer exponent (a few multiplications).
template <class E>
inline constexpr bool is_costly_elementwise_v = false;
template <class F, class... A>
inline constexpr bool is_costly_elementwise_v<call_node<F, A...>> =
    is_elementwise_function_v<F> && !requires { requires F::cheap; };
template <class U, class P>
inline constexpr bool is_costly_elementwise_v<call_node<fn::pow_t, U, P>> =
    !(is_constant_v<P> && requires { requires P::den == 1 && P::num >= -4 && P::num <= 4; });

/// Whether a stateful node's only state is numbers (literals of arithmetic type, which
/// `same_numbers` compares), not a tensor literal.
template <class E>
inline constexpr bool holds_numbers_only_v = true;  // variables, constants, function terminals
template <class T>
inline constexpr bool holds_numbers_only_v<expression<expr_kind::terminal, boost::hana::tuple<T>>> =
    std::is_empty_v<T> || std::is_arithmetic_v<T>;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal)
inline constexpr bool holds_numbers_only_v<expression<K, boost::hana::tuple<Ts...>>> =
    (holds_numbers_only_v<Ts> && ...);

/// Whether two nodes of one type hold the same numbers, so have the same value: compared
/// one by one (floating point: equal and of the same sign, so never for a NaN). For a type
/// with holds_numbers_only_v.
template <expr_kind K, class... Ts>
[[nodiscard]] constexpr bool same_operand_numbers(expression<K, boost::hana::tuple<Ts...>> const& a,
                                                  expression<K, boost::hana::tuple<Ts...>> const& b) noexcept;
template <class E>
[[nodiscard]] constexpr bool same_numbers(E const& a, E const& b) noexcept {
  if constexpr (is_stateless_v<E>) {
    return true;
  } else if constexpr (E::kind == expr_kind::terminal) {
    auto const x = boost::yap::value(a), y = boost::yap::value(b);
    if constexpr (std::is_floating_point_v<decltype(x)>)
      return x == y && std::signbit(x) == std::signbit(y);
    else
      return x == y;
  } else {
    return same_operand_numbers(a, b);
  }
}
template <expr_kind K, class... Ts>
[[nodiscard]] constexpr bool same_operand_numbers(expression<K, boost::hana::tuple<Ts...>> const& a,
                                                  expression<K, boost::hana::tuple<Ts...>> const& b) noexcept {
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (same_numbers(boost::hana::at_c<I>(a.elements), boost::hana::at_c<I>(b.elements)) && ...);
  }(std::index_sequence_for<Ts...>{});
}

/// A subexpression that holds run-time numbers is not a table entry by its type (two
/// nodes of one such type may hold different numbers), but a gradient copies its parts
/// with their numbers: `exp(-(x^2 / 2))` with a plain `2` occurs twice in the gradient of
/// `sum(sin(x) exp(-x^2 / 2))`. Over lz::tensor, such a node that is costly (a costly
/// elementwise function, a materialised operation) and used at least twice is held by its
/// numbers: the first node of its type met in the evaluation is computed into a slot with a
/// copy of its numbers, and a later node of that type with the same numbers reads the slot
/// (one with other numbers gets a slot of its own).
template <class E>
using is_costly_with_numbers =
    boost::mp11::mp_bool<!is_stateless_v<E> && holds_numbers_only_v<E> &&
                         (is_costly_elementwise_v<E> || is_materialised_candidate_v<E>)>;
template <class Roots, class Uses>
struct is_held_by_numbers {
  template <class E>
  using fn = boost::mp11::mp_bool<!boost::mp11::mp_contains<Roots, E>::value &&
                                  (boost::mp11::mp_count<Uses, E>::value >= 2)>;
};
/// A slot of a node held by its numbers: a copy of the first node met, and its value.
template <class R, class E>
struct numbers_slot {
  std::optional<E> node;
  owned<tensor<R>> value;
};

/// The slots of the nodes held by their numbers (none without a dynamic binding: then the
/// table stays a literal type, for constant evaluation).
template <class R, class L>
struct numbers_slots {};
template <class R, class... N>
struct numbers_slots<R, boost::mp11::mp_list<N...>> {
  std::tuple<numbers_slot<R, N>...> slots;
  std::vector<owned<tensor<R>>> more;  // the values of later nodes of a type, other numbers

  /// The value of node e, read in place: computed into the slot of e's type for the first
  /// node of the type met, read from there for a later node with the same numbers.
  template <class E, class Env>
  [[nodiscard]] auto view(E const& e, Env const& env) {
    auto compute = [&] { return owned_tensor<R>(evaluate_node<R>(e, env)); };
    auto& slot = std::get<numbers_slot<R, E>>(slots);
    tensor<R> const* t = &slot.value.value;
    if (!slot.node) {
      slot.value = compute();
      slot.node.emplace(e);
    } else if (!same_numbers(*slot.node, e)) {
      more.push_back(compute());
      t = &more.back().value;
    }
    return dense_view<R, shape>{t->data(), t->shape()};
  }
};
template <class R>
struct numbers_slots<R, boost::mp11::mp_list<>> {};

/// The twin of a sine or cosine node: cos(u) for sin(u), sin(u) for cos(u); void otherwise.
template <class E>
struct twin {
  using type = void;
};
template <class U>
struct twin<call_node<fn::sin_t, U>> {
  using type = call_node<fn::cos_t, U>;
};
template <class U>
struct twin<call_node<fn::cos_t, U>> {
  using type = call_node<fn::sin_t, U>;
};
template <class E>
using twin_t = typename twin<E>::type;
/// The slots of the materialised tensors of one eval (none without a dynamic binding:
/// then the table stays a literal type, for constant evaluation). Their buffers go back to
/// the thread's pool, for the next eval (owned's destructor).
template <class R, std::size_t N>
struct tensor_slots {
  std::array<owned<tensor<R>>, N> slot{};
};
template <class R>
struct tensor_slots<R, 0> {};

/// The position of each type of a list, found by overload resolution against one base
/// per element (one instantiation for the whole list, not one comparison per element).
template <class T, std::size_t I>
struct indexed {};
template <class L, class S>
struct index_map;
template <class... T, std::size_t... I>
struct index_map<boost::mp11::mp_list<T...>, std::index_sequence<I...>> : indexed<T, I>... {};
template <class T, std::size_t I>
constexpr std::size_t index_in(indexed<T, I> const*) noexcept {
  return I;
}
template <class T>
constexpr std::size_t index_in(void const*) noexcept {
  return static_cast<std::size_t>(-1);
}
/// The position of E in the list of Map (of N types), N if it is not there.
template <class E, class Map, std::size_t N>
inline constexpr std::size_t position_v = index_in<E>(static_cast<Map const*>(nullptr)) < N
                                              ? index_in<E>(static_cast<Map const*>(nullptr))
                                              : N;

/// Whether table Cache holds the value of E as a tensor: never without tensor slots (no
/// lookup then, a scalar evaluation instantiates nothing more); else when E has a slot and
/// its value is an owned lz::tensor or an elementwise value of run-time shape.
template <bool AnySlot, class Cache, class R, class E, class Env>
inline constexpr bool holds_tensor_v = false;
template <class V, class R>
inline constexpr bool is_heldable_value_v = false;
template <class R>
inline constexpr bool is_heldable_value_v<owned<tensor<R>>, R> = true;
template <class Op, class... A, class R>
inline constexpr bool is_heldable_value_v<ewise<Op, shape, A...>, R> = true;  // a run-time shape
template <class Cache, class R, class E, class Env>
inline constexpr bool holds_tensor_v<true, Cache, R, E, Env> =
    Cache::template tensor_index<E> < Cache::tensor_count &&
    is_heldable_value_v<decltype(evaluate_node<R>(std::declval<E const&>(), std::declval<Env const&>())), R>;

/// Whether E, listed among the nodes held by their numbers, has a tensor value.
template <bool Listed, class R, class E, class Env>
inline constexpr bool holds_by_numbers_v = false;
template <class R, class E, class Env>
inline constexpr bool holds_by_numbers_v<true, R, E, Env> =
    is_heldable_value_v<decltype(evaluate_node<R>(std::declval<E const&>(), std::declval<Env const&>())), R>;

template <class R, class... T, class Scalars, class... U, class... N>
struct cse_cache<R, boost::mp11::mp_list<T...>, Scalars, boost::mp11::mp_list<U...>, boost::mp11::mp_list<N...>> {
  static constexpr std::size_t size = sizeof...(T);
  static constexpr bool scalars = Scalars::value;
  using map = index_map<boost::mp11::mp_list<T...>, std::index_sequence_for<T...>>;
  template <class E>
  static constexpr std::size_t index = position_v<E, map, size>;
  template <class E, class Env>
  static constexpr bool holds = scalars && index<E> < size &&
                                std::is_arithmetic_v<decltype(evaluate_node<R>(std::declval<E const&>(),
                                                                               std::declval<Env const&>()))>;
  static constexpr std::size_t tensor_count = sizeof...(U);
  using tensor_map = index_map<boost::mp11::mp_list<U...>, std::index_sequence_for<U...>>;
  template <class E>
  static constexpr std::size_t tensor_index = position_v<E, tensor_map, tensor_count>;
  template <class E, class Env>
  static constexpr bool holds_tensor = holds_tensor_v<(tensor_count > 0), cse_cache, R, E, Env>;
  /// Whether E is held by its numbers (is_held_by_numbers), when its value is a tensor.
  template <class E, class Env>
  static constexpr bool holds_by_numbers = holds_by_numbers_v<(std::is_same_v<E, N> || ...), R, E, Env>;
  R value[(scalars ? size : 0) + 1]{};
  [[no_unique_address]] tensor_slots<R, tensor_count> tensors;
  [[no_unique_address]] numbers_slots<R, boost::mp11::mp_list<N...>> by_numbers;

  /// The held tensor value of E, read in place.
  template <class E>
  [[nodiscard]] constexpr auto view() const noexcept {
    tensor<R> const& t = tensors.slot[tensor_index<E>].value;
    return dense_view<R, shape>{t.data(), t.shape()};
  }

  /// Computes every entry, parts first: a node's parts are read from the table.
  template <class Env>
  constexpr void fill(Env const& env) {
    // a braced list, not a fold expression: clang limits folds to 256 operands
    int const order[] = {0, (fill_one<T>(env), 0)...};
    (void)order;
  }

 private:
  /// Whether E is a sine or cosine whose twin the table holds as a tensor too.
  template <class E, class Env>
  static constexpr bool holds_twin() {
    if constexpr (std::is_void_v<twin_t<E>>)
      return false;
    else
      return holds_tensor<twin_t<E>, Env>;
  }

  template <class E, class Env>
  constexpr void fill_one(Env const& env) {
    if constexpr (holds<E, Env>)
      value[index<E>] = evaluate_node<R>(stateless_instance<E>, env);
    else if constexpr (holds_tensor<E, Env> && holds_twin<E, Env>()) {
      // sin(u) and cos(u) in one pass over u, by the first of the two in the table
      if constexpr (index<E> < index<twin_t<E>>) {
        using sine = std::conditional_t<std::is_same_v<call_function_t<E>, fn::sin_t>, E, twin_t<E>>;
        auto const u = evaluate<R>(detail::arg<0>(stateless_instance<E>), env);
        shape const s = to_shape(u.shape());
        auto sin_u = owned_storage<R>(s), cos_u = owned_storage<R>(s);
        R* const ps = sin_u.value.data();
        R* const pc = cos_u.value.data();
        write_elements<R>(u, s, [ps, pc](std::size_t i, R x) { math::sincos(x, ps[i], pc[i]); });
        tensors.slot[tensor_index<sine>] = std::move(sin_u);
        tensors.slot[tensor_index<twin_t<sine>>] = std::move(cos_u);
      }
    } else if constexpr (holds_tensor<E, Env>) {
      // a product's result moved in; a shared elementwise node computed once
      tensors.slot[tensor_index<E>] = owned_tensor<R>(evaluate_node<R>(stateless_instance<E>, env));
    }
  }
};
/// The table of one eval call over the formulas E... with the bindings B...: every
/// candidate, parts first; its scalars when CSE is on and there are at least
/// LEIBNIZ_CONFIG_CSE_MIN candidates (a handful of subexpressions are cheaper to recompute
/// than to instantiate a table for: compile time is a product feature too); and, when a
/// dynamic tensor is bound, its materialised tensors that are not one of the formulas
/// themselves (a formula's own result is returned, not copied out of the table). A tensor
/// held there is computed once per eval however often the formulas use it (a gradient's
/// `matmul(X, w)`), and its parents read it in place.
template <class L>
inline constexpr bool keeps_scalars_v =
    LEIBNIZ_CONFIG_CSE != 0 && (boost::mp11::mp_size<L>::value >= LEIBNIZ_CONFIG_CSE_MIN);
template <class Roots, class Uses>
struct is_held_tensor_candidate {
  template <class E>
  using fn = boost::mp11::mp_bool<!boost::mp11::mp_contains<Roots, E>::value &&
                                  (is_materialised_candidate_v<E> ||
                                   (is_costly_elementwise_v<E> && boost::mp11::mp_count<Uses, E>::value >= 2))>;
};
/// The children of every edge of the formulas E..., one entry per distinct parent and
/// position (only computed over lz::tensor).
template <class... E>
using cse_uses = boost::mp11::mp_transform<edge_child, set_union<typename cse_edges<E>::type...>>;
template <class R, class L, class Tensors, class Numbers>
using cse_cache_with =
    cse_cache<R, boost::mp11::mp_if_c<keeps_scalars_v<L> || !boost::mp11::mp_empty<Tensors>::value, L, boost::mp11::mp_list<>>,
              boost::mp11::mp_bool<keeps_scalars_v<L>>, Tensors, Numbers>;
/// A twin to hold as well: one the formulas use (in L) that is neither held already nor a
/// formula's own result.
template <class L, class Held, class Roots>
struct is_twin_to_add {
  template <class T>
  using fn = boost::mp11::mp_bool<!std::is_void_v<T> && boost::mp11::mp_contains<L, T>::value &&
                                  !boost::mp11::mp_contains<Held, T>::value &&
                                  !boost::mp11::mp_contains<Roots, T>::value>;
};
/// The tensors the table holds: the held candidates, and the twin of a held sin(u) or cos(u)
/// when the formulas use it too, so that both are computed in one pass (sincos).
template <class L, class... E>
struct held_tensors {
  using roots = boost::mp11::mp_list<E...>;
  using uses = cse_uses<E...>;
  using held = boost::mp11::mp_copy_if_q<L, is_held_tensor_candidate<roots, uses>>;
  using type = boost::mp11::mp_append<
      held, boost::mp11::mp_copy_if_q<boost::mp11::mp_transform<twin_t, held>, is_twin_to_add<L, held, roots>>>;
  /// The nodes held by their numbers (is_held_by_numbers).
  using by_numbers = boost::mp11::mp_copy_if_q<
      boost::mp11::mp_unique<boost::mp11::mp_copy_if<uses, is_costly_with_numbers>>, is_held_by_numbers<roots, uses>>;
};
struct holds_no_tensors {
  using type = boost::mp11::mp_list<>;
  using by_numbers = boost::mp11::mp_list<>;
};
template <class R, class L, class Held>
using cse_cache_held = cse_cache_with<R, L, typename Held::type, typename Held::by_numbers>;
template <class R, class L, bool Dynamic, class... E>
using cse_cache_of =
    cse_cache_held<R, L, boost::mp11::mp_if_c<LEIBNIZ_CONFIG_CSE != 0 && Dynamic, held_tensors<L, E...>, holds_no_tensors>>;
template <class R, bool Dynamic, class... E>
using cse_cache_for =
    cse_cache_of<R, set_union<typename cse_candidates<std::remove_cvref_t<E>>::type...>, Dynamic,
                 std::remove_cvref_t<E>...>;

/// The state of one eval call: the table of the common subexpressions of the formulas
/// E... (cse_cache_for), filled on construction, and the environment that binds b... and
/// reads the table. Built in the caller's frame: the optimiser then sees the whole
/// evaluation in one function and keeps the table's entries in registers.
template <class R, class Formulas, class... B>
struct evaluation;
template <class R, class... E, class... B>
struct evaluation<R, std::tuple<E...>, B...> {
  using cache_t =
      cse_cache_for<R, (is_dynamic_binding_v<std::remove_cvref_t<decltype(B::value)>> || ...), E...>;
  using env_t = environment<cache_t, B...>;
  cache_t cache{};
  env_t env;
  constexpr explicit evaluation(B const&... b) : env{{b...}, &cache} { cache.fill(env); }
  evaluation(evaluation const&) = delete;
  evaluation& operator=(evaluation const&) = delete;
};

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_CSE_HPP
