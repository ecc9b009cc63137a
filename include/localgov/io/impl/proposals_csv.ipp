// Body of io/proposals_csv.hpp: the proposals loader.
#pragma once

#include <localgov/io/proposals_csv.hpp>

#include <localgov/detail/csv_chunks.hpp>
#include <localgov/detail/huge_pages.hpp>
#include <localgov/detail/pipeline.hpp>
#include <localgov/detail/string_index.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/officials_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/routing/proposals.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

}  // namespace io
namespace detail {

// A record of a proposals file, parsed and waiting to be added. 48 bytes: the rows are
// written by the core that parses them and read by the one that adds them, so their size
// is memory traffic.
struct parsed_proposal {
  std::uint64_t id_hash;
  detail::kept_fields::ref id, title;
  std::uint32_t offset;  // of the record from its chunk's begin, with its line: to read it again (io::csv_reader::reread)
  std::uint32_t line;
  unit_id unit;
  date submitted;
  field_id field, sector;
  channel via;
};
// What few rows have (complaints and denunciations: a respondent; a remote area), apart,
// so that the rows stay small.
struct parsed_extra {
  std::uint32_t row;  // in its block
  respondent against;
  area_kind area;
};
// A cache line or more to itself, as detail::event_block.
struct alignas(64) proposal_block {
  detail::big_vector<parsed_proposal> rows;  // see detail::reserve_block
  std::vector<parsed_extra> extras;           // by row
  detail::kept_fields fields;
};

}  // namespace detail
namespace io {

LOCALGOV_DECL void read_proposals(const organization_core& org, proposal_list& out, input_text text, std::string file,
                                  read_options options) {
  using detail::parsed_proposal, detail::parsed_extra, detail::proposal_block;
  const csv_reader csv(text, file);  // the header; each chunk is read with a copy (csv.at)
  const auto id_col = csv.require_column("id");
  const auto unit_col = csv.require_column("unit_code");
  const auto field_col = csv.require_column("field");
  const auto title_col = csv.require_column("title");
  const auto submitted_col = csv.require_column("submitted");
  const auto channel_col = csv.find_column("channel");
  const auto sector_col = csv.find_column("sector");
  const auto respondent_col = csv.find_column("respondent");
  const auto remote_col = csv.find_column("remote");
  out.source = file;
  const std::size_t before = out.size(), ids_before = out.id_bytes(), titles_before = out.title_bytes();
  std::size_t first_offset = 0;  // of the first record
  // Units and fields looked up by view: find_unit and find_field make a std::string of
  // the key on every call (an allocation for longer field slugs).
  const auto& words = org.words();
  detail::string_index units([&](std::uint32_t u) { return std::string_view(org.unit(id_at<unit_id>(u)).code); });
  units.reserve(org.unit_count());
  for (std::uint32_t u = 0; u < org.unit_count(); ++u) units.insert(u);  // the first of duplicate codes wins, as in find_unit
  detail::string_index fields([&](std::uint32_t f) { return std::string_view(words.fields()[f].slug); });
  fields.reserve(words.fields().size());
  for (std::uint32_t f = 0; f < words.fields().size(); ++f) fields.insert(f);

  const auto plan = detail::chunk_plan_for(csv, options);
  std::vector<proposal_block> blocks(detail::chunk_slots(plan.threads));
  // Filling: a chunk's records to rows, checked (all but the id's uniqueness), ids
  // hashed. Any number at once, each with a reader of its own.
  auto fill = [&](std::size_t slot, const detail::text_chunk& chunk) {
    auto& block = blocks[slot];
    block.rows.clear(), block.extras.clear(), block.fields.clear(chunk.begin);
    detail::reserve_block(block.rows, plan.chunk_bytes);
    detail::chunk_records chunk_csv(csv, chunk);
    const auto& records = chunk_csv.reader();
    date_field_reader dates;
    auto field_of = [&](std::size_t col) {
      const auto slug = records.field(col);
      const auto f = fields.find(slug);
      if (!f)
        records.fail(col, "proposals.unknown_field",
                     "unknown field '" + std::string(slug) + "' (expected one of: " + vocabulary::slugs(words.fields()) + ")");
      return id_at<field_id>(*f);
    };
    while (chunk_csv.next()) {
      parsed_proposal row{};
      const auto id = records.field(id_col);
      if (id.empty()) records.fail(id_col, "proposals.empty_id", "empty proposal id");
      require_at_most(records, id_col, "proposal id", limits::id);
      if (const auto problem = identifier_problem("proposal id", id); !problem.empty()) [[unlikely]]
        records.fail(id_col, "proposals.bad_id", problem);
      const auto unit = units.find(records.field(unit_col));
      if (!unit)
        records.fail(unit_col, "proposals.unknown_unit", "unknown unit code '" + std::string(records.field(unit_col)) + "'");
      row.unit = id_at<unit_id>(*unit);
      row.field = field_of(field_col);
      row.via = channel::proposal;
      if (channel_col && !records.field(*channel_col).empty()) {
        const auto c = parse_channel(records.field(*channel_col));
        if (!c)
          records.fail(*channel_col, "proposals.unknown_channel",
                     "unknown channel '" + std::string(records.field(*channel_col)) +
                         "' (expected proposal, petition, voter_petition, complaint, complaint_second or denunciation)");
        row.via = *c;
      }
      // Whom a complaint or a denunciation is against: "25/noi-vu", or "25/noi-vu#director"
      // for the holder of a post.
      parsed_extra extra{static_cast<std::uint32_t>(block.rows.size()), {}, area_kind::ordinary};
      const bool named = respondent_col && !records.field(*respondent_col).empty();
      if (routed_by_respondent(row.via) && !named)
        records.fail(respondent_col ? *respondent_col : channel_col.value_or(0), "proposals.no_respondent",
                     "a " + std::string(format_as(row.via)) +
                         " needs its respondent (a respondent column: the code of the body it is against, as 25/noi-vu, "
                         "or of a post, as 25/noi-vu#director)");
      if (named) {
        if (!routed_by_respondent(row.via))
          records.fail(*respondent_col, "proposals.respondent_not_taken",
                       "a " + std::string(format_as(row.via)) +
                           " has no respondent (only complaint, complaint_second and denunciation take one)");
        const auto code = records.field(*respondent_col);
        const auto hash = code.find('#');
        const auto b = org.find_body(code.substr(0, hash));
        if (!b)
          records.fail(*respondent_col, "proposals.unknown_respondent",
                       "unknown body '" + std::string(code.substr(0, hash)) + "' (expected a body's code, as 25/noi-vu or 04795/ubnd)");
        extra.against.body = *b;
        if (hash != std::string_view::npos) {
          const auto title = words.find_post_title(code.substr(hash + 1));
          if (!title)
            records.fail(*respondent_col, "proposals.unknown_respondent",
                         "unknown post title '" + std::string(code.substr(hash + 1)) +
                             "' (expected one of: " + vocabulary::slugs(words.post_titles()) + ")");
          extra.against.title = *title;
        }
      }
      if (remote_col && !records.field(*remote_col).empty()) {
        const auto remote = records.field(*remote_col);
        if (remote != "yes" && remote != "no")
          records.fail(*remote_col, "proposals.bad_remote", "bad remote '" + std::string(remote) + "' (expected yes or no)");
        if (remote == "yes") extra.area = area_kind::remote;
      }
      if (named || extra.area == area_kind::remote) block.extras.push_back(extra);
      row.sector = sector_col && !records.field(*sector_col).empty() ? field_of(*sector_col) : no_id<field_id>;
      row.submitted = dates(records, submitted_col, "submission date");
      row.id = block.fields.keep(records, id_col), row.id_hash = detail::proposal_list_access::hash_id(id);
      require_at_most(records, title_col, "title", limits::title);
      row.title = block.fields.keep(records, title_col);
      row.offset = chunk_csv.offset_in_chunk(), row.line = records.line();
      block.rows.push_back(row);
    }
    return chunk_csv.end();
  };
  // Using, in the text's order. `ahead` rows in front, the slot of the id index where
  // that row's id will go starts loading, so that the insert finds it in cache (a hint).
  constexpr std::size_t ahead = 16;
  const std::string_view all = text.view();
  auto use = [&](std::size_t slot, const detail::filled_chunk& chunk) {
    text.release_behind(chunk.begin);
    const auto& block = blocks[slot];
    const auto& rows = block.rows;
    const std::size_t n = rows.size();
    for (std::size_t k = 0; k < std::min(ahead, n); ++k) detail::proposal_list_access::prefetch_slot(out, rows[k].id_hash);
    std::size_t next_extra = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (k + ahead < n) detail::proposal_list_access::prefetch_slot(out, rows[k + ahead].id_hash);
      const auto& row = rows[k];
      const auto line = row.line + chunk.line_shift;
      const auto offset = chunk.begin + row.offset;
      const auto id = block.fields.view(row.id, all);
      proposal filed{id, row.unit, row.field, row.via, row.submitted, block.fields.view(row.title, all), row.sector};
      if (next_extra < block.extras.size() && block.extras[next_extra].row == k) {
        filed.against = block.extras[next_extra].against;
        filed.area = block.extras[next_extra].area;
        ++next_extra;
      }
      if (const auto added = detail::proposal_list_access::try_add(out, row.id_hash, filed, line); !added.added)
        csv.reread(offset, line)
            .fail(id_col, "proposals.duplicate_id",
                  "duplicate proposal id '" + std::string(id) + "' (first on line " + std::to_string(out.line(added.key)) + ")");
      // A sample read, size the columns and the id and title arenas for the whole file
      // from it: grown by doubling, they would be copied and touch up to twice the
      // memory (which page faults make the dearest part of a large file).
      constexpr std::size_t sample = 1024;
      if (out.size() - before == 1) first_offset = offset;
      if (out.size() - before == sample) {
        const auto estimate = detail::estimated_records(all.size(), sample, first_offset, offset, csv.header().size());
        const auto whole_file = [&](std::size_t sampled) { return sampled * estimate / sample; };
        out.reserve(before + estimate, ids_before + whole_file(out.id_bytes() - ids_before),
                    titles_before + whole_file(out.title_bytes() - titles_before));
      }
    }
  };
  detail::run_chunks(all, plan, fill, use);
}

}  // namespace io
LOCALGOV_NAMESPACE_END
