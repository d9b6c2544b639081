// `pacta timeline --format json` on the bundled Microsoft–OpenAI contract
// gives the document of SPEC §6, key for key and value for value: both are
// compared as compact JSON (the SPEC's line breaks are its own layout).
#include <catch2/catch.hpp>
#include <string>

#include "cli/report/timeline_report.hpp"
#include "cli/report/values.hpp"
#include "contract_fixture.hpp"
#include "engine/decide/question.hpp"
#include "engine/time/timeline.hpp"

namespace pacta::cli {
namespace {

constexpr const char* kSpecExample = R"({"contract": "microsoft-openai", "from": null, "to": null,
 "as_agreed_on": null, "assume": {}, "without": [], "with": [],
 "timelines": [
   {"action": "sell_models", "args": {"seller": "openai", "channel": "aws"},
    "runs": [
      {"from": null, "through": "2019-07-21", "verdict": "forbidden", "default": true,
       "by": [], "overridden": []},
      {"from": "2019-07-22", "through": "2025-10-27", "verdict": "forbidden",
       "default": false, "by": ["sales-exclusivity"], "overridden": []},
      {"from": "2025-10-28", "through": null, "verdict": "permitted", "default": false,
       "by": ["open-distribution"], "overridden": []}]}]})";

TEST_CASE("the timeline JSON of sell_models(seller=openai, channel=aws) is SPEC §6's example") {
  Diagnostics diags;
  auto loaded = load_contract(std::string(PACTA_SOURCE_DIR) + "/rules/microsoft-openai.yaml",
                              Limits{}, diags);
  REQUIRE(loaded.has_value());
  const Contract& c = loaded->contract;
  const CompiledContract compiled(c, Scenario{});
  SituationError serr;
  auto situation = make_situation(c, Date::min(), {}, serr);
  REQUIRE(situation.has_value());
  const std::vector<std::pair<int, Value>> assumed;
  TimelineReport report{c, std::nullopt, std::nullopt, std::nullopt, assumed, {}, {}};
  auto [action, args] = fixture::instance(c, "sell_models(seller=openai, channel=aws)");
  TimelineRow row{action, args, {}};
  Timeliner timeliner(compiled, *situation, Limits{});
  TimelineFailure failure;
  REQUIRE(timeliner.timeline(action, args, DayRange{}, row.runs, failure));
  report.rows.push_back(row);
  const std::string ours = render_timeline_json(report);
  CHECK(Json::parse(ours).dump() == Json::parse(kSpecExample).dump());
}

}  // namespace
}  // namespace pacta::cli
