// Loads routing rules (id,field,channel,origin,province,handled_at,lead,coordinators,
// days,count,deadline,basis and optional clock columns) with every field checked against
// the organisation's vocabulary.
#pragma once

#include <localgov/config.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/model/vocabulary.hpp>
#include <localgov/routing/rules.hpp>

#include <string>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// Reads rules. `lead` is kinds of body separated by '|' (the first the handling unit has
// wins); `coordinators` is such groups separated by ';'; `count` is calendar or working;
// `deadline` (optional column) is statutory or internal, internal when absent or empty,
// so that a deadline is the law's only where a rule says so; `province` (optional column)
// restricts a rule to one province, where it overrides the general rule. Optional columns
// for the statutory channels: `accept_days` and `accept_count` (the acceptance step),
// `remote_days` (the period in a remote area), `extension_days`, `remote_extension_days`
// and `max_extensions` (what a complex case may add; both or neither), `from` (the day a
// rule comes in force). Every field is
// checked at load: an unknown field, channel, tier or kind of body, a bad day count or
// deadline kind, a duplicate id, or two rules for the same matter throw input_error at
// its line and column. Whether each unit has the kinds a rule names is
// checked when a routing table is built from the rules. O(rows × rules) for the
// duplicate check.
LOCALGOV_DECL rule_set read_rules(const vocabulary& words, input_text text, std::string file);

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/rules_csv.ipp>
#endif
