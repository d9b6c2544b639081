// Fuzz target: the lines of `ask --batch` (docs/fuzzing.md). The input is
// the questions file, read through a memfd by the BatchReader in small
// blocks (so lines cross block ends) and answered by a BatchAnswerer
// against the bundled Microsoft-OpenAI contract. Checked: one answer per
// non-blank line, in order; every answer is one line of valid JSON that is
// an object with either "verdict" or "error" (and an error has a code, a
// message, a line and a column within the line); answering twice gives the
// same bytes; and every line the fast scan reads (parse_simple_line) the
// simdjson on-demand walk reads too, to the same fields and offsets, as
// it does every line read through the shape of the line before.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "cli/commands/batch_answer.hpp"

namespace {

using namespace pacta;
using namespace pacta::cli;

void require(bool ok) {
  if (!ok) std::abort();
}

std::string answer(const std::uint8_t* data, std::size_t size, const BatchSettings& s,
                   std::uint64_t& answered) {
  const int fd = memfd_create("questions", 0);
  require(fd >= 0);
  require(::write(fd, data, size) == static_cast<ssize_t>(size));
  require(::lseek(fd, 0, SEEK_SET) == 0);
  BatchReader reader(fd, true, s.limits.max_batch_line_bytes, 256);
  Portfolio portfolio(s);
  BatchAnswerer answerer(portfolio, s);
  BatchBlock b;
  BatchTally tally;
  fmt::memory_buffer out;
  while (reader.next(b)) answerer.answer_block(b, out, tally);
  require(!reader.error());
  answered = tally.answered;
  return {out.data(), out.size()};
}

// Lines that get an answer: not blank (spaces, tabs, \r), or longer than
// `max` (the reader skips those unread), as the reader cuts them.
std::uint64_t questions(std::string_view text, std::size_t max) {
  std::uint64_t n = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    if (line.size() > max || line.find_first_not_of(" \t\r") != std::string_view::npos) ++n;
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  return n;
}

void check_answer(const std::string& line) {
  const auto j = nlohmann::json::parse(line, nullptr, false);
  require(!j.is_discarded() && j.is_object());
  require(j.contains("verdict") != j.contains("error"));
  if (j.contains("error")) {
    const auto& e = j["error"];
    require(e["code"].is_string() && e["message"].is_string());
    require(e["line"].is_number_unsigned() && e["column"].is_number_unsigned());
    require(e["column"].get<std::uint64_t>() >= 1);
  }
}

bool same(const BatchString& a, const BatchString& b) {
  return a.text == b.text && a.raw == b.raw && a.offset == b.offset && a.escaped == b.escaped;
}

bool same(const BatchQuestion& a, const BatchQuestion& b) {
  if (a.id != b.id || a.has_ask != b.has_ask || a.has_on != b.has_on ||
      a.has_as_agreed_on != b.has_as_agreed_on || a.has_contract != b.has_contract ||
      a.as_agreed_on_null != b.as_agreed_on_null || !same(a.ask, b.ask) || !same(a.on, b.on) ||
      !same(a.contract, b.contract) || !same(a.as_agreed_on, b.as_agreed_on) ||
      a.assume.size() != b.assume.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.assume.size(); ++i) {
    const BatchAssumption &x = a.assume[i], &y = b.assume[i];
    if (!same(x.name, y.name) || x.kind != y.kind || x.b != y.b || x.text != y.text ||
        x.value_offset != y.value_offset || !same(x.string, y.string)) {
      return false;
    }
  }
  return true;
}

// Each line read by the scan and by the on-demand walk alone.
void check_scan(std::string_view text, const Limits& limits) {
  static BatchLineParser parser(limits);
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string line(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    const std::size_t size = line.size();
    if (size > limits.max_batch_line_bytes) continue;  // refused before either reads it
    line.append(batch_padding(), ' ');
    BatchQuestion fast, walked, shaped;
    LineError error;
    static BatchLineShape shape;  // as the parser keeps it, from line to line and input to input
    if (shape.parse(std::string_view(line.data(), size), shaped)) {
      require(
          parser.parse_on_demand(std::string_view(line.data(), size), line.size(), walked, error));
      require(same(shaped, walked));
    }
    if (!parse_simple_line(std::string_view(line.data(), size), fast)) continue;
    require(
        parser.parse_on_demand(std::string_view(line.data(), size), line.size(), walked, error));
    require(same(fast, walked));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const BatchSettings settings = [] {
    BatchSettings s;
    s.default_file = std::string(PACTA_SOURCE_DIR) + "/rules/microsoft-openai.yaml";
    s.limits.max_batch_line_bytes = 4096;
    return s;
  }();
  std::uint64_t answered = 0, again = 0;
  const std::string out = answer(data, size, settings, answered);
  require(answer(data, size, settings, again) == out);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  require(answered == questions(text, settings.limits.max_batch_line_bytes));
  std::size_t lines = 0;
  for (std::size_t start = 0; start < out.size(); ++lines) {
    const std::size_t nl = out.find('\n', start);
    require(nl != std::string::npos);
    check_answer(out.substr(start, nl - start));
    start = nl + 1;
  }
  require(lines == answered);
  check_scan(text, settings.limits);
  return 0;
}
