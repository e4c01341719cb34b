// The hand-written half of Python/Python-ast.c's Python side: the ast.AST type (ast_type_init,
// ast_type_reduce, ast_type_replace, ast_repr), init_types (make_type, add_attributes,
// add_ast_fields, add_ast_annotations), the conversion helpers of ast2obj/obj2ast, the _ast
// module (astmodule_exec), PyAST_mod2obj, PyAST_obj2mod and PyAST_Check. The classes are
// described by the generated table of python_ast_gen.cpp.
#include "ast/python_ast.h"

#include <string>

#include "ast/python_ast_internal.h"
#include "gc/gc.h"
#include "modules/moduledef.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/genericaliasobject.h"
#include "objects/moduleobject.h"
#include "objects/setobject.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "parser/compiler_flags.h"

namespace cppy::ast {

namespace pyast {

namespace {

// AST_object.
struct AstObject : Object {
  Object* dict;
};

// The PyCF_* flags the module exports (Include/cpython/compile.h).

Object* intern(const char* s) { return str_intern_from_cstr(s); }

int ast_clear(Object* op) {
  clear(static_cast<AstObject*>(op)->dict);
  return 0;
}

void ast_dealloc(Object* op) {
  gc::untrack(op);
  ast_clear(op);
  op->type->free(op);
}

int ast_traverse(Object* op, visitproc visit, void* arg) {
  Object* d = static_cast<AstObject*>(op)->dict;
  if (d) return visit(d, arg);
  return 0;
}

// ast_type_init.
int ast_type_init(Object* self, Object* args, Object* kw) {
  State* st = get_state();
  if (!st) return -1;
  TypeObject* tp = self->type;
  Ref<> fields = Ref<>::steal(object_getattr(tp, intern("_fields")));
  if (!fields) return -1;
  ssize numfields = sequence_size(fields.get());
  if (numfields == -1) return -1;
  Ref<> remaining = Ref<>::steal(set_new(fields.get()));
  if (!remaining) return -1;
  ssize nargs = tuple_size(args);
  if (numfields < nargs) {
    errors::format(exc_TypeError, "%.400s constructor takes at most %zd positional argument%s",
                   type_short_name(tp), numfields, numfields == 1 ? "" : "s");
    return -1;
  }
  for (ssize i = 0; i < nargs; i++) {
    Ref<> name = Ref<>::steal(sequence_get_item(fields.get(), i));
    if (!name) return -1;
    int res = object_setattr(self, name.get(), tuple_item(args, i));
    if (set_discard(remaining.get(), name.get()) < 0) return -1;
    if (res < 0) return -1;
  }
  if (kw) {
    Ref<> attributes;
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(kw, &pos, &key, &value)) {
      int contains = sequence_contains(fields.get(), key);
      if (contains == -1) return -1;
      if (contains == 1) {
        int p = set_discard(remaining.get(), key);
        if (p == -1) return -1;
        if (p == 0) {
          errors::format(exc_TypeError, "%.400s got multiple values for argument '%U'",
                         tp->name, key);
          return -1;
        }
      } else {
        if (!attributes) {
          attributes = Ref<>::steal(object_getattr(tp, intern("_attributes")));
          if (!attributes) return -1;
        }
        int in_attrs = sequence_contains(attributes.get(), key);
        if (in_attrs == -1) return -1;
        if (in_attrs == 0 &&
            errors::warn_format(exc_DeprecationWarning, 1,
                                "%.400s.__init__ got an unexpected keyword argument '%U'. "
                                "Support for arbitrary keyword arguments is deprecated and "
                                "will be removed in Python 3.15.",
                                tp->name, key) < 0)
          return -1;
      }
      if (object_setattr(self, key, value) < 0) return -1;
    }
  }
  ssize size = set_size(remaining.get());
  if (size <= 0) return 0;
  Object* ft = nullptr;
  if (object_get_optional_attr(tp, intern("_field_types"), &ft) < 0) return -1;
  // A user-defined subclass of AST without _field_types: missing fields stay unset.
  if (!ft) return 0;
  Ref<> field_types = Ref<>::steal(ft);
  Ref<> remaining_list = Ref<>::steal(sequence_list(remaining.get()));
  if (!remaining_list) return -1;
  for (ssize i = 0; i < size; i++) {
    Object* name = list_item(remaining_list.get(), i);
    Object* type = dict_get_item_with_error(field_types.get(), name);
    if (!type) {
      if (errors::occurred()) return -1;
      if (errors::warn_format(exc_DeprecationWarning, 1,
                              "Field '%U' is missing from %.400s._field_types. "
                              "This will become an error in Python 3.15.",
                              name, tp->name) < 0)
        return -1;
    } else if (union_check(type)) {
      // An optional field: the class holds its None default.
    } else if (type->type == &generic_alias_type) {
      // A list field.
      Ref<> empty = Ref<>::steal(list_new(0));
      if (!empty || object_setattr(self, name, empty.get()) < 0) return -1;
    } else if (type == st->types[kClass_expr_context]) {
      if (object_setattr(self, name, st->singletons[kClass_Load]) < 0) return -1;
    } else {
      if (errors::warn_format(exc_DeprecationWarning, 1,
                              "%.400s.__init__ missing 1 required positional argument: '%U'. "
                              "This will become an error in Python 3.15.",
                              tp->name, name) < 0)
        return -1;
    }
  }
  return 0;
}

// ast_type_reduce: (type, (None,) * k, __dict__) where k counts the leading fields present,
// so that copying sets every required field first and never recurses through the
// positional arguments (gh-120108).
Object* ast_type_reduce(Object* self, Object*) {
  State* st = get_state();
  if (!st) return nullptr;
  Object* d = nullptr;
  if (object_get_optional_attr(self, intern("__dict__"), &d) < 0) return nullptr;
  Object* tp = self->type;
  if (!d) return tuple_pack(2, tp, Ref<>::steal(tuple_new(0)).get());
  Ref<> dict = Ref<>::steal(d);
  Object* f = nullptr;
  if (object_get_optional_attr(tp, intern("_fields"), &f) < 0) return nullptr;
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty) return nullptr;
  if (!f) return tuple_pack(3, tp, empty.get(), dict.get());
  Ref<> fields = Ref<>::steal(f);
  ssize numfields = sequence_size(fields.get());
  if (numfields == -1) return nullptr;
  Ref<> positional = Ref<>::steal(list_new(0));
  if (!positional) return nullptr;
  for (ssize i = 0; i < numfields; i++) {
    Ref<> name = Ref<>::steal(sequence_get_item(fields.get(), i));
    if (!name) return nullptr;
    Object* value = nullptr;
    if (dict_get_item_ref(dict.get(), name.get(), &value) < 0) return nullptr;
    if (!value) break;
    decref(value);
    if (list_append(positional.get(), py_none()) < 0) return nullptr;
  }
  Ref<> args = Ref<>::steal(list_as_tuple(positional.get()));
  if (!args) return nullptr;
  return tuple_pack(3, tp, args.get(), dict.get());
}

// The repr of the sorted names left in a set, joined by ", ".
std::string sorted_reprs(Object* names_set, bool* ok) {
  *ok = false;
  Ref<> names = Ref<>::steal(list_new(0));
  if (!names) return {};
  ssize pos = 0;
  Object* item;
  hash_t hash;
  while (set_next_entry(names_set, &pos, &item, &hash)) {
    Ref<> r = Ref<>::steal(object_repr(item));
    if (!r || list_append(names.get(), r.get()) < 0) return {};
  }
  if (list_sort(names.get()) < 0) return {};
  std::string out;
  for (ssize i = 0; i < list_size(names.get()); i++) {
    if (i) out += ", ";
    ssize n = 0;
    const char* p = str_as_utf8(list_item(names.get(), i), &n);
    if (!p) return {};
    out.append(p, size_t(n));
  }
  *ok = true;
  return out;
}

// ast_type_replace_check: every keyword is a field or attribute and no field would be left
// unset by copy.replace(). 0 or -1.
int ast_type_replace_check(Object* self, Object* dict, Object* fields, Object* attributes,
                           Object* kwargs) {
  Ref<> expecting = Ref<>::steal(set_new(fields));
  if (!expecting) return -1;
  if (attributes && set_update(expecting.get(), attributes) < 0) return -1;
  if (kwargs) {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(kwargs, &pos, &key, &value)) {
      int rc = set_discard(expecting.get(), key);
      if (rc < 0) return -1;
      if (rc == 0) {
        errors::format(exc_TypeError, "%.400s.__replace__ got an unexpected keyword argument '%U'.",
                       self->type->name, key);
        return -1;
      }
    }
  }
  if (dict) {
    ssize pos = 0;
    Object *key, *value;
    while (dict_next(dict, &pos, &key, &value)) {
      if (set_discard(expecting.get(), key) < 0) return -1;
    }
    if (attributes) {
      // Any attribute may be missing once the keywords are known to be valid.
      Ref<> r = Ref<>::steal(
          call_method_one_arg(expecting.get(), intern("difference_update"), attributes));
      if (!r) return -1;
    }
  }
  Object* ft = nullptr;
  if (object_get_optional_attr(self->type, intern("_field_types"), &ft) < 0) return -1;
  if (ft) {
    Ref<> field_types = Ref<>::steal(ft);
    ssize pos = 0;
    Object *name, *type;
    while (dict_next(field_types.get(), &pos, &name, &type)) {
      if (union_check(type) && set_discard(expecting.get(), name) < 0) return -1;
    }
  }
  ssize m = set_size(expecting.get());
  if (m > 0) {
    bool ok = false;
    std::string names = sorted_reprs(expecting.get(), &ok);
    if (!ok) return -1;
    errors::format(exc_TypeError, "%.400s.__replace__ missing %zd keyword argument%s: %s.",
                   self->type->name, m, m == 1 ? "" : "s", names.c_str());
    return -1;
  }
  return 0;
}

// ast_type_replace_update_payload: payload[key] = dict[key] for the keys dict has.
int replace_update_payload(Object* payload, Object* keys, Object* dict) {
  if (!keys) return 0;
  ssize n = sequence_size(keys);
  if (n == -1) return -1;
  for (ssize i = 0; i < n; i++) {
    Ref<> key = Ref<>::steal(sequence_get_item(keys, i));
    if (!key) return -1;
    Object* value = nullptr;
    if (dict_get_item_ref(dict, key.get(), &value) < 0) return -1;
    if (!value) continue;
    Ref<> v = Ref<>::steal(value);
    if (dict_set_item(payload, key.get(), v.get()) < 0) return -1;
  }
  return 0;
}

// ast_type_replace: copy.replace() (a shallow copy with some fields replaced).
Object* ast_type_replace(Object* self, Object* args, Object* kwargs) {
  if (tuple_size(args) != 0) {
    errors::format(exc_TypeError, "__replace__() takes no positional arguments");
    return nullptr;
  }
  State* st = get_state();
  if (!st) return nullptr;
  Object* type = self->type;
  Object *f = nullptr, *a = nullptr, *d = nullptr;
  if (object_get_optional_attr(type, intern("_fields"), &f) < 0) return nullptr;
  Ref<> fields = Ref<>::steal(f);
  if (object_get_optional_attr(type, intern("_attributes"), &a) < 0) return nullptr;
  Ref<> attributes = Ref<>::steal(a);
  if (object_get_optional_attr(self, intern("__dict__"), &d) < 0) return nullptr;
  Ref<> dict = Ref<>::steal(d);
  if (ast_type_replace_check(self, dict.get(), fields.get(), attributes.get(), kwargs) < 0)
    return nullptr;
  Ref<> empty = Ref<>::steal(tuple_new(0));
  Ref<> payload = Ref<>::steal(dict_new());
  if (!empty || !payload) return nullptr;
  if (dict) {
    if (replace_update_payload(payload.get(), fields.get(), dict.get()) < 0) return nullptr;
    if (replace_update_payload(payload.get(), attributes.get(), dict.get()) < 0) return nullptr;
  }
  if (kwargs && dict_update(payload.get(), kwargs) < 0) return nullptr;
  return object_call(type, empty.get(), payload.get());
}

bool is_ast_node(State* st, Object* o) {
  return is_subtype(o->type, static_cast<TypeObject*>(st->AST_type));
}

bool append_str(std::string* out, Object* s) {
  ssize n = 0;
  const char* p = str_as_utf8(s, &n);
  if (!p) return false;
  out->append(p, size_t(n));
  return true;
}

bool ast_repr_max_depth(State* st, Object* self, int depth, std::string* out);

// ast_repr_list: the first and last items of a list or tuple, "..." between.
bool ast_repr_list(State* st, Object* list, int depth, std::string* out) {
  ssize length = sequence_size(list);
  if (length < 0) return false;
  if (length == 0) {
    Ref<> r = Ref<>::steal(object_repr(list));
    return r && append_str(out, r.get());
  }
  bool is_list = list_check(list);
  *out += is_list ? '[' : '(';
  for (ssize i = 0; i < (length < 2 ? length : 2); i++) {
    if (i > 0) *out += ", ";
    Ref<> item = Ref<>::steal(sequence_get_item(list, i == 0 ? 0 : length - 1));
    if (!item) return false;
    if (is_ast_node(st, item.get())) {
      if (!ast_repr_max_depth(st, item.get(), depth - 1, out)) return false;
    } else {
      Ref<> r = Ref<>::steal(object_repr(item.get()));
      if (!r || !append_str(out, r.get())) return false;
    }
    if (i == 0 && length > 2) *out += ", ...";
  }
  *out += is_list ? ']' : ')';
  return true;
}

// ast_repr_max_depth.
bool ast_repr_max_depth(State* st, Object* self, int depth, std::string* out) {
  const char* tp_name = self->type->name;
  if (depth <= 0) {
    *out += tp_name;
    *out += "(...)";
    return true;
  }
  int status = object_print_repr_enter(self);
  if (status != 0) {
    if (status < 0) return false;
    *out += tp_name;
    *out += "(...)";
    return true;
  }
  struct Leave {
    Object* o;
    ~Leave() { object_print_repr_leave(o); }
  } leave{self};
  Object* f = nullptr;
  if (object_get_optional_attr(self->type, intern("_fields"), &f) < 0) return false;
  Ref<> fields = Ref<>::steal(f);
  ssize numfields = sequence_size(fields.get());
  if (numfields < 0) return false;
  *out += tp_name;
  *out += '(';
  for (ssize i = 0; i < numfields; i++) {
    Ref<> name = Ref<>::steal(sequence_get_item(fields.get(), i));
    if (!name) return false;
    Ref<> value = Ref<>::steal(object_getattr(self, name.get()));
    if (!value) return false;
    if (i > 0) *out += ", ";
    if (!append_str(out, name.get())) return false;
    *out += '=';
    if (list_check(value.get()) || tuple_check(value.get())) {
      if (!ast_repr_list(st, value.get(), depth, out)) return false;
    } else if (is_ast_node(st, value.get())) {
      if (!ast_repr_max_depth(st, value.get(), depth - 1, out)) return false;
    } else {
      Ref<> r = Ref<>::steal(object_repr(value.get()));
      if (!r || !append_str(out, r.get())) return false;
    }
  }
  *out += ')';
  return true;
}

// ast_repr.
Object* ast_repr(Object* self) {
  State* st = get_state();
  if (!st) return nullptr;
  std::string out;
  if (!ast_repr_max_depth(st, self, 3, &out)) return nullptr;
  return str_from_utf8(out.data(), ssize(out.size()));
}

MethodDef ast_type_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(ast_type_reduce), kMethNoArgs, nullptr},
    {"__replace__", reinterpret_cast<void*>(ast_type_replace), kMethVarargs | kMethKeywords,
     "__replace__($self, /, **fields)\n--\n\n"
     "Return a copy of the AST node with new values for the specified fields."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef ast_type_getsets[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// AST_type_spec ("ast.AST"): a static type here.
TypeObject ast_type = [] {
  TypeObject t = static_type("ast.AST", sizeof(AstObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype);
  t.dealloc = ast_dealloc;
  t.repr = ast_repr;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = ast_traverse;
  t.clear = ast_clear;
  t.methods = ast_type_methods;
  t.getset = ast_type_getsets;
  t.dictoffset = offsetof(AstObject, dict);
  t.init = ast_type_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  return t;
}();

// Sets an attribute in a static type's dict (PyObject_SetAttr on CPython's heap AST type).
int set_type_dict_item(TypeObject* type, const char* name, Object* value) {
  if (dict_set_item(type->dict, intern(name), value) < 0) return -1;
  type_modified(type);
  return 0;
}

// add_ast_fields: AST._fields = AST.__match_args__ = AST._attributes = ().
int add_ast_fields() {
  Ref<> empty = Ref<>::steal(tuple_new(0));
  if (!empty) return -1;
  for (const char* n : {"_fields", "__match_args__", "_attributes"})
    if (set_type_dict_item(&ast_type, n, empty.get()) < 0) return -1;
  return 0;
}

// A tuple of the interned names of specs.
Object* names_tuple(State* st, const FieldSpec* specs, int n) {
  Object* t = tuple_new(n);
  if (!t) return nullptr;
  for (int i = 0; i < n; i++) tuple_set_item(t, i, new_ref(st->ids[specs[i].id]));
  return t;
}

// make_type: type(name, (base,), {_fields, __match_args__, __module__: 'ast', __doc__}).
Object* make_type(State* st, const ClassSpec& spec, Object* base) {
  Ref<> fnames = Ref<>::steal(names_tuple(st, spec.fields, spec.nfields));
  if (!fnames) return nullptr;
  Ref<> dict = Ref<>::steal(dict_new());
  Ref<> doc = Ref<>::steal(str_from_cstr(spec.doc));
  Ref<> name = Ref<>::steal(str_from_cstr(spec.name));
  if (!dict || !doc || !name) return nullptr;
  if (dict_set_item(dict.get(), intern("_fields"), fnames.get()) < 0 ||
      dict_set_item(dict.get(), intern("__match_args__"), fnames.get()) < 0 ||
      dict_set_item(dict.get(), intern("__module__"), intern("ast")) < 0 ||
      dict_set_item(dict.get(), intern("__doc__"), doc.get()) < 0)
    return nullptr;
  Ref<> bases = Ref<>::steal(tuple_pack(1, base));
  if (!bases) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(3, name.get(), bases.get(), dict.get()));
  if (!args) return nullptr;
  return object_call(&Type_Type, args.get(), nullptr);
}

// The _field_types value of a field: T, list[T] or T | None.
Object* field_type(State* st, const FieldSpec& f) {
  Object* t = nullptr;
  switch (f.kind) {
    case kFieldNode: t = st->types[f.type_class]; break;
    case kFieldStr: t = &str_type; break;
    case kFieldObject: t = &BaseObject_Type; break;
    default: t = &long_type; break;
  }
  if (f.seq) return generic_alias_new(&list_type, t);
  if (f.opt) return union_type_or(t, py_none());
  return new_ref(t);
}

// add_ast_annotations: _field_types (and __annotations__) of every concrete class.
int add_ast_annotations(State* st) {
  for (int i = 0; i < kNumClasses; i++) {
    const ClassSpec& spec = kClassSpecs[i];
    if (!spec.annotated) continue;
    Ref<> d = Ref<>::steal(dict_new());
    if (!d) return -1;
    for (int k = 0; k < spec.nfields; k++) {
      Ref<> t = Ref<>::steal(field_type(st, spec.fields[k]));
      if (!t || dict_set_item(d.get(), st->ids[spec.fields[k].id], t.get()) < 0) return -1;
    }
    if (object_setattr(st->types[i], intern("_field_types"), d.get()) < 0) return -1;
    if (object_setattr(st->types[i], intern("__annotations__"), d.get()) < 0) return -1;
  }
  return 0;
}

// init_types.
int init_types(State* st) {
  for (int i = 0; i < kNumIds; i++) {
    st->ids[i] = intern(kIdNames[i]);
    if (!st->ids[i]) return -1;
    incref(st->ids[i]);
  }
  if (type_ready(&ast_type) < 0) return -1;
  st->AST_type = &ast_type;
  if (add_ast_fields() < 0) return -1;
  for (int i = 0; i < kNumClasses; i++) {
    const ClassSpec& spec = kClassSpecs[i];
    Object* base = spec.base < 0 ? st->AST_type : st->types[spec.base];
    Object* type = make_type(st, spec, base);
    if (!type) return -1;
    st->types[i] = type;
    if (spec.sets_attributes) {
      Ref<> attrs = Ref<>::steal(names_tuple(st, spec.attributes, spec.nattributes));
      if (!attrs || object_setattr(type, intern("_attributes"), attrs.get()) < 0) return -1;
    }
    // Optional fields, then optional attributes, default to None on the class.
    for (int k = 0; k < spec.nfields; k++) {
      const FieldSpec& f = spec.fields[k];
      if (f.opt && !f.seq && object_setattr(type, st->ids[f.id], py_none()) < 0) return -1;
    }
    for (int k = 0; k < spec.nattributes; k++) {
      const FieldSpec& f = spec.attributes[k];
      if (f.opt && object_setattr(type, st->ids[f.id], py_none()) < 0) return -1;
    }
    if (spec.singleton) {
      st->singletons[i] = type_generic_new(static_cast<TypeObject*>(type), nullptr, nullptr);
      if (!st->singletons[i]) return -1;
    }
  }
  return add_ast_annotations(st);
}

State* g_state = nullptr;

}  // namespace

// get_ast_state.
State* get_state() {
  if (g_state) return g_state;
  auto* st = new State();
  if (init_types(st) < 0) return nullptr;  // the partial state leaks, as a failed start-up
  g_state = st;
  return st;
}

// ---- ast2obj helpers ----

Object* new_node(State* st, int cls) {
  return type_generic_new(static_cast<TypeObject*>(st->types[cls]), nullptr, nullptr);
}

bool put(State* st, Object* node, int id, Object* value) {
  if (!value) return false;
  int r = object_setattr(node, st->ids[id], value);
  decref(value);
  return r == 0;
}

// ---- obj2ast helpers ----

// obj2ast_object: None is null; the arena keeps a reference to anything else.
int obj2ast_object(State*, Object* obj, Object** out, Arena* arena) {
  if (obj == py_none()) {
    *out = nullptr;
    return 0;
  }
  incref(obj);
  if (arena->add_object(obj) < 0) {
    decref(obj);
    *out = nullptr;
    return -1;
  }
  *out = obj;
  return 0;
}

// obj2ast_constant: any object, None included.
int obj2ast_constant(State*, Object* obj, Object** out, Arena* arena) {
  incref(obj);
  if (arena->add_object(obj) < 0) {
    decref(obj);
    *out = nullptr;
    return -1;
  }
  *out = obj;
  return 0;
}

int obj2ast_identifier(State* st, Object* obj, Object** out, Arena* arena) {
  if (!str_check_exact(obj) && obj != py_none()) {
    errors::set_string(exc_TypeError, "AST identifier must be of type str");
    return -1;
  }
  return obj2ast_object(st, obj, out, arena);
}

int obj2ast_string(State* st, Object* obj, Object** out, Arena* arena) {
  if (!str_check_exact(obj) && !bytes_check_exact(obj)) {
    errors::set_string(exc_TypeError, "AST string must be of type str");
    return -1;
  }
  return obj2ast_object(st, obj, out, arena);
}

int obj2ast_int(State*, Object* obj, int* out, Arena*) {
  if (!long_check(obj)) {
    errors::format(exc_ValueError, "invalid integer value: %R", obj);
    return -1;
  }
  int i = long_as_int(obj);
  if (i == -1 && errors::occurred()) return -1;
  *out = i;
  return 0;
}

int obj2ast_simple(State* st, Object* obj, int first, int count, const char* name, int* out) {
  for (int i = 0; i < count; i++) {
    int isinstance = object_is_instance(obj, st->types[first + i]);
    if (isinstance == -1) return -1;
    if (isinstance) {
      *out = i + 1;
      return 0;
    }
  }
  errors::format(exc_TypeError, "expected some sort of %s, but got %R", name, obj);
  return -1;
}

int lookup_field(State* st, Object* obj, int id, Object** tmp) {
  int r = object_get_optional_attr(obj, st->ids[id], tmp);
  if (r < 0) return -1;
  return *tmp ? 1 : 0;
}

void required_field_error(State* st, int id, const char* owner) {
  errors::format(exc_TypeError, "required field \"%U\" missing from %s", st->ids[id], owner);
}

void not_a_list_error(State* st, int id, const char* owner, Object* value) {
  errors::format(exc_TypeError, "%s field \"%U\" must be a list, not a %.200s", owner,
                 st->ids[id], type_short_name(value->type));
}

void changed_size_error(State* st, int id, const char* owner) {
  errors::format(exc_RuntimeError, "%s field \"%U\" changed size during iteration", owner,
                 st->ids[id]);
}

namespace {

// astmodule_exec: AST, every class, and the PyCF_* flags.
int astmodule_exec(Object* m) {
  State* st = get_state();
  if (!st) return -1;
  if (module_add_object_ref(m, "AST", st->AST_type) < 0) return -1;
  const std::pair<const char*, int> flags[] = {
      {"PyCF_ALLOW_TOP_LEVEL_AWAIT", parser::kPyCF_ALLOW_TOP_LEVEL_AWAIT},
      {"PyCF_ONLY_AST", parser::kPyCF_ONLY_AST},
      {"PyCF_TYPE_COMMENTS", parser::kPyCF_TYPE_COMMENTS},
      {"PyCF_OPTIMIZED_AST", parser::kPyCF_OPTIMIZED_AST},
  };
  for (const auto& [name, value] : flags) {
    Ref<> v = Ref<>::steal(long_from_long(value));
    if (!v || module_add_object_ref(m, name, v.get()) < 0) return -1;
  }
  for (int i = 0; i < kNumClasses; i++)
    if (module_add_object_ref(m, kClassSpecs[i].name, st->types[i]) < 0) return -1;
  return 0;
}

modules::ModuleDef astmodule_def = {"_ast", nullptr, nullptr, astmodule_exec};

}  // namespace

modules::ModuleDef* module_def() { return &astmodule_def; }

}  // namespace pyast

// PyAST_mod2obj.
Object* mod_to_object(mod_ty t) {
  pyast::State* st = pyast::get_state();
  if (!st) return nullptr;
  return pyast::ast2obj_mod_entry(st, t);
}

// PyAST_obj2mod: mode 0 "exec", 1 "eval", 2 "single", 3 "func_type".
mod_ty object_to_mod(Object* ast, Arena* arena, int mode) {
  pyast::State* st = pyast::get_state();
  if (!st) return nullptr;
  static const char* const req_name[] = {"Module", "Expression", "Interactive",
                                         "FunctionType"};
  const int req_class[] = {pyast::kClass_Module, pyast::kClass_Expression,
                           pyast::kClass_Interactive, pyast::kClass_FunctionType};
  int isinstance = objects::object_is_instance(ast, st->types[req_class[mode]]);
  if (isinstance < 0) return nullptr;
  if (!isinstance) {
    errors::format(objects::exc_TypeError, "expected %s node, got %.400s", req_name[mode],
                   objects::type_short_name(ast->type));
    return nullptr;
  }
  mod_ty res = nullptr;
  if (pyast::obj2ast_mod_entry(st, ast, &res, arena) != 0) return nullptr;
  return res;
}

// PyAST_Check.
int ast_check(Object* obj) {
  pyast::State* st = pyast::get_state();
  if (!st) return -1;
  return objects::object_is_instance(obj, st->AST_type);
}

}  // namespace cppy::ast
