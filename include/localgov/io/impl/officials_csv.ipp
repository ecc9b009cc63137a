// Bodies of io/officials_csv.hpp: the officials and lines loaders, body codes, date errors.
#pragma once

#include <localgov/io/officials_csv.hpp>

#include <localgov/date.hpp>
#include <localgov/error.hpp>
#include <localgov/io/csv.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/validate.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace io {

}  // namespace io
namespace detail {
LOCALGOV_DECL void fail_bad_date(const io::csv_reader& csv, std::size_t i, std::string_view what) {
  csv.fail(i, "csv.bad_date",
           "bad " + std::string(what) + " '" + io::excerpt(csv.field(i)) + "' (expected a calendar date YYYY-MM-DD)");
}
}  // namespace detail
namespace io {

LOCALGOV_DECL body_id parse_body_field(const organization_core& org, const csv_reader& csv, std::size_t i) {
  const auto code = csv.field(i);
  if (const auto b = org.find_body(code)) return *b;
  const auto slash = code.rfind('/');
  if (slash == std::string_view::npos)
    csv.fail(i, "org.bad_body_code", "bad body code '" + excerpt(code) + "' (expected <unit code>/<kind>, e.g. 25/tai-chinh)");
  const auto unit = org.find_unit(code.substr(0, slash));
  if (!unit) csv.fail(i, "org.unknown_unit", "unknown unit code '" + excerpt(code.substr(0, slash)) + "' in '" + excerpt(code) + "'");
  const auto kind = org.words().find_body_kind(code.substr(slash + 1));
  if (!kind)
    csv.fail(i, "org.unknown_body_kind",
             "unknown kind of body '" + excerpt(code.substr(slash + 1)) + "' (expected one of: " +
                 vocabulary::slugs(org.words().body_kinds()) + ")");
  csv.fail(i, "org.no_such_body", org.unit(*unit).name + " has no " + org.words().body_kind(*kind).name + " ('" + std::string(code) + "')");
}

LOCALGOV_DECL void read_officials(organization_core& org, input_text text, std::string file) {
  csv_reader csv(text, file);
  const auto person_col = csv.require_column("person_id");
  const auto name_col = csv.require_column("name");
  const auto post_col = csv.require_column("post");
  const auto org_col = csv.require_column("org_code");
  const auto from_col = csv.require_column("from");
  const auto to_col = csv.require_column("to");
  org.officials_source = file;
  std::unordered_map<std::string, std::uint32_t> first_line;  // person key -> line of first row

  while (csv.next()) {
    const auto key = csv.field(person_col);
    if (!is_valid_code(key))
      csv.fail(person_col, "officials.bad_person_id",
               key.empty() ? "empty person_id" : bad_code_message("person_id", key));
    const auto name = csv.field(name_col);
    if (name.empty()) csv.fail(name_col, "officials.empty_name", "empty name");
    require_at_most(csv, name_col, "name", limits::name);
    if (const auto existing = org.find_person(key)) {
      if (org.person(*existing).name != name)
        csv.fail(name_col, "officials.name_mismatch",
                 "person '" + std::string(key) + "' is named '" + excerpt(org.person(*existing).name) + "' on line " +
                     std::to_string(first_line[std::string(key)]) + " but '" + excerpt(name) + "' here");
    }
    const auto title = org.words().find_post_title(csv.field(post_col));
    if (!title)
      csv.fail(post_col, "officials.unknown_post",
               "unknown post '" + excerpt(csv.field(post_col)) + "' (expected one of: " +
                   vocabulary::slugs(org.words().post_titles()) + ")");
    const auto body = parse_body_field(org, csv, org_col);
    const auto from = parse_date_field(csv, from_col, "start date");
    const auto to = csv.field(to_col).empty() ? date::max() : parse_date_field(csv, to_col, "end date");

    const auto person = org.add_person(std::string(key), std::string(name));
    first_line.try_emplace(std::string(key), csv.line());
    std::optional<post_id> post;
    if (org.words().post_title(*title).single_holder) {
      post = org.find_post(body, *title);
    } else {
      for (post_id p : org.body(body).posts)
        if (org.post(p).title == *title)
          for (auto h : org.post(p).holdings)
            if (org.holdings()[h].person == person) post = p;
    }
    if (!post) post = org.add_post(body, *title);
    org.assign(person, *post, from, to, {csv.line(), csv.position(from_col).second, csv.position(to_col).second});
  }
  std::vector<problem> problems;
  for (auto& p : validate(org))
    if (p.id.starts_with("post.")) problems.push_back(std::move(p));
  if (!problems.empty()) throw validation_error(std::move(problems));
}

LOCALGOV_DECL void read_lines(organization_core& org, input_text text, std::string file) {
  csv_reader csv(text, file);
  const auto from_col = csv.require_column("from");
  const auto to_col = csv.require_column("to");
  const auto kind_col = csv.require_column("kind");
  org.lines_source = file;
  while (csv.next()) {
    const auto from = parse_body_field(org, csv, from_col);
    const auto to = parse_body_field(org, csv, to_col);
    const auto kind_text = csv.field(kind_col);
    std::optional<link_kind> kind;
    for (std::size_t k = 0; k < link_kind_count; ++k)
      if (format_as(static_cast<link_kind>(k)) == kind_text && static_cast<link_kind>(k) != link_kind::holds)
        kind = static_cast<link_kind>(k);
    if (!kind)
      csv.fail(kind_col, "lines.unknown_kind",
               "unknown kind of line '" + excerpt(kind_text) + "' (expected part_of, reports_to, directs or coordinates_with)");
    if (from == to) csv.fail(to_col, "lines.self", "a body cannot have a line to itself");
    org.add_line(from, to, *kind, csv.line());
  }
  std::vector<problem> problems;
  for (auto& p : validate(org))
    if (p.id == "line.cycle") problems.push_back(std::move(p));
  if (!problems.empty()) throw validation_error(std::move(problems));
}

}  // namespace io
LOCALGOV_NAMESPACE_END
