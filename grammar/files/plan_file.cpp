#include "grammar/files/plan_file.hpp"

#include <fmt/format.h>

#include "grammar/files/scenario_keys.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

namespace {

// The scenario keys of `n` (a plan or a step) that are present.
bool read_scenario(YamlReader& r, const YamlNode& n, ScenarioSyntax& s) {
  bool ok = true;
  if (auto* v = YamlReader::find(n, "assume")) ok = read_assume(r, *v, s.assume) && ok;
  if (auto* v = YamlReader::find(n, "unknown")) ok = read_unknown(r, *v, s.unknown) && ok;
  ok = date_field(r, n, "as_agreed_on", s.as_agreed_on, false) && ok;
  if (auto* v = YamlReader::find(n, "without")) {
    s.without = clause_ids(r, *v, "without", "an amendment");
    ok = ok && s.without.has_value();
  }
  if (auto* v = YamlReader::find(n, "with")) ok = read_with(r, *v, s.with, "plan file") && ok;
  return ok;
}

// The span of a step: `on`, or `from` with exactly one of `through` and
// `until`.
bool read_span(YamlReader& r, const YamlNode& n, PlanStepSyntax& s) {
  bool ok = date_field(r, n, "on", s.on, false);
  ok = date_field(r, n, "from", s.from, false) && ok;
  ok = date_field(r, n, "through", s.through, false) && ok;
  ok = date_field(r, n, "until", s.until, false) && ok;
  const YamlEntry* on = find_entry(n, "on");
  const YamlEntry* from = find_entry(n, "from");
  const YamlEntry* through = find_entry(n, "through");
  const YamlEntry* until = find_entry(n, "until");
  if (on != nullptr && (from != nullptr || through != nullptr || until != nullptr)) {
    const YamlEntry* other = from != nullptr ? from : through != nullptr ? through : until;
    r.error(other->first->offset, Code::E204,
            fmt::format("a step gives both 'on' and '{}'", other->first->value),
            "give one day with `on: D`, or a span with `from: D` and `through: D` (or `until: D`, "
            "the first day after it)");
    return false;
  }
  if (on != nullptr) return ok;
  if (from == nullptr && through == nullptr && until == nullptr) {
    r.error(n.offset, Code::E203, "a step is missing its days: 'on', or 'from' and 'through'",
            "give the day (`on: 2026-03-01`) or the span (`from: 2026-01-01` and `through: "
            "2027-12-31`) over which the step must be allowed");
    return false;
  }
  if (from == nullptr) {
    const YamlEntry* end = through != nullptr ? through : until;
    r.error(end->first->offset, Code::E203,
            fmt::format("a step gives '{}' but not 'from'", end->first->value),
            "a span starts with `from: D`; for one day write `on: D`");
    return false;
  }
  if (through != nullptr && until != nullptr) {
    r.error(until->first->offset, Code::E204, "a step gives both 'through' and 'until'",
            "`through: D` is the last day of the span, `until: D` the first day after it: keep "
            "one");
    return false;
  }
  if (through == nullptr && until == nullptr) {
    r.error(from->first->offset, Code::E203,
            "a step gives 'from' but neither 'through' nor 'until'",
            "end the span with `through: D` (its last day) or `until: D` (the first day after it)");
    return false;
  }
  return ok;
}

// Every key of the step read, even after an error in one of them.
void read_step(YamlReader& r, const YamlNode& n, PlanFileSyntax& out) {
  if (!r.expect_map(n, "a step")) return;
  PlanStepSyntax s;
  s.offset = n.offset;
  bool ok = r.check_keys(n, "a step",
                         {"name", "do", "on", "from", "through", "until", "assume", "unknown",
                          "as_agreed_on", "without", "with"},
                         {"name", "do"});
  if (auto* v = YamlReader::find(n, "name")) {
    if (auto t = r.text(*v, "name")) s.name = *t;
  }
  if (auto* v = YamlReader::find(n, "do")) {
    s.instance = r.action_pattern(*v, "'do'");
    ok = ok && s.instance.has_value();
  }
  ok = read_span(r, n, s) && ok;
  ok = read_scenario(r, n, s.scenario) && ok;
  s.complete = ok;
  out.steps.push_back(std::move(s));
}

}  // namespace

PlanFileSyntax read_plan_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags) {
  YamlReader r(file, limits, diags);
  PlanFileSyntax out;
  if (doc.root == nullptr) {
    r.error(0, Code::E107, "the file is empty",
            "a plan file starts with `pacta-plan: 1`, `contract: <rule file>` and `steps:`");
    return out;
  }
  const YamlNode& root = *doc.root;
  if (!r.expect_map(root, "a plan file")) return out;
  if (root.entries.empty() || root.entries.front().first->value != "pacta-plan") {
    r.error(root.offset, Code::E204, "a plan file must start with the key 'pacta-plan'",
            "put `pacta-plan: 1` on the first line");
  }
  r.check_keys(root, "the plan file",
               {"pacta-plan", "contract", "name", "steps", "assume", "unknown", "as_agreed_on",
                "without", "with"},
               {"pacta-plan", "contract", "steps"});
  if (auto* n = YamlReader::find(root, "pacta-plan")) r.choice(*n, "plan format version", {"1"});
  if (auto* n = YamlReader::find(root, "contract")) {
    if (auto t = r.text(*n, "contract")) out.contract = Name{*t, n->content_offset};
  }
  if (auto* n = YamlReader::find(root, "name")) {
    if (auto t = r.text(*n, "name")) out.name = *t;
  }
  read_scenario(r, root, out.scenario);
  if (auto* n = YamlReader::find(root, "steps")) {
    if (r.expect_sequence(*n, "steps")) {
      if (n->items.empty()) {
        r.error(n->offset, Code::E203, "the plan lists no step",
                "list what is planned, e.g. `- {name: offer on AWS, do: sell_models(openai, aws), "
                "from: 2026-01-01, through: 2027-12-31}`");
      }
      for (const YamlNode* s : n->items) read_step(r, *s, out);
    }
  }
  return out;
}

}  // namespace pacta
