// The parser generator (tools/pegen) on a toy grammar (tests/unit/pegen_toy/toy.gram): the
// generated control flow must implement PEG semantics, left recursion, memoization, cuts,
// lookaheads, loops, gathers, forced tokens and the two-pass invalid_ scheme.
#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "toy_parser_gen.cpp"

namespace {

toy::Parser lex(const std::string& s) {
  toy::Parser p;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    toy::Token t;
    t.col_offset = static_cast<int>(i);
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      t.type = toy::NUMBER;
      t.text = s.substr(i, j - i);
      i = j;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      t.type = toy::NAME;
      t.text = s.substr(i, j - i);
      i = j;
    } else {
      const std::string ops = "()+-*/,";
      t.type = toy::LPAR + static_cast<int>(ops.find(c));
      t.text = std::string(1, c);
      ++i;
    }
    t.end_col_offset = static_cast<int>(i);
    p.source.push_back(t);
  }
  toy::Token end;
  end.type = toy::ENDMARKER;
  end.col_offset = end.end_col_offset = static_cast<int>(s.size());
  p.source.push_back(end);
  return p;
}

// Parses like pegen's run_parser: a first pass without invalid_ rules, a second with them.
struct Result {
  bool ok;
  long value;
  std::string error;
};
Result run(const std::string& s) {
  toy::Parser p = lex(s);
  toy::Node* n = toy::parse(&p);
  if (n) return {true, n->value, ""};
  if (p.error_indicator && !p.error.empty()) return {false, 0, p.error};
  toy::Parser second = lex(s);
  second.call_invalid_rules = 1;
  n = toy::parse(&second);
  return {false, 0, second.error.empty() ? "invalid syntax" : second.error};
}

TEST(PegenToy, LeftRecursionIsLeftAssociative) {
  EXPECT_EQ(run("10 - 3 - 2").value, 5);
  EXPECT_EQ(run("100 / 10 / 5").value, 2);
  EXPECT_EQ(run("2 + 3 * 4 - 1").value, 13);
  EXPECT_EQ(run("-(2 + 3) * 4").value, -20);
}

TEST(PegenToy, KeywordsSoftKeywordsAndLookahead) {
  EXPECT_EQ(run("if 1 then 7 else 8").value, 7);
  EXPECT_EQ(run("if 0 then 7 else 8").value, 8);
  EXPECT_EQ(run("twice 21").value, 42);
  // "twice" followed by '(' is not the soft keyword's alternative: nothing else matches.
  EXPECT_FALSE(run("twice (21)").ok);
}

TEST(PegenToy, GathersAndLoops) {
  EXPECT_EQ(run("sum(1, 2, 3, 4)").value, 10);
  EXPECT_EQ(run("sum(5,)").value, 5);
  EXPECT_FALSE(run("sum()").ok);
  EXPECT_EQ(run("max((3) (9) (4))").value, 9);
  EXPECT_EQ(run("max()").value, 0);
}

TEST(PegenToy, ForcedTokenAndInvalidPass) {
  Result r = run("(1 + 2");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "expected ')'");
  r = run("1 + * 2");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "unexpected '*'");
  r = run("1 +");
  EXPECT_EQ(r.error, "invalid syntax");
}

TEST(PegenToy, CutStopsAlternatives) {
  // After '/', the cut commits: "4 / +" fails instead of backtracking to term's factor.
  EXPECT_FALSE(run("4 / + 1").ok);
  EXPECT_EQ(run("4 / 2").value, 2);
}

TEST(PegenToy, DeepNestingIsAnErrorNotACrash) {
  std::string deep(500, '(');
  deep += "1";
  deep += std::string(500, ')');
  Result r = run(deep);
  EXPECT_FALSE(r.ok);
}

}  // namespace
