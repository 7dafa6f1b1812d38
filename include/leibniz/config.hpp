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
/// (bench/ compares with and without it); every translation unit must agree. A large
/// formula as written is evaluated by the forward pass either way (eval.hpp,
/// by_forward_pass_v).
#ifndef LEIBNIZ_CONFIG_CSE
#define LEIBNIZ_CONFIG_CSE 1
#endif

/// The fewest shared-subexpression candidates for which lz::eval builds its table of
/// common subexpressions; below it, the formulas are evaluated as they are written
/// (docs/design.md). Every translation unit must agree.
#ifndef LEIBNIZ_CONFIG_CSE_MIN
#define LEIBNIZ_CONFIG_CSE_MIN 24
#endif

/// lz::grad over variables of a formula of scalar operations is evaluated by one reverse
/// sweep over the formula (docs/design.md) when its adjoint form would have more than this
/// many times the formula's nodes (estimated from the types, detail/sweep.hpp); smaller
/// adjoint forms are built, simplified and evaluated with the table of common
/// subexpressions, which is faster for them. 0: always the sweep. Every translation unit
/// must agree.
#ifndef LEIBNIZ_CONFIG_SWEEP_RATIO
#define LEIBNIZ_CONFIG_SWEEP_RATIO 4
#endif

/// Multi-threaded evaluation of large lz::tensor results with OpenMP: off by default; to
/// opt in, define LEIBNIZ_CONFIG_OPENMP to 1 and compile and link with -fopenmp (the
/// number of threads is OpenMP's: OMP_NUM_THREADS, omp_set_num_threads). Results are the
/// same for every number of threads: work is split into blocks of fixed size, whatever the
/// threads, and sums over blocks are added in block order. Every translation unit of a
/// program must agree. docs/tensors.md#threads.
#ifndef LEIBNIZ_CONFIG_OPENMP
#define LEIBNIZ_CONFIG_OPENMP 0
#endif
#if LEIBNIZ_CONFIG_OPENMP && !defined(_OPENMP)
#error "leibniz: LEIBNIZ_CONFIG_OPENMP is 1 but OpenMP is off: compile and link with -fopenmp"
#endif

/// The fewest elements (or multiply-adds, for a matrix product) of an lz::tensor
/// operation that is split between threads when LEIBNIZ_CONFIG_OPENMP is on; smaller
/// ones run on the calling thread.
#ifndef LEIBNIZ_CONFIG_PARALLEL_MIN
#define LEIBNIZ_CONFIG_PARALLEL_MIN 32768
#endif

#endif  // LEIBNIZ_CONFIG_HPP
