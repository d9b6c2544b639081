// The classes of the resource test, one per break of issue 9, with the size
// N of each at 1x (the test also runs 2x and 4x; 4x is near the limits: 8 to
// 16 MiB where the file is what grows, 1,000,000 instances = max_instances
// where the enumeration is, 4 KiB x 4,000 aliases = the alias limit) and the
// exit codes a correct pacta gives. A rejected input is exit 2 with its code.
#include "tests/resource/generators.hpp"

namespace pacta::resource {

const std::vector<ResourceClass>& resource_classes() {
  // clang-format off
  static const std::vector<ResourceClass> classes = {
    // The baseline: a linear load, whose peak memory per input byte is the
    // figure of docs/limits.md.
    {.name = "typical-rules", .item = "-", .make = typical_rules, .base_n = 12500, .exit_codes = {0}},
    {.name = "enum-values", .item = "7", .make = enum_values, .base_n = 250000, .exit_codes = {0}},
    {.name = "many-actions", .item = "7", .make = many_actions, .base_n = 25000, .exit_codes = {0}},
    {.name = "many-facts", .item = "7", .make = many_facts, .base_n = 50000, .exit_codes = {0}},
    {.name = "override-chain", .item = "8", .make = override_chain, .base_n = 20000,
     .exit_codes = {2}, .diagnostic = "[E503]"},
    {.name = "duplicate-keys-flow", .item = "9", .make = duplicate_keys_flow, .base_n = 100000,
     .exit_codes = {2}, .diagnostic = "[E105]"},
    {.name = "flow-test-file", .item = "10", .make = flow_test_file, .base_n = 20000, .exit_codes = {0}},
    {.name = "test-big-contract", .item = "11", .make = test_big_contract, .base_n = 10000,
     .exit_codes = {0}},
    {.name = "test-many-files", .item = "11", .make = test_many_files, .base_n = 10000,
     .exit_codes = {0}},
    // Up to max_instances, streamed: memory stays flat while output grows.
    {.name = "enum-allowed-json", .item = "12", .make = enum_allowed_json, .base_n = 250000,
     .exit_codes = {0}},
    // 32 clauses on up to a million instances: in the release build every
    // size passes the bound on deciding steps and is refused before deciding
    // (E606, with advice: the E606 goldens pin the message); at the reduced
    // sizes of a Debug or ASan build the 1x run is within it and decided
    // (exit 1). Either way stderr stays small.
    {.name = "enum-ask-expect", .item = "12", .make = enum_ask_expect, .base_n = 250000,
     .exit_codes = {1, 2}, .max_stderr_bytes = 1 << 20},
    // Within the bound, decided: the instances that differ are listed on
    // stderr, and that line is capped (it was one line of 60 MB), not only
    // linear.
    {.name = "enum-ask-expect-listed", .item = "12", .make = enum_ask_expect_listed,
     .base_n = 125000, .exit_codes = {1}, .max_stderr_bytes = 1 << 20},
    {.name = "open-brackets", .item = "13", .make = open_brackets, .base_n = 4 << 20,
     .exit_codes = {2}, .diagnostic = "[E106]"},
    // 4 to 16 MiB: within max_yaml_nodes at 1x (2M nodes; duplicate parties,
    // exit 2), past it at 2x and 4x (E106 at the first node past it).
    {.name = "dense-flow-list", .item = "-", .make = dense_flow_list, .base_n = 4 << 20,
     .exit_codes = {2}},
    {.name = "amended-text-ask", .item = "15", .make = amended_text_ask, .base_n = 1024,
     .exit_codes = {0}},
    {.name = "amended-text-test", .item = "15", .make = amended_text_test, .base_n = 1024,
     .exit_codes = {0}},
    {.name = "aliased-when-check", .item = "16", .make = aliased_when_check, .base_n = 1000,
     .exit_codes = {0}},
    {.name = "aliased-when-allowed", .item = "16", .make = aliased_when_allowed, .base_n = 1000,
     .exit_codes = {0}},
    // Issue 10: timelines. Change points are found per version and only the
    // versions that change at one are looked at again; a comparison walked
    // day by day costs its days; many instances are held as their runs.
    {.name = "timeline-change-points", .item = "t10", .make = timeline_change_points,
     .base_n = 5000, .exit_codes = {0}},
    {.name = "timeline-day-by-day", .item = "t10", .make = timeline_day_by_day, .base_n = 500,
     .exit_codes = {0}},
    {.name = "timeline-many-instances", .item = "t10", .make = timeline_many_instances,
     .base_n = 50000, .exit_codes = {0}},
    // Not scaled (base_n 0): each must end at once (exit 2), not wait until killed.
    {.name = "fifo-check", .item = "2", .make = fifo_check, .exit_codes = {2},
     .diagnostic = "[E101]"},
    {.name = "fifo-ask", .item = "2", .make = fifo_ask, .exit_codes = {2},
     .diagnostic = "[E101]"},
    {.name = "fifo-test", .item = "2", .make = fifo_test, .exit_codes = {2},
     .diagnostic = "[E101]"},
    {.name = "fifo-contract", .item = "2", .make = fifo_contract, .exit_codes = {2},
     .diagnostic = "[E701]"},
    {.name = "idle-stdin", .item = "2", .make = idle_stdin, .exit_codes = {2},
     .diagnostic = "[E101]"},
  };
  // clang-format on
  return classes;
}

}  // namespace pacta::resource
