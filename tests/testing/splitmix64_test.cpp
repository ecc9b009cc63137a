// <localgov/testing/splitmix64.hpp>: the reference sequence, and the draws built on it.
#include <localgov/testing/splitmix64.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <type_traits>

using localgov::testing::splitmix64;

TEST_CASE("testing::splitmix64: the reference sequence (Vigna's splitmix64.c, seed 1234567)") {
  splitmix64 random{1234567};
  CHECK(random.next() == 6457827717110365317ull);
  CHECK(random.next() == 3203168211198807973ull);
  CHECK(random.next() == 9817491932198370423ull);
  CHECK(random.next() == 4593380528125082431ull);
  CHECK(random.next() == 16408922859458223821ull);
  static_assert(splitmix64{1234567}.next() == 6457827717110365317ull);  // usable in constant expressions
}

TEST_CASE("testing::splitmix64: below, unit and chance draw from next()") {
  splitmix64 a{20260101}, b{20260101};
  for (int i = 0; i < 1000; ++i) {
    const auto raw = b.next();
    const auto n = static_cast<std::int32_t>(1 + i % 365);
    const auto drawn = a.below(n);
    static_assert(std::is_same_v<decltype(drawn), const std::int32_t>);  // of n's type
    CHECK(drawn == static_cast<std::int32_t>(raw % static_cast<std::uint64_t>(n)));
    CHECK((drawn >= 0 && drawn < n));
  }
  for (int i = 0; i < 1000; ++i) {
    const double u = a.unit();
    CHECK(u == static_cast<double>(b.next() >> 11) * 0x1.0p-53);
    CHECK((u >= 0 && u < 1));
  }
  for (int i = 0; i < 100; ++i) {
    CHECK(a.chance(27) == (b.next() % 100 < 27));
    CHECK_FALSE(a.chance(0));
    b.next();
    CHECK(a.chance(100));
    b.next();
  }
}
