// The codec cores against CPython 3.14.2 (unicode_codec_cases.h, made by
// tools/unicode/make_codec_cases.py): each case runs a codec through a small error-handler loop
// written here as CPython's handlers behave, and must give the reference's value or error.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "unicode/codecs.h"
#include "unicode_codec_cases.h"

namespace u = cppy::unicode;
using cppy_test_codecs::Case;

namespace {

std::vector<uint32_t> unhex(const char* s, int width) {
  std::vector<uint32_t> out;
  size_t n = std::strlen(s);
  for (size_t i = 0; i + width <= n; i += width)
    out.push_back(static_cast<uint32_t>(std::stoul(std::string(s + i, width), nullptr, 16)));
  return out;
}

struct Result {
  bool ok = true;
  std::vector<uint32_t> value;
  u::CodecError err;
  long consumed = -1;
};

std::u32string cp1252_table() {
  std::u32string t;
  for (uint32_t c : unhex(cppy_test_codecs::kCp1252Table, 6)) t.push_back(c);
  return t;
}

u::CodecStatus decode_step(const std::string& codec, const std::string& data, ptrdiff_t* pos,
                           std::u32string* out, u::CodecError* err, bool final, bool* little) {
  const char* s = data.data();
  ptrdiff_t n = data.size();
  if (codec == "utf-8") return u::utf8_decode(s, n, pos, out, err, final);
  if (codec == "utf-7") return u::utf7_decode(s, n, pos, out, err, final);
  if (codec.rfind("utf-16", 0) == 0) return u::utf16_decode(s, n, pos, out, err, *little, final);
  if (codec.rfind("utf-32", 0) == 0) return u::utf32_decode(s, n, pos, out, err, *little, final);
  if (codec == "ascii") return u::ascii_decode(s, n, pos, out, err);
  if (codec == "latin-1") {
    u::latin1_decode(s + *pos, n - *pos, out);
    *pos = n;
    return u::CodecStatus::Ok;
  }
  if (codec == "unicode_escape") return u::unicode_escape_decode(s, n, pos, out, err, final);
  if (codec == "raw_unicode_escape") return u::raw_unicode_escape_decode(s, n, pos, out, err, final);
  static const std::u32string table = cp1252_table();
  return u::charmap_decode(s, n, pos, out, err, table);
}

// PyUnicode_Decode with the error handlers of Python/codecs.c.
Result decode(const std::string& codec, const std::string& errors, const std::string& data,
              bool final) {
  Result r;
  std::u32string out;
  ptrdiff_t pos = 0;
  bool little = codec.find("-be") == std::string::npos;
  if (codec == "utf-16" || codec == "utf-32") {
    ptrdiff_t bom;
    int bo = codec == "utf-16" ? u::utf16_detect_bom(data.data(), data.size(), &bom)
                               : u::utf32_detect_bom(data.data(), data.size(), &bom);
    little = bo != 1;
    pos = bom;
  }
  for (;;) {
    u::CodecError err;
    u::CodecStatus st = decode_step(codec, data, &pos, &out, &err, final, &little);
    if (st == u::CodecStatus::Ok) break;
    if (st == u::CodecStatus::Incomplete) {
      r.consumed = pos;
      break;
    }
    if (errors == "strict") {
      r.ok = false;
      r.err = err;
      return r;
    }
    if (errors == "replace") {
      out.push_back(0xFFFD);
    } else if (errors == "surrogateescape") {
      // PyCodec_SurrogateEscapeErrors: escape the bytes >= 128 at the start of the range and
      // resume after them; raise the original error if there is none.
      ptrdiff_t i = err.start;
      while (i < err.end && static_cast<unsigned char>(data[i]) >= 128) {
        out.push_back(0xDC00 + static_cast<unsigned char>(data[i]));
        i++;
      }
      if (i == err.start) {
        r.ok = false;
        r.err = err;
        return r;
      }
      pos = i;
      continue;
    } else if (errors == "backslashreplace") {
      for (ptrdiff_t i = err.start; i < err.end; i++) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x", (unsigned char)data[i]);
        for (char* p = buf; *p; p++) out.push_back(*p);
      }
    }
    pos = err.end;
  }
  if (final) r.consumed = -1;
  else if (r.consumed < 0) r.consumed = pos;
  r.value.assign(out.begin(), out.end());
  return r;
}

int cp1252_encode(char32_t ch, const void*) {
  static const std::u32string table = cp1252_table();
  for (size_t i = 0; i < table.size(); i++) {
    if (table[i] == ch && ch != 0xFFFE) return static_cast<int>(i);
  }
  return -1;
}

// The bytes of an ASCII replacement string in this codec (CPython encodes str replacements).
void put_replacement(const std::string& codec, const std::string& rep, std::string* out) {
  std::u32string r(rep.begin(), rep.end());
  ptrdiff_t pos = 0;
  u::CodecError err;
  if (codec.rfind("utf-16", 0) == 0) u::utf16_encode(r, &pos, out, &err, codec == "utf-16-le");
  else if (codec.rfind("utf-32", 0) == 0) u::utf32_encode(r, &pos, out, &err, codec == "utf-32-le");
  else *out += rep;
}

Result encode(const std::string& codec, const std::string& errors, const std::u32string& text) {
  Result r;
  std::string out;
  ptrdiff_t pos = 0;
  u::Units in(text);
  if (codec == "unicode_escape" || codec == "raw_unicode_escape" || codec == "utf-7") {
    out = codec == "unicode_escape"       ? u::unicode_escape_encode(in)
          : codec == "raw_unicode_escape" ? u::raw_unicode_escape_encode(in)
                                          : u::utf7_encode(in);
    r.value.assign(out.begin(), out.end());
    for (auto& v : r.value) v &= 0xFF;
    return r;
  }
  for (;;) {
    u::CodecError err;
    u::CodecStatus st;
    if (codec == "utf-8") st = u::utf8_encode(in, &pos, &out, &err);
    else if (codec.rfind("utf-16", 0) == 0) st = u::utf16_encode(in, &pos, &out, &err, codec == "utf-16-le");
    else if (codec.rfind("utf-32", 0) == 0) st = u::utf32_encode(in, &pos, &out, &err, codec == "utf-32-le");
    else if (codec == "ascii") st = u::ascii_encode(in, &pos, &out, &err);
    else if (codec == "latin-1") st = u::latin1_encode(in, &pos, &out, &err);
    else st = u::charmap_encode(in, &pos, &out, &err, cp1252_encode, nullptr);
    if (st == u::CodecStatus::Ok) break;
    auto raise = [&] {
      r.ok = false;
      r.err = err;
    };
    if (errors == "strict") return raise(), r;
    if (errors == "replace") {
      put_replacement(codec, std::string(err.end - err.start, '?'), &out);
    } else if (errors == "backslashreplace" || errors == "xmlcharrefreplace") {
      std::string rep;
      for (ptrdiff_t i = err.start; i < err.end; i++) {
        char buf[16];
        uint32_t c = text[i];
        if (errors == "xmlcharrefreplace") std::snprintf(buf, sizeof buf, "&#%u;", c);
        else if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", c);
        else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", c);
        else std::snprintf(buf, sizeof buf, "\\U%08x", c);
        rep += buf;
      }
      put_replacement(codec, rep, &out);
    } else if (errors == "surrogateescape") {
      // utf-8, latin-1, ascii and charmap... only the first three have CPython's fast path,
      // which writes the escapable prefix and reports the rest of the run.
      bool fast = codec == "utf-8" || codec == "latin-1" || codec == "ascii";
      ptrdiff_t i = err.start;
      while (i < err.end && text[i] >= 0xDC80 && text[i] <= 0xDCFF) i++;
      if (i < err.end) {
        if (fast) {
          for (ptrdiff_t k = err.start; k < i; k++) out.push_back(static_cast<char>(text[k] - 0xDC00));
          err.start = i;
        }
        return raise(), r;
      }
      for (ptrdiff_t k = err.start; k < err.end; k++) {
        std::string b(1, static_cast<char>(text[k] - 0xDC00));
        if (codec.rfind("utf-", 0) == 0 && codec != "utf-8") return raise(), r;
        out += b;
      }
    } else if (errors == "surrogatepass") {
      for (ptrdiff_t k = err.start; k < err.end; k++) {
        if (text[k] < 0xD800 || text[k] > 0xDFFF) return raise(), r;
      }
      for (ptrdiff_t k = err.start; k < err.end; k++) {
        uint32_t c = text[k];
        if (codec == "utf-8") {
          out.push_back(static_cast<char>(0xE0 | (c >> 12)));
          out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        } else {
          bool le = codec.find("-le") != std::string::npos;
          int width = codec.rfind("utf-16", 0) == 0 ? 2 : 4;
          for (int b = 0; b < width; b++) {
            int shift = le ? 8 * b : 8 * (width - 1 - b);
            out.push_back(static_cast<char>((c >> shift) & 0xFF));
          }
        }
      }
    }
    pos = err.end;
  }
  for (char c : out) r.value.push_back(static_cast<unsigned char>(c));
  return r;
}

void expect(const Case& c, const Result& r, int index, const char* kind) {
  std::string where = std::string(kind) + " #" + std::to_string(index) + " " + c.codec + " " +
                      c.errors + " input " + c.input;
  ASSERT_EQ(r.ok, c.ok) << where << (r.ok ? "" : std::string(" got ") + r.err.reason);
  if (c.ok) {
    EXPECT_EQ(r.value, unhex(c.value, std::strcmp(kind, "encode") == 0 ? 2 : 6)) << where;
    if (c.consumed >= 0) {
      EXPECT_EQ(r.consumed, c.consumed) << where;
    }
  } else {
    EXPECT_EQ(r.err.start, c.start) << where;
    EXPECT_EQ(r.err.end, c.end) << where;
    EXPECT_STREQ(r.err.reason, c.reason) << where;
  }
}

std::string bytes_of(const char* hex) {
  std::string s;
  for (uint32_t b : unhex(hex, 2)) s.push_back(static_cast<char>(b));
  return s;
}

}  // namespace

TEST(UnicodeCodecs, DecodingMatchesTheReference) {
  int index = 0;
  for (const Case& c : cppy_test_codecs::kDecode) {
    expect(c, decode(c.codec, c.errors, bytes_of(c.input), true), index++, "decode");
  }
}

TEST(UnicodeCodecs, StatefulDecodingMatchesTheReference) {
  int index = 0;
  for (const Case& c : cppy_test_codecs::kStateful) {
    expect(c, decode(c.codec, "strict", bytes_of(c.input), false), index++, "stateful");
  }
}

TEST(UnicodeCodecs, EncodingMatchesTheReference) {
  int index = 0;
  for (const Case& c : cppy_test_codecs::kEncode) {
    std::u32string text;
    for (uint32_t cp : unhex(c.input, 6)) text.push_back(cp);
    expect(c, encode(c.codec, c.errors, text), index++, "encode");
  }
}

TEST(UnicodeCodecs, FirstInvalidEscapeMatchesTheReferenceWarning) {
  for (const auto& c : cppy_test_codecs::kEscapeWarnings) {
    std::string data = bytes_of(c.input);
    std::u32string out;
    ptrdiff_t pos = 0;
    u::CodecError err;
    u::EscapeInfo info;
    u::unicode_escape_decode(data.data(), data.size(), &pos, &out, &err, true, &info);
    std::string warning;
    char buf[160];
    if (info.first_invalid_escape_char > 0xFF) {
      std::snprintf(buf, sizeof buf,
                    "\"\\%o\" is an invalid octal escape sequence. Such sequences will not work "
                    "in the future. ", info.first_invalid_escape_char);
      warning = buf;
    } else if (info.first_invalid_escape_char >= 0) {
      std::snprintf(buf, sizeof buf,
                    "\"\\%c\" is an invalid escape sequence. Such sequences will not work in the "
                    "future. ", info.first_invalid_escape_char);
      warning = buf;
    }
    // CPython warns only when decoding succeeded.
    if (std::strlen(c.warning) == 0 && err.reason != nullptr) continue;
    EXPECT_EQ(warning, c.warning) << c.input;
    if (info.first_invalid_escape_char >= 0) {
      ptrdiff_t p = info.first_invalid_escape_pos;
      EXPECT_EQ(data[p - 1], '\\') << c.input;
    }
  }
}
