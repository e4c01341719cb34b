// Python/pystrhex.c: bytes to lowercase hex, optionally grouped by a separator
// (bytes.hex(sep, bytes_per_sep)).
#pragma once

#include <cstddef>
#include <string>

namespace cppy::pystrconv {

// _Py_strhex_with_sep: bytes_per_sep > 0 groups from the right (the first group may be short),
// < 0 groups from the left; 0 means no separator (any sep char, NUL included, is used when
// bytes_per_sep is not 0).
std::string strhex(const unsigned char* data, std::size_t n, char sep = 0, int bytes_per_sep = 0);

}  // namespace cppy::pystrconv
