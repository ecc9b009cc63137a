// Body of io/proposals_csv.hpp: the proposals loader.
#pragma once

#include <localgov/io/proposals_csv.hpp>

#include <localgov/detail/string_index.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/proposals.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

LOCALGOV_DECL void read_proposals(const organization_core& org, proposal_list& out, input_text text, std::string file) {
  csv_reader csv(text, file);
  const auto id_col = csv.require_column("id");
  const auto unit_col = csv.require_column("unit_code");
  const auto field_col = csv.require_column("field");
  const auto title_col = csv.require_column("title");
  const auto submitted_col = csv.require_column("submitted");
  const auto channel_col = csv.find_column("channel");
  const auto sector_col = csv.find_column("sector");
  out.source = file;
  const std::size_t before = out.size(), rows = count_newlines(text);
  const std::size_t ids_before = out.id_bytes(), titles_before = out.title_bytes();
  out.reserve(before + rows);
  // Units and fields looked up by view: find_unit and find_field make a std::string of
  // the key on every call (an allocation for longer field slugs).
  const auto& words = org.words();
  detail::string_index units([&](std::uint32_t u) { return std::string_view(org.unit(id_at<unit_id>(u)).code); });
  units.reserve(org.unit_count());
  for (std::uint32_t u = 0; u < org.unit_count(); ++u) units.insert(u);  // the first of duplicate codes wins, as in find_unit
  detail::string_index fields([&](std::uint32_t f) { return std::string_view(words.fields()[f].slug); });
  fields.reserve(words.fields().size());
  for (std::uint32_t f = 0; f < words.fields().size(); ++f) fields.insert(f);
  auto field_of = [&](std::size_t col) {
    const auto slug = csv.field(col);
    const auto f = fields.find(slug);
    if (!f)
      csv.fail(col, "proposals.unknown_field",
               "unknown field '" + std::string(slug) + "' (expected one of: " + vocabulary::slugs(words.fields()) + ")");
    return id_at<field_id>(*f);
  };
  // A reader `ahead` records in front starts loading the slot of the id index where
  // that record's id will go, so that the insert finds it in cache (a hint).
  constexpr std::size_t ahead = 16;
  auto lookahead = csv.lookahead(ahead);
  while (csv.next()) {
    if (lookahead.advance()) out.prefetch(lookahead.field(id_col));
    const auto id = csv.field(id_col);
    if (id.empty()) csv.fail(id_col, "proposals.empty_id", "empty proposal id");
    const auto unit = units.find(csv.field(unit_col));
    if (!unit) csv.fail(unit_col, "proposals.unknown_unit", "unknown unit code '" + std::string(csv.field(unit_col)) + "'");
    const auto field = field_of(field_col);
    auto via = channel::proposal;
    if (channel_col && !csv.field(*channel_col).empty()) {
      const auto c = parse_channel(csv.field(*channel_col));
      if (!c)
        csv.fail(*channel_col, "proposals.unknown_channel",
                 "unknown channel '" + std::string(csv.field(*channel_col)) + "' (expected proposal or petition)");
      via = *c;
    }
    const auto sector = sector_col && !csv.field(*sector_col).empty() ? field_of(*sector_col) : no_id<field_id>;
    const auto submitted = parse_date_field(csv, submitted_col, "submission date");
    if (const auto existing = out.add(id, id_at<unit_id>(*unit), field, via, submitted, csv.field(title_col), sector, csv.line()))
      csv.fail(id_col, "proposals.duplicate_id",
               "duplicate proposal id '" + std::string(id) + "' (first on line " + std::to_string(out.line(*existing)) + ")");
    // A sample read, size the id and title arenas for the whole file from it, with an
    // eighth to spare: grown by doubling, they would be copied and touch up to twice the
    // memory (which page faults make the dearest part of a large file).
    if (constexpr std::size_t sample = 1024; out.size() - before == sample && rows > 2 * sample) {
      const auto whole_file = [&](std::size_t sampled) { return sampled * rows / sample * 9 / 8; };
      out.reserve(before + rows, ids_before + whole_file(out.id_bytes() - ids_before),
                  titles_before + whole_file(out.title_bytes() - titles_before));
    }
  }
}

}  // namespace io
LOCALGOV_NAMESPACE_END
