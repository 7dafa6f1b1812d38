// SPDX-License-Identifier: BSL-1.0
// Writes every case of formulas.hpp as a C function (lz::to_c) into the file argv[1],
// which the build compiles with the C compiler (tests/codegen/CMakeLists.txt).
#include "formulas.hpp"

#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " OUTPUT.c\n";
    return 2;
  }
  std::ofstream out(argv[1]);
  std::apply(
      [&](auto const&... c) {
        ((out << leibniz::to_c(std::get<1>(c), std::get<0>(c), std::get<2>(c)) << '\n'), ...);
      },
      codegen_cases::cases);
  return out ? 0 : 1;
}
