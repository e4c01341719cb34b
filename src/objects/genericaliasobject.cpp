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
  if (type_has_feature(t, kTpflagsHeaptype)) decref(t);
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
    Object* builtins = vm::eval_get_builtins();
    Object* next = builtins ? dict_get_item_string(builtins, "next") : nullptr;
    if (!next) return errors::format(exc_RuntimeError, "lost builtins.next");
    Ref<> args = Ref<>::steal(tuple_pack(1, it.get()));
    if (!args) return nullptr;
    return tuple_pack(2, next, args.get());
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

// _Py_subs_parameters, for the type variables this runtime knows (objects with
// __typing_subst__); substitutes them in args and in nested aliases.
Object* ga_getitem(Object* self, Object* item) {
  GenericAliasObject* alias = ga(self);
  if (!alias->parameters) {
    alias->parameters = make_parameters(alias->args);
    if (!alias->parameters) return nullptr;
  }
  Object* params = alias->parameters;
  ssize nparams = tuple_size(params);
  if (nparams == 0) return errors::format(exc_TypeError, "%R is not a generic class", self);
  Ref<> items = tuple_check(item) ? Ref<>::borrow(item) : Ref<>::steal(tuple_pack(1, item));
  if (!items) return nullptr;
  ssize nitems = tuple_size(items.get());
  if (nitems != nparams) {
    return errors::format(exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                          nitems > nparams ? "many" : "few", self, nitems, nparams);
  }
  auto index_of = [&](Object* p) -> ssize {
    for (ssize i = 0; i < nparams; i++)
      if (tuple_item(params, i) == p) return i;
    return -1;
  };
  ssize nargs = tuple_size(alias->args);
  Ref<> newargs = Ref<>::steal(tuple_new(nargs));
  if (!newargs) return nullptr;
  for (ssize i = 0; i < nargs; i++) {
    Object* arg = tuple_item(alias->args, i);
    Ref<> out;
    if (type_check_type(arg)) {
      out = Ref<>::borrow(arg);
    } else {
      Ref<> subst;
      if (get_opt(arg, "__typing_subst__", &subst) < 0)
        return nullptr;
      if (subst) {
        ssize k = index_of(arg);
        out = Ref<>::steal(object_call_one_arg(subst.get(), tuple_item(items.get(), k)));
      } else {
        Ref<> subparams;
        if (get_opt(arg, "__parameters__", &subparams) < 0)
          return nullptr;
        if (subparams && tuple_check(subparams.get()) && tuple_size(subparams.get()) > 0) {
          ssize ns = tuple_size(subparams.get());
          Ref<> subargs = Ref<>::steal(tuple_new(ns));
          if (!subargs) return nullptr;
          for (ssize j = 0; j < ns; j++) {
            ssize k = index_of(tuple_item(subparams.get(), j));
            Object* v = k >= 0 ? tuple_item(items.get(), k) : tuple_item(subparams.get(), j);
            tuple_set_item(subargs.get(), j, new_ref(v));
          }
          out = Ref<>::steal(object_get_item(arg, ns == 1 ? tuple_item(subargs.get(), 0) : subargs.get()));
        } else {
          out = Ref<>::borrow(arg);
        }
      }
    }
    if (!out) return nullptr;
    tuple_set_item(newargs.get(), i, out.release());
  }
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
  Ref<> params = Ref<>::steal(list_new(0));
  if (!params) return nullptr;
  auto add = [&](Object* p) -> bool {
    int c = sequence_contains(params.get(), p);
    if (c < 0) return false;
    return c || list_append(params.get(), p) == 0;
  };
  for (ssize i = 0; i < tuple_size(args); i++) {
    Object* t = tuple_item(args, i);
    if (type_check_type(t)) continue;  // a class is not a parameter, even with the attributes
    Ref<> subst;
    if (get_opt(t, "__typing_subst__", &subst) < 0)
      return nullptr;
    if (subst) {
      if (!add(t)) return nullptr;
      continue;
    }
    Ref<> sub;
    if (get_opt(t, "__parameters__", &sub) < 0)
      return nullptr;
    if (sub && tuple_check(sub.get())) {
      for (ssize j = 0; j < tuple_size(sub.get()); j++)
        if (!add(tuple_item(sub.get(), j))) return nullptr;
    }
  }
  return list_as_tuple(params.get());
}

TypeObject generic_alias_type = [] {
  TypeObject t = static_type("types.GenericAlias", sizeof(GenericAliasObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
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
  return t;
}();

}  // namespace cppy::objects
