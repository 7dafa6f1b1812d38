// SPDX-License-Identifier: BSL-1.0
// leibniz: configuration macros and the library version.
#ifndef LEIBNIZ_CONFIG_HPP
#define LEIBNIZ_CONFIG_HPP

#define LEIBNIZ_VERSION_MAJOR 0
#define LEIBNIZ_VERSION_MINOR 1
#define LEIBNIZ_VERSION_PATCH 0

/// Type-level simplification while building expressions (API.md §4).
/// Only for measurements (docs/design.md records node counts with it off):
/// every translation unit of a program must agree on its value.
#ifndef LEIBNIZ_CONFIG_SIMPLIFY
#define LEIBNIZ_CONFIG_SIMPLIFY 1
#endif

/// Common-subexpression elimination in lz::eval (eval.hpp). Only for measurements
/// (bench/ compares with and without it); every translation unit must agree.
#ifndef LEIBNIZ_CONFIG_CSE
#define LEIBNIZ_CONFIG_CSE 1
#endif

/// The fewest shared-subexpression candidates for which lz::eval builds its table of
/// common subexpressions; below it, the formulas are evaluated as they are written
/// (docs/design.md). Every translation unit must agree.
#ifndef LEIBNIZ_CONFIG_CSE_MIN
#define LEIBNIZ_CONFIG_CSE_MIN 24
#endif

#endif  // LEIBNIZ_CONFIG_HPP
