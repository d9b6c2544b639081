// `--format github` in a GitHub Actions job: the Markdown summary appended
// to the file $GITHUB_STEP_SUMMARY names (a golden case cannot set the
// environment), and a clear error when that file cannot be written. Also
// `--output`: the report in the file, the text report on stdout.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <vector>

#include "tests/e2e/run_process.hpp"
#include "tests/unit/temp_dir.hpp"

using pacta::testing::ProcessResult;
using pacta::testing::read_file;
using pacta::testing::run_process;
using pacta::testing::TempDir;

namespace {

const std::string kRoot = PACTA_SOURCE_DIR;
const std::string kBinary = PACTA_BINARY;
const std::string kFailing = kRoot + "/tests/e2e/cases/test-failing-case/demo.test.yaml";

// The binary with GITHUB_STEP_SUMMARY set to `summary` for this run only.
ProcessResult run_with_summary(const std::string& summary, const std::vector<std::string>& args,
                               const std::string& cwd) {
  const char* before = std::getenv("GITHUB_STEP_SUMMARY");
  const std::string saved = before ? before : "";
  setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
  ProcessResult r = run_process(kBinary, args, cwd);
  if (before) {
    setenv("GITHUB_STEP_SUMMARY", saved.c_str(), 1);
  } else {
    unsetenv("GITHUB_STEP_SUMMARY");
  }
  return r;
}

}  // namespace

TEST_CASE("with --format github the summary is appended to $GITHUB_STEP_SUMMARY") {
  TempDir dir("pacta_summary");
  const std::string summary = dir.file("summary.md", "# earlier step\n");
  auto r = run_with_summary(summary, {"test", kFailing, "--format", "github"}, dir.path.string());
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("::error file=", 0) == 0);
  const std::string md = read_file(summary);
  CHECK(md.rfind("# earlier step\n## pacta test\n", 0) == 0);  // appended, not replaced
  CHECK(md.find("| passed | failed |") != std::string::npos);
  CHECK(md.find("\n1 passed, 2 failed\n") != std::string::npos);
  CHECK(md.find("wrong on purpose: expected permitted by hosting, got permitted by no clause "
                "\\(default\\)") != std::string::npos);
  // Another format writes no summary.
  auto junit =
      run_with_summary(summary, {"test", kFailing, "--format", "junit"}, dir.path.string());
  CHECK(junit.exit_code == 1);
  CHECK(read_file(summary) == md);
}

TEST_CASE("a $GITHUB_STEP_SUMMARY that cannot be written is an E608 error, exit 2") {
  TempDir dir("pacta_summary");
  auto r = run_with_summary(dir.path.string(), {"test", kFailing, "--format", "github"},
                            dir.path.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err == "$GITHUB_STEP_SUMMARY: error: cannot write '" + dir.path.string() +
                     "': Is a directory [E608]\n"
                     "  help: GITHUB_STEP_SUMMARY names the file a GitHub Actions step appends "
                     "its job summary to; make it a writable file, or unset it to write no "
                     "summary\n");
}

TEST_CASE("with --output the report goes to the file and the text report to stdout") {
  TempDir dir("pacta_output");
  for (const std::string format : {"junit", "json", "text"}) {
    INFO(format);
    const std::string report = dir / ("report." + format);
    auto r = run_process(kBinary, {"test", kFailing, "--format", format, "--output", report},
                         dir.path.string());
    CHECK(r.exit_code == 1);
    CHECK(r.out == run_process(kBinary, {"test", kFailing}, dir.path.string()).out);
    const std::string written = read_file(report);
    const auto alone =
        run_process(kBinary, {"test", kFailing, "--format", format}, dir.path.string());
    CHECK(written == alone.out);  // the same bytes as on stdout without --output
  }
}
