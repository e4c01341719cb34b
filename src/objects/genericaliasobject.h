// types.GenericAlias (Objects/genericaliasobject.c) and types.UnionType / typing.Union
// (Objects/unionobject.c), with _Py_typing_type_repr of Objects/typevarobject.c that both
// use for their reprs.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject generic_alias_type;       // Py_GenericAliasType
extern TypeObject generic_alias_iter_type;  // generic_alias_iterator
extern TypeObject union_type;               // _PyUnion_Type ("typing.Union")

inline bool generic_alias_check(Object* o) { return type_check(o, &generic_alias_type); }
inline bool union_check(Object* o) { return o->type == &union_type; }

// Py_GenericAlias(origin, args): args is a tuple or a single argument.
Object* generic_alias_new(Object* origin, Object* args);
// The classmethod body of __class_getitem__ for builtin generic classes (list[int]...):
// METH_O | METH_CLASS functions take (cls, item).
Object* generic_alias_class_getitem(Object* cls, Object* item);
// _Py_union_type_or: a | b for types, aliases and unions (NotImplemented when it does not
// apply); the nb_or of type and GenericAlias.
Object* union_type_or(Object* a, Object* b);
// _Py_union_from_tuple: Union[*args] (args a tuple, or one argument), with typing's checks
// for what is not a type.
Object* union_from_tuple(Object* args);
// _Py_typing_type_repr: "int", "mod.Cls", "...", "None", or repr(p).
Object* typing_type_repr(Object* p);
// _Py_make_parameters: the type variables among args (objects with __typing_subst__, and
// the __parameters__ of nested aliases), without duplicates.
Object* make_parameters(Object* args);

// _Py_subs_parameters: the arguments of self[item] where args (a tuple or list) use the
// type parameters `parameters`.
Object* subs_parameters(Object* self, Object* args, Object* parameters, Object* item);

// _Py_union_args: the arguments of a union (a borrowed tuple).
Object* union_args(Object* self);

// Readies the types and gives the builtin generic classes (list, dict, tuple, set,
// frozenset, enumerate, memoryview, classmethod, staticmethod, mappingproxy, generator...)
// their __class_getitem__ (runtime::initialize_objects).
int init_generic_alias_types();

}  // namespace cppy::objects
