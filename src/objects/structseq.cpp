// Struct sequences: Objects/structseq.c. An instance is a tuple whose allocation holds all
// n_fields items while its visible size is n_sequence_fields; the extra ones are reachable
// only as attributes (os.stat_result.st_atime as a float, for example).
#include "objects/structseq.h"

#include <cstddef>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

const char* const kStructSeqUnnamedField = "unnamed field";

namespace {

// The sizes live in the type's dict, as CPython keeps them (REAL_SIZE_TP, VISIBLE_SIZE_TP,
// UNNAMED_FIELDS_TP).
ssize size_from_dict(TypeObject* type, const char* key) {
  for (TypeObject* t = type; t; t = t->base) {
    if (!t->dict) continue;
    Object* v = dict_get_item_string(t->dict, key);
    if (v) return long_as_ssize(v);
  }
  errors::format(exc_TypeError, "Missed attribute '%s' of type %s", key, type->name);
  return -1;
}
ssize real_size(Object* o) { return size_from_dict(o->type, "n_fields"); }

void structseq_dealloc(Object* o) {
  gc::untrack(o);
  auto* t = static_cast<TupleObject*>(o);
  ssize n = real_size(o);
  if (n < 0) {
    errors::clear();
    n = t->size;
  }
  for (ssize i = 0; i < n; ++i) xdecref(t->items[i]);
  TypeObject* type = o->type;
  type->free(o);
  // A heap type using this dealloc directly holds the reference; class-statement subclasses
  // drop theirs in subtype_dealloc.
  if (type_has_feature(type, kTpflagsHeaptype) && type->dealloc == structseq_dealloc) decref(type);
}

int structseq_traverse(Object* o, visitproc visit, void* arg) {
  auto* t = static_cast<TupleObject*>(o);
  ssize n = real_size(o);
  if (n < 0) {
    errors::clear();
    n = t->size;
  }
  for (ssize i = 0; i < n; ++i)
    if (t->items[i]) {
      int r = visit(t->items[i], arg);
      if (r) return r;
    }
  if (type_has_feature(o->type, kTpflagsHeaptype)) return visit(o->type, arg);
  return 0;
}

// structseq_new_impl: structseq(sequence, dict=None).
Object* structseq_tp_new(TypeObject* type, Object* args, Object* kwds) {
  Object* arg = nullptr;
  Object* dict = nullptr;
  ssize nargs = tuple_size(args);
  if (nargs > 2) {
    return errors::format(exc_TypeError, "structseq() takes at most 2 arguments (%zd given)",
                          nargs + (kwds ? dict_size(kwds) : 0));
  }
  if (nargs > 0) arg = tuple_item(args, 0);
  if (nargs > 1) dict = tuple_item(args, 1);
  if (kwds) {
    ssize used = 0;
    if (Object* v = dict_get_item_string(kwds, "sequence")) {
      if (arg) {
        return errors::format(exc_TypeError,
                              "argument for structseq() given by name ('sequence') and "
                              "position (1)");
      }
      arg = v;
      ++used;
    }
    if (Object* v = dict_get_item_string(kwds, "dict")) {
      if (dict) {
        return errors::format(exc_TypeError,
                              "argument for structseq() given by name ('dict') and position (2)");
      }
      dict = v;
      ++used;
    }
    if (used != dict_size(kwds)) {
      Object* key = nullptr;
      Object* value = nullptr;
      ssize pos = 0;
      while (dict_next(kwds, &pos, &key, &value)) {
        if (str_compare_cstr(key, "sequence") != 0 && str_compare_cstr(key, "dict") != 0)
          return errors::format(exc_TypeError,
                                "structseq() got an unexpected keyword argument '%U'", key);
      }
    }
  }
  if (!arg) {
    return errors::format(exc_TypeError,
                          "structseq() missing required argument 'sequence' (pos 1)");
  }
  if (dict == none()) dict = nullptr;
  ssize min_len = size_from_dict(type, "n_sequence_fields");
  if (min_len < 0) return nullptr;
  ssize max_len = size_from_dict(type, "n_fields");
  if (max_len < 0) return nullptr;
  ssize n_unnamed = size_from_dict(type, "n_unnamed_fields");
  if (n_unnamed < 0) return nullptr;
  Ref<> seq = Ref<>::steal(sequence_fast(arg, "constructor requires a sequence"));
  if (!seq) return nullptr;
  if (dict && !dict_check(dict)) {
    return errors::format(exc_TypeError, "%.500s() takes a dict as second arg, if any",
                          type->name);
  }
  ssize len = object_size(seq.get());
  if (len < 0) return nullptr;
  if (min_len != max_len) {
    if (len < min_len) {
      return errors::format(exc_TypeError,
                            "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                            type->name, min_len, len);
    }
    if (len > max_len) {
      return errors::format(exc_TypeError,
                            "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                            type->name, max_len, len);
    }
  } else if (len != min_len) {
    return errors::format(exc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                          type->name, min_len, len);
  }
  Ref<> res = Ref<>::steal(structseq_new(type));
  if (!res) return nullptr;
  Object* const* items = tuple_check(seq.get()) ? tuple_items(seq.get())
                                                : list_items(seq.get());
  auto* r = static_cast<TupleObject*>(res.get());
  for (ssize i = 0; i < len; ++i) r->items[i] = new_ref(items[i]);
  ssize used = 0;
  for (ssize i = len; i < max_len; ++i) {
    Object* ob = nullptr;
    if (dict) {
      const char* name = type->members[i - n_unnamed].name;
      ob = dict_get_item_string(dict, name);
      if (ob) ++used;
      else if (errors::occurred()) return nullptr;
    }
    r->items[i] = new_ref(ob ? ob : none());
  }
  if (dict && dict_size(dict) > used) {
    return errors::format(exc_TypeError, "%.500s() got duplicate or unexpected field name(s)",
                          type->name);
  }
  gc::track(res.get());
  return res.release();
}

// structseq_repr: "name(field=value, ...)" over the visible items. The names come from the
// member table, which skips unnamed fields, so after an unnamed field a visible item shows
// under the next name (as os.stat_result shows its integer times as st_atime=...).
Object* structseq_repr(Object* o) {
  TypeObject* type = o->type;
  auto* t = static_cast<TupleObject*>(o);
  std::string out = type->name;
  out += '(';
  int rec = object_print_repr_enter(o);
  if (rec != 0) {
    if (rec < 0) return nullptr;
    out += "...)";
    return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
  }
  for (ssize i = 0; i < t->size; ++i) {
    if (i > 0) out += ", ";
    const char* name = type->members[i].name;
    if (!name) {
      object_print_repr_leave(o);
      return errors::format(exc_SystemError,
                            "In structseq_repr(), member %zd name is NULL for type %.500s", i,
                            type->name);
    }
    out += name;
    out += '=';
    Ref<> r = Ref<>::steal(object_repr(t->items[i]));
    if (!r) {
      object_print_repr_leave(o);
      return nullptr;
    }
    ssize n = 0;
    const char* s = str_as_utf8(r.get(), &n);
    if (!s) {
      object_print_repr_leave(o);
      return nullptr;
    }
    out.append(s, static_cast<size_t>(n));
  }
  object_print_repr_leave(o);
  out += ')';
  return str_from_utf8(out.data(), static_cast<ssize>(out.size()));
}

// structseq_reduce: (type, (visible_tuple, {hidden_name: value}))
Object* structseq_reduce(Object* self, Object*) {
  ssize n_fields = real_size(self);
  if (n_fields < 0) return nullptr;
  ssize n_visible = tuple_size(self);
  ssize n_unnamed = size_from_dict(self->type, "n_unnamed_fields");
  if (n_unnamed < 0) return nullptr;
  auto* t = static_cast<TupleObject*>(self);
  Ref<> tup = Ref<>::steal(tuple_from_array(t->items, n_visible));
  if (!tup) return nullptr;
  Ref<> dict = Ref<>::steal(dict_new());
  if (!dict) return nullptr;
  for (ssize i = n_visible; i < n_fields; ++i) {
    const char* name = self->type->members[i - n_unnamed].name;
    if (dict_set_item_string(dict.get(), name, t->items[i]) < 0) return nullptr;
  }
  Ref<> inner = Ref<>::steal(tuple_pack(2, tup.get(), dict.get()));
  if (!inner) return nullptr;
  return tuple_pack(2, static_cast<Object*>(self->type), inner.get());
}

// structseq_replace (__replace__, 3.13): a copy with the named fields replaced.
Object* structseq_replace(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs != 0) {
    return errors::format(exc_TypeError, "__replace__() takes no positional arguments");
  }
  TypeObject* type = self->type;
  ssize n_fields = real_size(self);
  if (n_fields < 0) return nullptr;
  ssize n_unnamed = size_from_dict(type, "n_unnamed_fields");
  if (n_unnamed < 0) return nullptr;
  if (n_unnamed > 0) {
    return errors::format(exc_TypeError,
                          "__replace__() is not supported for %.500s because it has unnamed field(s)",
                          type->name);
  }
  Ref<> res = Ref<>::steal(structseq_new(type));
  if (!res) return nullptr;
  auto* src = static_cast<TupleObject*>(self);
  auto* dst = static_cast<TupleObject*>(res.get());
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  ssize used = 0;
  for (ssize i = 0; i < n_fields; ++i) {
    Object* v = src->items[i];
    for (ssize k = 0; k < nkw; ++k) {
      if (str_compare_cstr(tuple_item(kwnames, k), type->members[i].name) == 0) {
        v = args[k];
        ++used;
        break;
      }
    }
    dst->items[i] = new_ref(v);
  }
  if (used != nkw) {
    Ref<> names = Ref<>::steal(list_new(0));
    if (!names) return nullptr;
    for (ssize k = 0; k < nkw; ++k) {
      bool known = false;
      for (ssize i = 0; i < n_fields; ++i)
        if (str_compare_cstr(tuple_item(kwnames, k), type->members[i].name) == 0) known = true;
      if (!known && list_append(names.get(), tuple_item(kwnames, k)) < 0) return nullptr;
    }
    return errors::format(exc_TypeError, "Got unexpected field name(s): %R", names.get());
  }
  return res.release();
}

MethodDef structseq_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(structseq_reduce), kMethNoArgs, nullptr},
    {"__replace__", reinterpret_cast<void*>(structseq_replace),
     kMethFastcall | kMethKeywords,
     "__replace__($self, /, **changes)\n--\n\nReturn a copy of the structure with new values for "
     "the specified fields."},
    {nullptr, nullptr, 0, nullptr}};

}  // namespace

// PyStructSequence_InitType2.
int structseq_init_type(TypeObject* type, StructSeqDesc* desc, unsigned long tp_flags) {
  if (type_has_feature(type, kTpflagsReady)) return 0;
  ssize n_members = 0, n_unnamed = 0;
  for (StructSeqField* f = desc->fields; f->name; ++f) {
    if (f->name == kStructSeqUnnamedField) ++n_unnamed;
    else ++n_members;
  }
  ssize n_fields = n_members + n_unnamed;
  // The member table lives as long as the type (static types are never freed).
  auto* members = new MemberDef[static_cast<size_t>(n_members) + 1]();
  ssize k = 0;
  for (ssize i = 0; i < n_fields; ++i) {
    StructSeqField& f = desc->fields[i];
    if (f.name == kStructSeqUnnamedField) continue;
    members[k++] = MemberDef{f.name, kMemberObject,
                             static_cast<ssize>(offsetof(TupleObject, items) +
                                                static_cast<size_t>(i) * sizeof(Object*)),
                             kMemberReadonly, f.doc};
  }
  members[k] = MemberDef{nullptr, 0, 0, 0, nullptr};
  TypeObject t = static_type(desc->name, sizeof(TupleObject) - sizeof(Object*), sizeof(Object*),
                             kTpflagsHaveGc | tp_flags);
  t.dealloc = structseq_dealloc;
  t.repr = structseq_repr;
  t.doc = desc->doc;
  t.traverse = structseq_traverse;
  t.methods = structseq_methods;
  t.new_ = structseq_tp_new;
  t.members = members;
  t.base = &tuple_type;
  *type = t;
  if (type_ready(type) < 0) return -1;
  struct {
    const char* key;
    ssize value;
  } const sizes[] = {{"n_sequence_fields", desc->n_in_sequence},
                     {"n_fields", n_fields},
                     {"n_unnamed_fields", n_unnamed}};
  for (auto& s : sizes) {
    Ref<> v = Ref<>::steal(long_from_ssize(s.value));
    if (!v || dict_set_item_string(type->dict, s.key, v.get()) < 0) return -1;
  }
  // __match_args__: the visible named fields.
  Ref<> match = Ref<>::steal(list_new(0));
  if (!match) return -1;
  for (ssize i = 0; i < desc->n_in_sequence; ++i) {
    if (desc->fields[i].name == kStructSeqUnnamedField) continue;
    Ref<> name = Ref<>::steal(str_from_cstr(desc->fields[i].name));
    if (!name || list_append(match.get(), name.get()) < 0) return -1;
  }
  Ref<> match_t = Ref<>::steal(sequence_tuple(match.get()));
  if (!match_t || dict_set_item_string(type->dict, "__match_args__", match_t.get()) < 0)
    return -1;
  type_modified(type);
  return 0;
}

// PyStructSequence_New.
Object* structseq_new(TypeObject* type) {
  ssize size = size_from_dict(type, "n_fields");
  if (size < 0) return nullptr;
  ssize vsize = size_from_dict(type, "n_sequence_fields");
  if (vsize < 0) return nullptr;
  // PyObject_GC_NewVar: untracked; structseq_new_impl tracks what it builds, the C-level
  // users (os.stat, time.gmtime, sys.flags...) leave their results untracked.
  Object* o = type_alloc_no_track(type, size);
  if (!o) return nullptr;
  auto* t = static_cast<TupleObject*>(o);
  t->size = vsize;
  t->hash_cache = -1;
  for (ssize i = 0; i < size; ++i) t->items[i] = nullptr;
  return o;
}

void structseq_set_item(Object* s, ssize i, Object* v) {
  static_cast<TupleObject*>(s)->items[i] = v;
}
Object* structseq_get_item(Object* s, ssize i) { return static_cast<TupleObject*>(s)->items[i]; }

}  // namespace cppy::objects
