// Python/flowgraph.c: the control flow graph and its optimizations (CPython 3.14).
//
// The structure follows CPython's: basic blocks linked by b_next in layout order, each with
// an instruction array; passes named after CPython's functions so that a difference in the
// output can be traced to one of them.
#include "compile/flowgraph.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "compile/compile_errors.h"
#include "compile/opcode_utils.h"

namespace cppy::compile {

namespace {

constexpr int SUCCESS = 0;
constexpr int ERROR = -1;

#define RETURN_IF_ERROR(X) \
  if ((X) == -1) {         \
    return ERROR;          \
  }

// _PY_STACK_USE_GUIDELINE: the longest constant sequence folded in one go.
constexpr int kStackUseGuideline = 30;
// Intrinsics and BINARY_OP operands the folding looks at (pycore_intrinsics.h,
// pycore_opcode_utils.h's NB_*).
constexpr int INTRINSIC_UNARY_POSITIVE = 5;
constexpr int INTRINSIC_LIST_TO_TUPLE = 6;
constexpr int NB_ADD = 0;
constexpr int NB_AND = 1;
constexpr int NB_FLOOR_DIVIDE = 2;
constexpr int NB_LSHIFT = 3;
constexpr int NB_MATRIX_MULTIPLY = 4;
constexpr int NB_MULTIPLY = 5;
constexpr int NB_REMAINDER = 6;
constexpr int NB_OR = 7;
constexpr int NB_POWER = 8;
constexpr int NB_RSHIFT = 9;
constexpr int NB_SUBTRACT = 10;
constexpr int NB_TRUE_DIVIDE = 11;
constexpr int NB_XOR = 12;
constexpr int NB_SUBSCR = 26;

struct BasicBlock;

// cfg_instr.
struct CfgInstr {
  int i_opcode;
  int i_oparg;
  Location i_loc;
  BasicBlock* i_target;  // target block of a jump or block push
  BasicBlock* i_except;  // handler when the instruction raises
};

struct ExceptStack {
  BasicBlock* handlers[CO_MAXBLOCKS + 2];
  int depth;
};

// basicblock.
struct BasicBlock {
  JumpTargetLabel b_label = kNoLabel;
  ExceptStack* b_exceptstack = nullptr;
  // The instruction array as CPython allocates it: b_iused entries in use; the slots past
  // them keep what they held (basicblock_addop leaves i_except alone, so an instruction
  // appended where one was removed inherits its handler, as in CPython).
  std::vector<CfgInstr> b_instr;
  int b_iused = 0;
  BasicBlock* b_next = nullptr;
  uint64_t b_unsafe_locals_mask = 0;
  int b_predecessors = 0;
  int b_startdepth = 0;
  bool b_preserve_lasti = false;
  bool b_visited = false;
  bool b_except_handler = false;
  bool b_cold = false;
  bool b_warm = false;

  int iused() const { return b_iused; }
  CfgInstr* begin() { return b_instr.data(); }
  CfgInstr* end() { return b_instr.data() + b_iused; }
};

}  // namespace

// _PyCfgBuilder.
class CfgBuilder {
 public:
  BasicBlock* g_entryblock = nullptr;
  BasicBlock* g_curblock = nullptr;
  JumpTargetLabel g_current_label = kNoLabel;
  std::vector<std::unique_ptr<BasicBlock>> blocks;  // every block allocated (g_block_list)
};

void CfgBuilderDeleter::operator()(CfgBuilder* g) const { delete g; }

namespace {

using cfg_builder = CfgBuilder;
using basicblock = BasicBlock;

inline bool is_label(JumpTargetLabel l) { return l.id != kNoLabel.id; }

inline bool is_block_push(const CfgInstr* i) { return is_block_push_opcode(i->i_opcode); }
inline bool is_jump(const CfgInstr* i) { return opcode_has_jump(i->i_opcode); }

// INSTR_SET_OP1 / INSTR_SET_OP0.
inline void instr_set_op1(CfgInstr* i, int op, int arg) {
  assert(opcode_has_arg(op));
  i->i_opcode = op;
  i->i_oparg = arg;
}
inline void instr_set_op0(CfgInstr* i, int op) {
  assert(!opcode_has_arg(op));
  i->i_opcode = op;
  i->i_oparg = 0;
}

CfgInstr* basicblock_last_instr(basicblock* b) {
  return b->b_iused == 0 ? nullptr : &b->b_instr[b->b_iused - 1];
}

// Slots in the first allocation of a block's array (DEFAULT_BLOCK_SIZE).
constexpr int kDefaultBlockSize = 16;

// basicblock_next_instr: the index of a new slot, growing the array as
// _Py_CArray_EnsureCapacity does (new slots zeroed).
int basicblock_next_instr(basicblock* b) {
  int idx = b->b_iused;
  int alloc = int(b->b_instr.size());
  if (idx >= alloc) {
    int new_alloc = alloc == 0 ? kDefaultBlockSize : alloc << 1;
    if (idx >= new_alloc) new_alloc = idx + kDefaultBlockSize;
    b->b_instr.resize(new_alloc, CfgInstr{0, 0, Location{0, 0, 0, 0}, nullptr, nullptr});
  }
  return b->b_iused++;
}

basicblock* cfg_builder_new_block(cfg_builder* g) {
  g->blocks.push_back(std::make_unique<BasicBlock>());
  return g->blocks.back().get();
}

int basicblock_addop(basicblock* b, int opcode, int oparg, Location loc) {
  assert(is_within_opcode_range(opcode));
  assert(!is_assembler_opcode(opcode));
  assert(opcode_has_arg(opcode) || has_target(opcode) || oparg == 0);
  assert(0 <= oparg && oparg < (1 << 30));
  int off = basicblock_next_instr(b);
  CfgInstr* i = &b->b_instr[off];
  i->i_opcode = opcode;
  i->i_oparg = oparg;
  i->i_target = nullptr;
  i->i_loc = loc;
  return SUCCESS;
}

int basicblock_add_jump(basicblock* b, int opcode, basicblock* target, Location loc) {
  CfgInstr* last = basicblock_last_instr(b);
  if (last && is_jump(last)) return ERROR;
  RETURN_IF_ERROR(basicblock_addop(b, opcode, target->b_label.id, loc));
  basicblock_last_instr(b)->i_target = target;
  return SUCCESS;
}

int basicblock_append_instructions(basicblock* to, basicblock* from) {
  // Copy first: `to` and `from` may be the same block.
  std::vector<CfgInstr> copy(from->begin(), from->end());
  for (const CfgInstr& instr : copy) {
    int n = basicblock_next_instr(to);
    to->b_instr[n] = instr;
  }
  return SUCCESS;
}

bool basicblock_nofallthrough(basicblock* b) {
  CfgInstr* last = basicblock_last_instr(b);
  return last && (is_scope_exit_opcode(last->i_opcode) ||
                  is_unconditional_jump_opcode(last->i_opcode));
}
inline bool bb_no_fallthrough(basicblock* b) { return basicblock_nofallthrough(b); }
inline bool bb_has_fallthrough(basicblock* b) { return !basicblock_nofallthrough(b); }

basicblock* copy_basicblock(cfg_builder* g, basicblock* block) {
  // A block with a fallthrough cannot be copied: a block has one fallthrough predecessor.
  assert(bb_no_fallthrough(block));
  basicblock* result = cfg_builder_new_block(g);
  basicblock_append_instructions(result, block);
  return result;
}

int basicblock_insert_instruction(basicblock* block, int pos, const CfgInstr& instr) {
  basicblock_next_instr(block);
  for (int i = block->b_iused - 1; i > pos; i--) block->b_instr[i] = block->b_instr[i - 1];
  block->b_instr[pos] = instr;
  return SUCCESS;
}

basicblock* cfg_builder_use_next_block(cfg_builder* g, basicblock* block) {
  g->g_curblock->b_next = block;
  g->g_curblock = block;
  return block;
}

bool basicblock_exits_scope(basicblock* b) {
  CfgInstr* last = basicblock_last_instr(b);
  return last && is_scope_exit_opcode(last->i_opcode);
}

bool basicblock_has_eval_break(basicblock* b) {
  for (const CfgInstr& i : *b) {
    if (opcode_has_eval_break(i.i_opcode)) return true;
  }
  return false;
}

bool cfg_builder_current_block_is_terminated(cfg_builder* g) {
  CfgInstr* last = basicblock_last_instr(g->g_curblock);
  if (last && is_terminator_opcode(last->i_opcode)) return true;
  if (is_label(g->g_current_label)) {
    if (last || is_label(g->g_curblock->b_label)) return true;
    // The current block is empty: label it.
    g->g_curblock->b_label = g->g_current_label;
    g->g_current_label = kNoLabel;
  }
  return false;
}

int cfg_builder_maybe_start_new_block(cfg_builder* g) {
  if (cfg_builder_current_block_is_terminated(g)) {
    basicblock* b = cfg_builder_new_block(g);
    b->b_label = g->g_current_label;
    g->g_current_label = kNoLabel;
    cfg_builder_use_next_block(g, b);
  }
  return SUCCESS;
}

basicblock* next_nonempty_block(basicblock* b) {
  while (b && b->b_iused == 0) b = b->b_next;
  return b;
}

/***** CFG preprocessing (jump targets and exceptions) *****/

int normalize_jumps_in_block(cfg_builder* g, basicblock* b) {
  CfgInstr* last = basicblock_last_instr(b);
  if (last == nullptr || !(last->i_opcode == POP_JUMP_IF_FALSE ||
                           last->i_opcode == POP_JUMP_IF_TRUE ||
                           last->i_opcode == POP_JUMP_IF_NONE ||
                           last->i_opcode == POP_JUMP_IF_NOT_NONE)) {
    return SUCCESS;
  }
  bool is_forward = !last->i_target->b_visited;
  if (is_forward) {
    Location loc = last->i_loc;
    RETURN_IF_ERROR(basicblock_addop(b, NOT_TAKEN, 0, loc));
    return SUCCESS;
  }
  int reversed_opcode = 0;
  switch (last->i_opcode) {
    case POP_JUMP_IF_NOT_NONE:
      reversed_opcode = POP_JUMP_IF_NONE;
      break;
    case POP_JUMP_IF_NONE:
      reversed_opcode = POP_JUMP_IF_NOT_NONE;
      break;
    case POP_JUMP_IF_FALSE:
      reversed_opcode = POP_JUMP_IF_TRUE;
      break;
    case POP_JUMP_IF_TRUE:
      reversed_opcode = POP_JUMP_IF_FALSE;
      break;
  }
  // 'conditional jump T' becomes 'reversed jump to b_next' then 'jump backwards to T'.
  basicblock* target = last->i_target;
  Location loc = last->i_loc;
  basicblock* backwards_jump = cfg_builder_new_block(g);
  RETURN_IF_ERROR(basicblock_addop(backwards_jump, NOT_TAKEN, 0, loc));
  RETURN_IF_ERROR(basicblock_add_jump(backwards_jump, JUMP, target, loc));
  backwards_jump->b_startdepth = target->b_startdepth;
  last = basicblock_last_instr(b);
  last->i_opcode = reversed_opcode;
  last->i_target = b->b_next;
  backwards_jump->b_cold = b->b_cold;
  backwards_jump->b_next = b->b_next;
  b->b_next = backwards_jump;
  return SUCCESS;
}

int normalize_jumps(cfg_builder* g) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) b->b_visited = false;
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    b->b_visited = true;
    RETURN_IF_ERROR(normalize_jumps_in_block(g, b));
  }
  return SUCCESS;
}

int check_cfg(cfg_builder* g) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    // A jump or exit must end its block.
    for (int i = 0; i < b->iused(); i++) {
      int opcode = b->b_instr[i].i_opcode;
      assert(!is_assembler_opcode(opcode));
      if (is_terminator_opcode(opcode) && i != b->iused() - 1) {
        return set_compile_error(CompileErrorKind::SystemError, "malformed control flow graph.");
      }
    }
  }
  return SUCCESS;
}

int get_max_label(basicblock* entryblock) {
  int lbl = -1;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    lbl = std::max(lbl, b->b_label.id);
  }
  return lbl;
}

int translate_jump_labels_to_targets(basicblock* entryblock) {
  int max_label = get_max_label(entryblock);
  std::vector<basicblock*> label2block(max_label + 1, nullptr);
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    if (b->b_label.id >= 0) label2block[b->b_label.id] = b;
  }
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& instr : *b) {
      assert(instr.i_target == nullptr);
      if (has_target(instr.i_opcode)) {
        int lbl = instr.i_oparg;
        assert(lbl >= 0 && lbl <= max_label);
        instr.i_target = label2block[lbl];
        assert(instr.i_target != nullptr && instr.i_target->b_label.id == lbl);
      }
    }
  }
  return SUCCESS;
}

int mark_except_handlers(basicblock* entryblock) {
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& instr : *b) {
      if (is_block_push(&instr)) instr.i_target->b_except_handler = true;
    }
  }
  return SUCCESS;
}

basicblock* push_except_block(ExceptStack* stack, CfgInstr* setup) {
  assert(is_block_push(setup));
  int opcode = setup->i_opcode;
  basicblock* target = setup->i_target;
  if (opcode == SETUP_WITH || opcode == SETUP_CLEANUP) target->b_preserve_lasti = true;
  assert(stack->depth <= CO_MAXBLOCKS);
  stack->handlers[++stack->depth] = target;
  return target;
}

basicblock* pop_except_block(ExceptStack* stack) {
  assert(stack->depth > 0);
  return stack->handlers[--stack->depth];
}

basicblock* except_stack_top(ExceptStack* stack) { return stack->handlers[stack->depth]; }

// Resets b_visited and returns room for a stack of every block (make_cfg_traversal_stack).
std::vector<basicblock*> make_cfg_traversal_stack(basicblock* entryblock) {
  int nblocks = 0;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    b->b_visited = false;
    nblocks++;
  }
  return std::vector<basicblock*>(nblocks + 1);
}

// get_stack_effects.
int get_stack_effects(int opcode, int oparg, int jump, int* net) {
  int e = stack_effect(opcode, oparg, jump);
  if (e == kInvalidStackEffect) return -1;
  *net = e;
  return 0;
}

int stackdepth_push(basicblock*** sp, basicblock* b, int depth) {
  if (!(b->b_startdepth < 0 || b->b_startdepth == depth)) {
    return set_compile_error(CompileErrorKind::ValueError,
                             "Invalid CFG, inconsistent stackdepth");
  }
  if (b->b_startdepth < depth && b->b_startdepth < 100) {
    assert(b->b_startdepth < 0);
    b->b_startdepth = depth;
    *(*sp)++ = b;
  }
  return SUCCESS;
}

// calculate_stackdepth: the deepest stack along any path. Cycles are assumed to have no net
// effect on the depth.
int calculate_stackdepth(cfg_builder* g) {
  basicblock* entryblock = g->g_entryblock;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) b->b_startdepth = INT_MIN;
  std::vector<basicblock*> stack = make_cfg_traversal_stack(entryblock);
  int maxdepth = 0;
  basicblock** sp = stack.data();
  if (stackdepth_push(&sp, entryblock, 0) < 0) return ERROR;
  while (sp != stack.data()) {
    basicblock* b = *--sp;
    int depth = b->b_startdepth;
    assert(depth >= 0);
    basicblock* next = b->b_next;
    for (int i = 0; i < b->iused(); i++) {
      CfgInstr* instr = &b->b_instr[i];
      int effect;
      if (get_stack_effects(instr->i_opcode, instr->i_oparg, 0, &effect) < 0) {
        return set_compile_error(CompileErrorKind::SystemError,
                                 "Invalid stack effect for opcode=" +
                                     std::to_string(instr->i_opcode) +
                                     ", arg=" + std::to_string(instr->i_oparg));
      }
      int new_depth = depth + effect;
      if (new_depth < 0) {
        return set_compile_error(CompileErrorKind::ValueError, "Invalid CFG, stack underflow");
      }
      maxdepth = std::max(maxdepth, depth);
      if (has_target(instr->i_opcode) && instr->i_opcode != END_ASYNC_FOR) {
        if (get_stack_effects(instr->i_opcode, instr->i_oparg, 1, &effect) < 0) {
          return set_compile_error(CompileErrorKind::SystemError,
                                   "Invalid stack effect for opcode=" +
                                       std::to_string(instr->i_opcode) +
                                       ", arg=" + std::to_string(instr->i_oparg));
        }
        int target_depth = depth + effect;
        assert(target_depth >= 0);
        maxdepth = std::max(maxdepth, depth);
        if (stackdepth_push(&sp, instr->i_target, target_depth) < 0) return ERROR;
      }
      depth = new_depth;
      assert(!is_assembler_opcode(instr->i_opcode));
      if (is_unconditional_jump_opcode(instr->i_opcode) ||
          is_scope_exit_opcode(instr->i_opcode)) {
        // The rest of the block is dead.
        next = nullptr;
        break;
      }
    }
    if (next != nullptr) {
      assert(bb_has_fallthrough(b));
      if (stackdepth_push(&sp, next, depth) < 0) return ERROR;
    }
  }
  return maxdepth;
}

int label_exception_targets(basicblock* entryblock) {
  std::vector<basicblock*> todo_stack = make_cfg_traversal_stack(entryblock);
  // Except stacks are owned here and handed from block to block.
  std::vector<std::unique_ptr<ExceptStack>> owned;
  auto make_stack = [&owned]() {
    owned.push_back(std::make_unique<ExceptStack>());
    ExceptStack* s = owned.back().get();
    s->depth = 0;
    s->handlers[0] = nullptr;
    return s;
  };
  auto copy_stack = [&owned](ExceptStack* s) {
    owned.push_back(std::make_unique<ExceptStack>(*s));
    return owned.back().get();
  };
  ExceptStack* except_stack = make_stack();
  todo_stack[0] = entryblock;
  entryblock->b_visited = true;
  entryblock->b_exceptstack = except_stack;
  basicblock** todo = &todo_stack[1];
  basicblock* handler = nullptr;
  while (todo > todo_stack.data()) {
    todo--;
    basicblock* b = todo[0];
    assert(b->b_visited);
    except_stack = b->b_exceptstack;
    assert(except_stack != nullptr);
    b->b_exceptstack = nullptr;
    handler = except_stack_top(except_stack);
    int last_yield_except_depth = -1;
    for (int i = 0; i < b->iused(); i++) {
      CfgInstr* instr = &b->b_instr[i];
      if (is_block_push(instr)) {
        if (!instr->i_target->b_visited) {
          instr->i_target->b_exceptstack = copy_stack(except_stack);
          todo[0] = instr->i_target;
          instr->i_target->b_visited = true;
          todo++;
        }
        handler = push_except_block(except_stack, instr);
      } else if (instr->i_opcode == POP_BLOCK) {
        handler = pop_except_block(except_stack);
        instr_set_op0(instr, NOP);
      } else if (is_jump(instr)) {
        instr->i_except = handler;
        assert(i == b->iused() - 1);
        if (!instr->i_target->b_visited) {
          if (bb_has_fallthrough(b)) {
            instr->i_target->b_exceptstack = copy_stack(except_stack);
          } else {
            instr->i_target->b_exceptstack = except_stack;
            except_stack = nullptr;
          }
          todo[0] = instr->i_target;
          instr->i_target->b_visited = true;
          todo++;
        }
      } else if (instr->i_opcode == YIELD_VALUE) {
        instr->i_except = handler;
        last_yield_except_depth = except_stack->depth;
      } else if (instr->i_opcode == RESUME) {
        instr->i_except = handler;
        if (instr->i_oparg != RESUME_AT_FUNC_START) {
          assert(last_yield_except_depth >= 0);
          if (last_yield_except_depth == 1) instr->i_oparg |= RESUME_OPARG_DEPTH1_MASK;
          last_yield_except_depth = -1;
        }
      } else {
        instr->i_except = handler;
      }
    }
    if (bb_has_fallthrough(b) && !b->b_next->b_visited) {
      assert(except_stack != nullptr);
      b->b_next->b_exceptstack = except_stack;
      todo[0] = b->b_next;
      b->b_next->b_visited = true;
      todo++;
    }
  }
  return SUCCESS;
}

/***** CFG optimizations *****/

int remove_unreachable(basicblock* entryblock) {
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) b->b_predecessors = 0;
  std::vector<basicblock*> stack = make_cfg_traversal_stack(entryblock);
  basicblock** sp = stack.data();
  entryblock->b_predecessors = 1;
  *sp++ = entryblock;
  entryblock->b_visited = true;
  while (sp > stack.data()) {
    basicblock* b = *(--sp);
    if (b->b_next && bb_has_fallthrough(b)) {
      if (!b->b_next->b_visited) {
        assert(b->b_next->b_predecessors == 0);
        *sp++ = b->b_next;
        b->b_next->b_visited = true;
      }
      b->b_next->b_predecessors++;
    }
    for (CfgInstr& instr : *b) {
      if (is_jump(&instr) || is_block_push(&instr)) {
        basicblock* target = instr.i_target;
        if (!target->b_visited) {
          *sp++ = target;
          target->b_visited = true;
        }
        target->b_predecessors++;
      }
    }
  }
  // Delete unreachable instructions.
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    if (b->b_predecessors == 0) {
      b->b_iused = 0;
      b->b_except_handler = false;
    }
  }
  return SUCCESS;
}

int basicblock_remove_redundant_nops(basicblock* bb) {
  // Remove NOPs when legal to do so.
  int dest = 0;
  int prev_lineno = -1;
  int used = bb->iused();
  for (int src = 0; src < used; src++) {
    int lineno = bb->b_instr[src].i_loc.lineno;
    if (bb->b_instr[src].i_opcode == NOP) {
      // A NOP goes if it has no line number,
      if (lineno < 0) continue;
      // or if the previous instruction had the same line number,
      if (prev_lineno == lineno) continue;
      // or if the next instruction has the same line number or none.
      if (src < used - 1) {
        int next_lineno = bb->b_instr[src + 1].i_loc.lineno;
        if (next_lineno == lineno) continue;
        if (next_lineno < 0) {
          bb->b_instr[src + 1].i_loc = bb->b_instr[src].i_loc;
          continue;
        }
      } else {
        basicblock* next = next_nonempty_block(bb->b_next);
        // or if it ends the block and the next block starts on the same line.
        if (next) {
          Location next_loc = kNoLocation;
          for (CfgInstr& instr : *next) {
            if (instr.i_opcode == NOP && instr.i_loc.lineno < 0) {
              // Skip NOPs without a location: they will be removed.
              continue;
            }
            next_loc = instr.i_loc;
            break;
          }
          if (lineno == next_loc.lineno) continue;
        }
      }
    }
    if (dest != src) bb->b_instr[dest] = bb->b_instr[src];
    dest++;
    prev_lineno = lineno;
  }
  assert(dest <= used);
  int num_removed = used - dest;
  bb->b_iused = dest;
  return num_removed;
}

int remove_redundant_nops(cfg_builder* g) {
  int changes = 0;
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    int change = basicblock_remove_redundant_nops(b);
    RETURN_IF_ERROR(change);
    changes += change;
  }
  return changes;
}

int remove_redundant_nops_and_pairs(basicblock* entryblock) {
  bool done = false;
  while (!done) {
    done = true;
    CfgInstr* prev_instr = nullptr;
    CfgInstr* instr = nullptr;
    for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
      RETURN_IF_ERROR(basicblock_remove_redundant_nops(b));
      if (is_label(b->b_label)) {
        // This block is a jump target: forget instr.
        instr = nullptr;
      }
      for (int i = 0; i < b->iused(); i++) {
        prev_instr = instr;
        instr = &b->b_instr[i];
        int prev_opcode = prev_instr ? prev_instr->i_opcode : 0;
        int prev_oparg = prev_instr ? prev_instr->i_oparg : 0;
        int opcode = instr->i_opcode;
        bool is_redundant_pair = false;
        if (opcode == POP_TOP) {
          if (prev_opcode == LOAD_CONST || prev_opcode == LOAD_SMALL_INT) {
            is_redundant_pair = true;
          } else if (prev_opcode == COPY && prev_oparg == 1) {
            is_redundant_pair = true;
          }
        }
        if (is_redundant_pair) {
          instr_set_op0(prev_instr, NOP);
          instr_set_op0(instr, NOP);
          done = false;
        }
      }
      if ((instr && is_jump(instr)) || !bb_has_fallthrough(b)) instr = nullptr;
    }
  }
  return SUCCESS;
}

int remove_redundant_jumps(cfg_builder* g) {
  // A jump to the block that follows anyway is redundant.
  int changes = 0;
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    CfgInstr* last = basicblock_last_instr(b);
    if (last == nullptr) continue;
    assert(!is_assembler_opcode(last->i_opcode));
    if (is_unconditional_jump_opcode(last->i_opcode)) {
      basicblock* jump_target = next_nonempty_block(last->i_target);
      if (jump_target == nullptr) {
        return set_compile_error(CompileErrorKind::SystemError, "jump with NULL target");
      }
      basicblock* next = next_nonempty_block(b->b_next);
      if (jump_target == next) {
        changes++;
        instr_set_op0(last, NOP);
      }
    }
  }
  return changes;
}

bool basicblock_has_no_lineno(basicblock* b) {
  for (const CfgInstr& i : *b) {
    if (i.i_loc.lineno >= 0) return false;
  }
  return true;
}

// Largest basic block copied by the optimizer (MAX_COPY_SIZE).
constexpr int kMaxCopySize = 4;

// If this block ends with an unconditional jump to a small exit block, or to a block with no
// line numbers and no fallthrough, replace the jump by a copy of the target.
int basicblock_inline_small_or_no_lineno_blocks(basicblock* bb) {
  CfgInstr* last = basicblock_last_instr(bb);
  if (last == nullptr) return 0;
  if (!is_unconditional_jump_opcode(last->i_opcode)) return 0;
  basicblock* target = last->i_target;
  bool small_exit_block = basicblock_exits_scope(target) && target->iused() <= kMaxCopySize;
  bool no_lineno_no_fallthrough = basicblock_has_no_lineno(target) && !bb_has_fallthrough(target);
  if (small_exit_block || no_lineno_no_fallthrough) {
    assert(is_jump(last));
    int removed_jump_opcode = last->i_opcode;
    instr_set_op0(last, NOP);
    RETURN_IF_ERROR(basicblock_append_instructions(bb, target));
    if (no_lineno_no_fallthrough) {
      last = basicblock_last_instr(bb);
      if (is_unconditional_jump_opcode(last->i_opcode) && removed_jump_opcode == JUMP) {
        // Keep the eval breaker check.
        last->i_opcode = JUMP;
      }
    }
    target->b_predecessors--;
    return 1;
  }
  return 0;
}

int inline_small_or_no_lineno_blocks(basicblock* entryblock) {
  bool changes;
  do {
    changes = false;
    for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
      int res = basicblock_inline_small_or_no_lineno_blocks(b);
      RETURN_IF_ERROR(res);
      if (res) changes = true;
    }
  } while (changes);  // every change removes a jump
  return changes;
}

// Jumps to a jump go straight to the second target; `inst` ends `bb`.
int jump_thread(basicblock* bb, CfgInstr* inst, CfgInstr* target, int opcode) {
  assert(is_jump(inst));
  assert(is_jump(target));
  assert(inst == basicblock_last_instr(bb));
  // bpo-45773: nothing changes (and the loop would not end) if both go to the same place.
  if (inst->i_target != target->i_target) {
    // The NOP goes later if its line number is not needed.
    instr_set_op0(inst, NOP);
    basicblock* dest = target->i_target;
    Location loc = target->i_loc;
    RETURN_IF_ERROR(basicblock_add_jump(bb, opcode, dest, loc));
    return 1;
  }
  return 0;
}

bool loads_const(int opcode) { return opcode_has_const(opcode) || opcode == LOAD_SMALL_INT; }

// get_const_value: nullptr with an error for a bad index.
Const get_const_value(int opcode, int oparg, ConstPool* consts) {
  assert(loads_const(opcode));
  if (opcode == LOAD_SMALL_INT) return consts->make_int(oparg);
  if (opcode == LOAD_CONST && oparg >= 0 && oparg < consts->count()) return consts->at(oparg);
  set_compile_error(CompileErrorKind::SystemError,
                    "Internal error: failed to get value of a constant");
  return nullptr;
}

int add_const(Const newconst, ConstPool* consts) {
  if (consts->count() >= INT_MAX - 1) {
    return set_compile_error(CompileErrorKind::OverflowError, "too many constants");
  }
  return consts->add(newconst);
}

// Collects `size` consecutive constant loads ending at `start`, skipping NOPs.
bool get_const_loading_instrs(basicblock* bb, int start, CfgInstr** instrs, int size) {
  assert(start < bb->iused());
  assert(size >= 0 && size <= kStackUseGuideline);
  for (; start >= 0 && size > 0; start--) {
    CfgInstr* instr = &bb->b_instr[start];
    if (instr->i_opcode == NOP) continue;
    if (!loads_const(instr->i_opcode)) return false;
    instrs[--size] = instr;
  }
  return size == 0;
}

void nop_out(CfgInstr** instrs, int size) {
  for (int i = 0; i < size; i++) {
    CfgInstr* instr = instrs[i];
    assert(instr->i_opcode != NOP);
    instr_set_op0(instr, NOP);
    instr->i_loc = kNoLocation;
  }
}

// _PY_IS_SMALL_INT: the ints LOAD_SMALL_INT can push.
constexpr int64_t kSmallIntLimit = 256;

// 1 if the instruction became LOAD_SMALL_INT, 0 if not.
int maybe_instr_make_load_smallint(CfgInstr* instr, Const newconst, ConstPool* consts) {
  if (consts->is_exact_int(newconst)) {
    int64_t val;
    if (consts->int_value(newconst, &val) && val >= 0 && val < kSmallIntLimit) {
      instr_set_op1(instr, LOAD_SMALL_INT, int(val));
      return 1;
    }
  }
  return 0;
}

int instr_make_load_const(CfgInstr* instr, Const newconst, ConstPool* consts) {
  int res = maybe_instr_make_load_smallint(instr, newconst, consts);
  RETURN_IF_ERROR(res);
  if (res > 0) return SUCCESS;
  int oparg = add_const(newconst, consts);
  RETURN_IF_ERROR(oparg);
  instr_set_op1(instr, LOAD_CONST, oparg);
  return SUCCESS;
}

// LOAD_CONST c1 ... LOAD_CONST cn BUILD_TUPLE n  ->  LOAD_CONST (c1, ..., cn).
int fold_tuple_of_constants(basicblock* bb, int i, ConstPool* consts) {
  CfgInstr* instr = &bb->b_instr[i];
  assert(instr->i_opcode == BUILD_TUPLE);
  int seq_size = instr->i_oparg;
  if (seq_size > kStackUseGuideline) return SUCCESS;
  CfgInstr* const_instrs[kStackUseGuideline];
  if (!get_const_loading_instrs(bb, i - 1, const_instrs, seq_size)) return SUCCESS;
  std::vector<Const> items(seq_size);
  for (int k = 0; k < seq_size; k++) {
    items[k] = get_const_value(const_instrs[k]->i_opcode, const_instrs[k]->i_oparg, consts);
    if (items[k] == nullptr) return ERROR;
  }
  Const tuple = consts->make_tuple(items);
  if (tuple == nullptr) return ERROR;
  nop_out(const_instrs, seq_size);
  return instr_make_load_const(instr, tuple, consts);
}

// BUILD_LIST 0, (LOAD_CONST c, LIST_APPEND 1)*, CALL_INTRINSIC_1 INTRINSIC_LIST_TO_TUPLE
//   ->  LOAD_CONST (c1, ..., cN).
int fold_constant_intrinsic_list_to_tuple(basicblock* bb, int i, ConstPool* consts) {
  assert(i >= 0 && i < bb->iused());
  CfgInstr* intrinsic = &bb->b_instr[i];
  assert(intrinsic->i_opcode == CALL_INTRINSIC_1);
  assert(intrinsic->i_oparg == INTRINSIC_LIST_TO_TUPLE);
  int consts_found = 0;
  bool expect_append = true;
  for (int pos = i - 1; pos >= 0; pos--) {
    CfgInstr* instr = &bb->b_instr[pos];
    int opcode = instr->i_opcode;
    int oparg = instr->i_oparg;
    if (opcode == NOP) continue;
    if (opcode == BUILD_LIST && oparg == 0) {
      if (!expect_append) return SUCCESS;  // not the start of a sequence
      std::vector<Const> items(consts_found);
      for (int newpos = i - 1; newpos >= pos; newpos--) {
        instr = &bb->b_instr[newpos];
        if (instr->i_opcode == NOP) continue;
        if (loads_const(instr->i_opcode)) {
          Const c = get_const_value(instr->i_opcode, instr->i_oparg, consts);
          if (c == nullptr) return ERROR;
          assert(consts_found > 0);
          items[--consts_found] = c;
        }
        nop_out(&instr, 1);
      }
      assert(consts_found == 0);
      Const newconst = consts->make_tuple(items);
      if (newconst == nullptr) return ERROR;
      return instr_make_load_const(intrinsic, newconst, consts);
    }
    if (expect_append) {
      if (opcode != LIST_APPEND || oparg != 1) return SUCCESS;
    } else {
      if (!loads_const(opcode)) return SUCCESS;
      consts_found++;
    }
    expect_append = !expect_append;
  }
  // No sequence start.
  return SUCCESS;
}

constexpr int kMinConstSequenceSize = 3;

// Lists and sets of constants (optimize_lists_and_sets):
// 1. iterated or tested with `in`: a constant tuple or frozenset instead; a list of
//    non-constants becomes a tuple;
// 2. constant literals of at least kMinConstSequenceSize items:
//    BUILD_LIST 0, LOAD_CONST (c1, ..., cN), LIST_EXTEND 1 (BUILD_SET / SET_UPDATE for sets).
int optimize_lists_and_sets(basicblock* bb, int i, int nextop, ConstPool* consts) {
  CfgInstr* instr = &bb->b_instr[i];
  assert(instr->i_opcode == BUILD_LIST || instr->i_opcode == BUILD_SET);
  bool contains_or_iter = nextop == GET_ITER || nextop == CONTAINS_OP;
  int seq_size = instr->i_oparg;
  if (seq_size > kStackUseGuideline || (seq_size < kMinConstSequenceSize && !contains_or_iter)) {
    return SUCCESS;
  }
  CfgInstr* const_instrs[kStackUseGuideline];
  if (!get_const_loading_instrs(bb, i - 1, const_instrs, seq_size)) {
    if (contains_or_iter && instr->i_opcode == BUILD_LIST) {
      // Iterate over a tuple instead of a list.
      instr_set_op1(instr, BUILD_TUPLE, instr->i_oparg);
    }
    return SUCCESS;
  }
  std::vector<Const> items(seq_size);
  for (int k = 0; k < seq_size; k++) {
    items[k] = get_const_value(const_instrs[k]->i_opcode, const_instrs[k]->i_oparg, consts);
    if (items[k] == nullptr) return ERROR;
  }
  Const const_result = consts->make_tuple(items);
  if (const_result == nullptr) return ERROR;
  if (instr->i_opcode == BUILD_SET) {
    const_result = consts->make_frozenset(const_result);
    if (const_result == nullptr) return ERROR;
  }
  int index = add_const(const_result, consts);
  RETURN_IF_ERROR(index);
  nop_out(const_instrs, seq_size);
  if (contains_or_iter) {
    instr_set_op1(instr, LOAD_CONST, index);
  } else {
    assert(i >= 2);
    int build_op = instr->i_opcode;
    Location loc = instr->i_loc;
    bb->b_instr[i - 2].i_loc = loc;
    instr_set_op1(&bb->b_instr[i - 2], build_op, 0);
    instr_set_op1(&bb->b_instr[i - 1], LOAD_CONST, index);
    instr_set_op1(&bb->b_instr[i], build_op == BUILD_LIST ? LIST_EXTEND : SET_UPDATE, 1);
  }
  return SUCCESS;
}

// 3.14's limits on folded constants (they keep .pyc files and hashing cheap).
constexpr int64_t MAX_INT_SIZE = 128;          // bits
constexpr int64_t MAX_COLLECTION_SIZE = 256;   // items
constexpr int64_t MAX_STR_SIZE = 4096;         // characters
constexpr int64_t MAX_TOTAL_ITEMS = 1024;      // including nested collections

// const_folding_check_complexity: negative if obj holds more than `limit` items in all.
int64_t const_folding_check_complexity(ConstPool* consts, Const obj, int64_t limit) {
  if (consts->is_tuple(obj)) {
    int64_t n = consts->tuple_size(obj);
    limit -= n;
    for (int64_t i = 0; limit >= 0 && i < n; i++) {
      limit = const_folding_check_complexity(consts, consts->tuple_item(obj, i), limit);
      if (limit < 0) return limit;
    }
  }
  return limit;
}

// PyLong_AsLong: false where CPython's conversion fails (it then refuses to fold).
bool as_long(ConstPool* consts, Const v, int64_t* n) {
  if (!consts->int_value(v, n)) return false;
  // LONG_MAX of CPython's own platform bounds the count; any repeat count past the limits
  // below is refused anyway.
  return true;
}

const FoldResult kNotFolded{nullptr, false};

FoldResult const_folding_safe_multiply(ConstPool* consts, Const v, Const w) {
  if (consts->is_int(v) && consts->is_int(w) && consts->int_sign(v) != 0 &&
      consts->int_sign(w) != 0) {
    int64_t vbits = consts->int_num_bits(v);
    int64_t wbits = consts->int_num_bits(w);
    if (vbits + wbits > MAX_INT_SIZE) return kNotFolded;
  } else if (consts->is_int(v) && consts->is_tuple(w)) {
    int64_t size = consts->tuple_size(w);
    if (size) {
      int64_t n;
      if (!as_long(consts, v, &n) || n < 0 || n > MAX_COLLECTION_SIZE / size) return kNotFolded;
      if (n && const_folding_check_complexity(consts, w, MAX_TOTAL_ITEMS / n) < 0) {
        return kNotFolded;
      }
    }
  } else if (consts->is_int(v) && (consts->is_str(w) || consts->is_bytes(w))) {
    int64_t size = consts->is_str(w) ? consts->str_length(w) : consts->bytes_size(w);
    if (size) {
      int64_t n;
      if (!as_long(consts, v, &n) || n < 0 || n > MAX_STR_SIZE / size) return kNotFolded;
    }
  } else if (consts->is_int(w) &&
             (consts->is_tuple(v) || consts->is_str(v) || consts->is_bytes(v))) {
    return const_folding_safe_multiply(consts, w, v);
  }
  return consts->binary_op(v, NB_MULTIPLY, w);
}

FoldResult const_folding_safe_power(ConstPool* consts, Const v, Const w) {
  if (consts->is_int(v) && consts->is_int(w) && consts->int_sign(v) != 0 &&
      consts->int_sign(w) > 0) {
    int64_t vbits = consts->int_num_bits(v);
    int64_t wbits;
    // PyLong_AsSize_t fails for exponents past size_t: not folded.
    if (!consts->int_value(w, &wbits)) return kNotFolded;
    if (uint64_t(vbits) > uint64_t(MAX_INT_SIZE) / uint64_t(wbits)) return kNotFolded;
  }
  return consts->binary_op(v, NB_POWER, w);
}

FoldResult const_folding_safe_lshift(ConstPool* consts, Const v, Const w) {
  if (consts->is_int(v) && consts->is_int(w) && consts->int_sign(v) != 0 &&
      consts->int_sign(w) != 0) {
    int64_t vbits = consts->int_num_bits(v);
    int64_t wbits;
    // PyLong_AsSize_t fails for a negative or huge count: not folded.
    if (!consts->int_value(w, &wbits) || wbits < 0) return kNotFolded;
    if (wbits > MAX_INT_SIZE || uint64_t(vbits) > uint64_t(MAX_INT_SIZE - wbits)) {
      return kNotFolded;
    }
  }
  return consts->binary_op(v, NB_LSHIFT, w);
}

FoldResult const_folding_safe_mod(ConstPool* consts, Const v, Const w) {
  // No printf-style formatting at compile time.
  if (consts->is_str(v) || consts->is_bytes(v)) return kNotFolded;
  return consts->binary_op(v, NB_REMAINDER, w);
}

FoldResult eval_const_binop(ConstPool* consts, Const left, int op, Const right) {
  switch (op) {
    case NB_ADD:
    case NB_SUBTRACT:
    case NB_TRUE_DIVIDE:
    case NB_FLOOR_DIVIDE:
    case NB_RSHIFT:
    case NB_OR:
    case NB_XOR:
    case NB_AND:
    case NB_SUBSCR:
      return consts->binary_op(left, op, right);
    case NB_MULTIPLY:
      return const_folding_safe_multiply(consts, left, right);
    case NB_REMAINDER:
      return const_folding_safe_mod(consts, left, right);
    case NB_POWER:
      return const_folding_safe_power(consts, left, right);
    case NB_LSHIFT:
      return const_folding_safe_lshift(consts, left, right);
    case NB_MATRIX_MULTIPLY:
      // No builtin constant implements matrix multiplication.
      return kNotFolded;
    default:
      // In-place operators are never folded.
      return kNotFolded;
  }
}

int fold_const_binop(basicblock* bb, int i, ConstPool* consts) {
  CfgInstr* binop = &bb->b_instr[i];
  assert(binop->i_opcode == BINARY_OP);
  CfgInstr* operands_instrs[2];
  if (!get_const_loading_instrs(bb, i - 1, operands_instrs, 2)) return SUCCESS;
  Const lhs = get_const_value(operands_instrs[0]->i_opcode, operands_instrs[0]->i_oparg, consts);
  if (lhs == nullptr) return ERROR;
  Const rhs = get_const_value(operands_instrs[1]->i_opcode, operands_instrs[1]->i_oparg, consts);
  if (rhs == nullptr) return ERROR;
  FoldResult r = eval_const_binop(consts, lhs, binop->i_oparg, rhs);
  if (r.error) return ERROR;
  if (r.value == nullptr) return SUCCESS;
  nop_out(operands_instrs, 2);
  return instr_make_load_const(binop, r.value, consts);
}

int fold_const_unaryop(basicblock* bb, int i, ConstPool* consts) {
  CfgInstr* unaryop = &bb->b_instr[i];
  CfgInstr* operand_instr;
  if (!get_const_loading_instrs(bb, i - 1, &operand_instr, 1)) return SUCCESS;
  Const operand = get_const_value(operand_instr->i_opcode, operand_instr->i_oparg, consts);
  if (operand == nullptr) return ERROR;
  FoldResult r;
  switch (unaryop->i_opcode) {
    case UNARY_NEGATIVE:
      r = consts->unary_op(operand, UnaryOp::Negative);
      break;
    case UNARY_INVERT:
      r = consts->unary_op(operand, UnaryOp::Invert);
      break;
    case UNARY_NOT:
      r = consts->unary_op(operand, UnaryOp::Not);
      break;
    case CALL_INTRINSIC_1:
      assert(unaryop->i_oparg == INTRINSIC_UNARY_POSITIVE);
      r = consts->unary_op(operand, UnaryOp::Positive);
      break;
    default:
      assert(false);
      return SUCCESS;
  }
  if (r.error) return ERROR;
  if (r.value == nullptr) return SUCCESS;
  nop_out(&operand_instr, 1);
  return instr_make_load_const(unaryop, r.value, consts);
}

constexpr int VISITED = -1;

// Replaces a run of SWAPs and NOPs with an optimal one of the same effect.
int swaptimize(basicblock* block, int* ix) {
  assert(*ix < block->iused());
  CfgInstr* instructions = &block->b_instr[*ix];
  // The length of the run and the deepest stack position it touches.
  assert(instructions[0].i_opcode == SWAP);
  int depth = instructions[0].i_oparg;
  int len = 0;
  bool more = false;
  int limit = block->iused() - *ix;
  while (++len < limit) {
    int opcode = instructions[len].i_opcode;
    if (opcode == SWAP) {
      depth = std::max(depth, instructions[len].i_oparg);
      more = true;
    } else if (opcode != NOP) {
      break;
    }
  }
  // A single SWAP is already optimal.
  if (!more) return SUCCESS;
  std::vector<int> stack(depth);
  for (int i = 0; i < depth; i++) stack[i] = i;
  // Simulate the run on the stack of positions.
  for (int i = 0; i < len; i++) {
    if (instructions[i].i_opcode == SWAP) {
      int oparg = instructions[i].i_oparg;
      int top = stack[0];
      // SWAPs are 1-indexed.
      stack[0] = stack[oparg - 1];
      stack[oparg - 1] = top;
    }
  }
  // Un-shuffling the permutation cycle by cycle, emitted back to front, shuffles it; the
  // result is optimal so it always fits in the run.
  int current = len - 1;
  for (int i = 0; i < depth; i++) {
    if (stack[i] == VISITED || stack[i] == i) continue;
    // Each cycle goes through position 0, the only one a SWAP can exchange with.
    int j = i;
    while (true) {
      if (j) {
        assert(0 <= current);
        instructions[current].i_opcode = SWAP;
        instructions[current--].i_oparg = j + 1;
      }
      if (stack[j] == VISITED) {
        assert(j == i);
        break;
      }
      int next_j = stack[j];
      stack[j] = VISITED;
      j = next_j;
    }
  }
  while (0 <= current) instr_set_op0(&instructions[current--], NOP);
  *ix += len - 1;
  return SUCCESS;
}

// Opcodes that may be reordered: no control flow, no arbitrary code (finalizers aside),
// touch only the top of the stack and pop it.
inline bool swappable(int opcode) {
  return opcode == STORE_FAST || opcode == STORE_FAST_MAYBE_NULL || opcode == POP_TOP;
}

inline int stores_to(const CfgInstr& instr) {
  return (instr.i_opcode == STORE_FAST || instr.i_opcode == STORE_FAST_MAYBE_NULL) ? instr.i_oparg
                                                                                    : -1;
}

int next_swappable_instruction(basicblock* block, int i, int lineno) {
  while (++i < block->iused()) {
    CfgInstr* instruction = &block->b_instr[i];
    if (0 <= lineno && instruction->i_loc.lineno != lineno) {
      // Reordering across lines would change the names bound between line events.
      return -1;
    }
    if (instruction->i_opcode == NOP) continue;
    if (swappable(instruction->i_opcode)) return i;
    return -1;
  }
  return -1;
}

// Applies SWAPs statically by exchanging instructions: SWAP 2, POP_TOP, STORE_FAST x becomes
// NOP, STORE_FAST x, POP_TOP.
void apply_static_swaps(basicblock* block, int i) {
  for (; 0 <= i; i--) {
    assert(i < block->iused());
    CfgInstr* swap = &block->b_instr[i];
    if (swap->i_opcode != SWAP) {
      if (swap->i_opcode == NOP || swappable(swap->i_opcode)) continue;
      return;
    }
    int j = next_swappable_instruction(block, i, -1);
    if (j < 0) return;
    int k = j;
    int lineno = block->b_instr[j].i_loc.lineno;
    for (int count = swap->i_oparg - 1; 0 < count; count--) {
      k = next_swappable_instruction(block, k, lineno);
      if (k < 0) return;
    }
    // Not safe if both store to one local, or one in between stores to either's local.
    int store_j = stores_to(block->b_instr[j]);
    int store_k = stores_to(block->b_instr[k]);
    if (store_j >= 0 || store_k >= 0) {
      if (store_j == store_k) return;
      for (int idx = j + 1; idx < k; idx++) {
        int store_idx = stores_to(block->b_instr[idx]);
        if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) return;
      }
    }
    instr_set_op0(swap, NOP);
    std::swap(block->b_instr[j], block->b_instr[k]);
  }
}

int basicblock_optimize_load_const(basicblock* bb, ConstPool* consts) {
  int opcode = 0;
  int oparg = 0;
  for (int i = 0; i < bb->iused(); i++) {
    CfgInstr* inst = &bb->b_instr[i];
    if (inst->i_opcode == LOAD_CONST) {
      Const constant = get_const_value(inst->i_opcode, inst->i_oparg, consts);
      if (constant == nullptr) return ERROR;
      RETURN_IF_ERROR(maybe_instr_make_load_smallint(inst, constant, consts));
    }
    bool is_copy_of_load_const =
        opcode == LOAD_CONST && inst->i_opcode == COPY && inst->i_oparg == 1;
    if (!is_copy_of_load_const) {
      opcode = inst->i_opcode;
      oparg = inst->i_oparg;
    }
    assert(!is_assembler_opcode(opcode));
    if (opcode != LOAD_CONST && opcode != LOAD_SMALL_INT) continue;
    int nextop = i + 1 < bb->iused() ? bb->b_instr[i + 1].i_opcode : 0;
    switch (nextop) {
      case POP_JUMP_IF_FALSE:
      case POP_JUMP_IF_TRUE:
      case JUMP_IF_FALSE:
      case JUMP_IF_TRUE: {
        // A constant condition: the jump is always or never taken.
        Const cnt = get_const_value(opcode, oparg, consts);
        if (cnt == nullptr) return ERROR;
        int is_true = consts->is_true(cnt);
        if (is_true == -1) return ERROR;
        if (stack_effect(nextop, 0, -1) == -1) {
          // POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE consumed the constant.
          instr_set_op0(inst, NOP);
        }
        int jump_if_true = nextop == POP_JUMP_IF_TRUE || nextop == JUMP_IF_TRUE;
        if (is_true == jump_if_true) {
          bb->b_instr[i + 1].i_opcode = JUMP;
        } else {
          instr_set_op0(&bb->b_instr[i + 1], NOP);
        }
        break;
      }
      case IS_OP: {
        // LOAD_CONST None, IS_OP, [TO_BOOL,] POP_JUMP_IF_TRUE/FALSE  ->  POP_JUMP_IF_[NOT_]NONE.
        Const cnt = get_const_value(opcode, oparg, consts);
        if (cnt == nullptr) return ERROR;
        if (!consts->is_none(cnt)) break;
        if (bb->iused() <= i + 2) break;
        CfgInstr* is_instr = &bb->b_instr[i + 1];
        CfgInstr* jump_instr = &bb->b_instr[i + 2];
        // The TO_BOOL goes regardless.
        if (jump_instr->i_opcode == TO_BOOL) {
          instr_set_op0(jump_instr, NOP);
          if (bb->iused() <= i + 3) break;
          jump_instr = &bb->b_instr[i + 3];
        }
        bool invert = is_instr->i_oparg;
        if (jump_instr->i_opcode == POP_JUMP_IF_FALSE) {
          invert = !invert;
        } else if (jump_instr->i_opcode != POP_JUMP_IF_TRUE) {
          break;
        }
        instr_set_op0(inst, NOP);
        instr_set_op0(is_instr, NOP);
        jump_instr->i_opcode = invert ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
        break;
      }
      case TO_BOOL: {
        Const cnt = get_const_value(opcode, oparg, consts);
        if (cnt == nullptr) return ERROR;
        int is_true = consts->is_true(cnt);
        if (is_true == -1) return ERROR;
        Const b = consts->make_bool(is_true);
        if (b == nullptr) return ERROR;
        int index = add_const(b, consts);
        if (index < 0) return ERROR;
        instr_set_op0(inst, NOP);
        instr_set_op1(&bb->b_instr[i + 1], LOAD_CONST, index);
        break;
      }
    }
  }
  return SUCCESS;
}

int optimize_load_const(cfg_builder* g, ConstPool* consts) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    RETURN_IF_ERROR(basicblock_optimize_load_const(b, consts));
  }
  return SUCCESS;
}

int optimize_basic_block(basicblock* bb, ConstPool* consts) {
  CfgInstr nop{NOP, 0, kNoLocation, nullptr, nullptr};
  for (int i = 0; i < bb->iused(); i++) {
    CfgInstr* inst = &bb->b_instr[i];
    CfgInstr* target;
    int opcode = inst->i_opcode;
    int oparg = inst->i_oparg;
    if (has_target(opcode)) {
      assert(inst->i_target->iused() > 0);
      target = &inst->i_target->b_instr[0];
      assert(!is_assembler_opcode(target->i_opcode));
    } else {
      target = &nop;
    }
    int nextop = i + 1 < bb->iused() ? bb->b_instr[i + 1].i_opcode : 0;
    assert(!is_assembler_opcode(opcode));
    switch (opcode) {
      // Fold tuples of constants; drop BUILD_TUPLE 1, UNPACK_SEQUENCE 1; turn
      // BUILD_TUPLE n, UNPACK_SEQUENCE n into SWAP n for n of 2 and 3.
      case BUILD_TUPLE:
        if (nextop == UNPACK_SEQUENCE && oparg == bb->b_instr[i + 1].i_oparg) {
          switch (oparg) {
            case 1:
              instr_set_op0(inst, NOP);
              instr_set_op0(&bb->b_instr[i + 1], NOP);
              continue;
            case 2:
            case 3:
              instr_set_op0(inst, NOP);
              bb->b_instr[i + 1].i_opcode = SWAP;
              continue;
          }
        }
        RETURN_IF_ERROR(fold_tuple_of_constants(bb, i, consts));
        break;
      case BUILD_LIST:
      case BUILD_SET:
        RETURN_IF_ERROR(optimize_lists_and_sets(bb, i, nextop, consts));
        break;
      case POP_JUMP_IF_NOT_NONE:
      case POP_JUMP_IF_NONE:
        if (target->i_opcode == JUMP) {
          int r = jump_thread(bb, inst, target, inst->i_opcode);
          RETURN_IF_ERROR(r);
          i -= r;
        }
        break;
      case POP_JUMP_IF_FALSE:
        if (target->i_opcode == JUMP) {
          int r = jump_thread(bb, inst, target, POP_JUMP_IF_FALSE);
          RETURN_IF_ERROR(r);
          i -= r;
        }
        break;
      case POP_JUMP_IF_TRUE:
        if (target->i_opcode == JUMP) {
          int r = jump_thread(bb, inst, target, POP_JUMP_IF_TRUE);
          RETURN_IF_ERROR(r);
          i -= r;
        }
        break;
      case JUMP_IF_FALSE:
        switch (target->i_opcode) {
          case JUMP:
          case JUMP_IF_FALSE: {
            int r = jump_thread(bb, inst, target, JUMP_IF_FALSE);
            RETURN_IF_ERROR(r);
            i -= r;
            continue;
          }
          case JUMP_IF_TRUE:
            // A block's b_next is never itself, so this cannot loop.
            assert(inst->i_target != inst->i_target->b_next);
            inst->i_target = inst->i_target->b_next;
            i--;
            continue;
        }
        break;
      case JUMP_IF_TRUE:
        switch (target->i_opcode) {
          case JUMP:
          case JUMP_IF_TRUE: {
            int r = jump_thread(bb, inst, target, JUMP_IF_TRUE);
            RETURN_IF_ERROR(r);
            i -= r;
            continue;
          }
          case JUMP_IF_FALSE:
            assert(inst->i_target != inst->i_target->b_next);
            inst->i_target = inst->i_target->b_next;
            i--;
            continue;
        }
        break;
      case JUMP:
      case JUMP_NO_INTERRUPT:
        switch (target->i_opcode) {
          case JUMP: {
            int r = jump_thread(bb, inst, target, JUMP);
            RETURN_IF_ERROR(r);
            i -= r;
            continue;
          }
          case JUMP_NO_INTERRUPT: {
            int r = jump_thread(bb, inst, target, opcode);
            RETURN_IF_ERROR(r);
            i -= r;
            continue;
          }
        }
        break;
      case FOR_ITER:
        // Not threaded: the JUMP at the target may go backwards, FOR_ITER only forwards.
        break;
      case STORE_FAST:
        if (opcode == nextop && oparg == bb->b_instr[i + 1].i_oparg &&
            bb->b_instr[i].i_loc.lineno == bb->b_instr[i + 1].i_loc.lineno) {
          bb->b_instr[i].i_opcode = POP_TOP;
          bb->b_instr[i].i_oparg = 0;
        }
        break;
      case SWAP:
        if (oparg == 1) instr_set_op0(inst, NOP);
        break;
      case LOAD_GLOBAL:
        if (nextop == PUSH_NULL && (oparg & 1) == 0) {
          instr_set_op1(inst, LOAD_GLOBAL, oparg | 1);
          instr_set_op0(&bb->b_instr[i + 1], NOP);
        }
        break;
      case COMPARE_OP:
        if (nextop == TO_BOOL) {
          instr_set_op0(inst, NOP);
          instr_set_op1(&bb->b_instr[i + 1], COMPARE_OP, oparg | 16);
          continue;
        }
        break;
      case CONTAINS_OP:
      case IS_OP:
        if (nextop == TO_BOOL) {
          instr_set_op0(inst, NOP);
          instr_set_op1(&bb->b_instr[i + 1], opcode, oparg);
          continue;
        }
        if (nextop == UNARY_NOT) {
          instr_set_op0(inst, NOP);
          int inverted = oparg ^ 1;
          assert(inverted == 0 || inverted == 1);
          instr_set_op1(&bb->b_instr[i + 1], opcode, inverted);
          continue;
        }
        break;
      case TO_BOOL:
        if (nextop == TO_BOOL) {
          instr_set_op0(inst, NOP);
          continue;
        }
        break;
      case UNARY_NOT:
        if (nextop == TO_BOOL) {
          instr_set_op0(inst, NOP);
          instr_set_op0(&bb->b_instr[i + 1], UNARY_NOT);
          continue;
        }
        if (nextop == UNARY_NOT) {
          instr_set_op0(inst, NOP);
          instr_set_op0(&bb->b_instr[i + 1], NOP);
          continue;
        }
        RETURN_IF_ERROR(fold_const_unaryop(bb, i, consts));
        break;
      case UNARY_INVERT:
      case UNARY_NEGATIVE:
        RETURN_IF_ERROR(fold_const_unaryop(bb, i, consts));
        break;
      case CALL_INTRINSIC_1:
        if (oparg == INTRINSIC_LIST_TO_TUPLE) {
          if (nextop == GET_ITER) {
            instr_set_op0(inst, NOP);
          } else {
            RETURN_IF_ERROR(fold_constant_intrinsic_list_to_tuple(bb, i, consts));
          }
        } else if (oparg == INTRINSIC_UNARY_POSITIVE) {
          RETURN_IF_ERROR(fold_const_unaryop(bb, i, consts));
        }
        break;
      case BINARY_OP:
        RETURN_IF_ERROR(fold_const_binop(bb, i, consts));
        break;
    }
  }
  for (int i = 0; i < bb->iused(); i++) {
    if (bb->b_instr[i].i_opcode == SWAP) {
      RETURN_IF_ERROR(swaptimize(bb, &i));
      apply_static_swaps(bb, i);
    }
  }
  return SUCCESS;
}

int resolve_line_numbers(cfg_builder* g, int firstlineno);

int remove_redundant_nops_and_jumps(cfg_builder* g) {
  int removed_nops, removed_jumps;
  do {
    // Converges: redundant jumps and NOPs only decrease.
    removed_nops = remove_redundant_nops(g);
    RETURN_IF_ERROR(removed_nops);
    removed_jumps = remove_redundant_jumps(g);
    RETURN_IF_ERROR(removed_jumps);
  } while (removed_nops + removed_jumps > 0);
  return SUCCESS;
}

// optimize_cfg: consts is still a list, so folding can append to it. Code that shrinks
// leaves NOPs, removed at the end.
int optimize_cfg(cfg_builder* g, ConstPool* consts, int firstlineno) {
  RETURN_IF_ERROR(check_cfg(g));
  RETURN_IF_ERROR(inline_small_or_no_lineno_blocks(g->g_entryblock));
  RETURN_IF_ERROR(remove_unreachable(g->g_entryblock));
  RETURN_IF_ERROR(resolve_line_numbers(g, firstlineno));
  RETURN_IF_ERROR(optimize_load_const(g, consts));
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    RETURN_IF_ERROR(optimize_basic_block(b, consts));
  }
  RETURN_IF_ERROR(remove_redundant_nops_and_pairs(g->g_entryblock));
  RETURN_IF_ERROR(remove_unreachable(g->g_entryblock));
  RETURN_IF_ERROR(remove_redundant_nops_and_jumps(g));
  return SUCCESS;
}

void make_super_instruction(CfgInstr* inst1, CfgInstr* inst2, int super_op) {
  int32_t line1 = inst1->i_loc.lineno;
  int32_t line2 = inst2->i_loc.lineno;
  // Not across lines.
  if (line1 >= 0 && line2 >= 0 && line1 != line2) return;
  if (inst1->i_oparg >= 16 || inst2->i_oparg >= 16) return;
  instr_set_op1(inst1, super_op, (inst1->i_oparg << 4) | inst2->i_oparg);
  instr_set_op0(inst2, NOP);
}

int insert_superinstructions(cfg_builder* g) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    for (int i = 0; i < b->iused(); i++) {
      CfgInstr* inst = &b->b_instr[i];
      int nextop = i + 1 < b->iused() ? b->b_instr[i + 1].i_opcode : 0;
      switch (inst->i_opcode) {
        case LOAD_FAST:
          if (nextop == LOAD_FAST) {
            make_super_instruction(inst, &b->b_instr[i + 1], LOAD_FAST_LOAD_FAST);
          }
          break;
        case STORE_FAST:
          switch (nextop) {
            case LOAD_FAST:
              make_super_instruction(inst, &b->b_instr[i + 1], STORE_FAST_LOAD_FAST);
              break;
            case STORE_FAST:
              make_super_instruction(inst, &b->b_instr[i + 1], STORE_FAST_STORE_FAST);
              break;
          }
          break;
      }
    }
  }
  return remove_redundant_nops(g);
}

constexpr int NOT_LOCAL = -1;
constexpr int DUMMY_INSTR = -1;

struct Ref {
  int instr;  // index of the instruction that produced the reference, or DUMMY_INSTR
  int local;  // the local it refers to, or NOT_LOCAL
};

enum LoadFastInstrFlag : uint8_t {
  // The loaded reference is still on the stack when the local is killed.
  SUPPORT_KILLED = 1,
  // The loaded reference is stored into a local.
  STORED_AS_LOCAL = 2,
  // The loaded reference is still on the stack at the end of the basic block.
  REF_UNCONSUMED = 4,
};

void kill_local(std::vector<uint8_t>& instr_flags, std::vector<Ref>& refs, int local) {
  for (const Ref& r : refs) {
    if (r.local == local) {
      assert(r.instr >= 0);
      instr_flags[r.instr] |= SUPPORT_KILLED;
    }
  }
}

void store_local(std::vector<uint8_t>& instr_flags, std::vector<Ref>& refs, int local, Ref r) {
  kill_local(instr_flags, refs, local);
  if (r.instr != DUMMY_INSTR) instr_flags[r.instr] |= STORED_AS_LOCAL;
}

void load_fast_push_block(basicblock*** sp, basicblock* target, int64_t start_depth) {
  assert(target->b_startdepth >= 0 && target->b_startdepth == start_depth);
  (void)start_depth;
  if (!target->b_visited) {
    target->b_visited = true;
    *(*sp)++ = target;
  }
}

Ref ref_pop(std::vector<Ref>& refs) {
  assert(!refs.empty());
  Ref r = refs.back();
  refs.pop_back();
  return r;
}

// Strength-reduces LOAD_FAST{_LOAD_FAST} to the variants that push borrowed references,
// where the reference in the frame provably outlives the one on the stack: it is consumed
// before the local is killed and never stored as a local. Each block is interpreted on a
// stack of abstract references; references are not tracked across blocks.
int optimize_load_fast(cfg_builder* g) {
  basicblock* entryblock = g->g_entryblock;
  int max_instrs = 0;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    max_instrs = std::max(max_instrs, b->iused());
  }
  std::vector<uint8_t> instr_flags(max_instrs);
  std::vector<basicblock*> blocks = make_cfg_traversal_stack(entryblock);
  std::vector<Ref> refs;
  basicblock** sp = blocks.data();
  *sp++ = entryblock;
  entryblock->b_startdepth = 0;
  entryblock->b_visited = true;

  while (sp != blocks.data()) {
    basicblock* block = *--sp;
    assert(block->b_startdepth > -1);
    std::fill(instr_flags.begin(), instr_flags.begin() + block->iused(), 0);
    // The stack's items from before the block are unknown.
    refs.clear();
    for (int i = 0; i < block->b_startdepth; i++) refs.push_back(Ref{DUMMY_INSTR, NOT_LOCAL});

    for (int i = 0; i < block->iused(); i++) {
      CfgInstr* instr = &block->b_instr[i];
      int opcode = instr->i_opcode;
      int oparg = instr->i_oparg;
      assert(opcode != EXTENDED_ARG);
      switch (opcode) {
        // Loads and stores of locals.
        case DELETE_FAST:
          kill_local(instr_flags, refs, oparg);
          break;
        case LOAD_FAST:
          refs.push_back(Ref{i, oparg});
          break;
        case LOAD_FAST_AND_CLEAR:
          kill_local(instr_flags, refs, oparg);
          refs.push_back(Ref{i, oparg});
          break;
        case LOAD_FAST_LOAD_FAST:
          refs.push_back(Ref{i, oparg >> 4});
          refs.push_back(Ref{i, oparg & 15});
          break;
        case STORE_FAST: {
          Ref r = ref_pop(refs);
          store_local(instr_flags, refs, oparg, r);
          break;
        }
        case STORE_FAST_LOAD_FAST: {
          Ref r = ref_pop(refs);
          store_local(instr_flags, refs, oparg >> 4, r);
          refs.push_back(Ref{i, oparg & 15});
          break;
        }
        case STORE_FAST_STORE_FAST: {
          Ref r = ref_pop(refs);
          store_local(instr_flags, refs, oparg >> 4, r);
          r = ref_pop(refs);
          store_local(instr_flags, refs, oparg & 15, r);
          break;
        }
        // Stack shuffles.
        case COPY: {
          assert(oparg > 0);
          Ref r = refs[refs.size() - oparg];
          refs.push_back(r);
          break;
        }
        case SWAP: {
          assert(oparg >= 2);
          std::swap(refs[refs.size() - oparg], refs.back());
          break;
        }
        // Opcodes that leave their inputs in place, case by case.
        // No inputs consumed:
        // FORMAT_SIMPLE hands an exact str back unchanged: its input stays on the stack
        // (CPython 3.14.2 lists it here).
        case FORMAT_SIMPLE:
        case GET_ANEXT:
        case GET_LEN:
        // GET_YIELD_FROM_ITER hands a generator or coroutine back unchanged: its input stays
        // on the stack as the receiver of the SEND loop (CPython 3.14.2 behaves so).
        case GET_YIELD_FROM_ITER:
        case IMPORT_FROM:
        case MATCH_KEYS:
        case MATCH_MAPPING:
        case MATCH_SEQUENCE:
        case WITH_EXCEPT_START: {
          int net_pushed = num_pushed(opcode, oparg) - num_popped(opcode, oparg);
          assert(net_pushed >= 0);
          // CPython 3.14.2 records the loop counter, not the instruction, as the producer of
          // these values (its PUSH_REF(i, ...) reuses the name i): what is left of them on the
          // stack at the end of the block marks the block's first instructions as unconsumed,
          // so a LOAD_FAST there stays strong. Mirrored for identical bytecode.
          for (int k = 0; k < net_pushed; k++) refs.push_back(Ref{k, NOT_LOCAL});
          break;
        }
        // Some inputs consumed, nothing new pushed:
        case DICT_MERGE:
        case DICT_UPDATE:
        case LIST_APPEND:
        case LIST_EXTEND:
        case MAP_ADD:
        case RERAISE:
        case SET_ADD:
        case SET_UPDATE: {
          int net_popped = num_popped(opcode, oparg) - num_pushed(opcode, oparg);
          assert(net_popped > 0);
          for (int k = 0; k < net_popped; k++) ref_pop(refs);
          break;
        }
        // Some inputs consumed, new values pushed:
        case CHECK_EXC_MATCH:
          ref_pop(refs);
          refs.push_back(Ref{i, NOT_LOCAL});
          break;
        case FOR_ITER:
          load_fast_push_block(&sp, instr->i_target, int64_t(refs.size()) + 1);
          refs.push_back(Ref{i, NOT_LOCAL});
          break;
        case LOAD_ATTR:
        case LOAD_SUPER_ATTR: {
          Ref self = ref_pop(refs);
          if (opcode == LOAD_SUPER_ATTR) {
            ref_pop(refs);
            ref_pop(refs);
          }
          refs.push_back(Ref{i, NOT_LOCAL});
          if (oparg & 1) {
            // A method call: self may be pushed back.
            refs.push_back(self);
          }
          break;
        }
        case LOAD_SPECIAL: {
          // Pushes the method, then its input back as self (CPython 3.14.2 behaves so).
          Ref self = ref_pop(refs);
          refs.push_back(Ref{i, NOT_LOCAL});
          refs.push_back(self);
          break;
        }
        case SEND:
          load_fast_push_block(&sp, instr->i_target, int64_t(refs.size()));
          ref_pop(refs);
          refs.push_back(Ref{i, NOT_LOCAL});
          break;
        // Everything else consumes all its inputs.
        default: {
          int popped = num_popped(opcode, oparg);
          int pushed = num_pushed(opcode, oparg);
          if (has_target(instr->i_opcode)) {
            load_fast_push_block(&sp, instr->i_target,
                                 int64_t(refs.size()) - popped + pushed);
          }
          if (!is_block_push_opcode(instr->i_opcode)) {
            // Block pushes change the stack only when jumping to the handler.
            for (int j = 0; j < popped; j++) ref_pop(refs);
            for (int j = 0; j < pushed; j++) refs.push_back(Ref{i, NOT_LOCAL});
          }
          break;
        }
      }
    }

    // The fallthrough block.
    CfgInstr* term = basicblock_last_instr(block);
    if (term != nullptr && block->b_next != nullptr &&
        !(is_unconditional_jump_opcode(term->i_opcode) ||
          is_scope_exit_opcode(term->i_opcode))) {
      assert(bb_has_fallthrough(block));
      load_fast_push_block(&sp, block->b_next, int64_t(refs.size()));
    }

    // Values still on the stack at the end of the block.
    for (const Ref& r : refs) {
      if (r.instr != -1) instr_flags[r.instr] |= REF_UNCONSUMED;
    }

    for (int i = 0; i < block->iused(); i++) {
      if (!instr_flags[i]) {
        CfgInstr* instr = &block->b_instr[i];
        switch (instr->i_opcode) {
          case LOAD_FAST:
            instr->i_opcode = LOAD_FAST_BORROW;
            break;
          case LOAD_FAST_LOAD_FAST:
            instr->i_opcode = LOAD_FAST_BORROW_LOAD_FAST_BORROW;
            break;
          default:
            break;
        }
      }
    }
  }
  return SUCCESS;
}

// Helpers of add_checks_for_loads_of_uninitialized_variables.
void maybe_push(basicblock* b, uint64_t unsafe_mask, basicblock*** sp) {
  // Push b if the mask tells something new; b_visited means "on the stack".
  uint64_t both = b->b_unsafe_locals_mask | unsafe_mask;
  if (b->b_unsafe_locals_mask != both) {
    b->b_unsafe_locals_mask = both;
    if (!b->b_visited) {
      *(*sp)++ = b;
      b->b_visited = true;
    }
  }
}

void scan_block_for_locals(basicblock* b, basicblock*** sp) {
  // Bit i is set if local i may be unbound.
  uint64_t unsafe_mask = b->b_unsafe_locals_mask;
  for (CfgInstr& instr : *b) {
    assert(instr.i_opcode != EXTENDED_ARG);
    if (instr.i_except != nullptr) maybe_push(instr.i_except, unsafe_mask, sp);
    if (instr.i_oparg >= 64) continue;
    assert(instr.i_oparg >= 0);
    uint64_t bit = uint64_t(1) << instr.i_oparg;
    switch (instr.i_opcode) {
      case DELETE_FAST:
      case LOAD_FAST_AND_CLEAR:
      case STORE_FAST_MAYBE_NULL:
        unsafe_mask |= bit;
        break;
      case STORE_FAST:
        unsafe_mask &= ~bit;
        break;
      case LOAD_FAST_CHECK:
        // If it does not raise, the local is bound.
        unsafe_mask &= ~bit;
        break;
      case LOAD_FAST:
        if (unsafe_mask & bit) instr.i_opcode = LOAD_FAST_CHECK;
        unsafe_mask &= ~bit;
        break;
    }
  }
  if (b->b_next && bb_has_fallthrough(b)) maybe_push(b->b_next, unsafe_mask, sp);
  CfgInstr* last = basicblock_last_instr(b);
  if (last && is_jump(last)) {
    assert(last->i_target != nullptr);
    maybe_push(last->i_target, unsafe_mask, sp);
  }
}

int fast_scan_many_locals(basicblock* entryblock, int nlocals) {
  assert(nlocals > 64);
  // states[i - 64] == blocknum: local i is bound in that block (a LOAD_FAST or STORE_FAST
  // earlier in it, with no DELETE_FAST, LOAD_FAST_AND_CLEAR or STORE_FAST_MAYBE_NULL after).
  std::vector<int64_t> states(nlocals - 64, 0);
  int64_t blocknum = 0;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    blocknum++;
    for (CfgInstr& instr : *b) {
      assert(instr.i_opcode != EXTENDED_ARG);
      int arg = instr.i_oparg;
      if (arg < 64) continue;
      switch (instr.i_opcode) {
        case DELETE_FAST:
        case LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
          states[arg - 64] = blocknum - 1;
          break;
        case STORE_FAST:
          states[arg - 64] = blocknum;
          break;
        case LOAD_FAST:
          if (states[arg - 64] != blocknum) instr.i_opcode = LOAD_FAST_CHECK;
          states[arg - 64] = blocknum;
          break;
      }
    }
  }
  return SUCCESS;
}

int remove_unused_consts(basicblock* entryblock, ConstPool* consts) {
  int nconsts = consts->count();
  if (nconsts == 0) return SUCCESS;
  std::vector<int> index_map(nconsts, -1);
  // The first constant may be the docstring: always kept.
  index_map[0] = 0;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& instr : *b) {
      if (opcode_has_const(instr.i_opcode)) index_map[instr.i_oparg] = instr.i_oparg;
    }
  }
  // Condense.
  std::vector<int> used;
  for (int i = 0; i < nconsts; i++) {
    if (index_map[i] != -1) used.push_back(i);
  }
  if (int(used.size()) == nconsts) return SUCCESS;
  consts->keep_only(used);
  std::vector<int> reverse_index_map(nconsts, -1);
  for (int i = 0; i < int(used.size()); i++) reverse_index_map[used[i]] = i;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& instr : *b) {
      if (opcode_has_const(instr.i_opcode)) {
        assert(reverse_index_map[instr.i_oparg] >= 0);
        instr.i_oparg = reverse_index_map[instr.i_oparg];
      }
    }
  }
  return SUCCESS;
}

int add_checks_for_loads_of_uninitialized_variables(basicblock* entryblock, int nlocals,
                                                    int nparams) {
  if (nlocals == 0) return SUCCESS;
  if (nlocals > 64) {
    // Locals past the first 64 are checked one block at a time, to avoid quadratic time.
    RETURN_IF_ERROR(fast_scan_many_locals(entryblock, nlocals));
    nlocals = 64;
  }
  std::vector<basicblock*> stack = make_cfg_traversal_stack(entryblock);
  basicblock** sp = stack.data();
  // First origin of unbound locals: the non-parameters at entry.
  uint64_t start_mask = 0;
  for (int i = nparams; i < nlocals; i++) start_mask |= uint64_t(1) << i;
  maybe_push(entryblock, start_mask, &sp);
  // Second origin: DELETE_FAST and friends anywhere; every block is scanned once.
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) scan_block_for_locals(b, &sp);
  // Propagate the uncertainty.
  while (sp > stack.data()) {
    basicblock* b = *--sp;
    b->b_visited = false;
    scan_block_for_locals(b, &sp);
  }
  return SUCCESS;
}

int mark_warm(basicblock* entryblock) {
  std::vector<basicblock*> stack = make_cfg_traversal_stack(entryblock);
  basicblock** sp = stack.data();
  *sp++ = entryblock;
  entryblock->b_visited = true;
  while (sp > stack.data()) {
    basicblock* b = *(--sp);
    assert(!b->b_except_handler);
    b->b_warm = true;
    basicblock* next = b->b_next;
    if (next && bb_has_fallthrough(b) && !next->b_visited) {
      *sp++ = next;
      next->b_visited = true;
    }
    for (CfgInstr& instr : *b) {
      if (is_jump(&instr) && !instr.i_target->b_visited) {
        *sp++ = instr.i_target;
        instr.i_target->b_visited = true;
      }
    }
  }
  return SUCCESS;
}

int mark_cold(basicblock* entryblock) {
  RETURN_IF_ERROR(mark_warm(entryblock));
  std::vector<basicblock*> stack = make_cfg_traversal_stack(entryblock);
  basicblock** sp = stack.data();
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    if (b->b_except_handler) {
      assert(!b->b_warm);
      *sp++ = b;
      b->b_visited = true;
    }
  }
  while (sp > stack.data()) {
    basicblock* b = *(--sp);
    b->b_cold = true;
    basicblock* next = b->b_next;
    if (next && bb_has_fallthrough(b)) {
      if (!next->b_warm && !next->b_visited) {
        *sp++ = next;
        next->b_visited = true;
      }
    }
    for (int i = 0; i < b->iused(); i++) {
      CfgInstr* instr = &b->b_instr[i];
      if (is_jump(instr)) {
        assert(i == b->iused() - 1);
        basicblock* target = instr->i_target;
        if (!target->b_warm && !target->b_visited) {
          *sp++ = target;
          target->b_visited = true;
        }
      }
    }
  }
  return SUCCESS;
}

int push_cold_blocks_to_end(cfg_builder* g) {
  basicblock* entryblock = g->g_entryblock;
  if (entryblock->b_next == nullptr) return SUCCESS;  // a single block
  RETURN_IF_ERROR(mark_cold(entryblock));
  int next_lbl = get_max_label(g->g_entryblock) + 1;
  // A cold block falling through to a warm one gets an explicit jump instead.
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    if (b->b_cold && bb_has_fallthrough(b) && b->b_next && b->b_next->b_warm) {
      basicblock* explicit_jump = cfg_builder_new_block(g);
      if (!is_label(b->b_next->b_label)) b->b_next->b_label.id = next_lbl++;
      basicblock_addop(explicit_jump, JUMP_NO_INTERRUPT, b->b_next->b_label.id, kNoLocation);
      explicit_jump->b_cold = true;
      explicit_jump->b_next = b->b_next;
      explicit_jump->b_predecessors = 1;
      b->b_next = explicit_jump;
      basicblock_last_instr(explicit_jump)->i_target = explicit_jump->b_next;
    }
  }
  assert(!entryblock->b_cold);  // the first block cannot be cold
  basicblock* cold_blocks = nullptr;
  basicblock* cold_blocks_tail = nullptr;
  basicblock* b = entryblock;
  while (b->b_next) {
    assert(!b->b_cold);
    while (b->b_next && !b->b_next->b_cold) b = b->b_next;
    if (b->b_next == nullptr) break;  // no more cold blocks
    // b->b_next starts a cold streak.
    basicblock* b_end = b->b_next;
    while (b_end->b_next && b_end->b_next->b_cold) b_end = b_end->b_next;
    // b_end ends it.
    if (cold_blocks == nullptr) {
      cold_blocks = b->b_next;
    } else {
      cold_blocks_tail->b_next = b->b_next;
    }
    cold_blocks_tail = b_end;
    b->b_next = b_end->b_next;
    b_end->b_next = nullptr;
  }
  assert(b != nullptr && b->b_next == nullptr);
  b->b_next = cold_blocks;
  if (cold_blocks != nullptr) RETURN_IF_ERROR(remove_redundant_nops_and_jumps(g));
  return SUCCESS;
}

int convert_pseudo_conditional_jumps(cfg_builder* g) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    for (int i = 0; i < b->iused(); i++) {
      CfgInstr* instr = &b->b_instr[i];
      if (instr->i_opcode == JUMP_IF_FALSE || instr->i_opcode == JUMP_IF_TRUE) {
        assert(i == b->iused() - 1);
        instr->i_opcode = instr->i_opcode == JUMP_IF_FALSE ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
        Location loc = instr->i_loc;
        // The COPY and TO_BOOL are covered by the jump's handler (CPython 3.14.2 does so).
        BasicBlock* except = instr->i_except;
        RETURN_IF_ERROR(
            basicblock_insert_instruction(b, i++, CfgInstr{COPY, 1, loc, nullptr, except}));
        RETURN_IF_ERROR(
            basicblock_insert_instruction(b, i++, CfgInstr{TO_BOOL, 0, loc, nullptr, except}));
      }
    }
  }
  return SUCCESS;
}

int convert_pseudo_ops(cfg_builder* g) {
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& instr : *b) {
      if (is_block_push(&instr)) {
        instr_set_op0(&instr, NOP);
      } else if (instr.i_opcode == LOAD_CLOSURE) {
        instr.i_opcode = LOAD_FAST;
      } else if (instr.i_opcode == STORE_FAST_MAYBE_NULL) {
        instr.i_opcode = STORE_FAST;
      }
    }
  }
  return remove_redundant_nops_and_jumps(g);
}

bool is_exit_or_eval_check_without_lineno(basicblock* b) {
  if (basicblock_exits_scope(b) || basicblock_has_eval_break(b)) {
    return basicblock_has_no_lineno(b);
  }
  return false;
}

// PEP 626: f_lineno must be right when a frame ends, so every exit (return, raise) needs a
// line number. Exit blocks without one that several jumps share are duplicated, so that each
// copy can take its single predecessor's line.
int duplicate_exits_without_lineno(cfg_builder* g) {
  int next_lbl = get_max_label(g->g_entryblock) + 1;
  // Copy every exit block without a line number that is the target of a jump.
  basicblock* entryblock = g->g_entryblock;
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    CfgInstr* last = basicblock_last_instr(b);
    if (last == nullptr) continue;
    if (is_jump(last)) {
      basicblock* target = next_nonempty_block(last->i_target);
      if (is_exit_or_eval_check_without_lineno(target) && target->b_predecessors > 1) {
        basicblock* new_target = copy_basicblock(g, target);
        new_target->b_instr[0].i_loc = last->i_loc;
        last->i_target = new_target;
        target->b_predecessors--;
        new_target->b_predecessors = 1;
        new_target->b_next = target->b_next;
        new_target->b_label.id = next_lbl++;
        target->b_next = new_target;
      }
    }
  }
  // The remaining exit blocks without a line number are reached by fallthrough only, so have
  // a single predecessor.
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    if (bb_has_fallthrough(b) && b->b_next && b->iused() > 0) {
      if (is_exit_or_eval_check_without_lineno(b->b_next)) {
        CfgInstr* last = basicblock_last_instr(b);
        assert(last != nullptr);
        b->b_next->b_instr[0].i_loc = last->i_loc;
      }
    }
  }
  return SUCCESS;
}

// An instruction without a line number takes its predecessor's in the block; a block with a
// single predecessor whose first instruction has none takes the predecessor's last.
void propagate_line_numbers(basicblock* entryblock) {
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    CfgInstr* last = basicblock_last_instr(b);
    if (last == nullptr) continue;
    Location prev_location = kNoLocation;
    for (CfgInstr& instr : *b) {
      if (instr.i_loc.lineno == kNoLocation.lineno) {
        instr.i_loc = prev_location;
      } else {
        prev_location = instr.i_loc;
      }
    }
    if (bb_has_fallthrough(b) && b->b_next->b_predecessors == 1) {
      if (b->b_next->iused() > 0 && b->b_next->b_instr[0].i_loc.lineno == kNoLocation.lineno) {
        b->b_next->b_instr[0].i_loc = prev_location;
      }
    }
    if (is_jump(last)) {
      basicblock* target = last->i_target;
      if (target->b_predecessors == 1 && target->iused() > 0 &&
          target->b_instr[0].i_loc.lineno == kNoLocation.lineno) {
        target->b_instr[0].i_loc = prev_location;
      }
    }
  }
}

int resolve_line_numbers(cfg_builder* g, int /*firstlineno*/) {
  RETURN_IF_ERROR(duplicate_exits_without_lineno(g));
  propagate_line_numbers(g->g_entryblock);
  return SUCCESS;
}

// build_cellfixedoffsets: where each cell and free variable goes in localsplus; a cell that
// is also an argument shares the argument's slot.
std::vector<int> build_cellfixedoffsets(const CodeUnitMetadata& umd) {
  int nlocals = int(umd.varnames.size());
  int ncellvars = int(umd.cellvars.size());
  int nfreevars = int(umd.freevars.size());
  int noffsets = ncellvars + nfreevars;
  std::vector<int> fixed(noffsets);
  for (int i = 0; i < noffsets; i++) fixed[i] = nlocals + i;
  for (int cellindex = 0; cellindex < ncellvars; cellindex++) {
    const std::string& name = umd.cellvars[cellindex];
    for (int argoffset = 0; argoffset < nlocals; argoffset++) {
      if (umd.varnames[argoffset] == name) {
        fixed[cellindex] = argoffset;
        break;
      }
    }
  }
  return fixed;
}

bool is_generator(int flags) {
  return (flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
}

int insert_prefix_instructions(const CodeUnitMetadata& umd, basicblock* entryblock,
                               const std::vector<int>& fixed, int nfreevars, int code_flags) {
  assert(umd.firstlineno > 0);
  // The generator prefix. RETURN_GENERATOR + POP_TOP has no net stack effect: RETURN_GENERATOR
  // pushes before switching stacks.
  if (is_generator(code_flags)) {
    Location loc{umd.firstlineno, umd.firstlineno, -1, -1};
    RETURN_IF_ERROR(basicblock_insert_instruction(
        entryblock, 0, CfgInstr{RETURN_GENERATOR, 0, loc, nullptr, nullptr}));
    RETURN_IF_ERROR(
        basicblock_insert_instruction(entryblock, 1, CfgInstr{POP_TOP, 0, loc, nullptr, nullptr}));
  }
  // Cells for every variable that escapes into a closure, in localsplus order (argument
  // cells first).
  int ncellvars = int(umd.cellvars.size());
  if (ncellvars) {
    int nvars = ncellvars + int(umd.varnames.size());
    std::vector<int> sorted(nvars, 0);
    for (int i = 0; i < ncellvars; i++) sorted[fixed[i]] = i + 1;
    for (int i = 0, ncellsused = 0; ncellsused < ncellvars; i++) {
      int oldindex = sorted[i] - 1;
      if (oldindex == -1) continue;
      // The oparg is fixed in fix_cell_offsets().
      RETURN_IF_ERROR(basicblock_insert_instruction(
          entryblock, ncellsused, CfgInstr{MAKE_CELL, oldindex, kNoLocation, nullptr, nullptr}));
      ncellsused++;
    }
  }
  if (nfreevars) {
    RETURN_IF_ERROR(basicblock_insert_instruction(
        entryblock, 0, CfgInstr{COPY_FREE_VARS, nfreevars, kNoLocation, nullptr, nullptr}));
  }
  return SUCCESS;
}

int fix_cell_offsets(const CodeUnitMetadata& umd, basicblock* entryblock,
                     std::vector<int>& fixedmap) {
  int nlocals = int(umd.varnames.size());
  int ncellvars = int(umd.cellvars.size());
  int nfreevars = int(umd.freevars.size());
  int noffsets = ncellvars + nfreevars;
  // First the duplicates (argument cells).
  int numdropped = 0;
  for (int i = 0; i < noffsets; i++) {
    if (fixedmap[i] == i + nlocals) {
      fixedmap[i] -= numdropped;
    } else {
      numdropped += 1;
    }
  }
  // Then the offsets, relative to the locals or to the argument.
  for (basicblock* b = entryblock; b != nullptr; b = b->b_next) {
    for (CfgInstr& inst : *b) {
      assert(inst.i_opcode != EXTENDED_ARG);
      int oldoffset = inst.i_oparg;
      switch (inst.i_opcode) {
        case MAKE_CELL:
        case LOAD_CLOSURE:
        case LOAD_DEREF:
        case STORE_DEREF:
        case DELETE_DEREF:
        case LOAD_FROM_DICT_OR_DEREF:
          assert(oldoffset >= 0 && oldoffset < noffsets);
          assert(fixedmap[oldoffset] >= 0);
          inst.i_oparg = fixedmap[oldoffset];
      }
    }
  }
  return numdropped;
}

int prepare_localsplus(const CodeUnitMetadata& umd, cfg_builder* g, int code_flags) {
  int nlocals = int(umd.varnames.size());
  int ncellvars = int(umd.cellvars.size());
  int nfreevars = int(umd.freevars.size());
  int nlocalsplus = nlocals + ncellvars + nfreevars;
  std::vector<int> cellfixedoffsets = build_cellfixedoffsets(umd);
  // Before fix_cell_offsets().
  RETURN_IF_ERROR(
      insert_prefix_instructions(umd, g->g_entryblock, cellfixedoffsets, nfreevars, code_flags));
  int numdropped = fix_cell_offsets(umd, g->g_entryblock, cellfixedoffsets);
  if (numdropped < 0) return ERROR;
  return nlocalsplus - numdropped;
}

}  // namespace

CfgBuilderPtr cfg_builder_new() {
  CfgBuilderPtr g(new CfgBuilder);
  basicblock* block = cfg_builder_new_block(g.get());
  g->g_curblock = g->g_entryblock = block;
  g->g_current_label = kNoLabel;
  return g;
}

int cfg_builder_use_label(CfgBuilder* g, JumpTargetLabel lbl) {
  g->g_current_label = lbl;
  return cfg_builder_maybe_start_new_block(g);
}

int cfg_builder_addop(CfgBuilder* g, int opcode, int oparg, Location loc) {
  RETURN_IF_ERROR(cfg_builder_maybe_start_new_block(g));
  return basicblock_addop(g->g_curblock, opcode, oparg, loc);
}

int cfg_calculate_stackdepth(CfgBuilder* g) { return calculate_stackdepth(g); }

int cfg_optimize_load_fast(CfgBuilder* g) { return optimize_load_fast(g); }

int cfg_optimize_code_unit(CfgBuilder* g, ConstPool* consts, int nlocals, int nparams,
                           int firstlineno) {
  // Preprocessing: labels to targets, exception handlers.
  RETURN_IF_ERROR(translate_jump_labels_to_targets(g->g_entryblock));
  RETURN_IF_ERROR(mark_except_handlers(g->g_entryblock));
  RETURN_IF_ERROR(label_exception_targets(g->g_entryblock));
  // Optimization.
  RETURN_IF_ERROR(optimize_cfg(g, consts, firstlineno));
  RETURN_IF_ERROR(remove_unused_consts(g->g_entryblock, consts));
  RETURN_IF_ERROR(
      add_checks_for_loads_of_uninitialized_variables(g->g_entryblock, nlocals, nparams));
  RETURN_IF_ERROR(insert_superinstructions(g));
  RETURN_IF_ERROR(push_cold_blocks_to_end(g));
  RETURN_IF_ERROR(resolve_line_numbers(g, firstlineno));
  return SUCCESS;
}

CfgBuilderPtr cfg_from_instruction_sequence(InstructionSequence* seq) {
  if (seq->apply_label_map() < 0) return nullptr;
  CfgBuilderPtr g = cfg_builder_new();
  for (Instruction& instr : seq->instrs) instr.i_target = 0;
  for (Instruction& instr : seq->instrs) {
    if (has_target(instr.i_opcode)) {
      assert(instr.i_oparg >= 0 && instr.i_oparg < seq->size());
      seq->instrs[instr.i_oparg].i_target = 1;
    }
  }
  // ANNOTATIONS_PLACEHOLDER marks where a module's or class's __annotate__ code goes: the
  // annotations sequence is spliced in there, or the placeholder dropped; later labels
  // shift accordingly.
  int offset = 0;
  for (int i = 0; i < seq->size(); i++) {
    Instruction& instr = seq->instrs[i];
    if (instr.i_opcode == ANNOTATIONS_PLACEHOLDER) {
      InstructionSequence* ann = seq->annotations_code.get();
      if (ann != nullptr) {
        assert(ann->labelmap.empty() && ann->nested.empty());
        for (const Instruction& ann_instr : ann->instrs) {
          assert(!has_target(ann_instr.i_opcode));
          if (cfg_builder_addop(g.get(), ann_instr.i_opcode, ann_instr.i_oparg,
                                ann_instr.i_loc) < 0) {
            return nullptr;
          }
        }
        offset += ann->size() - 1;
      } else {
        offset -= 1;
      }
      continue;
    }
    if (instr.i_target) {
      if (cfg_builder_use_label(g.get(), JumpTargetLabel{i + offset}) < 0) return nullptr;
    }
    int oparg = instr.i_oparg;
    if (has_target(instr.i_opcode)) oparg += offset;
    if (cfg_builder_addop(g.get(), instr.i_opcode, oparg, instr.i_loc) < 0) return nullptr;
  }
  return g;
}

int cfg_to_instruction_sequence(CfgBuilder* g, InstructionSequence* seq) {
  int lbl = 0;
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    b->b_label = JumpTargetLabel{lbl};
    lbl += 1;
  }
  for (basicblock* b = g->g_entryblock; b != nullptr; b = b->b_next) {
    RETURN_IF_ERROR(seq->use_label(b->b_label.id));
    for (CfgInstr& instr : *b) {
      if (has_target(instr.i_opcode)) {
        // The label id, mapped to an offset later.
        instr.i_oparg = instr.i_target->b_label.id;
      }
      RETURN_IF_ERROR(seq->addop(instr.i_opcode, instr.i_oparg, instr.i_loc));
      ExceptHandlerInfo& hi = seq->instrs.back().i_except_handler_info;
      if (instr.i_except != nullptr) {
        hi.h_label = instr.i_except->b_label.id;
        hi.h_startdepth = instr.i_except->b_startdepth;
        hi.h_preserve_lasti = instr.i_except->b_preserve_lasti;
      } else {
        hi.h_label = -1;
      }
    }
  }
  RETURN_IF_ERROR(seq->apply_label_map());
  return SUCCESS;
}

int cfg_optimized_to_instruction_sequence(CfgBuilder* g, const CodeUnitMetadata& umd,
                                          int code_flags, int* stackdepth, int* nlocalsplus,
                                          InstructionSequence* seq) {
  RETURN_IF_ERROR(convert_pseudo_conditional_jumps(g));
  *stackdepth = calculate_stackdepth(g);
  if (*stackdepth < 0) return ERROR;
  // prepare_localsplus adds a push and a pop for generators; a generator always has a
  // non-zero stack depth, so there is room.
  *nlocalsplus = prepare_localsplus(umd, g, code_flags);
  if (*nlocalsplus < 0) return ERROR;
  RETURN_IF_ERROR(convert_pseudo_ops(g));
  // The order of the blocks is final from here.
  RETURN_IF_ERROR(normalize_jumps(g));
  // No changes to the code after the instructions that push borrowed references.
  RETURN_IF_ERROR(optimize_load_fast(g));
  return cfg_to_instruction_sequence(g, seq);
}

int cfg_jump_labels_to_targets(CfgBuilder* g) {
  RETURN_IF_ERROR(translate_jump_labels_to_targets(g->g_entryblock));
  RETURN_IF_ERROR(label_exception_targets(g->g_entryblock));
  return SUCCESS;
}

}  // namespace cppy::compile
