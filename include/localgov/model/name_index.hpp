// Finds units by name, ignoring case, diacritics and tone-mark placement, best match first.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/organization.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

// How well a name matched, best first.
enum class match_rank : std::uint8_t {
  exact,     // the same bytes
  same,      // equal but for case, spacing or tone-mark placement ("Hoà" = "Hòa")
  folded,    // equal without diacritics ("hoa binh" = "Hòa Bình")
  prefix,    // the name starts with the query, without diacritics
  word,      // a later word of the name starts with the query, without diacritics
};

[[nodiscard]] constexpr std::string_view format_as(match_rank r) noexcept {
  constexpr std::string_view names[] = {"exact", "same", "folded", "prefix", "word"};
  return names[static_cast<std::size_t>(r)];
}

struct name_match {
  unit_id unit;
  match_rank rank;
};

struct name_filter {
  std::optional<unit_id> province;  // only units of this province (or the province itself)
  std::optional<unit_kind> kind;
  std::size_t limit = SIZE_MAX;
};

// The folded forms of every unit name, built once: both the full official name
// ("Phường Hòa Bình") and the name without its kind word ("Hòa Bình") match.
class name_index {
 public:
  // O(total length of names).
  explicit name_index(const organization_core& org);

  // Units whose name matches `query`, ranked exact, same, folded, prefix, word; within a
  // rank, shorter names first, then by code. O(units × name length).
  [[nodiscard]] std::vector<name_match> find(std::string_view query, const name_filter& filter = {}) const;

 private:
  struct entry {
    std::string bare;
    std::string case_full, case_bare;
    std::string folded_full, folded_bare;
  };

  [[nodiscard]] std::optional<match_rank> rank_of(std::size_t i, std::string_view query, const std::string& q_case,
                                                  const std::string& q_name) const;

  const organization_core* org_;
  std::vector<entry> entries_;
};

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/name_index.ipp>
#endif
