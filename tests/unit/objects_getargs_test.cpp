// Keyword argument parsing (Python/getargs.c) with the reference's messages, on parameter
// lists shaped like int.from_bytes, list.sort and str.split.
#include "objects/dictobject.h"
#include "objects/getargs.h"
#include "objects/tupleobject.h"
#include "objects_support.h"

namespace objtest {
namespace {

using GetArgs = ObjectsTest;

const char* const from_bytes_kw[] = {"bytes", "byteorder", "signed", nullptr};
const ArgParser from_bytes{"from_bytes", from_bytes_kw, 1, 2, 0};
const char* const sort_kw[] = {"key", "reverse", nullptr};
const ArgParser sort_parser{"sort", sort_kw, 0, 0, 0};
const char* const to_bytes_kw[] = {"length", "byteorder", "signed", nullptr};
const ArgParser to_bytes{"to_bytes", to_bytes_kw, 0, 2, 0};
const char* const split_kw[] = {"sep", "maxsplit", nullptr};
const ArgParser split_parser{"split", split_kw, 0, 2, 0};

// Calls the parser with positional values and (name, value) keywords as a vectorcall.
std::string parse(const ArgParser& p, std::initializer_list<long> pos,
                  std::initializer_list<const char*> kwnames_list, Object** out = nullptr) {
  std::vector<Object*> stack;
  for (long v : pos) stack.push_back(I(v));
  Ref<> kwnames;
  if (kwnames_list.size()) {
    kwnames = Ref<>::steal(tuple_new(static_cast<ssize>(kwnames_list.size())));
    ssize i = 0;
    for (const char* n : kwnames_list) {
      tuple_set_item(kwnames.get(), i++, S(n));
      stack.push_back(I(0));
    }
  }
  Object* local[8];
  bool ok = unpack_keywords(stack.data(), static_cast<ssize>(pos.size()), nullptr, kwnames.get(), p,
                            out ? out : local);
  for (Object* o : stack) decref(o);
  return ok ? "no error" : error_text();
}

TEST_F(GetArgs, MessagesMatchTheReference) {
  EXPECT_EQ(parse(from_bytes, {}, {}), expect_ref("err.args_missing"));
  EXPECT_EQ(parse(from_bytes, {1, 2}, {"byteorder"}), expect_ref("err.args_name_and_pos"));
  EXPECT_EQ(parse(from_bytes, {1, 2, 3}, {}), expect_ref("err.args_too_many_pos"));
  EXPECT_EQ(parse(from_bytes, {1}, {"foo"}), expect_ref("err.args_unexpected"));
  EXPECT_EQ(parse(sort_parser, {1}, {}), expect_ref("err.args_no_positional"));
  EXPECT_EQ(parse(sort_parser, {}, {"foo"}), expect_ref("err.args_sort_unexpected"));
  EXPECT_EQ(parse(split_parser, {1, 2, 3}, {}), expect_ref("err.args_at_most"));
  EXPECT_EQ(parse(from_bytes, {1}, {"byteordr"}), expect_ref("err.args_suggest"));
  EXPECT_EQ(parse(to_bytes, {1, 2, 3, 4}, {}), expect_ref("err.args_at_most_all"));
  Ref<> kw = Ref<>::steal(dict_new());
  dict_set_item_string(kw.get(), "foo", Ref<>::steal(I(1)).get());
  Ref<> empty = Ref<>::steal(tuple_new(0));
  Ref<> e = Ref<>::steal(object_call(exc_NameError, empty.get(), kw.get()));
  EXPECT_EQ(e ? std::string("no error") : error_text(), expect_ref("err.args_nameerror_kw"));
}

TEST_F(GetArgs, FillsPositionalAndKeywordSlots) {
  Object* out[3];
  EXPECT_EQ(parse(from_bytes, {1}, {"signed"}, out), "no error");
  ASSERT_NE(out[0], nullptr);
  EXPECT_EQ(out[1], nullptr);
  EXPECT_NE(out[2], nullptr);
}

}  // namespace
}  // namespace objtest
