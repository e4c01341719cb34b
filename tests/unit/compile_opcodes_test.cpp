// The generated opcode tables (src/compile/opcode_metadata.*) against the reference's own:
// tests/data/opcodes/reference.txt, written by make_reference.py under CPython 3.14.2.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "compile/opcode_utils.h"

namespace cppy::compile {
namespace {

struct Reference {
  std::map<std::string, int> constants;
  std::map<std::string, int> opmap, specialized, caches;
  std::vector<std::vector<std::string>> families;
  std::map<std::string, std::set<int>> preds;
  std::vector<int> opargs;
  // (opcode, mode) -> effects: without oparg, then for each of opargs; kInvalidStackEffect for 'x'.
  std::map<std::pair<int, std::string>, std::vector<int>> effects;
};

const Reference& reference() {
  static Reference ref = [] {
    Reference r;
    std::ifstream in(CPPY_TEST_DATA_DIR "/opcodes/reference.txt");
    EXPECT_TRUE(in.good()) << "cannot read reference.txt";
    std::string line;
    while (std::getline(in, line)) {
      std::istringstream ss(line);
      std::string kind;
      ss >> kind;
      if (kind.empty() || kind[0] == '#') continue;
      std::string name;
      int n;
      if (kind == "const") {
        ss >> name >> n;
        r.constants[name] = n;
      } else if (kind == "opmap") {
        ss >> name >> n;
        r.opmap[name] = n;
      } else if (kind == "specialized") {
        ss >> name >> n;
        r.specialized[name] = n;
      } else if (kind == "caches") {
        ss >> name >> n;
        r.caches[name] = n;
      } else if (kind == "family") {
        std::vector<std::string> f;
        while (ss >> name) f.push_back(name);
        r.families.push_back(f);
      } else if (kind == "pred") {
        ss >> name;
        auto& s = r.preds[name];
        while (ss >> n) s.insert(n);
      } else if (kind == "opargs") {
        while (ss >> n) r.opargs.push_back(n);
      } else if (kind == "effect") {
        std::string mode, v;
        ss >> n >> mode;
        auto& row = r.effects[{n, mode}];
        while (ss >> v) row.push_back(v == "x" ? kInvalidStackEffect : std::stoi(v));
      }
    }
    return r;
  }();
  return ref;
}

TEST(CompileOpcodes, Constants) {
  const Reference& r = reference();
  EXPECT_EQ(r.constants.at("HAVE_ARGUMENT"), HAVE_ARGUMENT);
  EXPECT_EQ(r.constants.at("MIN_INSTRUMENTED_OPCODE"), MIN_INSTRUMENTED_OPCODE);
}

TEST(CompileOpcodes, OpmapAndNames) {
  const Reference& r = reference();
  ASSERT_GT(r.opmap.size(), 100u);
  std::set<int> named;
  for (const auto* m : {&r.opmap, &r.specialized}) {
    for (const auto& [name, op] : *m) {
      EXPECT_EQ(opcode_by_name(name.c_str()), op) << name;
      ASSERT_TRUE(is_valid_opcode(op)) << name;
      EXPECT_STREQ(opcode_names[op], name.c_str());
      named.insert(op);
    }
  }
  // No number is named here that the reference leaves unnamed.
  for (int op = 0; op <= MAX_OPCODE; op++) {
    EXPECT_EQ(is_valid_opcode(op), named.count(op) == 1) << op;
  }
  EXPECT_EQ(LOAD_FAST_BORROW, r.opmap.at("LOAD_FAST_BORROW"));
  EXPECT_EQ(JUMP, r.opmap.at("JUMP"));
}

TEST(CompileOpcodes, SpecializationFamilies) {
  const Reference& r = reference();
  int families = 0;
  for (const auto& f : r.families) {
    int head = opcode_by_name(f[0].c_str());
    int count;
    const uint8_t* members = specializations(head, &count);
    ASSERT_EQ(size_t(count), f.size() - 1) << f[0];
    for (int k = 0; k < count; k++) {
      EXPECT_STREQ(opcode_names[members[k]], f[k + 1].c_str());
      EXPECT_EQ(opcode_deopt[members[k]], head) << f[k + 1];
    }
    families++;
  }
  // Every other real instruction is its own generic form.
  int own = 0;
  for (const auto& [name, op] : r.opmap) {
    if (op <= MAX_REAL_OPCODE) {
      EXPECT_EQ(opcode_deopt[op], op) << name;
      own++;
    }
  }
  EXPECT_GT(families, 10);
  EXPECT_GT(own, 100);
}

TEST(CompileOpcodes, InlineCaches) {
  const Reference& r = reference();
  for (const auto& [name, op] : r.opmap) {
    if (op > MAX_REAL_OPCODE) continue;
    auto it = r.caches.find(name);
    EXPECT_EQ(opcode_caches[op], it == r.caches.end() ? 0 : it->second) << name;
  }
}

TEST(CompileOpcodes, Predicates) {
  const Reference& r = reference();
  // _opcode.has_*: valid opcodes only, as Modules/_opcode.c checks.
  auto check = [&](const char* pred, bool (*fn)(int)) {
    const std::set<int>& expected = r.preds.at(pred);
    for (int op = 0; op < 300; op++) {
      bool got = is_valid_opcode(op) && fn(op);
      EXPECT_EQ(got, expected.count(op) == 1) << pred << " " << op;
    }
  };
  check("has_arg", opcode_has_arg);
  check("has_const", opcode_has_const);
  check("has_name", opcode_has_name);
  check("has_jump", opcode_has_jump);
  check("has_free", opcode_has_free);
  check("has_local", opcode_has_local);
  check("has_exc", is_block_push_opcode);
  check("is_valid", [](int) { return true; });
}

TEST(CompileOpcodes, StackEffects) {
  const Reference& r = reference();
  ASSERT_GT(r.effects.size(), 400u);
  int checked = 0;
  for (const auto& [key, row] : r.effects) {
    auto [op, mode] = key;
    int jump = mode == "any" ? -1 : mode == "jump" ? 1 : 0;
    ASSERT_EQ(row.size(), r.opargs.size() + 1);
    // Without an oparg, _opcode.stack_effect uses 0.
    EXPECT_EQ(stack_effect(op, 0, jump), row[0]) << opcode_names[op] << " " << mode;
    for (size_t k = 0; k < r.opargs.size(); k++) {
      EXPECT_EQ(stack_effect(op, r.opargs[k], jump), row[k + 1])
          << opcode_names[op] << " oparg " << r.opargs[k] << " " << mode;
      checked++;
    }
  }
  EXPECT_GT(checked, 10000);
}

TEST(CompileOpcodes, PseudoTargets) {
  EXPECT_EQ(pseudo_targets(JUMP).count, 2);
  EXPECT_EQ(pseudo_targets(JUMP).targets[0], JUMP_FORWARD);
  EXPECT_EQ(pseudo_targets(JUMP).targets[1], JUMP_BACKWARD);
  EXPECT_EQ(pseudo_targets(LOAD_CLOSURE).targets[0], LOAD_FAST);
  EXPECT_EQ(pseudo_targets(STORE_FAST_MAYBE_NULL).targets[0], STORE_FAST);
  EXPECT_EQ(pseudo_targets(NOP).count, 0);
}

}  // namespace
}  // namespace cppy::compile
