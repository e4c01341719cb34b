// Code objects: Include/cpython/code.h, Include/internal/pycore_code.h, Objects/codeobject.c.
//
// The 3.14 layout: the fields of PyCodeObject, then the adaptive copy of the bytecode the
// interpreter executes and specialises in place (co_code_adaptive). co_code shows the
// original instructions with zeroed caches (the marshalled form), kept as a bytes object.
#pragma once

#include <cstdint>

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// co_flags (Include/cpython/code.h).
enum CodeFlags : int {
  kCoOptimized = 0x0001,
  kCoNewlocals = 0x0002,
  kCoVarargs = 0x0004,
  kCoVarkeywords = 0x0008,
  kCoNested = 0x0010,
  kCoGenerator = 0x0020,
  kCoCoroutine = 0x0080,
  kCoIterableCoroutine = 0x0100,
  kCoAsyncGenerator = 0x0200,
  kCoFutureDivision = 0x20000,
  kCoFutureAbsoluteImport = 0x40000,
  kCoFutureWithStatement = 0x80000,
  kCoFuturePrintFunction = 0x100000,
  kCoFutureUnicodeLiterals = 0x200000,
  kCoFutureBarryAsBdfl = 0x400000,
  kCoFutureGeneratorStop = 0x800000,
  kCoFutureAnnotations = 0x1000000,
  kCoNoMonitoringEvents = 0x2000000,
  kCoHasDocstring = 0x4000000,
  kCoMethod = 0x8000000,
};

// The kinds of co_localsplusnames entries (co_localspluskinds bytes, pycore_code.h).
enum LocalKind : uint8_t {
  kCoFastArgPos = 0x02,
  kCoFastArgKw = 0x04,
  kCoFastArgVar = 0x08,
  kCoFastArg = 0x0e,
  kCoFastHidden = 0x10,
  kCoFastLocal = 0x20,
  kCoFastCell = 0x40,
  kCoFastFree = 0x80,
};

// One 16-bit code unit (_Py_CODEUNIT): an instruction (opcode, oparg) or a cache entry.
union CodeUnit {
  uint16_t cache;
  struct {
    uint8_t code;
    uint8_t arg;
  } op;
};
static_assert(sizeof(CodeUnit) == 2);

struct CodeObject : VarObject {  // size: the number of code units
  Object* co_consts;          // tuple
  Object* co_names;           // tuple of str
  Object* co_exceptiontable;  // bytes
  int co_flags;
  int co_argcount;
  int co_posonlyargcount;
  int co_kwonlyargcount;
  int co_stacksize;
  int co_firstlineno;
  int co_nlocalsplus;
  int co_framesize;  // co_nlocalsplus + co_stacksize + the frame header, in words
  int co_nlocals;
  int co_ncellvars;
  int co_nfreevars;
  uint32_t co_version;
  Object* co_localsplusnames;  // tuple of str
  Object* co_localspluskinds;  // bytes, one LocalKind set per name
  Object* co_filename;
  Object* co_name;
  Object* co_qualname;
  Object* co_linetable;  // bytes (PEP 626/657 location table)
  Object* co_weakreflist;
  Object* co_code;  // bytes: the instructions as marshalled (caches zeroed)
  // Lazily computed name tuples (co_varnames, co_cellvars, co_freevars).
  Object* cached_varnames;
  Object* cached_cellvars;
  Object* cached_freevars;
  int co_firsttraceable;  // index of the first instruction after the prologue (RESUME)
  void* co_extra;
  // Followed by size code units: co_code_adaptive.
};

inline CodeUnit* code_units(CodeObject* co) { return reinterpret_cast<CodeUnit*>(co + 1); }
inline ssize code_size(CodeObject* co) { return co->size; }

extern TypeObject code_type;            // PyCode_Type
extern TypeObject line_iter_type;        // _PyLineIterator: code.co_lines()
extern TypeObject positions_iter_type;   // _PyPositionsIterator: code.co_positions()
extern TypeObject branches_iter_type;    // _PyInstrumentation_BranchesIterator's type
extern TypeObject positions_iter_type;  // positions_iterator
extern TypeObject lineiter_type;        // line_iterator

inline bool code_check(Object* o) { return o->type == &code_type; }

// The arguments of the code constructor, as marshal reads them (_PyCodeConstructor).
struct CodeConstructor {
  Object* filename = nullptr;
  Object* name = nullptr;
  Object* qualname = nullptr;
  int flags = 0;
  Object* code = nullptr;  // bytes
  int firstlineno = 0;
  Object* linetable = nullptr;
  Object* consts = nullptr;
  Object* names = nullptr;
  Object* localsplusnames = nullptr;
  Object* localspluskinds = nullptr;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int stacksize = 0;
  Object* exceptiontable = nullptr;
};

// _PyCode_Validate then _PyCode_New: a new code object (new reference) or null with
// ValueError/TypeError/SystemError set. Names in the tuples are interned.
Object* code_new(const CodeConstructor& con);
// PyUnstable_Code_New(With PosOnlyArgs): from the classic varnames/cellvars/freevars tuples.
Object* code_new_classic(int argcount, int posonlyargcount, int kwonlyargcount, int nlocals,
                         int stacksize, int flags, Object* code, Object* consts, Object* names,
                         Object* varnames, Object* freevars, Object* cellvars,
                         Object* filename, Object* name, Object* qualname, int firstlineno,
                         Object* linetable, Object* exceptiontable);

// PyCode_Addr2Line: the line of the instruction at byte offset addrq (-1 when none).
int code_addr2line(CodeObject* co, int addrq);
// PyCode_Addr2Location: line, end line, column and end column (-1 for unknown; columns are
// 0-based byte offsets). Returns 1.
int code_addr2location(CodeObject* co, int addrq, int* line, int* column, int* endline,
                       int* endcolumn);

// Decodes co_linetable (the PEP 626/657 table): one entry per range of code units.
struct LineTableRange {
  int start;  // byte offsets [start, end)
  int end;
  int line;   // -1: no line
  int endline;
  int column;  // -1: unknown
  int endcolumn;
};
// Calls fn(range, arg) for each range in order; stops early when fn returns false.
void code_for_each_location(CodeObject* co, bool (*fn)(const LineTableRange&, void*),
                            void* arg);

// The exception table (Objects/exception_handling_notes.txt): the handler covering the
// instruction at code unit index `index`. Returns false when none; otherwise the handler's
// target (code units), the stack depth to unwind to and whether to push the offset (lasti).
bool code_find_exception_handler(CodeObject* co, int index, int* target, int* depth,
                                 bool* lasti);

// The local kinds and names (borrowed), as the frame and the eval loop use them.
inline uint8_t code_local_kind(CodeObject* co, int i);
Object* code_local_name(CodeObject* co, int i);  // borrowed

// co_varnames / co_cellvars / co_freevars (new references).
Object* code_get_varnames(CodeObject* co);
Object* code_get_cellvars(CodeObject* co);
Object* code_get_freevars(CodeObject* co);
// _PyCode_GetCode: co_code as bytes (new reference).
Object* code_get_code(CodeObject* co);

// Code objects compare by value (code_richcompare) and hash by their fields.
hash_t code_hash(Object* o);

// The header words of an interpreter frame (FRAME_SPECIALS_SIZE), for co_framesize.
inline constexpr int kFrameSpecialsSize = 10;

}  // namespace cppy::objects

#include "objects/bytesobject.h"

namespace cppy::objects {
inline uint8_t code_local_kind(CodeObject* co, int i) {
  return static_cast<uint8_t>(bytes_as_string(co->co_localspluskinds)[i]);
}
}  // namespace cppy::objects
