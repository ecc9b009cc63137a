// The vocabularies an organisation is built from: fields, kinds of bodies, post titles.
#pragma once

#include <localgov/config.hpp>
#include <localgov/detail/strings.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/model/unit_kinds.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// A field of state management (lĩnh vực), e.g. "land" / "Đất đai".
struct field_info {
  std::string slug;
  std::string name_vi;
  std::string name_en;
};

// What a body is, which decides how it may be placed and what it is responsible for.
enum class body_category : std::uint8_t {
  party_committee,  // Tỉnh ủy, Đảng ủy xã
  party_standing,   // Ban Thường vụ, Thường trực
  party_board,      // advisory boards: Ban Tổ chức, Ủy ban Kiểm tra, ...
  council,          // Hội đồng nhân dân
  committee,        // Ủy ban nhân dân
  front,            // Ủy ban Mặt trận Tổ quốc
  agency,           // sở, phòng, thanh tra, văn phòng, trung tâm: the administration
  armed,            // police, military command
};

[[nodiscard]] constexpr std::string_view format_as(body_category c) noexcept {
  constexpr std::string_view names[] = {"party_committee", "party_standing", "party_board", "council",
                                        "committee",       "front",          "agency",      "armed"};
  return names[static_cast<std::size_t>(c)];
}

// Which tiers a kind of body may exist in.
enum class tiers : std::uint8_t { province = 1, commune = 2, both = 3 };

[[nodiscard]] constexpr bool allows(tiers set, tier t) noexcept {
  return (static_cast<unsigned>(set) & (t == tier::province ? 1u : 2u)) != 0;
}
[[nodiscard]] constexpr std::string_view format_as(tiers set) noexcept {
  return set == tiers::province ? "province" : set == tiers::commune ? "commune" : "province or commune";
}

// A kind of body, e.g. slug "noi-vu", "Sở Nội vụ", province tier, agency, fields it answers for.
struct body_kind_info {
  std::string slug;
  std::string name;
  tiers levels = tiers::province;
  body_category category = body_category::agency;
  std::vector<field_id> fields;
  // Title of the single post that heads each body of this kind (created with it), if any.
  post_title_id head_title = no_id<post_title_id>;
  // The top of its unit's chain of command (the Party Standing Committee in Vietnam).
  bool apex = false;
  // The name in units of each kind (by unit_kind index), where it differs from `name`:
  // "Thành ủy" rather than "Tỉnh ủy" in a municipality.
  std::vector<std::string> name_by_unit_kind;

  [[nodiscard]] std::string_view name_in(unit_kind k) const noexcept {
    const auto i = static_cast<std::size_t>(k);
    return i < name_by_unit_kind.size() && !name_by_unit_kind[i].empty() ? std::string_view(name_by_unit_kind[i])
                                                                          : std::string_view(name);
  }
};

// A post title, e.g. "director" / "Giám đốc". A single-holder title has one holder
// at any date; other titles (Vice-Chair, member) have as many seats as holders.
struct post_title_info {
  std::string slug;
  std::string name_vi;
  std::string name_en;
  bool single_holder = true;
};

// Registries with slug lookup. Ids are dense in insertion order.
// Complexity: add O(1) amortised, find O(1) expected.
class vocabulary {
 public:
  field_id add_field(field_info info);
  body_kind_id add_body_kind(body_kind_info info);
  post_title_id add_post_title(post_title_info info);

  // Out of line: their hash-map lookups would otherwise be instantiated in every file
  // that includes an organisation. O(1) expected.
  [[nodiscard]] std::optional<field_id> find_field(std::string_view slug) const;
  [[nodiscard]] std::optional<body_kind_id> find_body_kind(std::string_view slug) const;
  [[nodiscard]] std::optional<post_title_id> find_post_title(std::string_view slug) const;

  [[nodiscard]] const field_info& field(field_id id) const { return fields_[index_of(id)]; }
  [[nodiscard]] const body_kind_info& body_kind(body_kind_id id) const { return body_kinds_[index_of(id)]; }
  [[nodiscard]] body_kind_info& body_kind(body_kind_id id) { return body_kinds_[index_of(id)]; }
  [[nodiscard]] const post_title_info& post_title(post_title_id id) const { return post_titles_[index_of(id)]; }

  [[nodiscard]] const std::vector<field_info>& fields() const noexcept { return fields_; }
  [[nodiscard]] const std::vector<body_kind_info>& body_kinds() const noexcept { return body_kinds_; }
  [[nodiscard]] const std::vector<post_title_info>& post_titles() const noexcept { return post_titles_; }

  // Slugs joined for error messages ("expected one of: a, b, c").
  template <class Info>
  [[nodiscard]] static std::string slugs(const std::vector<Info>& infos) {
    std::string out;
    for (const auto& info : infos) detail::append_joined(out, ", ", info.slug);
    return out;
  }

 private:
  template <class id_type, class Info>
  static id_type add(std::vector<Info>& infos, std::unordered_map<std::string, std::size_t>& index, Info info) {
    LOCALGOV_ASSERT(!index.contains(info.slug), "slugs are unique within a vocabulary");
    LOCALGOV_ASSERT(infos.size() < index_of(no_id<id_type>), "vocabulary is full");
    index.emplace(info.slug, infos.size());
    infos.push_back(std::move(info));
    return id_at<id_type>(infos.size() - 1);
  }
  template <class Id>
  static std::optional<Id> find(const std::unordered_map<std::string, std::size_t>& index, std::string_view slug) {
    if (auto it = index.find(std::string(slug)); it != index.end()) return id_at<Id>(it->second);
    return std::nullopt;
  }

  std::vector<field_info> fields_;
  std::vector<body_kind_info> body_kinds_;
  std::vector<post_title_info> post_titles_;
  std::unordered_map<std::string, std::size_t> field_index_, body_kind_index_, post_title_index_;
};

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/vocabulary.ipp>
#endif
