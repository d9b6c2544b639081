#pragma once
// A generated rule file with `clauses` clauses, for benchmarks: 10 parties,
// a 20-value region type, 100 actions, clauses with `when`, bounds and
// (acyclic) overrides, and one amendment per 100 clauses.
#include <fmt/format.h>

#include <string>

namespace pacta::bench {

inline std::string generate_contract(int clauses) {
  std::string y = "pacta: 1\ncontract: generated\nparties: [";
  for (int p = 0; p < 10; ++p) y += fmt::format("{}p{}", p ? ", " : "", p);
  y += "]\ntypes:\n  region: [";
  for (int r = 0; r < 20; ++r) y += fmt::format("{}r{}", r ? ", " : "", r);
  y += "]\nfacts:\n  approved: {type: bool, default: true}\n  signed_on: {type: date}\n";
  y += "dates:\n  start: 2020-01-31\n  review: start + 3 years\nactions:\n";
  for (int a = 0; a < 100; ++a) {
    y += fmt::format("  act{}: {{params: {{who: party, region: region}}}}\n", a);
  }
  y += "clauses:\n";
  const char* modalities[] = {"permit", "forbid", "oblige", "permit"};
  for (int c = 0; c < clauses; ++c) {
    y += fmt::format("  - id: c{}\n    {}: act{}(who=p{}, region=_)\n", c, modalities[c % 4],
                     c % 100, c % 10);
    y += fmt::format("    when: region in [r{}, r{}, r{}] and approved\n", c % 20, (c + 7) % 20,
                     (c + 13) % 20);
    y += fmt::format("    from: start + {} days\n    until: review + {} months\n", c % 365, c % 48);
    if (c >= 100 && c % 3 == 0) y += fmt::format("    overrides: [c{}]\n", c - 100);
  }
  if (clauses >= 100) {
    y += "amendments:\n";
    for (int a = 0; a < clauses / 100; ++a) {
      y += fmt::format(
          "  - id: am{}\n    signed: 2022-{:02}-01\n    amend:\n      - id: c{}\n"
          "        until: null\n",
          a, a % 12 + 1, a * 100);
    }
  }
  return y;
}

// A number-heavy rule file: `clauses` clauses over 10 actions, each `when`
// an exact computation over number facts (share, rate, fee, threshold) and
// decimal literals that differ per clause, as in revenue-share terms.
inline std::string generate_number_contract(int clauses) {
  std::string y = "pacta: 1\ncontract: generated_numbers\nparties: [p0, p1]\nfacts:\n";
  y += "  share: {type: number, default: 0.35}\n  rate: {type: number, default: 1.25}\n";
  y += "  fee: {type: number, default: 12.5}\n  threshold: {type: number, default: 40}\n";
  y += "actions:\n";
  for (int a = 0; a < 10; ++a) y += fmt::format("  pay{}:\n", a);
  y += "clauses:\n";
  const char* modalities[] = {"permit", "forbid", "oblige", "permit"};
  for (int c = 0; c < clauses; ++c) {
    y += fmt::format("  - id: n{}\n    {}: pay{}\n", c, modalities[c % 4], c % 10);
    y += fmt::format(
        "    when: share * rate * {}.{:02} + fee > threshold - {}.5 and fee / 4 <= {}\n", c % 90,
        c % 100, c % 13, c % 9 + 3);
  }
  return y;
}

// A contract whose answers depend on three bool facts without a default
// (SPEC §7.3, conditional answers): 4 parties, a 5-value region type, 20
// actions of 20 instances each, and `clauses` clauses whose `when` combine
// the facts with the params and whose bounds change over the years.
inline std::string generate_conditional_contract(int clauses) {
  std::string y = "pacta: 1\ncontract: generated_conditional\nparties: [p0, p1, p2, p3]\n";
  y += "types:\n  region: [r0, r1, r2, r3, r4]\nfacts:\n";
  y += "  approved: {type: bool}\n  audited: {type: bool}\n  renewed: {type: bool}\n";
  y += "actions:\n";
  for (int a = 0; a < 20; ++a) {
    y += fmt::format("  act{}: {{params: {{who: party, region: region}}}}\n", a);
  }
  y += "clauses:\n";
  const char* modalities[] = {"permit", "forbid", "oblige", "permit"};
  const char* whens[] = {"approved", "approved and not audited", "audited or renewed",
                         "renewed and region == r{}", "not approved or who == p{}"};
  for (int c = 0; c < clauses; ++c) {
    y += fmt::format("  - id: k{}\n    {}: act{}(who=_, region=_)\n", c, modalities[c % 4], c % 20);
    y += fmt::format("    from: {}-01-01\n    until: {}-01-01\n", 2020 + c % 5, 2026 + c % 7);
    y += "    when: " + fmt::format(fmt::runtime(whens[c % 5]), c % 4) + "\n";
  }
  return y;
}

}  // namespace pacta::bench
