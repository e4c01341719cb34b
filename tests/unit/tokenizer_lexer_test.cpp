// Properties of the tokenizer that need no reference values (those come from the parity
// corpora: tests/data/tokenizer, tests/data/parser/syntax_errors.tsv).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include <string>
#include <vector>

#include "parser/lexer.h"

using namespace cppy::parser;

namespace {

// Token views point into the lexer's buffer: keep the lexers alive for the test's duration.
std::vector<std::unique_ptr<Lexer>> lexers;

std::vector<Token> lex_all(const std::string& src, bool extra = false) {
  lexers.push_back(std::make_unique<Lexer>(src, Lexer::Input::kString));
  Lexer& lex = *lexers.back();
  lex.set_extra_tokens(extra);
  std::vector<Token> out;
  Token t;
  while (true) {
    int type = lex.next(&t);
    out.push_back(t);
    if (type == ENDMARKER || type == ERRORTOKEN) break;
  }
  return out;
}

}  // namespace

TEST(TokenizerLexer, OperatorLookupsAgreeWithNames) {
  for (int t = 0; t < N_TOKENS; t++) EXPECT_NE(kTokenNames[t], nullptr);
  EXPECT_STREQ(kTokenNames[token_one_char('(')], "LPAR");
  EXPECT_EQ(token_two_chars('*', '*'), DOUBLESTAR);
  EXPECT_EQ(token_three_chars('.', '.', '.'), ELLIPSIS);
  EXPECT_EQ(token_one_char('$'), OP);
}

TEST(TokenizerLexer, TokenTextsCoverTheSourceExceptWhitespace) {
  std::string src = "def f(a, *b):\n    return a**2 + b[0]  # c\n";
  std::string joined;
  for (const Token& t : lex_all(src, true)) {
    joined += std::string(t.text());
  }
  std::string stripped;
  for (char c : src) {
    if (c != ' ' && c != '\n') stripped += c;
  }
  std::string joined_stripped;
  for (char c : joined) {
    if (c != ' ' && c != '\n') joined_stripped += c;
  }
  EXPECT_EQ(joined_stripped, stripped);
}

TEST(TokenizerLexer, PositionsAreByteColumnsOfTheirLines) {
  std::string src = "x = 'é' + y\n";
  for (const Token& t : lex_all(src)) {
    if (t.start == nullptr || t.type == NEWLINE) continue;  // NEWLINE spans its newline
    EXPECT_EQ(t.lineno, 1);
    EXPECT_EQ(src.compare(t.col_offset, t.end_col_offset - t.col_offset, std::string(t.text())), 0);
  }
}

TEST(TokenizerLexer, FStringsAreSplitIntoParts) {
  std::vector<int> types;
  for (const Token& t : lex_all("f'a{b!r:>{w}}c'\n")) types.push_back(t.type);
  EXPECT_EQ(types.front(), FSTRING_START);
  EXPECT_NE(std::find(types.begin(), types.end(), FSTRING_END), types.end());
  EXPECT_EQ(std::find(types.begin(), types.end(), STRING), types.end());
  std::vector<int> t2;
  for (const Token& t : lex_all("t'{x}'\n")) t2.push_back(t.type);
  EXPECT_EQ(t2.front(), TSTRING_START);
}

TEST(TokenizerLexer, DebugExpressionTextIsAttached) {
  bool found = false;
  for (const Token& t : lex_all("f'{a + b = }'\n")) {
    if (t.has_metadata) {
      found = true;
      EXPECT_EQ(t.metadata, "a + b = ");
    }
  }
  EXPECT_TRUE(found);
}

TEST(TokenizerLexer, ErrorsStopTheStream) {
  auto toks = lex_all("x = (1,\n");
  EXPECT_EQ(toks.back().type, ERRORTOKEN);
  Lexer lex("if x:\n  a\n b\n", Lexer::Input::kString);
  Token t;
  while (lex.next(&t) != ERRORTOKEN && t.type != ENDMARKER) {
  }
  EXPECT_EQ(lex.done(), errcode::kDedent);
  EXPECT_EQ(lex.error().type, ErrorType::kIndentationError);
}

TEST(TokenizerLexer, WarningsGoThroughTheCallback) {
  Lexer lex("1if x else y\n", Lexer::Input::kString);
  int warnings = 0;
  lex.set_warning_handler([&](const char*, const std::string&, int) {
    warnings++;
    return 0;
  });
  Token t;
  while (lex.next(&t) != ENDMARKER && t.type != ERRORTOKEN) {
  }
  EXPECT_EQ(warnings, 1);
  EXPECT_NE(t.type, ERRORTOKEN);
}

TEST(TokenizerLexer, DebugExpressionEndsAtTheFirstConversionOrSpec) {
  bool found = false;
  for (const Token& t : lex_all("f'{x=!r:>10}'\n")) {
    if (t.has_metadata) {
      found = true;
      EXPECT_EQ(t.metadata, "x=");
    }
  }
  EXPECT_TRUE(found);
}

TEST(TokenizerLexer, Latin1CookieIsDecodedToUtf8) {
  std::string src = "# -*- coding: latin-1 -*-\nx = '\xe9'\n";
  std::string utf8, encoding;
  TokenizerError err;
  ASSERT_TRUE(Lexer::decode_source(src, "", &utf8, &encoding, &err));
  EXPECT_EQ(encoding, "iso-8859-1");
  EXPECT_NE(utf8.find("\xc3\xa9"), std::string::npos);
}
