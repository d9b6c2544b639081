// fuzz_testfile: the test-file loader (make_source -> read_yaml ->
// read_test_file) on one document, every diagnostic rendered. When the
// syntax is clean and its `contract:` is a plain file name, the input is
// also run by `pacta test`'s runner (run_test_file) in a scratch directory
// that holds that contract: the bundled contract of that name when the
// source tree is at hand (PACTA_SOURCE_DIR), else the fuzzers' own.
//
// Properties (abort on violation):
//  - every diagnostic has a code, a message and a sane position;
//  - the runner loads the file exactly when it reported no error, and every
//    case either has a verdict or says why not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "engine/testing/test_runner.hpp"
#include "fuzz_common.hpp"
#include "grammar/files/test_file.hpp"
#include "grammar/yaml/tree.hpp"

using namespace pacta;

namespace {

namespace fs = std::filesystem;

bool plain_file_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name[0] == '.') return false;
  for (char ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.';
    if (!ok) return false;
  }
  return true;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

class Scratch {
 public:
  Scratch() {
    std::string pattern = (fs::temp_directory_path() / "pacta-fuzz-testfile-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) fuzz::fail("mkdtemp", pattern, __FILE__, __LINE__);
    dir_ = pattern;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // The test file's path, with its contract written beside it; empty when
  // too many contract names were seen already (a bound on files created).
  std::string prepare(std::string_view test_text, const std::string& contract) {
    if (contracts_.count(contract) == 0) {
      if (contracts_.size() >= 32) return {};
      std::string text(fuzz::kContract);
#ifdef PACTA_SOURCE_DIR
      const fs::path bundled = fs::path(PACTA_SOURCE_DIR) / "rules" / contract;
      std::error_code ec;
      if (fs::is_regular_file(bundled, ec)) text = read_file(bundled);
#endif
      write_file(dir_ / contract, text);
      contracts_.insert(contract);
    }
    const fs::path test = dir_ / "input.test.yaml";
    write_file(test, test_text);
    return test.string();
  }

 private:
  fs::path dir_;
  std::set<std::string> contracts_;
};

void run(std::string_view text, const std::string& contract) {
  static Scratch scratch;
  const std::string path = scratch.prepare(text, contract);
  if (path.empty()) return;
  Diagnostics diags;
  TestFileResult result = run_test_file(path, Limits{}, diags);
  PACTA_FUZZ_CHECK(result.loaded == !diags.has_errors(), "runner: loaded vs errors");
  fuzz::render_all(diags);
  for (const TestCaseResult& c : result.cases) {
    PACTA_FUZZ_CHECK(!c.got.empty() || c.error.has_value(), c.name);
    PACTA_FUZZ_CHECK(!c.passed || !c.error.has_value(), c.name);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Limits limits;
  Diagnostics diags;
  auto source =
      make_source("fuzz.test.yaml", std::string(fuzz::as_text(data, size)), limits, diags);
  if (!source) {
    PACTA_FUZZ_CHECK(diags.has_errors(), "make_source failed without an error");
    fuzz::render_all(diags);
    return 0;
  }
  auto doc = read_yaml(*source, limits, diags);
  if (!doc) {
    PACTA_FUZZ_CHECK(diags.has_errors(), "read_yaml failed without an error");
    fuzz::render_all(diags);
    return 0;
  }
  TestFileSyntax syntax = read_test_file(*source, *doc, limits, diags);
  fuzz::render_all(diags);
  if (!diags.has_errors() && plain_file_name(syntax.contract.value)) {
    run(fuzz::as_text(data, size), syntax.contract.value);
  }
  return 0;
}
