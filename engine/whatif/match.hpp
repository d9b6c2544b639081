#pragma once
// The instances of two contracts matched by name (SPEC §7.2, `pacta diff A
// B`): an action by its name, a param by its name, a value by its text.
// What one side has and the other lacks is listed, not compared: a whole
// action, a param of an action both have (the action is then not
// compared), or a value of a param both have (instances with it are not
// compared). One contract matches itself entirely.
#include <string>
#include <vector>

#include "engine/model/contract.hpp"

namespace pacta {

struct ActionMatch {
  int base = -1, other = -1;  // action indices
  // Per base param: the other's param index.
  std::vector<int> other_param;
  // Per base param, per base value index: the other's value index, -1: none.
  std::vector<std::vector<int>> other_value;

  // The other side's arguments of a base instance; false when a value has
  // no counterpart.
  bool map_args(const std::vector<int>& base_args, std::vector<int>& other_args) const;
};

// Something on one side only: an action (param and value empty), a param of
// an action, or a value of a param of an action.
struct OneSided {
  std::string action, param, value;
};

struct Matching {
  std::vector<ActionMatch> actions;  // the actions compared, in base declaration order
  std::vector<OneSided> only_in_base, only_in_other;
};

Matching match_contracts(const Contract& base, const Contract& other);

}  // namespace pacta
