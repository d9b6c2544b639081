// End-to-end tests: run the built `pacta` binary.
//  - tests/e2e/cases/<name>/: `cmd` (the arguments), expected.out, expected.err
//    and expected.exit; run in the case's folder, compared byte for byte.
//    An optional `stdin` file is the program's standard input (the scripts
//    of `pacta repl`); without one it inherits the test's.
//    PACTA_UPDATE_GOLDEN=1 rewrites the expected files (review the diff!).
//    `{today}` in an expected file stands for the local date of the run,
//    `{version}` for the binary's version (`pacta --version`: it names the
//    commit, which a SARIF report's tool.driver.version shows).
//  - docs/*.md: every ```console block's `$ pacta ...` commands are run from
//    the repository root and their output compared, so the docs cannot rot.
//  - docs/errors.md lists every diagnostic code the sources can emit, and
//    each code has a golden case that shows it.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/e2e/run_process.hpp"

namespace fs = std::filesystem;
using pacta::testing::read_file;
using pacta::testing::run_process;
using pacta::testing::split_command;
using pacta::testing::write_file;

namespace {

const std::string kRoot = PACTA_SOURCE_DIR;
const std::string kBinary = PACTA_BINARY;

std::vector<fs::path> case_dirs() {
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kRoot + "/tests/e2e/cases")) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

// The local date, YYYY-MM-DD: `{today}` in a case's expected files stands
// for it (`--on today`).
std::string local_today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// What `pacta --version` prints after "pacta ".
const std::string& binary_version() {
  static const std::string version = [] {
    std::string out = run_process(kBinary, {"--version"}, kRoot).out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out.substr(out.find(' ') + 1);
  }();
  return version;
}

std::string with_today(std::string text) {
  return replaced(replaced(std::move(text), "{today}", local_today()), "{version}",
                  binary_version());
}

// An output as a golden file holds it: the version as `{version}`.
std::string as_golden(const std::string& text) {
  return replaced(text, "\"" + binary_version() + "\"", "\"{version}\"");
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// `generate`: lines "NAME BYTES" make files too large to keep in the
// repository (a YAML comment of that size); lines "NAME = SOURCE" copy a
// file of the case to a name the repository should not hold (NAME is
// split like `cmd`: $'\xE9t\xE9.test.yaml' is a Latin-1 name). Generated
// files are removed after the run.
std::vector<fs::path> generate_files(const fs::path& dir) {
  std::vector<fs::path> made;
  std::istringstream in(read_file((dir / "generate").string()));
  std::string line;
  while (std::getline(in, line)) {
    const auto words = split_command(line);
    if (words.size() == 3 && words[1] == "=") {
      fs::copy_file(dir / words[2], dir / words[0], fs::copy_options::overwrite_existing);
      made.push_back(dir / words[0]);
    } else if (words.size() == 2) {
      const std::size_t bytes = std::stoul(words[1]);
      write_file((dir / words[0]).string(), "#" + std::string(bytes - 2, '-') + "\n");
      made.push_back(dir / words[0]);
    }
  }
  return made;
}

// The case's `stdin` file, or "" when it has none.
std::string stdin_of(const fs::path& dir) {
  return fs::exists(dir / "stdin") ? (dir / "stdin").string() : std::string();
}

}  // namespace

TEST_CASE("golden CLI cases") {
  const bool update = std::getenv("PACTA_UPDATE_GOLDEN") != nullptr;
  // Run inside a GitHub Actions job, `--format github` cases would append
  // to the job's summary (tests/e2e/test_special_files.cpp tests that).
  unsetenv("GITHUB_STEP_SUMMARY");
  auto dirs = case_dirs();
  REQUIRE(dirs.size() > 20);
  for (const auto& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      auto args = split_command(trim_newline(read_file((dir / "cmd").string())));
      auto generated = generate_files(dir);
      auto r = run_process(kBinary, args, dir.string(), stdin_of(dir));
      for (const auto& path : generated) fs::remove(path);
      if (update) {
        write_file((dir / "expected.out").string(), as_golden(r.out));
        write_file((dir / "expected.err").string(), as_golden(r.err));
        write_file((dir / "expected.exit").string(), std::to_string(r.exit_code) + "\n");
      }
      CHECK(r.exit_code == std::stoi(read_file((dir / "expected.exit").string())));
      CHECK(r.out == with_today(read_file((dir / "expected.out").string())));
      CHECK(r.err == with_today(read_file((dir / "expected.err").string())));
    }
  }
}

TEST_CASE("same input gives byte-identical output") {
  for (const auto& dir : case_dirs()) {
    auto args = split_command(trim_newline(read_file((dir / "cmd").string())));
    auto generated = generate_files(dir);
    auto first = run_process(kBinary, args, dir.string(), stdin_of(dir));
    auto second = run_process(kBinary, args, dir.string(), stdin_of(dir));
    for (const auto& path : generated) fs::remove(path);
    INFO(dir.filename().string());
    CHECK(first.out == second.out);
    CHECK(first.err == second.err);
  }
}

namespace {

struct DocExample {
  std::string file;
  int line = 0;
  std::string command;
  std::string expected;
  int exit_code = 0;
};

// ```console blocks: "$ pacta ..." then its output, optionally "[exit N]".
std::vector<DocExample> doc_examples(const std::string& path) {
  std::vector<DocExample> out;
  std::istringstream in(read_file(path));
  std::string line;
  bool in_block = false;
  int number = 0;
  DocExample* current = nullptr;
  static const std::regex exit_line(R"(\[exit (\d+)\])");
  while (std::getline(in, line)) {
    ++number;
    if (!in_block) {
      in_block = line.rfind("```console", 0) == 0;
      current = nullptr;
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      in_block = false;
      continue;
    }
    if (line.rfind("$ pacta ", 0) == 0) {
      out.push_back(DocExample{path, number, line.substr(8), "", 0});
      current = &out.back();
      continue;
    }
    std::smatch m;
    if (current && std::regex_match(line, m, exit_line)) {
      current->exit_code = std::stoi(m[1]);
      continue;
    }
    if (current) current->expected += line + "\n";
  }
  return out;
}

}  // namespace

// PACTA_UPDATE_GOLDEN=1: rewrite each example's output with what the binary
// prints now (review the diff).
void update_doc(const std::string& path) {
  std::istringstream in(read_file(path));
  std::string line, out;
  bool in_block = false, skipping = false;
  while (std::getline(in, line)) {
    if (!in_block) {
      in_block = line.rfind("```console", 0) == 0;
      out += line + "\n";
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      in_block = skipping = false;
      out += line + "\n";
      continue;
    }
    if (line.rfind("$ pacta ", 0) == 0) {
      auto r = run_process(kBinary, split_command(line.substr(8)), kRoot);
      out += line + "\n" + r.out + r.err;
      if (r.exit_code != 0) out += "[exit " + std::to_string(r.exit_code) + "]\n";
      skipping = true;
      continue;
    }
    if (!skipping) out += line + "\n";
  }
  write_file(path, out);
}

TEST_CASE("examples in the docs run as shown") {
  std::size_t total = 0;
  if (std::getenv("PACTA_UPDATE_GOLDEN") != nullptr) {
    for (const char* doc : {"/docs/cli.md", "/README.md", "/docs/language.md"}) {
      if (fs::exists(kRoot + doc)) update_doc(kRoot + doc);
    }
  }
  for (const char* doc : {"/docs/cli.md", "/README.md", "/docs/language.md"}) {
    if (!fs::exists(kRoot + doc)) continue;
    for (const auto& ex : doc_examples(kRoot + doc)) {
      ++total;
      INFO(ex.file << ":" << ex.line << ": $ pacta " << ex.command);
      auto r = run_process(kBinary, split_command(ex.command), kRoot);
      CHECK(r.exit_code == ex.exit_code);
      CHECK(r.out + r.err == ex.expected);
    }
  }
  CHECK(total >= 10);
}

// The code table (grammar/codes.def) is the one list of codes: each row is
// documented under a heading whose anchor the row names, and shown by a
// golden case; every documented code is in the table; no source file spells
// a code as a string literal (diagnostics are raised through `Code::Exxx`).
TEST_CASE("every diagnostic code is in the table, documented and has a golden case") {
  static const std::regex row(
      R"re(^PACTA_CODE\(([EPL]\d{3}), (Error|Warning|Info), "([^"]*)", "([^"]*)"\))re");
  static const std::regex heading(R"(^## (([EPL]\d{3}) .*)$)");
  std::map<std::string, std::string> table;  // code -> anchor
  {
    std::istringstream in(read_file(kRoot + "/grammar/codes.def"));
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_search(line, m, row)) table[m[1]] = m[4];
    }
  }
  // GitHub's anchor of a heading: lower case, punctuation dropped, spaces
  // become hyphens.
  auto anchor_of = [](const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
      if (std::isalnum(c) || c == '-' || c == '_')
        out += static_cast<char>(std::tolower(c));
      else if (c == ' ')
        out += '-';
    }
    return out;
  };
  std::map<std::string, std::string> documented;  // code -> anchor
  std::istringstream errors(read_file(kRoot + "/docs/errors.md"));
  std::string line;
  while (std::getline(errors, line)) {
    std::smatch m;
    if (std::regex_search(line, m, heading)) documented[m[2]] = anchor_of(m[1]);
  }
  std::set<std::string> shown;
  static const std::regex shown_code(R"((?:\[|"code": ?")([EPL]\d{3}))");
  for (const auto& dir : case_dirs()) {
    std::string text =
        read_file((dir / "expected.err").string()) + read_file((dir / "expected.out").string());
    for (std::sregex_iterator it(text.begin(), text.end(), shown_code), end; it != end; ++it) {
      shown.insert((*it)[1]);
    }
  }
  REQUIRE(table.size() >= 39);
  for (const auto& [code, anchor] : table) {
    INFO(code);
    REQUIRE(documented.count(code) == 1);
    CHECK(documented[code] == anchor);
    CHECK(shown.count(code) == 1);
  }
  for (const auto& entry : documented) {
    INFO(entry.first << " is documented but not in grammar/codes.def");
    CHECK(table.count(entry.first) == 1);
  }
  static const std::regex code_literal(R"re("[EWLP]\d{3}")re");
  std::size_t scanned = 0;
  for (const char* dir : {"/grammar", "/engine", "/cli", "/bench", "/tests/unit", "/tests/fuzz"}) {
    for (const auto& entry : fs::recursive_directory_iterator(kRoot + dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      ++scanned;
      INFO(entry.path().string() << " spells a code as a string: use Code::Exxx");
      CHECK_FALSE(std::regex_search(read_file(entry.path().string()), code_literal));
    }
  }
  CHECK(scanned >= 40);
}

TEST_CASE("outputs shown in docs/errors.md are real") {
  // Each ```text block there starts with "$ pacta ..." and shows the stdout
  // or the stderr of one golden case, byte for byte.
  std::set<std::string> outputs;
  for (const auto& dir : case_dirs()) {
    outputs.insert(read_file((dir / "expected.out").string()));
    outputs.insert(read_file((dir / "expected.err").string()));
  }
  std::istringstream in(read_file(kRoot + "/docs/errors.md"));
  std::string line, body, command;
  bool in_block = false;
  std::size_t blocks = 0;
  while (std::getline(in, line)) {
    if (!in_block) {
      in_block = line == "```text";
      command.clear();
      body.clear();
      continue;
    }
    if (line.rfind("```", 0) == 0) {
      in_block = false;
      if (command.empty()) continue;
      ++blocks;
      INFO(command << "\n" << body);
      CHECK(outputs.count(body) == 1);
      continue;
    }
    if (command.empty() && body.empty() && line.rfind("$ pacta ", 0) == 0)
      command = line;
    else
      body += line + "\n";
  }
  CHECK(blocks >= 40);
}
