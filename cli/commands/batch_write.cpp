#include "cli/commands/batch_write.hpp"

#include <array>
#include <cstring>

#include "grammar/utf8.hpp"
#include "grammar/verdict.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

void append_escape(std::string& out, std::uint32_t code) { out += fmt::format("\\u{:04x}", code); }

void append_valid(std::string& out, std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char ch = text[i];
    const auto byte = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch == '\t') {
      out += "\\t";
    } else if (ch == '\r') {
      out += "\\r";
    } else if (byte < 0x20 || byte == 0x7F) {
      append_escape(out, byte);
    } else if (byte < 0x80) {
      out += ch;
    } else {
      const utf8::Decoded c = utf8::decode(text, i);
      if (shown_as_escape(c.code)) {
        append_escape(out, c.code);
      } else {
        out.append(text, i, c.length);
      }
      i += c.length;
      continue;
    }
    ++i;
  }
}

// The verdicts' words by enum value, so an answer costs no strlen.
constexpr std::array<std::string_view, kVerdictWords.size()> kWordOf = [] {
  std::array<std::string_view, kVerdictWords.size()> w{};
  for (const auto& [verdict, word] : kVerdictWords) w[static_cast<std::size_t>(verdict)] = word;
  return w;
}();

std::string_view verdict_word(Verdict v) { return kWordOf[static_cast<std::size_t>(v)]; }

void append_id(fmt::memory_buffer& out, std::string_view id) {
  out.push_back('{');
  if (id.empty()) return;
  append(out, "\"id\":");
  append(out, id);
  out.push_back(',');
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  if (is_valid_utf8(text)) {
    append_valid(out, text);
  } else {
    append_valid(out, escape_invalid_utf8(text));
  }
  out += '"';
}

void write_answer(fmt::memory_buffer& out, std::string_view id, const Decision& d,
                  const std::vector<std::string>& quoted_ids) {
  // The answer is written through a pointer into room made once: fixed
  // parts as constant-size copies, the rest with one memcpy each.
  static constexpr std::string_view kIdKey = "{\"id\":", kVerdict = "\"verdict\":\"",
                                    kDefault = "\",\"default\":true,\"by\":[",
                                    kNotDefault = "\",\"default\":false,\"by\":[",
                                    kOverridden = "],\"overridden\":[", kEnd = "]}\n";
  std::size_t room = kIdKey.size() + id.size() + 1 + kVerdict.size() + std::size_t{16} +
                     kNotDefault.size() + kOverridden.size() + kEnd.size();
  for (const int c : d.by) room += quoted_ids[static_cast<std::size_t>(c)].size() + 1;
  for (const int c : d.overridden) room += quoted_ids[static_cast<std::size_t>(c)].size() + 1;
  const std::size_t start = out.size();
  out.resize(start + room);
  char* p = out.data() + start;
  const auto put = [&p](std::string_view s) {
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  };
  const auto put_ids = [&](const std::vector<int>& clauses) {
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      if (i > 0) *p++ = ',';
      put(quoted_ids[static_cast<std::size_t>(clauses[i])]);
    }
  };
  if (id.empty()) {
    *p++ = '{';
  } else {
    put(kIdKey);
    put(id);
    *p++ = ',';
  }
  put(kVerdict);
  put(verdict_word(d.verdict));
  put(d.is_default ? kDefault : kNotDefault);
  put_ids(d.by);
  put(kOverridden);
  put_ids(d.overridden);
  put(kEnd);
  out.resize(static_cast<std::size_t>(p - out.data()));
}

void write_error(fmt::memory_buffer& out, std::string_view id, const BatchError& e) {
  append_id(out, id);
  std::string text = "\"error\":{\"code\":\"";
  text += code_name(e.code);
  text += "\",\"message\":";
  append_json_string(text, e.message);
  if (!e.help.empty()) {
    text += ",\"help\":";
    append_json_string(text, e.help);
  }
  if (!e.at.empty()) {
    text += ",\"at\":";
    append_json_string(text, e.at);
  }
  text += fmt::format(",\"line\":{},\"column\":{}}}}}\n", e.line, e.column);
  append(out, text);
}

}  // namespace pacta::cli
