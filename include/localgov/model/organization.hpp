// An organisation: units, bodies, posts, officials and the lines between them, on a
// Boost.Graph graph, addressed by strong ids and looked up by code.
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/graph.hpp>
#include <localgov/model/ids.hpp>
#include <localgov/model/unit_kinds.hpp>
#include <localgov/model/vocabulary.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN

namespace detail {

// The organisation's graph, held on the heap. Boost's adjacency_list (1.74) has no move
// constructor, so moving an organisation that held it directly would copy every vertex
// and edge; and its stored edges point at the graph's own edge vector, so it cannot be
// moved member by member either. Through a pointer it moves in O(1) (a moved-from
// holder has an empty graph) and copies deeply.
class graph_holder {
 public:
  graph_holder();
  graph_holder(const graph_holder& other);
  graph_holder(graph_holder&& other);
  graph_holder& operator=(const graph_holder& other);
  graph_holder& operator=(graph_holder&& other);
  ~graph_holder();

  [[nodiscard]] org_graph& operator*() noexcept { return *graph_; }
  [[nodiscard]] const org_graph& operator*() const noexcept { return *graph_; }
  [[nodiscard]] org_graph* operator->() noexcept { return graph_.get(); }

 private:
  std::unique_ptr<org_graph> graph_;
};

}  // namespace detail

// Where a unit or a holding was read from (line and columns in its file); zeros when
// built in code. Lets validate() point at the exact field.
struct unit_origin {
  std::uint32_t line = 0;
  std::uint32_t code_column = 0;
  std::uint32_t parent_column = 0;
};
struct holding_origin {
  std::uint32_t line = 0;
  std::uint32_t from_column = 0;
  std::uint32_t to_column = 0;
};

struct unit_record {
  std::string code;
  std::string name;
  unit_kind kind{};
  tier level = tier::province;
  unit_id parent = no_id<unit_id>;
  unit_origin origin;
  org_vertex vertex = 0;
  std::vector<unit_id> children;
  std::vector<body_id> bodies;
};

struct body_record {
  unit_id unit = no_id<unit_id>;
  body_kind_id kind = no_id<body_kind_id>;
  std::string name;  // empty: the kind's name
  org_vertex vertex = 0;
  std::vector<post_id> posts;
};

struct post_record {
  body_id body = no_id<body_id>;
  post_title_id title = no_id<post_title_id>;
  org_vertex vertex = 0;
  std::vector<std::uint32_t> holdings;  // indices into holdings()
};

struct person_record {
  std::string key;  // person_id as written in data files
  std::string name;
  org_vertex vertex = 0;
  std::vector<std::uint32_t> holdings;
};

// One person in one post over [from, to], both inclusive; `to` is date::max() while open.
struct holding {
  post_id post = no_id<post_id>;
  person_id person = no_id<person_id>;
  date from;
  date to = date::max();
  holding_origin origin;

  [[nodiscard]] constexpr bool covers(date d) const noexcept { return from <= d && d <= to; }
};

// Whether add_body() gives a body its kind's head post (Giám đốc, Chủ tịch, ...).
enum class with_head_post : bool { no, yes };

// The kind-erased organisation every algorithm takes. Build it with
// basic_organization<Traits> (typed units) or through the loaders in io/.
// Nothing is ever removed, so ids stay valid. Const member functions may be called
// from many threads at once; mutation needs exclusive access.
class organization_core {
 public:
  // These are declared here and defined in the .ipp so that a program built with separate
  // compilation does not compile the tables' construction, copies and destruction in
  // every file (an inline constructor instantiates every member's destructor, for the
  // case where a later member's constructor throws).
  organization_core(std::span<const unit_kind_info> kinds, vocabulary words);
  organization_core(const organization_core& other);
  organization_core(organization_core&& other);
  organization_core& operator=(const organization_core& other);
  organization_core& operator=(organization_core&& other);
  ~organization_core();

  // ---- vocabulary and kinds -------------------------------------------------------
  [[nodiscard]] const vocabulary& words() const noexcept { return words_; }
  // Adding to the vocabulary later is allowed (users add fields); ids stay valid.
  [[nodiscard]] vocabulary& words() noexcept { return words_; }
  [[nodiscard]] std::span<const unit_kind_info> unit_kinds() const noexcept { return kinds_; }
  [[nodiscard]] const unit_kind_info& kind_info(unit_kind k) const { return kinds_[static_cast<std::size_t>(k)]; }
  [[nodiscard]] std::optional<unit_kind> find_unit_kind(std::string_view slug) const;

  // ---- building ---------------------------------------------------------------------
  // Adds a unit with a kind known only at run time (e.g. from a file). The placement
  // rules are checked by validate(), which reports every violation at once; duplicate
  // codes are kept and reported there too. O(1) amortised.
  unit_id add_unit(std::string code, std::string name, unit_kind kind, unit_id parent = no_id<unit_id>,
                   unit_origin origin = {});

  // Places a unit under a parent after the fact (loaders resolve parents in a second
  // pass, so a file may list a unit before its province).
  void set_parent(unit_id child, unit_id parent);

  // Renames or reclassifies a unit within its tier (a commune becoming a ward, a province
  // a centrally-run city), as amendments do; codes, bodies and lines stay, and bodies'
  // names follow the new kind ("Thành ủy" once a province becomes a city). O(1).
  void amend_unit(unit_id id, std::string name, unit_kind kind);

  // Adds a body of a kind to a unit, with its head post when the kind names one (unless
  // told with_head_post::no). `name` overrides the kind's name (e.g. "Thành ủy" for a
  // municipality's Tỉnh ủy). O(bodies of the unit), for the duplicate check.
  body_id add_body(unit_id unit, body_kind_id kind, std::string name = {}, with_head_post head = with_head_post::yes);

  // Adds a post (a seat) with a title to a body. O(1) amortised.
  post_id add_post(body_id body, post_title_id title);

  // Adds a person, or returns the one with this key. O(1) expected.
  person_id add_person(std::string key, std::string name);

  // Seats a person in a post over [from, to]. Overlaps are reported by validate().
  void assign(person_id person, post_id post, date from, date to = date::max(), holding_origin origin = {});

  // Reporting lines between bodies.
  void add_line(body_id from, body_id to, link_kind kind, std::uint32_t line = 0);
  void reports_to(body_id subordinate, body_id superior) { add_line(subordinate, superior, link_kind::reports_to); }
  void directs(body_id director, body_id directed) { add_line(director, directed, link_kind::directs); }
  void coordinates_with(body_id a, body_id b) { add_line(a, b, link_kind::coordinates_with); }
  // A body inside another (the Standing Board inside the Party Committee).
  void part_of(body_id inner, body_id outer) { add_line(inner, outer, link_kind::part_of); }

  // Reserves room for a build of known size (the national preset knows it). Generous
  // figures cost address space only: pages are touched as the build fills them, whereas
  // an estimate that falls short copies the whole table (the edge table is 4 MiB).
  void reserve(std::size_t units, std::size_t bodies, std::size_t posts, std::size_t edges);

  // ---- sizes and records ----------------------------------------------------------------
  [[nodiscard]] std::size_t unit_count() const noexcept { return units_.size(); }
  [[nodiscard]] std::size_t body_count() const noexcept { return bodies_.size(); }
  [[nodiscard]] std::size_t post_count() const noexcept { return posts_.size(); }
  [[nodiscard]] std::size_t person_count() const noexcept { return persons_.size(); }

  [[nodiscard]] const unit_record& unit(unit_id id) const { return units_[index_of(id)]; }
  [[nodiscard]] const body_record& body(body_id id) const { return bodies_[index_of(id)]; }
  [[nodiscard]] const post_record& post(post_id id) const { return posts_[index_of(id)]; }
  [[nodiscard]] const person_record& person(person_id id) const { return persons_[index_of(id)]; }
  [[nodiscard]] const std::vector<unit_record>& units() const noexcept { return units_; }
  [[nodiscard]] const std::vector<body_record>& bodies() const noexcept { return bodies_; }
  [[nodiscard]] const std::vector<post_record>& posts() const noexcept { return posts_; }
  [[nodiscard]] const std::vector<person_record>& persons() const noexcept { return persons_; }
  [[nodiscard]] const std::vector<holding>& holdings() const noexcept { return holdings_; }

  // The province a unit belongs to: itself for a province-tier unit.
  [[nodiscard]] unit_id province_of(unit_id id) const {
    const auto& u = units_[index_of(id)];
    return u.level == tier::province || u.parent == no_id<unit_id> ? id : u.parent;
  }
  [[nodiscard]] const body_kind_info& kind_of(body_id id) const { return words_.body_kind(bodies_[index_of(id)].kind); }
  [[nodiscard]] std::string_view name_of(body_id id) const {
    const auto& b = bodies_[index_of(id)];
    return b.name.empty() ? words_.body_kind(b.kind).name_in(units_[index_of(b.unit)].kind) : std::string_view(b.name);
  }
  [[nodiscard]] tier tier_of(unit_id id) const { return units_[index_of(id)].level; }

  // "<unit code>/<kind slug>", e.g. "25/noi-vu": stable ASCII codes for bodies.
  [[nodiscard]] std::string code_of(body_id id) const;
  // "<body code>#<title slug>[#seat]", e.g. "25/tai-chinh#director".
  [[nodiscard]] std::string code_of(post_id id) const;
  // "Giám đốc Sở Tài chính".
  [[nodiscard]] std::string name_of(post_id id) const;
  // Every other id by the same two names: its code (the official unit code, the person's
  // key, the vocabulary slug) and its name (Vietnamese for the vocabulary).
  [[nodiscard]] std::string code_of(unit_id id) const { return units_[index_of(id)].code; }
  [[nodiscard]] std::string_view name_of(unit_id id) const { return units_[index_of(id)].name; }
  [[nodiscard]] std::string code_of(person_id id) const { return persons_[index_of(id)].key; }
  [[nodiscard]] std::string_view name_of(person_id id) const { return persons_[index_of(id)].name; }
  [[nodiscard]] std::string code_of(field_id id) const { return words_.field(id).slug; }
  [[nodiscard]] std::string_view name_of(field_id id) const { return words_.field(id).name_vi; }
  [[nodiscard]] std::string code_of(body_kind_id id) const { return words_.body_kind(id).slug; }
  [[nodiscard]] std::string_view name_of(body_kind_id id) const { return words_.body_kind(id).name; }
  [[nodiscard]] std::string code_of(post_title_id id) const { return words_.post_title(id).slug; }
  [[nodiscard]] std::string_view name_of(post_title_id id) const { return words_.post_title(id).name_vi; }

  // ---- lookup -------------------------------------------------------------------------
  // O(1) expected.
  [[nodiscard]] std::optional<unit_id> find_unit(std::string_view code) const;
  // The first body of a kind in a unit. O(bodies of the unit): a scan of a couple of
  // dozen kinds, two bytes each and usually adjacent, so no index to build or keep.
  [[nodiscard]] std::optional<body_id> find_body(unit_id unit, body_kind_id kind) const {
    if (index_of(unit) >= units_.size()) return std::nullopt;
    for (body_id b : units_[index_of(unit)].bodies)
      if (body_kinds_[index_of(b)] == kind) return b;
    return std::nullopt;
  }
  // By code "<unit code>/<kind slug>". O(1) expected for the unit, then as above.
  [[nodiscard]] std::optional<body_id> find_body(std::string_view code) const;
  [[nodiscard]] std::optional<person_id> find_person(std::string_view key) const;
  // The first post of a body with a title (its only one for a single-holder title).
  [[nodiscard]] std::optional<post_id> find_post(body_id body, post_title_id title) const;

  // ---- queries --------------------------------------------------------------------------
  // Who holds a post on a date; nullopt when vacant. O(holdings of the post).
  [[nodiscard]] std::optional<person_id> holder(post_id post, date on) const;
  // Every post a person holds on a date (concurrent posts, kiêm nhiệm).
  [[nodiscard]] std::vector<post_id> posts_of(person_id person, date on) const;
  // The body in a unit that answers for a field: the first of the unit's bodies (in
  // the order they were added) whose kind lists the field. O(bodies of the unit).
  [[nodiscard]] std::optional<body_id> responsible_body(unit_id unit, field_id field) const;
  // The apex of a unit's chain of command (its Party Standing Committee), if any.
  [[nodiscard]] std::optional<body_id> apex_of(unit_id unit) const;

  // ---- the graph ----------------------------------------------------------------------
  // For Boost.Graph algorithms; vertex bundles say which record a vertex stands for.
  [[nodiscard]] const org_graph& graph() const noexcept { return *graph_; }
  [[nodiscard]] org_vertex vertex_of(node_ref n) const {
    switch (n.kind) {
      case node_kind::unit: return units_[n.index].vertex;
      case node_kind::body: return bodies_[n.index].vertex;
      case node_kind::post: return posts_[n.index].vertex;
      case node_kind::person: return persons_[n.index].vertex;
    }
    return 0;
  }
  [[nodiscard]] node_ref node_at(org_vertex v) const { return (*graph_)[v]; }
  // A stable code for any node: unit code, body code, post code, person key.
  [[nodiscard]] std::string code_of(node_ref n) const;
  // A readable name for any node.
  [[nodiscard]] std::string display_name(node_ref n) const;

  // Pairs (first, later) of units and bodies that share a code, for validate().
  [[nodiscard]] const std::vector<std::pair<unit_id, unit_id>>& duplicate_units() const noexcept { return duplicate_units_; }
  [[nodiscard]] const std::vector<std::pair<body_id, body_id>>& duplicate_bodies() const noexcept {
    return duplicate_bodies_;
  }

  // Where the inputs came from, for messages that cite file and line.
  std::string units_source;
  std::string officials_source;
  std::string lines_source;

 private:
  org_vertex add_vertex(node_ref n);
  void add_edge(org_vertex from, org_vertex to, link what);
  void attach(unit_id child, unit_id parent);

  std::vector<unit_kind_info> kinds_;
  vocabulary words_;
  detail::graph_holder graph_;
  std::vector<unit_record> units_;
  std::vector<body_record> bodies_;
  std::vector<body_kind_id> body_kinds_;  // bodies_[i].kind, dense, for find_body()
  std::vector<post_record> posts_;
  std::vector<person_record> persons_;
  std::vector<holding> holdings_;
  std::unordered_map<std::string, unit_id> unit_by_code_;
  std::unordered_map<std::string, person_id> person_by_key_;
  std::vector<std::pair<unit_id, unit_id>> duplicate_units_;
  std::vector<std::pair<body_id, body_id>> duplicate_bodies_;
};

// An organisation whose unit kinds are the types in Traits::unit_kinds, so that the
// compiler enforces the placement rule on typed handles:
//   auto phu_tho = org.add_unit<province>("25", "Tỉnh Phú Thọ");
//   auto hoa_binh = org.add_unit<ward>("04795", "Phường Hòa Bình", phu_tho);
//   org.add_unit<ward>("x", "y", hoa_binh);  // error: a commune-tier unit can only be placed under ...
template <OrganizationTraits Traits = vietnam_traits>
class basic_organization : public organization_core {
 public:
  using traits_type = Traits;
  using organization_core::add_unit;

  explicit basic_organization(vocabulary words = {})
      : organization_core(std::span<const unit_kind_info>(Traits::unit_kinds::infos), std::move(words)) {}

  // A province-tier unit (no parent).
  template <UnitKind Kind>
  unit_ref<Kind> add_unit(std::string code, std::string name) {
    static_assert(Traits::unit_kinds::template contains<Kind>, "this unit kind is not one of the traits' unit_kinds");
    static_assert(Kind::level == tier::province,
                  "a commune-tier unit needs a parent: pass a province-tier unit_ref as the third argument");
    return {add_unit(std::move(code), std::move(name), Traits::unit_kinds::template kind_of<Kind>())};
  }

  // A commune-tier unit under a province-tier unit.
  template <UnitKind Kind, UnitKind ParentKind>
  unit_ref<Kind> add_unit(std::string code, std::string name, unit_ref<ParentKind> parent) {
    static_assert(Traits::unit_kinds::template contains<Kind>, "this unit kind is not one of the traits' unit_kinds");
    static_assert(can_be_placed_under<Kind, ParentKind>,
                  "a commune-tier unit can only be placed under a province-tier unit");
    return {add_unit(std::move(code), std::move(name), Traits::unit_kinds::template kind_of<Kind>(), parent.id)};
  }

  // Narrows a runtime unit to a typed handle when its kind is Kind.
  template <UnitKind Kind>
  [[nodiscard]] std::optional<unit_ref<Kind>> as(unit_id id) const {
    if (unit(id).kind != Traits::unit_kinds::template kind_of<Kind>()) return std::nullopt;
    return unit_ref<Kind>{id};
  }
};

using organization = basic_organization<>;

LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/model/impl/organization.ipp>
#endif
