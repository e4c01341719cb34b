// Python/pystrhex.c.
#include "pystrconv/pystrhex.h"

namespace cppy::pystrconv {

std::string strhex(const unsigned char* data, std::size_t n, char sep, int bytes_per_sep) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  if (bytes_per_sep == 0 || n == 0) {
    out.resize(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
      out[2 * i] = kHex[data[i] >> 4];
      out[2 * i + 1] = kHex[data[i] & 0xf];
    }
    return out;
  }
  std::size_t group = static_cast<std::size_t>(bytes_per_sep < 0 ? -(long long)bytes_per_sep
                                                                   : bytes_per_sep);
  out.reserve(n * 3);
  for (std::size_t i = 0; i < n; ++i) {
    // Separator positions are counted from the end for positive bytes_per_sep.
    if (i > 0) {
      std::size_t pos = bytes_per_sep > 0 ? n - i : i;
      if (pos % group == 0) out += sep;
    }
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 0xf];
  }
  return out;
}

}  // namespace cppy::pystrconv
