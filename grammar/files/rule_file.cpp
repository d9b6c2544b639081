#include "grammar/files/rule_file.hpp"

#include <fmt/format.h>

#include <memory>
#include <unordered_map>

#include "grammar/identifier.hpp"
#include "grammar/yaml/schema.hpp"

namespace pacta {

namespace {

// `'key'`, as messages name a field (short keys: no allocation).
std::string quoted(std::string_view key) {
  std::string out;
  out.reserve(key.size() + 2);
  out += '\'';
  out += key;
  out += '\'';
  return out;
}

class RuleFileReader {
 public:
  RuleFileReader(const SourceFile& file, const Limits& limits, Diagnostics& diags)
      : r_(file, limits, diags) {}

  RuleFileSyntax read(const YamlDocument& doc) {
    has_aliases_ = doc.has_aliases;
    RuleFileSyntax out;
    if (doc.root == nullptr) {
      out.declarations_ok = false;
      r_.error(0, Code::E107, "the file is empty",
               "a rule file starts with `pacta: 1` and `contract: <id>`");
      return out;
    }
    const YamlNode& root = *doc.root;
    if (!r_.expect_map(root, "a rule file")) {
      out.declarations_ok = false;
      return out;
    }
    if (root.entries.empty() || root.entries.front().first->value != "pacta") {
      r_.error(root.offset, Code::E204, "a rule file must start with the key 'pacta'",
               "put `pacta: 1` on the first line");
    }
    r_.check_keys(root, "the rule file",
                  {"pacta", "contract", "title", "default", "parties", "types", "facts", "dates",
                   "holidays", "conditions", "actions", "clauses", "amendments"},
                  {"pacta", "contract", "parties", "actions", "clauses"});
    if (auto* n = YamlReader::find(root, "pacta")) {
      r_.choice(*n, "format version", {"1"}, "this version of pacta reads `pacta: 1`");
    }
    if (auto* n = YamlReader::find(root, "contract")) read_contract_id(*n, out);
    if (auto* n = YamlReader::find(root, "title")) text_field(*n, "title", out.title);
    if (auto* n = YamlReader::find(root, "default")) verdict_field(*n, out.default_verdict);
    // Without parties or actions every name would be unknown: skip checking.
    if (!YamlReader::find(root, "parties") || !YamlReader::find(root, "actions")) {
      out.declarations_ok = false;
    }
    const std::size_t errors_before_declarations = r_.diags().error_count();
    if (auto* n = YamlReader::find(root, "parties")) {
      out.parties_offset = n->offset;
      out.parties = names(*n, "parties", "a party");
    }
    if (auto* n = YamlReader::find(root, "types")) read_types(*n, out);
    if (auto* n = YamlReader::find(root, "actions")) read_actions(*n, out);
    if (r_.diags().error_count() != errors_before_declarations) out.declarations_ok = false;
    if (auto* n = YamlReader::find(root, "facts")) read_facts(*n, out);
    if (auto* n = YamlReader::find(root, "dates")) read_dates(*n, out);
    if (auto* n = YamlReader::find(root, "holidays")) read_holidays(*n, out);
    if (auto* n = YamlReader::find(root, "conditions")) read_conditions(*n, out);
    if (auto* n = YamlReader::find(root, "clauses")) {
      if (r_.expect_sequence(*n, "clauses")) {
        out.clauses.reserve(n->items.size());
        for (const YamlNode* c : n->items) {
          if (auto clause = read_clause(*c, false)) out.clauses.push_back(std::move(*clause));
        }
      }
    }
    if (auto* n = YamlReader::find(root, "amendments")) read_amendments(*n, out);
    return out;
  }

  // A file of amendments (`--with FILE`, language.md): its amendments are
  // appended to `out`'s. `begin` is where the file starts in the source.
  bool read_amendments_file(const YamlDocument& doc, std::size_t begin, RuleFileSyntax& out) {
    has_aliases_ = doc.has_aliases;
    const std::size_t errors_before = r_.diags().error_count();
    if (doc.root == nullptr) {
      r_.error(begin, Code::E107, "the file is empty",
               "a file of amendments starts with `pacta-amendments: 1`, then `amendments:`");
      return false;
    }
    const YamlNode& root = *doc.root;
    if (!r_.expect_map(root, "a file of amendments")) return false;
    if (root.entries.empty() || root.entries.front().first->value != "pacta-amendments") {
      r_.error(root.offset, Code::E204,
               "a file of amendments must start with the key 'pacta-amendments'",
               "put `pacta-amendments: 1` on the first line");
    }
    r_.check_keys(root, "the file of amendments", {"pacta-amendments", "title", "amendments"},
                  {"pacta-amendments", "amendments"});
    if (auto* n = YamlReader::find(root, "pacta-amendments")) {
      r_.choice(*n, "format version", {"1"}, "this version of pacta reads `pacta-amendments: 1`");
    }
    if (auto* n = YamlReader::find(root, "amendments")) read_amendments(*n, out);
    return r_.diags().error_count() == errors_before;
  }

 private:
  void read_contract_id(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_scalar(n, "contract")) return;
    const std::string& id = n.value;
    if (!is_contract_id(id)) {
      r_.error(n.content_offset, Code::E205,
               fmt::format("'{}' is not a valid contract id", shown_scalar(id)),
               "a contract id has lower-case letters, digits, '_' and '-', e.g. microsoft-openai");
      return;
    }
    out.contract = Name{id, n.content_offset};
  }

  void text_field(const YamlNode& n, std::string_view what, Field<std::string>& field) {
    if (n.kind == YamlNode::Kind::Null) {
      field.presence = Presence::Null;
      field.offset = n.offset;
      return;
    }
    if (auto t = r_.text(n, what)) {
      field.presence = Presence::Set;
      field.value = *t;
      field.offset = n.content_offset;
    }
  }

  void verdict_field(const YamlNode& n, Field<std::string>& field) {
    if (auto v = r_.choice(n, "default verdict", {"permitted", "forbidden"})) {
      field.presence = Presence::Set;
      field.value = *v;
      field.offset = n.content_offset;
    }
  }

  std::vector<Name> names(const YamlNode& list, std::string_view what, std::string_view each) {
    std::vector<Name> out;
    if (!r_.expect_sequence(list, what)) return out;
    for (const YamlNode* item : list.items) {
      if (auto id = r_.identifier(*item, each)) out.push_back(Name{*id, item->content_offset});
    }
    return out;
  }

  std::vector<Name> clause_ids(const YamlNode& list, std::string_view what) {
    std::vector<Name> out;
    if (!r_.expect_sequence(list, what)) return out;
    for (const YamlNode* item : list.items) {
      if (auto id = r_.clause_id(*item, "a clause")) out.push_back(Name{*id, item->content_offset});
    }
    return out;
  }

  // A type reference: an identifier, or `date` (a keyword in expressions).
  std::optional<std::string> type_ref(const YamlNode& n) {
    if (n.kind == YamlNode::Kind::Scalar && n.value == "date") return n.value;
    return r_.identifier(n, "a type");
  }

  std::optional<Name> key_name(const YamlNode& key, std::string_view what) {
    if (auto id = r_.identifier(key, what)) return Name{*id, key.content_offset};
    return std::nullopt;
  }

  void read_types(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_map(n, "types")) return;
    for (const auto& [k, v] : n.entries) {
      auto name = key_name(*k, "a type");
      if (!name) continue;
      TypeSyntax t{*name,
                   names(*v, fmt::format("the values of type '{}'", name->value), "a value")};
      out.types.push_back(std::move(t));
    }
  }

  void read_facts(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_map(n, "facts")) return;
    for (const auto& [k, v] : n.entries) {
      auto name = key_name(*k, "a fact");
      if (!name) continue;
      std::string what = fmt::format("fact '{}'", name->value);
      if (!r_.expect_map(*v, what)) continue;
      if (!r_.check_keys(*v, what, {"type", "default"}, {"type"})) continue;
      FactSyntax fact;
      fact.name = *name;
      const YamlNode* type = YamlReader::find(*v, "type");
      auto type_name = type_ref(*type);
      if (!type_name) continue;
      fact.type = Name{*type_name, type->content_offset};
      if (const YamlNode* d = YamlReader::find(*v, "default")) {
        if (auto e = r_.expression(*d, "a default value")) {
          fact.default_value = {Presence::Set, std::move(*e), d->content_offset};
        }
      }
      out.facts.push_back(std::move(fact));
    }
  }

  void read_dates(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_map(n, "dates")) return;
    for (const auto& [k, v] : n.entries) {
      auto name = key_name(*k, "a named date");
      if (!name) continue;
      // Declared even when the expression is wrong, so that its uses do not
      // echo the error as "unknown name".
      auto e = r_.expression(*v, "a named date");
      out.dates.push_back(NamedDateSyntax{*name, e ? std::move(*e) : Expr{}, e.has_value()});
    }
  }

  void read_conditions(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_map(n, "conditions")) return;
    for (const auto& [k, v] : n.entries) {
      auto name = key_name(*k, "a named condition");
      if (!name) continue;
      auto e = r_.expression(*v, "a named condition");
      out.conditions.push_back(NamedDateSyntax{*name, e ? std::move(*e) : Expr{}, e.has_value()});
    }
  }

  // A list of date literals (the days that are not business days besides
  // weekends); a date listed twice is the same holiday.
  void read_holidays(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_sequence(n, "holidays")) return;
    for (const YamlNode* item : n.items) {
      auto e = r_.expression(*item, "a holiday");
      if (!e) continue;
      if (e->kind != Expr::Kind::DateLit) {
        r_.error(item->content_offset, Code::E403, "a holiday must be a date like 2025-12-25",
                 "list holidays as date literals: holidays: [2025-12-25, 2026-01-01]");
        continue;
      }
      out.holidays.push_back(Located<Date>{e->date, item->content_offset});
    }
  }

  void read_actions(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_map(n, "actions")) return;
    for (const auto& [k, v] : n.entries) {
      auto name = key_name(*k, "an action");
      if (!name) continue;
      ActionSyntax action;
      action.name = *name;
      std::string what = fmt::format("action '{}'", name->value);
      if (v->kind != YamlNode::Kind::Null) {  // `act:` alone: no params
        if (!r_.expect_map(*v, what)) continue;
        r_.check_keys(*v, what, {"params", "default"}, {});
        if (const YamlNode* p = YamlReader::find(*v, "params")) {
          if (p->kind != YamlNode::Kind::Null && r_.expect_map(*p, "params")) {
            for (const auto& [pk, pv] : p->entries) {
              auto param = key_name(*pk, "a param");
              auto type = type_ref(*pv);
              if (param && type) action.params.push_back({*param, Name{*type, pv->content_offset}});
            }
          }
        }
        if (const YamlNode* d = YamlReader::find(*v, "default")) {
          verdict_field(*d, action.default_verdict);
        }
      }
      out.actions.push_back(std::move(action));
    }
  }

  // The value of `key` in `map` to read into `field`; nullptr when the key
  // is absent, or when it is null and `nullable` (then `field` says so).
  template <class T>
  static const YamlNode* field_value(const YamlNode& map, std::string_view key, Field<T>& field,
                                     bool nullable) {
    const YamlEntry* entry = find_entry(map, key);
    if (entry == nullptr) return nullptr;
    if (entry->second->kind == YamlNode::Kind::Null && nullable) {
      field.presence = Presence::Null;
      field.offset = entry->first->offset;
      return nullptr;
    }
    return entry->second;
  }

  void expr_field(const YamlNode& map, std::string_view key, Field<Expr>& field, bool nullable) {
    const YamlNode* n = field_value(map, key, field, nullable);
    if (n == nullptr) return;
    if (auto e = r_.expression(*n, quoted(key))) {
      field.presence = Presence::Set;
      field.value = std::move(*e);
      field.offset = n->content_offset;
    }
  }

  // A clause's expression field. A YAML alias is the anchored node itself,
  // so each distinct node is parsed once and its aliases share the AST; a
  // node that does not parse is reported once, at the anchor, and leaves
  // every field that names it unset.
  void expr_field(const YamlNode& map, std::string_view key, Field<SharedAst>& field,
                  bool nullable) {
    const YamlNode* n = field_value(map, key, field, nullable);
    if (n == nullptr) return;
    if (!has_aliases_) {  // every node is met once: nothing to share
      if (auto e = r_.expression(*n, quoted(key))) {
        field.presence = Presence::Set;
        field.value = std::make_shared<const Expr>(std::move(*e));
        field.offset = n->content_offset;
      }
      return;
    }
    auto [it, first] = parsed_.try_emplace(n);
    if (first) {
      if (auto e = r_.expression(*n, quoted(key)))
        it->second = std::make_shared<const Expr>(std::move(*e));
    }
    if (it->second == nullptr) return;
    field.presence = Presence::Set;
    field.value = it->second;
    field.offset = n->content_offset;
  }

  // A clause of `clauses` or `add` (complete), or of `amend` (partial).
  std::optional<ClauseSyntax> read_clause(const YamlNode& n, bool partial) {
    if (!r_.expect_map(n, partial ? "an amended clause" : "a clause")) return std::nullopt;
    ClauseSyntax c;
    c.offset = n.offset;
    const YamlNode* id = YamlReader::find(n, "id");
    std::string what = "a clause";
    if (id != nullptr && id->kind == YamlNode::Kind::Scalar) {
      what = "clause '" + shown_scalar(id->value) + "'";  // no fmt: once per clause
    }
    r_.check_keys(n, what,
                  {"id", "kind", "title", "text", "ref", "permit", "forbid", "oblige", "when",
                   "from", "until", "through", "overrides"},
                  {"id"});
    if (id == nullptr) return std::nullopt;
    auto id_text = r_.clause_id(*id, "a clause");
    if (!id_text) return std::nullopt;
    c.id = Name{*id_text, id->content_offset};

    using TextField = std::pair<const char*, Field<std::string>*>;
    for (auto [key, field] : {TextField{"kind", &c.kind}, TextField{"title", &c.title},
                              TextField{"text", &c.text}, TextField{"ref", &c.ref}}) {
      if (const YamlNode* v = YamlReader::find(n, key)) text_field(*v, key, *field);
    }

    int modalities = 0;
    for (auto [key, modality] :
         {std::pair{"permit", Modality::Permit}, std::pair{"forbid", Modality::Forbid},
          std::pair{"oblige", Modality::Oblige}}) {
      const YamlEntry* entry = find_entry(n, key);
      if (entry == nullptr) continue;
      const auto [k, v] = *entry;
      if (++modalities > 1) {
        r_.error(k->offset, Code::E204,
                 fmt::format("{} has more than one of permit, forbid and oblige", what),
                 "a clause has exactly one modality; split it into two clauses");
        continue;
      }
      c.modality = {Presence::Set, modality, k->offset};
      if (auto p = r_.action_pattern(*v, "an action pattern"))
        c.pattern = std::move(*p);
      else
        c.modality.presence = Presence::Absent;
    }
    if (modalities == 0 && !partial) {
      r_.error(n.offset, Code::E203, fmt::format("{} has none of permit, forbid or oblige", what),
               "add e.g. `permit: action_name(param=value)`");
      return std::nullopt;
    }
    expr_field(n, "when", c.when, partial);
    expr_field(n, "from", c.from, partial);
    expr_field(n, "until", c.until, partial);
    expr_field(n, "through", c.through, partial);
    // One field, the end: `{until: D, through: null}` (in `amend`) sets it.
    if (c.until.is_set() && c.through.is_set()) {
      r_.error(c.through.offset, Code::E204, fmt::format("{} has both 'until' and 'through'", what),
               "'through: D' means 'until: D + 1 day'; keep one of them");
    }
    if (const YamlEntry* entry = find_entry(n, "overrides")) {
      const auto [k, v] = *entry;
      if (v->kind == YamlNode::Kind::Null && partial) {
        c.overrides = {Presence::Null, {}, k->offset};
      } else {
        c.overrides = {Presence::Set, clause_ids(*v, "overrides"), v->offset};
      }
    }
    return c;
  }

  void read_amendments(const YamlNode& n, RuleFileSyntax& out) {
    if (!r_.expect_sequence(n, "amendments")) return;
    for (const YamlNode* a : n.items) {
      if (!r_.expect_map(*a, "an amendment")) continue;
      const YamlNode* id = YamlReader::find(*a, "id");
      std::string what = "an amendment";
      if (id != nullptr && id->kind == YamlNode::Kind::Scalar) {
        what = fmt::format("amendment '{}'", shown_scalar(id->value));
      }
      if (!r_.check_keys(*a, what,
                         {"id", "title", "text", "signed", "effective", "repeal", "amend", "add"},
                         {"id", "signed"}) ||
          id == nullptr) {  // a missing id is reported by check_keys
        continue;
      }
      AmendmentSyntax am;
      am.offset = a->offset;
      auto id_text = r_.clause_id(*id, "an amendment");
      if (!id_text) continue;
      am.id = Name{*id_text, id->content_offset};
      if (auto* v = YamlReader::find(*a, "title")) text_field(*v, "title", am.title);
      if (auto* v = YamlReader::find(*a, "text")) text_field(*v, "text", am.text);
      expr_field(*a, "signed", am.signed_on, false);
      expr_field(*a, "effective", am.effective, false);
      if (auto* v = YamlReader::find(*a, "repeal")) am.repeal = clause_ids(*v, "repeal");
      for (auto [key, partial] : {std::pair{"amend", true}, std::pair{"add", false}}) {
        const YamlNode* v = YamlReader::find(*a, key);
        if (v == nullptr || !r_.expect_sequence(*v, key)) continue;
        for (const YamlNode* c : v->items) {
          if (auto clause = read_clause(*c, partial)) {
            (partial ? am.amend : am.add).push_back(std::move(*clause));
          }
        }
      }
      out.amendments.push_back(std::move(am));
    }
  }

  YamlReader r_;
  // Each clause expression node parsed so far; null: it did not parse.
  std::unordered_map<const YamlNode*, SharedAst> parsed_;  // only when the YAML has aliases
  bool has_aliases_ = true;
};

}  // namespace

RuleFileSyntax read_rule_file(const SourceFile& file, const YamlDocument& doc, const Limits& limits,
                              Diagnostics& diags) {
  return RuleFileReader(file, limits, diags).read(doc);
}

bool read_amendments_file(const SourceFile& file, const YamlDocument& doc, std::size_t begin,
                          const Limits& limits, RuleFileSyntax& out, Diagnostics& diags) {
  return RuleFileReader(file, limits, diags).read_amendments_file(doc, begin, out);
}

}  // namespace pacta
