// The public library (include/pacta/pacta.hpp) as a program outside the
// engine uses it: loading with diagnostics, compiling a scenario, resolving
// an instance once and deciding it on many dates without allocating, the
// instances of a pattern, timelines. Only the public header is included.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <pacta/pacta.hpp>
#include <string>
#include <vector>

namespace {

// Every allocation of the process is counted, so a test can tell that a
// stretch of calls made none.
std::atomic<long> allocations{0};

}  // namespace

// g++ takes free() of what this operator new returns for a mismatch.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void* operator new(std::size_t size) {
  allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
// The nothrow form too (std::stable_sort's buffer): every operator new
// that the plain delete may free is this file's, also under ASan.
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace api = pacta::api;

namespace {

const std::string kRules = std::string(PACTA_SOURCE_DIR) + "/rules/microsoft-openai.yaml";

api::Contract bundled() {
  std::vector<api::Diagnostic> diags;
  auto c = api::load_file(kRules, diags);
  REQUIRE(c);
  REQUIRE(diags.empty());
  return *c;
}

api::Date day(const char* text) {
  auto d = api::Date::parse(text);
  REQUIRE(d);
  return *d;
}

constexpr const char* kNeedsFact = R"(pacta: 1
contract: needs-fact
parties: [acme]
facts:
  approved: {type: bool}
actions:
  act:
clauses:
  - id: gate
    permit: act
    when: approved
)";

}  // namespace

TEST_CASE("a contract loads, and tells its names", "[api]") {
  const api::Contract c = bundled();
  CHECK(c.id() == "microsoft-openai");
  CHECK(c.path() == kRules);
  CHECK(c.clause_count() > 0);
  CHECK(c.parties() == std::vector<std::string>{"microsoft", "openai"});
  CHECK(c.facts() == std::vector<std::string>{"agi_declared"});
  CHECK(c.actions().front() == "sell_models");
}

TEST_CASE("a rule file that does not check gives located diagnostics", "[api]") {
  std::vector<api::Diagnostic> diags;
  auto c = api::load_text("bad.yaml",
                          "pacta: 1\ncontract: x\nparties: [a]\nactions:\n  act:\n"
                          "clauses:\n  - id: c\n    permit: nosuch\n",
                          diags);
  CHECK_FALSE(c);
  REQUIRE(diags.size() == 1);
  const api::Diagnostic& d = diags[0];
  CHECK(d.file == "bad.yaml");
  CHECK(d.severity == api::Severity::Error);
  CHECK(d.code.size() == 4);
  CHECK(d.code[0] == 'E');
  CHECK(d.line == 8);
  CHECK(d.column == 13);
  CHECK(d.source_line == "    permit: nosuch");
  CHECK(d.caret == 12);
  const std::string text = api::render_text(d);
  CHECK(text.rfind("bad.yaml:8:13: error", 0) == 0);
  CHECK(text.find("[" + d.code + "]") != std::string::npos);

  diags.clear();
  CHECK_FALSE(api::load_file("/no/such/file.yaml", diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E101");
  CHECK(diags[0].line == 0);
}

TEST_CASE("an instance is decided on a date, as pacta ask decides it", "[api]") {
  const api::Contract c = bundled();
  std::vector<api::Diagnostic> diags;
  auto scenario = c.compile({}, diags);
  REQUIRE(scenario);
  auto instance = c.instance("sell_models(openai, aws)", diags);
  REQUIRE(instance);
  CHECK(c.text(*instance) == "sell_models(seller=openai, channel=aws)");
  api::Decider decider(*scenario);
  api::Answer a;
  REQUIRE(decider.decide(*instance, day("2026-01-15"), a, diags));
  CHECK(a.verdict == api::Verdict::Permitted);
  CHECK_FALSE(a.is_default);
  CHECK(a.by == std::vector<std::string_view>{"open-distribution"});
  CHECK(a.overridden.empty());
  REQUIRE(decider.decide(*instance, day("2020-01-01"), a, diags));
  CHECK(a.verdict == api::Verdict::Forbidden);
  CHECK(a.by == std::vector<std::string_view>{"sales-exclusivity"});
  REQUIRE(decider.decide(*instance, day("2019-01-01"), a, diags));
  CHECK(a.is_default);
  CHECK(a.by.empty());
  CHECK(std::string(api::verdict_name(a.verdict)) == "forbidden");
  CHECK(diags.empty());
}

TEST_CASE("deciding allocates nothing once warm", "[api]") {
  const api::Contract c = bundled();
  std::vector<api::Diagnostic> diags;
  auto scenario = c.compile({{}, {"agi_declared=true"}}, diags);
  REQUIRE(scenario);
  auto instance = c.instance("sell_models(openai, aws)", diags);
  REQUIRE(instance);
  api::Decider decider(*scenario);
  api::Answer a;
  const api::Date first = day("2019-01-01");
  for (int i = 0; i < 6000; i += 7) {  // warm: every answer's capacity
    REQUIRE(decider.decide(*instance, *api::Date::from_serial(first.serial() + i), a, diags));
  }
  const long before = allocations.load();
  int permitted = 0;
  for (int i = 0; i < 6000; ++i) {
    if (!decider.decide(*instance, *api::Date::from_serial(first.serial() + i), a, diags)) break;
    permitted += a.verdict == api::Verdict::Permitted;
  }
  CHECK(allocations.load() == before);
  CHECK(permitted > 0);
}

TEST_CASE("the instances of a pattern, each with its answer", "[api]") {
  const api::Contract c = bundled();
  std::vector<api::Diagnostic> diags;
  auto scenario = c.compile({}, diags);
  auto pattern = c.pattern("sell_models", diags);
  REQUIRE(pattern);
  CHECK_FALSE(pattern->is_instance());
  CHECK(c.instance_count(*pattern) == 8);
  api::Decider decider(*scenario);
  std::vector<std::string> seen;
  REQUIRE(decider.decide_each(
      *pattern, day("2026-01-15"),
      [&](const api::Instance& i, const api::Answer& a) {
        seen.push_back(c.text(i) + " " + api::verdict_name(a.verdict));
      },
      diags));
  REQUIRE(seen.size() == 8);
  CHECK(seen[0] == "sell_models(seller=microsoft, channel=azure) permitted");
  CHECK(seen[5] == "sell_models(seller=openai, channel=aws) permitted");
}

TEST_CASE("the timeline of an instance over a range", "[api]") {
  const api::Contract c = bundled();
  std::vector<api::Diagnostic> diags;
  auto scenario = c.compile({}, diags);
  auto instance = c.instance("sell_models(openai, aws)", diags);
  api::Decider decider(*scenario);
  std::vector<api::Run> got;
  REQUIRE(decider.timeline(
      *instance, std::nullopt, std::nullopt,
      [&](const api::Instance&, const std::vector<api::Run>& runs) { got = runs; }, diags));
  REQUIRE(got.size() == 3);
  CHECK(got[0].answer.is_default);
  CHECK(got[1].from.to_string() == "2019-07-22");
  CHECK(got[1].through.to_string() == "2025-10-27");
  CHECK(got[1].answer.by == std::vector<std::string_view>{"sales-exclusivity"});
  CHECK(got[2].from.to_string() == "2025-10-28");
  CHECK(got[2].answer.verdict == api::Verdict::Permitted);

  got.clear();
  REQUIRE(decider.timeline(
      *instance, day("2026-01-01"), day("2026-12-31"),
      [&](const api::Instance&, const std::vector<api::Run>& runs) { got = runs; }, diags));
  REQUIRE(got.size() == 1);
  CHECK(got[0].from.to_string() == "2026-01-01");
  CHECK(got[0].through.to_string() == "2026-12-31");

  CHECK_FALSE(decider.timeline(
      *instance, day("2026-12-31"), day("2026-01-01"),
      [&](const api::Instance&, const std::vector<api::Run>&) {}, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E601");
}

TEST_CASE("bad questions are diagnostics, not crashes", "[api]") {
  const api::Contract c = bundled();
  std::vector<api::Diagnostic> diags;
  CHECK_FALSE(c.instance("sell_models(openai)", diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E601");
  CHECK(diags[0].help.find("sell_models(seller=openai, channel=_)") != std::string::npos);
  diags.clear();
  CHECK_FALSE(c.pattern("sel_models", diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].help.find("sell_models") != std::string::npos);
  diags.clear();
  CHECK_FALSE(c.compile({{}, {"agi=true"}}, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E604");
  diags.clear();
  CHECK_FALSE(c.compile({{}, {"agi_declared=3"}}, diags));
  CHECK_FALSE(diags.empty());

  // A pattern of another contract, or left free, is refused by decide().
  auto other = api::load_text("needs-fact.yaml", kNeedsFact, diags);
  REQUIRE(other);
  auto scenario = c.compile({}, diags);
  api::Decider decider(*scenario);
  api::Answer a;
  diags.clear();
  CHECK_FALSE(decider.decide(*other->instance("act", diags), day("2026-01-01"), a, diags));
  CHECK(diags.back().code == "E601");
  CHECK_FALSE(decider.decide(*c.pattern("sell_models", diags), day("2026-01-01"), a, diags));
  CHECK(diags.back().code == "E601");
}

TEST_CASE("a fact the question needs and lacks", "[api]") {
  std::vector<api::Diagnostic> diags;
  auto c = api::load_text("needs-fact.yaml", kNeedsFact, diags);
  REQUIRE(c);
  auto scenario = c->compile({}, diags);
  REQUIRE(scenario);
  api::Decider decider(*scenario);
  api::Answer a;
  CHECK_FALSE(decider.decide(*c->instance("act", diags), day("2026-01-01"), a, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E603");
  CHECK(diags[0].file == "needs-fact.yaml");
  CHECK(diags[0].line == 11);
  CHECK(diags[0].help.find("approved=true") != std::string::npos);

  diags.clear();
  auto assumed = c->compile({{}, {"approved=true"}}, diags);
  REQUIRE(assumed);
  api::Decider answered(*assumed);
  REQUIRE(answered.decide(*c->instance("act", diags), day("2026-01-01"), a, diags));
  CHECK(a.by == std::vector<std::string_view>{"gate"});
}

TEST_CASE("dates", "[api]") {
  CHECK(api::Date::parse("2026-02-29") == std::nullopt);
  CHECK(api::Date::parse("2026-1-1") == std::nullopt);
  CHECK(api::Date::parse("2024-02-29")->to_string() == "2024-02-29");
  const api::Date d = *api::Date::from_ymd(2026, 1, 15);
  CHECK(d.year() == 2026);
  CHECK(d.month() == 1);
  CHECK(d.day() == 15);
  CHECK(api::Date::from_serial(d.serial()) == d);
  CHECK(api::Date::from_serial(-1) == std::nullopt);
  CHECK(*api::Date::parse("2026-01-14") < d);
  CHECK(std::string(api::version()).find('.') != std::string::npos);
}

TEST_CASE("a draft file of amendments is appended with load_file(path, with, ...)", "[api]") {
  const std::string draft = std::string(PACTA_SOURCE_DIR) + "/rules/what-if/extend-azure.yaml";
  std::vector<api::Diagnostic> diags;
  auto c = api::load_file(kRules, {draft}, diags);
  REQUIRE(c);
  CHECK(diags.empty());
  CHECK(c->amendment_count() == bundled().amendment_count() + 1);
  auto scenario = c->compile({}, diags);
  REQUIRE(scenario);
  auto instance = c->instance("host_models(azure)", diags);
  REQUIRE(instance);
  api::Decider decider(*scenario);
  api::Answer a;
  REQUIRE(decider.decide(*instance, day("2034-01-01"), a, diags));
  CHECK(a.verdict == api::Verdict::Obligatory);
  CHECK(a.by == std::vector<std::string_view>{"azure-compute"});
  // Left out again by id, it changes nothing.
  api::ScenarioOptions without;
  without.without = {"extend-azure"};
  auto plain = c->compile(without, diags);
  REQUIRE(plain);
  api::Decider plain_decider(*plain);
  REQUIRE(plain_decider.decide(*instance, day("2034-01-01"), a, diags));
  CHECK(a.verdict == api::Verdict::Permitted);

  // A rule file given as a file of amendments: one diagnostic, in that file.
  diags.clear();
  CHECK_FALSE(api::load_file(kRules, {kRules}, diags));
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].code == "E108");
  CHECK(diags[0].file == kRules);
}
