#include "cli/commands/batch_portfolio.hpp"

#include <algorithm>
#include <map>

#include "cli/commands/batch_write.hpp"
#include "engine/compile/without.hpp"
#include "engine/decide/question.hpp"

namespace pacta::cli {

namespace {

// The contract's name lookups index lazily on first use (name_index.hpp),
// and a lookup that indexes writes: done here, once, before any thread
// shares the contract, every later lookup only reads.
void index_names(const Contract& c) {
  c.find_action("");
  c.find_fact("");
  c.find_date("");
  c.find_condition("");
  c.find_amendment("");
  c.find_domain("");
  c.domains_with_value("");
  for (const Domain& d : c.domains) d.find("");
  for (const ActionDecl& a : c.actions) a.find_param("");
}

}  // namespace

std::shared_ptr<const BatchContract> load_batch_contract(const std::string& path,
                                                         const BatchSettings& settings) {
  auto out = std::make_shared<BatchContract>();
  out->path = path;
  auto loaded = load_contract_with(path, settings.with, settings.limits, out->diags);
  if (!loaded) return out;
  const Contract& c = loaded->contract;
  std::map<int, Value> assumed;
  if (settings.facts) {
    auto from_file = load_facts_file(c, *settings.facts, "--facts", settings.limits, out->diags);
    if (from_file) assumed.insert(from_file->begin(), from_file->end());
  }
  for (const auto& a : settings.assume) {
    auto v = parse_assumption(c, a, "--assume", settings.limits, out->diags);
    if (v) assumed[v->first] = v->second;
  }
  // --without: checked against every amendment (a line's as_agreed_on
  // could only leave out more), so an error is the contract's, on its lines.
  Scenario without;
  WithoutProblem problem;
  if (!set_without(c, settings.without, without, problem)) {
    out->diags.error("--without", problem.code, std::move(problem.message),
                     std::move(problem.help));
  }
  if (out->diags.has_errors()) return out;
  out->without = std::move(without.without);
  out->assumed.assign(assumed.begin(), assumed.end());
  for (const auto& clause : c.clauses) {
    std::string quoted;
    append_json_string(quoted, clause.id);
    out->quoted_ids.push_back(std::move(quoted));
  }
  index_names(c);
  out->loaded = std::make_unique<LoadedContract>(std::move(*loaded));
  return out;
}

std::shared_ptr<const BatchContract> Portfolio::contract_for(std::string_view path) {
  for (const Entry& e : entries_) {
    if (e.scenario->contract->path == path) return e.scenario->contract;
  }
  return load_batch_contract(std::string(path), settings_);
}

std::shared_ptr<const BatchScenario> Portfolio::get(std::string_view path,
                                                    std::optional<Date> as_agreed_on) {
  const std::lock_guard<std::mutex> lock(mutex_);
  ++clock_;
  for (Entry& e : entries_) {
    if (e.scenario->as_agreed_on == as_agreed_on && e.scenario->contract->path == path) {
      e.used = clock_;
      return e.scenario;
    }
  }
  auto scenario = std::make_shared<BatchScenario>();
  scenario->contract = contract_for(path);
  scenario->as_agreed_on = as_agreed_on;
  if (scenario->contract->ok()) {
    scenario->compiled = std::make_unique<CompiledContract>(
        scenario->contract->contract(), Scenario{as_agreed_on, scenario->contract->without});
  }
  if (entries_.size() >= std::max<std::size_t>(1, settings_.limits.max_batch_scenarios)) {
    auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                   [](const Entry& a, const Entry& b) { return a.used < b.used; });
    entries_.erase(oldest);
  }
  entries_.push_back(Entry{scenario, clock_});
  return scenario;
}

}  // namespace pacta::cli
