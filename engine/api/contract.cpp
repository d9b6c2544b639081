// Loading a rule file, what a Contract tells, resolving patterns, and
// compiling a scenario: the same engine calls as `pacta ask` makes
// (engine/load.hpp, engine/decide/question.hpp), their diagnostics public.
#include <fmt/format.h>

#include <map>

#include "engine/api/access.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/instances.hpp"

namespace pacta::api {

namespace {

const ::pacta::Contract& engine_contract(const Contract& c) {
  return ContractAccess::impl(c).loaded.contract;
}

std::optional<Contract> loaded(std::optional<LoadedContract> l, const Diagnostics& diags,
                               std::vector<Diagnostic>& out) {
  append_diagnostics(diags, out);
  if (!l) return std::nullopt;
  auto impl = std::make_shared<Contract::Impl>(Contract::Impl{std::move(*l), Limits{}});
  return ContractAccess::make(std::move(impl));
}

std::vector<std::string> names_of(const auto& declarations) {
  std::vector<std::string> out;
  out.reserve(declarations.size());
  for (const auto& d : declarations) out.push_back(d.name);
  return out;
}

// Every assumption parsed; a later one of the same fact wins.
bool parse_assumptions(const ::pacta::Contract& c, const std::vector<std::string>& texts,
                       const Limits& limits, Diagnostics& diags,
                       std::vector<std::pair<int, Value>>& out) {
  std::map<int, Value> assumed;
  for (const auto& text : texts) {
    if (auto v = parse_assumption(c, text, "assume", limits, diags)) assumed[v->first] = v->second;
  }
  out.assign(assumed.begin(), assumed.end());
  return !diags.has_errors();
}

}  // namespace

std::optional<Contract> load_file(const std::string& path, std::vector<Diagnostic>& diagnostics) {
  const Limits limits;
  Diagnostics diags(limits.max_diagnostics);
  auto l = load_contract(path, limits, diags);
  return loaded(std::move(l), diags, diagnostics);
}

std::optional<Contract> load_file(const std::string& path, const std::vector<std::string>& with,
                                  std::vector<Diagnostic>& diagnostics) {
  const Limits limits;
  Diagnostics diags(limits.max_diagnostics);
  auto l = load_contract_with(path, with, limits, diags);
  return loaded(std::move(l), diags, diagnostics);
}

std::optional<Contract> load_text(std::string name, std::string text,
                                  std::vector<Diagnostic>& diagnostics) {
  const Limits limits;
  Diagnostics diags(limits.max_diagnostics);
  auto l = load_contract_text(std::move(name), std::move(text), limits, diags);
  return loaded(std::move(l), diags, diagnostics);
}

std::string_view Contract::id() const { return engine_contract(*this).id; }
std::string_view Contract::title() const { return engine_contract(*this).title; }
std::string_view Contract::path() const { return engine_contract(*this).path; }
std::size_t Contract::clause_count() const { return engine_contract(*this).clauses.size(); }
std::size_t Contract::amendment_count() const { return engine_contract(*this).amendments.size(); }
std::vector<std::string> Contract::actions() const {
  return names_of(engine_contract(*this).actions);
}
std::vector<std::string> Contract::parties() const {
  return engine_contract(*this).domains[0].values;
}
std::vector<std::string> Contract::facts() const { return names_of(engine_contract(*this).facts); }

std::optional<Pattern> Contract::pattern(std::string_view text,
                                         std::vector<Diagnostic>& diagnostics) const {
  Diagnostics diags(impl_->limits.max_diagnostics);
  auto p = parse_question_pattern(engine_contract(*this), text, impl_->limits, diags);
  append_diagnostics(diags, diagnostics);
  if (!p) return std::nullopt;
  return PatternAccess::make(p->action, std::move(p->arg_values));
}

std::optional<Instance> Contract::instance(std::string_view text,
                                           std::vector<Diagnostic>& diagnostics) const {
  auto p = pattern(text, diagnostics);
  if (!p || p->is_instance()) return p;
  Diagnostics diags;
  diags.error("<action>", Code::E601,
              fmt::format("'{}' leaves params free: it stands for {} instances, not one", text,
                          instance_count(*p)),
              fmt::format("give every param a value, e.g. {}", this->text(*p)));
  append_diagnostics(diags, diagnostics);
  return std::nullopt;
}

std::uint64_t Contract::instance_count(const Pattern& pattern) const {
  const ::pacta::Contract& c = engine_contract(*this);
  if (!fits(c, pattern)) return 0;
  return ::pacta::instance_count(
      c, ::pacta::Pattern{PatternAccess::action(pattern), PatternAccess::args(pattern)});
}

// Free params read `_`; an instance names every value.
std::string Contract::text(const Pattern& pattern) const {
  const ::pacta::Contract& c = engine_contract(*this);
  if (!fits(c, pattern)) return {};
  const ActionDecl& a = c.actions[static_cast<std::size_t>(PatternAccess::action(pattern))];
  if (a.params.empty()) return a.name;
  std::vector<std::string> parts;
  for (std::size_t i = 0; i < a.params.size(); ++i) {
    const int v = PatternAccess::args(pattern)[i];
    parts.push_back(fmt::format("{}={}", a.params[i].name,
                                v < 0 ? std::string("_") : c.value_text(a.params[i].type, v)));
  }
  return fmt::format("{}({})", a.name, fmt::join(parts, ", "));
}

std::optional<Scenario> Contract::compile(const ScenarioOptions& options,
                                          std::vector<Diagnostic>& diagnostics) const {
  const ::pacta::Contract& c = engine_contract(*this);
  Diagnostics diags(impl_->limits.max_diagnostics);
  std::vector<std::pair<int, Value>> assumed;
  if (!parse_assumptions(c, options.assume, impl_->limits, diags, assumed)) {
    append_diagnostics(diags, diagnostics);
    return std::nullopt;
  }
  // The named dates read facts only, never the day asked: computed once.
  SituationError error;
  auto situation = make_situation(c, ::pacta::Date::min(), assumed, error);
  if (!situation) {
    auto f = describe_failure(c, error.error, error.at, -1, error.named_date, "assume",
                              impl_->loaded.source.get());
    if (f.file != nullptr) {
      diags.error(*f.file, f.offset, f.code, std::move(f.message), std::move(f.help));
    } else {
      diags.error(c.path, f.code, std::move(f.message), std::move(f.help));
    }
    append_diagnostics(diags, diagnostics);
    return std::nullopt;
  }
  ::pacta::Scenario scenario;
  if (options.as_agreed_on) scenario.as_agreed_on = to_engine(*options.as_agreed_on);
  WithoutProblem problem;
  if (!set_without(c, options.without, scenario, problem)) {
    diags.error("without", problem.code, std::move(problem.message), std::move(problem.help));
    append_diagnostics(diags, diagnostics);
    return std::nullopt;
  }
  auto impl = std::make_shared<Scenario::Impl>(
      Scenario::Impl{*this, options.as_agreed_on, std::move(assumed), std::move(*situation),
                     CompiledContract(c, scenario)});
  return ScenarioAccess::make(std::move(impl));
}

const Contract& Scenario::contract() const { return impl_->contract; }
std::optional<Date> Scenario::as_agreed_on() const { return impl_->as_agreed_on; }

}  // namespace pacta::api
