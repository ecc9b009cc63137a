// Bodies of routing/proposals.hpp: copying a proposal list (rebuilding its id index) and reserving room.
#pragma once

#include <localgov/routing/proposals.hpp>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL proposal_list& proposal_list::operator=(const proposal_list& other) {
  if (this == &other) return *this;
  id_cells_ = other.id_cells_, long_ids_ = other.long_ids_, titles_ = other.titles_, title_end_ = other.title_end_;
  keep_titles_ = other.keep_titles_;
  unit_ = other.unit_, field_ = other.field_, sector_ = other.sector_, via_ = other.via_;
  submitted_ = other.submitted_, lines_ = other.lines_, numbered_ = other.numbered_, reserved_ = other.reserved_;
  index_ = detail::string_index<key_of>(key_of{this});
  index_started_ = false;
  if (other.index_started_) index_rows_before(static_cast<std::uint32_t>(size()));
  return *this;
}

LOCALGOV_DECL void proposal_list::reserve(std::size_t n, std::size_t id_bytes, std::size_t title_bytes) {
  id_cells_.reserve(n), unit_.reserve(n), field_.reserve(n), sector_.reserve(n);
  if (keep_titles_) title_end_.reserve(n);
  via_.reserve(n), submitted_.reserve(n);
  reserved_ = std::max(reserved_, n);
  if (index_started_) index_.reserve(n);
  long_ids_.reserve(id_bytes), titles_.reserve(title_bytes);
}

LOCALGOV_DECL proposal_list::proposal_list() : index_(key_of{this}) {}

LOCALGOV_DECL proposal_list::proposal_list(const proposal_list& other) : proposal_list() { *this = other; }

LOCALGOV_DECL proposal_list::~proposal_list() = default;

LOCALGOV_NAMESPACE_END
