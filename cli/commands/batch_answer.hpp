#pragma once
// One thread's answering of batch lines: its own line parser, Deciders and
// Situations, and a cache of parsed `ask` texts, so that a line whose ask,
// date and facts are well formed costs no allocation and no parse of the
// pattern grammar once warm.
#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cli/commands/batch_input.hpp"
#include "cli/commands/batch_line.hpp"
#include "cli/commands/batch_portfolio.hpp"
#include "cli/commands/batch_write.hpp"
#include "engine/decide/decider.hpp"

namespace pacta::cli {

// What a block of answers found: lines answered and lines that failed.
struct BatchTally {
  std::uint64_t answered = 0, failed = 0;
  std::uint64_t first_failed_line = 0;  // 0: none
  // The first failed line's error (for the summary on stderr).
  Code first_code{};
  std::size_t first_column = 1;
  std::string first_message;
};

class BatchAnswerer {
 public:
  BatchAnswerer(Portfolio& portfolio, const BatchSettings& settings);
  // One answer per non-blank line of `b`, in order, appended to `out`.
  void answer_block(const BatchBlock& b, fmt::memory_buffer& out, BatchTally& tally);

 private:
  struct Instance {
    int action = -1;
    std::vector<int> args;
  };
  // The parsed asks of one scenario by their text: open addressing over a
  // power-of-two table at most half full, a multiply-xor hash over 8-byte
  // words (std::unordered_map's prime modulo and byte-wise hash cost more
  // than the rest of a lookup). A pointer it gives is valid until add().
  class AskCache {
   public:
    const Instance* find(std::string_view text) const;
    const Instance* add(std::string_view text, Instance instance);
    std::size_t size() const { return used_; }
    void clear();

   private:
    struct Slot {
      std::uint64_t hash = 0;
      bool used = false;
      std::string text;
      Instance instance;
    };
    static std::uint64_t hash_of(std::string_view s);
    std::size_t place_of(std::string_view text, std::uint64_t hash) const;
    std::vector<Slot> slots_;
    std::size_t used_ = 0;
  };
  // The fact an `assume` entry names, cached by the entry's place in the
  // line (lines tend to give the same facts in the same order).
  struct FactName {
    std::string name;
    std::optional<int> fact;
  };
  // One scenario as this thread asks it.
  struct Seat {
    std::shared_ptr<const BatchScenario> scenario;
    std::optional<Decider> decider;
    Situation situation;
    AskCache asks;
    std::vector<FactName> facts;
    std::uint64_t used = 0;
  };

  void answer_line(std::string_view line, std::size_t capacity, std::uint64_t number,
                   fmt::memory_buffer& out, BatchTally& tally);
  // False and `error_` set when the line cannot be answered.
  bool answer(fmt::memory_buffer& out);
  Seat* seat_for(std::string_view path, std::optional<Date> as_agreed_on);
  const Instance* instance(Seat& seat);
  bool date_of(const BatchString& s, const char* key, bool today_too, Date& out);
  bool assume(const Contract& c);
  bool assumption(const Contract& c, const BatchAssumption& a, std::size_t place);
  std::optional<int> fact_of(const Contract& c, std::string_view name, std::size_t place);
  void fail(Code code, std::string message, std::string help, std::size_t offset);

  Portfolio& portfolio_;
  const BatchSettings& settings_;
  BatchLineParser parser_;
  BatchQuestion q_;
  std::string_view line_;
  LineError error_;
  std::string at_;  // with error_: a contract's diagnostic, FILE:LINE:COL
  std::vector<std::unique_ptr<Seat>> seats_;
  Seat* last_ = nullptr;
  std::uint64_t clock_ = 0;
  std::vector<std::pair<int, Value>> assumed_;
  Decision decision_;
};

}  // namespace pacta::cli
