// The array module: Modules/arraymodule.c of CPython 3.14, first part: the typecodes with
// their item conversions and messages (the *_getitem / *_setitem functions of the descriptor
// table), array(typecode[, initializer]), items, len, append, extend, tolist, tobytes,
// frombytes, tounicode, the buffer protocol, repr and equality. Missing: slices, the other
// mutating methods, ordering comparisons, pickling, fromfile/tofile, arrayiterator.
#include "modules/array/arraymodule.h"

#include <climits>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/getargs.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "objects/bytearrayobject.h"

namespace cppy::modules::array {

using namespace objects;

namespace {

struct ArrayObj;

// arraydescr.
struct Descr {
  char typecode;
  int itemsize;
  Object* (*getitem)(ArrayObj*, ssize);
  int (*setitem)(ArrayObj*, ssize, Object*);
  const char* formats;
  bool is_integer_type;
  bool is_signed;
};

struct ArrayObj : Object {
  ssize size;  // ob_size: the number of items
  char* ob_item;
  ssize allocated;
  const Descr* ob_descr;
  Object* weakreflist;
  ssize ob_exports;
};

TypeObject array_type{};

template <typename T>
T* items(ArrayObj* a) {
  return reinterpret_cast<T*>(a->ob_item);
}

// PyArg_Parse's "h" conversion: a C long in the range of a short.
bool as_short_range(Object* v, long* out) {
  long x = long_as_long(v);
  if (x == -1 && errors::occurred()) return false;
  if (x < SHRT_MIN) {
    errors::set_string(exc_OverflowError, "signed short integer is less than minimum");
    return false;
  }
  if (x > SHRT_MAX) {
    errors::set_string(exc_OverflowError, "signed short integer is greater than maximum");
    return false;
  }
  *out = x;
  return true;
}

// PyArg_Parse's "i" conversion.
bool as_int_range(Object* v, long* out) {
  long x = long_as_long(v);
  if (x == -1 && errors::occurred()) return false;
  if (x < INT_MIN) {
    errors::set_string(exc_OverflowError, "signed integer is less than minimum");
    return false;
  }
  if (x > INT_MAX) {
    errors::set_string(exc_OverflowError, "signed integer is greater than maximum");
    return false;
  }
  *out = x;
  return true;
}

// PyLong_AsUnsignedLong on an int (after _PyNumber_Index).
bool as_unsigned_long(Object* v, unsigned long* out) {
  Ref<> i = Ref<>::borrow(v);
  if (!long_check(v)) {
    i = Ref<>::steal(number_index(v));
    if (!i) return false;
  }
  if (long_sign_of(i.get()) < 0) {
    errors::set_string(exc_OverflowError, "can't convert negative value to unsigned int");
    return false;
  }
  if (long_num_bits(i.get()) > 64) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C unsigned long");
    return false;
  }
  *out = static_cast<unsigned long>(long_as_unsigned_long_long(i.get()));
  return true;
}

Object* b_getitem(ArrayObj* a, ssize i) { return long_from_long(items<signed char>(a)[i]); }
int b_setitem(ArrayObj* a, ssize i, Object* v) {
  long x;
  if (!as_short_range(v, &x)) return -1;
  if (x < SCHAR_MIN) {
    errors::set_string(exc_OverflowError, "signed char is less than minimum");
    return -1;
  }
  if (x > SCHAR_MAX) {
    errors::set_string(exc_OverflowError, "signed char is greater than maximum");
    return -1;
  }
  if (i >= 0) items<signed char>(a)[i] = static_cast<signed char>(x);
  return 0;
}

Object* BB_getitem(ArrayObj* a, ssize i) { return long_from_long(items<unsigned char>(a)[i]); }
int BB_setitem(ArrayObj* a, ssize i, Object* v) {
  long x = long_as_long(v);
  if (x == -1 && errors::occurred()) return -1;
  if (x < 0) {
    errors::set_string(exc_OverflowError, "unsigned byte integer is less than minimum");
    return -1;
  }
  if (x > UCHAR_MAX) {
    errors::set_string(exc_OverflowError, "unsigned byte integer is greater than maximum");
    return -1;
  }
  if (i >= 0) items<unsigned char>(a)[i] = static_cast<unsigned char>(x);
  return 0;
}

// u and w: one character.
template <typename T>
Object* u_getitem(ArrayObj* a, ssize i) {
  return str_from_ordinal(static_cast<UCS4>(items<T>(a)[i]));
}
template <typename T>
int u_setitem(ArrayObj* a, ssize i, Object* v) {
  if (!str_check(v)) {
    errors::format(exc_TypeError, "array item must be a unicode character, not %.200s",
                   v->type->name);
    return -1;
  }
  if (str_length(v) != 1) {
    errors::format(exc_TypeError,
                   "array item must be a unicode character, not a string of length %zd",
                   str_length(v));
    return -1;
  }
  if (i >= 0) items<T>(a)[i] = static_cast<T>(str_read_char(v, 0));
  return 0;
}

Object* h_getitem(ArrayObj* a, ssize i) { return long_from_long(items<short>(a)[i]); }
int h_setitem(ArrayObj* a, ssize i, Object* v) {
  long x;
  if (!as_short_range(v, &x)) return -1;
  if (i >= 0) items<short>(a)[i] = static_cast<short>(x);
  return 0;
}

Object* HH_getitem(ArrayObj* a, ssize i) { return long_from_long(items<unsigned short>(a)[i]); }
int HH_setitem(ArrayObj* a, ssize i, Object* v) {
  long x;
  if (!as_int_range(v, &x)) return -1;
  if (x < 0) {
    errors::set_string(exc_OverflowError, "unsigned short is less than minimum");
    return -1;
  }
  if (x > USHRT_MAX) {
    errors::set_string(exc_OverflowError, "unsigned short is greater than maximum");
    return -1;
  }
  if (i >= 0) items<unsigned short>(a)[i] = static_cast<unsigned short>(x);
  return 0;
}

Object* i_getitem(ArrayObj* a, ssize i) { return long_from_long(items<int>(a)[i]); }
int i_setitem(ArrayObj* a, ssize i, Object* v) {
  long x;
  if (!as_int_range(v, &x)) return -1;
  if (i >= 0) items<int>(a)[i] = static_cast<int>(x);
  return 0;
}

Object* II_getitem(ArrayObj* a, ssize i) {
  return long_from_unsigned_long_long(items<unsigned int>(a)[i]);
}
int II_setitem(ArrayObj* a, ssize i, Object* v) {
  unsigned long x;
  if (!as_unsigned_long(v, &x)) return -1;
  if (x > UINT_MAX) {
    errors::set_string(exc_OverflowError, "unsigned int is greater than maximum");
    return -1;
  }
  if (i >= 0) items<unsigned int>(a)[i] = static_cast<unsigned int>(x);
  return 0;
}

Object* l_getitem(ArrayObj* a, ssize i) { return long_from_long(items<long>(a)[i]); }
int l_setitem(ArrayObj* a, ssize i, Object* v) {
  long x = long_as_long(v);
  if (x == -1 && errors::occurred()) return -1;
  if (i >= 0) items<long>(a)[i] = x;
  return 0;
}

Object* LL_getitem(ArrayObj* a, ssize i) {
  return long_from_unsigned_long_long(items<unsigned long>(a)[i]);
}
int LL_setitem(ArrayObj* a, ssize i, Object* v) {
  unsigned long x;
  if (!as_unsigned_long(v, &x)) return -1;
  if (i >= 0) items<unsigned long>(a)[i] = x;
  return 0;
}

Object* q_getitem(ArrayObj* a, ssize i) { return long_from_long_long(items<long long>(a)[i]); }
int q_setitem(ArrayObj* a, ssize i, Object* v) {
  Ref<> n = Ref<>::borrow(v);
  if (!long_check(v)) {
    n = Ref<>::steal(number_index(v));
    if (!n) return -1;
  }
  if (long_num_bits(n.get()) > 63 &&
      !(long_sign_of(n.get()) < 0 && long_num_bits(n.get()) == 64 &&
        long_as_long_long(n.get()) == LLONG_MIN)) {
    errors::clear();
    errors::set_string(exc_OverflowError, "int too big to convert");
    return -1;
  }
  long long x = long_as_long_long(n.get());
  if (x == -1 && errors::occurred()) return -1;
  if (i >= 0) items<long long>(a)[i] = x;
  return 0;
}

Object* QQ_getitem(ArrayObj* a, ssize i) {
  return long_from_unsigned_long_long(items<unsigned long long>(a)[i]);
}
int QQ_setitem(ArrayObj* a, ssize i, Object* v) {
  Ref<> n = Ref<>::borrow(v);
  if (!long_check(v)) {
    n = Ref<>::steal(number_index(v));
    if (!n) return -1;
  }
  if (long_sign_of(n.get()) < 0) {
    errors::set_string(exc_OverflowError, "can't convert negative int to unsigned");
    return -1;
  }
  if (long_num_bits(n.get()) > 64) {
    errors::set_string(exc_OverflowError, "int too big to convert");
    return -1;
  }
  if (i >= 0) items<unsigned long long>(a)[i] = long_as_unsigned_long_long(n.get());
  return 0;
}

Object* f_getitem(ArrayObj* a, ssize i) { return float_from_double(items<float>(a)[i]); }
int f_setitem(ArrayObj* a, ssize i, Object* v) {
  double x = float_as_double(v);
  if (x == -1.0 && errors::occurred()) return -1;
  if (i >= 0) items<float>(a)[i] = static_cast<float>(x);
  return 0;
}

Object* d_getitem(ArrayObj* a, ssize i) { return float_from_double(items<double>(a)[i]); }
int d_setitem(ArrayObj* a, ssize i, Object* v) {
  double x = float_as_double(v);
  if (x == -1.0 && errors::occurred()) return -1;
  if (i >= 0) items<double>(a)[i] = x;
  return 0;
}

const Descr descriptors[] = {
    {'b', 1, b_getitem, b_setitem, "b", true, true},
    {'B', 1, BB_getitem, BB_setitem, "B", true, false},
    {'u', sizeof(wchar_t), u_getitem<wchar_t>, u_setitem<wchar_t>, "w", false, false},
    {'w', sizeof(UCS4), u_getitem<UCS4>, u_setitem<UCS4>, "w", false, false},
    {'h', sizeof(short), h_getitem, h_setitem, "h", true, true},
    {'H', sizeof(short), HH_getitem, HH_setitem, "H", true, false},
    {'i', sizeof(int), i_getitem, i_setitem, "i", true, true},
    {'I', sizeof(int), II_getitem, II_setitem, "I", true, false},
    {'l', sizeof(long), l_getitem, l_setitem, "l", true, true},
    {'L', sizeof(long), LL_getitem, LL_setitem, "L", true, false},
    {'q', sizeof(long long), q_getitem, q_setitem, "q", true, true},
    {'Q', sizeof(long long), QQ_getitem, QQ_setitem, "Q", true, false},
    {'f', sizeof(float), f_getitem, f_setitem, "f", false, false},
    {'d', sizeof(double), d_getitem, d_setitem, "d", false, false},
    {'\0', 0, nullptr, nullptr, nullptr, false, false},
};

// array_resize: room for newsize items (over-allocating as CPython does).
int array_resize(ArrayObj* self, ssize newsize) {
  if (self->ob_exports > 0 && newsize != self->size) {
    errors::set_string(exc_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
  }
  if (self->allocated >= newsize && self->size < newsize + 16 && self->ob_item) {
    self->size = newsize;
    return 0;
  }
  if (newsize == 0) {
    gc::mem_free(self->ob_item);
    self->ob_item = nullptr;
    self->size = 0;
    self->allocated = 0;
    return 0;
  }
  ssize allocated = (newsize >> 4) + (self->size < 8 ? 3 : 7) + newsize;
  void* p = gc::mem_realloc(self->ob_item,
                            static_cast<size_t>(allocated * self->ob_descr->itemsize));
  if (!p) {
    errors::no_memory();
    return -1;
  }
  self->ob_item = static_cast<char*>(p);
  self->size = newsize;
  self->allocated = allocated;
  return 0;
}

// newarrayobject.
Object* newarrayobject(TypeObject* type, ssize size, const Descr* descr) {
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* a = static_cast<ArrayObj*>(obj.get());
  a->ob_descr = descr;
  a->size = size;
  a->allocated = size;
  if (size > 0) {
    a->ob_item = static_cast<char*>(gc::mem_malloc(static_cast<size_t>(size * descr->itemsize)));
    if (!a->ob_item) return errors::no_memory();
  }
  return obj.release();
}

bool array_check(Object* o) { return type_check(o, &array_type); }

// ins1 at the end (app1).
int app1(ArrayObj* self, Object* v) {
  ssize n = self->size;
  if (self->ob_descr->setitem(self, -1, v) < 0) return -1;
  if (array_resize(self, n + 1) < 0) return -1;
  return self->ob_descr->setitem(self, n, v);
}

// array_do_extend.
int array_do_extend(ArrayObj* self, Object* bb) {
  if (!array_check(bb)) {
    Ref<> it = Ref<>::steal(object_get_iter(bb));
    if (!it) return -1;
    for (;;) {
      Ref<> v = Ref<>::steal(iter_next(it.get()));
      if (!v) break;
      if (app1(self, v.get()) < 0) return -1;
    }
    return errors::occurred() ? -1 : 0;
  }
  auto* b = static_cast<ArrayObj*>(bb);
  if (self->ob_descr != b->ob_descr) {
    errors::set_string(exc_TypeError, "can only extend with array of same kind");
    return -1;
  }
  ssize oldsize = self->size, bbsize = b->size;
  if (array_resize(self, oldsize + bbsize) < 0) return -1;
  if (bbsize > 0)
    std::memcpy(self->ob_item + oldsize * self->ob_descr->itemsize, b->ob_item,
                static_cast<size_t>(bbsize * b->ob_descr->itemsize));
  return 0;
}

// frombytes.
int frombytes(ArrayObj* self, const char* data, ssize len) {
  int itemsize = self->ob_descr->itemsize;
  if (len % itemsize != 0) {
    errors::set_string(exc_ValueError, "bytes length not a multiple of item size");
    return -1;
  }
  ssize n = len / itemsize;
  if (n > 0) {
    ssize old_size = self->size;
    if (array_resize(self, old_size + n) < 0) return -1;
    std::memcpy(self->ob_item + old_size * itemsize, data, static_cast<size_t>(len));
  }
  return 0;
}

// array_array_frombytes.
Object* array_frombytes(Object* op, Object* arg) {
  BufferHolder buf;
  if (buf.get(arg) < 0) return nullptr;
  if (frombytes(static_cast<ArrayObj*>(op), buf.data(), buf.size()) < 0) return nullptr;
  return return_none();
}

// array_array_fromunicode_impl.
Object* array_fromunicode(Object* op, Object* ustr) {
  auto* self = static_cast<ArrayObj*>(op);
  if (!str_check(ustr)) {
    return errors::format(exc_TypeError,
                          "fromunicode() argument must be str, not %.50s", ustr->type->name);
  }
  char tc = self->ob_descr->typecode;
  if (tc != 'u' && tc != 'w') {
    errors::set_string(exc_ValueError,
                       "fromunicode() may only be called on unicode type arrays ('u' or 'w')");
    return nullptr;
  }
  ssize n = str_length(ustr);
  if (n > 0) {
    ssize old_size = self->size;
    if (array_resize(self, old_size + n) < 0) return nullptr;
    for (ssize i = 0; i < n; i++) {
      UCS4 c = str_read_char(ustr, i);
      if (tc == 'u')
        items<wchar_t>(self)[old_size + i] = static_cast<wchar_t>(c);
      else
        items<UCS4>(self)[old_size + i] = c;
    }
  }
  return return_none();
}

// array_array_tounicode_impl.
Object* array_tounicode(Object* op, Object*) {
  auto* self = static_cast<ArrayObj*>(op);
  char tc = self->ob_descr->typecode;
  if (tc != 'u' && tc != 'w') {
    errors::set_string(exc_ValueError,
                       "tounicode() may only be called on unicode type arrays ('u' or 'w')");
    return nullptr;
  }
  if (tc == 'w') {
    // PyUnicode_DecodeUTF32 of the items, with its error for a value beyond U+10FFFF.
    Ref<> raw = Ref<>::steal(bytes_from_string_and_size(self->ob_item, self->size * 4));
    if (!raw) return nullptr;
    return str_decode_object(raw.get(), "utf-32-le", "strict");
  }
  StrWriter w;
  for (ssize i = 0; i < self->size; i++) {
    UCS4 c = tc == 'u' ? static_cast<UCS4>(items<wchar_t>(self)[i]) : items<UCS4>(self)[i];
    if (c > kMaxUnicode) {
      errors::format(exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
      return nullptr;
    }
    if (w.write_char(c) < 0) return nullptr;
  }
  return w.finish();
}

Object* array_tobytes(Object* op, Object*) {
  auto* self = static_cast<ArrayObj*>(op);
  return bytes_from_string_and_size(self->ob_item, self->size * self->ob_descr->itemsize);
}

Object* array_tolist(Object* op, Object*) {
  auto* self = static_cast<ArrayObj*>(op);
  Ref<> list = Ref<>::steal(list_new(self->size));
  if (!list) return nullptr;
  for (ssize i = 0; i < self->size; i++) {
    Object* v = self->ob_descr->getitem(self, i);
    if (!v) return nullptr;
    list_set_item_steal(list.get(), i, v);
  }
  return list.release();
}

// array_array_fromlist.
Object* array_fromlist(Object* op, Object* list) {
  auto* self = static_cast<ArrayObj*>(op);
  if (!list_check(list)) {
    errors::set_string(exc_TypeError, "arg must be list");
    return nullptr;
  }
  ssize n = list_size(list);
  if (n > 0) {
    ssize old_size = self->size;
    if (array_resize(self, old_size + n) < 0) return nullptr;
    for (ssize i = 0; i < n; i++) {
      Object* v = list_item(list, i);
      if (self->ob_descr->setitem(self, old_size + i, v) != 0) {
        array_resize(self, old_size);
        return nullptr;
      }
      if (n != list_size(list)) {
        errors::set_string(exc_RuntimeError, "list changed size during iteration");
        array_resize(self, old_size);
        return nullptr;
      }
    }
  }
  return return_none();
}

Object* array_append(Object* op, Object* v) {
  if (app1(static_cast<ArrayObj*>(op), v) < 0) return nullptr;
  return return_none();
}

Object* array_extend(Object* op, Object* bb) {
  if (array_do_extend(static_cast<ArrayObj*>(op), bb) < 0) return nullptr;
  return return_none();
}

Object* array_buffer_info(Object* op, Object*) {
  auto* self = static_cast<ArrayObj*>(op);
  Ref<> p = Ref<>::steal(long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(self->ob_item)));
  if (!p) return nullptr;
  Ref<> n = Ref<>::steal(long_from_ssize(self->size));
  if (!n) return nullptr;
  return tuple_pack(2, p.get(), n.get());
}

Object* array_byteswap(Object* op, Object*) {
  auto* self = static_cast<ArrayObj*>(op);
  int sz = self->ob_descr->itemsize;
  if (sz != 1 && sz != 2 && sz != 4 && sz != 8) {
    errors::set_string(exc_RuntimeError, "don't know how to byteswap this array type");
    return nullptr;
  }
  for (ssize i = 0; i < self->size; i++) {
    char* p = self->ob_item + i * sz;
    for (int k = 0; k < sz / 2; k++) std::swap(p[k], p[sz - 1 - k]);
  }
  return return_none();
}

Object* array_get_typecode(Object* op, void*) {
  char tc = static_cast<ArrayObj*>(op)->ob_descr->typecode;
  return str_from_ascii(&tc, 1);
}
Object* array_get_itemsize(Object* op, void*) {
  return long_from_long(static_cast<ArrayObj*>(op)->ob_descr->itemsize);
}

ssize array_length(Object* op) { return static_cast<ArrayObj*>(op)->size; }

Object* array_item(Object* op, ssize i) {
  auto* a = static_cast<ArrayObj*>(op);
  if (i < 0 || i >= a->size) {
    errors::set_string(exc_IndexError, "array index out of range");
    return nullptr;
  }
  return a->ob_descr->getitem(a, i);
}

int array_ass_item(Object* op, ssize i, Object* v) {
  auto* a = static_cast<ArrayObj*>(op);
  if (i < 0 || i >= a->size) {
    errors::set_string(exc_IndexError, "array assignment index out of range");
    return -1;
  }
  if (!v) {
    if (a->ob_exports > 0) {
      errors::set_string(exc_BufferError, "cannot resize an array that is exporting buffers");
      return -1;
    }
    int sz = a->ob_descr->itemsize;
    std::memmove(a->ob_item + i * sz, a->ob_item + (i + 1) * sz,
                 static_cast<size_t>((a->size - i - 1) * sz));
    return array_resize(a, a->size - 1);
  }
  return a->ob_descr->setitem(a, i, v);
}

Object* array_subscr(Object* op, Object* item) {
  if (!index_check(item)) {
    return errors::format(exc_TypeError, "array indices must be integers");
  }
  ssize i = number_as_ssize(item, exc_IndexError);
  if (i == -1 && errors::occurred()) return nullptr;
  if (i < 0) i += array_length(op);
  return array_item(op, i);
}

int array_ass_subscr(Object* op, Object* item, Object* value) {
  if (!index_check(item)) {
    errors::set_string(exc_TypeError, "array indices must be integers");
    return -1;
  }
  ssize i = number_as_ssize(item, exc_IndexError);
  if (i == -1 && errors::occurred()) return -1;
  if (i < 0) i += array_length(op);
  return array_ass_item(op, i, value);
}

// array_repr.
Object* array_repr(Object* op) {
  auto* a = static_cast<ArrayObj*>(op);
  char tc = a->ob_descr->typecode;
  if (a->size == 0) return str_from_format("%s('%c')", type_short_name(op->type), tc);
  Ref<> v;
  if (tc == 'u' || tc == 'w')
    v = Ref<>::steal(array_tounicode(op, nullptr));
  else
    v = Ref<>::steal(array_tolist(op, nullptr));
  if (!v) return nullptr;
  return str_from_format("%s('%c', %R)", type_short_name(op->type), tc, v.get());
}

// array_richcompare: equal lengths and items for == and !=.
Object* array_richcompare(Object* v, Object* w, int op) {
  if (!array_check(v) || !array_check(w) || (op != kEQ && op != kNE))
    return return_not_implemented();
  auto* va = static_cast<ArrayObj*>(v);
  auto* wa = static_cast<ArrayObj*>(w);
  if (va->size != wa->size) return bool_from_long(op == kNE);
  for (ssize i = 0; i < va->size; i++) {
    Ref<> vi = Ref<>::steal(va->ob_descr->getitem(va, i));
    Ref<> wi = Ref<>::steal(wa->ob_descr->getitem(wa, i));
    if (!vi || !wi) return nullptr;
    int k = object_rich_compare_bool(vi.get(), wi.get(), kEQ);
    if (k < 0) return nullptr;
    if (!k) return bool_from_long(op == kNE);
  }
  return bool_from_long(op == kEQ);
}

// array_buffer_getbuf.
int array_getbuffer(Object* op, Buffer* view, int flags) {
  auto* self = static_cast<ArrayObj*>(op);
  static char empty = 0;
  view->buf = self->ob_item ? static_cast<void*>(self->ob_item) : &empty;
  view->obj = new_ref(op);
  view->len = self->size * self->ob_descr->itemsize;
  view->readonly = 0;
  view->ndim = 1;
  view->itemsize = self->ob_descr->itemsize;
  view->suboffsets = nullptr;
  view->shape = nullptr;
  if ((flags & kBufND) == kBufND) view->shape = &self->size;
  view->strides = nullptr;
  if ((flags & kBufStrides) == kBufStrides) view->strides = &view->itemsize;
  view->format = nullptr;
  view->internal = nullptr;
  if ((flags & kBufFormat) == kBufFormat) view->format = const_cast<char*>(self->ob_descr->formats);
  self->ob_exports++;
  return 0;
}

void array_releasebuffer(Object* op, Buffer*) { static_cast<ArrayObj*>(op)->ob_exports--; }

BufferProcs array_as_buffer = {array_getbuffer, array_releasebuffer};

void array_dealloc(Object* op) {
  auto* self = static_cast<ArrayObj*>(op);
  if (self->weakreflist) object_clear_weakrefs(op);
  gc::mem_free(self->ob_item);
  op->type->free(op);
}

// array_new: array(typecode[, initializer]).
Object* array_new(TypeObject* type, Object* args, Object* kwds) {
  if (type == &array_type && !no_keywords("array.array", kwds)) return nullptr;
  // PyArg_ParseTuple(args, "O|O:array").
  ssize nargs = tuple_size(args);
  if (nargs < 1 || nargs > 2)
    return errors::format(exc_TypeError, "array() takes at %s %d argument%s (%zd given)",
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                          nargs);
  Object* c = tuple_item(args, 0);
  Object* initial = tuple_size(args) > 1 ? tuple_item(args, 1) : nullptr;
  if (!str_check(c)) {
    return errors::format(exc_TypeError, "array() argument 1 must be a unicode character, not %.200s",
                          c->type->name);
  }
  if (str_length(c) != 1) {
    return errors::format(exc_TypeError,
                          "array() argument 1 must be a unicode character, not a string of length %zd",
                          str_length(c));
  }
  UCS4 tc = str_read_char(c, 0);
  if (tc == 'u' &&
      errors::warn_ex(exc_DeprecationWarning,
                      "The 'u' type code is deprecated and will be removed in Python 3.16", 1) < 0)
    return nullptr;
  bool is_unicode = tc == 'u' || tc == 'w';
  if (initial && !is_unicode && str_check(initial)) {
    return errors::format(exc_TypeError,
                          "cannot use a str to initialize an array with typecode '%c'",
                          static_cast<int>(tc));
  }
  if (initial && array_check(initial) && !is_unicode) {
    char itc = static_cast<ArrayObj*>(initial)->ob_descr->typecode;
    if (itc == 'u' || itc == 'w')
      return errors::format(exc_TypeError,
                            "cannot use a unicode array to initialize an array with typecode '%c'",
                            static_cast<int>(tc));
  }
  for (const Descr* descr = descriptors; descr->typecode; descr++) {
    if (static_cast<UCS4>(descr->typecode) != tc) continue;
    Ref<> a = Ref<>::steal(newarrayobject(type, 0, descr));
    if (!a) return nullptr;
    auto* self = static_cast<ArrayObj*>(a.get());
    if (!initial) return a.release();
    if (str_check(initial)) {
      Ref<> r = Ref<>::steal(array_fromunicode(a.get(), initial));
      if (!r) return nullptr;
    } else if (bytes_check(initial) || type_check(initial, &bytearray_type)) {
      Ref<> r = Ref<>::steal(array_frombytes(a.get(), initial));
      if (!r) return nullptr;
    } else if (array_check(initial) && static_cast<ArrayObj*>(initial)->ob_descr->typecode !=
                                           descr->typecode &&
               is_unicode) {
      Ref<> s = Ref<>::steal(array_tounicode(initial, nullptr));
      if (!s) return nullptr;
      Ref<> r = Ref<>::steal(array_fromunicode(a.get(), s.get()));
      if (!r) return nullptr;
    } else {
      if (array_do_extend(self, initial) < 0) return nullptr;
    }
    return a.release();
  }
  errors::set_string(exc_ValueError,
                     "bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)");
  return nullptr;
}

MethodDef array_methods[] = {
    {"append", reinterpret_cast<void*>(array_append), kMethO,
     "append($self, v, /)\n--\n\nAppend new value v to the end of the array."},
    {"buffer_info", reinterpret_cast<void*>(array_buffer_info), kMethNoArgs,
     "buffer_info($self, /)\n--\n\nReturn a tuple (address, length) giving the current memory "
     "address and the length in items of the buffer used to hold array's contents.\n\nThe "
     "length should be multiplied by the itemsize attribute to calculate\nthe buffer length in "
     "bytes."},
    {"byteswap", reinterpret_cast<void*>(array_byteswap), kMethNoArgs,
     "byteswap($self, /)\n--\n\nByteswap all items of the array.\n\nIf the items in the array "
     "are not 1, 2, 4, or 8 bytes in size, RuntimeError is\nraised."},
    {"extend", reinterpret_cast<void*>(array_extend), kMethO,
     "extend($self, bb, /)\n--\n\nAppend items to the end of the array."},
    {"frombytes", reinterpret_cast<void*>(array_frombytes), kMethO,
     "frombytes($self, buffer, /)\n--\n\nAppends items from the string, interpreting it as an "
     "array of machine values, as if it had been read from a file using the fromfile() "
     "method."},
    {"fromlist", reinterpret_cast<void*>(array_fromlist), kMethO,
     "fromlist($self, list, /)\n--\n\nAppend items to array from list."},
    {"fromunicode", reinterpret_cast<void*>(array_fromunicode), kMethO,
     "fromunicode($self, ustr, /)\n--\n\nExtends this array with data from the unicode "
     "string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.  "
     "Use\narray.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other "
     "type."},
    {"tobytes", reinterpret_cast<void*>(array_tobytes), kMethNoArgs,
     "tobytes($self, /)\n--\n\nConvert the array to an array of machine values and return the "
     "bytes representation."},
    {"tolist", reinterpret_cast<void*>(array_tolist), kMethNoArgs,
     "tolist($self, /)\n--\n\nConvert array to an ordinary list with the same items."},
    {"tounicode", reinterpret_cast<void*>(array_tounicode), kMethNoArgs,
     "tounicode($self, /)\n--\n\nExtends this array with data from the unicode string "
     "ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\n"
     "otherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode "
     "string from an array of some other type."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef array_getset[] = {
    {"typecode", array_get_typecode, nullptr, "the typecode character used to create the array",
     nullptr},
    {"itemsize", array_get_itemsize, nullptr, "the size, in bytes, of one array item", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

SequenceMethods array_as_sequence = [] {
  SequenceMethods s{};
  s.length = array_length;
  s.item = array_item;
  s.ass_item = array_ass_item;
  return s;
}();

MappingMethods array_as_mapping = {array_length, array_subscr, array_ass_subscr};

Object* array_iter(Object* op) { return seqiter_new(op); }

int array_exec(Object* m) {
  if (!array_type.name) {
    TypeObject t = static_type("array.array", sizeof(ArrayObj), 0,
                               kTpflagsBasetype | kTpflagsSequence);
    t.doc = "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are "
            "restricted by typecode, and\ninitialized from the optional initializer value, "
            "which must be a list,\nstring, or iterable over elements of the appropriate type.";
    t.dealloc = array_dealloc;
    t.repr = array_repr;
    t.as_sequence = &array_as_sequence;
    t.as_mapping = &array_as_mapping;
    t.as_buffer = &array_as_buffer;
    t.richcompare = array_richcompare;
    t.weaklistoffset = offsetof(ArrayObj, weakreflist);
    t.iter = array_iter;
    t.methods = array_methods;
    t.getset = array_getset;
    t.getattro = object_generic_getattr;
    t.alloc = type_generic_alloc;
    t.new_ = array_new;
    t.free = object_generic_free;
    t.hash = object_hash_not_implemented;
    array_type = t;
    if (type_ready(&array_type) < 0) return -1;
  }
  if (module_add_object_ref(m, "array", &array_type) < 0 ||
      module_add_object_ref(m, "ArrayType", &array_type) < 0)
    return -1;
  Ref<> codes = Ref<>::steal(str_from_cstr("bBuwhHiIlLqQfd"));
  if (!codes) return -1;
  return module_add_object_ref(m, "typecodes", codes.get());
}

ModuleDef array_def = {
    "array",
    "This module defines an object type which can efficiently represent\n"
    "an array of basic values: characters, integers, floating-point\n"
    "numbers.  Arrays are sequence types and behave very much like lists,\n"
    "except that the type of objects stored in them is constrained.\n",
    nullptr, array_exec};

}  // namespace

ModuleDef* module_def() { return &array_def; }

}  // namespace cppy::modules::array
