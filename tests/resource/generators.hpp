#pragma once
// Generators of hostile-but-valid (or hostile-and-rejected) inputs for the
// resource test: one per class of break of issue 9, each parameterised by a
// size N so that the test can run it at 1x, 2x and 4x and compare.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace pacta::resource {

// What one run needs: files to write into a fresh directory, and the
// arguments of `pacta` (paths relative to that directory).
struct Scenario {
  std::vector<std::pair<std::string, std::string>> files;  // relative path, content
  std::vector<std::string> fifos;                          // relative paths of FIFOs
  std::vector<std::string> args;
  bool idle_stdin_pipe = false;
};

// One class of the test.
struct ResourceClass {
  const char* name;                  // for `--class NAME`
  const char* item;                  // the issue 9 item it reproduces ("t10": issue 10)
  Scenario (*make)(std::size_t n);   // the input at size N
  std::size_t base_n = 0;            // N at 1x in the release build (0: not scaled)
  std::vector<int> exit_codes;       // the acceptable exit codes
  const char* diagnostic = "";       // on exit 2, stderr contains it (always "[E")
  std::size_t max_stderr_bytes = 0;  // 0: stderr only grows at most linearly
};

// Every class, in the order of the issue.
const std::vector<ResourceClass>& resource_classes();

// Helpers the generator files share.
std::string rule_header(const std::string& contract_id);
std::string test_header(const std::string& contract_file);

// The generators, by issue item (generators_*.cpp).
Scenario enum_values(std::size_t n);              // 7
Scenario many_actions(std::size_t n);             // 7
Scenario many_facts(std::size_t n);               // 7
Scenario override_chain(std::size_t n);           // 8
Scenario duplicate_keys_flow(std::size_t n);      // 9
Scenario flow_test_file(std::size_t n);           // 10
Scenario test_big_contract(std::size_t n);        // 11
Scenario test_many_files(std::size_t n);          // 11
Scenario enum_allowed_json(std::size_t n);        // 12
Scenario enum_ask_expect(std::size_t n);          // 12
Scenario enum_ask_expect_listed(std::size_t n);   // 12
Scenario open_brackets(std::size_t n);            // 13
Scenario dense_flow_list(std::size_t n);          // memory per byte
Scenario amended_text_ask(std::size_t n);         // 15
Scenario amended_text_test(std::size_t n);        // 15
Scenario aliased_when_check(std::size_t n);       // 16
Scenario aliased_when_allowed(std::size_t n);     // 16
Scenario fifo_check(std::size_t n);               // 2
Scenario fifo_ask(std::size_t n);                 // 2
Scenario fifo_test(std::size_t n);                // 2
Scenario fifo_contract(std::size_t n);            // 2
Scenario idle_stdin(std::size_t n);               // 2
Scenario timeline_change_points(std::size_t n);   // issue 10
Scenario timeline_day_by_day(std::size_t n);      // issue 10
Scenario timeline_many_instances(std::size_t n);  // issue 10
Scenario typical_rules(std::size_t n);            // the baseline

}  // namespace pacta::resource
