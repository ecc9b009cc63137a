// Who decides a citizen's complaint or denunciation under Vietnamese law: found from the
// respondent (the body whose decision or act is complained of, or the official
// denounced), not from the matter's field.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/decider.hpp>
#include <localgov/routing/rules.hpp>

#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

// The decider of a complaint, second complaint or denunciation against `who`, received on
// `on` (a decider_function; an empty one for the other channels). The Law 136/2025/QH15
// amendments apply from 1 July 2026. By the Law on Complaints 2011 and the Law on
// Denunciations 2018 as they stand after the district tier was abolished:
//  - the body answering for the respondent is the respondent itself at province tier (a
//    Sở, the provincial People's Committee) and the commune's People's Committee for any
//    commune-tier body (its divisions have no complaint powers of their own);
//  - a first complaint goes to that body's head (commune Chair, Director, provincial
//    Chair: Complaints Art. 17, 20(1), 21(1));
//  - a second complaint to the head of the body above it, the provincial Chair (Art.
//    21(2)), or for the provincial Chair's own first decision to the minister of the field
//    (Art. 23(3), outside);
//  - a denunciation to the head of the body managing the person, or for that body's head
//    or deputy to the head above (Denunciations Art. 13(1), 13(3)(a), 13(4)(a)), the Prime
//    Minister for the provincial Chair and Vice-Chairs (Art. 13(8), outside).
// A respondent that is not a state administrative body (a Party body, a council, the
// Front, the police or the military) is answered as outside: its own rules apply.
// Complexity: O(bodies of the units involved).
[[nodiscard]] LOCALGOV_DECL decider vietnam_decider(const organization_core& org, channel matter, respondent who, date on);

}  // namespace presets
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/presets/impl/vietnam_deciders.ipp>
#endif
