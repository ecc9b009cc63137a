// Org charts as DOT: clusters by unit, line styles by kind, the unit/depth/line filters,
// posts and holders on a date, bodies outside the chart, label escaping, and that
// Graphviz accepts the result (when `dot` is installed).
#include "../test_support.hpp"

#include <localgov/io/graphviz.hpp>
#include <localgov/reports/org_chart.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <unistd.h>

using namespace localgov;

namespace {

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The attribute list of the edge "b<from> -> b<to>", or empty when there is none.
std::string edge(const std::string& dot, body_id from, body_id to) {
  const auto head = "  b" + std::to_string(index_of(from)) + " -> b" + std::to_string(index_of(to)) + " [";
  const auto at = dot.find(head);
  if (at == std::string::npos) return {};
  return dot.substr(at + head.size(), dot.find('\n', at) - at - head.size());
}

body_id body(const organization& org, std::string_view code) { return *org.find_body(code); }

// A tiny two-tier government in code, with names that need escaping.
struct small_org {
  organization org{[] {
    vocabulary words;
    const auto chair = words.add_post_title({"chair", "Chủ tịch", "Chair", true});
    words.add_body_kind({"council", "Hội đồng", tiers::both, body_category::council, {}, chair, true, {}});
    words.add_body_kind({"office", "Văn phòng \"A\" \\ <B>", tiers::both, body_category::agency, {}, no_id<post_title_id>, false, {}});
    return words;
  }()};
  body_id top_council, top_office, low_council;
  small_org() {
    const auto top = org.add_unit<province>("P1", "Tỉnh \"Mẫu\" \\ A&B");
    const auto low = org.add_unit<commune>("C1", "Xã Một\nHai", top);
    top_council = org.add_body(top.id, *org.words().find_body_kind("council"));
    top_office = org.add_body(top.id, *org.words().find_body_kind("office"));
    low_council = org.add_body(low.id, *org.words().find_body_kind("council"));
    org.reports_to(low_council, top_council);
    org.coordinates_with(top_office, top_council);
    const auto person = org.add_person("p1", "Nguyễn <Văn> \"An\"");
    org.assign(person, *org.find_post(top_council, *org.words().find_post_title("chair")), date(2025, 7, 1));
  }
};

}  // namespace

TEST_CASE("org chart: escaping labels for DOT") {
  CHECK(reports::dot_quote("Phường \"Hòa\" Bình\\x\ny\r") == "\"Phường \\\"Hòa\\\" Bình\\\\x\\ny\"");
  CHECK(reports::dot_quote("") == "\"\"");
  CHECK(reports::dot_quote(std::string("a\x01\tb")) == "\"ab\"");                    // control characters dropped
  CHECK(reports::dot_quote(std::string("x\xC3(y")) == "\"x\xEF\xBF\xBD(y\"");        // invalid UTF-8 replaced
  CHECK(reports::dot_html_escape("<Sở> & \"Ban\" 'x'\nA\\B") == "&lt;Sở&gt; &amp; &quot;Ban&quot; &#39;x&#39;<BR/>A\\B");
  CHECK(reports::dot_html_escape(std::string("\xFF" "Đ")) == "\xEF\xBF\xBD" "Đ");
  CHECK(reports::wrap_words("Ủy ban Mặt trận Tổ quốc Việt Nam phường", 20) == "Ủy ban Mặt trận Tổ\nquốc Việt Nam phường");
  CHECK(reports::wrap_words("  two   spaces ", 80) == "two spaces");
  CHECK(reports::wrap_words("Supercalifragilistic word", 5) == "Supercalifragilistic\nword");

  small_org s;
  reports::org_chart_options o;
  o.title = "Sơ đồ \"thử\"";
  const auto dot = reports::org_chart_dot(s.org, o);
  CHECK(dot.find("label=\"Sơ đồ \\\"thử\\\"\"") != std::string::npos);
  CHECK(dot.find("<B>Tỉnh &quot;Mẫu&quot; \\ A&amp;B</B>") != std::string::npos);
  CHECK(dot.find("<TD><B>Văn phòng &quot;A&quot; \\ &lt;B&gt;</B></TD>") != std::string::npos);
  CHECK(dot.find("Chủ tịch: <B>Nguyễn &lt;Văn&gt; &quot;An&quot;</B>") != std::string::npos);
  // Only the province is drawn by default; the commune's name, with its line end, is not there.
  CHECK(dot.find("Xã Một") == std::string::npos);
  o.depth = 1;
  const auto both = reports::org_chart_dot(s.org, o);
  CHECK(both.find("<B>Xã Một<BR/>Hai</B>") != std::string::npos);
  CHECK(count(both, "\"") % 2 == 0);
}

TEST_CASE("org chart: units as clusters, lines styled by kind") {
  const auto& org = test::with_officials();
  const auto phu_tho = *org.find_unit("25");
  const auto hoa_binh = *org.find_unit("04795");
  reports::org_chart_options o;
  o.units = {phu_tho, hoa_binh};
  o.as_of = date(2025, 12, 16);
  const auto dot = reports::org_chart_dot(org, o);
  CHECK(dot.starts_with("digraph org_chart {\n"));
  CHECK(dot.ends_with("}\n"));
  CHECK(count(dot, "subgraph cluster_u") == 2);
  CHECK(dot.find("subgraph cluster_u" + std::to_string(index_of(phu_tho)) + " {") != std::string::npos);
  CHECK(dot.find("label=<<B>Tỉnh Phú Thọ</B> <FONT POINT-SIZE=\"11\">(25, Tỉnh)</FONT>>;") != std::string::npos);
  CHECK(dot.find("label=<<B>Phường Hòa Bình</B> <FONT POINT-SIZE=\"11\">(04795, Phường)</FONT>>;") != std::string::npos);
  // Every body of the two units is a node, and nothing else of the country.
  CHECK(count(dot, "tooltip=\"25/") == org.unit(phu_tho).bodies.size());
  CHECK(count(dot, "tooltip=\"04795/") == org.unit(hoa_binh).bodies.size());
  CHECK(dot.find("04828/") == std::string::npos);
  CHECK(dot.find("cluster_context") == std::string::npos);  // the province is drawn: nothing outside

  // Lines go from the upper end, styled by kind.
  CHECK(edge(dot, body(org, "25/tinh-uy"), body(org, "25/ban-thuong-vu")).starts_with("dir=back, arrowtail=odiamond"));
  CHECK(edge(dot, body(org, "25/ubnd"), body(org, "25/tai-chinh")).starts_with("dir=back, arrowtail=normal, color=\"#1f4e79\""));
  CHECK(edge(dot, body(org, "25/thuong-truc"), body(org, "04795/thuong-truc")).starts_with("dir=back, arrowtail=normal"));
  CHECK(edge(dot, body(org, "25/dang-uy-ubnd"), body(org, "25/ubnd")).find("style=dashed") != std::string::npos);
  CHECK(edge(dot, body(org, "25/noi-vu"), body(org, "04795/phong-van-hoa-xa-hoi")).find("arrowhead=vee") != std::string::npos);
  CHECK(edge(dot, body(org, "25/tai-chinh"), body(org, "25/ubnd")).empty());  // never drawn upside down
  // The ward is part of the province: one line between the clusters.
  CHECK(edge(dot, body(org, "25/tinh-uy"), body(org, "04795/dang-uy"))
            .starts_with("ltail=cluster_u" + std::to_string(index_of(phu_tho)) + ", lhead=cluster_u" +
                         std::to_string(index_of(hoa_binh))));
  // The key names each kind drawn.
  CHECK(dot.find("báo cáo (reports to)") != std::string::npos);
  CHECK(dot.find("phối hợp (coordinates)") != std::string::npos);

  SUBCASE("posts and their holders on the date, concurrent posts in each body") {
    CHECK(dot.find("Giám đốc: <B>Vương Thị Bẩy</B>") != std::string::npos);
    CHECK(dot.find("Chủ tịch: <B>Bùi Đức Hinh</B>") != std::string::npos);
    CHECK(dot.find("Phó Bí thư: <B>Bùi Đức Hinh</B>") != std::string::npos);
    CHECK(dot.find("Bí thư: <B>Nguyễn Đức Dũng</B>") != std::string::npos);
    CHECK(dot.find("trống") == std::string::npos);  // vacant posts are left out by default
    auto before = o;
    before.as_of = date(2025, 6, 30);  // before the two-tier model began
    CHECK(reports::org_chart_dot(org, before).find("Vương Thị Bẩy") == std::string::npos);
    auto all = o;
    all.posts = reports::chart_posts::all;
    const auto with_vacant = reports::org_chart_dot(org, all);
    CHECK(with_vacant.find("Giám đốc: <I>trống</I>") != std::string::npos);  // e.g. Sở Nội vụ
    auto none = o;
    none.posts = reports::chart_posts::none;
    CHECK(reports::org_chart_dot(org, none).find("Vương Thị Bẩy") == std::string::npos);
  }
  SUBCASE("filters: kinds of lines, codes, key") {
    auto only = o;
    only.lines = link_mask{link_kind::reports_to};
    only.legend = false;
    only.codes = false;
    const auto d = reports::org_chart_dot(org, only);
    CHECK(count(d, "arrowtail=normal") == count(dot, "arrowtail=normal"));
    CHECK(d.find("odiamond") == std::string::npos);
    CHECK(d.find("style=dashed") == std::string::npos);
    CHECK(d.find("ltail=") == std::string::npos);
    CHECK(d.find("Chú giải") == std::string::npos);
    CHECK(d.find("COLOR=\"#555555\">25/") == std::string::npos);
  }
  SUBCASE("depth: a province's commune-tier units") {
    reports::org_chart_options p;
    p.units = {phu_tho};
    p.depth = 1;
    p.legend = false;
    const auto d = reports::org_chart_dot(org, p);
    CHECK(count(d, "subgraph cluster_u") == 1 + org.unit(phu_tho).children.size());
    CHECK(count(d, "subgraph cluster_u") == 149);
    p.depth = 0;
    CHECK(count(reports::org_chart_dot(org, p), "subgraph cluster_u") == 1);
  }
  SUBCASE("a ward alone: what it answers to is drawn outside, grouped by unit") {
    reports::org_chart_options w;
    w.units = {hoa_binh};
    const auto d = reports::org_chart_dot(org, w);
    CHECK(count(d, "subgraph cluster_u") == 1);
    CHECK(count(d, "subgraph cluster_context_u") == 1);
    CHECK(d.find("Tỉnh Phú Thọ <FONT POINT-SIZE=\"10\">(25, ngoài sơ đồ: outside the chart)</FONT>") != std::string::npos);
    CHECK(d.find("tooltip=\"25/thuong-truc\", style=\"rounded,dashed\"") != std::string::npos);
    CHECK(d.find("tooltip=\"25/noi-vu\"") != std::string::npos);   // guides the ward's division
    CHECK(d.find("tooltip=\"25/tinh-uy\"") == std::string::npos);  // not on a line from the ward
    w.context = false;
    const auto bare = reports::org_chart_dot(org, w);
    CHECK(bare.find("cluster_context") == std::string::npos);
    CHECK(bare.find("tooltip=\"25/") == std::string::npos);
  }
  SUBCASE("a province's chart never pulls in its communes' bodies as context") {
    reports::org_chart_options p;
    p.units = {phu_tho};
    const auto d = reports::org_chart_dot(org, p);
    CHECK(d.find("cluster_context") == std::string::npos);
    CHECK(count(d, "tooltip=") == org.unit(phu_tho).bodies.size());
  }
}

TEST_CASE("org chart: coordination is drawn without an arrow and without ranking") {
  small_org s;
  reports::org_chart_options o;
  const auto dot = reports::org_chart_dot(s.org, o);
  const auto line = edge(dot, s.top_office, s.top_council);
  CHECK(line.find("dir=none") != std::string::npos);
  CHECK(line.find("style=dotted") != std::string::npos);
  CHECK(line.find("constraint=false") != std::string::npos);
  // Without an as-of date every holder is listed; a closed term shows its dates.
  small_org t;
  const auto chair = *t.org.find_post(t.low_council, *t.org.words().find_post_title("chair"));
  t.org.assign(t.org.add_person("p2", "Lê Thị Hoa"), chair, date(2025, 7, 1), date(2025, 12, 31));
  o.depth = 1;
  CHECK(reports::org_chart_dot(t.org, o).find("Chủ tịch: <B>Lê Thị Hoa (2025-07-01–2025-12-31)</B>") != std::string::npos);
}

TEST_CASE("org chart: Graphviz accepts it") {
  if (!io::find_program("dot")) {
    MESSAGE("Graphviz's dot is not installed: skipped");
    return;
  }
  const auto& org = test::with_officials();
  reports::org_chart_options o;
  for (const char* code : {"25", "04795", "04828", "04792", "04894", "04897"}) o.units.push_back(*org.find_unit(code));
  o.as_of = date(2025, 12, 16);
  o.title = "Tỉnh Phú Thọ";
  const auto svg = std::string(LOCALGOV_TEST_TMP_DIR) + "/org-chart-" + std::to_string(::getpid()) + ".svg";
  io::render_dot(reports::org_chart_dot(org, o), "svg", svg);
  const auto text = io::read_file(svg);
  std::remove(svg.c_str());
  CHECK(text.find("<svg") != std::string::npos);
  CHECK(text.find("Vương Thị Bẩy") != std::string::npos);
  CHECK(text.find("Phường Hòa Bình") != std::string::npos);

  small_org s;  // and the escaped names
  const auto small = std::string(LOCALGOV_TEST_TMP_DIR) + "/org-chart-small-" + std::to_string(::getpid()) + ".svg";
  reports::org_chart_options all;
  all.depth = 1;
  io::render_dot(reports::org_chart_dot(s.org, all), "svg", small);
  const auto small_text = io::read_file(small);
  std::remove(small.c_str());
  CHECK(small_text.find("Tỉnh &quot;Mẫu&quot; \\ A&amp;B") != std::string::npos);

  const auto bad = test::expect_throw<error>([] { io::render_dot("digraph {", "svg"); });
  CHECK(bad.id() == "graphviz.failed");
  const auto missing = test::expect_throw<error>([] { io::render_dot("digraph {}", "svg", "", "no-such-dot-program"); });
  CHECK(missing.id() == "graphviz.not_found");
  CHECK(std::string(missing.what()).find("apt-get install graphviz") != std::string::npos);
}
