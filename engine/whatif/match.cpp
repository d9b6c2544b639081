#include "engine/whatif/match.hpp"

#include "engine/decide/instances.hpp"

namespace pacta {

namespace {

std::vector<std::string> value_names(const Contract& c, const Type& t) {
  std::vector<std::string> out;
  const std::size_t n = domain_size(c, t);
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(c.value_text(t, static_cast<int>(i)));
  return out;
}

// The values of one matched param, base to other; the one-sided ones listed.
std::vector<int> match_values(const Contract& base, const Contract& other, const ActionDecl& a,
                              const Param& pb, const Param& po, Matching& m) {
  const std::vector<std::string> vb = value_names(base, pb.type);
  const std::vector<std::string> vo = value_names(other, po.type);
  std::vector<int> map(vb.size(), -1);
  std::vector<bool> used(vo.size(), false);
  for (std::size_t i = 0; i < vb.size(); ++i) {
    for (std::size_t j = 0; j < vo.size(); ++j) {
      if (!used[j] && vb[i] == vo[j]) {
        map[i] = static_cast<int>(j);
        used[j] = true;
        break;
      }
    }
    if (map[i] < 0) m.only_in_base.push_back(OneSided{a.name, pb.name, vb[i]});
  }
  for (std::size_t j = 0; j < vo.size(); ++j) {
    if (!used[j]) m.only_in_other.push_back(OneSided{a.name, po.name, vo[j]});
  }
  return map;
}

// An action both sides have: compared when both have the same params.
void match_action(const Contract& base, const Contract& other, int ab, int ao, Matching& m) {
  const ActionDecl& a = base.actions[ab];
  const ActionDecl& o = other.actions[ao];
  bool same_params = a.params.size() == o.params.size();
  for (const Param& p : a.params) {
    if (!o.find_param(p.name)) {
      m.only_in_base.push_back(OneSided{a.name, p.name, {}});
      same_params = false;
    }
  }
  for (const Param& p : o.params) {
    if (!a.find_param(p.name)) {
      m.only_in_other.push_back(OneSided{o.name, p.name, {}});
      same_params = false;
    }
  }
  if (!same_params) return;
  ActionMatch match{ab, ao, {}, {}};
  for (const Param& p : a.params) {
    const int j = *o.find_param(p.name);
    match.other_param.push_back(j);
    match.other_value.push_back(match_values(base, other, a, p, o.params[j], m));
  }
  m.actions.push_back(std::move(match));
}

}  // namespace

bool ActionMatch::map_args(const std::vector<int>& base_args, std::vector<int>& other_args) const {
  other_args.assign(base_args.size(), -1);
  for (std::size_t i = 0; i < base_args.size(); ++i) {
    const int v = other_value[i][static_cast<std::size_t>(base_args[i])];
    if (v < 0) return false;
    other_args[static_cast<std::size_t>(other_param[i])] = v;
  }
  return true;
}

Matching match_contracts(const Contract& base, const Contract& other) {
  Matching m;
  for (std::size_t a = 0; a < base.actions.size(); ++a) {
    if (auto o = other.find_action(base.actions[a].name)) {
      match_action(base, other, static_cast<int>(a), *o, m);
    } else {
      m.only_in_base.push_back(OneSided{base.actions[a].name, {}, {}});
    }
  }
  for (const ActionDecl& o : other.actions) {
    if (!base.find_action(o.name)) m.only_in_other.push_back(OneSided{o.name, {}, {}});
  }
  return m;
}

}  // namespace pacta
