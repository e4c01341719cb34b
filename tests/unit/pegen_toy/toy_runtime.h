// A minimal parser runtime for the toy grammar: the same interface src/parser/pegen.h gives
// the real parser, over a trivial tokenizer, so that tests/unit/pegen_toy_test.cpp checks the
// control flow tools/pegen generates (memo, left recursion, cut, lookahead, loops, gathers,
// forced tokens, the invalid_ pass) independently of Python's grammar.
#pragma once

#include <cctype>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace toy {

enum TokenType { ENDMARKER, NAME, NUMBER, NEWLINE, LPAR, RPAR, PLUS, MINUS, STAR, SLASH, COMMA };

struct Token {
  int type;
  std::string text;
  int lineno = 1, col_offset, end_lineno = 1, end_col_offset;
};

struct KeywordToken {
  const char* name;
  int type;
};
extern const KeywordToken kReservedKeywords[];
extern const char* const kSoftKeywords[];

struct Node {
  long value;
};
struct asdl_seq {
  std::vector<void*> items;
};

struct Parser {
  std::vector<Token> source;  // all tokens, lexed up front
  std::vector<Token*> tokens;
  int mark = 0, fill = 0, level = 0, error_indicator = 0, call_invalid_rules = 0;
  std::string error;
  std::map<std::pair<int, int>, std::pair<void*, int>> memo;  // (mark, rule) -> (node, end)
  std::vector<std::unique_ptr<Node>> nodes;
  std::vector<std::unique_ptr<asdl_seq>> seqs;
  void* arena = nullptr;
  long memo_hits = 0;
};

constexpr int kMaxParserStack = 200;

inline int fill_token(Parser* p) {
  if (p->fill >= static_cast<int>(p->source.size())) return -1;
  Token* t = &p->source[p->fill++];
  if (t->type == NAME) {
    for (const KeywordToken* k = kReservedKeywords; k->name; ++k)
      if (t->text == k->name) t->type = k->type;
  }
  p->tokens.push_back(t);
  return 0;
}
inline bool stack_overflow(Parser*) { return false; }
inline void report_too_deep(Parser* p) { p->error = "too deep"; }
inline Token* expect_token(Parser* p, int type) {
  if (p->mark == p->fill && fill_token(p) < 0) {
    p->error_indicator = 1;
    return nullptr;
  }
  Token* t = p->tokens[p->mark];
  if (t->type != type) return nullptr;
  p->mark++;
  return t;
}
inline Node* new_node(Parser* p, long v) {
  p->nodes.push_back(std::make_unique<Node>(Node{v}));
  return p->nodes.back().get();
}
inline Node* number_token(Parser* p) {
  Token* t = expect_token(p, NUMBER);
  return t ? new_node(p, std::stol(t->text)) : nullptr;
}
inline Node* name_token(Parser* p) {
  Token* t = expect_token(p, NAME);
  return t ? new_node(p, 0) : nullptr;
}
inline Token* expect_soft_keyword(Parser* p, const char* word) {
  if (p->mark == p->fill && fill_token(p) < 0) {
    p->error_indicator = 1;
    return nullptr;
  }
  Token* t = p->tokens[p->mark];
  if (t->type != NAME || t->text != word) return nullptr;
  p->mark++;
  return t;
}
inline Token* expect_forced_token(Parser* p, int type, const char* expected) {
  Token* t = expect_token(p, type);
  if (!t && !p->error_indicator) {
    p->error = std::string("expected ") + expected;
    p->error_indicator = 1;
  }
  return t;
}
template <class T>
inline T expect_forced_result(Parser* p, T result, const char* expected) {
  if (!result && !p->error_indicator) {
    p->error = std::string("expected ") + expected;
    p->error_indicator = 1;
  }
  return result;
}
template <class F>
inline bool lookahead(bool positive, Parser* p, F&& f) {
  int mark = p->mark;
  bool found = f() != nullptr;
  p->mark = mark;
  return found == positive;
}
template <class T>
inline bool is_memoized(Parser* p, int type, T* result) {
  if (p->mark == p->fill && fill_token(p) < 0) {
    p->error_indicator = 1;
    return true;
  }
  auto it = p->memo.find({p->mark, type});
  if (it == p->memo.end()) return false;
  ++p->memo_hits;
  *result = static_cast<T>(it->second.first);
  p->mark = it->second.second;
  return true;
}
inline int insert_memo(Parser* p, int mark, int type, void* node) {
  p->memo[{mark, type}] = {node, p->mark};
  return 0;
}
inline int update_memo(Parser* p, int mark, int type, void* node) {
  return insert_memo(p, mark, type, node);
}
inline Token* get_last_nonwhitespace_token(Parser* p) {
  return p->mark > 0 ? p->tokens[p->mark - 1] : nullptr;
}
struct ItemBuffer {
  explicit ItemBuffer(Parser*) {}
  bool push(void* item) {
    items.push_back(item);
    return true;
  }
  size_t size() const { return items.size(); }
  std::vector<void*> items;
};
inline asdl_seq* seq_from_items(Parser* p, ItemBuffer& buffer) {
  p->seqs.push_back(std::make_unique<asdl_seq>(asdl_seq{buffer.items}));
  return p->seqs.back().get();
}
inline void* dummy_name(Parser* p) { return p; }
inline bool parse_error_occurred(Parser* p) { return !p->error.empty(); }

inline Node* binop(Parser* p, char op, Node* a, Node* b) {
  switch (op) {
    case '+': return new_node(p, a->value + b->value);
    case '-': return new_node(p, a->value - b->value);
    case '*': return new_node(p, a->value * b->value);
    default: return b->value ? new_node(p, a->value / b->value) : nullptr;
  }
}
inline Node* negate(Parser* p, Node* a) { return new_node(p, -a->value); }
inline Node* number(Parser* p, long v) { return new_node(p, v); }
inline Node* sum(Parser* p, asdl_seq* s) {
  long total = 0;
  for (void* item : s->items) total += static_cast<Node*>(item)->value;
  return new_node(p, total);
}
inline Node* maximum(Parser* p, asdl_seq* s) {
  long best = 0;
  for (void* item : s->items) best = std::max(best, static_cast<Node*>(item)->value);
  return new_node(p, best);
}
inline Node* choose(Parser* p, Node* c, Node* a, Node* b) { return new_node(p, c->value ? a->value : b->value); }
inline Node* raise_error(Parser* p, const char* message) {
  p->error = message;
  return nullptr;
}

Node* parse(Parser* p);

}  // namespace toy
