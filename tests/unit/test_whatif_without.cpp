// `--without AMENDMENT` (SPEC §7.1): the scenario in which an amendment does
// not exist. The conflicts (a later amendment needs the one left out) on
// small contracts, the ids given (unknown, repeated), and by brute force on
// generated contracts: compiling without an amendment answers every instance
// on every day as the file edited by hand to delete it, and a conflict is
// found exactly when that edited file does not load
// (tests/fuzz/without_oracle.hpp; fuzz_decide checks the same).
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/compile/without.hpp"
#include "tests/fuzz/without_oracle.hpp"

using namespace pacta;
using pacta::fixture::day;

namespace {

const char* const kHeader = R"(pacta: 1
contract: deal
parties: [acme, globex]
actions:
  host: {params: {provider: party}}
clauses:
  - id: base
    permit: host(acme)
amendments:
)";

std::optional<WithoutConflict> conflict(const Contract& c, const std::vector<std::string>& ids,
                                        std::optional<Date> agreed = std::nullopt) {
  Scenario s{agreed, {}};
  for (const auto& id : ids) s.without.push_back(*c.find_amendment(id));
  std::sort(s.without.begin(), s.without.end());
  return find_without_conflict(c, s);
}

}  // namespace

TEST_CASE("leaving out an amendment that adds a clause a later one amends or repeals") {
  auto l = fixture::load_ok(std::string(kHeader) + R"(  - id: add-globex
    signed: 2025-01-01
    add:
      - id: globex-hosting
        permit: host(globex)
  - id: limit-globex
    signed: 2025-06-01
    amend:
      - {id: globex-hosting, until: 2026-01-01}
  - id: end-globex
    signed: 2025-09-01
    repeal: [globex-hosting]
)");
  const Contract& c = l->contract();
  auto x = conflict(c, {"add-globex"});
  REQUIRE(x);
  CHECK(c.amendments[x->dropped].id == "add-globex");
  CHECK(c.amendments[x->needs].id == "limit-globex");
  CHECK(c.clauses[x->clause].id == "globex-hosting");
  CHECK(x->kind == WithoutConflict::Kind::Amends);
  // Leaving out the amending one too, the repeal is what needs it.
  x = conflict(c, {"add-globex", "limit-globex"});
  REQUIRE(x);
  CHECK(c.amendments[x->needs].id == "end-globex");
  CHECK(x->kind == WithoutConflict::Kind::Repeals);
  // All three: nothing needs any of them.
  CHECK_FALSE(conflict(c, {"add-globex", "limit-globex", "end-globex"}));
  // The later ones alone need nothing left out.
  CHECK_FALSE(conflict(c, {"limit-globex"}));
  CHECK_FALSE(conflict(c, {"end-globex"}));
  // As agreed before the later ones were signed, they do not exist either.
  CHECK_FALSE(conflict(c, {"add-globex"}, day("2025-03-01")));
}

TEST_CASE("leaving out a repeal that a later amendment re-enacts") {
  auto l = fixture::load_ok(std::string(kHeader) + R"(  - id: end-base
    signed: 2025-01-01
    repeal: [base]
  - id: restore-base
    signed: 2025-06-01
    add:
      - {id: base, permit: host}
)");
  const Contract& c = l->contract();
  auto x = conflict(c, {"end-base"});
  REQUIRE(x);
  CHECK(x->kind == WithoutConflict::Kind::Reenacts);
  CHECK(c.amendments[x->needs].id == "restore-base");
  CHECK_FALSE(conflict(c, {"end-base", "restore-base"}));
  CHECK_FALSE(conflict(c, {"restore-base"}));
}

TEST_CASE("the ids given to --without") {
  auto l = fixture::load_ok(std::string(kHeader) + R"(  - id: restructure-2025
    signed: 2025-01-01
    repeal: [base]
)");
  const Contract& c = l->contract();
  Scenario s;
  WithoutProblem p;
  REQUIRE(set_without(c, {"restructure-2025", "restructure-2025"}, s, p));
  CHECK(s.without == std::vector<int>{0});
  CHECK(without_ids(c, s) == std::vector<std::string>{"restructure-2025"});
  REQUIRE_FALSE(set_without(c, {"restructure-2025", "restructure-2052"}, s, p));
  CHECK(p.code == Code::E610);
  CHECK(p.id == 1);
  CHECK(p.message == "unknown amendment 'restructure-2052'");
  CHECK(p.help == "did you mean 'restructure-2025'?");
  REQUIRE(set_without(c, {}, s, p));
  CHECK(s.without.empty());
}

TEST_CASE("the bundled contract without its restructuring") {
  Diagnostics diags;
  auto l = load_contract(std::string(PACTA_SOURCE_DIR) + "/rules/microsoft-openai.yaml", Limits{},
                         diags);
  REQUIRE(l);
  const Contract& c = l->contract;
  Scenario s;
  WithoutProblem p;
  REQUIRE(set_without(c, {"restructure-2025"}, s, p));
  const CompiledContract compiled(c, s);
  CHECK(compiled.amendments_in_effect().empty());
  Decider decider(compiled);
  SituationError serr;
  auto situation = make_situation(c, day("2026-01-15"), {}, serr);
  REQUIRE(situation);
  const auto [action, args] = fixture::instance(c, "sell_models(openai, aws)");
  Decision d;
  DecisionError e;
  REQUIRE(decider.decide(*situation, action, args, d, e));
  CHECK(d.verdict == Verdict::Forbidden);
  CHECK(fixture::clause_ids(c, d.by) == std::vector<std::string>{"sales-exclusivity"});
}

TEST_CASE("without an amendment, generated contracts answer as their files edited by hand") {
  namespace gen = fuzz::generated;
  int compared = 0, conflicts = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    fuzz::SeededBytes seeded(seed);
    fuzz::Bytes& in = seeded.in;
    const gen::Model model = gen::make_model(in);
    std::vector<gen::Question> questions{gen::make_question(in), gen::make_question(in)};
    for (std::size_t a = 0; a < model.amendments.size(); ++a) {
      INFO("seed " << seed << " amendment a" << a);
      const std::string differs =
          oracle::without_disagreement(model, static_cast<int>(a), questions);
      CHECK(differs == "");
      ++compared;
      // Count the conflicts, so that the property is seen to cover both sides.
      Diagnostics diags;
      if (!load_contract_text("e.yaml", oracle::edited_yaml(model, static_cast<int>(a)), Limits{},
                              diags) ||
          diags.has_errors()) {
        ++conflicts;
      }
    }
  }
  CHECK(compared > 200);
  CHECK(conflicts > 10);
  CHECK(conflicts < compared);
}
