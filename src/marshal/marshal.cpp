// The marshal format: Python/marshal.c (r_object, w_object and their helpers) and the .pyc
// header check of importlib._bootstrap_external._classify_pyc.
#include "marshal/marshal.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/complexobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/memoryobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::marshal {

using namespace objects;

namespace {

// Type codes.
enum : int {
  TYPE_NULL = '0',
  TYPE_NONE = 'N',
  TYPE_FALSE = 'F',
  TYPE_TRUE = 'T',
  TYPE_STOPITER = 'S',
  TYPE_ELLIPSIS = '.',
  TYPE_INT = 'i',
  TYPE_INT64 = 'I',  // read only (version 0 files from 32-bit writers)
  TYPE_FLOAT = 'f',
  TYPE_BINARY_FLOAT = 'g',
  TYPE_COMPLEX = 'x',
  TYPE_BINARY_COMPLEX = 'y',
  TYPE_LONG = 'l',
  TYPE_STRING = 's',
  TYPE_INTERNED = 't',
  TYPE_REF = 'r',
  TYPE_TUPLE = '(',
  TYPE_LIST = '[',
  TYPE_DICT = '{',
  TYPE_CODE = 'c',
  TYPE_UNICODE = 'u',
  TYPE_UNKNOWN = '?',
  TYPE_SET = '<',
  TYPE_FROZENSET = '>',
  TYPE_ASCII = 'a',
  TYPE_ASCII_INTERNED = 'A',
  TYPE_SMALL_TUPLE = ')',
  TYPE_SHORT_ASCII = 'z',
  TYPE_SHORT_ASCII_INTERNED = 'Z',
  TYPE_SLICE = ':',
};
constexpr int FLAG_REF = 0x80;
constexpr int kMaxDepth = 2000;  // MAX_MARSHAL_STACK_DEPTH
constexpr int kLongShift = 15;   // PyLong_MARSHAL_SHIFT

bool str_is_interned(Object* s) { return as_ascii(s)->state.interned != 0; }

// The UTF-8 form of s with lone surrogates encoded as such ("surrogatepass").
Object* str_encode_utf8_surrogatepass(Object* s) {
  std::string out;
  ssize n = str_length(s);
  for (ssize i = 0; i < n; ++i) {
    UCS4 c = str_read_char(s, i);
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (c < 0x800) {
      out.push_back(char(0xc0 | (c >> 6)));
      out.push_back(char(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
      out.push_back(char(0xe0 | (c >> 12)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(char(0x80 | (c & 0x3f)));
    } else {
      out.push_back(char(0xf0 | (c >> 18)));
      out.push_back(char(0x80 | ((c >> 12) & 0x3f)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(char(0x80 | (c & 0x3f)));
    }
  }
  return bytes_from_string_and_size(out.data(), ssize(out.size()));
}

Object* bad_data(const char* what) {
  errors::format(exc_ValueError, "bad marshal data (%s)", what);
  return nullptr;
}

// --- reading --------------------------------------------------------------------------------

struct Reader {
  const unsigned char* ptr;
  const unsigned char* end;
  int depth = 0;
  std::vector<Object*> refs;  // owned references; null for a reserved slot
  // marshal.load: the file object bytes are read from (RFILE.readable), each need()
  // reading exactly what the next field takes with readinto(), as r_string does.
  Object* readable = nullptr;
  std::string file_buf;

  ~Reader() {
    for (Object* o : refs) xdecref(o);
  }

  bool need(size_t n) {
    if (size_t(end - ptr) >= n) return true;
    if (!readable) {
      errors::set_string(exc_EOFError, "marshal data too short");
      return false;
    }
    return read_from_file(n);
  }
  // r_string's file branch: file.readinto(memoryview of n bytes) must return n.
  bool read_from_file(size_t n) {
    file_buf.assign(n, '\0');
    ptr = end = reinterpret_cast<const unsigned char*>(file_buf.data());
    Ref<> view = Ref<>::steal(memoryview_from_memory(file_buf.data(), ssize(n), kBufWrite));
    if (!view) return false;
    Ref<> name = Ref<>::steal(str_from_cstr("readinto"));
    if (!name) return false;
    Ref<> res = Ref<>::steal(call_method_one_arg(readable, name.get(), view.get()));
    if (!res) return false;
    // The view is released so that a readinto() keeping it cannot reach file_buf later.
    Ref<> release = Ref<>::steal(str_from_cstr("release"));
    if (!release) return false;
    Ref<> released = Ref<>::steal(call_method_no_args(view.get(), release.get()));
    if (!released) return false;
    ssize got = long_as_ssize(res.get());
    if (got == -1 && errors::occurred()) return false;
    if (got != ssize(n)) {
      if (got > ssize(n)) {
        errors::format(exc_ValueError,
                       "read() returned too much data: %zd bytes requested, %zd returned",
                       ssize(n), got);
      } else {
        errors::set_string(exc_EOFError, "EOF read where not expected");
      }
      return false;
    }
    end = ptr + n;
    return true;
  }
  // Whether a count of n items cannot fit in what is left of in-memory data (each item takes
  // at least a byte): bounded memory for loads. A file's length is not known in advance.
  bool too_many(long n) const { return !readable && n > end - ptr; }
  int r_byte() {
    if (ptr >= end && !(readable && read_from_file(1))) return -1;
    return *ptr++;
  }
  bool r_long(long* out) {
    if (!need(4)) return false;
    uint32_t v = uint32_t(ptr[0]) | uint32_t(ptr[1]) << 8 | uint32_t(ptr[2]) << 16 |
                 uint32_t(ptr[3]) << 24;
    ptr += 4;
    *out = long(int32_t(v));
    return true;
  }
  bool r_int64(long long* out) {
    if (!need(8)) return false;
    uint64_t v = 0;
    for (int i = 7; i >= 0; --i) v = (v << 8) | ptr[i];
    ptr += 8;
    *out = static_cast<long long>(v);
    return true;
  }
  const char* r_string(size_t n) {
    if (!need(n)) return nullptr;
    const char* p = reinterpret_cast<const char*>(ptr);
    ptr += n;
    return p;
  }

  // r_ref_reserve / r_ref_insert / r_ref.
  ssize reserve(bool flag) {
    if (!flag) return 0;
    refs.push_back(nullptr);
    return ssize(refs.size()) - 1;
  }
  Object* insert(Object* o, ssize idx, bool flag) {
    if (o && flag) {
      Object*& slot = refs[size_t(idx)];
      xsetref(slot, new_ref(o));
    }
    return o;
  }
  Object* ref(Object* o, bool flag) {
    if (o && flag) refs.push_back(new_ref(o));
    return o;
  }

  Object* r_long_object(bool flag) {
    long n;
    if (!r_long(&n)) return nullptr;
    if (n < -0x7fffffffL || n > 0x7fffffffL) return bad_data("long size out of range");
    long size = n < 0 ? -n : n;
    if (!need(size_t(size) * 2)) return nullptr;
    // The 15-bit digits, least significant first, become a little-endian magnitude.
    std::vector<unsigned char> bytes(size_t(size) * 2 + 1, 0);
    size_t bit = 0;
    for (long i = 0; i < size; ++i, bit += kLongShift) {
      int d = ptr[2 * i] | ptr[2 * i + 1] << 8;
      if (d > 0x7fff) return bad_data("digit out of range in long");
      if (d == 0 && i == size - 1) return bad_data("unnormalized long data");
      for (int b = 0; b < kLongShift; ++b)
        if (d & (1 << b)) bytes[(bit + size_t(b)) / 8] |= static_cast<unsigned char>(1u << ((bit + size_t(b)) % 8));
    }
    ptr += size * 2;
    if (n < 0) {
      // Two's complement (the top byte is free, so the result reads as negative).
      unsigned carry = 1;
      for (unsigned char& b : bytes) {
        unsigned v = unsigned(static_cast<unsigned char>(~b)) + carry;
        b = static_cast<unsigned char>(v & 0xff);
        carry = v >> 8;
      }
    }
    Ref<> result = Ref<>::steal(long_from_byte_array(bytes.data(), bytes.size(), true, n < 0));
    if (!result) return nullptr;
    return ref(result.release(), flag);
  }

  Object* r_float_str() {
    int n = r_byte();
    if (n < 0) {
      errors::set_string(exc_EOFError, "EOF read where object expected");
      return nullptr;
    }
    const char* s = r_string(size_t(n));
    if (!s) return nullptr;
    Ref<> text = Ref<>::steal(str_from_utf8(s, n));
    if (!text) return nullptr;
    return float_from_string(text.get());
  }
  Object* r_float_bin() {
    if (!need(8)) return nullptr;
    double d;
    unsigned char buf[8];
    std::memcpy(buf, ptr, 8);  // little-endian on every platform cppy supports
    std::memcpy(&d, buf, 8);
    ptr += 8;
    return float_from_double(d);
  }

  Object* read() {
    const unsigned char* start = ptr;
    int code = r_byte();
    if (code < 0) {
      // A file's own error (not an EOFError) stays.
      if (!errors::occurred() ||
          errors::exception_matches(reinterpret_cast<Object*>(exc_EOFError))) {
        errors::clear();
        errors::set_string(exc_EOFError, "EOF read where object expected");
      }
      return nullptr;
    }
    if (++depth > kMaxDepth) {
      --depth;
      errors::set_string(exc_ValueError, "recursion limit exceeded");
      return nullptr;
    }
    bool flag = (code & FLAG_REF) != 0;
    int type = code & ~FLAG_REF;
    Object* v = nullptr;
    (void)start;
    switch (type) {
      case TYPE_NULL:
        break;
      case TYPE_NONE:
        v = return_none();
        break;
      case TYPE_STOPITER:
        v = new_ref(reinterpret_cast<Object*>(exc_StopIteration));
        break;
      case TYPE_ELLIPSIS:
        v = new_ref(ellipsis());
        break;
      case TYPE_FALSE:
        v = new_ref(false_object());
        break;
      case TYPE_TRUE:
        v = new_ref(true_object());
        break;
      case TYPE_INT: {
        long n;
        if (!r_long(&n)) break;
        v = ref(long_from_long(n), flag);
        break;
      }
      case TYPE_INT64: {
        long long n;
        if (!r_int64(&n)) break;
        v = ref(long_from_long_long(n), flag);
        break;
      }
      case TYPE_LONG:
        v = r_long_object(flag);
        break;
      case TYPE_FLOAT:
        v = ref(r_float_str(), flag);
        break;
      case TYPE_BINARY_FLOAT:
        v = ref(r_float_bin(), flag);
        break;
      case TYPE_COMPLEX:
      case TYPE_BINARY_COMPLEX: {
        Ref<> re = Ref<>::steal(type == TYPE_COMPLEX ? r_float_str() : r_float_bin());
        if (!re) break;
        Ref<> im = Ref<>::steal(type == TYPE_COMPLEX ? r_float_str() : r_float_bin());
        if (!im) break;
        v = ref(complex_from_doubles(float_value(re.get()), float_value(im.get())), flag);
        break;
      }
      case TYPE_STRING: {
        long n;
        if (!r_long(&n)) break;
        if (n < 0 || n > 0x7fffffffL) {
          bad_data("bytes object size out of range");
          break;
        }
        const char* s = r_string(size_t(n));
        if (!s) break;
        v = ref(bytes_from_string_and_size(s, n), flag);
        break;
      }
      case TYPE_ASCII_INTERNED:
      case TYPE_ASCII:
      case TYPE_SHORT_ASCII_INTERNED:
      case TYPE_SHORT_ASCII: {
        long n;
        if (type == TYPE_SHORT_ASCII || type == TYPE_SHORT_ASCII_INTERNED) {
          n = r_byte();
          if (n < 0) {
            errors::set_string(exc_EOFError, "EOF read where object expected");
            break;
          }
        } else {
          if (!r_long(&n)) break;
          if (n < 0 || n > 0x7fffffffL) {
            bad_data("string size out of range");
            break;
          }
        }
        const char* s = r_string(size_t(n));
        if (!s) break;
        // The data are trusted to be ASCII by CPython; bytes above 0x7f decode as Latin-1.
        v = str_from_latin1(reinterpret_cast<const UCS1*>(s), n);
        if (v && (type == TYPE_ASCII_INTERNED || type == TYPE_SHORT_ASCII_INTERNED))
          str_intern_in_place(&v);
        v = ref(v, flag);
        break;
      }
      case TYPE_INTERNED:
      case TYPE_UNICODE: {
        long n;
        if (!r_long(&n)) break;
        if (n < 0 || n > 0x7fffffffL) {
          bad_data("string size out of range");
          break;
        }
        const char* s = r_string(size_t(n));
        if (!s) break;
        v = str_decode_utf8(s, n, "surrogatepass");
        if (v && type == TYPE_INTERNED) str_intern_in_place(&v);
        v = ref(v, flag);
        break;
      }
      case TYPE_SMALL_TUPLE:
      case TYPE_TUPLE: {
        long n;
        if (type == TYPE_SMALL_TUPLE) {
          n = r_byte();
          if (n < 0) {
            errors::set_string(exc_EOFError, "EOF read where object expected");
            break;
          }
        } else {
          if (!r_long(&n)) break;
          if (n < 0 || n > 0x7fffffffL) {
            bad_data("tuple size out of range");
            break;
          }
        }
        if (too_many(n)) {  // each item needs at least a byte: bounded memory
          errors::set_string(exc_EOFError, "marshal data too short");
          break;
        }
        Object* t = tuple_new(n);
        if (!t) break;
        // Filled with None first so that a reference to it while reading is valid.
        for (long i = 0; i < n; ++i) tuple_set_item(t, i, return_none());
        ref(t, flag);
        bool ok = true;
        for (long i = 0; i < n; ++i) {
          Object* item = read();
          if (!item) {
            if (!errors::occurred())
              errors::set_string(exc_TypeError, "NULL object in marshal data for tuple");
            ok = false;
            break;
          }
          Object* old = tuple_item(t, i);
          tuple_set_item(t, i, item);
          decref(old);
        }
        if (!ok) {
          decref(t);
          break;
        }
        v = t;
        break;
      }
      case TYPE_LIST: {
        long n;
        if (!r_long(&n)) break;
        if (n < 0 || n > 0x7fffffffL) {
          bad_data("list size out of range");
          break;
        }
        if (too_many(n)) {
          errors::set_string(exc_EOFError, "marshal data too short");
          break;
        }
        Object* l = list_new(0);
        if (!l) break;
        ref(l, flag);
        bool ok = true;
        for (long i = 0; i < n; ++i) {
          Object* item = read();
          if (!item) {
            if (!errors::occurred())
              errors::set_string(exc_TypeError, "NULL object in marshal data for list");
            ok = false;
            break;
          }
          list_append(l, item);
          decref(item);
        }
        if (!ok) {
          decref(l);
          break;
        }
        v = l;
        break;
      }
      case TYPE_DICT: {
        Object* d = dict_new();
        if (!d) break;
        ref(d, flag);
        bool ok = true;
        for (;;) {
          Object* key = read();
          if (!key) {
            if (errors::occurred()) ok = false;
            break;
          }
          Object* val = read();
          if (!val) {
            decref(key);
            if (!errors::occurred())
              errors::set_string(exc_TypeError, "NULL object in marshal data for dict");
            ok = false;
            break;
          }
          int rc = dict_set_item(d, key, val);
          decref(key);
          decref(val);
          if (rc < 0) {
            ok = false;
            break;
          }
        }
        if (!ok) {
          decref(d);
          break;
        }
        v = d;
        break;
      }
      case TYPE_SET:
      case TYPE_FROZENSET: {
        long n;
        if (!r_long(&n)) break;
        if (n < 0 || n > 0x7fffffffL) {
          bad_data("set size out of range");
          break;
        }
        if (too_many(n)) {
          errors::set_string(exc_EOFError, "marshal data too short");
          break;
        }
        if (n == 0 && type == TYPE_FROZENSET) {
          v = ref(frozenset_new(nullptr), flag);
          break;
        }
        Object* s = type == TYPE_SET ? set_new(nullptr) : frozenset_new(nullptr);
        if (!s) break;
        ssize idx = 0;
        if (type == TYPE_SET) ref(s, flag);
        else idx = reserve(flag);
        bool ok = true;
        for (long i = 0; i < n; ++i) {
          Object* item = read();
          if (!item) {
            if (!errors::occurred())
              errors::set_string(exc_TypeError, "NULL object in marshal data for set");
            ok = false;
            break;
          }
          int rc = set_add(s, item);
          decref(item);
          if (rc < 0) {
            ok = false;
            break;
          }
        }
        if (!ok) {
          decref(s);
          break;
        }
        if (type == TYPE_FROZENSET) insert(s, idx, flag);
        v = s;
        break;
      }
      case TYPE_CODE: {
        ssize idx = reserve(flag);
        long argcount, posonly, kwonly, stacksize, flags, firstlineno;
        if (!r_long(&argcount) || !r_long(&posonly) || !r_long(&kwonly) ||
            !r_long(&stacksize) || !r_long(&flags))
          break;
        Ref<> code = Ref<>::steal(read());
        if (!code) break;
        Ref<> consts = Ref<>::steal(read());
        if (!consts) break;
        Ref<> names = Ref<>::steal(read());
        if (!names) break;
        Ref<> localsplusnames = Ref<>::steal(read());
        if (!localsplusnames) break;
        Ref<> localspluskinds = Ref<>::steal(read());
        if (!localspluskinds) break;
        Ref<> filename = Ref<>::steal(read());
        if (!filename) break;
        Ref<> name = Ref<>::steal(read());
        if (!name) break;
        Ref<> qualname = Ref<>::steal(read());
        if (!qualname) break;
        if (!r_long(&firstlineno)) break;
        Ref<> linetable = Ref<>::steal(read());
        if (!linetable) break;
        Ref<> exceptiontable = Ref<>::steal(read());
        if (!exceptiontable) break;
        CodeConstructor con;
        con.filename = filename.get();
        con.name = name.get();
        con.qualname = qualname.get();
        con.flags = int(flags);
        con.code = code.get();
        con.firstlineno = int(firstlineno);
        con.linetable = linetable.get();
        con.consts = consts.get();
        con.names = names.get();
        con.localsplusnames = localsplusnames.get();
        con.localspluskinds = localspluskinds.get();
        con.argcount = int(argcount);
        con.posonlyargcount = int(posonly);
        con.kwonlyargcount = int(kwonly);
        con.stacksize = int(stacksize);
        con.exceptiontable = exceptiontable.get();
        // _PyCode_Validate's type checks, with marshal's own error.
        if (!str_check(con.filename) || !str_check(con.name) || !str_check(con.qualname) ||
            !bytes_check(con.code) || !tuple_check(con.consts) || !tuple_check(con.names) ||
            !tuple_check(con.localsplusnames) || !bytes_check(con.localspluskinds) ||
            !bytes_check(con.linetable) || !bytes_check(con.exceptiontable) ||
            tuple_size(con.localsplusnames) != bytes_size(con.localspluskinds) ||
            argcount < posonly || posonly < 0 || kwonly < 0 || stacksize < 0 || flags < 0) {
          bad_data("invalid code object");
          break;
        }
        v = code_new(con);
        if (v) insert(v, idx, flag);
        break;
      }
      case TYPE_REF: {
        long n;
        if (!r_long(&n)) break;
        if (n < 0 || size_t(n) >= refs.size()) {
          if (!errors::occurred()) bad_data("invalid reference");
          break;
        }
        Object* r = refs[size_t(n)];
        if (!r) {
          bad_data("invalid reference");
          break;
        }
        v = new_ref(r);
        break;
      }
      case TYPE_SLICE: {
        ssize idx = reserve(flag);
        Ref<> a = Ref<>::steal(read());
        if (!a) break;
        Ref<> b = Ref<>::steal(read());
        if (!b) break;
        Ref<> c = Ref<>::steal(read());
        if (!c) break;
        v = slice_new(a.get(), b.get(), c.get());
        if (v) insert(v, idx, flag);
        break;
      }
      default:
        bad_data("unknown type code");
        break;
    }
    --depth;
    if (!v && !errors::occurred() && type != TYPE_NULL) bad_data("unknown type code");
    return v;
  }
};

// --- writing --------------------------------------------------------------------------------

struct Writer {
  std::string out;
  int version;
  int depth = 0;
  bool error = false;
  std::unordered_map<Object*, long> refs;

  void w_byte(int c) { out.push_back(char(c)); }
  void w_long(long x) {
    uint32_t v = uint32_t(int32_t(x));
    for (int i = 0; i < 4; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
  }
  void w_size(size_t n) { w_long(long(n)); }
  void w_bytes(const char* p, size_t n) { out.append(p, n); }

  // w_ref: a back reference for an object seen before, else the FLAG_REF mark.
  bool w_ref(Object* v, int* flag) {
    if (version < 3) return false;
    if (is_immortal(v) && v->refcnt >= kImmortalThreshold && !str_check(v)) {
      // CPython refers to immortal objects too (their count is never 1).
    }
    if (v->refcnt == 1) return false;
    auto it = refs.find(v);
    if (it != refs.end()) {
      w_byte(TYPE_REF);
      w_long(it->second);
      return true;
    }
    long idx = long(refs.size());
    refs.emplace(v, idx);
    *flag = FLAG_REF;
    return false;
  }

  void w_long_object(Object* v, int flag) {
    int overflow = 0;
    long x = long_as_long_and_overflow(v, &overflow);
    if (!overflow && x >= -0x80000000L && x <= 0x7fffffffL) {
      w_byte(TYPE_INT | flag);
      w_long(x);
      return;
    }
    // 15-bit digits of the magnitude, least significant first: each 30-bit digit of the
    // int is two of them (w_PyLong).
    bool negative = long_sign(v) < 0;
    std::vector<int> digits;
    ssize nd = long_digit_count(v);
    for (ssize i = 0; i < nd; ++i) {
      digit d = as_long(v)->ob_digit[i];
      digits.push_back(int(d & 0x7fff));
      digits.push_back(int(d >> kLongShift));
    }
    while (!digits.empty() && digits.back() == 0) digits.pop_back();
    w_byte(TYPE_LONG | flag);
    long n = long(digits.size());
    w_long(negative ? -n : n);
    for (int d : digits) {
      w_byte(d & 0xff);
      w_byte(d >> 8);
    }
  }

  // w_float_str: PyOS_double_to_string(d, 'g', 17, 0), with a one-byte length.
  void w_float_str(double d) {
    char buf[64];
    int n = std::snprintf(buf, sizeof buf, "%.17g", d);
    w_byte(n);
    w_bytes(buf, size_t(n));
  }
  void w_float_bin(double d) {
    char buf[8];
    std::memcpy(buf, &d, 8);  // little-endian on every platform cppy supports
    w_bytes(buf, 8);
  }

  void w_float(double d, int flag) {
    if (version > 1) {
      w_byte(TYPE_BINARY_FLOAT | flag);
      w_float_bin(d);
    } else {
      w_byte(TYPE_FLOAT | flag);
      w_float_str(d);
    }
  }

  void w_complex(Complex c, int flag) {
    if (version > 1) {
      w_byte(TYPE_BINARY_COMPLEX | flag);
      w_float_bin(c.real);
      w_float_bin(c.imag);
    } else {
      w_byte(TYPE_COMPLEX | flag);
      w_float_str(c.real);
      w_float_str(c.imag);
    }
  }

  void w_sequence(ssize n, Object* const* items) {
    for (ssize i = 0; i < n && !error; ++i) write(items[i]);
  }

  void write(Object* v) {
    if (++depth > kMaxDepth) {
      --depth;
      error = true;
      errors::set_string(exc_ValueError, "object too deeply nested to marshal");
      return;
    }
    int flag = 0;
    if (v == nullptr) {
      w_byte(TYPE_NULL);
    } else if (v == none()) {
      w_byte(TYPE_NONE);
    } else if (v == reinterpret_cast<Object*>(exc_StopIteration)) {
      w_byte(TYPE_STOPITER);
    } else if (v == ellipsis()) {
      w_byte(TYPE_ELLIPSIS);
    } else if (v == false_object()) {
      w_byte(TYPE_FALSE);
    } else if (v == true_object()) {
      w_byte(TYPE_TRUE);
    } else if (!w_ref(v, &flag)) {
      write_complex_object(v, flag);
    }
    --depth;
  }

  void write_str(Object* v, int flag) {
    ssize n = 0;
    if (version >= 4 && str_is_ascii(v)) {
      const char* s = str_as_utf8(v, &n);
      bool interned = str_is_interned(v);
      if (n < 256) {
        w_byte((interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
        w_byte(int(n));
      } else {
        w_byte((interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
        w_size(size_t(n));
      }
      w_bytes(s, size_t(n));
      return;
    }
    Ref<> utf8 = Ref<>::steal(str_encode_utf8_surrogatepass(v));
    if (!utf8) {
      error = true;
      return;
    }
    bool interned = version >= 3 && str_is_interned(v);
    w_byte((interned ? TYPE_INTERNED : TYPE_UNICODE) | flag);
    w_size(size_t(bytes_size(utf8.get())));
    w_bytes(bytes_as_string(utf8.get()), size_t(bytes_size(utf8.get())));
  }

  void write_complex_object(Object* v, int flag) {
    if (long_check_exact(v)) {
      w_long_object(v, flag);
    } else if (float_check_exact(v)) {
      w_float(float_value(v), flag);
    } else if (complex_check_exact(v)) {
      w_complex(complex_value(v), flag);
    } else if (bytes_check_exact(v)) {
      w_byte(TYPE_STRING | flag);
      w_size(size_t(bytes_size(v)));
      w_bytes(bytes_as_string(v), size_t(bytes_size(v)));
    } else if (str_check_exact(v)) {
      write_str(v, flag);
    } else if (tuple_check_exact(v)) {
      ssize n = tuple_size(v);
      if (version >= 4 && n < 256) {
        w_byte(TYPE_SMALL_TUPLE | flag);
        w_byte(int(n));
      } else {
        w_byte(TYPE_TUPLE | flag);
        w_size(size_t(n));
      }
      w_sequence(n, tuple_items(v));
    } else if (list_check_exact(v)) {
      w_byte(TYPE_LIST | flag);
      ssize n = list_size(v);
      w_size(size_t(n));
      for (ssize i = 0; i < n && !error; ++i) write(list_item(v, i));
    } else if (dict_check_exact(v)) {
      w_byte(TYPE_DICT | flag);
      ssize pos = 0;
      Object *key, *value;
      while (!error && dict_next(v, &pos, &key, &value)) {
        write(key);
        write(value);
      }
      w_byte(TYPE_NULL);
    } else if (anyset_check_exact(v)) {
      w_byte((set_check_exact(v) ? TYPE_SET : TYPE_FROZENSET) | flag);
      w_size(size_t(set_size(v)));
      // CPython sorts the elements by their marshalled form for a deterministic output.
      std::vector<std::pair<std::string, Object*>> items;
      ssize pos = 0;
      Object* key;
      hash_t h;
      while (set_next_entry(v, &pos, &key, &h)) {
        Writer sub;
        sub.version = version;
        sub.write(key);
        if (sub.error) {
          error = true;
          return;
        }
        items.emplace_back(sub.out, key);
      }
      std::sort(items.begin(), items.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      for (auto& it : items) write(it.second);
    } else if (code_check(v)) {
      auto* co = static_cast<CodeObject*>(v);
      w_byte(TYPE_CODE | flag);
      w_long(co->co_argcount);
      w_long(co->co_posonlyargcount);
      w_long(co->co_kwonlyargcount);
      w_long(co->co_stacksize);
      w_long(co->co_flags);
      // _PyCode_GetCode hands w_object a new reference to co_code cached in the code object:
      // its count is never 1, so the bytes always get FLAG_REF.
      Object* code = new_ref(co->co_code);
      write(code);
      decref(code);
      write(co->co_consts);
      write(co->co_names);
      write(co->co_localsplusnames);
      write(co->co_localspluskinds);
      write(co->co_filename);
      write(co->co_name);
      write(co->co_qualname);
      w_long(co->co_firstlineno);
      write(co->co_linetable);
      write(co->co_exceptiontable);
    } else if (slice_check(v) && version >= 5) {
      auto* s = static_cast<SliceObject*>(v);
      w_byte(TYPE_SLICE | flag);
      write(s->start);
      write(s->stop);
      write(s->step);
    } else if (object_check_buffer(v)) {
      // Any other bytes-like object (bytearray, memoryview, array...) is written as bytes;
      // one without a simple contiguous buffer is unmarshallable (the buffer's own error is
      // replaced, as w_complex_object's WFERR_UNMARSHALLABLE does).
      Buffer view;
      if (object_get_buffer(v, &view, kBufSimple) < 0) {
        errors::clear();
        w_byte(TYPE_UNKNOWN);
        error = true;
        errors::set_string(exc_ValueError, "unmarshallable object");
        return;
      }
      w_byte(TYPE_STRING | flag);
      w_size(size_t(view.len));
      w_bytes(static_cast<const char*>(view.buf), size_t(view.len));
      buffer_release(&view);
    } else {
      w_byte(TYPE_UNKNOWN);
      error = true;
      errors::set_string(exc_ValueError, "unmarshallable object");
    }
  }
};

}  // namespace

Object* loads(const char* data, size_t size, size_t* consumed) {
  Reader r;
  r.ptr = reinterpret_cast<const unsigned char*>(data);
  r.end = r.ptr + size;
  Object* v = r.read();
  if (!v && !errors::occurred()) bad_data("NULL object");
  if (consumed) *consumed = size_t(r.ptr - reinterpret_cast<const unsigned char*>(data));
  return v;
}

Object* load_from_file(Object* file) {
  Reader r;
  r.ptr = r.end = nullptr;
  r.readable = file;
  Object* v = r.read();
  if (!v && !errors::occurred()) bad_data("NULL object");
  return v;
}

Object* dumps(Object* value, int version) {
  Writer w;
  w.version = version;
  w.write(value);
  if (w.error) {
    if (!errors::occurred()) errors::set_string(exc_ValueError, "unmarshallable object");
    return nullptr;
  }
  return bytes_from_string_and_size(w.out.data(), ssize(w.out.size()));
}

Object* read_pyc(const char* data, size_t size, const char* name) {
  if (size < 16) {
    errors::format(exc_EOFError, "bad pyc file %s: incomplete header", name);
    return nullptr;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(data);
  if (p[0] != (kMagicNumber & 0xff) || p[1] != (kMagicNumber >> 8) || p[2] != '\r' ||
      p[3] != '\n') {
    errors::format(exc_ImportError, "bad magic number in %s: %R", name, nullptr);
    return nullptr;
  }
  uint32_t flags = uint32_t(p[4]) | uint32_t(p[5]) << 8 | uint32_t(p[6]) << 16 |
                   uint32_t(p[7]) << 24;
  if (flags & ~0b11u) {
    errors::format(exc_ImportError, "invalid flags %u in %s", flags, name);
    return nullptr;
  }
  Object* code = loads(data + 16, size - 16);
  if (!code) return nullptr;
  if (!code_check(code)) {
    errors::format(exc_ImportError, "Non-code object in %s", name);
    decref(code);
    return nullptr;
  }
  return code;
}

Object* read_pyc_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errno = ENOENT;
    return errors::set_from_errno(exc_OSError);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  return read_pyc(data.data(), data.size(), path);
}

}  // namespace cppy::marshal
