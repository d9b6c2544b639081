// `pacta lint` as text and JSON (lint_report.hpp).
#include "cli/report/lint_report.hpp"

#include <fmt/format.h>

#include "cli/report/test_text.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

// A word as a POSIX shell reads it back: bare when it holds only
// characters no shell treats specially, else in single quotes.
std::string shell_word(std::string_view text) {
  const std::string_view safe =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%";
  bool bare = !text.empty();
  for (const char ch : text) bare = bare && safe.find(ch) != std::string_view::npos;
  if (bare) return std::string(text);
  std::string out = "'";
  for (const char ch : text) {
    if (ch == '\'') {
      out += "'\\''";
    } else {
      out += ch;
    }
  }
  return out + "'";
}

const Contract& contract_of(const LintedFile& f) { return f.loaded->contract; }

Json witness_json(const LintedFile& file, const LintWitness& w) {
  const Contract& c = contract_of(file);
  Json without = Json::array();
  for (int a : w.without) without.push_back(c.amendments[static_cast<std::size_t>(a)].id);
  return Json{{"command", witness_command(file, w)},
              {"on", w.on.to_string()},
              {"instance", instance_text(c, w.action, w.args)},
              {"assume", assume_json(c, w.assume)},
              {"as_agreed_on", date_json(w.as_agreed_on)},
              {"without", without}};
}

}  // namespace

LintCounts lint_counts(const LintReport& report) {
  LintCounts n;
  for (const LintedFile& f : report.files) {
    for (const LintFinding& x : f.result.findings) {
      const Severity s = code_info(x.code).severity;
      ++(s == Severity::Error ? n.errors : s == Severity::Warning ? n.warnings : n.infos);
    }
  }
  return n;
}

Diagnostic finding_diagnostic(const LintedFile& file, const LintFinding& finding) {
  Diagnostics one(1);
  one.error(*file.loaded->source, finding.offset, finding.code, finding.message);
  Diagnostic d = one.all().front();
  d.severity = code_info(finding.code).severity;
  return d;
}

std::string witness_command(const LintedFile& file, const LintWitness& w) {
  const Contract& c = contract_of(file);
  std::string out = fmt::format("pacta ask {} {} --on {}", shell_word(file.path),
                                shell_word(instance_text(c, w.action, w.args)), w.on.to_string());
  for (const auto& [fact, value] : w.assume) {
    const FactDecl& f = c.facts[static_cast<std::size_t>(fact)];
    out += " --assume ";
    out += shell_word(fmt::format("{}={}", f.name, value_text(c, f.type, value)));
  }
  if (w.as_agreed_on) out += fmt::format(" --as-agreed-on {}", w.as_agreed_on->to_string());
  for (int a : w.without) {
    out += " --without ";
    out += shell_word(c.amendments[static_cast<std::size_t>(a)].id);
  }
  return out;
}

std::string finding_text(const LintedFile& file, const LintFinding& finding, bool color) {
  std::string out = render_text(finding_diagnostic(file, finding), color);
  if (finding.witness) {
    out += fmt::format("  witness: {}\n", visible(witness_command(file, *finding.witness)));
  }
  return out;
}

std::string lint_text(const LintReport& report, bool color) {
  std::string out;
  std::size_t linted = 0;
  for (const LintedFile& f : report.files) {
    if (f.loaded == nullptr) continue;
    ++linted;
    for (const LintFinding& x : f.result.findings) out += finding_text(f, x, color);
  }
  const LintCounts n = lint_counts(report);
  out += fmt::format("lint: {}, {}, {} in {}\n", count_text(n.errors, "error"),
                     count_text(n.warnings, "warning"), fmt::format("{} info", n.infos),
                     count_text(linted, "file"));
  return out;
}

Json lint_json(const LintReport& report) {
  Json out = Json::array();
  for (const LintedFile& f : report.files) {
    if (f.loaded == nullptr) continue;
    for (const LintFinding& x : f.result.findings) {
      const Diagnostic d = finding_diagnostic(f, x);
      out.push_back(Json{{"code", code_name(x.code)},
                         {"severity", severity_word(d.severity)},
                         {"file", d.file},
                         {"line", d.position.line},
                         {"col", d.position.column},
                         {"message", x.message},
                         {"witness", x.witness ? witness_json(f, *x.witness) : Json(nullptr)}});
    }
  }
  return out;
}

}  // namespace pacta::cli
