# SPDX-License-Identifier: BSL-1.0
# shellcheck shell=bash
# Shared by scripts/check and scripts/tour (sourced, not run):
#   LEIBNIZ_ROOT        the repository root
#   lz_log MSG...       a progress line
#   lz_now              wall clock in milliseconds
#   lz_seconds A B      B - A milliseconds as seconds with one decimal
#   lz_ensure_deps      install what the build needs (Debian 12), or say how

# shellcheck disable=SC2034  # used by the scripts that source this file
LEIBNIZ_ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)

lz_log() { printf '\n==> %s\n' "$*"; }

lz_now() { date +%s%3N; }

lz_seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }

# Prints the Debian packages whose files are missing, one per line.
lz_missing_packages() {
  local cmake_ok=0
  if command -v cmake >/dev/null 2>&1; then
    local v
    v=$(cmake --version | awk 'NR == 1 { print $3 }')
    # CMakePresets.json version 6 and FILE_SET need CMake >= 3.25.
    if printf '%s\n%s\n' 3.25 "$v" | sort -V -C; then cmake_ok=1; fi
  fi
  [ "$cmake_ok" = 1 ] || echo cmake
  command -v ninja >/dev/null 2>&1 || echo ninja-build
  command -v g++ >/dev/null 2>&1 || echo g++
  command -v clang++ >/dev/null 2>&1 || echo clang
  # clang's sanitizer runtimes (the clang preset builds with ASan and UBSan): only recommended
  # by Debian's clang package, so not always there.
  compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.asan-x86_64.a' >/dev/null ||
    echo libclang-rt-14-dev
  if [ ! -f /usr/include/boost/hana.hpp ] || [ ! -f /usr/include/boost/yap/yap.hpp ] ||
     ! compgen -G '/usr/lib/*/cmake/Boost-1.81.0/BoostConfig.cmake' >/dev/null; then
    echo libboost1.81-dev
  fi
  if [ ! -f /usr/include/catch2/catch.hpp ] || [ ! -f /usr/lib/cmake/Catch2/Catch2Config.cmake ]; then
    echo catch2
  fi
  # valgrind: memcheck runs the examples (examples/CMakeLists.txt, label valgrind).
  command -v valgrind >/dev/null 2>&1 || echo valgrind
  # Google Benchmark: bench/ is built by every preset so that it never rots.
  [ -f /usr/include/benchmark/benchmark.h ] || echo libbenchmark-dev
  # clang's OpenMP runtime (tests/openmp with the clang presets; g++'s libgomp comes with it).
  [ -f /usr/lib/llvm-14/lib/libomp.so ] || echo libomp-14-dev
  # Eigen 3.4: tests/eigen (the optional header <leibniz/eigen.hpp>) and its example.
  [ -f /usr/include/eigen3/Eigen/Core ] || echo libeigen3-dev
  # Debian's own interpreter: python3-sympy installs for /usr/bin/python3, whatever
  # other python3 comes first on PATH.
  if [ ! -x /usr/bin/python3 ]; then
    echo python3
    echo python3-sympy
  elif ! /usr/bin/python3 -c 'import sympy' >/dev/null 2>&1; then
    echo python3-sympy
  fi
}

lz_ensure_deps() {
  local missing
  mapfile -t missing < <(lz_missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    lz_log "dependencies: all present (cmake, ninja, g++, clang++, Boost 1.81, Catch2 2, Google Benchmark, Eigen 3, libomp, valgrind, python3-sympy)"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    {
      echo "leibniz needs these Debian 12 packages: ${missing[*]}"
      echo "Install them with:"
      echo "  sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
      echo "then run this script again."
    } >&2
    exit 1
  fi
  lz_log "dependencies: installing ${missing[*]}"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  mapfile -t missing < <(lz_missing_packages)
  if [ "${#missing[@]}" -ne 0 ]; then
    echo "still missing after apt-get install: ${missing[*]}" >&2
    exit 1
  fi
}
