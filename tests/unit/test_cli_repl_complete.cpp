// Tab completion of `pacta repl` (cli/commands/repl_complete.hpp): the
// candidates for the text before the cursor, on the bundled
// Microsoft-OpenAI contract, without a terminal.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/commands/repl_complete.hpp"
#include "engine/load.hpp"
#include "tests/unit/temp_dir.hpp"

using pacta::cli::common_prefix;
using pacta::cli::complete;
using pacta::cli::Completion;
using Words = std::vector<std::string>;

namespace {

const pacta::Contract& contract() {
  static const pacta::LoadedContract loaded = [] {
    pacta::Diagnostics diags;
    auto c = pacta::load_contract(std::string(PACTA_SOURCE_DIR) + "/rules/microsoft-openai.yaml",
                                  pacta::Limits{}, diags);
    REQUIRE(c);
    return std::move(*c);
  }();
  return loaded.contract;
}

Completion at(const std::string& line) {
  return complete(contract(), line, [](std::string_view prefix) {
    Words files = {"amend/", "amend.yaml", "another.yaml"};
    Words out;
    for (auto& f : files) {
      if (f.rfind(prefix, 0) == 0) out.push_back(f);
    }
    return out;
  });
}

}  // namespace

TEST_CASE("the first word: commands and actions") {
  auto c = at(":assu");
  CHECK(c.from == 0);
  CHECK(c.candidates == Words{":assume"});
  CHECK(c.space);
  c = at("sell_mo");
  CHECK(c.candidates == Words{"sell_models("});
  CHECK_FALSE(c.space);  // the pattern goes on
  c = at("  :w");
  CHECK(c.from == 2);
  CHECK(c.candidates == Words{":with", ":without"});
  CHECK(at("").candidates.size() == 18 + 4);
  CHECK(at("ti").candidates == Words{"timeline"});
  CHECK(at("zzz").candidates.empty());
}

TEST_CASE("in a pattern: params, then their values") {
  auto c = at("sell_models(");
  CHECK(c.from == 12);
  CHECK(c.candidates == Words{"channel=", "seller="});
  CHECK_FALSE(c.space);
  c = at("sell_models(seller=");
  CHECK(c.from == 19);
  CHECK(c.candidates == Words{"microsoft", "openai"});
  c = at("sell_models(seller=op");
  CHECK(c.from == 19);
  CHECK(c.candidates == Words{"openai"});
  CHECK_FALSE(c.space);
  // A param already named is not offered again.
  CHECK(at("sell_models(seller=openai, ").candidates == Words{"channel="});
  CHECK(at("sell_models(seller=openai, channel=a").candidates == Words{"aws", "azure"});
  // Positional: once a letter is typed, the values of the param at that place.
  CHECK(at("sell_models(o").candidates == Words{"openai"});
  CHECK(at("sell_models(openai, g").candidates == Words{"google_cloud"});
  // Inside a question command, and after --action.
  CHECK(at("explain host_models(host=o").candidates == Words{"oracle"});
  CHECK(at("allowed --action integrate_models(vendor=m").candidates == Words{"meta", "mistral"});
  // Unknown action or param: nothing.
  CHECK(at("nosuch(").candidates.empty());
  CHECK(at("sell_models(nosuch=").candidates.empty());
  // A closed pattern: nothing more to complete in it.
  CHECK(at("sell_models(openai, aws)").candidates.empty());
}

TEST_CASE("state commands: facts, values, ids, files") {
  auto c = at(":assume a");
  CHECK(c.from == 8);
  CHECK(c.candidates == Words{"agi_declared="});
  CHECK_FALSE(c.space);
  c = at(":assume agi_declared=t");
  CHECK(c.from == 21);
  CHECK(c.candidates == Words{"true"});
  CHECK(c.space);
  CHECK(at(":assume agi_declared=").candidates == Words{"false", "true"});
  CHECK(at(":forget ").candidates == Words{"agi_declared"});
  CHECK(at(":unknown agi").candidates == Words{"agi_declared"});
  CHECK(at(":without ").candidates == Words{"restructure-2025"});
  c = at(":show sales");
  CHECK(c.candidates == Words{"sales-exclusivity"});
  CHECK(at(":show restr").candidates == Words{"restructure-2025"});
  CHECK(at(":show ").candidates.size() == contract().clauses.size() + 1);
  CHECK(at(":on t").candidates == Words{"today"});
  CHECK(at(":agreed ").candidates == Words{"today"});
  c = at(":with am");
  CHECK(c.candidates == Words{"amend.yaml", "amend/"});
  CHECK(at(":state ").candidates.empty());
}

TEST_CASE("question commands: flags and their values") {
  CHECK(at("allowed --p").candidates == Words{"--party"});
  CHECK(at("allowed --party ").candidates == Words{"microsoft", "openai"});
  CHECK(at("allowed --verdict f").candidates == Words{"forbidden"});
  CHECK(at("allowed --action pay").candidates == Words{"pay_revenue_share("});
  CHECK(at("timeline --").candidates ==
        Words{"--explain", "--from", "--party", "--to", "--verdict"});
  CHECK(at("timeline --from ").candidates == Words{"today"});
  CHECK(at("timeline sell_models(openai) --t").candidates == Words{"--to"});
  CHECK(at("diff --").candidates == Words{"--action", "--by", "--from", "--to"});
  CHECK(at("explain in").candidates == Words{"integrate_models("});
  CHECK(at("ask --expect ").candidates ==
        Words{"allowed", "conflict", "forbidden", "obligatory", "permitted"});
  CHECK(at("diff x").candidates.empty());
}

TEST_CASE("the common prefix of candidates") {
  CHECK(common_prefix({}).empty());
  CHECK(common_prefix({":with", ":without"}) == ":with");
  CHECK(common_prefix({"aws", "azure"}) == "a");
  CHECK(common_prefix({"abc"}) == "abc");
  // Never half a UTF-8 character: "é" is C3 A9, "è" C3 A8.
  CHECK(common_prefix({"x\xC3\xA9", "x\xC3\xA8"}) == "x");
}

TEST_CASE("file names from the file system") {
  pacta::testing::TempDir dir("repl_complete");
  dir.file("a.yaml");
  dir.file("sub/b.yaml");
  dir.file(".hidden.yaml");
  const std::string root = dir / "";
  CHECK(pacta::cli::list_files(root) == Words{root + "a.yaml", root + "sub/"});
  CHECK(pacta::cli::list_files(root + "s") == Words{root + "sub/"});
  CHECK(pacta::cli::list_files(root + "sub/") == Words{root + "sub/b.yaml"});
  CHECK(pacta::cli::list_files(root + ".h") == Words{root + ".hidden.yaml"});
  CHECK(pacta::cli::list_files(root + "nosuch/").empty());
}
