// Shared by python_ast.cpp (hand-written) and python_ast_gen.cpp (generated): the state of
// the _ast classes (struct ast_state of Include/internal/pycore_ast_state.h), the class
// table, and the helpers the generated ast2obj_X / obj2ast_X call (Python/Python-ast.c's
// ast2obj_list, ast2obj_object, obj2ast_object, obj2ast_identifier, ... and the per-field
// code asdl_c.py writes inline). Only these two files include it.
#pragma once

#include <cstdio>

#include "ast/ast_gen.h"
#include "ast/core_api.h"
#include "ast/python_ast_gen.h"
#include "objects/listobject.h"

namespace cppy::ast::pyast {

using namespace objects;

// How a field is typed in _field_types.
enum FieldKind : int { kFieldNode, kFieldStr, kFieldObject, kFieldInt };

struct FieldSpec {
  const char* name;
  int id;          // IdIndex
  int kind;        // FieldKind
  int type_class;  // ClassIndex of a node type, -1 for builtin types
  bool seq;
  bool opt;
};

struct ClassSpec {
  const char* name;
  int base;  // ClassIndex, -1 for AST
  const FieldSpec* fields;
  int nfields;
  const FieldSpec* attributes;
  int nattributes;
  bool sets_attributes;  // the sum and product types set _attributes; constructors inherit it
  bool annotated;        // constructors and products get _field_types
  bool singleton;        // constructors of field-less sums (Load, Add...) have one instance
  const char* doc;
};

extern const ClassSpec kClassSpecs[kNumClasses];
extern const char* const kIdNames[kNumIds];

// struct ast_state: the classes, the singletons and the interned names.
struct State {
  Object* AST_type = nullptr;
  Object* types[kNumClasses] = {};
  Object* singletons[kNumClasses] = {};
  Object* ids[kNumIds] = {};
};

// get_ast_state: the state, made on first use (init_types); null with the error set.
State* get_state();

// Entry points of the generated code.
Object* ast2obj_mod_entry(State* st, mod_ty m);
Object* ast2obj_expr_entry(State* st, expr_ty e);
int obj2ast_mod_entry(State* st, Object* obj, mod_ty* out, Arena* arena);

// Py_EnterRecursiveCall / Py_LeaveRecursiveCall as a scope.
struct RecursionGuard {
  bool ok;
  explicit RecursionGuard(const char* where) : ok(enter_recursive_call(where) == 0) {}
  ~RecursionGuard() {
    if (ok) leave_recursive_call();
  }
  RecursionGuard(const RecursionGuard&) = delete;
  RecursionGuard& operator=(const RecursionGuard&) = delete;
};

// ---- ast2obj helpers ----

// PyType_GenericNew of the class (the node before its fields are set).
Object* new_node(State* st, int cls);
// PyObject_SetAttr(node, name, value), value stolen; false if value is null or on error.
bool put(State* st, Object* node, int id, Object* value);

// ast2obj_object: identifiers, strings and constants (null -> None).
inline Object* ast2obj_object(State*, Object* o) { return new_ref(o ? o : py_none()); }
// ast2obj_int.
inline Object* ast2obj_int(State*, long v) { return long_from_long(v); }

// ast2obj_list: a list of the converted items.
template <class S, class T>
Object* ast2obj_list(State* st, S* seq, Object* (*func)(State*, T)) {
  ssize n = asdl_seq_LEN(seq);
  Object* result = list_new(n);
  if (!result) return nullptr;
  for (ssize i = 0; i < n; i++) {
    Object* v = func(st, static_cast<T>(seq->typed_elements[i]));
    if (!v) {
      decref(result);
      return nullptr;
    }
    list_set_item_steal(result, i, v);
  }
  return result;
}

// ---- obj2ast helpers ----

int obj2ast_object(State* st, Object* obj, Object** out, Arena* arena);
int obj2ast_constant(State* st, Object* obj, Object** out, Arena* arena);
int obj2ast_identifier(State* st, Object* obj, Object** out, Arena* arena);
int obj2ast_string(State* st, Object* obj, Object** out, Arena* arena);
int obj2ast_int(State* st, Object* obj, int* out, Arena* arena);
// The simple sums: *out is 1 + the index of the class among the count classes from first.
int obj2ast_simple(State* st, Object* obj, int first, int count, const char* name, int* out);

// " while traversing 'OWNER' node" for Py_EnterRecursiveCall.
struct TraversingWhere {
  char text[80];
  explicit TraversingWhere(const char* owner) {
    std::snprintf(text, sizeof text, " while traversing '%s' node", owner);
  }
};

// Looks the field up: 1 with a new reference in *tmp, 0 when missing, -1 on error.
int lookup_field(State* st, Object* obj, int id, Object** tmp);
// TypeError: required field "NAME" missing from OWNER.
void required_field_error(State* st, int id, const char* owner);

template <class T>
using Conv = int (*)(State*, Object*, T*, Arena*);

enum Need { kRequired, kOptional };

// One scalar field (the code asdl_c.py's visitField writes): a required field must exist; an
// optional one missing or None keeps *out (its default). 0 or -1.
template <class T>
int scalar_field(State* st, Object* obj, int id, const char* owner, Need need, T* out,
                 Conv<T> conv, Arena* arena) {
  Object* tmp = nullptr;
  int found = lookup_field(st, obj, id, &tmp);
  if (found < 0) return -1;
  if (!found) {
    if (need == kOptional) return 0;
    required_field_error(st, id, owner);
    return -1;
  }
  Ref<> hold = Ref<>::steal(tmp);
  if (need == kOptional && tmp == py_none()) return 0;
  TraversingWhere where(owner);
  RecursionGuard guard(where.text);
  if (!guard.ok) return -1;
  return conv(st, tmp, out, arena) != 0 ? -1 : 0;
}

// Sets TypeError: OWNER field "NAME" must be a list, not a TYPE.
void not_a_list_error(State* st, int id, const char* owner, Object* value);
// Sets RuntimeError: OWNER field "NAME" changed size during iteration.
void changed_size_error(State* st, int id, const char* owner);

// A sequence field: missing means empty (3.13); otherwise a list converted item by item.
template <class S, class T>
int seq_field(State* st, Object* obj, int id, const char* owner, S** out,
              S* (*make)(ssize, Arena*), Conv<T> conv, Arena* arena) {
  Object* tmp = nullptr;
  int found = lookup_field(st, obj, id, &tmp);
  if (found < 0) return -1;
  if (!found) {
    *out = make(0, arena);
    return *out ? 0 : -1;
  }
  Ref<> hold = Ref<>::steal(tmp);
  if (!list_check(tmp)) {
    not_a_list_error(st, id, owner, tmp);
    return -1;
  }
  ssize len = list_size(tmp);
  S* seq = make(len, arena);
  if (!seq) return -1;
  TraversingWhere where(owner);
  for (ssize i = 0; i < len; i++) {
    Ref<> item = Ref<>::borrow(list_item(tmp, i));
    T val{};
    {
      RecursionGuard guard(where.text);
      if (!guard.ok) return -1;
      if (conv(st, item.get(), &val, arena) != 0) return -1;
    }
    if (len != list_size(tmp)) {
      changed_size_error(st, id, owner);
      return -1;
    }
    seq->typed_elements[i] = val;
  }
  *out = seq;
  return 0;
}

}  // namespace cppy::ast::pyast
