// Opcode classes and oparg constants the compiler and the interpreter share
// (Include/internal/pycore_opcode_utils.h), and the stack effect query behind
// _opcode.stack_effect (PyCompile_OpcodeStackEffectWithJump of Python/compile.c).
#pragma once

#include "compile/opcode_metadata.h"

namespace cppy::compile {

inline bool is_within_opcode_range(int op) {
  return (op >= 0 && op <= MAX_REAL_OPCODE) || is_pseudo_instr(op);
}
inline bool is_block_push_opcode(int op) {
  return op == SETUP_FINALLY || op == SETUP_WITH || op == SETUP_CLEANUP;
}
// HAS_TARGET: the oparg names a label (a jump or an exception handler).
inline bool has_target(int op) { return opcode_has_jump(op) || is_block_push_opcode(op); }
inline bool is_scope_exit_opcode(int op) {
  return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}
// Opcodes that must end a basic block.
inline bool is_terminator_opcode(int op) { return opcode_has_jump(op) || is_scope_exit_opcode(op); }
// Emitted by the assembler only, never by codegen.
inline bool is_assembler_opcode(int op) {
  return op == JUMP_FORWARD || op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}
inline bool is_backwards_jump_opcode(int op) {
  return op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT;
}
inline bool is_unconditional_jump_opcode(int op) {
  return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD || op == JUMP_BACKWARD ||
         op == JUMP_BACKWARD_NO_INTERRUPT;
}
inline bool is_return_opcode(int op) { return op == RETURN_VALUE; }
inline bool is_raise_opcode(int op) { return op == RAISE_VARARGS || op == RERAISE; }

// Flags in the oparg of MAKE_FUNCTION / SET_FUNCTION_ATTRIBUTE.
inline constexpr int MAKE_FUNCTION_DEFAULTS = 0x01;
inline constexpr int MAKE_FUNCTION_KWDEFAULTS = 0x02;
inline constexpr int MAKE_FUNCTION_ANNOTATIONS = 0x04;
inline constexpr int MAKE_FUNCTION_CLOSURE = 0x08;
inline constexpr int MAKE_FUNCTION_ANNOTATE = 0x10;

// The oparg of RESUME.
inline constexpr int RESUME_AT_FUNC_START = 0;
inline constexpr int RESUME_AFTER_YIELD = 1;
inline constexpr int RESUME_AFTER_YIELD_FROM = 2;
inline constexpr int RESUME_AFTER_AWAIT = 3;
inline constexpr int RESUME_OPARG_LOCATION_MASK = 0x3;
inline constexpr int RESUME_OPARG_DEPTH1_MASK = 0x4;

// The oparg of LOAD_COMMON_CONSTANT.
inline constexpr int CONSTANT_ASSERTIONERROR = 0;
inline constexpr int CONSTANT_NOTIMPLEMENTEDERROR = 1;
inline constexpr int CONSTANT_BUILTIN_TUPLE = 2;
inline constexpr int CONSTANT_BUILTIN_ALL = 3;
inline constexpr int CONSTANT_BUILTIN_ANY = 4;
inline constexpr int NUM_COMMON_CONSTANTS = 5;

// PY_INVALID_STACK_EFFECT.
inline constexpr int kInvalidStackEffect = 0x7fffffff;

// PyCompile_OpcodeStackEffectWithJump: the net stack effect of an instruction; jump is 1 for
// the branch taken, 0 for the fall-through, -1 for the larger of the two. Specialized and
// unknown instructions give kInvalidStackEffect.
int stack_effect(int opcode, int oparg, int jump);

}  // namespace cppy::compile
