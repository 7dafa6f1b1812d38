// SPDX-License-Identifier: BSL-1.0
// leibniz: the gradient of a scalar formula by one static reverse sweep over its tree
// (docs/design.md, "Gradients by one reverse sweep").
#ifndef LEIBNIZ_DETAIL_SWEEP_HPP
#define LEIBNIZ_DETAIL_SWEEP_HPP

#include <leibniz/config.hpp>
#include <leibniz/detail/environment.hpp>
#include <leibniz/detail/forward.hpp>
#include <leibniz/detail/math.hpp>
#include <leibniz/eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <ratio>
#include <type_traits>

namespace leibniz::detail::sweep {

// The gradient of a scalar formula f with respect to variables V..., evaluated by one
// forward and one reverse pass over f's own tree, both unrolled at compile time:
//
// - the nodes of f are numbered in post-order (size_v<E> nodes for a subtree E,
//   its root last), and the forward pass writes every node's value into v[that number]
//   (both in detail/forward.hpp, also lz::eval's pass for large scalar formulas);
// - the reverse pass hands each node the adjoint of its root, d f / d node, and passes
//   adj * (local partial) to each operand, the partials read from v. Each node of a tree
//   has one parent, so no adjoint is accumulated except a variable's, summed over its
//   occurrences.
//
// Every node of f becomes one statement of each pass (two function instantiations per
// node, no derivative trees): the cost of compiling a gradient grows with f's size, not
// with the size of the symbolic partials. The let-bound values are v[] and the adjoints;
// the runtime numbers are read from f where they stand, never copied.
//
// Scalar formulas of + - * /, negation, pow and the unary elementwise functions (each
// function's own `derivative(e, u)` rule, evaluated at v).

/// Whether the function of node N has a `derivative(e, u)` rule.
template <class N>
using has_derivative_rule =
    std::bool_constant<requires { call_function_t<N>::derivative(variable<"@e">{}, variable<"@u">{}); }>;
/// Whether the sweep takes formula E: what the forward pass takes, with a `derivative`
/// rule for every unary function.
template <class E>
inline constexpr bool supported_v = takes_v<E, has_derivative_rule>;

template <class E, class... V>
inline constexpr bool depends_on_any_v = (depends_on_v<E, V> || ...);

/// An estimate of the size of the adjoint form of E (calculus.hpp's adjoint_at) for
/// variables V...: the cotangent reaching a node copies the siblings and arguments above it,
/// so each occurrence of a variable costs the size of the cotangent that reaches it.
template <class E, class... V>
constexpr std::size_t adjoint_estimate(std::size_t carried) {
  if constexpr (!depends_on_any_v<E, V...>) {
    return 0;
  } else if constexpr (is_variable_v<E>) {
    return carried + 1;
  } else if constexpr (is_neg_v<E>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried + 1);
  } else if constexpr (is_add_v<E> || is_sub_v<E>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried) + adjoint_estimate<arg_t<1, E>, V...>(carried + 1);
  } else if constexpr (is_mul_v<E>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried + size_v<arg_t<1, E>> + 1) +
           adjoint_estimate<arg_t<1, E>, V...>(carried + size_v<arg_t<0, E>> + 1);
  } else if constexpr (is_div_v<E>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried + size_v<arg_t<1, E>> + 1) +
           adjoint_estimate<arg_t<1, E>, V...>(carried + size_v<E> + size_v<arg_t<1, E>> + 2);
  } else if constexpr (is_pow_v<E>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried + 2 * size_v<arg_t<0, E>> + 3) +
           adjoint_estimate<arg_t<1, E>, V...>(carried + size_v<E> + size_v<arg_t<0, E>> + 3);
  } else if constexpr (is_call_of_v<E, fn::broadcast_t>) {
    return adjoint_estimate<arg_t<0, E>, V...>(carried);
  } else {
    return adjoint_estimate<arg_t<0, E>, V...>(carried + size_v<arg_t<0, E>> + 2);
  }
}

/// Whether lz::grad(f, V...) is a sweep node rather than the adjoint form (config.hpp,
/// LEIBNIZ_CONFIG_SWEEP_RATIO; the measurements behind the threshold are in docs/design.md:
/// W3 at 3.1 times is faster in adjoint form, the generated 50-node formula at 8.8 times
/// three times faster by the sweep).
template <class E, class... V>
inline constexpr bool prefers_sweep_v = false;
template <class E, class... V>
  requires supported_v<E>
inline constexpr bool prefers_sweep_v<E, V...> =
    adjoint_estimate<E, V...>(0) > std::size_t{LEIBNIZ_CONFIG_SWEEP_RATIO} * size_v<E>;

inline constexpr variable<"@e"> at_e{};
inline constexpr variable<"@u"> at_u{};
/// f'(u) of a unary function as a formula of its placeholders e = f(u) and u, built once
/// per function (not per node).
template <class F>
inline constexpr auto local_derivative = F::derivative(at_e, at_u);

/// adj scaled by the compile-time constant S (no operation for 1 and -1).
template <class S, class R>
[[gnu::always_inline]] constexpr R scaled(R adj) {
  if constexpr (S::num == S::den)
    return adj;
  else if constexpr (S::num == -S::den)
    return -adj;
  else
    return S::template value<R> * adj;
}

/// Whether S * C is computed at compile time (both small enough for std::ratio).
template <class S, class C>
inline constexpr bool foldable_v = [] {
  constexpr std::intmax_t m = std::intmax_t{1} << 31;
  return (S::num < m) && (S::num > -m) && (S::den < m) && (C::num < m) && (C::num > -m) && (C::den < m);
}();
template <class S, class C>
using times_t = constant<std::ratio_multiply<std::ratio<S::num, S::den>, std::ratio<C::num, C::den>>::num,
                         std::ratio_multiply<std::ratio<S::num, S::den>, std::ratio<C::num, C::den>>::den>;
template <std::size_t B, class S, class R, class... V, class E>
[[gnu::always_inline]] constexpr void backward(E const& e, R const* v, R adj, std::array<R, sizeof...(V)>& g);

/// The reverse pass below u with the adjoint's constant factor multiplied by C, at compile
/// time where it fits.
template <std::size_t B, class S, class C, class R, class... V, class U>
[[gnu::always_inline]] constexpr void backward_times(U const& u, R const* v, R adj, std::array<R, sizeof...(V)>& g) {
  if constexpr (foldable_v<S, C>)
    backward<B, times_t<S, C>, R, V...>(u, v, adj, g);
  else
    backward<B, C, R, V...>(u, v, scaled<S>(adj), g);
}

/// The reverse pass below node e (numbered from B), whose adjoint is S * adj: S is a
/// compile-time constant, so that signs and constant factors (the 2 of u u and of u^2,
/// -1 of a difference, 100_c) are folded along the path instead of multiplied at run time.
template <std::size_t B, class S, class R, class... V, class E>
[[gnu::always_inline]] constexpr void backward(E const& e, R const* v, R adj, std::array<R, sizeof...(V)>& g) {
  constexpr std::size_t r = B + size_v<E> - 1;
  using minus_one = constant<-1>;
  if constexpr (!depends_on_any_v<E, V...>) {
    // constants, numbers and subtrees free of the variables: nothing flows
  } else if constexpr (is_variable_v<E>) {
    g[boost::mp11::mp_find<boost::mp11::mp_list<V...>, E>::value] += scaled<S>(adj);
  } else if constexpr (is_neg_v<E>) {
    backward_times<B, S, minus_one, R, V...>(arg<0>(e), v, adj, g);
  } else if constexpr (is_add_v<E> || is_sub_v<E> || is_mul_v<E> || is_div_v<E> || is_pow_v<E>) {
    using A0 = std::remove_cvref_t<decltype(arg<0>(e))>;
    using A1 = std::remove_cvref_t<decltype(arg<1>(e))>;
    constexpr std::size_t ra = B + size_v<A0> - 1;
    constexpr std::size_t rb = r - 1;
    auto const& a = arg<0>(e);
    auto const& b = arg<1>(e);
    if constexpr (is_add_v<E>) {
      backward<B, S, R, V...>(a, v, adj, g);
      backward<ra + 1, S, R, V...>(b, v, adj, g);
    } else if constexpr (is_sub_v<E>) {
      backward<B, S, R, V...>(a, v, adj, g);
      backward_times<ra + 1, S, minus_one, R, V...>(b, v, adj, g);
    } else if constexpr (is_mul_v<E>) {
      if constexpr (is_constant_v<A0>) {
        backward_times<ra + 1, S, A0, R, V...>(b, v, adj, g);
      } else if constexpr (is_constant_v<A1>) {
        backward_times<B, S, A1, R, V...>(a, v, adj, g);
      } else {
        // u u, as W2 and W3 write squares: one pass below u with twice the adjoint when
        // both hold the same numbers, so are one function (cse.hpp's same_numbers)
        if constexpr (std::is_same_v<A0, A1>) {
          if (detail::same_numbers(a, b)) {
            backward_times<B, S, constant<2>, R, V...>(a, v, adj * v[ra], g);
            return;
          }
        }
        backward<B, S, R, V...>(a, v, adj * v[rb], g);
        backward<ra + 1, S, R, V...>(b, v, adj * v[ra], g);
      }
    } else if constexpr (is_div_v<E>) {
      // (u / c is built as (1/c) u)
      R const q = adj / v[rb];
      backward<B, S, R, V...>(a, v, q, g);
      backward_times<ra + 1, S, minus_one, R, V...>(b, v, q * v[r], g);
    } else {
      using P = arg_t<1, E>;
      if constexpr (is_constant_v<P>) {  // p u^(p-1)
        using Q = constant<P::num - P::den, P::den>;
        backward_times<B, S, P, R, V...>(a, v, adj * power_by<Q>{}(v[ra]), g);
      } else if constexpr (is_integral_literal_v<P>) {
        auto const n = static_cast<long long>(value(b));
        backward<B, S, R, V...>(a, v, adj * static_cast<R>(n) * math::pow_int(v[ra], n - 1), g);
      } else {
        backward<B, S, R, V...>(a, v, adj * v[rb] * math::pow(v[ra], v[rb] - 1), g);
        backward<ra + 1, S, R, V...>(b, v, adj * v[r] * math::log(v[ra]), g);
      }
    }
  } else if constexpr (is_call_of_v<E, fn::broadcast_t>) {
    backward<B, S, R, V...>(arg<0>(e), v, adj, g);
  } else {
    using F = call_function_t<E>;
    R const du = eval(local_derivative<F>, at_e = v[r], at_u = v[r - 1]);
    backward<B, S, R, V...>(arg<0>(e), v, adj * du, g);
  }
}

/// The variables of one gradient, lz::grad(f, x, y, ...): gradient(f, lookup) is d f / d V...
/// with the variables' values given by lookup(variable), in the order of V.... The items of
/// one lz::grad evaluated together share one sweep (eval.hpp, one_sweep).
template <class... V>
struct group {
  template <class R, class E, class Lookup>
  [[gnu::always_inline]] static constexpr std::array<R, sizeof...(V)> gradient(E const& f, Lookup const& lookup) {
    R v[size_v<E>];
    forward<0>(f, v, lookup);
    std::array<R, sizeof...(V)> g{};
    backward<0, constant<1>, R, V...>(f, v, R(1), g);
    return g;
  }
};

}  // namespace leibniz::detail::sweep

#endif  // LEIBNIZ_DETAIL_SWEEP_HPP
