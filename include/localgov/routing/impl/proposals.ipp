// Bodies of routing/proposals.hpp: adding with a duplicate as an error, copying and moving a
// proposal list (its id index refers to the list), reserving room.
#pragma once

#include <localgov/routing/proposals.hpp>

#include <string>
#include <utility>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL proposal_list& proposal_list::operator=(const proposal_list& other) {
  if (this == &other) return *this;
  id_cells_ = other.id_cells_, long_ids_ = other.long_ids_, titles_ = other.titles_, title_end_ = other.title_end_;
  keep_titles_ = other.keep_titles_;
  unit_ = other.unit_, field_ = other.field_, sector_ = other.sector_, via_ = other.via_;
  submitted_ = other.submitted_, lines_ = other.lines_, numbered_ = other.numbered_, reserved_ = other.reserved_;
  extras_ = other.extras_;
  source = other.source;
  index_ = detail::string_index<key_of>(key_of{this});
  index_started_ = false;
  if (other.index_started_) index_rows_before(static_cast<std::uint32_t>(size()));
  return *this;
}

LOCALGOV_DECL proposal_list& proposal_list::operator=(proposal_list&& other) noexcept {
  if (this == &other) return *this;
  id_cells_ = std::move(other.id_cells_), long_ids_ = std::move(other.long_ids_), titles_ = std::move(other.titles_);
  title_end_ = std::move(other.title_end_), keep_titles_ = other.keep_titles_;
  unit_ = std::move(other.unit_), field_ = std::move(other.field_), sector_ = std::move(other.sector_);
  via_ = std::move(other.via_), submitted_ = std::move(other.submitted_), lines_ = std::move(other.lines_);
  extras_ = std::move(other.extras_);
  numbered_ = std::move(other.numbered_), reserved_ = other.reserved_, index_started_ = other.index_started_;
  index_ = std::move(other.index_);
  index_.rebind(key_of{this});
  source = std::move(other.source);
  other.clear_after_move();
  return *this;
}

// A moved-from list is empty, and usable as one.
LOCALGOV_DECL void proposal_list::clear_after_move() noexcept {
  id_cells_.clear(), long_ids_.clear(), titles_.clear(), title_end_.clear();
  unit_.clear(), field_.clear(), sector_.clear(), via_.clear(), submitted_.clear(), extras_.clear();
  lines_ = detail::line_runs(), numbered_ = detail::numbered_ids(), reserved_ = 0, index_started_ = false;
  index_ = detail::string_index<key_of>(key_of{this});
  source.clear();
}

LOCALGOV_DECL proposal_id proposal_list::add(const proposal& p) {
  const auto r = try_add(p);
  if (!r.added)
    throw error("proposals.duplicate_id", "duplicate proposal id '" + std::string(p.id) + "' (already proposal " +
                                              std::to_string(index_of(r.key)) + " of the list)");
  return r.key;
}

LOCALGOV_DECL void proposal_list::throw_respondent(const proposal& p) {
  if (routed_by_respondent(p.via))
    throw error("proposals.no_respondent", "proposal " + std::string(p.id) + ": a " + std::string(format_as(p.via)) +
                                               " needs its respondent, the body (or post) it is against");
  throw error("proposals.respondent_not_taken", "proposal " + std::string(p.id) + ": a " + std::string(format_as(p.via)) +
                                                    " has no respondent (only complaints, second complaints and denunciations do)");
}

LOCALGOV_DECL void proposal_list::throw_unknown_key(proposal_id key) const {
  throw error("proposals.unknown_key", "no proposal " + std::to_string(index_of(key)) + " in a list of " +
                                           std::to_string(size()));
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

LOCALGOV_DECL proposal_list::proposal_list(proposal_list&& other) noexcept : proposal_list() { *this = std::move(other); }

LOCALGOV_DECL proposal_list::~proposal_list() = default;

LOCALGOV_NAMESPACE_END
