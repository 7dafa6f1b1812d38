// SPDX-License-Identifier: BSL-1.0
// Second translation unit of test.odr: see tu1.cpp.
#include <leibniz/leibniz.hpp>

int leibniz_odr_tu2() { return 2; }
