// SPDX-License-Identifier: BSL-1.0
// lz::sparsity, sparse_indices and eval_sparse at run time: the nonzeros of the chained
// Rosenbrock Hessian (8 variables) against the dense Hessian at random points, and
// patterns printed as PyTorch prints bool tensors.
#include <leibniz/leibniz.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <random>
#include <sstream>
#include <string>
#include <utility>

namespace lz = leibniz;
using namespace lz::literals;

namespace {
// Variables x0 ... x7.
template <std::size_t I>
inline constexpr char name[3] = {'x', static_cast<char>('0' + I), 0};
template <std::size_t I>
inline constexpr lz::variable<name<I>> v{};

constexpr std::size_t n = 8;

// sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2: a tridiagonal Hessian.
template <std::size_t... I>
constexpr auto chained_rosenbrock(std::index_sequence<I...>) {
  return ((100_c * lz::square(v<I + 1> - lz::square(v<I>)) + lz::square(1_c - v<I>)) + ...);
}
template <std::size_t... I>
constexpr auto all_variables(std::index_sequence<I...>) {
  return lz::wrt(v<I>...);
}
constexpr auto f = chained_rosenbrock(std::make_index_sequence<n - 1>{});
constexpr auto H = lz::hessian(f, all_variables(std::make_index_sequence<n>{}));

template <class T>
std::string text(T const& t) {
  std::ostringstream os;
  os << t;
  return os.str();
}
}  // namespace

TEST_CASE("sparsity: the chained Rosenbrock Hessian is tridiagonal", "[sparsity]") {
  constexpr auto pattern = lz::sparsity(H);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < n; ++c) {
      INFO("entry (" << r << ", " << c << ")");
      CHECK(pattern(r, c) == (r == c || r + 1 == c || c + 1 == r));
    }
  STATIC_REQUIRE(lz::nnz(H) == 3 * n - 2);
  STATIC_REQUIRE(lz::nnz(lz::tril(H)) == 2 * n - 1);
}

TEST_CASE("sparsity: eval_sparse gives the dense Hessian's nonzeros, in CSR order", "[sparsity]") {
  constexpr auto L = lz::tril(H);
  constexpr auto index = lz::sparse_indices(L);
  std::mt19937_64 rng(20261205);
  std::uniform_real_distribution<double> u(-2.0, 2.0);
  for (int k = 0; k < 10; ++k) {
    std::array<double, n> p{};
    for (auto& e : p) e = u(rng);
    auto const [dense, sparse] = [&]<std::size_t... I>(std::index_sequence<I...>) {
      return std::pair{lz::eval(H, (v<I> = p[I])...), lz::eval_sparse(L, (v<I> = p[I])...)};
    }(std::make_index_sequence<n>{});
    REQUIRE(sparse.size() == 2 * n - 1);
    for (std::size_t r = 0; r < n; ++r) {
      CHECK(index.row_start[r + 1] - index.row_start[r] == (r == 0 ? 1u : 2u));
      for (std::size_t e = index.row_start[r]; e < index.row_start[r + 1]; ++e) {
        CHECK(index.row[e] == r);
        CHECK(sparse[e] == dense(r, index.col[e]));  // the same formula, evaluated the same way
      }
    }
    // Everything outside the pattern is exactly zero in the dense Hessian.
    constexpr auto pattern = lz::sparsity(H);
    for (std::size_t r = 0; r < n; ++r)
      for (std::size_t c = 0; c < n; ++c)
        if (!pattern(r, c)) CHECK(dense(r, c) == 0.0);
  }
}

TEST_CASE("sparsity: patterns print as PyTorch 1.13 prints bool tensors", "[sparsity]") {
  // Each expected string is repr() of the same torch.tensor(..., dtype=torch.bool), printed
  // by PyTorch 1.13 (Debian 12's python3-torch).
  CHECK(text(lz::sparsity(lz::grad(v<0> * v<1>, lz::wrt(v<0>, v<1>, v<2>)))) == "tensor([ True,  True, False])");
  CHECK(text(lz::fixed_tensor<bool, 2>{true, true}) == "tensor([True, True])");
  CHECK(text(lz::fixed_tensor<bool, 2>{false, false}) == "tensor([False, False])");
  CHECK(text(lz::sparsity(lz::tril(lz::hessian(v<0> * v<1> + lz::square(v<1>), lz::wrt(v<0>, v<1>))))) ==
        "tensor([[False, False],\n        [ True,  True]])");
  CHECK(text(lz::sparsity(H)) ==
        "tensor([[ True,  True, False, False, False, False, False, False],\n"
        "        [ True,  True,  True, False, False, False, False, False],\n"
        "        [False,  True,  True,  True, False, False, False, False],\n"
        "        [False, False,  True,  True,  True, False, False, False],\n"
        "        [False, False, False,  True,  True,  True, False, False],\n"
        "        [False, False, False, False,  True,  True,  True, False],\n"
        "        [False, False, False, False, False,  True,  True,  True],\n"
        "        [False, False, False, False, False, False,  True,  True]])");
  // A long row wraps at PyTorch's line width, 10 items per line here.
  CHECK(text(lz::fixed_tensor<bool, 16>{}) ==
        "tensor([False, False, False, False, False, False, False, False, False, False,\n"
        "        False, False, False, False, False, False])");
}
