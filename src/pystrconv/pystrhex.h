// Python/pystrhex.c: bytes to lowercase hex, optionally grouped by a separator
// (bytes.hex(sep, bytes_per_sep)).
#pragma once

#include <cstddef>
#include <string>

namespace cppy::pystrconv {

// _Py_strhex_with_sep: sep == 0 means no separator. bytes_per_sep > 0 groups from the right
// (the first group may be short), < 0 groups from the left; 0 means no grouping.
std::string strhex(const unsigned char* data, std::size_t n, char sep = 0, int bytes_per_sep = 1);

}  // namespace cppy::pystrconv
