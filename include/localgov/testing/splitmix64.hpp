// testing::splitmix64: a small seeded generator for reproducible synthetic data (proposals,
// projects, histories) in tests, examples and benchmarks. The same seed gives the same
// sequence on every platform and standard library, which std::mt19937 with the standard
// distributions does not promise (std::uniform_int_distribution's algorithm is the library's
// choice), so figures and checksums computed from generated data can be written down.
//
//   localgov::testing::splitmix64 random{20260101};
//   const auto unit = communes[random.below(communes.size())];
//   const date submitted = date(2026, 1, 1) + random.below(365);
//   if (random.chance(15)) ...  // true 15 times in 100
//
// SplitMix64 (Steele, Lea and Flood, 2014; Vigna's reference splitmix64.c): fast, 2^64
// period, good enough for test data; not for cryptography. Header-only, no dependencies.
#pragma once

#include <localgov/config.hpp>

#include <concepts>
#include <cstdint>

LOCALGOV_NAMESPACE_BEGIN
namespace testing {

struct splitmix64 {
  std::uint64_t state = 0;  // the seed; every call advances it

  // The next 64 random bits.
  constexpr std::uint64_t next() noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  // Uniform in [0, n), of n's type; n must be positive. By modulo: the bias is below
  // n / 2^64, nothing for the sizes of test data.
  template <std::integral N>
  constexpr N below(N n) noexcept {
    return static_cast<N>(next() % static_cast<std::uint64_t>(n));
  }

  // Uniform in [0, 1), in steps of 2^-53.
  constexpr double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

  // True with probability percent / 100 (one draw of below(100)).
  constexpr bool chance(std::uint32_t percent) noexcept { return below(std::uint32_t{100}) < percent; }
};

}  // namespace testing
LOCALGOV_NAMESPACE_END
