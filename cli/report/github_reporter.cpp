// GitHub Actions workflow commands: one `::error file=F,line=L,col=C,
// title=T::MESSAGE` line per failure or finding (`::warning` for a
// warning, `::notice` for an info finding), T the code or, for a test case without one, its name;
// and the Markdown job summary ($GITHUB_STEP_SUMMARY). Escaping follows
// @actions/core (toolkit command.ts): in data `%`, CR and LF as %25, %0D,
// %0A; in a property `:` and `,` too. Other controls are shown as
// visible() shows them, so no input byte drives the log's terminal.
#include <fmt/format.h>

#include "cli/report/ci_report.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

std::string escaped(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  std::size_t begin = 0;
  // visible() would turn a line break into `\n`: lines are shown one by one.
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find_first_of("\r\n", begin), text.size());
    for (const char ch : visible(text.substr(begin, end - begin))) {
      if (ch == '%') {
        out += "%25";
      } else if (property && ch == ':') {
        out += "%3A";
      } else if (property && ch == ',') {
        out += "%2C";
      } else {
        out += ch;
      }
    }
    if (end == text.size()) break;
    out += text[end] == '\r' ? "%0D" : "%0A";
    begin = end + 1;
  }
  return out;
}

bool is_finding(const CiItem& item) {
  return item.outcome == CiItem::Outcome::Failed || item.outcome == CiItem::Outcome::Error ||
         !item.code.empty();
}

std::string command_line(const CiItem& item) {
  std::vector<std::string> properties;
  properties.reserve(4);
  if (!item.file.empty()) properties.push_back("file=" + github_property(item.file));
  if (item.line > 0) properties.push_back(fmt::format("line={}", item.line));
  if (item.line > 0 && item.col > 0) properties.push_back(fmt::format("col={}", item.col));
  properties.push_back("title=" + github_property(item.code.empty() ? item.name : item.code));
  const bool warning = item.outcome == CiItem::Outcome::Passed || item.severity != Severity::Error;
  const char* kind = item.severity == Severity::Info ? "notice" : warning ? "warning" : "error";
  return fmt::format("::{} {}::{}\n", kind, fmt::join(properties, ","), github_data(item.message));
}

// Text in a Markdown table cell or list item: visible, every ASCII
// punctuation that Markdown reads escaped with a backslash, and the HTML
// specials as entities (a job summary renders HTML).
std::string markdown(std::string_view text) {
  std::string out;
  for (const char ch : visible(text)) {
    if (ch == '<') {
      out += "&lt;";
    } else if (ch == '>') {
      out += "&gt;";
    } else if (ch == '&') {
      out += "&amp;";
    } else {
      if (std::string_view("\\`*_{}[]()#+-.!|~").find(ch) != std::string_view::npos) out += '\\';
      out += ch;
    }
  }
  return out;
}

std::string location(const CiItem& item) {
  if (item.file.empty()) return "";
  return item.line > 0 ? fmt::format("{}:{}", item.file, item.line) : item.file;
}

}  // namespace

std::string github_data(std::string_view text) { return escaped(text, false); }
std::string github_property(std::string_view text) { return escaped(text, true); }

void write_github(const CiReport& report, std::ostream& out) {
  for (const CiSuite& suite : report.suites) {
    for (const CiItem& item : suite.items) {
      if (is_finding(item)) out << command_line(item);
    }
  }
}

void write_github_summary(const CiReport& report, std::ostream& out) {
  out << fmt::format("## pacta {}\n\n| file | passed | failed |\n|---|---:|---:|\n",
                     markdown(report.command));
  std::size_t passed = 0, failed = 0;
  for (const CiSuite& suite : report.suites) {
    std::size_t bad = 0;
    for (const CiItem& item : suite.items) {
      bad += item.outcome == CiItem::Outcome::Failed || item.outcome == CiItem::Outcome::Error;
    }
    const std::size_t good = suite.items.size() - bad;
    out << fmt::format("| {} | {} | {} |\n", suite.file.empty() ? "" : markdown(suite.file), good,
                       bad);
    passed += good;
    failed += bad;
  }
  out << fmt::format("\n{} passed, {} failed\n", passed, failed);
  if (failed == 0) return;
  out << "\n### Failures\n\n";
  for (const CiSuite& suite : report.suites) {
    for (const CiItem& item : suite.items) {
      if (item.outcome != CiItem::Outcome::Failed && item.outcome != CiItem::Outcome::Error) {
        continue;
      }
      const std::string where = location(item);
      out << fmt::format("- {}{}{}: {}\n", where.empty() ? "" : markdown(where) + " ",
                         item.code.empty() ? "" : fmt::format("\\[{}\\] ", markdown(item.code)),
                         markdown(item.name), markdown(item.message));
    }
  }
}

}  // namespace pacta::cli
