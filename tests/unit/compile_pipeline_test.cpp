// The compiler back end end to end: CPython 3.14.2's codegen output for a function goes
// through src/compile's CFG passes and assembler, and must give the code object CPython
// made (tests/data/compile/cases.txt, written by make_cases.py under the reference).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compile/assemble.h"
#include "compile/compile_errors.h"
#include "compile/flowgraph.h"
#include "compile/opcode_metadata.h"
#include "compile_mock_consts.h"

namespace cppy::compile {
namespace {

using testing::MockConstPool;

struct Case {
  std::string name;
  std::string source;
  int argcount = 0, posonly = 0, kwonly = 0, firstlineno = 1, flags = 0, nparams = 0;
  std::vector<std::string> varnames, cellvars, freevars, fasthidden;
  std::vector<std::string> consts;
  std::vector<std::vector<int>> instrs;  // opcode, oparg, lineno, end_lineno, col, end_col
  std::string code, linetable, exceptiontable;
  int stacksize = 0;
  std::vector<std::string> expect_consts, localsplusnames;
  std::string localspluskinds;
};

std::vector<std::string> words(std::istringstream& ss) {
  std::vector<std::string> out;
  std::string w;
  while (ss >> w) out.push_back(w);
  return out;
}

std::vector<Case> load_cases() {
  std::vector<Case> cases;
  std::ifstream in(CPPY_TEST_DATA_DIR "/compile/cases.txt");
  std::string line;
  Case c;
  while (std::getline(in, line)) {
    std::istringstream ss(line);
    std::string kind;
    ss >> kind;
    if (kind == "case") {
      c = Case{};
      ss >> c.name;
    } else if (kind == "source") {
      std::string h;
      ss >> h;
      c.source = testing::unhex(h);
    } else if (kind == "meta") {
      ss >> c.argcount >> c.posonly >> c.kwonly >> c.firstlineno >> c.flags >> c.nparams;
    } else if (kind == "varnames") {
      c.varnames = words(ss);
    } else if (kind == "cellvars") {
      c.cellvars = words(ss);
    } else if (kind == "freevars") {
      c.freevars = words(ss);
    } else if (kind == "fasthidden") {
      c.fasthidden = words(ss);
    } else if (kind == "consts") {
      c.consts = words(ss);
    } else if (kind == "instr") {
      std::vector<int> v(6);
      for (int& x : v) ss >> x;
      c.instrs.push_back(v);
    } else if (kind == "expect_code") {
      ss >> c.code;
    } else if (kind == "expect_linetable") {
      ss >> c.linetable;
    } else if (kind == "expect_exceptiontable") {
      ss >> c.exceptiontable;
    } else if (kind == "expect_stacksize") {
      ss >> c.stacksize;
    } else if (kind == "expect_consts") {
      c.expect_consts = words(ss);
    } else if (kind == "expect_localsplusnames") {
      c.localsplusnames = words(ss);
    } else if (kind == "expect_localspluskinds") {
      ss >> c.localspluskinds;
    } else if (kind == "end") {
      cases.push_back(c);
    }
  }
  return cases;
}

const std::vector<Case>& all_cases() {
  static std::vector<Case> cases = load_cases();
  return cases;
}

// co_code as "NAME arg" lines, to show where two differ.
std::string disassemble(const std::string& hex) {
  std::string code = testing::unhex(hex);
  std::string out;
  for (size_t k = 0; k + 1 < code.size(); k += 2) {
    int op = (unsigned char)code[k];
    int arg = (unsigned char)code[k + 1];
    const char* name = opcode_names[op] ? opcode_names[op] : "?";
    out += std::to_string(k) + " " + name + " " + std::to_string(arg) + "\n";
  }
  return out;
}

struct Result {
  AssembledCode code;
  std::vector<std::string> consts;
  std::string error;
};

Result run_backend(const Case& c) {
  Result r;
  clear_compile_error();
  MockConstPool pool;
  for (const std::string& e : c.consts) pool.list.push_back(pool.parse(e));
  InstructionSequence seq;
  seq.labelmap_applied = true;  // codegen's targets are already instruction indices
  for (const auto& v : c.instrs) {
    seq.addop(v[0], v[1], Location{v[2], v[3], v[4], v[5]});
  }
  CodeUnitMetadata umd;
  umd.name = "f";
  umd.varnames = c.varnames;
  umd.cellvars = c.cellvars;
  umd.freevars = c.freevars;
  umd.fasthidden.insert(c.fasthidden.begin(), c.fasthidden.end());
  umd.argcount = c.argcount;
  umd.posonlyargcount = c.posonly;
  umd.kwonlyargcount = c.kwonly;
  umd.firstlineno = c.firstlineno;
  // optimize_and_assemble_code_unit (Python/compile.c).
  CfgBuilderPtr g = cfg_from_instruction_sequence(&seq);
  if (!g || cfg_optimize_code_unit(g.get(), &pool, int(c.varnames.size()), c.nparams,
                                   c.firstlineno) < 0) {
    r.error = compile_error().message;
    return r;
  }
  int stackdepth = 0, nlocalsplus = 0;
  InstructionSequence optimized;
  if (cfg_optimized_to_instruction_sequence(g.get(), umd, c.flags, &stackdepth, &nlocalsplus,
                                            &optimized) < 0 ||
      assemble_code_unit(umd, stackdepth, &optimized, nlocalsplus, c.flags, &r.code) < 0) {
    r.error = compile_error().message;
    return r;
  }
  for (int k = 0; k < pool.count(); k++) r.consts.push_back(testing::encode(pool.list[k]));
  return r;
}

// The differences of one case, empty when it matches the reference.
std::string compare(const Case& c) {
  Result r = run_backend(c);
  if (!r.error.empty()) return "error: " + r.error;
  std::string out;
  std::string code = testing::hex_of(r.code.code);
  if (code != c.code) {
    out += "co_code differs\nours:\n" + disassemble(code) + "reference:\n" + disassemble(c.code);
  }
  if (testing::hex_of(r.code.linetable) != c.linetable) out += "co_linetable differs\n";
  if (testing::hex_of(r.code.exceptiontable) != c.exceptiontable) {
    out += "co_exceptiontable differs\n";
  }
  if (r.code.stacksize != c.stacksize) out += "co_stacksize differs\n";
  if (r.consts != c.expect_consts) out += "co_consts differ\n";
  if (r.code.localsplusnames != c.localsplusnames) out += "localsplus names differ\n";
  if (testing::hex_of(r.code.localspluskinds) != c.localspluskinds) {
    out += "localsplus kinds differ\n";
  }
  return out;
}

// One test over every unit (a ctest entry per unit would cost the whole suite minutes).
TEST(CompilePipeline, EveryUnitMatchesReference) {
  int failures = 0;
  for (const Case& c : all_cases()) {
    std::string diff = compare(c);
    if (!diff.empty()) {
      failures++;
      ADD_FAILURE() << c.name << ":\n" << c.source << "\n" << diff;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << all_cases().size() << " units";
}

TEST(CompilePipelineData, HasCases) { EXPECT_GE(all_cases().size(), 40u); }

}  // namespace
}  // namespace cppy::compile
