# cmake -DLOCALGOV_INCLUDE_DIR=DIR -P localgov_check_src.cmake
# Separate compilation compiles exactly what <localgov/src.hpp> includes: every impl/*.ipp
# file of every module must be there, or its functions would be declared and never defined.
file(GLOB_RECURSE impl_files RELATIVE ${LOCALGOV_INCLUDE_DIR} ${LOCALGOV_INCLUDE_DIR}/localgov/*.ipp)
file(READ ${LOCALGOV_INCLUDE_DIR}/localgov/src.hpp src)
set(missing)
foreach(impl IN LISTS impl_files)
  string(FIND "${src}" "#include <${impl}>" at)
  if(at EQUAL -1)
    list(APPEND missing ${impl})
  endif()
endforeach()
if(missing)
  message(FATAL_ERROR "localgov/src.hpp does not include: ${missing}")
endif()
list(LENGTH impl_files count)
message(STATUS "localgov/src.hpp includes all ${count} impl files")
