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
#include <leibniz/tensor.hpp>
#include <leibniz/tensor_ops.hpp>
#include <leibniz/detail/tensor_eval.hpp>

#include <boost/hana/unpack.hpp>
#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/set.hpp>

#include <cstddef>
#include <optional>
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

/// Common-subexpression elimination over the expression types. Equal stateless types
/// are equal formulas, so within one `eval` each distinct stateless subexpression that is
/// not a leaf (x y, sin(x y), (1 + x^2) ...) is computed once, before the formulas
/// themselves, in an order where every subexpression comes after its parts: the formula
/// and all its derivatives in one call become straight-line code over a table of
/// values, with no flags and no tape. Only scalar values are kept in the table.
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
  using type = boost::mp11::mp_if_c<is_stateless_v<self>, boost::mp11::mp_push_back<inner, self>, inner>;
};
template <bool B, class F, class V, class... Sweeps>
struct cse_candidates<call_node<fn::jacobian_t<B>, F, V, Sweeps...>> {
  // the sweeps are evaluated in environments of their own
  using type = typename cse_candidates<F>::type;
};
/// An arithmetic node whose operands are all leaves (x y, 1 - x, -x) costs one operation:
/// it is recomputed where it is used rather than given an entry of its own, which keeps
/// the table (and the compile time spent on it) smaller.
template <class T>
inline constexpr bool is_leaf_v = !Expression<T> || T::kind == expr_kind::terminal;
template <expr_kind K, class... Ts>
  requires(K != expr_kind::terminal && K != expr_kind::call)
struct cse_candidates<expression<K, boost::hana::tuple<Ts...>>> {
  using inner = set_union<typename cse_candidates<Ts>::type...>;
  using self = expression<K, boost::hana::tuple<Ts...>>;
  static constexpr bool kept = is_stateless_v<self> && !(is_leaf_v<Ts> && ...);
  using type = boost::mp11::mp_if_c<kept, boost::mp11::mp_push_back<inner, self>, inner>;
};

template <class R, class E, class Env>
constexpr auto evaluate_node(E const& e, Env const& env);

/// The one value of a stateless expression type, built in constant evaluation (no
/// construction code at run time).
template <class E>
inline constexpr E stateless_instance{};

template <class R, class L>
struct cse_cache;
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

template <class R, class... T>
struct cse_cache<R, boost::mp11::mp_list<T...>> {
  static constexpr std::size_t size = sizeof...(T);
  using map = index_map<boost::mp11::mp_list<T...>, std::index_sequence_for<T...>>;
  template <class E>
  static constexpr std::size_t index = [] {
    std::size_t const i = index_in<E>(static_cast<map const*>(nullptr));
    return i < size ? i : size;
  }();
  template <class E, class Env>
  static constexpr bool holds = index<E> < size &&
                                std::is_arithmetic_v<decltype(evaluate_node<R>(std::declval<E const&>(),
                                                                               std::declval<Env const&>()))>;
  R value[size + 1]{};

  /// Computes every scalar entry, parts first: a node's parts are read from the table.
  template <class Env>
  constexpr void fill(Env const& env) {
    // a braced list, not a fold expression: clang limits folds to 256 operands
    int const order[] = {0, (fill_one<T>(env), 0)...};
    (void)order;
  }

 private:
  template <class E, class Env>
  constexpr void fill_one(Env const& env) {
    if constexpr (holds<E, Env>) value[index<E>] = evaluate_node<R>(stateless_instance<E>, env);
  }
};
/// The table of one eval call: its candidates when CSE is on and there are at least
/// LEIBNIZ_CONFIG_CSE_MIN of them (a handful of subexpressions are cheaper to recompute
/// than to instantiate a table for: compile time is a product feature too).
template <class L>
using cse_table_list =
    boost::mp11::mp_if_c<LEIBNIZ_CONFIG_CSE != 0 && (boost::mp11::mp_size<L>::value >= LEIBNIZ_CONFIG_CSE_MIN), L,
                         boost::mp11::mp_list<>>;
template <class R, class... E>
using cse_cache_for = cse_cache<R, cse_table_list<set_union<typename cse_candidates<std::remove_cvref_t<E>>::type...>>>;
struct no_cache {
  template <class E, class Env>
  static constexpr bool holds = false;
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

/// The state of one eval call: the table of the common subexpressions of the formulas
/// E... (cse_cache_for), filled on construction, and the environment that binds b... and
/// reads the table. Built in the caller's frame: the optimiser then sees the whole
/// evaluation in one function and keeps the table's entries in registers.
template <class R, class Formulas, class... B>
struct evaluation;
template <class R, class... E, class... B>
struct evaluation<R, std::tuple<E...>, B...> {
  using cache_t = cse_cache_for<R, E...>;
  using env_t = environment<cache_t, B...>;
  cache_t cache{};
  env_t env;
  constexpr explicit evaluation(B const&... b) : env{{b...}, &cache} { cache.fill(env); }
  evaluation(evaluation const&) = delete;
  evaluation& operator=(evaluation const&) = delete;
};

template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env);
template <class R, class E, class Env>
constexpr auto evaluate_node(E const& e, Env const& env);
template <class E, class Env>
constexpr auto shape_of(E const& e, Env const& env);
template <class R, class V0, class... V>
constexpr auto stack_values(V0 const& v0, V const&... v);
template <class R, class E, class Env>
constexpr auto jacobian_value(E const& e, Env const& env);

template <class E>
inline constexpr bool is_expect_shape_v = false;
template <bool B, class... A>
inline constexpr bool is_expect_shape_v<call_node<fn::expect_shape_t<B>, A...>> = true;

template <class E>
inline constexpr bool is_jacobian_v = false;
template <bool B, class... A>
inline constexpr bool is_jacobian_v<call_node<fn::jacobian_t<B>, A...>> = true;
template <class R, bool SideA, class C, class SA, class SB, class O>
constexpr auto matmul_vjp_value(C const& c, SA const& sa, SB const& sb, O const& other);
template <class R, class C, class S>
constexpr auto fit_value(C const& c, S const& target);
template <class C, class Out>
constexpr void reduce_into(C const& c, Out& out, shape const& sc, shape const& st);

template <class E>
inline constexpr bool is_integral_literal_v = false;
template <class T>
inline constexpr bool is_integral_literal_v<literal<T>> = std::is_integral_v<T>;

template <class A>
constexpr long long index_value(A const& a) {
  if constexpr (std::is_same_v<A, index_literal>)
    return value(a);
  else
    return 0;
}

/// `u^p` for a fixed exponent, chosen at compile time: integer powers multiply,
/// 1/2 is sqrt, 1/3 cbrt.
template <class P>
struct power_by {
  template <class R>
  constexpr R operator()(R u) const {
    if constexpr (std::is_same_v<P, constant<1, 2>>)
      return math::sqrt(u);
    else if constexpr (std::is_same_v<P, constant<-1, 2>>)
      return R(1) / math::sqrt(u);
    else if constexpr (std::is_same_v<P, constant<1, 3>>)
      return math::cbrt(u);
    else if constexpr (P::den == 1)
      return math::pow_int(u, static_cast<long long>(P::num));
    else
      return math::pow(u, static_cast<R>(P::num) / static_cast<R>(P::den));
  }
};
struct power_by_int {
  long long n;
  template <class R>
  constexpr R operator()(R u) const {
    return math::pow_int(u, n);
  }
};
struct power_general {
  template <class R>
  constexpr R operator()(R u, R p) const {
    return math::pow(u, p);
  }
};

template <class F>
struct apply_function;

/// F(v...): at once for scalars, lazily for tensors.
template <class R, class F, class... V>
constexpr auto apply_elementwise(V... v) {
  if constexpr ((std::is_arithmetic_v<V> && ...))
    return F::apply(v...);
  else
    return elementwise(F::name, apply_function<F>{}, std::move(v)...);
}

template <class F>
struct apply_function {
  template <class... R>
  constexpr auto operator()(R... v) const {
    return F::apply(v...);
  }
};

struct plus_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a + b; }
};
struct minus_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a - b; }
};
struct times_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a * b; }
};
struct divide_op {
  template <class R>
  constexpr R operator()(R a, R b) const { return a / b; }
};
struct negate_op {
  template <class R>
  constexpr R operator()(R a) const { return -a; }
};

/// The value bound to a variable, or held by a literal, as an evaluation value.
template <class R, class T>
constexpr auto as_value(T const& v) {
  if constexpr (std::is_arithmetic_v<T>)
    return static_cast<R>(v);
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
  else if constexpr (is_fixed_tensor_v<T>)
    return typename T::static_shape_type{};
  else if constexpr (ExternalTensor<T>)
    return tensor_binding<T>::shape(v);
  else
    return v.shape();
}

/// The indices stored in an element-access or one-hot node, from argument First on.
template <std::size_t First, class E>
constexpr auto stored_indices(E const& e) {
  return boost::hana::unpack(e.elements, [](auto const&, auto const&... a) {
    long long const all[] = {index_value(a)..., 0};
    std::array<long long, sizeof...(a) - First> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = all[First + i];
    return out;
  });
}
template <std::size_t A, std::size_t B>
struct rank_pair {
  static constexpr std::size_t first = A, second = B;
};

template <class R, class V>
constexpr auto materialize_owned(V const& v) {
  auto m = materialize<R>(v);
  if constexpr (std::is_arithmetic_v<decltype(m)>)
    return m;
  else
    return owned<decltype(m)>{m};
}

struct row_shape_fn {
  constexpr shape operator()(shape const& c) const {
    if (c.rank() == 0) throw shape_error("leibniz: row: needs a tensor of rank >= 1");
    shape out;
    for (std::size_t d = 1; d < c.rank(); ++d) out.push_back(c[d]);
    return out;
  }
};

template <std::size_t N>
struct stack_shape_fn {
  constexpr shape operator()(shape const& item) const {
    shape out{N};
    for (std::size_t d = 0; d < item.rank(); ++d) out.push_back(item[d]);
    return out;
  }
};

/// The value of fit(c, like) when a shape is only known at run time.
template <class R, class C>
struct fit_dynamic {
  struct plan_type {
    plan_t<C> c;
    placement r;
  };
  C c;
  owned<tensor<R>> reduced;
  bool pass;
  [[nodiscard]] constexpr leibniz::shape shape() const { return pass ? to_shape(c.shape()) : reduced.shape(); }
  [[nodiscard]] constexpr plan_type plan(leibniz::shape const& root) const {
    if (pass) return {c.plan(root), {}};
    return {{}, reduced.plan(root)};
  }
  [[nodiscard]] static constexpr bool same(plan_type const& p) noexcept {
    // the part not taken has a default plan, which is flat
    return C::same(p.c) && p.r.same;
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get(std::size_t i, std::size_t const* idx, plan_type const& p) const {
    return pass ? c.template get<R2>(i, idx, p.c) : reduced.template get<R2>(i, idx, p.r);
  }
  template <class R2>
  [[nodiscard]] constexpr R2 get_flat(std::size_t i) const {
    return pass ? c.template get_flat<R2>(i) : reduced.template get_flat<R2>(i);
  }
};

/// fit(c, like): c summed over the dimensions it was broadcast along, or broadcast,
/// to the shape of `like` (reduce_into); a scalar c is filled in without a loop.
template <class R, class C, class S>
constexpr auto fit_value(C const& c, S const& target) {
  using SC = std::remove_cvref_t<decltype(value_shape(c))>;
  if constexpr (std::is_same_v<SC, S> && is_static_shape_v<S>) {
    return c;  // same static shape: nothing to do
  } else if constexpr (is_scalar_shape_v<SC>) {
    if constexpr (is_scalar_shape_v<S>)
      return c;
    else
      return filled<R, S>{materialize<R>(c), target};
  } else if constexpr (is_scalar_shape_v<S>) {
    return reduce_sum<R>(c);
  } else {
    shape const sc = to_shape(value_shape(c)), st = to_shape(target);
    if constexpr (!is_static_shape_v<S> || !is_static_shape_v<SC>) {
      // Decided at run time: equal shapes pass c through, still lazy (no temporary);
      // otherwise c is reduced into an owned tensor.
      fit_dynamic<R, C> out{c, {}, sc == st};
      if (!out.pass) {
        out.reduced.value = tensor<R>(st, R(0));
        reduce_into(c, out.reduced.value, sc, st);
      }
      return out;
    } else {
      auto out = container<R, S>::make(target);
      reduce_into(c, out, sc, st);
      return owned<decltype(out)>{std::move(out)};
    }
  }
}

/// c brought to shape st: c is broadcast to the common shape of sc and st, then every
/// element is added into the element of `out` it was broadcast from. A cotangent (sc
/// at least st) is summed over its broadcast dimensions; a tangent (sc at most st) is
/// broadcast; the two compose when a tangent of a cotangent meets a reduction.
template <class C, class Out>
constexpr void reduce_into(C const& c, Out& out, shape const& sc, shape const& st) {
  broadcast_result const common = try_broadcast(sc, st);
  if (!common.ok)
    throw shape_error("leibniz: a cotangent or tangent of shape " + sc.to_string() +
                      " does not fit shape " + st.to_string() +
                      " (check the shape of the vector given to vjp, jvp or hvp)");
  shape const& sb = common.value;
  using R = std::remove_cvref_t<decltype(*out.data())>;
  placement target{};
  target.place(st, sb);
  R* const o = out.data();
  std::array<std::size_t, max_rank> idx{};
  auto const p = c.plan(sb);
  std::size_t const n = sb.numel();
  for (std::size_t i = 0; i < n; ++i) {
    o[target.offset(i, idx.data())] += c.template get<R>(i, idx.data(), p);
    for (std::size_t d = sb.rank(); d-- > 0;) {
      if (++idx[d] < sb[d]) break;
      idx[d] = 0;
    }
  }
}

/// Evaluates node e, or reads its value from the table of common subexpressions
/// (see cse_candidates), filled before the formulas are evaluated.
template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env) {
  if constexpr (Env::cache_type::template holds<E, Env>)
    return env.cache->value[Env::cache_type::template index<E>];
  else
    return evaluate_node<R>(e, env);
}

/// Calls f with the value of a matrix-product operand x; when x is transpose(y), with
/// y's value read as its transpose (detail::transposed), so that the transpose is not
/// materialised.
template <class R, class X, class Env, class F>
constexpr auto with_product_operand(X const& x, Env const& env, F const& f) {
  if constexpr (is_call_of_v<X, fn::transpose_t>) {
    auto const y = evaluate<R>(arg<0>(x), env);
    return f(transposed<decltype(y)>{y});
  } else {
    return f(evaluate<R>(x, env));
  }
}

/// Walks the expression type: each node kind is one `if constexpr` branch, chosen
/// at compile time; no tape. Scalars are computed at once; tensor elementwise
/// nodes stay lazy until a reduction, a product or the result needs their values.
template <class R, class E, class Env>
constexpr auto evaluate_node(E const& e, Env const& env) {
  if constexpr (is_variable_v<E>) {
    return as_value<R>(env.template get<E>());
  } else if constexpr (is_constant_v<E>) {
    return E::template value<R>;
  } else if constexpr (is_literal_v<E> || is_tensor_literal_v<E>) {
    return as_value<R>(value(e));
  } else if constexpr (is_add_v<E> || is_sub_v<E> || is_mul_v<E> || is_div_v<E>) {
    auto a = evaluate<R>(arg<0>(e), env);
    auto b = evaluate<R>(arg<1>(e), env);
    if constexpr (std::is_arithmetic_v<decltype(a)> && std::is_arithmetic_v<decltype(b)>) {
      // scalars: plain arithmetic, no elementwise machinery to instantiate
      if constexpr (is_add_v<E>)
        return a + b;
      else if constexpr (is_sub_v<E>)
        return a - b;
      else if constexpr (is_mul_v<E>)
        return a * b;
      else
        return a / b;
    } else if constexpr (is_add_v<E>) {
      return elementwise("add", plus_op{}, std::move(a), std::move(b));
    } else if constexpr (is_sub_v<E>) {
      return elementwise("sub", minus_op{}, std::move(a), std::move(b));
    } else if constexpr (is_mul_v<E>) {
      return elementwise("mul", times_op{}, std::move(a), std::move(b));
    } else {
      return elementwise("div", divide_op{}, std::move(a), std::move(b));
    }
  } else if constexpr (is_neg_v<E>) {
    auto a = evaluate<R>(arg<0>(e), env);
    if constexpr (std::is_arithmetic_v<decltype(a)>)
      return -a;
    else
      return elementwise("neg", negate_op{}, std::move(a));
  } else if constexpr (is_pow_v<E>) {
    using P = arg_t<1, E>;
    if constexpr (is_constant_v<P>)
      return elementwise("pow", power_by<P>{}, evaluate<R>(arg<0>(e), env));
    else if constexpr (is_integral_literal_v<P>)
      return elementwise("pow", power_by_int{static_cast<long long>(value(arg<1>(e)))},
                         evaluate<R>(arg<0>(e), env));
    else
      return elementwise("pow", power_general{}, evaluate<R>(arg<0>(e), env),
                         evaluate<R>(arg<1>(e), env));
  } else if constexpr (is_call_of_v<E, fn::sum_t>) {
    return reduce_sum<R>(evaluate<R>(arg<0>(e), env));
  } else if constexpr (is_call_of_v<E, fn::mean_t>) {
    auto const v = evaluate<R>(arg<0>(e), env);
    return reduce_sum<R>(v) / static_cast<R>(numel_of(v));
  } else if constexpr (is_call_of_v<E, fn::mm_t> || is_call_of_v<E, fn::matmul_t>) {
    // a transpose(x) operand is read in place, not materialised
    return with_product_operand<R>(arg<0>(e), env, [&](auto const& a) {
      return with_product_operand<R>(arg<1>(e), env, [&](auto const& b) {
        return matrix_product<R, call_function_t<E>>(a, b);
      });
    });
  } else if constexpr (is_call_of_v<E, fn::dot_t> || is_call_of_v<E, fn::outer_t>) {
    return matrix_product<R, call_function_t<E>>(evaluate<R>(arg<0>(e), env),
                                                 evaluate<R>(arg<1>(e), env));
  } else if constexpr (is_call_of_v<E, fn::transpose_t>) {
    return transpose_value<R>(evaluate<R>(arg<0>(e), env));
  } else if constexpr (is_call_of_v<E, fn::at_t>) {
    auto const index = stored_indices<1>(e);
    return element_at<R>(evaluate<R>(arg<0>(e), env), index.data(), index.size());
  } else if constexpr (is_call_of_v<E, fn::fit_t> || is_call_of_v<E, fn::broadcast_t>) {
    return fit_value<R>(evaluate<R>(arg<0>(e), env), shape_of(arg<1>(e), env));
  } else if constexpr (is_call_of_v<E, fn::numel_t>) {
    return static_cast<R>(to_shape(shape_of(arg<0>(e), env)).numel());
  } else if constexpr (is_expect_shape_v<E>) {
    constexpr bool cotangent = call_function_t<E>::cotangent;
    auto v = evaluate<R>(arg<0>(e), env);
    using SV = std::remove_cvref_t<decltype(value_shape(v))>;
    using SL = std::remove_cvref_t<decltype(shape_of(arg<1>(e), env))>;
    if constexpr (is_static_shape_v<SV> && is_static_shape_v<SL>) {
      if constexpr (!(SV::value() == SL::value())) {
        if constexpr (cotangent)
          report_static_error<error::vjp_vector_shape_differs_from_output<SV, SL>>();
        else
          report_static_error<error::jvp_vector_shape_differs_from_variable<SV, SL>>();
      }
    } else {
      shape const sv = to_shape(value_shape(v)), sl = to_shape(shape_of(arg<1>(e), env));
      if (!(sv == sl))
        throw shape_error(std::string(cotangent ? "leibniz: vjp: v has shape " : "leibniz: jvp: t has shape ") +
                          sv.to_string() + (cotangent ? " but the output has shape " : " but the variable has shape ") +
                          sl.to_string());
    }
    return v;
  } else if constexpr (is_call_of_v<E, fn::onehot_t>) {
    auto const target = shape_of(arg<1>(e), env);
    using S = std::remove_cvref_t<decltype(target)>;
    shape const st = to_shape(target);
    auto const index = stored_indices<2>(e);
    std::size_t flat = 0;
    for (std::size_t d = 0; d < index.size(); ++d) flat = flat * st[d] + static_cast<std::size_t>(index[d]);
    R const c = reduce_sum<R>(evaluate<R>(arg<0>(e), env));
    if constexpr (is_scalar_shape_v<S>)
      return c;
    else
      return one_hot<R, S>{c, flat, target};
  } else if constexpr (is_call_of_v<E, fn::row_t>) {
    auto const c = evaluate<R>(arg<0>(e), env);
    auto const so = lift_shape<row_shape_fn>(value_shape(c));
    auto const k = static_cast<std::size_t>(value(arg<1>(e)));
    auto const whole = contiguous<R>(c);
    if constexpr (is_scalar_shape_v<std::remove_cvref_t<decltype(so)>>) {
      return element_pointer(whole)[k];
    } else {
      auto out = container<R, std::remove_cvref_t<decltype(so)>>::make(so);
      std::size_t const n = to_shape(so).numel();
      for (std::size_t i = 0; i < n; ++i) out.data()[i] = element_pointer(whole)[k * n + i];
      return owned<decltype(out)>{std::move(out)};
    }
  } else if constexpr (is_call_of_v<E, fn::unrow_t>) {
    auto const target = shape_of(arg<1>(e), env);
    using S = std::remove_cvref_t<decltype(target)>;
    auto const slice_shape = lift_shape<row_shape_fn>(target);
    auto const slice = materialize<R>(fit_value<R>(evaluate<R>(arg<0>(e), env), slice_shape));
    auto const k = static_cast<std::size_t>(value(arg<2>(e)));
    shape const st = to_shape(target);
    if (k >= st[0])
      throw std::out_of_range("leibniz: unrow: slice " + std::to_string(k) + " of shape " + st.to_string());
    auto out = container<R, S>::make(target);
    std::size_t const n = to_shape(slice_shape).numel();
    for (std::size_t i = 0; i < n; ++i) {
      if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(slice)>>)
        out.data()[k * n + i] = slice;
      else
        out.data()[k * n + i] = slice.data()[i];
    }
    return owned<decltype(out)>{std::move(out)};
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_a_t> || is_call_of_v<E, fn::matmul_vjp_b_t>) {
    return matmul_vjp_value<R, std::is_same_v<call_function_t<E>, fn::matmul_vjp_a_t>>(
        evaluate<R>(arg<0>(e), env), shape_of(arg<1>(e), env), shape_of(arg<2>(e), env),
        evaluate<R>(arg<std::is_same_v<call_function_t<E>, fn::matmul_vjp_a_t> ? 2 : 1>(e), env));
  } else if constexpr (is_stack_v<E>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... items) {
      return stack_values<R>(evaluate<R>(items, env)...);
    });
  } else if constexpr (is_jacobian_v<E>) {
    return jacobian_value<R>(e, env);
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... a) {
      return apply_elementwise<R, call_function_t<E>>(evaluate<R>(a, env)...);
    });
  } else {
    // An operation that is neither elementwise nor one of the branches above has no
    // value rule: fail here rather than evaluate it as if it were elementwise.
    static_assert(sizeof(E) == 0,
                  "leibniz::eval: no value rule for this node's operation (a new operation "
                  "must be elementwise or have its own branch in evaluate_node and shape_of)");
    return 0;
  }
}

/// The cotangent of a (SideA) or b in matmul(a, b) for cotangent c, for operands of
/// ranks RA and RB (torch.matmul's 1-D and 2-D rules); `other` is the other operand's
/// value. (A function template, not a generic lambda: clang instantiates the calls in
/// a lambda's discarded branches when they do not depend on the lambda's parameters.)
template <class R, bool SideA, std::size_t RA, std::size_t RB, class C, class O>
constexpr auto matmul_vjp_by_rank(C const& c, O const& other) {
  if constexpr (RA == 1 && RB == 1)
    return materialize_owned<R>(elementwise("matmul", times_op{}, fit_value<R>(c, static_shape<>{}), other));
  else if constexpr (SideA && RA == 2 && RB == 1)
    return matrix_product<R, fn::outer_t>(c, other);
  else if constexpr (SideA && RA == 1 && RB == 2)
    return matrix_product<R, fn::matmul_t>(other, c);
  else if constexpr (SideA)
    return matrix_product<R, fn::mm_t>(c, transposed<O>{other});
  else if constexpr (RA == 2 && RB == 1)
    return matrix_product<R, fn::matmul_t>(transposed<O>{other}, c);
  else if constexpr (RA == 1 && RB == 2)
    return matrix_product<R, fn::outer_t>(other, c);
  else
    return matrix_product<R, fn::mm_t>(transposed<O>{other}, c);
}

/// Whether an operand of shape type S can have rank N (a run-time shape can have any).
template <class S, std::size_t N>
constexpr bool rank_allowed() {
  if constexpr (is_static_shape_v<S>)
    return S::rank == N;
  else
    return true;
}
template <class S, std::size_t N>
inline constexpr bool rank_allowed_v = rank_allowed<S, N>();

/// The cotangent of a (SideA) or b in matmul(a, b) for cotangent c, by the ranks of
/// a and b; `other` is the other operand's value.
template <class R, bool SideA, class C, class SA, class SB, class O>
constexpr auto matmul_vjp_value(C const& c, SA const& sa, SB const& sb, O const& other) {
  auto const by_rank = [&](auto ranks) {
    using P = decltype(ranks);
    return matmul_vjp_by_rank<R, SideA, P::first, P::second>(c, other);
  };
  if constexpr (is_static_shape_v<SA> && is_static_shape_v<SB>) {
    return by_rank(rank_pair<SA::rank, SB::rank>{});
  } else {
    // ranks known at run time: every rule gives an owned lz::tensor
    shape const a = to_shape(sa), b = to_shape(sb);
    auto const as_dynamic = [](auto const& v) {
      auto m = materialize<R>(v);
      if constexpr (std::is_arithmetic_v<decltype(m)>)
        return owned<tensor<R>>{tensor<R>::scalar(m)};
      else
        return owned<tensor<R>>{tensor<R>(m)};
    };
    // Only the rank pairs an operand with a compile-time shape allows are instantiated
    // (a fixed operand of rank 1 cannot be transposed).
    using result = owned<tensor<R>>;
    auto const try_ranks = [&](auto ranks) -> std::optional<result> {
      using P = decltype(ranks);
      if constexpr (rank_allowed_v<SA, P::first> && rank_allowed_v<SB, P::second>) {
        if (a.rank() == P::first && b.rank() == P::second) return as_dynamic(by_rank(ranks));
      }
      return std::nullopt;
    };
    if (auto r = try_ranks(rank_pair<1, 1>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<2, 1>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<1, 2>{})) return *std::move(r);
    if (auto r = try_ranks(rank_pair<2, 2>{})) return *std::move(r);
    throw shape_error(matrix_product_message("matmul", a, b));
  }
}

/// The environment of a Jacobian sweep: the bindings plus the seed, no cache (the
/// seed changes from sweep to sweep).
template <class Cache, class... B, class S>
constexpr auto extend_environment(environment<Cache, B...> const& env, S const& seed) {
  return environment<no_cache, B..., S>{std::tuple_cat(env.bindings, std::tuple<S const&>(seed)), nullptr};
}

struct concat_shape_fn {
  constexpr shape operator()(shape const& a, shape const& b) const {
    shape out = a;
    for (std::size_t d = 0; d < b.rank(); ++d) out.push_back(b[d]);
    return out;
  }
};

/// One sweep per element of the seed's shape: the expression evaluated with the seed
/// variable bound to each one-hot tensor in turn, its value fitted to `target`;
/// `write(k, values)` stores the k-th result.
template <class R, class X, class Env, class SS, class ST, class Write>
constexpr void sweeps(X const& expr, Env const& env, SS const& seed_shape, ST const& target, Write write) {
  shape const ss = to_shape(seed_shape);
  std::size_t const n = ss.numel();
  auto seed = [&] {
    if constexpr (is_scalar_shape_v<SS>)
      return R(0);
    else
      return container<R, SS>::make(seed_shape);
  }();
  for (std::size_t k = 0; k < n; ++k) {
    if constexpr (is_scalar_shape_v<SS>) {
      seed = R(1);
    } else {
      if (k > 0) seed.data()[k - 1] = R(0);
      seed.data()[k] = R(1);
    }
    auto const bound = seed_variable{} = seed;
    auto const value = materialize<R>(fit_value<R>(evaluate<R>(expr, extend_environment(env, bound)), target));
    write(k, value);
  }
}

/// Evaluates a Jacobian node: shape F.shape ++ a.shape, by reverse sweeps (one per
/// element of F) when F has fewer elements than a, else by forward sweeps.
template <class R, class E, class Env>
constexpr auto jacobian_value(E const& e, Env const& env) {
  auto const sf = shape_of(arg<0>(e), env);
  auto const sa = shape_of(arg<1>(e), env);
  auto const so = lift_shape<concat_shape_fn>(sf, sa);
  using SO = std::remove_cvref_t<decltype(so)>;
  std::size_t const nf = to_shape(sf).numel(), na = to_shape(sa).numel();
  auto out = [&] {
    if constexpr (is_scalar_shape_v<SO>)
      return fixed_tensor<R>{};
    else
      return container<R, SO>::make(so);
  }();
  R* const o = out.data();
  auto const at = [](auto const& v, std::size_t i) {
    if constexpr (std::is_arithmetic_v<std::remove_cvref_t<decltype(v)>>)
      return v;
    else
      return v.data()[i];
  };
  constexpr bool forward_only = call_function_t<E>::forward_only;
  bool const reverse = !forward_only && nf < na;
  if (reverse) {
    if constexpr (!forward_only)
      sweeps<R>(arg<2>(e), env, sf, sa, [&](std::size_t k, auto const& row) {
        for (std::size_t j = 0; j < na; ++j) o[k * na + j] = at(row, j);
      });
  } else {
    sweeps<R>(arg<3>(e), env, sa, sf, [&](std::size_t k, auto const& column) {
      for (std::size_t i = 0; i < nf; ++i) o[i * na + k] = at(column, i);
    });
  }
  if constexpr (is_scalar_shape_v<SO>)
    return out.data()[0];
  else
    return owned<decltype(out)>{std::move(out)};
}

/// stack(items...): scalars make a vector, tensors of one shape a tensor of rank + 1.
template <class R, class V0, class... V>
constexpr auto stack_values(V0 const& v0, V const&... v) {
  constexpr std::size_t n = 1 + sizeof...(V);
  using S0 = std::remove_cvref_t<decltype(value_shape(v0))>;
  if constexpr (is_scalar_shape_v<S0>) {
    return owned<fixed_tensor<R, n>>{fixed_tensor<R, n>{materialize<R>(v0), materialize<R>(v)...}};
  } else {
    if constexpr (is_static_shape_v<S0>) {  // fixed items of different shapes: a compile error
      auto const check_static = [](auto const& item) {
        using SI = std::remove_cvref_t<decltype(value_shape(item))>;
        if constexpr (!std::is_same_v<SI, S0>)
          report_static_error<error::stack_items_differ_in_shape<S0, SI>>();
      };
      (check_static(v), ...);
    }
    shape const s0 = to_shape(value_shape(v0));
    if constexpr (!is_static_shape_v<S0>) {
      auto const check = [&](auto const& item) {
        if (!(to_shape(value_shape(item)) == s0))
          throw shape_error(shapes_text("stack", s0, to_shape(value_shape(item))) +
                            ": items of a stack must have one shape");
      };
      (check(v), ...);
    }
    auto const so = lift_shape<stack_shape_fn<n>>(value_shape(v0));
    auto out = container<R, std::remove_cvref_t<decltype(so)>>::make(so);
    std::size_t const step = s0.numel();
    std::size_t k = 0;
    constexpr std::size_t static_count = [] {
      if constexpr (is_static_shape_v<S0>)
        return S0::count;
      else
        return std::size_t{0};
    }();
    auto const put = [&](auto const& item) {
      using I = std::remove_cvref_t<decltype(item)>;
      if constexpr (std::is_arithmetic_v<I>) {  // a number among rank-0 tensors (checked above)
        out.data()[k * step] = static_cast<R>(item);
      } else if constexpr (is_static_flat_v<I, S0>) {  // fixed items: a plain loop
        R* const o = out.data() + k * static_count;
        for (std::size_t i = 0; i < static_count; ++i) o[i] = item.template get_flat<R>(i);
      } else {
        auto const d = contiguous<R>(item);
        for (std::size_t i = 0; i < step; ++i) out.data()[k * step + i] = element_pointer(d)[i];
      }
      ++k;
    };
    put(v0);
    (put(v), ...);
    return owned<decltype(out)>{std::move(out)};
  }
}

/// The shape of a formula's value, computed from the bound values' shapes alone.
template <class E, class Env>
constexpr auto shape_of(E const& e, Env const& env) {
  if constexpr (is_variable_v<E>) {
    return shape_of_binding(env.template get<E>());
  } else if constexpr (is_constant_v<E>) {
    return static_shape<>{};
  } else if constexpr (is_literal_v<E> || is_tensor_literal_v<E>) {
    return shape_of_binding(value(e));
  } else if constexpr (is_call_of_v<E, fn::sum_t> || is_call_of_v<E, fn::mean_t> ||
                       is_call_of_v<E, fn::at_t> || is_call_of_v<E, fn::numel_t> ||
                       is_call_of_v<E, fn::dot_t>) {
    return static_shape<>{};
  } else if constexpr (is_call_of_v<E, fn::mm_t> || is_call_of_v<E, fn::matmul_t> ||
                       is_call_of_v<E, fn::outer_t>) {
    using F = call_function_t<E>;
    auto const sa = shape_of(arg<0>(e), env);
    auto const sb = shape_of(arg<1>(e), env);
    using SA = std::remove_cvref_t<decltype(sa)>;
    using SB = std::remove_cvref_t<decltype(sb)>;
    check_static_product<F, SA, SB>();  // a compile error naming the shapes
    if constexpr (!static_product_ok<F, SA, SB>())
      return SA{};  // carry on: no further errors
    else
      return lift_shape<product_shape_fn<F>>(sa, sb);
  } else if constexpr (is_call_of_v<E, fn::transpose_t>) {
    return lift_shape<transpose_shape_fn>(shape_of(arg<0>(e), env));
  } else if constexpr (is_call_of_v<E, fn::fit_t> || is_call_of_v<E, fn::broadcast_t> ||
                       is_call_of_v<E, fn::onehot_t> || is_call_of_v<E, fn::unrow_t>) {
    return shape_of(arg<1>(e), env);
  } else if constexpr (is_expect_shape_v<E>) {
    return shape_of(arg<0>(e), env);
  } else if constexpr (is_call_of_v<E, fn::row_t>) {
    return lift_shape<row_shape_fn>(shape_of(arg<0>(e), env));
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_a_t>) {
    return shape_of(arg<1>(e), env);
  } else if constexpr (is_call_of_v<E, fn::matmul_vjp_b_t>) {
    return shape_of(arg<2>(e), env);
  } else if constexpr (is_stack_v<E>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const& first, auto const&...) {
      return lift_shape<stack_shape_fn<stack_size_v<E>>>(shape_of(first, env));
    });
  } else if constexpr (is_neg_v<E>) {
    return shape_of(arg<0>(e), env);
  } else if constexpr (is_pow_v<E> || is_add_v<E> || is_sub_v<E> || is_mul_v<E> || is_div_v<E> ||
                       is_call_of_v<E, fn::atan2_t>) {
    return broadcast_shapes("broadcast", shape_of(arg<0>(e), env), shape_of(arg<1>(e), env));
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {
    return shape_of(arg<0>(e), env);  // unary elementwise functions
  } else {
    static_assert(sizeof(E) == 0,
                  "leibniz: no shape rule for this node's operation (a new operation must be "
                  "elementwise or have its own branch in shape_of)");
    return static_shape<>{};
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

template <class T>
inline constexpr bool is_expression_tuple_v = false;
template <class... E>
inline constexpr bool is_expression_tuple_v<std::tuple<E...>> = (is_expression_v<E> && ...);

}  // namespace detail

/// Evaluates formula `f` (or a `std::tuple` of formulas) with the variables
/// bound as `x = value`: `lz::eval(f, x = 2.0, y = 0.5)`. `constexpr` whenever
/// the values are. The result's scalar type is the common type of the bound
/// values (float in, float out; integers evaluate in double). The result is a
/// scalar or a `fixed_tensor` when no `lz::tensor` is involved, and an
/// `lz::tensor` (rank 0 for a scalar formula, as torch) when one is. A variable of `f` without a binding, or a
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
      // one environment and one cache for all the formulas: they share their work
      return std::apply([&](auto const&... fi) { return evaluate_all<B...>(b..., fi...); }, f);
    } else if constexpr (Expression<E> && (detail::is_binding_v<B> && ...)) {
      return evaluate_one<B...>(b..., f);
    }
  }

 private:
  template <class... B, class... E>
  static constexpr auto evaluate_all(B const&... b, E const&... f) {
    using check = detail::binding_check<std::tuple<E...>, B...>;
    using R = typename detail::result_scalar<B...>::type;
    if constexpr (!check::ok) {
      detail::report_bindings<check>();
      return std::tuple<decltype((void)sizeof(E), R{})...>{};  // no further errors
    } else {
      detail::evaluation<R, std::tuple<E...>, B...> state(b...);
      return std::tuple{result_of<R>(f, state.env)...};
    }
  }

  /// One formula: as evaluate_all, but the result is returned without passing through a
  /// tuple (a fixed_tensor result is built in place in the caller's object, not copied).
  template <class... B, class E>
  static constexpr auto evaluate_one(B const&... b, E const& f) {
    using check = detail::binding_check<std::tuple<E>, B...>;
    using R = typename detail::result_scalar<B...>::type;
    if constexpr (!check::ok) {
      detail::report_bindings<check>();
      return R{};  // no further errors
    } else {
      detail::evaluation<R, std::tuple<E>, B...> state(b...);
      return result_of<R>(f, state.env);
    }
  }

  /// The value of formula f as the caller gets it: with a dynamic tensor involved, an
  /// lz::tensor (rank 0 for a scalar formula, as torch); otherwise the scalar or the
  /// fixed_tensor, built in place.
  template <class R, class E, class Env>
  static constexpr auto result_of(E const& f, Env const& env) {
    if constexpr (!(Env::dynamic || detail::holds_dynamic_literal_v<E>)) {
      return detail::materialize<R>(detail::evaluate<R>(f, env));
    } else {
      auto result = detail::materialize<R>(detail::evaluate<R>(f, env));
      using V = decltype(result);
      if constexpr (detail::is_fixed_tensor_v<V>)
        return tensor<R>(result);
      else if constexpr (std::is_arithmetic_v<V>)
        return tensor<R>::scalar(result);
      else
        return result;
    }
  }
};
inline constexpr eval_fn eval{};

}  // namespace leibniz

#endif  // LEIBNIZ_EVAL_HPP
