// str (src/objects/unicodeobject.*): layout, creation, UTF-8, interning, comparison, hashing,
// repr, indexing, PyUnicode_FromFormat. Expected values: tests/data/text (the reference).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "hash/hash.h"
#include "objects/boolobject.h"
#include "objects/text_support.h"
#include "objects/unicodeobject.h"

using namespace cppy::objects;
namespace errors = cppy::errors;

namespace {

std::vector<std::string> read_lines(const std::string& name) {
  std::ifstream in(std::string(CPPY_TEXT_DATA_DIR) + "/text/" + name);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    if (p == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::vector<UCS4> parse_cps(const std::string& s) {
  std::vector<UCS4> out;
  std::istringstream in(s);
  std::string tok;
  while (in >> tok) out.push_back(static_cast<UCS4>(std::stoul(tok, nullptr, 16)));
  return out;
}

std::string parse_hex_bytes(const std::string& s) {
  std::string out;
  for (size_t i = 0; i + 1 < s.size(); i += 2)
    out.push_back(static_cast<char>(std::stoul(s.substr(i, 2), nullptr, 16)));
  return out;
}

Object* make_str(const std::vector<UCS4>& cps) {
  return str_from_kind_and_data(kKind4, cps.data(), static_cast<ssize>(cps.size()));
}

std::vector<UCS4> cps_of(Object* s) {
  std::vector<UCS4> out;
  for (ssize i = 0; i < str_length(s); i++) out.push_back(str_read_char(s, i));
  return out;
}

// Takes the pending exception: its type and message.
std::string take_error(TypeObject** type) {
  *type = errors::occurred();
  Object* exc = errors::get_raised_exception();
  if (!exc) return "<no exception>";
  Object* msg = object_str(exc);
  decref(exc);
  if (!msg) return "<unprintable>";
  std::string r = str_as_utf8(msg);
  decref(msg);
  return r;
}

std::string utf8(Object* s) { return str_as_utf8(s); }

}  // namespace

TEST(ObjectsStr, LayoutMatchesCPython) {
  // sizeof(PyASCIIObject) == 40, PyCompactUnicodeObject == 56, PyUnicodeObject == 64.
  EXPECT_EQ(sizeof(AsciiObject), 40u);
  EXPECT_EQ(sizeof(CompactUnicodeObject), 56u);
  EXPECT_EQ(sizeof(UnicodeObject), 64u);
  Ref<> a = Ref<>::steal(str_from_cstr("abc"));
  EXPECT_TRUE(str_is_ascii(a.get()));
  EXPECT_EQ(str_kind(a.get()), kKind1);
  EXPECT_EQ(static_cast<char*>(str_data(a.get())) - reinterpret_cast<char*>(a.get()), 40);
  Ref<> b = Ref<>::steal(str_from_cstr("caf\xc3\xa9"));
  EXPECT_FALSE(str_is_ascii(b.get()));
  EXPECT_EQ(str_kind(b.get()), kKind1);
  EXPECT_EQ(static_cast<char*>(str_data(b.get())) - reinterpret_cast<char*>(b.get()), 56);
  Ref<> c = Ref<>::steal(str_from_cstr("\xe2\x82\xac"));
  EXPECT_EQ(str_kind(c.get()), kKind2);
  Ref<> d = Ref<>::steal(str_from_cstr("x\xf0\x9f\x98\x80"));
  EXPECT_EQ(str_kind(d.get()), kKind4);
  EXPECT_EQ(str_length(d.get()), 2);
  EXPECT_EQ(str_read_char(d.get(), 1), 0x1f600u);
}

TEST(ObjectsStr, SingletonsAndCache) {
  Ref<> e1 = Ref<>::steal(str_from_cstr(""));
  EXPECT_EQ(e1.get(), str_empty());
  Ref<> a1 = Ref<>::steal(str_from_cstr("a"));
  Ref<> a2 = Ref<>::steal(str_from_char('a'));
  EXPECT_EQ(a1.get(), a2.get());
  EXPECT_TRUE(is_immortal(a1.get()));
  Ref<> e = Ref<>::steal(str_from_char(0xe9));
  Ref<> e2 = Ref<>::steal(str_from_utf8("\xc3\xa9", 2));
  EXPECT_EQ(e.get(), e2.get());
  Ref<> big = Ref<>::steal(str_from_char(0x20ac));
  EXPECT_FALSE(is_immortal(big.get()));
}

TEST(ObjectsStr, Repr) {
  auto lines = read_lines("str_repr.txt");
  ASSERT_GT(lines.size(), 5000u);
  int failures = 0;
  for (const auto& line : lines) {
    auto parts = split(line, '|');
    ASSERT_EQ(parts.size(), 2u);
    auto in = parse_cps(parts[0]);
    Ref<> s = Ref<>::steal(make_str(in));
    ASSERT_TRUE(s);
    Ref<> r = Ref<>::steal(str_repr(s.get()));
    ASSERT_TRUE(r);
    if (cps_of(r.get()) != parse_cps(parts[1])) {
      if (++failures < 10) ADD_FAILURE() << "repr of [" << parts[0] << "]";
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(ObjectsStr, DecodeUtf8) {
  auto lines = read_lines("str_decode_utf8.txt");
  ASSERT_GT(lines.size(), 100u);
  for (const auto& line : lines) {
    auto parts = split(line, '|');
    ASSERT_EQ(parts.size(), 3u);
    std::string bytes = parse_hex_bytes(parts[0]);
    Object* r = str_decode_utf8(bytes.data(), static_cast<ssize>(bytes.size()), parts[1].c_str());
    const std::string& expect = parts[2];
    if (expect.rfind("ok:", 0) == 0) {
      ASSERT_TRUE(r) << line;
      EXPECT_EQ(cps_of(r), parse_cps(expect.substr(3))) << line;
      decref(r);
    } else {
      ASSERT_FALSE(r) << line;
      TypeObject* type;
      std::string msg = take_error(&type);
      EXPECT_EQ(type, exc_UnicodeDecodeError) << line;
      EXPECT_EQ(msg, expect.substr(4)) << line;
    }
  }
}

TEST(ObjectsStr, Utf8RoundTripAndCache) {
  const char* text = "h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80";
  Ref<> s = Ref<>::steal(str_from_cstr(text));
  ssize n;
  const char* u = str_as_utf8(s.get(), &n);
  EXPECT_EQ(std::string(u, static_cast<size_t>(n)), text);
  EXPECT_EQ(str_as_utf8(s.get()), u);  // cached
  UCS4 lone = 0xdc80;
  Ref<> bad = Ref<>::steal(str_from_kind_and_data(kKind4, &lone, 1));
  EXPECT_EQ(str_as_utf8(bad.get()), nullptr);
  TypeObject* type;
  EXPECT_EQ(take_error(&type),
            "'utf-8' codec can't encode character '\\udc80' in position 0: surrogates not allowed");
  EXPECT_EQ(type, exc_UnicodeEncodeError);
}

TEST(ObjectsStr, Hash) {
  cppy::hash::init_secret(true, 0);
  for (const auto& line : read_lines("str_hash.txt")) {
    auto parts = split(line, '|');
    ASSERT_EQ(parts.size(), 2u);
    Ref<> s = Ref<>::steal(make_str(parse_cps(parts[0])));
    EXPECT_EQ(str_hash(s.get()), std::stoll(parts[1])) << line;
  }
}

TEST(ObjectsStr, FromFormat) {
  for (const auto& line : read_lines("str_fromformat.txt")) {
    auto parts = split(line, '|');
    ASSERT_EQ(parts.size(), 3u);
    std::string fmt = parse_hex_bytes(parts[0]);
    std::vector<std::pair<std::string, std::string>> args;
    if (!parts[1].empty())
      for (const auto& a : split(parts[1], ';')) {
        auto kv = split(a, '=');
        args.emplace_back(kv[0], kv[1]);
      }
    std::vector<std::string> strs;
    for (auto& a : args)
      if (a.first == "s") strs.push_back(parse_hex_bytes(a.second));
    // The cases take at most two arguments; dispatch on their kinds.
    auto arg_i = [&](size_t k) { return std::stoll(args[k].second); };
    Object* r = nullptr;
    const char* f = fmt.c_str();
    std::string kinds;
    for (auto& a : args) kinds += a.first + ",";
    size_t si = 0;
    auto next_s = [&]() { return strs[si++].c_str(); };
    if (kinds.empty()) r = str_from_format(f);
    else if (kinds == "i,") r = str_from_format(f, static_cast<int>(arg_i(0)));
    else if (kinds == "u,") r = str_from_format(f, static_cast<unsigned>(arg_i(0)));
    else if (kinds == "l,") r = str_from_format(f, static_cast<long>(arg_i(0)));
    else if (kinds == "ll,") r = str_from_format(f, static_cast<long long>(arg_i(0)));
    else if (kinds == "z,") r = str_from_format(f, static_cast<ssize>(arg_i(0)));
    else if (kinds == "sz,") r = str_from_format(f, static_cast<size_t>(arg_i(0)));
    else if (kinds == "s,") r = str_from_format(f, next_s());
    else if (kinds == "i,i,") r = str_from_format(f, static_cast<int>(arg_i(0)), static_cast<int>(arg_i(1)));
    else if (kinds == "i,s,") r = str_from_format(f, static_cast<int>(arg_i(0)), next_s());
    else FAIL() << "unhandled argument kinds " << kinds;
    const std::string& expect = parts[2];
    ASSERT_EQ(expect.rfind("ok:", 0), 0u) << line;
    ASSERT_TRUE(r) << line;
    EXPECT_EQ(cps_of(r), parse_cps(expect.substr(3))) << line;
    decref(r);
  }
}

TEST(ObjectsStr, FromFormatObjectsAndErrors) {
  Ref<> x = Ref<>::steal(str_from_cstr("it's"));
  Ref<> r = Ref<>::steal(str_from_format("<%U|%R|%S|%5.2U>", x.get(), x.get(), x.get(), x.get()));
  ASSERT_TRUE(r);
  Ref<> repr = Ref<>::steal(str_repr(x.get()));
  std::string expect = "<it's|" + utf8(repr.get()) + "|it's|   it>";
  EXPECT_EQ(utf8(r.get()), expect);
  EXPECT_EQ(str_from_format("%c", 0x110000), nullptr);
  TypeObject* type;
  EXPECT_EQ(take_error(&type), "character argument not in range(0x110000)");
  EXPECT_EQ(type, exc_OverflowError);
  EXPECT_EQ(str_from_format("%y"), nullptr);
  EXPECT_EQ(take_error(&type), "invalid format string: %y");
  EXPECT_EQ(type, exc_SystemError);
}

TEST(ObjectsStr, CompareEqualConcat) {
  Ref<> a = Ref<>::steal(str_from_cstr("abc"));
  Ref<> b = Ref<>::steal(str_from_cstr("abd"));
  Ref<> c = Ref<>::steal(str_from_cstr("ab\xe2\x82\xac"));
  Ref<> a2 = Ref<>::steal(str_from_utf8("abcx", 3));
  EXPECT_TRUE(str_equal(a.get(), a2.get()));
  EXPECT_FALSE(str_equal(a.get(), b.get()));
  EXPECT_EQ(str_compare(a.get(), b.get()), -1);
  EXPECT_EQ(str_compare(c.get(), b.get()), 1);
  EXPECT_EQ(str_compare_cstr(a.get(), "abc"), 0);
  EXPECT_EQ(str_compare_cstr(a.get(), "ab"), 1);
  EXPECT_EQ(str_compare_cstr(a.get(), "abcd"), -1);
  EXPECT_TRUE(str_equal_cstr(a.get(), "abc"));
  Ref<> lt = Ref<>::steal(str_richcompare(a.get(), b.get(), kLT));
  EXPECT_EQ(lt.get(), py_true());
  Ref<> ge = Ref<>::steal(str_richcompare(a.get(), c.get(), kGE));
  EXPECT_EQ(ge.get(), py_false());
  Ref<> ac = Ref<>::steal(str_concat(a.get(), c.get()));
  EXPECT_EQ(utf8(ac.get()), "abcab\xe2\x82\xac");
  EXPECT_EQ(str_kind(ac.get()), kKind2);
  Object* left = str_from_cstr("x");
  str_append(&left, a.get());
  EXPECT_EQ(utf8(left), "xabc");
  decref(left);
  EXPECT_EQ(str_concat(a.get(), py_true()), nullptr);
  TypeObject* type;
  EXPECT_EQ(take_error(&type), "can only concatenate str (not \"bool\") to str");
}

TEST(ObjectsStr, Interning) {
  Object* a = str_intern_from_cstr("some_identifier_xyz");
  Object* b = str_from_cstr("some_identifier_xyz");
  EXPECT_NE(a, b);
  str_intern_in_place(&b);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(is_immortal(a));
  EXPECT_EQ(as_ascii(a)->state.interned, static_cast<unsigned>(kInternedImmortal));
  decref(a);
  decref(b);
}

TEST(ObjectsStr, IndexSliceRepeatContains) {
  Ref<> s = Ref<>::steal(str_from_cstr("h\xc3\xa9llo\xe2\x82\xac"));
  Ref<> c = Ref<>::steal(str_getitem(s.get(), 1));
  EXPECT_EQ(utf8(c.get()), "\xc3\xa9");
  EXPECT_EQ(str_getitem(s.get(), 6), nullptr);
  TypeObject* type;
  EXPECT_EQ(take_error(&type), "string index out of range");
  EXPECT_EQ(type, exc_IndexError);
  Ref<> sub = Ref<>::steal(str_substring(s.get(), 1, 4));
  EXPECT_EQ(utf8(sub.get()), "\xc3\xa9ll");
  EXPECT_EQ(str_kind(sub.get()), kKind1);
  Ref<> ascii = Ref<>::steal(str_substring(s.get(), 2, 5));
  EXPECT_TRUE(str_is_ascii(ascii.get()));
  Ref<> stepped = Ref<>::steal(str_get_slice(s.get(), 5, -2, 3));
  EXPECT_EQ(utf8(stepped.get()), "\xe2\x82\xacl\xc3\xa9");
  Ref<> rep = Ref<>::steal(str_repeat(sub.get(), 3));
  EXPECT_EQ(utf8(rep.get()), "\xc3\xa9ll\xc3\xa9ll\xc3\xa9ll");
  EXPECT_EQ(str_contains(s.get(), sub.get()), 1);
  Ref<> euro = Ref<>::steal(str_from_char(0x20ac));
  EXPECT_EQ(str_contains(s.get(), euro.get()), 1);
  EXPECT_EQ(str_contains(sub.get(), euro.get()), 0);
  EXPECT_EQ(str_find_char(s.get(), 'l', 0, 6, -1), 3);
}
