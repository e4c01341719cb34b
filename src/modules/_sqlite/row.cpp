// sqlite3.Row: Modules/_sqlite/row.c.
#include <strings.h>

#include "errors/errors.h"
#include "modules/_sqlite/internal.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_sqlite {

using namespace objects;

namespace {

RowObject* as_row(Object* o) { return static_cast<RowObject*>(o); }

// pysqlite_row_new: Row(cursor, data).
Object* row_new(TypeObject* type, Object* args, Object* kwargs) {
  if (!no_keywords("Row", kwargs)) return nullptr;
  ssize n = tuple_size(args);
  if (!check_positional("Row", n, 2, 2)) return nullptr;
  Object* cursor = tuple_items(args)[0];
  Object* data = tuple_items(args)[1];
  if (!is_subtype(cursor->type, &cursor_type))
    return errors::format(exc_TypeError, "Row() argument 1 must be sqlite3.Cursor, not %.50s",
                          cursor->type->name);
  if (!tuple_check(data))
    return errors::format(exc_TypeError, "Row() argument 2 must be tuple, not %.50s",
                          data->type->name);
  Ref<> self = Ref<>::steal(type->alloc(type, 0));
  if (!self) return nullptr;
  as_row(self.get())->data = new_ref(data);
  as_row(self.get())->description = new_ref(static_cast<CursorObject*>(cursor)->description);
  return self.release();
}

void row_dealloc(Object* o) {
  clear(as_row(o)->data);
  clear(as_row(o)->description);
  o->type->free(o);
}

// The index of the column named key (ASCII case-insensitive), or -1.
ssize column_index(RowObject* self, Object* key) {
  const char* name = str_as_utf8(key);
  if (!name) return -2;
  Object* desc = self->description;
  if (!tuple_check(desc)) return -1;
  for (ssize i = 0; i < tuple_size(desc); ++i) {
    Object* col = tuple_items(tuple_items(desc)[i])[0];
    const char* colname = str_as_utf8(col);
    if (!colname) return -2;
    if (strcasecmp(name, colname) == 0) return i;
  }
  return -1;
}

Object* row_subscript(Object* o, Object* key) {
  RowObject* self = as_row(o);
  if (long_check(key)) {
    ssize i = long_as_ssize(key);
    if (i == -1 && errors::occurred()) return nullptr;
    ssize n = tuple_size(self->data);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return errors::format(exc_IndexError, "tuple index out of range");
    return new_ref(tuple_items(self->data)[i]);
  }
  if (str_check(key)) {
    ssize i = column_index(self, key);
    if (i == -2) return nullptr;
    if (i < 0) return errors::format(exc_IndexError, "No item with that key");
    return new_ref(tuple_items(self->data)[i]);
  }
  if (slice_check(key)) return object_get_item(self->data, key);
  return errors::format(exc_IndexError, "Index must be int or string");
}

ssize row_length(Object* o) { return tuple_size(as_row(o)->data); }

Object* row_item(Object* o, ssize i) {
  RowObject* self = as_row(o);
  if (i < 0 || i >= tuple_size(self->data))
    return errors::format(exc_IndexError, "tuple index out of range");
  return new_ref(tuple_items(self->data)[i]);
}

Object* row_keys(Object* o, Object*) {
  RowObject* self = as_row(o);
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  if (tuple_check(self->description)) {
    for (ssize i = 0; i < tuple_size(self->description); ++i) {
      if (list_append(list.get(), tuple_items(tuple_items(self->description)[i])[0]) < 0)
        return nullptr;
    }
  }
  return list.release();
}

Object* row_iter(Object* o) { return object_get_iter(as_row(o)->data); }

hash_t row_hash(Object* o) {
  hash_t a = object_hash(as_row(o)->description);
  if (a == -1) return -1;
  hash_t b = object_hash(as_row(o)->data);
  if (b == -1) return -1;
  hash_t h = a ^ b;
  return h == -1 ? -2 : h;
}

Object* row_richcompare(Object* a, Object* b, int op) {
  if (op != kEQ && op != kNE) return new_ref(not_implemented());
  if (!is_subtype(b->type, &row_type)) return new_ref(not_implemented());
  RowObject* x = as_row(a);
  RowObject* y = as_row(b);
  int eq = object_rich_compare_bool(x->description, y->description, kEQ);
  if (eq < 0) return nullptr;
  if (eq) {
    eq = object_rich_compare_bool(x->data, y->data, kEQ);
    if (eq < 0) return nullptr;
  }
  return new_ref((eq != 0) == (op == kEQ) ? true_object() : false_object());
}

MethodDef row_methods[] = {
    {"keys", reinterpret_cast<void*>(row_keys), kMethNoArgs,
     "keys($self, /)\n--\n\nReturns the keys of the row."},
    {nullptr, nullptr, 0, nullptr}};

SequenceMethods row_as_sequence = [] {
  SequenceMethods m{};
  m.length = row_length;
  m.item = row_item;
  return m;
}();

MappingMethods row_as_mapping = [] {
  MappingMethods m{};
  m.length = row_length;
  m.subscript = row_subscript;
  return m;
}();

}  // namespace

TypeObject row_type = [] {
  TypeObject t = static_type("sqlite3.Row", sizeof(RowObject), 0, kTpflagsBasetype);
  t.doc = nullptr;
  t.dealloc = row_dealloc;
  t.hash = row_hash;
  t.richcompare = row_richcompare;
  t.iter = row_iter;
  t.methods = row_methods;
  t.as_sequence = &row_as_sequence;
  t.as_mapping = &row_as_mapping;
  t.alloc = type_generic_alloc;
  t.new_ = row_new;
  t.free = object_generic_free;
  return t;
}();

}  // namespace cppy::modules::_sqlite
