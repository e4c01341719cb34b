// Traceback objects (Python/traceback.c) and the display of uncaught exceptions in the
// format of Lib/traceback.py (which CPython 3.13+ uses for sys.excepthook): frames, source
// lines, PEP 657 carets with the anchors of binary operators, subscripts and calls,
// "[Previous line repeated N more times]", chained causes and contexts, notes.
#include "vm/traceback.h"

#include <algorithm>

#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

#include "errors/errors.h"
#include "errors/suggestions.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/codeobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/rangeobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "parser/pegen.h"
#include "sys/sysmodule.h"
#include "unicode/unicodectype.h"
#include "vm/frame.h"
#include "vm/ceval.h"
#include "compile/opcode_ids.h"
#include "compile/opcode_utils.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include <cstdlib>
#include <cstring>

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::vm {

using namespace objects;

namespace {

void tb_dealloc(Object* o) {
  auto* tb = static_cast<TracebackObject*>(o);
  gc::untrack(o);
  xdecref(tb->tb_next);
  xdecref(tb->tb_frame);
  gc::gc_free(o);
}

int tb_traverse(Object* o, visitproc visit, void* arg) {
  auto* tb = static_cast<TracebackObject*>(o);
  if (tb->tb_next) {
    int r = visit(tb->tb_next, arg);
    if (r) return r;
  }
  return tb->tb_frame ? visit(tb->tb_frame, arg) : 0;
}

Object* tb_get_next(Object* o, void*) {
  Object* n = static_cast<TracebackObject*>(o)->tb_next;
  return new_ref(n ? n : none());
}
int tb_set_next(Object* o, Object* v, void*) {
  if (!v) {
    errors::set_string(exc_TypeError, "can't delete tb_next attribute");
    return -1;
  }
  if (v == none()) v = nullptr;
  else if (v->type != &traceback_type) {
    errors::format(exc_TypeError, "expected traceback object or None, got '%s'", v->type->name);
    return -1;
  }
  for (Object* c = v; c; c = static_cast<TracebackObject*>(c)->tb_next)
    if (c == o) {
      errors::set_string(exc_ValueError, "traceback loop detected");
      return -1;
    }
  auto* tb = static_cast<TracebackObject*>(o);
  Object* old = tb->tb_next;
  tb->tb_next = static_cast<TracebackObject*>(xnew_ref(v));
  xdecref(old);
  return 0;
}
Object* tb_get_frame(Object* o, void*) {
  return new_ref(static_cast<TracebackObject*>(o)->tb_frame);
}
Object* tb_get_lasti(Object* o, void*) {
  return long_from_long(static_cast<TracebackObject*>(o)->tb_lasti);
}
Object* tb_get_lineno(Object* o, void*) {
  return long_from_long(static_cast<TracebackObject*>(o)->tb_lineno);
}

GetSetDef tb_getsetters[] = {
    {"tb_next", tb_get_next, tb_set_next, nullptr, nullptr},
    {"tb_frame", tb_get_frame, nullptr, nullptr, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr, nullptr, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- source lines and carets --------------------------------------------------------------

// linecache's cache of the files tracebacks name (read once, relative to the current
// directory as CPython resolves a script's relative co_filename), and of the interactive
// inputs register_source recorded.
std::map<std::string, std::vector<std::string>>& source_cache() {
  static std::map<std::string, std::vector<std::string>> cache;
  return cache;
}

std::vector<std::string> split_source_lines(std::istream& in) {
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// linecache.getline.
const std::vector<std::string>* source_lines(const std::string& filename) {
  auto& cache = source_cache();
  auto it = cache.find(filename);
  if (it != cache.end()) return &it->second;
  std::ifstream in(filename, std::ios::binary);
  std::vector<std::string> lines;
  if (in) lines = split_source_lines(in);
  return &(cache[filename] = std::move(lines));
}

// format_frame_summary: an interactive input's "<stdin-N>" shows as "<stdin>".
std::string displayed_filename(const std::string& filename) {
  if (filename.size() > 8 && filename.compare(0, 7, "<stdin-") == 0 && filename.back() == '>')
    return "<stdin>";
  return filename;
}

// Character offset of a UTF-8 byte offset in line (_byte_offset_to_character_offset).
int char_offset(const std::string& line, int byte_offset) {
  int chars = 0;
  for (int i = 0; i < byte_offset && i < int(line.size()); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r'; }
bool is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// The binary operators at bracket depth 0 of an expression, with their precedence.
struct OpAt {
  int pos;
  int len;
  int prec;  // higher binds tighter
};

// A light scan of a one-line expression: the depth-0 binary operators, whether something of
// lower precedence than arithmetic (comparison, boolean operator, conditional, lambda, comma,
// assignment) appears at depth 0, and string literals skipped.
bool scan_expression(const std::string& s, std::vector<OpAt>* ops) {
  int depth = 0;
  bool expect_operand = true;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (c == '#') return false;
    if (c == '\'' || c == '"') {
      // A string literal (prefixes were consumed as identifiers).
      char q = c;
      bool triple = s.compare(i, 3, std::string(3, q)) == 0;
      size_t j = i + (triple ? 3 : 1);
      while (j < s.size()) {
        if (s[j] == '\\') {
          j += 2;
          continue;
        }
        if (triple ? s.compare(j, 3, std::string(3, q)) == 0 : s[j] == q) break;
        ++j;
      }
      i = j + (triple ? 3 : 1);
      expect_operand = false;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      ++depth;
      ++i;
      expect_operand = true;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      --depth;
      ++i;
      expect_operand = false;
      if (depth < 0) return false;
      continue;
    }
    if (is_ident(c)) {
      size_t j = i;
      while (j < s.size() && is_ident(s[j])) ++j;
      std::string word = s.substr(i, j - i);
      if (depth == 0 && (word == "and" || word == "or" || word == "not" || word == "if" ||
                         word == "else" || word == "lambda" || word == "in" || word == "is" ||
                         word == "for" || word == "await" || word == "yield"))
        return false;
      i = j;
      // A string prefix directly followed by a quote belongs to the literal.
      expect_operand = false;
      continue;
    }
    if (c == '.' && !expect_operand) {
      ++i;
      continue;
    }
    // Operators.
    static const char* const ops3[] = {"**=", "//=", ">>=", "<<=", nullptr};
    static const char* const ops2[] = {"**", "//", "<<", ">>", "==", "!=", "<=", ">=", ":=",
                                       "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
                                       "@=", nullptr};
    int len = 1;
    std::string op(1, c);
    for (const char* const* p = ops3; *p; ++p)
      if (s.compare(i, 3, *p) == 0) len = 3, op = *p;
    if (len == 1)
      for (const char* const* p = ops2; *p; ++p)
        if (s.compare(i, 2, *p) == 0) len = 2, op = *p;
    if (depth == 0) {
      if (op == "==" || op == "!=" || op == "<=" || op == ">=" || op == "<" || op == ">" ||
          op == "," || op == "=" || op == ":" || op == ":=" || len == 3 ||
          (len == 2 && op.back() == '=' ) || op == "->")
        return false;
      if (!expect_operand) {
        int prec = -1;
        if (op == "|") prec = 1;
        else if (op == "^") prec = 2;
        else if (op == "&") prec = 3;
        else if (op == "<<" || op == ">>") prec = 4;
        else if (op == "+" || op == "-") prec = 5;
        else if (op == "*" || op == "/" || op == "//" || op == "%" || op == "@") prec = 6;
        else if (op == "**") prec = 8;
        if (prec > 0) ops->push_back({int(i), len, prec});
      }
    }
    expect_operand = !(op == ")" || op == "]" || op == "}");
    i += size_t(len);
  }
  return depth == 0;
}

// _extract_caret_anchors_from_line_segment for one-line segments: [left, right) of the part
// drawn with '^' (the rest of the segment gets '~'), or false when there are no anchors.
// Whether the segment parses as one expression statement (ast.parse(segment).body is a single
// Expr): the only segments _extract_caret_anchors_from_line_segment finds anchors in.
bool is_expression_statement(const std::string& seg) {
  ast::Arena arena;
  parser::ParseOptions options;
  options.flags = parser::kPyCF_IGNORE_COOKIE;
  parser::ParseResult r = parser::parse_string(seg, "<segment>", options, &arena);
  errors::clear();
  if (!r.mod || r.mod->kind != ast::Module_kind) return false;
  ast::asdl_stmt_seq* body = r.mod->v.Module.body;
  return body && body->size == 1 && body->typed_elements[0]->kind == ast::Expr_kind;
}

bool caret_anchors(const std::string& seg, int* left, int* right) {
  if (!is_expression_statement(seg)) return false;
  std::vector<OpAt> ops;
  if (!scan_expression(seg, &ops)) return false;
  if (!ops.empty()) {
    // The operator of the outermost BinOp: the lowest precedence, rightmost ('**' leftmost).
    int best = -1;
    for (size_t k = 0; k < ops.size(); ++k) {
      if (best < 0 || ops[k].prec < ops[best].prec ||
          (ops[k].prec == ops[best].prec && ops[k].prec != 8))
        best = int(k);
    }
    *left = ops[best].pos;
    *right = ops[best].pos + ops[best].len;
    // CPython takes a second character only when it is part of the operator.
    return true;
  }
  // Trailing call or subscript: the bracket matching the last character.
  int end = int(seg.size());
  while (end > 0 && is_space(seg[end - 1])) --end;
  if (end == 0) return false;
  char close = seg[end - 1];
  if (close != ')' && close != ']') return false;
  char open = close == ')' ? '(' : '[';
  // Brackets inside string literals do not count.
  std::vector<bool> in_string(seg.size(), false);
  for (size_t i = 0; i < seg.size();) {
    char q = seg[i];
    if (q != '\'' && q != '"') {
      ++i;
      continue;
    }
    bool triple = i + 2 < seg.size() && seg[i + 1] == q && seg[i + 2] == q;
    size_t j = i + (triple ? 3 : 1);
    while (j < seg.size()) {
      if (seg[j] == '\\') {
        j += 2;
        continue;
      }
      if (seg[j] == q && (!triple || (j + 2 < seg.size() && seg[j + 1] == q && seg[j + 2] == q)))
        break;
      ++j;
    }
    size_t stop = std::min(seg.size(), j + (triple ? 3 : 1));
    for (size_t k = i; k < stop; ++k) in_string[k] = true;
    i = stop;
  }
  int depth = 0;
  for (int i = end - 1; i >= 0; --i) {
    if (in_string[size_t(i)]) continue;
    char c = seg[i];
    if (c == ')' || c == ']' || c == '}') ++depth;
    else if (c == '(' || c == '[' || c == '{') {
      if (--depth == 0) {
        if (c != open) return false;
        int k = i;
        while (k > 0 && is_space(seg[k - 1])) --k;
        if (k == 0) return false;  // a parenthesised expression or a display
        *left = i;
        *right = end;
        return true;
      }
    }
  }
  return false;
}

// The special case of _should_show_carets: `return f(...)` and `x = f(...)` where the call
// of a plain name is the whole segment get no carets.
bool is_plain_call_statement(const std::string& stripped, const std::string& seg) {
  std::string rest;
  if (stripped.rfind("return ", 0) == 0) {
    rest = stripped.substr(7);
  } else {
    size_t eq = stripped.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    if (stripped[eq + 1] == '=' || std::string("!<>=+-*/%&|^@:").find(stripped[eq - 1]) !=
                                        std::string::npos)
      return false;
    rest = stripped.substr(eq + 1);
  }
  size_t a = rest.find_first_not_of(" \t");
  if (a == std::string::npos) return false;
  rest = rest.substr(a);
  if (rest != seg) return false;
  size_t i = 0;
  while (i < seg.size() && is_ident(seg[i])) ++i;
  if (i == 0 || i >= seg.size() || seg[i] != '(') return false;
  int l, r;
  return caret_anchors(seg, &l, &r) && l == int(i);
}

}  // namespace

std::string format_carets(const std::string& line, int col, int endcol) {
  if (col < 0 || endcol < 0 || endcol <= col || endcol > int(line.size())) return "";
  std::string seg = line.substr(size_t(col), size_t(endcol - col));
  int left = 0, right = 0;
  bool anchors = caret_anchors(seg, &left, &right);
  size_t first = line.find_first_not_of(" \t\f");
  size_t last = line.find_last_not_of(" \t\f\r\n");
  std::string stripped = first == std::string::npos ? "" : line.substr(first, last - first + 1);
  if (is_plain_call_statement(stripped, seg)) return "";
  bool covers = int(first) >= col && int(last) + 1 <= endcol;
  if (!anchors && covers) return "";
  std::string out;
  for (int i = 0; i < endcol - col; ++i) {
    if ((static_cast<unsigned char>(seg[size_t(i)]) & 0xC0) == 0x80) continue;
    out += anchors && (i < left || i >= right) ? '~' : '^';
  }
  return out;
}

int traceback_here(Object* frame) {
  auto* fo = static_cast<FrameObject*>(frame);
  Object* exc = errors::get_raised_exception();
  if (!exc) return 0;
  Object* prev = exception_get_traceback(exc);
  auto* tb = static_cast<TracebackObject*>(gc::gc_malloc(sizeof(TracebackObject)));
  if (!tb) {
    xdecref(prev);
    errors::set_raised_exception(exc);
    return -1;
  }
  tb->refcnt = 1;
  tb->type = &traceback_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  tb->tb_next = static_cast<TracebackObject*>(prev);  // the reference moves in
  tb->tb_frame = new_ref(frame);
  Frame* f = fo->f_frame;
  tb->tb_lasti = f ? frame_lasti(f) * 2 : -1;
  tb->tb_lineno = f ? frame_get_line(f) : -1;
  gc::track(tb);
  exception_set_traceback(exc, tb);
  decref(tb);
  errors::set_raised_exception(exc);
  return 0;
}

namespace {

// PyCode_NewEmpty: a code object that only raises AssertionError, whose first instructions
// are at firstlineno (the line of the traceback entry).
Object* code_new_empty(const char* filename, const char* funcname, int firstlineno) {
  const unsigned char code[6] = {compile::RESUME, compile::RESUME_AT_FUNC_START,
                                 compile::LOAD_COMMON_CONSTANT,
                                 compile::CONSTANT_ASSERTIONERROR, compile::RAISE_VARARGS, 1};
  // One entry: 3 code units, no columns (code 13), line delta 0.
  const unsigned char linetable[2] = {(1 << 7) | (13 << 3) | (3 - 1), 0};
  Ref<> filename_ob = Ref<>::steal(str_from_cstr(filename));
  Ref<> funcname_ob = Ref<>::steal(str_from_cstr(funcname));
  Ref<> code_ob = Ref<>::steal(bytes_from_string_and_size(reinterpret_cast<const char*>(code), 6));
  Ref<> table = Ref<>::steal(
      bytes_from_string_and_size(reinterpret_cast<const char*>(linetable), 2));
  Ref<> empty = Ref<>::steal(bytes_from_string_and_size("", 0));
  if (!filename_ob || !funcname_ob || !code_ob || !table || !empty) return nullptr;
  CodeConstructor con;
  con.filename = filename_ob.get();
  con.name = funcname_ob.get();
  con.qualname = funcname_ob.get();
  con.code = code_ob.get();
  con.firstlineno = firstlineno;
  con.linetable = table.get();
  con.consts = tuple_empty();
  con.names = tuple_empty();
  con.localsplusnames = tuple_empty();
  con.localspluskinds = empty.get();
  con.exceptiontable = empty.get();
  con.stacksize = 1;
  return code_new(con);
}

}  // namespace

void traceback_add(const char* funcname, const char* filename, int lineno) {
  // No Python code may run with the exception set: it is put aside meanwhile.
  Object* exc = errors::get_raised_exception();
  Ref<> globals = Ref<>::steal(dict_new());
  Ref<> code = Ref<>::steal(globals ? code_new_empty(filename, funcname, lineno) : nullptr);
  FrameObject* fo = nullptr;
  if (code) {
    // PyFrame_New: a frame object owning a detached frame of the empty code.
    auto* co = static_cast<CodeObject*>(code.get());
    size_t words = offsetof(Frame, localsplus) / sizeof(Object*) + size_t(co->co_nlocalsplus) + 1;
    auto* f = static_cast<Frame*>(std::calloc(words, sizeof(Object*)));
    if (!f) {
      errors::no_memory();
    } else {
      f->f_executable = code.release();
      f->f_globals = globals.release();
      f->f_builtins = xnew_ref(builtins_dict());
      f->instr_ptr = code_units(co);
      f->stackpointer = f->localsplus + co->co_nlocalsplus;
      f->owner = kOwnedByFrameObject;
      fo = frame_object_new(f);
      if (!fo) {
        decref(f->f_executable);
        decref(f->f_globals);
        xdecref(f->f_builtins);
        std::free(f);
      } else {
        fo->owned = f;
        fo->f_lineno = lineno;
      }
    }
  }
  if (!fo) {
    errors::chain_exceptions1(exc);
    return;
  }
  errors::set_raised_exception(exc);
  traceback_here(fo);
  decref(fo);
}

namespace {

std::string utf8_of(Object* s) {
  if (!s || !str_check(s)) return "";
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) {
    errors::clear();
    return "";
  }
  return std::string(p, size_t(n));
}

struct FrameLine {
  std::string filename;
  int lineno;
  std::string name;
  int col = -1, endcol = -1, endline = -1;
};

void format_tb(Object* tb_obj, std::string* out) {
  std::vector<FrameLine> lines;
  for (auto* tb = static_cast<TracebackObject*>(tb_obj); tb; tb = tb->tb_next) {
    auto* fo = static_cast<FrameObject*>(tb->tb_frame);
    Frame* f = fo->f_frame;
    if (!f) continue;
    CodeObject* co = frame_code(f);
    FrameLine fl;
    fl.filename = utf8_of(co->co_filename);
    fl.name = utf8_of(co->co_name);
    int line, col, endline, endcol;
    code_addr2location(co, tb->tb_lasti, &line, &col, &endline, &endcol);
    fl.lineno = tb->tb_lineno;
    fl.col = col;
    fl.endcol = endcol;
    fl.endline = endline;
    lines.push_back(fl);
  }
  // sys.tracebacklimit, as StackSummary._extract_from_extended_frame_gen reads it for the
  // builtin display: the innermost `limit` entries (none when it is 0 or negative).
  if (Object* lim = sys::get_object("tracebacklimit"); lim && long_check(lim)) {
    int overflow = 0;
    long long limit = long_as_long_and_overflow(lim, &overflow);
    if (overflow < 0 || (overflow == 0 && limit < 0)) limit = 0;
    if (overflow == 0 && limit < static_cast<long long>(lines.size()))
      lines.erase(lines.begin(), lines.end() - limit);
  }
  const FrameLine* last = nullptr;
  int repeat = 0;
  auto flush_repeat = [&]() {
    if (repeat > 3) {
      int more = repeat - 3;
      *out += "  [Previous line repeated " + std::to_string(more) + " more time" +
              (more > 1 ? "s" : "") + "]\n";
    }
  };
  for (const FrameLine& fl : lines) {
    if (last && last->filename == fl.filename && last->lineno == fl.lineno &&
        last->name == fl.name) {
      ++repeat;
      if (repeat > 3) continue;
    } else {
      flush_repeat();
      repeat = 1;
    }
    last = &fl;
    *out += "  File \"" + displayed_filename(fl.filename) + "\", line " + std::to_string(fl.lineno) + ", in " +
            fl.name + "\n";
    const auto* src = source_lines(fl.filename);
    if (fl.lineno >= 1 && size_t(fl.lineno) <= src->size()) {
      const std::string& text = (*src)[size_t(fl.lineno - 1)];
      size_t first = text.find_first_not_of(" \t\f");
      if (first == std::string::npos) continue;
      size_t lastc = text.find_last_not_of(" \t\f");
      *out += "    " + text.substr(first, lastc - first + 1) + "\n";
      if (fl.endline == fl.lineno && fl.col >= 0) {
        std::string carets = format_carets(text, fl.col, fl.endcol);
        if (!carets.empty()) {
          int indent = char_offset(text, fl.col) - char_offset(text, int(first));
          *out += "    " + std::string(size_t(indent), ' ') + carets + "\n";
        }
      }
    }
  }
  flush_repeat();
}

// UTF-8 <-> code points for the character arithmetic of _format_syntax_error.
std::u32string decode_utf8(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t ch = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + size_t(k) < s.size(); k++)
      ch = (ch << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
    out.push_back(ch);
    i += size_t(n);
  }
  return out;
}
std::string encode_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t ch : s) {
    if (ch < 0x80) {
      out.push_back(char(ch));
    } else if (ch < 0x800) {
      out.push_back(char(0xC0 | (ch >> 6)));
      out.push_back(char(0x80 | (ch & 0x3F)));
    } else if (ch < 0x10000) {
      out.push_back(char(0xE0 | (ch >> 12)));
      out.push_back(char(0x80 | ((ch >> 6) & 0x3F)));
      out.push_back(char(0x80 | (ch & 0x3F)));
    } else {
      out.push_back(char(0xF0 | (ch >> 18)));
      out.push_back(char(0x80 | ((ch >> 12) & 0x3F)));
      out.push_back(char(0x80 | ((ch >> 6) & 0x3F)));
      out.push_back(char(0x80 | (ch & 0x3F)));
    }
  }
  return out;
}

// str() of an attribute value as format() shows it ("None" for None).
std::string str_of(Object* o) {
  if (!o) return "None";
  Ref<> s = Ref<>::steal(object_str(o));
  if (!s) {
    errors::clear();
    return "";
  }
  return utf8_of(s.get());
}

// TracebackException._format_syntax_error: the location line, the source line with its
// carets, then "Type: msg" (with " (filename)" when there is no line number).
void format_syntax_error(Object* exc, const std::string& stype, std::string* out) {
  auto* se = static_cast<SyntaxErrorObject*>(exc);
  auto val = [](Object* o) { return o && o != none() ? o : nullptr; };
  Object* filename = val(se->filename);
  Object* lineno = val(se->lineno);
  Object* end_lineno = val(se->end_lineno);
  Object* text = val(se->text);
  Object* offset_obj = val(se->offset);
  Object* end_offset_obj = val(se->end_offset);
  std::string filename_suffix;
  if (lineno) {
    std::string fn = filename ? str_of(filename) : "";
    int fn_true = filename ? object_is_true(filename) : 0;
    if (fn_true < 0) errors::clear();
    *out += "  File \"" + (fn_true > 0 ? fn : std::string("<string>")) + "\", line " +
            str_of(lineno) + "\n";
  } else if (filename) {
    filename_suffix = " (" + str_of(filename) + ")";
  }
  if (text && str_check(text)) {
    std::u32string t = decode_utf8(utf8_of(text));
    std::u32string rtext = t;
    while (!rtext.empty() && rtext.back() == U'\n') rtext.pop_back();
    size_t lead = 0;
    while (lead < rtext.size() &&
           (rtext[lead] == U' ' || rtext[lead] == U'\n' || rtext[lead] == U'\f'))
      lead++;
    std::u32string ltext = rtext.substr(lead);
    long spaces = long(lead);
    if (!offset_obj) {
      *out += "    " + encode_utf8(ltext) + "\n";
    } else if (long_check(offset_obj)) {
      long offset = long_as_long(offset_obj);
      long end_offset;
      bool same_line = (lineno ? str_of(lineno) : "None") == (end_lineno ? str_of(end_lineno) : "None");
      if (same_line) {
        long eo = end_offset_obj && long_check(end_offset_obj) ? long_as_long(end_offset_obj) : 0;
        end_offset = eo != 0 ? eo : offset;
      } else {
        end_offset = long(rtext.size()) + 1;
      }
      errors::clear();
      long len_text = long(t.size());
      if (len_text && offset > len_text) offset = long(rtext.size()) + 1;
      if (len_text && end_offset > len_text) end_offset = long(rtext.size()) + 1;
      if (offset >= end_offset || end_offset < 0) end_offset = offset + 1;
      long colno = offset - 1 - spaces;
      long end_colno = end_offset - 1 - spaces;
      *out += "    " + encode_utf8(ltext) + "\n";
      if (colno >= 0) {
        std::u32string caretspace;
        for (long i = 0; i < colno && size_t(i) < ltext.size(); i++)
          caretspace.push_back(unicode::is_space(ltext[size_t(i)]) ? ltext[size_t(i)] : U' ');
        *out += "    " + encode_utf8(caretspace) +
                std::string(size_t(std::max(0L, end_colno - colno)), '^') + "\n";
      }
    }
  }
  std::string msg;
  int msg_true = se->msg ? object_is_true(se->msg) : 0;
  if (msg_true < 0) errors::clear();
  msg = msg_true > 0 ? str_of(se->msg) : "<no detail available>";
  *out += stype + ": " + msg + filename_suffix + "\n";
}

// The "Type: message" line (TracebackException.format_exception_only).
void format_exception_only(Object* exc, std::string* out, const std::string& indent = "") {
  TypeObject* type = exc->type;
  Ref<> qualname = Ref<>::steal(type_get_qualname(type));
  Ref<> module = Ref<>::steal(type_get_module(type));
  errors::clear();
  std::string stype = utf8_of(qualname.get());
  std::string smod = module ? utf8_of(module.get()) : "";
  if (!smod.empty() && smod != "__main__" && smod != "builtins") stype = smod + "." + stype;
  if (object_is_instance(exc, reinterpret_cast<Object*>(exc_SyntaxError)) > 0) {
    format_syntax_error(exc, stype, out);
  } else {
    errors::clear();
    Ref<> s = Ref<>::steal(object_str(exc));
    std::string value;
    if (!s) {
      errors::clear();
      value = "<exception str() failed>";
    } else {
      value = utf8_of(s.get());
    }
    value += errors::suggestion_suffix(exc);
    if (value.empty()) *out += stype + "\n";
    else *out += stype + ": " + value + "\n";
  }
  // __notes__: each note's str() (repr() of a __notes__ that is not a sequence).
  Object* notes = nullptr;
  Object* notes_name = str_intern_from_cstr("__notes__");
  int got = object_get_optional_attr(exc, notes_name, &notes);
  if (got < 0) {
    Object* err = errors::get_raised_exception();
    Ref<> r = Ref<>::steal(object_repr(err));
    std::string text = r ? utf8_of(r.get()) : "<__notes__ repr() failed>";
    errors::clear();
    decref(err);
    *out += indent + "Ignored error getting __notes__: " + text + "\n";
  } else if (got > 0 && notes != none()) {
    if ((list_check(notes) || tuple_check(notes) || range_check(notes)) && !str_check(notes)) {
      Ref<> seq = Ref<>::steal(sequence_tuple(notes));
      for (ssize i = 0; seq && i < tuple_size(seq.get()); ++i) {
        Ref<> s = Ref<>::steal(object_str(tuple_item(seq.get(), i)));
        std::string text = s ? utf8_of(s.get()) : "<note str() failed>";
        errors::clear();
        size_t start = 0;
        for (;;) {
          size_t nl = text.find('\n', start);
          *out += indent + text.substr(start, nl == std::string::npos ? nl : nl - start) + "\n";
          if (nl == std::string::npos) break;
          start = nl + 1;
        }
      }
    } else {
      Ref<> r = Ref<>::steal(object_repr(notes));
      *out += indent + (r ? utf8_of(r.get()) : std::string("<__notes__ repr() failed>")) + "\n";
    }
  }
  xdecref(notes);
  errors::clear();
}

// A TracebackException: an exception with the chained exceptions and group members that
// will be shown (each exception once, as the _seen set of traceback.py decides).
struct TracebackEntry {
  Object* exc;
  TracebackEntry* cause = nullptr;
  TracebackEntry* context = nullptr;
  std::vector<TracebackEntry*> exceptions;
  bool is_group = false;
  bool suppress_context = false;
};

struct EntryPool {
  std::vector<std::unique_ptr<TracebackEntry>> entries;
  std::set<Object*> seen;
  TracebackEntry* make(Object* exc) {
    seen.insert(exc);
    entries.push_back(std::make_unique<TracebackEntry>());
    TracebackEntry* te = entries.back().get();
    te->exc = exc;
    te->suppress_context = static_cast<BaseExceptionObject*>(exc)->suppress_context;
    te->is_group = object_is_instance(exc, reinterpret_cast<Object*>(exc_BaseExceptionGroup)) > 0;
    errors::clear();
    return te;
  }
};

bool is_exception(Object* o) { return o && o != none() && exception_check(o); }

// TracebackException.__init__ with compact=True: the queue of chained exceptions.
TracebackEntry* build_entries(EntryPool* pool, Object* exc) {
  TracebackEntry* root = pool->make(exc);
  std::vector<TracebackEntry*> queue{root};
  while (!queue.empty()) {
    TracebackEntry* te = queue.back();
    queue.pop_back();
    auto* be = static_cast<BaseExceptionObject*>(te->exc);
    if (is_exception(be->cause) && !pool->seen.count(be->cause)) te->cause = pool->make(be->cause);
    bool need_context = !te->cause && !be->suppress_context;
    if (need_context && is_exception(be->context) && !pool->seen.count(be->context))
      te->context = pool->make(be->context);
    if (te->is_group) {
      Object* excs = static_cast<BaseExceptionGroupObject*>(te->exc)->excs;
      if (excs && tuple_check(excs))
        for (ssize i = 0; i < tuple_size(excs); ++i)
          if (is_exception(tuple_item(excs, i)))
            te->exceptions.push_back(pool->make(tuple_item(excs, i)));
    }
    if (te->cause) queue.push_back(te->cause);
    if (te->context) queue.push_back(te->context);
    for (TracebackEntry* sub : te->exceptions) queue.push_back(sub);
  }
  return root;
}

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

// _ExceptionPrintContext.
struct PrintContext {
  int depth = 0;
  bool need_close = false;
  std::string indent() const { return std::string(size_t(2 * depth), ' '); }
  // emit: every line of text prefixed with the indentation and the margin.
  void emit(const std::string& text, std::string* out, char margin = '|') const {
    std::string prefix = indent();
    if (depth) prefix += std::string(1, margin) + " ";
    size_t start = 0;
    while (start < text.size()) {
      size_t nl = text.find('\n', start);
      size_t end = nl == std::string::npos ? text.size() : nl + 1;
      *out += prefix + text.substr(start, end - start);
      start = end;
    }
  }
};

// TracebackException.format(chain=True).
void format_entry(TracebackEntry* self, PrintContext* ctx, std::string* out) {
  std::vector<std::pair<const char*, TracebackEntry*>> output;
  for (TracebackEntry* e = self; e;) {
    const char* msg = nullptr;
    TracebackEntry* next = nullptr;
    if (e->cause) {
      msg = "\nThe above exception was the direct cause of the following exception:\n\n";
      next = e->cause;
    } else if (e->context && !e->suppress_context) {
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
      next = e->context;
    }
    output.emplace_back(msg, e);
    e = next;
  }
  for (auto it = output.rbegin(); it != output.rend(); ++it) {
    if (it->first) ctx->emit(it->first, out);
    TracebackEntry* e = it->second;
    Object* tb = static_cast<BaseExceptionObject*>(e->exc)->traceback;
    std::string stack;
    if (tb && tb != none()) format_tb(tb, &stack);
    if (!e->is_group) {
      if (!stack.empty()) {
        ctx->emit("Traceback (most recent call last):\n", out);
        ctx->emit(stack, out);
      }
      std::string only;
      format_exception_only(e->exc, &only);
      ctx->emit(only, out);
    } else if (ctx->depth > kMaxGroupDepth) {
      ctx->emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n", out);
    } else {
      bool toplevel = ctx->depth == 0;
      if (toplevel) ctx->depth++;
      if (!stack.empty()) {
        ctx->emit("Exception Group Traceback (most recent call last):\n", out,
                  toplevel ? '+' : '|');
        ctx->emit(stack, out);
      }
      std::string only;
      format_exception_only(e->exc, &only);
      ctx->emit(only, out);
      int num = int(e->exceptions.size());
      int n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
      ctx->need_close = false;
      for (int i = 0; i < n; ++i) {
        bool last = i == n - 1;
        if (last) ctx->need_close = true;  // the closing line may come from a nested group
        bool truncated = i >= kMaxGroupWidth;
        std::string title = truncated ? "..." : std::to_string(i + 1);
        *out += ctx->indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title +
                " ----------------\n";
        ctx->depth++;
        if (!truncated) {
          format_entry(e->exceptions[size_t(i)], ctx, out);
        } else {
          int remaining = num - kMaxGroupWidth;
          ctx->emit("and " + std::to_string(remaining) + " more exception" +
                        (remaining > 1 ? "s" : "") + "\n",
                    out);
        }
        if (last && ctx->need_close) {
          *out += ctx->indent() + "+------------------------------------\n";
          ctx->need_close = false;
        }
        ctx->depth--;
      }
      if (toplevel) ctx->depth = 0;
    }
  }
}

}  // namespace

void print_exception(Object* exc, std::string* out) {
  EntryPool pool;
  TracebackEntry* root = build_entries(&pool, exc);
  PrintContext ctx;
  format_entry(root, &ctx, out);
}

objects::TypeObject traceback_type = [] {
  TypeObject t = static_type("traceback", sizeof(TracebackObject), 0, kTpflagsHaveGc);
  t.dealloc = tb_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = tb_traverse;
  t.getset = tb_getsetters;
  return t;
}();

void register_source(const std::string& filename, std::string_view source) {
  std::istringstream in{std::string(source)};
  source_cache()[filename] = split_source_lines(in);
}

}  // namespace cppy::vm
