#include "grammar/files/test_file.hpp"

#include "grammar/yaml/schema.hpp"

namespace pacta {

namespace {

void read_case(YamlReader& r, const YamlNode& n, TestFileSyntax& out) {
  if (!r.expect_map(n, "a test case")) return;
  if (!r.check_keys(n, "a test case",
                    {"name", "on", "ask", "expect", "by", "assume", "as_agreed_on"},
                    {"on", "ask", "expect"})) {
    return;
  }
  TestCaseSyntax c;
  c.offset = n.offset;
  bool ok = true;
  if (auto* v = YamlReader::find(n, "name")) {
    if (auto t = r.text(*v, "name")) c.name = *t;
  }
  if (auto e = r.expression(*YamlReader::find(n, "on"), "'on'")) {
    c.on = {Presence::Set, std::move(*e), YamlReader::find(n, "on")->content_offset};
  } else {
    ok = false;
  }
  if (auto p = r.action_pattern(*YamlReader::find(n, "ask"), "'ask'"))
    c.ask = std::move(*p);
  else
    ok = false;
  const YamlNode* expect = YamlReader::find(n, "expect");
  if (auto v = r.choice(*expect, "expected verdict",
                        {"permitted", "obligatory", "forbidden", "conflict", "allowed"})) {
    c.expect = Name{*v, expect->content_offset};
  } else {
    ok = false;
  }
  if (auto* v = YamlReader::find(n, "by")) {
    if (r.expect_sequence(*v, "by")) {
      c.by.emplace();
      for (const YamlNode* item : v->items) {
        if (auto id = r.clause_id(*item, "a clause"))
          c.by->push_back(Name{*id, item->content_offset});
        else
          ok = false;
      }
    } else {
      ok = false;
    }
  }
  if (auto* v = YamlReader::find(n, "assume")) {
    if (r.expect_map(*v, "assume")) {
      for (const auto& [k, value] : v->entries) {
        auto fact = r.identifier(*k, "a fact");
        auto e = r.expression(*value, "an assumed value");
        if (fact && e)
          c.assume.emplace_back(Name{*fact, k->content_offset}, std::move(*e));
        else
          ok = false;
      }
    } else {
      ok = false;
    }
  }
  if (auto* v = YamlReader::find(n, "as_agreed_on")) {
    if (auto e = r.expression(*v, "'as_agreed_on'")) {
      c.as_agreed_on = {Presence::Set, std::move(*e), v->content_offset};
    } else {
      ok = false;
    }
  }
  if (ok) out.cases.push_back(std::move(c));
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
