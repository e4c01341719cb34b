// _io and _codecs against the reference: tests/data/io/expectations.txt (tools/io/probe_io.py
// run by tools/io/gen_expected.py on CPython 3.14.2). Each test mirrors lines of the probe.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <map>
#include <string>

#include "errors/errors.h"
#include "modules/_io/_iomodule.h"
#include "modules/moduledef.h"
#include "modules_support.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "sys/sysmodule.h"

namespace iotest {
namespace {

using namespace cppy::objects;
using modtest::call;
using modtest::call_obj;
using objtest::I;
using objtest::S;
using objtest::to_std;

const std::map<std::string, std::string>& expected() {
  static std::map<std::string, std::string> m = [] {
    std::map<std::string, std::string> r;
    std::string here = CPPY_UNIT_TEST_DIR "/file";
    std::string path = here.substr(0, here.rfind('/')) + "/../data/io/expectations.txt";
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      auto tab = line.find('\t');
      if (tab != std::string::npos) r[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return r;
  }();
  return m;
}

std::string refv(const std::string& key) {
  auto it = expected().find(key);
  if (it == expected().end()) {
    ADD_FAILURE() << "no reference value for " << key;
    return "<missing>";
  }
  return it->second;
}

// The probe's show(): repr of the result, or "Type: message" (OSError with an errno: the type).
std::string show(Object* r) {
  if (r) {
    Ref<> rep = Ref<>::steal(object_repr(r));
    decref(r);
    if (!rep) return objtest::error_text();
    std::string s = to_std(rep.get());
    std::string out;
    for (char c : s) {
      if (c == '\n')
        out += "\\n";
      else
        out += c;
    }
    return out;
  }
  Object* exc = cppy::errors::get_raised_exception();
  if (!exc) return "no error";
  std::string name = type_short_name(exc->type);
  if (type_check(exc, exc_OSError) && static_cast<OSErrorObject*>(exc)->myerrno &&
      static_cast<OSErrorObject*>(exc)->myerrno != none()) {
    decref(exc);
    return name;
  }
  Ref<> s = Ref<>::steal(object_str(exc));
  decref(exc);
  if (!s) {
    cppy::errors::clear();
    return name + ": <str failed>";
  }
  return name + ": " + to_std(s.get());
}

// Evaluates the steps in order, stopping at the first error: a tuple of their results.
Object* seq(std::initializer_list<std::function<Object*()>> steps) {
  Ref<> list = Ref<>::steal(list_new(0));
  for (auto& f : steps) {
    Object* r = f();
    if (!r) return nullptr;
    list_append(list.get(), r);
    decref(r);
  }
  return list_as_tuple(list.get());
}

Object* B(const char* s, ssize n = -1) {
  return bytes_from_string_and_size(s, n < 0 ? static_cast<ssize>(std::strlen(s)) : n);
}
Object* U(const char* utf8) { return str_from_cstr(utf8); }

class ModulesIO : public objtest::ObjectsTest {
 protected:
  void SetUp() override {
    objtest::ObjectsTest::SetUp();
    ASSERT_NE(cppy::sys::create_sys_module(), nullptr) << objtest::error_text();
    io_ = Ref<>::steal(cppy::modules::import_builtin("_io"));
    ASSERT_TRUE(io_) << objtest::error_text();
    codecs_ = Ref<>::steal(cppy::modules::import_builtin("_codecs"));
    ASSERT_TRUE(codecs_) << objtest::error_text();
    char tmpl[] = "/tmp/cppy_io_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/f.txt";
  }
  void TearDown() override {
    std::remove(path_.c_str());
    rmdir(dir_.c_str());
    objtest::ObjectsTest::TearDown();
  }
  Object* io() { return io_.get(); }
  Object* cs() { return codecs_.get(); }
  Object* P() { return S(path_.c_str()); }
  // io.open(path, mode, **kwargs)
  Object* open(const char* mode, std::initializer_list<std::pair<const char*, Object*>> kw = {}) {
    return call(io(), "open", {P(), S(mode)}, kw);
  }
  Object* obj(Object* r) {  // keeps a result alive for the test
    keep_.push_back(Ref<>::steal(r));
    return r;
  }
  Ref<> io_, codecs_;
  std::string dir_, path_;
  std::vector<Ref<>> keep_;
};

TEST_F(ModulesIO, Codecs) {
  Object* c = cs();
  EXPECT_EQ(show(call(c, "utf_8_decode", {B("a\xc3\xa9\xe2\x82"), new_ref(none()), new_ref(false_object())})),
            refv("codecs.utf8_decode"));
  EXPECT_EQ(show(call(c, "utf_8_decode", {B("a\xc3\xa9\xe2\x82"), new_ref(none()), new_ref(true_object())})),
            refv("codecs.utf8_decode_final"));
  EXPECT_EQ(show(call(c, "utf_8_decode", {B("a\xff" "b"), S("replace"), new_ref(true_object())})),
            refv("codecs.utf8_decode_replace"));
  EXPECT_EQ(show(call(c, "utf_8_encode", {U("h\xc3\xa9\xe2\x82\xac")})), refv("codecs.utf8_encode"));
  Ref<> sur = Ref<>::steal(str_decode_utf8("a\xed\xa0\x80" "b", 5, "surrogatepass"));
  ASSERT_TRUE(sur);
  EXPECT_EQ(show(call(c, "utf_8_encode", {new_ref(sur.get())})), refv("codecs.utf8_encode_surrogate"));
  EXPECT_EQ(show(call(c, "utf_8_encode", {new_ref(sur.get()), S("surrogatepass")})),
            refv("codecs.utf8_encode_surrogatepass"));
  EXPECT_EQ(show(call(c, "latin_1_encode", {U("a\xe2\x82\xac" "b")})), refv("codecs.latin1_encode_err"));
  EXPECT_EQ(show(call(c, "latin_1_encode", {U("a\xe2\x82\xac" "b"), S("xmlcharrefreplace")})),
            refv("codecs.latin1_encode_xml"));
  EXPECT_EQ(show(call(c, "ascii_decode", {B("ab\x80")})), refv("codecs.ascii_decode_err"));
  EXPECT_EQ(show(call(c, "ascii_decode", {B("ab\x80"), S("backslashreplace")})),
            refv("codecs.ascii_decode_backslash"));
  EXPECT_EQ(show(call(c, "utf_16_encode", {S("ab")})), refv("codecs.utf16_encode"));
  EXPECT_EQ(show(call(c, "utf_16_be_encode", {S("ab")})), refv("codecs.utf16_be_encode"));
  EXPECT_EQ(show(call(c, "utf_16_ex_decode", {B("\xfe\xff\x00" "a\x00" "b", 6)})), refv("codecs.utf16_ex_decode"));
  EXPECT_EQ(show(call(c, "utf_16_decode", {B("a\x00" "b", 3), new_ref(none()), new_ref(false_object())})),
            refv("codecs.utf16_decode_partial"));
  EXPECT_EQ(show(call(c, "utf_32_decode", {B("\xff\xfe\x00\x00" "a\x00\x00\x00", 8)})), refv("codecs.utf32_decode"));
  EXPECT_EQ(show(call(c, "unicode_escape_decode", {B("a\\n\\u20ac")})), refv("codecs.unicode_escape_decode"));
  EXPECT_EQ(show(call(c, "raw_unicode_escape_encode", {U("a\xe2\x82\xac\n")})),
            refv("codecs.raw_unicode_escape_encode"));
  EXPECT_EQ(show(call(c, "charmap_decode", {B("\x00\x01\x02", 3), S("strict"), S("xyz")})),
            refv("codecs.charmap_decode"));
  EXPECT_EQ(show(call(c, "charmap_decode", {B("\x00\x05", 2), S("strict"), S("xyz")})),
            refv("codecs.charmap_decode_undef"));
  Ref<> map = Ref<>::steal(dict_new());
  dict_set_item(map.get(), Ref<>::steal(I('x')).get(), Ref<>::steal(I(1)).get());
  dict_set_item(map.get(), Ref<>::steal(I('y')).get(), Ref<>::steal(I(2)).get());
  dict_set_item(map.get(), Ref<>::steal(I('z')).get(), Ref<>::steal(I(3)).get());
  EXPECT_EQ(show(call(c, "charmap_encode", {S("zyx"), S("strict"), new_ref(map.get())})),
            refv("codecs.charmap_encode"));
  EXPECT_EQ(show(call(c, "escape_decode", {B("a\\x41\\n\\101")})), refv("codecs.escape_decode"));
  EXPECT_EQ(show(call(c, "escape_encode", {B("a\n\x00'", 4)})), refv("codecs.escape_encode"));
  EXPECT_EQ(show(call(c, "lookup_error", {S("nope")})), refv("codecs.lookup_error_unknown"));
  EXPECT_EQ(show(object_getattr_string(obj(call(c, "lookup_error", {S("strict")})), "__name__")),
            refv("codecs.lookup_error_name"));
  EXPECT_EQ(show(call(c, "register_error", {S("x"), I(1)})), refv("codecs.register_error_bad"));
  EXPECT_EQ(show(call(c, "_unregister_error", {S("strict")})), refv("codecs.unregister_builtin"));
  EXPECT_EQ(show(call(c, "register", {I(1)})), refv("codecs.register_bad"));
  EXPECT_EQ(show(call(c, "utf_8_decode", {S("abc")})), refv("codecs.decode_str"));
  EXPECT_EQ(show(call(c, "utf_8_encode", {B("abc")})), refv("codecs.encode_bytes"));
  EXPECT_EQ(show(call(c, "utf_8_encode", {S("abc"), I(1)})), refv("codecs.errors_type"));
  auto exc = [](TypeObject* t, Object* enc, Object* o, long s, long e) {
    Ref<> args = Ref<>::steal(modtest::tup({enc, o, I(s), I(e), S("bad")}));
    return object_call(t, args.get(), nullptr);
  };
  Object* rep = obj(call(c, "lookup_error", {S("replace")}));
  EXPECT_EQ(show(call_obj(rep, {exc(exc_UnicodeEncodeError, S("ascii"), U("a\xc3\xa9\xc3\xa9" "b"), 1, 3)})),
            refv("codecs.replace_handler"));
  Object* bs = obj(call(c, "lookup_error", {S("backslashreplace")}));
  EXPECT_EQ(show(call_obj(bs, {exc(exc_UnicodeDecodeError, S("ascii"), B("a\xe9" "b"), 1, 2)})),
            refv("codecs.backslash_handler"));
  Object* xml = obj(call(c, "lookup_error", {S("xmlcharrefreplace")}));
  EXPECT_EQ(show(call_obj(xml, {exc(exc_UnicodeDecodeError, S("ascii"), B("a\xe9" "b"), 1, 2)})),
            refv("codecs.xml_handler_decode"));
  Object* nr = obj(call(c, "lookup_error", {S("namereplace")}));
  EXPECT_EQ(show(call_obj(nr, {exc(exc_UnicodeEncodeError, S("ascii"), U("a\xc3\xa9" "b"), 1, 2)})),
            refv("codecs.namereplace_handler"));
  Object* se = obj(call(c, "lookup_error", {S("surrogateescape")}));
  EXPECT_EQ(show(call_obj(se, {exc(exc_UnicodeDecodeError, S("utf-8"), B("a\xe9\xff" "b"), 1, 3)})),
            refv("codecs.surrogateescape_handler"));
  Object* st = obj(call(c, "lookup_error", {S("strict")}));
  EXPECT_EQ(show(call_obj(st, {I(1)})), refv("codecs.strict_handler"));
}

TEST_F(ModulesIO, BytesIO) {
  Object* b = obj(call(io(), "BytesIO", {B("abc\ndef\nghi")}));
  ASSERT_TRUE(b);
  EXPECT_EQ(show(seq({[&] { return call(b, "readline", {}); }, [&] { return call(b, "readline", {I(2)}); },
                      [&] { return call(b, "tell", {}); }})),
            refv("bytesio.readline"));
  EXPECT_EQ(show(seq({[&] { return call(b, "read", {}); }, [&] { return call(b, "read", {}); },
                      [&] { return call(b, "tell", {}); }})),
            refv("bytesio.read"));
  EXPECT_EQ(show(call(b, "seek", {I(-1)})), refv("bytesio.seek_neg"));
  EXPECT_EQ(show(call(b, "seek", {I(0), I(3)})), refv("bytesio.seek_whence"));
  EXPECT_EQ(show(seq({[&] { return call(b, "seek", {I(14)}); }, [&] { return call(b, "write", {B("Z")}); },
                      [&] { return call(b, "getvalue", {}); }})),
            refv("bytesio.write_gap"));
  EXPECT_EQ(show(call(b, "write", {S("x")})), refv("bytesio.write_str"));
  EXPECT_EQ(show(seq({[&] { return call(b, "truncate", {I(4)}); }, [&] { return call(b, "getvalue", {}); },
                      [&] { return call(b, "tell", {}); }})),
            refv("bytesio.truncate"));
  EXPECT_EQ(show(call(b, "truncate", {I(-1)})), refv("bytesio.truncate_neg"));
  EXPECT_EQ(show(call(obj(call(io(), "BytesIO", {B("a\nb\nc")})), "readlines", {})), refv("bytesio.readlines"));
  EXPECT_EQ(show(sequence_list(obj(call(io(), "BytesIO", {B("x\ny\n")})))), refv("bytesio.iter"));
  Object* c = obj(call(io(), "BytesIO", {B("x")}));
  EXPECT_EQ(show(seq({[&] { return call(c, "close", {}); }, [&] { return object_getattr_string(c, "closed"); },
                      [&] { return call(c, "read", {}); }})),
            refv("bytesio.closed"));
  EXPECT_EQ(show(call(obj(call(io(), "BytesIO", {B("ab")})), "__getstate__", {})), refv("bytesio.getstate"));
  Object* e = obj(call(io(), "BytesIO", {}));
  EXPECT_EQ(show(seq({[&] { return call(e, "readable", {}); }, [&] { return call(e, "writable", {}); },
                      [&] { return call(e, "seekable", {}); }, [&] { return call(e, "isatty", {}); }})),
            refv("bytesio.flags"));
  EXPECT_EQ(show(call(obj(call(io(), "BytesIO", {}, {{"initial_bytes", B("q")}})), "read", {})),
            refv("bytesio.kw"));
  EXPECT_EQ(show(call(e, "read", {S("x")})), refv("bytesio.read_bad"));
}

TEST_F(ModulesIO, StringIO) {
  Object* s = obj(call(io(), "StringIO", {S("a\r\nb\rc\nd")}));
  ASSERT_TRUE(s);
  auto rl = [&](Object* f) { return [f] { return call(f, "readline", {}); }; };
  EXPECT_EQ(show(seq({rl(s), rl(s), rl(s), rl(s), rl(s)})), refv("stringio.lines"));
  Object* s2 = obj(call(io(), "StringIO", {S("a\r\nb\rc\nd")}, {{"newline", new_ref(none())}}));
  EXPECT_EQ(show(seq({[&] { return call(s2, "getvalue", {}); }, [&] { return object_getattr_string(s2, "newlines"); },
                      [&] { return call(s2, "read", {I(3)}); }})),
            refv("stringio.universal"));
  Object* s3 = obj(call(io(), "StringIO", {}, {{"newline", S("")}}));
  EXPECT_EQ(show(seq({[&] { return call(s3, "write", {S("x\r\ny\rz\n")}); }, [&] { return call(s3, "seek", {I(0)}); },
                      rl(s3), rl(s3), rl(s3), [&] { return object_getattr_string(s3, "newlines"); }})),
            refv("stringio.newline_empty"));
  Object* s4 = obj(call(io(), "StringIO", {}, {{"newline", S("\r\n")}}));
  EXPECT_EQ(show(seq({[&] { return call(s4, "write", {S("p\nq\n")}); }, [&] { return call(s4, "getvalue", {}); },
                      [&] { return call(s4, "seek", {I(0)}); }, rl(s4)})),
            refv("stringio.newline_crlf"));
  EXPECT_EQ(show(call(io(), "StringIO", {}, {{"newline", S("x")}})), refv("stringio.bad_newline"));
  EXPECT_EQ(show(call(io(), "StringIO", {}, {{"newline", I(1)}})), refv("stringio.bad_newline_type"));
  EXPECT_EQ(show(call(io(), "StringIO", {B("x")})), refv("stringio.bad_initial"));
  EXPECT_EQ(show(call(obj(call(io(), "StringIO", {})), "write", {B("x")})), refv("stringio.write_bytes"));
  EXPECT_EQ(show(call(obj(call(io(), "StringIO", {S("abc")})), "seek", {I(1), I(1)})), refv("stringio.seek_cur"));
  EXPECT_EQ(show(call(obj(call(io(), "StringIO", {S("abc")})), "seek", {I(-1)})), refv("stringio.seek_neg"));
  Object* f = obj(call(io(), "StringIO", {S("abc")}));
  EXPECT_EQ(show(seq({[&] { return call(f, "seek", {I(0), I(2)}); }, [&] { return call(f, "write", {S("Z")}); },
                      [&] { return call(f, "getvalue", {}); }})),
            refv("stringio.seek_end"));
  Object* g = obj(call(io(), "StringIO", {S("abc")}));
  EXPECT_EQ(show(seq({[&] { return call(g, "seek", {I(5)}); }, [&] { return call(g, "write", {S("Z")}); },
                      [&] { return call(g, "getvalue", {}); }})),
            refv("stringio.write_past"));
  Object* h = obj(call(io(), "StringIO", {S("abc")}));
  EXPECT_EQ(show(seq({[&] { return call(h, "read", {I(1)}); }, [&] { return call(h, "truncate", {}); },
                      [&] { return call(h, "getvalue", {}); }, [&] { return call(h, "tell", {}); }})),
            refv("stringio.truncate"));
  Object* k = obj(call(io(), "StringIO", {S("x")}));
  EXPECT_EQ(show(seq({[&] { return call(k, "close", {}); }, [&] { return object_getattr_string(k, "closed"); },
                      [&] { return call(k, "getvalue", {}); }})),
            refv("stringio.closed"));
  EXPECT_EQ(show(call(obj(call(io(), "StringIO", {S("ab")}, {{"newline", S("\r")}})), "__getstate__", {})),
            refv("stringio.getstate"));
  EXPECT_EQ(show(sequence_list(obj(call(io(), "StringIO", {S("x\ny")})))), refv("stringio.iter"));
  Object* r = obj(call(io(), "StringIO", {U("h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80")}));
  EXPECT_EQ(show(seq({[&] { return call(r, "read", {I(2)}); }, [&] { return call(r, "read", {I(0)}); },
                      [&] { return call(r, "read", {I(-1)}); }, [&] { return call(r, "read", {}); }})),
            refv("stringio.read_sizes"));
}

TEST_F(ModulesIO, NewlineDecoder) {
  Object* t = obj(object_getattr_string(io(), "IncrementalNewlineDecoder"));
  Object* d = obj(call_obj(t, {new_ref(none()), new_ref(true_object())}));
  ASSERT_TRUE(d);
  EXPECT_EQ(show(seq({[&] { return call(d, "decode", {S("a\r")}); }, [&] { return call(d, "decode", {S("\nb\r")}); },
                      [&] { return call(d, "getstate", {}); },
                      [&] { return call(d, "decode", {S(""), new_ref(true_object())}); },
                      [&] { return object_getattr_string(d, "newlines"); }})),
            refv("nldecoder.decode"));
  Object* d2 = obj(call_obj(t, {new_ref(none()), new_ref(false_object())}));
  EXPECT_EQ(show(seq({[&] { return call(d2, "decode", {S("a\r\nb\rc\n"), new_ref(true_object())}); },
                      [&] { return object_getattr_string(d2, "newlines"); }, [&] { return call(d2, "reset", {}); },
                      [&] { return object_getattr_string(d2, "newlines"); }})),
            refv("nldecoder.keep"));
}

TEST_F(ModulesIO, OpenErrors) {
  EXPECT_EQ(show(open("rw")), refv("open.bad_mode"));
  EXPECT_EQ(show(open("rq")), refv("open.bad_mode_char"));
  EXPECT_EQ(show(open("tb")), refv("open.text_binary"));
  EXPECT_EQ(show(open("wb", {{"encoding", S("utf-8")}})), refv("open.binary_encoding"));
  EXPECT_EQ(show(open("wb", {{"newline", S("")}})), refv("open.binary_newline"));
  EXPECT_EQ(show(open("w", {{"buffering", I(0)}})), refv("open.unbuffered_text"));
  std::string missing = dir_ + "/missing";
  EXPECT_EQ(show(call(io(), "open", {S(missing.c_str())})), refv("open.missing"));
  EXPECT_EQ(show(call(io(), "open", {float_from_double(1.5)})), refv("open.bad_file"));
  EXPECT_EQ(show(call(io(), "open", {P(), I(1)})), refv("open.bad_mode_type"));
  EXPECT_EQ(show(open("w", {{"newline", S("x")}})), refv("open.bad_newline"));
  EXPECT_EQ(show(call(io(), "open", {S(dir_.c_str())})), refv("open.dir"));
}

TEST_F(ModulesIO, TextFiles) {
  Object* f = obj(open("w", {{"encoding", S("utf-8")}}));
  ASSERT_TRUE(f) << objtest::error_text();
  EXPECT_EQ(show(seq({[&] { return call(f, "write", {U("h\xc3\xa9llo\nw\xe2\x82\xacrld\n")}); },
                      [&] { return call(f, "write", {S("third")}); }, [&] { return object_getattr_string(f, "encoding"); },
                      [&] { return object_getattr_string(f, "errors"); },
                      [&] { return object_getattr_string(f, "line_buffering"); }})),
            refv("text.write"));
  EXPECT_EQ(show(call(f, "read", {})), refv("text.read_on_write"));
  EXPECT_EQ(show(call(f, "close", {})), "None");
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(f, "closed"); }, [&] { return call(f, "write", {S("x")}); }})),
            refv("text.closed"));
  Object* r = obj(open("r", {{"encoding", S("utf-8")}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(show(seq({[&] { return call(r, "readline", {}); }, [&] { return call(r, "tell", {}); }})),
            refv("text.readline"));
  EXPECT_EQ(show(seq({[&] { return call(r, "read", {I(3)}); }, [&] { return call(r, "tell", {}); }})), refv("text.read3"));
  EXPECT_EQ(show(seq({[&] { return call(r, "read", {}); }, [&] { return call(r, "read", {}); }})), refv("text.read_rest"));
  EXPECT_EQ(show(seq({[&] { return call(r, "seek", {I(0)}); }, [&] { return call(r, "read", {I(2)}); },
                      [&] { return call(r, "tell", {}); }})),
            refv("text.seek0"));
  EXPECT_EQ(show(call(r, "seek", {I(2), I(1)})), refv("text.seek_cur"));
  EXPECT_EQ(show(seq({[&] { return call(r, "seek", {I(0), I(2)}); }, [&] { return call(r, "read", {}); }})),
            refv("text.seek_end"));
  EXPECT_EQ(show(call(r, "write", {S("x")})), refv("text.write_on_read"));
  decref(call(r, "close", {}));

  Object* b = obj(open("rb"));
  EXPECT_EQ(show(seq({[&] { return call(b, "read", {I(3)}); },
                      [&] { return sequence_get_slice(obj(call(b, "peek", {I(1)})), 0, 1); },
                      [&] { return call(b, "read1", {I(2)}); }, [&] { return call(b, "tell", {}); }})),
            refv("binary.read"));
  EXPECT_EQ(show(seq({[&] { return call(b, "readline", {}); }, [&] { return call(b, "readlines", {}); }})),
            refv("binary.readline"));
  EXPECT_EQ(show(seq({[&] { return call(b, "seek", {I(-3), I(2)}); }, [&] { return call(b, "read", {}); },
                      [&] { return call(b, "seek", {I(1)}); }, [&] { return call(b, "read", {I(2)}); }})),
            refv("binary.seek"));
  EXPECT_EQ(show(call(b, "write", {B("x")})), refv("binary.write"));
  decref(call(b, "close", {}));

  Object* rw = obj(open("r+b"));
  EXPECT_EQ(show(seq({[&] { return call(rw, "read", {I(2)}); }, [&] { return call(rw, "write", {B("XY")}); },
                      [&] { return call(rw, "tell", {}); }, [&] { return call(rw, "seek", {I(0)}); },
                      [&] { return call(rw, "read", {I(5)}); }})),
            refv("random.rw"));
  decref(call(rw, "close", {}));
  Object* chk = obj(open("rb"));
  EXPECT_EQ(show(call(chk, "read", {I(6)})), refv("random.check"));
  decref(call(chk, "close", {}));
  Object* ap = obj(open("ab"));
  EXPECT_EQ(show(seq({[&] { return call(ap, "tell", {}); }, [&] { return call(ap, "write", {B("!")}); },
                      [&] { return call(ap, "tell", {}); }})),
            refv("append.tell"));
  decref(call(ap, "close", {}));

  Object* crlf = obj(open("w", {{"newline", S("\r\n")}, {"encoding", S("ascii")}}));
  EXPECT_EQ(show(call(crlf, "write", {S("a\nb\n")})), refv("text.crlf"));
  decref(call(crlf, "close", {}));
  Object* cb = obj(open("rb"));
  EXPECT_EQ(show(call(cb, "read", {})), refv("text.crlf_bytes"));
  decref(call(cb, "close", {}));
  Object* ne = obj(open("r", {{"newline", S("")}, {"encoding", S("ascii")}}));
  EXPECT_EQ(show(seq({[&] { return call(ne, "readline", {}); }, [&] { return call(ne, "readline", {}); },
                      [&] { return call(ne, "readline", {}); }})),
            refv("text.newline_empty"));
  decref(call(ne, "close", {}));
  Object* un = obj(open("r", {{"encoding", S("ascii")}}));
  EXPECT_EQ(show(seq({[&] { return call(un, "read", {}); }, [&] { return object_getattr_string(un, "newlines"); }})),
            refv("text.universal"));
  decref(call(un, "close", {}));

  Object* l1 = obj(open("w", {{"encoding", S("latin-1")}}));
  EXPECT_EQ(show(call(l1, "write", {U("\xe2\x82\xac")})), refv("text.latin1_err"));
  decref(call(l1, "close", {}));
  Object* l2 = obj(open("w", {{"encoding", S("latin-1")}, {"errors", S("replace")}}));
  EXPECT_EQ(show(seq({[&] { return call(l2, "write", {U("a\xe2\x82\xac" "b")}); },
                      [&] { return object_getattr_string(l2, "errors"); }})),
            refv("text.latin1_replace"));
  decref(call(l2, "close", {}));
  Object* l3 = obj(open("rb"));
  EXPECT_EQ(show(call(l3, "read", {})), refv("text.latin1_bytes"));
  decref(call(l3, "close", {}));

  Object* w = obj(open("wb"));
  decref(call(w, "write", {B("ab\xff" "cd")}));
  decref(call(w, "close", {}));
  Object* d1 = obj(open("r", {{"encoding", S("utf-8")}}));
  EXPECT_EQ(show(call(d1, "read", {})), refv("text.decode_err"));
  decref(call(d1, "close", {}));
  Object* d2 = obj(open("r", {{"encoding", S("utf-8")}, {"errors", S("surrogateescape")}}));
  EXPECT_EQ(show(call(d2, "read", {})), refv("text.decode_surrogateescape"));
  decref(call(d2, "close", {}));

  Object* w2 = obj(open("w", {{"encoding", S("utf-8")}}));
  decref(call(w2, "write", {U("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\nline2\n")}));
  decref(call(w2, "close", {}));
  Object* t = obj(open("r", {{"encoding", S("utf-8")}}));
  EXPECT_EQ(show(seq({[&] { return call(t, "read", {I(2)}); }, [&] { return call(t, "tell", {}); }})),
            refv("text.tell_mid"));
  Object* cookie = obj(call(t, "tell", {}));
  EXPECT_EQ(show(seq({[&] { return call(t, "read", {I(1)}); }, [&] { return call(t, "seek", {new_ref(cookie)}); },
                      [&] { return call(t, "read", {I(2)}); }})),
            refv("text.seek_cookie"));
  EXPECT_EQ(show(seq({[&] { return iter_next(t); }, [&] { return call(t, "tell", {}); }})), refv("text.next_tell"));
  decref(call(t, "close", {}));
}

TEST_F(ModulesIO, FileIO) {
  Object* w = obj(open("wb"));
  decref(call(w, "write", {B("\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\nline2\n")}));
  decref(call(w, "close", {}));
  Object* f = obj(call(io(), "FileIO", {P()}));
  ASSERT_TRUE(f) << objtest::error_text();
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(f, "mode"); }, [&] { return object_getattr_string(f, "closefd"); },
                      [&] { return call(f, "readable", {}); }, [&] { return call(f, "writable", {}); },
                      [&] { return call(f, "seekable", {}); }, [&] { return call(f, "isatty", {}); },
                      [&] { return new_ref(true_object()); }})),
            refv("fileio.repr_fields"));
  EXPECT_EQ(show(seq({[&] { return call(f, "read", {I(3)}); },
                      [&] { return sequence_get_slice(obj(call(f, "readall", {})), 0, 3); },
                      [&] { return call(f, "read", {}); }, [&] { return call(f, "tell", {}); }})),
            refv("fileio.read"));
  EXPECT_EQ(show(call(f, "write", {B("x")})), refv("fileio.write_ro"));
  decref(call(f, "close", {}));
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(f, "closed"); }, [&] { return object_repr(f); },
                      [&] { return call(f, "read", {}); }})),
            refv("fileio.closed_ops"));
  EXPECT_EQ(show(call(io(), "FileIO", {P(), S("rw")})), refv("fileio.bad_mode"));
  EXPECT_EQ(show(call(io(), "FileIO", {P(), S("z")})), refv("fileio.bad_mode2"));
  EXPECT_EQ(show(call(io(), "FileIO", {I(-1)})), refv("fileio.neg_fd"));
  EXPECT_EQ(show(call(io(), "FileIO", {float_from_double(1.5)})), refv("fileio.float"));
  EXPECT_EQ(show(call(io(), "FileIO", {P()}, {{"closefd", new_ref(false_object())}})), refv("fileio.closefd_name"));
  Ref<> modes = Ref<>::steal(list_new(0));
  for (const char* m : {"r", "r+", "w", "a", "a+", "rb+"}) {
    Ref<> fo = Ref<>::steal(call(io(), "FileIO", {P(), S(m)}));
    ASSERT_TRUE(fo);
    list_append(modes.get(), Ref<>::steal(object_getattr_string(fo.get(), "mode")).get());
    decref(call(fo.get(), "close", {}));
  }
  EXPECT_EQ(show(new_ref(modes.get())), refv("fileio.modes"));
  EXPECT_EQ(show(call(io(), "FileIO", {P(), S("x")})), refv("fileio.exists"));
  Object* tr = obj(call(io(), "FileIO", {P(), S("w+")}));
  EXPECT_EQ(show(seq({[&] { return call(tr, "write", {B("12345")}); }, [&] { return call(tr, "truncate", {I(2)}); },
                      [&] { return call(tr, "seek", {I(0)}); }, [&] { return call(tr, "read", {}); },
                      [&] { return call(tr, "close", {}); }})),
            refv("fileio.truncate"));
}

TEST_F(ModulesIO, BufferedAndWrappers) {
  Object* w = obj(open("wb"));
  decref(call(w, "close", {}));
  auto fileio = [&](const char* mode) { return call(io(), "FileIO", {P(), S(mode)}); };
  EXPECT_EQ(show(call(io(), "BufferedReader", {fileio("r"), I(0)})), refv("buffered.bad_size"));
  EXPECT_EQ(show(call(io(), "BufferedReader", {fileio("w")})), refv("buffered.not_readable"));
  EXPECT_EQ(show(call(io(), "BufferedWriter", {fileio("r")})), refv("buffered.not_writable"));
  EXPECT_EQ(show(call(obj(call(io(), "BufferedReader", {fileio("r")})), "read", {I(-2)})), refv("buffered.read_neg"));
  Object* br = obj(call(io(), "BufferedReader", {fileio("r")}));
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(obj(call(br, "detach", {})), "__class__"); },
                      [&] { return call(br, "read", {}); }})),
            refv("buffered.detach"));
  Object* bc = obj(call(io(), "BufferedReader", {fileio("r")}));
  EXPECT_EQ(show(seq({[&] { return call(bc, "close", {}); }, [&] { return call(bc, "read", {}); }})),
            refv("buffered.closed_read"));
  Object* bw = obj(call(io(), "BufferedWriter", {fileio("w")}));
  EXPECT_EQ(show(seq({[&] { return call(bw, "close", {}); }, [&] { return call(bw, "write", {B("x")}); }})),
            refv("buffered.closed_write"));
  EXPECT_EQ(show(call(obj(call(io(), "BufferedReader", {fileio("r")})), "__getstate__", {})), refv("buffered.pickle"));
  EXPECT_EQ(show(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"newline", S("q")}})),
            refv("textio.bad_newline"));
  EXPECT_EQ(show(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"encoding", I(1)}})),
            refv("textio.bad_encoding_type"));
  Object* tw = obj(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"encoding", S("utf-8")}}));
  ASSERT_TRUE(tw) << objtest::error_text();
  EXPECT_EQ(show(seq({[&] { return call(tw, "write", {S("a\nb")}); }, [&] { return call(tw, "flush", {}); },
                      [&] { return call(obj(object_getattr_string(tw, "buffer")), "getvalue", {}); },
                      [&] { return call(tw, "seek", {I(0)}); }, [&] { return call(tw, "readlines", {}); }})),
            refv("textio.bytesio"));
  Object* rc = obj(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"encoding", S("utf-8")}}));
  EXPECT_EQ(show(seq({[&] { return call(rc, "reconfigure", {}, {{"encoding", S("latin-1")}, {"line_buffering", new_ref(true_object())}}); },
                      [&] { return object_getattr_string(rc, "encoding"); },
                      [&] { return object_getattr_string(rc, "line_buffering"); },
                      [&] { return object_getattr_string(rc, "errors"); }})),
            refv("textio.reconfigure"));
  Object* dt = obj(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"encoding", S("utf-8")}}));
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(obj(object_getattr_string(obj(call(dt, "detach", {})), "__class__")), "__name__"); },
                      [&] { return call(dt, "read", {}); }})),
            refv("textio.detach"));
  EXPECT_EQ(show(call(obj(call(io(), "TextIOWrapper", {call(io(), "BytesIO", {})}, {{"encoding", S("utf-8")}})), "write", {I(1)})),
            refv("textio.write_int"));
  EXPECT_EQ(show(object_getattr_string(io(), "DEFAULT_BUFFER_SIZE")), refv("misc.default_buffer_size"));
  EXPECT_EQ(show(seq({[&] { return call(io(), "text_encoding", {new_ref(none())}); },
                      [&] { return call(io(), "text_encoding", {S("x")}); }})),
            refv("misc.text_encoding"));
  EXPECT_EQ(show(call(obj(call(io(), "_IOBase", {})), "seek", {I(0)})), refv("misc.iobase_seek"));
  EXPECT_EQ(show(call(obj(call(io(), "_IOBase", {})), "fileno", {})), refv("misc.iobase_fileno"));
  Object* ib = obj(call(io(), "_IOBase", {}));
  EXPECT_EQ(show(seq({[&] { return object_getattr_string(ib, "closed"); }, [&] { return call(ib, "close", {}); },
                      [&] { return object_getattr_string(ib, "closed"); }, [&] { return call(ib, "flush", {}); }})),
            refv("misc.iobase_closed"));
  EXPECT_EQ(show(call(obj(call(io(), "_TextIOBase", {})), "read", {})), refv("misc.textiobase_read"));
  EXPECT_EQ(show(call(obj(call(io(), "_BufferedIOBase", {})), "write", {B("")})), refv("misc.bufferediobase_write"));
  EXPECT_EQ(show(call(obj(call(io(), "_RawIOBase", {})), "write", {B("")})), refv("misc.rawiobase_write"));
}

}  // namespace
}  // namespace iotest
