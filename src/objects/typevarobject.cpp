// TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic and NoDefault: the 3.14 version of
// Objects/typevarobject.c. CPython makes most of these heap types from specs; here they are
// static types with the same names, slots and attributes. Whatever needs the pure-Python side
// (bound checks, substitution, Generic's subscription) calls into the typing module, as
// CPython does.
#include "objects/typevarobject.h"

#include <cstddef>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/codeobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/funcobject.h"
#include "objects/genericaliasobject.h"
#include "objects/clinic_args.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "vm/ceval.h"
#include "vm/frame.h"

namespace cppy::objects {

extern TypeObject none_type;

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

// annotationlib.Format.STRING (_Py_ANNOTATE_FORMAT_STRING).
constexpr long kAnnotateFormatString = 4;

struct TypeVarObject : Object {
  Object* name;
  Object* bound;
  Object* evaluate_bound;
  Object* constraints;
  Object* evaluate_constraints;
  Object* default_value;
  Object* evaluate_default;
  Object* dict;
  Object* weakreflist;
  bool covariant;
  bool contravariant;
  bool infer_variance;
};

// ParamSpec and TypeVarTuple share one layout (TypeVarTuple leaves bound and the variance
// unset: 3.14's has neither).
struct ParamLikeObject : Object {
  Object* name;
  Object* bound;
  Object* default_value;
  Object* evaluate_default;
  Object* dict;
  Object* weakreflist;
  bool covariant;
  bool contravariant;
  bool infer_variance;
};

struct ParamSpecAttrObject : Object {
  Object* origin;
  Object* weakreflist;
};

struct TypeAliasObject : Object {
  Object* name;
  Object* type_params;
  Object* compute_value;
  Object* value;
  Object* module;
};

struct ConstEvaluatorObject : Object {
  Object* value;
};

TypeVarObject* tv(Object* o) { return static_cast<TypeVarObject*>(o); }
ParamLikeObject* pl(Object* o) { return static_cast<ParamLikeObject*>(o); }
ParamSpecAttrObject* psa(Object* o) { return static_cast<ParamSpecAttrObject*>(o); }
TypeAliasObject* ta(Object* o) { return static_cast<TypeAliasObject*>(o); }

int visit_all(std::initializer_list<Object*> objs, visitproc visit, void* arg) {
  for (Object* o : objs)
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}

// --- NoDefault ---------------------------------------------------------------------------

Object* nodefault_repr(Object*) { return str_from_cstr("typing.NoDefault"); }
Object* nodefault_reduce(Object*, Object*) { return str_from_cstr("NoDefault"); }

MethodDef nodefault_methods[] = {
    {"__reduce__", fn(nodefault_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* nodefault_new(TypeObject*, Object* args, Object* kwargs) {
  if (tuple_size(args) || (kwargs && dict_size(kwargs))) {
    errors::set_string(exc_TypeError, "NoDefaultType takes no arguments");
    return nullptr;
  }
  return no_default();
}

void nodefault_dealloc(Object* o) { make_immortal(o); }

// --- _ConstEvaluator ---------------------------------------------------------------------

void constevaluator_dealloc(Object* self) {
  gc::untrack(self);
  clear(static_cast<ConstEvaluatorObject*>(self)->value);
  self->type->free(self);
}

int constevaluator_traverse(Object* self, visitproc visit, void* arg) {
  return visit_all({static_cast<ConstEvaluatorObject*>(self)->value}, visit, arg);
}

int constevaluator_clear(Object* self) {
  clear(static_cast<ConstEvaluatorObject*>(self)->value);
  return 0;
}

Object* constevaluator_repr(Object* self) {
  return str_from_format("<constevaluator %R>", static_cast<ConstEvaluatorObject*>(self)->value);
}

bool append_str(std::string& out, Object* s) {
  ssize n;
  const char* p = str_as_utf8(s, &n);
  if (!p) return false;
  out.append(p, static_cast<size_t>(n));
  return true;
}

bool append_type_repr(std::string& out, Object* p) {
  Ref<> r = Ref<>::steal(typing_type_repr(p));
  return r && append_str(out, r.get());
}

// constevaluator_call: the value, or for Format.STRING its source-like text.
Object* constevaluator_call(Object* self, Object* args, Object* kwargs) {
  if (!no_keywords("constevaluator.__call__", kwargs)) return nullptr;
  if (tuple_size(args) != 1) {
    errors::format(exc_TypeError, "constevaluator.__call__() takes exactly one argument (%zd given)",
                   tuple_size(args));
    return nullptr;
  }
  long format = long_as_long(tuple_item(args, 0));
  if (format == -1 && errors::occurred()) return nullptr;
  Object* value = static_cast<ConstEvaluatorObject*>(self)->value;
  if (format == kAnnotateFormatString) {
    std::string out;
    if (tuple_check(value)) {
      out += '(';
      for (ssize i = 0; i < tuple_size(value); ++i) {
        if (i > 0) out += ", ";
        if (!append_type_repr(out, tuple_item(value, i))) return nullptr;
      }
      out += ')';
    } else if (!append_type_repr(out, value)) {
      return nullptr;
    }
    return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
  }
  return new_ref(value);
}

// constevaluator_alloc.
Object* constevaluator_alloc(Object* value) {
  Object* o = type_generic_alloc(&constevaluator_type, 0);
  if (!o) return nullptr;
  static_cast<ConstEvaluatorObject*>(o)->value = new_ref(value);
  return o;
}

// --- helpers -----------------------------------------------------------------------------

// call_typing_func_object: typing.<name>(*args).
Object* call_typing_func_object(const char* name, Object* const* args, size_t nargs) {
  Ref<> typing = Ref<>::steal(imp::import_module("typing"));
  if (!typing) return nullptr;
  Ref<> func = Ref<>::steal(object_getattr_string(typing.get(), name));
  if (!func) return nullptr;
  return vectorcall(func.get(), args, nargs, nullptr);
}

// type_check: typing._type_check(arg, msg), None standing for NoneType without typing.
Object* type_check(Object* arg, const char* msg) {
  if (arg == none()) return new_ref(static_cast<Object*>(arg->type));
  Ref<> message = Ref<>::steal(str_from_cstr(msg));
  if (!message) return nullptr;
  Object* args[2] = {arg, message.get()};
  return call_typing_func_object("_type_check", args, 2);
}

// make_union: typing.Union[self, other], the | of TypeVar and ParamSpec (string forward
// references are allowed, through typing's checks).
Object* make_union(Object* self, Object* other) {
  Ref<> args = Ref<>::steal(tuple_pack(2, self, other));
  if (!args) return nullptr;
  return union_from_tuple(args.get());
}

// caller: the module of the function that is running (the __module__ of a manually created
// TypeVar); None when there is none.
Object* caller() {
  vm::Frame* f = vm::current_frame();
  if (!f) return return_none();
  if (f->f_funcobj && function_check(f->f_funcobj)) {
    Object* m = static_cast<FunctionObject*>(f->f_funcobj)->func_module;
    if (m) return new_ref(m);
    return return_none();
  }
  // Frames without a function object (module code run by exec): the globals' __name__.
  if (f->f_globals && dict_check(f->f_globals)) {
    Object* m = dict_get_item_string(f->f_globals, "__name__");
    if (m) return new_ref(m);
  }
  errors::clear();
  return return_none();
}

// unpack: typing.Unpack[self].
Object* unpack(Object* self) {
  Ref<> typing = Ref<>::steal(imp::import_module("typing"));
  if (!typing) return nullptr;
  Ref<> u = Ref<>::steal(object_getattr_string(typing.get(), "Unpack"));
  if (!u) return nullptr;
  return object_get_item(u.get(), self);
}

// unpack_typevartuples: the TypeVarTuples of params unpacked (as Generic wants them).
Object* unpack_typevartuples(Object* params) {
  ssize n = tuple_size(params);
  bool any = false;
  for (ssize i = 0; i < n; ++i)
    if (tuple_item(params, i)->type == &typevartuple_type) any = true;
  if (!any) return new_ref(params);
  Ref<> result = Ref<>::steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    Object* p = tuple_item(params, i);
    Object* item = p->type == &typevartuple_type ? unpack(p) : new_ref(p);
    if (!item) return nullptr;
    tuple_set_item(result.get(), i, item);
  }
  return result.release();
}

// unpack_iter: iter((Unpack[self],)), so that *Ts works.
Object* unpack_iter(Object* self) {
  Ref<> unpacked = Ref<>::steal(unpack(self));
  if (!unpacked) return nullptr;
  Ref<> t = Ref<>::steal(tuple_pack(1, unpacked.get()));
  if (!t) return nullptr;
  return object_get_iter(t.get());
}

// The variance prefix of the reprs: '+', '-', '~', nothing when inferred.
Object* variance_repr(Object* name, bool covariant, bool contravariant, bool infer) {
  if (infer) return new_ref(name);
  char variance = covariant ? '+' : contravariant ? '-' : '~';
  return str_from_format("%c%U", variance, name);
}

// The lazily evaluated attributes: the cached value, else the evaluator's result (cached).
Object* lazy_value(Object** cached, Object* evaluate, Object* absent) {
  if (*cached) return new_ref(*cached);
  if (!evaluate) return absent;
  Object* v = object_call_no_args(evaluate);
  if (v) *cached = new_ref(v);
  return v;
}

// The evaluate_* attributes: the evaluator, or one made for a constant value, or None.
Object* evaluator_of(Object* evaluate, Object* value) {
  if (evaluate) return new_ref(evaluate);
  if (value) return constevaluator_alloc(value);
  return return_none();
}

Object* has_default(Object* evaluate_default, Object* default_value) {
  return bool_from_bool(evaluate_default ||
                        (default_value && default_value != no_default()));
}

// The bool arguments of the constructors (Argument Clinic's bool converter).
int bool_arg(Object* o, bool* out) {
  if (!o) return 0;
  int r = object_is_true(o);
  if (r < 0) return -1;
  *out = r != 0;
  return 0;
}

// The common checks of the three constructors.
int check_variance(bool covariant, bool contravariant, bool infer_variance) {
  if (covariant && contravariant) {
    errors::set_string(exc_ValueError, "Bivariant types are not supported.");
    return -1;
  }
  if (infer_variance && (covariant || contravariant)) {
    errors::set_string(exc_ValueError, "Variance cannot be specified with infer_variance.");
    return -1;
  }
  return 0;
}

bool name_arg(const char* fname, Object* name) {
  if (str_check(name)) return true;
  bad_argument(fname, "'name'", "str", name);
  return false;
}

// The bound argument: None means none; anything else goes through typing._type_check.
int bound_arg(Object* bound, Ref<>* out) {
  if (!bound || bound == none()) return 0;
  *out = Ref<>::steal(type_check(bound, "Bound must be a type."));
  return *out ? 0 : -1;
}

Object* set_module(Object* obj, Object* module) {
  if (module && object_setattr_string(obj, "__module__", module) < 0) {
    decref(obj);
    return nullptr;
  }
  return obj;
}

// --- TypeVar -----------------------------------------------------------------------------

void typevar_dealloc(Object* self) {
  gc::untrack(self);
  TypeVarObject* t = tv(self);
  if (t->weakreflist) object_clear_weakrefs(self);
  for (Object** p : {&t->name, &t->bound, &t->evaluate_bound, &t->constraints,
                     &t->evaluate_constraints, &t->default_value, &t->evaluate_default, &t->dict})
    clear(*p);
  self->type->free(self);
}

int typevar_traverse(Object* self, visitproc visit, void* arg) {
  TypeVarObject* t = tv(self);
  return visit_all({t->name, t->bound, t->evaluate_bound, t->constraints, t->evaluate_constraints,
                    t->default_value, t->evaluate_default, t->dict},
                   visit, arg);
}

int typevar_clear(Object* self) {
  TypeVarObject* t = tv(self);
  for (Object** p : {&t->name, &t->bound, &t->evaluate_bound, &t->constraints,
                     &t->evaluate_constraints, &t->default_value, &t->evaluate_default, &t->dict})
    clear(*p);
  return 0;
}

Object* typevar_repr(Object* self) {
  TypeVarObject* t = tv(self);
  return variance_repr(t->name, t->covariant, t->contravariant, t->infer_variance);
}

Object* typevar_bound(Object* self, void*) {
  return lazy_value(&tv(self)->bound, tv(self)->evaluate_bound, return_none());
}
Object* typevar_default(Object* self, void*) {
  return lazy_value(&tv(self)->default_value, tv(self)->evaluate_default, no_default());
}
Object* typevar_constraints(Object* self, void*) {
  TypeVarObject* t = tv(self);
  if (t->constraints) return new_ref(t->constraints);
  if (!t->evaluate_constraints) return tuple_new(0);
  return lazy_value(&t->constraints, t->evaluate_constraints, nullptr);
}
Object* typevar_evaluate_bound(Object* self, void*) {
  return evaluator_of(tv(self)->evaluate_bound, tv(self)->bound);
}
Object* typevar_evaluate_constraints(Object* self, void*) {
  return evaluator_of(tv(self)->evaluate_constraints, tv(self)->constraints);
}
Object* typevar_evaluate_default(Object* self, void*) {
  return evaluator_of(tv(self)->evaluate_default, tv(self)->default_value);
}

GetSetDef typevar_getset[] = {
    {"__bound__", typevar_bound, nullptr, nullptr, nullptr},
    {"__constraints__", typevar_constraints, nullptr, nullptr, nullptr},
    {"__default__", typevar_default, nullptr, nullptr, nullptr},
    {"evaluate_bound", typevar_evaluate_bound, nullptr, nullptr, nullptr},
    {"evaluate_constraints", typevar_evaluate_constraints, nullptr, nullptr, nullptr},
    {"evaluate_default", typevar_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

MemberDef typevar_members[] = {
    {"__name__", kMemberObject, offsetof(TypeVarObject, name), kMemberReadonly, nullptr},
    {"__covariant__", kMemberBool, offsetof(TypeVarObject, covariant), kMemberReadonly, nullptr},
    {"__contravariant__", kMemberBool, offsetof(TypeVarObject, contravariant), kMemberReadonly,
     nullptr},
    {"__infer_variance__", kMemberBool, offsetof(TypeVarObject, infer_variance),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

// typevar_alloc.
Object* typevar_alloc(Object* name, Object* bound, Object* evaluate_bound, Object* constraints,
                      Object* evaluate_constraints, Object* default_value, bool covariant,
                      bool contravariant, bool infer_variance, Object* module) {
  Object* o = type_generic_alloc(&typevar_type, 0);
  if (!o) return nullptr;
  TypeVarObject* t = tv(o);
  t->name = new_ref(name);
  t->bound = xnew_ref(bound);
  t->evaluate_bound = xnew_ref(evaluate_bound);
  t->constraints = xnew_ref(constraints);
  t->evaluate_constraints = xnew_ref(evaluate_constraints);
  t->default_value = xnew_ref(default_value);
  t->covariant = covariant;
  t->contravariant = contravariant;
  t->infer_variance = infer_variance;
  return set_module(o, module);
}

// typevar_new_impl: TypeVar(name, *constraints, bound=None, default=NoDefault,
// covariant=False, contravariant=False, infer_variance=False).
Object* typevar_new(TypeObject*, Object* args, Object* kwargs) {
  static const char* const kws[] = {"name",      "bound",         "default",
                                    "covariant", "contravariant", "infer_variance",
                                    nullptr};
  ArgParser parser{"typevar", kws, 1, 1, 0};
  ssize nargs = tuple_size(args);
  Ref<> head = Ref<>::steal(tuple_get_slice(args, 0, nargs > 0 ? 1 : 0));
  Ref<> constraints = Ref<>::steal(tuple_get_slice(args, nargs > 0 ? 1 : 0, nargs));
  if (!head || !constraints) return nullptr;
  Object* a[6] = {};
  if (unpack_keywords_impl(parser, tuple_items(head.get()), tuple_size(head.get()), kwargs,
                           nullptr, a) < 0)
    return nullptr;
  Object* name = a[0];
  if (!name_arg("typevar", name)) return nullptr;
  Object* default_value = a[2] ? a[2] : no_default();
  bool covariant = false, contravariant = false, infer_variance = false;
  if (bool_arg(a[3], &covariant) < 0 || bool_arg(a[4], &contravariant) < 0 ||
      bool_arg(a[5], &infer_variance) < 0)
    return nullptr;
  if (check_variance(covariant, contravariant, infer_variance) < 0) return nullptr;
  Ref<> bound;
  if (bound_arg(a[1], &bound) < 0) return nullptr;
  ssize n_constraints = tuple_size(constraints.get());
  Object* constraints_arg = constraints.get();
  if (n_constraints == 1) {
    errors::set_string(exc_TypeError, "A single constraint is not allowed");
    return nullptr;
  }
  if (n_constraints == 0) {
    constraints_arg = nullptr;
  } else if (bound) {
    errors::set_string(exc_TypeError, "Constraints cannot be combined with bound=...");
    return nullptr;
  }
  Ref<> module = Ref<>::steal(caller());
  if (!module) return nullptr;
  return typevar_alloc(name, bound.get(), nullptr, constraints_arg, nullptr, default_value,
                       covariant, contravariant, infer_variance, module.get());
}

Object* typevar_typing_subst(Object* self, Object* arg) {
  Object* args[2] = {self, arg};
  return call_typing_func_object("_typevar_subst", args, 2);
}

// typevar_typing_prepare_subst_impl: a missing argument takes the default when there is one.
Object* typevar_typing_prepare_subst(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__typing_prepare_subst__", nargs, 2, 2)) return nullptr;
  Object* alias = args[0];
  Object* alias_args = args[1];
  Ref<> params = Ref<>::steal(object_getattr_string(alias, "__parameters__"));
  if (!params) return nullptr;
  ssize i = sequence_index(params.get(), self);
  if (i == -1) return nullptr;
  ssize args_len = sequence_size(alias_args);
  if (args_len == -1) return nullptr;
  if (i < args_len) return new_ref(alias_args);
  if (i == args_len) {
    Ref<> dflt = Ref<>::steal(typevar_default(self, nullptr));
    if (!dflt) return nullptr;
    if (dflt.get() != no_default()) {
      Ref<> extra = Ref<>::steal(tuple_pack(1, dflt.get()));
      if (!extra) return nullptr;
      return sequence_concat(alias_args, extra.get());
    }
  }
  return errors::format(exc_TypeError, "Too few arguments for %S; actual %zd, expected at least %zd",
                        alias, args_len, i + 1);
}

Object* typevar_reduce(Object* self, Object*) { return new_ref(tv(self)->name); }
Object* typevar_has_default(Object* self, Object*) {
  return has_default(tv(self)->evaluate_default, tv(self)->default_value);
}
Object* typevar_mro_entries(Object*, Object*) {
  errors::set_string(exc_TypeError, "Cannot subclass an instance of TypeVar");
  return nullptr;
}

MethodDef typevar_methods[] = {
    {"__typing_subst__", fn(typevar_typing_subst), kMethO, nullptr},
    {"__typing_prepare_subst__", fn(typevar_typing_prepare_subst), kMethFastcall, nullptr},
    {"__reduce__", fn(typevar_reduce), kMethNoArgs, nullptr},
    {"has_default", fn(typevar_has_default), kMethNoArgs, nullptr},
    {"__mro_entries__", fn(typevar_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

NumberMethods typevar_as_number = [] {
  NumberMethods n{};
  n.or_ = make_union;
  return n;
}();

// --- ParamSpecArgs / ParamSpecKwargs -------------------------------------------------------

void paramspecattr_dealloc(Object* self) {
  gc::untrack(self);
  if (psa(self)->weakreflist) object_clear_weakrefs(self);
  clear(psa(self)->origin);
  self->type->free(self);
}

int paramspecattr_traverse(Object* self, visitproc visit, void* arg) {
  return visit_all({psa(self)->origin}, visit, arg);
}

int paramspecattr_clear(Object* self) {
  clear(psa(self)->origin);
  return 0;
}

Object* paramspecattr_richcompare(Object* a, Object* b, int op) {
  if (a->type != b->type || (op != kEQ && op != kNE)) return return_not_implemented();
  return object_rich_compare(psa(a)->origin, psa(b)->origin, op);
}

MemberDef paramspecattr_members[] = {
    {"__origin__", kMemberObject, offsetof(ParamSpecAttrObject, origin), kMemberReadonly,
     nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

Object* paramspecattr_new(TypeObject* type, Object* origin) {
  Object* o = type_generic_alloc(type, 0);
  if (!o) return nullptr;
  psa(o)->origin = new_ref(origin);
  return o;
}

Object* paramspecattr_repr(Object* self, const char* suffix) {
  Object* origin = psa(self)->origin;
  if (origin->type == &paramspec_type) return str_from_format("%U.%s", pl(origin)->name, suffix);
  return str_from_format("%R.%s", origin, suffix);
}
Object* paramspecargs_repr(Object* self) { return paramspecattr_repr(self, "args"); }
Object* paramspeckwargs_repr(Object* self) { return paramspecattr_repr(self, "kwargs"); }

Object* paramspecattr_new_from_args(TypeObject* type, Object* args, Object* kwargs,
                                    const char* fname) {
  static const char* const kws[] = {"origin", nullptr};
  ArgParser parser{fname, kws, 1, 1, 0};
  Object* a[1] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return nullptr;
  return paramspecattr_new(type, a[0]);
}
Object* paramspecargs_new(TypeObject* type, Object* args, Object* kwargs) {
  return paramspecattr_new_from_args(type, args, kwargs, "paramspecargs");
}
Object* paramspeckwargs_new(TypeObject* type, Object* args, Object* kwargs) {
  return paramspecattr_new_from_args(type, args, kwargs, "paramspeckwargs");
}

Object* paramspecargs_mro_entries(Object*, Object*) {
  errors::set_string(exc_TypeError, "Cannot subclass an instance of ParamSpecArgs");
  return nullptr;
}
Object* paramspeckwargs_mro_entries(Object*, Object*) {
  errors::set_string(exc_TypeError, "Cannot subclass an instance of ParamSpecKwargs");
  return nullptr;
}

MethodDef paramspecargs_methods[] = {
    {"__mro_entries__", fn(paramspecargs_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
MethodDef paramspeckwargs_methods[] = {
    {"__mro_entries__", fn(paramspeckwargs_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- ParamSpec and TypeVarTuple (one layout) -------------------------------------------------

void paramlike_dealloc(Object* self) {
  gc::untrack(self);
  ParamLikeObject* p = pl(self);
  if (p->weakreflist) object_clear_weakrefs(self);
  for (Object** f : {&p->name, &p->bound, &p->default_value, &p->evaluate_default, &p->dict})
    clear(*f);
  self->type->free(self);
}

int paramlike_traverse(Object* self, visitproc visit, void* arg) {
  ParamLikeObject* p = pl(self);
  return visit_all({p->name, p->bound, p->default_value, p->evaluate_default, p->dict}, visit,
                   arg);
}

int paramlike_clear(Object* self) {
  ParamLikeObject* p = pl(self);
  for (Object** f : {&p->name, &p->bound, &p->default_value, &p->evaluate_default, &p->dict})
    clear(*f);
  return 0;
}

Object* paramlike_repr(Object* self) {
  ParamLikeObject* p = pl(self);
  return variance_repr(p->name, p->covariant, p->contravariant, p->infer_variance);
}

Object* paramlike_default(Object* self, void*) {
  return lazy_value(&pl(self)->default_value, pl(self)->evaluate_default, no_default());
}
Object* paramlike_evaluate_default(Object* self, void*) {
  return evaluator_of(pl(self)->evaluate_default, pl(self)->default_value);
}
Object* paramlike_reduce(Object* self, Object*) { return new_ref(pl(self)->name); }
Object* paramlike_has_default(Object* self, Object*) {
  return has_default(pl(self)->evaluate_default, pl(self)->default_value);
}

MemberDef paramlike_members[] = {
    {"__name__", kMemberObject, offsetof(ParamLikeObject, name), kMemberReadonly, nullptr},
    {"__bound__", kMemberObject, offsetof(ParamLikeObject, bound), kMemberReadonly, nullptr},
    {"__covariant__", kMemberBool, offsetof(ParamLikeObject, covariant), kMemberReadonly,
     nullptr},
    {"__contravariant__", kMemberBool, offsetof(ParamLikeObject, contravariant),
     kMemberReadonly, nullptr},
    {"__infer_variance__", kMemberBool, offsetof(ParamLikeObject, infer_variance),
     kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

Object* paramlike_alloc(TypeObject* type, Object* name, Object* bound, Object* default_value,
                        bool covariant, bool contravariant, bool infer_variance,
                        Object* module) {
  Object* o = type_generic_alloc(type, 0);
  if (!o) return nullptr;
  ParamLikeObject* p = pl(o);
  p->name = new_ref(name);
  p->bound = xnew_ref(bound);
  p->default_value = xnew_ref(default_value);
  p->covariant = covariant;
  p->contravariant = contravariant;
  p->infer_variance = infer_variance;
  return set_module(o, module);
}

// paramspec_new_impl: ParamSpec(name, *, bound=None, default=NoDefault, covariant=False,
// contravariant=False, infer_variance=False).
Object* paramspec_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kws[] = {"name",          "bound",          "default", "covariant",
                                    "contravariant", "infer_variance", nullptr};
  ArgParser parser{"paramspec", kws, 1, 1, 0};
  Object* a[6] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return nullptr;
  Object* name = a[0];
  if (!name_arg("paramspec", name)) return nullptr;
  Object* default_value = a[2] ? a[2] : no_default();
  bool covariant = false, contravariant = false, infer_variance = false;
  if (bool_arg(a[3], &covariant) < 0 || bool_arg(a[4], &contravariant) < 0 ||
      bool_arg(a[5], &infer_variance) < 0)
    return nullptr;
  if (check_variance(covariant, contravariant, infer_variance) < 0) return nullptr;
  Ref<> bound;
  if (bound_arg(a[1], &bound) < 0) return nullptr;
  Ref<> module = Ref<>::steal(caller());
  if (!module) return nullptr;
  return paramlike_alloc(type, name, bound.get(), default_value, covariant, contravariant,
                         infer_variance, module.get());
}

// typevartuple_impl: TypeVarTuple(name, *, default=NoDefault) (3.14 has no variance here).
Object* typevartuple_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kws[] = {"name", "default", nullptr};
  ArgParser parser{"typevartuple", kws, 1, 1, 0};
  Object* a[2] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return nullptr;
  if (!name_arg("typevartuple", a[0])) return nullptr;
  Ref<> module = Ref<>::steal(caller());
  if (!module) return nullptr;
  return paramlike_alloc(type, a[0], nullptr, a[1] ? a[1] : no_default(), false, false, false,
                         module.get());
}

Object* typevartuple_repr(Object* self) { return new_ref(pl(self)->name); }

MemberDef typevartuple_members[] = {
    {"__name__", kMemberObject, offsetof(ParamLikeObject, name), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

Object* paramspec_args(Object* self, void*) { return paramspecattr_new(&paramspecargs_type, self); }
Object* paramspec_kwargs(Object* self, void*) {
  return paramspecattr_new(&paramspeckwargs_type, self);
}

GetSetDef paramspec_getset[] = {
    {"args", paramspec_args, nullptr, "Represents positional arguments.", nullptr},
    {"kwargs", paramspec_kwargs, nullptr, "Represents keyword arguments.", nullptr},
    {"__default__", paramlike_default, nullptr, "The default value for this ParamSpec.", nullptr},
    {"evaluate_default", paramlike_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* paramspec_typing_subst(Object* self, Object* arg) {
  Object* args[2] = {self, arg};
  return call_typing_func_object("_paramspec_subst", args, 2);
}
Object* paramspec_typing_prepare_subst(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__typing_prepare_subst__", nargs, 2, 2)) return nullptr;
  Object* a[3] = {self, args[0], args[1]};
  return call_typing_func_object("_paramspec_prepare_subst", a, 3);
}
Object* paramspec_mro_entries(Object*, Object*) {
  errors::set_string(exc_TypeError, "Cannot subclass an instance of ParamSpec");
  return nullptr;
}

MethodDef paramspec_methods[] = {
    {"__typing_subst__", fn(paramspec_typing_subst), kMethO, nullptr},
    {"__typing_prepare_subst__", fn(paramspec_typing_prepare_subst), kMethFastcall, nullptr},
    {"has_default", fn(paramlike_has_default), kMethNoArgs, nullptr},
    {"__reduce__", fn(paramlike_reduce), kMethNoArgs, nullptr},
    {"__mro_entries__", fn(paramspec_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

GetSetDef typevartuple_getset[] = {
    {"__default__", paramlike_default, nullptr, "The default value for this TypeVarTuple.",
     nullptr},
    {"evaluate_default", paramlike_evaluate_default, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* typevartuple_typing_subst(Object*, Object*) {
  errors::set_string(exc_TypeError, "Substitution of bare TypeVarTuple is not supported");
  return nullptr;
}
Object* typevartuple_typing_prepare_subst(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("__typing_prepare_subst__", nargs, 2, 2)) return nullptr;
  Object* a[3] = {self, args[0], args[1]};
  return call_typing_func_object("_typevartuple_prepare_subst", a, 3);
}
Object* typevartuple_mro_entries(Object*, Object*) {
  errors::set_string(exc_TypeError, "Cannot subclass an instance of TypeVarTuple");
  return nullptr;
}

MethodDef typevartuple_methods[] = {
    {"__typing_subst__", fn(typevartuple_typing_subst), kMethO, nullptr},
    {"__typing_prepare_subst__", fn(typevartuple_typing_prepare_subst), kMethFastcall, nullptr},
    {"__reduce__", fn(paramlike_reduce), kMethNoArgs, nullptr},
    {"has_default", fn(paramlike_has_default), kMethNoArgs, nullptr},
    {"__mro_entries__", fn(typevartuple_mro_entries), kMethO, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// get_type_param_default: NoDefault (borrowed, immortal) or a new reference.
Object* get_type_param_default(Object* typeparam) {
  if (typeparam->type == &typevar_type) return typevar_default(typeparam, nullptr);
  if (typeparam->type == &paramspec_type || typeparam->type == &typevartuple_type)
    return paramlike_default(typeparam, nullptr);
  return errors::format(exc_TypeError, "Expected a type param, got %R", typeparam);
}

// --- TypeAliasType -------------------------------------------------------------------------

void typealias_dealloc(Object* self) {
  gc::untrack(self);
  TypeAliasObject* a = ta(self);
  for (Object** f : {&a->name, &a->type_params, &a->compute_value, &a->value, &a->module})
    clear(*f);
  self->type->free(self);
}

int typealias_traverse(Object* self, visitproc visit, void* arg) {
  TypeAliasObject* a = ta(self);
  return visit_all({a->name, a->type_params, a->compute_value, a->value, a->module}, visit, arg);
}

int typealias_clear(Object* self) {
  TypeAliasObject* a = ta(self);
  for (Object** f : {&a->name, &a->type_params, &a->compute_value, &a->value, &a->module})
    clear(*f);
  return 0;
}

Object* typealias_repr(Object* self) { return new_ref(ta(self)->name); }

Object* typealias_value(Object* self, void*) {
  return lazy_value(&ta(self)->value, ta(self)->compute_value, nullptr);
}
Object* typealias_evaluate_value(Object* self, void*) {
  if (ta(self)->compute_value) return new_ref(ta(self)->compute_value);
  return constevaluator_alloc(ta(self)->value);
}
Object* typealias_parameters(Object* self, void*) {
  if (!ta(self)->type_params) return tuple_new(0);
  return unpack_typevartuples(ta(self)->type_params);
}
Object* typealias_type_params(Object* self, void*) {
  if (!ta(self)->type_params) return tuple_new(0);
  return new_ref(ta(self)->type_params);
}
Object* typealias_module(Object* self, void*) {
  TypeAliasObject* a = ta(self);
  if (a->module) return new_ref(a->module);
  if (a->compute_value && function_check(a->compute_value)) {
    Object* m = static_cast<FunctionObject*>(a->compute_value)->func_module;
    if (m) return new_ref(m);
  }
  return return_none();
}

GetSetDef typealias_getset[] = {
    {"__parameters__", typealias_parameters, nullptr, nullptr, nullptr},
    {"__type_params__", typealias_type_params, nullptr, nullptr, nullptr},
    {"__value__", typealias_value, nullptr, nullptr, nullptr},
    {"evaluate_value", typealias_evaluate_value, nullptr, nullptr, nullptr},
    {"__module__", typealias_module, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

MemberDef typealias_members[] = {
    {"__name__", kMemberObject, offsetof(TypeAliasObject, name), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr},
};

Object* typealias_reduce(Object* self, Object*) { return new_ref(ta(self)->name); }

MethodDef typealias_methods[] = {
    {"__reduce__", fn(typealias_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* typealias_subscript(Object* self, Object* args) {
  if (!ta(self)->type_params) {
    errors::set_string(exc_TypeError, "Only generic type aliases are subscriptable");
    return nullptr;
  }
  return generic_alias_new(self, args);
}

Object* typealias_alloc(Object* name, Object* type_params, Object* compute_value, Object* value,
                        Object* module) {
  Object* o = type_generic_alloc(&typealias_type, 0);
  if (!o) return nullptr;
  TypeAliasObject* a = ta(o);
  a->name = new_ref(name);
  a->type_params = xnew_ref(type_params);
  a->compute_value = xnew_ref(compute_value);
  a->value = xnew_ref(value);
  a->module = xnew_ref(module);
  return o;
}

// typealias_check_type_params: no parameter without a default after one with a default.
// 0 with *out the parameters (null for none), or -1.
int typealias_check_type_params(Object* type_params, Object** out) {
  *out = nullptr;
  if (!type_params || tuple_size(type_params) == 0) return 0;
  bool default_seen = false;
  for (ssize i = 0; i < tuple_size(type_params); ++i) {
    Object* p = tuple_item(type_params, i);
    Ref<> dflt = Ref<>::steal(get_type_param_default(p));
    if (!dflt) return -1;
    if (dflt.get() == no_default()) {
      if (default_seen) {
        errors::format(exc_TypeError,
                       "non-default type parameter '%R' follows default type parameter", p);
        return -1;
      }
    } else {
      default_seen = true;
    }
  }
  *out = type_params;
  return 0;
}

// typealias_new_impl: TypeAliasType(name, value, *, type_params=()).
Object* typealias_new(TypeObject*, Object* args, Object* kwargs) {
  static const char* const kws[] = {"name", "value", "type_params", nullptr};
  ArgParser parser{"typealias", kws, 2, 2, 0};
  Object* a[3] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return nullptr;
  if (!name_arg("typealias", a[0])) return nullptr;
  Object* type_params = a[2];
  if (type_params && !tuple_check(type_params)) {
    errors::set_string(exc_TypeError, "type_params must be a tuple");
    return nullptr;
  }
  Object* checked = nullptr;
  if (typealias_check_type_params(type_params, &checked) < 0) return nullptr;
  Ref<> module = Ref<>::steal(caller());
  if (!module) return nullptr;
  return typealias_alloc(a[0], checked, nullptr, a[1], module.get());
}

NumberMethods typealias_as_number = [] {
  NumberMethods n{};
  n.or_ = union_type_or;
  return n;
}();

MappingMethods typealias_as_mapping = {nullptr, typealias_subscript, nullptr};

// --- Generic -------------------------------------------------------------------------------

// call_typing_args_kwargs: typing.<name>(cls, *args, **kwargs).
Object* call_typing_args_kwargs(const char* name, Object* cls, Object* args, Object* kwargs) {
  Ref<> typing = Ref<>::steal(imp::import_module("typing"));
  if (!typing) return nullptr;
  Ref<> func = Ref<>::steal(object_getattr_string(typing.get(), name));
  if (!func) return nullptr;
  ssize n = tuple_size(args);
  Ref<> new_args = Ref<>::steal(tuple_new(n + 1));
  if (!new_args) return nullptr;
  tuple_set_item(new_args.get(), 0, new_ref(cls));
  for (ssize i = 0; i < n; ++i) tuple_set_item(new_args.get(), i + 1, new_ref(tuple_item(args, i)));
  return object_call(func.get(), new_args.get(), kwargs);
}

Object* generic_init_subclass(Object* cls, Object* args, Object* kwargs) {
  return call_typing_args_kwargs("_generic_init_subclass", cls, args, kwargs);
}
Object* generic_class_getitem(Object* cls, Object* args, Object* kwargs) {
  return call_typing_args_kwargs("_generic_class_getitem", cls, args, kwargs);
}

MethodDef generic_methods[] = {
    {"__class_getitem__", fn(generic_class_getitem), kMethVarargs | kMethKeywords | kMethClass,
     "Parameterizes a generic class.\n\n"
     "At least, parameterizing a generic class is the *main* thing this\n"
     "method does.  For example, for some generic class `Foo`, this is\n"
     "called when we do `Foo[int]` - there, with `cls=Foo` and\n"
     "`params=int`.\n\n"
     "However, note that this method is also called when defining generic\n"
     "classes in the first place with `class Foo[T]: ...`.\n"},
    {"__init_subclass__", fn(generic_init_subclass), kMethVarargs | kMethKeywords | kMethClass,
     "Function to initialize subclasses."},
    {nullptr, nullptr, 0, nullptr},
};

void generic_dealloc(Object* self) {
  gc::untrack(self);
  self->type->free(self);
}

}  // namespace

Object NoDefaultStruct{kImmortalRefcnt, &nodefault_type};

TypeObject nodefault_type = [] {
  TypeObject t = static_type("NoDefaultType", sizeof(Object));
  t.dealloc = nodefault_dealloc;
  t.repr = nodefault_repr;
  t.doc = "NoDefaultType()\n--\n\nThe type of the NoDefault singleton.";
  t.methods = nodefault_methods;
  t.new_ = nodefault_new;
  return t;
}();

TypeObject constevaluator_type = [] {
  TypeObject t = static_type("_typing._ConstEvaluator", sizeof(ConstEvaluatorObject), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation);
  t.doc = "_ConstEvaluator()\n--\n\nInternal type for implementing evaluation functions.";
  t.dealloc = constevaluator_dealloc;
  t.traverse = constevaluator_traverse;
  t.clear = constevaluator_clear;
  t.repr = constevaluator_repr;
  t.call = constevaluator_call;
  return t;
}();

TypeObject typevar_type = [] {
  TypeObject t = static_type("typing.TypeVar", sizeof(TypeVarObject), 0, kTpflagsHaveGc);
  t.doc =
      "Type variable.\n\n"
      "The preferred way to construct a type variable is via the dedicated\n"
      "syntax for generic functions, classes, and type aliases::\n\n"
      "    class Sequence[T]:  # T is a TypeVar\n"
      "        ...\n\n"
      "This syntax can also be used to create bound and constrained type\n"
      "variables::\n\n"
      "    # S is a TypeVar bound to str\n"
      "    class StrSequence[S: str]:\n"
      "        ...\n\n"
      "    # A is a TypeVar constrained to str or bytes\n"
      "    class StrOrBytesSequence[A: (str, bytes)]:\n"
      "        ...\n\n"
      "Type variables can also have defaults:\n\n"
      "    class IntDefault[T = int]:\n"
      "        ...\n\n"
      "However, if desired, reusable type variables can also be constructed\n"
      "manually, like so::\n\n"
      "   T = TypeVar('T')  # Can be anything\n"
      "   S = TypeVar('S', bound=str)  # Can be any subtype of str\n"
      "   A = TypeVar('A', str, bytes)  # Must be exactly str or bytes\n"
      "   D = TypeVar('D', default=int)  # Defaults to int\n\n"
      "Type variables exist primarily for the benefit of static type\n"
      "checkers.  They serve as the parameters for generic types as well\n"
      "as for generic function and type alias definitions.\n\n"
      "The variance of type variables is inferred by type checkers when they\n"
      "are created through the type parameter syntax and when\n"
      "``infer_variance=True`` is passed. Manually created type variables may\n"
      "be explicitly marked covariant or contravariant by passing\n"
      "``covariant=True`` or ``contravariant=True``. By default, manually\n"
      "created type variables are invariant. See PEP 484 and PEP 695 for more\n"
      "details.\n";
  t.methods = typevar_methods;
  t.as_number = &typevar_as_number;
  t.new_ = typevar_new;
  t.dealloc = typevar_dealloc;
  t.traverse = typevar_traverse;
  t.clear = typevar_clear;
  t.repr = typevar_repr;
  t.members = typevar_members;
  t.getset = typevar_getset;
  t.dictoffset = offsetof(TypeVarObject, dict);
  t.weaklistoffset = offsetof(TypeVarObject, weakreflist);
  return t;
}();

TypeObject paramspecargs_type = [] {
  TypeObject t = static_type("typing.ParamSpecArgs", sizeof(ParamSpecAttrObject), 0,
                             kTpflagsHaveGc);
  t.doc =
      "The args for a ParamSpec object.\n\n"
      "Given a ParamSpec object P, P.args is an instance of ParamSpecArgs.\n\n"
      "ParamSpecArgs objects have a reference back to their ParamSpec::\n\n"
      "    >>> P = ParamSpec(\"P\")\n"
      "    >>> P.args.__origin__ is P\n"
      "    True\n\n"
      "This type is meant for runtime introspection and has no special meaning\n"
      "to static type checkers.\n";
  t.methods = paramspecargs_methods;
  t.new_ = paramspecargs_new;
  t.dealloc = paramspecattr_dealloc;
  t.traverse = paramspecattr_traverse;
  t.clear = paramspecattr_clear;
  t.repr = paramspecargs_repr;
  t.members = paramspecattr_members;
  t.richcompare = paramspecattr_richcompare;
  t.weaklistoffset = offsetof(ParamSpecAttrObject, weakreflist);
  return t;
}();

TypeObject paramspeckwargs_type = [] {
  TypeObject t = static_type("typing.ParamSpecKwargs", sizeof(ParamSpecAttrObject), 0,
                             kTpflagsHaveGc);
  t.doc =
      "The kwargs for a ParamSpec object.\n\n"
      "Given a ParamSpec object P, P.kwargs is an instance of ParamSpecKwargs.\n\n"
      "ParamSpecKwargs objects have a reference back to their ParamSpec::\n\n"
      "    >>> P = ParamSpec(\"P\")\n"
      "    >>> P.kwargs.__origin__ is P\n"
      "    True\n\n"
      "This type is meant for runtime introspection and has no special meaning\n"
      "to static type checkers.\n";
  t.methods = paramspeckwargs_methods;
  t.new_ = paramspeckwargs_new;
  t.dealloc = paramspecattr_dealloc;
  t.traverse = paramspecattr_traverse;
  t.clear = paramspecattr_clear;
  t.repr = paramspeckwargs_repr;
  t.members = paramspecattr_members;
  t.richcompare = paramspecattr_richcompare;
  t.weaklistoffset = offsetof(ParamSpecAttrObject, weakreflist);
  return t;
}();

TypeObject paramspec_type = [] {
  TypeObject t = static_type("typing.ParamSpec", sizeof(ParamLikeObject), 0, kTpflagsHaveGc);
  t.doc =
      "Parameter specification variable.\n\n"
      "The preferred way to construct a parameter specification is via the\n"
      "dedicated syntax for generic functions, classes, and type aliases,\n"
      "where the use of '**' creates a parameter specification::\n\n"
      "    type IntFunc[**P] = Callable[P, int]\n\n"
      "The following syntax creates a parameter specification that defaults\n"
      "to a callable accepting two positional-only arguments of types int\n"
      "and str:\n\n"
      "    type IntFuncDefault[**P = [int, str]] = Callable[P, int]\n\n"
      "For compatibility with Python 3.11 and earlier, ParamSpec objects\n"
      "can also be created as follows::\n\n"
      "    P = ParamSpec('P')\n"
      "    DefaultP = ParamSpec('DefaultP', default=[int, str])\n\n"
      "Parameter specification variables exist primarily for the benefit of\n"
      "static type checkers.  They are used to forward the parameter types of\n"
      "one callable to another callable, a pattern commonly found in\n"
      "higher-order functions and decorators.  They are only valid when used\n"
      "in ``Concatenate``, or as the first argument to ``Callable``, or as\n"
      "parameters for user-defined Generics. See class Generic for more\n"
      "information on generic types.\n\n"
      "An example for annotating a decorator::\n\n"
      "    def add_logging[**P, T](f: Callable[P, T]) -> Callable[P, T]:\n"
      "        '''A type-safe decorator to add logging to a function.'''\n"
      "        def inner(*args: P.args, **kwargs: P.kwargs) -> T:\n"
      "            logging.info(f'{f.__name__} was called')\n"
      "            return f(*args, **kwargs)\n"
      "        return inner\n\n"
      "    @add_logging\n"
      "    def add_two(x: float, y: float) -> float:\n"
      "        '''Add two numbers together.'''\n"
      "        return x + y\n\n"
      "Parameter specification variables can be introspected. e.g.::\n\n"
      "    >>> P = ParamSpec(\"P\")\n"
      "    >>> P.__name__\n"
      "    'P'\n\n"
      "Note that only parameter specification variables defined in the global\n"
      "scope can be pickled.\n";
  t.members = paramlike_members;
  t.methods = paramspec_methods;
  t.getset = paramspec_getset;
  // Unions of ParamSpecs mean nothing, but the pure-Python ParamSpec allowed them.
  t.as_number = &typevar_as_number;
  t.new_ = paramspec_new;
  t.dealloc = paramlike_dealloc;
  t.traverse = paramlike_traverse;
  t.clear = paramlike_clear;
  t.repr = paramlike_repr;
  t.dictoffset = offsetof(ParamLikeObject, dict);
  t.weaklistoffset = offsetof(ParamLikeObject, weakreflist);
  return t;
}();

TypeObject typevartuple_type = [] {
  TypeObject t = static_type("typing.TypeVarTuple", sizeof(ParamLikeObject), 0, kTpflagsHaveGc);
  t.doc =
      "Type variable tuple. A specialized form of type variable that enables\n"
      "variadic generics.\n\n"
      "The preferred way to construct a type variable tuple is via the\n"
      "dedicated syntax for generic functions, classes, and type aliases,\n"
      "where a single '*' indicates a type variable tuple::\n\n"
      "    def move_first_element_to_last[T, *Ts](tup: tuple[T, *Ts]) -> tuple[*Ts, T]:\n"
      "        return (*tup[1:], tup[0])\n\n"
      "Type variables tuples can have default values:\n\n"
      "    type AliasWithDefault[*Ts = (str, int)] = tuple[*Ts]\n\n"
      "For compatibility with Python 3.11 and earlier, TypeVarTuple objects\n"
      "can also be created as follows::\n\n"
      "    Ts = TypeVarTuple('Ts')  # Can be given any name\n"
      "    DefaultTs = TypeVarTuple('Ts', default=(str, int))\n\n"
      "Just as a TypeVar (type variable) is a placeholder for a single type,\n"
      "a TypeVarTuple is a placeholder for an *arbitrary* number of types. For\n"
      "example, if we define a generic class using a TypeVarTuple::\n\n"
      "    class C[*Ts]: ...\n\n"
      "Then we can parameterize that class with an arbitrary number of type\n"
      "arguments::\n\n"
      "    C[int]       # Fine\n"
      "    C[int, str]  # Also fine\n"
      "    C[()]        # Even this is fine\n\n"
      "For more details, see PEP 646.\n\n"
      "Note that only TypeVarTuples defined in the global scope can be\n"
      "pickled.\n";
  t.members = typevartuple_members;
  t.methods = typevartuple_methods;
  t.getset = typevartuple_getset;
  t.new_ = typevartuple_new;
  t.iter = unpack_iter;
  t.repr = typevartuple_repr;
  t.dealloc = paramlike_dealloc;
  t.traverse = paramlike_traverse;
  t.clear = paramlike_clear;
  t.dictoffset = offsetof(ParamLikeObject, dict);
  t.weaklistoffset = offsetof(ParamLikeObject, weakreflist);
  return t;
}();

TypeObject typealias_type = [] {
  TypeObject t = static_type("typing.TypeAliasType", sizeof(TypeAliasObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.doc =
      "Type alias.\n\n"
      "Type aliases are created through the type statement::\n\n"
      "    type Alias = int\n\n"
      "In this example, Alias and int will be treated equivalently by static\n"
      "type checkers.\n\n"
      "At runtime, Alias is an instance of TypeAliasType. The __name__\n"
      "attribute holds the name of the type alias. The value of the type alias\n"
      "is stored in the __value__ attribute. It is evaluated lazily, so the\n"
      "value is computed only if the attribute is accessed.\n\n"
      "Type aliases can also be generic::\n\n"
      "    type ListOrSet[T] = list[T] | set[T]\n\n"
      "In this case, the type parameters of the alias are stored in the\n"
      "__type_params__ attribute.\n\n"
      "See PEP 695 for more information.\n";
  t.members = typealias_members;
  t.methods = typealias_methods;
  t.getset = typealias_getset;
  t.dealloc = typealias_dealloc;
  t.new_ = typealias_new;
  t.iter = unpack_iter;
  t.traverse = typealias_traverse;
  t.clear = typealias_clear;
  t.repr = typealias_repr;
  t.as_number = &typealias_as_number;
  t.as_mapping = &typealias_as_mapping;
  return t;
}();

TypeObject generic_type = [] {
  TypeObject t =
      static_type("typing.Generic", sizeof(Object), 0, kTpflagsBasetype | kTpflagsHaveGc);
  t.doc =
      "Abstract base class for generic types.\n\n"
      "On Python 3.12 and newer, generic classes implicitly inherit from\n"
      "Generic when they declare a parameter list after the class's name::\n\n"
      "    class Mapping[KT, VT]:\n"
      "        def __getitem__(self, key: KT) -> VT:\n"
      "            ...\n"
      "        # Etc.\n\n"
      "On older versions of Python, however, generic classes have to\n"
      "explicitly inherit from Generic.\n\n"
      "After a class has been declared to be generic, it can then be used as\n"
      "follows::\n\n"
      "    def lookup_name[KT, VT](mapping: Mapping[KT, VT], key: KT, default: VT) -> VT:\n"
      "        try:\n"
      "            return mapping[key]\n"
      "        except KeyError:\n"
      "            return default\n";
  t.methods = generic_methods;
  t.dealloc = generic_dealloc;
  return t;
}();

Object* make_typevar(Object* name, Object* evaluate_bound, Object* evaluate_constraints) {
  return typevar_alloc(name, nullptr, evaluate_bound, nullptr, evaluate_constraints, nullptr,
                       false, false, true, nullptr);
}

Object* make_paramspec(Object* name) {
  return paramlike_alloc(&paramspec_type, name, nullptr, nullptr, false, false, true, nullptr);
}

Object* make_typevartuple(Object* name) {
  return paramlike_alloc(&typevartuple_type, name, nullptr, nullptr, false, false, true, nullptr);
}

Object* make_typealias(Object* args) {
  Object* name = tuple_item(args, 0);
  Object* type_params = tuple_item(args, 1);
  if (type_params == none() || (tuple_check(type_params) && tuple_size(type_params) == 0))
    type_params = nullptr;
  Object* compute_value = tuple_item(args, 2);
  return typealias_alloc(name, type_params, compute_value, nullptr, nullptr);
}

Object* subscript_generic(Object* params) {
  Ref<> unpacked = Ref<>::steal(unpack_typevartuples(params));
  if (!unpacked) return nullptr;
  Object* args[2] = {static_cast<Object*>(&generic_type), unpacked.get()};
  return call_typing_func_object("_GenericAlias", args, 2);
}

Object* set_typeparam_default(Object* typeparam, Object* evaluate_default) {
  if (typeparam->type == &typevar_type) {
    xsetref(tv(typeparam)->evaluate_default, new_ref(evaluate_default));
  } else if (typeparam->type == &paramspec_type || typeparam->type == &typevartuple_type) {
    xsetref(pl(typeparam)->evaluate_default, new_ref(evaluate_default));
  } else {
    return errors::format(exc_TypeError, "Expected a type param, got %R", typeparam);
  }
  return new_ref(typeparam);
}

int init_typevar_types() {
  TypeObject* types[] = {&nodefault_type,     &constevaluator_type,  &typevar_type,
                         &paramspecargs_type, &paramspeckwargs_type, &paramspec_type,
                         &typevartuple_type,  &typealias_type,       &generic_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  // CPython makes these heap types from specs, whose dicts hold __module__: instances
  // without their own (the intrinsics' type parameters) report "typing" through it.
  Ref<> typing = Ref<>::steal(str_from_cstr("typing"));
  if (!typing) return -1;
  for (TypeObject* t : {&typevar_type, &paramspecargs_type, &paramspeckwargs_type,
                        &paramspec_type, &typevartuple_type, &generic_type}) {
    if (dict_set_item_string(t->dict, "__module__", typing.get()) < 0) return -1;
    type_modified(t);
  }
  return 0;
}

}  // namespace cppy::objects
