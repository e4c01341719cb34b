// The assembler (Python/assemble.c): an optimized instruction sequence becomes the pieces of
// a code object: co_code with EXTENDED_ARGs and inline caches, the PEP 626/657 location
// table (co_linetable), the exception table, and the co_localsplus names and kinds.
#pragma once

#include <string>
#include <vector>

#include "compile/instruction_sequence.h"
#include "compile/unit_metadata.h"

namespace cppy::compile {

// The raw pieces of a code object; src/objects builds the object from them (and from the
// constants, which stay in the caller's ConstPool).
struct AssembledCode {
  std::string code;            // co_code
  std::string linetable;       // co_linetable
  std::string exceptiontable;  // co_exceptiontable
  int stacksize = 0;
  int flags = 0;
  int argcount = 0;  // positional-only included, as co_argcount
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int firstlineno = 0;
  std::vector<std::string> localsplusnames;
  std::string localspluskinds;
};

// _PyAssemble_MakeCodeObject without the object: resolves jump directions and offsets, then
// emits the code and its tables. Returns -1 on error (see compile_errors.h).
int assemble_code_unit(const CodeUnitMetadata& umd, int maxdepth, InstructionSequence* instrs,
                       int nlocalsplus, int code_flags, AssembledCode* out);

// _PyCompile_InstrSize: code units of an instruction with its EXTENDED_ARGs and caches.
int instr_size(int opcode, int oparg);

}  // namespace cppy::compile
