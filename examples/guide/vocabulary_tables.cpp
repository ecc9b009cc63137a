// The Vietnam vocabulary (presets::vietnam_vocabulary()) as Markdown tables: fields,
// kinds of bodies and post titles, each between `<!-- generated:NAME -->` and
// `<!-- end -->`. docs/GUIDE.md holds these sections; a test fails when they differ from
// what this program prints (tests/examples/guide_test.cpp).
//
//   guide_tables                 print the three sections
//   guide_tables --update FILE   replace the sections in FILE with the current ones
#include <localgov/io/file.hpp>
#include <localgov/presets/vietnam_2025.hpp>
#include <localgov/reports/table.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace localgov;

tier tier_of(unit_kind k) { return vietnam_traits::unit_kinds::infos[static_cast<std::size_t>(k)].level; }

std::string fields_table(const vocabulary& words) {
  reports::table t({{"slug"}, {"tiếng Việt"}, {"English"}});
  for (const auto& f : words.fields()) t.add_row({"`" + f.slug + "`", f.name_vi, f.name_en});
  return t.markdown();
}

std::string body_kinds_table(const vocabulary& words) {
  using kinds = vietnam_traits::unit_kinds;
  reports::table t({{"slug"}, {"tỉnh (province)"}, {"thành phố (centrally-run city)"}, {"xã (commune)"},
                    {"phường (ward)"}, {"head post"}, {"fields"}});
  for (const auto& k : words.body_kinds()) {
    auto name_in = [&](unit_kind in) { return allows(k.levels, tier_of(in)) ? std::string(k.name_in(in)) : std::string(); };
    std::string fields;
    for (const auto f : k.fields) fields += (fields.empty() ? "`" : ", `") + words.field(f).slug + "`";
    t.add_row({"`" + k.slug + "`", name_in(kinds::kind_of<province>()), name_in(kinds::kind_of<municipality>()),
               name_in(kinds::kind_of<commune>()), name_in(kinds::kind_of<ward>()),
               k.head_title == no_id<post_title_id> ? "" : "`" + words.post_title(k.head_title).slug + "`", fields});
  }
  return t.markdown();
}

std::string post_titles_table(const vocabulary& words) {
  reports::table t({{"slug"}, {"tiếng Việt"}, {"English"}, {"holders"}});
  for (const auto& p : words.post_titles())
    t.add_row({"`" + p.slug + "`", p.name_vi, p.name_en, p.single_holder ? "one" : "several"});
  return t.markdown();
}

std::vector<std::pair<std::string, std::string>> sections() {
  const auto words = presets::vietnam_vocabulary();
  return {{"fields", fields_table(words)}, {"body-kinds", body_kinds_table(words)}, {"post-titles", post_titles_table(words)}};
}

constexpr std::string_view end_marker = "<!-- end -->";
std::string begin_marker(std::string_view name) { return "<!-- generated:" + std::string(name) + " -->"; }

}  // namespace

int main(int argc, char** argv) try {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (argc == 1) {
    for (const auto& [name, table] : sections())
      std::printf("%s\n%s%s\n", begin_marker(name).c_str(), table.c_str(), std::string(end_marker).c_str());
    return 0;
  }
  if (mode != "--update" || argc != 3) {
    std::fputs("usage: guide_tables [--update FILE]\n", stderr);
    return 2;
  }
  const std::string path = argv[2];
  auto text = io::read_file(path);
  for (const auto& [name, table] : sections()) {
    const auto begin = text.find(begin_marker(name) + "\n");
    const auto end = begin == std::string::npos ? begin : text.find(end_marker, begin);
    if (end == std::string::npos) {
      std::fprintf(stderr, "guide_tables: %s: no '%s' ... '%s' section\n", path.c_str(), begin_marker(name).c_str(),
                   std::string(end_marker).c_str());
      return 2;
    }
    const auto from = begin + begin_marker(name).size() + 1;
    text.replace(from, end - from, table);
  }
  io::write_file_atomically(path, text);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "guide_tables: %s\n", e.what());
  return 2;
}
