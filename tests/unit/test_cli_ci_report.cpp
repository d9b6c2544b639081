// The machine reports (cli/report/ci_report.hpp): each writer on a small
// report, byte for byte, and the escapes that keep untrusted names and
// paths from breaking XML, TAP, SARIF or GitHub's workflow commands.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "cli/report/ci_report.hpp"

using pacta::Severity;
using pacta::cli::CiItem;
using pacta::cli::CiReport;
using pacta::cli::CiSuite;

namespace {

// One passing case, one failing, one diagnostic, in two files.
CiReport small_report() {
  CiSuite cases{"demo.test.yaml",
                {CiItem{"passes", "demo.test.yaml", 4, 5, CiItem::Outcome::Passed, Severity::Error,
                        "", "permitted by hosting", ""},
                 CiItem{"fails", "demo.test.yaml", 9, 5, CiItem::Outcome::Failed, Severity::Error,
                        "", "expected forbidden, got permitted by hosting",
                        "demo.test.yaml:9: FAIL fails: ...\n"}}};
  CiSuite rules{"rules.yaml",
                {CiItem{"duplicate key", "rules.yaml", 12, 3, CiItem::Outcome::Error,
                        Severity::Error, std::string(pacta::code_name(pacta::Code::E105)),
                        "duplicate key 'signed'", "line 1\nline 2\n"}}};
  return CiReport{"test", {cases, rules}};
}

template <class Writer>
std::string written(Writer write, const CiReport& report) {
  std::ostringstream out;
  write(report, out);
  return out.str();
}

const std::string kHostile = "a<b>&\"c\" 100%,:\nd\x1b[2J\r\xff";

}  // namespace

TEST_CASE("xml_escaped: specials as references, controls and bad bytes visible", "[ci]") {
  using pacta::cli::xml_escaped;
  CHECK(xml_escaped("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'");
  CHECK(xml_escaped(kHostile) == "a&lt;b&gt;&amp;&quot;c&quot; 100%,:\\nd\\e[2J\\r\\xFF");
  CHECK(xml_escaped("one\ntwo\x01", true) == "one\ntwo\\x01");
  CHECK(xml_escaped("\xEF\xBF\xBE\xEF\xBF\xBF") == "\\uFFFE\\uFFFF");  // no XML characters
  CHECK(xml_escaped("]]>") == "]]&gt;");
}

TEST_CASE("github_data and github_property escape as @actions/core does", "[ci]") {
  using pacta::cli::github_data;
  using pacta::cli::github_property;
  CHECK(github_data("100%\r\nnext") == "100%25%0D%0Anext");
  CHECK(github_data("a,b:c") == "a,b:c");
  CHECK(github_property("a,b:c%") == "a%2Cb%3Ac%25");
  CHECK(github_property(kHostile) == "a<b>&\"c\" 100%25%2C%3A%0Ad\\e[2J%0D\\xFF");
}

TEST_CASE("the JUnit writer: suites, counts, failure and error elements", "[ci]") {
  const std::string xml = written(pacta::cli::write_junit, small_report());
  CHECK(xml ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"pacta test\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\" "
        "time=\"0\">\n"
        "  <testsuite name=\"demo.test.yaml\" tests=\"2\" failures=\"1\" errors=\"0\" "
        "skipped=\"0\" time=\"0\">\n"
        "    <testcase name=\"passes\" classname=\"demo.test.yaml\" file=\"demo.test.yaml\" "
        "line=\"4\" time=\"0\">\n"
        "      <system-out>permitted by hosting</system-out>\n"
        "    </testcase>\n"
        "    <testcase name=\"fails\" classname=\"demo.test.yaml\" file=\"demo.test.yaml\" "
        "line=\"9\" time=\"0\">\n"
        "      <failure message=\"expected forbidden, got permitted by hosting\" "
        "type=\"test-failure\">demo.test.yaml:9: FAIL fails: ...\n"
        "</failure>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "  <testsuite name=\"rules.yaml\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" "
        "time=\"0\">\n"
        "    <testcase name=\"duplicate key\" classname=\"rules.yaml\" file=\"rules.yaml\" "
        "line=\"12\" time=\"0\">\n"
        "      <error message=\"duplicate key 'signed'\" type=\"E105\">line 1\n"
        "line 2\n"
        "</error>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
}

TEST_CASE("the TAP writer: plan, points, YAML blocks for failures", "[ci]") {
  CHECK(written(pacta::cli::write_tap, small_report()) ==
        "TAP version 14\n"
        "1..3\n"
        "ok 1 - demo.test.yaml: passes\n"
        "not ok 2 - demo.test.yaml: fails\n"
        "  ---\n"
        "  message: \"expected forbidden, got permitted by hosting\"\n"
        "  severity: error\n"
        "  at: \"demo.test.yaml:9:5\"\n"
        "  ...\n"
        "not ok 3 - rules.yaml: duplicate key\n"
        "  ---\n"
        "  message: \"duplicate key 'signed'\"\n"
        "  severity: error\n"
        "  code: \"E105\"\n"
        "  at: \"rules.yaml:12:3\"\n"
        "  ...\n");
}

TEST_CASE("the TAP writer escapes # and backslashes in descriptions", "[ci]") {
  const CiReport report{"test",
                        {CiSuite{"",
                                 {CiItem{"a # b \\ c\nd", "", 0, 0, CiItem::Outcome::Passed,
                                         Severity::Error, "", "", ""}}}}};
  CHECK(written(pacta::cli::write_tap, report) ==
        "TAP version 14\n1..1\nok 1 - a \\# b \\\\ c\\\\nd\n");
}

TEST_CASE("the GitHub writer: one command per failure, the summary in Markdown", "[ci]") {
  CHECK(written(pacta::cli::write_github, small_report()) ==
        "::error file=demo.test.yaml,line=9,col=5,title=fails::expected forbidden, got permitted "
        "by hosting\n"
        "::error file=rules.yaml,line=12,col=3,title=E105::duplicate key 'signed'\n");
  CHECK(written(pacta::cli::write_github_summary, small_report()) ==
        "## pacta test\n\n"
        "| file | passed | failed |\n"
        "|---|---:|---:|\n"
        "| demo\\.test\\.yaml | 1 | 1 |\n"
        "| rules\\.yaml | 0 | 1 |\n"
        "\n1 passed, 2 failed\n"
        "\n### Failures\n\n"
        "- demo\\.test\\.yaml:9 fails: expected forbidden, got permitted by hosting\n"
        "- rules\\.yaml:12 \\[E105\\] duplicate key: duplicate key 'signed'\n");
}

TEST_CASE("the GitHub summary escapes Markdown and HTML in names", "[ci]") {
  const CiReport report{"test",
                        {CiSuite{"x|<b>.yaml",
                                 {CiItem{"*n*", "x|<b>.yaml", 1, 1, CiItem::Outcome::Failed,
                                         Severity::Error, "", "[link](u) & <i>", ""}}}}};
  const std::string md = written(pacta::cli::write_github_summary, report);
  CHECK(md.find("| x\\|&lt;b&gt;\\.yaml | 0 | 1 |") != std::string::npos);
  CHECK(md.find("- x\\|&lt;b&gt;\\.yaml:1 \\*n\\*: \\[link\\]\\(u\\) &amp; &lt;i&gt;\n") !=
        std::string::npos);
}

TEST_CASE("the SARIF writer: rules from the code table, results for failures only", "[ci]") {
  const std::string sarif = written(pacta::cli::write_sarif, small_report());
  CHECK(sarif.find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(sarif.find("\"id\": \"E105\"") != std::string::npos);
  CHECK(sarif.find("\"helpUri\": \"docs/errors.md#e105--duplicate-key\"") != std::string::npos);
  CHECK(sarif.find("\"ruleId\": \"E105\"") != std::string::npos);
  CHECK(sarif.find("\"ruleId\": \"test-failure\"") != std::string::npos);
  CHECK(sarif.find("\"text\": \"fails: expected forbidden, got permitted by hosting\"") !=
        std::string::npos);
  CHECK(sarif.find("passes") == std::string::npos);  // a passing case is no result
  CHECK(sarif.find("\"startLine\": 12") != std::string::npos);
}

TEST_CASE("the SARIF writer percent-encodes paths into URIs", "[ci]") {
  const CiReport report{
      "check",
      {CiSuite{"",
               {CiItem{"t", "/a b/%<x>.yaml", 0, 0, CiItem::Outcome::Error, Severity::Error,
                       std::string(pacta::code_name(pacta::Code::E101)), kHostile, ""}}}}};
  const std::string sarif = written(pacta::cli::write_sarif, report);
  CHECK(sarif.find("\"uri\": \"file:///a%20b/%25%3Cx%3E.yaml\"") != std::string::npos);
  CHECK(sarif.find("\"text\": \"a<b>&\\\"c\\\" 100%,:\\nd\\u001b[2J\\r\\\\xFF\"") !=
        std::string::npos);
  CHECK(sarif.find("\"region\"") == std::string::npos);  // no line: no region
}

TEST_CASE("write_ci_report writes nothing for text and JSON, and is deterministic", "[ci]") {
  std::ostringstream text, junit1, junit2;
  pacta::cli::write_ci_report(pacta::cli::Format::Text, small_report(), text);
  CHECK(text.str().empty());
  pacta::cli::write_ci_report(pacta::cli::Format::Junit, small_report(), junit1);
  pacta::cli::write_ci_report(pacta::cli::Format::Junit, small_report(), junit2);
  CHECK(junit1.str() == junit2.str());
}
