#include "grammar/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "grammar/utf8.hpp"

namespace pacta {

namespace {

// Lines longer than this are kept as a window of kWindow bytes each side of
// the caret (Diagnostic::source_column).
constexpr std::size_t kLongLine = 1024;
constexpr std::size_t kWindow = 400;

// The source line as shown under a diagnostic: bytes that are not valid
// UTF-8 (the subject of E103) and control characters other than tab become
// '?', one per byte, so the terminal is safe and the caret still lines up.
// A complete sequence is shown as it is, even an overlong or a surrogate
// one (the terminal draws one replacement character, one column, as the
// caret counts it), except the overlong two-byte forms (lead byte 0xC0 or
// 0xC1), which lenient decoders read as ASCII.
std::string printable(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size()) {
    const utf8::Decoded c = utf8::decode(line, i);
    const bool shown = c.complete() && !(c.problem == utf8::Problem::Overlong && c.length == 2);
    if (!shown) {
      out += '?';
      ++i;
      continue;
    }
    const bool control = c.length == 1 && c.code < 0x20 && c.code != '\t';
    if (control) {
      out += '?';
    } else {
      out.append(line.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

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
  d.file = file.path();
  d.has_position = true;
  d.position = file.position(offset);
  std::string_view line = file.line_text(d.position.line);
  if (line.size() <= kLongLine) {
    d.source_line = printable(line);
  } else {
    // A window of kWindow bytes each side of the caret, on code point
    // boundaries: more than render_text's excerpt shows, so the rendered
    // text is the same as with the whole line.
    const std::size_t line_start = static_cast<std::size_t>(line.data() - file.text().data());
    const std::size_t caret = std::min(
        std::max(std::min(offset, file.text().size()), line_start) - line_start, line.size());
    auto is_continuation = [&](std::size_t i) {
      return i < line.size() && utf8::is_continuation(line[i]);
    };
    std::size_t begin = caret > kWindow ? caret - kWindow : 0;
    while (begin > 0 && is_continuation(begin)) --begin;
    std::size_t end = std::min(line.size(), caret + kWindow);
    while (end < line.size() && is_continuation(end)) ++end;
    const std::uint32_t skipped =  // code points before the window
        file.position(line_start + begin).column - 1;
    d.source_line = (begin > 0 ? "..." : "") + printable(line.substr(begin, end - begin)) +
                    (end < line.size() ? "..." : "");
    d.source_column = d.position.column - skipped + (begin > 0 ? 3 : 0);
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

// Spaces up to the caret; tabs are kept so the caret lines up in a terminal.
std::string caret_padding(std::string_view line, std::uint32_t column) {
  std::string pad;
  std::uint32_t seen = 1;
  for (char c : line) {
    if (seen >= column) break;
    if (utf8::is_continuation(c)) continue;
    pad += (c == '\t') ? '\t' : ' ';
    ++seen;
  }
  while (seen < column) {  // caret past the end of the line (e.g. at a newline)
    pad += ' ';
    ++seen;
  }
  return pad;
}

// A long line is cut to a window around the column, marked with "...".
std::pair<std::string, std::uint32_t> excerpt(const std::string& line, std::uint32_t column) {
  constexpr std::uint32_t kBefore = 60, kAfter = 40;
  std::vector<std::size_t> starts;  // byte offset of each code point
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (!utf8::is_continuation(line[i])) starts.push_back(i);
  }
  if (starts.size() <= kBefore + kAfter + 20) return {line, column};
  std::uint32_t first = column > kBefore ? column - 1 - kBefore : 0;
  std::size_t last = std::min<std::size_t>(starts.size(), std::size_t{column} - 1 + kAfter);
  std::size_t begin = starts[first];
  std::size_t end = last < starts.size() ? starts[last] : line.size();
  std::string cut = line.substr(begin, end - begin);
  std::uint32_t new_column = column - first;
  if (first > 0) {
    cut = "..." + cut;
    new_column += 3;
  }
  if (end < line.size()) cut += "...";
  return {cut, new_column};
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
  std::string where = d.file;
  if (d.has_position) where += fmt::format(":{}:{}", d.position.line, d.position.column);
  if (!where.empty()) where += ": ";
  out +=
      fmt::format("{}{}{}{}{}{}: {}{}{} [{}]\n", bold, where, reset, is_error ? red : yellow,
                  is_error ? "error" : "warning", reset, bold, d.message, reset, code_name(d.code));
  if (d.has_position) {
    std::string number = std::to_string(d.position.line);
    std::string gutter(number.size(), ' ');
    auto [line, column] =
        excerpt(d.source_line, d.source_column > 0 ? d.source_column : d.position.column);
    out += fmt::format(" {} | {}\n", number, line);
    out += fmt::format(" {} | {}{}^{}\n", gutter, caret_padding(line, column), red, reset);
  }
  if (!d.help.empty()) out += fmt::format("  {}help{}: {}\n", cyan, reset, d.help);
  return out;
}

}  // namespace pacta
