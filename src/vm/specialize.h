// PEP 659 adaptive specialisation: Python/specialize.c, the inline cache layouts and the
// adaptive counters of Include/internal/pycore_code.h and pycore_backoff.h.
//
// The eval loop executes each code object's adaptive copy of the bytecode (the code units
// after the CodeObject, co_code_adaptive). An instruction with inline caches counts down in
// its first cache entry; when the counter reaches zero the interpreter calls the
// specialize_* function of its family, which rewrites the opcode in place to a specialised
// form (and fills the cache) or backs the counter off exponentially. A specialised
// instruction whose guard fails runs its family's generic body (a "miss"), which counts down
// the same counter from the cooldown value and re-specialises when it reaches zero.
// co_code (the marshalled form, what dis and .pyc files see) is a separate bytes object that
// never changes.
#pragma once

#include <cstdint>
#include <cstring>

#include "objects/codeobject.h"
#include "objects/object.h"

namespace cppy::vm {

using objects::CodeUnit;
using objects::Object;

// _Py_BackoffCounter: a 12-bit value above a 4-bit backoff exponent.
inline constexpr uint16_t make_backoff_counter(uint16_t value, uint16_t backoff) {
  return uint16_t((value << 4) | backoff);
}
inline constexpr uint16_t kUnreachableBackoff = 0xFFFF;
// ADAPTIVE_WARMUP_*: specialise on the second execution.
inline constexpr uint16_t kCounterWarmup = make_backoff_counter(1, 1);
// ADAPTIVE_COOLDOWN_*: after a specialisation, 53 misses before trying again.
inline constexpr uint16_t kCounterCooldown = make_backoff_counter(52, 0);

inline bool backoff_counter_triggers(uint16_t c) { return (c >> 4) == 0; }
inline uint16_t advance_backoff_counter(uint16_t c) {
  if (c == kUnreachableBackoff) return c;
  return make_backoff_counter(uint16_t(((c >> 4) - 1) & 0xFFF), uint16_t(c & 15));
}
// restart_backoff_counter: the next wait is 2**(backoff+1) - 1 executions (at most 4095).
inline uint16_t restart_backoff_counter(uint16_t c) {
  uint16_t backoff = c & 15;
  if (backoff < 12) return make_backoff_counter(uint16_t((1 << (backoff + 1)) - 1), backoff + 1);
  return make_backoff_counter((1 << 12) - 1, 12);
}

// Unaligned reads and writes of the wider cache fields (read_u32/write_u32/read_obj...).
inline uint32_t read_u32(const CodeUnit* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void write_u32(CodeUnit* p, uint32_t v) { std::memcpy(p, &v, sizeof v); }
inline Object* read_obj(const CodeUnit* p) {
  Object* v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void write_obj(CodeUnit* p, Object* v) { std::memcpy(p, &v, sizeof v); }

// BINARY_OP operands the specialisations use (NB_* of Include/opcode.h).
inline constexpr int kNbAdd = 0, kNbMultiply = 5, kNbSubtract = 10, kNbInplaceAdd = 13,
                     kNbInplaceMultiply = 18, kNbInplaceSubtract = 23, kNbSubscr = 26;

// _PyBinaryOpSpecializationDescr: BINARY_OP_EXTEND keeps a pointer to one of these in its
// four cache entries (external_cache); the guard decides whether the action applies to the
// operands; the action takes over the two references (the stack's) and returns a new
// reference or null with an exception set.
struct BinaryOpExtend {
  int oparg;
  bool (*guard)(Object* lhs, Object* rhs);
  Object* (*action)(Object* lhs, Object* rhs);
  // For the machine-word int actions, which one (kWordAnd...): the eval loop computes them
  // inline when both operands are one-digit ints, without the two calls. 0 for the others.
  int word_op = 0;
};
inline constexpr int kWordAnd = 1, kWordOr = 2, kWordXor = 3, kWordAdd = 4, kWordSub = 5,
                     kWordMul = 6, kWordMod = 7, kWordFloorDiv = 8, kWordRshift = 9;
inline const BinaryOpExtend* read_extend_descr(const CodeUnit* p) {
  const BinaryOpExtend* v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// _PyCode_Quicken: the counters of a new code object's adaptive copy start warming up.
void code_quicken(CodeUnit* instructions, objects::ssize n);

// The specialisers (_Py_Specialize_*). instr is the instruction (its caches follow it); each
// rewrites instr's opcode to a specialised form and fills the cache, or restores the generic
// opcode with a backed-off counter. None of them raises.
void specialize_load_global(Object* globals, Object* builtins, CodeUnit* instr, Object* name);
void specialize_load_attr(Object* owner, CodeUnit* instr, Object* name);
void specialize_store_attr(Object* owner, CodeUnit* instr, Object* name);
// locals: the frame's fast locals (BINARY_OP_INPLACE_ADD_UNICODE looks at the STORE_FAST
// target).
void specialize_binary_op(Object* lhs, Object* rhs, CodeUnit* instr, int oparg,
                          Object** locals);
void specialize_compare_op(Object* lhs, Object* rhs, CodeUnit* instr, int oparg);
void specialize_to_bool(Object* value, CodeUnit* instr);
void specialize_for_iter(Object* iter, CodeUnit* instr, int oparg);
void specialize_unpack_sequence(Object* seq, CodeUnit* instr, int oparg);
void specialize_store_subscr(Object* container, Object* sub, CodeUnit* instr);
void specialize_contains_op(Object* container, CodeUnit* instr);
void specialize_call(Object* callable, Object* self_or_null, CodeUnit* instr, int nargs);
void specialize_call_kw(Object* callable, CodeUnit* instr, int nargs);
void specialize_load_super_attr(Object* global_super, Object* cls, CodeUnit* instr,
                                int load_method);

#ifdef CPPY_VM_STATS
// The CPPY_VM_STATS build option (src/vm/CMakeLists.txt; Py_STATS' specialization counts in
// small): per opcode, how often it was dispatched, how often its guards failed (a miss runs
// the family's generic body) and how often its family specialised or gave up. Printed to
// stderr at exit when CPPY_VM_STATS is set in the environment.
struct VmStats {
  uint64_t exec[256];
  uint64_t miss[256];
  uint64_t specialized[256];
  uint64_t failed[256];
};
extern VmStats vm_stats;
#define CPPY_VM_STAT(field, op) (++::cppy::vm::vm_stats.field[(op) & 255])
#else
#define CPPY_VM_STAT(field, op) ((void)0)
#endif

// Whether specialisation is on (PYTHON_SPECIALIZATION_OFF=1 / tests turn it off).
extern bool specialization_enabled;

}  // namespace cppy::vm
