// The tokenizer reading from the prompt (Lexer::Input::kInteractive, tok_underflow_interactive):
// which prompt each line is asked with, when the tokenizer stops asking, and tokens staying
// valid while later lines replace or grow the buffer. What the REPL prints is compared with the
// reference by tests/parity/repl.py.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parser/lexer.h"

using namespace cppy::parser;

namespace {

// A prompt fed from a list of lines ("" at the end: end of file), recording the prompts asked.
struct FakePrompt {
  std::vector<std::string> lines;
  size_t next = 0;
  std::vector<std::string> prompts;
  int newlines = 0;
  InteractiveInput input;

  explicit FakePrompt(std::vector<std::string> l) : lines(std::move(l)) {
    input.ps1 = ">>> ";
    input.ps2 = "... ";
    input.readline = [this](const char* prompt, std::string* line) {
      prompts.push_back(prompt);
      *line = next < lines.size() ? lines[next++] : std::string();
      return 0;
    };
    input.end_prompt_line = [this] { newlines++; };
  }
};

std::vector<int> next_types(Lexer& lex, int n) {
  std::vector<int> out;
  Token t;
  for (int i = 0; i < n; i++) out.push_back(lex.next(&t));
  return out;
}

}  // namespace

TEST(TokenizerInteractive, AsksForLinesOnlyWhenNeeded) {
  FakePrompt p({"x = 1\n", "y = 2\n"});
  Lexer lex(&p.input);
  std::vector<int> types;
  Token t;
  do {
    types.push_back(lex.next(&t));
  } while (types.back() != NEWLINE);
  // One statement, one line read, with the first prompt.
  EXPECT_EQ(types, (std::vector<int>{NAME, EQUAL, NUMBER, NEWLINE}));
  EXPECT_EQ(p.prompts, (std::vector<std::string>{">>> "}));
  EXPECT_EQ(lex.interactive_source(), "x = 1\n");
}

TEST(TokenizerInteractive, BlankLineEndsABlockAtTheSecondaryPrompt) {
  FakePrompt p({"if 1:\n", "    pass\n", "\n", "never read\n"});
  Lexer lex(&p.input);
  std::vector<int> types = next_types(lex, 9);
  EXPECT_EQ(types, (std::vector<int>{NAME, NUMBER, COLON, NEWLINE, INDENT, NAME, NEWLINE, DEDENT,
                                     NEWLINE}));
  EXPECT_EQ(p.prompts, (std::vector<std::string>{">>> ", "... ", "... "}));
  EXPECT_EQ(p.next, 3u);
  EXPECT_EQ(lex.interactive_source(), "if 1:\n    pass\n\n");
}

TEST(TokenizerInteractive, CommentFirstLineIsAStatement) {
  FakePrompt p({"   # just a comment\n"});
  Lexer lex(&p.input);
  Token t;
  EXPECT_EQ(lex.next(&t), NEWLINE);
  EXPECT_EQ(p.prompts.size(), 1u);
}

TEST(TokenizerInteractive, EndOfFileEndsThePromptLine) {
  // A last line without newline: the tokenizer asks once more, and meets the end of file (the
  // parser turns that ENDMARKER into the statement's NEWLINE).
  FakePrompt p({"print(1)"});
  Lexer lex(&p.input);
  std::vector<int> types;
  Token t;
  do {
    types.push_back(lex.next(&t));
  } while (types.back() != ENDMARKER && types.back() != ERRORTOKEN);
  EXPECT_EQ(types, (std::vector<int>{NAME, LPAR, NUMBER, RPAR, ENDMARKER}));
  EXPECT_EQ(p.prompts, (std::vector<std::string>{">>> ", "... "}));
  EXPECT_EQ(p.newlines, 1);
  EXPECT_EQ(lex.done(), errcode::kEof);
  // The source gets the missing newline, and one for the end of file.
  EXPECT_EQ(lex.interactive_source(), "print(1)\n\n");
}

TEST(TokenizerInteractive, StoppedReadingGivesEndmarker) {
  FakePrompt p({"if 1:\n", "    pass\n"});
  Lexer lex(&p.input);
  Token t;
  for (int i = 0; i < 4; i++) lex.next(&t);  // if 1 : NEWLINE
  lex.stop_interactive_reading();
  EXPECT_EQ(lex.next(&t), ENDMARKER);
  EXPECT_EQ(p.prompts.size(), 1u);
  EXPECT_EQ(lex.done(), errcode::kInteractStop);
}

TEST(TokenizerInteractive, InterruptedRead) {
  InteractiveInput input;
  input.ps1 = ">>> ";
  input.ps2 = "... ";
  int calls = 0, newlines = 0;
  input.readline = [&](const char*, std::string* line) {
    if (calls++ == 0) {
      *line = "if 1:\n";
      return 0;
    }
    return -1;
  };
  input.end_prompt_line = [&] { newlines++; };
  Lexer lex(&input);
  Token t;
  int type;
  do {
    type = lex.next(&t);
  } while (type != ERRORTOKEN && type != ENDMARKER);
  EXPECT_EQ(type, ERRORTOKEN);
  EXPECT_EQ(lex.done(), errcode::kIntr);
  EXPECT_EQ(newlines, 1);
}

TEST(TokenizerInteractive, TokensStayValidWhileTheBufferGrowsAndIsReplaced) {
  // A string over many long lines makes the buffer move while the token is open; the lines
  // after it replace the buffer. Every token read keeps its text.
  std::vector<std::string> lines = {"a = 1; s = '''first\n"};
  std::string body = "first\n";
  for (int i = 0; i < 200; i++) {
    std::string line(size_t(50 + i * 13 % 400), char('a' + i % 26));
    line += "\n";
    lines.push_back(line);
    body += line;
  }
  lines.push_back("last'''; b = 2\n");
  body += "last";
  FakePrompt p(lines);
  Lexer lex(&p.input);
  std::vector<Token> tokens;
  Token t;
  int type;
  do {
    type = lex.next(&t);
    tokens.push_back(t);
  } while (type != NEWLINE && type != ERRORTOKEN);
  ASSERT_EQ(type, NEWLINE);
  std::vector<std::string> texts;
  for (const Token& tok : tokens) texts.push_back(std::string(tok.text()));
  ASSERT_EQ(texts.size(), 12u);
  EXPECT_EQ(texts[0], "a");
  EXPECT_EQ(texts[2], "1");
  EXPECT_EQ(texts[4], "s");
  EXPECT_EQ(texts[6], "'''" + body + "'''");
  EXPECT_EQ(texts[8], "b");
  EXPECT_EQ(texts[10], "2");
  EXPECT_EQ(tokens[6].lineno, 1);
  EXPECT_EQ(tokens[6].end_lineno, 202);
  EXPECT_EQ(p.prompts.size(), lines.size());
}
