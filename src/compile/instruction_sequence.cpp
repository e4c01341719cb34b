// Python/instruction_sequence.c: the labelled instruction sequence.
#include "compile/instruction_sequence.h"

#include <cassert>

#include "compile/opcode_utils.h"

namespace cppy::compile {

namespace {
// Labels not placed yet point nowhere (CPython fills the map with -111).
constexpr int kUnplacedLabel = -111;
}  // namespace

int InstructionSequence::use_label(int label) {
  assert(label >= 0);
  if (label >= int(labelmap.size())) labelmap.resize(label + 1, kUnplacedLabel);
  labelmap[label] = size();
  return 0;
}

int InstructionSequence::addop(int opcode, int oparg, Location loc) {
  assert(is_within_opcode_range(opcode));
  assert(opcode_has_arg(opcode) || has_target(opcode) || oparg == 0);
  assert(0 <= oparg && oparg < (1 << 30));
  Instruction instr{};
  instr.i_opcode = opcode;
  instr.i_oparg = oparg;
  instr.i_loc = loc;
  instr.i_except_handler_info = ExceptHandlerInfo{-1, -1, -1};
  instrs.push_back(instr);
  return 0;
}

int InstructionSequence::insert_instruction(int pos, int opcode, int oparg, Location loc) {
  assert(pos >= 0 && pos <= size());
  Instruction instr{};
  instr.i_opcode = opcode;
  instr.i_oparg = oparg;
  instr.i_loc = loc;
  instr.i_except_handler_info = ExceptHandlerInfo{-1, -1, -1};
  instrs.insert(instrs.begin() + pos, instr);
  for (int& target : labelmap) {
    if (target >= pos) target++;
  }
  return 0;
}

int InstructionSequence::inject_sequence(int pos, InstructionSequence* injected) {
  assert(pos >= 0 && pos <= size());
  // Merging label maps is not supported: the injected code uses this sequence's labels.
  assert(injected->labelmap.empty() && injected->nested.empty());
  int n = injected->size();
  if (n == 0) return 0;
  instrs.insert(instrs.begin() + pos, injected->instrs.begin(), injected->instrs.end());
  for (int& target : labelmap) {
    if (target >= pos) target += n;
  }
  return 0;
}

int InstructionSequence::apply_label_map() {
  if (labelmap_applied) return 0;
  for (Instruction& instr : instrs) {
    if (has_target(instr.i_opcode)) {
      assert(instr.i_oparg < int(labelmap.size()));
      instr.i_oparg = labelmap[instr.i_oparg];
    }
    ExceptHandlerInfo& hi = instr.i_except_handler_info;
    if (hi.h_label >= 0) {
      assert(hi.h_label < int(labelmap.size()));
      hi.h_label = labelmap[hi.h_label];
    }
  }
  labelmap.clear();
  labelmap_applied = true;
  return 0;
}

}  // namespace cppy::compile
