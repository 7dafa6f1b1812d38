// SPDX-License-Identifier: BSL-1.0
// leibniz: the literal N_c, a compile-time integer constant (lz::constant<N>).
#ifndef LEIBNIZ_LITERALS_HPP
#define LEIBNIZ_LITERALS_HPP

#include <leibniz/expression.hpp>

#include <cstdint>
#include <limits>

namespace leibniz::literals {

/// `2_c` is `lz::constant<2>`: an integer carried in the type. Digit separators are
/// allowed (`1'000_c`); a fraction is `1_c / 2_c`, the same type as `lz::constant<1, 2>`.
template <char... C>
[[nodiscard]] constexpr auto operator""_c() {
  struct parsed_t {
    std::intmax_t value;
    bool ok;
  };
  constexpr parsed_t parsed = [] {
    constexpr std::intmax_t max = std::numeric_limits<std::intmax_t>::max();
    char const digits[] = {C...};
    std::intmax_t v = 0;
    for (char c : digits) {
      if (c == '\'') continue;
      if (c < '0' || c > '9') return parsed_t{0, false};
      if (v > (max - (c - '0')) / 10) return parsed_t{0, false};
      v = v * 10 + (c - '0');
    }
    return parsed_t{v, true};
  }();
  static_assert(parsed.ok,
                "leibniz: the _c literal takes a decimal integer that fits std::intmax_t "
                "(for a fraction write 1_c / 2_c or lz::constant<1, 2>)");
  return constant<parsed.value>{};
}

}  // namespace leibniz::literals

#endif  // LEIBNIZ_LITERALS_HPP
