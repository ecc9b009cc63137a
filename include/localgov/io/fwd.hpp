// Forward declarations of the io module: CSV reading and the loaders.
#pragma once

#include <localgov/config.hpp>

LOCALGOV_NAMESPACE_BEGIN
struct source_location;
struct problem;
class error;
class input_error;
class validation_error;
class transition_error;
class permission_error;
namespace io {
class csv_reader;
class input_text;
class mapped_file;
struct read_options;
}
LOCALGOV_NAMESPACE_END
