// SPDX-License-Identifier: BSL-1.0
// leibniz: text of a row-major tensor exactly as PyTorch 1.13 prints it (torch/_tensor_str.py)
#ifndef LEIBNIZ_DETAIL_TENSOR_FORMAT_HPP
#define LEIBNIZ_DETAIL_TENSOR_FORMAT_HPP

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

/// Re-implementation of PyTorch 1.13's tensor repr (torch/_tensor_str.py) for dense, strided
/// CPU tensors of real floating-point type with the default print options. docs/printing.md
/// lists the rules; tests/runtime/tensor_format.cpp checks them against golden output of
/// PyTorch 1.13.1 (scripts/torch-format-golden).
namespace leibniz::detail {

/// PyTorch's default print options (torch._tensor_str.PRINT_OPTS).
namespace torch_print {
inline constexpr int precision = 4;
inline constexpr std::size_t threshold = 1000;
inline constexpr std::size_t edgeitems = 3;
inline constexpr std::size_t linewidth = 80;
inline constexpr std::string_view prefix = "tensor(";
}  // namespace torch_print

/// The suffix PyTorch adds after the data for a tensor of element type T: nothing for float
/// (float32 is PyTorch's default dtype) and bool, "dtype=torch.float64" for double and long double
/// (long double is printed as its value converted to double). format_tensor puts it after
/// ", " or, when the last line would get longer than 80 characters, after ",\n" and 7 spaces.
template <class T>
constexpr std::string_view torch_dtype_suffix() {
  static_assert(std::is_floating_point_v<T> || std::is_same_v<T, bool>,
                "torch_dtype_suffix: T must be a floating-point type or bool");
  if constexpr (std::is_same_v<T, float> || std::is_same_v<T, bool>) {
    return {};
  } else {
    return "dtype=torch.float64";
  }
}

/// Python's '{:.<prec>e}'.format(v) (sci) or '{:.<prec>f}'.format(v) of a double: the C
/// library's correctly rounded conversion, except that a NaN prints as "nan" whatever its sign.
inline std::string torch_format_number(double v, bool sci, int prec) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  char buf[400];  // "%.4f" of the largest double needs 316 characters
  int const n = sci ? std::snprintf(buf, sizeof buf, "%.*e", prec, v)
                    : std::snprintf(buf, sizeof buf, "%.*f", prec, v);
  if (n <= 0) return {};
  return std::string(buf, std::min(static_cast<std::size_t>(n), sizeof buf - 1));
}

/// torch._tensor_str._Formatter for a floating-point tensor: chooses integer mode, fixed
/// (4 decimals) or scientific notation and the common field width from the nonzero finite
/// values of the (summarised) tensor. For a bool tensor (`boolean`: the values are 0 and
/// 1), True and False right-aligned to the longest shown.
class torch_formatter {
 public:
  explicit torch_formatter(std::vector<double> const& values, bool boolean = false) {
    if (boolean) {
      bool_mode_ = true;
      for (double const v : values) max_width_ = std::max<std::size_t>(max_width_, v != 0 ? 4 : 5);
      return;
    }
    double lo = std::numeric_limits<double>::infinity();
    double hi = 0;
    bool any = false;
    for (double const v : values) {
      if (!std::isfinite(v) || v == 0) continue;
      any = true;
      lo = std::min(lo, std::fabs(v));
      hi = std::max(hi, std::fabs(v));
      if (v != std::ceil(v)) int_mode_ = false;
    }
    if (!any) return;  // int mode, width 1
    bool const wide = hi / lo > 1000.0 || hi > 1.0e8;
    sci_mode_ = int_mode_ ? wide : (wide || lo < 1.0e-4);
    for (double const v : values) {
      if (!std::isfinite(v) || v == 0) continue;
      std::size_t len = 0;
      if (sci_mode_) {
        len = torch_format_number(v, true, torch_print::precision).size();
      } else if (int_mode_) {
        len = torch_format_number(v, false, 0).size() + 1;  // the "." added by format
      } else {
        len = torch_format_number(v, false, torch_print::precision).size();
      }
      max_width_ = std::max(max_width_, len);
    }
  }

  std::size_t width() const noexcept { return max_width_; }
  bool int_mode() const noexcept { return int_mode_; }
  bool sci_mode() const noexcept { return sci_mode_; }

  /// One element, right-aligned to width() (never truncated).
  std::string format(double v) const {
    std::string s;
    if (bool_mode_) {
      s = v != 0 ? "True" : "False";
    } else if (sci_mode_) {
      s = torch_format_number(v, true, torch_print::precision);
    } else if (int_mode_) {
      s = torch_format_number(v, false, 0);
      if (std::isfinite(v)) s += '.';
    } else {
      s = torch_format_number(v, false, torch_print::precision);
    }
    if (s.size() < max_width_) s.insert(0, max_width_ - s.size(), ' ');
    return s;
  }

 private:
  bool int_mode_ = true;
  bool sci_mode_ = false;
  bool bool_mode_ = false;
  std::size_t max_width_ = 1;
};

/// The recursive part of the repr (_tensor_str_with_formatter, _vector_str and
/// get_summarized_data) over the values converted to double.
class torch_tensor_printer {
 public:
  torch_tensor_printer(double const* data, std::size_t const* shape, std::size_t rank, bool summarize)
      : data_(data), shape_(shape), rank_(rank), summarize_(summarize), strides_(rank, 1) {
    for (std::size_t d = rank; d-- > 1;) strides_[d - 1] = strides_[d] * shape[d];
  }

  /// The values the formatter looks at: all of them, or those left by summarisation.
  std::vector<double> shown_values() const {
    std::vector<double> out;
    collect(out, 0, 0);
    return out;
  }

  /// The tensor text without prefix and suffixes, for a tensor starting at column `indent`.
  std::string body(torch_formatter const& fmt, std::size_t indent) const {
    if (rank_ == 0) return fmt.format(data_[0]);
    std::string out;
    print(out, fmt, 0, 0, indent);
    return out;
  }

 private:
  bool elided(std::size_t d) const noexcept {
    return summarize_ && shape_[d] > 2 * torch_print::edgeitems;
  }

  /// Index i of the entries shown along dimension d; count() of them.
  std::size_t shown_count(std::size_t d) const noexcept {
    return elided(d) ? 2 * torch_print::edgeitems : shape_[d];
  }
  std::size_t shown_index(std::size_t d, std::size_t i) const noexcept {
    if (!elided(d) || i < torch_print::edgeitems) return i;
    return shape_[d] - 2 * torch_print::edgeitems + i;
  }

  void collect(std::vector<double>& out, std::size_t d, std::size_t offset) const {
    if (d == rank_) {
      out.push_back(data_[offset]);
      return;
    }
    for (std::size_t i = 0, n = shown_count(d); i < n; ++i)
      collect(out, d + 1, offset + shown_index(d, i) * strides_[d]);
  }

  void print(std::string& out, torch_formatter const& fmt, std::size_t d, std::size_t offset,
             std::size_t indent) const {
    std::size_t const n = shown_count(d);
    bool const dots = elided(d);
    if (d + 1 == rank_) {
      // _vector_str: elements joined by ", ", wrapped to the line width; " ..." is one element.
      std::size_t const element_length = fmt.width() + 2;
      std::size_t const per_line =
          indent >= torch_print::linewidth
              ? 1
              : std::max<std::size_t>(1, (torch_print::linewidth - indent) / element_length);
      out += '[';
      std::size_t k = 0;  // position among the printed items, " ..." included
      auto emit = [&](std::string const& item) {
        if (k != 0) {
          if (k % per_line == 0) {
            out += ",\n";
            out.append(indent + 1, ' ');
          } else {
            out += ", ";
          }
        }
        out += item;
        ++k;
      };
      for (std::size_t i = 0; i < n; ++i) {
        if (dots && i == torch_print::edgeitems) emit(" ...");
        emit(fmt.format(data_[offset + shown_index(d, i) * strides_[d]]));
      }
      out += ']';
      return;
    }
    // Higher dimensions: slices joined by "," + (rank - d - 1) newlines + indentation.
    out += '[';
    auto separator = [&] {
      out += ',';
      out.append(rank_ - d - 1, '\n');
      out.append(indent + 1, ' ');
    };
    for (std::size_t i = 0; i < n; ++i) {
      if (i != 0) separator();
      if (dots && i == torch_print::edgeitems) {
        out += "...";
        separator();
      }
      print(out, fmt, d + 1, offset + shown_index(d, i) * strides_[d], indent + 1);
    }
    out += ']';
  }

  double const* data_;
  std::size_t const* shape_;
  std::size_t rank_;
  bool summarize_;
  std::vector<std::size_t> strides_;
};

/// _add_suffixes: appends ", suffix" or, when the last line would exceed the line width,
/// ",\n" + indentation + suffix; then the closing ")".
inline void torch_add_suffixes(std::string& s, std::vector<std::string> const& suffixes,
                               std::size_t indent) {
  std::size_t const nl = s.rfind('\n');
  // PyTorch's len(s) - s.rfind("\n") + 1, i.e. two more than the length of the last line.
  std::size_t last_line_len = nl == std::string::npos ? s.size() + 2 : s.size() - nl + 1;
  for (auto const& suffix : suffixes) {
    if (last_line_len + suffix.size() + 2 > torch_print::linewidth) {
      s += ",\n";
      s.append(indent, ' ');
      s += suffix;
      last_line_len = indent + suffix.size();
    } else {
      s += ", ";
      s += suffix;
      last_line_len += suffix.size() + 2;
    }
  }
  s += ')';
}

/// The PyTorch 1.13 repr of a row-major tensor of doubles, e.g. "tensor([15., 18.])".
/// shape has rank entries (may be null for rank 0); dtype_suffix as torch_dtype_suffix;
/// `boolean`: the values (0 or 1) are a bool tensor's, printed as True and False.
inline std::string torch_repr(double const* data, std::size_t const* shape, std::size_t rank,
                              std::string_view dtype_suffix = {}, bool boolean = false) {
  std::size_t numel = 1;
  for (std::size_t d = 0; d < rank; ++d) numel *= shape[d];
  std::string s(torch_print::prefix);
  std::size_t const indent = torch_print::prefix.size();
  std::vector<std::string> suffixes;
  if (numel == 0) {
    s += "[]";
    if (rank != 1) {  // Python's str(tuple(shape))
      std::string size = "size=(";
      for (std::size_t d = 0; d < rank; ++d) {
        if (d != 0) size += ", ";
        size += std::to_string(shape[d]);
      }
      size += ')';
      suffixes.push_back(std::move(size));
    }
  } else {
    bool const summarize = numel > torch_print::threshold;
    torch_tensor_printer const printer(data, shape, rank, summarize);
    torch_formatter const fmt(printer.shown_values(), boolean);
    s += printer.body(fmt, indent);
  }
  if (!dtype_suffix.empty()) suffixes.emplace_back(dtype_suffix);
  torch_add_suffixes(s, suffixes, indent);
  return s;
}

/// Writes the PyTorch 1.13 repr of a row-major tensor: "tensor([15., 18.])".
/// `dtype_suffix` is appended like PyTorch's ", dtype=torch.float64" (empty for float32); pass
/// torch_dtype_suffix<T>() to print as PyTorch would print a tensor of the matching dtype.
/// Values are formatted converted to double, as PyTorch does (Python floats).
template <class T>
void format_tensor(std::ostream& os, T const* data, std::size_t const* shape, std::size_t rank,
                   std::string_view dtype_suffix = {}) {
  static_assert(std::is_floating_point_v<T> || std::is_same_v<T, bool>,
                "format_tensor: T must be a floating-point type or bool");
  std::size_t numel = 1;
  for (std::size_t d = 0; d < rank; ++d) numel *= shape[d];
  std::string s;
  if constexpr (std::is_same_v<T, double>) {
    s = torch_repr(data, shape, rank, dtype_suffix);
  } else {
    std::vector<double> values(numel);
    for (std::size_t i = 0; i < numel; ++i) values[i] = static_cast<double>(data[i]);
    s = torch_repr(values.data(), shape, rank, dtype_suffix, std::is_same_v<T, bool>);
  }
  os.write(s.data(), static_cast<std::streamsize>(s.size()));
}

}  // namespace leibniz::detail

#endif  // LEIBNIZ_DETAIL_TENSOR_FORMAT_HPP
