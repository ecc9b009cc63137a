// Loads proposals, petitions, complaints and denunciations
// (id,unit_code,field,title,submitted[,channel][,sector][,respondent][,remote]).
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

// Reads proposals in file order. `channel` is one of proposal (the default when the
// column is absent or the cell empty), petition, voter_petition, complaint,
// complaint_second and denunciation; `sector` (optional) is the field of the department
// that should coordinate, e.g. education for a school investment; `respondent`, required
// for a complaint, second complaint or denunciation and refused for the others, is the
// code of the body it is against (25/noi-vu) or of a post (25/noi-vu#director); `remote`
// (yes or no, no when absent) marks a remote and difficult area. An empty or duplicate
// id, an unknown unit, field, channel or respondent, or a bad date throws input_error
// at its line and column; the rows before it are added. With options.parallel the file
// is parsed in a second thread (same results, same errors). O(rows).
LOCALGOV_DECL void read_proposals(const organization_core& org, proposal_list& out, input_text text, std::string file,
                                  read_options options = {});

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/proposals_csv.ipp>
#endif
