#include "grammar/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "grammar/utf8.hpp"
#include "grammar/visible.hpp"

namespace pacta {

namespace {

// Lines longer than this are kept as a window of kWindow bytes each side of
// the caret: more than render_text shows (kBefore columns are at most
// 4 * kBefore bytes), so the rendered text is the same as from the whole
// line.
constexpr std::size_t kLongLine = 1024;
constexpr std::size_t kWindow = 400;

}  // namespace

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::Error) ++error_count_;
  if (list_.size() >= max_) {
    ++suppressed_;
    return;
  }
  list_.push_back(std::move(d));
}

void Diagnostics::error(const SourceFile& file, std::size_t offset, Code code, std::string message,
                        std::string help) {
  Diagnostic d;
  d.code = code;
  if (list_.size() >= max_) {  // only counted (see add)
    add(std::move(d));
    return;
  }
  d.message = std::move(message);
  d.help = std::move(help);
  d.file = file.path_at(offset);
  d.has_position = true;
  d.position = file.position(offset);
  std::string_view line = file.line_text_at(offset);
  const std::size_t line_start = static_cast<std::size_t>(line.data() - file.text().data());
  // The caret's byte in the line: at the offset, or at the line's end when
  // the offset is past it (a diagnostic at the end of the file).
  const std::size_t caret = std::min(
      std::max(std::min(offset, file.text().size()), line_start) - line_start, line.size());
  if (line.size() <= kLongLine) {
    d.source_line = std::string(line);
    d.source_caret = static_cast<std::uint32_t>(caret);
  } else {
    // A window on character boundaries: a character has at most three
    // continuation bytes (more are invalid bytes, shown one by one), so a
    // line of continuation bytes costs three steps, not its length.
    auto is_continuation = [&](std::size_t i) {
      return i < line.size() && utf8::is_continuation(line[i]);
    };
    std::size_t begin = caret > kWindow ? caret - kWindow : 0;
    for (int k = 0; k < 3 && begin > 0 && is_continuation(begin); ++k) --begin;
    std::size_t end = std::min(line.size(), caret + kWindow);
    for (int k = 0; k < 3 && end < line.size() && is_continuation(end); ++k) ++end;
    const std::string_view marker = begin > 0 ? "..." : "";
    d.source_line = std::string(marker);
    d.source_line.append(line.substr(begin, end - begin));
    if (end < line.size()) d.source_line += "...";
    d.source_caret = static_cast<std::uint32_t>(marker.size() + caret - begin);
  }
  add(std::move(d));
}

void Diagnostics::error(std::string file, Code code, std::string message, std::string help) {
  Diagnostic d;
  d.code = code;
  d.message = std::move(message);
  d.help = std::move(help);
  d.file = std::move(file);
  add(std::move(d));
}

namespace {

// One character of a quoted source line: its bytes in the line, and the
// text and terminal columns it is shown as (visible(): `\e` is 2 columns).
struct ShownChar {
  std::size_t begin = 0, end = 0;  // bytes in the line
  std::string text;
  std::size_t columns = 0;
};

std::vector<ShownChar> shown_chars(std::string_view line) {
  std::vector<ShownChar> chars;
  for (std::size_t i = 0; i < line.size();) {
    ShownChar c;
    c.begin = i;
    i += append_visible(line, i, c.text, Tabs::Keep);
    c.end = i;
    c.columns = utf8::count_code_points(c.text);
    chars.push_back(std::move(c));
  }
  return chars;
}

// The quoted line and the padding that puts a caret under the character at
// byte `caret` (tabs kept, so the caret lines up in a terminal). A line
// wider than kBefore + kAfter + kSlack columns is cut to a window of about
// kBefore columns before the caret and kAfter from it, marked with "...";
// the cut falls between characters, never inside an escape.
std::pair<std::string, std::string> quoted_line(std::string_view line, std::size_t caret) {
  constexpr std::size_t kBefore = 60, kAfter = 40, kSlack = 20;
  const std::vector<ShownChar> chars = shown_chars(line);
  std::size_t at = 0;  // the character under the caret (chars.size(): past the end)
  while (at < chars.size() && chars[at].end <= caret) ++at;
  std::size_t total = 0;
  for (const auto& c : chars) total += c.columns;
  std::size_t first = 0, last = chars.size();
  if (total > kBefore + kAfter + kSlack) {
    std::size_t before = 0, after = 0;
    for (first = at; first > 0 && before + chars[first - 1].columns <= kBefore; --first) {
      before += chars[first - 1].columns;
    }
    for (last = at; last < chars.size() && after + chars[last].columns <= kAfter; ++last) {
      after += chars[last].columns;
    }
  }
  std::string shown = first > 0 ? "..." : "";
  std::string pad = first > 0 ? "   " : "";
  for (std::size_t k = first; k < last; ++k) {
    shown += chars[k].text;
    if (k >= at) continue;
    if (chars[k].text == "\t") {
      pad += '\t';
    } else {
      pad.append(chars[k].columns, ' ');
    }
  }
  if (last < chars.size()) shown += "...";
  return {shown, pad};
}

}  // namespace

std::string render_text(const Diagnostic& d, bool color) {
  const char* bold = color ? "\x1b[1m" : "";
  const char* red = color ? "\x1b[1;31m" : "";
  const char* yellow = color ? "\x1b[1;33m" : "";
  const char* cyan = color ? "\x1b[1;36m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const bool is_error = d.severity == Severity::Error;
  std::string out;
  std::string where = visible(d.file);
  if (d.has_position) where += fmt::format(":{}:{}", d.position.line, d.position.column);
  if (!where.empty()) where += ": ";
  const bool is_info = d.severity == Severity::Info;
  out += fmt::format("{}{}{}{}{}{}: {}{}{} [{}]\n", bold, where, reset,
                     is_error ? red : (is_info ? cyan : yellow), severity_word(d.severity), reset,
                     bold, visible(d.message), reset, code_name(d.code));
  if (d.has_position) {
    std::string number = std::to_string(d.position.line);
    std::string gutter(number.size(), ' ');
    auto [line, pad] = quoted_line(d.source_line, d.source_caret);
    out += fmt::format(" {} | {}\n", number, line);
    out += fmt::format(" {} | {}{}^{}\n", gutter, pad, red, reset);
  }
  if (!d.help.empty()) out += fmt::format("  {}help{}: {}\n", cyan, reset, visible(d.help));
  return out;
}

}  // namespace pacta
