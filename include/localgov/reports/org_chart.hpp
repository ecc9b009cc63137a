// Organisation charts as Graphviz DOT: units as clusters, bodies as boxes listing their
// posts and holders, lines styled by kind. A small writer of the library's own, so that
// drawing a chart costs no Boost.Spirit (boost/graph/graphviz.hpp) at compile time.
//
//   reports::org_chart_options o;
//   o.units = {*org.find_unit("25"), *org.find_unit("04795")};
//   o.as_of = date(2025, 12, 16);
//   io::write_file_atomically("phu-tho.dot", reports::org_chart_dot(org, o));
//   // dot -Tpng phu-tho.dot -o phu-tho.png   (or io::render_dot, io/graphviz.hpp)
#pragma once

#include <localgov/config.hpp>
#include <localgov/date.hpp>
#include <localgov/model/organization.hpp>
#include <localgov/model/queries.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

LOCALGOV_NAMESPACE_BEGIN
namespace reports {

// Which posts a body's box lists.
enum class chart_posts : std::uint8_t {
  none,  // the body's name (and code) only
  held,  // posts with a holder (on the as-of date, when one is given)
  all,   // every post; vacant ones say so ("trống")
};

// The lines a chart can draw (holds is drawn as the names inside the boxes).
inline constexpr link_mask chart_lines{link_kind::part_of, link_kind::reports_to, link_kind::directs,
                                       link_kind::coordinates_with};

struct org_chart_options {
  // The units drawn, each as a cluster with all its bodies; empty: every province-tier
  // unit (the whole country: large).
  std::vector<unit_id> units;
  // Levels of units below each listed one that are drawn too: 0 the listed units only,
  // 1 also the commune-tier units under a listed province; negative: all levels.
  int depth = 0;
  // Kinds of lines drawn between bodies.
  link_mask lines = chart_lines;
  chart_posts posts = chart_posts::held;
  // Holders on this date; without one, every holder with the dates of a closed term.
  std::optional<date> as_of;
  // Bodies outside the drawn units at the far end of a drawn line (a ward's Party
  // Standing Committee reports to its province's) as small grey boxes, so that no line
  // is silently cut.
  bool context = true;
  // Body codes ("25/tai-chinh") in small type under the names.
  bool codes = true;
  // A key to the line styles.
  bool legend = true;
  std::string title;             // the chart's caption; none when empty
  std::string rankdir = "TB";    // TB (top to bottom) or LR (left to right)
  std::size_t wrap = 26;         // names wrap at spaces past this many code points
  std::string font = "DejaVu Sans";  // any font with Vietnamese glyphs
};

// DOT quoted string: quotes and backslashes escaped, line ends as \n (centred lines),
// carriage returns and other control characters dropped, invalid UTF-8 replaced by
// U+FFFD. Returns the string with its surrounding quotes. O(length).
[[nodiscard]] LOCALGOV_DECL std::string dot_quote(std::string_view text);

// Text for a DOT HTML-like label: & < > " ' as entities, line ends as <BR/>, control
// characters dropped, invalid UTF-8 replaced by U+FFFD. Backslashes are literal there.
// O(length).
[[nodiscard]] LOCALGOV_DECL std::string dot_html_escape(std::string_view text);

// Breaks text at spaces into lines of at most `width` code points (a longer word stays
// whole), joined by '\n'. O(length).
[[nodiscard]] LOCALGOV_DECL std::string wrap_words(std::string_view text, std::size_t width);

// The chart as DOT text. Bodies are nodes "b<index>", units clusters "cluster_u<index>";
// lines are drawn from the upper end to the lower one so that superiors sit above:
//   part_of           whole → part, hollow diamond at the whole, grey
//   reports_to        superior → subordinate, arrow at the superior, blue
//   directs           director → directed, dashed green
//   coordinates_with  dotted orange, no arrow, not used for ranking
// Only body-to-body lines are drawn; a body's place in its unit is its cluster. Labels are
// UTF-8 HTML-like labels, escaped. O(units + bodies + posts + holdings + edges).
[[nodiscard]] LOCALGOV_DECL std::string org_chart_dot(const organization_core& org,
                                                     const org_chart_options& options = {});

}  // namespace reports
LOCALGOV_NAMESPACE_END

#if LOCALGOV_HEADER_ONLY
#include <localgov/reports/impl/org_chart.ipp>
#endif
