#pragma once
// Assertions shared by the checker's unit tests (tests/unit/test_check_*.cpp):
// a rule file loads cleanly, or has this error at this line:column with this
// message, or this help. On failure every diagnostic is printed.
#include <catch2/catch.hpp>

#include "contract_fixture.hpp"

// The file loads with exactly one error, and it is this one.
#define CHECK_ONLY_ERROR(loaded, code, line, column, message)      \
  do {                                                             \
    INFO("diagnostics:\n" << (loaded)->report());                  \
    CHECK_FALSE((loaded)->ok());                                   \
    CHECK((loaded)->diags.error_count() == 1);                     \
    CHECK(has_diag((loaded)->diags, code, line, column, message)); \
  } while (0)

// The file has (at least) this error.
#define CHECK_ERROR(loaded, code, line, column, message)           \
  do {                                                             \
    INFO("diagnostics:\n" << (loaded)->report());                  \
    CHECK_FALSE((loaded)->ok());                                   \
    CHECK(has_diag((loaded)->diags, code, line, column, message)); \
  } while (0)

#define CHECK_HELP(loaded, code, help)            \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK(has_help((loaded)->diags, code, help)); \
  } while (0)

#define CHECK_LOADS(loaded)                       \
  do {                                            \
    INFO("diagnostics:\n" << (loaded)->report()); \
    CHECK((loaded)->ok());                        \
    CHECK((loaded)->diags.all().empty());         \
  } while (0)
