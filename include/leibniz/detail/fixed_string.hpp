// SPDX-License-Identifier: BSL-1.0
// leibniz: a string usable as a template argument (variable names).
#ifndef LEIBNIZ_DETAIL_FIXED_STRING_HPP
#define LEIBNIZ_DETAIL_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>

namespace leibniz::detail {

/// A string literal as a structural type: `variable<"x">` carries its name in its type.
template <std::size_t N>
struct fixed_string {
  char data[N]{};

  constexpr fixed_string(char const (&s)[N]) noexcept {  // NOLINT: implicit on purpose
    for (std::size_t i = 0; i < N; ++i) data[i] = s[i];
  }
  [[nodiscard]] constexpr std::string_view view() const noexcept { return {data, N - 1}; }
  [[nodiscard]] static constexpr std::size_t size() noexcept { return N - 1; }
};

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_FIXED_STRING_HPP
