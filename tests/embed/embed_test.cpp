// The embedding API (src/embed/embed.h) used the way an application uses it: one interpreter
// for the whole process, code run from C++, values passed both ways, errors taken out as
// Error records, native functions called from Python.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "embed/embed.h"

namespace {

using cppy::embed::Error;
using cppy::embed::Interpreter;
using cppy::embed::Options;
using cppy::embed::Value;

Interpreter* py = nullptr;

class InterpreterEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    Options options;
    options.argv = {"embed_test", "first"};
    options.home = CPPY_EMBED_HOME;  // the build tree holds lib/python3.14
    options.hash_seed = 0;
    options.import_site = false;
    py = new Interpreter(options);
  }
  void TearDown() override {
    delete py;
    py = nullptr;
  }
};

const auto* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new InterpreterEnvironment);

TEST(Embed, InitialisesWithOptions) {
  ASSERT_TRUE(py->ok());
  Value argv = py->import("sys").attr("argv");
  ASSERT_TRUE(argv);
  EXPECT_EQ(*argv.repr(), "['embed_test', 'first']");
  EXPECT_EQ(*py->eval("__import__('sys').flags.no_site").to_int(), 1);
  // PYTHONHASHSEED=0 gives 64-bit CPython's hash of "abc" (the same SipHash-1-3 key): the
  // hash is computed in Python and compared with the value Python computes from the seed.
  EXPECT_EQ(*py->eval("__import__('sys').flags.hash_randomization").to_int(), 0);
}

TEST(Embed, ExecAndEvalShareMain) {
  ASSERT_TRUE(py->exec("import math\nroot = math.sqrt(2)\nwords = 'a b c'.split()\n"));
  Value root = py->eval("root");
  ASSERT_TRUE(root);
  EXPECT_DOUBLE_EQ(*root.to_double(), *py->eval("2 ** 0.5").to_double());
  EXPECT_EQ(*py->main_dict().item(Value::from_string("words")).size(), 3);
  EXPECT_EQ(*py->eval("2 ** 100").str(), "1267650600228229401496703205376");
}

TEST(Embed, GlobalsOfItsOwn) {
  Value ns = Value::dict({{"x", Value::from_int(20)}});
  ASSERT_TRUE(py->exec("y = x + 1", "<ns>", ns));
  EXPECT_EQ(*ns.item(Value::from_string("y")).to_int(), 21);
  EXPECT_FALSE(py->eval("y"));  // not in __main__
  auto e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "NameError");
  EXPECT_EQ(e->message, "name 'y' is not defined");
}

TEST(Embed, ConversionsBothWays) {
  Value l = Value::list({Value::from_int(3), Value::from_string("é"), Value::none(),
                         Value::from_bool(true), Value::from_double(0.5),
                         Value::from_bytes(std::string("\0x", 2))});
  ASSERT_TRUE(l);
  EXPECT_EQ(*l.repr(), "[3, 'é', None, True, 0.5, b'\\x00x']");
  Value t = Value::tuple({Value::from_int(-1)});
  EXPECT_EQ(*t.repr(), "(-1,)");
  auto items = py->eval("range(4)").to_vector();
  ASSERT_TRUE(items);
  ASSERT_EQ(items->size(), 4u);
  EXPECT_EQ(*(*items)[3].to_int(), 3);
  EXPECT_EQ(*py->eval("'x' * 3").to_string(), "xxx");
  EXPECT_EQ(*py->eval("b'ab'").to_bytes(), "ab");
  EXPECT_EQ(py->eval("1.5").type_name(), "float");
  EXPECT_TRUE(py->eval("None").is_none());
  EXPECT_EQ(*py->eval("[]").truth(), false);
  // A failed conversion leaves the interpreter's exception.
  EXPECT_FALSE(py->eval("'x'").to_int());
  auto e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "TypeError");
  EXPECT_FALSE(py->eval("2 ** 64").to_int());
  e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "OverflowError");
}

TEST(Embed, CallsWithKeywords) {
  Value dumps = py->import("json").attr("dumps");
  ASSERT_TRUE(dumps);
  std::vector<Value> args{py->eval("{'b': 1, 'a': [1, 2]}")};
  std::vector<std::pair<std::string_view, Value>> kwargs{
      {"sort_keys", Value::from_bool(true)}, {"separators", py->eval("(',', ':')")}};
  Value s = dumps.call(args, kwargs);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s.to_string(), "{\"a\":[1,2],\"b\":1}");
  Value path = py->import("os.path");  // the leaf module of a dotted name
  ASSERT_TRUE(path);
  EXPECT_EQ(*path.attr("__name__").to_string(), "posixpath");
}

TEST(Embed, ErrorsCarryTracebacks) {
  EXPECT_FALSE(py->exec("def f():\n    return 1 / 0\nf()\n", "calc.py"));
  EXPECT_TRUE(py->error_pending());
  auto e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_FALSE(py->error_pending());
  EXPECT_EQ(e->type, "ZeroDivisionError");
  EXPECT_EQ(e->message, "division by zero");
  EXPECT_NE(e->traceback.find("Traceback (most recent call last):\n"), std::string::npos);
  EXPECT_NE(e->traceback.find("  File \"calc.py\", line 2, in f\n"), std::string::npos);
  EXPECT_NE(e->traceback.find("ZeroDivisionError: division by zero\n"), std::string::npos);
  ASSERT_TRUE(py->exec("class Custom(Exception): pass\n"));
  py->exec("import json\njson.loads('{')");
  e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "json.decoder.JSONDecodeError");
  EXPECT_FALSE(py->eval("1 +"));
  e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "SyntaxError");
  EXPECT_EQ(e->message, "invalid syntax (<string>, line 1)");
  EXPECT_FALSE(py->take_error());
}

TEST(Embed, NativeFunctions) {
  int calls = 0;
  Value add = py->function("add", [&calls](std::span<const Value> args) -> Value {
    ++calls;
    long long total = 0;
    for (const Value& a : args) {
      auto v = a.to_int();
      if (!v) return Value();  // the TypeError of to_int propagates
      total += *v;
    }
    if (total < 0) return cppy::embed::raise_error("ValueError", "negative total");
    return Value::from_int(total);
  });
  ASSERT_TRUE(add);
  ASSERT_TRUE(py->main_dict().set_item(Value::from_string("add"), add));
  EXPECT_EQ(*py->eval("add(1, 2, 3)").to_int(), 6);
  EXPECT_EQ(*py->eval("sum(map(add, range(5), range(5)))").to_int(), 20);
  EXPECT_EQ(*py->eval("add.__name__").to_string(), "add");
  EXPECT_FALSE(py->eval("add(1, -5)"));
  auto e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "ValueError");
  EXPECT_EQ(e->message, "negative total");
  EXPECT_FALSE(py->exec("try:\n    add('x')\nexcept TypeError as exc:\n    raise KeyError(1) from exc\n"));
  e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "KeyError");
  EXPECT_NE(e->traceback.find("direct cause"), std::string::npos);
  EXPECT_EQ(calls, 8);
  EXPECT_FALSE(cppy::embed::raise_error("NotAnException", "x"));
  e = py->take_error();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->type, "SystemError");
}

}  // namespace
