// Compiler parity with CPython 3.14.2 on the standard library.
//
//   codegen_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] [--dump FILE] [--ok]
//
// Compiles every file listed in STDLIB_TSV (tests/data/parity/stdlib.tsv) as
// compile(source, path, "exec", dont_inherit=True) would, writes tests/parity/canon.py's
// code_text (every code object, field by field) and compares its SHA-256 with the third
// column. Prints "M/N identical" and fails when M is below MIN_IDENTICAL (the committed
// figure). --dump FILE prints one file's text; --ok lists the identical files.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ast/arena.h"
#include "compile/compile.h"
#include "compile/konst.h"
#include "errors/errors.h"
#include "objects/unicodeobject.h"
#include "parser/constants.h"
#include "parser/pegen.h"
#include "runtime/pystate.h"
#include "parity_driver.h"

using namespace cppy;
using compile::CodeData;
using compile::Konst;
using compile::KonstKind;

namespace {

std::string str_repr(const std::string& s) {
  objects::Object* o = objects::str_from_utf8(s.data(), objects::ssize(s.size()));
  std::string r;
  if (!o || !parser::constant_repr(o, &r)) {
    errors::clear();
    r = "<?>";
  }
  objects::xdecref(o);
  return r;
}

std::string names_repr(const std::vector<std::string>& v) {
  std::string s = "(";
  for (size_t i = 0; i < v.size(); i++) {
    if (i) s += ", ";
    s += str_repr(v[i]);
  }
  if (v.size() == 1) s += ",";
  return s + ")";
}

std::string hex(const std::string& b) {
  static const char* d = "0123456789abcdef";
  std::string s;
  for (unsigned char ch : b) {
    s.push_back(d[ch >> 4]);
    s.push_back(d[ch & 15]);
  }
  return s;
}

// canon._const.
std::string konst_text(const Konst* k) {
  switch (k->kind) {
    case KonstKind::Code: return "<code " + k->code->qualname + ">";
    case KonstKind::FrozenSet: {
      std::vector<std::string> items;
      for (const Konst* i : k->items) items.push_back(konst_text(i));
      std::sort(items.begin(), items.end());
      std::string s = "frozenset({";
      for (size_t i = 0; i < items.size(); i++) s += (i ? ", " : "") + items[i];
      return s + "})";
    }
    case KonstKind::Tuple: {
      std::string s = "(";
      for (size_t i = 0; i < k->items.size(); i++) s += (i ? ", " : "") + konst_text(k->items[i]);
      if (k->items.size() == 1) s += ",";
      return s + ")";
    }
    default:
      return std::string(compile::konst_type_name(k)) + ":" + compile::konst_repr(k);
  }
}

// canon._code.
void code_text(const CodeData& co, std::vector<std::string>* out, int depth) {
  std::string pad(size_t(depth) * 2, ' ');
  out->push_back(pad + "code " + co.qualname);
  auto field = [&](const char* name, const std::string& v) {
    out->push_back(pad + "  " + name + "=" + v);
  };
  field("co_name", str_repr(co.name));
  field("co_filename", str_repr(co.filename));
  field("co_firstlineno", std::to_string(co.a.firstlineno));
  field("co_flags", std::to_string(co.a.flags));
  field("co_argcount", std::to_string(co.a.argcount));
  field("co_posonlyargcount", std::to_string(co.a.posonlyargcount));
  field("co_kwonlyargcount", std::to_string(co.a.kwonlyargcount));
  field("co_nlocals", std::to_string(co.nlocals()));
  // The code object's init_code raises a depth of 0 to 1.
  field("co_stacksize", std::to_string(co.a.stacksize == 0 ? 1 : co.a.stacksize));
  field("co_names", names_repr(co.names));
  field("co_varnames", names_repr(co.varnames()));
  field("co_cellvars", names_repr(co.cellvars()));
  field("co_freevars", names_repr(co.freevars()));
  field("co_code", hex(co.a.code));
  field("co_linetable", hex(co.a.linetable));
  field("co_exceptiontable", hex(co.a.exceptiontable));
  std::string consts;
  for (size_t i = 0; i < co.consts.size(); i++) {
    if (i) consts += ", ";
    consts += konst_text(co.consts[i]);
  }
  field("co_consts", "[" + consts + "]");
  for (const Konst* k : co.consts) {
    if (k->kind == KonstKind::Code) code_text(*k->code, out, depth + 1);
  }
}

std::string compile_text(const std::string& source, const std::string& rel, bool* is_error) {
  ast::Arena arena;
  parser::ParseOptions options;
  parser::ParseResult r = parser::parse_string(source, rel, options, &arena);
  *is_error = true;
  if (!r.mod) return "error:" + r.error.type + " " + r.error.message;
  compile::CompileResult cr = compile::compile_ast(r.mod, rel, 0, 0, &arena);
  errors::clear();
  if (!cr.code) return "error:" + cr.failure.type + " " + cr.failure.message;
  *is_error = false;
  std::vector<std::string> lines;
  code_text(*cr.code, &lines, 0);
  std::string out;
  for (size_t i = 0; i < lines.size(); i++) {
    if (i) out += "\n";
    out += lines[i];
  }
  return out;
}

// The object model (types, the thread state) before anything is compiled.
void init_runtime() {
  runtime::initialize_objects();
}

}  // namespace

int main(int argc, char** argv) {
  init_runtime();
  return tests::run_stdlib_parity(argc, argv,
                                  "codegen_parity LIBDIR STDLIB_TSV MIN_IDENTICAL [--show N] "
                                  "[--dump FILE] [--ok]",
                                  2, true, compile_text);
}
