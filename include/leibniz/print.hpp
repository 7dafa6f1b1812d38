// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::to_string, lz::to_latex and operator<< for formulas.
#ifndef LEIBNIZ_PRINT_HPP
#define LEIBNIZ_PRINT_HPP

#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor.hpp>
#include <leibniz/tensor_ops.hpp>

#include <boost/hana/unpack.hpp>

#include <charconv>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>

namespace leibniz {
namespace detail {

/// Precedence levels used to place the minimal parentheses.
enum class prec : int { comparison = 0, sum = 1, product = 2, unary = 3, power = 4, atom = 5 };

struct rendered {
  std::string text;
  prec level;
};

template <class T>
std::string number_text(T v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

/// A name in LaTeX text: `_` escaped (log_softmax, theta_1).
inline std::string latex_name(std::string_view name) {
  std::string out;
  for (char const ch : name) out += ch == '_' ? std::string("\\_") : std::string(1, ch);
  return out;
}

inline std::string parens(rendered const& r, bool needed, bool latex) {
  if (!needed) return r.text;
  return latex ? "\\left(" + r.text + "\\right)" : "(" + r.text + ")";
}

template <bool Latex, class E>
rendered render(E const& e);


/// A tensor held in a formula (the v of a vjp, lz::hold(W)), compactly: [[1, 0]]; one of
/// more than 16 elements as its shape: tensor(100, 3).
template <bool Latex, class T>
std::string tensor_text(T const& t) {
  shape const s(t.shape());
  if (s.numel() > 16) return "tensor" + s.to_string();  // a data set held in a formula: its shape
  std::string out;
  std::size_t i = 0;
  auto rec = [&](auto& self, std::size_t d) -> void {
    if (d == s.rank()) {
      out += number_text(static_cast<double>(t.data()[i++]));
      return;
    }
    out += Latex ? "\\left[" : "[";
    for (std::size_t k = 0; k < s[d]; ++k) {
      if (k) out += ", ";
      self(self, d + 1);
    }
    out += Latex ? "\\right]" : "]";
  };
  rec(rec, 0);
  return out;
}

template <class E>
inline constexpr bool is_number_node_v = is_literal_v<E> || is_constant_v<E>;

template <bool Latex, class E>
rendered render_binary(E const& e, std::string_view op, prec level) {
  using B = arg_t<1, E>;
  rendered const a = render<Latex>(arg<0>(e));
  rendered const b = render<Latex>(arg<1>(e));
  // Left operand: parenthesised when it binds weaker. Right operand: also when
  // it binds equally under - and / (x - (y + z), x / (y * z)), not under the
  // associative + and * (x + y - z, 2 x y), and when it is a negation.
  bool const associative = op == " + " || op == " * " || op == " ";
  bool const pa = a.level < level;
  bool const pb = b.level < level || (b.level == level && !associative) || b.level == prec::unary;
  std::string sep{op};
  // A right operand of + or - that starts with a negative number: x + (-3) prints as
  // x - 3, x + -400 * y as x - 400 * y, x - -2 * y as x + 2 * y.
  bool const leading_minus = !b.text.empty() && b.text.front() == '-' &&
                             (b.level == prec::product || (b.level == prec::unary && is_number_node_v<B>));
  if ((op == " + " || op == " - ") && leading_minus)
    return {parens(a, pa, Latex) + (op == " + " ? " - " : " + ") + b.text.substr(1), level};
  if constexpr (Latex) {
    if (op == " ") {  // implicit product; a dot before a number or a sign
      char const c = b.text.empty() ? ' ' : b.text.front();
      if (!pb && ((c >= '0' && c <= '9') || c == '-' || c == '.')) sep = " \\cdot ";
    }
  }
  return {parens(a, pa, Latex) + sep + parens(b, pb, Latex), level};
}

template <bool Latex, class E>
rendered render_call(E const& e) {
  using F = call_function_t<E>;
  auto args = boost::hana::unpack(e.elements, [](auto const&, auto const&... a) {
    std::string s;
    bool first = true;
    ((s += (first ? "" : ", "), s += render<Latex>(a).text, first = false), ...);
    return s;
  });
  if constexpr (requires { F::template arguments_text<Latex>(); })  // sum(x, dim=1), reshape(x, (2, -1))
    args += F::template arguments_text<Latex>();
  if constexpr (is_shape_bookkeeping_v<F>) {
    return render<Latex>(arg<0>(e));  // a shape check or a broadcast only: prints as the value itself
  } else if constexpr (std::is_same_v<F, fn::at_t>) {  // element access, as written: m(0, 1)
    return boost::hana::unpack(e.elements, [](auto const&, auto const& u, auto const&... index) {
      rendered const base = render<Latex>(u);
      std::string s = parens(base, base.level < prec::atom, Latex) + (Latex ? "_{" : "(");
      bool first = true;
      ((s += (first ? "" : ", "), s += render<Latex>(index).text, first = false), ...);
      return rendered{s + (Latex ? "}" : ")"), prec::atom};
    });
  } else if constexpr (requires { F::infix; }) {  // a comparison: a < b
    rendered const a = render<Latex>(arg<0>(e));
    rendered const b = render<Latex>(arg<1>(e));
    std::string_view const op = Latex ? F::latex_infix : F::infix;
    return {parens(a, a.level <= prec::comparison, Latex) + " " + std::string{op} + " " +
                parens(b, b.level <= prec::comparison, Latex),
            prec::comparison};
  } else if constexpr (!Latex) {
    return {std::string{F::name} + "(" + args + ")", prec::atom};
  } else if constexpr (std::is_same_v<F, fn::transpose_t>) {
    rendered const base = render<Latex>(arg<0>(e));
    return {parens(base, base.level < prec::atom, Latex) + "^{\\top}", prec::power};
  } else if constexpr (requires { F::latex; }) {  // a function's own form (functions.hpp)
    std::string_view const form = F::latex;
    auto const level = [] {
      if constexpr (requires { F::latex_is_power; }) return prec::power;
      else return prec::atom;
    }();
    if (auto const at = form.find('@'); at != std::string_view::npos)
      return {std::string{form.substr(0, at)} + args + std::string{form.substr(at + 1)}, level};
    return {std::string{form} + "\\left(" + args + "\\right)", level};
  } else {  // tensor operations and internal nodes: their name as an operator
    return {"\\operatorname{" + latex_name(F::name) + "}\\left(" + args + "\\right)", prec::atom};
  }
}

template <bool Latex, class E>
rendered render_stack(E const& e) {
  return boost::hana::unpack(e.elements, [](auto const&, auto const&... items) {
    std::string s;
    bool first = true;
    constexpr bool matrix = (is_stack_v<std::remove_cvref_t<decltype(items)>> && ...);
    if constexpr (!Latex) {
      ((s += (first ? "" : ", "), s += render<Latex>(items).text, first = false), ...);
      return rendered{"[" + s + "]", prec::atom};
    } else if constexpr (matrix) {
      auto row = [](auto const& r) {
        return boost::hana::unpack(r.elements, [](auto const&, auto const&... c) {
          std::string t;
          bool f = true;
          ((t += (f ? "" : " & "), t += render<Latex>(c).text, f = false), ...);
          return t;
        });
      };
      ((s += (first ? "" : " \\\\ "), s += row(items), first = false), ...);
      return rendered{"\\begin{pmatrix} " + s + " \\end{pmatrix}", prec::atom};
    } else {
      ((s += (first ? "" : " \\\\ "), s += render<Latex>(items).text, first = false), ...);
      return rendered{"\\begin{pmatrix} " + s + " \\end{pmatrix}", prec::atom};
    }
  });
}

template <bool Latex, class E>
rendered render(E const& e) {
  if constexpr (is_variable_v<E>) {
    if constexpr (Latex && E::name.size() > 1)
      return {"\\mathrm{" + latex_name(E::name) + "}", prec::atom};
    else
      return {std::string{E::name}, prec::atom};
  } else if constexpr (is_constant_v<E>) {
    if constexpr (E::den == 1) {
      return {number_text(E::num), E::num < 0 ? prec::unary : prec::atom};
    } else if constexpr (Latex) {
      std::string const frac =
          "\\frac{" + number_text(E::num < 0 ? -E::num : E::num) + "}{" + number_text(E::den) + "}";
      return E::num < 0 ? rendered{"-" + frac, prec::unary} : rendered{frac, prec::power};
    } else {
      return {number_text(E::num) + "/" + number_text(E::den), E::num < 0 ? prec::unary : prec::product};
    }
  } else if constexpr (is_literal_v<E>) {
    auto const v = value(e);
    return {number_text(v), v < 0 ? prec::unary : prec::atom};
  } else if constexpr (is_tensor_literal_v<E>) {
    return {tensor_text<Latex>(value(e)), prec::atom};
  } else if constexpr (is_add_v<E>) {
    return render_binary<Latex>(e, " + ", prec::sum);
  } else if constexpr (is_sub_v<E>) {
    return render_binary<Latex>(e, " - ", prec::sum);
  } else if constexpr (is_mul_v<E>) {
    return render_binary<Latex>(e, Latex ? " " : " * ", prec::product);
  } else if constexpr (is_div_v<E>) {
    if constexpr (Latex)
      return {"\\frac{" + render<Latex>(arg<0>(e)).text + "}{" + render<Latex>(arg<1>(e)).text + "}",
              prec::power};
    else
      return render_binary<Latex>(e, " / ", prec::product);
  } else if constexpr (is_neg_v<E>) {
    rendered const a = render<Latex>(arg<0>(e));
    return {"-" + parens(a, a.level <= prec::unary, Latex), prec::unary};
  } else if constexpr (is_pow_v<E>) {
    rendered const u = render<Latex>(arg<0>(e));
    rendered const p = render<Latex>(arg<1>(e));
    if constexpr (Latex)
      return {parens(u, u.level <= prec::power, true) + "^{" + p.text + "}", prec::power};
    else
      return {parens(u, u.level <= prec::power, false) + "^" + parens(p, p.level < prec::atom, false),
              prec::power};
  } else if constexpr (is_stack_v<E>) {
    return render_stack<Latex>(e);
  } else if constexpr (expandable<E>) {
    return render<Latex>(call_function_t<E>::expand(e));  // a gradient evaluated by a sweep: its formula
  } else {
    static_assert(is_call_v<E>, "leibniz: cannot print this node");
    return render_call<Latex>(e);
  }
}

}  // namespace detail

/// Infix text with minimal parentheses and variable names: "3 * (x + 3)^2".
template <Expression E>
[[nodiscard]] std::string to_string(E const& e) {
  return detail::render<false>(e).text;
}

/// LaTeX: "3 \left(x + 3\right)^{2}".
template <Expression E>
[[nodiscard]] std::string to_latex(E const& e) {
  return detail::render<true>(e).text;
}

/// Prints `to_string(e)`.
template <Expression E>
std::ostream& operator<<(std::ostream& os, E const& e) {
  return os << to_string(e);
}

}  // namespace leibniz

#endif  // LEIBNIZ_PRINT_HPP
