// Applies dated amendments to units (effective,code,name,kind,parent_code,act), e.g. the
// 2026-04-30 amendment that made Đồng Nai a centrally-run city and ten of its communes wards.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/organization.hpp>

#include <cstddef>
#include <string>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

// Every row is checked; those effective on or before `as_of` are applied in order of
// their effective dates (file order within a date), whatever the file's order, so the
// organisation becomes the one in force on that date. A row renames and may
// reclassify an existing unit within its tier and under the same parent; moving a unit to
// another province, changing its tier, merging or splitting units is not supported and
// is refused with its line and column. Returns how many rows were applied. O(rows log rows).
LOCALGOV_DECL std::size_t read_changes(organization_core& org, input_text text, std::string file, date as_of);

}  // namespace io
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/io/impl/changes_csv.ipp>
#endif
