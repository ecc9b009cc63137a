// The Vietnam 2025 preset: from the official list of units alone, the national
// organisation with every standard body, head post and reporting line.
#pragma once

#include <localgov/config.hpp>
#include <localgov/io/file.hpp>
#include <localgov/io/units_csv.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/presets/vietnam_vocabulary.hpp>

#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace presets {

// What differs between provinces and is not in the units list. Defaults are what the
// public record supports; where it is silent the default is the conservative one.
struct vietnam_options {
  // Provinces with a Sở Dân tộc và Tôn giáo (Decree 150/2025, conditional). Which
  // provinces set one up was not verified, so none by default; routing falls back to
  // Sở Nội vụ for ethnic and religious affairs where there is none.
  std::vector<std::string> ethnic_religious_departments;
  // Sở Ngoại vụ and Sở Quy hoạch - Kiến trúc: Hà Nội and Hồ Chí Minh City.
  std::vector<std::string> foreign_affairs_departments{"01", "79"};
  std::vector<std::string> planning_architecture_departments{"01", "79"};
  // Special zones with under 1,000 residents have no People's Council (Law 72/2025).
  // Population figures are not in the data; these are the zones reported as such.
  std::vector<std::string> without_council{"11948", "19742", "20333"};
  // Commune-tier units whose economic division is "Kinh tế, Hạ tầng và Đô thị" although
  // they are not wards (Decree 150/2025 names Phú Quốc).
  std::vector<std::string> urban_economic_division{"31078"};
  // Whether each body gets its head post (Chủ tịch, Giám đốc, Bí thư...), vacant until
  // officials are seated. Without them the national organisation has 40,669 fewer
  // vertices and edges (19 MB resident instead of 28), for work that shows no vacant
  // posts: routing and status reports. io::read_officials adds the posts its officials hold
  // either way, so permission checks give the same answers.
  bool head_posts = true;
};

// Fields, body kinds and post titles of Vietnam's two-tier government.
[[nodiscard]] LOCALGOV_DECL vocabulary vietnam_vocabulary();

// Adds the standard bodies of every unit, their head posts, and the reporting lines:
// Party boards report to the Standing Committee (Thường trực), the People's Council to
// it, the People's Committee to the Council, departments and divisions to the People's
// Committee; a commune's Standing Committee and People's Committee report to the
// province's; each province department guides the commune divisions that share a field
// with it. O(units × bodies per unit).
LOCALGOV_DECL void add_vietnam_bodies(organization_core& org, const vietnam_options& options = {});

// The national organisation from a units CSV (e.g. data/vn-2025/units.csv).
// Throws input_error or validation_error for a malformed or inconsistent file.
[[nodiscard]] LOCALGOV_DECL organization vietnam_2025(std::string_view units_csv, std::string file,
                                                      const vietnam_options& options = {});

// The same, from a file path.
[[nodiscard]] LOCALGOV_DECL organization load_vietnam_2025(const std::string& units_path,
                                                           const vietnam_options& options = {});

}  // namespace presets
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/presets/impl/vietnam_2025.ipp>
#endif
