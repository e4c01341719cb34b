// Code objects: Objects/codeobject.c (construction and validation, the location table of
// PEP 626/657, the exception table, the Python-level attributes, co_lines, co_positions,
// replace).
#include "objects/weakrefobject.h"
#include "objects/codeobject.h"

#include <cstddef>
#include <cstring>
#include <string>
#include <unordered_set>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "errors/errors.h"
#include "gc/gc.h"
#include "hash/hash.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/clinic_args.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/specialize.h"
#include "vm/instrumentation.h"

// The member table needs offsetof on a class with a base (the object header).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::objects {

namespace {

uint32_t next_code_version = 1;

// --- location table reading (Objects/locations.md) -----------------------------------------

// A cursor over co_linetable, as _PyLineTable_* (PyCodeAddressRange) walks it.
struct LineCursor {
  const uint8_t* p;
  const uint8_t* end;
  int addr = 0;  // code units
  int line;      // the line computed so far (entries with no location keep it)

  int read_varint() {
    unsigned v = 0, shift = 0;
    while (p < end) {
      uint8_t b = *p++;
      v |= unsigned(b & 63) << shift;
      shift += 6;
      if (!(b & 64)) break;
    }
    return int(v);
  }
  int read_svarint() {
    unsigned v = unsigned(read_varint());
    return (v & 1) ? -int(v >> 1) : int(v >> 1);
  }
  // Decodes the next entry into r (byte offsets); false at the end of the table.
  bool next(LineTableRange* r) {
    if (p >= end) return false;
    uint8_t first = *p++;
    int code = (first >> 3) & 15;
    int length = (first & 7) + 1;
    r->start = addr * 2;
    addr += length;
    r->end = addr * 2;
    switch (code) {
      case 15:  // no location
        r->line = r->endline = r->column = r->endcolumn = -1;
        break;
      case 14: {  // long form
        line += read_svarint();
        r->line = line;
        r->endline = line + read_varint();
        int col = read_varint();
        int endcol = read_varint();
        r->column = col - 1;
        r->endcolumn = endcol - 1;
        break;
      }
      case 13:  // no column
        line += read_svarint();
        r->line = r->endline = line;
        r->column = r->endcolumn = -1;
        break;
      case 10:
      case 11:
      case 12: {  // one-line forms
        line += code - 10;
        r->line = r->endline = line;
        r->column = p < end ? *p++ : 0;
        r->endcolumn = p < end ? *p++ : 0;
        break;
      }
      default: {  // short forms 0-9
        int second = p < end ? *p++ : 0;
        r->line = r->endline = line;
        r->column = code * 8 + ((second >> 4) & 7);
        r->endcolumn = r->column + (second & 15);
        break;
      }
    }
    return true;
  }
};

LineCursor cursor_of(CodeObject* co) {
  LineCursor c;
  c.p = reinterpret_cast<const uint8_t*>(bytes_as_string(co->co_linetable));
  c.end = c.p + bytes_size(co->co_linetable);
  c.line = co->co_firstlineno;
  return c;
}

// --- construction --------------------------------------------------------------------------

int intern_strings(Object* tuple) {
  ssize n = tuple_size(tuple);
  for (ssize i = 0; i < n; ++i) {
    Object** p = &tuple_items(tuple)[i];
    if (!str_check_exact(*p)) {
      errors::set_string(exc_TypeError, "non-string found in code slot");
      return -1;
    }
    str_intern_in_place(p);
  }
  return 0;
}

// all_name_chars: constants that look like identifiers are interned too.
bool all_name_chars(Object* s) {
  if (!str_is_ascii(s)) return false;
  ssize n = 0;
  const char* c = str_as_utf8(s, &n);
  for (ssize i = 0; i < n; ++i) {
    unsigned char ch = static_cast<unsigned char>(c[i]);
    if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
          (ch >= 'A' && ch <= 'Z')))
      return false;
  }
  return true;
}

// intern_constants. Marshal data can make a tuple contain itself or share sub-tuples (back
// references), so each tuple is walked once.
void intern_constants_walk(Object* tuple, std::unordered_set<Object*>& seen) {
  if (!seen.insert(tuple).second) return;
  ssize n = tuple_size(tuple);
  for (ssize i = 0; i < n; ++i) {
    Object** p = &tuple_items(tuple)[i];
    if (str_check_exact(*p)) {
      if (all_name_chars(*p)) str_intern_in_place(p);
    } else if (tuple_check_exact(*p)) {
      intern_constants_walk(*p, seen);
    }
  }
}
void intern_constants(Object* tuple) {
  std::unordered_set<Object*> seen;
  intern_constants_walk(tuple, seen);
}

// _PyCode_Validate.
int code_validate(const CodeConstructor& con) {
  if (!con.filename || !con.name || !con.qualname || !con.code || !con.consts || !con.names ||
      !con.localsplusnames || !con.localspluskinds || !con.linetable || !con.exceptiontable ||
      !str_check(con.filename) || !str_check(con.name) || !str_check(con.qualname) ||
      !bytes_check(con.code) || !tuple_check(con.consts) || !tuple_check(con.names) ||
      !tuple_check(con.localsplusnames) || !bytes_check(con.localspluskinds) ||
      !bytes_check(con.linetable) || !bytes_check(con.exceptiontable) ||
      tuple_size(con.localsplusnames) != bytes_size(con.localspluskinds) ||
      con.argcount < con.posonlyargcount || con.posonlyargcount < 0 ||
      con.kwonlyargcount < 0 || con.stacksize < 0 || con.flags < 0) {
    errors::bad_internal_call();
    return -1;
  }
  if (bytes_size(con.code) > (ssize(1) << 30)) {
    errors::set_string(exc_OverflowError, "code: co_code larger than INT_MAX");
    return -1;
  }
  if (bytes_size(con.code) % 2 != 0 || bytes_size(con.code) == 0) {
    errors::set_string(exc_ValueError, "code: co_code is malformed");
    return -1;
  }
  int nlocals = 0;
  ssize n = bytes_size(con.localspluskinds);
  for (ssize i = 0; i < n; ++i)
    if (bytes_as_string(con.localspluskinds)[i] & kCoFastLocal) ++nlocals;
  // int arithmetic as it wraps in CPython: fuzzed marshal data brings absurd counts.
  int nplainlocals = int(unsigned(nlocals) - unsigned(con.argcount) -
                         unsigned(con.kwonlyargcount) - unsigned((con.flags & kCoVarargs) != 0) -
                         unsigned((con.flags & kCoVarkeywords) != 0));
  if (nplainlocals < 0) {
    errors::set_string(exc_ValueError, "code: co_varnames is too small");
    return -1;
  }
  return 0;
}

void code_dealloc(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  if (co->co_weakreflist) object_clear_weakrefs(o);
  xdecref(co->co_consts);
  xdecref(co->co_names);
  xdecref(co->co_exceptiontable);
  xdecref(co->co_localsplusnames);
  xdecref(co->co_localspluskinds);
  xdecref(co->co_filename);
  xdecref(co->co_name);
  xdecref(co->co_qualname);
  xdecref(co->co_linetable);
  xdecref(co->co_code);
  xdecref(co->cached_varnames);
  xdecref(co->cached_cellvars);
  xdecref(co->cached_freevars);
  vm::code_monitoring_free(co);
  gc::object_free(o);
}

// code_repr.
Object* code_repr(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  int lineno = co->co_firstlineno;
  if (co->co_filename && str_check(co->co_filename))
    return str_from_format("<code object %U at %p, file \"%U\", line %d>", co->co_name,
                           static_cast<void*>(co), co->co_filename, lineno);
  return str_from_format("<code object %U at %p, file ???, line %d>", co->co_name,
                         static_cast<void*>(co), lineno);
}

// The names of the locals of a kind, as a tuple (get_localsplus_names).
Object* names_of_kind(CodeObject* co, int kind, int count) {
  Object* names = tuple_new(count);
  if (!names) return nullptr;
  int index = 0;
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    if ((code_local_kind(co, i) & kind) == 0) continue;
    tuple_set_item(names, index++, new_ref(tuple_item(co->co_localsplusnames, i)));
  }
  return names;
}

// code_richcompare: equal when every field is.
Object* code_richcompare(Object* a, Object* b, int op) {
  if ((op != kEQ && op != kNE) || !code_check(a) || !code_check(b))
    return return_not_implemented();
  auto* x = static_cast<CodeObject*>(a);
  auto* y = static_cast<CodeObject*>(b);
  bool eq = x == y;
  if (!eq) {
    eq = x->co_argcount == y->co_argcount && x->co_posonlyargcount == y->co_posonlyargcount &&
         x->co_kwonlyargcount == y->co_kwonlyargcount && x->co_flags == y->co_flags &&
         x->co_firstlineno == y->co_firstlineno && x->size == y->size;
    Object* pairs[][2] = {{x->co_name, y->co_name},
                          {x->co_code, y->co_code},
                          {x->co_consts, y->co_consts},
                          {x->co_names, y->co_names},
                          {x->co_localsplusnames, y->co_localsplusnames},
                          {x->co_linetable, y->co_linetable},
                          {x->co_exceptiontable, y->co_exceptiontable}};
    for (auto& pr : pairs) {
      if (!eq) break;
      int r = object_rich_compare_bool(pr[0], pr[1], kEQ);
      if (r < 0) return nullptr;
      eq = r == 1;
    }
  }
  return new_ref((eq == (op == kEQ)) ? true_object() : false_object());
}

hash_t code_hash_slot(Object* o) { return code_hash(o); }

// --- Python-level attributes ----------------------------------------------------------------

#define CODE_MEMBER(pyname, kind, field) \
  {pyname, kind, static_cast<ssize>(offsetof(CodeObject, field)), kMemberReadonly, nullptr}
MemberDef code_members[] = {
    CODE_MEMBER("co_argcount", kMemberInt, co_argcount),
    CODE_MEMBER("co_posonlyargcount", kMemberInt, co_posonlyargcount),
    CODE_MEMBER("co_kwonlyargcount", kMemberInt, co_kwonlyargcount),
    CODE_MEMBER("co_stacksize", kMemberInt, co_stacksize),
    CODE_MEMBER("co_flags", kMemberInt, co_flags),
    CODE_MEMBER("co_nlocals", kMemberInt, co_nlocals),
    CODE_MEMBER("co_consts", kMemberObject, co_consts),
    CODE_MEMBER("co_names", kMemberObject, co_names),
    CODE_MEMBER("co_filename", kMemberObject, co_filename),
    CODE_MEMBER("co_name", kMemberObject, co_name),
    CODE_MEMBER("co_qualname", kMemberObject, co_qualname),
    CODE_MEMBER("co_firstlineno", kMemberInt, co_firstlineno),
    CODE_MEMBER("co_linetable", kMemberObject, co_linetable),
    CODE_MEMBER("co_exceptiontable", kMemberObject, co_exceptiontable),
    {nullptr, 0, 0, 0, nullptr}};
#undef CODE_MEMBER

Object* get_code(Object* o, void*) { return code_get_code(static_cast<CodeObject*>(o)); }
Object* get_varnames(Object* o, void*) { return code_get_varnames(static_cast<CodeObject*>(o)); }
Object* get_cellvars(Object* o, void*) { return code_get_cellvars(static_cast<CodeObject*>(o)); }
Object* get_freevars(Object* o, void*) { return code_get_freevars(static_cast<CodeObject*>(o)); }

// emit_pair / emit_delta / decode_linetable: the pre-3.10 line number table, rebuilt from
// co_linetable for the deprecated co_lnotab.
void lnotab_emit_delta(std::string& out, int bdelta, int ldelta) {
  auto pair = [&](int a, int b) {
    out.push_back(char(uint8_t(a)));
    out.push_back(char(uint8_t(b)));
  };
  while (bdelta > 255) {
    pair(255, 0);
    bdelta -= 255;
  }
  while (ldelta > 127) {
    pair(bdelta, 127);
    bdelta = 0;
    ldelta -= 127;
  }
  while (ldelta < -128) {
    pair(bdelta, -128);
    bdelta = 0;
    ldelta += 128;
  }
  pair(bdelta, ldelta);
}
// code_getlnotab.
Object* get_lnotab(Object* o, void*) {
  auto* co = static_cast<CodeObject*>(o);
  if (errors::warn_ex(exc_DeprecationWarning, "co_lnotab is deprecated, use co_lines instead.",
                      1) < 0)
    return nullptr;
  std::string out;
  int code_offset = 0;
  int line = co->co_firstlineno;
  LineCursor c = cursor_of(co);
  LineTableRange r;
  while (c.next(&r)) {
    if (c.line != line) {
      lnotab_emit_delta(out, r.start - code_offset, c.line - line);
      code_offset = r.start;
      line = c.line;
    }
  }
  return bytes_from_string_and_size(out.data(), ssize(out.size()));
}
// code_getcodeadaptive: the instructions as the interpreter runs them (specialised).
Object* get_code_adaptive(Object* o, void*) {
  auto* co = static_cast<CodeObject*>(o);
  return bytes_from_string_and_size(reinterpret_cast<const char*>(code_units(co)),
                                    co->size * ssize(sizeof(CodeUnit)));
}

GetSetDef code_getsets[] = {
    {"co_lnotab", get_lnotab, nullptr, nullptr, nullptr},
    {"_co_code_adaptive", get_code_adaptive, nullptr, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr, nullptr},
    {"co_varnames", get_varnames, nullptr, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

Object* int_or_none(int v) { return v < 0 ? return_none() : long_from_long(v); }

// The iterators of co_lines() and co_positions() (lineiterator and positionsiterator of
// Objects/codeobject.c): a cursor over the code's line table, the code kept alive.
struct LineIterObject : Object {
  CodeObject* code;
  LineCursor cursor;
  bool have_pending;        // a range read ahead by the merging of co_lines
  LineTableRange pending;   // co_lines: that range; co_positions: the current range
  int addr;                 // co_positions: the next byte offset within `pending`
};

Object* line_iter_new(TypeObject* type, CodeObject* co) {
  auto* it = static_cast<LineIterObject*>(type_generic_alloc(type, 0));
  if (!it) return nullptr;
  it->code = static_cast<CodeObject*>(new_ref(static_cast<Object*>(co)));
  it->cursor = cursor_of(co);
  it->have_pending = false;
  it->pending = LineTableRange{};
  it->addr = 0;
  return it;
}

void line_iter_dealloc(Object* o) {
  auto* it = static_cast<LineIterObject*>(o);
  decref(it->code);
  o->type->free(o);
}

Object* int_triple_or_quad(const int* v, int n) {
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  for (int i = 0; i < n; ++i) {
    Object* x = int_or_none(v[i]);
    if (!x) {
      decref(t);
      return nullptr;
    }
    tuple_set_item(t, i, x);
  }
  return t;
}

// lineiter_next: (start, end, line), neighbouring ranges of the same line merged.
Object* lineiter_next(Object* o) {
  auto* it = static_cast<LineIterObject*>(o);
  LineTableRange cur;
  if (it->have_pending) {
    cur = it->pending;
    it->have_pending = false;
  } else if (!it->cursor.next(&cur)) {
    return nullptr;
  }
  LineTableRange r;
  while (it->cursor.next(&r)) {
    if (r.line != cur.line) {
      it->pending = r;
      it->have_pending = true;
      break;
    }
    cur.end = r.end;
  }
  // The offsets are never negative: only the line may read None.
  Object* t = tuple_new(3);
  if (!t) return nullptr;
  Object* items[3] = {long_from_long(cur.start), long_from_long(cur.end), int_or_none(cur.line)};
  for (int i = 0; i < 3; ++i) {
    if (!items[i]) {
      for (Object* x : items) xdecref(x);
      decref(t);
      return nullptr;
    }
  }
  for (int i = 0; i < 3; ++i) tuple_set_item(t, i, items[i]);
  return t;
}

// positionsiter_next: (line, endline, column, endcolumn) of each instruction (code unit).
Object* positionsiter_next(Object* o) {
  auto* it = static_cast<LineIterObject*>(o);
  while (!it->have_pending || it->addr >= it->pending.end) {
    if (!it->cursor.next(&it->pending)) {
      it->have_pending = false;
      return nullptr;
    }
    it->have_pending = true;
    it->addr = it->pending.start;
  }
  it->addr += 2;
  const LineTableRange& r = it->pending;
  int v[4] = {r.line, r.endline, r.column, r.endcolumn};
  return int_triple_or_quad(v, 4);
}

TypeObject make_line_iter_type(const char* name, iternextfunc next) {
  // No tp_new: a static builtin type whose base is object cannot be instantiated.
  TypeObject t = static_type(name, sizeof(LineIterObject), 0, kTpflagsBasetype);
  t.dealloc = line_iter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = next;
  return t;
}

}  // namespace

TypeObject line_iter_type = make_line_iter_type("line_iterator", lineiter_next);
TypeObject positions_iter_type = make_line_iter_type("positions_iterator", positionsiter_next);

namespace {

// code.co_lines() (code_linesiterator).
Object* code_co_lines(Object* self, Object*) {
  return line_iter_new(&line_iter_type, static_cast<CodeObject*>(self));
}

// code.co_positions() (code_positionsiterator).
Object* code_co_positions(Object* self, Object*) {
  return line_iter_new(&positions_iter_type, static_cast<CodeObject*>(self));
}

// The iterator of co_branches(): Python/instrumentation.c's branchesiterator, a static type
// outside the builtins that CPython also names "line_iterator". cppy computes the branches
// up front; the object walks their list.
struct BranchesIterObject : Object {
  Object* it;  // a list iterator of (source, not taken, taken) tuples
};

void branches_iter_dealloc(Object* o) {
  decref(static_cast<BranchesIterObject*>(o)->it);
  o->type->free(o);
}

Object* branches_iter_next(Object* o) {
  Object* it = static_cast<BranchesIterObject*>(o)->it;
  return it->type->iternext(it);
}

}  // namespace

TypeObject branches_iter_type = [] {
  TypeObject t = static_type("line_iterator", sizeof(BranchesIterObject), 0,
                             kTpflagsBasetype | kTpflagsDisallowInstantiation);
  t.flags &= ~kTpflagsStaticBuiltin;  // a static type of Python/instrumentation.c
  t.dealloc = branches_iter_dealloc;
  t.iter = object_self_iter;
  t.iternext = branches_iter_next;
  return t;
}();

namespace {

// code.co_branches() (code_branchesiterator -> _PyInstrumentation_BranchesIterator of
// Python/instrumentation.c): (source offset, not-taken offset, taken offset) of each branch,
// read from the unspecialised instructions (co_code).
Object* code_co_branches(Object* self, Object*) {
  using namespace compile;
  auto* co = static_cast<CodeObject*>(self);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  Ref<> code = Ref<>::steal(code_get_code(co));
  if (!code) return nullptr;
  const auto* bytes = reinterpret_cast<const uint8_t*>(bytes_as_string(code.get()));
  ssize n = bytes_size(code.get()) / 2;
  auto triple = [&](long a, long b, long c) {
    Object* items[3] = {long_from_long(a), long_from_long(b), long_from_long(c)};
    if (!items[0] || !items[1] || !items[2]) {
      for (Object* o : items) xdecref(o);
      return false;
    }
    Ref<> t = Ref<>::steal(tuple_from_array(items, 3));
    for (Object* o : items) decref(o);
    return t && list_append(list.get(), t.get()) == 0;
  };
  long oparg = 0;
  ssize offset = 0;
  while (offset < n) {
    int op = bytes[2 * offset];
    int arg = bytes[2 * offset + 1];
    ssize next = offset + 1 + opcode_caches[op];
    switch (op) {
      case EXTENDED_ARG:
        oparg = (oparg << 8) | arg;
        break;
      case FOR_ITER:
        oparg = (oparg << 8) | arg;
        // The taken target skips END_FOR and POP_ITER.
        if (!triple(long(offset * 2), long(next * 2), long((next + oparg + 2) * 2))) return nullptr;
        oparg = 0;
        break;
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case POP_JUMP_IF_NONE:
      case POP_JUMP_IF_NOT_NONE: {
        oparg = (oparg << 8) | arg;
        ssize not_taken = next + 1;  // past the NOT_TAKEN that follows
        if (!triple(long(offset * 2), long(not_taken * 2), long((next + oparg) * 2))) return nullptr;
        oparg = 0;
        next = not_taken;
        break;
      }
      case END_ASYNC_FOR: {
        oparg = (oparg << 8) | arg;
        ssize src = next - oparg;  // the END_SEND, followed by a NOT_TAKEN
        if (!triple(long(src * 2), long((src + 2) * 2), long(next * 2))) return nullptr;
        oparg = 0;
        break;
      }
      default:
        oparg = 0;
    }
    offset = next;
  }
  Ref<> it = Ref<>::steal(object_get_iter(list.get()));
  if (!it) return nullptr;
  if (!type_has_feature(&branches_iter_type, kTpflagsReady) && type_ready(&branches_iter_type) < 0)
    return nullptr;
  auto* bi = static_cast<BranchesIterObject*>(type_generic_alloc(&branches_iter_type, 0));
  if (!bi) return nullptr;
  bi->it = it.release();
  return bi;
}

// code.replace(**changes) (code_replace_impl): keyword-only co_* fields.
Object* code_replace(Object* self, Object* args, Object* kwargs) {
  auto* co = static_cast<CodeObject*>(self);
  if (args && tuple_size(args) != 0)
    return errors::format(exc_TypeError, "replace() takes no positional arguments");
  CodeConstructor con;
  con.filename = co->co_filename;
  con.name = co->co_name;
  con.qualname = co->co_qualname;
  con.flags = co->co_flags;
  Ref<> code = Ref<>::steal(code_get_code(co));
  if (!code) return nullptr;
  con.code = code.get();
  con.firstlineno = co->co_firstlineno;
  con.linetable = co->co_linetable;
  con.consts = co->co_consts;
  con.names = co->co_names;
  con.localsplusnames = co->co_localsplusnames;
  con.localspluskinds = co->co_localspluskinds;
  con.argcount = co->co_argcount;
  con.posonlyargcount = co->co_posonlyargcount;
  con.kwonlyargcount = co->co_kwonlyargcount;
  con.stacksize = co->co_stacksize;
  con.exceptiontable = co->co_exceptiontable;
  Ref<> varnames, cellvars, freevars;
  int nlocals = co->co_nlocals;
  bool classic = false;
  // The clinic parser of code_replace: the keywords in their declared order, each converted
  // (int, bytes, tuple or str) before CHECK_INT_ARG's ValueErrors.
  struct Field {
    const char* name;
    char kind;  // 'i' int, 'b' bytes, 't' tuple, 's' str
  };
  static const Field fields[] = {
      {"co_argcount", 'i'},   {"co_posonlyargcount", 'i'}, {"co_kwonlyargcount", 'i'},
      {"co_nlocals", 'i'},    {"co_stacksize", 'i'},       {"co_flags", 'i'},
      {"co_firstlineno", 'i'}, {"co_code", 'b'},           {"co_consts", 't'},
      {"co_names", 't'},      {"co_varnames", 't'},        {"co_freevars", 't'},
      {"co_cellvars", 't'},   {"co_filename", 's'},        {"co_name", 's'},
      {"co_qualname", 's'},   {"co_linetable", 'b'},       {"co_exceptiontable", 'b'}};
  if (kwargs) {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(kwargs, &pos, &key, &value)) {
      const char* k = str_as_utf8(key);
      if (!k) return nullptr;
      bool known = false;
      for (const Field& f : fields) known = known || std::strcmp(f.name, k) == 0;
      if (!known)
        return errors::format(exc_TypeError, "replace() got an unexpected keyword argument '%s'",
                              k);
    }
    int* int_fields[] = {&con.argcount,  &con.posonlyargcount, &con.kwonlyargcount, &nlocals,
                         &con.stacksize, &con.flags,           &con.firstlineno};
    bool given_int[7] = {};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; ++i) {
      const Field& f = fields[i];
      Object* value = dict_get_item_string(kwargs, f.name);
      if (!value) continue;
      if (f.kind == 'i') {
        int v = long_as_int(value);
        if (v == -1 && errors::occurred()) return nullptr;
        *int_fields[i] = v;
        given_int[i] = true;
        continue;
      }
      bool ok = f.kind == 'b' ? bytes_check(value) : f.kind == 't' ? tuple_check(value)
                                                                   : str_check(value);
      if (!ok) {
        std::string display = std::string("'") + f.name + "'";
        bad_argument("replace", display.c_str(),
                     f.kind == 'b' ? "bytes" : f.kind == 't' ? "tuple" : "str", value);
        return nullptr;
      }
      std::string name = f.name;
      if (name == "co_code") con.code = value;
      else if (name == "co_consts") con.consts = value;
      else if (name == "co_names") con.names = value;
      else if (name == "co_varnames") varnames.reset(new_ref(value)), classic = true;
      else if (name == "co_freevars") freevars.reset(new_ref(value)), classic = true;
      else if (name == "co_cellvars") cellvars.reset(new_ref(value)), classic = true;
      else if (name == "co_filename") con.filename = value;
      else if (name == "co_name") con.name = value;
      else if (name == "co_qualname") con.qualname = value;
      else if (name == "co_linetable") con.linetable = value;
      else if (name == "co_exceptiontable") con.exceptiontable = value;
    }
    for (int i = 0; i < 7; ++i) {
      if (*int_fields[i] < 0) {
        errors::format(exc_ValueError, "%s must be a positive integer", fields[i].name);
        return nullptr;
      }
    }
    // A new co_nlocals goes through PyCode_NewWithPosOnlyArgs, which checks it; new
    // co_varnames alone bring their own count (3.14 then reports "co_varnames is too small"
    // rather than a count mismatch).
    if (given_int[3]) classic = true;
    else if (varnames) nlocals = static_cast<int>(tuple_size(varnames.get()));
  }
  if (classic) {
    if (!varnames) varnames.reset(code_get_varnames(co));
    if (!cellvars) cellvars.reset(code_get_cellvars(co));
    if (!freevars) freevars.reset(code_get_freevars(co));
    if (!varnames || !cellvars || !freevars) return nullptr;
    return code_new_classic(con.argcount, con.posonlyargcount, con.kwonlyargcount, nlocals,
                            con.stacksize, con.flags, con.code, con.consts, con.names,
                            varnames.get(), freevars.get(), cellvars.get(), con.filename,
                            con.name, con.qualname, con.firstlineno, con.linetable,
                            con.exceptiontable);
  }
  return code_new(con);
}

// code__varname_from_oparg_impl: the name of a local, cell or free variable by index (dis).
Object* code_varname_from_oparg(Object* self, Object* const* args, ssize nargs,
                                Object* kwnames) {
  static const char* const kw[] = {"oparg", nullptr};
  static const ArgParser parser = {"_varname_from_oparg", kw, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords_impl(parser, args, nargs, nullptr, kwnames, a) < 0) return nullptr;
  int oparg = long_as_int(a[0]);
  if (oparg == -1 && errors::occurred()) return nullptr;
  Object* names = static_cast<CodeObject*>(self)->co_localsplusnames;
  if (oparg < 0 || oparg >= tuple_size(names)) {
    errors::set_string(exc_IndexError, "tuple index out of range");
    return nullptr;
  }
  return new_ref(tuple_item(names, oparg));
}

// code_sizeof.
Object* code_sizeof(Object* self, Object*) {
  auto* co = static_cast<CodeObject*>(self);
  return long_from_ssize(self->type->basicsize + co->size * self->type->itemsize);
}

MethodDef code_methods[] = {
    {"__sizeof__", reinterpret_cast<void*>(code_sizeof), kMethNoArgs, nullptr},
    {"_varname_from_oparg", reinterpret_cast<void*>(code_varname_from_oparg),
     kMethFastcall | kMethKeywords,
     "_varname_from_oparg($self, /, oparg)\n--\n\n(internal-only) Return the local variable "
     "name for the given oparg.\n\nWARNING: this method is for internal use only and may "
     "change or go away."},
    {"co_lines", reinterpret_cast<void*>(code_co_lines), kMethNoArgs, nullptr},
    {"co_positions", reinterpret_cast<void*>(code_co_positions), kMethNoArgs, nullptr},
    {"co_branches", reinterpret_cast<void*>(code_co_branches), kMethNoArgs, nullptr},
    {"replace", reinterpret_cast<void*>(code_replace), kMethVarargs | kMethKeywords,
     "Return a copy of the code object with new values for the specified fields."},
    {"__replace__", reinterpret_cast<void*>(code_replace), kMethVarargs | kMethKeywords,
     "The same as replace()."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// _PyCode_New (init_code): the fields, the counts derived from the local kinds, and the
// adaptive copy of the instructions.
Object* code_new(const CodeConstructor& con) {
  if (code_validate(con) < 0) return nullptr;
  if (intern_strings(con.names) < 0 || intern_strings(con.localsplusnames) < 0) return nullptr;
  intern_constants(con.consts);
  ssize nunits = bytes_size(con.code) / 2;
  auto* co = static_cast<CodeObject*>(
      gc::object_malloc(sizeof(CodeObject) + sizeof(CodeUnit) * size_t(nunits)));
  if (!co) return errors::no_memory();
  std::memset(static_cast<void*>(co), 0, sizeof(CodeObject));
  co->refcnt = 1;
  co->type = &code_type;
  co->size = nunits;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  co->co_filename = new_ref(con.filename);
  str_intern_in_place(&co->co_filename);
  co->co_name = new_ref(con.name);
  str_intern_in_place(&co->co_name);
  co->co_qualname = new_ref(con.qualname);
  str_intern_in_place(&co->co_qualname);
  co->co_flags = con.flags;
  co->co_firstlineno = con.firstlineno;
  co->co_linetable = new_ref(con.linetable);
  co->co_consts = new_ref(con.consts);
  co->co_names = new_ref(con.names);
  co->co_localsplusnames = new_ref(con.localsplusnames);
  co->co_localspluskinds = new_ref(con.localspluskinds);
  co->co_argcount = con.argcount;
  co->co_posonlyargcount = con.posonlyargcount;
  co->co_kwonlyargcount = con.kwonlyargcount;
  // init_code: a code object never has an empty value stack (raise-only or endless-loop
  // bodies compile to depth 0; CPython 3.14 records 1, also for code.replace(co_stacksize=0)).
  int stacksize = con.stacksize == 0 ? 1 : con.stacksize;
  co->co_stacksize = stacksize;
  co->co_exceptiontable = new_ref(con.exceptiontable);
  co->co_code = new_ref(con.code);
  int nlocalsplus = int(tuple_size(con.localsplusnames));
  co->co_nlocalsplus = nlocalsplus;
  for (int i = 0; i < nlocalsplus; ++i) {
    uint8_t kind = code_local_kind(co, i);
    if (kind & kCoFastLocal) {
      ++co->co_nlocals;
      if (kind & kCoFastCell) ++co->co_ncellvars;
    } else if (kind & kCoFastCell) {
      ++co->co_ncellvars;
    } else if (kind & kCoFastFree) {
      ++co->co_nfreevars;
    }
  }
  // Computed as CPython's int arithmetic wraps in practice: unmarshalled data may carry an
  // absurd co_stacksize (front.marshal_fuzz), and signed overflow is undefined in C++.
  co->co_framesize = int(unsigned(nlocalsplus) + unsigned(stacksize) + unsigned(kFrameSpecialsSize));
  co->co_version = next_code_version++;
  std::memcpy(code_units(co), bytes_as_string(con.code), size_t(nunits) * 2);
  vm::code_quicken(code_units(co), nunits);
  // The first traceable instruction: the one after the RESUME that ends the prologue.
  CodeUnit* units = code_units(co);
  co->co_firsttraceable = 0;
  co->co_extra = nullptr;  // the monitoring data (vm/instrumentation.cpp)
  for (ssize i = 0; i < nunits; ++i) {
    if (units[i].op.code == 128 /* RESUME */) {
      co->co_firsttraceable = int(i);
      break;
    }
  }
  return co;
}

Object* code_new_classic(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
                         int stacksize, int flags, Object* code, Object* consts, Object* names,
                         Object* varnames, Object* freevars, Object* cellvars,
                         Object* filename, Object* name, Object* qualname, int firstlineno,
                         Object* linetable, Object* exceptiontable) {
  if (!tuple_check(varnames) || !tuple_check(freevars) || !tuple_check(cellvars)) {
    errors::bad_internal_call();
    return nullptr;
  }
  // PyUnstable_Code_NewWithPosOnlyArgs.
  if (nlocals != tuple_size(varnames)) {
    errors::set_string(exc_ValueError, "code: co_nlocals != len(co_varnames)");
    return nullptr;
  }
  ssize nvar = tuple_size(varnames), ncell = tuple_size(cellvars), nfree = tuple_size(freevars);
  // Cells that are also arguments share the argument's slot (CO_FAST_LOCAL | CO_FAST_CELL).
  Ref<> lnames = Ref<>::steal(tuple_new(nvar + ncell + nfree));
  Ref<> kinds = Ref<>::steal(bytes_from_string_and_size(nullptr, nvar + ncell + nfree));
  if (!lnames || !kinds) return nullptr;
  char* k = bytes_as_string(kinds.get());
  ssize n = 0;
  int total_args = argcount + kwonlyargcount + ((flags & kCoVarargs) != 0) +
                   ((flags & kCoVarkeywords) != 0);
  for (ssize i = 0; i < nvar; ++i) {
    tuple_set_item(lnames.get(), n, new_ref(tuple_item(varnames, i)));
    uint8_t kind = kCoFastLocal;
    if (i < argcount) kind |= kCoFastArgPos | (i >= posonlyargcount ? kCoFastArgKw : 0);
    else if (i < argcount + kwonlyargcount) kind |= kCoFastArgKw;
    else if (i < total_args) kind |= kCoFastArgVar;
    k[n++] = char(kind);
  }
  for (ssize i = 0; i < ncell; ++i) {
    Object* nm = tuple_item(cellvars, i);
    bool merged = false;
    for (ssize j = 0; j < total_args && j < nvar; ++j) {
      if (str_equal(tuple_item(varnames, j), nm)) {
        k[j] = char(uint8_t(k[j]) | kCoFastCell);
        merged = true;
        break;
      }
    }
    if (merged) continue;
    tuple_set_item(lnames.get(), n, new_ref(nm));
    k[n++] = char(kCoFastCell);
  }
  for (ssize i = 0; i < nfree; ++i) {
    tuple_set_item(lnames.get(), n, new_ref(tuple_item(freevars, i)));
    k[n++] = char(kCoFastFree);
  }
  if (n != nvar + ncell + nfree) {
    Object* shrunk = tuple_get_slice(lnames.get(), 0, n);
    if (!shrunk) return nullptr;
    lnames.reset(shrunk);
    Object* kb = kinds.release();
    if (bytes_resize(&kb, n) < 0) return nullptr;
    kinds.reset(kb);
  }
  CodeConstructor con;
  con.filename = filename;
  con.name = name;
  con.qualname = qualname;
  con.flags = flags;
  con.code = code;
  con.firstlineno = firstlineno;
  con.linetable = linetable;
  con.consts = consts;
  con.names = names;
  con.localsplusnames = lnames.get();
  con.localspluskinds = kinds.get();
  con.argcount = argcount;
  con.posonlyargcount = posonlyargcount;
  con.kwonlyargcount = kwonlyargcount;
  con.stacksize = stacksize;
  con.exceptiontable = exceptiontable;
  return code_new(con);
}

void code_for_each_location(CodeObject* co, bool (*fn)(const LineTableRange&, void*),
                            void* arg) {
  LineCursor c = cursor_of(co);
  LineTableRange r;
  while (c.next(&r))
    if (!fn(r, arg)) return;
}

int code_addr2line(CodeObject* co, int addrq) {
  if (addrq < 0) return co->co_firstlineno;
  LineCursor c = cursor_of(co);
  LineTableRange r;
  while (c.next(&r))
    if (addrq >= r.start && addrq < r.end) return r.line;
  return -1;
}

int code_addr2location(CodeObject* co, int addrq, int* line, int* column, int* endline,
                       int* endcolumn) {
  *line = *column = *endline = *endcolumn = -1;
  if (addrq < 0) {
    *line = *endline = co->co_firstlineno;
    return 1;
  }
  LineCursor c = cursor_of(co);
  LineTableRange r;
  while (c.next(&r)) {
    if (addrq >= r.start && addrq < r.end) {
      *line = r.line;
      *endline = r.endline;
      *column = r.column;
      *endcolumn = r.endcolumn;
      return 1;
    }
  }
  return 1;
}

// get_exception_handler: entries are (start, size, target, depth << 1 | lasti), each a
// big-endian varint of 6-bit groups; the first byte of an entry has bit 7 set.
bool code_find_exception_handler(CodeObject* co, int index, int* target, int* depth,
                                 bool* lasti) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes_as_string(co->co_exceptiontable));
  const uint8_t* end = p + bytes_size(co->co_exceptiontable);
  auto varint = [&]() {
    int v = *p & 63;
    while (*p & 64) {
      ++p;
      v = (v << 6) | (*p & 63);
    }
    ++p;
    return v;
  };
  while (p < end) {
    int start = varint();
    int size = varint();
    int tgt = varint();
    int dl = varint();
    if (index < start) return false;  // entries are sorted by start
    if (index < start + size) {
      *target = tgt;
      *depth = dl >> 1;
      *lasti = (dl & 1) != 0;
      return true;
    }
  }
  return false;
}

Object* code_local_name(CodeObject* co, int i) { return tuple_item(co->co_localsplusnames, i); }

Object* code_get_varnames(CodeObject* co) {
  if (!co->cached_varnames) {
    co->cached_varnames = names_of_kind(co, kCoFastLocal, co->co_nlocals);
    if (!co->cached_varnames) return nullptr;
  }
  return new_ref(co->cached_varnames);
}
Object* code_get_cellvars(CodeObject* co) {
  if (!co->cached_cellvars) {
    co->cached_cellvars = names_of_kind(co, kCoFastCell, co->co_ncellvars);
    if (!co->cached_cellvars) return nullptr;
  }
  return new_ref(co->cached_cellvars);
}
Object* code_get_freevars(CodeObject* co) {
  if (!co->cached_freevars) {
    co->cached_freevars = names_of_kind(co, kCoFastFree, co->co_nfreevars);
    if (!co->cached_freevars) return nullptr;
  }
  return new_ref(co->cached_freevars);
}

Object* code_get_code(CodeObject* co) { return new_ref(co->co_code); }

// code_hash: combines the fields code_richcompare looks at.
hash_t code_hash(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  uint64_t h = 20221211;
  auto mix = [&](uint64_t v) { h = (h ^ v) * 1000003u; };
  Object* parts[] = {co->co_name, co->co_code, co->co_consts, co->co_names,
                     co->co_localsplusnames, co->co_linetable, co->co_exceptiontable};
  for (Object* p : parts) {
    hash_t x = object_hash(p);
    if (x == -1) return -1;
    mix(uint64_t(x));
  }
  mix(uint64_t(co->co_argcount));
  mix(uint64_t(co->co_posonlyargcount));
  mix(uint64_t(co->co_kwonlyargcount));
  mix(uint64_t(co->co_flags));
  mix(uint64_t(co->co_firstlineno));
  hash_t r = hash_t(h);
  return r == -1 ? -2 : r;
}

namespace {

// validate_and_copy_tuple: a tuple of exact str (interned by the constructor).
bool check_name_tuple(Object* tup) {
  for (ssize i = 0; i < tuple_size(tup); ++i) {
    Object* item = tuple_item(tup, i);
    if (!str_check_exact(item)) {
      errors::format(exc_TypeError, "name tuples must contain only strings, not '%.500s'",
                     item->type->name);
      return false;
    }
  }
  return true;
}

// code_new (Argument Clinic, all positional-only) and code_new_impl.
Object* code_tp_new(TypeObject* type, Object* args, Object* kwargs) {
  if (type == &code_type && !no_keywords("code", kwargs)) return nullptr;
  ssize nargs = tuple_size(args);
  if (!check_positional("code", nargs, 16, 18)) return nullptr;
  int ints[6];  // argcount .. flags
  for (int i = 0; i < 6; ++i) {
    ints[i] = long_as_int(tuple_item(args, i));
    if (ints[i] == -1 && errors::occurred()) return nullptr;
  }
  struct Want {
    int index;
    bool (*check)(Object*);
    const char* expected;
  };
  const Want wants[] = {{6, [](Object* o) { return bytes_check(o); }, "bytes"},
                        {7, [](Object* o) { return tuple_check(o); }, "tuple"},
                        {8, [](Object* o) { return tuple_check(o); }, "tuple"},
                        {9, [](Object* o) { return tuple_check(o); }, "tuple"},
                        {10, [](Object* o) { return str_check(o); }, "str"},
                        {11, [](Object* o) { return str_check(o); }, "str"},
                        {12, [](Object* o) { return str_check(o); }, "str"},
                        {14, [](Object* o) { return bytes_check(o); }, "bytes"},
                        {15, [](Object* o) { return bytes_check(o); }, "bytes"},
                        {16, [](Object* o) { return tuple_check(o); }, "tuple"},
                        {17, [](Object* o) { return tuple_check(o); }, "tuple"}};
  for (const Want& w : wants) {
    if (w.index >= nargs) continue;
    Object* a = tuple_item(args, w.index);
    if (!w.check(a)) {
      std::string pos = std::to_string(w.index + 1);
      bad_argument("code", pos.c_str(), w.expected, a);
      return nullptr;
    }
  }
  int firstlineno = long_as_int(tuple_item(args, 13));
  if (firstlineno == -1 && errors::occurred()) return nullptr;
  const char* const names[] = {"argcount", "posonlyargcount", "kwonlyargcount", "nlocals"};
  for (int i = 0; i < 4; ++i) {
    if (ints[i] < 0) {
      errors::format(exc_ValueError, "code: %s must not be negative", names[i]);
      return nullptr;
    }
  }
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty) return nullptr;
  Object* freevars = nargs > 16 ? tuple_item(args, 16) : empty.get();
  Object* cellvars = nargs > 17 ? tuple_item(args, 17) : empty.get();
  for (Object* t : {tuple_item(args, 8), tuple_item(args, 9), freevars, cellvars})
    if (!check_name_tuple(t)) return nullptr;
  return code_new_classic(ints[0], ints[1], ints[2], ints[3], ints[4], ints[5],
                          tuple_item(args, 6), tuple_item(args, 7), tuple_item(args, 8),
                          tuple_item(args, 9), freevars, cellvars, tuple_item(args, 10),
                          tuple_item(args, 11), tuple_item(args, 12), firstlineno,
                          tuple_item(args, 14), tuple_item(args, 15));
}

}  // namespace

TypeObject code_type = [] {
  TypeObject t = static_type("code", sizeof(CodeObject), sizeof(CodeUnit));
  t.dealloc = code_dealloc;
  t.repr = code_repr;
  t.hash = code_hash_slot;
  t.getattro = object_generic_getattr;
  t.richcompare = code_richcompare;
  t.members = code_members;
  t.getset = code_getsets;
  t.methods = code_methods;
  t.new_ = code_tp_new;
  t.weaklistoffset = static_cast<ssize>(offsetof(CodeObject, co_weakreflist));
  t.doc =
      "code(argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize,\n     flags, "
      "codestring, constants, names, varnames, filename, name,\n     qualname, firstlineno, "
      "linetable, exceptiontable, freevars=(),\n     cellvars=(), /)\n--\n\nCreate a code "
      "object.  Not for the faint of heart.";
  return t;
}();

}  // namespace cppy::objects
