// Bodies of model/organization.hpp: the graph holder, building, and the string-building queries.
#pragma once

#include <localgov/model/organization.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

LOCALGOV_DECL graph_holder::graph_holder() : graph_(std::make_unique<org_graph>()) {}
LOCALGOV_DECL graph_holder::graph_holder(const graph_holder& other) : graph_(std::make_unique<org_graph>(*other.graph_)) {}
LOCALGOV_DECL graph_holder::graph_holder(graph_holder&& other)
    : graph_(std::exchange(other.graph_, std::make_unique<org_graph>())) {}
LOCALGOV_DECL graph_holder& graph_holder::operator=(const graph_holder& other) {
  if (this != &other) graph_ = std::make_unique<org_graph>(*other.graph_);
  return *this;
}
LOCALGOV_DECL graph_holder& graph_holder::operator=(graph_holder&& other) {
  if (this != &other) graph_ = std::exchange(other.graph_, std::make_unique<org_graph>());
  return *this;
}
LOCALGOV_DECL graph_holder::~graph_holder() = default;

}  // namespace detail

LOCALGOV_DECL unit_id organization_core::add_unit(std::string code, std::string name, unit_kind kind, unit_id parent,
                                                  unit_origin origin) {
  const auto id = id_at<unit_id>(units_.size());
  unit_record u;
  u.level = kind_info(kind).level;
  u.kind = kind;
  u.parent = parent;
  u.origin = origin;
  u.vertex = add_vertex({node_kind::unit, static_cast<std::uint32_t>(units_.size())});
  if (auto [it, inserted] = unit_by_code_.try_emplace(code, id); !inserted) duplicate_units_.emplace_back(it->second, id);
  u.code = std::move(code);
  u.name = std::move(name);
  units_.push_back(std::move(u));
  if (parent != no_id<unit_id>) attach(id, parent);
  return id;
}

LOCALGOV_DECL void organization_core::set_parent(unit_id child, unit_id parent) {
  LOCALGOV_ASSERT(units_[index_of(child)].parent == no_id<unit_id>, "a unit is placed once");
  units_[index_of(child)].parent = parent;
  attach(child, parent);
}

LOCALGOV_DECL body_id organization_core::add_body(unit_id unit, body_kind_id kind, std::string name, with_head_post head_post) {
  const auto id = id_at<body_id>(bodies_.size());
  if (const auto first = find_body(unit, kind)) duplicate_bodies_.emplace_back(*first, id);
  body_record b;
  b.unit = unit;
  b.kind = kind;
  b.name = std::move(name);
  b.vertex = add_vertex({node_kind::body, static_cast<std::uint32_t>(bodies_.size())});
  add_edge(b.vertex, units_[index_of(unit)].vertex, link{link_kind::part_of, 0});
  bodies_.push_back(std::move(b));
  body_kinds_.push_back(kind);
  units_[index_of(unit)].bodies.push_back(id);
  if (const auto head = words_.body_kind(kind).head_title; head_post == with_head_post::yes && head != no_id<post_title_id>) add_post(id, head);
  return id;
}

LOCALGOV_DECL post_id organization_core::add_post(body_id body, post_title_id title) {
  const auto id = id_at<post_id>(posts_.size());
  post_record p;
  p.body = body;
  p.title = title;
  p.vertex = add_vertex({node_kind::post, static_cast<std::uint32_t>(posts_.size())});
  add_edge(p.vertex, bodies_[index_of(body)].vertex, link{link_kind::part_of, 0});
  posts_.push_back(std::move(p));
  bodies_[index_of(body)].posts.push_back(id);
  return id;
}

LOCALGOV_DECL person_id organization_core::add_person(std::string key, std::string name) {
  if (auto it = person_by_key_.find(key); it != person_by_key_.end()) return it->second;
  const auto id = id_at<person_id>(persons_.size());
  person_record p;
  p.vertex = add_vertex({node_kind::person, static_cast<std::uint32_t>(persons_.size())});
  person_by_key_.emplace(key, id);
  p.key = std::move(key);
  p.name = std::move(name);
  persons_.push_back(std::move(p));
  return id;
}

LOCALGOV_DECL void organization_core::assign(person_id person, post_id post, date from, date to, holding_origin origin) {
  const auto index = static_cast<std::uint32_t>(holdings_.size());
  holdings_.push_back({post, person, from, to, origin});
  posts_[index_of(post)].holdings.push_back(index);
  persons_[index_of(person)].holdings.push_back(index);
  add_edge(persons_[index_of(person)].vertex, posts_[index_of(post)].vertex, link{link_kind::holds, origin.line});
}

LOCALGOV_DECL void organization_core::add_line(body_id from, body_id to, link_kind kind, std::uint32_t line) {
  LOCALGOV_ASSERT(kind != link_kind::holds, "holds lines come from assign()");
  add_edge(bodies_[index_of(from)].vertex, bodies_[index_of(to)].vertex, link{kind, line});
}

LOCALGOV_DECL void organization_core::reserve(std::size_t units, std::size_t bodies, std::size_t posts, std::size_t edges) {
  units_.reserve(units);
  bodies_.reserve(bodies);
  body_kinds_.reserve(bodies);
  posts_.reserve(posts);
  unit_by_code_.reserve(units);
  graph_->m_vertices.reserve(units + bodies + posts);
  graph_->m_edges.reserve(edges);
}

LOCALGOV_DECL std::string organization_core::code_of(post_id id) const {
  const auto& p = posts_[index_of(id)];
  std::string code = code_of(p.body) + '#' + words_.post_title(p.title).slug;
  std::size_t seat = 0;
  for (post_id other : bodies_[index_of(p.body)].posts) {
    if (other == id) break;
    seat += posts_[index_of(other)].title == p.title;
  }
  if (seat > 0) code += '#' + std::to_string(seat + 1);
  return code;
}

LOCALGOV_DECL std::vector<post_id> organization_core::posts_of(person_id person, date on) const {
  std::vector<post_id> out;
  for (auto h : persons_[index_of(person)].holdings)
    if (holdings_[h].covers(on)) out.push_back(holdings_[h].post);
  return out;
}

LOCALGOV_DECL std::optional<body_id> organization_core::responsible_body(unit_id unit, field_id field) const {
  for (body_id b : units_[index_of(unit)].bodies) {
    const auto& fields = kind_of(b).fields;
    if (std::find(fields.begin(), fields.end(), field) != fields.end()) return b;
  }
  return std::nullopt;
}

LOCALGOV_DECL std::string organization_core::code_of(node_ref n) const {
  switch (n.kind) {
    case node_kind::unit: return units_[n.index].code;
    case node_kind::body: return code_of(id_at<body_id>(n.index));
    case node_kind::post: return code_of(id_at<post_id>(n.index));
    case node_kind::person: return persons_[n.index].key;
  }
  return {};
}

LOCALGOV_DECL std::string organization_core::display_name(node_ref n) const {
  switch (n.kind) {
    case node_kind::unit: return units_[n.index].name;
    case node_kind::body: return std::string(name_of(id_at<body_id>(n.index)));
    case node_kind::post: return name_of(id_at<post_id>(n.index));
    case node_kind::person: return persons_[n.index].name;
  }
  return {};
}

LOCALGOV_DECL org_vertex organization_core::add_vertex(node_ref n) { return boost::add_vertex(n, *graph_); }
LOCALGOV_DECL void organization_core::add_edge(org_vertex from, org_vertex to, link what) {
  boost::add_edge(from, to, what, *graph_);
}
LOCALGOV_DECL void organization_core::attach(unit_id child, unit_id parent) {
  if (index_of(parent) >= units_.size()) return;  // validate() reports it
  units_[index_of(parent)].children.push_back(child);
  add_edge(units_[index_of(child)].vertex, units_[index_of(parent)].vertex, link{link_kind::part_of, 0});
}

LOCALGOV_DECL organization_core::organization_core(std::span<const unit_kind_info> kinds, vocabulary words)
    : kinds_(kinds.begin(), kinds.end()), words_(std::move(words)) {}
LOCALGOV_DECL organization_core::organization_core(const organization_core& other) = default;
LOCALGOV_DECL organization_core::organization_core(organization_core&& other) = default;
LOCALGOV_DECL organization_core& organization_core::operator=(const organization_core& other) = default;
LOCALGOV_DECL organization_core& organization_core::operator=(organization_core&& other) = default;
LOCALGOV_DECL organization_core::~organization_core() = default;

LOCALGOV_DECL std::string organization_core::code_of(body_id id) const {
  const auto& b = bodies_[index_of(id)];
  return units_[index_of(b.unit)].code + '/' + words_.body_kind(b.kind).slug;
}

LOCALGOV_DECL std::optional<body_id> organization_core::find_body(std::string_view code) const {
  const auto slash = code.rfind('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto unit = find_unit(code.substr(0, slash));
  const auto kind = words_.find_body_kind(code.substr(slash + 1));
  if (!unit || !kind) return std::nullopt;
  return find_body(*unit, *kind);
}

LOCALGOV_DECL std::optional<unit_kind> organization_core::find_unit_kind(std::string_view slug) const {
  for (std::size_t i = 0; i < kinds_.size(); ++i)
    if (kinds_[i].slug == slug) return static_cast<unit_kind>(i);
  return std::nullopt;
}

LOCALGOV_DECL void organization_core::amend_unit(unit_id id, std::string name, unit_kind kind) {
  auto& u = units_[index_of(id)];
  LOCALGOV_ASSERT(kind_info(kind).level == u.level, "an amendment keeps the unit's tier");
  u.name = std::move(name);
  u.kind = kind;
}

LOCALGOV_DECL std::string organization_core::name_of(post_id id) const {
  const auto& p = posts_[index_of(id)];
  return words_.post_title(p.title).name_vi + ' ' + std::string(name_of(p.body));
}

LOCALGOV_DECL std::optional<unit_id> organization_core::find_unit(std::string_view code) const {
  if (auto it = unit_by_code_.find(std::string(code)); it != unit_by_code_.end()) return it->second;
  return std::nullopt;
}

LOCALGOV_DECL std::optional<person_id> organization_core::find_person(std::string_view key) const {
  if (auto it = person_by_key_.find(std::string(key)); it != person_by_key_.end()) return it->second;
  return std::nullopt;
}

LOCALGOV_DECL std::optional<post_id> organization_core::find_post(body_id body, post_title_id title) const {
  for (post_id p : bodies_[index_of(body)].posts)
    if (posts_[index_of(p)].title == title) return p;
  return std::nullopt;
}

LOCALGOV_DECL std::optional<person_id> organization_core::holder(post_id post, date on) const {
  for (auto h : posts_[index_of(post)].holdings)
    if (holdings_[h].covers(on)) return holdings_[h].person;
  return std::nullopt;
}

LOCALGOV_DECL std::optional<body_id> organization_core::apex_of(unit_id unit) const {
  for (body_id b : units_[index_of(unit)].bodies)
    if (kind_of(b).apex) return b;
  return std::nullopt;
}

LOCALGOV_NAMESPACE_END
