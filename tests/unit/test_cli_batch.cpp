// `ask --batch` (cli/commands/batch*): the reader's blocks, offsets and
// columns, and a brute-force property: for random questions on every
// bundled contract, the batch answer of each line is the Decider's answer
// for the same instance, date and facts, written the same way; the whole
// command gives the same bytes with --jobs 1, --jobs 2 and from stdin.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>
#include <sstream>

#include "cli/commands/batch.hpp"
#include "cli/commands/batch_answer.hpp"
#include "engine/decide/instances.hpp"
#include "engine/load.hpp"
#include "tests/unit/temp_dir.hpp"

namespace {

using namespace pacta;
using namespace pacta::cli;
using pacta::testing::TempDir;

const std::string kRules = std::string(PACTA_SOURCE_DIR) + "/rules/";

// Every block the reader gives for `text` (read from a file), and the lines
// it reports too long.
struct Read {
  std::vector<std::string> blocks;
  std::vector<std::uint64_t> first_lines, too_long;
};

Read read_all(const std::string& text, std::size_t max_line, std::size_t block_bytes) {
  TempDir dir("batch_reader");
  const int fd = ::open(dir.file("q.jsonl", text).c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  BatchReader reader(fd, true, max_line, block_bytes);
  Read out;
  BatchBlock b;
  while (reader.next(b)) {
    REQUIRE(b.capacity - b.size >= batch_padding());
    out.blocks.emplace_back(b.text());
    out.first_lines.push_back(b.first_line);
    if (b.too_long_line != 0) out.too_long.push_back(b.too_long_line);
  }
  REQUIRE_FALSE(reader.error());
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += p;
  return out;
}

// `text` answered by one BatchAnswerer, blocks of `block_bytes`.
std::string answer_all(const std::string& text, const BatchSettings& s,
                       std::size_t block_bytes = 64 * 1024, BatchTally* tally_out = nullptr) {
  TempDir dir("batch_answer");
  const int fd = ::open(dir.file("q.jsonl", text).c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  BatchReader reader(fd, true, s.limits.max_batch_line_bytes, block_bytes);
  Portfolio portfolio(s);
  BatchAnswerer answerer(portfolio, s);
  BatchBlock b;
  BatchTally tally;
  fmt::memory_buffer out;
  while (reader.next(b)) answerer.answer_block(b, out, tally);
  if (tally_out != nullptr) *tally_out = tally;
  return {out.data(), out.size()};
}

// The JSON string of a date value for `assume`.
std::string json_value(const Contract& c, const FactDecl& f, std::mt19937& rng) {
  switch (f.type.kind) {
    case Type::Kind::Bool:
      return rng() % 2 == 0 ? "true" : "false";
    case Type::Kind::Number:
      return std::to_string(rng() % 100);
    case Type::Kind::Date:
      return "\"" + Date::from_serial(738000 + rng() % 4000)->to_string() + "\"";
    case Type::Kind::Value: {
      const auto& values = c.domains[f.type.domain].values;
      return "\"" + values[rng() % values.size()] + "\"";
    }
  }
  return "null";
}

Value fact_value(const Contract& c, const FactDecl& f, const std::string& json) {
  switch (f.type.kind) {
    case Type::Kind::Bool:
      return Value::boolean(json == "true");
    case Type::Kind::Number:
      return Value::number(*Number::parse(json));
    case Type::Kind::Date:
      return Value::date(*Date::parse(json.substr(1, json.size() - 2)));
    case Type::Kind::Value:
      return Value::member(*c.domains[f.type.domain].find(json.substr(1, json.size() - 2)));
  }
  return {};
}

// One random question on `c`: its batch line, and the Decider's answer as
// the batch would write it (or the error code it would give).
std::pair<std::string, std::string> random_question(const LoadedContract& loaded,
                                                    const std::vector<std::string>& quoted_ids,
                                                    std::mt19937& rng, int id) {
  const Contract& c = loaded.contract;
  const int action = static_cast<int>(rng() % c.actions.size());
  const ActionDecl& a = c.actions[action];
  std::vector<int> args;
  std::string ask = a.name;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const Param& p = a.params[i];
    const int size = p.type.kind == Type::Kind::Bool
                         ? 2
                         : static_cast<int>(c.domains[p.type.domain].values.size());
    args.push_back(static_cast<int>(rng() % static_cast<unsigned>(size)));
    ask += (i == 0 ? "(" : ", ") + p.name + "=" + c.value_text(p.type, args.back());
  }
  if (!a.params.empty()) ask += ")";
  const Date on = *Date::from_serial(737000 + rng() % 6000);  // 2018..2034
  std::string assume;
  std::vector<std::pair<int, Value>> assumed;
  for (std::size_t f = 0; f < c.facts.size(); ++f) {
    if (rng() % 3 == 0) continue;
    const std::string v = json_value(c, c.facts[f], rng);
    assume += (assume.empty() ? "" : ", ") + ("\"" + c.facts[f].name + "\": ") + v;
    assumed.emplace_back(static_cast<int>(f), fact_value(c, c.facts[f], v));
  }
  std::string line = fmt::format(R"({{"id": {}, "ask": "{}", "on": "{}", "assume": {{{}}}}})", id,
                                 ask, on.to_string(), assume);
  CompiledContract compiled(c, Scenario{});
  Decider decider(compiled);
  SituationError se;
  auto s = make_situation(c, on, assumed, se);
  if (!s) return {line, "error"};
  Decision d;
  DecisionError de;
  if (!decider.decide(*s, action, args, d, de)) return {line, "error"};
  fmt::memory_buffer expected;
  write_answer(expected, std::to_string(id), d, quoted_ids);
  return {line, std::string(expected.data(), expected.size())};
}

// Every line of `text`.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// run_batch with stdout redirected to a file; its bytes and exit code.
std::pair<std::string, int> run_captured(const AskOptions& o, const TempDir& dir,
                                         const std::string* stdin_text = nullptr) {
  std::fflush(stdout);
  const std::string out_path = dir / "out.jsonl";
  const int saved_out = ::dup(STDOUT_FILENO), saved_in = ::dup(STDIN_FILENO);
  const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(out, STDOUT_FILENO);
  ::close(out);
  if (stdin_text != nullptr) {
    const int in = ::open(dir.file("stdin.jsonl", *stdin_text).c_str(), O_RDONLY);
    ::dup2(in, STDIN_FILENO);
    ::close(in);
  }
  const int code = run_batch(o);
  std::fflush(stdout);
  ::dup2(saved_out, STDOUT_FILENO);
  ::dup2(saved_in, STDIN_FILENO);
  ::close(saved_out);
  ::close(saved_in);
  std::ostringstream bytes;
  bytes << std::ifstream(out_path, std::ios::binary).rdbuf();
  return {bytes.str(), code};
}

}  // namespace

TEST_CASE("the reader gives whole lines, numbered, whatever the block size") {
  const std::string text = "{\"a\": 1}\n\n{\"b\": 22}\r\n{\"c\": 333}";
  for (std::size_t block : {1, 3, 9, 10, 64 * 1024}) {
    INFO(block);
    const Read r = read_all(text, 100, block);
    CHECK(joined(r.blocks) == "{\"a\": 1}\n\n{\"b\": 22}\r\n{\"c\": 333}\n");
    for (const auto& b : r.blocks) CHECK(b.back() == '\n');
    std::uint64_t line = 1;
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
      CHECK(r.first_lines[i] == line);
      line += static_cast<std::uint64_t>(std::count(r.blocks[i].begin(), r.blocks[i].end(), '\n'));
    }
    CHECK(r.too_long.empty());
  }
}

// A long line that arrives whole in one read (64 KiB) is kept in its block
// and refused by the line parser; one that does not is never held.
TEST_CASE("a line over the bound is skipped to its end and reported by number") {
  const std::string long_line(200000, 'x');
  const std::string text = "{}\n" + long_line + "\n{\"after\": 1}\n" + long_line;
  const Read r = read_all(text, 100, 16);
  CHECK(joined(r.blocks) == "{}\n{\"after\": 1}\n");
  CHECK(r.too_long == std::vector<std::uint64_t>{2, 4});
  const Read whole = read_all("{}\n" + std::string(5000, 'x') + "\n", 100, 16);
  CHECK(whole.too_long.empty());
  BatchSettings s;
  s.limits.max_batch_line_bytes = 100;
  s.default_file = kRules + "microsoft-openai.yaml";
  CHECK(answer_all(std::string(5000, 'x') + "\n" + long_line, s) ==
        "{\"error\":{\"code\":\"E609\",\"message\":\"the line is longer than 100 bytes\","
        "\"help\":\"split the question, or shorten its id\",\"line\":1,\"column\":1}}\n"
        "{\"error\":{\"code\":\"E609\",\"message\":\"the line is longer than 100 bytes\","
        "\"help\":\"split the question, or shorten its id\",\"line\":2,\"column\":1}}\n");
  const Read empty = read_all("", 100, 16);
  CHECK(empty.blocks.empty());
}

TEST_CASE("offsets in escaped strings map back to the raw text; columns count code points") {
  CHECK(raw_offset("abc", 2) == 2);
  CHECK(raw_offset("a\\u0062c", 2) == 7);
  CHECK(raw_offset("\\n\\\"x", 2) == 4);
  CHECK(raw_offset("\\u00e9x", 2) == 6);          // é is 2 bytes
  CHECK(raw_offset("\\ud83d\\ude00x", 4) == 12);  // a surrogate pair: 4 bytes
  CHECK(column_of("h\xC3\xA9llo", 3) == 3);
  CHECK(column_of("abc", 0) == 1);
}

TEST_CASE("batch answers equal the Decider's for random questions on every bundled contract") {
  std::mt19937 rng(20261202);
  for (const char* name :
       {"microsoft-openai.yaml", "distribution.yaml", "saas-subscription.yaml"}) {
    INFO(name);
    Diagnostics diags;
    auto loaded = load_contract(kRules + name, Limits{}, diags);
    REQUIRE(loaded);
    BatchSettings s;
    s.default_file = kRules + name;
    auto bc = load_batch_contract(*s.default_file, s);
    REQUIRE(bc->ok());
    std::string text;
    std::vector<std::string> expected;
    for (int i = 0; i < 400; ++i) {
      auto [line, answer] = random_question(*loaded, bc->quoted_ids, rng, i);
      text += line + "\n";
      expected.push_back(answer);
    }
    for (std::size_t block : {std::size_t{512}, std::size_t{64 * 1024}}) {
      const auto got = lines_of(answer_all(text, s, block));
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(lines_of(text)[i]);
        if (expected[i] == "error") {
          CHECK(got[i].find("\"error\":") != std::string::npos);
        } else {
          CHECK(got[i] + "\n" == expected[i]);
        }
      }
    }
    // The whole command: --jobs 2 and stdin give the same bytes as --jobs 1.
    TempDir dir("batch_jobs");
    AskOptions o;
    o.question.file = *s.default_file;
    o.batch = dir.file("q.jsonl", text);
    const auto one = run_captured(o, dir);
    o.jobs = 2;
    const auto two = run_captured(o, dir);
    o.batch = "-";
    const auto piped = run_captured(o, dir, &text);
    CHECK(one.first == answer_all(text, s));
    CHECK(two == one);
    CHECK(piped == one);
  }
}

TEST_CASE("a failing line counts, and the others are still answered") {
  BatchSettings s;
  s.default_file = kRules + "microsoft-openai.yaml";
  BatchTally tally;
  const std::string out = answer_all(
      "{\"id\": 1, \"ask\": \"sell_models(openai, aws)\", \"on\": \"2026-01-15\"}\n"
      "{\"id\": 2, \"ask\": \"sell_models(openai, aws)\"}\n"
      "   \n"
      "{\"id\": 3, \"ask\": \"sell_models(openai, aws)\", \"on\": \"2024-01-15\"}\n",
      s, 64 * 1024, &tally);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("{\"id\":1,\"verdict\":\"permitted\"", 0) == 0);
  CHECK(lines[1].rfind("{\"id\":2,\"error\":{\"code\":\"E609\"", 0) == 0);
  CHECK(lines[2].rfind("{\"id\":3,\"verdict\":\"forbidden\"", 0) == 0);
  CHECK(tally.answered == 3);
  CHECK(tally.failed == 1);
  CHECK(tally.first_failed_line == 2);
}

TEST_CASE("the portfolio keeps at most max_batch_scenarios and shares a contract's load") {
  BatchSettings s;
  s.limits.max_batch_scenarios = 2;
  Portfolio p(s);
  const std::string path = kRules + "microsoft-openai.yaml";
  auto a = p.get(path, std::nullopt);
  auto b = p.get(path, Date::parse("2025-01-01"));
  CHECK(a->contract == b->contract);  // loaded once for both scenarios
  CHECK(p.get(path, std::nullopt) == a);
  p.get(kRules + "distribution.yaml", std::nullopt);  // drops the least recently used (b)
  CHECK(p.get(path, std::nullopt) == a);
  CHECK(p.get(path, Date::parse("2025-01-01")) != b);
}
