// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::stack, a vector (or, stacked again, a matrix) of scalar formulas.
#ifndef LEIBNIZ_STACK_HPP
#define LEIBNIZ_STACK_HPP

#include <leibniz/detail/build.hpp>
#include <leibniz/expression.hpp>

#include <ostream>
#include <string_view>

namespace leibniz {
namespace fn {

/// `stack(e0, e1, ...)`: a 1-D tensor of scalar formulas; a stack of stacks of
/// equal length is a matrix. Evaluates to a `fixed_tensor`.
struct stack_t {
  static constexpr std::string_view name = "stack";
  template <Operand... E>
    requires(sizeof...(E) > 0)
  [[nodiscard]] constexpr auto operator()(E const&... e) const {
    return detail::make_call_node<stack_t>(detail::as_expr(e)...);
  }
  friend std::ostream& operator<<(std::ostream& os, stack_t) { return os << name; }
};

}  // namespace fn

inline constexpr fn::stack_t stack{};

namespace detail {
template <class E>
inline constexpr bool is_stack_v = is_call_of_v<E, fn::stack_t>;

/// The number of items of a stack node.
template <class E>
inline constexpr std::size_t stack_size_v = 0;
template <class... A>
inline constexpr std::size_t stack_size_v<call_node<fn::stack_t, A...>> = sizeof...(A);
}  // namespace detail

}  // namespace leibniz

#endif  // LEIBNIZ_STACK_HPP
