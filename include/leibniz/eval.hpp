// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::eval, evaluation of a formula for bound values, constexpr where they are.
#ifndef LEIBNIZ_EVAL_HPP
#define LEIBNIZ_EVAL_HPP

#include <leibniz/detail/cse.hpp>
#include <leibniz/detail/environment.hpp>
#include <leibniz/detail/forward.hpp>
#include <leibniz/detail/math.hpp>
#include <leibniz/detail/tensor_eval.hpp>
#include <leibniz/detail/tensor_values.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor.hpp>
#include <leibniz/tensor_ops.hpp>

#include <boost/hana/unpack.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {
namespace detail {

template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env);
template <class R, class E, class Env>
constexpr auto evaluate_node(E const& e, Env const& env);
template <class E, class Env>
constexpr auto shape_of(E const& e, Env const& env);

/// Whether `evaluate` reads node E's value from Env's table of common subexpressions (a
/// number, a held tensor, or a tensor held by its numbers) instead of computing it.
template <class E, class Env>
inline constexpr bool is_read_from_table_v =
    Env::cache_type::template holds<E, Env> || Env::cache_type::template holds_tensor<E, Env> ||
    Env::cache_type::template holds_by_numbers<E, Env>;

/// What the value rule of an operation gets (`F::value(e, v)`, tensor_ops.hpp and
/// detail/tensor_nodes.hpp): `v(u)` is the value of operand u, `v.shape(u)` its shape,
/// `v.with(u, b)` the value of u with the binding b added (a Jacobian's sweeps), and
/// `V::scalar` the scalar type of the evaluation.
template <class R, class Env>
struct value_context {
  using scalar = R;
  Env const& env;
  template <class U>
  constexpr auto operator()(U const& u) const {
    return evaluate<R>(u, env);
  }
  template <class U>
  constexpr auto shape(U const& u) const {
    return shape_of(u, env);
  }
  template <class U, class B>
  constexpr auto with(U const& u, B const& b) const {
    return evaluate<R>(u, extend_environment(env, b));
  }
  /// Writes the value of u (every element, row-major) into out: by u's `into` rule where it
  /// has one and is not read from the table of common subexpressions, else evaluated and
  /// copied.
  template <class U>
  constexpr void into(U const& u, R* out) const {
    if constexpr (has_into_rule<U, value_context> && !is_read_from_table_v<U, Env>) {
      call_function_t<U>::into(u, *this, out);
    } else {
      auto const x = evaluate<R>(u, env);
      if constexpr (std::is_arithmetic_v<decltype(x)>) {
        *out = x;
      } else {
        struct storage {
          R* p;
          constexpr R* data() const noexcept { return p; }
        } o{out};
        fill<R>(x, o, to_shape(x.shape()));
      }
    }
  }
};

/// What the shape rule of an operation gets (`F::shape(e, s)`): `s(u)` is the shape of
/// operand u, a static_shape when it is known at compile time.
template <class Env>
struct shape_context {
  Env const& env;
  template <class U>
  constexpr auto operator()(U const& u) const {
    return shape_of(u, env);
  }
};

/// Whether the operation of call node E has a value rule, and a shape rule.
template <class E, class V>
concept has_value_rule = requires(E const& e, V const& v) { call_function_t<E>::value(e, v); };
template <class E, class S>
concept has_shape_rule = requires(E const& e, S const& s) { call_function_t<E>::shape(e, s); };

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
  /// F's kernel for n contiguous elements, where it has one (tensor_eval.hpp, fill_bulk).
  template <class R>
    requires bulk_op<F, R>
  static void apply_n(R const* in, R* out, std::size_t n) noexcept {
    F::apply_n(in, out, n);
  }
};

/// Evaluates node e, or reads its value from the table of common subexpressions
/// (see cse_candidates), filled before the formulas are evaluated; over lz::tensor, a
/// costly node with run-time numbers used twice is computed at its first use and read
/// again where the same numbers recur (is_held_by_numbers).
template <class R, class E, class Env>
constexpr auto evaluate(E const& e, Env const& env) {
  if constexpr (Env::cache_type::template holds<E, Env>)
    return env.cache->value[Env::cache_type::template index<E>];
  else if constexpr (Env::cache_type::template holds_tensor<E, Env>)
    return env.cache->template view<E>();
  else if constexpr (Env::cache_type::template holds_by_numbers<E, Env>)
    return env.cache->by_numbers.view(e, env);
  else
    return evaluate_node<R>(e, env);
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
  } else if constexpr (is_stack_v<E>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... items) {
      return stack_values<R>(evaluate<R>(items, env)...);
    });
  } else if constexpr (has_value_rule<E, value_context<R, Env>>) {
    return call_function_t<E>::value(e, value_context<R, Env>{env});
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const&... a) {
      return apply_elementwise<R, call_function_t<E>>(evaluate<R>(a, env)...);
    });
  } else {
    // An operation that is neither elementwise nor has a value rule: fail here rather
    // than evaluate it as if it were elementwise.
    static_assert(sizeof(E) == 0,
                  "leibniz::eval: no value rule for this node's operation (a new operation "
                  "declares `elementwise = true` and `apply`, or has `value` and `shape` rules "
                  "in its struct; see detail/tensor_nodes.hpp)");
    return 0;
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
  } else if constexpr (is_stack_v<E>) {
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const& first, auto const&...) {
      return lift_shape<stack_shape_fn<stack_size_v<E>>>(shape_of(first, env));
    });
  } else if constexpr (is_neg_v<E>) {
    return shape_of(arg<0>(e), env);
  } else if constexpr (is_add_v<E> || is_sub_v<E> || is_mul_v<E> || is_div_v<E>) {
    return broadcast_shapes("broadcast", shape_of(arg<0>(e), env), shape_of(arg<1>(e), env));
  } else if constexpr (has_shape_rule<E, shape_context<Env>>) {
    return call_function_t<E>::shape(e, shape_context<Env>{env});
  } else if constexpr (is_elementwise_function_v<call_function_t<E>>) {
    // elementwise functions (pow, where and clamp too): their operands broadcast together
    return boost::hana::unpack(e.elements, [&env](auto const&, auto const& a, auto const&... b) {
      static_assert(sizeof...(b) <= 2, "leibniz: elementwise functions take one to three operands");
      if constexpr (sizeof...(b) == 0)
        return shape_of(a, env);
      else
        return broadcast_all("broadcast", shape_of(a, env), shape_of(b, env)...);
    });
  } else {
    static_assert(sizeof(E) == 0,
                  "leibniz: no shape rule for this node's operation (a new operation declares "
                  "`elementwise = true`, or has `value` and `shape` rules in its struct)");
    return static_shape<>{};
  }
}

/// The items of one lz::grad(f, x, y, ...) evaluated together (calculus.hpp,
/// reverse_gradient_t): call nodes over the same f whose operations name the same sweep
/// group. They are evaluated by one reverse sweep when f's variables are bound to numbers.
template <class E>
struct sweep_item {
  static constexpr bool value = false;
};
template <class Fn, class F>
  requires requires { typename Fn::sweep_group; }
struct sweep_item<call_node<Fn, F>> {
  static constexpr bool value = true;
  using group = typename Fn::sweep_group;
  using operand = F;
  static constexpr std::size_t position = Fn::sweep_position;
};
template <class... E>
struct one_sweep {
  static constexpr bool value = false;
};
template <class E0, class... E>
  requires(sweep_item<E0>::value && (sweep_item<E>::value && ...))
struct one_sweep<E0, E...> {
  using group = typename sweep_item<E0>::group;
  using operand = typename sweep_item<E0>::operand;
  static constexpr bool value =
      sizeof...(E) > 0 && ((std::is_same_v<typename sweep_item<E>::group, group> &&
                            std::is_same_v<typename sweep_item<E>::operand, operand>) && ...);
};
/// Whether every variable of formula F is bound to a number in environment Env.
template <class F, class Env>
inline constexpr bool bound_to_numbers_v = []<class... X>(boost::mp11::mp_list<X...>*) {
  return (std::is_arithmetic_v<std::remove_cvref_t<decltype(std::declval<Env const&>().template get<X>())>> && ...);
}(static_cast<variables_t<F>*>(nullptr));
/// Whether formulas E... are the items of one gradient whose formula has every variable
/// bound to a number by bindings B....
template <class Formulas, class... B>
inline constexpr bool is_one_sweep_over_numbers_v = false;
template <class... E, class... B>
  requires one_sweep<E...>::value
inline constexpr bool is_one_sweep_over_numbers_v<std::tuple<E...>, B...> =
    bound_to_numbers_v<typename one_sweep<E...>::operand, environment<no_cache, B...>>;

/// The values of the variables of environment Env as numbers of type R (the passes of
/// detail/forward.hpp and sweep.hpp look them up by variable).
template <class R, class Env>
struct number_lookup {
  Env const& env;
  template <class X>
  constexpr R operator()(X const&) const {
    return as_value<R>(env.template get<X>());
  }
};
/// Whether the forward pass computes what evaluate_node computes for a unary function node
/// N over scalars of type R: evaluate_node applies a function's `value` rule where it has
/// one (context C) and keeps the type that `apply` returns; the pass calls `apply` and
/// stores an R.
template <class R, class C>
struct applied_as_evaluated {
  template <class N>
  using fn = std::bool_constant<!has_value_rule<N, C> &&
                                std::is_same_v<decltype(call_function_t<N>::apply(std::declval<R>())), R>>;
};
/// Whether lz::eval computes formula F over scalars of type R, with the bindings of
/// environment Env, by the forward pass (detail/forward.hpp) instead of the table of common
/// subexpressions: no binding is a dynamic tensor (then the result is an lz::tensor) and
/// F's variables are bound to numbers; F is made of scalar arithmetic and unary functions
/// that the pass computes as evaluate_node does (sweep::takes_v with applied_as_evaluated);
/// F is large enough for a table (at least LEIBNIZ_CONFIG_CSE_MIN candidates; below that
/// there is no table either, and with -DLEIBNIZ_CONFIG_CSE=0 the pass is still taken); and
/// the table would save at most one node evaluation in eight, as in a formula written by
/// hand and unlike a derivative, which repeats its parts. The pass compiles in a fraction of
/// the time, since no function's type carries the table (the 800-node formula of
/// bench/compile: g++ 7.8 s against 2.3 s, docs/design.md), and runs as fast there.
template <class F, class R, class Env>
inline constexpr bool by_forward_pass_v = false;
template <class F, class R, class Env>
  requires(!Env::dynamic && sweep::takes_v<F, applied_as_evaluated<R, value_context<R, Env>>::template fn>)
inline constexpr bool by_forward_pass_v<F, R, Env> =
    [] {
      constexpr std::size_t distinct = boost::mp11::mp_size<typename cse_candidates<F>::type>::value;
      return distinct >= LEIBNIZ_CONFIG_CSE_MIN && 8 * (cse_occurrences_v<F> - distinct) <= sweep::size_v<F>;
    }() &&
    bound_to_numbers_v<F, Env>;

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
    } else if constexpr (detail::is_one_sweep_over_numbers_v<std::tuple<E...>, B...>) {
      // the tuple of one lz::grad over numbers: one reverse sweep gives every item
      detail::environment<detail::no_cache, B...> const env{{b...}, nullptr};
      using group = typename detail::one_sweep<E...>::group;
      auto const g = group::template gradient<R>(detail::arg<0>(std::get<0>(std::tie(f...))),
                                                 detail::number_lookup<R, decltype(env)>{env});
      return std::tuple{g[detail::sweep_item<E>::position]...};
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
    } else if constexpr (detail::by_forward_pass_v<E, R, detail::environment<detail::no_cache, B...>>) {
      // a large scalar formula with few repeated parts, over numbers: one straight-line pass
      detail::environment<detail::no_cache, B...> const env{{b...}, nullptr};
      R v[detail::sweep::size_v<E>];
      detail::sweep::forward<0>(f, v, detail::number_lookup<R, decltype(env)>{env});
      return v[detail::sweep::size_v<E> - 1];
    } else {
      detail::evaluation<R, std::tuple<E>, B...> state(b...);
      return result_of<R>(f, state.env);
    }
  }

  /// A result whose operation writes its value into storage (`into`, a Jacobian): a fixed
  /// one straight into the caller's object, not copied out of a temporary.
  /// (No `if constexpr` with a return in fixed_by_into: g++ 12 then copies the named result.)
  template <class R, class SO, class E, class V>
  static constexpr auto fixed_by_into(E const& f, V const& v) {
    typename detail::container<R, SO>::type out{detail::uninitialized};
    detail::call_function_t<E>::into(f, v, out.data());
    return out;
  }
  template <class R, class E, class V>
  static constexpr auto result_by_into(E const& f, V const& v) {
    using SO = std::remove_cvref_t<decltype(detail::node_shape(f, v))>;
    if constexpr (detail::is_scalar_shape_v<SO>)
      return detail::value_by_into(f, v);
    else
      return fixed_by_into<R, SO>(f, v);
  }

  /// The value of formula f as the caller gets it: with a dynamic tensor involved, an
  /// lz::tensor (rank 0 for a scalar formula, as torch); otherwise the scalar or the
  /// fixed_tensor, built in place.
  template <class R, class E, class Env>
  static constexpr auto result_of(E const& f, Env const& env) {
    if constexpr (!(Env::dynamic || detail::holds_dynamic_literal_v<E>)) {
      if constexpr (detail::has_into_rule<E, detail::value_context<R, Env>> && !detail::is_read_from_table_v<E, Env>) {
        return result_by_into<R>(f, detail::value_context<R, Env>{env});
      } else {
        return detail::materialize<R>(detail::evaluate<R>(f, env));
      }
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
