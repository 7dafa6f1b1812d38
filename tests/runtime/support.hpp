// SPDX-License-Identifier: BSL-1.0
// leibniz tests: helpers shared by the runtime tests.
#ifndef LEIBNIZ_TESTS_RUNTIME_SUPPORT_HPP
#define LEIBNIZ_TESTS_RUNTIME_SUPPORT_HPP

namespace leibniz_test {

/// A value the optimiser cannot see, so that evaluation happens at run time.
inline double opaque(double v) {
  volatile double w = v;
  return w;
}

}  // namespace leibniz_test

#endif  // LEIBNIZ_TESTS_RUNTIME_SUPPORT_HPP
