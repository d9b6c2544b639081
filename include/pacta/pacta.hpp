#pragma once
// pacta's public C++ API (docs/library.md): load a rule file, compile a
// scenario, resolve an action instance once, decide it on any date, list
// the instances of a pattern with their answers, and their timelines.
//
// Standard library only: no header of the engine, of YAML, fmt or Boost
// reaches a program that includes this. Contract, Scenario and Decider hold
// their state behind a pointer (pimpl), so the engine can change without a
// change here; Date, Pattern, Answer, Run and Diagnostic are small values.
// Names in this header are stable; docs/library.md says what each
// guarantees.
//
// Threads: Contract and Scenario are immutable once made, cheap to copy
// (they share their state) and safe to use from many threads at once. A
// Decider holds scratch space: one per thread.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#if defined(__GNUC__)
#define PACTA_API __attribute__((visibility("default")))
#else
#define PACTA_API
#endif

namespace pacta::api {

// The library's version: `git describe` of the source it was built from
// (e.g. "0.1.0-g1f30f91"), or the project version outside a git checkout.
PACTA_API const char* version();

enum class Severity { Error, Warning };

// A problem with an input (rule file, instance text, assumption), as the
// `pacta` program reports it (docs/errors.md lists every code).
struct Diagnostic {
  std::string file;          // the path as given, or the input's name ("<action>"); may be empty
  std::uint32_t line = 0;    // 1-based; 0 when the diagnostic has no position
  std::uint32_t column = 0;  // 1-based, in code points; 0 when it has no position
  std::string code;          // stable, e.g. "E402"
  Severity severity = Severity::Error;
  std::string message;  // what is wrong
  std::string help;     // how to fix it; may be empty
  // The line's bytes as in the input (a long line is cut around the caret)
  // and the caret's byte offset in it; empty when there is no position.
  std::string source_line;
  std::uint32_t caret = 0;
};

// FILE:LINE:COL: error: MESSAGE [CODE], the source line with a caret, and
// `help:`, as `pacta` prints it (no colour; control bytes made visible).
PACTA_API std::string render_text(const Diagnostic& d);

// A calendar day, 0001-01-01 through 9999-12-31.
class PACTA_API Date {
 public:
  Date() = default;  // 0001-01-01
  // YYYY-MM-DD; nullopt for anything else or a day the calendar lacks.
  static std::optional<Date> parse(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);
  // From serial() of some Date; nullopt outside the calendar.
  static std::optional<Date> from_serial(std::int32_t serial);
  int year() const;
  int month() const;              // 1..12
  int day() const;                // 1..31
  std::string to_string() const;  // YYYY-MM-DD
  // Days since 0001-01-01 (that day is 0).
  std::int32_t serial() const { return serial_; }

  friend bool operator==(Date a, Date b) { return a.serial_ == b.serial_; }
  friend bool operator<(Date a, Date b) { return a.serial_ < b.serial_; }
  friend bool operator<=(Date a, Date b) { return a.serial_ <= b.serial_; }

 private:
  explicit Date(std::int32_t serial) : serial_(serial) {}
  std::int32_t serial_ = 0;
};

enum class Verdict { Permitted, Forbidden, Obligatory, Conflict };

// "permitted", "forbidden", "obligatory", "conflict".
PACTA_API const char* verdict_name(Verdict v);

// The answer to one question (language.md §7): the verdict, whether it is
// the contract's default (no clause decided), and the ids of the clauses
// that decided it and of those set aside by overrides, in clause order.
// The ids view the Contract's own text: valid while a Contract, Scenario or
// Decider of that contract lives. Reused as an out-parameter, an Answer
// keeps its capacity, so deciding into it allocates nothing once warm.
struct Answer {
  Verdict verdict = Verdict::Permitted;
  bool is_default = false;
  std::vector<std::string_view> by;
  std::vector<std::string_view> overridden;
};

// A run of a timeline: the same answer on every day from `from` through
// `through`, both included.
struct Run {
  Date from;
  Date through;
  Answer answer;
};

// An action pattern resolved against a contract: every param bound (an
// instance) or some left free (they range over their values). Made by
// Contract::pattern() or Contract::instance(); plain data, cheap to keep.
class PACTA_API Pattern {
 public:
  Pattern() = default;
  // Whether every param is bound: the pattern is one instance.
  bool is_instance() const;

 private:
  friend struct PatternAccess;  // engine/api
  int action_ = -1;
  std::vector<int> args_;  // per param: a value index, -1 when free
};
using Instance = Pattern;

class Scenario;

// The scenario a contract is compiled for (SPEC §7): which amendments exist
// and which facts are assumed.
struct ScenarioOptions {
  // Only amendments signed on or before this day exist (`--as-agreed-on`).
  std::optional<Date> as_agreed_on;
  // NAME=VALUE, as `pacta --assume` takes them; a later one of the same fact wins.
  std::vector<std::string> assume;
  // Amendment ids that do not exist (`--without`): an unknown id (E610) or
  // one a later amendment needs (E611) makes no scenario.
  std::vector<std::string> without = {};
};

// A loaded and checked rule file. Immutable; copies share it.
class PACTA_API Contract {
 public:
  std::string_view id() const;
  std::string_view title() const;
  std::string_view path() const;
  std::size_t clause_count() const;
  std::size_t amendment_count() const;
  // Names in declaration order.
  std::vector<std::string> actions() const;
  std::vector<std::string> parties() const;
  std::vector<std::string> facts() const;

  // An action pattern as `pacta ask` takes it: "sell_models",
  // "sell_models(openai)", "sell_models(channel=aws)". nullopt, and
  // diagnostics appended, when it does not resolve.
  std::optional<Pattern> pattern(std::string_view text, std::vector<Diagnostic>& diagnostics) const;
  // The same, and every param must be bound: "sell_models(openai, aws)".
  std::optional<Instance> instance(std::string_view text,
                                   std::vector<Diagnostic>& diagnostics) const;
  // How many instances `pattern` stands for (saturating at 2^62).
  std::uint64_t instance_count(const Pattern& pattern) const;
  // An instance as text, every param named: "sell_models(seller=openai, channel=aws)".
  std::string text(const Pattern& pattern) const;

  // The contract compiled for one scenario. nullopt, and diagnostics
  // appended, for an assumption that does not parse or type-check, or a
  // named date that cannot be computed under the assumptions.
  std::optional<Scenario> compile(const ScenarioOptions& options,
                                  std::vector<Diagnostic>& diagnostics) const;

  struct Impl;

 private:
  Contract() = default;          // made by load_file() and load_text()
  friend struct ContractAccess;  // engine/api
  std::shared_ptr<const Impl> impl_;
};

// Loading: every problem of the file is appended to `diagnostics` (at most
// 100 are kept); nullopt when there is any error.
PACTA_API std::optional<Contract> load_file(const std::string& path,
                                            std::vector<Diagnostic>& diagnostics);
// The rule file with the files of amendments `with` (`pacta-amendments: 1`,
// `--with FILE`) appended after its own amendments, checked as one
// contract; each diagnostic names the file it is in.
PACTA_API std::optional<Contract> load_file(const std::string& path,
                                            const std::vector<std::string>& with,
                                            std::vector<Diagnostic>& diagnostics);
// The same from text in memory; `name` is the path diagnostics show.
PACTA_API std::optional<Contract> load_text(std::string name, std::string text,
                                            std::vector<Diagnostic>& diagnostics);

// A contract compiled for one scenario, with its assumed facts. Immutable;
// copies share it; it keeps its Contract alive.
class PACTA_API Scenario {
 public:
  const Contract& contract() const;
  std::optional<Date> as_agreed_on() const;

  struct Impl;

 private:
  Scenario() = default;          // made by Contract::compile()
  friend struct ScenarioAccess;  // engine/api
  std::shared_ptr<const Impl> impl_;
};

// Asks questions of one scenario. Holds scratch space, so deciding
// allocates nothing once warm; not thread-safe (one Decider per thread; any
// number may share a Scenario). Every question is bounded like the
// `pacta` program's (docs/limits.md): too large a one is an E606
// diagnostic, never minutes of work.
class PACTA_API Decider {
 public:
  explicit Decider(const Scenario& scenario);
  ~Decider();
  Decider(Decider&&) noexcept;
  Decider& operator=(Decider&&) noexcept;
  Decider(const Decider&) = delete;
  Decider& operator=(const Decider&) = delete;

  // Decides `instance` on `on` into `out`. False, and a diagnostic
  // appended, when it cannot be decided (a fact it needs has no value, date
  // arithmetic leaves the calendar) or `instance` leaves a param free.
  bool decide(const Instance& instance, Date on, Answer& out, std::vector<Diagnostic>& diagnostics);

  // Every instance of `pattern` on `on`, in order (params in order, values
  // in declaration order, the last param turning fastest), each with its
  // answer; `each` sees one at a time, so memory does not grow with their
  // number. False, and a diagnostic, at the first that cannot be decided or
  // when the question is too large; the instances before it were seen.
  bool decide_each(const Pattern& pattern, Date on,
                   const std::function<void(const Instance&, const Answer&)>& each,
                   std::vector<Diagnostic>& diagnostics);

  // The timeline of every instance of `pattern` over `from` through `to`
  // (nullopt: the calendar's first or last day): the runs of days over
  // which its answer stays the same, exact (engine/time), in order.
  bool timeline(const Pattern& pattern, std::optional<Date> from, std::optional<Date> to,
                const std::function<void(const Instance&, const std::vector<Run>&)>& each,
                std::vector<Diagnostic>& diagnostics);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace pacta::api
