// A read-only view of a string's code units, in the three layouts of CPython's compact strings
// (PyUnicode_1BYTE_KIND, 2BYTE, 4BYTE), so that the algorithms here serve str directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cppy::unicode {

struct Units {
  const void* data = nullptr;
  int kind = 4;  // bytes per code unit: 1, 2 or 4
  size_t length = 0;

  Units() = default;
  Units(const void* d, int k, size_t n) : data(d), kind(k), length(n) {}
  Units(std::u32string_view s) : data(s.data()), kind(4), length(s.size()) {}  // NOLINT
  Units(const std::u32string& s) : data(s.data()), kind(4), length(s.size()) {}  // NOLINT

  // PyUnicode_READ
  char32_t operator[](size_t i) const {
    switch (kind) {
      case 1: return static_cast<const uint8_t*>(data)[i];
      case 2: return static_cast<const uint16_t*>(data)[i];
      default: return static_cast<const uint32_t*>(data)[i];
    }
  }
  size_t size() const { return length; }
};

}  // namespace cppy::unicode
