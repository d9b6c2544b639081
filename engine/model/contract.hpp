#pragma once
// The checked contract (language.md §2-§4, §7): every name resolved, every expression
// typed and compiled to a TypedExpr, amendments validated in amendment
// order. Built by check_contract() from a RuleFileSyntax; immutable after.
// This is the type that crosses from the checker to compile/decide and the
// CLI.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/model/name_index.hpp"
#include "engine/model/shared_text.hpp"
#include "engine/model/typed_expr.hpp"
#include "grammar/verdict.hpp"

namespace pacta {

// A finite set of values: domain 0 is `party`; then each enum type.
struct Domain {
  std::string name;
  std::vector<std::string> values;  // declaration order
  std::vector<std::size_t> offsets;
  std::optional<int> find(std::string_view value) const;  // hashed (NameIndex)

 private:
  NameIndex index_;
};

struct FactDecl {
  std::string name;
  Type type;
  std::optional<Value> default_value;
  std::size_t offset = 0;
};

struct NamedDate {
  std::string name;
  TypedExpr expr;  // type date
  std::size_t offset = 0;
};

struct Param {
  std::string name;
  Type type;  // bool or a domain
};

struct ActionDecl {
  std::string name;
  std::vector<Param> params;
  std::optional<Verdict> default_verdict;
  std::size_t offset = 0;
  std::optional<int> find_param(std::string_view param) const;  // hashed (NameIndex)

 private:
  NameIndex param_index_;
};

// An action pattern with every argument resolved: arg_values[i] is the
// value index (bool: 0 false, 1 true; domain: value index) or -1 for any.
struct Pattern {
  int action = -1;
  std::vector<int> arg_values;
};

// A typed expression that never changes once checked; every clause version
// (and every compiled scenario) that has it shares it. nullptr: none.
using SharedExpr = std::shared_ptr<const TypedExpr>;

// One version of a clause. Its heavy parts (texts, expressions) are shared
// and immutable: a copy costs a few pointers, so versions made by
// amendments share whatever the amendment does not change.
struct ClauseVersion {
  Modality modality = Modality::Permit;
  Pattern pattern;
  SharedExpr when;
  int when_action = -1;  // the action whose params `when` reads (== pattern.action when sound)
  SharedExpr from;       // inclusive
  SharedExpr until;      // exclusive; `through: D` is stored as D + 1 day
  bool until_is_through = false;  // for explanations: the user wrote `through`
  std::vector<int> overrides;     // clause indices
  SharedText kind, title, text, ref;
  std::size_t offset = 0;
};

// Fields an `amend` entry replaces. A field that is not set is inherited.
struct ClausePatch {
  std::optional<std::pair<Modality, Pattern>> modality;
  std::optional<SharedExpr> when, from, until;  // inner nullptr: removed
  bool until_is_through = false;
  std::optional<std::vector<int>> overrides;
  std::optional<SharedText> kind, title, text, ref;
  int checked_against_action = -1;  // `when` params were resolved for this action
  std::size_t offset = 0;
};

struct Clause {
  std::string id;
  std::size_t offset = 0;
  int added_by = -1;      // amendment index, or -1 for an original clause
  ClauseVersion version;  // as written in `clauses` or `add`
};

// The contract's clauses in index order, with a lookup by id that cannot go
// stale: a clause enters the list and the index together, through add(), and
// its id never changes after (readers get const access; the checker fills in
// a clause's version through mutable_version()).
class ClauseList {
 public:
  // Appends `clause` and returns its index. An id already present keeps
  // pointing at its first clause (the checker reports duplicate ids first).
  int add(Clause clause);
  void reserve(std::size_t n) { items_.reserve(n); }
  std::optional<int> find(std::string_view id) const;
  // The ids of the clauses at `indices`, in that order (for messages).
  std::vector<std::string> ids(const std::vector<int>& indices) const;
  std::vector<std::string> ids() const;  // every id, in index order

  ClauseVersion& mutable_version(std::size_t i) { return items_[i].version; }
  const Clause& operator[](std::size_t i) const { return items_[i]; }
  std::size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }
  std::vector<Clause>::const_iterator begin() const { return items_.begin(); }
  std::vector<Clause>::const_iterator end() const { return items_.end(); }

 private:
  std::vector<Clause> items_;
  NameIndex index_;  // id -> index into items_ (the first clause of an id)
};

struct Amendment {
  std::string id;
  std::string title, text;
  Date signed_on;
  Date effective;
  std::size_t file_order = 0;
  std::size_t offset = 0;
  std::vector<int> repeal;                         // clause indices
  std::vector<std::pair<int, ClausePatch>> amend;  // clause index, patch
  std::vector<int> add;                            // clause indices
  // `add` of a clause id that was repealed before (language.md §2-§4): a new version
  // of that clause, in force from `effective` on; clause index, version.
  std::vector<std::pair<int, ClauseVersion>> reenact;
};

struct Contract {
  std::string id;
  std::string title;
  std::string path;
  Verdict default_verdict = Verdict::Permitted;
  std::vector<Domain> domains;  // [0] is party
  std::vector<FactDecl> facts;
  std::vector<NamedDate> dates;       // declaration order
  std::vector<int> date_order;        // evaluation order: each uses only earlier ones
  std::vector<NamedDate> conditions;  // `conditions:` (type bool), declaration order
  std::vector<int> condition_order;   // evaluation order: each uses only earlier ones
  std::vector<ActionDecl> actions;    // declaration order
  // `holidays:`, sorted, without duplicates; shared with the typed
  // expressions that count business days.
  std::shared_ptr<const std::vector<Date>> holidays = std::make_shared<std::vector<Date>>();
  ClauseList clauses;                 // original clauses, then added ones in file order
  std::vector<Amendment> amendments;  // amendment order: effective, ties in file order

  // Lookups by name are hashed (NameIndex): the checker resolves every name
  // of a large contract in linear time.
  std::optional<int> find_action(std::string_view name) const;
  std::optional<int> find_fact(std::string_view name) const;
  std::optional<int> find_date(std::string_view name) const;       // in `dates`
  std::optional<int> find_condition(std::string_view name) const;  // in `conditions`
  std::optional<int> find_clause(std::string_view id) const;
  std::optional<int> find_amendment(std::string_view id) const;
  std::optional<int> find_domain(std::string_view name) const;
  // The domains that have a value `name`, in index order (a bare value is
  // ambiguous when there are several). Domains are indexed once appended:
  // their values must not change after.
  const std::vector<int>& domains_with_value(std::string_view name) const;
  // The text of a value of a finite type ("openai", "true").
  std::string value_text(const Type& type, int index) const;
  std::string type_name(const Type& type) const;

 private:
  NameIndex action_index_, fact_index_, date_index_, condition_index_, amendment_index_,
      domain_index_;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  mutable std::unordered_map<std::string, std::vector<int>, Hash, std::equal_to<>> value_domains_;
  mutable std::size_t value_domains_indexed_ = 0;  // domains [0, n) are in value_domains_
};

}  // namespace pacta
