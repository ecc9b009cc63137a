// Loads proposals and petitions (id,unit_code,field,title,submitted[,channel][,sector]).
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/proposals.hpp>

#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// Reads proposals in file order. `channel` is proposal (the default when the column is
// absent or the cell empty) or petition; `sector` (optional) is the field of the
// department that should coordinate, e.g. education for a school investment. An empty
// or duplicate id, an unknown unit, field or channel, or a bad date throws input_error
// at its line and column; the rows before it are added. With options.parallel the file
// is parsed in a second thread (same results, same errors). O(rows).
LOCALGOV_DECL void read_proposals(const organization_core& org, proposal_list& out, input_text text, std::string file,
                                  read_options options = {});

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/proposals_csv.ipp>
#endif
