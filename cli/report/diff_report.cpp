#include "cli/report/diff_report.hpp"

#include <fmt/color.h>
#include <fmt/format.h>

#include "cli/report/values.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// "FILE, as agreed on D, without A, assuming f=v", or "FILE as written".
std::string side_text(const DiffSide& s) {
  std::string t = s.file;
  const std::vector<std::string> parts =
      scenario_parts(s.contract, {s.as_agreed_on, s.without, s.with, s.assumed});
  if (parts.empty()) return t + " as written";
  return fmt::format("{}, {}", t, fmt::join(parts, ", "));
}

std::string range_text(const DiffReport& r) {
  if (!r.from && !r.to) return "over all time";
  std::string t;
  if (r.from) t += "from " + r.from->to_string();
  if (r.to) t += (t.empty() ? "" : " ") + std::string("through ") + r.to->to_string();
  return t;
}

std::string decision_text(const Contract& c, int action, const Decision& d) {
  std::string t = verdict_name(d.verdict);
  if (d.is_default) {
    t += fmt::format(" (no clause applies: {} default)",
                     c.actions[action].default_verdict ? "action" : "contract");
  } else {
    t += fmt::format(" by {}", fmt::join(c.clauses.ids(d.by), ", "));
  }
  if (!d.overridden.empty()) {
    t += fmt::format(", setting aside {}", fmt::join(c.clauses.ids(d.overridden), ", "));
  }
  return t;
}

std::string day_text(const DiffReport& r, Date d, bool first) {
  if (first && !r.from && d == Date::min()) return "(start)";
  if (!first && !r.to && d == Date::max()) return "(no end)";
  return d.to_string();
}

std::string one_sided_text(const OneSided& o) {
  if (o.param.empty()) return fmt::format("action {}", o.action);
  if (o.value.empty()) return fmt::format("param {} of {}", o.param, o.action);
  return fmt::format("value {} of {}({})", o.value, o.action, o.param);
}

std::string one_sided_list(const char* title, const std::vector<OneSided>& list) {
  if (list.empty()) return {};
  std::string t = fmt::format("\n{}:\n", title);
  for (const OneSided& o : list) t += "  " + visible(one_sided_text(o)) + "\n";
  return t;
}

Json day_json(const DiffReport& r, Date d, bool first) {
  if (first && !r.from && d == Date::min()) return nullptr;
  if (!first && !r.to && d == Date::max()) return nullptr;
  return d.to_string();
}

Json side_json(const DiffSide& s) {
  Json j;
  j["contract"] = s.contract.id;
  j["file"] = s.file;
  j["as_agreed_on"] = date_json(s.as_agreed_on);
  j["assume"] = assume_json(s.contract, s.assumed);
  j["without"] = s.without;
  j["with"] = s.with;
  return j;
}

Json decision_json(const Contract& c, const Decision& d) {
  return Json{{"verdict", verdict_name(d.verdict)},
              {"default", d.is_default},
              {"by", ids_json(c, d.by)},
              {"overridden", ids_json(c, d.overridden)}};
}

Json one_sided_json(const std::vector<OneSided>& list) {
  Json out = Json::array();
  for (const OneSided& o : list) {
    Json j;
    j["action"] = o.action;
    if (!o.param.empty()) j["param"] = o.param;
    if (!o.value.empty()) j["value"] = o.value;
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

std::string diff_text(const DiffReport& r, bool color) {
  const Contract& b = r.base.contract;
  const Contract& o = r.other.contract;
  std::string range = range_text(r);
  if (!r.unknown.empty()) range += ", " + not_knowing_text(b, r.unknown);
  std::string out = fmt::format("{} {}\n  base:  {}\n  other: {}\n", visible(b.id), visible(range),
                                visible(side_text(r.base)), visible(side_text(r.other)));
  // The runs of one instance (or of one of its cases, indented one more).
  const auto runs_text = [&](const InstanceChange& ch, const std::vector<DiffRun>& runs,
                             const std::string& indent) {
    std::string t;
    for (const DiffRun& run : runs) {
      const std::string before = visible(decision_text(b, ch.action, run.base));
      const std::string after = visible(decision_text(o, ch.other_action, run.other));
      t += fmt::format("{0}{1} … {2}\n{0}  before: {3}\n{0}  after:  {4}\n", indent,
                       day_text(r, run.from, true), day_text(r, run.through, false),
                       color ? fmt::format(verdict_style(run.base.verdict), "{}", before) : before,
                       color ? fmt::format(verdict_style(run.other.verdict), "{}", after) : after);
    }
    return t;
  };
  for (const InstanceChange& ch : r.changes) {
    out += "\n" + visible(instance_text(b, ch.action, ch.args)) + "\n";
    out += runs_text(ch, ch.runs, "  ");
    for (const auto& k : ch.cases) {
      out +=
          "  " + visible("if " + case_text(b, k.given)) + "\n" + runs_text(ch, k.outcome, "    ");
    }
  }
  if (r.changes.empty()) out += "\nno answer changes\n";
  out += one_sided_list("only in the base", r.only_in_base);
  out += one_sided_list("only in the other", r.only_in_other);
  return out;
}

std::string diff_json(const DiffReport& r) {
  const Contract& b = r.base.contract;
  const Contract& o = r.other.contract;
  Json j;
  j["from"] = date_json(r.from);
  j["to"] = date_json(r.to);
  j["by"] = r.by;
  j["base"] = side_json(r.base);
  j["other"] = side_json(r.other);
  if (!r.unknown.empty()) j["unknown"] = fact_names_json(b, r.unknown);
  const auto runs_json = [&](const std::vector<DiffRun>& list) {
    Json runs = Json::array();
    for (const DiffRun& run : list) {
      runs.push_back(Json{{"from", day_json(r, run.from, true)},
                          {"through", day_json(r, run.through, false)},
                          {"base", decision_json(b, run.base)},
                          {"other", decision_json(o, run.other)}});
    }
    return runs;
  };
  Json changes = Json::array();
  for (const InstanceChange& ch : r.changes) {
    Json change{{"action", b.actions[ch.action].name}, {"args", args_json(b, ch.action, ch.args)}};
    if (ch.cases.empty()) {
      change["runs"] = runs_json(ch.runs);
    } else {  // SPEC §7.3: the cases in which the answers change
      Json cases = Json::array();
      for (const auto& k : ch.cases) {
        cases.push_back(Json{{"given", given_json(b, k.given)}, {"runs", runs_json(k.outcome)}});
      }
      change["cases"] = std::move(cases);
    }
    changes.push_back(std::move(change));
  }
  j["changes"] = std::move(changes);
  j["only_in_base"] = one_sided_json(r.only_in_base);
  j["only_in_other"] = one_sided_json(r.only_in_other);
  return safe_dump(std::move(j)) + "\n";
}

}  // namespace pacta::cli
