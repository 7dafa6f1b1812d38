// SPDX-License-Identifier: BSL-1.0
// leibniz tests: constant evaluation of formulas and derivatives (API.md §3).
#include "test_tools.hpp"

#include <type_traits>

namespace {

// The acceptance checks of the core issue.
static_assert(lz::eval(lz::d(lz::pow(x + 3, 2_c) * 3, x), x = 2.0) == 30.0);
static_assert(lz::eval(lz::d(lz::sin(x) * lz::exp(x), x), x = 0.0) == 1.0);

// Result type: the common type of the bound values; integers evaluate in double.
static_assert(std::is_same_v<decltype(lz::eval(x * y, x = 1.0f, y = 2.0f)), float>);
static_assert(std::is_same_v<decltype(lz::eval(x * y, x = 1.0f, y = 2.0)), double>);
static_assert(std::is_same_v<decltype(lz::eval(x * y, x = 1.0L, y = 2.0)), long double>);
static_assert(std::is_same_v<decltype(lz::eval(x * y, x = 1, y = 2)), double>);
static_assert(std::is_same_v<decltype(lz::eval(x + 0.5, x = 1.0f)), float>);

// Extra bindings are allowed; the order of bindings does not matter.
static_assert(lz::eval(x - y, y = 1.0, x = 3.0, z = 9.0) == 2.0);

// Runtime constants are stored by value and folded in constant evaluation.
constexpr auto g = (x + 2.5) * 4;
static_assert(lz::eval(g, x = 0.5) == 12.0);
constexpr double c = 7.0;
constexpr auto h = x * c;
static_assert(lz::eval(h, x = 2.0) == 14.0);

// Every function is usable in constant evaluation, on both compilers.
static_assert(near(lz::eval(lz::sin(x), x = 0.5), 0.479425538604203));
static_assert(near(lz::eval(lz::cos(x), x = 0.5), 0.8775825618903728));
static_assert(near(lz::eval(lz::tan(x), x = 0.5), 0.5463024898437905));
static_assert(near(lz::eval(lz::exp(x), x = 0.5), 1.6487212707001282));
static_assert(near(lz::eval(lz::log(x), x = 0.5), -0.6931471805599453));
static_assert(near(lz::eval(lz::sqrt(x), x = 2.0), 1.4142135623730951));
static_assert(near(lz::eval(lz::cbrt(x), x = 2.0), 1.2599210498948732));
static_assert(near(lz::eval(lz::asin(x), x = 0.5), 0.5235987755982989));
static_assert(near(lz::eval(lz::acos(x), x = 0.5), 1.0471975511965979));
static_assert(near(lz::eval(lz::atan(x), x = 0.5), 0.4636476090008061));
static_assert(near(lz::eval(lz::sinh(x), x = 0.5), 0.5210953054937474));
static_assert(near(lz::eval(lz::cosh(x), x = 0.5), 1.1276259652063807));
static_assert(near(lz::eval(lz::tanh(x), x = 0.5), 0.46211715726000974));
static_assert(lz::eval(lz::abs(x), x = -0.5) == 0.5);
static_assert(near(lz::eval(lz::atan2(y, x), y = 1.0, x = -1.0), 2.356194490192345));
static_assert(near(lz::eval(lz::pow(x, y), x = 2.0, y = 0.5), 1.4142135623730951));
static_assert(near(lz::eval(lz::pow(x, 2.5), x = 4.0), 32.0));
static_assert(lz::eval(lz::pow(x, 3), x = -2.0) == -8.0);
static_assert(lz::eval(lz::pow(x, lz::constant<-2>{}), x = 2.0) == 0.25);
static_assert(lz::eval(lz::pow(x, 3_c / 2_c), x = 4.0) == 8.0);  // rational exponents: u^(p/q)
static_assert(near(lz::eval(lz::pow(x, lz::constant<-3, 4>{}), x = 16.0), 0.125));
static_assert(near(lz::eval(lz::d(lz::pow(x, 1_c / 2_c), x, x), x = 4.0), -1.0 / 32));
static_assert(lz::eval(lz::square(x), x = -3.0) == 9.0);
static_assert(lz::eval(lz::sign(x), x = -3.0) == -1.0);

// The functions also apply to plain numbers, constexpr.
static_assert(near(lz::exp(1.0), 2.718281828459045));
static_assert(lz::pow(2, 10) == 1024.0);

// float evaluation stays in float.
static_assert(lz::eval(lz::d(lz::pow(x + 3, 2_c) * 3, x), x = 2.0f) == 30.0f);

// A tuple of formulas evaluates to a tuple.
constexpr auto both = lz::eval(lz::grad(x * y, x, y), x = 2.0, y = 5.0);
static_assert(std::get<0>(both) == 5.0 && std::get<1>(both) == 2.0);

// Common-subexpression elimination: one table entry per distinct stateless subexpression
// (not leaves, not arithmetic on leaves only), shared by the formulas of one eval, parts
// before wholes; a table only from LEIBNIZ_CONFIG_CSE_MIN entries on.
template <class... E>
using candidates = lz::detail::set_union<typename lz::detail::cse_candidates<std::remove_cvref_t<E>>::type...>;
constexpr auto ef = lz::exp(lz::sin(x));
static_assert(boost::mp11::mp_size<candidates<decltype(ef)>>::value == 2);  // sin x, exp(sin x)
// d(ef, x) = exp(sin x) cos x adds cos x and the product
static_assert(boost::mp11::mp_size<candidates<decltype(ef), decltype(lz::d(ef, x))>>::value == 4);
static_assert(boost::mp11::mp_size<candidates<decltype(lz::sin(x * 2.0) + lz::sin(x))>>::value == 1);  // sin(2.0 x) holds a value
static_assert(boost::mp11::mp_size<candidates<decltype(x * y + (x - y))>>::value == 1);  // only the sum: x y and x - y are on leaves
static_assert(boost::mp11::mp_find<candidates<decltype(lz::sin(x) * lz::cos(x))>, decltype(lz::sin(x))>::value <
              boost::mp11::mp_find<candidates<decltype(lz::sin(x) * lz::cos(x))>, decltype(lz::sin(x) * lz::cos(x))>::value);
static_assert(lz::detail::cse_cache_for<double, false, decltype(ef)>::size == 0);  // 2 < LEIBNIZ_CONFIG_CSE_MIN: no table
// Over lz::tensor (Dynamic = true) the table also holds tensors: a product that is not the
// formula itself, and a costly elementwise value used twice, but not one used once, not a
// cheap one (abs) and nothing without a dynamic binding.
template <bool Dynamic, class E, class S>
constexpr bool holds_tensor_of =
    lz::detail::cse_cache_for<double, Dynamic, E>::template tensor_index<S> <
    lz::detail::cse_cache_for<double, Dynamic, E>::tensor_count;
constexpr auto twice = lz::sin(x) * lz::cos(lz::sin(x));
static_assert(holds_tensor_of<true, decltype(twice), decltype(lz::sin(x))>);
static_assert(!holds_tensor_of<false, decltype(twice), decltype(lz::sin(x))>);
static_assert(!holds_tensor_of<true, decltype(lz::sin(x) * y), decltype(lz::sin(x))>);
static_assert(!holds_tensor_of<true, decltype(lz::abs(x) * lz::cos(lz::abs(x))), decltype(lz::abs(x))>);
static_assert(holds_tensor_of<true, decltype(lz::mm(x, y) * 2_c), decltype(lz::mm(x, y))>);
static_assert(!holds_tensor_of<true, decltype(lz::mm(x, y)), decltype(lz::mm(x, y))>);
constexpr auto shared = lz::eval(std::tuple{ef, lz::d(ef, x), lz::d(ef, x, x)}, x = 0.0);
static_assert(std::get<0>(shared) == 1.0 && std::get<1>(shared) == 1.0 && std::get<2>(shared) == 1.0);

// A function returning an expression built from its locals (held by value).
constexpr auto make_formula(double k) {
  auto const shift = k + 1.0;
  auto e = lz::pow(x - shift, 2_c) * k;
  return e;
}
static_assert(lz::eval(make_formula(2.0), x = 4.0) == 2.0);
static_assert(lz::eval(lz::d(make_formula(2.0), x), x = 4.0) == 4.0);

}  // namespace
