// PEP 695 and the C parts of typing: Objects/typevarobject.c. TypeVar, ParamSpec (with its
// args/kwargs), TypeVarTuple, TypeAliasType, Generic, NoDefault and the constant evaluators,
// plus the constructors the compiler's intrinsics call (Python/intrinsics.c).
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject typevar_type;          // typing.TypeVar
extern TypeObject paramspec_type;        // typing.ParamSpec
extern TypeObject paramspecargs_type;    // typing.ParamSpecArgs
extern TypeObject paramspeckwargs_type;  // typing.ParamSpecKwargs
extern TypeObject typevartuple_type;     // typing.TypeVarTuple
extern TypeObject typealias_type;        // _PyTypeAlias_Type: typing.TypeAliasType
extern TypeObject generic_type;          // typing.Generic
extern TypeObject nodefault_type;        // _PyNoDefault_Type
extern TypeObject constevaluator_type;   // _typing._ConstEvaluator
extern Object NoDefaultStruct;           // _Py_NoDefaultStruct: typing.NoDefault

inline Object* no_default() { return &NoDefaultStruct; }
inline bool typealias_check(Object* o) { return o->type == &typealias_type; }

// The intrinsics of PEP 695 (new references, null with an error).
// _Py_make_typevar: a TypeVar with inferred variance and lazily evaluated bound or
// constraints (either may be null).
Object* make_typevar(Object* name, Object* evaluate_bound, Object* evaluate_constraints);
Object* make_paramspec(Object* name);     // _Py_make_paramspec
Object* make_typevartuple(Object* name);  // _Py_make_typevartuple
// _Py_make_typealias: args is (name, type_params or None, compute_value function).
Object* make_typealias(Object* args);
// _Py_subscript_generic: typing._GenericAlias(Generic, params), the base of `class C[T]`.
Object* subscript_generic(Object* params);
// _Py_set_typeparam_default: the lazily evaluated default of a type parameter.
Object* set_typeparam_default(Object* typeparam, Object* evaluate_default);

// Readies the types (runtime::initialize_objects).
int init_typevar_types();

}  // namespace cppy::objects
