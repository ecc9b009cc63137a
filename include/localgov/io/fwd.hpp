// Forward declarations of the io module: CSV reading and the loaders.
#pragma once

#include <localgov/config.hpp>

LOCALGOV_NAMESPACE_BEGIN
struct source_location;
struct problem;
class error;
class input_error;
class validation_error;
namespace io {
class csv_reader;
class input_text;
class mapped_file;
}
LOCALGOV_NAMESPACE_END
