// docs/GUIDE.md is the guide program's code and output (examples/guide): every
// ```cpp guide:NAME block is the program's `// [guide:NAME]` snippet, every ```text
// guide:NAME block shows lines the program prints, in that order, and the vocabulary
// tables are what guide_tables renders from presets::vietnam_vocabulary() today.
#include "../cli/cli_support.hpp"

#include <localgov/io/file.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

const std::string data_dir = LOCALGOV_TEST_DATA_DIR;
const std::string guide_path = data_dir + "/../docs/GUIDE.md";
const std::string source_path = data_dir + "/../examples/guide/main.cpp";
std::string bin(const std::string& name) { return std::string(LOCALGOV_TEST_BIN_DIR) + "/" + name; }

using named_text = std::vector<std::pair<std::string, std::string>>;

// The blocks fenced as ```LANG guide:NAME in a Markdown text, in order.
named_text fenced_blocks(const std::string& markdown, const std::string& lang) {
  named_text out;
  const auto open = "```" + lang + " guide:";
  for (auto at = markdown.find(open); at != std::string::npos; at = markdown.find(open, at + 1)) {
    if (at > 0 && markdown[at - 1] != '\n') continue;
    const auto name_begin = at + open.size();
    const auto body = markdown.find('\n', name_begin) + 1;
    const auto close = markdown.find("\n```\n", body - 1);
    REQUIRE(close != std::string::npos);
    out.emplace_back(markdown.substr(name_begin, body - 1 - name_begin), markdown.substr(body, close + 1 - body));
  }
  return out;
}

// The parts of a source between `// [guide:NAME]` and `// [guide:end]`, without the
// indentation they have in the source.
named_text snippets(const std::string& source) {
  named_text out;
  const std::string open = "// [guide:", end = "// [guide:end]";
  std::string name, body;
  bool inside = false;
  for (const auto& line : test::lines_of(source)) {
    const auto text = std::string_view(line).substr(std::min(line.find_first_not_of(' '), line.size()));
    if (inside && text == end) {
      std::size_t indent = SIZE_MAX;
      for (const auto& l : test::lines_of(body))
        if (!l.empty()) indent = std::min(indent, l.find_first_not_of(' '));
      std::string dedented;
      for (const auto& l : test::lines_of(body)) dedented += (l.empty() ? l : l.substr(indent)) + "\n";
      out.emplace_back(name, dedented);
      inside = false;
    } else if (inside) {
      body += line + "\n";
    } else if (text.starts_with(open)) {
      name = std::string(text.substr(open.size(), text.size() - open.size() - 1));
      body.clear();
      inside = true;
    }
  }
  REQUIRE_FALSE(inside);
  return out;
}

}  // namespace

TEST_CASE("guide: every code block of docs/GUIDE.md is the guide program's snippet of that name") {
  const auto guide = fenced_blocks(localgov::io::read_file(guide_path), "cpp");
  const auto source = snippets(localgov::io::read_file(source_path));
  REQUIRE(source.size() >= 8);
  // Every snippet is shown once, in the program's order.
  REQUIRE(guide.size() == source.size());
  for (std::size_t i = 0; i < source.size(); ++i) {
    INFO("snippet ", source[i].first, " of examples/guide/main.cpp against the block ```cpp guide:", guide[i].first,
         " of docs/GUIDE.md");
    CHECK(guide[i].first == source[i].first);
    CHECK(guide[i].second == source[i].second);
  }
}

TEST_CASE("guide: the program prints what docs/GUIDE.md shows") {
  namespace fs = std::filesystem;
  const auto out = test::tmp_path("guide-" + std::to_string(::getpid()));
  fs::remove_all(out);
  fs::create_directories(out);
  const auto r = test::run_program(bin("guide"), {data_dir, out});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto printed = test::lines_of(r.out);
  INFO(r.out);

  // The lines of every ```text guide:NAME block, in order, among the program's ("..."
  // stands for lines left out).
  const auto shown = fenced_blocks(localgov::io::read_file(guide_path), "text");
  REQUIRE(shown.size() >= 6);
  auto next = printed.begin();
  for (const auto& [name, text] : shown)
    for (const auto& line : test::lines_of(text)) {
      if (line == "...") continue;
      INFO("block ```text guide:", name, " of docs/GUIDE.md, line: ", line);
      const auto found = std::find(next, printed.end(), line);
      CHECK(found != printed.end());
      if (found != printed.end()) next = found + 1;
    }

  // The files the last snippet writes.
  const auto csv = localgov::io::read_file(out + "/status.csv");
  CHECK(csv.starts_with("key,name,total,received,accepted,assigned,in_progress,answered,rejected,withdrawn,overdue,"));
  CHECK(csv.find("\n25/noi-vu,\"Sở Nội vụ, Tỉnh Phú Thọ\",2,") != std::string::npos);
  const auto json = localgov::io::read_file(out + "/status.json");
  CHECK(json.starts_with(R"({"as_of": "2026-03-31", "by": "agency", "total": 6, "overdue": 5, "overdue_statutory": 0, "groups": [{"key": "25/khoa-hoc-cong-nghe",)"));
  fs::remove_all(out);
}

TEST_CASE("guide: the vocabulary tables of docs/GUIDE.md are the preset's vocabulary") {
  // guide_tables --update rewrites the generated sections of a copy; they must not change.
  const auto copy = test::tmp_path("GUIDE-" + std::to_string(::getpid()) + ".md");
  const auto guide = localgov::io::read_file(guide_path);
  localgov::io::write_file_atomically(copy, guide);
  const auto r = test::run_program(bin("guide_tables"), {"--update", copy});
  REQUIRE(r.status == 0);
  const auto regenerated = localgov::io::read_file(copy);
  std::filesystem::remove(copy);
  auto section = [](const std::string& text, const std::string& name) {
    const auto begin = text.find("<!-- generated:" + name + " -->\n");
    const auto end = text.find("<!-- end -->", begin);
    return begin == std::string::npos || end == std::string::npos ? std::string() : text.substr(begin, end - begin);
  };
  INFO("docs/GUIDE.md's tables differ from presets::vietnam_vocabulary(); regenerate them with\n"
       "    build/bin/guide_tables --update docs/GUIDE.md");
  for (const std::string name : {"fields", "body-kinds", "post-titles"}) {
    CHECK_FALSE(section(guide, name).empty());
    CHECK(section(guide, name) == section(regenerated, name));
  }
  CHECK(regenerated.size() == guide.size());
}
