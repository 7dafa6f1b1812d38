// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::wrt bundles and grad, jacobian, hessian, vjp, jvp, hvp over them.
#ifndef LEIBNIZ_CALCULUS_HPP
#define LEIBNIZ_CALCULUS_HPP

#include <leibniz/detail/adjoint.hpp>
#include <leibniz/detail/build.hpp>
#include <leibniz/detail/sweep.hpp>
#include <leibniz/diff.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>

#include <boost/hana/unpack.hpp>
#include <boost/mp11/algorithm.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace leibniz {

/// Scalar variables bundled into one vector variable: `grad(f, wrt(x, y))` is
/// the 2-vector (df/dx, df/dy).
template <class... V>
struct wrt_t {
  static_assert(sizeof...(V) > 0, "leibniz::wrt(x, ...): name at least one variable");
  static_assert((detail::is_variable_v<V> && ...),
                "leibniz::wrt(x, y, ...): every argument must be a leibniz::variable");
  static_assert(boost::mp11::mp_is_set<boost::mp11::mp_list<V...>>::value,
                "leibniz::wrt(x, y, ...): a variable appears twice");
  static constexpr std::size_t size = sizeof...(V);
};

namespace detail {
/// The variables an argument of lz::wrt stands for: itself, or a family's items.
template <class V>
struct wrt_items {
  using type = boost::mp11::mp_list<V>;
};
template <detail::fixed_string Prefix, std::size_t N>
struct wrt_items<variable_family<Prefix, N>> {
  using type = boost::mp11::mp_transform<variable_family<Prefix, N>::template item, boost::mp11::mp_iota_c<N>>;
};
}  // namespace detail

struct wrt_fn {
  /// wrt(x, y, ...): variables, or families of variables (lz::variables<"x", N>), in order.
  template <class... V>
  [[nodiscard]] constexpr auto operator()(V const&...) const noexcept {
    return boost::mp11::mp_rename<boost::mp11::mp_append<typename detail::wrt_items<V>::type...>, wrt_t>{};
  }
};
inline constexpr wrt_fn wrt{};

namespace detail {
template <class T>
inline constexpr bool is_wrt_v = false;
template <class... V>
inline constexpr bool is_wrt_v<wrt_t<V...>> = true;

template <class W>
inline constexpr bool is_direction_v = is_variable_v<W> || is_wrt_v<W>;

/// The items of a formula seen as a vector: a stack's items, or the formula itself.
template <class F, class Fn>
constexpr auto map_items(F const& f, Fn fn) {
  if constexpr (is_stack_v<F>)
    return boost::hana::unpack(f.elements, [&](auto const&, auto const&... items) {
      return make_call_node<fn::stack_t>(fn(items)...);
    });
  else
    return fn(f);
}

/// dF/dW: for a bundle, each item of F becomes the row (dF_i/dV_1, ...).
template <class F, class... V>
constexpr auto jacobian_of(F const& f, wrt_t<V...>) {
  // an entry checked already (the gradient's, for a Hessian) keeps its check through
  // wrt_scalar_t's tangent, merged with V's
  return map_items(f, [](auto const& fi) { return make_call_node<fn::stack_t>(make_wrt_scalar(derive(fi, V{}), V{})...); });
}
template <class F, class V>
  requires is_variable_v<V>
constexpr auto jacobian_of(F const& f, V const& v) {
  return map_items(f, [&v](auto const& fi) { return derive(fi, v); });
}

template <class Acc, class Fn>
constexpr auto fold_left(Acc const& acc, Fn) {
  return acc;
}
template <class Acc, class Fn, class X, class... Xs>
constexpr auto fold_left(Acc const& acc, Fn fn, X const& x, Xs const&... xs) {
  return fold_left(fn(acc, x), fn, xs...);
}

template <class T>
struct flat_values {
  static constexpr std::size_t size = 1;
  static constexpr T get(T const& t, std::size_t) { return t; }
};
template <class T, std::size_t... N>
struct flat_values<fixed_tensor<T, N...>> {
  static constexpr std::size_t size = (N * ... * std::size_t{1});
  static constexpr T get(fixed_tensor<T, N...> const& t, std::size_t i) { return t.data()[i]; }
};

template <class F>
constexpr auto items_tuple(F const& f) {
  if constexpr (is_stack_v<F>)
    return boost::hana::unpack(f.elements,
                               [](auto const&, auto const&... items) { return std::tuple{items...}; });
  else
    return std::tuple{f};
}

/// sum_i c[i] * items[i], with c given by flat_values of C.
template <class C, class... E>
constexpr auto dot_items(C const& c, std::tuple<E...> const& items) {
  static_assert(flat_values<C>::size == sizeof...(E),
                "leibniz: the vector's size does not match the number of outputs/inputs");
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return fold_left(constant<0>{}, [](auto const& a, auto const& b) { return make_add(a, b); },
                     make_mul(as_expr(flat_values<C>::get(c, I)), std::get<I>(items))...);
  }(std::index_sequence_for<E...>{});
}

/// A combination of entries of a bundle's forms (a jvp's or a vjp's sum of derivatives along
/// the bundle's variables V...): built over the entries without their checks, so that the
/// builders fold its numbers, and checked once, for V... and the entries' own variables.
template <class... V, class Fn, class... U>
constexpr auto checked_combination(Fn const& combine, U const&... entries) {
  return fold_left(make_wrt_scalar(combine(unchecked(entries)...), V{}...),
                   [](auto const& r, auto const& u) { return checked_like(u, r); }, entries...);
}

/// Column of v^T J for variable V: sum_i v_i dF_i/dV.
template <class V, class C, class Items>
constexpr auto vjp_column(C const& v, Items const& items) {
  return std::apply(
      [&v](auto const&... fi) {
        return checked_combination<V>(
            [&v](auto const&... u) { return dot_items(v, std::tuple{derive(u, V{})...}); }, fi...);
      },
      items);
}
}  // namespace detail

namespace detail {
/// The adjoint of f for variable w and cotangent c, with w's shape even when it is zero
/// by type (f does not depend on w, or nothing flows back, as through sign).
template <class F, class W, class C>
constexpr auto adjoint_at(F const& f, W const& w, C const& c) {
  auto const g = adjoint(f, w, c);
  if constexpr (is_zero_v<std::remove_cvref_t<decltype(g)>>)
    return make_call_node<fn::fit_t>(constant<0>{}, w);  // zeros of the variable's shape
  else
    return g;
}

}  // namespace detail

namespace fn {
/// grad(f, x) of a formula of scalar operations (detail/sweep.hpp's supported_v): a node
/// holding f alone. Over numbers its value is one static reverse sweep over f's tree
/// (every node of f computed once, forward, then its adjoint, backward), so neither the
/// compiler nor the evaluation builds the partial's tree. Everywhere else it is its
/// expansion, the adjoint form adjoint_at(f, x, 1): printed, differentiated again,
/// inspected, turned into C, and evaluated over tensors as that formula.
///
/// V is one of W..., the variables of the same lz::grad call: the items of its tuple,
/// evaluated together, share one sweep (eval.hpp).
template <class V, class... W>
struct reverse_gradient_t {
  static constexpr std::string_view name = "grad";
  static constexpr bool expands = true;
  using sweep_group = detail::sweep::group<W...>;
  static constexpr std::size_t sweep_position = boost::mp11::mp_find<boost::mp11::mp_list<W...>, V>::value;
  template <class E>
  static constexpr auto expand(E const& e) {
    return detail::adjoint_at(detail::arg<0>(e), V{}, constant<1>{});
  }
  template <class E, class C>
  static constexpr auto value(E const& e, C const& v) {
    using F = std::remove_cvref_t<decltype(detail::arg<0>(e))>;
    if constexpr (detail::bound_to_numbers_v<F, std::remove_cvref_t<decltype(v.env)>>)
      return sweep_group::template gradient<typename C::scalar>(detail::arg<0>(e), [&v](auto const& x) {
        return v(x);
      })[sweep_position];
    else
      return v(expand(e));
  }
  template <class E, class S>
  static constexpr auto shape(E const& e, S const& s) {
    return s(expand(e));
  }
  template <class E, class D>
  static constexpr auto tangent(E const& e, D const& d) {
    return d(expand(e));
  }
  template <class E, class C, class A>
  static constexpr auto adjoint(E const& e, C const& c, A const& adj) {
    return adj(expand(e), c);
  }
};
}  // namespace fn

namespace detail {
/// grad(f, a) for one direction: for a variable, the adjoint form (reverse mode), which
/// works for scalars and tensors alike, as a node evaluated by a reverse sweep where f is
/// made of scalar operations and that form would be large (sweep::prefers_sweep_v); the
/// forward form for a wrt bundle.
/// All... are the directions of the lz::grad call (none for hessian and hvp, which
/// differentiate the gradient again: the adjoint form itself).
template <class F, class W, class... All>
constexpr auto gradient(F const& f, W const& w, All const&...) {
  if constexpr (is_wrt_v<W>)
    return jacobian_of(f, w);
  else if constexpr (sizeof...(All) > 0 && (is_variable_v<All> && ...) && depends_on_v<F, W> &&
                     sweep::prefers_sweep_v<F, All...>)
    return make_call_node<fn::reverse_gradient_t<W, All...>>(f);
  else
    return adjoint_at(f, w, constant<1>{});
}

/// A Jacobian evaluated by sweeps: `reverse` is the vjp of F with the seed variable as
/// cotangent (one sweep per element of F), `forward` the jvp with the seed variable as
/// tangent (one sweep per element of a). Evaluation picks the side with fewer sweeps,
/// as JAX's jacrev / jacfwd; ForwardOnly (the Hessian) always uses forward sweeps.
template <bool ForwardOnly, class F, class V>
constexpr auto make_jacobian(F const& f, V const& v) {
  auto const forward = derive(f, v, seed_variable{});
  if constexpr (ForwardOnly) {
    return make_call_node<fn::jacobian_t<ForwardOnly>>(f, v, constant<0>{}, forward);
  } else {
    auto const reverse = adjoint(f, v, seed_variable{});
    return make_call_node<fn::jacobian_t<ForwardOnly>>(f, v, reverse, forward);
  }
}
}  // namespace detail

/// Gradient of a scalar formula. `grad(f, a)` has a's shape when evaluated (a scalar
/// for a scalar variable); it is generated in adjoint (reverse) form, so one
/// evaluation gives the whole gradient. `grad(f, wrt(x, y))` is the vector
/// (df/dx, df/dy); `grad(f, a, b)` a std::tuple of gradients.
struct grad_fn {
  template <Expression F, class W0, class... W>
  [[nodiscard]] constexpr auto operator()(F const& f, W0 const& w0, W const&... w) const {
    static_assert((detail::is_direction_v<W0> && ... && detail::is_direction_v<W>),
                  "leibniz::grad(f, x): 'x' must be a leibniz::variable or a lz::wrt(...) bundle");
    static_assert(!detail::is_stack_v<F>,
                  "leibniz::grad(f, x): 'f' must be a scalar formula; use lz::jacobian for a stack");
    if constexpr ((detail::is_direction_v<W0> && ... && detail::is_direction_v<W>)) {
      if constexpr (sizeof...(W) == 0)
        return detail::gradient(f, w0, w0);
      else
        return std::tuple{detail::gradient(f, w0, w0, w...), detail::gradient(f, w, w0, w...)...};
    }
  }
};
inline constexpr grad_fn grad{};

/// Jacobian: J[i..., j...] = dF[i...]/da[j...], shape F.shape ++ a.shape (rows are
/// outputs, columns inputs). For a wrt bundle, a matrix of formulas; for a variable,
/// a node evaluated by forward or reverse sweeps, whichever side is smaller.
struct jacobian_fn {
  template <Expression F, class W>
  [[nodiscard]] constexpr auto operator()(F const& f, W const& w) const {
    static_assert(detail::is_direction_v<W>,
                  "leibniz::jacobian(F, x): 'x' must be a leibniz::variable or a lz::wrt(...) bundle");
    if constexpr (detail::is_wrt_v<W>)
      return detail::jacobian_of(f, w);
    else if constexpr (detail::is_variable_v<W>)
      return detail::make_jacobian<false>(f, w);
  }
};
inline constexpr jacobian_fn jacobian{};

/// Hessian of a scalar formula: the Jacobian of its gradient (shape a.shape ++ a.shape).
struct hessian_fn {
  template <Expression F, class W>
  [[nodiscard]] constexpr auto operator()(F const& f, W const& w) const {
    static_assert(detail::is_direction_v<W>,
                  "leibniz::hessian(f, x): 'x' must be a leibniz::variable or a lz::wrt(...) bundle");
    if constexpr (detail::is_wrt_v<W>)
      return detail::jacobian_of(detail::jacobian_of(f, w), w);
    else if constexpr (detail::is_variable_v<W>)
      return detail::make_jacobian<true>(detail::gradient(f, w), w);
  }
};
inline constexpr hessian_fn hessian{};

/// Vector-Jacobian product v^T J (what `F.backward(v)` leaves in the input's `.grad`),
/// as a formula of the input's shape. For a variable, `v` is a number, a fixed_tensor
/// or a tensor of F's shape (held by value in the formula); for a wrt bundle, a number
/// or fixed_tensor with one entry per item of F.
struct vjp_fn {
  template <Expression F, class W, class C>
  [[nodiscard]] constexpr auto operator()(F const& f, W const& w, C const& v) const {
    static_assert(detail::is_direction_v<W>,
                  "leibniz::vjp(F, x, v): 'x' must be a leibniz::variable or a lz::wrt(...) bundle");
    if constexpr (detail::is_wrt_v<W>) {
      auto const items = detail::items_tuple(f);
      return [&]<class... V>(wrt_t<V...>) {
        return detail::make_call_node<fn::stack_t>(detail::vjp_column<V>(v, items)...);
      }(w);
    } else if constexpr (detail::is_variable_v<W>) {
      return detail::adjoint_at(f, w, detail::make_call_node<fn::expect_shape_t<true>>(detail::as_expr(v), f));
    }
  }
};
inline constexpr vjp_fn vjp{};

/// Jacobian-vector product J t, as a formula of F's shape: `t` has the variable's
/// shape (for a wrt bundle, one entry per variable).
struct jvp_fn {
  template <Expression F, class W, class C>
  [[nodiscard]] constexpr auto operator()(F const& f, W const& w, C const& t) const {
    static_assert(detail::is_direction_v<W>,
                  "leibniz::jvp(F, x, t): 'x' must be a leibniz::variable or a lz::wrt(...) bundle");
    if constexpr (detail::is_wrt_v<W>) {
      return detail::map_items(f, [&t]<class Fi>(Fi const& fi) {
        return [&]<class... V>(wrt_t<V...>) {
          return detail::checked_combination<V...>(
              [&t](auto const& u) { return detail::dot_items(t, std::tuple{detail::derive(u, V{})...}); }, fi);
        }(W{});
      });
    } else if constexpr (detail::is_variable_v<W>) {
      // The result has F's shape, a zero too. A number t is a direction broadcast to the
      // variable's shape (t at every element), folded with the derivative's numbers; a
      // tensor t must have the variable's shape, as in torch.autograd.functional.jvp.
      auto const seed = [&] {
        if constexpr (detail::is_number_v<decltype(detail::as_expr(t))>)
          return detail::as_expr(t);
        else
          return detail::make_call_node<fn::expect_shape_t<false>>(detail::as_expr(t), w);
      }();
      return detail::make_shaped(detail::derive(f, w, seed), f);
    }
  }
};
inline constexpr jvp_fn jvp{};

/// Hessian-vector product H v of a scalar formula, as a formula (forward over reverse).
struct hvp_fn {
  template <Expression F, class W, class C>
  [[nodiscard]] constexpr auto operator()(F const& f, W const& w, C const& v) const {
    static_assert(!detail::is_stack_v<F>, "leibniz::hvp(f, x, v): 'f' must be a scalar formula");
    return jvp_fn{}(detail::gradient(f, w), w, v);
  }
};
inline constexpr hvp_fn hvp{};

}  // namespace leibniz

#endif  // LEIBNIZ_CALCULUS_HPP
