# Warning flags for localgov's own targets (tests, examples, benchmarks); never imposed on users.
add_library(localgov_warnings INTERFACE)
target_compile_options(localgov_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${LOCALGOV_WERROR}>:-Werror>
  # g++ 12 reports impossible overlaps inside libstdc++'s string concatenation at -O2
  # (GCC bug 105329); the warning is about the library, not this code.
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-restrict>)
