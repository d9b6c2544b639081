#pragma once
// The deontic vocabulary shared by rule files, the checked contract, the
// test runner and the CLI: a clause's modality and a decision's verdict,
// with the one list of verdict words. Standard headers only, so any layer
// may include it without pulling in YAML or the engine.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pacta {

enum class Modality { Permit, Forbid, Oblige };

enum class Verdict { Permitted, Forbidden, Obligatory, Conflict };

// Every verdict and its word, in the order help texts list them.
inline constexpr std::array<std::pair<Verdict, const char*>, 4> kVerdictWords = {{
    {Verdict::Permitted, "permitted"},
    {Verdict::Obligatory, "obligatory"},
    {Verdict::Forbidden, "forbidden"},
    {Verdict::Conflict, "conflict"},
}};

// The key a clause's modality is written with: "permit", "forbid", "oblige".
constexpr const char* modality_name(Modality m) {
  switch (m) {
    case Modality::Permit:
      return "permit";
    case Modality::Forbid:
      return "forbid";
    case Modality::Oblige:
      break;
  }
  return "oblige";
}

constexpr const char* verdict_name(Verdict v) {
  for (const auto& [verdict, word] : kVerdictWords) {
    if (verdict == v) return word;
  }
  return "?";
}

constexpr std::optional<Verdict> parse_verdict(std::string_view text) {
  for (const auto& [verdict, word] : kVerdictWords) {
    if (text == word) return verdict;
  }
  return std::nullopt;
}

// An obligatory action is also allowed: only forbidden and conflict are not.
constexpr bool is_allowed(Verdict v) { return v == Verdict::Permitted || v == Verdict::Obligatory; }

// What `--expect`, `--verdict` and a test case's `expect:` accept: one
// verdict, or the word `allowed` (permitted or obligatory).
class VerdictFilter {
 public:
  static constexpr const char* kAllowed = "allowed";

  static constexpr std::optional<VerdictFilter> parse(std::string_view text) {
    if (text == kAllowed) return VerdictFilter{std::nullopt};
    if (auto v = parse_verdict(text)) return VerdictFilter{v};
    return std::nullopt;
  }

  // Every word parse() accepts: the verdicts, then `allowed`.
  static std::vector<std::string> words() {
    std::vector<std::string> out;
    out.reserve(kVerdictWords.size() + 1);
    for (const auto& entry : kVerdictWords) out.emplace_back(entry.second);
    out.emplace_back(kAllowed);
    return out;
  }

  constexpr bool matches(Verdict v) const { return only_ ? v == *only_ : is_allowed(v); }
  constexpr const char* name() const { return only_ ? verdict_name(*only_) : kAllowed; }

 private:
  constexpr explicit VerdictFilter(std::optional<Verdict> only) : only_(only) {}
  std::optional<Verdict> only_;  // nullopt: `allowed`
};

// Whether `v` satisfies the filter word `text`; an unknown word matches
// nothing.
constexpr bool verdict_matches(std::string_view text, Verdict v) {
  auto filter = VerdictFilter::parse(text);
  return filter && filter->matches(v);
}

}  // namespace pacta
