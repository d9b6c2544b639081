#pragma once
// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp): invariant checks that
// abort (so libFuzzer and the replay tests report them), diagnostics
// rendering, a reader that turns input bytes into choices, and a small
// contract that uses every feature, embedded so the targets need no files.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/visible.hpp"

namespace pacta::fuzz {

[[noreturn]] inline void fail(const char* what, std::string_view detail, const char* file,
                              int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant violated: %s\n%.*s\n", file, line, what,
               static_cast<int>(detail.size()), detail.data());
  std::fflush(stderr);
  std::abort();
}

#define PACTA_FUZZ_CHECK(cond, detail)                                     \
  do {                                                                     \
    if (!(cond)) ::pacta::fuzz::fail(#cond, (detail), __FILE__, __LINE__); \
  } while (0)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Renders every diagnostic both ways (positions, source lines, carets) and
// checks what every diagnostic must have, and that its text is safe to
// print (grammar/visible.hpp).
inline void render_all(const Diagnostics& diags) {
  PACTA_FUZZ_CHECK(diags.all().size() <= Limits{}.max_diagnostics, "too many diagnostics kept");
  for (const Diagnostic& d : diags.all()) {
    const std::string code(code_name(d.code));
    PACTA_FUZZ_CHECK(code.size() == 4 && (code[0] == 'E' || code[0] == 'W'),
                     code + ": " + d.message);
    PACTA_FUZZ_CHECK(!d.message.empty(), code);
    if (d.has_position) {
      PACTA_FUZZ_CHECK(d.position.line >= 1 && d.position.column >= 1, d.message);
    }
    const std::string plain = render_text(d, false);
    const std::string colored = render_text(d, true);
    PACTA_FUZZ_CHECK(plain.find(code) != std::string::npos, plain);
    // Nothing from the input reaches a terminal raw: every rendered line is
    // already visible (valid UTF-8, no control but a quoted line's tabs).
    for (std::size_t start = 0, nl; start < plain.size(); start = nl + 1) {
      nl = plain.find('\n', start);
      if (nl == std::string::npos) nl = plain.size();
      const std::string_view line = std::string_view(plain).substr(start, nl - start);
      PACTA_FUZZ_CHECK(visible(line, Tabs::Keep) == line, plain);
    }
    PACTA_FUZZ_CHECK(colored.size() >= plain.size(), plain);
  }
}

// Turns input bytes into choices; an exhausted input reads as zeros.
class Bytes {
 public:
  Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
  unsigned byte() { return pos_ < size_ ? data_[pos_++] : 0u; }
  // A value in [0, n), n > 0.
  unsigned pick(unsigned n) { return byte() % n; }
  bool flag() { return (byte() & 1u) != 0; }
  bool empty() const { return pos_ >= size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

// Bytes from a seeded generator (the property tests over generated
// contracts): `in` reads 400 of them. Not copyable: `in` points into `bytes`.
struct SeededBytes {
  explicit SeededBytes(unsigned seed) : bytes(400) {
    std::mt19937 prng(seed);
    for (auto& b : bytes) b = static_cast<std::uint8_t>(prng() & 0xffu);
  }
  SeededBytes(const SeededBytes&) = delete;
  SeededBytes& operator=(const SeededBytes&) = delete;
  std::vector<std::uint8_t> bytes;
  Bytes in{bytes.data(), bytes.size()};
};

// A small contract with every kind of declaration: parties, two enums with
// a shared value name, facts of every type with and without defaults, named
// dates with month arithmetic and an event, actions with and without params
// and defaults, overrides, through/until, and an amendment that repeals,
// amends and adds.
inline constexpr std::string_view kContract = R"(pacta: 1
contract: fuzz
title: A small contract for the fuzzers
default: permitted
parties: [alice, bob, openai]
types:
  cloud: [azure, aws, oracle]
  model: [openai, meta]
facts:
  flag: {type: bool, default: false}
  count: {type: number, default: 3}
  tier: {type: cloud}
  owner: {type: party, default: alice}
  event: {type: date}
  since: {type: date, default: 2020-01-01}
dates:
  start: 2020-01-31
  renewal: start + 1 month
  after_event: event + 30 days
  cutoff: renewal - 2 weeks
actions:
  sell:
    params: {seller: party, channel: cloud}
    default: forbidden
  integrate:
    params: {vendor: model, exclusive: bool}
  pay: {}
clauses:
  - id: sell-azure
    permit: sell(channel=azure)
    from: start
  - id: no-oracle
    forbid: sell(_, oracle)
    when: not flag and count > 2
    until: after_event
  - id: integrate-openai
    oblige: integrate(openai, _)
    when: exclusive or tier in [aws, oracle]
    through: renewal + 1 year
    overrides: [integrate-any]
  - id: integrate-any
    forbid: integrate
    when: vendor != model.openai and date >= cutoff
  - id: pay-monthly
    oblige: pay
    when: owner == party.bob or since < date - 30 days
amendments:
  - id: amend-1
    signed: 2021-01-01
    effective: start + 2 years
    repeal: [sell-azure]
    amend:
      - id: no-oracle
        when: null
        forbid: sell(seller=openai)
    add:
      - id: pay-more
        permit: pay
        when: 2 / count > 0 or flag
)";

// The contract above, loaded once; aborts if it does not load.
inline const LoadedContract& fuzz_contract() {
  static const LoadedContract* loaded = [] {
    Diagnostics diags;
    auto c = load_contract_text("fuzz-contract.yaml", std::string(kContract), Limits{}, diags);
    if (!c) {
      for (const Diagnostic& d : diags.all()) std::fputs(render_text(d, false).c_str(), stderr);
      fail("the embedded contract loads", "", __FILE__, __LINE__);
    }
    return new LoadedContract(std::move(*c));
  }();
  return *loaded;
}

}  // namespace pacta::fuzz
