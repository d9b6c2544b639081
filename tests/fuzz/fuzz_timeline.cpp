// fuzz_timeline: the input bytes choose a contract as for fuzz_decide (the
// same generator: decide_generator.hpp), then the facts, a scenario (as
// agreed on a date, or all amendments) and a window of days; the timeline
// of every instance over that window is compared with the days of the
// window decided one by one (timeline_oracle.hpp).
//
// Properties (abort on violation):
//  - the timeline equals the runs of the days decided one by one, or fails
//    on the same first day with the same error (a refusal, "too many days",
//    is allowed only for a comparison with `date` on both sides, and only
//    past the step bound: never in these windows);
//  - the timeline over all time tiles all time with runs that differ from
//    their neighbours, and clipped to the window it is the window's
//    timeline;
//  - asking again (scratch space reused) gives the same timeline, and so
//    does one Timeliner asked about every instance in turn (as `pacta
//    timeline` asks: a clause of one action may set aside one of another).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "decide_generator.hpp"
#include "decide_model.hpp"
#include "engine/compile/compiled_contract.hpp"
#include "engine/decide/instances.hpp"
#include "engine/time/timeline.hpp"
#include "fuzz_common.hpp"
#include "timeline_oracle.hpp"

using namespace pacta;
using namespace pacta::fuzz::generated;
using pacta::fuzz::Bytes;

namespace {

// Windows where generated contracts change (their dates lie in 2019-2022,
// and near the first and last days of the calendar), a few months to four
// years long.
struct WindowItem {
  Ymd first, last;
};
const WindowItem kWindows[] = {
    {{2019, 6, 1}, {2022, 6, 30}},    {{2020, 1, 1}, {2020, 12, 31}},
    {{2020, 2, 1}, {2020, 3, 31}},    {{2021, 5, 1}, {2021, 7, 31}},
    {{1, 1, 1}, {1, 3, 31}},          {{9999, 1, 1}, {9999, 12, 31}},
    {{9999, 12, 31}, {9999, 12, 31}}, {{2020, 7, 1}, {2020, 7, 1}},
    {{2018, 1, 1}, {2023, 12, 31}},
};

oracle::Answer clip(const oracle::Answer& whole, DayRange range) {
  oracle::Answer out = whole;
  out.runs.clear();
  for (const Run& r : whole.runs) {
    if (r.through < range.first || r.from > range.last) continue;
    Run c = r;
    if (c.from < range.first) c.from = range.first;
    if (c.through > range.last) c.through = range.last;
    out.runs.push_back(c);
  }
  return out;
}

void check_all_time(Timeliner& t, int action, const std::vector<int>& args, DayRange window,
                    const oracle::Answer& in_window, const std::string& context) {
  const oracle::Answer whole = oracle::timeline_of(t, action, args, DayRange{});
  if (!whole.ok) return;  // a refusal, or a failing day outside the window: checked elsewhere
  PACTA_FUZZ_CHECK(!whole.runs.empty() && whole.runs.front().from == Date::min() &&
                       whole.runs.back().through == Date::max(),
                   context + oracle::describe(whole));
  for (std::size_t i = 1; i < whole.runs.size(); ++i) {
    PACTA_FUZZ_CHECK(whole.runs[i].from.serial() == whole.runs[i - 1].through.serial() + 1 &&
                         !oracle::same_decision(whole.runs[i].decision, whole.runs[i - 1].decision),
                     context + oracle::describe(whole));
  }
  if (in_window.ok) {
    const std::string diff = oracle::disagreement(clip(whole, window), in_window);
    PACTA_FUZZ_CHECK(diff.empty(), context + "\nall time clipped vs the window:\n" + diff);
  }
}

// The step bound of each Timeliner. The default (100 million) lets a
// comparison with `date` on both sides be walked day by day over all time:
// seconds of work for one instance under the sanitizers, past libFuzzer's
// timeout. A window of at most six years costs under 200,000 steps, so this
// bound refuses only the all-time walk, whose refusal check_all_time skips.
Limits timeline_limits() {
  Limits limits;
  limits.max_decision_steps = 2'000'000;
  return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  Bytes in(data, size);
  const Model model = make_model(in);
  const std::string yaml = write_yaml(model, true);
  Diagnostics diags;
  auto loaded = load_contract_text("generated.yaml", yaml, Limits{}, diags);
  if (!loaded || diags.has_errors()) {
    std::string detail = yaml + "\n";
    for (const Diagnostic& d : diags.all()) detail += render_text(d, false);
    fuzz::fail("a generated contract loads", detail, __FILE__, __LINE__);
  }
  const Contract& c = loaded->contract;
  const Question q = make_question(in);
  const WindowItem& w = kWindows[in.pick(count_of(kWindows))];
  const DayRange window{w.first.date(), w.last.date()};
  Scenario scenario;
  if (kAgreed[q.agreed]) scenario.as_agreed_on = kAgreed[q.agreed]->date();
  const CompiledContract compiled(c, scenario);
  SituationError serr;
  auto situation = make_situation(c, Date::min(), assumptions(c, q), serr);
  if (!situation) return 0;  // a named date out of range: no question can be asked
  static const bool verbose = std::getenv("PACTA_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "----\n%s", yaml.c_str());
  // One Timeliner for every instance, as `pacta timeline` uses it: what one
  // instance leaves behind must not change the next one's timeline.
  Timeliner shared(compiled, *situation, timeline_limits());
  for (std::size_t a = 0; a < c.actions.size(); ++a) {
    const Pattern any{static_cast<int>(a), std::vector<int>(c.actions[a].params.size(), -1)};
    for (InstanceOdometer it(c, any); !it.done(); it.next()) {
      const std::vector<int> args = it.args();
      const int action = static_cast<int>(a);
      const std::string context =
          yaml + "\naction " + c.actions[a].name + " args " + std::to_string(args.size()) +
          " flag " + std::to_string(q.flag) + " count " + std::to_string(q.count) + " tier " +
          std::to_string(q.tier) + " event " + std::to_string(q.event) + " ends " +
          std::to_string(q.ends) + " agreed " + std::to_string(q.agreed) + " window " +
          window.first.to_string() + ".." + window.last.to_string() + "\n";
      const oracle::Answer days =
          oracle::decide_every_day(compiled, *situation, action, args, window);
      // A Timeliner per instance: each timeline has its own step budget.
      static const Limits limits = timeline_limits();
      Timeliner timeliner(compiled, *situation, limits);
      const oracle::Answer got = oracle::timeline_of(timeliner, action, args, window);
      const std::string diff = oracle::disagreement(days, got);
      PACTA_FUZZ_CHECK(diff.empty(), context + diff);
      const oracle::Answer again = oracle::timeline_of(timeliner, action, args, window);
      PACTA_FUZZ_CHECK(oracle::disagreement(got, again).empty(), context + "asked twice");
      const oracle::Answer reused = oracle::timeline_of(shared, action, args, window);
      if (!oracle::refused(reused)) {  // its step budget is shared by every instance
        PACTA_FUZZ_CHECK(oracle::disagreement(got, reused).empty(),
                         context + "with the Timeliner of the instances before");
      }
      check_all_time(timeliner, action, args, window, got, context);
    }
  }
  return 0;
}
