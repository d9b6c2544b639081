// How the pictures of `pacta timeline` spell untrusted text and a run's
// facts (cli/report/timeline_picture_parts.hpp).
#include <fmt/format.h>

#include <string>
#include <vector>

#include "cli/report/timeline_picture_parts.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace picture {

std::string markup(std::string_view text) {
  const std::string shown = visible(text);
  std::string out;
  out.reserve(shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const char ch = shown[i];
    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
    if (ch == '\xEF' && i + 2 < shown.size() && shown[i + 1] == '\xBF' &&
        (shown[i + 2] == '\xBE' || shown[i + 2] == '\xBF')) {
      out += shown[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
      i += 2;
      continue;
    }
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string markup_truncated(std::string_view text, std::size_t max_chars) {
  const std::string shown = visible(text);
  std::size_t chars = 0;
  std::size_t cut = shown.size();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    if ((static_cast<unsigned char>(shown[i]) & 0xC0U) == 0x80U) continue;  // continuation byte
    if (chars == max_chars) {
      cut = i;
      break;
    }
    ++chars;
  }
  if (cut == shown.size()) return markup(shown);
  return markup(shown.substr(0, cut)) + "…";
}

std::string from_text(Date from) {
  return from == Date::min() ? "beginning of time" : from.to_string();
}

std::string through_text(Date through) {
  return through == Date::max() ? "no end" : through.to_string();
}

std::string verdict_text(const Decision& d) {
  return std::string(verdict_name(d.verdict)) + (d.is_default ? " (default)" : "");
}

std::string clause_list(const Contract& c, const std::vector<int>& clauses) {
  if (clauses.empty()) return "none";
  return fmt::format("{}", fmt::join(c.clauses.ids(clauses), ", "));
}

}  // namespace picture

}  // namespace pacta::cli
