// The version string, generated at build time from `git describe`
// (cmake/version.cmake): only this file is compiled again when it changes.
#include "pacta/pacta.hpp"
#include "pacta_version.hpp"

namespace pacta::api {

const char* version() { return PACTA_GIT_VERSION; }

}  // namespace pacta::api
