#include "cli/report/output.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace pacta::cli {

Json diagnostic_json(const Diagnostic& d) {
  Json j;
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
  return j;
}

void print_diagnostics(const Diagnostics& diags, bool json, bool color) {
  if (json) {
    Json list = Json::array();
    for (const auto& d : diags.all()) list.push_back(diagnostic_json(d));
    Json out;
    out["diagnostics"] = list;
    out["suppressed"] = diags.suppressed();
    std::fputs((out.dump(2) + "\n").c_str(), stderr);
    return;
  }
  for (const auto& d : diags.all()) std::fputs(render_text(d, color).c_str(), stderr);
  if (diags.suppressed() > 0) {
    std::fputs(fmt::format("... and {} more errors not shown\n", diags.suppressed()).c_str(),
               stderr);
  }
}

std::string instance_text(const Contract& c, int action, const std::vector<int>& args) {
  const ActionDecl& a = c.actions[action];
  if (a.params.empty()) return a.name;
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    parts.push_back(
        fmt::format("{}={}", a.params[i].name, c.value_text(a.params[i].type, args[i])));
  }
  return fmt::format("{}({})", a.name, fmt::join(parts, ", "));
}

Json value_json(const Contract& c, const Type& type, const Value& v) {
  switch (type.kind) {
    case Type::Kind::Bool:
      return v.b;
    case Type::Kind::Number:
      // Whole numbers print without ".0" (an assumed 10 is shown as 10).
      if (v.n == static_cast<double>(static_cast<long long>(v.n)) && v.n > -9e15 && v.n < 9e15) {
        return static_cast<long long>(v.n);
      }
      return v.n;
    case Type::Kind::Date:
      return v.d.to_string();
    case Type::Kind::Value:
      return c.domains[type.domain].values[v.index];
  }
  return nullptr;
}

namespace {

Json ids_json(const Contract& c, const std::vector<int>& clauses) {
  Json out = Json::array();
  for (int i : clauses) out.push_back(c.clauses[i].id);
  return out;
}

const char* verdict_color(Verdict v) {
  switch (v) {
    case Verdict::Permitted:
      return "\x1b[32m";
    case Verdict::Obligatory:
      return "\x1b[36m";
    case Verdict::Forbidden:
      return "\x1b[31m";
    case Verdict::Conflict:
      return "\x1b[1;35m";
  }
  return "";
}

std::string ids_text(const Contract& c, const std::vector<int>& clauses) {
  std::vector<std::string> ids;
  for (int i : clauses) ids.push_back(c.clauses[i].id);
  return fmt::format("{}", fmt::join(ids, ", "));
}

}  // namespace

Json results_json(const Contract& c, const std::vector<DecidedInstance>& results) {
  Json list = Json::array();
  for (const auto& r : results) {
    const ActionDecl& a = c.actions[r.action];
    Json args = Json::object();
    for (std::size_t i = 0; i < a.params.size(); ++i) {
      const Type& t = a.params[i].type;
      args[a.params[i].name] = t.kind == Type::Kind::Bool
                                   ? Json(r.args[i] != 0)
                                   : Json(c.domains[t.domain].values[r.args[i]]);
    }
    Json j;
    j["action"] = a.name;
    j["args"] = args;
    j["verdict"] = verdict_name(r.decision.verdict);
    j["default"] = r.decision.is_default;
    j["by"] = ids_json(c, r.decision.by);
    j["overridden"] = ids_json(c, r.decision.overridden);
    list.push_back(std::move(j));
  }
  return list;
}

std::string results_table(const Contract& c, const std::vector<DecidedInstance>& results,
                          bool color) {
  struct Row {
    std::string instance, verdict, why, aside;
    Verdict v;
  };
  std::vector<Row> rows;
  bool any_aside = false;
  for (const auto& r : results) {
    Row row{instance_text(c, r.action, r.args), verdict_name(r.decision.verdict), "", "",
            r.decision.verdict};
    if (r.decision.is_default) {
      bool action_default = c.actions[r.action].default_verdict.has_value();
      row.why =
          fmt::format("no clause applies ({} default)", action_default ? "action" : "contract");
    } else {
      row.why = ids_text(c, r.decision.by);
    }
    row.aside = ids_text(c, r.decision.overridden);
    any_aside = any_aside || !row.aside.empty();
    rows.push_back(std::move(row));
  }
  std::size_t w_instance = 8, w_verdict = 7, w_why = 10;
  for (const auto& r : rows) {
    w_instance = std::max(w_instance, r.instance.size());
    w_verdict = std::max(w_verdict, r.verdict.size());
    w_why = std::max(w_why, r.why.size());
  }
  std::string out;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  std::string header =
      fmt::format("{:<{}}  {:<{}}  {}", "INSTANCE", w_instance, "VERDICT", w_verdict,
                  any_aside ? fmt::format("{:<{}}  SET ASIDE", "DECIDED BY", w_why)
                            : std::string("DECIDED BY"));
  out += fmt::format("{}{}{}\n", bold, header, reset);
  for (const auto& r : rows) {
    std::string verdict = fmt::format("{:<{}}", r.verdict, w_verdict);
    if (color) verdict = fmt::format("{}{}{}", verdict_color(r.v), verdict, reset);
    std::string line = fmt::format("{:<{}}  {}  ", r.instance, w_instance, verdict);
    line += any_aside ? fmt::format("{:<{}}  {}", r.why, w_why, r.aside) : r.why;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace pacta::cli
