// What the CFG passes and the assembler need to know of a code unit besides its instructions
// (the parts of _PyCompile_CodeUnitMetadata, Include/internal/pycore_compile.h, they read).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace cppy::compile {

struct CodeUnitMetadata {
  std::string name;
  std::string qualname;
  // u_varnames, u_cellvars, u_freevars: each name at its index. Free variables are numbered
  // after the cells in the instructions (LOAD_DEREF's oparg), as codegen numbers them.
  std::vector<std::string> varnames;
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  // u_fasthidden: locals of inlined comprehensions, hidden from locals().
  std::set<std::string> fasthidden;
  // u_argcount counts the positional-or-keyword parameters only (co_argcount adds the
  // positional-only ones).
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int firstlineno = 1;
};

// Code flags (Include/cpython/code.h) the back end reads.
inline constexpr int CO_OPTIMIZED = 0x0001;
inline constexpr int CO_NEWLOCALS = 0x0002;
inline constexpr int CO_VARARGS = 0x0004;
inline constexpr int CO_VARKEYWORDS = 0x0008;
inline constexpr int CO_NESTED = 0x0010;
inline constexpr int CO_GENERATOR = 0x0020;
inline constexpr int CO_COROUTINE = 0x0080;
inline constexpr int CO_ITERABLE_COROUTINE = 0x0100;
inline constexpr int CO_ASYNC_GENERATOR = 0x0200;

// Kinds of co_localsplus entries (_PyLocals_Kind, Include/internal/pycore_code.h).
inline constexpr int CO_FAST_ARG_POS = 0x02;
inline constexpr int CO_FAST_ARG_KW = 0x04;
inline constexpr int CO_FAST_ARG_VAR = 0x08;
inline constexpr int CO_FAST_HIDDEN = 0x10;
inline constexpr int CO_FAST_LOCAL = 0x20;
inline constexpr int CO_FAST_CELL = 0x40;
inline constexpr int CO_FAST_FREE = 0x80;

// The most nested try/with blocks (CO_MAXBLOCKS).
inline constexpr int CO_MAXBLOCKS = 21;

}  // namespace cppy::compile
