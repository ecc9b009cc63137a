// Unit kinds as types: which tier each belongs to, and the compile-time placement rule.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/ids.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

LOCALGOV_NAMESPACE_BEGIN

// The two local tiers since 1 July 2025 (the district tier was abolished).
enum class tier : std::uint8_t { province, commune };

[[nodiscard]] constexpr std::string_view format_as(tier t) noexcept {
  return t == tier::province ? "province" : "commune";
}

// A unit kind is a tag type naming its tier, a stable slug (as in data files), a
// display name, and the word official names start with ("Phường Hòa Bình"), which
// name search may leave out. Users model other governments by declaring their own tags.
template <class K>
concept UnitKind = requires {
  { K::level } -> std::convertible_to<tier>;
  { K::slug } -> std::convertible_to<std::string_view>;
  { K::display_name } -> std::convertible_to<std::string_view>;
  { K::name_prefix } -> std::convertible_to<std::string_view>;
};

// Vietnam's five kinds (Decision 19/2025/QĐ-TTg).
struct province {
  static constexpr std::string_view name_prefix = "Tỉnh";
  static constexpr tier level = tier::province;
  static constexpr std::string_view slug = "province";
  static constexpr std::string_view display_name = "Tỉnh";
};
struct municipality {
  static constexpr std::string_view name_prefix = "Thành phố";
  static constexpr tier level = tier::province;
  static constexpr std::string_view slug = "municipality";
  static constexpr std::string_view display_name = "Thành phố trực thuộc trung ương";
};
struct commune {
  static constexpr std::string_view name_prefix = "Xã";
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "commune";
  static constexpr std::string_view display_name = "Xã";
};
struct ward {
  static constexpr std::string_view name_prefix = "Phường";
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "ward";
  static constexpr std::string_view display_name = "Phường";
};
struct special_zone {
  static constexpr std::string_view name_prefix = "Đặc khu";
  static constexpr tier level = tier::commune;
  static constexpr std::string_view slug = "special_zone";
  static constexpr std::string_view display_name = "Đặc khu";
};

// A runtime unit kind: the index of its tag in the traits' kind list.
enum class unit_kind : std::uint8_t {};

struct unit_kind_info {
  std::string_view slug;
  std::string_view display_name;
  tier level;
  std::string_view name_prefix;
};

template <UnitKind... Kinds>
struct kind_list {
  static constexpr std::size_t size = sizeof...(Kinds);
  static constexpr std::array<unit_kind_info, size> infos{
      unit_kind_info{Kinds::slug, Kinds::display_name, Kinds::level, Kinds::name_prefix}...};

  template <class K>
  static constexpr bool contains = (std::is_same_v<K, Kinds> || ...);

  // Position of K in the list; only valid when contains<K>.
  template <class K>
  static constexpr unit_kind kind_of() noexcept {
    std::size_t index = 0, found = 0;
    ((std::is_same_v<K, Kinds> ? (found = index, ++index) : ++index), ...);
    return static_cast<unit_kind>(found);
  }
};

// A handle to a unit whose kind is known at compile time. Cheap to copy (4 bytes).
template <UnitKind Kind>
struct unit_ref {
  using kind_type = Kind;
  unit_id id = no_id<unit_id>;
  friend constexpr bool operator==(unit_ref, unit_ref) = default;
};

// The placement rule: a commune-tier unit lies under a province-tier unit; a
// province-tier unit has no parent. Checked at compile time for typed handles.
template <UnitKind Child, UnitKind Parent>
inline constexpr bool can_be_placed_under = Child::level == tier::commune && Parent::level == tier::province;

// The default traits: Vietnam's five unit kinds.
struct vietnam_traits {
  using unit_kinds = kind_list<province, municipality, commune, ward, special_zone>;
};

template <class T>
concept OrganizationTraits = requires { T::unit_kinds::size; };

LOCALGOV_NAMESPACE_END
