// The control flow graph of a code unit and the passes over it (Include/internal/
// pycore_flowgraph.h, Python/flowgraph.c): building it from codegen's instruction sequence,
// exception handler marking, constant folding, jump threading, superinstructions, stack
// depth, LOAD_FAST_BORROW, and flattening back into a sequence for the assembler.
#pragma once

#include <memory>

#include "compile/constants.h"
#include "compile/instruction_sequence.h"
#include "compile/unit_metadata.h"

namespace cppy::compile {

class CfgBuilder;

struct CfgBuilderDeleter {
  void operator()(CfgBuilder* g) const;
};
using CfgBuilderPtr = std::unique_ptr<CfgBuilder, CfgBuilderDeleter>;

// _PyCfgBuilder_New, _PyCfgBuilder_UseLabel, _PyCfgBuilder_Addop.
CfgBuilderPtr cfg_builder_new();
int cfg_builder_use_label(CfgBuilder* g, JumpTargetLabel label);
int cfg_builder_addop(CfgBuilder* g, int opcode, int oparg, Location loc);

// _PyCfg_FromInstructionSequence: nullptr on error (see compile_errors.h).
CfgBuilderPtr cfg_from_instruction_sequence(InstructionSequence* seq);

// _PyCfg_OptimizeCodeUnit: every optimization of the graph; `consts` is co_consts, to which
// folding appends. nparams counts all parameters (ste_varnames).
int cfg_optimize_code_unit(CfgBuilder* g, ConstPool* consts, int nlocals, int nparams,
                           int firstlineno);

// _PyCfg_OptimizedCfgToInstructionSequence: pseudo-instructions resolved, stack depth,
// cell and generator prefix, jump directions, LOAD_FAST_BORROW; then flattened into `seq`.
int cfg_optimized_to_instruction_sequence(CfgBuilder* g, const CodeUnitMetadata& umd,
                                          int code_flags, int* stackdepth, int* nlocalsplus,
                                          InstructionSequence* seq);

// _PyCfg_ToInstructionSequence: the graph as it is, labels renumbered per block.
int cfg_to_instruction_sequence(CfgBuilder* g, InstructionSequence* seq);

// _PyCfg_JumpLabelsToTargets: for graphs built by hand (the assembler tests).
int cfg_jump_labels_to_targets(CfgBuilder* g);

// calculate_stackdepth and optimize_load_fast, for _PyCompile_OptimizeCfg-style tests.
int cfg_calculate_stackdepth(CfgBuilder* g);
int cfg_optimize_load_fast(CfgBuilder* g);

}  // namespace cppy::compile
