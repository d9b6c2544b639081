// The reporters' answer to `ask` / `allowed` (cli/report): written one
// instance at a time, byte for byte what the whole answer built in memory
// and dumped at once gives (the output before streaming), and without
// holding the instances: each is written before the next is produced.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/report/reporter.hpp"
#include "cli/report/values.hpp"
#include "decide_fixture.hpp"

using namespace pacta;
using namespace pacta::cli;

namespace {

// Redirects stdout (the reporters' results) into a file for its lifetime.
class CapturedStdout {
 public:
  CapturedStdout() {
    std::fflush(stdout);
    saved_ = dup(1);
    const int fd = open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 1);
    close(fd);
  }
  ~CapturedStdout() {
    std::fflush(stdout);
    dup2(saved_, 1);
    close(saved_);
    std::remove(path_.c_str());
  }
  CapturedStdout(const CapturedStdout&) = delete;
  CapturedStdout& operator=(const CapturedStdout&) = delete;

  // Everything written so far.
  std::string text() const {
    std::fflush(stdout);
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }

 private:
  std::string path_ = "test_cli_report." + std::to_string(getpid()) + ".out";
  int saved_ = -1;
};

// A sample answer: every instance of `host`, with a few decisions.
std::vector<DecidedInstance> sample(const Contract& c) {
  const int host = *c.find_action("host");
  std::vector<DecidedInstance> out;
  for (int p = 0; p < 3; ++p) {
    for (int cloud = 0; cloud < 3; ++cloud) {
      DecidedInstance r{host, {p, cloud}, {}};
      r.decision.verdict = p == 0 ? Verdict::Forbidden : Verdict::Permitted;
      r.decision.is_default = p == 2;
      if (p == 0) r.decision.by = {0};
      if (p == 0 && cloud == 1) r.decision.overridden = {1};
      if (p == 1) r.decision.by = {1};
      out.push_back(r);
    }
  }
  return out;
}

// The JSON answer as it was built before streaming: the whole document in
// memory, dumped once.
std::string collected_json(const Contract& c, const std::vector<std::pair<int, Value>>& assumed,
                           const std::vector<DecidedInstance>& results) {
  Json j;
  j["contract"] = c.id;
  j["on"] = "2025-01-01";
  j["as_agreed_on"] = nullptr;
  Json assume = Json::object();
  for (const auto& [fact, value] : assumed) {
    assume[c.facts[fact].name] = value_json(c, c.facts[fact].type, value);
  }
  j["assume"] = assume;
  j["without"] = Json::array();
  j["with"] = Json::array();
  Json list = Json::array();
  for (const auto& r : results) {
    const ActionDecl& a = c.actions[r.action];
    Json args = Json::object();
    for (std::size_t i = 0; i < a.params.size(); ++i) {
      args[a.params[i].name] = c.domains[a.params[i].type.domain].values[r.args[i]];
    }
    Json by = Json::array(), overridden = Json::array();
    for (auto& id : c.clauses.ids(r.decision.by)) by.push_back(id);
    for (auto& id : c.clauses.ids(r.decision.overridden)) overridden.push_back(id);
    list.push_back(Json{{"action", a.name},
                        {"args", args},
                        {"verdict", verdict_name(r.decision.verdict)},
                        {"default", r.decision.is_default},
                        {"by", by},
                        {"overridden", overridden}});
  }
  j["results"] = list;
  return j.dump(2) + "\n";
}

// Produces `count` instances of `host` one at a time into one reused
// object; before producing each, calls `check(k)`.
class Generated final : public DecidedInstances {
 public:
  Generated(int action, int count, std::function<void(int)> check)
      : action_(action), count_(count), check_(std::move(check)) {}
  void for_each(const std::function<void(const DecidedInstance&)>& f) const override {
    DecidedInstance r{action_, {0, 0}, {}};
    r.decision.is_default = true;
    for (int k = 0; k < count_; ++k) {
      check_(k);
      r.args = {k / 3, k % 3};
      f(r);
    }
  }

 private:
  int action_, count_;
  std::function<void(int)> check_;
};

const char* const kClauses = R"(clauses:
  - id: no-acme
    forbid: host(provider=acme)
  - id: globex
    permit: host(provider=globex)
    overrides: [no-acme]
)";

}  // namespace

TEST_CASE("json answer: streamed equals the whole document dumped at once", "[report]") {
  auto l = decide_fixture::contract(kClauses);
  const Contract& c = l->contract();
  const std::vector<std::pair<int, Value>> assumed;
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{9}}) {
    INFO(n << " results");
    std::vector<DecidedInstance> results = sample(c);
    results.resize(n);
    const DecidedList list(results);
    const Answer answer{c, *Date::parse("2025-01-01"), std::nullopt, assumed, list, n};
    std::string written;
    {
      CapturedStdout out;
      make_json_reporter()->answer(answer);
      written = out.text();
    }
    CHECK(written == collected_json(c, assumed, results));
  }
}

TEST_CASE("answers are written one instance at a time", "[report]") {
  auto l = decide_fixture::contract(kClauses);
  const Contract& c = l->contract();
  const int host = *c.find_action("host");
  const std::vector<std::pair<int, Value>> assumed;
  for (bool json : {true, false}) {
    INFO((json ? "json" : "text"));
    CapturedStdout out;
    auto reporter = json ? make_json_reporter() : make_text_reporter(false);
    int walks = 0;
    const int writing_walk = json ? 1 : 2;  // text measures its columns first
    // When instance k is about to be produced in the writing walk, the k
    // before it are already in the output: nothing waits to be written.
    const std::string item = json ? "\"action\"" : "host(";
    auto written = [&] {
      const std::string text = out.text();
      std::size_t n = 0;
      for (auto at = text.find(item); at != std::string::npos; at = text.find(item, at + 1)) ++n;
      return n;
    };
    const Generated results(host, 9, [&](int k) {
      if (k == 0) ++walks;
      CHECK(written() == static_cast<std::size_t>(walks == writing_walk ? k : 0));
    });
    reporter->answer(Answer{c, *Date::parse("2025-01-01"), std::nullopt, assumed, results, 9});
    CHECK(walks == writing_walk);
    CHECK(written() == 9);
  }
}
