// Every example program, built and run as a user would run it, with its key lines
// checked; and the README's example is the minimal example's code.
#include "../cli/cli_support.hpp"
#include "../test_support.hpp"

#include <localgov/io/graphviz.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace {

std::string bin(const std::string& name) { return std::string(LOCALGOV_TEST_BIN_DIR) + "/" + name; }
const std::string data_dir = LOCALGOV_TEST_DATA_DIR;

bool has_line(const std::string& text, const std::string& line) {
  const auto lines = test::lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("example: the founding scenario tells the whole story and draws the chart") {
  namespace fs = std::filesystem;
  const auto out = test::tmp_path("demo-" + std::to_string(::getpid()));
  fs::remove_all(out);
  const auto r = test::run_program(bin("founding_scenario"), {"--data", data_dir, "--out", out});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto& o = r.out;
  INFO(o);
  // The organisation from the real units file.
  CHECK(has_line(o, "Dữ liệu (data): " + data_dir +
                        "/vn-2025/units.csv — 34 đơn vị cấp tỉnh, 3,321 đơn vị cấp xã; 47,379 cơ quan, 40,673 chức danh"));
  CHECK(has_line(o, "1. Tỉnh Phú Thọ và các cơ quan cấp tỉnh (the province and its bodies)"));
  CHECK(has_line(o, "Tỉnh Phú Thọ (mã 25): 148 đơn vị cấp xã trực thuộc, 26 cơ quan cấp tỉnh"));
  // The five units and the six officials in their concurrent posts.
  CHECK(test::has_row(o, {"04795", "Phường", "Hòa", "Bình", "Phường", "14", "4,", "gồm", "Phòng", "Kinh", "tế,", "Hạ",
                          "tầng", "và", "Đô", "thị"}));
  CHECK(test::has_row(o, {"04897", "Xã", "Thịnh", "Minh", "Xã", "14", "4,", "gồm", "Phòng", "Kinh", "tế"}));
  CHECK(test::has_row(o, {"Bùi", "Đức", "Hinh", "Phó", "Bí", "thư", "Tỉnh", "ủy", "25/tinh-uy#deputy_secretary"}));
  CHECK(test::has_row(o, {"Chủ", "tịch", "Hội", "đồng", "nhân", "dân", "tỉnh", "25/hdnd#chair"}));
  CHECK(test::has_row(o, {"Nguyễn", "Đức", "Dũng", "Bí", "thư", "Đảng", "ủy", "phường", "04795/dang-uy#secretary"}));
  // The five proposals routed: lead, coordinators, deadline, rule.
  CHECK(has_line(o, "  chủ trì (lead)      Sở Nội vụ (25/noi-vu)"));
  CHECK(has_line(o, "  phối hợp (with)     Sở Xây dựng, Sở Giáo dục và Đào tạo (ngành)"));
  CHECK(has_line(o, "  chủ trì (lead)      Sở Khoa học và Công nghệ (25/khoa-hoc-cong-nghe)"));
  CHECK(has_line(o, "  chủ trì (lead)      Sở Nông nghiệp và Môi trường (25/nong-nghiep-moi-truong)"));
  CHECK(has_line(o, "  hạn (due)           23/02/2026, 60 ngày (calendar days)"));
  CHECK(contains(o, "  quy tắc (rule)      proposal/land: Nghị định 150/2025/NĐ-CP"));
  // A complaint against the ward's decision and a denunciation of a Director: their
  // deciders, and the law's clocks (the complaint's 30th day after acceptance falls in Tết).
  CHECK(has_line(o, "KN-2026-001  complaint · 05/01/2026"));
  CHECK(has_line(o, "  người giải quyết    Chủ tịch Ủy ban nhân dân phường, Phường Hòa Bình (04795/ubnd#chair)"));
  CHECK(has_line(o, "  thụ lý (accept by)  15/01/2026, 10 ngày (calendar days)"));
  CHECK(has_line(o, "  hạn (due)           23/02/2026, 30 ngày kể từ ngày thụ lý (statutory)"));
  CHECK(has_line(o, "TC-2026-001  denunciation · 05/01/2026"));
  CHECK(has_line(o, "  gia hạn (extension) 1 lần, mỗi lần đến 15 ngày (for a complex case)"));
  CHECK(has_line(o, "  gia hạn (extension) 2 lần, mỗi lần đến 30 ngày (for a complex case)"));
  CHECK(has_line(o, "  người giải quyết    Chủ tịch Ủy ban nhân dân tỉnh, Tỉnh Phú Thọ (25/ubnd#chair)"));
  CHECK(has_line(o, "  thẩm quyền (basis)  Luật Tố cáo 2018, Điều 13 khoản 4 điểm a"));
  CHECK(has_line(o, "  thụ lý (accept by)  13/01/2026, 7 ngày làm việc (working days)"));
  CHECK(has_line(o, "  hạn (due)           12/02/2026, 30 ngày kể từ ngày thụ lý (statutory)"));
  // The compilation duty.
  CHECK(contains(o, "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội vụ, Sở Tài chính"));
  CHECK(contains(o, "tổng hợp 5 đề xuất và báo cáo Thường trực Tỉnh ủy định kỳ 30 ngày: 15/01/2026,\n14/02/2026, 16/03/2026.\n"));
  // Tracking by permitted officials, and a refused change.
  CHECK(test::has_row(o, {"10/02/2026", "PT-2025-005", "đã", "chuyển", "xử", "lý", "→", "đã", "trả", "lời", "Quách", "Tất",
                          "Liêm", "Văn", "bản", "hướng", "dẫn", "chuyển", "mục", "đích", "sử", "dụng", "đất"}));
  CHECK(has_line(o, "Thay đổi bị từ chối (a refused change) [tracking.permission]:"));
  CHECK(contains(o, "Nguyễn Đức Dũng (nguyen-duc-dung) may not change it on 2026-01-20: it is led\n"
                    "  by Sở Nội vụ (25/noi-vu); their posts that day: Bí thư Đảng ủy phường\n"));
  // The status report by unit and by department, with what is overdue.
  CHECK(has_line(o, "7. Tình hình giải quyết đến ngày 31/03/2026 (status report, overdue included)"));
  CHECK(test::has_row(o, {"04897", "Xã", "Thịnh", "Minh", "1", "0", "0", "1", "0"}));
  CHECK(test::has_row(o, {"25/noi-vu", "Sở", "Nội", "vụ", "2", "2", "0", "0", "2"}));
  CHECK(test::has_row(o, {"cộng", "(total)", "5", "3", "1", "1", "4"}));
  CHECK(has_line(o, "Quá hạn (overdue): 4 trên 5 đề xuất"));
  CHECK(test::has_row(o, {"PT-2025-002", "Sở", "Tài", "chính", "23/02/2026", "36", "ngày", "đang", "xử", "lý"}));
  CHECK(has_line(o, "Cơ quan quá hạn nhiều nhất (most overdue): Sở Nội vụ (2); Sở Khoa học và Công nghệ (1); Sở Tài chính (1)"));
  // The illustrative plan.
  CHECK(has_line(o, "Plan (exact method, proven best): budget 32000, spent 31000, left 1000, benefit 100"));
  // The picture.
  CHECK(has_line(o, "6 đơn vị, 96 cơ quan, 166 đường nối (lines): " + out + "/phu-tho.dot"));
  const auto dot = localgov::io::read_file(out + "/phu-tho.dot");
  CHECK(dot.starts_with("digraph org_chart {"));
  CHECK(contains(dot, "Giám đốc: <B>Vương Thị Bẩy</B>"));
  const auto md = localgov::io::read_file(out + "/bao-cao-2026-03-31.md");
  CHECK(md.starts_with("## Tình hình giải quyết đề xuất đến ngày 31/03/2026\n"));
  CHECK(contains(md, "| 25/noi-vu | Sở Nội vụ, Tỉnh Phú Thọ | 2 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 2 | 0 |  |  |"));
  if (localgov::io::find_program("dot")) {
    CHECK(has_line(o, "Hình (picture): " + out + "/phu-tho.png"));
    CHECK(localgov::io::read_file(out + "/phu-tho.png").starts_with("\x89PNG"));
    CHECK(contains(localgov::io::read_file(out + "/phu-tho.svg"), "Tỉnh Phú Thọ và năm đơn vị cấp xã"));
  }
  fs::remove_all(out);

  SUBCASE("without Graphviz it writes the DOT file and says how to draw it") {
    const auto bare = test::tmp_path("demo-bare-" + std::to_string(::getpid()));
    const auto b = test::run_program("/usr/bin/env", {"PATH=/nonexistent", bin("founding_scenario"), "--data", data_dir,
                                                      "--out", bare});
    CHECK(b.status == 0);
    CHECK(has_line(b.out, "Graphviz 'dot' is not installed (Debian: apt-get install graphviz); to draw the chart:"));
    CHECK(has_line(b.out, "  dot -Tpng " + bare + "/phu-tho.dot -o " + bare + "/phu-tho.png"));
    CHECK(fs::exists(bare + "/phu-tho.dot"));
    CHECK_FALSE(fs::exists(bare + "/phu-tho.png"));
    fs::remove_all(bare);
  }
  SUBCASE("usage") {
    const auto help = test::run_program(bin("founding_scenario"), {"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.starts_with("usage: founding_scenario [--data DIR] [--out DIR] [--as-of YYYY-MM-DD]\n"));
    const auto bad = test::run_program(bin("founding_scenario"), {"--data"});
    CHECK(bad.status == 2);
    CHECK(bad.err.starts_with("usage: founding_scenario"));
    const auto missing = test::run_program(bin("founding_scenario"), {"--data", "/nonexistent"});
    CHECK(missing.status == 2);
    CHECK(missing.err == "founding_scenario: /nonexistent/vn-2025/units.csv: cannot open: No such file or directory\n");
  }
}

TEST_CASE("example: the national one routes and tracks a year of proposals") {
  const auto r = test::run_program(bin("national"), {"--data", data_dir});
  CHECK(r.status == 0);
  const auto& o = r.out;
  INFO(o);
  CHECK(o.starts_with("Cả nước (the country): 3,355 units (3,321 commune-tier), 47,379 bodies; routing table "));
  CHECK(has_line(o, "Bảng theo dõi toàn quốc đến ngày 2026-12-31 (the country's board)"));
  CHECK(test::has_row(o, {"tổng", "(total)", "79,704"}));
  CHECK(has_line(o, "Mười cơ quan quá hạn nhiều nhất (the ten most overdue departments)"));
  const auto lines = test::lines_of(o);
  const auto top = std::find(lines.begin(), lines.end(), "Mười cơ quan quá hạn nhiều nhất (the ten most overdue departments)");
  REQUIRE(top != lines.end());
  REQUIRE(lines.end() - top == 14);  // title, blank, header, rule, ten rows
  CHECK(top[4].starts_with(" 1  Sở "));
  CHECK(top[13].starts_with("10  Sở "));
  CHECK(contains(r.err, "national: reports in "));
}

TEST_CASE("example: a custom model of another two-tier government") {
  const auto r = test::run_program(bin("custom_model"), {});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto& o = r.out;
  INFO(o);
  CHECK(has_line(o, "Land Nordmark: 4 units (1 upper tier, 3 lower tier), 17 bodies, 13 posts"));
  CHECK(has_line(o, "chain of command: NM-03/public-works -> NM-03/mayor-office -> NM/interior -> NM/government"));
  CHECK(has_line(o, "  R-2  Hafenstadt roads             -> Ministry of Transport (NM/transport), due 2026-05-26, rule request/roads"));
  CHECK(has_line(o, "  R-4  Moorheide  waste             -> Public Works (NM-03/public-works), due 2026-05-12, rule request/waste"));
  CHECK(contains(o, "refused: proposal R-3: Anna Berg (anna-berg) may not change it on 2026-05-02: it is led by Ministry of "
                    "Education (NM/education)"));
  CHECK(has_line(o, "refused: proposal R-1: cannot go from decided to under_review (allowed after decided: none: decided is final)"));
  CHECK(has_line(o, "status on 2026-06-30: 5 requests, 3 overdue"));
  CHECK(test::has_row(o, {"key", "name", "total", "filed", "under_review", "decided", "referred", "withdrawn", "overdue", "overdue_statutory"}));
  CHECK(test::has_row(o, {"NM/transport", "Ministry", "of", "Transport,", "Land", "Nordmark", "1", "0", "1", "0", "0", "0", "1", "0"}));
  CHECK(contains(o, "org chart: 4 units drawn, "));
}

TEST_CASE("example: the minimal one, which is the README's") {
  const auto r = test::run_program(bin("minimal"), {data_dir});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const auto lines = test::lines_of(r.out);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "Đất đai: Phường Hòa Bình → Sở Nông nghiệp và Môi trường (25/nong-nghiep-moi-truong), due 2026-02-23");
  CHECK(lines[1].starts_with("rule proposal/land: Nghị định 150/2025/NĐ-CP"));
  CHECK(lines.back() == "  Sở Nông nghiệp và Môi trường (25/nong-nghiep-moi-truong)");

  // Under 40 lines, and the README shows exactly this code and what it prints.
  const auto source = localgov::io::read_file(data_dir + "/../examples/minimal/main.cpp");
  CHECK(test::lines_of(source).size() < 40);
  const auto readme = localgov::io::read_file(data_dir + "/../README.md");
  CHECK(contains(readme, "```cpp\n" + source + "```\n\n```text\n" + r.out + "```\n"));
}

TEST_CASE("example: a user's own tests with <localgov/testing.hpp>") {
  const auto r = test::run_program(bin("testing_example"), {});
  CHECK(r.status == 0);
  INFO(r.out);
  CHECK(test::has_row(r.out, {"[doctest]", "test", "cases:", "3", "|", "3", "passed", "|", "0", "failed", "|", "0", "skipped"}));
  CHECK(contains(r.out, "Status: SUCCESS!"));
}
