// The constants of the compiler (co_consts) while a module is compiled.
//
// CPython keeps them as objects in a per-unit dict keyed by _PyCode_ConstantKey, merged through
// the compiler's const cache (Python/compile.c). Here a constant is a Konst: the scalar object
// the parser made (int, float, complex, str, bytes, bool, None, Ellipsis), or a tuple,
// frozenset or slice of Konsts, or a compiled code unit. Its `key` plays _PyCode_ConstantKey's
// part: two constants are merged exactly when their keys are equal (1, 1.0, True and -0.0 stay
// apart). UnitConsts is one unit's co_consts and the ConstPool the CFG passes fold into.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "compile/constants.h"
#include "objects/object.h"

namespace cppy::compile {

struct CodeData;

enum class KonstKind { None, Ellipsis, Bool, Int, Float, Complex, Str, Bytes, Tuple, FrozenSet,
                       Slice, Code };

struct Konst {
  KonstKind kind;
  objects::Object* obj = nullptr;    // scalars: an owned reference
  std::vector<const Konst*> items;  // tuple, frozenset, slice (start, stop, step)
  std::shared_ptr<CodeData> code;   // Code
  std::string key;
  ~Konst();
};

// Owns every Konst of one compilation (they outlive the units that refer to them).
class KonstFactory {
 public:
  // A constant of the AST (Constant.value); nullptr with an error when the repr fails.
  const Konst* from_object(objects::Object* o);  // borrows o (takes its own reference)
  const Konst* from_new_object(objects::Object* o);  // steals o
  const Konst* none();
  const Konst* boolean(bool v);
  const Konst* integer(long v);
  const Konst* str(const std::string& utf8);
  const Konst* tuple(std::vector<const Konst*> items);
  const Konst* frozenset(std::vector<const Konst*> items);
  const Konst* slice(const Konst* start, const Konst* stop, const Konst* step);
  const Konst* code(std::shared_ptr<CodeData> code);

 private:
  const Konst* intern(std::unique_ptr<Konst> k);
  std::vector<std::unique_ptr<Konst>> all_;
  std::unordered_map<std::string, const Konst*> cache_;  // c_const_cache
};

// repr() of a constant as the canonical text writes it, and its type's name.
std::string konst_repr(const Konst* k);
const char* konst_type_name(const Konst* k);

// u_consts of a unit, then the consts list of the CFG passes.
class UnitConsts : public ConstPool {
 public:
  explicit UnitConsts(KonstFactory* f) : f_(f) {}
  // _PyCompile_AddConst.
  int add_konst(const Konst* k);
  const Konst* konst(int i) const { return list_[i]; }
  const std::vector<const Konst*>& list() const { return list_; }

  int count() const override { return int(list_.size()); }
  Const at(int index) const override { return list_[index]; }
  int add(Const c) override { return add_konst(static_cast<const Konst*>(c)); }
  void keep_only(const std::vector<int>& indices) override;
  Const make_int(long value) override;
  Const make_bool(bool value) override;
  Const make_tuple(const std::vector<Const>& items) override;
  Const make_frozenset(Const tuple) override;
  bool is_int(Const c) const override;
  bool is_exact_int(Const c) const override;
  bool is_tuple(Const c) const override;
  bool is_str(Const c) const override;
  bool is_bytes(Const c) const override;
  bool is_none(Const c) const override;
  int int_sign(Const c) const override;
  int64_t int_num_bits(Const c) const override;
  bool int_value(Const c, int64_t* value) const override;
  int64_t tuple_size(Const c) const override;
  Const tuple_item(Const c, int64_t i) const override;
  int64_t str_length(Const c) const override;
  int64_t bytes_size(Const c) const override;
  int is_true(Const c) override;
  FoldResult binary_op(Const left, int nb_op, Const right) override;
  FoldResult unary_op(Const operand, UnaryOp op) override;

 private:
  KonstFactory* f_;
  std::vector<const Konst*> list_;
  std::unordered_map<std::string, int> index_;
};

}  // namespace cppy::compile
