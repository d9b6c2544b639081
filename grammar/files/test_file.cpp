#include "grammar/files/test_file.hpp"

#include <fmt/format.h>

#include "grammar/files/scenario_keys.hpp"
#include "grammar/verdict.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

namespace {

// `expect` (a verdict or `allowed`), `by` and `overridden` of a case or of
// an expected case, each read when present; false after an error.
bool read_expectation(YamlReader& r, const YamlNode& n, Name& expect,
                      std::optional<std::vector<Name>>& by,
                      std::optional<std::vector<Name>>& overridden) {
  bool ok = true;
  if (const YamlNode* v = YamlReader::find(n, "expect")) {
    auto word = r.choice(*v, "expected verdict", VerdictFilter::words());
    if (word) expect = Name{*word, v->content_offset};
    ok = word.has_value();
  }
  if (auto* v = YamlReader::find(n, "by")) {
    by = clause_ids(r, *v, "by");
    ok = ok && by.has_value();
  }
  if (auto* v = YamlReader::find(n, "overridden")) {
    overridden = clause_ids(r, *v, "overridden");
    ok = ok && overridden.has_value();
  }
  return ok;
}

// An end of an interval of `given`: a scalar number text.
bool interval_end(YamlReader& r, const YamlNode& map, const char* key, std::optional<Name>& end) {
  const YamlNode* v = YamlReader::find(map, key);
  if (v == nullptr) return true;
  auto t = r.text(*v, fmt::format("'{}' of an interval", key));
  if (t) end = Name{*t, v->content_offset};
  return t.has_value();
}

bool inclusive(YamlReader& r, const YamlNode& map, const char* key, bool& out) {
  const YamlNode* v = YamlReader::find(map, key);
  if (v == nullptr) return true;
  auto word = r.choice(*v, fmt::format("'{}' of an interval", key), {"true", "false"});
  if (word) out = *word == "true";
  return word.has_value();
}

// One fact's value in `given`.
bool read_given_value(YamlReader& r, const YamlNode& v, GivenSyntax& g) {
  g.offset = v.content_offset;
  if (v.kind == YamlNode::Kind::Map) {
    g.is_interval = true;
    bool ok = r.check_keys(v, "an interval", {"min", "min_inclusive", "max", "max_inclusive"}, {});
    ok = interval_end(r, v, "min", g.min) && ok;
    ok = interval_end(r, v, "max", g.max) && ok;
    ok = inclusive(r, v, "min_inclusive", g.min_inclusive) && ok;
    ok = inclusive(r, v, "max_inclusive", g.max_inclusive) && ok;
    if (ok && !g.min && !g.max) {
      r.error(v.offset, Code::E704, "an interval in 'given' has neither 'min' nor 'max'",
              "give at least one end, e.g. `{min: 20, min_inclusive: true}`, or leave the fact "
              "out of 'given'");
      return false;
    }
    return ok;
  }
  g.is_list = v.kind == YamlNode::Kind::Sequence;
  std::vector<const YamlNode*> items;
  if (g.is_list) {
    items.assign(v.items.begin(), v.items.end());
  } else {
    items.push_back(&v);
  }
  if (g.is_list && items.empty()) {
    r.error(v.offset, Code::E704, "a list in 'given' names no value",
            "name the values the case is about, e.g. `[gold, silver]`");
    return false;
  }
  bool ok = true;
  for (const YamlNode* item : items) {
    auto t = r.text(*item, "a value in 'given'");
    if (t)
      g.values.push_back(Name{*t, item->content_offset});
    else
      ok = false;
  }
  return ok;
}

// One case of `expect_cases`.
bool read_expected_case(YamlReader& r, const YamlNode& n, ExpectedCaseSyntax& e) {
  e.offset = n.offset;
  if (!r.expect_map(n, "an expected case")) return false;
  bool ok = r.check_keys(n, "an expected case", {"given", "expect", "by", "overridden"},
                         {"given", "expect"});
  if (const YamlNode* given = YamlReader::find(n, "given")) {
    if (r.expect_map(*given, "'given'")) {
      for (const auto& [k, value] : given->entries) {
        GivenSyntax g;
        auto fact = r.identifier(*k, "a fact");
        if (fact) g.fact = Name{*fact, k->content_offset};
        ok = read_given_value(r, *value, g) && fact.has_value() && ok;
        e.given.push_back(std::move(g));
      }
    } else {
      ok = false;
    }
  }
  ok = read_expectation(r, n, e.expect, e.by, e.overridden) && ok;
  return ok;
}

// `expect_cases`: a list of at least one expected case.
bool read_expect_cases(YamlReader& r, const YamlNode& v, TestCaseSyntax& c) {
  if (!r.expect_sequence(v, "'expect_cases'")) return false;
  if (v.items.empty()) {
    r.error(v.offset, Code::E704, "'expect_cases' lists no case",
            "list the cases, e.g. `- {given: {approved: true}, expect: permitted}`");
    return false;
  }
  bool ok = true;
  for (const YamlNode* item : v.items) {
    c.expect_cases.emplace_back();
    ok = read_expected_case(r, *item, c.expect_cases.back()) && ok;
  }
  return ok;
}

// Reads every key the case has, even after an error in one of them (a
// typo in `expect` must not hide an unknown clause in `by`): the parts read
// are resolved later, and `complete` says whether the case can run.
void read_case(YamlReader& r, const YamlNode& n, TestFileSyntax& out) {
  if (!r.expect_map(n, "a test case")) return;
  TestCaseSyntax c;
  c.offset = n.offset;
  c.complete = r.check_keys(n, "a test case",
                            {"name", "on", "ask", "expect", "expect_cases", "by", "overridden",
                             "assume", "unknown", "as_agreed_on", "without", "with"},
                            {"on", "ask"});
  bool ok = true;
  const YamlEntry* expect_entry = find_entry(n, "expect");
  const YamlEntry* cases_entry = find_entry(n, "expect_cases");
  if (expect_entry == nullptr && cases_entry == nullptr) {
    r.error(n.offset, Code::E203, "a test case is missing the required key 'expect'",
            "give the verdict the case expects (`expect: permitted`), or, for an answer that "
            "depends on unknown facts, its cases (`expect_cases:`)");
    ok = false;
  } else if (expect_entry != nullptr && cases_entry != nullptr) {
    r.error(cases_entry->first->offset, Code::E704,
            "a test case gives both 'expect' and 'expect_cases'",
            "keep 'expect' for one verdict in every case, or 'expect_cases' for each case");
    ok = false;
  }
  if (cases_entry != nullptr) {
    for (const char* key : {"by", "overridden"}) {
      if (const YamlEntry* e = find_entry(n, key)) {
        r.error(e->first->offset, Code::E704,
                fmt::format("'{}' of a test case goes with 'expect', not 'expect_cases'", key),
                fmt::format("give '{}' in each expected case instead", key));
        ok = false;
      }
    }
    ok = read_expect_cases(r, *cases_entry->second, c) && ok;
  }
  if (auto* v = YamlReader::find(n, "unknown")) ok = read_unknown(r, *v, c.unknown) && ok;
  if (auto* v = YamlReader::find(n, "name")) {
    if (auto t = r.text(*v, "name")) c.name = *t;
  }
  if (auto* v = YamlReader::find(n, "on")) {
    auto e = r.expression(*v, "'on'");
    if (e) c.on = {Presence::Set, std::move(*e), v->content_offset};
    ok = ok && e.has_value();
  }
  if (auto* v = YamlReader::find(n, "ask")) {
    c.ask = r.action_pattern(*v, "'ask'");
    ok = ok && c.ask.has_value();
  }
  ok = read_expectation(r, n, c.expect, c.by, c.overridden) && ok;
  if (auto* v = YamlReader::find(n, "assume")) ok = read_assume(r, *v, c.assume) && ok;
  ok = date_field(r, n, "as_agreed_on", c.as_agreed_on, false) && ok;
  if (auto* v = YamlReader::find(n, "without")) {
    c.without = clause_ids(r, *v, "without", "an amendment");
    ok = ok && c.without.has_value();
  }
  if (auto* v = YamlReader::find(n, "with")) ok = read_with(r, *v, c.with, "test file") && ok;
  c.complete = c.complete && ok;
  out.cases.push_back(std::move(c));
}

// One expected run of a timeline; every key read, as in a case.
ExpectedRunSyntax read_run(YamlReader& r, const YamlNode& n) {
  ExpectedRunSyntax run;
  run.offset = n.offset;
  if (!r.expect_map(n, "an expected run")) {
    run.complete = false;
    return run;
  }
  bool ok = r.check_keys(n, "an expected run",
                         {"from", "through", "verdict", "by", "overridden", "default"},
                         {"from", "through", "verdict"});
  ok = date_field(r, n, "from", run.from, true) && ok;
  ok = date_field(r, n, "through", run.through, true) && ok;
  if (const YamlNode* v = YamlReader::find(n, "verdict")) {
    std::vector<std::string> words;
    words.reserve(kVerdictWords.size());
    for (const auto& entry : kVerdictWords) words.emplace_back(entry.second);
    // `allowed` is a word of cases; any other wrong word gets a did-you-mean.
    std::string help;
    if (v->kind == YamlNode::Kind::Scalar && v->value == VerdictFilter::kAllowed) {
      help =
          "a run has one verdict: permitted, obligatory, forbidden or conflict (`allowed` "
          "would hide where a run ends)";
    }
    auto word = r.choice(*v, "verdict of a run", words, help);
    if (word) run.verdict = Name{*word, v->content_offset};
    ok = ok && word.has_value();
  }
  if (auto* v = YamlReader::find(n, "by")) {
    run.by = clause_ids(r, *v, "by");
    ok = ok && run.by.has_value();
  }
  if (auto* v = YamlReader::find(n, "overridden")) {
    run.overridden = clause_ids(r, *v, "overridden");
    ok = ok && run.overridden.has_value();
  }
  if (auto* v = YamlReader::find(n, "default")) {
    auto word = r.choice(*v, "'default' of a run", {"true", "false"});
    if (word) run.is_default = *word == "true";
    ok = ok && word.has_value();
  }
  run.complete = ok;
  return run;
}

// The runs of `expect`: a list of at least one run (E703 when empty).
bool read_runs(YamlReader& r, const YamlNode& v, TimelineSyntax& t) {
  t.expect_offset = v.offset;
  if (!r.expect_sequence(v, "'expect' of a timeline")) return false;
  if (v.items.empty()) {
    r.error(v.offset, Code::E703, "a timeline's 'expect' lists no run",
            "list the runs in date order, e.g. `- {from: null, through: null, verdict: "
            "permitted}` for one answer over all time");
    return false;
  }
  bool ok = true;
  for (const YamlNode* item : v.items) {
    t.expect.push_back(read_run(r, *item));
    ok = ok && t.expect.back().complete;
  }
  return ok;
}

// A timeline: every key read even after an error in one, as in a case.
// `without` and `with` as in a case.
void read_timeline(YamlReader& r, const YamlNode& n, TestFileSyntax& out) {
  if (!r.expect_map(n, "a timeline")) return;
  TimelineSyntax t;
  t.offset = n.offset;
  bool ok = r.check_keys(
      n, "a timeline",
      {"name", "ask", "from", "to", "assume", "as_agreed_on", "without", "with", "expect"},
      {"ask", "expect"});
  if (auto* v = YamlReader::find(n, "name")) {
    if (auto text = r.text(*v, "name")) t.name = *text;
  }
  if (auto* v = YamlReader::find(n, "ask")) {
    t.ask = r.action_pattern(*v, "'ask'");
    ok = ok && t.ask.has_value();
  }
  ok = date_field(r, n, "from", t.from, false) && ok;
  ok = date_field(r, n, "to", t.to, false) && ok;
  if (auto* v = YamlReader::find(n, "assume")) ok = read_assume(r, *v, t.assume) && ok;
  ok = date_field(r, n, "as_agreed_on", t.as_agreed_on, false) && ok;
  if (auto* v = YamlReader::find(n, "without")) {
    t.without = clause_ids(r, *v, "without", "an amendment");
    ok = ok && t.without.has_value();
  }
  if (auto* v = YamlReader::find(n, "with")) ok = read_with(r, *v, t.with, "test file") && ok;
  if (auto* v = YamlReader::find(n, "expect")) ok = read_runs(r, *v, t) && ok;
  t.complete = ok;
  out.timelines.push_back(std::move(t));
}

}  // namespace

TestFileSyntax read_test_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags) {
  YamlReader r(file, limits, diags);
  TestFileSyntax out;
  if (doc.root == nullptr) {
    r.error(0, Code::E107, "the file is empty",
            "a test file starts with `pacta-test: 1` and `contract: <rule file>`");
    return out;
  }
  const YamlNode& root = *doc.root;
  if (!r.expect_map(root, "a test file")) return out;
  if (root.entries.empty() || root.entries.front().first->value != "pacta-test") {
    r.error(root.offset, Code::E204, "a test file must start with the key 'pacta-test'",
            "put `pacta-test: 1` on the first line");
  }
  r.check_keys(root, "the test file", {"pacta-test", "contract", "cases", "timelines"},
               {"pacta-test", "contract"});
  if (YamlReader::find(root, "cases") == nullptr &&
      YamlReader::find(root, "timelines") == nullptr) {
    r.error(root.offset, Code::E203, "the test file is missing the required key 'cases'",
            "a test file holds `cases:`, `timelines:` or both");
  }
  if (auto* n = YamlReader::find(root, "pacta-test")) r.choice(*n, "test format version", {"1"});
  if (auto* n = YamlReader::find(root, "contract")) {
    if (auto t = r.text(*n, "contract")) out.contract = Name{*t, n->content_offset};
  }
  if (auto* n = YamlReader::find(root, "cases")) {
    if (r.expect_sequence(*n, "cases")) {
      for (const YamlNode* c : n->items) read_case(r, *c, out);
    }
  }
  if (auto* n = YamlReader::find(root, "timelines")) {
    if (r.expect_sequence(*n, "timelines")) {
      for (const YamlNode* t : n->items) read_timeline(r, *t, out);
    }
  }
  return out;
}

}  // namespace pacta
