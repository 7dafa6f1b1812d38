// SPDX-License-Identifier: BSL-1.0
// leibniz: the umbrella header, everything public.
#ifndef LEIBNIZ_LEIBNIZ_HPP
#define LEIBNIZ_LEIBNIZ_HPP

#include <leibniz/calculus.hpp>
#include <leibniz/codegen.hpp>
#include <leibniz/config.hpp>
#include <leibniz/diff.hpp>
#include <leibniz/eval.hpp>
#include <leibniz/expression.hpp>
#include <leibniz/fixed_tensor.hpp>
#include <leibniz/functions.hpp>
#include <leibniz/inspect.hpp>
#include <leibniz/literals.hpp>
#include <leibniz/operators.hpp>
#include <leibniz/print.hpp>
#include <leibniz/reductions.hpp>
#include <leibniz/shape.hpp>
#include <leibniz/shape_ops.hpp>
#include <leibniz/sparsity.hpp>
#include <leibniz/stack.hpp>
#include <leibniz/tensor.hpp>
#include <leibniz/tensor_arithmetic.hpp>
#include <leibniz/tensor_ops.hpp>

// Formulas are Boost.YAP expressions: boost::yap::print and boost::yap::transform
// work on them (about 0.2 s of compile time; include the finer headers to avoid it).
#include <boost/yap/algorithm.hpp>
#include <boost/yap/print.hpp>

#endif  // LEIBNIZ_LEIBNIZ_HPP
