// str.format and str.format_map: Objects/stringlib/unicode_format.h (MarkupIterator,
// parse_field, field_name_split, FieldNameIterator, get_field_object, do_conversion,
// render_field, build_string with the auto-numbering state).
#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/text_support.h"
#include "objects/tupleobject.h"
#include "objects/unicode_format.h"
#include "objects/unicodeobject.h"
#include "unicode/unicodectype.h"

namespace cppy::objects {

namespace {

struct Sub {
  Object* str = nullptr;
  ssize start = 0;
  ssize end = 0;
  UCS4 at(ssize i) const { return str_read_char(str, i); }
  Object* make() const { return str_substring(str, start, end); }
};

enum AutoNumberState { kAnsInit, kAnsAuto, kAnsManual };
struct AutoNumber {
  AutoNumberState state = kAnsInit;
  ssize field_number = 0;
};

// get_integer: -1 when not a number (or on overflow, with ValueError set).
ssize sub_integer(const Sub& s) {
  if (s.start >= s.end) return -1;
  ssize acc = 0;
  for (ssize i = s.start; i < s.end; i++) {
    int d = unicode::to_decimal(s.at(i));
    if (d < 0) return -1;
    if (acc > (PTRDIFF_MAX - d) / 10) {
      errors::set_string(exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

// FieldNameIterator_next: 1 at the end, 2 with a part, 0 on error.
int field_name_next(Sub* self, bool* is_attribute, ssize* name_idx, Sub* name) {
  if (self->start >= self->end) return 1;
  UCS4 c = self->at(self->start++);
  name->str = self->str;
  name->start = self->start;
  if (c == '.') {
    *is_attribute = true;
    while (self->start < self->end) {
      UCS4 d = self->at(self->start++);
      if (d == '[' || d == '.') {
        self->start--;
        break;
      }
    }
    name->end = self->start;
    *name_idx = -1;
  } else if (c == '[') {
    *is_attribute = false;
    bool bracket_seen = false;
    while (self->start < self->end) {
      if (self->at(self->start++) == ']') {
        bracket_seen = true;
        break;
      }
    }
    if (!bracket_seen) {
      errors::set_string(exc_ValueError, "Missing ']' in format string");
      return 0;
    }
    name->end = self->start - 1;
    *name_idx = sub_integer(*name);
    if (*name_idx == -1 && errors::occurred()) return 0;
  } else {
    errors::set_string(exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    return 0;
  }
  if (name->start == name->end) {
    errors::set_string(exc_ValueError, "Empty attribute in format string");
    return 0;
  }
  return 2;
}

// field_name_split.
bool field_name_split(const Sub& input, Sub* first, ssize* first_idx, Sub* rest,
                      AutoNumber* auto_number) {
  ssize i = input.start;
  while (i < input.end) {
    UCS4 c = input.at(i++);
    if (c == '[' || c == '.') {
      i--;
      break;
    }
  }
  *first = Sub{input.str, input.start, i};
  *rest = Sub{input.str, i, input.end};
  *first_idx = sub_integer(*first);
  if (*first_idx == -1 && errors::occurred()) return false;
  bool empty = first->start >= first->end;
  bool numeric = empty || *first_idx != -1;
  if (auto_number) {
    if (auto_number->state == kAnsInit && numeric)
      auto_number->state = empty ? kAnsAuto : kAnsManual;
    if (numeric) {
      if (auto_number->state == kAnsManual && empty) {
        errors::set_string(exc_ValueError,
                           "cannot switch from manual field specification to automatic field "
                           "numbering");
        return false;
      }
      if (auto_number->state == kAnsAuto && !empty) {
        errors::set_string(exc_ValueError,
                           "cannot switch from automatic field numbering to manual field "
                           "specification");
        return false;
      }
    }
    if (empty) *first_idx = auto_number->field_number++;
  }
  return true;
}

// get_field_object.
Object* get_field_object(const Sub& input, Object* args, Object* kwargs, AutoNumber* an) {
  Sub first, rest;
  ssize index;
  if (!field_name_split(input, &first, &index, &rest, an)) return nullptr;
  Ref<> obj;
  if (index == -1) {
    Ref<> key = Ref<>::steal(first.make());
    if (!key) return nullptr;
    if (!kwargs) {
      errors::set_object(exc_KeyError, key.get());
      return nullptr;
    }
    obj = Ref<>::steal(object_get_item(kwargs, key.get()));
    if (!obj) return nullptr;
  } else {
    if (!args) {
      errors::set_string(exc_ValueError, "Format string contains positional fields");
      return nullptr;
    }
    obj = Ref<>::steal(sequence_get_item(args, index));
    if (!obj) {
      errors::format(exc_IndexError, "Replacement index %zd out of range for positional args tuple",
                     index);
      return nullptr;
    }
  }
  bool is_attribute;
  Sub name;
  int ok;
  while ((ok = field_name_next(&rest, &is_attribute, &index, &name)) == 2) {
    Ref<> tmp;
    if (is_attribute) {
      Ref<> n = Ref<>::steal(name.make());
      if (!n) return nullptr;
      tmp = Ref<>::steal(object_getattr(obj.get(), n.get()));
    } else if (index == -1) {
      Ref<> n = Ref<>::steal(name.make());
      if (!n) return nullptr;
      tmp = Ref<>::steal(object_get_item(obj.get(), n.get()));
    } else if (sequence_check(obj.get())) {
      tmp = Ref<>::steal(sequence_get_item(obj.get(), index));
    } else {
      Ref<> i = Ref<>::steal(long_from_ssize(index));
      if (!i) return nullptr;
      tmp = Ref<>::steal(object_get_item(obj.get(), i.get()));
    }
    if (!tmp) return nullptr;
    obj = tmp;
  }
  if (ok == 0) return nullptr;
  return obj.release();
}

// do_conversion.
Object* do_conversion(Object* obj, UCS4 conversion) {
  switch (conversion) {
    case 'r': return object_repr(obj);
    case 's': return object_str(obj);
    case 'a': {
      Ref<> r = Ref<>::steal(object_repr(obj));
      if (!r) return nullptr;
      return str_ascii_escape(r.get());
    }
    default:
      if (conversion > 32 && conversion < 127)
        return errors::format(exc_ValueError, "Unknown conversion specifier %c",
                              static_cast<char>(conversion));
      return errors::format(exc_ValueError, "Unknown conversion specifier \\x%x",
                            static_cast<unsigned>(conversion));
  }
}

// parse_field: after a '{'.
bool parse_field(Sub* str, Sub* field_name, Sub* format_spec, bool* needs_expanding,
                 UCS4* conversion) {
  UCS4 c = 0;
  field_name->str = str->str;
  field_name->start = str->start;
  while (str->start < str->end) {
    c = str->at(str->start++);
    if (c == '{') {
      errors::set_string(exc_ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      for (; str->start < str->end; str->start++)
        if (str->at(str->start) == ']') break;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  field_name->end = str->start - 1;
  *format_spec = Sub{str->str, str->start, str->start};
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (str->start >= str->end) {
        errors::set_string(exc_ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      *conversion = str->at(str->start++);
      if (str->start < str->end) {
        c = str->at(str->start++);
        if (c == '}') return true;
        if (c != ':') {
          errors::set_string(exc_ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    format_spec->start = str->start;
    int count = 1;
    while (str->start < str->end) {
      c = str->at(str->start++);
      if (c == '{') {
        *needs_expanding = true;
        count++;
      } else if (c == '}') {
        if (--count == 0) {
          format_spec->end = str->start - 1;
          return true;
        }
      }
    }
    errors::set_string(exc_ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    errors::set_string(exc_ValueError, "expected '}' before end of string");
    return false;
  }
  return true;
}

bool build_into(StrWriter& w, const Sub& input, Object* args, Object* kwargs, int depth,
                AutoNumber* an);

// output_markup + render_field.
bool output_markup(StrWriter& w, const Sub& field_name, const Sub& format_spec,
                   bool needs_expanding, UCS4 conversion, Object* args, Object* kwargs, int depth,
                   AutoNumber* an) {
  Ref<> obj = Ref<>::steal(get_field_object(field_name, args, kwargs, an));
  if (!obj) return false;
  if (conversion) {
    obj = Ref<>::steal(do_conversion(obj.get(), conversion));
    if (!obj) return false;
  }
  Ref<> spec;
  if (needs_expanding) {
    StrWriter sw;
    if (!build_into(sw, format_spec, args, kwargs, depth - 1, an)) return false;
    spec = Ref<>::steal(sw.finish());
  } else {
    spec = Ref<>::steal(format_spec.make());
  }
  if (!spec) return false;
  if (str_length(spec.get()) == 0 && str_check_exact(obj.get())) return w.write_str(obj.get()) == 0;
  Ref<> out = Ref<>::steal(object_format(obj.get(), spec.get()));
  if (!out) return false;
  return w.write_str(out.get()) == 0;
}

// build_string / do_markup with MarkupIterator_next.
bool build_into(StrWriter& w, const Sub& input, Object* args, Object* kwargs, int depth,
                AutoNumber* an) {
  if (depth <= 0) {
    errors::set_string(exc_ValueError, "Max string recursion exceeded");
    return false;
  }
  Sub it = input;
  while (it.start < it.end) {
    ssize start = it.start;
    UCS4 c = 0;
    bool markup_follows = false;
    while (it.start < it.end) {
      c = it.at(it.start++);
      if (c == '{' || c == '}') {
        markup_follows = true;
        break;
      }
    }
    bool at_end = it.start >= it.end;
    ssize len = it.start - start;
    if (c == '}' && markup_follows && (at_end || c != it.at(it.start))) {
      errors::set_string(exc_ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (at_end && c == '{' && markup_follows) {
      errors::set_string(exc_ValueError, "Single '{' encountered in format string");
      return false;
    }
    if (!at_end && markup_follows) {
      if (c == it.at(it.start)) {
        it.start++;
        markup_follows = false;
      } else {
        len--;
      }
    }
    // do_markup clears the writer's overallocate flag before the last piece.
    if (len > 0 && !markup_follows && it.start >= it.end) w.set_overallocate(false);
    if (len > 0 && w.write_substr(it.str, start, start + len) < 0) return false;
    if (!markup_follows) continue;
    Sub field_name, format_spec;
    bool needs_expanding = false;
    UCS4 conversion = 0;
    if (!parse_field(&it, &field_name, &format_spec, &needs_expanding, &conversion)) return false;
    if (it.start >= it.end) w.set_overallocate(false);
    if (!output_markup(w, field_name, format_spec, needs_expanding, conversion, args, kwargs,
                       depth, an))
      return false;
  }
  return true;
}

}  // namespace

// str.format(*args, **kwargs) (do_string_format) and str.format_map(mapping).
Object* str_format(Object* self, Object* args, Object* kwargs) {
  AutoNumber an;
  StrWriter w;
  if (!build_into(w, Sub{self, 0, str_length(self)}, args, kwargs, 2, &an)) return nullptr;
  return w.finish();
}

Object* str_format_map(Object* self, Object* mapping) {
  AutoNumber an;
  StrWriter w;
  if (!build_into(w, Sub{self, 0, str_length(self)}, nullptr, mapping, 2, &an)) return nullptr;
  return w.finish();
}

}  // namespace cppy::objects

// ---- the _string module's iterators (formatteriterator, fieldnameiterator) ---------------------

namespace cppy::objects {

namespace {

struct FormatterIter : Object {  // formatteriterobject
  Object* str;
  Sub it_markup;
};
struct FieldNameIter : Object {  // fieldnameiterobject
  Object* str;
  Sub it_field;
};

// SubString_new_object: None for an absent part.
Object* sub_object(const Sub& s) { return s.str ? s.make() : return_none(); }

void formatteriter_dealloc(Object* o) {
  xdecref(static_cast<FormatterIter*>(o)->str);
  o->type->free(o);
}
void fieldnameiter_dealloc(Object* o) {
  xdecref(static_cast<FieldNameIter*>(o)->str);
  o->type->free(o);
}

// MarkupIterator_next: 0 error, 1 end, 2 with a literal and maybe a field.
int markup_next(Sub* it, Sub* literal, bool* field_present, Sub* field_name, Sub* format_spec,
                UCS4* conversion, bool* needs_expanding) {
  *literal = Sub{};
  *field_name = Sub{};
  *format_spec = Sub{};
  *conversion = 0;
  *needs_expanding = false;
  *field_present = false;
  if (it->start >= it->end) return 1;
  ssize start = it->start;
  UCS4 c = 0;
  bool markup_follows = false;
  while (it->start < it->end) {
    c = it->at(it->start++);
    if (c == '{' || c == '}') {
      markup_follows = true;
      break;
    }
  }
  bool at_end = it->start >= it->end;
  ssize len = it->start - start;
  if (c == '}' && markup_follows && (at_end || c != it->at(it->start))) {
    errors::set_string(exc_ValueError, "Single '}' encountered in format string");
    return 0;
  }
  if (at_end && c == '{' && markup_follows) {
    errors::set_string(exc_ValueError, "Single '{' encountered in format string");
    return 0;
  }
  if (!at_end && markup_follows) {
    if (c == it->at(it->start)) {
      it->start++;
      markup_follows = false;
    } else {
      len--;
    }
  }
  *literal = Sub{it->str, start, start + len};
  if (!markup_follows) return 2;
  *field_present = true;
  if (!parse_field(it, field_name, format_spec, needs_expanding, conversion)) return 0;
  return 2;
}

Object* formatteriter_next(Object* o) {
  auto* self = static_cast<FormatterIter*>(o);
  Sub literal, field_name, format_spec;
  bool field_present = false, needs_expanding = false;
  UCS4 conversion = 0;
  int r = markup_next(&self->it_markup, &literal, &field_present, &field_name, &format_spec,
                      &conversion, &needs_expanding);
  if (r == 0 || r == 1) return nullptr;
  Ref<> literal_str = Ref<>::steal(sub_object(literal));
  Ref<> field_name_str = Ref<>::steal(sub_object(field_name));
  // With a field, the format spec is a str even when empty (SubString_new_object_or_empty).
  Ref<> format_spec_str = Ref<>::steal(
      field_present && !format_spec.str ? str_from_cstr("") : sub_object(format_spec));
  Ref<> conversion_str = Ref<>::steal(conversion ? str_from_kind_and_data(4, &conversion, 1) : return_none());
  if (!literal_str || !field_name_str || !format_spec_str || !conversion_str) return nullptr;
  return tuple_pack_maybe_tracked(4, literal_str.get(), field_name_str.get(), format_spec_str.get(),
                    conversion_str.get());
}

Object* fieldnameiter_next(Object* o) {
  auto* self = static_cast<FieldNameIter*>(o);
  bool is_attr = false;
  ssize idx = -1;
  Sub name;
  int r = field_name_next(&self->it_field, &is_attr, &idx, &name);
  if (r == 0 || r == 1) return nullptr;
  Ref<> obj = Ref<>::steal(idx != -1 ? long_from_ssize(idx) : name.make());
  if (!obj) return nullptr;
  return tuple_pack_maybe_tracked(2, is_attr ? true_object() : false_object(), obj.get());
}

TypeObject formatteriter_type = [] {
  TypeObject t = static_type("formatteriterator", sizeof(FormatterIter), 0, 0);
  t.dealloc = formatteriter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = formatteriter_next;
  return t;
}();
TypeObject fieldnameiter_type = [] {
  TypeObject t = static_type("fieldnameiterator", sizeof(FieldNameIter), 0, 0);
  t.dealloc = fieldnameiter_dealloc;
  t.getattro = object_generic_getattr;
  t.iter = object_self_iter;
  t.iternext = fieldnameiter_next;
  return t;
}();

bool iter_types_ready() {
  for (TypeObject* t : {&formatteriter_type, &fieldnameiter_type})
    if (!type_has_feature(t, kTpflagsReady) && type_ready(t) < 0) return false;
  return true;
}

}  // namespace

// formatter_parser (Objects/unicodeobject.c's _string module).
Object* formatter_parser(Object* self) {
  if (!str_check(self)) return errors::format(exc_TypeError, "expected str, got %s", self->type->name);
  if (!iter_types_ready()) return nullptr;
  auto* it = static_cast<FormatterIter*>(type_generic_alloc(&formatteriter_type, 0));
  if (!it) return nullptr;
  it->str = new_ref(self);
  it->it_markup = Sub{self, 0, str_length(self)};
  return it;
}

// formatter_field_name_split: (first, iterator over the rest).
Object* formatter_field_name_split(Object* self) {
  if (!str_check(self)) return errors::format(exc_TypeError, "expected str, got %s", self->type->name);
  if (!iter_types_ready()) return nullptr;
  Ref<> it = Ref<>::steal(type_generic_alloc(&fieldnameiter_type, 0));
  if (!it) return nullptr;
  auto* fi = static_cast<FieldNameIter*>(it.get());
  fi->str = new_ref(self);
  Sub first;
  ssize first_idx = -1;
  if (!field_name_split(Sub{self, 0, str_length(self)}, &first, &first_idx, &fi->it_field, nullptr))
    return nullptr;
  Ref<> first_obj = Ref<>::steal(first_idx != -1 ? long_from_ssize(first_idx) : first.make());
  if (!first_obj) return nullptr;
  return tuple_pack_maybe_tracked(2, first_obj.get(), it.get());
}

}  // namespace cppy::objects
