// SPDX-License-Identifier: BSL-1.0
// leibniz: a string usable as a template argument (variable names).
#ifndef LEIBNIZ_DETAIL_FIXED_STRING_HPP
#define LEIBNIZ_DETAIL_FIXED_STRING_HPP

#include <cstddef>
#include <string_view>
#include <utility>

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

/// The name as a pack of characters, so that a diagnostic prints it readably on
/// both compilers (clang 14 prints a class-type template argument as numbers).
template <template <char...> class Target, fixed_string S>
struct with_chars {
  template <std::size_t... I>
  static auto make(std::index_sequence<I...>) -> Target<S.data[I]...>;
  using type = decltype(make(std::make_index_sequence<S.size()>{}));
};

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_FIXED_STRING_HPP
