// The founding scenario (docs/SCENARIO.md): on 16 December 2025 the Secretary of the Phú
// Thọ Provincial Party Committee met the Party Standing Committees of four wards and a
// commune. This program tells that story with the library's own types and algorithms:
// the organisation from the real unit list, the officials in their concurrent posts, the
// five proposals routed and tracked, the compilation duty, the status report as of
// 31 March 2026, an illustrative investment plan, and the province's org chart.
//
//   founding_scenario [--data DIR] [--out DIR] [--as-of YYYY-MM-DD]
#include <localgov/localgov.hpp>
#include <localgov/io/graphviz.hpp>
#include <localgov/planning/projects_csv.hpp>
#include <localgov/planning/report.hpp>
#include <localgov/reports/org_chart.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace localgov;
using L = default_lifecycle;

struct options {
  std::string data = "data";
  std::string out = ".";
  date as_of = date(2026, 3, 31);
};

int usage(std::FILE* to) {
  std::fputs("usage: founding_scenario [--data DIR] [--out DIR] [--as-of YYYY-MM-DD]\n\n"
             "Tells the founding story (Phú Thọ, 16 December 2025) from DIR/vn-2025/units.csv and\n"
             "DIR/scenario/*.csv, and writes the province's org chart to OUT/phu-tho.dot (and .svg,\n"
             ".png when Graphviz's dot is installed).\n\n"
             "example:\n  founding_scenario --data data --out build/demo\n",
             to);
  return to == stdout ? 0 : 2;
}

// Vietnamese dates: 31/03/2026.
std::string vn(date d) { return fmt::format("{:02}/{:02}/{}", d.day(), d.month(), d.year()); }

void heading(int number, std::string_view vi, std::string_view en) {
  const auto title = fmt::format("{}. {} ({})", number, vi, en);
  fmt::print("\n{}\n{}\n", title, std::string(detail::count_code_points(title), '='));
}

// Names joined with ", ", wrapped at `width` code points with a hanging indent.
std::string wrapped_list(const std::vector<std::string>& items, std::size_t indent, std::size_t width = 96) {
  std::string out;
  std::size_t column = indent;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto item = items[i] + (i + 1 < items.size() ? "," : "");
    const auto w = detail::count_code_points(item);
    if (i > 0 && column + 1 + w > width) {
      out += "\n" + std::string(indent, ' ');
      column = indent;
    } else if (i > 0) {
      out += ' ';
      ++column;
    }
    out += item;
    column += w;
  }
  return out;
}

// A status report as a Vietnamese table: the lifecycle's Vietnamese names, statuses no
// row uses left out, a total row, and the names as a reader calls them.
reports::table status_table_vi(const organization_core& org, const reports::status_report& report,
                               std::string_view key_title, std::string_view name_title) {
  std::vector<status_index> used;
  for (status_index s = 0; s < L::status_count; ++s)
    for (const auto& r : report.rows)
      if (r.status[s] > 0) {
        used.push_back(s);
        break;
      }
  std::vector<reports::table::column> columns{{std::string(key_title)}, {std::string(name_title)},
                                              {"tổng", reports::align::right}};
  for (auto s : used) columns.push_back({std::string(L::name_vi(s)), reports::align::right});
  columns.push_back({"quá hạn", reports::align::right});
  reports::table t(std::move(columns));
  std::array<std::uint32_t, 16> totals{};
  for (const auto& r : report.rows) {
    std::string name = r.name;
    if (const auto body = org.find_body(r.key)) name = std::string(org.name_of(*body));  // "Sở Nội vụ"
    std::vector<std::string> cells{r.key, name, std::to_string(r.total)};
    for (auto s : used) cells.push_back(std::to_string(r.status[s])), totals[s] += r.status[s];
    cells.push_back(std::to_string(r.overdue));
    t.add_row(std::move(cells));
  }
  t.add_rule();
  std::vector<std::string> cells{"", "cộng (total)", std::to_string(report.total)};
  for (auto s : used) cells.push_back(std::to_string(totals[s]));
  cells.push_back(std::to_string(report.overdue));
  t.add_row(std::move(cells));
  return t;
}

// Text wrapped at `width` code points, lines after the first indented by `indent`.
std::string wrapped(std::string_view text, std::size_t indent, std::size_t width = 100) {
  auto lines = reports::wrap_words(text, width - indent);
  std::string out;
  for (char c : lines) out += c == '\n' ? "\n" + std::string(indent, ' ') : std::string(1, c);
  return out;
}

std::string path_text(const organization_core& org, const std::vector<body_id>& path) {
  std::string out;
  for (auto b : path) {
    if (!out.empty()) out += " → ";
    out += std::string(org.name_of(b));
    if (org.unit(org.body(b).unit).level == tier::commune) out += " (" + org.unit(org.body(b).unit).name + ")";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) try {
  options opts;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return usage(stdout);
    if (i + 1 >= argc) return usage(stderr);
    if (arg == "--data") opts.data = argv[++i];
    else if (arg == "--out") opts.out = argv[++i];
    else if (arg == "--as-of") {
      const auto d = date::parse(argv[++i]);
      if (!d) return usage(stderr);
      opts.as_of = *d;
    } else return usage(stderr);
  }
  const date meeting(2025, 12, 16);

  // ---- The organisation: all 3,355 units from the official list, the preset's bodies.
  const auto units_path = opts.data + "/vn-2025/units.csv";
  auto org = presets::load_vietnam_2025(units_path);
  const auto officials_path = opts.data + "/scenario/officials.csv";
  io::read_officials(org, io::read_file(officials_path), officials_path);
  if (const auto problems = validate(org); !problems.empty()) {
    for (const auto& p : problems) std::fprintf(stderr, "founding_scenario: %s\n", p.to_string().c_str());
    return 2;
  }
  const auto phu_tho = *org.find_unit("25");
  const std::vector<std::string> meeting_units{"04795", "04828", "04792", "04894", "04897"};

  std::size_t provinces = 0, communes = 0;
  for (const auto& u : org.units()) ++(u.level == tier::province ? provinces : communes);
  fmt::print("localgov {}.{}.{} — chính quyền địa phương hai cấp (two-tier local government)\n", LOCALGOV_VERSION_MAJOR,
             LOCALGOV_VERSION_MINOR, LOCALGOV_VERSION_PATCH);
  fmt::print("Buổi làm việc ngày {} tại {} (the meeting of 16 December 2025)\n", vn(meeting), org.unit(phu_tho).name);
  fmt::print("Dữ liệu (data): {} — {} đơn vị cấp tỉnh, {} đơn vị cấp xã; {} cơ quan, {} chức danh\n", units_path,
             provinces, reports::group_thousands(communes), reports::group_thousands(org.body_count()),
             reports::group_thousands(org.post_count()));

  // ---- 1. The province and its bodies.
  heading(1, "Tỉnh Phú Thọ và các cơ quan cấp tỉnh", "the province and its bodies");
  {
    const auto& p = org.unit(phu_tho);
    fmt::print("{} (mã {}): {} đơn vị cấp xã trực thuộc, {} cơ quan cấp tỉnh\n\n", p.name, p.code, p.children.size(),
               p.bodies.size());
    struct group {
      std::string_view title;
      std::vector<body_category> categories;
    };
    const std::vector<group> groups{
        {"Đảng (Party)", {body_category::party_committee, body_category::party_standing, body_category::party_board}},
        {"Chính quyền (state)", {body_category::council, body_category::committee}},
        {"Sở, cơ quan (departments)", {body_category::agency}},
        {"Khác (other)", {body_category::front, body_category::armed}},
    };
    for (const auto& g : groups) {
      std::vector<std::string> names;
      for (auto b : p.bodies)
        if (std::find(g.categories.begin(), g.categories.end(), org.kind_of(b).category) != g.categories.end())
          names.emplace_back(org.name_of(b));
      const auto label = fmt::format("{} [{}]", g.title, names.size());
      fmt::print("  {}{}  {}\n", label, std::string(31 - detail::count_code_points(label), ' '), wrapped_list(names, 35));
    }
  }

  // ---- 2. The five units at the meeting.
  heading(2, "Năm đơn vị cấp xã dự buổi làm việc", "the five commune-tier units at the meeting");
  {
    reports::table t({{"mã"}, {"đơn vị (unit)"}, {"loại (kind)"}, {"cơ quan", reports::align::right},
                      {"phòng, trung tâm (divisions)"}});
    for (const auto& code : meeting_units) {
      const auto& u = org.unit(*org.find_unit(code));
      std::size_t agencies = 0;
      std::string economic;
      for (auto b : u.bodies)
        if (org.kind_of(b).category == body_category::agency) {
          ++agencies;
          if (org.kind_of(b).slug == "phong-kinh-te") economic = std::string(org.name_of(b));
        }
      t.add_row({u.code, u.name, std::string(org.kind_info(u.kind).display_name), std::to_string(u.bodies.size()),
                 fmt::format("{}, gồm {}", agencies, economic)});
    }
    fmt::print("{}", t.text());
  }

  // ---- 3. The officials and their concurrent posts.
  heading(3, "Cán bộ và chức vụ kiêm nhiệm ngày 16/12/2025", "the six officials and their concurrent posts");
  {
    reports::table t({{"họ tên (name)"}, {"chức vụ (post)"}, {"mã chức danh (post code)"}});
    for (const auto& person : org.persons()) {
      const auto posts = org.posts_of(*org.find_person(person.key), meeting);
      for (std::size_t i = 0; i < posts.size(); ++i)
        t.add_row({i == 0 ? person.name : "", org.name_of(posts[i]), org.code_of(posts[i])});
    }
    fmt::print("{}", t.text());
    const auto division = *org.find_body("04795/phong-kinh-te");
    std::string chain;
    for (auto n : chain_of_command(org, {node_kind::body, static_cast<std::uint32_t>(index_of(division))}))
      chain += (chain.empty() ? "" : " → ") + org.display_name(n);
    fmt::print("\nĐường báo cáo (chain of command), Phường Hòa Bình:\n  {}\n", wrapped(chain, 2));
  }

  // ---- 4. The five proposals, routed.
  heading(4, "Năm đề xuất, kiến nghị và phân công xử lý", "the five proposals, routed");
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider);
  proposal_list proposals;
  const auto proposals_path = opts.data + "/scenario/proposals.csv";
  io::read_proposals(org, proposals, io::read_file(proposals_path), proposals_path);
  fmt::print("{} đề xuất gửi ngày {}; quy tắc phân công theo Nghị định 150/2025/NĐ-CP ({} quy tắc, rules)\n", proposals.size(),
             vn(meeting), rules.size());
  for (const auto p : proposals.keys()) {
    const auto filed = proposals[p];
    const auto unit = filed.unit;
    const auto r = table.route(filed);
    const auto why = table.explain(unit, filed.field, filed.via);
    if (!r || !why) throw error("demo.no_route", "no rule routes " + std::string(filed.id));
    const auto& rule = rules[r->rule];
    std::vector<std::string> with;
    for (auto c : r->coordinators) with.emplace_back(org.name_of(c));
    if (r->sector_coordinator != no_id<body_id>) with.push_back(std::string(org.name_of(r->sector_coordinator)) + " (ngành)");
    fmt::print("\n{}  {} · {}\n  “{}”\n", proposals.id(p), org.unit(unit).name, org.words().field(proposals.field(p)).name_vi,
               proposals.title(p));
    fmt::print("  chủ trì (lead)      {} ({})\n", org.name_of(r->lead), org.code_of(r->lead));
    fmt::print("  phối hợp (with)     {}\n", with.empty() ? std::string("—") : wrapped_list(with, 22));
    fmt::print("  hạn (due)           {}, {} ngày {}\n", vn(r->due), rule.days,
               rule.count == day_count::working ? "làm việc (working days)" : "(calendar days)");
    fmt::print("  quy tắc (rule)      {}\n", wrapped(rule.id + ": " + rule.basis, 22));
    fmt::print("  đường (path)        {}\n", wrapped(path_text(org, why->path), 22));
  }

  // A complaint and a denunciation from the same ward: routed by whom they are against, to
  // the decider the law names, accepted and resolved on the law's clock.
  fmt::print("\nKhiếu nại, tố cáo (a complaint and a denunciation: routed by whom they are against)\n");
  const auto hoa_binh = *org.find_unit("04795");
  const proposal complaint{.id = "KN-2026-001", .unit = hoa_binh, .field = *org.words().find_field("land"),
                           .via = channel::complaint, .submitted = date(2026, 1, 5),
                           .title = "Khiếu nại quyết định thu hồi đất của UBND phường", .against = {*org.find_body("04795/ubnd")}};
  const proposal denunciation{.id = "TC-2026-001", .unit = hoa_binh, .field = *org.words().find_field("staffing"),
                              .via = channel::denunciation, .submitted = date(2026, 1, 5),
                              .title = "Tố cáo Giám đốc Sở Nội vụ vi phạm trong tuyển dụng",
                              .against = {*org.find_body("25/noi-vu"), *org.words().find_post_title("director")}};
  for (const auto& matter : {complaint, denunciation}) {
    const auto r = table.route(matter);
    if (!r || r->lead == no_id<body_id>) throw error("demo.no_route", "no decider for " + std::string(matter.id));
    const auto& rule = rules[r->rule];
    const auto title = org.words().post_title(r->decider_title);
    std::string decider = title.name_vi + " " + std::string(org.name_of(r->lead)) + ", " + org.unit(r->handled_at).name + " (" +
                          org.code_of(r->lead) + "#" + title.slug + ")";
    if (const auto post = org.find_post(r->lead, r->decider_title))
      if (const auto who = org.holder(*post, matter.submitted)) decider += ": " + std::string(org.name_of(*who));
    std::vector<std::string> with;
    for (auto c : r->coordinators) with.emplace_back(org.name_of(c));
    fmt::print("\n{}  {} · {}\n  “{}”\n", matter.id, format_as(matter.via), vn(matter.submitted), matter.title);
    fmt::print("  người giải quyết    {}\n", wrapped(decider, 22));
    fmt::print("  thẩm quyền (basis)  {}\n", wrapped(std::string(r->decider_basis), 22));
    fmt::print("  tham mưu (advises)  {}\n", with.empty() ? std::string("—") : wrapped_list(with, 22));
    fmt::print("  thụ lý (accept by)  {}, {} ngày{}\n", vn(r->accept_by), rule.accept_days,
               rule.accept_count == day_count::working ? " làm việc (working days)" : " (calendar days)");
    fmt::print("  hạn (due)           {}, {} ngày kể từ ngày thụ lý (statutory)\n", vn(r->due), rule.days);
    if (rule.max_extensions > 0)
      fmt::print("  gia hạn (extension) {} lần, mỗi lần đến {} ngày (for a complex case)\n", rule.max_extensions,
                 rule.extension_days);
    fmt::print("  quy tắc (rule)      {}\n", wrapped(rule.id + ": " + rule.basis, 22));
  }

  // ---- 5. The compilation duty.
  heading(5, "Tổng hợp, báo cáo", "who compiles the proposals for whom");
  {
    const auto duties = presets::vietnam_compilation_duties(org.words());
    const auto duty = compilation_for(org, duties, *org.find_unit(meeting_units.front()), channel::proposal);
    if (!duty) throw error("demo.no_duty", "no compilation duty for proposals in Phú Thọ");
    std::vector<std::string> leads;
    for (const auto p : proposals.keys()) {
      const auto name = std::string(org.name_of(table.lead_of(proposals.unit(p), proposals.field(p), proposals.via(p))));
      if (std::find(leads.begin(), leads.end(), name) == leads.end()) leads.push_back(name);
    }
    std::string next;
    for (date d = meeting + duty->duty->every_days; d <= opts.as_of; d += duty->duty->every_days)
      next += (next.empty() ? "" : ", ") + vn(d);
    std::string leads_text;
    for (const auto& l : leads) leads_text += (leads_text.empty() ? "" : ", ") + l;
    fmt::print("{}\nCăn cứ (basis): {}\n",
               wrapped(fmt::format("{} chủ trì, phối hợp với {}, tổng hợp {} đề xuất và báo cáo {} định kỳ {} ngày: {}.",
                                   org.name_of(duty->compiler), leads_text, proposals.size(), org.name_of(duty->recipient),
                                   duty->duty->every_days, next),
                       0),
               wrapped(duty->duty->basis, 16));
  }

  // ---- 6. Tracking, with permissions.
  heading(6, "Theo dõi xử lý", "status changes by permitted officials, with an audit trail");
  tracker track(table, proposals);
  track.check_permissions(true);
  const auto events_path = opts.data + "/scenario/events.csv";
  io::read_events(track, io::read_file(events_path), events_path);
  track.change(*proposals.find("PT-2025-004"), date(2026, 1, 5), L::assigned, "quach-tat-liem",
               "Giao Sở Nội vụ chủ trì");
  {
    reports::table t({{"ngày"}, {"đề xuất"}, {"trạng thái (status)"}, {"người thực hiện (by)"}, {"ghi chú (note)"}});
    for (std::size_t e = 0; e < track.events().size(); ++e) {
      const auto ev = track.events()[e];
      std::string who(ev.actor);
      if (const auto person = org.find_person(ev.actor)) who = org.person(*person).name;
      t.add_row({vn(ev.on), std::string(proposals.id(ev.proposal)),
                 fmt::format("{} → {}", L::name_vi(ev.from), L::name_vi(ev.to)), who, std::string(ev.note)});
    }
    fmt::print("{}", t.text());
    // Phường Hòa Bình's Party Secretary may not close his own ward's proposal: Sở Nội vụ leads it.
    try {
      track.change(*proposals.find("PT-2025-001"), date(2026, 1, 20), L::answered, "nguyen-duc-dung");
      fmt::print("\n(unexpected: the change was accepted)\n");
    } catch (const permission_error& e) {
      fmt::print("\nThay đổi bị từ chối (a refused change) [{}]:\n  {}\n", e.id(), wrapped(e.what(), 2));
    }
  }

  // ---- 7. The status report.
  heading(7, fmt::format("Tình hình giải quyết đến ngày {}", vn(opts.as_of)), "status report, overdue included");
  {
    const auto by_unit = reports::make_status_report(track, opts.as_of, group_by::unit, phu_tho);
    const auto by_agency = reports::make_status_report(track, opts.as_of, group_by::agency, phu_tho);
    fmt::print("Theo đơn vị đề xuất (by unit):\n\n{}", status_table_vi(org, by_unit, "mã", "đơn vị").text());
    fmt::print("\nTheo cơ quan chủ trì (by department):\n\n{}", status_table_vi(org, by_agency, "mã", "cơ quan").text());

    reports::table late({{"đề xuất"}, {"cơ quan chủ trì (lead)"}, {"hạn (due)"}, {"quá (days late)", reports::align::right},
                         {"trạng thái (status)"}});
    const auto statuses = track.statuses_at(opts.as_of);
    for (const auto p : proposals.keys()) {
      const auto i = index_of(p);
      if (statuses[i] == tracker::not_yet || L::is_final(statuses[i]) || !(track.due(p) < opts.as_of)) continue;
      late.add_row({std::string(proposals.id(p)),
                    std::string(org.name_of(table.lead_of(proposals.unit(p), proposals.field(p), proposals.via(p)))),
                    vn(track.due(p)), fmt::format("{} ngày", opts.as_of - track.due(p)), std::string(L::name_vi(statuses[i]))});
    }
    fmt::print("\nQuá hạn (overdue): {} trên {} đề xuất\n\n{}", by_agency.overdue, by_agency.total, late.text());
    std::string worst;
    for (const auto& r : reports::most_overdue(by_agency, 3))
      worst += fmt::format("{}{} ({})", worst.empty() ? "" : "; ", org.name_of(*org.find_body(r.key)), r.overdue);
    fmt::print("\nCơ quan quá hạn nhiều nhất (most overdue): {}\n", worst);

    std::filesystem::create_directories(opts.out);
    const auto md_path = opts.out + "/bao-cao-" + opts.as_of.to_string() + ".md";
    io::write_file_atomically(
        md_path, fmt::format("## Tình hình giải quyết đề xuất đến ngày {}\n\n### Theo đơn vị\n\n{}\n### Theo cơ quan chủ trì\n\n{}",
                             vn(opts.as_of), reports::status_table(by_unit).markdown(),
                             reports::status_table(by_agency).markdown()));
    fmt::print("Báo cáo Markdown để dán vào văn bản (to paste into a document): {}\n", md_path);
  }

  // ---- 8. An illustrative investment plan.
  heading(8, "Kế hoạch đầu tư minh họa", "an illustrative plan: schools and IT within a budget");
  {
    planning::unit_table lookup;
    for (const auto& u : org.units())
      if (u.level == tier::province) lookup.add(u.code, {.province_code = u.code, .commune_tier = false});
      else lookup.add(u.code, {.province_code = org.unit(u.parent).code, .commune_tier = true});
    const auto projects_path = opts.data + "/scenario/projects.csv";
    const auto projects = planning::load_projects_csv(projects_path, lookup);
    const std::int64_t budget = 32'000;
    const auto plan = planning::select_projects(projects, budget);
    fmt::print("Chi phí và lợi ích là số liệu minh họa (illustrative figures), triệu đồng; ngân sách (budget) {}.\n"
               "Ưu tiên kết nối vùng, rồi khu dân cư (connecting regions first, then residential areas).\n\n{}",
               reports::group_thousands(static_cast<std::uint64_t>(budget)),
               planning::render_plan(plan, projects, planning::report_format::text));
  }

  // ---- 9. The org chart.
  heading(9, "Sơ đồ tổ chức", "the province's org chart");
  {
    reports::org_chart_options chart;
    chart.units.push_back(phu_tho);
    for (const auto& code : meeting_units) chart.units.push_back(*org.find_unit(code));
    chart.as_of = meeting;
    chart.rankdir = "LR";
    chart.title = "Tỉnh Phú Thọ và năm đơn vị cấp xã dự buổi làm việc ngày 16/12/2025";
    const auto dot_text = reports::org_chart_dot(org, chart);
    std::filesystem::create_directories(opts.out);
    const auto stem = opts.out + "/phu-tho";
    io::write_file_atomically(stem + ".dot", dot_text);
    std::size_t bodies = 0, lines = 0;
    for (auto u : chart.units) bodies += org.unit(u).bodies.size();
    for (auto at = dot_text.find(" -> "); at != std::string::npos; at = dot_text.find(" -> ", at + 1)) ++lines;
    fmt::print("{} đơn vị, {} cơ quan, {} đường nối (lines): {}.dot\n", chart.units.size(), bodies, lines, stem);
    if (io::find_program("dot")) {
      for (const char* format : {"svg", "png"}) {
        io::render_dot(dot_text, format, stem + "." + format);
        fmt::print("Hình (picture): {}.{}\n", stem, format);
      }
    } else {
      fmt::print("Graphviz 'dot' is not installed (Debian: apt-get install graphviz); to draw the chart:\n"
                 "  dot -Tpng {0}.dot -o {0}.png\n",
                 stem);
    }
  }
  return 0;
} catch (const localgov::validation_error& e) {
  for (const auto& p : e.problems()) std::fprintf(stderr, "founding_scenario: %s\n", p.to_string().c_str());
  return 2;
} catch (const std::exception& e) {
  std::fprintf(stderr, "founding_scenario: %s\n", e.what());
  return 2;
}
