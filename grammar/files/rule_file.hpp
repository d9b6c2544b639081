#pragma once
// The syntax of a rule file (language.md §2-§4): every key read and validated for
// shape (kinds, unknown keys, required keys, identifier syntax), every
// expression and action pattern parsed, every span a byte offset in the
// file. Names and types are resolved later, by engine/checker.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/expr/ast.hpp"
#include "grammar/limits.hpp"
#include "grammar/source.hpp"
#include "grammar/verdict.hpp"
#include "grammar/yaml/tree.hpp"

namespace pacta {

template <class T>
struct Located {
  T value{};
  std::size_t offset = 0;
};
using Name = Located<std::string>;

// A key of a clause may be absent, explicitly `null` (in an amendment:
// remove the field) or set.
enum class Presence { Absent, Null, Set };

template <class T>
struct Field {
  Presence presence = Presence::Absent;
  T value{};
  std::size_t offset = 0;  // of the value when Set, of the key when Null
  bool is_set() const { return presence == Presence::Set; }
};

// A parsed expression that never changes; every field read from the same
// YAML node (an anchor and all its aliases) holds the same one.
using SharedAst = std::shared_ptr<const Expr>;

struct ClauseSyntax {
  Name id;
  std::size_t offset = 0;  // the clause's mapping
  Field<std::string> kind, title, text, ref;
  Field<Modality> modality;  // offset: the modality key
  ActionPattern pattern;     // valid when modality is set
  // Never null when set. An aliased node is parsed once: its aliases share
  // the AST (and so the checker types it once per context).
  Field<SharedAst> when, from, until, through;
  Field<std::vector<Name>> overrides;
};

struct AmendmentSyntax {
  Name id;
  std::size_t offset = 0;
  Field<std::string> title, text;
  Field<Expr> signed_on;  // required
  Field<Expr> effective;  // defaults to signed_on
  std::vector<Name> repeal;
  std::vector<ClauseSyntax> amend;  // partial clauses: only given fields
  std::vector<ClauseSyntax> add;
};

struct TypeSyntax {
  Name name;
  std::vector<Name> values;
};

struct FactSyntax {
  Name name;
  Name type;
  Field<Expr> default_value;  // a literal, checked against `type`
};

struct NamedDateSyntax {
  Name name;
  Expr expr;
  bool parsed = true;  // false: the expression had a syntax error (reported)
};

struct ParamSyntax {
  Name name;
  Name type;
};

struct ActionSyntax {
  Name name;
  std::vector<ParamSyntax> params;
  Field<std::string> default_verdict;  // "permitted" | "forbidden"
};

struct RuleFileSyntax {
  Name contract;
  Field<std::string> title;
  Field<std::string> default_verdict;
  std::vector<Name> parties;
  std::size_t parties_offset = 0;
  std::vector<TypeSyntax> types;
  std::vector<FactSyntax> facts;
  std::vector<NamedDateSyntax> dates;
  std::vector<NamedDateSyntax> conditions;  // `conditions:`: name -> bool expression
  std::vector<Located<Date>> holidays;      // date literals; duplicates allowed
  std::vector<ActionSyntax> actions;
  std::vector<ClauseSyntax> clauses;
  std::vector<AmendmentSyntax> amendments;
  // False when the parties, types or actions could not be read: names would
  // be missing, so checking names and types would only report echoes.
  bool declarations_ok = true;
};

// Reads a parsed YAML document. Reports E1xx-E3xx diagnostics and returns
// what could be read; the caller must not use it when diags has errors.
RuleFileSyntax read_rule_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags);

// Reads a file of amendments (`pacta-amendments: 1`, for `--with FILE`)
// that starts at offset `begin` of `file`, appending its amendments to
// `out.amendments`. False after reporting an error.
bool read_amendments_file(const SourceFile& file, const YamlDocument& doc, std::size_t begin,
                          const Limits& limits, RuleFileSyntax& out, Diagnostics& diags);

}  // namespace pacta
