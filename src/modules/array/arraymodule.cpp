// The array module: Modules/arraymodule.c of CPython 3.14: the typecodes with their item
// conversions and messages (the *_getitem / *_setitem / *_compareitems functions of the
// descriptor table), array(typecode[, initializer]), items and slices (extended slices in
// get, set and delete), every method, comparisons, concatenation and repetition, the buffer
// protocol, pickling through _array_reconstructor and the machine format codes, and the
// arrayiterator type.
#include "modules/array/arraymodule.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstring>
#include <string>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/typeobject_internal.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/clinic_args.h"
#include "objects/iterobject.h"
#include "objects/listobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"
#include "objects/bytearrayobject.h"
#include "objects/genericaliasobject.h"
#include "objects/sliceobject.h"
#include "objects/spec_types.h"
#include "imp/import.h"
#include "vm/ceval.h"

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
  int (*compareitems)(const void*, const void*, ssize);
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

// *_compareitems: the fast path of array_richcompare for arrays of one integer typecode.
template <typename T>
int compareitems(const void* lhs, const void* rhs, ssize length) {
  const T* a = static_cast<const T*>(lhs);
  const T* b = static_cast<const T*>(rhs);
  for (ssize i = 0; i < length; ++i)
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}

const Descr descriptors[] = {
    {'b', 1, b_getitem, b_setitem, compareitems<signed char>, "b", true, true},
    {'B', 1, BB_getitem, BB_setitem, compareitems<unsigned char>, "B", true, false},
    {'u', sizeof(wchar_t), u_getitem<wchar_t>, u_setitem<wchar_t>, compareitems<wchar_t>, "w",
     false, false},
    {'w', sizeof(UCS4), u_getitem<UCS4>, u_setitem<UCS4>, compareitems<UCS4>, "w", false, false},
    {'h', sizeof(short), h_getitem, h_setitem, compareitems<short>, "h", true, true},
    {'H', sizeof(short), HH_getitem, HH_setitem, compareitems<unsigned short>, "H", true, false},
    {'i', sizeof(int), i_getitem, i_setitem, compareitems<int>, "i", true, true},
    {'I', sizeof(int), II_getitem, II_setitem, compareitems<unsigned int>, "I", true, false},
    {'l', sizeof(long), l_getitem, l_setitem, compareitems<long>, "l", true, true},
    {'L', sizeof(long), LL_getitem, LL_setitem, compareitems<unsigned long>, "L", true, false},
    {'q', sizeof(long long), q_getitem, q_setitem, compareitems<long long>, "q", true, true},
    {'Q', sizeof(long long), QQ_getitem, QQ_setitem, compareitems<unsigned long long>, "Q", true,
     false},
    {'f', sizeof(float), f_getitem, f_setitem, nullptr, "f", false, false},
    {'d', sizeof(double), d_getitem, d_setitem, nullptr, "d", false, false},
    {'\0', 0, nullptr, nullptr, nullptr, nullptr, false, false},
};

TypeObject arrayiter_type{};
Object* array_reconstructor = nullptr;  // array._array_reconstructor, looked up on first use

// The clinic conversion of a Py_ssize_t parameter: _PyNumber_Index then PyLong_AsSsize_t.
bool ssize_arg(Object* o, ssize* out) {
  Ref<> i = Ref<>::steal(number_index(o));
  if (!i) return false;
  ssize v = long_as_ssize(i.get());
  if (v == -1 && errors::occurred()) return false;
  *out = v;
  return true;
}

// _PyEval_SliceIndexNotNone.
bool slice_index_not_none(Object* v, ssize* out) {
  if (!index_check(v)) {
    errors::set_string(exc_TypeError,
                       "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && errors::occurred()) return false;
  *out = x;
  return true;
}

// PyErr_BadArgument.
void bad_argument_type() {
  errors::set_string(exc_TypeError, "bad argument type for built-in operation");
}

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
  size_t allocated = static_cast<size_t>((newsize >> 4) + (self->size < 8 ? 3 : 7) + newsize);
  if (allocated > (~size_t{0}) / static_cast<size_t>(self->ob_descr->itemsize)) {
    errors::no_memory();
    return -1;
  }
  void* p = gc::mem_realloc(self->ob_item, allocated * static_cast<size_t>(self->ob_descr->itemsize));
  if (!p) {
    errors::no_memory();
    return -1;
  }
  self->ob_item = static_cast<char*>(p);
  self->size = newsize;
  self->allocated = static_cast<ssize>(allocated);
  return 0;
}

// newarrayobject.
Object* newarrayobject(TypeObject* type, ssize size, const Descr* descr) {
  if (size > PTRDIFF_MAX / descr->itemsize) return errors::no_memory();
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* a = static_cast<ArrayObj*>(obj.get());
  a->ob_descr = descr;
  a->size = size;
  a->allocated = size;
  a->ob_item = nullptr;
  a->weakreflist = nullptr;
  a->ob_exports = 0;
  if (size > 0) {
    a->ob_item = static_cast<char*>(gc::mem_malloc(static_cast<size_t>(size * descr->itemsize)));
    if (!a->ob_item) return errors::no_memory();
  }
  return obj.release();
}

bool array_check(Object* o) { return type_check(o, &array_type); }

ArrayObj* A(Object* o) { return static_cast<ArrayObj*>(o); }

// ins1.
int ins1(ArrayObj* self, ssize where, Object* v) {
  ssize n = self->size;
  if (self->ob_descr->setitem(self, -1, v) < 0) return -1;
  if (array_resize(self, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  int sz = self->ob_descr->itemsize;
  if (where != n)
    std::memmove(self->ob_item + (where + 1) * sz, self->ob_item + where * sz,
                 static_cast<size_t>((n - where) * sz));
  return self->ob_descr->setitem(self, where, v);
}

// array_slice: a new array.array (never a subclass) of items [ilow, ihigh).
Object* array_slice(ArrayObj* a, ssize ilow, ssize ihigh) {
  if (ilow < 0) ilow = 0;
  else if (ilow > a->size) ilow = a->size;
  if (ihigh < 0) ihigh = 0;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a->size) ihigh = a->size;
  Object* np = newarrayobject(&array_type, ihigh - ilow, a->ob_descr);
  if (!np) return nullptr;
  if (ihigh > ilow)
    std::memcpy(A(np)->ob_item, a->ob_item + ilow * a->ob_descr->itemsize,
                static_cast<size_t>((ihigh - ilow) * a->ob_descr->itemsize));
  return np;
}

// array_del_slice.
int array_del_slice(ArrayObj* a, ssize ilow, ssize ihigh) {
  if (ilow < 0) ilow = 0;
  else if (ilow > a->size) ilow = a->size;
  if (ihigh < 0) ihigh = 0;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a->size) ihigh = a->size;
  ssize d = ihigh - ilow;
  if (d != 0 && a->ob_exports > 0) {
    errors::set_string(exc_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
  }
  if (d > 0) {
    int sz = a->ob_descr->itemsize;
    std::memmove(a->ob_item + (ihigh - d) * sz, a->ob_item + ihigh * sz,
                 static_cast<size_t>((a->size - ihigh) * sz));
    if (array_resize(a, a->size - d) < 0) return -1;
  }
  return 0;
}

// array_iter_extend.
int array_iter_extend(ArrayObj* self, Object* bb) {
  Ref<> it = Ref<>::steal(object_get_iter(bb));
  if (!it) return -1;
  for (;;) {
    Ref<> v = Ref<>::steal(iter_next(it.get()));
    if (!v) break;
    if (ins1(self, self->size, v.get()) != 0) return -1;
  }
  return errors::occurred() ? -1 : 0;
}

// array_do_extend.
int array_do_extend(ArrayObj* self, Object* bb) {
  if (!array_check(bb)) return array_iter_extend(self, bb);
  auto* b = A(bb);
  if (self->ob_descr != b->ob_descr) {
    errors::set_string(exc_TypeError, "can only extend with array of same kind");
    return -1;
  }
  if (self->size > PTRDIFF_MAX - b->size ||
      self->size + b->size > PTRDIFF_MAX / self->ob_descr->itemsize) {
    errors::no_memory();
    return -1;
  }
  ssize oldsize = self->size, bbsize = b->size;  // bb may be self
  if (array_resize(self, oldsize + bbsize) < 0) return -1;
  if (bbsize > 0)
    std::memcpy(self->ob_item + oldsize * self->ob_descr->itemsize, b->ob_item,
                static_cast<size_t>(bbsize * b->ob_descr->itemsize));
  return 0;
}

// _PyBytes_Repeat: dest (newbytes long) filled with copies of src (oldbytes long), doubling.
void bytes_repeat(char* dest, ssize newbytes, const char* src, ssize oldbytes) {
  if (newbytes == 0) return;
  if (dest != src) std::memcpy(dest, src, static_cast<size_t>(oldbytes));
  ssize copied = oldbytes;
  while (copied < newbytes) {
    ssize chunk = std::min(copied, newbytes - copied);
    std::memcpy(dest + copied, dest, static_cast<size_t>(chunk));
    copied += chunk;
  }
}

Object* array_concat(Object* op, Object* bb) {
  auto* a = A(op);
  if (!array_check(bb))
    return errors::format(exc_TypeError, "can only append array (not \"%.200s\") to array",
                          bb->type->name);
  auto* b = A(bb);
  if (a->ob_descr != b->ob_descr) {
    bad_argument_type();
    return nullptr;
  }
  if (a->size > PTRDIFF_MAX - b->size) return errors::no_memory();
  Object* np = newarrayobject(&array_type, a->size + b->size, a->ob_descr);
  if (!np) return nullptr;
  int sz = a->ob_descr->itemsize;
  if (a->size > 0) std::memcpy(A(np)->ob_item, a->ob_item, static_cast<size_t>(a->size * sz));
  if (b->size > 0)
    std::memcpy(A(np)->ob_item + a->size * sz, b->ob_item, static_cast<size_t>(b->size * sz));
  return np;
}

Object* array_repeat(Object* op, ssize n) {
  auto* a = A(op);
  if (n < 0) n = 0;
  ssize len = a->size;
  if (len != 0 && n > PTRDIFF_MAX / len) return errors::no_memory();
  ssize size = len * n;
  Object* np = newarrayobject(&array_type, size, a->ob_descr);
  if (!np || size == 0) return np;
  ssize oldbytes = len * a->ob_descr->itemsize;
  bytes_repeat(A(np)->ob_item, oldbytes * n, a->ob_item, oldbytes);
  return np;
}

Object* array_inplace_concat(Object* op, Object* bb) {
  if (!array_check(bb))
    return errors::format(exc_TypeError, "can only extend array with array (not \"%.200s\")",
                          bb->type->name);
  if (array_do_extend(A(op), bb) < 0) return nullptr;
  return new_ref(op);
}

Object* array_inplace_repeat(Object* op, ssize n) {
  auto* self = A(op);
  ssize array_size = self->size;
  if (array_size > 0 && n != 1) {
    if (n < 0) n = 0;
    if (array_size > PTRDIFF_MAX / self->ob_descr->itemsize) return errors::no_memory();
    ssize size = array_size * self->ob_descr->itemsize;
    if (n > 0 && size > PTRDIFF_MAX / n) return errors::no_memory();
    if (array_resize(self, n * array_size) < 0) return nullptr;
    bytes_repeat(self->ob_item, n * size, self->ob_item, size);
  }
  return new_ref(op);
}

int array_contains(Object* op, Object* v) {
  int cmp = 0;
  for (ssize i = 0; cmp == 0 && i < A(op)->size; i++) {
    Ref<> item = Ref<>::steal(A(op)->ob_descr->getitem(A(op), i));
    if (!item) return -1;
    cmp = object_rich_compare_bool(item.get(), v, kEQ);
  }
  return cmp;
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
    if (n > PTRDIFF_MAX - old_size || old_size + n > PTRDIFF_MAX / itemsize) {
      errors::no_memory();
      return -1;
    }
    if (array_resize(self, old_size + n) < 0) return -1;
    std::memcpy(self->ob_item + old_size * itemsize, data, static_cast<size_t>(len));
  }
  return 0;
}

// array_array_frombytes.
Object* array_frombytes(Object* op, Object* arg) {
  BufferHolder buf;
  if (buf.get(arg) < 0) return nullptr;
  if (buf.view().itemsize != 1) {
    errors::set_string(exc_TypeError, "a bytes-like object is required");
    return nullptr;
  }
  // The buffer stays held: an array extended from itself cannot resize (BufferError).
  if (frombytes(A(op), buf.data(), buf.size()) < 0) return nullptr;
  return return_none();
}

// array_array_fromunicode_impl.
Object* array_fromunicode(Object* op, Object* ustr) {
  auto* self = A(op);
  if (!str_check(ustr)) {
    bad_argument("fromunicode", "", "str", ustr);
    return nullptr;
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
  auto* self = A(op);
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
    UCS4 c = static_cast<UCS4>(items<wchar_t>(self)[i]);
    if (c > kMaxUnicode) {
      errors::format(exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
      return nullptr;
    }
    if (w.write_char(c) < 0) return nullptr;
  }
  return w.finish();
}

Object* array_tobytes(Object* op, Object*) {
  auto* self = A(op);
  return bytes_from_string_and_size(self->ob_item, self->size * self->ob_descr->itemsize);
}

Object* array_tolist(Object* op, Object*) {
  auto* self = A(op);
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
  auto* self = A(op);
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
      if (self->ob_descr->setitem(self, self->size - n + i, v) != 0) {
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
  if (ins1(A(op), A(op)->size, v) != 0) return nullptr;
  return return_none();
}

const char* const kOnePositional[] = {"", nullptr};
const char* const kTwoPositional[] = {"", "", nullptr};

// array_array_extend (METH_METHOD|METH_FASTCALL|METH_KEYWORDS: one positional argument).
Object* array_extend(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  Object* bb = nullptr;
  if (unpack_keywords({"extend", kOnePositional, 1, 1, 0}, args, nargs, kwnames, &bb) < 0)
    return nullptr;
  if (array_do_extend(A(op), bb) < 0) return nullptr;
  return return_none();
}

Object* array_buffer_info(Object* op, Object*) {
  auto* self = A(op);
  Ref<> p = Ref<>::steal(long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(self->ob_item)));
  if (!p) return nullptr;
  Ref<> n = Ref<>::steal(long_from_ssize(self->size));
  if (!n) return nullptr;
  return tuple_pack(2, p.get(), n.get());
}

Object* array_byteswap(Object* op, Object*) {
  auto* self = A(op);
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

Object* array_clear(Object* op, Object*) {
  if (array_resize(A(op), 0) < 0) return nullptr;
  return return_none();
}

Object* array_copy(Object* op, Object*) { return array_slice(A(op), 0, A(op)->size); }
Object* array_deepcopy(Object* op, Object*) { return array_copy(op, nullptr); }

// array_array_count_impl.
Object* array_count(Object* op, Object* v) {
  ssize count = 0;
  for (ssize i = 0; i < A(op)->size; i++) {
    Ref<> item = Ref<>::steal(A(op)->ob_descr->getitem(A(op), i));
    if (!item) return nullptr;
    int cmp = object_rich_compare_bool(item.get(), v, kEQ);
    if (cmp > 0) count++;
    else if (cmp < 0) return nullptr;
  }
  return long_from_ssize(count);
}

// array_array_index_impl.
Object* array_index(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("index", nargs, 1, 3)) return nullptr;
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index_not_none(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index_not_none(args[2], &stop)) return nullptr;
  auto* self = A(op);
  if (start < 0) {
    start += self->size;
    if (start < 0) start = 0;
  }
  if (stop < 0) stop += self->size;
  // The size is read at every step: the comparison may mutate the array.
  for (ssize i = start; i < stop && i < self->size; i++) {
    Ref<> item = Ref<>::steal(self->ob_descr->getitem(self, i));
    if (!item) return nullptr;
    int cmp = object_rich_compare_bool(item.get(), args[0], kEQ);
    if (cmp > 0) return long_from_ssize(i);
    if (cmp < 0) return nullptr;
  }
  errors::set_string(exc_ValueError, "array.index(x): x not in array");
  return nullptr;
}

// array_array_remove_impl.
Object* array_remove(Object* op, Object* v) {
  auto* self = A(op);
  for (ssize i = 0; i < self->size; i++) {
    Ref<> item = Ref<>::steal(self->ob_descr->getitem(self, i));
    if (!item) return nullptr;
    int cmp = object_rich_compare_bool(item.get(), v, kEQ);
    if (cmp > 0) {
      if (array_del_slice(self, i, i + 1) != 0) return nullptr;
      return return_none();
    }
    if (cmp < 0) return nullptr;
  }
  errors::set_string(exc_ValueError, "array.remove(x): x not in array");
  return nullptr;
}

// array_array_pop_impl.
Object* array_pop(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("pop", nargs, 0, 1)) return nullptr;
  ssize i = -1;
  if (nargs > 0 && !ssize_arg(args[0], &i)) return nullptr;
  auto* self = A(op);
  if (self->size == 0) {
    errors::set_string(exc_IndexError, "pop from empty array");
    return nullptr;
  }
  if (i < 0) i += self->size;
  if (i < 0 || i >= self->size) {
    errors::set_string(exc_IndexError, "pop index out of range");
    return nullptr;
  }
  Ref<> v = Ref<>::steal(self->ob_descr->getitem(self, i));
  if (!v) return nullptr;
  if (array_del_slice(self, i, i + 1) != 0) return nullptr;
  return v.release();
}

// array_array_insert_impl.
Object* array_insert(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("insert", nargs, 2, 2)) return nullptr;
  ssize i;
  if (!ssize_arg(args[0], &i)) return nullptr;
  if (ins1(A(op), i, args[1]) != 0) return nullptr;
  return return_none();
}

// array_array_reverse_impl.
Object* array_reverse(Object* op, Object*) {
  auto* self = A(op);
  int sz = self->ob_descr->itemsize;
  char tmp[16];
  if (self->size > 1) {
    for (char *p = self->ob_item, *q = self->ob_item + (self->size - 1) * sz; p < q;
         p += sz, q -= sz) {
      std::memcpy(tmp, p, static_cast<size_t>(sz));
      std::memcpy(p, q, static_cast<size_t>(sz));
      std::memcpy(q, tmp, static_cast<size_t>(sz));
    }
  }
  return return_none();
}

// array_array_fromfile_impl.
Object* array_fromfile(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  Object* argv[2] = {nullptr, nullptr};
  if (unpack_keywords({"fromfile", kTwoPositional, 2, 2, 0}, args, nargs, kwnames, argv) < 0)
    return nullptr;
  ssize n;
  if (!ssize_arg(argv[1], &n)) return nullptr;
  if (n < 0) {
    errors::set_string(exc_ValueError, "negative count");
    return nullptr;
  }
  auto* self = A(op);
  ssize itemsize = self->ob_descr->itemsize;
  if (n > PTRDIFF_MAX / itemsize) return errors::no_memory();
  ssize nbytes = n * itemsize;
  Ref<> name = Ref<>::steal(str_from_cstr("read"));
  if (!name) return nullptr;
  Ref<> count = Ref<>::steal(long_from_ssize(nbytes));
  if (!count) return nullptr;
  Ref<> b = Ref<>::steal(call_method_one_arg(argv[0], name.get(), count.get()));
  if (!b) return nullptr;
  if (!bytes_check(b.get())) {
    errors::set_string(exc_TypeError, "read() didn't return bytes");
    return nullptr;
  }
  bool not_enough_bytes = bytes_size(b.get()) != nbytes;
  Ref<> res = Ref<>::steal(array_frombytes(op, b.get()));
  if (!res) return nullptr;
  if (not_enough_bytes) {
    errors::set_string(exc_EOFError, "read() didn't return enough bytes");
    return nullptr;
  }
  return res.release();
}

// array_array_tofile_impl: 64 KiB blocks.
Object* array_tofile(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  Object* f = nullptr;
  if (unpack_keywords({"tofile", kOnePositional, 1, 1, 0}, args, nargs, kwnames, &f) < 0)
    return nullptr;
  auto* self = A(op);
  ssize nbytes = self->size * self->ob_descr->itemsize;
  constexpr ssize kBlock = 64 * 1024;
  ssize nblocks = (nbytes + kBlock - 1) / kBlock;
  if (self->size == 0) return return_none();
  Ref<> name = Ref<>::steal(str_from_cstr("write"));
  if (!name) return nullptr;
  for (ssize i = 0; i < nblocks; i++) {
    ssize size = kBlock;
    if (i * kBlock + size > nbytes) size = nbytes - i * kBlock;
    Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(self->ob_item + i * kBlock, size));
    if (!bytes) return nullptr;
    Ref<> res = Ref<>::steal(call_method_one_arg(f, name.get(), bytes.get()));
    if (!res) return nullptr;
  }
  return return_none();
}

Object* array_sizeof(Object* op, Object*) {
  size_t res = static_cast<size_t>(op->type->basicsize) +
               static_cast<size_t>(A(op)->allocated) * static_cast<size_t>(A(op)->ob_descr->itemsize);
  return long_from_unsigned_long_long(res);
}

// ---- Pickling ----

// enum machine_format_code.
enum MachineFormat : int {
  kUnknownFormat = -1,
  kUnsignedInt8 = 0,
  kSignedInt8 = 1,
  kUnsignedInt16LE = 2,
  kUnsignedInt32LE = 6,
  kUnsignedInt64LE = 10,
  kFloatLE = 14,
  kFloatBE = 15,
  kDoubleLE = 16,
  kDoubleBE = 17,
  kUtf16LE = 18,
  kUtf16BE = 19,
  kUtf32LE = 20,
  kUtf32BE = 21,
};
constexpr int kMachineFormatMax = 21;

// mformat_descriptors: the item size, signedness and byte order of each code. (The UTF-16 and
// UTF-32 rows carry CPython's table values, which only the size check below reads.)
struct MFormat {
  int size;
  bool is_signed;
  bool big_endian;
};
const MFormat mformat_descriptors[] = {
    {1, false, false}, {1, true, false},  {2, false, false}, {2, false, true},
    {2, true, false},  {2, true, true},   {4, false, false}, {4, false, true},
    {4, true, false},  {4, true, true},   {8, false, false}, {8, false, true},
    {8, true, false},  {8, true, true},   {4, false, false}, {4, false, true},
    {8, false, false}, {8, false, true},  {4, false, false}, {4, false, true},
    {8, false, false}, {8, false, true},
};

constexpr bool kBigEndian = std::endian::native == std::endian::big;

// typecode_to_mformat_code.
int typecode_to_mformat_code(char typecode) {
  int be = kBigEndian ? 1 : 0;
  size_t intsize;
  int is_signed;
  switch (typecode) {
    case 'b': return kSignedInt8;
    case 'B': return kUnsignedInt8;
    case 'u':
      if (sizeof(wchar_t) == 2) return kUtf16LE + be;
      if (sizeof(wchar_t) == 4) return kUtf32LE + be;
      return kUnknownFormat;
    case 'w': return kUtf32LE + be;
    case 'f': return kBigEndian ? kFloatBE : kFloatLE;
    case 'd': return kBigEndian ? kDoubleBE : kDoubleLE;
    case 'h': intsize = sizeof(short); is_signed = 1; break;
    case 'H': intsize = sizeof(short); is_signed = 0; break;
    case 'i': intsize = sizeof(int); is_signed = 1; break;
    case 'I': intsize = sizeof(int); is_signed = 0; break;
    case 'l': intsize = sizeof(long); is_signed = 1; break;
    case 'L': intsize = sizeof(long); is_signed = 0; break;
    case 'q': intsize = sizeof(long long); is_signed = 1; break;
    case 'Q': intsize = sizeof(long long); is_signed = 0; break;
    default: return kUnknownFormat;
  }
  switch (intsize) {
    case 2: return kUnsignedInt16LE + be + 2 * is_signed;
    case 4: return kUnsignedInt32LE + be + 2 * is_signed;
    case 8: return kUnsignedInt64LE + be + 2 * is_signed;
    default: return kUnknownFormat;
  }
}

Object* array_new(TypeObject* type, Object* args, Object* kwds);

// make_array: arraytype(typecode, items) through array_new.
Object* make_array(TypeObject* arraytype, char typecode, Object* items) {
  Ref<> tc = Ref<>::steal(str_from_ordinal(static_cast<unsigned char>(typecode)));
  if (!tc) return nullptr;
  Ref<> args = Ref<>::steal(tuple_pack(2, tc.get(), items));
  if (!args) return nullptr;
  return array_new(arraytype, args.get(), nullptr);
}

// array__array_reconstructor_impl.
Object* array_reconstructor_fn(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_array_reconstructor", nargs, 4, 4)) return nullptr;
  Object* arraytype = args[0];
  if (!str_check(args[1])) {
    bad_argument("_array_reconstructor", "2", "a unicode character", args[1]);
    return nullptr;
  }
  if (str_length(args[1]) != 1)
    return errors::format(exc_TypeError,
                          "_array_reconstructor(): argument 2 must be a unicode character, not "
                          "a string of length %zd",
                          str_length(args[1]));
  UCS4 typecode = str_read_char(args[1], 0);
  long mcode = long_as_long(args[2]);
  if (mcode == -1 && errors::occurred()) return nullptr;
  if (mcode > INT_MAX || mcode < INT_MIN) {
    errors::set_string(exc_OverflowError, "Python int too large to convert to C int");
    return nullptr;
  }
  int mformat_code = static_cast<int>(mcode);
  Object* items_obj = args[3];
  if (!type_check_type(arraytype))
    return errors::format(exc_TypeError, "first argument must be a type object, not %.200s",
                          arraytype->type->name);
  auto* atype = static_cast<TypeObject*>(arraytype);
  if (!is_subtype(atype, &array_type))
    return errors::format(exc_TypeError, "%.200s is not a subtype of %.200s", atype->name,
                          array_type.name);
  const Descr* descr = descriptors;
  for (; descr->typecode; descr++)
    if (static_cast<UCS4>(descr->typecode) == typecode) break;
  if (!descr->typecode) {
    errors::set_string(exc_ValueError, "second argument must be a valid type code");
    return nullptr;
  }
  if (mformat_code < 0 || mformat_code > kMachineFormatMax) {
    errors::set_string(exc_ValueError, "third argument must be a valid machine format code.");
    return nullptr;
  }
  if (!bytes_check(items_obj))
    return errors::format(exc_TypeError, "fourth argument should be bytes, not %.200s",
                          items_obj->type->name);
  char tc = static_cast<char>(typecode);
  if (mformat_code == typecode_to_mformat_code(tc)) return make_array(atype, tc, items_obj);

  // The slow path: items in another machine's format.
  const MFormat& mf = mformat_descriptors[mformat_code];
  ssize nbytes = bytes_size(items_obj);
  const auto* mem = reinterpret_cast<const unsigned char*>(bytes_as_string(items_obj));
  if (nbytes % mf.size != 0) {
    errors::set_string(exc_ValueError, "string length not a multiple of item size");
    return nullptr;
  }
  Ref<> converted;
  switch (mformat_code) {
    case kFloatLE:
    case kFloatBE:
    case kDoubleLE:
    case kDoubleBE: {
      bool is_float = mformat_code <= kFloatBE;
      int size = is_float ? 4 : 8;
      bool le = mformat_code == kFloatLE || mformat_code == kDoubleLE;
      ssize count = nbytes / size;
      converted = Ref<>::steal(list_new(count));
      if (!converted) return nullptr;
      for (ssize i = 0; i < count; i++) {
        unsigned char buf[8];
        for (int k = 0; k < size; k++)
          buf[k] = mem[i * size + (le != !kBigEndian ? size - 1 - k : k)];
        double d;
        if (is_float) {
          float f;
          std::memcpy(&f, buf, 4);
          d = f;
        } else {
          std::memcpy(&d, buf, 8);
        }
        Object* v = float_from_double(d);
        if (!v) return nullptr;
        list_set_item_steal(converted.get(), i, v);
      }
      break;
    }
    case kUtf16LE:
    case kUtf16BE:
    case kUtf32LE:
    case kUtf32BE: {
      const char* enc = mformat_code == kUtf16LE   ? "utf-16-le"
                        : mformat_code == kUtf16BE ? "utf-16-be"
                        : mformat_code == kUtf32LE ? "utf-32-le"
                                                   : "utf-32-be";
      converted = Ref<>::steal(str_decode_object(items_obj, enc, "strict"));
      if (!converted) return nullptr;
      break;
    }
    default: {
      // Integers: the typecode whose item fits the format best (the last match wins).
      for (const Descr* d = descriptors; d->typecode; d++)
        if (d->is_integer_type && d->itemsize == mf.size && d->is_signed == mf.is_signed)
          tc = d->typecode;
      ssize count = nbytes / mf.size;
      converted = Ref<>::steal(list_new(count));
      if (!converted) return nullptr;
      for (ssize i = 0; i < count; i++) {
        Object* v = long_from_byte_array(mem + i * mf.size, static_cast<size_t>(mf.size),
                                         !mf.big_endian, mf.is_signed);
        if (!v) return nullptr;
        list_set_item_steal(converted.get(), i, v);
      }
      break;
    }
  }
  return make_array(atype, tc, converted.get());
}

// array_array___reduce_ex___impl.
Object* array_reduce_ex(Object* op, Object* const* args, ssize nargs, Object* kwnames) {
  Object* value = nullptr;
  if (unpack_keywords({"__reduce_ex__", kOnePositional, 1, 1, 0}, args, nargs, kwnames,
                      &value) < 0)
    return nullptr;
  auto* self = A(op);
  if (!array_reconstructor) {
    Ref<> mod = Ref<>::steal(imp::import_module("array"));
    if (!mod) return nullptr;
    Ref<> name = Ref<>::steal(str_from_cstr("_array_reconstructor"));
    if (!name) return nullptr;
    array_reconstructor = object_getattr(mod.get(), name.get());
    if (!array_reconstructor) return nullptr;
  }
  if (!long_check(value)) {
    errors::set_string(exc_TypeError, "__reduce_ex__ argument should be an integer");
    return nullptr;
  }
  long protocol = long_as_long(value);
  if (protocol == -1 && errors::occurred()) return nullptr;
  Ref<> dict_name = Ref<>::steal(str_from_cstr("__dict__"));
  if (!dict_name) return nullptr;
  Object* dict_raw = nullptr;
  if (object_get_optional_attr(op, dict_name.get(), &dict_raw) < 0) return nullptr;
  Ref<> dict = Ref<>::steal(dict_raw ? dict_raw : new_ref(none()));
  char typecode = self->ob_descr->typecode;
  Ref<> tc = Ref<>::steal(str_from_ordinal(static_cast<unsigned char>(typecode)));
  if (!tc) return nullptr;
  int mformat_code = typecode_to_mformat_code(typecode);
  if (mformat_code == kUnknownFormat || protocol < 3) {
    // A list of the items: Python 2 compatible protocols unpickle str as unicode.
    Ref<> list = Ref<>::steal(array_tolist(op, nullptr));
    if (!list) return nullptr;
    Ref<> targs = Ref<>::steal(tuple_pack(2, tc.get(), list.get()));
    if (!targs) return nullptr;
    return tuple_pack(3, static_cast<Object*>(op->type), targs.get(), dict.get());
  }
  Ref<> array_str = Ref<>::steal(array_tobytes(op, nullptr));
  if (!array_str) return nullptr;
  Ref<> code = Ref<>::steal(long_from_long(mformat_code));
  if (!code) return nullptr;
  Ref<> targs = Ref<>::steal(
      tuple_pack(4, static_cast<Object*>(op->type), tc.get(), code.get(), array_str.get()));
  if (!targs) return nullptr;
  return tuple_pack(3, array_reconstructor, targs.get(), dict.get());
}

Object* array_get_typecode(Object* op, void*) {
  return str_from_ordinal(static_cast<unsigned char>(A(op)->ob_descr->typecode));
}
Object* array_get_itemsize(Object* op, void*) { return long_from_long(A(op)->ob_descr->itemsize); }

ssize array_length(Object* op) { return A(op)->size; }

Object* array_item(Object* op, ssize i) {
  auto* a = A(op);
  if (i < 0 || i >= a->size) {
    errors::set_string(exc_IndexError, "array index out of range");
    return nullptr;
  }
  return a->ob_descr->getitem(a, i);
}

int array_ass_item(Object* op, ssize i, Object* v) {
  auto* a = A(op);
  if (i < 0 || i >= a->size) {
    errors::set_string(exc_IndexError, "array assignment index out of range");
    return -1;
  }
  if (!v) return array_del_slice(a, i, i + 1);
  return a->ob_descr->setitem(a, i, v);
}

// array_subscr.
Object* array_subscr(Object* op, Object* item) {
  auto* self = A(op);
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += self->size;
    return array_item(op, i);
  }
  if (!slice_check(item)) {
    errors::set_string(exc_TypeError, "array indices must be integers");
    return nullptr;
  }
  ssize start, stop, step;
  if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
  ssize slicelength = slice_adjust_indices(self->size, &start, &stop, step);
  int itemsize = self->ob_descr->itemsize;
  if (slicelength <= 0) return newarrayobject(&array_type, 0, self->ob_descr);
  Object* result = newarrayobject(&array_type, slicelength, self->ob_descr);
  if (!result) return nullptr;
  if (step == 1) {
    std::memcpy(A(result)->ob_item, self->ob_item + start * itemsize,
                static_cast<size_t>(slicelength * itemsize));
  } else {
    ssize cur = start;
    for (ssize i = 0; i < slicelength; cur += step, i++)
      std::memcpy(A(result)->ob_item + i * itemsize, self->ob_item + cur * itemsize,
                  static_cast<size_t>(itemsize));
  }
  return result;
}

// array_ass_subscr.
int array_ass_subscr(Object* op, Object* item, Object* value) {
  auto* self = A(op);
  ssize start, stop, step, slicelength, needed;
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return -1;
    if (i < 0) i += self->size;
    if (i < 0 || i >= self->size) {
      errors::set_string(exc_IndexError, "array assignment index out of range");
      return -1;
    }
    if (value) return self->ob_descr->setitem(self, i, value);
    start = i;
    stop = i + 1;
    step = 1;
    slicelength = 1;
  } else if (slice_check(item)) {
    if (slice_unpack(item, &start, &stop, &step) < 0) return -1;
    slicelength = slice_adjust_indices(self->size, &start, &stop, step);
  } else {
    errors::set_string(exc_TypeError, "array indices must be integers");
    return -1;
  }
  ArrayObj* other = nullptr;
  if (!value) {
    needed = 0;
  } else if (array_check(value)) {
    other = A(value);
    needed = other->size;
    if (self == other) {
      // self[i:j] = self: copy self first.
      Ref<> copy = Ref<>::steal(array_slice(other, 0, needed));
      if (!copy) return -1;
      return array_ass_subscr(op, item, copy.get());
    }
    if (other->ob_descr != self->ob_descr) {
      bad_argument_type();
      return -1;
    }
  } else {
    errors::format(exc_TypeError, "can only assign array (not \"%.200s\") to array slice",
                   value->type->name);
    return -1;
  }
  int itemsize = self->ob_descr->itemsize;
  // For a[2:1] = ... the insertion point is start, not stop.
  if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
  if ((needed == 0 || slicelength != needed) && self->ob_exports > 0) {
    errors::set_string(exc_BufferError, "cannot resize an array that is exporting buffers");
    return -1;
  }
  if (step == 1) {
    if (slicelength > needed) {
      std::memmove(self->ob_item + (start + needed) * itemsize, self->ob_item + stop * itemsize,
                   static_cast<size_t>((self->size - stop) * itemsize));
      if (array_resize(self, self->size + needed - slicelength) < 0) return -1;
    } else if (slicelength < needed) {
      if (array_resize(self, self->size + needed - slicelength) < 0) return -1;
      std::memmove(self->ob_item + (start + needed) * itemsize, self->ob_item + stop * itemsize,
                   static_cast<size_t>((self->size - start - needed) * itemsize));
    }
    if (needed > 0)
      std::memcpy(self->ob_item + start * itemsize, other->ob_item,
                  static_cast<size_t>(needed * itemsize));
    return 0;
  }
  if (needed == 0) {
    // Delete an extended slice.
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    size_t cur = static_cast<size_t>(start);
    for (ssize i = 0; i < slicelength; cur += static_cast<size_t>(step), i++) {
      ssize lim = step - 1;
      if (cur + static_cast<size_t>(step) >= static_cast<size_t>(self->size))
        lim = self->size - static_cast<ssize>(cur) - 1;
      std::memmove(self->ob_item + (static_cast<ssize>(cur) - i) * itemsize,
                   self->ob_item + (static_cast<ssize>(cur) + 1) * itemsize,
                   static_cast<size_t>(lim * itemsize));
    }
    cur = static_cast<size_t>(start) + static_cast<size_t>(slicelength) * static_cast<size_t>(step);
    if (cur < static_cast<size_t>(self->size))
      std::memmove(self->ob_item + (static_cast<ssize>(cur) - slicelength) * itemsize,
                   self->ob_item + static_cast<ssize>(cur) * itemsize,
                   static_cast<size_t>((self->size - static_cast<ssize>(cur)) * itemsize));
    return array_resize(self, self->size - slicelength) < 0 ? -1 : 0;
  }
  if (needed != slicelength) {
    errors::format(exc_ValueError,
                   "attempt to assign array of size %zd to extended slice of size %zd", needed,
                   slicelength);
    return -1;
  }
  ssize cur = start;
  for (ssize i = 0; i < slicelength; cur += step, i++)
    std::memcpy(self->ob_item + cur * itemsize, other->ob_item + i * itemsize,
                static_cast<size_t>(itemsize));
  return 0;
}

// array_repr.
Object* array_repr(Object* op) {
  auto* a = A(op);
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

bool compare_sizes(ssize vs, ssize ws, int op) {
  switch (op) {
    case kLT: return vs < ws;
    case kLE: return vs <= ws;
    case kEQ: return vs == ws;
    case kNE: return vs != ws;
    case kGT: return vs > ws;
    default: return vs >= ws;
  }
}

// array_richcompare.
Object* array_richcompare(Object* v, Object* w, int op) {
  if (!array_check(v) || !array_check(w)) return return_not_implemented();
  auto* va = A(v);
  auto* wa = A(w);
  if (va->size != wa->size && (op == kEQ || op == kNE)) return bool_from_long(op == kNE);
  if (va->ob_descr == wa->ob_descr && va->ob_descr->compareitems) {
    // Arrays of one typecode compare their buffers directly.
    int result = va->ob_descr->compareitems(va->ob_item, wa->ob_item, std::min(va->size, wa->size));
    if (result == 0) return bool_from_long(compare_sizes(va->size, wa->size, op));
    return bool_from_long(compare_sizes(result, 0, op));
  }
  Ref<> vi, wi;
  int k = 1;
  for (ssize i = 0; i < va->size && i < wa->size; i++) {
    vi = Ref<>::steal(va->ob_descr->getitem(va, i));
    if (!vi) return nullptr;
    wi = Ref<>::steal(wa->ob_descr->getitem(wa, i));
    if (!wi) return nullptr;
    k = object_rich_compare_bool(vi.get(), wi.get(), kEQ);
    if (k == 0) break;
    if (k < 0) return nullptr;
  }
  if (k) return bool_from_long(compare_sizes(va->size, wa->size, op));
  if (op == kEQ) return bool_from_long(0);
  if (op == kNE) return bool_from_long(1);
  return object_rich_compare(vi.get(), wi.get(), op);
}

// array_buffer_getbuf.
int array_getbuffer(Object* op, Buffer* view, int flags) {
  auto* self = A(op);
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

void array_releasebuffer(Object* op, Buffer*) { A(op)->ob_exports--; }

BufferProcs array_as_buffer = {array_getbuffer, array_releasebuffer};

void array_dealloc(Object* op) {
  auto* self = A(op);
  if (type_has_feature(op->type, kTpflagsHaveGc)) gc::untrack(op);
  if (self->weakreflist) object_clear_weakrefs(op);
  gc::mem_free(self->ob_item);
  TypeObject* tp = op->type;
  tp->free(op);
  // The type is static; a subclass instance's heap type is released by subtype_dealloc
  // (CPython's type_needs_decref: only when the base is not a heap type itself).
}

// array_new: array(typecode[, initializer]).
Object* array_new(TypeObject* type, Object* args, Object* kwds) {
  if ((type == &array_type || type->init == array_type.init) &&
      !no_keywords("array.array", kwds))
    return nullptr;
  // PyArg_ParseTuple(args, "C|O:array").
  ssize nargs = tuple_size(args);
  if (nargs < 1 || nargs > 2)
    return errors::format(exc_TypeError, "array() takes at %s %d argument%s (%zd given)",
                          nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s",
                          nargs);
  Object* c = tuple_item(args, 0);
  Object* initial = nargs > 1 ? tuple_item(args, 1) : nullptr;
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
  if (initial && !is_unicode) {
    if (str_check(initial))
      return errors::format(exc_TypeError,
                            "cannot use a str to initialize an array with typecode '%c'",
                            static_cast<int>(tc));
    if (array_check(initial)) {
      char itc = A(initial)->ob_descr->typecode;
      if (itc == 'u' || itc == 'w')
        return errors::format(exc_TypeError,
                              "cannot use a unicode array to initialize an array with typecode '%c'",
                              static_cast<int>(tc));
    }
  }
  Ref<> it;
  if (!(initial == nullptr || list_check(initial) || type_check(initial, &bytearray_type) ||
        bytes_check(initial) || tuple_check(initial) || (is_unicode && str_check(initial)) ||
        (array_check(initial) && tc == static_cast<UCS4>(A(initial)->ob_descr->typecode)))) {
    it = Ref<>::steal(object_get_iter(initial));
    if (!it) return nullptr;
    initial = nullptr;  // an empty array first, then array_iter_extend
  }
  for (const Descr* descr = descriptors; descr->typecode; descr++) {
    if (static_cast<UCS4>(descr->typecode) != tc) continue;
    ssize len = 0;
    if (initial && list_check(initial))
      len = list_size(initial);
    else if (initial && tuple_check(initial))
      len = tuple_size(initial);
    else if (initial && array_check(initial))
      len = A(initial)->size;
    Ref<> a = Ref<>::steal(newarrayobject(type, len, descr));
    if (!a) return nullptr;
    auto* self = A(a.get());
    if (len > 0 && !array_check(initial)) {
      for (ssize i = 0; i < len; i++) {
        Ref<> v = Ref<>::steal(sequence_get_item(initial, i));
        if (!v) return nullptr;
        if (array_ass_item(a.get(), i, v.get()) != 0) return nullptr;
      }
    } else if (initial && (bytes_check(initial) || type_check(initial, &bytearray_type))) {
      Ref<> r = Ref<>::steal(array_frombytes(a.get(), initial));
      if (!r) return nullptr;
    } else if (initial && str_check(initial)) {
      Ref<> r = Ref<>::steal(array_fromunicode(a.get(), initial));
      if (!r) return nullptr;
    } else if (initial && array_check(initial) && len > 0) {
      std::memcpy(self->ob_item, A(initial)->ob_item,
                  static_cast<size_t>(len * A(initial)->ob_descr->itemsize));
    }
    if (it && array_iter_extend(self, it.get()) < 0) return nullptr;
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
    {"clear", reinterpret_cast<void*>(array_clear), kMethNoArgs,
     "clear($self, /)\n--\n\nRemove all items from the array."},
    {"__copy__", reinterpret_cast<void*>(array_copy), kMethNoArgs,
     "__copy__($self, /)\n--\n\nReturn a copy of the array."},
    {"count", reinterpret_cast<void*>(array_count), kMethO,
     "count($self, v, /)\n--\n\nReturn number of occurrences of v in the array."},
    {"__deepcopy__", reinterpret_cast<void*>(array_deepcopy), kMethO,
     "__deepcopy__($self, unused, /)\n--\n\nReturn a copy of the array."},
    {"extend", reinterpret_cast<void*>(array_extend), kMethFastcall | kMethKeywords,
     "extend($self, bb, /)\n--\n\nAppend items to the end of the array."},
    {"fromfile", reinterpret_cast<void*>(array_fromfile), kMethFastcall | kMethKeywords,
     "fromfile($self, f, n, /)\n--\n\nRead n objects from the file object f and append them to "
     "the end of the array."},
    {"fromlist", reinterpret_cast<void*>(array_fromlist), kMethO,
     "fromlist($self, list, /)\n--\n\nAppend items to array from list."},
    {"frombytes", reinterpret_cast<void*>(array_frombytes), kMethO,
     "frombytes($self, buffer, /)\n--\n\nAppends items from the string, interpreting it as an "
     "array of machine values, as if it had been read from a file using the fromfile() "
     "method."},
    {"fromunicode", reinterpret_cast<void*>(array_fromunicode), kMethO,
     "fromunicode($self, ustr, /)\n--\n\nExtends this array with data from the unicode "
     "string ustr.\n\nThe array must be a unicode type array; otherwise a ValueError is raised.\n"
     "Use array.frombytes(ustr.encode(...)) to append Unicode data to an array of\nsome other "
     "type."},
    {"index", reinterpret_cast<void*>(array_index), kMethFastcall,
     "index($self, v, start=0, stop=sys.maxsize, /)\n--\n\nReturn index of first occurrence of "
     "v in the array.\n\nRaise ValueError if the value is not present."},
    {"insert", reinterpret_cast<void*>(array_insert), kMethFastcall,
     "insert($self, i, v, /)\n--\n\nInsert a new item v into the array before position i."},
    {"pop", reinterpret_cast<void*>(array_pop), kMethFastcall,
     "pop($self, i=-1, /)\n--\n\nReturn the i-th element and delete it from the array.\n\ni "
     "defaults to -1."},
    {"__reduce_ex__", reinterpret_cast<void*>(array_reduce_ex), kMethFastcall | kMethKeywords,
     "__reduce_ex__($self, value, /)\n--\n\nReturn state information for pickling."},
    {"remove", reinterpret_cast<void*>(array_remove), kMethO,
     "remove($self, v, /)\n--\n\nRemove the first occurrence of v in the array."},
    {"reverse", reinterpret_cast<void*>(array_reverse), kMethNoArgs,
     "reverse($self, /)\n--\n\nReverse the order of the items in the array."},
    {"tofile", reinterpret_cast<void*>(array_tofile), kMethFastcall | kMethKeywords,
     "tofile($self, f, /)\n--\n\nWrite all items (as machine values) to the file object f."},
    {"tolist", reinterpret_cast<void*>(array_tolist), kMethNoArgs,
     "tolist($self, /)\n--\n\nConvert array to an ordinary list with the same items."},
    {"tobytes", reinterpret_cast<void*>(array_tobytes), kMethNoArgs,
     "tobytes($self, /)\n--\n\nConvert the array to an array of machine values and return the "
     "bytes representation."},
    {"tounicode", reinterpret_cast<void*>(array_tounicode), kMethNoArgs,
     "tounicode($self, /)\n--\n\nExtends this array with data from the unicode string "
     "ustr.\n\nConvert the array to a unicode string.  The array must be a unicode type array;\n"
     "otherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\nunicode "
     "string from an array of some other type."},
    {"__sizeof__", reinterpret_cast<void*>(array_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nSize of the array in memory, in bytes."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_new), kMethO | kMethClass,
     "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef array_getset[] = {
    {"typecode", array_get_typecode, nullptr, "the typecode character used to create the array",
     nullptr},
    {"itemsize", array_get_itemsize, nullptr, "the size, in bytes, of one array item", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};


SequenceMethods array_as_sequence = [] {
  SequenceMethods s{};
  s.length = array_length;
  s.concat = array_concat;
  s.repeat = array_repeat;
  s.item = array_item;
  s.ass_item = array_ass_item;
  s.contains = array_contains;
  s.inplace_concat = array_inplace_concat;
  s.inplace_repeat = array_inplace_repeat;
  return s;
}();

MappingMethods array_as_mapping = {array_length, array_subscr, array_ass_subscr};

// ---- arrayiterator ----

struct ArrayIterObj : Object {
  ssize index;
  ArrayObj* ao;
  Object* (*getitem)(ArrayObj*, ssize);
};

Object* array_iter(Object* op) {
  auto* it = static_cast<ArrayIterObj*>(arrayiter_type.alloc(&arrayiter_type, 0));
  if (!it) return nullptr;
  it->ao = static_cast<ArrayObj*>(new_ref(op));
  it->index = 0;
  it->getitem = A(op)->ob_descr->getitem;
  return it;
}

Object* arrayiter_next(Object* op) {
  auto* it = static_cast<ArrayIterObj*>(op);
  ArrayObj* ao = it->ao;
  if (!ao) return nullptr;
  if (it->index < ao->size) return it->getitem(ao, it->index++);
  it->ao = nullptr;
  decref(ao);
  return nullptr;
}

void arrayiter_dealloc(Object* op) {
  auto* it = static_cast<ArrayIterObj*>(op);
  gc::untrack(op);
  if (it->ao) decref(it->ao);
  op->type->free(op);
}

int arrayiter_traverse(Object* op, visitproc visit, void* arg) {
  auto* it = static_cast<ArrayIterObj*>(op);
  if (it->ao) {
    int r = visit(it->ao, arg);
    if (r) return r;
  }
  return 0;
}

// array_arrayiterator___reduce___impl.
Object* arrayiter_reduce(Object* op, Object* const*, ssize nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames))) {
    errors::set_string(exc_TypeError, "__reduce__() takes no arguments");
    return nullptr;
  }
  auto* it = static_cast<ArrayIterObj*>(op);
  Ref<> func = Ref<>::steal(vm::eval_get_builtin("iter"));
  if (!func) return nullptr;
  if (!it->ao) {
    Ref<> empty = Ref<>::steal(tuple_pack(0));
    if (!empty) return nullptr;
    Ref<> args = Ref<>::steal(tuple_pack(1, empty.get()));
    if (!args) return nullptr;
    return tuple_pack(2, func.get(), args.get());
  }
  Ref<> args = Ref<>::steal(tuple_pack(1, static_cast<Object*>(it->ao)));
  if (!args) return nullptr;
  Ref<> index = Ref<>::steal(long_from_ssize(it->index));
  if (!index) return nullptr;
  return tuple_pack(3, func.get(), args.get(), index.get());
}

// array_arrayiterator___setstate___impl.
Object* arrayiter_setstate(Object* op, Object* state) {
  ssize index = long_as_ssize(state);
  if (index == -1 && errors::occurred()) return nullptr;
  auto* it = static_cast<ArrayIterObj*>(op);
  if (it->ao) {
    if (index < 0) index = 0;
    else if (index > it->ao->size) index = it->ao->size;
    it->index = index;
  }
  return return_none();
}

MethodDef arrayiter_methods[] = {
    {"__reduce__", reinterpret_cast<void*>(arrayiter_reduce), kMethFastcall | kMethKeywords,
     "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(arrayiter_setstate), kMethO,
     "__setstate__($self, state, /)\n--\n\nSet state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef module_methods[] = {
    {"_array_reconstructor", reinterpret_cast<void*>(array_reconstructor_fn), kMethFastcall,
     "_array_reconstructor($module, arraytype, typecode, mformat_code, items,\n"
     "                     /)\n--\n\nInternal. Used for pickling support."},
    {nullptr, nullptr, 0, nullptr}};

const char kArrayDoc[] =
    "array(typecode [, initializer]) -> array\n\nReturn a new array whose items are restricted "
    "by typecode, and\ninitialized from the optional initializer value, which must be a list,\n"
    "string or iterable over elements of the appropriate type.\n\nArrays represent basic values "
    "and behave very much like lists, except\nthe type of objects stored in them is "
    "constrained. The type is specified\nat object creation time by using a type code, which "
    "is a single character.\nThe following type codes are defined:\n\n"
    "    Type code   C Type             Minimum size in bytes\n"
    "    'b'         signed integer     1\n"
    "    'B'         unsigned integer   1\n"
    "    'u'         Unicode character  2 (see note)\n"
    "    'h'         signed integer     2\n"
    "    'H'         unsigned integer   2\n"
    "    'i'         signed integer     2\n"
    "    'I'         unsigned integer   2\n"
    "    'l'         signed integer     4\n"
    "    'L'         unsigned integer   4\n"
    "    'q'         signed integer     8 (see note)\n"
    "    'Q'         unsigned integer   8 (see note)\n"
    "    'f'         floating-point     4\n"
    "    'd'         floating-point     8\n\n"
    "NOTE: The 'u' typecode corresponds to Python's unicode character. On\nnarrow builds this is "
    "2-bytes on wide builds this is 4-bytes.\n\nNOTE: The 'q' and 'Q' type codes are only "
    "available if the platform\nC compiler used to build Python supports 'long long', or, on "
    "Windows,\n'__int64'.\n\nMethods:\n\n"
    "append() -- append a new item to the end of the array\n"
    "buffer_info() -- return information giving the current memory info\n"
    "byteswap() -- byteswap all the items of the array\n"
    "count() -- return number of occurrences of an object\n"
    "extend() -- extend array by appending multiple elements from an iterable\n"
    "fromfile() -- read items from a file object\n"
    "fromlist() -- append items from the list\n"
    "frombytes() -- append items from the string\n"
    "index() -- return index of first occurrence of an object\n"
    "insert() -- insert a new item into the array at a provided position\n"
    "pop() -- remove and return item (default last)\n"
    "remove() -- remove first occurrence of an object\n"
    "reverse() -- reverse the order of the items in the array\n"
    "tofile() -- write all items to a file object\n"
    "tolist() -- return the array converted to an ordinary list\n"
    "tobytes() -- return the array converted to a string\n\n"
    "Attributes:\n\n"
    "typecode -- the typecode character used to create the array\n"
    "itemsize -- the length in bytes of one array item\n";

// array_modexec.
int array_exec(Object* m) {
  if (!array_type.name) {
    TypeObject t = static_type("array.array", sizeof(ArrayObj), 0,
                               kTpflagsBasetype | kTpflagsSequence | kTpflagsImmutabletype);
    t.doc = kArrayDoc;
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
    type_mark_spec_slots(&array_type);  // Py_tp_getattro (objects/spec_types.h)
    if (type_ready(&array_type) < 0 || type_set_heap_module(&array_type) < 0) return -1;
    TypeObject it = static_type("array.arrayiterator", sizeof(ArrayIterObj), 0,
                                kTpflagsHaveGc | kTpflagsDisallowInstantiation |
                                    kTpflagsImmutabletype);
    it.dealloc = arrayiter_dealloc;
    it.traverse = arrayiter_traverse;
    it.getattro = object_generic_getattr;
    it.iter = object_self_iter;
    it.iternext = arrayiter_next;
    it.methods = arrayiter_methods;
    it.alloc = type_generic_alloc;
    it.free = object_generic_free;
    arrayiter_type = it;
    if (type_ready(&arrayiter_type) < 0) return -1;
  }
  if (module_add_object_ref(m, "ArrayType", &array_type) < 0) return -1;
  {
    // collections.abc.MutableSequence.register(array).
    Ref<> abc = Ref<>::steal(imp::import_module("collections.abc"));
    if (!abc) return -1;
    Ref<> name = Ref<>::steal(str_from_cstr("MutableSequence"));
    if (!name) return -1;
    Ref<> ms = Ref<>::steal(object_getattr(abc.get(), name.get()));
    if (!ms) return -1;
    Ref<> reg = Ref<>::steal(str_from_cstr("register"));
    if (!reg) return -1;
    Ref<> res = Ref<>::steal(call_method_one_arg(ms.get(), reg.get(), &array_type));
    if (!res) return -1;
  }
  if (module_add_object_ref(m, "array", &array_type) < 0) return -1;
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
    module_methods, array_exec};

}  // namespace

ModuleDef* module_def() { return &array_def; }

}  // namespace cppy::modules::array
