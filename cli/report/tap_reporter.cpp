// TAP version 14 (testanything.org/tap-version-14-specification): the plan
// `1..N` first, then one test point per item, `ok N - FILE: NAME` or
// `not ok N - ...`, a skipped one with `# SKIP`; a failure, error or
// finding is followed by a YAML diagnostic block indented by two spaces
// (`---` ... `...`) whose values are double-quoted strings (JSON's
// escapes are YAML's too). In a description `\` and `#` are escaped (a bare
// `#` would start a directive), and controls are shown as visible() does.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "cli/report/ci_report.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

std::string description(const CiItem& item) {
  const std::string text =
      visible(item.file.empty() ? item.name : fmt::format("{}: {}", item.file, item.name));
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    if (ch == '\\' || ch == '#') out += '\\';
    out += ch;
  }
  return out;
}

// A YAML scalar: visible text in double quotes.
std::string yaml_quoted(std::string_view text) { return nlohmann::json(visible(text)).dump(); }

std::string_view severity_name(Severity s) { return severity_word(s); }

std::string yaml_block(const CiItem& item) {
  std::string out = "  ---\n";
  out += fmt::format("  message: {}\n", yaml_quoted(item.message));
  out += fmt::format("  severity: {}\n", severity_name(item.severity));
  if (!item.code.empty()) out += fmt::format("  code: {}\n", yaml_quoted(item.code));
  if (!item.file.empty()) {
    std::string at = item.file;
    if (item.line > 0) at += fmt::format(":{}", item.line);
    if (item.line > 0 && item.col > 0) at += fmt::format(":{}", item.col);
    out += fmt::format("  at: {}\n", yaml_quoted(at));
  }
  return out + "  ...\n";
}

}  // namespace

void write_tap(const CiReport& report, std::ostream& out) {
  std::size_t total = 0;
  for (const CiSuite& suite : report.suites) total += suite.items.size();
  out << "TAP version 14\n" << fmt::format("1..{}\n", total);
  std::size_t n = 0;
  for (const CiSuite& suite : report.suites) {
    for (const CiItem& item : suite.items) {
      ++n;
      using O = CiItem::Outcome;
      const bool ok = item.outcome == O::Passed || item.outcome == O::Skipped;
      out << fmt::format("{} {} - {}", ok ? "ok" : "not ok", n, description(item));
      if (item.outcome == O::Skipped) out << " # SKIP " << visible(item.message);
      out << '\n';
      if (!ok || !item.code.empty()) out << yaml_block(item);
    }
  }
}

}  // namespace pacta::cli
