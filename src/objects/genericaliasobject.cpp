// types.GenericAlias: Objects/genericaliasobject.c (list[int], dict[str, int], *tuple[int]),
// and _Py_typing_type_repr of Objects/typevarobject.c.
#include "objects/genericaliasobject.h"

#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "vm/ceval.h"

namespace cppy::objects {

extern TypeObject none_type;

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

struct GenericAliasObject : Object {
  Object* origin;
  Object* args;        // a tuple
  Object* parameters;  // a tuple, computed on demand
  Object* weakreflist;
  bool starred;
};

GenericAliasObject* ga(Object* o) { return static_cast<GenericAliasObject*>(o); }

// PyObject_GetOptionalAttr with a C name: 1 found, 0 absent, -1 error.
int get_opt(Object* o, const char* name, Ref<>* out) {
  Object* n = str_intern_from_cstr(name);
  if (!n) return -1;
  Object* r = nullptr;
  int rc = object_get_optional_attr(o, n, &r);
  *out = Ref<>::steal(r);
  return rc;
}

int ga_traverse(Object* o, visitproc visit, void* arg) {
  GenericAliasObject* a = ga(o);
  for (Object* p : {a->origin, a->args, a->parameters})
    if (p) {
      int r = visit(p, arg);
      if (r) return r;
    }
  return 0;
}

int ga_clear(Object* o) {
  GenericAliasObject* a = ga(o);
  clear(a->origin);
  clear(a->args);
  clear(a->parameters);
  return 0;
}

void ga_dealloc(Object* o) {
  gc::untrack(o);
  GenericAliasObject* a = ga(o);
  if (a->weakreflist) object_clear_weakrefs(o);
  ga_clear(o);
  TypeObject* t = o->type;
  t->free(o);
  // A heap type using this dealloc directly holds the reference; class-statement subclasses
  // drop theirs in subtype_dealloc.
  if (type_has_feature(t, kTpflagsHeaptype) && t->dealloc == ga_dealloc) decref(t);
}

// setup_ga.
bool setup_ga(GenericAliasObject* alias, Object* origin, Object* args) {
  if (!tuple_check(args)) {
    args = tuple_pack(1, args);
    if (!args) return false;
  } else {
    incref(args);
  }
  alias->origin = new_ref(origin);
  alias->args = args;
  alias->parameters = nullptr;
  alias->weakreflist = nullptr;
  alias->starred = false;
  return true;
}

Object* ga_alloc(TypeObject* type, Object* origin, Object* args) {
  Object* o = type->alloc(type, 0);
  if (!o) return nullptr;
  if (!setup_ga(ga(o), origin, args)) {
    decref(o);
    return nullptr;
  }
  return o;
}

void append_repr(std::string& out, Object* s) {
  ssize n;
  const char* u = str_as_utf8(s, &n);
  if (u) out.append(u, static_cast<size_t>(n));
}

// ga_repr with ga_repr_items_list.
Object* ga_repr(Object* o) {
  GenericAliasObject* alias = ga(o);
  std::string out;
  if (alias->starred) out += '*';
  Ref<> r = Ref<>::steal(typing_type_repr(alias->origin));
  if (!r) return nullptr;
  append_repr(out, r.get());
  out += '[';
  ssize len = tuple_size(alias->args);
  for (ssize i = 0; i < len; i++) {
    if (i > 0) out += ", ";
    Object* p = tuple_item(alias->args, i);
    if (list_check_exact(p)) {
      // A ParamSpec's list of argument types.
      out += '[';
      for (ssize j = 0; j < list_size(p); j++) {
        if (j > 0) out += ", ";
        Ref<> item = Ref<>::steal(typing_type_repr(list_get_item(p, j)));
        if (!item) return nullptr;
        append_repr(out, item.get());
      }
      out += ']';
    } else {
      Ref<> item = Ref<>::steal(typing_type_repr(p));
      if (!item) return nullptr;
      append_repr(out, item.get());
    }
  }
  if (len == 0) out += "()";  // tuple[()]
  out += ']';
  return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

hash_t ga_hash(Object* o) {
  hash_t h0 = object_hash(ga(o)->origin);
  if (h0 == -1) return -1;
  hash_t h1 = object_hash(ga(o)->args);
  if (h1 == -1) return -1;
  return h0 ^ h1;
}

Object* ga_richcompare(Object* a, Object* b, int op) {
  if (!generic_alias_check(b) || (op != kEQ && op != kNE)) return return_not_implemented();
  if (op == kNE) {
    Ref<> eq = Ref<>::steal(ga_richcompare(a, b, kEQ));
    if (!eq) return nullptr;
    return bool_from_bool(eq.get() != true_object());
  }
  GenericAliasObject* aa = ga(a);
  GenericAliasObject* bb = ga(b);
  if (aa->starred != bb->starred) return bool_from_bool(false);
  int eq = object_rich_compare_bool(aa->origin, bb->origin, kEQ);
  if (eq < 0) return nullptr;
  if (!eq) return bool_from_bool(false);
  return object_rich_compare(aa->args, bb->args, kEQ);
}

// ga_call: calls the origin and records the alias on the instance as __orig_class__.
Object* ga_call(Object* self, Object* args, Object* kwds) {
  Object* obj = object_call(ga(self)->origin, args, kwds);
  if (obj) {
    if (object_setattr_string(obj, "__orig_class__", self) < 0) {
      if (!errors::exception_matches(exc_AttributeError) &&
          !errors::exception_matches(exc_TypeError)) {
        decref(obj);
        return nullptr;
      }
      errors::clear();
    }
  }
  return obj;
}

const char* const kAttrExceptions[] = {
    "__class__",   "__bases__",   "__origin__",   "__args__",
    "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__",
    "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", nullptr,
};
const char* const kAttrBlocked[] = {"__bases__", "__copy__", "__deepcopy__", nullptr};

// ga_getattro: attributes the alias does not have itself come from the origin.
Object* ga_getattro(Object* self, Object* name) {
  if (str_check(name)) {
    const char* n = str_as_utf8(name);
    bool blocked = false;
    for (const char* const* p = kAttrBlocked; *p; p++)
      if (n && std::strcmp(n, *p) == 0) blocked = true;
    if (!blocked) {
      bool own = false;
      for (const char* const* p = kAttrExceptions; *p; p++)
        if (n && std::strcmp(n, *p) == 0) own = true;
      if (!own) return object_getattr(ga(self)->origin, name);
    }
  }
  return object_generic_getattr(self, name);
}

Object* ga_parameters(Object* self, void*) {
  GenericAliasObject* alias = ga(self);
  if (!alias->parameters) {
    alias->parameters = make_parameters(alias->args);
    if (!alias->parameters) return nullptr;
  }
  return new_ref(alias->parameters);
}

Object* ga_unpacked_tuple_args(Object* self, void*) {
  GenericAliasObject* alias = ga(self);
  if (alias->starred && alias->origin == static_cast<Object*>(&tuple_type))
    return new_ref(alias->args);
  return return_none();
}

Object* ga_get_origin(Object* self, void*) { return new_ref(ga(self)->origin); }
Object* ga_get_args(Object* self, void*) { return new_ref(ga(self)->args); }
Object* ga_get_unpacked(Object* self, void*) { return bool_from_bool(ga(self)->starred); }

GetSetDef g_ga_getset[] = {
    {"__origin__", ga_get_origin, nullptr, nullptr, nullptr},
    {"__args__", ga_get_args, nullptr, nullptr, nullptr},
    {"__unpacked__", ga_get_unpacked, nullptr, nullptr, nullptr},
    {"__parameters__", ga_parameters, nullptr, "Type variables in the GenericAlias.", nullptr},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* ga_mro_entries(Object* self, Object*) { return tuple_pack(1, ga(self)->origin); }

Object* ga_instancecheck(Object*, Object*) {
  errors::set_string(exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
  return nullptr;
}

Object* ga_subclasscheck(Object*, Object*) {
  errors::set_string(exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
  return nullptr;
}

Object* ga_reduce(Object* self, Object*) {
  GenericAliasObject* alias = ga(self);
  if (alias->starred) {
    // next(iter(Origin[args])) rebuilds the starred alias.
    Ref<> tmp = Ref<>::steal(generic_alias_new(alias->origin, alias->args));
    if (!tmp) return nullptr;
    Ref<> it = Ref<>::steal(object_get_iter(tmp.get()));
    if (!it) return nullptr;
    Ref<> next = Ref<>::steal(vm::eval_get_builtin("next"));  // _PyEval_GetBuiltin
    if (!next) return nullptr;
    Ref<> args = Ref<>::steal(tuple_pack(1, it.get()));
    if (!args) return nullptr;
    return tuple_pack(2, next.get(), args.get());
  }
  Ref<> args = Ref<>::steal(tuple_pack(2, alias->origin, alias->args));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(self->type), args.get());
}

// ga_dir: the origin's names plus the alias's own.
Object* ga_dir(Object* self, Object*) {
  Ref<> dir = Ref<>::steal(object_dir(ga(self)->origin));
  if (!dir) return nullptr;
  for (const char* const* p = kAttrExceptions; *p; p++) {
    Ref<> name = Ref<>::steal(str_from_cstr(*p));
    if (!name) return nullptr;
    int c = sequence_contains(dir.get(), name.get());
    if (c < 0) return nullptr;
    if (!c && list_append(dir.get(), name.get()) < 0) return nullptr;
  }
  return dir.release();
}

// _is_unpacked_typevartuple: *Ts (typing.Unpack[Ts]) says so through an attribute.
int is_unpacked_typevartuple(Object* arg) {
  if (type_check_type(arg)) return 0;
  Ref<> v;
  int r = get_opt(arg, "__typing_is_unpacked_typevartuple__", &v);
  if (r <= 0) return r;
  return object_is_true(v.get());
}

// _unpacked_tuple_args: the arguments of *tuple[...] (null without error otherwise).
Object* unpacked_tuple_args(Object* arg) {
  if (generic_alias_check(arg) && ga(arg)->starred &&
      ga(arg)->origin == static_cast<Object*>(&tuple_type))
    return new_ref(ga(arg)->args);
  Ref<> r;
  if (get_opt(arg, "__typing_unpacked_tuple_args__", &r) > 0 && r.get() != none())
    return r.release();
  return nullptr;
}

// _unpack_args: the subscript's items with *tuple[X, Y] spread out (not *tuple[X, ...]).
Object* unpack_args(Object* item) {
  Ref<> out = Ref<>::steal(list_new(0));
  if (!out) return nullptr;
  bool is_tuple = tuple_check(item);
  ssize n = is_tuple ? tuple_size(item) : 1;
  for (ssize i = 0; i < n; i++) {
    Object* it = is_tuple ? tuple_item(item, i) : item;
    if (!type_check_type(it)) {
      Ref<> sub = Ref<>::steal(unpacked_tuple_args(it));
      if (sub && tuple_check(sub.get()) &&
          !(tuple_size(sub.get()) &&
            tuple_item(sub.get(), tuple_size(sub.get()) - 1) == ellipsis())) {
        for (ssize k = 0; k < tuple_size(sub.get()); k++)
          if (list_append(out.get(), tuple_item(sub.get(), k)) < 0) return nullptr;
        continue;
      }
      if (errors::occurred()) return nullptr;
    }
    if (list_append(out.get(), it) < 0) return nullptr;
  }
  return list_as_tuple(out.get());
}

ssize tuple_index(Object* t, Object* item) {
  for (ssize i = 0; i < tuple_size(t); i++)
    if (tuple_item(t, i) == item) return i;
  return -1;
}

// subs_tvars: obj[...] with its own parameters replaced (a TypeVarTuple's tuple spread).
Object* subs_tvars(Object* obj, Object* params, Object* const* argitems) {
  Ref<> subparams;
  if (get_opt(obj, "__parameters__", &subparams) < 0) return nullptr;
  if (!subparams || !tuple_check(subparams.get()) || tuple_size(subparams.get()) == 0)
    return new_ref(obj);
  Ref<> subargs = Ref<>::steal(list_new(0));
  if (!subargs) return nullptr;
  for (ssize i = 0; i < tuple_size(subparams.get()); i++) {
    Object* arg = tuple_item(subparams.get(), i);
    ssize iparam = tuple_index(params, arg);
    if (iparam >= 0) {
      Object* param = tuple_item(params, iparam);
      arg = argitems[iparam];
      if (param->type->iter && tuple_check(arg)) {  // a TypeVarTuple
        for (ssize k = 0; k < tuple_size(arg); k++)
          if (list_append(subargs.get(), tuple_item(arg, k)) < 0) return nullptr;
        continue;
      }
    }
    if (list_append(subargs.get(), arg) < 0) return nullptr;
  }
  Ref<> t = Ref<>::steal(list_as_tuple(subargs.get()));
  if (!t) return nullptr;
  return object_get_item(obj, t.get());
}

}  // namespace

// _Py_subs_parameters: the new arguments of self[item], after each parameter's
// __typing_prepare_subst__ (defaults, TypeVarTuple and ParamSpec packing).
Object* subs_parameters(Object* self, Object* args, Object* parameters, Object* item) {
  ssize nparams = tuple_size(parameters);
  if (nparams == 0) return errors::format(exc_TypeError, "%R is not a generic class", self);
  Ref<> items = Ref<>::steal(unpack_args(item));
  if (!items) return nullptr;
  for (ssize i = 0; i < nparams; i++) {
    Ref<> prepare;
    if (get_opt(tuple_item(parameters, i), "__typing_prepare_subst__", &prepare) < 0)
      return nullptr;
    if (prepare && prepare.get() != none()) {
      Ref<> packed;
      if (!tuple_check(items.get())) {
        packed = Ref<>::steal(tuple_pack(1, items.get()));
        if (!packed) return nullptr;
      }
      Object* a[2] = {self, packed ? packed.get() : items.get()};
      items = Ref<>::steal(vectorcall(prepare.get(), a, 2, nullptr));
      if (!items) return nullptr;
    }
  }
  bool is_tuple = tuple_check(items.get());
  ssize nitems = is_tuple ? tuple_size(items.get()) : 1;
  Object* single = items.get();
  Object* const* argitems = is_tuple ? tuple_items(items.get()) : &single;
  if (nitems != nparams) {
    return errors::format(exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                          nitems > nparams ? "many" : "few", self, nitems, nparams);
  }
  Ref<> newargs = Ref<>::steal(list_new(0));
  if (!newargs) return nullptr;
  ssize nargs = tuple_check(args) ? tuple_size(args) : list_size(args);
  for (ssize iarg = 0; iarg < nargs; iarg++) {
    Object* arg = tuple_check(args) ? tuple_item(args, iarg) : list_get_item(args, iarg);
    if (type_check_type(arg)) {
      if (list_append(newargs.get(), arg) < 0) return nullptr;
      continue;
    }
    // Lists and tuples of arguments are substituted recursively.
    if (tuple_check(arg) || list_check(arg)) {
      Ref<> sub = Ref<>::steal(subs_parameters(self, arg, parameters, items.get()));
      if (!sub) return nullptr;
      if (list_check(arg)) {
        sub = Ref<>::steal(sequence_list(sub.get()));
        if (!sub) return nullptr;
      }
      if (list_append(newargs.get(), sub.get()) < 0) return nullptr;
      continue;
    }
    int unpack = is_unpacked_typevartuple(arg);
    if (unpack < 0) return nullptr;
    Ref<> subst;
    if (get_opt(arg, "__typing_subst__", &subst) < 0) return nullptr;
    Ref<> out;
    if (subst) {
      ssize iparam = tuple_index(parameters, arg);
      out = Ref<>::steal(object_call_one_arg(subst.get(), argitems[iparam]));
    } else {
      out = Ref<>::steal(subs_tvars(arg, parameters, argitems));
    }
    if (!out) return nullptr;
    if (unpack) {
      for (ssize k = 0; k < tuple_size(out.get()); k++)
        if (list_append(newargs.get(), tuple_item(out.get(), k)) < 0) return nullptr;
    } else if (list_append(newargs.get(), out.get()) < 0) {
      return nullptr;
    }
  }
  return list_as_tuple(newargs.get());
}

namespace {

Object* ga_getitem(Object* self, Object* item) {
  GenericAliasObject* alias = ga(self);
  if (!alias->parameters) {
    alias->parameters = make_parameters(alias->args);
    if (!alias->parameters) return nullptr;
  }
  Ref<> newargs = Ref<>::steal(subs_parameters(self, alias->args, alias->parameters, item));
  if (!newargs) return nullptr;
  Ref<> res = Ref<>::steal(generic_alias_new(alias->origin, newargs.get()));
  if (res) ga(res.get())->starred = alias->starred;
  return res.release();
}

MappingMethods ga_as_mapping = {nullptr, ga_getitem, nullptr};

Object* ga_or(Object* a, Object* b) { return union_type_or(a, b); }
NumberMethods ga_as_number = [] {
  NumberMethods n{};
  n.or_ = ga_or;
  return n;
}();

MethodDef g_ga_methods[] = {
    {"__mro_entries__", fn(ga_mro_entries), kMethO, nullptr},
    {"__instancecheck__", fn(ga_instancecheck), kMethO, nullptr},
    {"__subclasscheck__", fn(ga_subclasscheck), kMethO, nullptr},
    {"__reduce__", fn(ga_reduce), kMethNoArgs, nullptr},
    {"__dir__", fn(ga_dir), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ga_new: GenericAlias(origin, args).
Object* ga_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("GenericAlias", kwds)) return nullptr;
  if (!check_positional("GenericAlias", tuple_size(args), 2, 2)) return nullptr;
  return ga_alloc(type, tuple_item(args, 0), tuple_item(args, 1));
}

// The iterator of *tuple[int]: yields the starred alias once.
struct GaIterObject : Object {
  Object* obj;
};

void gaiter_dealloc(Object* o) {
  xdecref(static_cast<GaIterObject*>(o)->obj);
  gc::object_free(o);
}

Object* gaiter_next(Object* o) {
  auto* it = static_cast<GaIterObject*>(o);
  if (!it->obj) return nullptr;
  GenericAliasObject* alias = ga(it->obj);
  Object* starred = generic_alias_new(alias->origin, alias->args);
  if (!starred) return nullptr;
  ga(starred)->starred = true;
  clear(it->obj);
  return starred;
}

// ga_iter_reduce: (iter, (alias,)), or (iter, ((),)) once exhausted. The builtin is looked
// up first: that may run code.
Object* gaiter_reduce(Object* o, Object*) {
  Ref<> iter = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!iter) return nullptr;
  auto* it = static_cast<GaIterObject*>(o);
  Ref<> arg = Ref<>::steal(it->obj ? new_ref(it->obj) : tuple_new(0));
  if (!arg) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(1, arg.get()));
  if (!args) return nullptr;
  return tuple_pack(2, iter.get(), args.get());
}

MethodDef gaiter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(gaiter_reduce), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

Object* ga_iter(Object* self) {
  auto* it = static_cast<GaIterObject*>(gc::object_malloc(sizeof(GaIterObject)));
  if (!it) return errors::no_memory();
  it->refcnt = 1;
  it->type = &generic_alias_iter_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->obj = new_ref(self);
  return it;
}

}  // namespace

Object* generic_alias_new(Object* origin, Object* args) {
  return ga_alloc(&generic_alias_type, origin, args);
}

Object* generic_alias_class_getitem(Object* cls, Object* item) { return generic_alias_new(cls, item); }

// _Py_typing_type_repr.
Object* typing_type_repr(Object* p) {
  if (p == ellipsis()) return str_from_cstr("...");
  if (p == static_cast<Object*>(&none_type)) return str_from_cstr("None");
  Object* origin_name = str_intern_from_cstr("__origin__");
  Object* args_name = str_intern_from_cstr("__args__");
  int rc = object_hasattr_with_error(p, origin_name);
  if (rc > 0) rc = object_hasattr_with_error(p, args_name);
  if (rc < 0) return nullptr;
  if (rc > 0) return object_repr(p);  // looks like a GenericAlias
  Ref<> qualname;
  if (get_opt(p, "__qualname__", &qualname) < 0)
    return nullptr;
  if (!qualname) return object_repr(p);
  Ref<> module;
  if (get_opt(p, "__module__", &module) < 0)
    return nullptr;
  if (!module || module.get() == none()) return object_repr(p);
  if (str_check(module.get())) {
    const char* m = str_as_utf8(module.get());
    if (m && std::strcmp(m, "builtins") == 0) return object_str(qualname.get());
  }
  return str_from_format("%S.%S", module.get(), qualname.get());
}

// _Py_make_parameters.
Object* make_parameters(Object* args) {
  // Lists of arguments (Callable[[T], S]) are searched as tuples.
  Ref<> tuple_args;
  if (list_check(args)) {
    tuple_args = Ref<>::steal(list_as_tuple(args));
    if (!tuple_args) return nullptr;
    args = tuple_args.get();
  }
  Ref<> params = Ref<>::steal(list_new(0));
  if (!params) return nullptr;
  // tuple_add: by identity, once.
  auto add = [&](Object* p) -> bool {
    for (ssize k = 0; k < list_size(params.get()); k++)
      if (list_get_item(params.get(), k) == p) return true;
    return list_append(params.get(), p) == 0;
  };
  for (ssize i = 0; i < tuple_size(args); i++) {
    Object* t = tuple_item(args, i);
    if (type_check_type(t)) continue;  // a class is not a parameter, even with the attributes
    Ref<> subst;
    if (get_opt(t, "__typing_subst__", &subst) < 0) return nullptr;
    if (subst) {
      if (!add(t)) return nullptr;
      continue;
    }
    Ref<> sub;
    if (get_opt(t, "__parameters__", &sub) < 0) return nullptr;
    if (!sub && (tuple_check(t) || list_check(t))) {
      sub = Ref<>::steal(make_parameters(t));
      if (!sub) return nullptr;
    }
    if (sub && tuple_check(sub.get())) {
      for (ssize j = 0; j < tuple_size(sub.get()); j++)
        if (!add(tuple_item(sub.get(), j))) return nullptr;
    }
  }
  return list_as_tuple(params.get());
}

TypeObject generic_alias_type = [] {
  TypeObject t = static_type("types.GenericAlias", sizeof(GenericAliasObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsStaticBuiltin);
  t.dealloc = ga_dealloc;
  t.repr = ga_repr;
  t.as_number = &ga_as_number;
  t.as_mapping = &ga_as_mapping;
  t.hash = ga_hash;
  t.call = ga_call;
  t.getattro = ga_getattro;
  t.traverse = ga_traverse;
  t.clear = ga_clear;
  t.richcompare = ga_richcompare;
  t.weaklistoffset = offsetof(GenericAliasObject, weakreflist);
  t.iter = ga_iter;
  t.methods = g_ga_methods;
  t.getset = g_ga_getset;
  t.alloc = type_generic_alloc;
  t.new_ = ga_new;
  t.free = object_generic_free;
  t.doc =
      "GenericAlias(origin, args, /)\n--\n\n"
      "Represent a PEP 585 generic type\n\n"
      "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).";
  return t;
}();

TypeObject generic_alias_iter_type = [] {
  TypeObject t = static_type("generic_alias_iterator", sizeof(GaIterObject), 0, 0);
  t.dealloc = gaiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = gaiter_next;
  t.methods = gaiter_methods;
  return t;
}();

}  // namespace cppy::objects
