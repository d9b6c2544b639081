#pragma once
// Private to engine/check: the words of expression type errors.
#include <string>

#include "engine/model/contract.hpp"

namespace pacta {

// "a number", "a condition (bool)", "a cloud".
std::string type_words(const Contract& c, const Type& t);
// What to write where a value of type `t` is expected.
std::string type_hint_words(const Contract& c, const Type& t);
// Help when a type's name is used as a value: the params of `action` (-1:
// none) and facts of that type; empty when `name` is not a type.
std::string type_name_words(const Contract& c, int action, const std::string& name);

}  // namespace pacta
