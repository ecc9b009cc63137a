// Strong, dense ids for everything in an organisation; never raw graph descriptors.
#pragma once

#include <localgov/config.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <type_traits>

LOCALGOV_NAMESPACE_BEGIN

// Dense indices from 0, stable for the life of the organisation (nothing is ever removed).
enum class unit_id : std::uint32_t {};
enum class body_id : std::uint32_t {};
enum class post_id : std::uint32_t {};
enum class person_id : std::uint32_t {};
// Catalogue entries: what kinds of bodies, posts and fields exist.
enum class body_kind_id : std::uint16_t {};
enum class post_title_id : std::uint16_t {};
enum class field_id : std::uint16_t {};

template <class Id>
concept StrongId = std::is_enum_v<Id> && std::is_unsigned_v<std::underlying_type_t<Id>>;

// The sentinel "none" value of an id type.
template <StrongId Id>
inline constexpr Id no_id = static_cast<Id>(std::numeric_limits<std::underlying_type_t<Id>>::max());

template <StrongId Id>
[[nodiscard]] constexpr std::size_t index_of(Id id) noexcept {
  return static_cast<std::size_t>(id);
}
template <StrongId Id>
[[nodiscard]] constexpr Id id_at(std::size_t index) noexcept {
  return static_cast<Id>(index);
}

// The ids [0, n) of one type, in order: `for (proposal_id p : list.keys())`.
template <StrongId Id>
class id_range {
 public:
  class iterator {
   public:
    using value_type = Id;
    using difference_type = std::ptrdiff_t;
    constexpr iterator() = default;
    constexpr explicit iterator(std::size_t i) noexcept : i_(i) {}
    [[nodiscard]] constexpr Id operator*() const noexcept { return static_cast<Id>(i_); }
    constexpr iterator& operator++() noexcept { return ++i_, *this; }
    constexpr iterator operator++(int) noexcept { return iterator(i_++); }
    [[nodiscard]] friend constexpr bool operator==(iterator, iterator) noexcept = default;

   private:
    std::size_t i_ = 0;
  };
  constexpr explicit id_range(std::size_t n) noexcept : n_(n) {}
  [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(0); }
  [[nodiscard]] constexpr iterator end() const noexcept { return iterator(n_); }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return n_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return n_ == 0; }

 private:
  std::size_t n_;
};

static_assert(sizeof(unit_id) == 4 && sizeof(field_id) == 2, "ids are as small as their underlying integers");

LOCALGOV_NAMESPACE_END
