// The code of docs/GUIDE.md, which shows it snippet by snippet: the country, finding
// units, bodies and officials, routing, proposals, tracking, a report, files out. Each
// `// [guide:NAME]` ... `// [guide:end]` part is a ```cpp guide:NAME block of the guide,
// and the tests check both that they are equal and that the output shown there is this
// program's (tests/examples/guide_test.cpp).
//
//   guide [DATA_DIR [OUT_DIR]]     (defaults: data, .)
#include <localgov/localgov.hpp>

#include <localgov/fmt.hpp>

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) try {
  using namespace localgov;
  const std::string data = argc > 1 ? argv[1] : "data";
  const std::string out = argc > 2 ? argv[2] : ".";

  // [guide:load]
  auto org = presets::load_vietnam_2025(data + "/vn-2025/units.csv");
  fmt::print("{} units, {} bodies, {} posts\n", org.unit_count(), org.body_count(), org.post_count());
  // [guide:end]

  // [guide:find]
  const auto phu_tho = *org.find_unit("25");
  const auto hoa_binh = *org.find_unit("04795");
  const auto& ward = org.unit(hoa_binh);
  fmt::print("{} {}, in {}: {} bodies\n", ward.code, ward.name, org.unit(org.province_of(hoa_binh)).name,
             ward.bodies.size());

  const name_index names(org);
  name_filter best;
  best.limit = 3;
  for (const auto& m : names.find("Hoà Bình", best))
    fmt::print("  {} {} ({})\n", org.unit(m.unit).code, org.unit(m.unit).name, m.rank);
  // [guide:end]

  // [guide:bodies]
  const auto interior = *org.find_body("25/noi-vu");
  fmt::print("{}: {}, {} of {}\n", org.code_of(interior), org.name_of(interior),
             org.kind_of(interior).category, org.unit(org.body(interior).unit).name);
  for (const auto b : ward.bodies)
    if (org.kind_of(b).category == body_category::agency) fmt::print("  {}  {}\n", org.code_of(b), org.name_of(b));
  // [guide:end]

  // [guide:officials]
  const auto officials = data + "/scenario/officials.csv";
  io::read_officials(org, io::read_file(officials), officials);
  const date meeting(2025, 12, 16);
  const auto hinh = *org.find_person("bui-duc-hinh");
  for (const auto post : org.posts_of(hinh, meeting))
    fmt::print("{}: {} ({})\n", org.person(hinh).name, org.name_of(post), org.code_of(post));
  const auto finance = *org.find_body("25/tai-chinh");
  const auto director = *org.find_post(finance, *org.words().find_post_title("director"));
  fmt::print("{}: {}\n", org.name_of(director), org.person(*org.holder(director, meeting)).name);
  // [guide:end]

  // [guide:route]
  const auto rules = presets::vietnam_rules(org.words());
  const routing_table table(org, rules, presets::vietnam_calendar(), presets::vietnam_decider);

  const auto staffing = *org.words().find_field("staffing");
  const auto r = table.route(hoa_binh, staffing, channel::proposal, meeting);
  fmt::print("lead {} ({}), due {}, rule {}\n", org.name_of(r->lead), org.code_of(r->lead), r->due.to_string(),
             rules[r->rule].id);
  const auto why = table.explain(hoa_binh, staffing, channel::proposal);
  for (const auto& fact : why->facts) fmt::print("  {}\n", fact);
  // [guide:end]

  // [guide:proposals]
  proposal_list list;
  const auto proposals = data + "/scenario/proposals.csv";
  io::read_proposals(org, list, io::read_file(proposals), proposals);
  const auto land_case = list.add({.id = "PT-2026-001", .unit = hoa_binh, .field = *org.words().find_field("land"),
                                   .submitted = date(2026, 1, 5), .title = "Cấp giấy chứng nhận quyền sử dụng đất"});
  for (const auto p : list.keys()) {
    const auto filed = list[p];
    fmt::print("{}  {}  {}  {}\n", filed.id, org.code_of(filed.unit), org.code_of(filed.field), filed.submitted.to_string());
  }
  // [guide:end]

  // [guide:track]
  using L = default_lifecycle;
  tracker track(table, list);
  track.check_permissions(true);
  const auto events = data + "/scenario/events.csv";
  io::read_events(track, io::read_file(events), events);

  fmt::print("{}: {}, due {}\n", list.id(land_case), L::name(track.status(land_case)), track.due(land_case).to_string());
  track.change(land_case, date(2026, 1, 12), L::assigned, "quach-tat-liem", "Giao Sở Nông nghiệp và Môi trường");
  try {
    track.change(land_case, date(2026, 1, 20), L::answered, "nguyen-duc-dung");
  } catch (const permission_error& e) {
    fmt::print("refused [{}]: {}\n", e.id(), e.what());
  }
  for (std::size_t i = 0; i < track.events().size(); ++i) {
    const auto e = track.events()[i];
    fmt::print("  {} {} {} -> {} by {}\n", e.on.to_string(), list.id(e.proposal), L::name(e.from), L::name(e.to),
               e.actor);
  }
  // [guide:end]

  // [guide:complaint]
  proposal_list matters;
  const auto complaint = matters.add({.id = "KN-2026-001", .unit = hoa_binh, .field = *org.words().find_field("land"),
                                      .via = channel::complaint, .submitted = date(2026, 8, 3),
                                      .against = {*org.find_body("04795/ubnd")}});
  tracker cases(table, matters);
  const auto routed = table.route(matters[complaint]);
  fmt::print("{}: decided by the {} of {}, {}; accept by {}, due {}\n", matters.id(complaint),
             org.words().post_title(routed->decider_title).name_en, org.name_of(routed->lead), org.unit(routed->handled_at).name,
             routed->accept_by.to_string(), cases.due(complaint).to_string());
  cases.change(complaint, date(2026, 8, 6), L::accepted, {}, "Thông báo thụ lý");
  fmt::print("accepted on 2026-08-06: due {}\n", cases.due(complaint).to_string());
  cases.extend(complaint, date(2026, 8, 28), 15, {}, "Vụ việc phức tạp");
  fmt::print("extended by 15 days: due {}\n", cases.due(complaint).to_string());
  try {
    cases.extend(complaint, date(2026, 9, 1));
  } catch (const error& e) {
    fmt::print("refused [{}]\n", e.id());
  }
  // [guide:end]

  // [guide:report]
  const date as_of(2026, 3, 31);
  const auto report = reports::make_status_report(track, as_of, group_by::agency, phu_tho);
  fmt::print("as of {}: {} proposals, {} overdue\n{}", as_of.to_string(), report.total, report.overdue,
             reports::status_table(report, reports::times_to_answer::omit).text());
  // [guide:end]

  // [guide:write]
  const auto csv = reports::status_table(report).csv();
  io::write_file_atomically(out + "/status.csv", csv);
  io::write_file_atomically(out + "/status.json", reports::status_json(report));
  fmt::print("{}", csv.substr(0, csv.find('\n') + 1));
  // [guide:end]
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "guide: %s\n", e.what());
  return 2;
}
