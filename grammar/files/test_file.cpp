#include "grammar/files/test_file.hpp"

#include "grammar/verdict.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

namespace {

// A list of clause ids (`by`, `overridden`); nullopt after an error.
std::optional<std::vector<Name>> clause_ids(YamlReader& r, const YamlNode& v, const char* key) {
  if (!r.expect_sequence(v, key)) return std::nullopt;
  std::vector<Name> ids;
  bool ok = true;
  for (const YamlNode* item : v.items) {
    if (auto id = r.clause_id(*item, "a clause"))
      ids.push_back(Name{*id, item->content_offset});
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return ids;
}

bool read_assume(YamlReader& r, const YamlNode& v, TestCaseSyntax& c) {
  if (!r.expect_map(v, "assume")) return false;
  bool ok = true;
  for (const auto& [k, value] : v.entries) {
    auto fact = r.identifier(*k, "a fact");
    auto e = r.expression(*value, "an assumed value");
    if (fact && e)
      c.assume.emplace_back(Name{*fact, k->content_offset}, std::move(*e));
    else
      ok = false;
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
  c.complete =
      r.check_keys(n, "a test case",
                   {"name", "on", "ask", "expect", "by", "overridden", "assume", "as_agreed_on"},
                   {"on", "ask", "expect"});
  bool ok = true;
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
  if (const YamlNode* expect = YamlReader::find(n, "expect")) {
    auto v = r.choice(*expect, "expected verdict", VerdictFilter::words());
    if (v) c.expect = Name{*v, expect->content_offset};
    ok = ok && v.has_value();
  }
  if (auto* v = YamlReader::find(n, "by")) {
    c.by = clause_ids(r, *v, "by");
    ok = ok && c.by.has_value();
  }
  if (auto* v = YamlReader::find(n, "overridden")) {
    c.overridden = clause_ids(r, *v, "overridden");
    ok = ok && c.overridden.has_value();
  }
  if (auto* v = YamlReader::find(n, "assume")) ok = read_assume(r, *v, c) && ok;
  if (auto* v = YamlReader::find(n, "as_agreed_on")) {
    auto e = r.expression(*v, "'as_agreed_on'");
    if (e) c.as_agreed_on = {Presence::Set, std::move(*e), v->content_offset};
    ok = ok && e.has_value();
  }
  c.complete = c.complete && ok;
  out.cases.push_back(std::move(c));
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
  r.check_keys(root, "the test file", {"pacta-test", "contract", "cases"},
               {"pacta-test", "contract", "cases"});
  if (auto* n = YamlReader::find(root, "pacta-test")) r.choice(*n, "test format version", {"1"});
  if (auto* n = YamlReader::find(root, "contract")) {
    if (auto t = r.text(*n, "contract")) out.contract = Name{*t, n->content_offset};
  }
  if (auto* n = YamlReader::find(root, "cases")) {
    if (r.expect_sequence(*n, "cases")) {
      for (const YamlNode* c : n->items) read_case(r, *c, out);
    }
  }
  return out;
}

}  // namespace pacta
