// str methods (src/objects/unicode_methods.*): tests/data/text/str_methods.txt, from the
// reference.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "objects/unicode_methods.h"
#include "objects/unicodeobject.h"

using namespace cppy::objects;

namespace {

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

Object* make(const std::string& cps_text) {
  std::vector<UCS4> cps;
  std::istringstream in(cps_text);
  std::string tok;
  while (in >> tok) cps.push_back(static_cast<UCS4>(std::stoul(tok, nullptr, 16)));
  return str_from_kind_and_data(kKind4, cps.data(), static_cast<ssize>(cps.size()));
}

std::string cps_text(Object* s) {
  std::string out;
  char buf[16];
  for (ssize i = 0; i < str_length(s); i++) {
    std::snprintf(buf, sizeof buf, "%s%x", i ? " " : "", str_read_char(s, i));
    out += buf;
  }
  return out;
}

}  // namespace

TEST(ObjectsStrMethods, ReferenceCases) {
  std::ifstream in(std::string(CPPY_TEXT_DATA_DIR) + "/text/str_methods.txt");
  std::string line;
  int count = 0;
  while (std::getline(in, line)) {
    auto parts = split(line, '|');
    ASSERT_EQ(parts.size(), 3u) << line;
    const std::string& op = parts[0];
    auto args = split(parts[1], ';');
    Ref<> s = Ref<>::steal(make(args[0]));
    std::string got;
    auto text_result = [&](Object* r) {
      got = r ? cps_text(r) : "<error>";
      xdecref(r);
    };
    if (op == "lower") text_result(str_lower(s.get()));
    else if (op == "upper") text_result(str_upper(s.get()));
    else if (op == "casefold") text_result(str_casefold(s.get()));
    else if (op == "swapcase") text_result(str_swapcase(s.get()));
    else if (op == "title") text_result(str_title(s.get()));
    else if (op == "capitalize") text_result(str_capitalize(s.get()));
    else if (op == "strip") text_result(str_strip(s.get(), nullptr, 2));
    else if (op == "lstrip") text_result(str_strip(s.get(), nullptr, 0));
    else if (op == "rstrip") text_result(str_strip(s.get(), nullptr, 1));
    else if (op == "stripchars") {
      Ref<> chars = Ref<>::steal(make(args[1]));
      text_result(str_strip(s.get(), chars.get(), 2));
    } else if (op == "replace") {
      Ref<> old = Ref<>::steal(make(args[1]));
      Ref<> repl = Ref<>::steal(make(args[2]));
      text_result(str_replace(s.get(), old.get(), repl.get(), std::stol(args[3])));
    } else {
      Ref<> sub = Ref<>::steal(make(args[1]));
      ssize start = std::stol(args[2]), end = std::stol(args[3]);
      ssize r;
      if (op == "find") r = str_find(s.get(), sub.get(), start, end, 1);
      else if (op == "rfind") r = str_find(s.get(), sub.get(), start, end, -1);
      else if (op == "count") r = str_count(s.get(), sub.get(), start, end);
      else if (op == "startswith") r = str_tailmatch(s.get(), sub.get(), start, end, -1);
      else if (op == "endswith") r = str_tailmatch(s.get(), sub.get(), start, end, 1);
      else FAIL() << "unknown op " << op;
      got = std::to_string(r);
    }
    EXPECT_EQ(got, parts[2]) << line;
    count++;
  }
  EXPECT_GT(count, 3000);
}
