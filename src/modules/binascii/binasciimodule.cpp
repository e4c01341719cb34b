// The binascii module: Modules/binascii.c of CPython 3.14, with _Py_strhex_bytes_with_sep of
// Python/pystrhex.c for hexlify's separators. crc32 is zlib's, as CPython links it.
#include "modules/binascii/binasciimodule.h"

#include <zlib.h>

#include <cstring>
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/longobject_digits.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "pystrconv/pystrhex.h"

namespace cppy::modules::binascii {

// The value of a non-negative int that fits in 64 bits (callers check the sign and size).
inline std::uint64_t int_to_u64(objects::Object* o) {
  unsigned char b[8] = {};
  objects::bigint::to_bytes(objects::long_view(o), b, 8, true, false);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

using namespace objects;

namespace {

TypeObject* binascii_error = nullptr;       // binascii.Error (a ValueError)
TypeObject* binascii_incomplete = nullptr;  // binascii.Incomplete

Object* error(const char* message) {
  errors::set_string(binascii_error, message);
  return nullptr;
}

// Py_buffer arguments: bytes for now (the buffer protocol of bytearray and memoryview later).
bool get_buffer(Object* o, std::string* out) {
  if (bytes_check(o)) {
    out->assign(bytes_as_string(o), static_cast<size_t>(bytes_size(o)));
    return true;
  }
  errors::format(exc_TypeError, "a bytes-like object is required, not '%.100s'",
                 type_short_name(o->type));
  return false;
}

// ascii_buffer_converter: an ASCII str or a bytes-like object.
bool get_ascii_buffer(Object* o, std::string* out) {
  if (str_check(o)) {
    ssize n = 0;
    const char* p = str_as_utf8(o, &n);
    if (!p) return false;
    for (ssize i = 0; i < n; ++i) {
      if (static_cast<unsigned char>(p[i]) >= 0x80) {
        errors::set_string(exc_ValueError,
                           "string argument should contain only ASCII characters");
        return false;
      }
    }
    out->assign(p, static_cast<size_t>(n));
    return true;
  }
  if (bytes_check(o)) return get_buffer(o, out);
  errors::format(exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%.100s'",
                 type_short_name(o->type));
  return false;
}

Object* to_bytes(const std::string& s) {
  return bytes_from_string_and_size(s.data(), static_cast<ssize>(s.size()));
}

// Clinic's int conversion of flags (quotetabs, istext, header, newline...).
bool as_flag(Object* o, int* out) {
  if (float_check(o)) {
    errors::set_string(exc_TypeError, "'float' object cannot be interpreted as an integer");
    return false;
  }
  *out = long_as_int(o);
  return !(*out == -1 && errors::occurred());
}

// unsigned_int(bitwise=True): any int, reduced modulo 2**32.
bool as_uint_bitwise(Object* o, unsigned int* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  Ref<> mask = Ref<>::steal(long_from_unsigned_long_long(0xffffffffULL));
  Ref<> low = Ref<>::steal(number_and(i.get(), mask.get()));
  if (!low) return false;
  *out = static_cast<unsigned int>(int_to_u64(low.get()));
  return true;
}

// Parses (positional..., keywords) with Argument Clinic's messages.
bool parse(const char* fname, const char* const* kw, int minpos, int maxpos, Object* const* args,
           ssize nargs, Object* kwnames, Object** out) {
  ArgParser parser = {fname, kw, minpos, maxpos, 0};
  return unpack_keywords(args, nargs, nullptr, kwnames, parser, out);
}

// ---- uu --------------------------------------------------------------------------------------

// binascii_a2b_uu_impl.
Object* a2b_uu(Object*, Object* arg) {
  std::string data;
  if (!get_ascii_buffer(arg, &data)) return nullptr;
  const unsigned char* ascii_data = reinterpret_cast<const unsigned char*>(data.c_str());
  ssize ascii_len = static_cast<ssize>(data.size());
  // The first byte is the length of the binary data (the buffer's NUL when empty).
  ssize bin_len = (*ascii_data++ - ' ') & 077;
  ascii_len--;
  std::string out;
  unsigned int leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0; ascii_len--, ascii_data++) {
    unsigned char this_ch = ascii_len > 0 ? *ascii_data : 0;
    if (this_ch == '\n' || this_ch == '\r' || ascii_len <= 0) {
      this_ch = 0;  // assume spaces were eaten at the end of the line
    } else {
      // 64 rather than 63: some encoders use '`' for zero.
      if (this_ch < ' ' || this_ch > (' ' + 64)) return error("Illegal char");
      this_ch = (this_ch - ' ') & 077;
    }
    leftchar = (leftchar << 6) | this_ch;
    leftbits += 6;
    if (leftbits >= 8) {
      leftbits -= 8;
      out.push_back(static_cast<char>((leftchar >> leftbits) & 0xff));
      leftchar &= (1u << leftbits) - 1;
      bin_len--;
    }
  }
  // What is left on the line must be whitespace (or '`' padding).
  while (ascii_len-- > 0) {
    unsigned char this_ch = *ascii_data++;
    if (this_ch != ' ' && this_ch != ' ' + 64 && this_ch != '\n' && this_ch != '\r') {
      return error("Trailing garbage");
    }
  }
  return to_bytes(out);
}

// binascii_b2a_uu_impl.
Object* b2a_uu(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "backtick", nullptr};
  Object* a[2] = {};
  if (!parse("b2a_uu", kw, 1, 1, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_buffer(a[0], &data)) return nullptr;
  int backtick = 0;
  if (a[1] && (backtick = object_is_true(a[1])) < 0) return nullptr;
  ssize bin_len = static_cast<ssize>(data.size());
  if (bin_len > 45) return error("At most 45 bytes at once");
  const unsigned char* bin_data = reinterpret_cast<const unsigned char*>(data.data());
  std::string out;
  if (backtick && !bin_len) {
    out.push_back('`');
  } else {
    out.push_back(static_cast<char>(' ' + bin_len));
  }
  unsigned int leftchar = 0;
  int leftbits = 0;
  for (; bin_len > 0 || leftbits != 0; bin_len--, bin_data++) {
    if (bin_len > 0) {
      leftchar = (leftchar << 8) | *bin_data;
    } else {
      leftchar <<= 8;  // padding
    }
    leftbits += 8;
    while (leftbits >= 6) {
      unsigned char this_ch = (leftchar >> (leftbits - 6)) & 0x3f;
      leftbits -= 6;
      out.push_back(backtick && !this_ch ? '`' : static_cast<char>(this_ch + ' '));
    }
  }
  out.push_back('\n');
  return to_bytes(out);
}

// ---- base64 ----------------------------------------------------------------------------------

int b64_value(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return 64;
}

// binascii_a2b_base64_impl.
Object* a2b_base64(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "strict_mode", nullptr};
  Object* a[2] = {};
  if (!parse("a2b_base64", kw, 1, 1, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_ascii_buffer(a[0], &data)) return nullptr;
  int strict_mode = 0;
  if (a[1] && (strict_mode = object_is_true(a[1])) < 0) return nullptr;
  const unsigned char* ascii_data = reinterpret_cast<const unsigned char*>(data.data());
  ssize ascii_len = static_cast<ssize>(data.size());
  if (strict_mode && ascii_len > 0 && ascii_data[0] == '=') {
    return error("Leading padding not allowed");
  }
  std::string out;
  bool padding_started = false;
  int quad_pos = 0;
  unsigned char leftchar = 0;
  int pads = 0;
  for (ssize i = 0; i < ascii_len; ++i) {
    unsigned char this_ch = ascii_data[i];
    if (this_ch == '=') {
      padding_started = true;
      if (strict_mode && quad_pos == 0) return error("Excess padding not allowed");
      if (quad_pos >= 2 && quad_pos + ++pads >= 4) {
        // A complete pad sequence ends the data.
        if (strict_mode && i + 1 < ascii_len) return error("Excess data after padding");
        return to_bytes(out);
      }
      continue;
    }
    int v = b64_value(this_ch);
    if (v >= 64) {
      if (strict_mode) return error("Only base64 data is allowed");
      continue;
    }
    if (strict_mode && padding_started) return error("Discontinuous padding not allowed");
    pads = 0;
    switch (quad_pos) {
      case 0:
        quad_pos = 1;
        leftchar = static_cast<unsigned char>(v);
        break;
      case 1:
        quad_pos = 2;
        out.push_back(static_cast<char>((leftchar << 2) | (v >> 4)));
        leftchar = v & 0x0f;
        break;
      case 2:
        quad_pos = 3;
        out.push_back(static_cast<char>((leftchar << 4) | (v >> 2)));
        leftchar = v & 0x03;
        break;
      default:
        quad_pos = 0;
        out.push_back(static_cast<char>((leftchar << 6) | v));
        leftchar = 0;
        break;
    }
  }
  if (quad_pos != 0) {
    if (quad_pos == 1) {
      // One data character past a multiple of 4: no encoder writes that.
      return errors::format(binascii_error,
                            "Invalid base64-encoded string: number of data characters (%zd) "
                            "cannot be 1 more than a multiple of 4",
                            static_cast<ssize>(out.size()) / 3 * 4 + 1);
    }
    return error("Incorrect padding");
  }
  return to_bytes(out);
}

// binascii_b2a_base64_impl.
Object* b2a_base64(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "newline", nullptr};
  Object* a[2] = {};
  if (!parse("b2a_base64", kw, 1, 1, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_buffer(a[0], &data)) return nullptr;
  int newline = 1;
  if (a[1] && (newline = object_is_true(a[1])) < 0) return nullptr;
  static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve(data.size() / 3 * 4 + 5);
  unsigned int leftchar = 0;
  int leftbits = 0;
  for (unsigned char c : data) {
    leftchar = (leftchar << 8) | c;
    leftbits += 8;
    while (leftbits >= 6) {
      out.push_back(table[(leftchar >> (leftbits - 6)) & 0x3f]);
      leftbits -= 6;
    }
    leftchar &= (1u << leftbits) - 1;
  }
  if (leftbits == 2) {
    out.push_back(table[(leftchar & 3) << 4]);
    out += "==";
  } else if (leftbits == 4) {
    out.push_back(table[(leftchar & 0xf) << 2]);
    out.push_back('=');
  }
  if (newline) out.push_back('\n');
  return to_bytes(out);
}

// ---- crc -------------------------------------------------------------------------------------

// The CRC-CCITT table (polynomial 0x1021) of crc_hqx, built once.
const unsigned short* crctab_hqx() {
  static unsigned short table[256];
  static bool done = [] {
    for (unsigned i = 0; i < 256; ++i) {
      unsigned crc = i << 8;
      for (int k = 0; k < 8; ++k) crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) : (crc << 1);
      table[i] = static_cast<unsigned short>(crc & 0xffff);
    }
    return true;
  }();
  (void)done;
  return table;
}

// binascii_crc_hqx_impl.
Object* crc_hqx(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("crc_hqx", nargs, 2, 2)) return nullptr;
  std::string data;
  if (!get_buffer(args[0], &data)) return nullptr;
  unsigned int crc;
  if (!as_uint_bitwise(args[1], &crc)) return nullptr;
  crc &= 0xffff;
  const unsigned short* tab = crctab_hqx();
  for (unsigned char c : data) crc = ((crc << 8) & 0xff00) ^ tab[(crc >> 8) ^ c];
  return long_from_unsigned_long_long(crc);
}

// binascii_crc32_impl: zlib's crc32, fed in chunks that fit its uInt length.
Object* crc32(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("crc32", nargs, 1, 2)) return nullptr;
  std::string data;
  if (!get_buffer(args[0], &data)) return nullptr;
  unsigned int crc = 0;
  if (nargs > 1 && !as_uint_bitwise(args[1], &crc)) return nullptr;
  uLong value = crc;
  const Bytef* p = reinterpret_cast<const Bytef*>(data.data());
  size_t len = data.size();
  while (len > 0) {
    uInt chunk = len > 0x40000000u ? 0x40000000u : static_cast<uInt>(len);
    value = ::crc32(value, p, chunk);
    p += chunk;
    len -= chunk;
  }
  return long_from_unsigned_long_long(value & 0xffffffffU);
}

// ---- hex -------------------------------------------------------------------------------------

// _Py_strhex_bytes_with_sep: the separator's checks, then pystrconv::strhex.
Object* strhex_bytes(const std::string& arg, Object* sep, Object* bytes_per_sep_obj) {
  int bytes_per_sep = 1;
  if (bytes_per_sep_obj && !as_flag(bytes_per_sep_obj, &bytes_per_sep)) return nullptr;
  char sep_char = 0;
  if (sep) {
    ssize seplen = object_length(sep);
    if (seplen < 0) return nullptr;
    if (seplen != 1) {
      errors::set_string(exc_ValueError, "sep must be length 1.");
      return nullptr;
    }
    if (str_check(sep)) {
      UCS4 c = str_read_char(sep, 0);
      if (c > 255) {
        errors::set_string(exc_ValueError, "sep must be ASCII.");
        return nullptr;
      }
      sep_char = static_cast<char>(c);
    } else if (bytes_check(sep)) {
      sep_char = bytes_as_string(sep)[0];
    } else {
      errors::set_string(exc_TypeError, "sep must be str or bytes.");
      return nullptr;
    }
  } else {
    bytes_per_sep = 0;
  }
  return to_bytes(pystrconv::strhex(reinterpret_cast<const unsigned char*>(arg.data()),
                                    arg.size(), sep_char, sep ? bytes_per_sep : 0));
}

Object* hex_common(const char* fname, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "sep", "bytes_per_sep", nullptr};
  Object* a[3] = {};
  if (!parse(fname, kw, 1, 3, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_buffer(a[0], &data)) return nullptr;
  return strhex_bytes(data, a[1], a[2]);
}
Object* b2a_hex(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return hex_common("b2a_hex", args, nargs, kwnames);
}
Object* hexlify(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  return hex_common("hexlify", args, nargs, kwnames);
}

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// binascii_a2b_hex_impl.
Object* a2b_hex(Object*, Object* arg) {
  std::string data;
  if (!get_ascii_buffer(arg, &data)) return nullptr;
  if (data.size() % 2) return error("Odd-length string");
  std::string out;
  out.reserve(data.size() / 2);
  for (size_t i = 0; i < data.size(); i += 2) {
    int top = hex_digit(static_cast<unsigned char>(data[i]));
    int bot = hex_digit(static_cast<unsigned char>(data[i + 1]));
    if (top == -1 || bot == -1) return error("Non-hexadecimal digit found");
    out.push_back(static_cast<char>((top << 4) + bot));
  }
  return to_bytes(out);
}

// ---- quoted-printable --------------------------------------------------------------------------

// binascii_a2b_qp_impl.
Object* a2b_qp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "header", nullptr};
  Object* a[2] = {};
  if (!parse("a2b_qp", kw, 1, 2, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_ascii_buffer(a[0], &data)) return nullptr;
  int header = 0;
  if (a[1] && !as_flag(a[1], &header)) return nullptr;
  const unsigned char* in_data = reinterpret_cast<const unsigned char*>(data.data());
  ssize datalen = static_cast<ssize>(data.size());
  std::string out;
  ssize in = 0;
  while (in < datalen) {
    if (in_data[in] == '=') {
      in++;
      if (in >= datalen) break;
      if (in_data[in] == '\n' || in_data[in] == '\r') {
        // A soft line break.
        if (in_data[in] != '\n') {
          while (in < datalen && in_data[in] != '\n') in++;
        }
        if (in < datalen) in++;
      } else if (in_data[in] == '=') {
        out.push_back('=');  // broken encoders write "=="
        in++;
      } else if (in + 1 < datalen && hex_digit(in_data[in]) >= 0 &&
                 hex_digit(in_data[in + 1]) >= 0) {
        out.push_back(static_cast<char>((hex_digit(in_data[in]) << 4) | hex_digit(in_data[in + 1])));
        in += 2;
      } else {
        out.push_back('=');
      }
    } else if (header && in_data[in] == '_') {
      out.push_back(' ');
      in++;
    } else {
      out.push_back(static_cast<char>(in_data[in]));
      in++;
    }
  }
  return to_bytes(out);
}

// binascii_b2a_qp_impl: line length at most 76, CRLF line ends kept when the data uses them.
Object* b2a_qp(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"data", "quotetabs", "istext", "header", nullptr};
  Object* a[4] = {};
  if (!parse("b2a_qp", kw, 1, 4, args, nargs, kwnames, a)) return nullptr;
  std::string data;
  if (!get_buffer(a[0], &data)) return nullptr;
  int quotetabs = 0, istext = 1, header = 0;
  if (a[1] && !as_flag(a[1], &quotetabs)) return nullptr;
  if (a[2] && !as_flag(a[2], &istext)) return nullptr;
  if (a[3] && !as_flag(a[3], &header)) return nullptr;
  constexpr unsigned kMaxLineSize = 76;
  static const char upper_hex[] = "0123456789ABCDEF";
  const unsigned char* databuf = reinterpret_cast<const unsigned char*>(data.data());
  ssize datalen = static_cast<ssize>(data.size());
  bool crlf = false;
  const void* nl = datalen ? std::memchr(databuf, '\n', static_cast<size_t>(datalen)) : nullptr;
  if (nl) {
    const unsigned char* p = static_cast<const unsigned char*>(nl);
    if (p > databuf && *(p - 1) == '\r') crlf = true;
  }
  std::string out;
  unsigned linelen = 0;
  ssize in = 0;
  auto soft_break = [&] {
    out.push_back('=');
    if (crlf) out.push_back('\r');
    out.push_back('\n');
    linelen = 0;
  };
  while (in < datalen) {
    unsigned char c = databuf[in];
    bool encode =
        c > 126 || c == '=' || (header && c == '_') ||
        (c == '.' && linelen == 0 &&
         (in + 1 == datalen || databuf[in + 1] == '\n' || databuf[in + 1] == '\r' ||
          databuf[in + 1] == 0)) ||
        (!istext && (c == '\r' || c == '\n')) || ((c == '\t' || c == ' ') && in + 1 == datalen) ||
        (c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')));
    if (encode) {
      if (linelen + 3 >= kMaxLineSize) soft_break();
      out.push_back('=');
      out.push_back(upper_hex[c >> 4]);
      out.push_back(upper_hex[c & 15]);
      in++;
      linelen += 3;
    } else if (istext &&
               (c == '\n' || (in + 1 < datalen && c == '\r' && databuf[in + 1] == '\n'))) {
      linelen = 0;
      // Whitespace at the end of a line is encoded.
      if (!out.empty() && (out.back() == ' ' || out.back() == '\t')) {
        unsigned char ch = static_cast<unsigned char>(out.back());
        out.back() = '=';
        out.push_back(upper_hex[ch >> 4]);
        out.push_back(upper_hex[ch & 15]);
      }
      if (crlf) out.push_back('\r');
      out.push_back('\n');
      in += c == '\r' ? 2 : 1;
    } else {
      if (in + 1 != datalen && databuf[in + 1] != '\n' && linelen + 1 >= kMaxLineSize) {
        soft_break();
      }
      linelen++;
      if (header && c == ' ') {
        out.push_back('_');
      } else {
        out.push_back(static_cast<char>(c));
      }
      in++;
    }
  }
  return to_bytes(out);
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef binascii_methods[] = {
    {"a2b_uu", METH_O(a2b_uu), "Decode a line of uuencoded data."},
    {"b2a_uu", FASTCALL_KW(b2a_uu), "Uuencode line of data."},
    {"a2b_base64", FASTCALL_KW(a2b_base64), "Decode a line of base64 data."},
    {"b2a_base64", FASTCALL_KW(b2a_base64), "Base64-code line of data."},
    {"a2b_hex", METH_O(a2b_hex), "Binary data of hexadecimal representation."},
    {"b2a_hex", FASTCALL_KW(b2a_hex), "Hexadecimal representation of binary data."},
    {"hexlify", FASTCALL_KW(hexlify), "Hexadecimal representation of binary data."},
    {"unhexlify", METH_O(a2b_hex), "Binary data of hexadecimal representation."},
    {"crc_hqx", FASTCALL(crc_hqx), "Compute CRC-CCITT incrementally."},
    {"crc32", FASTCALL(crc32), "Compute CRC-32 incrementally."},
    {"a2b_qp", FASTCALL_KW(a2b_qp), "Decode a string of qp-encoded data."},
    {"b2a_qp", FASTCALL_KW(b2a_qp), "Encode a string using quoted-printable encoding."},
    {nullptr, nullptr, 0, nullptr}};

int binascii_exec(Object* module) {
  if (!binascii_error) {
    binascii_error = new_exception("binascii.Error", exc_ValueError, nullptr);
    if (!binascii_error) return -1;
    binascii_incomplete = new_exception("binascii.Incomplete", nullptr, nullptr);
    if (!binascii_incomplete) return -1;
  }
  if (module_add_object_ref(module, "Error", binascii_error) < 0) return -1;
  if (module_add_object_ref(module, "Incomplete", binascii_incomplete) < 0) return -1;
  return 0;
}

ModuleDef binascii_def = {"binascii", "Conversion between binary data and ASCII",
                          binascii_methods, binascii_exec};

}  // namespace

ModuleDef* module_def() { return &binascii_def; }

}  // namespace cppy::modules::binascii
