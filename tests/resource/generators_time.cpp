// Generators of timeline questions (issue 10): the work of `pacta timeline`
// grows with the change points and the versions that change at each, the
// days walked one by one, and the instances; never with their product.
#include <fmt/format.h>

#include "tests/resource/generators.hpp"

namespace pacta::resource {

namespace {

Scenario timeline_of(std::string text, std::vector<std::string> args) {
  Scenario s;
  s.files.emplace_back("rules.yaml", std::move(text));
  s.args = {"timeline", "rules.yaml"};
  s.args.insert(s.args.end(), args.begin(), args.end());
  return s;
}

}  // namespace

// N clauses on one action, each applying on one day of its own: 2N + 1
// runs. Deciding every version at every change point would cost N x 2N.
Scenario timeline_change_points(std::size_t n) {
  std::string t = rule_header("points") + "actions:\n  act: {}\nclauses:\n";
  const char* modality[] = {"permit", "forbid", "oblige"};
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("  - id: c{}\n    {}: act\n    when: date == 2000-01-01 + {} days\n", i,
                     modality[i % 3], 2 * i);
  }
  return timeline_of(std::move(t), {"--format", "json"});
}

// N clauses whose `when` has `date` on both sides, walked day by day over
// ten years: N x 3,653 days, within the step bound at every size.
Scenario timeline_day_by_day(std::size_t n) {
  std::string t = rule_header("walked") + "actions:\n  act: {}\nclauses:\n";
  for (std::size_t i = 0; i < n; ++i) {
    t += fmt::format("  - id: c{}\n    permit: act\n    when: date + {} months > date + {} days\n",
                     i, i % 12 + 1, 30 * (i % 12 + 1));
  }
  return timeline_of(std::move(t), {"--from", "2020-01-01", "--to", "2029-12-31"});
}

// N instances (one action, an enum param of N values), each with its own
// window: the timelines are held for the whole answer, so memory grows with
// the runs, linearly.
Scenario timeline_many_instances(std::size_t n) {
  std::string t = rule_header("instances") + "types:\n  t: [";
  for (std::size_t i = 0; i < n; ++i) t += fmt::format("{}v{}", i ? ", " : "", i);
  t += "]\nactions:\n  act: {params: {p: t}}\nclauses:\n";
  t += "  - id: window\n    permit: act\n    from: 2024-01-01\n    until: 2025-01-01\n";
  t += "  - id: late\n    forbid: act(v0)\n    when: date > 2024-06-01\n";
  return timeline_of(std::move(t), {"--format", "json"});
}

}  // namespace pacta::resource
