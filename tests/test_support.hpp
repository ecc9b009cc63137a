// Helpers shared by the test translation units: paths to data and one cached national build.
#pragma once

#include <localgov/io/file.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/presets/vietnam_2025.hpp>

#include <string>

namespace test {

inline std::string data_path(const std::string& relative) { return std::string(LOCALGOV_TEST_DATA_DIR) + "/" + relative; }
inline std::string units_path() { return data_path("vn-2025/units.csv"); }

// The national organisation, built once per test binary (tests only read it).
inline const localgov::organization& national() {
  static const localgov::organization org = localgov::presets::load_vietnam_2025(units_path());
  return org;
}

// Phú Thọ's national organisation with the founding scenario's officials seated.
inline const localgov::organization& with_officials() {
  static const localgov::organization org = [] {
    auto o = localgov::presets::load_vietnam_2025(units_path());
    const auto path = data_path("scenario/officials.csv");
    localgov::io::read_officials(o, localgov::io::read_file(path), path);
    return o;
  }();
  return org;
}

inline localgov::node_ref node(localgov::body_id b) {
  return {localgov::node_kind::body, static_cast<std::uint32_t>(localgov::index_of(b))};
}
inline localgov::node_ref node(localgov::post_id p) {
  return {localgov::node_kind::post, static_cast<std::uint32_t>(localgov::index_of(p))};
}

// Expects `f` to throw E and returns it, so the test can check its details.
template <class E, class F>
E expect_throw(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  throw std::runtime_error("expected an exception that was not thrown");
}

}  // namespace test
