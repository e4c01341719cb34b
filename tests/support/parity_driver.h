// What the reference-comparison tools of tests/ share: reading the committed TSV corpora
// (tests/data/...), and the stdlib parity loop (every file listed in a TSV, its text digested
// and compared with the reference's digest, "M/N identical", failing below the committed figure).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace cppy::tests {

// The whole file, binary; false when it cannot be read.
bool read_file(const std::string& path, std::string* out);

// The fields of a TSV line.
std::vector<std::string> split_tabs(const std::string& line);

// The escapes the corpus generators write in a TSV field: \n, \t, \r, and \x for any other x.
std::string unescape_field(const std::string& s);

// The text of one file: what the reference digested, or "error:..." when the stage rejects it
// (*is_error set).
using ParityText = std::function<std::string(const std::string& source, const std::string& rel,
                                             bool* is_error)>;

// A parity tool's command line: TOOL LIBDIR TSV MIN_IDENTICAL [--show N] [--dump FILE] [--ok].
// digest_column is the TSV column of the reference's SHA-256 (or "error:Type"). An expected
// "error:..." matches when the stage fails with a text starting with it, if errors_can_match.
int run_stdlib_parity(int argc, char** argv, const char* usage, int digest_column,
                      bool errors_can_match, const ParityText& text_of);

}  // namespace cppy::tests
