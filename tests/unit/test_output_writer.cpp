// All output goes through one writer (cli/report/output.cpp), which writes
// by length: no other file in cli/, engine/ or grammar/ prints (fmt::print,
// printf, puts, fwrite, iostreams, stdout or stderr by name). The scan
// skips comments and string literals, and is tested on small texts first,
// as test_layering.cpp does for includes. Also here: visible() and
// escape_invalid_utf8(), the functions that make untrusted text printable.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/visible.hpp"

namespace fs = std::filesystem;
using pacta::escape_invalid_utf8;
using pacta::is_valid_utf8;
using pacta::Tabs;
using pacta::visible;

namespace {

// The code of a C++ source: comments and the contents of string and
// character literals (raw strings included) replaced by spaces.
std::string code_only(const std::string& s) {
  std::string out;
  std::size_t i = 0;
  auto skip_to = [&](std::size_t end) {
    for (; i < end && i < s.size(); ++i) out += s[i] == '\n' ? '\n' : ' ';
  };
  while (i < s.size()) {
    if (s.compare(i, 2, "//") == 0) {
      skip_to(s.find('\n', i));
    } else if (s.compare(i, 2, "/*") == 0) {
      const std::size_t end = s.find("*/", i + 2);
      skip_to(end == std::string::npos ? s.size() : end + 2);
    } else if (s.compare(i, 2, "R\"") == 0) {
      const std::size_t open = s.find('(', i);
      const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = s.find(close, open);
      skip_to(end == std::string::npos ? s.size() : end + close.size());
    } else if (s[i] == '"' || s[i] == '\'') {
      const char quote = s[i];
      std::size_t end = i + 1;
      while (end < s.size() && s[end] != quote && s[end] != '\n') end += s[end] == '\\' ? 2 : 1;
      skip_to(end + 1);
    } else {
      out += s[i++];
    }
  }
  return out;
}

// The ways to print that bypass the writer, found in `source`.
std::vector<std::string> printing_calls(const std::string& source) {
  static const std::regex banned(
      R"re(\b(fmt::print|std::print|v?f?printf|fputs|puts|putchar|fputc|putc|fwrite|perror|)re"
      R"re(std::cout|std::cerr|std::clog|std::wcout|std::wcerr|stdout|stderr)\b|)re"
      R"re(\bwrite\s*\(\s*(1|2|STDOUT_FILENO|STDERR_FILENO)\b)re");
  const std::string code = code_only(source);
  std::vector<std::string> found;
  for (std::sregex_iterator it(code.begin(), code.end(), banned), end; it != end; ++it) {
    found.push_back(it->str());
  }
  return found;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("the scan finds printing, not words in comments or strings", "[output]") {
  CHECK(printing_calls("fmt::print(\"{}\", x);").size() == 1);
  CHECK(printing_calls("fmt::print(stderr, \"{}\", x);").size() == 2);
  CHECK(printing_calls("std::fputs(s.c_str(), stdout);").size() == 2);
  CHECK(printing_calls("std::cout << x;").size() == 1);
  CHECK(printing_calls("std::cerr << x;").size() == 1);
  CHECK(printing_calls("printf(\"%s\", x); std::fprintf(f, x);").size() == 2);
  CHECK(printing_calls("puts(x);").size() == 1);
  CHECK(printing_calls("::write(STDERR_FILENO, p, n);").size() == 1);
  CHECK(printing_calls("std::fwrite(p, 1, n, f);").size() == 1);
  // Not printing: words in comments and strings, names that contain them.
  CHECK(printing_calls("// results to stdout, fmt::print\nint x;").empty());
  CHECK(printing_calls("/* std::cout */ int y;").empty());
  CHECK(printing_calls("auto s = \"diagnostics go to stderr\";").empty());
  CHECK(printing_calls("auto s = R\"(printf(\"x\"))\";").empty());
  CHECK(printing_calls("char q = '\"'; int printf_count = 0;").empty());
  CHECK(printing_calls("isatty(STDOUT_FILENO); write_out(x); print_err(\"{}\", y);").empty());
}

TEST_CASE("only the writer prints", "[output]") {
  const fs::path root = PACTA_SOURCE_DIR;
  const fs::path writer = root / "cli/report/output.cpp";
  std::size_t scanned = 0;
  std::ostringstream report;
  for (const char* dir : {"cli", "engine", "grammar"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp") continue;
      ++scanned;
      if (entry.path() == writer) continue;
      for (const auto& call : printing_calls(read(entry.path()))) {
        report << fs::relative(entry.path(), root).generic_string() << ": " << call << "\n";
      }
    }
  }
  REQUIRE(scanned >= 80);
  REQUIRE_FALSE(printing_calls(read(writer)).empty());  // the writer is where it says
  INFO("print through cli/report/output.hpp instead:\n" << report.str());
  CHECK(report.str().empty());
}

TEST_CASE("visible() shows controls and invalid bytes by name", "[output][visible]") {
  CHECK(visible("plain café, a \\ backslash") == "plain café, a \\ backslash");
  CHECK(visible("\x1b[2K\r1 passed, 0 failed") == "\\e[2K\\r1 passed, 0 failed");
  CHECK(visible(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(visible("\a\b\t\n\v\f\x7f") == "\\x07\\x08\\t\\n\\x0B\\x0C\\x7F");
  CHECK(visible("\t", Tabs::Keep) == "\t");
  // C1 controls and text-reordering marks are valid UTF-8 but invisible.
  CHECK(visible("\xC2\x9B"
                "31m") == "\\u009B31m");
  CHECK(visible("a\xE2\x80\xAE"
                "b") == "a\\u202Eb");
  CHECK(visible("\xEF\xBB\xBFx") == "\\uFEFFx");
  // Invalid UTF-8, byte by byte: Latin-1, stray continuation, truncated,
  // overlong, surrogate, above U+10FFFF.
  CHECK(visible("\xE9t\xE9") == "\\xE9t\\xE9");
  CHECK(visible("\x80") == "\\x80");
  CHECK(visible("\xE2\x82") == "\\xE2\\x82");
  CHECK(visible("\xC0\xAF") == "\\xC0\\xAF");
  CHECK(visible("\xED\xA0\x80") == "\\xED\\xA0\\x80");
  CHECK(visible("\xF4\x90\x80\x80") == "\\xF4\\x90\\x80\\x80");
  CHECK(visible("\xFF") == "\\xFF");
  CHECK(pacta::shown_as_escape(0x1B));
  CHECK(pacta::shown_as_escape(0x7F));
  CHECK(pacta::shown_as_escape(0x85));
  CHECK(pacta::shown_as_escape(0x2066));
  CHECK_FALSE(pacta::shown_as_escape('a'));
  CHECK_FALSE(pacta::shown_as_escape(0xE9));
  CHECK_FALSE(pacta::shown_as_escape(0x200B));  // zero width space: shown (no reordering)
  // Idempotent: what visible() writes is shown as it is.
  const std::string once = visible(std::string("\x1b\0\xFF\xC2\x85\t\\e", 8));
  CHECK(visible(once) == once);
  CHECK(is_valid_utf8(once));
}

TEST_CASE("escape_invalid_utf8() keeps valid text, controls included", "[output][visible]") {
  CHECK(escape_invalid_utf8("caf\xC3\xA9\x1b\n") == "caf\xC3\xA9\x1b\n");
  CHECK(escape_invalid_utf8("/x\xFF.yaml") == "/x\\xFF.yaml");
  CHECK(escape_invalid_utf8("\xE9t\xE9.test.yaml") == "\\xE9t\\xE9.test.yaml");
  CHECK(escape_invalid_utf8("\xED\xA0\x80") == "\\xED\\xA0\\x80");
  CHECK(is_valid_utf8("caf\xC3\xA9"));
  CHECK_FALSE(is_valid_utf8("\xC0\x80"));
  CHECK(is_valid_utf8(escape_invalid_utf8("\xFE\xFF\xC0\x80\xF5")));
}
