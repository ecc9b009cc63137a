# One translation unit per public header: each must compile on its own, header-only and
# with separate compilation (where the .ipp files, and what they include, are absent).
file(GLOB_RECURSE LOCALGOV_PUBLIC_HEADERS RELATIVE ${PROJECT_SOURCE_DIR}/include
  CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/localgov/*.hpp)
list(REMOVE_ITEM LOCALGOV_PUBLIC_HEADERS localgov/src.hpp)  # separate compilation's one TU
set(LOCALGOV_HEADER_TUS)
foreach(header IN LISTS LOCALGOV_PUBLIC_HEADERS)
  string(MAKE_C_IDENTIFIER ${header} stem)
  set(tu ${PROJECT_BINARY_DIR}/header_check/${stem}.cpp)
  file(CONFIGURE OUTPUT ${tu} CONTENT "#include <${header}>\n#include <${header}> // include guard works\n")
  list(APPEND LOCALGOV_HEADER_TUS ${tu})
endforeach()
add_library(localgov_header_check OBJECT ${LOCALGOV_HEADER_TUS})
target_link_libraries(localgov_header_check PRIVATE localgov::localgov localgov_warnings)
add_library(localgov_header_check_separate OBJECT ${LOCALGOV_HEADER_TUS})
target_compile_definitions(localgov_header_check_separate PRIVATE LOCALGOV_SEPARATE_COMPILATION)
target_link_libraries(localgov_header_check_separate PRIVATE localgov::localgov localgov_warnings)
