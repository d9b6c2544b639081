// The layering of ARCHITECTURE.md, enforced: grammar/ knows nothing of the
// engine or the CLI; the engine includes no CLI, YAML parser, Spirit or CLI11
// header; nothing outside a folder includes that folder's internal/ headers;
// no cli/ file reaches the YAML layer (grammar/yaml/) through any chain of
// includes. The rules are a function over an include graph, tested on small
// graphs first and then run on the repository's own sources.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Repository-relative path -> the headers it includes, as written: project
// headers as "grammar/x.hpp", system headers as "<yaml-cpp/parser.h>".
using IncludeGraph = std::map<std::string, std::vector<std::string>>;

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

// "grammar/expr/internal/actions.hpp" -> "grammar/expr/"; "" when the path
// has no internal/ part.
std::string owner_of_internal(const std::string& path) {
  auto at = path.find("/internal/");
  return at == std::string::npos ? std::string{} : path.substr(0, at + 1);
}

std::vector<std::string> direct_violations(const std::string& file,
                                           const std::vector<std::string>& includes) {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> forbidden = {
      {"grammar/", {"engine/", "cli/"}},
      {"engine/", {"cli/", "<yaml-cpp/", "<boost/spirit", "<CLI/"}},
  };
  std::vector<std::string> out;
  for (const auto& [layer, banned] : forbidden) {
    if (!starts_with(file, layer)) continue;
    for (const auto& inc : includes) {
      for (const auto& b : banned) {
        if (starts_with(inc, b)) out.push_back(file + " includes " + inc);
      }
    }
  }
  for (const auto& inc : includes) {
    const std::string owner = owner_of_internal(inc);
    if (!owner.empty() && !starts_with(file, owner)) {
      out.push_back(file + " includes " + inc + ", internal to " + owner);
    }
  }
  return out;
}

// Every project header reachable from `file` through includes.
std::set<std::string> reachable(const IncludeGraph& g, const std::string& file) {
  std::set<std::string> seen;
  std::vector<std::string> todo{file};
  while (!todo.empty()) {
    std::string f = todo.back();
    todo.pop_back();
    auto it = g.find(f);
    if (it == g.end()) continue;
    for (const auto& inc : it->second) {
      if (inc.front() != '<' && seen.insert(inc).second) todo.push_back(inc);
    }
  }
  return seen;
}

std::vector<std::string> layering_violations(const IncludeGraph& g) {
  std::vector<std::string> out;
  for (const auto& [file, includes] : g) {
    for (auto& v : direct_violations(file, includes)) out.push_back(std::move(v));
    if (!starts_with(file, "cli/")) continue;
    for (const auto& h : reachable(g, file)) {
      if (starts_with(h, "grammar/yaml/")) out.push_back(file + " reaches " + h);
    }
  }
  return out;
}

IncludeGraph scan_repository(const std::string& root) {
  static const std::regex include_line(R"re(^\s*#\s*include\s*(["<])([^">]+)[">])re");
  IncludeGraph g;
  for (const char* dir : {"grammar", "engine", "cli", "bench"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(root) / dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp" && ext != ".def") continue;
      const std::string rel = fs::relative(entry.path(), root).generic_string();
      auto& includes = g[rel];
      std::ifstream in(entry.path());
      std::string line;
      while (std::getline(in, line)) {
        std::smatch m;
        if (!std::regex_search(line, m, include_line)) continue;
        includes.push_back(m[1] == "<" ? "<" + m[2].str() : m[2].str());
      }
    }
  }
  return g;
}

}  // namespace

TEST_CASE("layering rules catch what they should", "[layering]") {
  CHECK(layering_violations({{"grammar/a.hpp", {"engine/model/contract.hpp"}}}).size() == 1);
  CHECK(layering_violations({{"grammar/a.hpp", {"cli/report/output.hpp"}}}).size() == 1);
  CHECK(layering_violations({{"engine/a.cpp", {"<yaml-cpp/parser.h>"}}}).size() == 1);
  CHECK(layering_violations({{"engine/a.cpp", {"<boost/spirit/home/x3.hpp>"}}}).size() == 1);
  CHECK(layering_violations({{"engine/a.cpp", {"<CLI/CLI.hpp>"}}}).size() == 1);
  CHECK(layering_violations({{"engine/a.cpp", {"cli/commands/commands.hpp"}}}).size() == 1);
  // internal/ headers are private to the folder that holds them.
  CHECK(layering_violations({{"engine/a.hpp", {"grammar/expr/internal/actions.hpp"}}}).size() == 1);
  CHECK(layering_violations({{"grammar/expr/parse.hpp", {"grammar/expr/internal/x.hpp"}}}).empty());
  CHECK(layering_violations({{"grammar/expr/internal/a.cpp", {"grammar/expr/internal/b.hpp"}}})
            .empty());
  // cli/ may not reach the YAML layer through a chain of includes.
  IncludeGraph chain{{"cli/report/output.hpp", {"engine/model/contract.hpp"}},
                     {"engine/model/contract.hpp", {"grammar/files/rule_file.hpp"}},
                     {"grammar/files/rule_file.hpp", {"grammar/yaml/tree.hpp"}},
                     {"grammar/yaml/tree.hpp", {"<string>"}}};
  CHECK(layering_violations(chain).size() == 1);
  chain["engine/model/contract.hpp"] = {"grammar/verdict.hpp"};
  CHECK(layering_violations(chain).empty());
  // Allowed: the engine uses the front end, the CLI uses both.
  CHECK(layering_violations({{"engine/a.cpp", {"grammar/expr/ast.hpp", "<fmt/format.h>"}},
                             {"cli/a.cpp", {"engine/load.hpp", "<CLI/CLI.hpp>"}}})
            .empty());
}

TEST_CASE("the repository keeps its layers", "[layering]") {
  const IncludeGraph g = scan_repository(PACTA_SOURCE_DIR);
  std::size_t includes = 0;
  for (const auto& entry : g) includes += entry.second.size();
  // The scan saw the tree (not an empty or misplaced directory).
  REQUIRE(g.size() >= 40);
  REQUIRE(includes >= 200);
  REQUIRE(g.count("grammar/expr/internal/grammar.cpp") == 1);
  std::ostringstream report;
  const auto violations = layering_violations(g);
  for (const auto& v : violations) report << v << "\n";
  INFO(report.str());
  CHECK(violations.empty());
}
