// JUnit XML, in the shape Jenkins, GitLab and the Ant task read
// (tests/report/junit.xsd): <testsuites>, one <testsuite> per file, one
// <testcase> per item, a failed one holding <failure>, an erroneous one
// <error>, a skipped one <skipped>; a passing item's message (a warning, a
// decision) in <system-out>. Times are always 0: the bytes depend only on
// the report. Every text is escaped (xml_escaped): XML 1.0 cannot hold
// most control characters even as references, so they are written as
// visible() shows them.
#include <fmt/format.h>

#include <array>
#include <cstddef>

#include "cli/report/ci_report.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// `text` (visible already) with the XML specials as references (attributes
// are double-quoted, so `'` stays), and U+FFFE and U+FFFF, which are no XML
// characters at all, as `\uFFFE`, `\uFFFF`.
void append_xml(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (ch == '&') {
      out += "&amp;";
    } else if (ch == '<') {
      out += "&lt;";
    } else if (ch == '>') {
      out += "&gt;";
    } else if (ch == '"') {
      out += "&quot;";
    } else if (text.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < text.size() &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      out += text[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
      i += 2;
    } else {
      out += ch;
    }
  }
}

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  void add(const Counts& o) {
    tests += o.tests;
    failures += o.failures;
    errors += o.errors;
    skipped += o.skipped;
  }
};

Counts count(const CiSuite& suite) {
  Counts c;
  for (const CiItem& item : suite.items) {
    ++c.tests;
    c.failures += item.outcome == CiItem::Outcome::Failed ? 1 : 0;
    c.errors += item.outcome == CiItem::Outcome::Error ? 1 : 0;
    c.skipped += item.outcome == CiItem::Outcome::Skipped ? 1 : 0;
  }
  return c;
}

std::string counts_attributes(const Counts& c) {
  return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}" time="0")", c.tests,
                     c.failures, c.errors, c.skipped);
}

// A suite of diagnostics about flags has no file: it is named by the command.
std::string suite_name(const CiReport& report, const CiSuite& suite) {
  return suite.file.empty() ? fmt::format("pacta {}", report.command) : suite.file;
}

// `failure` or `error`: type is the code, or "<command>-failure" for a
// test case (no code).
std::string problem_element(const CiReport& report, const CiItem& item, const char* tag) {
  const std::string type =
      item.code.empty() ? fmt::format("{}-failure", report.command) : item.code;
  return fmt::format("      <{} message=\"{}\" type=\"{}\">{}</{}>\n", tag,
                     xml_escaped(item.message), xml_escaped(type), xml_escaped(item.detail, true),
                     tag);
}

std::string testcase(const CiReport& report, const CiSuite& suite, const CiItem& item) {
  std::string out = fmt::format(R"(    <testcase name="{}" classname="{}")", xml_escaped(item.name),
                                xml_escaped(suite_name(report, suite)));
  if (!item.file.empty()) out += fmt::format(R"( file="{}")", xml_escaped(item.file));
  if (item.line > 0) out += fmt::format(R"( line="{}")", item.line);
  out += " time=\"0\">\n";
  switch (item.outcome) {
    case CiItem::Outcome::Failed:
      out += problem_element(report, item, "failure");
      break;
    case CiItem::Outcome::Error:
      out += problem_element(report, item, "error");
      break;
    case CiItem::Outcome::Skipped:
      out += fmt::format("      <skipped message=\"{}\"/>\n", xml_escaped(item.message));
      break;
    case CiItem::Outcome::Passed:
      if (!item.message.empty()) {
        out += fmt::format("      <system-out>{}</system-out>\n", xml_escaped(item.message));
      }
      break;
  }
  return out + "    </testcase>\n";
}

}  // namespace

std::string xml_escaped(std::string_view text, bool multiline) {
  std::string out;
  out.reserve(text.size());
  if (!multiline) {
    append_xml(visible(text), out);
    return out;
  }
  // Line by line, so the line breaks stay and nothing else is a control.
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    append_xml(visible(text.substr(begin, end - begin)), out);
    if (end == text.size()) break;
    out += '\n';
    begin = end + 1;
  }
  return out;
}

void write_junit(const CiReport& report, std::ostream& out) {
  Counts all;
  std::vector<Counts> counts;
  counts.reserve(report.suites.size());
  for (const CiSuite& suite : report.suites) {
    counts.push_back(count(suite));
    all.add(counts.back());
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"pacta {}\" {}>\n", xml_escaped(report.command),
                     counts_attributes(all));
  for (std::size_t i = 0; i < report.suites.size(); ++i) {
    const CiSuite& suite = report.suites[i];
    out << fmt::format("  <testsuite name=\"{}\" {}", xml_escaped(suite_name(report, suite)),
                       counts_attributes(counts[i]));
    if (suite.items.empty()) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    for (const CiItem& item : suite.items) out << testcase(report, suite, item);
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace pacta::cli
