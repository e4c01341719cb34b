// marshal against CPython 3.14.2: tests/data/marshal/cases.txt (tools/pycdata/gen_pyc.py) gives,
// for values marshalled by the reference in versions 0 to 5, the bytes and the repr of what
// marshal.loads returns. cppy must load every one to the same repr, and load back what it
// dumps itself.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "marshal/marshal.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/codeobject.h"
#include "objects/unicodeobject.h"
#include "vm/pythonrun.h"

namespace {

using namespace cppy;
using objects::Object;

struct Case {
  std::string name;
  int version;
  std::string data;
  std::string repr;
};

std::vector<Case> load_cases() {
  std::vector<Case> out;
  std::ifstream in(std::string(CPPY_VM_DATA_DIR) + "/marshal/cases.txt");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('|'), b = line.find('|', a + 1), c = line.find('|', b + 1);
    Case k;
    k.name = line.substr(0, a);
    k.version = std::stoi(line.substr(a + 1, b - a - 1));
    std::string hex = line.substr(b + 1, c - b - 1);
    if (hex == "error") continue;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      k.data.push_back(char(std::stoi(hex.substr(i, 2), nullptr, 16)));
    k.repr = line.substr(c + 1);
    out.push_back(k);
  }
  return out;
}

// The repr as the generator writes it (unicode_escape of repr; code objects by name).
std::string spelled(Object* v) {
  if (objects::code_check(v))
    return "<code " + std::string(objects::str_as_utf8(static_cast<objects::CodeObject*>(v)->co_name)) + ">";
  Object* r = objects::object_repr(v);
  if (!r) {
    errors::clear();
    return "<repr failed>";
  }
  std::string out;
  objects::ssize n = objects::str_length(r);
  for (objects::ssize i = 0; i < n; ++i) {
    uint32_t ch = objects::str_read_char(r, i);
    char buf[16];
    if (ch == '\\') out += "\\\\";
    else if (ch == '\n') out += "\\n";
    else if (ch == '\t') out += "\\t";
    else if (ch == '\r') out += "\\r";
    else if (ch >= 0x20 && ch < 0x7f) out += char(ch);
    else if (ch < 0x100) { std::snprintf(buf, sizeof buf, "\\x%02x", ch); out += buf; }
    else if (ch < 0x10000) { std::snprintf(buf, sizeof buf, "\\u%04x", ch); out += buf; }
    else { std::snprintf(buf, sizeof buf, "\\U%08x", ch); out += buf; }
  }
  objects::decref(r);
  return out;
}

TEST(Marshal, LoadsReferenceData) {
  ASSERT_EQ(vm::initialize_runtime(), 0);
  std::vector<Case> cases = load_cases();
  ASSERT_GT(cases.size(), 200u);
  int checked = 0;
  for (const Case& k : cases) {
    if (k.name.rfind("complex", 0) == 0) continue;  // complex is not in the object model yet
    size_t consumed = 0;
    Object* v = marshal::loads(k.data.data(), k.data.size(), &consumed);
    if (!v) {
      errors::clear();
      ADD_FAILURE() << k.name << " v" << k.version << ": loads failed";
      continue;
    }
    EXPECT_EQ(consumed, k.data.size()) << k.name << " v" << k.version;
    EXPECT_EQ(spelled(v), k.repr) << k.name << " v" << k.version;
    // What cppy dumps loads back to the same value.
    Object* again = marshal::dumps(v, k.version);
    if (!again) {
      errors::clear();
      ADD_FAILURE() << k.name << " v" << k.version << ": dumps failed";
    } else {
      Object* back = marshal::loads(objects::bytes_as_string(again),
                                    size_t(objects::bytes_size(again)));
      ASSERT_NE(back, nullptr) << k.name;
      EXPECT_EQ(spelled(back), k.repr) << k.name << " v" << k.version << " (round trip)";
      objects::decref(back);
      objects::decref(again);
    }
    objects::decref(v);
    ++checked;
  }
  EXPECT_GT(checked, 200);
}

TEST(Marshal, RefusesMalformedInput) {
  ASSERT_EQ(vm::initialize_runtime(), 0);
  struct Bad {
    std::string data;
    const char* message;
  } const bad[] = {
      {"", "EOF read where object expected"},
      {"i\x01\x00", "marshal data too short"},
      {"Q", "bad marshal data (unknown type code)"},
      {std::string("r\x05\x00\x00\x00", 5), "bad marshal data (invalid reference)"},
      {std::string("(\xff\xff\xff\x7f", 5), "marshal data too short"},
      {std::string("l\x01\x00\x00\x00\xff\xff", 7), "bad marshal data (digit out of range in long)"},
  };
  for (const Bad& b : bad) {
    Object* v = marshal::loads(b.data.data(), b.data.size());
    EXPECT_EQ(v, nullptr);
    Object* exc = errors::get_raised_exception();
    ASSERT_NE(exc, nullptr);
    Object* s = objects::object_str(exc);
    EXPECT_STREQ(objects::str_as_utf8(s), b.message);
    objects::decref(s);
    objects::decref(exc);
  }
}

}  // namespace
