// PyCompile_OpcodeStackEffectWithJump (Python/compile.c) over get_stack_effects
// (Python/flowgraph.c).
#include "compile/opcode_utils.h"

namespace cppy::compile {

int stack_effect(int opcode, int oparg, int jump) {
  if (opcode < 0 || opcode > MAX_OPCODE) return kInvalidStackEffect;
  // Specialized instructions are not supported.
  if (opcode <= MAX_REAL_OPCODE && opcode_deopt[opcode] != opcode) return kInvalidStackEffect;
  int popped = num_popped(opcode, oparg);
  int pushed = num_pushed(opcode, oparg);
  if (popped < 0 || pushed < 0) return kInvalidStackEffect;
  // A block push leaves the stack alone on the fall-through path; its pushes are the
  // handler's entry depth.
  if (is_block_push_opcode(opcode) && jump == 0) return 0;
  return pushed - popped;
}

}  // namespace cppy::compile
