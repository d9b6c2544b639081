#pragma once
// Finding input files from command-line paths: the one directory scan of
// pacta, used for rule files (`check DIR`) and test files (`test DIR`).
// Guarantees: every file under a directory is looked at or an error says
// why not (each folder that cannot be read is an E101 diagnostic, never a
// silently shorter list, so a test run cannot pass by skipping tests; the
// other folders are still searched); the result is sorted by path, whatever
// order the file system lists entries in; one folder is open at a time and
// depth costs no recursion.
#include <functional>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"

namespace pacta {

struct FileSearch {
  // Whether a file name (the last part of the path) is one to look for.
  std::function<bool(const std::string& name)> name_matches;
  // Optional: whether a file found by name is kept (e.g. a rule file by its
  // first key); called in path order.
  std::function<bool(const std::string& path)> keep;
  // E101 for a directory without any: "no rule files in 'DIR'", "{}" the path.
  std::string none_found;
  std::string none_found_help;
};

// A search for files whose name ends with `suffix` (".test.yaml") and is
// more than the suffix; the E101 help says what they are named like
// ("test files are named like contract.test.yaml").
FileSearch named_like(const std::string& suffix, const std::string& help);

// The files `paths` name: a path that is not a directory is kept as given
// (its loader reports whatever is wrong with it, missing or unreadable);
// a directory is searched recursively (symbolic links to directories are
// not followed; an entry whose name matches is kept whatever its type, so
// that its loader says what is wrong with it).
std::vector<std::string> find_files(const std::vector<std::string>& paths, const FileSearch& search,
                                    Diagnostics& diags);

// The scan of one directory: the paths under it whose name matches,
// sorted, then filtered by `search.keep`; each folder that cannot be read
// (the directory itself included) is an E101 diagnostic naming it.
std::vector<std::string> files_under(const std::string& dir, const FileSearch& search,
                                     Diagnostics& diags);

}  // namespace pacta
