// Rendering DOT text with Graphviz's `dot` program, when it is installed (Debian:
// graphviz). The library writes DOT itself (reports/org_chart.hpp); pictures need `dot`.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/file.hpp>

#include <optional>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// The full path of an executable named `program` in the directories of PATH, or
// nullopt. A name with a '/' is checked as it is. O(entries of PATH).
[[nodiscard]] LOCALGOV_DECL std::optional<std::string> find_program(std::string_view program);

// Renders DOT text to `format` (svg, png, pdf: whatever `dot -T` accepts) with the `dot`
// program, into `output` (atomically, as io::write_file_atomically), or to standard output
// when `output` is empty. The DOT text goes through a temporary file that is removed
// afterwards. Throws error "graphviz.not_found"
// when there is no `dot` on PATH (the message says how to install it and render by hand),
// "graphviz.failed" when it fails (its own messages are on standard error), and
// "io.cannot_write" when the temporary file cannot be written.
LOCALGOV_DECL void render_dot(std::string_view dot_text, std::string_view format, const std::string& output = {},
                              std::string_view program = "dot");

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/graphviz.ipp>
#endif
