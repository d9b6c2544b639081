// The enumeration of action instances (engine/decide/instances.hpp): every
// instance of a question's pattern, in order, up to a limit; domain sizes.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "decide_fixture.hpp"
#include "engine/decide/instances.hpp"

using namespace pacta;
using namespace pacta::fixture;
using namespace pacta::decide_fixture;

namespace {

using Instances = std::vector<std::vector<int>>;

// Every instance of a pattern written as in `pacta ask`; fails the test when
// the limit is exceeded.
Instances all_instances(const Contract& c, std::string_view pattern, std::size_t limit = 1000) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  auto out = instances(c, *p, limit);
  REQUIRE(out.has_value());
  return *out;
}

bool over_limit(const Contract& c, std::string_view pattern, std::size_t limit) {
  Diagnostics diags;
  auto p = parse_question_pattern(c, pattern, Limits{}, diags);
  INFO(describe(diags));
  REQUIRE(p.has_value());
  return !instances(c, *p, limit).has_value();
}

}  // namespace

// ---------------------------------------------------------------------------
// instances()

TEST_CASE("instances: params in order, values in declaration order", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host") ==
        Instances{{0, 0}, {0, 1}, {0, 2}, {1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}, {2, 2}});
}

TEST_CASE("instances: bool false before true", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "toggle") == Instances{{0}, {1}});
  CHECK(all_instances(c, "mixed(who=globex)") ==
        Instances{{1, 0, 0}, {1, 0, 1}, {1, 0, 2}, {1, 1, 0}, {1, 1, 1}, {1, 1, 2}});
}

TEST_CASE("instances: partial patterns keep the bound params", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(all_instances(c, "host(cloud=aws)") == Instances{{0, 1}, {1, 1}, {2, 1}});
  CHECK(all_instances(c, "host(oracle, _)") == Instances{{2, 0}, {2, 1}, {2, 2}});
  CHECK(all_instances(c, "host(provider=_, cloud=_)").size() == 9);
  CHECK(all_instances(c, "mixed(where=oracle, who=acme)") == Instances{{0, 0, 2}, {0, 1, 2}});
  CHECK(all_instances(c, "mixed(acme, true, oracle)") == Instances{{0, 1, 2}});
  CHECK(all_instances(c, "act") == Instances{{}});
}

TEST_CASE("instances: more than the limit gives nullopt", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  // 3 parties x 2 bools x 3 clouds = 18.
  Instances exact = all_instances(c, "mixed", 18);
  CHECK(exact.size() == 18);
  CHECK(exact.front() == std::vector<int>{0, 0, 0});
  CHECK(exact.back() == std::vector<int>{2, 1, 2});
  CHECK(over_limit(c, "mixed", 17));
  CHECK(over_limit(c, "mixed", 1));
  CHECK_FALSE(over_limit(c, "mixed(flag=true, where=aws)", 3));
  CHECK(over_limit(c, "mixed(flag=true, where=aws)", 2));
  CHECK_FALSE(over_limit(c, "act", 1));
  CHECK(over_limit(c, "act", 0));
}

TEST_CASE("domain_size: bool is 2, a domain its value count", "[decide][instances]") {
  auto l = contract("clauses: []\n");
  const Contract& c = l->contract();
  CHECK(domain_size(c, Type::boolean()) == 2);
  CHECK(domain_size(c, Type::value(0)) == 3);
  CHECK(domain_size(c, Type::value(*c.find_domain("cloud"))) == 3);
}
