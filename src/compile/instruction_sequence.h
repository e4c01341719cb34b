// The compiler's instruction sequence: what codegen emits and the assembler consumes, with
// jump targets as labels (Include/internal/pycore_instruction_sequence.h,
// Python/instruction_sequence.c).
#pragma once

#include <memory>
#include <vector>

namespace cppy::compile {

// _Py_SourceLocation: 1-based lines, 0-based UTF-8 byte columns; -1 for "none".
struct Location {
  int lineno;
  int end_lineno;
  int col_offset;
  int end_col_offset;
};
// NO_LOCATION: an instruction without a position (it inherits one in the CFG passes).
inline constexpr Location kNoLocation{-1, -1, -1, -1};
// NEXT_LOCATION: takes the location of the following instruction when assembled.
inline constexpr Location kNextLocation{-2, -2, -2, -2};

inline bool same_location(const Location& a, const Location& b) {
  return a.lineno == b.lineno && a.end_lineno == b.end_lineno && a.col_offset == b.col_offset &&
         a.end_col_offset == b.end_col_offset;
}

// _PyJumpTargetLabel.
struct JumpTargetLabel {
  int id;
};
inline constexpr JumpTargetLabel kNoLabel{-1};

// _PyExceptHandlerInfo: the handler covering an instruction, filled in by the CFG.
struct ExceptHandlerInfo {
  int h_label;
  int h_startdepth;
  int h_preserve_lasti;
};

// _PyInstruction.
struct Instruction {
  int i_opcode;
  int i_oparg;
  Location i_loc;
  ExceptHandlerInfo i_except_handler_info;
  // Scratch fields of the assembler and of the conversion to a CFG.
  int i_target;
  int i_offset;
};

// _PyInstructionSequence. Jump instructions carry a label id as oparg until
// apply_label_map() turns it into the index of the target instruction.
class InstructionSequence {
 public:
  std::vector<Instruction> instrs;
  int next_free_label = 0;
  // Label id -> instruction index; empty once applied (then label ids are indices).
  std::vector<int> labelmap;
  bool labelmap_applied = false;
  // Sequences of nested code units (kept for tests and tools, as CPython does).
  std::vector<std::unique_ptr<InstructionSequence>> nested;
  // Code that builds the annotations, spliced into this sequence later.
  std::unique_ptr<InstructionSequence> annotations_code;

  int size() const { return int(instrs.size()); }

  // _PyInstructionSequence_NewLabel.
  JumpTargetLabel new_label() { return JumpTargetLabel{next_free_label++}; }
  // _PyInstructionSequence_UseLabel: the label denotes the next instruction added.
  int use_label(int label);
  // _PyInstructionSequence_Addop.
  int addop(int opcode, int oparg, Location loc);
  // _PyInstructionSequence_InsertInstruction: labels at or after pos move with it.
  int insert_instruction(int pos, int opcode, int oparg, Location loc);
  // _PyInstructionSequence_InjectSequence: splices `injected` in at pos.
  int inject_sequence(int pos, InstructionSequence* injected);
  // _PyInstructionSequence_ApplyLabelMap: label operands become instruction indices.
  int apply_label_map();
  // _PyInstructionSequence_AddNested.
  void add_nested(std::unique_ptr<InstructionSequence> seq) { nested.push_back(std::move(seq)); }
  // _PyInstructionSequence_SetAnnotationsCode.
  void set_annotations_code(std::unique_ptr<InstructionSequence> code) {
    annotations_code = std::move(code);
  }
};

}  // namespace cppy::compile
