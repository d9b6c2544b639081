// Diagnostics: positions, rendering with a caret, the per-file limit, and
// did-you-mean suggestions.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"
#include "grammar/suggest.hpp"

using pacta::closest_name;
using pacta::Code;
using pacta::Diagnostic;
using pacta::Diagnostics;
using pacta::did_you_mean;
using pacta::render_text;
using pacta::SourceFile;

TEST_CASE("positions are 1-based lines and columns in code points", "[diagnostic]") {
  SourceFile f("f.yaml", "ab\n\xC3\xA9x\r\n\tz");
  CHECK(f.position(0).line == 1);
  CHECK(f.position(0).column == 1);
  CHECK(f.position(2).column == 3);  // at the line break
  CHECK(f.position(3).line == 2);
  CHECK(f.position(5).column == 2);         // after the two-byte 'é'
  CHECK(f.line_text_at(4) == "\xC3\xA9x");  // CR removed
  CHECK(f.position(9).line == 3);
  CHECK(f.position(9).column == 2);
  CHECK(f.position(1000).line == 3);     // clamped to the end
  CHECK(f.line_text_at(1000) == "\tz");  // clamped to the end
}

TEST_CASE("positions on a long line agree with counting from the line start",
          "[diagnostic][limits]") {
  // Columns come from code-point checkpoints every 1 KiB (one lookup costs
  // the same on a 4 MB line as on a short one): cross several checkpoints
  // with two-, three- and four-byte characters, and lines that start
  // between checkpoints.
  std::string text = "head\n";
  for (int i = 0; i < 3000; ++i)
    text += (i % 3 == 0) ? "\xC3\xA9" : (i % 3 == 1) ? "\xE2\x82\xAC" : "x";
  text += "\n";
  for (int i = 0; i < 900; ++i) text += "\xF0\x9F\x98\x80y";
  text += "\nend";
  SourceFile f("f.yaml", text);
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t offset = 0; offset <= text.size(); ++offset) {
    const bool starts_character = offset == text.size() || (text[offset] & 0xC0) != 0x80;
    if (starts_character) {
      INFO("offset " << offset);
      REQUIRE(f.position(offset).line == line);
      REQUIRE(f.position(offset).column == column);
      REQUIRE(f.line(offset) == line);
    }
    if (offset < text.size() && text[offset] == '\n') {
      ++line;
      column = 1;
    } else if (offset < text.size() && (text[offset] & 0xC0) != 0x80) {
      ++column;
    }
  }
  CHECK(f.line(text.size() + 10) == 4);  // clamped to the end
  CHECK(SourceFile("e", "").position(0).column == 1);
  CHECK(SourceFile("e", std::string(1024, 'a')).position(1024).column == 1025);
}

TEST_CASE("rendering shows the line and a caret under the column", "[diagnostic]") {
  SourceFile f("rules/x.yaml", "a: 1\n\twhen: caf\xC3\xA9 and x\n");
  Diagnostics d;
  d.error(f, 22, Code::E401, "unknown name 'x'", "did you mean 'y'?");
  REQUIRE(d.all().size() == 1);
  CHECK(render_text(d.all()[0], false) ==
        "rules/x.yaml:2:17: error: unknown name 'x' [E401]\n"
        " 2 | \twhen: caf\xC3\xA9 and x\n"
        "   | \t               ^\n"
        "  help: did you mean 'y'?\n");
  // Without a position: no source line.
  Diagnostics no_position;
  no_position.error("--on", Code::E601, "--on takes a date");
  CHECK(render_text(no_position.all()[0], false) == "--on: error: --on takes a date [E601]\n");
}

TEST_CASE("a shown line makes controls and invalid bytes visible, the caret under its character",
          "[diagnostic]") {
  SourceFile f("f.yaml", "k: d\xE9mo\x01!\n");
  Diagnostics d;
  d.error(f, 4, Code::E103, "invalid UTF-8");
  CHECK(d.all()[0].source_line == "k: d\xE9mo\x01!");  // the bytes; shown when rendered
  CHECK(d.all()[0].position.column == 5);
  CHECK(render_text(d.all()[0], false) ==
        "f.yaml:1:5: error: invalid UTF-8 [E103]\n"
        " 1 | k: d\\xE9mo\\x01!\n"
        "   |     ^\n");
  // After characters shown as several (ESC, a stray continuation byte,
  // which counts no column of its own, BEL), the caret is still under
  // the character at the offset; a tab stays a tab.
  SourceFile g("g.yaml", "\tk: \x1b\x80\a x\n");
  Diagnostics after;
  after.error(g, 8, Code::E401, "here");
  CHECK(render_text(after.all()[0], false) ==
        "g.yaml:1:8: error: here [E401]\n"
        " 1 | \tk: \\e\\x80\\x07 x\n"
        "   | \t   " +
            std::string(11, ' ') + "^\n");
  // A caret on an invalid byte points at its escape.
  after.error(g, 5, Code::E103, "stray");
  CHECK(render_text(after.all()[1], false).find("   | \t   " + std::string(2, ' ') + "^\n") !=
        std::string::npos);
}

TEST_CASE("the file, message and help of a diagnostic are shown visibly", "[diagnostic]") {
  Diagnostics d;
  d.error(std::string("x\xFF\x1b.yaml"), Code::E101, std::string("name 'a\0b\r' here", 16),
          "try \a or '\\\\'");
  CHECK(render_text(d.all()[0], false) ==
        "x\\xFF\\e.yaml: error: name 'a\\x00b\\r' here [E101]\n"
        "  help: try \\x07 or '\\\\'\n");
}

TEST_CASE("a long line of controls is cut between escapes, never inside one", "[diagnostic]") {
  std::string line(300, '\x1b');
  line[150] = 'X';
  SourceFile f("f.yaml", line);
  Diagnostics d;
  d.error(f, 150, Code::E301, "here");
  const std::string text = render_text(d.all()[0], false);
  // 60 columns before the caret are 30 `\e`; from it, X and 19 `\e` are 39
  // columns (a 20th would pass 40).
  std::string esc30, esc19;
  for (int i = 0; i < 30; ++i) esc30 += "\\e";
  for (int i = 0; i < 19; ++i) esc19 += "\\e";
  CHECK(text.find(" 1 | ..." + esc30 + "X" + esc19 + "...\n") != std::string::npos);
  CHECK(text.find("   | " + std::string(63, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("a long line is cut to a window around the caret", "[diagnostic]") {
  std::string line = std::string(300, 'a') + "X" + std::string(300, 'b');
  SourceFile f("f.yaml", line);
  Diagnostics d;
  d.error(f, 300, Code::E301, "here");
  std::string text = render_text(d.all()[0], false);
  CHECK(text.find("f.yaml:1:301:") == 0);
  std::string shown = "..." + std::string(60, 'a') + "X" + std::string(39, 'b') + "...";
  CHECK(text.find(" 1 | " + shown + "\n") != std::string::npos);
  CHECK(text.find("   | " + std::string(63, ' ') + "^\n") != std::string::npos);
}

TEST_CASE("a very long line is kept as a window, rendered as the whole line",
          "[diagnostic][limits]") {
  // 2-byte code points around the caret: the window starts and ends on
  // code point boundaries, and the column stays the column in the file.
  std::string e_acute = "\xC3\xA9";
  std::string line;
  for (int i = 0; i < 50000; ++i) line += e_acute;
  const std::size_t caret = line.size();
  line += "X";
  for (int i = 0; i < 50000; ++i) line += e_acute;
  SourceFile f("f.yaml", "k: v\n" + line + "\nnext\n");
  Diagnostics d;
  d.error(f, 5 + caret, Code::E301, "here");
  const Diagnostic& diag = d.all()[0];
  CHECK(diag.position.line == 2);
  CHECK(diag.position.column == 50001);
  CHECK(diag.source_line.size() < 2000);  // not a copy of the 200 KB line
  std::string shown = "...";
  for (int i = 0; i < 60; ++i) shown += e_acute;
  shown += "X";
  for (int i = 0; i < 39; ++i) shown += e_acute;
  shown += "...";
  std::string text = render_text(diag, false);
  CHECK(text.find("f.yaml:2:50001:") == 0);
  CHECK(text.find(" 2 | " + shown + "\n") != std::string::npos);
  CHECK(text.find("   | " + std::string(63, ' ') + "^\n") != std::string::npos);

  // Near either end of a long line: the same text as from the whole line.
  std::string ascii = std::string(2000, 'a');
  SourceFile g("g.yaml", ascii);
  Diagnostics near;
  near.error(g, 10, Code::E301, "start");
  near.error(g, 2000, Code::E301, "end");
  CHECK(render_text(near.all()[0], false) == "g.yaml:1:11: error: start [E301]\n 1 | " +
                                                 std::string(50, 'a') + "...\n   | " +
                                                 std::string(10, ' ') + "^\n");
  CHECK(render_text(near.all()[1], false) == "g.yaml:1:2001: error: end [E301]\n 1 | ..." +
                                                 std::string(60, 'a') + "\n   | " +
                                                 std::string(63, ' ') + "^\n");
}

TEST_CASE("a file keeps max_diagnostics errors and counts the rest", "[diagnostic][limits]") {
  SourceFile f("f.yaml", "x\n");
  Diagnostics at_limit(100);
  for (int i = 0; i < 100; ++i) at_limit.error(f, 0, Code::E401, "e");
  CHECK(at_limit.all().size() == 100);
  CHECK(at_limit.suppressed() == 0);
  Diagnostics past(100);
  for (int i = 0; i < 101; ++i) past.error(f, 0, Code::E401, "e");
  CHECK(past.all().size() == 100);
  CHECK(past.suppressed() == 1);
  CHECK(past.full());  // callers skip building help texts from here on
  CHECK_FALSE(Diagnostics(1).full());
  CHECK(past.error_count() == 101);
  CHECK(pacta::Limits{}.max_diagnostics == 100);
  past.add_suppressed(5);
  CHECK(past.suppressed() == 6);
  CHECK(past.error_count() == 106);
}

TEST_CASE("did-you-mean finds close names, swaps included", "[diagnostic]") {
  const std::vector<std::string> keys = {"when", "from", "until", "through", "overrides"};
  CHECK(closest_name("wehn", keys) == "when");  // swap of neighbours
  CHECK(closest_name("thru", keys).empty());    // too far
  CHECK(closest_name("overides", keys) == "overrides");
  CHECK(closest_name("untill", keys) == "until");
  CHECK(closest_name("when", keys).empty());     // the name itself is not suggested
  CHECK(closest_name("x", {"y", "xy"}) == "y");  // ties: the earlier candidate
  CHECK(did_you_mean("frm", keys) == "did you mean 'from'?");
  CHECK(did_you_mean("zzzzzz", keys).empty());
}
