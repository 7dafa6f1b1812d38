// SPDX-License-Identifier: BSL-1.0
// A user's program: it only needs the umbrella header and leibniz::leibniz.
#include <leibniz/leibniz.hpp>

int main() { return 0; }
