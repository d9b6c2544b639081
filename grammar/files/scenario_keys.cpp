#include "grammar/files/scenario_keys.hpp"

#include <fmt/format.h>

namespace pacta {

// A list of clause ids (`by`, `overridden`) or amendment ids (`without`,
// `what` "an amendment"); nullopt after an error.
std::optional<std::vector<Name>> clause_ids(YamlReader& r, const YamlNode& v, const char* key,
                                            const char* what) {
  if (!r.expect_sequence(v, key)) return std::nullopt;
  std::vector<Name> ids;
  bool ok = true;
  for (const YamlNode* item : v.items) {
    if (auto id = r.clause_id(*item, what))
      ids.push_back(Name{*id, item->content_offset});
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return ids;
}

// `with`: a path, or a list of paths, of files of amendments (SPEC §7.1).
bool read_with(YamlReader& r, const YamlNode& v, std::vector<Name>& with, std::string_view owner) {
  auto one = [&](const YamlNode& item) {
    auto t = r.text(item, "a file of amendments");
    if (!t) return false;
    if (t->empty()) {
      r.error(item.content_offset, Code::E204, "the path of a file of amendments is empty",
              fmt::format("write the path of a `pacta-amendments: 1` file, relative to this {}",
                          owner));
      return false;
    }
    with.push_back(Name{*t, item.content_offset});
    return true;
  };
  if (v.kind != YamlNode::Kind::Sequence) return one(v);
  bool ok = true;
  for (const YamlNode* item : v.items) ok = one(*item) && ok;
  return ok;
}

bool read_assume(YamlReader& r, const YamlNode& v, std::vector<std::pair<Name, Expr>>& assume) {
  if (!r.expect_map(v, "assume")) return false;
  bool ok = true;
  for (const auto& [k, value] : v.entries) {
    auto fact = r.identifier(*k, "a fact");
    auto e = r.expression(*value, "an assumed value");
    if (fact && e)
      assume.emplace_back(Name{*fact, k->content_offset}, std::move(*e));
    else
      ok = false;
  }
  return ok;
}

// `unknown`: a list of fact names.
bool read_unknown(YamlReader& r, const YamlNode& v, std::vector<Name>& out) {
  if (!r.expect_sequence(v, "unknown")) return false;
  bool ok = true;
  for (const YamlNode* item : v.items) {
    if (auto fact = r.identifier(*item, "a fact"))
      out.push_back(Name{*fact, item->content_offset});
    else
      ok = false;
  }
  return ok;
}

// A date expression under `key` of `map` into `field`; null is
// Presence::Null when `nullable`, else an error as any non-expression.
// False after an error.
bool date_field(YamlReader& r, const YamlNode& map, std::string_view key, Field<Expr>& field,
                bool nullable) {
  const YamlNode* v = YamlReader::find(map, key);
  if (v == nullptr) return true;
  if (nullable && v->kind == YamlNode::Kind::Null) {
    field = {Presence::Null, Expr{}, v->offset};
    return true;
  }
  auto e = r.expression(*v, fmt::format("'{}'", key));
  if (e) field = {Presence::Set, std::move(*e), v->content_offset};
  return e.has_value();
}

}  // namespace pacta
