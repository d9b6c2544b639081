// Action patterns (`host(cloud=azure, _)`) and the literal values in them
// and elsewhere (fact defaults, assumptions), resolved against a contract's
// actions and types. Declared in check.hpp: the checker uses them, and so do
// questions and test cases written outside the rule file.
#include <fmt/format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/check/check.hpp"
#include "engine/check/expressions.hpp"

namespace pacta {

namespace {

void report_unknown_action(const Contract& c, const SourceFile& file, const ActionPattern& p,
                           Diagnostics& diags) {
  std::string help;
  if (!diags.full()) {
    std::vector<std::string> names;
    for (const auto& a : c.actions) names.push_back(a.name);
    help = did_you_mean(p.action, names);
    if (help.empty()) help = fmt::format("the actions are: {}", fmt::join(names, ", "));
  }
  diags.error(file, p.action_span.begin, Code::E401, fmt::format("unknown action '{}'", p.action),
              help);
}

// Binds a pattern's arguments, in order, to the params of its action: a
// named one by name, a positional one by position (none after a named one),
// no param twice.
class ArgumentBinder {
 public:
  ArgumentBinder(const Contract& c, const SourceFile& file, const ActionDecl& decl,
                 Diagnostics& diags)
      : c_(c),
        file_(file),
        decl_(decl),
        diags_(diags),
        values_(decl.params.size(), -1),
        given_(decl.params.size(), false) {}

  // Binds one argument; false (and reported) when it does not fit.
  bool bind(const PatternArg& arg) {
    auto index = arg.param ? named_param(arg) : positional_param(arg);
    if (!index) return false;
    if (given_[*index]) {
      diags_.error(file_, arg.span.begin, Code::E407,
                   fmt::format("param '{}' is given twice", decl_.params[*index].name));
      return false;
    }
    given_[*index] = true;
    if (arg.wildcard) return true;
    auto value = resolve_literal(c_, file_, arg.value, decl_.params[*index].type, diags_);
    if (!value) return false;
    values_[*index] = value->kind == Type::Kind::Bool ? (value->b ? 1 : 0) : value->index;
    return true;
  }

  // Per param: the value index bound to it, or -1 for any.
  const std::vector<int>& values() const { return values_; }

 private:
  std::vector<std::string> param_names() const {
    std::vector<std::string> out;
    for (const auto& param : decl_.params) out.push_back(param.name);
    return out;
  }

  // "name(p, q)", for help texts; empty when diags_ keeps no more messages.
  std::string signature() const {
    if (diags_.full()) return std::string();  // not kept: skip listing every param
    return fmt::format("{}({})", decl_.name, fmt::join(param_names(), ", "));
  }

  std::optional<std::size_t> named_param(const PatternArg& arg) {
    seen_named_ = true;
    if (auto found = decl_.find_param(*arg.param)) return static_cast<std::size_t>(*found);
    std::string help;
    if (!diags_.full()) {
      help = did_you_mean(*arg.param, param_names());
      if (help.empty()) help = fmt::format("it is {}", signature());
    }
    diags_.error(file_, arg.param_span.begin, Code::E401,
                 fmt::format("action '{}' has no param '{}'", decl_.name, *arg.param), help);
    return std::nullopt;
  }

  std::optional<std::size_t> positional_param(const PatternArg& arg) {
    if (seen_named_) {
      diags_.error(file_, arg.span.begin, Code::E407,
                   "a positional argument cannot follow a named one",
                   fmt::format("name it, e.g. {}", signature()));
      return std::nullopt;
    }
    std::size_t index = position_++;
    if (index >= decl_.params.size()) {
      diags_.error(file_, arg.span.begin, Code::E407,
                   fmt::format("'{}' takes {} argument{}, but more are given", decl_.name,
                               decl_.params.size(), decl_.params.size() == 1 ? "" : "s"),
                   fmt::format("it is {}", signature()));
      return std::nullopt;
    }
    return index;
  }

  const Contract& c_;
  const SourceFile& file_;
  const ActionDecl& decl_;
  Diagnostics& diags_;
  std::vector<int> values_;
  std::vector<bool> given_;
  bool seen_named_ = false;
  std::size_t position_ = 0;  // the param the next positional argument binds
};

// A value of `d` written as a name, bare or qualified with its type.
std::optional<Value> domain_literal(const Domain& d, const SourceFile& file, const Expr& e,
                                    Diagnostics& diags) {
  if (!e.qualifier.empty() && e.qualifier != d.name) {
    diags.error(file, e.span.begin, Code::E403,
                fmt::format("expected a {}, but '{}.{}' is a {}", d.name, e.qualifier, e.name,
                            e.qualifier));
    return std::nullopt;
  }
  if (auto v = d.find(e.name)) return Value::member(*v);
  std::string help;
  if (!diags.full()) {
    help = did_you_mean(e.name, d.values);
    if (help.empty()) {
      help = fmt::format("the values of {} are: {}", d.name, fmt::join(d.values, ", "));
    }
  }
  diags.error(file, e.name_span.begin, Code::E401,
              fmt::format("'{}' is not a value of {}", e.name, d.name), help);
  return std::nullopt;
}

// E403 for `e`, which is not a literal of the `expected` type.
void report_not_a_literal(const Contract& c, const SourceFile& file, const Expr& e,
                          const Type& expected, Diagnostics& diags) {
  static const char* const kExamples[] = {"true or false", "a number like 20 or 0.15",
                                          "a date like 2025-10-28, or never", ""};
  const bool is_value = expected.kind == Type::Kind::Value;
  std::string expected_text = is_value ? fmt::format("a {}", c.domains[expected.domain].name)
                                       : kExamples[static_cast<int>(expected.kind)];
  std::string help;
  if (e.kind == Expr::Kind::Unary || e.kind == Expr::Kind::Binary) {
    help = "write a single value here, not an expression";
  } else if (is_value && !diags.full()) {
    help = fmt::format("the values of {} are: {}", c.domains[expected.domain].name,
                       fmt::join(c.domains[expected.domain].values, ", "));
  } else {
    help = fmt::format("write {}", expected_text);
  }
  diags.error(file, e.span.begin, Code::E403, fmt::format("expected {} here", expected_text), help);
}

}  // namespace

std::optional<Pattern> resolve_pattern(const Contract& c, const SourceFile& file,
                                       const ActionPattern& p, Diagnostics& diags) {
  auto action = c.find_action(p.action);
  if (!action) {
    report_unknown_action(c, file, p, diags);
    return std::nullopt;
  }
  ArgumentBinder binder(c, file, c.actions[*action], diags);
  bool ok = true;
  for (const auto& arg : p.args) ok = binder.bind(arg) && ok;
  if (!ok) return std::nullopt;
  return Pattern{*action, binder.values()};
}

std::optional<Value> resolve_literal(const Contract& c, const SourceFile& file, const Expr& e,
                                     const Type& expected, Diagnostics& diags) {
  using K = Expr::Kind;
  switch (expected.kind) {
    case Type::Kind::Bool:
      if (e.kind == K::Bool) return Value::boolean(e.bool_value);
      break;
    case Type::Kind::Number:
      if (e.kind == K::Number) return Value::number(literal_number(e));
      if (e.kind == K::Unary && e.unary_op == UnaryOp::Negate && e.operands[0].kind == K::Number) {
        return Value::number(-literal_number(e.operands[0]));
      }
      break;
    case Type::Kind::Date:
      if (e.kind == K::DateLit) return Value::date(e.date);
      if (e.kind == K::Never) return Value::date(Date::never());
      break;
    case Type::Kind::Value:
      if (e.kind == K::Name) return domain_literal(c.domains[expected.domain], file, e, diags);
      break;
  }
  report_not_a_literal(c, file, e, expected, diags);
  return std::nullopt;
}

}  // namespace pacta
