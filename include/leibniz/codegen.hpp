// SPDX-License-Identifier: BSL-1.0
// leibniz: lz::to_c, a formula (or its derivatives) as the source of a C99 function.
#ifndef LEIBNIZ_CODEGEN_HPP
#define LEIBNIZ_CODEGEN_HPP

#include <leibniz/calculus.hpp>
#include <leibniz/eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/print.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor_ops.hpp>

#include <boost/hana/unpack.hpp>
#include <boost/mp11/algorithm.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <vector>

namespace leibniz {
namespace error {
/// Named in the compile error of `to_c(f, "name", wrt(...))` when f uses a variable
/// that the bundle does not list: `to_c_variable_not_in_wrt<'y'>`.
template <char... Name>
struct to_c_variable_not_in_wrt;
}  // namespace error

namespace detail::c_code {

template <class>
inline constexpr bool always_false_v = false;

/// C99's keywords and the <math.h> names the generated code calls: neither can be the
/// name of a parameter.
inline constexpr std::string_view reserved_names[]{
    "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
    "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
    "union", "unsigned", "void", "volatile", "while", "_Bool", "_Complex", "_Imaginary", "out",
    "sqrt", "cbrt", "exp", "log", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
    "tanh", "fabs", "atan2", "pow", "log1p", "expm1", "hypot", "erf", "erfc", "NAN", "INFINITY", "main", "errno"};

inline bool is_identifier(std::string_view s) noexcept {
  if (s.empty()) return false;
  auto const alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(s.front())) return false;
  for (char const c : s)
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  return true;
}

/// A parameter name: a C identifier, not reserved, not of the form lz_... (the
/// generated temporaries). Throws std::invalid_argument naming it otherwise.
inline void check_parameter_name(std::string_view name) {
  bool const reserved = name.substr(0, 3) == "lz_" || std::ranges::find(reserved_names, name) != std::end(reserved_names);
  if (!is_identifier(name) || reserved)
    throw std::invalid_argument("leibniz::to_c: the variable '" + std::string{name} +
                                "' cannot be a C parameter (not an identifier, a C keyword, a <math.h> "
                                "function the code calls, 'out', or a name starting with lz_)");
}

/// A double as a C literal that reads back to the same value.
inline std::string number(double v) {
  if (std::isnan(v)) return "NAN";
  if (std::isinf(v)) return v > 0 ? "INFINITY" : "(-INFINITY)";
  std::string s = number_text(v);  // shortest round trip, as printing
  if (s.find_first_of(".e") == std::string::npos) s += ".0";
  return s.front() == '-' ? "(" + s + ")" : s;
}

/// The body of the function being written: one `const double` per distinct operation,
/// found by its text (operands are names of earlier temporaries, so equal text means an
/// equal subexpression: each is computed once, whatever the formula's types).
struct emitter {
  std::string body;
  std::string helpers;
  std::map<std::string, std::string, std::less<>> temporaries;
  std::vector<std::string> used_variables;

  std::string bind(std::string rhs) {
    auto const [at, inserted] = temporaries.try_emplace(std::move(rhs));
    if (inserted) {
      at->second = "lz_t" + std::to_string(temporaries.size() - 1);
      body += "  const double " + at->second + " = " + at->first + ";\n";
    }
    return at->second;
  }
  void use_variable(std::string_view name) {
    for (auto const& v : used_variables)
      if (v == name) return;
    used_variables.emplace_back(name);
  }
  void use_helper(std::string_view definition) {
    if (helpers.find(definition) == std::string::npos) (helpers += definition) += '\n';
  }
};

/// Over scalar variables, these nodes are their first operand (fit reduces or broadcasts
/// to a scalar's shape: nothing to do).
template <class F>
inline constexpr bool is_pass_through_v = is_shape_bookkeeping_v<F> || std::is_same_v<F, fn::fit_t>;

template <class F>
std::string_view c_name() {
  if constexpr (requires { F::c_name; })
    return F::c_name;
  else
    return F::name;
}

/// The C operand (a name or a literal) that holds the value of `e`.
template <class E>
std::string emit(emitter& out, E const& e);

/// Operands first, left to right (the order of the temporaries is the formula's on
/// every compiler), then the operation.
template <class E>
std::string binary(emitter& out, E const& e, std::string_view op) {
  std::string const a = emit(out, arg<0>(e));
  std::string const b = emit(out, arg<1>(e));
  return out.bind(a + std::string{op} + b);
}

template <class E>
std::string emit_pow(emitter& out, E const& e) {
  using P = arg_t<1, E>;
  std::string const u = emit(out, arg<0>(e));
  if constexpr (is_constant_v<P>) {
    if constexpr (P::num == 2 && P::den == 1)
      return out.bind(u + " * " + u);
    else if constexpr (P::num == 3 && P::den == 1)
      return out.bind(out.bind(u + " * " + u) + " * " + u);
    else if constexpr (P::num == -1 && P::den == 1)
      return out.bind("1.0 / " + u);
    else if constexpr (P::num == -2 && P::den == 1)
      return out.bind("1.0 / " + out.bind(u + " * " + u));
    else if constexpr (P::num == 1 && P::den == 2)
      return out.bind("sqrt(" + u + ")");
    else if constexpr (P::num == -1 && P::den == 2)
      return out.bind("1.0 / " + out.bind("sqrt(" + u + ")"));
    else if constexpr (P::num == 1 && P::den == 3)
      return out.bind("cbrt(" + u + ")");
  }
  std::string const p = emit(out, arg<1>(e));
  return out.bind("pow(" + u + ", " + p + ")");
}

template <class E>
std::string emit_call(emitter& out, E const& e) {
  using F = call_function_t<E>;
  if constexpr (expandable<E>) {
    return emit(out, F::expand(e));  // a gradient evaluated by a sweep: its formula
  } else if constexpr (is_pass_through_v<F>) {
    // Shape bookkeeping of the tensor forms; over scalar variables each is its value.
    return emit(out, arg<0>(e));
  } else if constexpr (requires { F::elementwise; }) {
    if constexpr (requires { F::c_helper; }) out.use_helper(F::c_helper);
    // a function of the user's own is called by its name (or its c_name): a C identifier
    if (!is_identifier(c_name<F>()))
      throw std::invalid_argument("leibniz::to_c: the function '" + std::string{c_name<F>()} +
                                  "' has no C name; give its struct a `c_name` that is a C identifier");
    std::string call = std::string{c_name<F>()} + "(";
    boost::hana::unpack(e.elements, [&](auto const&, auto const&... a) {
      bool first = true;
      ((call += first ? "" : ", ", call += emit(out, a), first = false), ...);
    });
    return out.bind(call + ")");
  } else {
    static_assert(always_false_v<F>,
                  "leibniz::to_c: this operation has no C form; to_c takes formulas over scalar "
                  "variables (elementwise functions, + - * / and pow; stacks and tuples as outputs), "
                  "not tensor operations such as sum, mm or element access");
    return {};
  }
}

template <class E>
std::string emit(emitter& out, E const& e) {
  if constexpr (is_variable_v<E>) {
    out.use_variable(E::name);
    return std::string{E::name};
  } else if constexpr (is_constant_v<E>) {
    if constexpr (E::den == 1)
      return number(static_cast<double>(E::num));
    else
      return "(" + number(static_cast<double>(E::num)) + " / " + number(static_cast<double>(E::den)) + ")";
  } else if constexpr (is_literal_v<E>) {
    static_assert(std::is_arithmetic_v<std::remove_cvref_t<decltype(value(e))>>,
                  "leibniz::to_c: a tensor held in the formula has no C form");
    return number(static_cast<double>(value(e)));
  } else if constexpr (is_add_v<E>) {
    return binary(out, e, " + ");
  } else if constexpr (is_sub_v<E>) {
    return binary(out, e, " - ");
  } else if constexpr (is_mul_v<E>) {
    return binary(out, e, " * ");
  } else if constexpr (is_div_v<E>) {
    return binary(out, e, " / ");
  } else if constexpr (is_neg_v<E>) {
    return out.bind("-" + emit(out, arg<0>(e)));
  } else if constexpr (is_stack_v<E>) {
    static_assert(always_false_v<E>,
                  "leibniz::to_c: a stack inside an operation has no C form (stacks are outputs)");
    return {};
  } else if constexpr (is_pow_v<E>) {
    return emit_pow(out, e);
  } else if constexpr (is_call_v<E>) {
    return emit_call(out, e);
  } else {
    static_assert(always_false_v<E>, "leibniz::to_c: this node has no C form");
    return {};
  }
}

/// The outputs of `f` in row-major order, and its shape: a scalar, a stack (a vector), a
/// stack of stacks (a matrix), and so on.
template <class F>
void emit_outputs(emitter& out, F const& f, std::vector<std::string>& values, std::vector<std::size_t>& shape,
                  std::size_t depth = 0) {
  if constexpr (is_stack_v<F>) {
    constexpr std::size_t n = stack_size_v<F>;
    if (shape.size() == depth) shape.push_back(n);
    if (shape[depth] != n)
      throw std::invalid_argument("leibniz::to_c: the rows of a stack of stacks must have one length");
    boost::hana::unpack(f.elements, [&](auto const&, auto const&... item) {
      (emit_outputs(out, item, values, shape, depth + 1), ...);
    });
  } else {
    if (shape.size() != depth)
      throw std::invalid_argument("leibniz::to_c: the rows of a stack of stacks must have one depth");
    values.push_back(emit(out, f));
  }
}

struct output_block {
  std::size_t offset;
  std::vector<std::size_t> shape;
};

template <class F>
void emit_all(emitter& out, F const& f, std::vector<std::string>& values, std::vector<output_block>& blocks) {
  if constexpr (is_expression_tuple_v<F>) {
    std::apply([&](auto const&... item) { (emit_all(out, item, values, blocks), ...); }, f);
  } else {
    output_block b{values.size(), {}};
    emit_outputs(out, f, values, b.shape);
    blocks.push_back(std::move(b));
  }
}

inline std::string shape_text(std::vector<std::size_t> const& shape) {
  if (shape.empty()) return "a scalar";
  std::string s;
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? " x " : "") + std::to_string(shape[i]);
  return s + (shape.size() > 1 ? ", row-major" : "");
}

template <fixed_string Name, std::size_t... I>
constexpr void report_variable_not_in_wrt(std::index_sequence<I...>) {
  static_assert(sizeof(error::to_c_variable_not_in_wrt<Name.data[I]...>) == 0,
                "leibniz::to_c(f, name, wrt(x, ...)): f uses a variable that the wrt bundle does not list");
}

template <class F, class... V>
constexpr void check_variables() {
  using missing = boost::mp11::mp_set_difference<variables_of_all_t<F>, boost::mp11::mp_list<V...>>;
  if constexpr (!boost::mp11::mp_empty<missing>::value) {
    constexpr auto name = name_of<boost::mp11::mp_front<missing>>;
    report_variable_not_in_wrt<name>(std::make_index_sequence<name.size()>{});
  }
}

}  // namespace detail::c_code

/// The source of a C99 function `name` that computes `f` from the scalar variables of
/// `wrt(x, y, ...)`, its parameters in that order. `f` is a scalar formula (the function
/// returns a double), or a stack, a stack of stacks (a Jacobian or Hessian over a wrt
/// bundle) or a std::tuple of formulas (such as `lz::grad(f, x, y)`): then the function
/// is `void`, with a last parameter `double *restrict out` that receives every value in
/// row-major order, one block after the other (a comment in the code gives the
/// layout). Each distinct operation is one `const double` temporary, computed once.
/// The code includes <math.h> and needs nothing else (link with -lm). docs/codegen.md.
template <class F, class... V>
[[nodiscard]] std::string to_c(F const& f, std::string_view name, wrt_t<V...>) {
  static_assert(Expression<F> || detail::is_expression_tuple_v<F>,
                "leibniz::to_c(f, name, wrt(x, ...)): f must be a formula or a std::tuple of formulas");
  detail::c_code::check_variables<F, V...>();
  namespace cc = detail::c_code;
  if (!cc::is_identifier(name) || name.substr(0, 3) == "lz_")
    throw std::invalid_argument("leibniz::to_c: the function name '" + std::string{name} +
                                "' is not a C identifier (or starts with lz_)");
  std::string params;
  ((cc::check_parameter_name(V::name), params += (params.empty() ? "" : ", "), params += "double ",
    params += V::name),
   ...);

  cc::emitter out;
  std::vector<std::string> values;
  std::vector<cc::output_block> blocks;
  cc::emit_all(out, f, values, blocks);

  std::string unused;
  for (std::string_view const v : {V::name...}) {
    bool used = false;
    for (auto const& u : out.used_variables) used = used || u == v;
    if (!used) unused += "  (void)" + std::string{v} + ";\n";
  }

  bool const scalar = blocks.size() == 1 && blocks.front().shape.empty();
  std::string code = "/* Generated by leibniz::to_c. */\n#include <math.h>\n\n";
  if (!out.helpers.empty()) code += out.helpers + "\n";
  if (scalar) {
    code += "double " + std::string{name} + "(" + params + ") {\n" + unused + out.body +
            "  return " + values.front() + ";\n}\n";
    return code;
  }
  code += "/* out[0.." + std::to_string(values.size() - 1) + "]:";
  for (auto const& b : blocks)
    code += (blocks.size() > 1 ? "\n     out[" + std::to_string(b.offset) + "]: " : " ") + cc::shape_text(b.shape);
  code += " */\nvoid " + std::string{name} + "(" + params + ", double *restrict out) {\n" + unused + out.body;
  for (std::size_t i = 0; i < values.size(); ++i)
    code += "  out[" + std::to_string(i) + "] = " + values[i] + ";\n";
  return code + "}\n";
}

}  // namespace leibniz

#endif  // LEIBNIZ_CODEGEN_HPP
