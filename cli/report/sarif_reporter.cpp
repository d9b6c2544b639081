// SARIF 2.1.0 (docs.oasis-open.org/sarif/sarif/v2.1.0): one run whose
// tool.driver is pacta, its rules the table of codes (grammar/codes.def:
// id, title, docs/errors.md#anchor as helpUri, the default level) and, when
// a test case or step failed, one rule more for that (`<command>-failure`,
// documented in docs/cli.md, "Machine reports"); a result per failure, error or finding
// (passing cases are not results) with its rule, level, message and
// location. Validated against the OASIS schema by the test suite
// (tests/report/). Paths become URI references: a relative path stays
// relative, an absolute one is a file:// URI, and every byte outside the
// unreserved set and '/' is percent-encoded.
#include <fmt/format.h>

#include "cli/report/ci_report.hpp"
#include "cli/report/values.hpp"
#include "pacta/pacta.hpp"

namespace pacta::cli {

namespace {

const char* level(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

const char* level(const CiItem& item) {
  if (item.severity == Severity::Info) return "note";
  if (item.outcome == CiItem::Outcome::Passed) return "warning";  // a finding that fails nothing
  return level(item.severity);
}

bool is_result(const CiItem& item) {
  return item.outcome == CiItem::Outcome::Failed || item.outcome == CiItem::Outcome::Error ||
         !item.code.empty();
}

std::string uri(const std::string& path) {
  std::string out = path.rfind('/', 0) == 0 ? "file://" : "";
  for (const char ch : path) {
    const auto byte = static_cast<unsigned char>(ch);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || std::string_view("-._~/").find(ch) != std::string::npos) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", byte);
    }
  }
  return out;
}

std::string failure_rule(const CiReport& report) {
  return fmt::format("{}-failure", report.command);
}

Json rules_json(const CiReport& report, bool with_failure_rule) {
  Json rules = Json::array();
  for (const CodeInfo& info : all_codes()) {
    rules.push_back(Json{{"id", info.name},
                         {"name", info.title},
                         {"shortDescription", {{"text", info.title}}},
                         {"helpUri", fmt::format("docs/errors.md#{}", info.anchor)},
                         {"defaultConfiguration", {{"level", level(info.severity)}}}});
  }
  if (with_failure_rule) {
    const std::string title = fmt::format(
        "a {} did not hold", report.command == "test" ? "test case or timeline" : report.command);
    rules.push_back(Json{{"id", failure_rule(report)},
                         {"name", title},
                         {"shortDescription", {{"text", title}}},
                         {"helpUri", "docs/cli.md#machine-reports-junit-tap-sarif-github"},
                         {"defaultConfiguration", {{"level", "error"}}}});
  }
  return rules;
}

Json location_json(const CiItem& item) {
  Json physical;
  physical["artifactLocation"] = Json{{"uri", uri(item.file)}};
  if (item.line > 0) {
    Json region{{"startLine", item.line}};
    if (item.col > 0) region["startColumn"] = item.col;
    physical["region"] = region;
  }
  return Json::array({Json{{"physicalLocation", physical}}});
}

Json result_json(const CiReport& report, const CiItem& item, std::size_t failure_index) {
  Json j;
  std::size_t index = failure_index;
  std::string rule = failure_rule(report);
  for (std::size_t i = 0; i < all_codes().size(); ++i) {
    if (all_codes()[i].name != item.code) continue;
    index = i;
    rule = item.code;
  }
  j["ruleId"] = rule;
  j["ruleIndex"] = index;
  j["level"] = level(item);
  // A case's message does not say which case: its name leads.
  j["message"] = Json{
      {"text", item.code.empty() ? fmt::format("{}: {}", item.name, item.message) : item.message}};
  if (!item.file.empty()) j["locations"] = location_json(item);
  return j;
}

}  // namespace

void write_sarif(const CiReport& report, std::ostream& out) {
  Json results = Json::array();
  bool failure_rule_used = false;
  for (const CiSuite& suite : report.suites) {
    for (const CiItem& item : suite.items) {
      if (!is_result(item)) continue;
      failure_rule_used = failure_rule_used || item.code.empty();
      results.push_back(result_json(report, item, all_codes().size()));
    }
  }
  Json driver{{"name", "pacta"},
              {"version", api::version()},
              {"rules", rules_json(report, failure_rule_used)}};
  Json run{{"tool", {{"driver", driver}}}, {"results", results}};
  Json log{{"$schema",
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            "sarif-schema-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({run})}};
  out << safe_dump(std::move(log)) << '\n';
}

}  // namespace pacta::cli
