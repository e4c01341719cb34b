// The constants of a code unit as the CFG passes see them: co_consts while it is still a list,
// the const cache that makes equal constants one object, and the few object operations that
// constant folding needs (Python/flowgraph.c calls PyNumber_*, PyTuple_New, PyFrozenSet_New
// and _PyCompile_ConstCacheMergeOne for these).
//
// The passes never touch objects directly, so they can be tested before the object layer
// exists; the implementation over src/objects plugs in behind this interface.
#pragma once

#include <cstdint>
#include <vector>

namespace cppy::compile {

// An opaque constant, valid as long as the ConstPool that handed it out.
using Const = const void*;

// What folding an operation gave: a constant, nothing (the operation raised an ordinary
// exception, already cleared: the code is left alone), or an error that must propagate
// (KeyboardInterrupt, MemoryError: `error` is true and the exception is set).
struct FoldResult {
  Const value;
  bool error;
};

// The unary operations folded in the CFG (eval_const_unaryop); Not is PyObject_IsTrue
// negated, as a bool.
enum class UnaryOp { Negative, Invert, Not, Positive };

class ConstPool {
 public:
  virtual ~ConstPool() = default;

  // co_consts as a list.
  virtual int count() const = 0;
  virtual Const at(int index) const = 0;
  // add_const: merges c through the const cache, then returns the index of that object in
  // the list, appending it when absent; -1 with an exception set on failure.
  virtual int add(Const c) = 0;
  // remove_unused_consts: keeps the constants at these (increasing) indices, in order.
  virtual void keep_only(const std::vector<int>& indices) = 0;

  // Making constants; nullptr with an exception set on failure.
  virtual Const make_int(long value) = 0;  // PyLong_FromLong (LOAD_SMALL_INT operands)
  virtual Const make_bool(bool value) = 0;
  virtual Const make_tuple(const std::vector<Const>& items) = 0;
  virtual Const make_frozenset(Const tuple) = 0;

  // Type tests: PyLong_Check (true for bool), PyLong_CheckExact, PyTuple_Check,
  // PyUnicode_Check, PyBytes_Check, Py_IsNone.
  virtual bool is_int(Const c) const = 0;
  virtual bool is_exact_int(Const c) const = 0;
  virtual bool is_tuple(Const c) const = 0;
  virtual bool is_str(Const c) const = 0;
  virtual bool is_bytes(Const c) const = 0;
  virtual bool is_none(Const c) const = 0;

  // Integers (is_int): the sign (-1, 0, 1), _PyLong_NumBits of the magnitude, and the value
  // when it fits in an int64_t (false otherwise).
  virtual int int_sign(Const c) const = 0;
  virtual int64_t int_num_bits(Const c) const = 0;
  virtual bool int_value(Const c, int64_t* value) const = 0;
  // Sizes: tuple length, str length in code points, bytes length.
  virtual int64_t tuple_size(Const c) const = 0;
  virtual Const tuple_item(Const c, int64_t i) const = 0;
  virtual int64_t str_length(Const c) const = 0;
  virtual int64_t bytes_size(Const c) const = 0;

  // PyObject_IsTrue: 1, 0, or -1 with an exception set (a constant condition that cannot
  // be tested is a compile error, unlike a failed fold).
  virtual int is_true(Const c) = 0;
  // The object operations of folding, unguarded (flowgraph.cpp applies 3.14's size limits
  // before calling): PyNumber_Add ... for the BINARY_OP oparg `nb_op` (NB_SUBSCR is
  // PyObject_GetItem), and the unary operations.
  virtual FoldResult binary_op(Const left, int nb_op, Const right) = 0;
  virtual FoldResult unary_op(Const operand, UnaryOp op) = 0;
};

}  // namespace cppy::compile
