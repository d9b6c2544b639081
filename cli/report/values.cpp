#include "cli/report/values.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "grammar/utf8.hpp"
#include "grammar/visible.hpp"

namespace pacta::cli {

namespace {

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

}  // namespace

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
    case Type::Kind::Number: {
      // Exact in JSON: a whole number that every JSON reader holds exactly
      // (|n| < 2^53, the doubles of JavaScript) is a JSON number; any other
      // number is a string with its exact text ("0.15", "1/3", or a 30-digit
      // integer), which a double could only approximate.
      constexpr std::int64_t kExactInDouble = (std::int64_t{1} << 53) - 1;
      if (auto i = v.n.to_int64(); i && *i >= -kExactInDouble && *i <= kExactInDouble) return *i;
      return v.n.to_string();
    }
    case Type::Kind::Date:
      return v.d.to_string();
    case Type::Kind::Value:
      return c.domains[type.domain].values[v.index];
  }
  return nullptr;
}

std::string value_text(const Contract& c, const Type& type, const Value& v) {
  // Through JSON, so a number reads the same in both formats.
  Json j = value_json(c, type, v);
  return j.is_string() ? j.get<std::string>() : j.dump();
}

std::string assumed_text(const Contract& c, const std::vector<std::pair<int, Value>>& assumed) {
  std::vector<std::string> parts;
  parts.reserve(assumed.size());
  for (const auto& [fact, value] : assumed) {
    parts.push_back(
        fmt::format("{}={}", c.facts[fact].name, value_text(c, c.facts[fact].type, value)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<std::string> scenario_parts(const Contract& c, const ScenarioView& s) {
  std::vector<std::string> parts;
  if (s.as_agreed_on) parts.push_back("as agreed on " + s.as_agreed_on->to_string());
  if (!s.without.empty()) parts.push_back(fmt::format("without {}", fmt::join(s.without, ", ")));
  if (!s.with.empty()) parts.push_back(fmt::format("with {}", fmt::join(s.with, ", ")));
  if (!s.assumed.empty()) parts.push_back("assuming " + assumed_text(c, s.assumed));
  return parts;
}

fmt::text_style verdict_style(Verdict v) {
  switch (v) {
    case Verdict::Permitted:
      return fmt::fg(fmt::terminal_color::green);
    case Verdict::Obligatory:
      return fmt::fg(fmt::terminal_color::cyan);
    case Verdict::Forbidden:
      return fmt::fg(fmt::terminal_color::red);
    case Verdict::Conflict:
      return fmt::text_style(fmt::emphasis::bold) | fmt::fg(fmt::terminal_color::magenta);
  }
  return {};
}

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

std::string given_text(const Contract& c, const Given& g) {
  const FactDecl& f = c.facts[static_cast<std::size_t>(g.fact)];
  switch (g.kind) {
    case FactCell::Kind::Bool:
      return g.b ? f.name : "not " + f.name;
    case FactCell::Kind::Member: {
      std::vector<std::string> names;
      for (int m : g.members) names.push_back(c.domains[f.type.domain].values[m]);
      return fmt::format("{} is {}", f.name, fmt::join(names, " or "));
    }
    case FactCell::Kind::Point:
    case FactCell::Kind::Interval:
      break;
  }
  auto number = [&](const Number& n) { return value_text(c, f.type, Value::number(n)); };
  if (g.lo && g.hi && *g.lo == *g.hi) return fmt::format("{} is {}", f.name, number(*g.lo));
  std::string text;
  if (g.lo) text = fmt::format("{} {} ", number(*g.lo), g.lo_inclusive ? "<=" : "<");
  text += f.name;
  if (g.hi) text += fmt::format(" {} {}", g.hi_inclusive ? "<=" : "<", number(*g.hi));
  if (g.lo && !g.hi) {  // "spend >= 20" reads better than "20 <= spend"
    text = fmt::format("{} {} {}", f.name, g.lo_inclusive ? ">=" : ">", number(*g.lo));
  }
  return text;
}

std::string case_text(const Contract& c, const std::vector<Given>& given) {
  if (given.empty()) return "always";
  std::vector<std::string> parts;
  parts.reserve(given.size());
  for (const Given& g : given) parts.push_back(given_text(c, g));
  return fmt::format("{}", fmt::join(parts, " and "));
}

std::string cases_text(const Contract& c, const std::vector<Case<Decision>>& cases, bool with_by) {
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Decision& d = cases[i].outcome;
    std::string part = verdict_name(d.verdict);
    if (with_by) {
      part += d.by.empty() ? std::string(" by no clause (default)")
                           : fmt::format(" by {}", fmt::join(c.clauses.ids(d.by), ", "));
    }
    part += " " + case_label(c, cases, i);
    parts.push_back(std::move(part));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string not_knowing_text(const Contract& c, const std::vector<int>& facts) {
  if (facts.empty()) return "";
  std::vector<std::string> names;
  names.reserve(facts.size());
  for (int f : facts) names.push_back(c.facts[static_cast<std::size_t>(f)].name);
  return fmt::format("not knowing {}", fmt::join(names, ", "));
}

Json fact_names_json(const Contract& c, const std::vector<int>& facts) {
  Json out = Json::array();
  for (int f : facts) out.push_back(c.facts[static_cast<std::size_t>(f)].name);
  return out;
}

Json given_json(const Contract& c, const std::vector<Given>& given) {
  Json out = Json::object();
  for (const Given& g : given) {
    const FactDecl& f = c.facts[static_cast<std::size_t>(g.fact)];
    Json& j = out[f.name];
    switch (g.kind) {
      case FactCell::Kind::Bool:
        j = g.b;
        break;
      case FactCell::Kind::Member:
        if (g.members.size() == 1) {
          j = c.domains[f.type.domain].values[g.members.front()];
        } else {
          j = Json::array();
          for (int m : g.members) j.push_back(c.domains[f.type.domain].values[m]);
        }
        break;
      case FactCell::Kind::Point:
      case FactCell::Kind::Interval:
        j = Json::object();
        if (g.lo) {
          j["min"] = value_json(c, f.type, Value::number(*g.lo));
          j["min_inclusive"] = g.lo_inclusive;
        }
        if (g.hi) {
          j["max"] = value_json(c, f.type, Value::number(*g.hi));
          j["max_inclusive"] = g.hi_inclusive;
        }
        break;
    }
  }
  return out;
}

Json date_json(const std::optional<Date>& d) { return d ? Json(d->to_string()) : Json(nullptr); }

std::string safe_dump(Json j) {
  escape_invalid_strings(j);
  return escape_invisible(j.dump(2, ' ', false, Json::error_handler_t::replace));
}

std::string nested(const std::string& dumped, int depth) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out = indent;
  for (char ch : dumped) {
    out += ch;
    if (ch == '\n') out += indent;  // JSON strings escape newlines: only layout ones are here
  }
  return out;
}

std::string by_text(const std::vector<std::string>& by) {
  return by.empty() ? std::string("no clause (default)") : fmt::format("{}", fmt::join(by, ", "));
}

std::string run_days(Date from, Date through) {
  return fmt::format("{} … {}", from == Date::min() ? std::string("(start)") : from.to_string(),
                     through == Date::max() ? std::string("(no end)") : through.to_string());
}

Json instance_json(const Contract& c, int action, const std::vector<int>& args) {
  return Json{{"action", c.actions[static_cast<std::size_t>(action)].name},
              {"args", args_json(c, action, args)}};
}

}  // namespace pacta::cli
