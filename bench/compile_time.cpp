// bench_compile_time --data DIR [--cxx COMPILER] [--runs N]
//
// Compile time is a feature (STYLE.md): how long one translation unit takes to compile
// when it includes <localgov/localgov.hpp> and uses the model, routing and tracking,
// against a peer measured in the same run with the same flags — a translation unit that
// includes only <boost/graph/adjacency_list.hpp> (localgov's engine) and builds a graph.
// Target: the full TU costs at most 1.5x the peer. The full TU is timed twice: header-only
// (the default) and with LOCALGOV_SEPARATE_COMPILATION (config.hpp), where the library's
// bodies come from <localgov/src.hpp>, compiled once per build (timed as localgov_src).
// Light TUs (fwd.hpp, one module without the others) are timed too and must cost far less.
//
// Each TU is written to a scratch directory and compiled with
//   COMPILER -std=c++20 -O2 -I<DIR/../include> -c TU.cpp -o TU.o
// N times (default 5), interleaved; the median CPU time (user + system, from
// getrusage(RUSAGE_CHILDREN): robust on a loaded machine) and wall-clock time of each
// are reported, and the ratios use CPU time. COMPILER defaults to $CXX, else c++.
#include "bench_util.hpp"
#include "options.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>

namespace {

double children_cpu_ms() {
  rusage u{};
  getrusage(RUSAGE_CHILDREN, &u);
  return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
          static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3);
}


struct unit {
  std::string name;
  std::string what;
  std::string source;
  bool separate = false;  // compiled with -DLOCALGOV_SEPARATE_COMPILATION
};

// The TU that uses model, routing and tracking; compiled in both modes.
constexpr const char* full_source =
    "#include <localgov/localgov.hpp>\n"
    "#include <cstdio>\n"
    "int main(int argc, char** argv) {\n"
    "  using namespace localgov;\n"
    "  if (argc < 3) return 2;\n"
    "  auto org = presets::load_vietnam_2025(argv[1]);\n"
    "  const auto problems = validate(org);\n"
    "  const auto division = *org.find_body(\"04795/phong-kinh-te\");\n"
    "  std::size_t n = problems.size();\n"
    "  for (auto node : chain_of_command(org, {node_kind::body, std::uint32_t(index_of(division))}))\n"
    "    n += org.display_name(node).size();\n"
    "  const name_index names(org);\n"
    "  n += names.find(\"hoa binh\").size();\n"
    "  const auto rules = presets::vietnam_rules(org.words());\n"
    "  const routing_table table(org, rules, presets::vietnam_calendar());\n"
    "  proposal_list proposals;\n"
    "  io::read_proposals(org, proposals, io::read_file(argv[2]), argv[2]);\n"
    "  tracker track(table, proposals);\n"
    "  for (std::uint32_t i = 0; i < proposals.size(); ++i) {\n"
    "    const auto p = static_cast<proposal_id>(i);\n"
    "    if (const auto r = table.route(proposals.unit(p), proposals.field(p), proposals.via(p), proposals.submitted(p)))\n"
    "      n += org.code_of(r->lead).size();\n"
    "  }\n"
    "  const auto report = reports::make_status_report(track, date(2026, 3, 31), group_by::agency);\n"
    "  std::printf(\"%zu %s\", n, reports::status_table(report).text().c_str());\n"
    "}\n";

const std::vector<unit>& units() {
  static const std::vector<unit> all = {
      {"boost_adjacency_list", "peer: <boost/graph/adjacency_list.hpp> only",
       "#include <boost/graph/adjacency_list.hpp>\n"
       "struct vertex_info { int kind; };\n"
       "struct edge_info { int kind; };\n"
       "int main() {\n"
       "  boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, vertex_info, edge_info> g(4);\n"
       "  boost::add_edge(0, 1, edge_info{1}, g);\n"
       "  boost::add_edge(1, 2, edge_info{2}, g);\n"
       "  int n = 0;\n"
       "  for (auto [e, end] = boost::out_edges(1, g); e != end; ++e) n += g[*e].kind + g[boost::target(*e, g)].kind;\n"
       "  return n + static_cast<int>(boost::num_vertices(g));\n"
       "}\n"},
      {"localgov_full", "<localgov/localgov.hpp>: model, routing, tracking", full_source},
      {"localgov_separate", "the same, LOCALGOV_SEPARATE_COMPILATION", full_source, true},
      {"localgov_src", "<localgov/src.hpp>: the compiled part, built once", "#include <localgov/src.hpp>\n", true},
      {"fwd_only", "<localgov/fwd.hpp> only",
       "#include <localgov/fwd.hpp>\n"
       "int main() { localgov::unit_id* u = nullptr; return u == nullptr ? 0 : 1; }\n"},
      {"csv_only", "io: <localgov/io/csv.hpp> only",
       "#include <localgov/io/csv.hpp>\n"
       "int main() {\n"
       "  localgov::io::csv_reader csv(std::string_view(\"a,b\\n1,2\\n\"), \"x.csv\");\n"
       "  int n = 0;\n"
       "  while (csv.next()) n += static_cast<int>(csv.field(0).size());\n"
       "  return n;\n"
       "}\n"},
      {"model_only", "model: <localgov/model/organization.hpp> + queries",
       "#include <localgov/model/organization.hpp>\n"
       "#include <localgov/model/queries.hpp>\n"
       "int main() {\n"
       "  localgov::organization org;\n"
       "  return static_cast<int>(org.unit_count() + localgov::chain_of_command(org, {localgov::node_kind::unit, 0}).size());\n"
       "}\n"},
      {"calendar_only", "routing: <localgov/routing/calendar.hpp> only",
       "#include <localgov/routing/calendar.hpp>\n"
       "int main() { return localgov::date(2026, 1, 5).to_string().size() > 0 ? 0 : 1; }\n"},
  };
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data, cxx = std::getenv("CXX") && *std::getenv("CXX") ? std::getenv("CXX") : "c++";
  int runs = 5;
  bench::options command_line("bench_compile_time",
                              "Times COMPILER -std=c++20 -O2 -c on a TU using <localgov/localgov.hpp> and on\n"
                              "one including only <boost/graph/adjacency_list.hpp> (and on light localgov TUs),\n"
                              "N runs each, and prints the medians and the ratios. The headers are taken from\n"
                              "DIR/../include.\n");
  command_line.add("--data", "DIR", data, "the data directory; the headers are in DIR/../include").required();
  command_line.add("--cxx", "COMPILER", cxx, "the compiler to time; $CXX when set");
  command_line.add("--runs", "N", runs, "compilations of each TU, interleaved, median reported", 1);
  if (const auto status = command_line.parse(argc, argv)) return *status;
  const auto include = std::filesystem::weakly_canonical(std::filesystem::path(data) / ".." / "include");
  if (!std::filesystem::exists(include / "localgov" / "localgov.hpp")) {
    std::fprintf(stderr, "bench_compile_time: no localgov headers in %s\n", include.c_str());
    return 2;
  }
  const auto compiler = bench::find_program(cxx);
  if (!compiler) {
    std::fprintf(stderr, "bench_compile_time: compiler '%s' not found (use --cxx)\n", cxx.c_str());
    return 2;
  }
  bench::scratch_dir dir("localgov-compile-time");
  const auto& tus = units();
  for (const auto& u : tus) bench::write_text(dir / (u.name + ".cpp"), u.source);
  const auto version = bench::run_process({*compiler, "--version"});
  std::printf("compiler: %s (%s)\nflags: -std=c++20 -O2 -I%s -c; %d runs each, interleaved; medians of CPU (user+sys) and wall time\n\n",
              compiler->c_str(), version.out.substr(0, version.out.find('\n')).c_str(), include.c_str(), runs);

  std::vector<std::vector<double>> samples(tus.size()), walls(tus.size());
  std::vector<long> rss(tus.size(), 0);
  for (int r = 0; r < runs; ++r)
    for (std::size_t i = 0; i < tus.size(); ++i) {
      const double cpu_before = children_cpu_ms();
      std::vector<std::string> command{*compiler, "-std=c++20", "-O2", "-I" + include.string()};
      if (tus[i].separate) command.emplace_back("-DLOCALGOV_SEPARATE_COMPILATION");
      command.insert(command.end(), {"-c", dir / (tus[i].name + ".cpp"), "-o", dir / (tus[i].name + ".o")});
      const auto result = bench::run_process(command);
      if (result.exit_code != 0) {
        std::fprintf(stderr, "bench_compile_time: %s failed to compile:\n%s\n", tus[i].name.c_str(), result.err.substr(0, 2000).c_str());
        return 1;
      }
      samples[i].push_back(children_cpu_ms() - cpu_before);
      walls[i].push_back(result.wall_ms);
      rss[i] = std::max(rss[i], result.max_rss_kb);
    }
  const double peer = bench::median(samples[0]);
  std::printf("%-22s %-50s %9s %9s %9s %8s %12s\n", "tu", "what", "cpu s", "min cpu s", "wall s", "ratio", "compiler RSS");
  double full_ratio = 0, separate_ratio = 0;
  for (std::size_t i = 0; i < tus.size(); ++i) {
    const auto s = bench::summarize(samples[i]);
    const double ratio = s.median / peer;
    if (tus[i].name == "localgov_full") full_ratio = ratio;
    if (tus[i].name == "localgov_separate") separate_ratio = ratio;
    std::printf("%-22s %-50s %9.2f %9.2f %9.2f %7.2fx %8.0f MiB\n", tus[i].name.c_str(), tus[i].what.c_str(), s.median / 1000,
                s.min / 1000, bench::median(walls[i]) / 1000, ratio, static_cast<double>(rss[i]) / 1024);
  }
  const auto verdict = [](double r) { return r <= 1.5 ? "ok" : "ABOVE TARGET"; };
  std::printf("\nfull localgov TU / Boost.Graph-only TU (CPU time), target at most 1.50x:\n"
              "  header-only (the default):                  %.2fx %s\n"
              "  separate compilation (localgov::compiled):  %.2fx %s (plus localgov_src once per build)\n",
              full_ratio, verdict(full_ratio), separate_ratio, verdict(separate_ratio));
  return 0;
}
