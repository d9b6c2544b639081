// The JSON reporter: one document per command for programs to read,
// pretty-printed with two-space indents, keys in a fixed order. The shapes
// are documented in docs/cli.md; conversions are nlohmann to_json
// overloads found by ADL. Strings are the input's text; a byte that is not
// valid UTF-8 (a Latin-1 file name, an argument) is written as the text
// `\xHH`, as the text reporter shows it, so that dump() never throws; the
// controls and invisible marks are JSON escapes.
#include <fmt/format.h>

#include "cli/report/output.hpp"
#include "cli/report/reporter.hpp"
#include "cli/report/values.hpp"
#include "grammar/utf8.hpp"
#include "grammar/visible.hpp"

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
Json args_json(const Contract& c, int action, const std::vector<int>& values) {
  const ActionDecl& a = c.actions[action];
  Json args = Json::object();
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const Type& t = a.params[i].type;
    args[a.params[i].name] = t.kind == Type::Kind::Bool
                                 ? Json(values[i] != 0)
                                 : Json(c.domains[t.domain].values[values[i]]);
  }
  return args;
}

Json assume_json(const Contract& c, const std::vector<std::pair<int, Value>>& assumed) {
  Json assume = Json::object();
  for (const auto& [fact, value] : assumed) {
    assume[c.facts[fact].name] = value_json(c, c.facts[fact].type, value);
  }
  return assume;
}

Json date_json(const std::optional<Date>& d) { return d ? Json(d->to_string()) : Json(nullptr); }

Json optional_ids(const std::optional<std::vector<std::string>>& ids) {
  return ids ? Json(*ids) : Json(nullptr);
}

// One case of `pacta test`: the question, what it expects (`by` and
// `overridden` null when the case does not say), and what pacta decided
// (null when it could not decide; `error` says why).
Json case_json(const TestCaseResult& r) {
  const Contract& c = r.contract->contract;
  Json j;
  j["file"] = r.file;
  j["line"] = r.position.line;
  j["name"] = r.name;
  j["passed"] = r.passed;
  j["on"] = date_json(r.on);
  j["ask"] = Json{{"action", c.actions[r.action].name}, {"args", args_json(c, r.action, r.args)}};
  j["assume"] = assume_json(c, r.assume);
  j["as_agreed_on"] = date_json(r.as_agreed_on);
  j["expected"] = Json{{"verdict", r.expected},
                       {"by", optional_ids(r.expected_by)},
                       {"overridden", optional_ids(r.expected_overridden)}};
  j["got"] = r.error ? Json(nullptr)
                     : Json{{"verdict", r.got},
                            {"by", r.by},
                            {"overridden", r.overridden},
                            {"default", r.is_default}};
  j["error"] = r.error ? Json(*r.error) : Json(nullptr);
  return j;
}

Json decision_json(const Contract& c, const DecidedInstance& r) {
  Json j;
  j["action"] = c.actions[r.action].name;
  j["args"] = args_json(c, r.action, r.args);
  j["verdict"] = verdict_name(r.decision.verdict);
  j["default"] = r.decision.is_default;
  j["by"] = ids_json(c, r.decision.by);
  j["overridden"] = ids_json(c, r.decision.overridden);
  return j;
}

// The answer's keys before `results`: the question as understood.
Json answer_head(const Answer& a) {
  const Contract& c = a.contract;
  Json j;
  j["contract"] = c.id;
  j["on"] = a.on.to_string();
  j["as_agreed_on"] = date_json(a.as_agreed_on);
  j["assume"] = assume_json(c, a.assumed);
  return j;
}

// Every string of `j`, keys included, made valid UTF-8 in place. Keys are
// rebuilt only in an object that has an invalid one (names are checked
// identifiers; a path or an argument is not).
void escape_invalid_strings(Json& j) {
  if (j.is_string()) {
    auto& text = j.get_ref<std::string&>();
    if (!is_valid_utf8(text)) text = escape_invalid_utf8(text);
  } else if (j.is_array()) {
    for (auto& element : j) escape_invalid_strings(element);
  } else if (j.is_object()) {
    bool keys_valid = true;
    for (auto it = j.begin(); it != j.end(); ++it) {
      escape_invalid_strings(it.value());
      keys_valid = keys_valid && is_valid_utf8(it.key());
    }
    if (keys_valid) return;
    Json rebuilt = Json::object();
    for (auto it = j.begin(); it != j.end(); ++it) {
      rebuilt[escape_invalid_utf8(it.key())] = std::move(it.value());
    }
    j = std::move(rebuilt);
  }
}

// The dumped document with DEL, C1 controls and the invisible marks that
// visible() escapes written as JSON escapes (`\u009b`) too: the same
// string for a JSON reader, and nothing a terminal acts on when a person
// reads the document (dump() escapes only U+0000..U+001F). Outside strings
// a dump is ASCII, so every such character is inside a string.
std::string escape_invisible(const std::string& dumped) {
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t i = 0; i < dumped.size();) {
    const auto byte = static_cast<unsigned char>(dumped[i]);
    if (byte < 0x7F) {
      out += dumped[i++];
      continue;
    }
    const utf8::Decoded c = utf8::decode(dumped, i);
    if (c.problem == utf8::Problem::None && shown_as_escape(c.code)) {
      out += fmt::format("\\u{:04x}", c.code);
    } else {
      out.append(dumped, i, c.length);
    }
    i += c.length;
  }
  return out;
}

// `j` dumped with two-space indentation. After escape_invalid_strings every
// string is valid UTF-8; `replace` is the second line of defence, so that
// dump() cannot throw type_error.316 whatever the data.
std::string safe_dump(Json j) {
  escape_invalid_strings(j);
  return escape_invisible(j.dump(2, ' ', false, Json::error_handler_t::replace));
}

// The document and a newline.
void print_document(Stream stream, Json j) { write(stream, safe_dump(std::move(j)) + '\n'); }

// `dumped` as it appears `depth` levels down in a document: every line
// after the first indented by two spaces per level.
std::string nested(const std::string& dumped, int depth) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out = indent;
  for (char ch : dumped) {
    out += ch;
    if (ch == '\n') out += indent;  // JSON strings escape newlines: only layout ones are here
  }
  return out;
}

// The answer as one document, byte for byte what dump(2) gives for the
// whole, but written one result at a time: the head's closing brace is
// replaced by the `results` array, each element dumped on its own.
void print_answer(Stream stream, const Answer& a) {
  std::string head = safe_dump(answer_head(a));
  head.resize(head.size() - 2);  // "\n}": the head has keys, so dump(2) ends so
  write(stream, head + ",\n  \"results\": [");
  bool first = true;
  a.results.for_each([&](const DecidedInstance& r) {
    write(stream, (first ? "\n" : ",\n") + nested(safe_dump(decision_json(a.contract, r)), 2));
    first = false;
  });
  write(stream, first ? "]\n}\n" : "\n  ]\n}\n");
}

class JsonReporter final : public Reporter {
 public:
  void diagnostics(const Diagnostics& diags) override { print_document(Stream::Err, Json(diags)); }

  // One document on stdout: the files, then every diagnostic.
  void check(const CheckReport& report) override {
    Json j;
    j["files"] = report.files;
    j.update(Json(report.diagnostics));
    print_document(Stream::Out, std::move(j));
  }

  void answer(const Answer& answer) override { print_answer(Stream::Out, answer); }

  // The cases on stdout. Diagnostics go to stderr only when there is an
  // error among them; warnings alone are not printed in this format.
  void tests(const TestReport& report) override {
    if (report.diagnostics.has_errors()) diagnostics(report.diagnostics);
    Json j;
    Json cases = Json::array();
    for (const auto& r : report.cases) cases.push_back(case_json(r));
    j["cases"] = cases;
    j["passed"] = report.passed;
    j["failed"] = report.failed;
    print_document(Stream::Out, std::move(j));
  }
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter() { return std::make_unique<JsonReporter>(); }

}  // namespace pacta::cli
