// Traceback objects (Python/traceback.c) and the display of uncaught exceptions in the
// format of Lib/traceback.py (which CPython 3.13+ uses for sys.excepthook): frames, source
// lines, PEP 657 carets with the anchors of binary operators, subscripts and calls,
// "[Previous line repeated N more times]", chained causes and contexts, notes.
#include "vm/traceback.h"

#include <algorithm>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <vector>

#include "errors/errors.h"
#include "errors/suggestions.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
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
#include "unicode/unicodedata.h"
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

// tb_get_lineno: tb_lineno, computed from the frame's code and tb_lasti while it is -1.
int tb_lineno_of(TracebackObject* tb) {
  if (tb->tb_lineno != -1) return tb->tb_lineno;
  auto* fo = static_cast<FrameObject*>(tb->tb_frame);
  Frame* f = fo ? fo->f_frame : nullptr;
  if (!f) return -1;
  return code_addr2line(frame_code(f), tb->tb_lasti);
}

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
// tb_lineno_get: the line is found from tb_lasti on first request (tb_get_lineno), not when
// the traceback entry is made: most raised exceptions are caught without anyone asking.
Object* tb_get_lineno(Object* o, void*) {
  int lineno = tb_lineno_of(static_cast<TracebackObject*>(o));
  if (lineno < 0) return return_none();
  return long_from_long(lineno);
}

// tb_dir: only the four traceback attributes, in this order.
Object* tb_dir(Object*, Object*) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  for (const char* name : {"tb_frame", "tb_next", "tb_lasti", "tb_lineno"}) {
    Ref<> s = Ref<>::steal(str_from_cstr(name));
    if (!s || list_append(list.get(), s.get()) < 0) return nullptr;
  }
  return list.release();
}

MethodDef tb_methods[] = {
    {"__dir__", reinterpret_cast<void*>(tb_dir), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

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

// tb_create_raw: a traceback entry for frame, in front of next (null or a traceback).
Object* tb_create_raw(TypeObject* type, TracebackObject* next, Object* frame, int lasti,
                      int lineno) {
  if (!frame || !frame_check(frame)) {
    errors::bad_internal_call();
    return nullptr;
  }
  auto* tb = static_cast<TracebackObject*>(type_generic_alloc(type, 0));
  if (!tb) return nullptr;
  tb->tb_next = static_cast<TracebackObject*>(xnew_ref(static_cast<Object*>(next)));
  tb->tb_frame = new_ref(frame);
  tb->tb_lasti = lasti;
  tb->tb_lineno = lineno;
  return tb;
}

// tb_new (Argument Clinic): TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno).
Object* tb_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kKeywords[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno",
                                          nullptr};
  static const ArgParser kParser{"traceback", kKeywords, 4, 4, 0};
  Object* a[4] = {nullptr, nullptr, nullptr, nullptr};
  if (unpack_keywords_tuple(kParser, args, kwargs, a) < 0) return nullptr;
  if (!frame_check(a[1])) {
    bad_argument("traceback", "'tb_frame'", "frame", a[1]);
    return nullptr;
  }
  int lasti = long_as_int(a[2]);
  if (lasti == -1 && errors::occurred()) return nullptr;
  int lineno = long_as_int(a[3]);
  if (lineno == -1 && errors::occurred()) return nullptr;
  Object* next = a[0];
  if (next == none()) {
    next = nullptr;
  } else if (next->type != &traceback_type) {
    return errors::format(exc_TypeError, "expected traceback object or None, got '%s'",
                          next->type->name);
  }
  return tb_create_raw(type, static_cast<TracebackObject*>(next), a[1], lasti, lineno);
}

}  // namespace

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
  tb->tb_lineno = -1;  // computed when asked for (tb_lineno_of)
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
        gc::track(fo);  // PyFrame_New tracks the frame object it owns
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

// --- StackSummary.format_frame_summary (Lib/traceback.py) ---------------------------------

std::u32string decode_utf8(const std::string& s);
std::string encode_utf8(const std::u32string& s);

// str.splitlines() for text whose only line breaks are '\n'.
std::vector<std::u32string> split_lines(const std::u32string& s) {
  std::vector<std::u32string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find(U'\n', start);
    if (nl == std::u32string::npos) {
      out.push_back(s.substr(start));
      break;
    }
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}
std::u32string join_lines(const std::vector<std::u32string>& lines) {
  std::u32string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += U'\n';
    out += lines[i];
  }
  return out;
}
bool all_space(const std::u32string& s) {
  for (char32_t c : s)
    if (!unicode::is_space(c)) return false;
  return true;
}
std::u32string lstrip(const std::u32string& s) {
  size_t i = 0;
  while (i < s.size() && unicode::is_space(s[i])) ++i;
  return s.substr(i);
}
std::u32string rstrip(const std::u32string& s) {
  size_t n = s.size();
  while (n > 0 && unicode::is_space(s[n - 1])) --n;
  return s.substr(0, n);
}

// textwrap.dedent (3.14): the common leading run of spaces and tabs of the non-blank lines
// goes; blank lines become empty.
std::u32string dedent(const std::u32string& text) {
  std::vector<std::u32string> lines;
  size_t start = 0;
  for (;;) {
    size_t nl = text.find(U'\n', start);
    lines.push_back(text.substr(start, nl == std::u32string::npos ? std::u32string::npos : nl - start));
    if (nl == std::u32string::npos) break;
    start = nl + 1;
  }
  const std::u32string* l1 = nullptr;
  const std::u32string* l2 = nullptr;
  for (const auto& l : lines) {
    if (l.empty() || all_space(l)) continue;
    if (!l1 || l < *l1) l1 = &l;
    if (!l2 || l > *l2) l2 = &l;
  }
  size_t margin = 0;
  if (l1) {
    for (margin = 0; margin < l1->size(); ++margin) {
      char32_t c = (*l1)[margin];
      if (c != (*l2)[margin] || (c != U' ' && c != U'\t')) break;
    }
  }
  std::u32string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += U'\n';
    const auto& l = lines[i];
    if (!l.empty() && all_space(l)) continue;
    if (margin < l.size()) out += l.substr(margin);
  }
  return out;
}

// _byte_offset_to_character_offset.
int byte_to_char_offset(const std::u32string& line, int byte_offset) {
  return char_offset(encode_utf8(line), byte_offset);
}

// _display_width: East Asian wide and fullwidth characters take two columns.
int display_width(const std::u32string& line, int offset) {
  bool ascii = true;
  for (char32_t c : line)
    if (c >= 0x80) ascii = false;
  if (ascii) return offset;
  int width = 0;
  for (int i = 0; i < offset && i < int(line.size()); ++i) {
    const char* w = unicode::east_asian_width(line[size_t(i)]);
    width += (std::strcmp(w, "W") == 0 || std::strcmp(w, "F") == 0) ? 2 : 1;
  }
  return width;
}

struct Anchors {
  int left_end_lineno, left_end_offset;
  int right_start_lineno, right_start_offset;
};

// _extract_caret_anchors_from_line_segment: for a binary operation the operator, for a
// subscript or a call the brackets; the segment is parsed in parentheses so that it may span
// lines. False when there are none.
bool extract_caret_anchors(const std::u32string& segment, Anchors* out) {
  std::string src = "(\n" + encode_utf8(segment) + "\n)";
  ast::Arena arena;
  parser::ParseOptions options;
  options.flags = parser::kPyCF_IGNORE_COOKIE;
  parser::ParseResult r = parser::parse_string(src, "<segment>", options, &arena);
  errors::clear();
  if (!r.mod || r.mod->kind != ast::Module_kind) return false;
  ast::asdl_stmt_seq* body = r.mod->v.Module.body;
  if (!body || body->size != 1) return false;
  ast::stmt_ty st = body->typed_elements[0];
  if (st->kind != ast::Expr_kind) return false;
  ast::expr_ty e = st->v.Expr.value;
  std::vector<std::u32string> lines = split_lines(segment);
  int n = int(lines.size());
  bool ok = true;
  auto len = [&](int lineno) { return int(lines[size_t(lineno)].size()); };
  auto normalize = [&](int lineno, int offset) {
    if (lineno < 0 || lineno >= n) {
      ok = false;
      return 0;
    }
    return byte_to_char_offset(lines[size_t(lineno)], offset);
  };
  auto next_valid_char = [&](int& lineno, int& col) {
    while (lineno < n && col >= len(lineno)) {
      col = 0;
      ++lineno;
    }
    if (!(lineno < n && col < len(lineno))) ok = false;
  };
  auto setup_positions = [&](ast::expr_ty x, bool force_valid, int& lineno, int& col) {
    lineno = x->end_lineno - 2;
    col = normalize(lineno, x->end_col_offset);
    if (ok && force_valid) next_valid_char(lineno, col);
  };
  auto increment_until = [&](int& lineno, int& col, auto stop) {
    while (ok) {
      char32_t ch = lines[size_t(lineno)][size_t(col)];
      if (ch == U'\\' || ch == U'#') {
        col = 0;
        ++lineno;
        next_valid_char(lineno, col);
      } else if (!stop(ch)) {
        ++col;
        next_valid_char(lineno, col);
      } else {
        break;
      }
    }
  };
  if (e->kind == ast::BinOp_kind) {
    int lineno, col;
    setup_positions(e->v.BinOp.left, true, lineno, col);
    if (!ok) return false;
    increment_until(lineno, col, [](char32_t c) { return !unicode::is_space(c) && c != U')'; });
    if (!ok) return false;
    int right_col = col + 1;
    ast::expr_ty right = e->v.BinOp.right;
    // A second operator character: on the line, before the right operand, not a space,
    // backslash or comment.
    if (right_col < len(lineno) &&
        (right->lineno - 2 > lineno || right_col < normalize(right->lineno - 2, right->col_offset))) {
      if (!ok) return false;
      char32_t ch = lines[size_t(lineno)][size_t(right_col)];
      if (!unicode::is_space(ch) && ch != U'\\' && ch != U'#') ++right_col;
    }
    *out = {lineno, col, lineno, right_col};
    return true;
  }
  if (e->kind == ast::Subscript_kind || e->kind == ast::Call_kind) {
    bool call = e->kind == ast::Call_kind;
    char32_t open = call ? U'(' : U'[';
    int left_lineno, left_col, right_lineno, right_col;
    setup_positions(call ? e->v.Call.func : e->v.Subscript.value, true, left_lineno, left_col);
    if (!ok) return false;
    increment_until(left_lineno, left_col, [open](char32_t c) { return c == open; });
    if (!ok) return false;
    setup_positions(e, false, right_lineno, right_col);
    if (!ok) return false;
    *out = {left_lineno, left_col, right_lineno, right_col};
    return true;
  }
  return false;
}

// StackSummary._should_show_carets.
bool should_show_carets(int start_offset, int end_offset, const std::vector<std::u32string>& all_lines,
                        bool anchors) {
  std::string src = encode_utf8(join_lines(all_lines));
  ast::Arena arena;
  parser::ParseOptions options;
  options.flags = parser::kPyCF_IGNORE_COOKIE;
  parser::ParseResult r = parser::parse_string(src, "<unknown>", options, &arena);
  errors::clear();
  if (r.mod && r.mod->kind == ast::Module_kind) {
    ast::asdl_stmt_seq* body = r.mod->v.Module.body;
    if (!body || body->size == 0) return false;
    ast::stmt_ty st = body->typed_elements[0];
    ast::expr_ty value = nullptr;
    if (st->kind == ast::Return_kind && st->v.Return.value &&
        st->v.Return.value->kind == ast::Call_kind &&
        st->v.Return.value->v.Call.func->kind == ast::Name_kind) {
      value = st->v.Return.value;
    } else if (st->kind == ast::Assign_kind && st->v.Assign.value->kind == ast::Call_kind &&
               st->v.Assign.targets->size == 1 &&
               st->v.Assign.targets->typed_elements[0]->kind == ast::Name_kind) {
      value = st->v.Assign.value;
    }
    if (value && value->lineno == 1 && value->end_lineno == int(all_lines.size()) &&
        value->col_offset == start_offset && value->end_col_offset == end_offset)
      return false;
  }
  if (anchors) return true;
  const std::u32string& first = all_lines.front();
  const std::u32string& last = all_lines.back();
  std::u32string before = first.substr(0, std::min(size_t(start_offset), first.size()));
  std::u32string after = size_t(end_offset) < last.size() ? last.substr(size_t(end_offset)) : U"";
  return !lstrip(before).empty() || !rstrip(after).empty();
}

// The source part of StackSummary.format_frame_summary: the lines lineno..end_lineno
// (dedented), carets under the instruction's span with the anchors, and "...<N lines>..."
// for the lines between the significant ones. col / end_col are byte offsets, -1 unknown.
void format_frame_source(const std::string& filename, int lineno, int end_lineno, int colno,
                         int end_colno, std::string* row) {
  const auto* src = source_lines(filename);
  std::vector<std::u32string> raw;
  for (int ln = lineno; ln <= end_lineno; ++ln) {
    std::u32string line;
    if (ln >= 1 && size_t(ln) <= src->size()) line = decode_utf8((*src)[size_t(ln - 1)]);
    raw.push_back(rstrip(line));
  }
  std::u32string original = join_lines(raw) + U"\n";
  std::u32string dedented = dedent(original);
  if (all_space(dedented)) return;
  std::vector<std::u32string> all_original = split_lines(original);
  if (colno < 0 || end_colno < 0) {
    std::u32string first = all_original.empty() ? U"" : all_original[0];
    *row += "    " + encode_utf8(rstrip(lstrip(first))) + "\n";
    return;
  }
  const std::u32string& first_line = all_original[0];
  size_t last_index = size_t(end_lineno - lineno);
  if (last_index >= all_original.size()) return;
  const std::u32string& last_line = all_original[last_index];
  int start_offset = byte_to_char_offset(first_line, colno);
  int end_offset = byte_to_char_offset(last_line, end_colno);
  std::vector<std::u32string> all_lines = split_lines(dedented);
  if (all_lines.size() > last_index + 1) all_lines.resize(last_index + 1);
  if (all_lines.empty()) return;
  int dedent_characters = int(first_line.size()) - int(all_lines[0].size());
  start_offset = std::max(0, start_offset - dedent_characters);
  end_offset = std::max(0, end_offset - dedent_characters);
  int dp_start_offset = display_width(all_lines[0], start_offset);
  int dp_end_offset = display_width(all_lines.back(), end_offset);
  std::u32string segment = join_lines(all_lines);
  {
    size_t a = std::min(size_t(start_offset), segment.size());
    size_t b = segment.size() - all_lines.back().size() + size_t(end_offset);
    b = std::min(b, segment.size());
    segment = a < b ? segment.substr(a, b - a) : U"";
  }
  Anchors anchors{};
  bool has_anchors = extract_caret_anchors(segment, &anchors);
  bool show_carets = should_show_carets(start_offset, end_offset, all_lines, has_anchors);
  int nlines = int(all_lines.size());
  std::set<int> significant = {0, nlines - 1};
  int left_end_offset = 0, right_start_offset = 0;
  char32_t primary = U'^', secondary = U'^';
  if (has_anchors) {
    left_end_offset = anchors.left_end_offset;
    right_start_offset = anchors.right_start_offset;
    if (anchors.left_end_lineno == 0) left_end_offset += start_offset;
    if (anchors.right_start_lineno == 0) right_start_offset += start_offset;
    if (anchors.left_end_lineno >= nlines || anchors.right_start_lineno >= nlines) return;
    left_end_offset = display_width(all_lines[size_t(anchors.left_end_lineno)], left_end_offset);
    right_start_offset =
        display_width(all_lines[size_t(anchors.right_start_lineno)], right_start_offset);
    primary = U'~';
    secondary = U'^';
    for (int d = -1; d <= 1; ++d) {
      significant.insert(anchors.left_end_lineno + d);
      significant.insert(anchors.right_start_lineno + d);
    }
  }
  significant.erase(-1);
  significant.erase(nlines);
  std::u32string result;
  auto output_line = [&](int ln) {
    const std::u32string& line = all_lines[size_t(ln)];
    result += line + U"\n";
    if (!show_carets) return;
    int num_spaces = int(line.size() - lstrip(line).size());
    int num_carets = ln == nlines - 1 ? dp_end_offset : display_width(line, int(line.size()));
    std::u32string carets;
    for (int col = 0; col < num_carets; ++col) {
      if (col < num_spaces || (ln == 0 && col < dp_start_offset)) {
        carets += U' ';
      } else if (has_anchors &&
                 (ln > anchors.left_end_lineno ||
                  (ln == anchors.left_end_lineno && col >= left_end_offset)) &&
                 (ln < anchors.right_start_lineno ||
                  (ln == anchors.right_start_lineno && col < right_start_offset))) {
        carets += secondary;
      } else {
        carets += primary;
      }
    }
    result += carets + U"\n";
  };
  int prev = -1;
  for (int ln : significant) {
    if (prev >= 0) {
      int linediff = ln - prev;
      if (linediff == 2) {
        output_line(ln - 1);
      } else if (linediff > 2) {
        std::string note = "...<" + std::to_string(linediff - 1) + " lines>...\n";
        result += decode_utf8(note);
      }
    }
    output_line(ln);
    prev = ln;
  }
  // textwrap.indent(textwrap.dedent(...), '    ', lambda line: True).
  std::u32string text = dedent(result);
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find(U'\n', start);
    size_t stop = nl == std::u32string::npos ? text.size() : nl + 1;
    *row += "    " + encode_utf8(text.substr(start, stop - start));
    start = stop;
  }
}

struct FrameLine {
  std::string filename;
  int lineno;
  std::string name;
  int col = -1, endcol = -1, endline = -1;
};

void format_tb(Object* tb_obj, std::string* out, bool positions = true) {
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
    // _walk_tb_with_full_positions: the position's line, tb_lineno when it has none.
    fl.lineno = line >= 0 && tb->tb_lasti >= 0 ? line : tb_lineno_of(tb);
    if (tb->tb_lasti < 0 || !positions) col = endcol = endline = -1;
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
    format_frame_source(fl.filename, fl.lineno, fl.endline < 0 ? fl.lineno : fl.endline, fl.col,
                        fl.endcol, out);
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

// TracebackException._find_keyword_typos, which _format_syntax_error runs (errors ignored)
// for a generic "invalid syntax" whose exception carries the parser's _metadata: a name on
// the error's line that, replaced by a close keyword, makes the statement compile. It is
// traceback.py's own code, run on a TracebackException of exc; true with the location and
// message it settled on (lineno, end_lineno, text, offset, end_offset, msg).
bool find_keyword_typos(Object* exc, Ref<> fields[6]) {
  auto* se = static_cast<SyntaxErrorObject*>(exc);
  if (!se->metadata || se->metadata == none() || !se->msg || !str_check(se->msg)) return false;
  std::string msg = str_of(se->msg);
  if (msg != "invalid syntax" && msg.find("Perhaps you forgot a comma") == std::string::npos)
    return false;
  Ref<> tb = Ref<>::steal(imp::import_module("traceback"));
  Ref<> te_type = tb ? Ref<>::steal(object_getattr_string(tb.get(), "TracebackException"))
                     : Ref<>();
  Object* args[3] = {reinterpret_cast<Object*>(exc->type), exc, none()};
  Ref<> te = te_type ? Ref<>::steal(vectorcall(te_type.get(), args, 3, nullptr)) : Ref<>();
  Ref<> r = te ? Ref<>::steal(call_method_no_args(te.get(),
                                                  str_intern_from_cstr("_find_keyword_typos")))
               : Ref<>();
  if (!r) {
    errors::clear();
    return false;
  }
  const char* names[6] = {"lineno", "end_lineno", "text", "offset", "end_offset", "msg"};
  for (int i = 0; i < 6; i++) {
    fields[i] = Ref<>::steal(object_getattr_string(te.get(), names[i]));
    if (!fields[i]) {
      errors::clear();
      return false;
    }
  }
  return true;
}

// TracebackException._format_syntax_error: the location line, the source line with its
// carets, then "Type: msg" (with " (filename)" when there is no line number).
void format_syntax_error(Object* exc, const std::string& stype, std::string* out) {
  auto* se = static_cast<SyntaxErrorObject*>(exc);
  auto val = [](Object* o) { return o && o != none() ? o : nullptr; };
  Ref<> typo[6];
  bool fixed = find_keyword_typos(exc, typo);
  Object* filename = val(se->filename);
  Object* lineno = val(fixed ? typo[0].get() : se->lineno);
  Object* end_lineno = val(fixed ? typo[1].get() : se->end_lineno);
  Object* text = val(fixed ? typo[2].get() : se->text);
  Object* offset_obj = val(fixed ? typo[3].get() : se->offset);
  Object* end_offset_obj = val(fixed ? typo[4].get() : se->end_offset);
  Object* msg_obj = fixed ? typo[5].get() : se->msg;
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
  int msg_true = msg_obj ? object_is_true(msg_obj) : 0;
  if (msg_true < 0) errors::clear();
  msg = msg_true > 0 ? str_of(msg_obj) : "<no detail available>";
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

void print_traceback_plain(Object* tb, std::string* out) {
  *out += "Traceback (most recent call last):\n";
  format_tb(tb, out, false);
}

objects::TypeObject traceback_type = [] {
  TypeObject t = static_type("traceback", sizeof(TracebackObject), 0, kTpflagsHaveGc);
  t.dealloc = tb_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = tb_traverse;
  t.getset = tb_getsetters;
  t.methods = tb_methods;
  t.new_ = tb_new;
  return t;
}();

void register_source(const std::string& filename, std::string_view source) {
  std::istringstream in{std::string(source)};
  source_cache()[filename] = split_source_lines(in);
}

}  // namespace cppy::vm
