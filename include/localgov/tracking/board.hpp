// Status boards: counts by status, and overdue, for the country and every province,
// unit, agency and field, as flat counters indexed by dense ids.
#pragma once

#include <localgov/config.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/tracking/lifecycle.hpp>

#include <cstdint>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

enum class group_by : std::uint8_t { country, province, unit, agency, field };

[[nodiscard]] constexpr std::string_view format_as(group_by g) noexcept {
  constexpr std::string_view names[] = {"country", "province", "unit", "agency", "field"};
  return names[static_cast<std::size_t>(g)];
}

// Where a proposal is counted: one row in each grouping.
struct board_keys {
  unit_id unit;
  unit_id province;
  body_id agency;
  field_id field;
};

// Counters in one array: rows [country | provinces by unit id | units | agencies by
// body id | fields] × (statuses + overdue). Every change touches the five rows of its
// proposal and nothing else. Rows of provinces are indexed by the province's unit id,
// so a province row exists for every unit (unused for commune-tier ones).
class status_board {
 public:
  status_board() = default;
  status_board(std::size_t units, std::size_t bodies, std::size_t fields, std::size_t statuses)
      : units_(units), bodies_(bodies), fields_(fields), width_(statuses + 1),
        cells_((1 + 2 * units + bodies + fields) * (statuses + 1), 0) {}

  [[nodiscard]] std::size_t statuses() const noexcept { return width_ - 1; }

  // Index of a row; `key` is a unit index (province, unit), body index (agency) or
  // field index; ignored for the country.
  [[nodiscard]] std::size_t row(group_by g, std::size_t key) const noexcept {
    switch (g) {
      case group_by::country: return 0;
      case group_by::province: return 1 + key;
      case group_by::unit: return 1 + units_ + key;
      case group_by::agency: return 1 + 2 * units_ + key;
      case group_by::field: return 1 + 2 * units_ + bodies_ + key;
    }
    return 0;
  }
  [[nodiscard]] std::size_t key_count(group_by g) const noexcept {
    switch (g) {
      case group_by::country: return 1;
      case group_by::province:
      case group_by::unit: return units_;
      case group_by::agency: return bodies_;
      case group_by::field: return fields_;
    }
    return 0;
  }

  [[nodiscard]] std::uint32_t count(group_by g, std::size_t key, status_index s) const noexcept {
    return cells_[row(g, key) * width_ + s];
  }
  [[nodiscard]] std::uint32_t overdue(group_by g, std::size_t key) const noexcept {
    return cells_[row(g, key) * width_ + width_ - 1];
  }
  [[nodiscard]] std::uint32_t total(group_by g, std::size_t key) const noexcept {
    std::uint32_t sum = 0;
    const auto* r = &cells_[row(g, key) * width_];
    for (std::size_t s = 0; s + 1 < width_; ++s) sum += r[s];
    return sum;
  }

  // A proposal enters the board in status `s`. O(1): five rows.
  void add(const board_keys& k, status_index s) noexcept { bump(k, s, +1); }
  void remove(const board_keys& k, status_index s) noexcept { bump(k, s, -1); }
  void move(const board_keys& k, status_index from, status_index to) noexcept {
    auto step = [&](std::size_t row) {
      --cells_[row * width_ + from];
      ++cells_[row * width_ + to];
    };
    step(0);  // the rows are found once for both columns
    step(1 + index_of(k.province));
    step(1 + units_ + index_of(k.unit));
    if (k.agency != no_id<body_id>) step(1 + 2 * units_ + index_of(k.agency));
    step(1 + 2 * units_ + bodies_ + index_of(k.field));
  }
  void add_overdue(const board_keys& k) noexcept { bump(k, static_cast<status_index>(width_ - 1), +1); }

  // Bytes held by the counters.
  [[nodiscard]] std::size_t memory_bytes() const noexcept { return cells_.size() * sizeof(std::uint32_t); }
  friend bool operator==(const status_board&, const status_board&) = default;

 private:
  void bump(const board_keys& k, status_index column, int delta) noexcept {
    const auto d = static_cast<std::uint32_t>(delta);
    cells_[column] += d;
    cells_[(1 + index_of(k.province)) * width_ + column] += d;
    cells_[(1 + units_ + index_of(k.unit)) * width_ + column] += d;
    if (k.agency != no_id<body_id>) cells_[(1 + 2 * units_ + index_of(k.agency)) * width_ + column] += d;
    cells_[(1 + 2 * units_ + bodies_ + index_of(k.field)) * width_ + column] += d;
  }

  std::size_t units_ = 0, bodies_ = 0, fields_ = 0, width_ = 1;
  std::vector<std::uint32_t> cells_;
};

LOCALGOV_NAMESPACE_END
