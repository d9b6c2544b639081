// The JSON reporter: one document per command for programs to read,
// pretty-printed with two-space indents, keys in a fixed order. The shapes
// are documented in docs/cli.md; conversions are nlohmann to_json
// overloads found by ADL.
#include <fmt/format.h>

#include <cstdio>

#include "cli/report/reporter.hpp"
#include "cli/report/values.hpp"

namespace pacta {

void to_json(cli::Json& j, const Diagnostic& d) {
  j["file"] = d.file;
  if (d.has_position) {
    j["line"] = d.position.line;
    j["column"] = d.position.column;
  } else {
    j["line"] = nullptr;
    j["column"] = nullptr;
  }
  j["severity"] = d.severity == Severity::Error ? "error" : "warning";
  j["code"] = code_name(d.code);
  j["message"] = d.message;
  j["help"] = d.help;
}

void to_json(cli::Json& j, const Diagnostics& diags) {
  j["diagnostics"] = diags.all();
  j["suppressed"] = diags.suppressed();
}

void to_json(cli::Json& j, const TestCaseResult& r) {
  using cli::Json;
  j = Json{{"file", r.file},
           {"line", r.position.line},
           {"name", r.name},
           {"passed", r.passed},
           {"expected", r.expected},
           {"got", r.got.empty() ? Json(nullptr) : Json(r.got)},
           {"by", r.by},
           {"error", r.error ? Json(*r.error) : Json(nullptr)}};
}

}  // namespace pacta

namespace pacta::cli {

void to_json(Json& j, const CheckedFile& f) {
  j = Json{{"file", f.path}, {"ok", f.loaded.has_value()}};
}

namespace {

Json ids_json(const Contract& c, const std::vector<int>& clauses) {
  Json out = Json::array();
  for (auto& id : c.clauses.ids(clauses)) out.push_back(std::move(id));
  return out;
}

// An instance's args by param name: bools as JSON booleans, parties and
// enum values as their names.
Json args_json(const Contract& c, const DecidedInstance& r) {
  const ActionDecl& a = c.actions[r.action];
  Json args = Json::object();
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const Type& t = a.params[i].type;
    args[a.params[i].name] = t.kind == Type::Kind::Bool
                                 ? Json(r.args[i] != 0)
                                 : Json(c.domains[t.domain].values[r.args[i]]);
  }
  return args;
}

Json decision_json(const Contract& c, const DecidedInstance& r) {
  Json j;
  j["action"] = c.actions[r.action].name;
  j["args"] = args_json(c, r);
  j["verdict"] = verdict_name(r.decision.verdict);
  j["default"] = r.decision.is_default;
  j["by"] = ids_json(c, r.decision.by);
  j["overridden"] = ids_json(c, r.decision.overridden);
  return j;
}

}  // namespace

void to_json(Json& j, const Answer& a) {
  const Contract& c = a.contract;
  j["contract"] = c.id;
  j["on"] = a.on.to_string();
  j["as_agreed_on"] = a.as_agreed_on ? Json(a.as_agreed_on->to_string()) : Json(nullptr);
  Json assume = Json::object();
  for (const auto& [fact, value] : a.assumed) {
    assume[c.facts[fact].name] = value_json(c, c.facts[fact].type, value);
  }
  j["assume"] = assume;
  Json results = Json::array();
  for (const auto& r : a.results) results.push_back(decision_json(c, r));
  j["results"] = results;
}

namespace {

void print_document(std::FILE* stream, const Json& j) { fmt::print(stream, "{}\n", j.dump(2)); }

class JsonReporter final : public Reporter {
 public:
  void diagnostics(const Diagnostics& diags) override { print_document(stderr, Json(diags)); }

  // One document on stdout: the files, then every diagnostic.
  void check(const CheckReport& report) override {
    Json j;
    j["files"] = report.files;
    j.update(Json(report.diagnostics));
    print_document(stdout, j);
  }

  void answer(const Answer& answer) override { print_document(stdout, Json(answer)); }

  // The cases on stdout. Diagnostics go to stderr only when there is an
  // error among them; warnings alone are not printed in this format.
  void tests(const TestReport& report) override {
    if (report.diagnostics.has_errors()) diagnostics(report.diagnostics);
    Json j;
    j["cases"] = report.cases;
    j["passed"] = report.passed;
    j["failed"] = report.failed;
    print_document(stdout, j);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace pacta::cli
