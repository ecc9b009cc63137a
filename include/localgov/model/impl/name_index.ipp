// Bodies of model/name_index.hpp: folding every unit name, and the ranked search.
#pragma once

#include <localgov/model/name_index.hpp>

#include <localgov/detail/fold.hpp>

#include <algorithm>
#include <string>
#include <string_view>

LOCALGOV_NAMESPACE_BEGIN

LOCALGOV_DECL name_index::name_index(const organization_core& org) : org_(&org) {
  entries_.reserve(org.unit_count());
  for (std::size_t i = 0; i < org.unit_count(); ++i) {
    const auto& u = org.unit(id_at<unit_id>(i));
    std::string_view bare = u.name;
    const auto prefix = org.kind_info(u.kind).name_prefix;
    if (!prefix.empty() && bare.size() > prefix.size() + 1 && bare.starts_with(prefix) && bare[prefix.size()] == ' ')
      bare.remove_prefix(prefix.size() + 1);
    entries_.push_back({std::string(bare), detail::fold_case(u.name), detail::fold_case(bare),
                        detail::fold_name(u.name), detail::fold_name(bare)});
  }
}

LOCALGOV_DECL std::vector<name_match> name_index::find(std::string_view query, const name_filter& filter) const {
  std::vector<name_match> out;
  const std::string q_case = detail::fold_case(query);
  const std::string q_name = detail::fold_name(query);
  if (q_name.empty()) return out;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto id = id_at<unit_id>(i);
    const auto& u = org_->unit(id);
    if (filter.kind && u.kind != *filter.kind) continue;
    if (filter.province && org_->province_of(id) != *filter.province) continue;
    if (const auto rank = rank_of(i, query, q_case, q_name)) out.push_back({id, *rank});
  }
  std::sort(out.begin(), out.end(), [&](const name_match& a, const name_match& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    const auto& ua = org_->unit(a.unit);
    const auto& ub = org_->unit(b.unit);
    if (ua.name.size() != ub.name.size()) return ua.name.size() < ub.name.size();
    return ua.code < ub.code;
  });
  if (out.size() > filter.limit) out.resize(filter.limit);
  return out;
}

LOCALGOV_DECL std::optional<match_rank> name_index::rank_of(std::size_t i, std::string_view query,
                                                         const std::string& q_case, const std::string& q_name) const {
  const auto& e = entries_[i];
  const auto& name = org_->unit(id_at<unit_id>(i)).name;
  if (query == name || query == e.bare) return match_rank::exact;
  if (q_case == e.case_full || q_case == e.case_bare) return match_rank::same;
  if (q_name == e.folded_full || q_name == e.folded_bare) return match_rank::folded;
  if (e.folded_full.starts_with(q_name) || e.folded_bare.starts_with(q_name)) return match_rank::prefix;
  for (std::size_t at = e.folded_full.find(q_name); at != std::string::npos; at = e.folded_full.find(q_name, at + 1))
    if (at > 0 && e.folded_full[at - 1] == ' ') return match_rank::word;
  return std::nullopt;
}

LOCALGOV_NAMESPACE_END
