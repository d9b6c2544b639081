#include "cli/report/explain_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

const char* role_key(ClauseRole r) {
  switch (r) {
    case ClauseRole::Deciding:
      return "deciding";
    case ClauseRole::SetAside:
      return "set_aside";
    case ClauseRole::Outweighed:
      return "outweighed";
    case ClauseRole::NotApplicable:
      break;
  }
  return "not_applicable";
}

const char* error_key(EvalEnv::Error e) {
  switch (e) {
    case EvalEnv::Error::MissingFact:
      return "unknown_fact";
    case EvalEnv::Error::DateOutOfRange:
      return "date_out_of_range";
    case EvalEnv::Error::DivisionByZero:
      return "division_by_zero";
    case EvalEnv::Error::NumberTooLarge:
      return "number_too_large";
    case EvalEnv::Error::None:
      break;
  }
  return "none";
}

const char* modality_verb(Modality m) {
  switch (m) {
    case Modality::Permit:
      return "permits it";
    case Modality::Forbid:
      return "forbids it";
    case Modality::Oblige:
      break;
  }
  return "obliges it";
}

// What outweighs a permission that applies (language.md §7, step 4).
const char* prevailing(Verdict v) {
  switch (v) {
    case Verdict::Forbidden:
      return "the prohibition";
    case Verdict::Obligatory:
      return "the obligation";
    case Verdict::Conflict:
      return "the conflict";
    case Verdict::Permitted:
      break;
  }
  return "the verdict";
}

std::string date_text(Date d) { return d.is_never() ? std::string("never") : d.to_string(); }

std::string amendment_id(const Contract& c, int a) {
  return a < 0 ? std::string("?") : c.amendments[static_cast<std::size_t>(a)].id;
}

Json amendment_json(const Contract& c, int a) {
  return a < 0 ? Json(nullptr) : Json(c.amendments[static_cast<std::size_t>(a)].id);
}

std::string traced_value_text(const ExplainHeader& h, const TracedExpr& t) {
  if (!t.ok) {
    return t.error == EvalEnv::Error::MissingFact ? std::string("unknown")
                                                  : std::string(error_key(t.error));
  }
  return value_text(h.contract, t.expr->type, t.value);
}

// The values the smallest false part depends on: its operands that are not
// constants (through named conditions), or the part itself for a leaf.
std::string false_part_text(const ExplainHeader& h, const TracedExpr& f) {
  std::string out = fmt::format("`{}` is false", visible(expression_text(h.source, *f.expr)));
  std::vector<std::string> values;
  for (const TracedExpr& o : f.operands) {
    if (o.expr->op == TypedExpr::Op::Constant) continue;
    values.push_back(fmt::format("{} = {}", visible(expression_text(h.source, *o.expr)),
                                 traced_value_text(h, o)));
  }
  if (!values.empty()) out += fmt::format(" ({})", fmt::join(values, ", "));
  return out;
}

std::string version_text(const Contract& c, const ClauseExplanation& x) {
  if (x.made_by < 0) return "the original";
  const Amendment& am = c.amendments[static_cast<std::size_t>(x.made_by)];
  const Clause& clause = c.clauses[static_cast<std::size_t>(x.clause)];
  const char* how = clause.added_by == x.made_by ? "added" : "made";
  return fmt::format("{} by {}, effective {}", how, am.id, am.effective.to_string());
}

std::string bound_text(const ExplainHeader& h, const char* word, const BoundExplanation& b) {
  const std::string written = expression_text(h.source, *b.expr);
  const std::string day = b.day ? date_text(*b.day) : std::string("unknown");
  if (written == day) return fmt::format("{} {}", word, day);
  return fmt::format("{} {} ({})", word, visible(written), day);
}

}  // namespace

std::string expression_text(const SourceFile& source, const TypedExpr& e) {
  const std::string_view text = source.text();
  if (e.span.begin >= e.span.end || e.span.end > text.size()) return "?";
  std::string out;
  bool blank = false;
  for (char ch : text.substr(e.span.begin, e.span.end - e.span.begin)) {
    if (std::isspace(static_cast<unsigned char>(ch)) != 0) {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += ch;
  }
  return out;
}

std::string location_text(const SourceFile& source, std::size_t offset) {
  return fmt::format("{}:{}", visible(source.path_at(offset)), source.line(offset));
}

namespace {

// Why a clause did not apply, in words.
std::string reason_text(const ExplainHeader& h, const InstanceExplanation& e,
                        const ClauseExplanation& x) {
  const Contract& c = h.contract;
  switch (x.reason) {
    case Reason::NotSigned:
      return fmt::format("added by {}, signed {}, after the agreement date",
                         amendment_id(c, x.amendment), x.date.to_string());
    case Reason::LeftOut:
      return fmt::format("added by {}, which is left out (--without)",
                         amendment_id(c, x.amendment));
    case Reason::AddedLater:
      return fmt::format("not yet in force: added by {}, effective {}",
                         amendment_id(c, x.amendment), x.date.to_string());
    case Reason::Repealed:
      return fmt::format("repealed by {}, effective {}", amendment_id(c, x.amendment),
                         x.date.to_string());
    case Reason::OtherAction:
      return fmt::format("the version in force ({}) is about {}", version_text(c, x),
                         c.actions[static_cast<std::size_t>(x.version->pattern.action)].name);
    case Reason::BeforeFrom:
      return fmt::format("not yet in force: {}", bound_text(h, "from", *x.from));
    case Reason::AtOrAfterUntil:
      return fmt::format("no longer in force: {}",
                         bound_text(h, x.until->through ? "through" : "until", *x.until));
    case Reason::PatternMismatch: {
      const Param& p =
          c.actions[static_cast<std::size_t>(e.action)].params[static_cast<std::size_t>(x.param)];
      return fmt::format("its pattern needs {}={}, this instance has {}={}", p.name,
                         c.value_text(p.type, x.wanted), p.name, c.value_text(p.type, x.got));
    }
    case Reason::WhenFalse:
      return "when: " + false_part_text(h, traced_at(*x.when, x.false_path));
    case Reason::Fails:
      return fmt::format("cannot be evaluated ({})", error_key(x.error));
    case Reason::None:
      break;
  }
  return "applies";
}

// `id "title" (FILE:LINE)` of a clause, the title of the version shown.
std::string clause_head(const ExplainHeader& h, const ClauseExplanation& x) {
  const Clause& clause = h.contract.clauses[static_cast<std::size_t>(x.clause)];
  const ClauseVersion& shown = x.version != nullptr ? *x.version : clause.version;
  std::string title;
  if (!shown.title.empty()) title = fmt::format(" \"{}\"", visible(shown.title.str()));
  return fmt::format("{}{} ({})", clause.id, title, location_text(h.source, clause.offset));
}

// The value of every sub-expression that is not a constant, one a line,
// indented by depth (a named condition shows its definition below it).
void trace_lines(const ExplainHeader& h, const TracedExpr& t, int depth, std::string& out) {
  if (t.expr->op == TypedExpr::Op::Constant) return;
  out += fmt::format("{:{}}{} = {}{}\n", "", depth * 2, visible(expression_text(h.source, *t.expr)),
                     traced_value_text(h, t), t.needed ? "" : " (not needed)");
  const bool leaf = t.expr->op == TypedExpr::Op::Fact || t.expr->op == TypedExpr::Op::Param ||
                    t.expr->op == TypedExpr::Op::NamedDate || t.expr->op == TypedExpr::Op::Today;
  if (leaf) return;
  for (const TracedExpr& o : t.operands) trace_lines(h, o, depth + 1, out);
}

// A clause that applies: its text, version, bounds and `when`.
void applying_lines(const ExplainHeader& h, const ClauseExplanation& x, std::string& out) {
  const ClauseVersion& v = *x.version;
  if (!v.text.empty()) out += fmt::format("      \"{}\"\n", visible(v.text.str()));
  if (!v.ref.empty()) out += fmt::format("      ref: {}\n", visible(v.ref.str()));
  out += fmt::format("      version: {}\n", version_text(h.contract, x));
  if (x.from || x.until) {
    std::vector<std::string> parts;
    if (x.from) parts.push_back(bound_text(h, "from", *x.from));
    if (x.until) parts.push_back(bound_text(h, x.until->through ? "through" : "until", *x.until));
    out += fmt::format("      in force: {}\n", fmt::join(parts, ", "));
  }
  if (x.when) {
    out += "      when:\n";
    trace_lines(h, *x.when, 4, out);
  }
}

std::string verdict_line(const ExplainHeader& h, const InstanceExplanation& e, bool color) {
  const Contract& c = h.contract;
  std::string verdict = verdict_name(e.decision.verdict);
  if (color) verdict = fmt::format(verdict_style(e.decision.verdict), "{}", verdict);
  std::string line =
      fmt::format("{} on {}: {}", instance_text(c, e.action, e.args), e.on.to_string(), verdict);
  if (e.default_of == InstanceExplanation::DefaultOf::Action) {
    line += fmt::format(", by default (the default of {})",
                        c.actions[static_cast<std::size_t>(e.action)].name);
  } else if (e.default_of == InstanceExplanation::DefaultOf::Contract) {
    line += ", by default (the contract's default)";
  }
  return line + "\n";
}

void explanation_lines(const ExplainHeader& h, const InstanceExplanation& e, bool color,
                       std::string& out) {
  out += verdict_line(h, e, color);
  bool not_applicable_heading = false;
  for (const ClauseExplanation& x : e.clauses) {
    const std::string head = clause_head(h, x);
    switch (x.role) {
      case ClauseRole::Deciding:
        out += fmt::format("  {} {}:\n", head, modality_verb(x.version->modality));
        applying_lines(h, x, out);
        break;
      case ClauseRole::SetAside:
        out += fmt::format("  set aside: {} {}, but {} overrides it\n", head,
                           modality_verb(x.version->modality),
                           fmt::join(h.contract.clauses.ids(x.set_aside_by), ", "));
        break;
      case ClauseRole::Outweighed:
        out +=
            fmt::format("  also applies, but {} prevails: {} {}\n", prevailing(e.decision.verdict),
                        head, modality_verb(x.version->modality));
        break;
      case ClauseRole::NotApplicable:
        if (!not_applicable_heading) out += "  did not apply:\n";
        not_applicable_heading = true;
        out += fmt::format("    {}: {}\n", head, reason_text(h, e, x));
        break;
    }
  }
  if (e.clauses.empty()) out += "  no clause is about this action\n";
}

}  // namespace

namespace {

// The facts some case of `cases` depends on, by name, in declaration order.
std::vector<std::string> case_fact_names(const Contract& c,
                                         const std::vector<ExplainedCase>& cases) {
  std::vector<int> facts;
  for (const ExplainedCase& k : cases) {
    for (const Given& g : k.given) facts.push_back(g.fact);
  }
  std::sort(facts.begin(), facts.end());
  facts.erase(std::unique(facts.begin(), facts.end()), facts.end());
  std::vector<std::string> names;
  names.reserve(facts.size());
  for (int f : facts) names.push_back(c.facts[static_cast<std::size_t>(f)].name);
  return names;
}

}  // namespace

std::string explain_text(const ExplainHeader& h, const std::vector<ExplainedInstance>& instances,
                         bool color) {
  const Contract& c = h.contract;
  std::vector<std::string> parts = scenario_parts(c, h.scenario);
  std::string out = fmt::format("{} on {}", c.id, h.on.to_string());
  for (const std::string& p : parts) out += ", " + p;
  if (!h.unknown.empty()) out += ", " + not_knowing_text(c, h.unknown);
  out += "\n";
  for (const ExplainedInstance& i : instances) {
    out += "\n";
    if (i.cases.size() == 1 && i.cases.front().given.empty()) {
      explanation_lines(h, i.cases.front().explanation, color, out);
      continue;
    }
    out += fmt::format("{} on {}: the answer depends on {}\n", instance_text(c, i.action, i.args),
                       h.on.to_string(), fmt::join(case_fact_names(c, i.cases), ", "));
    for (std::size_t k = 0; k < i.cases.size(); ++k) {
      const bool last = k + 1 == i.cases.size();
      out += fmt::format("\n{}:\n",
                         last ? std::string("otherwise") : "if " + case_text(c, i.cases[k].given));
      explanation_lines(h, i.cases[k].explanation, color, out);
    }
  }
  return out;
}

namespace {

Json trace_json(const ExplainHeader& h, const TracedExpr& t) {
  Json j;
  j["expression"] = expression_text(h.source, *t.expr);
  j["value"] = t.ok ? value_json(h.contract, t.expr->type, t.value) : Json(nullptr);
  j["error"] = t.ok ? Json(nullptr) : Json(error_key(t.error));
  j["needed"] = t.needed;
  Json operands = Json::array();
  for (const TracedExpr& o : t.operands) operands.push_back(trace_json(h, o));
  j["operands"] = std::move(operands);
  return j;
}

Json bound_json(const ExplainHeader& h, const std::optional<BoundExplanation>& b) {
  if (!b) return nullptr;
  Json j;
  j["written"] = expression_text(h.source, *b->expr);
  j["date"] = b->day ? Json(date_text(*b->day)) : Json(nullptr);
  j["through"] = b->through;
  return j;
}

Json version_json(const Contract& c, const ClauseExplanation& x) {
  if (x.version == nullptr) return nullptr;
  Json j;
  j["amendment"] = amendment_json(c, x.made_by);
  j["effective"] = x.made_by < 0 ? Json(nullptr) : Json(x.version_start.to_string());
  j["replaced"] = x.version_end.is_never() ? Json(nullptr) : Json(x.version_end.to_string());
  return j;
}

Json reason_json(const ExplainHeader& h, const InstanceExplanation& e, const ClauseExplanation& x) {
  const Contract& c = h.contract;
  Json j;
  switch (x.reason) {
    case Reason::None:
      return nullptr;
    case Reason::NotSigned:
      j["kind"] = "not_signed";
      j["amendment"] = amendment_json(c, x.amendment);
      j["signed"] = x.date.to_string();
      break;
    case Reason::LeftOut:
      j["kind"] = "left_out";
      j["amendment"] = amendment_json(c, x.amendment);
      break;
    case Reason::AddedLater:
    case Reason::Repealed:
      j["kind"] = x.reason == Reason::Repealed ? "repealed" : "added_later";
      j["amendment"] = amendment_json(c, x.amendment);
      j["effective"] = x.date.to_string();
      break;
    case Reason::OtherAction:
      j["kind"] = "other_action";
      j["action"] = c.actions[static_cast<std::size_t>(x.version->pattern.action)].name;
      break;
    case Reason::BeforeFrom:
      j["kind"] = "before_from";
      j["from"] = date_text(x.date);
      break;
    case Reason::AtOrAfterUntil:
      j["kind"] = x.until->through ? "after_through" : "at_or_after_until";
      j[x.until->through ? "through" : "until"] = date_text(x.date);
      break;
    case Reason::PatternMismatch: {
      const Param& p =
          c.actions[static_cast<std::size_t>(e.action)].params[static_cast<std::size_t>(x.param)];
      j["kind"] = "pattern_mismatch";
      j["param"] = p.name;
      j["pattern_value"] = c.value_text(p.type, x.wanted);
      j["instance_value"] = c.value_text(p.type, x.got);
      break;
    }
    case Reason::WhenFalse:
      j["kind"] = "when_false";
      j["false_part"] = trace_json(h, traced_at(*x.when, x.false_path));
      break;
    case Reason::Fails:
      j["kind"] = "fails";
      j["error"] = error_key(x.error);
      break;
  }
  return j;
}

Json text_json(const SharedText& t) { return t.empty() ? Json(nullptr) : Json(t.str()); }

Json clause_json(const ExplainHeader& h, const InstanceExplanation& e, const ClauseExplanation& x) {
  const Contract& c = h.contract;
  const Clause& clause = c.clauses[static_cast<std::size_t>(x.clause)];
  const ClauseVersion& shown = x.version != nullptr ? *x.version : clause.version;
  const Position at = h.source.position(clause.offset);
  Json j;
  j["id"] = clause.id;
  j["role"] = role_key(x.role);
  j["modality"] = modality_name(shown.modality);
  j["title"] = text_json(shown.title);
  j["text"] = text_json(shown.text);
  j["ref"] = text_json(shown.ref);
  j["kind"] = text_json(shown.kind);
  j["location"] = {
      {"file", h.source.path_at(clause.offset)}, {"line", at.line}, {"column", at.column}};
  j["version"] = version_json(c, x);
  j["from"] = bound_json(h, x.from);
  j["until"] = bound_json(h, x.until);
  j["when"] = x.when ? trace_json(h, *x.when) : Json(nullptr);
  j["set_aside_by"] = ids_json(c, x.set_aside_by);
  j["reason"] = reason_json(h, e, x);
  return j;
}

void explanation_json(const ExplainHeader& h, const InstanceExplanation& e, Json& j) {
  const Contract& c = h.contract;
  j["verdict"] = verdict_name(e.decision.verdict);
  j["default"] = e.decision.is_default;
  j["default_of"] = e.default_of == InstanceExplanation::DefaultOf::Action     ? Json("action")
                    : e.default_of == InstanceExplanation::DefaultOf::Contract ? Json("contract")
                                                                               : Json(nullptr);
  j["by"] = ids_json(c, e.decision.by);
  j["overridden"] = ids_json(c, e.decision.overridden);
  Json clauses = Json::array();
  for (const ClauseExplanation& x : e.clauses) clauses.push_back(clause_json(h, e, x));
  j["clauses"] = std::move(clauses);
}

}  // namespace

Json explain_json(const ExplainHeader& h, const std::vector<ExplainedInstance>& instances) {
  const Contract& c = h.contract;
  Json j;
  j["explanation"] = 1;
  j["contract"] = c.id;
  j["on"] = h.on.to_string();
  j["as_agreed_on"] = date_json(h.scenario.as_agreed_on);
  j["assume"] = assume_json(c, h.scenario.assumed);
  j["without"] = h.scenario.without;
  j["with"] = h.scenario.with;
  j["unknown"] = fact_names_json(c, h.unknown);
  Json results = Json::array();
  for (const ExplainedInstance& i : instances) {
    Json r = instance_json(c, i.action, i.args);
    if (i.cases.size() == 1 && i.cases.front().given.empty()) {
      explanation_json(h, i.cases.front().explanation, r);
    } else {
      Json cases = Json::array();
      for (const ExplainedCase& k : i.cases) {
        Json one;
        one["given"] = given_json(c, k.given);
        explanation_json(h, k.explanation, one);
        cases.push_back(std::move(one));
      }
      r["cases"] = std::move(cases);
    }
    results.push_back(std::move(r));
  }
  j["results"] = std::move(results);
  return j;
}

namespace {

const char* bound_word(BoundaryChange::Bound b) {
  switch (b) {
    case BoundaryChange::Bound::From:
      return "from";
    case BoundaryChange::Bound::Until:
      return "until";
    case BoundaryChange::Bound::Through:
      break;
  }
  return "through";
}

const char* role_words(ClauseRole r, bool past) {
  switch (r) {
    case ClauseRole::Deciding:
      return past ? "decided" : "decides";
    case ClauseRole::SetAside:
      return past ? "was set aside" : "is set aside";
    case ClauseRole::Outweighed:
      return past ? "applied but was outweighed" : "applies but is outweighed";
    case ClauseRole::NotApplicable:
      break;
  }
  return past ? "did not apply" : "does not apply";
}

std::string ids_text(const Contract& c, const std::vector<int>& clauses) {
  return fmt::format("{}", fmt::join(c.clauses.ids(clauses), ", "));
}

}  // namespace

std::string change_text(const Contract& c, const SourceFile& source, const BoundaryChange& ch) {
  const std::string clause =
      ch.clause < 0 ? std::string() : c.clauses[static_cast<std::size_t>(ch.clause)].id;
  switch (ch.kind) {
    case BoundaryChange::Kind::Amendment: {
      const Amendment& am = c.amendments[static_cast<std::size_t>(ch.amendment)];
      std::vector<std::string> parts;
      if (!ch.repealed.empty()) parts.push_back("repeals " + ids_text(c, ch.repealed));
      if (!ch.amended.empty()) parts.push_back("amends " + ids_text(c, ch.amended));
      if (!ch.added.empty()) parts.push_back("adds " + ids_text(c, ch.added));
      return visible(fmt::format("{} takes effect ({}): {}", am.id,
                                 location_text(source, am.offset), fmt::join(parts, "; ")));
    }
    case BoundaryChange::Kind::Bound: {
      const std::string written = expression_text(source, *ch.expr);
      const std::string day = ch.date.to_string();
      return visible(fmt::format("{}'s {} {}{}", clause, bound_word(ch.bound), written,
                                 written == day ? std::string() : " (" + day + ")"));
    }
    case BoundaryChange::Kind::When:
      return visible(fmt::format("in {}'s when, `{}` becomes {}", clause,
                                 expression_text(source, *ch.expr), ch.value ? "true" : "false"));
    case BoundaryChange::Kind::NamedDate:
      return visible(fmt::format("the named date {} is this day",
                                 c.dates[static_cast<std::size_t>(ch.named_date)].name));
    case BoundaryChange::Kind::Clause:
      break;
  }
  if (ch.new_version) {
    return visible(fmt::format("{} ({}) now {} in the version made by {}; before, it {}", clause,
                               modality_name(ch.modality), role_words(ch.after, false),
                               amendment_id(c, ch.amendment), role_words(ch.before, true)));
  }
  return visible(fmt::format("{} ({}) now {}; before, it {}", clause, modality_name(ch.modality),
                             role_words(ch.after, false), role_words(ch.before, true)));
}

Json change_json(const Contract& c, const SourceFile& source, const BoundaryChange& ch) {
  Json j;
  switch (ch.kind) {
    case BoundaryChange::Kind::Amendment:
      j["kind"] = "amendment";
      j["amendment"] = c.amendments[static_cast<std::size_t>(ch.amendment)].id;
      j["repealed"] = ids_json(c, ch.repealed);
      j["amended"] = ids_json(c, ch.amended);
      j["added"] = ids_json(c, ch.added);
      return j;
    case BoundaryChange::Kind::Bound:
      j["kind"] = "bound";
      j["clause"] = c.clauses[static_cast<std::size_t>(ch.clause)].id;
      j["bound"] = bound_word(ch.bound);
      j["written"] = expression_text(source, *ch.expr);
      j["date"] = ch.date.to_string();
      return j;
    case BoundaryChange::Kind::When:
      j["kind"] = "when";
      j["clause"] = c.clauses[static_cast<std::size_t>(ch.clause)].id;
      j["expression"] = expression_text(source, *ch.expr);
      j["value"] = ch.value;
      return j;
    case BoundaryChange::Kind::NamedDate:
      j["kind"] = "named_date";
      j["name"] = c.dates[static_cast<std::size_t>(ch.named_date)].name;
      j["date"] = ch.date.to_string();
      return j;
    case BoundaryChange::Kind::Clause:
      break;
  }
  j["kind"] = "clause";
  j["clause"] = c.clauses[static_cast<std::size_t>(ch.clause)].id;
  j["modality"] = modality_name(ch.modality);
  j["before"] = role_key(ch.before);
  j["after"] = role_key(ch.after);
  j["new_version_by"] = ch.new_version ? amendment_json(c, ch.amendment) : Json(nullptr);
  return j;
}

}  // namespace pacta::cli
