# Sanitizer builds of localgov's own targets (tests, examples, benchmarks, fuzz targets):
#   -DLOCALGOV_SANITIZE=address,undefined   AddressSanitizer (with LeakSanitizer) + UBSan
#   -DLOCALGOV_SANITIZE=thread              ThreadSanitizer
# Applied to this directory tree only (add_compile_options), never to the INTERFACE
# target users link. Any UBSan finding aborts (-fno-sanitize-recover), so a test fails.
set(LOCALGOV_SANITIZE "" CACHE STRING "Sanitizers for localgov's own targets: address,undefined or thread (empty: none)")
if(LOCALGOV_SANITIZE)
  if(LOCALGOV_SANITIZE MATCHES "thread" AND LOCALGOV_SANITIZE MATCHES "address")
    message(FATAL_ERROR "LOCALGOV_SANITIZE: thread cannot be combined with address")
  endif()
  add_compile_options(-fsanitize=${LOCALGOV_SANITIZE} -fno-omit-frame-pointer -g -O1)
  if(LOCALGOV_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
  # g++ 12 at -O1 with sanitizers reports uninitialised reads inside Boost.Graph's
  # named_graph.hpp (a default-constructed boost::optional) that the -O2 build does not:
  # the instrumentation defeats its flow analysis. The sanitizers themselves check this.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-Wno-uninitialized -Wno-maybe-uninitialized)
  endif()
  add_link_options(-fsanitize=${LOCALGOV_SANITIZE})
  message(STATUS "localgov: sanitizers ${LOCALGOV_SANITIZE}")
endif()
