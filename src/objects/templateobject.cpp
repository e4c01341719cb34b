// Template strings (PEP 750), 3.14: Objects/templateobject.c and Objects/interpolationobject.c.
// Lib/string/templatelib.py names the types from a t-string; the objects live here.
#include "objects/templateobject.h"

#include <cstddef>

#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/genericaliasobject.h"
#include "objects/listobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::objects {

namespace {

template <typename F>
void* fn(F f) {
  return reinterpret_cast<void*>(f);
}

struct TemplateObject : Object {
  Object* strings;         // tuple of str, one more than interpolations
  Object* interpolations;  // tuple of Interpolation
};

struct TemplateIterObject : Object {
  Object* stringsiter;
  Object* interpolationsiter;
  bool from_strings;
};

struct InterpolationObject : Object {
  Object* value;
  Object* expression;
  Object* conversion;
  Object* format_spec;
};

TemplateObject* tp(Object* o) { return static_cast<TemplateObject*>(o); }
TemplateIterObject* ti(Object* o) { return static_cast<TemplateIterObject*>(o); }
InterpolationObject* ip(Object* o) { return static_cast<InterpolationObject*>(o); }

int visit_all(std::initializer_list<Object*> objs, visitproc visit, void* arg) {
  for (Object* o : objs)
    if (o)
      if (int r = visit(o, arg)) return r;
  return 0;
}

// --- the iterator ---------------------------------------------------------------------------

// PyIter_Next: the next item, or null (with an error only when one occurred).
Object* next_item(Object* it) { return it->type->iternext(it); }

// templateiter_next: strings and interpolations alternately, empty strings skipped.
Object* templateiter_next(Object* self) {
  TemplateIterObject* it = ti(self);
  Object* item;
  if (it->from_strings) {
    item = next_item(it->stringsiter);
    it->from_strings = false;
    if (item && str_length(item) == 0) {
      decref(item);
      item = next_item(it->interpolationsiter);
      it->from_strings = true;
    }
  } else {
    item = next_item(it->interpolationsiter);
    it->from_strings = true;
  }
  return item;
}

int templateiter_clear(Object* self) {
  clear(ti(self)->stringsiter);
  clear(ti(self)->interpolationsiter);
  return 0;
}
void templateiter_dealloc(Object* self) {
  gc::untrack(self);
  templateiter_clear(self);
  self->type->free(self);
}
int templateiter_traverse(Object* self, visitproc visit, void* arg) {
  return visit_all({ti(self)->stringsiter, ti(self)->interpolationsiter}, visit, arg);
}

// --- Template -------------------------------------------------------------------------------

int template_clear(Object* self) {
  clear(tp(self)->strings);
  clear(tp(self)->interpolations);
  return 0;
}
void template_dealloc(Object* self) {
  gc::untrack(self);
  template_clear(self);
  self->type->free(self);
}
int template_traverse(Object* self, visitproc visit, void* arg) {
  return visit_all({tp(self)->strings, tp(self)->interpolations}, visit, arg);
}

// template_new: Template(*args) of str and Interpolation items; adjacent strings join, and
// the strings always surround the interpolations.
Object* template_new(TypeObject*, Object* args, Object* kwds) {
  if (kwds) {
    errors::set_string(exc_TypeError, "Template.__new__ only accepts *args arguments");
    return nullptr;
  }
  ssize n = tuple_size(args);
  for (ssize i = 0; i < n; ++i) {
    Object* item = tuple_item(args, i);
    if (!str_check(item) && item->type != &interpolation_type) {
      return errors::format(
          exc_TypeError,
          "Template.__new__ *args need to be of type 'str' or 'Interpolation', got %T", item);
    }
  }
  Ref<> strings = Ref<>::steal(list_new(0));
  Ref<> interpolations = Ref<>::steal(list_new(0));
  if (!strings || !interpolations) return nullptr;
  Ref<> empty = Ref<>::steal(str_from_cstr(""));
  if (!empty) return nullptr;
  bool last_was_str = false;
  for (ssize i = 0; i < n; ++i) {
    Object* item = tuple_item(args, i);
    if (str_check(item)) {
      if (last_was_str) {
        ssize last = list_size(strings.get()) - 1;
        Object* concat = str_concat(list_get_item(strings.get(), last), item);
        if (!concat || list_set_item(strings.get(), last, concat) < 0) return nullptr;
      } else if (list_append(strings.get(), item) < 0) {
        return nullptr;
      }
      last_was_str = true;
    } else {
      if (!last_was_str && list_append(strings.get(), empty.get()) < 0) return nullptr;
      if (list_append(interpolations.get(), item) < 0) return nullptr;
      last_was_str = false;
    }
  }
  if (!last_was_str && list_append(strings.get(), empty.get()) < 0) return nullptr;
  Ref<> st = Ref<>::steal(list_as_tuple(strings.get()));
  Ref<> it = Ref<>::steal(list_as_tuple(interpolations.get()));
  if (!st || !it) return nullptr;
  return template_build(st.get(), it.get());
}

Object* template_repr(Object* self) {
  return str_from_format("%s(strings=%R, interpolations=%R)", type_short_name(self->type),
                         tp(self)->strings, tp(self)->interpolations);
}

Object* template_iter(Object* self) {
  Ref<> strings = Ref<>::steal(object_get_iter(tp(self)->strings));
  if (!strings) return nullptr;
  Ref<> interpolations = Ref<>::steal(object_get_iter(tp(self)->interpolations));
  if (!interpolations) return nullptr;
  Object* o = type_generic_alloc(&templateiter_type, 0);
  if (!o) return nullptr;
  ti(o)->stringsiter = strings.release();
  ti(o)->interpolationsiter = interpolations.release();
  ti(o)->from_strings = true;
  return o;
}

// template_concat_templates: the last string of a and the first of b join.
Object* template_concat_templates(Object* a, Object* b) {
  Object* sa = tp(a)->strings;
  Object* sb = tp(b)->strings;
  ssize na = tuple_size(sa), nb = tuple_size(sb);
  Ref<> joined = Ref<>::steal(str_concat(tuple_item(sa, na - 1), tuple_item(sb, 0)));
  if (!joined) return nullptr;
  Ref<> strings = Ref<>::steal(tuple_new(na + nb - 1));
  if (!strings) return nullptr;
  ssize k = 0;
  for (ssize i = 0; i < na - 1; ++i) tuple_set_item(strings.get(), k++, new_ref(tuple_item(sa, i)));
  tuple_set_item(strings.get(), k++, joined.release());
  for (ssize i = 1; i < nb; ++i) tuple_set_item(strings.get(), k++, new_ref(tuple_item(sb, i)));
  Ref<> interpolations =
      Ref<>::steal(sequence_concat(tp(a)->interpolations, tp(b)->interpolations));
  if (!interpolations) return nullptr;
  return template_build(strings.get(), interpolations.get());
}

// template_concat (3.14): only a Template joins a Template.
Object* template_concat(Object* self, Object* other) {
  if (self->type == &template_type && other->type == &template_type)
    return template_concat_templates(self, other);
  return errors::format(exc_TypeError, "can only concatenate %s (not \"%T\") to %s",
                        self->type->name, other, self->type->name);
}

Object* template_values_get(Object* self, void*) {
  Object* interpolations = tp(self)->interpolations;
  ssize n = tuple_size(interpolations);
  Object* values = tuple_new(n);
  if (!values) return nullptr;
  for (ssize i = 0; i < n; ++i)
    tuple_set_item(values, i, new_ref(ip(tuple_item(interpolations, i))->value));
  return values;
}

// template_reduce: (string.templatelib._template_unpickle, (strings, interpolations)).
Object* template_reduce(Object* self, Object*) {
  Ref<> mod = Ref<>::steal(imp::import_module("string.templatelib"));
  if (!mod) return nullptr;
  Ref<> func = Ref<>::steal(object_getattr_string(mod.get(), "_template_unpickle"));
  if (!func) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, tp(self)->strings, tp(self)->interpolations));
  if (!args) return nullptr;
  return tuple_pack(2, func.get(), args.get());
}

MemberDef template_members[] = {
    {"strings", kMemberObjectEx, offsetof(TemplateObject, strings), kMemberReadonly, "Strings"},
    {"interpolations", kMemberObjectEx, offsetof(TemplateObject, interpolations), kMemberReadonly,
     "Interpolations"},
    {nullptr, 0, 0, 0, nullptr},
};

GetSetDef template_getset[] = {
    {"values", template_values_get, nullptr, "Values of interpolations", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

MethodDef template_methods[] = {
    {"__reduce__", fn(template_reduce), kMethNoArgs, nullptr},
    {"__class_getitem__", fn(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

SequenceMethods template_as_sequence = [] {
  SequenceMethods s{};
  s.concat = template_concat;
  return s;
}();

// --- Interpolation ----------------------------------------------------------------------------

int interpolation_clear(Object* self) {
  InterpolationObject* o = ip(self);
  for (Object** f : {&o->value, &o->expression, &o->conversion, &o->format_spec}) clear(*f);
  return 0;
}
void interpolation_dealloc(Object* self) {
  gc::untrack(self);
  interpolation_clear(self);
  self->type->free(self);
}
int interpolation_traverse(Object* self, visitproc visit, void* arg) {
  InterpolationObject* o = ip(self);
  return visit_all({o->value, o->expression, o->conversion, o->format_spec}, visit, arg);
}

// _conversion_converter: None, or one of "s", "r", "a".
bool conversion_converter(Object* arg) {
  if (arg == none()) return true;
  if (!str_check(arg)) {
    errors::format(exc_TypeError, "Interpolation() argument 'conversion' must be str, not %T",
                   arg);
    return false;
  }
  ssize len = str_length(arg);
  uint32_t c = len == 1 ? str_read_char(arg, 0) : 0;
  if (c != 'a' && c != 'r' && c != 's') {
    errors::set_string(exc_ValueError,
                       "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'");
    return false;
  }
  return true;
}

Object* interpolation_alloc(TypeObject* type, Object* value, Object* expression,
                            Object* conversion, Object* format_spec) {
  Object* o = type_generic_alloc(type, 0);
  if (!o) return nullptr;
  ip(o)->value = new_ref(value);
  ip(o)->expression = new_ref(expression);
  ip(o)->conversion = new_ref(conversion);
  ip(o)->format_spec = new_ref(format_spec);
  return o;
}

// interpolation_new_impl: Interpolation(value, expression, conversion=None, format_spec='').
Object* interpolation_new(TypeObject* type, Object* args, Object* kwargs) {
  static const char* const kws[] = {"value", "expression", "conversion", "format_spec", nullptr};
  ArgParser parser{"Interpolation", kws, 2, 4, 0};
  Object* a[4] = {};
  if (unpack_keywords_impl(parser, tuple_items(args), tuple_size(args), kwargs, nullptr, a) < 0)
    return nullptr;
  if (!str_check(a[1])) {
    bad_argument("Interpolation", "'expression'", "str", a[1]);
    return nullptr;
  }
  Object* conversion = a[2] ? a[2] : none();
  if (!conversion_converter(conversion)) return nullptr;
  Ref<> empty;
  Object* format_spec = a[3];
  if (format_spec) {
    if (!str_check(format_spec)) {
      bad_argument("Interpolation", "'format_spec'", "str", format_spec);
      return nullptr;
    }
  } else {
    empty = Ref<>::steal(str_from_cstr(""));
    if (!empty) return nullptr;
    format_spec = empty.get();
  }
  return interpolation_alloc(type, a[0], a[1], conversion, format_spec);
}

Object* interpolation_repr(Object* self) {
  InterpolationObject* o = ip(self);
  return str_from_format("%s(%R, %R, %R, %R)", type_short_name(self->type), o->value,
                         o->expression, o->conversion, o->format_spec);
}

// interpolation_reduce: (type, (value, expression, conversion, format_spec)).
Object* interpolation_reduce(Object* self, Object*) {
  InterpolationObject* o = ip(self);
  Ref<> state = Ref<>::steal(tuple_pack(4, o->value, o->expression, o->conversion, o->format_spec));
  if (!state) return nullptr;
  return tuple_pack(2, static_cast<Object*>(self->type), state.get());
}

MemberDef interpolation_members[] = {
    {"value", kMemberObjectEx, offsetof(InterpolationObject, value), kMemberReadonly, "Value"},
    {"expression", kMemberObjectEx, offsetof(InterpolationObject, expression), kMemberReadonly,
     "Expression"},
    {"conversion", kMemberObjectEx, offsetof(InterpolationObject, conversion), kMemberReadonly,
     "Conversion"},
    {"format_spec", kMemberObjectEx, offsetof(InterpolationObject, format_spec), kMemberReadonly,
     "Format specifier"},
    {nullptr, 0, 0, 0, nullptr},
};

MethodDef interpolation_methods[] = {
    {"__reduce__", fn(interpolation_reduce), kMethNoArgs, "__reduce__() -> (cls, state)"},
    {"__class_getitem__", fn(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

TypeObject templateiter_type = [] {
  TypeObject t = static_type("string.templatelib.TemplateIter", sizeof(TemplateIterObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.doc = "Template iterator object";
  t.dealloc = templateiter_dealloc;
  t.clear = templateiter_clear;
  t.traverse = templateiter_traverse;
  t.iter = object_self_iter;
  t.iternext = templateiter_next;
  return t;
}();

TypeObject template_type = [] {
  TypeObject t =
      static_type("string.templatelib.Template", sizeof(TemplateObject), 0,
                  kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.doc = "Template object";
  t.as_sequence = &template_as_sequence;
  t.new_ = template_new;
  t.dealloc = template_dealloc;
  t.clear = template_clear;
  t.repr = template_repr;
  t.members = template_members;
  t.methods = template_methods;
  t.getset = template_getset;
  t.iter = template_iter;
  t.traverse = template_traverse;
  return t;
}();

TypeObject interpolation_type = [] {
  TypeObject t = static_type("string.templatelib.Interpolation", sizeof(InterpolationObject), 0,
                             kTpflagsHaveGc | kTpflagsStaticBuiltin);
  t.doc = "Interpolation object";
  t.new_ = interpolation_new;
  t.dealloc = interpolation_dealloc;
  t.clear = interpolation_clear;
  t.repr = interpolation_repr;
  t.members = interpolation_members;
  t.methods = interpolation_methods;
  t.traverse = interpolation_traverse;
  return t;
}();

Object* template_build(Object* strings, Object* interpolations) {
  Object* o = type_generic_alloc(&template_type, 0);
  if (!o) return nullptr;
  tp(o)->strings = new_ref(strings);
  tp(o)->interpolations = new_ref(interpolations);
  return o;
}

Object* interpolation_build(Object* value, Object* expression, int conversion,
                            Object* format_spec) {
  const char* conv = nullptr;
  switch (conversion) {
    case 0: break;
    case 1: conv = "s"; break;
    case 2: conv = "r"; break;
    case 3: conv = "a"; break;
    default:
      errors::set_string(exc_SystemError,
                         "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'");
      return nullptr;
  }
  Ref<> c = Ref<>::steal(conv ? str_from_cstr(conv) : new_ref(none()));
  if (!c) return nullptr;
  return interpolation_alloc(&interpolation_type, value, expression, c.get(), format_spec);
}

int init_template_types() {
  for (TypeObject* t : {&templateiter_type, &template_type, &interpolation_type})
    if (type_ready(t) < 0) return -1;
  Ref<> match_args =
      Ref<>::steal(tuple_pack(4, str_intern_from_cstr("value"), str_intern_from_cstr("expression"),
                              str_intern_from_cstr("conversion"),
                              str_intern_from_cstr("format_spec")));
  if (!match_args) return -1;
  if (dict_set_item_string(interpolation_type.dict, "__match_args__", match_args.get()) < 0)
    return -1;
  type_modified(&interpolation_type);
  return 0;
}

}  // namespace cppy::objects
