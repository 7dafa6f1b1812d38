// SPDX-License-Identifier: BSL-1.0
// ODR check (STYLE.md 2.17): tu1.cpp and tu2.cpp both include the umbrella header and
// are linked into one program, test.odr. A non-inline definition at namespace scope in
// any header (a variable, a function, an explicit specialisation) breaks the link.
#include <leibniz/leibniz.hpp>

int leibniz_odr_tu1() { return 1; }
int leibniz_odr_tu2();

int main() { return leibniz_odr_tu1() + leibniz_odr_tu2() == 3 ? 0 : 1; }
