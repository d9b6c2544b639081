// `--with FILE` (SPEC §7.1): files of amendments appended to a contract.
// A source that holds several files (positions per file), diagnostics
// located in the file of amendments, the kinds of file refused, and by brute
// force on generated contracts: a contract split into a rule file and a file
// of amendments answers every instance on every day as the whole file
// (tests/fuzz/without_oracle.hpp; fuzz_decide checks the same).
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "contract_fixture.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/decider.hpp"
#include "grammar/source.hpp"
#include "tests/fuzz/without_oracle.hpp"

using namespace pacta;
using pacta::fixture::day;

namespace {

const char* const kContract = R"(pacta: 1
contract: deal
parties: [acme, globex]
actions:
  host: {params: {provider: party}}
clauses:
  - id: base
    permit: host(acme)
    through: 2030-12-31
amendments:
  - id: first
    signed: 2025-01-01
    add:
      - id: globex-hosting
        forbid: host(globex)
)";

struct Loaded {
  Diagnostics diags;
  std::optional<LoadedContract> loaded;
};

Loaded load_with(std::vector<std::string> with_texts, std::string contract = kContract) {
  Loaded out;
  std::vector<SourceFile> sources;
  sources.emplace_back("deal.yaml", std::move(contract));
  for (std::size_t i = 0; i < with_texts.size(); ++i) {
    sources.emplace_back("draft" + std::to_string(i + 1) + ".yaml", std::move(with_texts[i]));
  }
  out.loaded = load_contract_sources(std::move(sources), Limits{}, out.diags);
  return out;
}

// The one diagnostic with `code`, which must be the only one.
const Diagnostic& only(const Loaded& l, Code code) {
  INFO(fixture::describe(l.diags));
  REQUIRE(l.diags.all().size() == 1);
  REQUIRE(l.diags.all().front().code == code);
  return l.diags.all().front();
}

std::string decide_text(const LoadedContract& l, std::string_view on, std::string_view instance) {
  const Contract& c = l.contract;
  const CompiledContract compiled(c, Scenario{std::nullopt, {}});
  Decider decider(compiled);
  SituationError serr;
  auto s = make_situation(c, day(on), {}, serr);
  REQUIRE(s);
  const auto [action, args] = fixture::instance(c, instance);
  Decision d;
  DecisionError e;
  REQUIRE(decider.decide(*s, action, args, d, e));
  return std::string(verdict_name(d.verdict)) + " " + fixture::join(fixture::clause_ids(c, d.by));
}

}  // namespace

TEST_CASE("a source of several files: lines, columns and paths per file") {
  SourceFile f({{"a.yaml", "one\ntwo\n"}, {"b.yaml", "x: 1\n  y\xc3\xa9z"}, {"c.yaml", ""}});
  REQUIRE(f.segments().size() == 3);
  CHECK(f.path() == "a.yaml");
  CHECK(f.text() == "one\ntwo\n\nx: 1\n  y\xc3\xa9z\n");
  const std::size_t b = f.segments()[1].begin;
  CHECK(b == 9);
  CHECK(f.path_at(0) == "a.yaml");
  CHECK(f.path_at(4) == "a.yaml");
  CHECK(f.position(4).line == 2);
  // The end of a file belongs to it: a diagnostic at the end of a.yaml.
  CHECK(f.path_at(8) == "a.yaml");
  CHECK(f.position(8).line == 3);
  CHECK(f.path_at(b) == "b.yaml");
  CHECK(f.position(b).line == 1);
  CHECK(f.position(b).column == 1);
  CHECK(f.line_text_at(b) == "x: 1");
  // Columns count code points: 'z' after the two-byte 'é' is column 5.
  const std::size_t z = b + 5 + 5;
  CHECK(f.text()[z] == 'z');
  CHECK(f.position(z).line == 2);
  CHECK(f.position(z).column == 5);
  CHECK(f.line(z) == 2);
  CHECK(f.line_text_at(z) == "  y\xc3\xa9z");
  CHECK(f.path_at(f.text().size()) == "c.yaml");
  CHECK(f.position(f.text().size()).line == 1);
  CHECK(f.line_reference(4, 0) == "line 2");
  CHECK(f.line_reference(4, z) == "line 2 of a.yaml");
  CHECK(f.line_reference(z, b) == "line 2");
}

TEST_CASE("a file of amendments is appended after the contract's own") {
  auto l = load_with({R"(pacta-amendments: 1
amendments:
  - id: draft
    signed: 2026-06-01
    amend:
      - {id: base, through: 2035-12-31}
    repeal: [globex-hosting]
)"});
  INFO(fixture::describe(l.diags));
  REQUIRE(l.loaded);
  CHECK(l.diags.all().empty());
  CHECK(l.loaded->contract.find_amendment("draft").has_value());
  CHECK(decide_text(*l.loaded, "2026-01-01", "host(globex)") == "forbidden globex-hosting");
  CHECK(decide_text(*l.loaded, "2026-06-01", "host(globex)") == "permitted ");
  CHECK(decide_text(*l.loaded, "2034-01-01", "host(acme)") == "permitted base");
}

TEST_CASE("two files of amendments apply in the order of effective, ties in the order given") {
  const char* const a = R"(pacta-amendments: 1
amendments:
  - {id: later, signed: 2027-01-01, amend: [{id: base, through: 2040-12-31}]}
)";
  const char* const b = R"(pacta-amendments: 1
amendments:
  - {id: sooner, signed: 2026-01-01, amend: [{id: base, through: 2028-12-31}]}
)";
  auto l = load_with({a, b});
  INFO(fixture::describe(l.diags));
  REQUIRE(l.loaded);
  CHECK(decide_text(*l.loaded, "2026-06-01", "host(acme)") == "permitted base");
  CHECK(decide_text(*l.loaded, "2029-06-01", "host(acme)") == "permitted base");  // later wins
  CHECK(decide_text(*l.loaded, "2041-01-01", "host(acme)") == "permitted ");
}

TEST_CASE("diagnostics of a file of amendments are located in it") {
  SECTION("an unknown clause, with did-you-mean") {
    auto l =
        load_with({"pacta-amendments: 1\namendments:\n  - id: d\n    signed: 2026-01-01\n"
                   "    repeal: [globex-hostin]\n"});
    const Diagnostic& d = only(l, Code::E501);
    CHECK(d.file == "draft1.yaml");
    CHECK(d.position.line == 5);
    CHECK(d.position.column == 14);
    CHECK(d.source_line == "    repeal: [globex-hostin]");
    CHECK(d.help.find("globex-hosting") != std::string::npos);
  }
  SECTION("an id the contract has: the first named with its file") {
    auto l =
        load_with({"pacta-amendments: 1\namendments:\n  - id: first\n    signed: 2026-01-01\n"});
    const Diagnostic& d = only(l, Code::E206);
    CHECK(d.file == "draft1.yaml");
    CHECK(d.position.line == 3);
    CHECK(d.help.find("line 11 of deal.yaml") != std::string::npos);
  }
  SECTION("a type error in a clause it adds") {
    auto l =
        load_with({"pacta-amendments: 1\namendments:\n  - id: d\n    signed: 2026-01-01\n"
                   "    add:\n      - {id: n, permit: host, when: provider > 3}\n"});
    INFO(fixture::describe(l.diags));
    REQUIRE(!l.loaded);
    REQUIRE(!l.diags.all().empty());
    for (const Diagnostic& d : l.diags.all()) {
      CHECK(d.file == "draft1.yaml");
      CHECK(d.position.line == 6);
    }
  }
  SECTION("an unknown key, with did-you-mean") {
    auto l = load_with({"pacta-amendments: 1\namendment:\n  - {id: d, signed: 2026-01-01}\n"});
    INFO(fixture::describe(l.diags));
    REQUIRE(!l.loaded);
    CHECK(fixture::has_diag(l.diags, Code::E202, 2, 1, "amendment"));
    CHECK(fixture::has_diag(l.diags, Code::E203, 1, 1, "amendments"));
    for (const Diagnostic& d : l.diags.all()) CHECK(d.file == "draft1.yaml");
  }
  SECTION("a YAML error") {
    auto l = load_with({"pacta-amendments: 1\namendments: [\n"});
    const Diagnostic& d = only(l, Code::E104);
    CHECK(d.file == "draft1.yaml");
  }
  SECTION("an empty file") {
    auto l = load_with({"# nothing\n"});
    const Diagnostic& d = only(l, Code::E107);
    CHECK(d.file == "draft1.yaml");
    CHECK(d.position.line == 1);
  }
  SECTION("errors in two files and the contract are all reported, each in its file") {
    std::string contract = kContract;
    contract += "  - {id: second, signed: 2026-01-01, repeal: [nothing]}\n";
    auto l = load_with({"pacta-amendments: 1\namendments:\n  - {id: d, signed: 2026-01-01, "
                        "repeal: [nowhere]}\n",
                        "pacta-amendments: 1\namendments:\n  - {id: e, signed: 2026-01-01, "
                        "amend: [{id: nobody, title: x}]}\n"},
                       contract);
    INFO(fixture::describe(l.diags));
    std::vector<std::string> files;
    for (const Diagnostic& d : l.diags.all()) files.push_back(d.file);
    CHECK(files == std::vector<std::string>{"deal.yaml", "draft1.yaml", "draft2.yaml"});
  }
}

TEST_CASE("a file of another kind given as a file of amendments says which kind it is") {
  auto l = load_with({kContract});
  const Diagnostic& d = only(l, Code::E108);
  CHECK(d.file == "draft1.yaml");
  CHECK(d.message.find("rule file") != std::string::npos);
  CHECK(d.message.find("not a file of amendments") != std::string::npos);
  auto t = load_with({"pacta-test: 1\ncontract: deal.yaml\ncases: []\n"});
  CHECK(only(t, Code::E108).message.find("test file") != std::string::npos);
  auto other = load_with({"title: x\n"});
  INFO(fixture::describe(other.diags));
  CHECK(fixture::has_diag(other.diags, Code::E204, 1, 1, "pacta-amendments"));
}

TEST_CASE("a decision failing inside a clause a file of amendments adds points into that file") {
  std::string contract = R"(pacta: 1
contract: deal
parties: [acme]
facts:
  rate: {type: number}
actions:
  host: {}
clauses:
  - {id: base, permit: host}
)";
  auto l = load_with({"pacta-amendments: 1\namendments:\n  - id: d\n    signed: 2026-01-01\n"
                      "    add:\n      - {id: cap, forbid: host, when: 10 / rate > 1}\n"},
                     contract);
  INFO(fixture::describe(l.diags));
  REQUIRE(l.loaded);
  const Contract& c = l.loaded->contract;
  const CompiledContract compiled(c, Scenario{std::nullopt, {}});
  Decider decider(compiled);
  SituationError serr;
  auto s = make_situation(c, day("2027-01-01"), {{0, Value::number(Number())}}, serr);
  REQUIRE(s);
  Decision d;
  DecisionError e;
  REQUIRE(!decider.decide(*s, 0, {}, d, e));
  REQUIRE(e.at != nullptr);
  const SourceFile& source = *l.loaded->source;
  CHECK(source.path_at(e.at->span.begin) == "draft1.yaml");
  CHECK(source.position(e.at->span.begin).line == 6);
}

TEST_CASE("split into a rule file and a file of amendments, generated contracts answer as whole") {
  namespace gen = fuzz::generated;
  int compared = 0;
  for (unsigned seed = 1; seed <= 300; ++seed) {
    fuzz::SeededBytes seeded(seed);
    fuzz::Bytes& in = seeded.in;
    const gen::Model model = gen::make_model(in);
    std::vector<gen::Question> questions{gen::make_question(in), gen::make_question(in)};
    for (std::size_t k = 0; k < model.amendments.size(); ++k) {
      INFO("seed " << seed << " split before a" << k);
      CHECK(oracle::with_disagreement(model, k, questions) == "");
      ++compared;
    }
  }
  CHECK(compared > 200);
}
