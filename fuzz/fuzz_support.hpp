// Shared by the libFuzzer targets (fuzz/*.cpp): every target treats localgov::error
// (input_error, validation_error, ...) as an expected answer to hostile input; any other
// exception escapes, and libFuzzer reports it as a crash. fuzz_org.hpp has the small
// organisation the loaders need.
#pragma once

#include <localgov/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fuzz {

inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Runs fn(); a localgov::error is an expected outcome; anything else propagates.
template <class F>
void expect_only_localgov_errors(F&& fn) {
  try {
    fn();
  } catch (const localgov::error& e) {
    if (std::string_view(e.what()).empty()) __builtin_trap();  // every message says something
  }
}

// expect_only_localgov_errors(fn), and the message of the error it caught ("" if none):
// for targets that compare two ways of loading the same input.
template <class F>
std::string localgov_error_of(F&& fn) {
  try {
    fn();
  } catch (const localgov::error& e) {
    if (std::string_view(e.what()).empty()) __builtin_trap();
    return e.what();
  }
  return {};
}

}  // namespace fuzz
