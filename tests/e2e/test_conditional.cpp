// Conditional answers of the built binary (SPEC §7.3) against asking once
// per value: for every case of `allowed --format json` and `timeline
// --format json` with facts unknown, the same question with values inside
// the case's `given` assumed (each value of a list, each end of an
// interval that includes it, a number between its ends) answers exactly
// what the case says, without cases.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/run_process.hpp"

using pacta::testing::run_process;
using Json = nlohmann::ordered_json;

namespace {

const std::string kRoot = PACTA_SOURCE_DIR;
const std::string kBinary = PACTA_BINARY;

Json run_json(const std::vector<std::string>& args) {
  const auto r = run_process(kBinary, args, kRoot);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return Json::parse(r.out);
}

std::string number_text(double v) {
  if (v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  return std::to_string(v);
}

double number_of(const Json& j) {
  return j.is_number() ? j.get<double>() : std::stod(j.get<std::string>());
}

// Values inside what a case gives of one fact, as --assume texts.
std::vector<std::string> values_in(const std::string& fact, const Json& given) {
  std::vector<std::string> out;
  if (given.is_boolean()) {
    out.push_back(fact + "=" + (given.get<bool>() ? "true" : "false"));
  } else if (given.is_string()) {
    out.push_back(fact + "=" + given.get<std::string>());
  } else if (given.is_array()) {
    for (const auto& v : given) out.push_back(fact + "=" + v.get<std::string>());
  } else {
    const bool has_min = given.contains("min"), has_max = given.contains("max");
    const double lo = has_min ? number_of(given["min"]) : 0,
                 hi = has_max ? number_of(given["max"]) : 0;
    if (has_min && given["min_inclusive"].get<bool>()) out.push_back(fact + "=" + number_text(lo));
    if (has_max && given["max_inclusive"].get<bool>()) out.push_back(fact + "=" + number_text(hi));
    if (has_min && has_max && lo != hi) out.push_back(fact + "=" + number_text((lo + hi) / 2));
    if (has_min && !has_max) out.push_back(fact + "=" + number_text(lo + 1000));
    if (!has_min && has_max) out.push_back(fact + "=" + number_text(hi - 1000));
  }
  return out;
}

// Every combination of values inside `given`, one --assume list each.
std::vector<std::vector<std::string>> assumptions_in(const Json& given) {
  std::vector<std::vector<std::string>> out{{}};
  for (const auto& [fact, value] : given.items()) {
    std::vector<std::vector<std::string>> next;
    for (const auto& partial : out) {
      for (const std::string& v : values_in(fact, value)) {
        auto more = partial;
        more.push_back(v);
        next.push_back(std::move(more));
      }
    }
    out = std::move(next);
  }
  return out;
}

std::string instance_of(const Json& result) {
  std::string text = result["action"].get<std::string>();
  if (result["args"].empty()) return text;
  text += "(";
  bool first = true;
  for (const auto& [param, value] : result["args"].items()) {
    text +=
        (first ? "" : ", ") + param + "=" +
        (value.is_boolean() ? (value.get<bool>() ? "true" : "false") : value.get<std::string>());
    first = false;
  }
  return text + ")";
}

struct Question {
  std::string file, on;
  std::vector<std::string> unknown;  // --unknown facts
};

std::vector<std::string> with_assumptions(std::vector<std::string> args,
                                          const std::vector<std::string>& assume) {
  for (const auto& a : assume) {
    args.push_back("--assume");
    args.push_back(a);
  }
  return args;
}

}  // namespace

TEST_CASE("allowed in cases equals ask once per value, through the binary") {
  int checked = 0;
  for (const Question& q :
       {Question{"tests/e2e/conditional/deal.yaml", "2025-01-01", {"audited"}},
        Question{"rules/microsoft-openai.yaml", "2024-06-01", {"agi_declared"}}}) {
    std::vector<std::string> args{"allowed", q.file, "--on", q.on, "--format", "json"};
    for (const auto& u : q.unknown) args.insert(args.end(), {"--unknown", u});
    const Json answer = run_json(args);
    REQUIRE(answer.contains("unknown"));
    for (const Json& result : answer["results"]) {
      if (!result.contains("cases")) continue;
      REQUIRE(result["cases"].size() >= 2);
      for (const Json& k : result["cases"]) {
        for (const auto& assume : assumptions_in(k["given"])) {
          INFO(q.file << " " << instance_of(result) << " " << k.dump());
          const Json plain = run_json(with_assumptions(
              {"ask", q.file, instance_of(result), "--on", q.on, "--format", "json"}, assume));
          REQUIRE(plain["results"].size() == 1);
          const Json& got = plain["results"][0];
          CHECK_FALSE(got.contains("cases"));
          for (const char* key : {"verdict", "default", "by", "overridden"}) {
            CHECK(got[key] == k[key]);
          }
          ++checked;
        }
      }
    }
  }
  CHECK(checked >= 15);
}

TEST_CASE("timeline in cases equals the timeline once per value, through the binary") {
  int checked = 0;
  for (const Question& q : {Question{"tests/e2e/conditional/deal.yaml", "", {"audited"}},
                            Question{"rules/microsoft-openai.yaml", "", {"agi_declared"}}}) {
    std::vector<std::string> args{"timeline", q.file, "--format", "json"};
    for (const auto& u : q.unknown) args.insert(args.end(), {"--unknown", u});
    const Json answer = run_json(args);
    REQUIRE(answer.contains("unknown"));
    for (const Json& t : answer["timelines"]) {
      if (!t.contains("cases")) continue;
      for (const Json& k : t["cases"]) {
        for (const auto& assume : assumptions_in(k["given"])) {
          INFO(q.file << " " << instance_of(t) << " " << k["given"].dump());
          const Json plain = run_json(
              with_assumptions({"timeline", q.file, instance_of(t), "--format", "json"}, assume));
          REQUIRE(plain["timelines"].size() == 1);
          CHECK_FALSE(plain["timelines"][0].contains("cases"));
          CHECK(plain["timelines"][0]["runs"] == k["runs"]);
          ++checked;
        }
      }
    }
  }
  CHECK(checked >= 15);
}

TEST_CASE("diff in cases equals the diff once per value, through the binary") {
  int checked = 0;
  const std::string two = "tests/e2e/cases/conditional-diff-two-files/";
  for (const std::vector<std::string>& question :
       {std::vector<std::string>{"diff", "rules/microsoft-openai.yaml", "--base-as-agreed-on",
                                 "2025-10-27", "--unknown", "agi_declared"},
        std::vector<std::string>{"diff", two + "base.yaml", two + "other.yaml"}}) {
    std::vector<std::string> args = question;
    args.insert(args.end(), {"--format", "json"});
    const Json answer = run_json(args);
    REQUIRE(answer.contains("unknown"));
    for (const Json& change : answer["changes"]) {
      if (!change.contains("cases")) continue;
      for (const Json& k : change["cases"]) {
        for (const auto& assume : assumptions_in(k["given"])) {
          INFO(instance_of(change) << " " << k["given"].dump());
          // Drop --unknown: the values are assumed on both sides.
          std::vector<std::string> plain_args;
          for (std::size_t i = 0; i < question.size(); ++i) {
            if (question[i] == "--unknown") {
              ++i;
              continue;
            }
            plain_args.push_back(question[i]);
          }
          plain_args.insert(plain_args.end(),
                            {"--action", instance_of(change), "--format", "json"});
          for (const auto& a : assume) {
            plain_args.insert(plain_args.end(), {"--assume", a, "--base-assume", a});
          }
          const Json plain = run_json(plain_args);
          REQUIRE(plain["changes"].size() == 1);
          CHECK_FALSE(plain["changes"][0].contains("cases"));
          CHECK(plain["changes"][0]["runs"] == k["runs"]);
          ++checked;
        }
      }
    }
  }
  CHECK(checked >= 4);
}
