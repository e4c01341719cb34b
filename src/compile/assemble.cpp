// Python/assemble.c (CPython 3.14) and the table writers of Include/internal/pycore_code.h.
#include "compile/assemble.h"

#include <cassert>
#include <cstdint>

#include "compile/compile_errors.h"
#include "compile/opcode_utils.h"

namespace cppy::compile {

namespace {

constexpr int SUCCESS = 0;
constexpr int ERROR = -1;

// The offset in code units of the END_SEND from the SEND in a `yield from` / `await` loop;
// END_ASYNC_FOR's oparg points at the END_SEND so that sys.monitoring finds it.
constexpr int END_SEND_OFFSET = 5;

// _PyCodeLocationInfoKind (Include/cpython/code.h).
constexpr int PY_CODE_LOCATION_INFO_SHORT0 = 0;
constexpr int PY_CODE_LOCATION_INFO_ONE_LINE0 = 10;
constexpr int PY_CODE_LOCATION_INFO_NO_COLUMNS = 13;
constexpr int PY_CODE_LOCATION_INFO_LONG = 14;
constexpr int PY_CODE_LOCATION_INFO_NONE = 15;

struct Assembler {
  std::string bytecode;
  std::string except_table;
  std::string linetable;
  int lineno = 0;  // line of the last location entry written
};

// write_varint / write_signed_varint / write_location_entry_start (pycore_code.h).
void write_varint(std::string& out, unsigned int val) {
  while (val >= 64) {
    out.push_back(char(64 | (val & 63)));
    val >>= 6;
  }
  out.push_back(char(val));
}

void write_signed_varint(std::string& out, int val) {
  unsigned int uval;
  if (val < 0) {
    // (unsigned)(-val) would overflow for INT_MIN.
    uval = ((0 - unsigned(val)) << 1) | 1;
  } else {
    uval = unsigned(val) << 1;
  }
  write_varint(out, uval);
}

void write_location_entry_start(std::string& out, int code, int length) {
  assert((code & 15) == code);
  out.push_back(char(128 | (code << 3) | (length - 1)));
}

/* Exception table: see InternalDocs/exception_handling.md for the layout. */

constexpr int CONTINUATION_BIT = 64;

void assemble_emit_exception_table_item(Assembler* a, int value, int msb) {
  assert((msb | 128) == 128);
  assert(value >= 0 && value < (1 << 30));
  std::string& t = a->except_table;
  if (value >= 1 << 24) {
    t.push_back(char((value >> 24) | CONTINUATION_BIT | msb));
    msb = 0;
  }
  if (value >= 1 << 18) {
    t.push_back(char(((value >> 18) & 0x3f) | CONTINUATION_BIT | msb));
    msb = 0;
  }
  if (value >= 1 << 12) {
    t.push_back(char(((value >> 12) & 0x3f) | CONTINUATION_BIT | msb));
    msb = 0;
  }
  if (value >= 1 << 6) {
    t.push_back(char(((value >> 6) & 0x3f) | CONTINUATION_BIT | msb));
    msb = 0;
  }
  t.push_back(char((value & 0x3f) | msb));
}

void assemble_emit_exception_table_entry(Assembler* a, int start, int end, int handler_offset,
                                         const ExceptHandlerInfo& handler) {
  int size = end - start;
  assert(end > start);
  int target = handler_offset;
  int depth = handler.h_startdepth - 1;
  if (handler.h_preserve_lasti > 0) depth -= 1;
  assert(depth >= 0);
  int depth_lasti = (depth << 1) | handler.h_preserve_lasti;
  assemble_emit_exception_table_item(a, start, 1 << 7);
  assemble_emit_exception_table_item(a, size, 0);
  assemble_emit_exception_table_item(a, target, 0);
  assemble_emit_exception_table_item(a, depth_lasti, 0);
}

int assemble_exception_table(Assembler* a, InstructionSequence* instrs) {
  int ioffset = 0;
  ExceptHandlerInfo handler{-1, -1, -1};
  int start = -1;
  for (Instruction& instr : instrs->instrs) {
    if (instr.i_except_handler_info.h_label != handler.h_label) {
      if (handler.h_label >= 0) {
        int handler_offset = instrs->instrs[handler.h_label].i_offset;
        assemble_emit_exception_table_entry(a, start, ioffset, handler_offset, handler);
      }
      start = ioffset;
      handler = instr.i_except_handler_info;
    }
    ioffset += instr_size(instr.i_opcode, instr.i_oparg);
  }
  if (handler.h_label >= 0) {
    int handler_offset = instrs->instrs[handler.h_label].i_offset;
    assemble_emit_exception_table_entry(a, start, ioffset, handler_offset, handler);
  }
  return SUCCESS;
}

/* Location table: see InternalDocs/code_objects.md (locations) for the format. */

void write_location_info_short_form(Assembler* a, int length, int column, int end_column) {
  assert(length > 0 && length <= 8);
  int column_low_bits = column & 7;
  int column_group = column >> 3;
  assert(column < 80);
  assert(end_column >= column);
  assert(end_column - column < 16);
  write_location_entry_start(a->linetable, PY_CODE_LOCATION_INFO_SHORT0 + column_group, length);
  a->linetable.push_back(char((column_low_bits << 4) | (end_column - column)));
}

void write_location_info_oneline_form(Assembler* a, int length, int line_delta, int column,
                                      int end_column) {
  assert(length > 0 && length <= 8);
  assert(line_delta >= 0 && line_delta < 3);
  assert(column < 128);
  assert(end_column < 128);
  write_location_entry_start(a->linetable, PY_CODE_LOCATION_INFO_ONE_LINE0 + line_delta, length);
  a->linetable.push_back(char(column));
  a->linetable.push_back(char(end_column));
}

void write_location_info_long_form(Assembler* a, const Location& loc, int length) {
  assert(length > 0 && length <= 8);
  write_location_entry_start(a->linetable, PY_CODE_LOCATION_INFO_LONG, length);
  write_signed_varint(a->linetable, loc.lineno - a->lineno);
  assert(loc.end_lineno >= loc.lineno);
  write_varint(a->linetable, unsigned(loc.end_lineno - loc.lineno));
  write_varint(a->linetable, unsigned(loc.col_offset + 1));
  write_varint(a->linetable, unsigned(loc.end_col_offset + 1));
}

void write_location_info_none(Assembler* a, int length) {
  write_location_entry_start(a->linetable, PY_CODE_LOCATION_INFO_NONE, length);
}

void write_location_info_no_column(Assembler* a, int length, int line_delta) {
  write_location_entry_start(a->linetable, PY_CODE_LOCATION_INFO_NO_COLUMNS, length);
  write_signed_varint(a->linetable, line_delta);
}

void write_location_info_entry(Assembler* a, const Location& loc, int isize) {
  if (loc.lineno == kNoLocation.lineno) {
    write_location_info_none(a, isize);
    return;
  }
  int line_delta = loc.lineno - a->lineno;
  int column = loc.col_offset;
  int end_column = loc.end_col_offset;
  if (column < 0 || end_column < 0) {
    if (loc.end_lineno == loc.lineno || loc.end_lineno < 0) {
      write_location_info_no_column(a, isize, line_delta);
      a->lineno = loc.lineno;
      return;
    }
  } else if (loc.end_lineno == loc.lineno) {
    if (line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column) {
      write_location_info_short_form(a, isize, column, end_column);
      return;
    }
    if (line_delta >= 0 && line_delta < 3 && column < 128 && end_column < 128) {
      write_location_info_oneline_form(a, isize, line_delta, column, end_column);
      a->lineno = loc.lineno;
      return;
    }
  }
  write_location_info_long_form(a, loc, isize);
  a->lineno = loc.lineno;
}

void assemble_emit_location(Assembler* a, const Location& loc, int isize) {
  if (isize == 0) return;
  while (isize > 8) {
    write_location_info_entry(a, loc, 8);
    isize -= 8;
  }
  write_location_info_entry(a, loc, isize);
}

int assemble_location_info(Assembler* a, InstructionSequence* instrs, int firstlineno) {
  a->lineno = firstlineno;
  // NEXT_LOCATION takes the following instruction's location (none at a block's end).
  for (int i = instrs->size() - 1; i >= 0; i--) {
    Instruction& instr = instrs->instrs[i];
    if (same_location(instr.i_loc, kNextLocation)) {
      if (is_terminator_opcode(instr.i_opcode)) {
        instr.i_loc = kNoLocation;
      } else {
        assert(i < instrs->size() - 1);
        instr.i_loc = instrs->instrs[i + 1].i_loc;
      }
    }
  }
  Location loc = kNoLocation;
  int size = 0;
  for (Instruction& instr : instrs->instrs) {
    if (!same_location(loc, instr.i_loc)) {
      assemble_emit_location(a, loc, size);
      loc = instr.i_loc;
      size = 0;
    }
    size += instr_size(instr.i_opcode, instr.i_oparg);
  }
  assemble_emit_location(a, loc, size);
  return SUCCESS;
}

void write_code_unit(std::string& out, int op, int arg) {
  out.push_back(char(op));
  out.push_back(char(arg));
}

void write_instr(std::string& out, const Instruction& instr, int ilen) {
  int opcode = instr.i_opcode;
  assert(!is_pseudo_instr(opcode));
  int oparg = instr.i_oparg;
  assert(opcode_has_arg(opcode) || oparg == 0);
  int caches = opcode_caches[opcode];
  switch (ilen - caches) {
    case 4:
      write_code_unit(out, EXTENDED_ARG, (oparg >> 24) & 0xFF);
      [[fallthrough]];
    case 3:
      write_code_unit(out, EXTENDED_ARG, (oparg >> 16) & 0xFF);
      [[fallthrough]];
    case 2:
      write_code_unit(out, EXTENDED_ARG, (oparg >> 8) & 0xFF);
      [[fallthrough]];
    case 1:
      write_code_unit(out, opcode, oparg & 0xFF);
      break;
    default:
      assert(false);
  }
  while (caches--) write_code_unit(out, CACHE, 0);
}

int assemble_emit(Assembler* a, InstructionSequence* instrs, int first_lineno) {
  a->lineno = first_lineno;
  for (Instruction& instr : instrs->instrs) {
    write_instr(a->bytecode, instr, instr_size(instr.i_opcode, instr.i_oparg));
  }
  if (assemble_location_info(a, instrs, a->lineno) < 0) return ERROR;
  if (assemble_exception_table(a, instrs) < 0) return ERROR;
  return SUCCESS;
}

void compute_localsplus_info(const CodeUnitMetadata& umd, int nlocalsplus, int flags,
                             std::vector<std::string>& names, std::string& kinds) {
  (void)nlocalsplus;  // bounds the offsets (asserted)
  // The kinds of the arguments, which fill the first slots, then the other locals.
  struct Group {
    int count;
    int kind;
  };
  const Group argvarkinds[] = {
      {umd.posonlyargcount, CO_FAST_ARG_POS},
      {umd.argcount, CO_FAST_ARG_POS | CO_FAST_ARG_KW},
      {umd.kwonlyargcount, CO_FAST_ARG_KW},
      {(flags & CO_VARARGS) ? 1 : 0, CO_FAST_ARG_VAR | CO_FAST_ARG_POS},
      {(flags & CO_VARKEYWORDS) ? 1 : 0, CO_FAST_ARG_VAR | CO_FAST_ARG_KW},
      {-1, 0},  // the remaining locals
  };
  auto is_cell = [&umd](const std::string& name) {
    for (const std::string& c : umd.cellvars) {
      if (c == name) return true;
    }
    return false;
  };
  int pos = 0;
  int max = 0;
  int nvarnames = int(umd.varnames.size());
  for (const Group& group : argvarkinds) {
    max = group.count < 0 ? nvarnames : max + group.count;
    while (pos < max && pos < nvarnames) {
      const std::string& k = umd.varnames[pos];
      int offset = pos++;
      assert(offset < nlocalsplus);
      int kind = CO_FAST_LOCAL | group.kind;
      if (umd.fasthidden.count(k)) kind |= CO_FAST_HIDDEN;
      if (is_cell(k)) kind |= CO_FAST_CELL;
      names[offset] = k;
      kinds[offset] = char(kind);
    }
  }
  int nlocals = nvarnames;
  // Mirrors fix_cell_offsets(): cells that are arguments were dropped.
  int numdropped = 0;
  int ncells = int(umd.cellvars.size());
  for (int cellindex = 0; cellindex < ncells; cellindex++) {
    const std::string& k = umd.cellvars[cellindex];
    bool is_local = false;
    for (const std::string& v : umd.varnames) {
      if (v == k) {
        is_local = true;
        break;
      }
    }
    if (is_local) {
      numdropped += 1;
      continue;
    }
    int offset = cellindex + nlocals - numdropped;
    assert(offset < nlocalsplus);
    names[offset] = k;
    kinds[offset] = char(CO_FAST_CELL);
  }
  for (int i = 0; i < int(umd.freevars.size()); i++) {
    // Free variables are numbered after the cells.
    int offset = ncells + i + nlocals - numdropped;
    assert(offset < nlocalsplus);
    names[offset] = umd.freevars[i];
    kinds[offset] = char(CO_FAST_FREE);
  }
}

int resolve_jump_offsets(InstructionSequence* instrs) {
  // Instruction indices become offsets in the bytecode, growing EXTENDED_ARGs as needed.
  for (Instruction& instr : instrs->instrs) {
    if (opcode_has_jump(instr.i_opcode)) instr.i_target = instr.i_oparg;
  }
  bool extended_arg_recompile;
  do {
    int totsize = 0;
    for (Instruction& instr : instrs->instrs) {
      instr.i_offset = totsize;
      totsize += instr_size(instr.i_opcode, instr.i_oparg);
    }
    extended_arg_recompile = false;
    int offset = 0;
    for (Instruction& instr : instrs->instrs) {
      int isize = instr_size(instr.i_opcode, instr.i_oparg);
      // Jumps are relative to the instruction after the jump.
      offset += isize;
      if (opcode_has_jump(instr.i_opcode)) {
        const Instruction& target = instrs->instrs[instr.i_target];
        instr.i_oparg = target.i_offset;
        if (instr.i_opcode == END_ASYNC_FOR) {
          // The target is the SEND; sys.monitoring needs the matching END_SEND.
          instr.i_oparg = offset - instr.i_oparg - END_SEND_OFFSET;
        } else if (instr.i_oparg < offset) {
          assert(is_backwards_jump_opcode(instr.i_opcode));
          instr.i_oparg = offset - instr.i_oparg;
        } else {
          assert(!is_backwards_jump_opcode(instr.i_opcode));
          instr.i_oparg -= offset;
        }
        if (instr_size(instr.i_opcode, instr.i_oparg) != isize) extended_arg_recompile = true;
      }
    }
    // Only jump arguments can grow, so this converges quickly.
  } while (extended_arg_recompile);
  return SUCCESS;
}

int resolve_unconditional_jumps(InstructionSequence* instrs) {
  // The direction of each unconditional jump.
  for (int i = 0; i < instrs->size(); i++) {
    Instruction& instr = instrs->instrs[i];
    bool is_forward = instr.i_oparg > i;
    switch (instr.i_opcode) {
      case JUMP:
        instr.i_opcode = is_forward ? JUMP_FORWARD : JUMP_BACKWARD;
        break;
      case JUMP_NO_INTERRUPT:
        instr.i_opcode = is_forward ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
        break;
      default:
        assert(!(opcode_has_jump(instr.i_opcode) && is_pseudo_instr(instr.i_opcode)));
    }
  }
  return SUCCESS;
}

}  // namespace

int instr_size(int opcode, int oparg) {
  assert(!is_pseudo_instr(opcode));
  assert(opcode_has_arg(opcode) || oparg == 0);
  int extended_args = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
  int caches = opcode_caches[opcode];
  return extended_args + 1 + caches;
}

int assemble_code_unit(const CodeUnitMetadata& umd, int maxdepth, InstructionSequence* instrs,
                       int nlocalsplus, int code_flags, AssembledCode* out) {
  if (instrs->apply_label_map() < 0) return ERROR;
  if (resolve_unconditional_jumps(instrs) < 0) return ERROR;
  if (resolve_jump_offsets(instrs) < 0) return ERROR;
  Assembler a;
  if (assemble_emit(&a, instrs, umd.firstlineno) < 0) return ERROR;
  out->code = std::move(a.bytecode);
  out->linetable = std::move(a.linetable);
  out->exceptiontable = std::move(a.except_table);
  out->stacksize = maxdepth;
  out->flags = code_flags;
  out->posonlyargcount = umd.posonlyargcount;
  out->argcount = umd.posonlyargcount + umd.argcount;
  out->kwonlyargcount = umd.kwonlyargcount;
  out->firstlineno = umd.firstlineno;
  out->localsplusnames.assign(nlocalsplus, std::string());
  out->localspluskinds.assign(nlocalsplus, '\0');
  compute_localsplus_info(umd, nlocalsplus, code_flags, out->localsplusnames,
                          out->localspluskinds);
  return SUCCESS;
}

}  // namespace cppy::compile
