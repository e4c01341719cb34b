// Method and constructor calls on str, int, float and bool through the object core (method
// tables, clinic argument parsing, tp_new/vectorcall), against tests/data/text/calls.txt from
// the reference (tools/textdata/gen_text_data.py).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "text_calls.h"

TEST(ObjectsCalls, ReferenceCases) {
  std::ifstream in(std::string(CPPY_TEXT_DATA_DIR) + "/text/calls.txt");
  ASSERT_TRUE(in.good());
  std::string line;
  int count = 0, failures = 0;
  while (std::getline(in, line)) {
    size_t a = line.find('|'), b = line.find('|', a + 1), c = line.find('|', b + 1);
    ASSERT_NE(c, std::string::npos) << line;
    std::string obj = line.substr(0, a), method = line.substr(a + 1, b - a - 1),
                args = line.substr(b + 1, c - b - 1), expect = line.substr(c + 1);
    if (std::getenv("CPPY_TRACE_CALLS")) std::fprintf(stderr, "%s\n", line.c_str());
    std::string got = text_calls::run_case(obj, method, args);
    count++;
    if (got != expect && ++failures <= 60) ADD_FAILURE() << line << "\n   got: " << got;
  }
  EXPECT_EQ(failures, 0) << "of " << count;
  EXPECT_GT(count, 1000);
}
