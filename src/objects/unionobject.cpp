// typing.Union / types.UnionType: Objects/unionobject.c (3.14, where int | str and
// Union[int, str] are the same type). The arguments are deduplicated (by hash when hashable,
// by equality otherwise), nested unions are flattened and None becomes NoneType.
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/enumobject.h"
#include "objects/exceptions.h"
#include "objects/genobject.h"
#include "objects/memoryobject.h"
#include "objects/genericaliasobject.h"
#include "objects/listobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/typevarobject.h"
#include "objects/unicodeobject.h"
#include "imp/import.h"
#include "objects/weakrefobject.h"

namespace cppy::objects {

extern TypeObject none_type;

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

struct UnionObject : Object {
  Object* args;             // tuple
  Object* hashable_args;    // frozenset
  Object* unhashable_args;  // tuple or null
  Object* parameters;       // tuple, on demand
  Object* weakreflist;
};

UnionObject* un(Object* o) { return static_cast<UnionObject*>(o); }

int union_traverse(Object* o, visitproc visit, void* arg) {
  UnionObject* u = un(o);
  for (Object* p : {u->args, u->hashable_args, u->unhashable_args, u->parameters})
    if (p) {
      int r = visit(p, arg);
      if (r) return r;
    }
  return 0;
}

void union_dealloc(Object* o) {
  gc::untrack(o);
  UnionObject* u = un(o);
  if (u->weakreflist) object_clear_weakrefs(o);
  clear(u->args);
  clear(u->hashable_args);
  clear(u->unhashable_args);
  clear(u->parameters);
  gc::gc_free(o);
}

// is_unionable.
bool is_unionable(Object* obj) {
  return obj == none() || type_check_type(obj) || generic_alias_check(obj) || union_check(obj) ||
         typealias_check(obj);
}

// unionbuilder.
struct UnionBuilder {
  Ref<> args;            // list
  Ref<> hashable_args;   // set
  Ref<> unhashable_args;  // list or null
  bool is_checked;

  bool init(bool checked) {
    is_checked = checked;
    args = Ref<>::steal(list_new(0));
    hashable_args = Ref<>::steal(set_new(nullptr));
    return args && hashable_args;
  }

  bool add_single_unchecked(Object* arg) {
    hash_t h = object_hash(arg);
    if (h == -1) {
      errors::clear();
      if (!unhashable_args) {
        unhashable_args = Ref<>::steal(list_new(0));
        if (!unhashable_args) return false;
      } else {
        int c = sequence_contains(unhashable_args.get(), arg);
        if (c < 0) return false;
        if (c == 1) return true;
      }
      if (list_append(unhashable_args.get(), arg) < 0) return false;
    } else {
      int c = set_contains(hashable_args.get(), arg);
      if (c < 0) return false;
      if (c == 1) return true;
      if (set_add(hashable_args.get(), arg) < 0) return false;
    }
    return list_append(args.get(), arg) == 0;
  }

  bool add_tuple(Object* tuple) {
    for (ssize i = 0; i < tuple_size(tuple); i++)
      if (!add_single(tuple_item(tuple, i))) return false;
    return true;
  }

  bool add_single(Object* arg) {
    if (arg == none()) {
      arg = static_cast<Object*>(&none_type);
    } else if (union_check(arg)) {
      return add_tuple(un(arg)->args);
    }
    if (is_checked) {
      Ref<> checked = Ref<>::steal(type_check(arg));
      return checked && add_single_unchecked(checked.get());
    }
    return add_single_unchecked(arg);
  }

  // type_check: what is not unionable goes through typing._type_check (a str becomes a
  // ForwardRef, non-types are refused).
  static Object* type_check(Object* arg) {
    if (is_unionable(arg)) return new_ref(arg);
    Ref<> typing = Ref<>::steal(imp::import_module("typing"));
    if (!typing) return nullptr;
    Ref<> func = Ref<>::steal(object_getattr_string(typing.get(), "_type_check"));
    if (!func) return nullptr;
    Ref<> msg = Ref<>::steal(str_from_cstr("Union[arg, ...]: each arg must be a type."));
    if (!msg) return nullptr;
    Object* args[2] = {arg, msg.get()};
    return vectorcall(func.get(), args, 2, nullptr);
  }
};

// make_union.
Object* make_union(UnionBuilder& ub) {
  ssize n = list_size(ub.args.get());
  if (n == 0) {
    errors::set_string(exc_TypeError, "Cannot take a Union of no types.");
    return nullptr;
  }
  if (n == 1) return new_ref(list_get_item(ub.args.get(), 0));
  Ref<> args = Ref<>::steal(list_as_tuple(ub.args.get()));
  Ref<> hashable = Ref<>::steal(frozenset_new(ub.hashable_args.get()));
  Ref<> unhashable;
  if (ub.unhashable_args) unhashable = Ref<>::steal(list_as_tuple(ub.unhashable_args.get()));
  if (!args || !hashable || (ub.unhashable_args && !unhashable)) return nullptr;
  auto* u = static_cast<UnionObject*>(gc::gc_malloc(sizeof(UnionObject)));
  if (!u) return nullptr;
  u->refcnt = 1;
  u->type = &union_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  u->args = args.release();
  u->hashable_args = hashable.release();
  u->unhashable_args = unhashable.release();
  u->parameters = nullptr;
  u->weakreflist = nullptr;
  gc::track(u);
  return u;
}

Object* union_repr(Object* o) {
  UnionObject* u = un(o);
  std::string out;
  for (ssize i = 0; i < tuple_size(u->args); i++) {
    if (i > 0) out += " | ";
    Ref<> r = Ref<>::steal(typing_type_repr(tuple_item(u->args, i)));
    if (!r) return nullptr;
    ssize n;
    const char* s = str_as_utf8(r.get(), &n);
    if (!s) return nullptr;
    out.append(s, static_cast<size_t>(n));
  }
  return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

hash_t union_hash(Object* o) {
  UnionObject* u = un(o);
  if (u->unhashable_args) {
    ssize n = tuple_size(u->unhashable_args);
    for (ssize i = 0; i < n; i++)
      if (object_hash(tuple_item(u->unhashable_args, i)) == -1) return -1;
    errors::format(exc_TypeError, "union contains %d unhashable elements", static_cast<int>(n));
    return -1;
  }
  return object_hash(u->hashable_args);
}

// Every unhashable argument of a is among b's (by ==).
int unhashable_within(Object* a, Object* b) {
  if (!a) return 1;
  if (!b) return 0;
  for (ssize i = 0; i < tuple_size(a); i++) {
    int c = sequence_contains(b, tuple_item(a, i));
    if (c <= 0) return c;
  }
  return 1;
}

Object* union_richcompare(Object* a, Object* b, int op) {
  if (!union_check(b) || (op != kEQ && op != kNE)) return return_not_implemented();
  UnionObject* ua = un(a);
  UnionObject* ub = un(b);
  int eq = object_rich_compare_bool(ua->hashable_args, ub->hashable_args, kEQ);
  if (eq < 0) return nullptr;
  if (eq) {
    eq = unhashable_within(ua->unhashable_args, ub->unhashable_args);
    if (eq > 0) eq = unhashable_within(ub->unhashable_args, ua->unhashable_args);
    if (eq < 0) return nullptr;
  }
  return bool_from_bool(op == kEQ ? eq != 0 : eq == 0);
}

// union_getattro: __module__ is the type's ("typing").
Object* union_getattro(Object* self, Object* name) {
  if (str_check(name)) {
    const char* n = str_as_utf8(name);
    if (n && std::string(n) == "__module__")
      return object_getattr(static_cast<Object*>(self->type), name);
  }
  return object_generic_getattr(self, name);
}

Object* union_get_args(Object* self, void*) { return new_ref(un(self)->args); }
Object* union_get_parameters(Object* self, void*) {
  UnionObject* u = un(self);
  if (!u->parameters) {
    u->parameters = make_parameters(u->args);
    if (!u->parameters) return nullptr;
  }
  return new_ref(u->parameters);
}
Object* union_get_name(Object*, void*) { return str_from_cstr("Union"); }
Object* union_get_origin(Object* self, void*) { return new_ref(static_cast<Object*>(self->type)); }

GetSetDef g_union_getset[] = {
    {"__args__", union_get_args, nullptr, nullptr, nullptr},
    {"__name__", union_get_name, nullptr, "Name of the type", nullptr},
    {"__qualname__", union_get_name, nullptr, "Qualified name of the type", nullptr},
    {"__origin__", union_get_origin, nullptr, "Always returns the type", nullptr},
    {"__parameters__", union_get_parameters, nullptr, "Type variables in the types.UnionType.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

Object* union_mro_entries(Object* self, Object*) {
  return errors::format(exc_TypeError, "Cannot subclass %R", self);
}

// union_class_getitem: Union[X, Y, ...] with each argument checked.
Object* union_class_getitem(Object*, Object* args) {
  UnionBuilder ub;
  if (!ub.init(true)) return nullptr;
  bool ok = tuple_check(args) ? ub.add_tuple(args) : ub.add_single(args);
  if (!ok) return nullptr;
  return make_union(ub);
}

// union_getitem: substitution of the type variables, rebuilt as a union.
Object* union_getitem(Object* self, Object* item) {
  UnionObject* u = un(self);
  if (!u->parameters) {
    u->parameters = make_parameters(u->args);
    if (!u->parameters) return nullptr;
  }
  // _Py_subs_parameters with the union itself, so messages name it (int | ~T).
  Ref<> newargs = Ref<>::steal(subs_parameters(self, u->args, u->parameters, item));
  if (!newargs) return nullptr;
  UnionBuilder ub;
  if (!ub.init(false) || !ub.add_tuple(newargs.get())) return nullptr;
  return make_union(ub);
}

MappingMethods union_as_mapping = {nullptr, union_getitem, nullptr};

// union_nb_or: unlike type.__or__ (_Py_union_type_or), a union's `|` takes any operand and
// checks it as Union[...] does (a str becomes a ForwardRef through typing._type_check).
Object* union_or(Object* a, Object* b) {
  UnionBuilder ub;
  if (!ub.init(true)) return nullptr;
  if (!ub.add_single(a) || !ub.add_single(b)) return nullptr;
  return make_union(ub);
}
NumberMethods union_as_number = [] {
  NumberMethods n{};
  n.or_ = union_or;
  return n;
}();

MethodDef g_union_methods[] = {
    {"__mro_entries__", fn(union_mro_entries), kMethO, nullptr},
    {"__class_getitem__", fn(union_class_getitem), kMethO | kMethClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

// _Py_union_type_or.
Object* union_type_or(Object* self, Object* other) {
  if (!is_unionable(self) || !is_unionable(other)) return return_not_implemented();
  UnionBuilder ub;
  if (!ub.init(false)) return nullptr;
  if (!ub.add_single(self) || !ub.add_single(other)) return nullptr;
  return make_union(ub);
}

// _Py_union_from_tuple: Union[*args], each argument checked.
Object* union_from_tuple(Object* args) {
  return union_class_getitem(nullptr, args);
}

// _Py_union_args (borrowed): isinstance and issubclass test against the arguments.
Object* union_args(Object* self) { return un(self)->args; }

TypeObject union_type = [] {
  TypeObject t = static_type("typing.Union", sizeof(UnionObject), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation | kTpflagsStaticBuiltin);
  t.dealloc = union_dealloc;
  t.repr = union_repr;
  t.as_number = &union_as_number;
  t.as_mapping = &union_as_mapping;
  t.hash = union_hash;
  t.getattro = union_getattro;
  t.traverse = union_traverse;
  t.richcompare = union_richcompare;
  t.weaklistoffset = offsetof(UnionObject, weakreflist);
  t.methods = g_union_methods;
  t.getset = g_union_getset;
  t.doc =
      "Represent a union type\n\n"
      "E.g. for int | str";
  return t;
}();

namespace {
MethodDef g_class_getitem_def = {"__class_getitem__", fn(generic_alias_class_getitem),
                                 kMethO | kMethClass, "See PEP 585"};
// classmethod's and staticmethod's entry has no doc (funcobject.c).
MethodDef g_class_getitem_nodoc_def = {"__class_getitem__", fn(generic_alias_class_getitem),
                                       kMethO | kMethClass, nullptr};
}  // namespace

int init_generic_alias_types() {
  TypeObject* types[] = {&generic_alias_type, &generic_alias_iter_type, &union_type};
  for (TypeObject* t : types)
    if (type_ready(t) < 0) return -1;
  // The builtin generic classes' __class_getitem__ (METH_O|METH_CLASS Py_GenericAlias).
  TypeObject* generic[] = {&list_type,         &dict_type,        &tuple_type,
                           &set_type,          &frozenset_type,   &enum_type,
                           &memoryview_type,   &classmethod_type, &staticmethod_type,
                           &mappingproxy_type, &gen_type};
  for (TypeObject* t : generic) {
    if (!t->dict) continue;
    bool nodoc = t == &classmethod_type || t == &staticmethod_type;
    Ref<> descr = Ref<>::steal(
        descr_new_classmethod(t, nodoc ? &g_class_getitem_nodoc_def : &g_class_getitem_def));
    if (!descr || dict_set_item_string(t->dict, "__class_getitem__", descr.get()) < 0) return -1;
    type_modified(t);
  }
  return 0;
}

}  // namespace cppy::objects
