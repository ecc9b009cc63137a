# Warning flags for localgov's own targets (tests, examples, benchmarks); never imposed on users.
add_library(localgov_warnings INTERFACE)
target_compile_options(localgov_warnings INTERFACE -Wall -Wextra -Wpedantic $<$<BOOL:${LOCALGOV_WERROR}>:-Werror>)
