// list: Objects/listobject.c, with the timsort of Objects/listsort.txt as CPython 3.14 runs
// it (binary insertion to minrun, count_run with equal-run handling, galloping merges with
// min_gallop adaptation, the powersort merge policy), so comparison sequences match.
#include "objects/listobject.h"

#include <bit>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/clinic_ssize.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/freelist.h"
#include "objects/iterobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval.h"

namespace cppy::objects {

namespace {

inline ListObject* lo_(Object* o) { return static_cast<ListObject*>(o); }

// list_resize: over-allocates by about 1/8 (newsize + newsize/8 + 6, rounded to 4).
int list_resize(ListObject* self, ssize newsize) {
  ssize allocated = self->allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    self->size = newsize;
    return 0;
  }
  size_t new_allocated = (static_cast<size_t>(newsize) + (newsize >> 3) + 6) & ~size_t(3);
  if (newsize - self->size > static_cast<ssize>(new_allocated) - newsize)
    new_allocated = (static_cast<size_t>(newsize) + 3) & ~size_t(3);
  if (newsize == 0) new_allocated = 0;
  // list_resize: an allocation past PY_SSIZE_T_MAX bytes is MemoryError, not an overflow.
  if (new_allocated > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
    errors::no_memory();
    return -1;
  }
  Object** items = nullptr;
  if (new_allocated) {
    items = static_cast<Object**>(gc::mem_realloc(self->items, new_allocated * sizeof(Object*)));
    if (!items) {
      errors::no_memory();
      return -1;
    }
  } else {
    gc::mem_free(self->items);
  }
  self->items = items;
  self->size = newsize;
  self->allocated = static_cast<ssize>(new_allocated);
  return 0;
}

int list_preallocate_exact(ListObject* self, ssize size) {
  size = (size + 1) & ~ssize(1);
  if (static_cast<size_t>(size) > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
    errors::no_memory();  // PyMem_New's overflow check
    return -1;
  }
  auto** items = static_cast<Object**>(gc::mem_malloc(static_cast<size_t>(size) * sizeof(Object*)));
  if (!items) {
    errors::no_memory();
    return -1;
  }
  self->items = items;
  self->allocated = size;
  return 0;
}

}  // namespace

Object* list_new(ssize size) {
  if (size < 0) {
    errors::bad_internal_call();
    return nullptr;
  }
  Object* op = list_new_prealloc(size);
  if (op && size > 0) {
    Object** items = lo_(op)->items;
    // PyMem_Calloc's zeroing; a few words are stored one by one (the empty asm keeps the
    // compiler from making the loop a memset call or a rep stos, both slow to start).
    if (size <= 16) {
      for (ssize i = 0; i < size; ++i) {
        items[i] = nullptr;
        asm volatile("" : : : "memory");
      }
    } else {
      std::memset(items, 0, static_cast<size_t>(size) * sizeof(Object*));
    }
    lo_(op)->size = size;
  }
  return op;
}

Object* list_new_prealloc(ssize size) {
  auto* op = static_cast<ListObject*>(freelist_pop(freelists.lists));
  if (op) {
    freelist_reuse_gc(op);
  } else {
    op = static_cast<ListObject*>(gc::gc_malloc(sizeof(ListObject)));
    if (!op) return nullptr;
  }
  op->refcnt = 1;
  op->type = &list_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  if (size <= 0) {
    op->items = nullptr;
  } else if (static_cast<size_t>(size) > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
    gc::gc_free(op);  // PyMem_Calloc's overflow check
    return errors::no_memory();
  } else {
    op->items = static_cast<Object**>(gc::mem_malloc(static_cast<size_t>(size) * sizeof(Object*)));
    if (!op->items) {
      gc::gc_free(op);
      return errors::no_memory();
    }
  }
  op->size = 0;
  op->allocated = size;
  gc::track(op);
  return op;
}

Object* list_from_array(Object* const* src, ssize n) {
  Object* l = list_new_prealloc(n > 0 ? n : 0);
  if (!l) return nullptr;
  Object** items = list_items(l);
  for (ssize i = 0; i < n; ++i) items[i] = new_ref(src[i]);
  lo_(l)->size = n > 0 ? n : 0;
  return l;
}

int list_append(Object* op, Object* newitem) {
  ListObject* self = lo_(op);
  ssize n = self->size;
  if (n < self->allocated) {
    self->items[n] = new_ref(newitem);
    self->size = n + 1;
    return 0;
  }
  if (list_resize(self, n + 1) < 0) return -1;
  self->items[n] = new_ref(newitem);
  return 0;
}

int list_append_take_ref_resize(Object* op, Object* newitem) {
  ListObject* self = lo_(op);
  ssize n = self->size;
  if (list_resize(self, n + 1) < 0) {
    decref(newitem);
    return -1;
  }
  self->items[n] = newitem;
  return 0;
}

int list_insert(Object* op, ssize where, Object* v) {
  ListObject* self = lo_(op);
  ssize n = self->size;
  if (list_resize(self, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  Object** items = self->items;
  for (ssize i = n; --i >= where;) items[i + 1] = items[i];
  items[where] = new_ref(v);
  return 0;
}

Object* list_get_item(Object* op, ssize i) {
  if (i < 0 || i >= list_size(op)) {
    errors::set_string(exc_IndexError, "list index out of range");
    return nullptr;
  }
  return list_items(op)[i];
}

int list_set_item(Object* op, ssize i, Object* newitem) {
  if (i < 0 || i >= list_size(op)) {
    xdecref(newitem);
    errors::set_string(exc_IndexError, "list assignment index out of range");
    return -1;
  }
  xsetref(list_items(op)[i], newitem);
  return 0;
}

Object* list_get_slice(Object* a, ssize ilow, ssize ihigh) {
  ssize n = list_size(a);
  if (ilow < 0) ilow = 0;
  else if (ilow > n) ilow = n;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > n) ihigh = n;
  return list_from_array(list_items(a) + ilow, ihigh - ilow);
}

Object* list_as_tuple(Object* v) { return tuple_from_array(list_items(v), list_size(v)); }

namespace {

void reverse_slice(Object** lo, Object** hi) {
  --hi;
  while (lo < hi) {
    Object* t = *lo;
    *lo = *hi;
    *hi = t;
    ++lo;
    --hi;
  }
}

// list_ass_slice: a[ilow:ihigh] = v (v null deletes); v may be a itself.
int list_ass_slice_impl(ListObject* a, ssize ilow, ssize ihigh, Object* v) {
  Ref<> v_as_seq;
  Object** vitem = nullptr;
  ssize n;
  if (v == nullptr) {
    n = 0;
  } else {
    if (v == a) {
      v_as_seq = Ref<>::steal(list_get_slice(v, 0, list_size(v)));
      if (!v_as_seq) return -1;
    } else {
      v_as_seq = Ref<>::steal(sequence_fast(v, "can only assign an iterable"));
      if (!v_as_seq) return -1;
    }
    Object* s = v_as_seq.get();
    n = list_check(s) ? list_size(s) : tuple_size(s);
    vitem = list_check(s) ? list_items(s) : tuple_items(s);
  }
  if (ilow < 0) ilow = 0;
  else if (ilow > a->size) ilow = a->size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a->size) ihigh = a->size;
  ssize norig = ihigh - ilow;
  ssize d = n - norig;
  if (a->size + d == 0) {
    // list_clear
    Object** items = a->items;
    ssize k = a->size;
    a->items = nullptr;
    a->size = 0;
    a->allocated = 0;
    while (--k >= 0) xdecref(items[k]);
    gc::mem_free(items);
    return 0;
  }
  Object** item = a->items;
  std::vector<Object*> recycle(item + ilow, item + ihigh);
  if (d < 0) {
    std::memmove(&item[ihigh + d], &item[ihigh],
                 static_cast<size_t>(a->size - ihigh) * sizeof(Object*));
    if (list_resize(a, a->size + d) < 0) return -1;
    item = a->items;
  } else if (d > 0) {
    ssize k = a->size;
    if (list_resize(a, k + d) < 0) return -1;
    item = a->items;
    std::memmove(&item[ihigh + d], &item[ihigh], static_cast<size_t>(k - ihigh) * sizeof(Object*));
  }
  for (ssize k = 0; k < n; ++k) item[ilow + k] = new_ref(vitem[k]);
  for (ssize k = static_cast<ssize>(recycle.size()); --k >= 0;) xdecref(recycle[static_cast<size_t>(k)]);
  return 0;
}

}  // namespace

int list_set_slice(Object* a, ssize lo, ssize hi, Object* v) {
  return list_ass_slice_impl(lo_(a), lo, hi, v);
}

int list_reverse(Object* v) {
  if (list_size(v) > 1) reverse_slice(list_items(v), list_items(v) + list_size(v));
  return 0;
}

// list_extend: fast paths for lists and tuples, else iteration with a length hint.
int list_extend(Object* op, Object* iterable) {
  ListObject* self = lo_(op);
  if (list_check_exact(iterable) || tuple_check_exact(iterable) || iterable == op) {
    Ref<> seq = Ref<>::borrow(iterable);
    ssize n = list_check(iterable) ? list_size(iterable) : tuple_size(iterable);
    if (n == 0) return 0;
    ssize m = self->size;
    if (self->items == nullptr) {
      if (list_preallocate_exact(self, n) < 0) return -1;
      self->size = n;
    } else if (list_resize(self, m + n) < 0) {
      return -1;
    }
    Object** src = list_check(iterable) ? list_items(iterable) : tuple_items(iterable);
    Object** dest = self->items + m;
    for (ssize i = 0; i < n; ++i) dest[i] = new_ref(src[i]);
    return 0;
  }
  if (iterable->type == &dictitems_type && dict_view_dict(iterable)) {
    // list_extend_dictitems: (key, value) pairs made by _PyTuple_FromArray, so pairs of
    // atomic objects are not tracked (3.14.1).
    Object* dict = dict_view_dict(iterable);
    ssize m = self->size;
    if (list_resize(self, m + dict_size(dict)) < 0) return -1;
    self->size = m;
    ssize pos = 0;
    Object* kv[2];
    while (dict_next(dict, &pos, &kv[0], &kv[1])) {
      Object* item = tuple_from_array(kv, 2);
      if (!item) return -1;
      self->items[self->size++] = item;
    }
    return 0;
  }
  Ref<> it = Ref<>::steal(object_get_iter(iterable));
  if (!it) return -1;
  iternextfunc iternext = it->type->iternext;
  ssize n = object_length_hint(iterable, 8);
  if (n < 0) return -1;
  ssize m = self->size;
  if (m > PTRDIFF_MAX - n) {
    // Overflow is not an error; just skip presizing.
  } else if (self->items == nullptr) {
    if (n && list_preallocate_exact(self, n) < 0) return -1;
  } else {
    if (list_resize(self, m + n) < 0) return -1;
    self->size = m;
  }
  for (;;) {
    Object* item = iternext(it.get());
    if (item == nullptr) {
      if (errors::occurred()) {
        if (errors::exception_matches(exc_StopIteration)) errors::clear();
        else return -1;
      }
      break;
    }
    if (self->size < self->allocated) {
      self->items[self->size] = item;
      self->size++;
    } else {
      if (list_append(op, item) < 0) {
        decref(item);
        return -1;
      }
      decref(item);
    }
  }
  // Cut back an over-estimated preallocation.
  if (self->size < self->allocated && list_resize(self, self->size) < 0) return -1;
  return 0;
}

// --- timsort (listsort.txt) --------------------------------------------------------------------

namespace {

constexpr int kMaxMergePending = 85;
constexpr ssize kMinGallop = 7;
constexpr ssize kMaxMinrun = 64;
constexpr ssize kMergestateTempSize = 256;

struct SortSlice {
  Object** keys;
  Object** values;
};

inline void sortslice_copy(SortSlice* s1, ssize i, SortSlice* s2, ssize j) {
  s1->keys[i] = s2->keys[j];
  if (s1->values) s1->values[i] = s2->values[j];
}
inline void sortslice_copy_incr(SortSlice* dst, SortSlice* src) {
  *dst->keys++ = *src->keys++;
  if (dst->values) *dst->values++ = *src->values++;
}
inline void sortslice_copy_decr(SortSlice* dst, SortSlice* src) {
  *dst->keys-- = *src->keys--;
  if (dst->values) *dst->values-- = *src->values--;
}
inline void sortslice_memcpy(SortSlice* s1, ssize i, SortSlice* s2, ssize j, ssize n) {
  std::memcpy(&s1->keys[i], &s2->keys[j], sizeof(Object*) * static_cast<size_t>(n));
  if (s1->values) std::memcpy(&s1->values[i], &s2->values[j], sizeof(Object*) * static_cast<size_t>(n));
}
inline void sortslice_memmove(SortSlice* s1, ssize i, SortSlice* s2, ssize j, ssize n) {
  std::memmove(&s1->keys[i], &s2->keys[j], sizeof(Object*) * static_cast<size_t>(n));
  if (s1->values) std::memmove(&s1->values[i], &s2->values[j], sizeof(Object*) * static_cast<size_t>(n));
}
inline void sortslice_advance(SortSlice* s, ssize n) {
  s->keys += n;
  if (s->values) s->values += n;
}
inline void sortslice_reverse(SortSlice* s, ssize n) {
  reverse_slice(s->keys, &s->keys[n]);
  if (s->values) reverse_slice(s->values, &s->values[n]);
}

struct PendingRun {
  SortSlice base;
  ssize len;
  int power;
};

struct MergeState;
using KeyCompare = int (*)(Object*, Object*, MergeState*);

struct MergeState {
  ssize min_gallop;
  ssize listlen;
  Object** basekeys;
  SortSlice a;  // temp storage
  ssize alloced;
  int n;
  PendingRun pending[kMaxMergePending];
  Object* temparray[kMergestateTempSize];
  KeyCompare key_compare;
  richcmpfunc key_richcompare;
  KeyCompare tuple_elem_compare;
};

int safe_object_compare(Object* v, Object* w, MergeState*) {
  return object_rich_compare_bool(v, w, kLT);
}

// unsafe_object_compare: the type's tp_richcompare directly when the pre-sort check found
// every key to be of one type.
int unsafe_object_compare(Object* v, Object* w, MergeState* ms) {
  if (v->type->richcompare != ms->key_richcompare) return object_rich_compare_bool(v, w, kLT);
  Object* res_obj = ms->key_richcompare(v, w, kLT);
  if (res_obj == not_implemented()) {
    decref(res_obj);
    return object_rich_compare_bool(v, w, kLT);
  }
  if (res_obj == nullptr) return -1;
  int res = res_obj == true_object() ? 1 : res_obj == false_object() ? 0 : object_is_true(res_obj);
  decref(res_obj);
  return res;
}

// unsafe_latin_compare: two exact str of the 1-byte kind, compared bytewise (code point order).
// The first eight bytes are compared as one big-endian word (byte order is code point order)
// before memcmp is called: keys of a few characters mostly differ there.
inline int unsafe_latin_compare(Object* v, Object* w, MergeState*) {
  ssize lv = str_length(v), lw = str_length(w);
  ssize n = lv < lw ? lv : lw;
  const auto* pv = static_cast<const unsigned char*>(str_data(v));
  const auto* pw = static_cast<const unsigned char*>(str_data(w));
  if (n >= 8) {
    uint64_t a, b;
    std::memcpy(&a, pv, 8);
    std::memcpy(&b, pw, 8);
    if (a != b) return __builtin_bswap64(a) < __builtin_bswap64(b);
    int res = std::memcmp(pv + 8, pw + 8, static_cast<size_t>(n - 8));
    return res != 0 ? res < 0 : lv < lw;
  }
  for (ssize i = 0; i < n; ++i)
    if (pv[i] != pw[i]) return pv[i] < pw[i];
  return lv < lw;
}

// The value of an exact int of at most two 30-bit digits (fits in 61 bits).
inline int64_t small_long_value(Object* o) {
  LongObject* l = as_long(o);
  ssize nd = long_digit_count(o);
  uint64_t mag = nd == 0 ? 0 : l->ob_digit[0];
  if (nd == 2) mag |= static_cast<uint64_t>(l->ob_digit[1]) << kLongShift;
  return long_sign(o) * static_cast<int64_t>(mag);
}

// unsafe_long_compare: two exact ints known to fit in a machine word. CPython's pre-sort check
// asks for compact (one-digit) ints; two digits are taken here as well, which compares the
// same values the same way and only widens when the fast path applies.
inline int unsafe_long_compare(Object* v, Object* w, MergeState*) {
  return small_long_value(v) < small_long_value(w);
}

// unsafe_float_compare: two exact floats.
inline int unsafe_float_compare(Object* v, Object* w, MergeState*) {
  return float_value(v) < float_value(w);
}

// PyObject_RichCompareBool(a, b, Py_EQ) answered inline for two exact strs, compact ints or
// floats (no Python-level __eq__ can run for them), the rest through the protocol.
inline int tuple_elem_equal(Object* a, Object* b) {
  if (a == b) return 1;
  TypeObject* t = a->type;
  if (t == b->type) {
    if (t == &str_type) return str_equal(a, b);
    if (t == &long_type && long_is_compact(a) && long_is_compact(b))
      return long_compact_value(a) == long_compact_value(b);
    if (t == &float_type) return float_value(a) == float_value(b);
  }
  return object_rich_compare_bool(a, b, kEQ);
}

int unsafe_tuple_compare(Object* v, Object* w, MergeState* ms) {
  ssize vlen = tuple_size(v), wlen = tuple_size(w);
  ssize i;
  for (i = 0; i < vlen && i < wlen; ++i) {
    int k = tuple_elem_equal(tuple_item(v, i), tuple_item(w, i));
    if (k < 0) return -1;
    if (!k) break;
  }
  if (i >= vlen || i >= wlen) return vlen < wlen;
  if (i == 0) return ms->tuple_elem_compare(tuple_item(v, i), tuple_item(w, i), ms);
  return object_rich_compare_bool(tuple_item(v, i), tuple_item(w, i), kLT);
}

// The merge functions are instantiated once per compare function of the pre-sort check
// (Cmp::lt), so that the comparisons of homogeneous ints, floats and latin-1 strings are
// inlined into the loops instead of called through ms->key_compare; the algorithm, and so
// the sequence of comparisons, is the same in every instance.
struct LongLess {
  static int lt(Object* v, Object* w, MergeState* ms) { return unsafe_long_compare(v, w, ms); }
};
struct FloatLess {
  static int lt(Object* v, Object* w, MergeState* ms) { return unsafe_float_compare(v, w, ms); }
};
struct LatinLess {
  static int lt(Object* v, Object* w, MergeState* ms) { return unsafe_latin_compare(v, w, ms); }
};
// The raw-key instances: each key is the value itself, stored in the word of the pointer.
constexpr ssize kRawKeysMinSize = kMergestateTempSize / 2;
struct RawLongLess {
  static Object* encode(Object* o) {
    return reinterpret_cast<Object*>(static_cast<intptr_t>(small_long_value(o)));
  }
  static int lt(Object* v, Object* w, MergeState*) {
    return reinterpret_cast<intptr_t>(v) < reinterpret_cast<intptr_t>(w);
  }
};
struct RawFloatLess {
  static Object* encode(Object* o) {
    return reinterpret_cast<Object*>(std::bit_cast<uintptr_t>(float_value(o)));
  }
  static int lt(Object* v, Object* w, MergeState*) {
    return std::bit_cast<double>(reinterpret_cast<uintptr_t>(v)) <
           std::bit_cast<double>(reinterpret_cast<uintptr_t>(w));
  }
};
struct AnyLess {  // through ms->key_compare
  static int lt(Object* v, Object* w, MergeState* ms) { return ms->key_compare(v, w, ms); }
};

#define ISLT(X, Y) Cmp::lt(X, Y, ms)
#define IFLT(X, Y)                  \
  if ((k = ISLT(X, Y)) < 0) goto fail; \
  if (k)

// binarysort: a[:ok] is sorted; insert a[ok:n] one by one.
template <class Cmp>
int binarysort(MergeState* ms, const SortSlice* ss, ssize n, ssize ok) {
  ssize k;
  Object** const a = ss->keys;
  Object** const v = ss->values;
  Object* pivot;
  ssize M;
  if (!ok) ++ok;
  for (; ok < n; ++ok) {
    ssize L = 0, R = ok;
    pivot = a[ok];
    do {
      M = (L + R) >> 1;
      IFLT(pivot, a[M]) R = M;
      else L = M + 1;
    } while (L < R);
    for (M = ok; M > L; --M) a[M] = a[M - 1];
    a[L] = pivot;
    if (v) {
      pivot = v[ok];
      for (M = ok; M > L; --M) v[M] = v[M - 1];
      v[L] = pivot;
    }
  }
  return 0;
fail:
  return -1;
}

// count_run: the length of the run at slo (made ascending in place), with all-equal
// stretches of a descending run reversed so the sort stays stable.
template <class Cmp>
ssize count_run(MergeState* ms, SortSlice* slo, ssize nremaining) {
  ssize k;
  ssize n;
  Object** const lo = slo->keys;
  ssize neq = 0;
  auto reverse_last_neq = [&] {
    if (neq) {
      SortSlice slice = *slo;
      ++neq;
      sortslice_advance(&slice, n - neq);
      sortslice_reverse(&slice, neq);
      neq = 0;
    }
  };
  for (n = 1; n < nremaining; ++n) {
    IFLT(lo[n], lo[n - 1]) break;
  }
  if (n == nremaining) return n;
  if (n > 1) {
    IFLT(lo[0], lo[n - 1]) return n;
    sortslice_reverse(slo, n);
  }
  ++n;
  for (; n < nremaining; ++n) {
    IFLT(lo[n], lo[n - 1]) {
      reverse_last_neq();
    }
    else {
      IFLT(lo[n - 1], lo[n]) break;
      else ++neq;
    }
  }
  reverse_last_neq();
  sortslice_reverse(slo, n);
  for (; n < nremaining; ++n) {
    IFLT(lo[n], lo[n - 1]) break;
  }
  return n;
fail:
  return -1;
}

template <class Cmp>
ssize gallop_left(MergeState* ms, Object* key, Object** a, ssize n, ssize hint) {
  ssize ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(*a, key) {
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(a[ofs], key) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  else {
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(*(a - ofs), key) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(a[m], key) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
fail:
  return -1;
}

template <class Cmp>
ssize gallop_right(MergeState* ms, Object* key, Object** a, ssize n, ssize hint) {
  ssize ofs, lastofs, k;
  a += hint;
  lastofs = 0;
  ofs = 1;
  IFLT(key, *a) {
    const ssize maxofs = hint + 1;
    while (ofs < maxofs) {
      IFLT(key, *(a - ofs)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      }
      else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  else {
    const ssize maxofs = n - hint;
    while (ofs < maxofs) {
      IFLT(key, a[ofs]) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  a -= hint;
  ++lastofs;
  while (lastofs < ofs) {
    ssize m = lastofs + ((ofs - lastofs) >> 1);
    IFLT(key, a[m]) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
fail:
  return -1;
}

void merge_init(MergeState* ms, ssize list_size, bool has_keyfunc, SortSlice* lo) {
  if (has_keyfunc) {
    ms->alloced = (list_size + 1) / 2;
    if (kMergestateTempSize / 2 < ms->alloced) ms->alloced = kMergestateTempSize / 2;
    ms->a.values = &ms->temparray[ms->alloced];
  } else {
    ms->alloced = kMergestateTempSize;
    ms->a.values = nullptr;
  }
  ms->a.keys = ms->temparray;
  ms->n = 0;
  ms->min_gallop = kMinGallop;
  ms->listlen = list_size;
  ms->basekeys = lo->keys;
}

void merge_freemem(MergeState* ms) {
  if (ms->a.keys != ms->temparray) {
    gc::mem_free(ms->a.keys);
    ms->a.keys = nullptr;
  }
}

int merge_getmem(MergeState* ms, ssize need) {
  if (need <= ms->alloced) return 0;
  int multiplier = ms->a.values ? 2 : 1;
  merge_freemem(ms);
  ms->a.keys = static_cast<Object**>(
      gc::mem_malloc(static_cast<size_t>(multiplier * need) * sizeof(Object*)));
  if (ms->a.keys) {
    ms->alloced = need;
    if (ms->a.values) ms->a.values = &ms->a.keys[need];
    return 0;
  }
  errors::no_memory();
  return -1;
}

template <class Cmp>
ssize merge_lo(MergeState* ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k;
  SortSlice dest;
  int result = -1;
  ssize min_gallop;
  if (merge_getmem(ms, na) < 0) return -1;
  sortslice_memcpy(&ms->a, 0, &ssa, 0, na);
  dest = ssa;
  ssa = ms->a;
  sortslice_copy_incr(&dest, &ssb);
  --nb;
  if (nb == 0) goto Succeed;
  if (na == 1) goto CopyB;
  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto Fail;
        sortslice_copy_incr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 0) goto Succeed;
        if (bcount >= min_gallop) break;
      } else {
        sortslice_copy_incr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 1) goto CopyB;
        if (acount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right<Cmp>(ms, ssb.keys[0], ssa.keys, na, 0);
      acount = k;
      if (k) {
        if (k < 0) goto Fail;
        sortslice_memcpy(&dest, 0, &ssa, 0, k);
        sortslice_advance(&dest, k);
        sortslice_advance(&ssa, k);
        na -= k;
        if (na == 1) goto CopyB;
        if (na == 0) goto Succeed;
      }
      sortslice_copy_incr(&dest, &ssb);
      --nb;
      if (nb == 0) goto Succeed;
      k = gallop_left<Cmp>(ms, ssa.keys[0], ssb.keys, nb, 0);
      bcount = k;
      if (k) {
        if (k < 0) goto Fail;
        sortslice_memmove(&dest, 0, &ssb, 0, k);
        sortslice_advance(&dest, k);
        sortslice_advance(&ssb, k);
        nb -= k;
        if (nb == 0) goto Succeed;
      }
      sortslice_copy_incr(&dest, &ssa);
      --na;
      if (na == 1) goto CopyB;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
Succeed:
  result = 0;
Fail:
  if (na) sortslice_memcpy(&dest, 0, &ssa, 0, na);
  return result;
CopyB:
  sortslice_memmove(&dest, 0, &ssb, 0, nb);
  sortslice_copy(&dest, nb, &ssa, 0);
  return 0;
}

template <class Cmp>
ssize merge_hi(MergeState* ms, SortSlice ssa, ssize na, SortSlice ssb, ssize nb) {
  ssize k;
  SortSlice dest, basea, baseb;
  int result = -1;
  ssize min_gallop;
  if (merge_getmem(ms, nb) < 0) return -1;
  dest = ssb;
  sortslice_advance(&dest, nb - 1);
  sortslice_memcpy(&ms->a, 0, &ssb, 0, nb);
  basea = ssa;
  baseb = ms->a;
  ssb.keys = ms->a.keys + nb - 1;
  if (ssb.values) ssb.values = ms->a.values + nb - 1;
  sortslice_advance(&ssa, na - 1);
  sortslice_copy_decr(&dest, &ssa);
  --na;
  if (na == 0) goto Succeed;
  if (nb == 1) goto CopyA;
  min_gallop = ms->min_gallop;
  for (;;) {
    ssize acount = 0, bcount = 0;
    for (;;) {
      k = ISLT(ssb.keys[0], ssa.keys[0]);
      if (k) {
        if (k < 0) goto Fail;
        sortslice_copy_decr(&dest, &ssa);
        ++acount;
        bcount = 0;
        --na;
        if (na == 0) goto Succeed;
        if (acount >= min_gallop) break;
      } else {
        sortslice_copy_decr(&dest, &ssb);
        ++bcount;
        acount = 0;
        --nb;
        if (nb == 1) goto CopyA;
        if (bcount >= min_gallop) break;
      }
    }
    ++min_gallop;
    do {
      min_gallop -= min_gallop > 1;
      ms->min_gallop = min_gallop;
      k = gallop_right<Cmp>(ms, ssb.keys[0], basea.keys, na, na - 1);
      if (k < 0) goto Fail;
      k = na - k;
      acount = k;
      if (k) {
        sortslice_advance(&dest, -k);
        sortslice_advance(&ssa, -k);
        sortslice_memmove(&dest, 1, &ssa, 1, k);
        na -= k;
        if (na == 0) goto Succeed;
      }
      sortslice_copy_decr(&dest, &ssb);
      --nb;
      if (nb == 1) goto CopyA;
      k = gallop_left<Cmp>(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
      if (k < 0) goto Fail;
      k = nb - k;
      bcount = k;
      if (k) {
        sortslice_advance(&dest, -k);
        sortslice_advance(&ssb, -k);
        sortslice_memcpy(&dest, 1, &ssb, 1, k);
        nb -= k;
        if (nb == 1) goto CopyA;
        if (nb == 0) goto Succeed;
      }
      sortslice_copy_decr(&dest, &ssa);
      --na;
      if (na == 0) goto Succeed;
    } while (acount >= kMinGallop || bcount >= kMinGallop);
    ++min_gallop;
    ms->min_gallop = min_gallop;
  }
Succeed:
  result = 0;
Fail:
  if (nb) sortslice_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
  return result;
CopyA:
  sortslice_memmove(&dest, 1 - na, &ssa, 1 - na, na);
  sortslice_advance(&dest, -na);
  sortslice_advance(&ssa, -na);
  sortslice_copy(&dest, 0, &ssb, 0);
  return 0;
}

template <class Cmp>
ssize merge_at(MergeState* ms, ssize i) {
  SortSlice ssa = ms->pending[i].base;
  ssize na = ms->pending[i].len;
  SortSlice ssb = ms->pending[i + 1].base;
  ssize nb = ms->pending[i + 1].len;
  ms->pending[i].len = na + nb;
  if (i == ms->n - 3) ms->pending[i + 1] = ms->pending[i + 2];
  --ms->n;
  ssize k = gallop_right<Cmp>(ms, *ssb.keys, ssa.keys, na, 0);
  if (k < 0) return -1;
  sortslice_advance(&ssa, k);
  na -= k;
  if (na == 0) return 0;
  nb = gallop_left<Cmp>(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
  if (nb <= 0) return nb;
  if (na <= nb) return merge_lo<Cmp>(ms, ssa, na, ssb, nb);
  return merge_hi<Cmp>(ms, ssa, na, ssb, nb);
}

// powerloop: the depth of the boundary between two adjacent runs in the powersort tree.
int powerloop(ssize s1, ssize n1, ssize n2, ssize n) {
  int result = 0;
  ssize a = 2 * s1 + n1;
  ssize b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) {
      break;
    }
    a <<= 1;
    b <<= 1;
  }
  return result;
}

template <class Cmp>
int found_new_run(MergeState* ms, ssize n2) {
  if (ms->n) {
    PendingRun* p = ms->pending;
    ssize s1 = p[ms->n - 1].base.keys - ms->basekeys;
    ssize n1 = p[ms->n - 1].len;
    int power = powerloop(s1, n1, n2, ms->listlen);
    while (ms->n > 1 && p[ms->n - 2].power > power) {
      if (merge_at<Cmp>(ms, ms->n - 2) < 0) return -1;
    }
    p[ms->n - 1].power = power;
  }
  return 0;
}

template <class Cmp>
int merge_force_collapse(MergeState* ms) {
  PendingRun* p = ms->pending;
  while (ms->n > 1) {
    ssize n = ms->n - 2;
    if (n > 0 && p[n - 1].len < p[n + 1].len) --n;
    if (merge_at<Cmp>(ms, n) < 0) return -1;
  }
  return 0;
}

ssize merge_compute_minrun(ssize n) {
  ssize r = 0;
  while (n >= kMaxMinrun) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

// The main loop of list_sort_impl: natural runs extended to minrun by binary insertion,
// merged as the powersort policy says, then all collapsed.
template <class Cmp>
int sort_runs(MergeState* ms, SortSlice lo, ssize nremaining) {
  ssize minrun = merge_compute_minrun(nremaining);
  do {
    ssize n = count_run<Cmp>(ms, &lo, nremaining);
    if (n < 0) return -1;
    if (n < minrun) {
      const ssize force = nremaining <= minrun ? nremaining : minrun;
      if (binarysort<Cmp>(ms, &lo, force, n) < 0) return -1;
      n = force;
    }
    if (found_new_run<Cmp>(ms, n) < 0) return -1;
    ms->pending[ms->n].base = lo;
    ms->pending[ms->n].len = n;
    ++ms->n;
    sortslice_advance(&lo, n);
    nremaining -= n;
  } while (nremaining);
  return merge_force_collapse<Cmp>(ms);
}

#undef IFLT
#undef ISLT

// list_sort_impl.
Object* list_sort_impl(ListObject* self, Object* keyfunc, bool reverse) {
  auto ms_holder = std::make_unique<MergeState>();
  MergeState& ms = *ms_holder;
  Object* result = nullptr;
  if (keyfunc == none()) keyfunc = nullptr;
  // The list is emptied during the sort so that mutations cannot corrupt it.
  ssize saved_ob_size = self->size;
  Object** saved_ob_item = self->items;
  ssize saved_allocated = self->allocated;
  self->size = 0;
  self->items = nullptr;
  self->allocated = -1;
  Object** keys = nullptr;
  Object** raw_keys = nullptr;
  SortSlice lo;
  ssize i;
  if (keyfunc == nullptr) {
    lo.keys = saved_ob_item;
    lo.values = nullptr;
  } else {
    if (saved_ob_size < kMergestateTempSize / 2) {
      keys = &ms.temparray[saved_ob_size + 1];
    } else {
      keys = static_cast<Object**>(gc::mem_malloc(sizeof(Object*) * static_cast<size_t>(saved_ob_size)));
      if (!keys) {
        errors::no_memory();
        goto keyfunc_fail;
      }
    }
    for (i = 0; i < saved_ob_size; ++i) {
      keys[i] = object_call_one_arg(keyfunc, saved_ob_item[i]);
      if (keys[i] == nullptr) {
        for (i = i - 1; i >= 0; --i) decref(keys[i]);
        if (saved_ob_size >= kMergestateTempSize / 2) gc::mem_free(keys);
        goto keyfunc_fail;
      }
    }
    lo.keys = keys;
    lo.values = saved_ob_item;
  }
  // The pre-sort check: one compare function for a homogeneous list.
  if (saved_ob_size > 1) {
    bool keys_are_in_tuples = lo.keys[0]->type == &tuple_type && tuple_size(lo.keys[0]) > 0;
    TypeObject* key_type = keys_are_in_tuples ? tuple_item(lo.keys[0], 0)->type : lo.keys[0]->type;
    bool keys_are_all_same_type = true;
    bool strings_are_latin = true;
    bool ints_are_bounded = true;
    for (i = 0; i < saved_ob_size; ++i) {
      if (keys_are_in_tuples &&
          !(lo.keys[i]->type == &tuple_type && tuple_size(lo.keys[i]) != 0)) {
        keys_are_in_tuples = false;
        keys_are_all_same_type = false;
        break;
      }
      Object* key = keys_are_in_tuples ? tuple_item(lo.keys[i], 0) : lo.keys[i];
      if (key->type != key_type) {
        keys_are_all_same_type = false;
        if (!keys_are_in_tuples) break;
      }
      if (keys_are_all_same_type) {
        if (key_type == &long_type && ints_are_bounded && long_digit_count(key) > 2)
          ints_are_bounded = false;
        else if (key_type == &str_type && strings_are_latin && str_kind(key) != kKind1)
          strings_are_latin = false;
      }
    }
    if (!keys_are_all_same_type)
      ms.key_compare = safe_object_compare;
    else if (key_type == &str_type && strings_are_latin)
      ms.key_compare = unsafe_latin_compare;
    else if (key_type == &long_type && ints_are_bounded)
      ms.key_compare = unsafe_long_compare;
    else if (key_type == &float_type)
      ms.key_compare = unsafe_float_compare;
    else if ((ms.key_richcompare = key_type->richcompare) != nullptr)
      ms.key_compare = unsafe_object_compare;
    else
      ms.key_compare = safe_object_compare;
    if (keys_are_in_tuples) {
      ms.tuple_elem_compare = key_type == &tuple_type ? safe_object_compare : ms.key_compare;
      ms.key_compare = unsafe_tuple_compare;
    }
  }
  if (saved_ob_size >= 2 && reverse) {
    if (keys) reverse_slice(&keys[0], &keys[saved_ob_size]);
    reverse_slice(&saved_ob_item[0], &saved_ob_item[saved_ob_size]);
  }
  // Ints and floats of a long list: their values are copied into a word array that is
  // sorted in their place, the items (or the key function's values) moving along as the
  // values of the key function's path do. The comparisons are those of unsafe_long_compare
  // and unsafe_float_compare on the same values, so the sort is the same; they just do not
  // read each object from memory again. Without the memory the objects are sorted.
  if (saved_ob_size >= kRawKeysMinSize &&
      (ms.key_compare == unsafe_long_compare || ms.key_compare == unsafe_float_compare)) {
    raw_keys = static_cast<Object**>(
        gc::mem_malloc(sizeof(Object*) * static_cast<size_t>(saved_ob_size)));
    if (raw_keys) {
      if (ms.key_compare == unsafe_long_compare) {
        for (i = 0; i < saved_ob_size; ++i) raw_keys[i] = RawLongLess::encode(lo.keys[i]);
      } else {
        for (i = 0; i < saved_ob_size; ++i) raw_keys[i] = RawFloatLess::encode(lo.keys[i]);
      }
      lo.keys = raw_keys;
      lo.values = saved_ob_item;
    }
  }
  merge_init(&ms, saved_ob_size, lo.values != nullptr, &lo);
  if (saved_ob_size >= 2) {
    int r;
    if (raw_keys)
      r = ms.key_compare == unsafe_long_compare ? sort_runs<RawLongLess>(&ms, lo, saved_ob_size)
                                                : sort_runs<RawFloatLess>(&ms, lo, saved_ob_size);
    else if (ms.key_compare == unsafe_long_compare)
      r = sort_runs<LongLess>(&ms, lo, saved_ob_size);
    else if (ms.key_compare == unsafe_float_compare)
      r = sort_runs<FloatLess>(&ms, lo, saved_ob_size);
    else if (ms.key_compare == unsafe_latin_compare)
      r = sort_runs<LatinLess>(&ms, lo, saved_ob_size);
    else
      r = sort_runs<AnyLess>(&ms, lo, saved_ob_size);
    if (r < 0) goto fail;
  }
  result = none();
  result = none();
fail:
  if (keys) {
    for (i = 0; i < saved_ob_size; ++i) decref(keys[i]);
    if (saved_ob_size >= kMergestateTempSize / 2) gc::mem_free(keys);
  }
  if (self->allocated != -1 && result != nullptr) {
    errors::set_string(exc_ValueError, "list modified during sort");
    result = nullptr;
  }
  if (reverse && saved_ob_size > 1) reverse_slice(saved_ob_item, saved_ob_item + saved_ob_size);
  merge_freemem(&ms);
  gc::mem_free(raw_keys);
keyfunc_fail : {
  Object** final_ob_item = self->items;
  i = self->size;
  self->size = saved_ob_size;
  self->items = saved_ob_item;
  self->allocated = saved_allocated;
  if (final_ob_item) {
    while (--i >= 0) xdecref(final_ob_item[i]);
    gc::mem_free(final_ob_item);
  }
}
  return xnew_ref(result);
}

}  // namespace

int list_sort_with(Object* l, Object* keyfunc, bool reverse) {
  Object* r = list_sort_impl(lo_(l), keyfunc, reverse);
  if (!r) return -1;
  decref(r);
  return 0;
}

int list_sort(Object* v) {
  if (v == nullptr || !list_check(v)) {
    errors::bad_internal_call();
    return -1;
  }
  return list_sort_with(v, nullptr, false);
}

// --- the list type -------------------------------------------------------------------------------

namespace {

void list_dealloc(Object* o) {
  ListObject* op = lo_(o);
  gc::untrack(o);
  if (op->items) {
    ssize i = op->size;
    while (--i >= 0) xdecref(op->items[i]);
    gc::mem_free(op->items);
  }
  // The free list keeps exact lists only (a subclass's instance has its own size and free).
  if (o->type == &list_type && freelist_push(freelists.lists, o, kListsMaxFree)) return;
  o->type->free(o);
}

int list_traverse(Object* o, visitproc visit, void* arg) {
  for (ssize i = list_size(o); --i >= 0;)
    if (Object* x = list_items(o)[i])
      if (int r = visit(x, arg)) return r;
  return 0;
}

int list_tp_clear(Object* o) {
  ListObject* a = lo_(o);
  Object** items = a->items;
  if (items) {
    ssize i = a->size;
    a->size = 0;
    a->items = nullptr;
    a->allocated = 0;
    while (--i >= 0) xdecref(items[i]);
    gc::mem_free(items);
  }
  return 0;
}

Object* list_repr(Object* v) {
  if (list_size(v) == 0) return str_from_cstr("[]");
  int rc = object_print_repr_enter(v);
  if (rc != 0) return rc > 0 ? str_from_cstr("[...]") : nullptr;
  std::string out = "[";
  // The list may change while its items' reprs run: re-read the size each time.
  for (ssize i = 0; i < list_size(v); ++i) {
    if (i > 0) out += ", ";
    Ref<> item = Ref<>::borrow(list_items(v)[i]);
    Ref<> s = Ref<>::steal(object_repr(item.get()));
    if (!s) {
      object_print_repr_leave(v);
      return nullptr;
    }
    ssize n = 0;
    const char* p = str_as_utf8(s.get(), &n);
    out.append(p, n);
  }
  out += "]";
  object_print_repr_leave(v);
  return str_from_utf8(out.data(), ssize(out.size()));
}

ssize list_length(Object* a) { return list_size(a); }

int list_contains(Object* a, Object* el) {
  for (ssize i = 0; i < list_size(a); ++i) {
    Ref<> item = Ref<>::borrow(list_items(a)[i]);
    int cmp = object_rich_compare_bool(item.get(), el, kEQ);
    if (cmp != 0) return cmp;
  }
  return 0;
}

Object* list_item_slot(Object* a, ssize i) {
  if (i < 0 || i >= list_size(a)) {
    errors::set_string(exc_IndexError, "list index out of range");
    return nullptr;
  }
  return new_ref(list_items(a)[i]);
}

Object* list_concat(Object* a, Object* bb) {
  if (!list_check(bb)) {
    return errors::format(exc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                          bb->type->name);
  }
  ssize na = list_size(a), nb = list_size(bb);
  Object* np = list_new_prealloc(na + nb);
  if (!np) return nullptr;
  for (ssize i = 0; i < na; ++i) list_items(np)[i] = new_ref(list_items(a)[i]);
  for (ssize i = 0; i < nb; ++i) list_items(np)[na + i] = new_ref(list_items(bb)[i]);
  lo_(np)->size = na + nb;
  return np;
}

Object* list_repeat(Object* a, ssize n) {
  ssize input_size = list_size(a);
  if (input_size == 0 || n <= 0) return list_new(0);
  if (input_size > PTRDIFF_MAX / n) return errors::no_memory();
  ssize output_size = input_size * n;
  Object* np = list_new(output_size);
  if (!np) return nullptr;
  Object** dest = list_items(np);
  for (ssize j = 0; j < n; ++j)
    for (ssize i = 0; i < input_size; ++i) *dest++ = new_ref(list_items(a)[i]);
  return np;
}

int list_ass_item(Object* a, ssize i, Object* v) {
  if (i < 0 || i >= list_size(a)) {
    errors::set_string(exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (v == nullptr) return list_ass_slice_impl(lo_(a), i, i + 1, nullptr);
  xsetref(list_items(a)[i], new_ref(v));
  return 0;
}

Object* list_inplace_concat(Object* self, Object* other) {
  if (list_extend(self, other) < 0) return nullptr;
  return new_ref(self);
}

Object* list_inplace_repeat(Object* self, ssize n) {
  ListObject* l = lo_(self);
  ssize input_size = l->size;
  if (input_size == 0 || n == 1) return new_ref(self);
  if (n < 1) {
    list_tp_clear(self);
    return new_ref(self);
  }
  if (input_size > PTRDIFF_MAX / n) return errors::no_memory();
  ssize output_size = input_size * n;
  if (list_resize(l, output_size) < 0) return nullptr;
  Object** items = l->items;
  for (ssize j = 1; j < n; ++j)
    for (ssize i = 0; i < input_size; ++i) items[j * input_size + i] = new_ref(items[i]);
  return new_ref(self);
}

Object* list_subscript(Object* self, Object* item) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return nullptr;
    if (i < 0) i += list_size(self);
    return list_item_slot(self, i);
  }
  if (slice_check(item)) {
    ssize start, stop, step;
    if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
    ssize slicelength = slice_adjust_indices(list_size(self), &start, &stop, step);
    if (slicelength <= 0) return list_new(0);
    if (step == 1) return list_get_slice(self, start, stop);
    Object* result = list_new(slicelength);
    if (!result) return nullptr;
    for (ssize cur = start, i = 0; i < slicelength; cur += step, ++i)
      list_items(result)[i] = new_ref(list_items(self)[cur]);
    return result;
  }
  return errors::format(exc_TypeError, "list indices must be integers or slices, not %.200s",
                        item->type->name);
}

int list_ass_subscript(Object* self, Object* item, Object* value) {
  if (index_check(item)) {
    ssize i = number_as_ssize(item, exc_IndexError);
    if (i == -1 && errors::occurred()) return -1;
    if (i < 0) i += list_size(self);
    return list_ass_item(self, i, value);
  }
  if (!slice_check(item)) {
    errors::format(exc_TypeError, "list indices must be integers or slices, not %.200s",
                   item->type->name);
    return -1;
  }
  ssize start, stop, step;
  if (slice_unpack(item, &start, &stop, &step) < 0) return -1;
  ListObject* l = lo_(self);
  if (value == nullptr) {
    ssize slicelength = slice_adjust_indices(l->size, &start, &stop, step);
    if (step == 1) return list_ass_slice_impl(l, start, stop, value);
    // Delete an extended slice: compact the survivors.
    if (slicelength <= 0) return 0;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    std::vector<Object*> garbage(static_cast<size_t>(slicelength));
    // The cursor is unsigned, as in CPython: a huge step (clamped to PY_SSIZE_T_MAX) must
    // wrap past the end instead of overflowing a signed index.
    size_t cur;
    ssize i;
    const size_t size = static_cast<size_t>(l->size);
    for (cur = static_cast<size_t>(start), i = 0; cur < static_cast<size_t>(stop);
         cur += static_cast<size_t>(step), ++i) {
      ssize lim = step - 1;
      garbage[static_cast<size_t>(i)] = l->items[cur];
      if (cur + static_cast<size_t>(step) >= size) lim = l->size - static_cast<ssize>(cur) - 1;
      std::memmove(l->items + cur - i, l->items + cur + 1, static_cast<size_t>(lim) * sizeof(Object*));
    }
    cur = static_cast<size_t>(start) + static_cast<size_t>(slicelength) * static_cast<size_t>(step);
    if (cur < size)
      std::memmove(l->items + cur - slicelength, l->items + cur,
                   (size - cur) * sizeof(Object*));
    l->size -= slicelength;
    int res = list_resize(l, l->size);
    for (Object* g : garbage) decref(g);
    return res;
  }
  // Assign a slice.
  Ref<> seq;
  if (value == self) {
    seq = Ref<>::steal(list_get_slice(self, 0, l->size));
  } else {
    seq = Ref<>::steal(sequence_fast(value, "must assign iterable to extended slice"));
  }
  if (!seq) return -1;
  ssize slicelength = slice_adjust_indices(l->size, &start, &stop, step);
  if (step == 1) return list_ass_slice_impl(l, start, stop, seq.get());
  ssize seqlen = list_check(seq.get()) ? list_size(seq.get()) : tuple_size(seq.get());
  if (seqlen != slicelength) {
    errors::format(exc_ValueError,
                   "attempt to assign sequence of size %zd to extended slice of size %zd",
                   seqlen, slicelength);
    return -1;
  }
  if (!slicelength) return 0;
  Object** seqitems = list_check(seq.get()) ? list_items(seq.get()) : tuple_items(seq.get());
  std::vector<Object*> garbage(static_cast<size_t>(slicelength));
  for (ssize cur = start, i = 0; i < slicelength; cur += step, ++i) {
    garbage[static_cast<size_t>(i)] = l->items[cur];
    l->items[cur] = new_ref(seqitems[i]);
  }
  for (Object* g : garbage) decref(g);
  return 0;
}

Object* list_richcompare(Object* v, Object* w, int op) {
  if (!list_check(v) || !list_check(w)) return return_not_implemented();
  if (list_size(v) != list_size(w) && (op == kEQ || op == kNE))
    return bool_from_long(op == kNE);
  ssize i;
  for (i = 0; i < list_size(v) && i < list_size(w); ++i) {
    Object* vitem = list_items(v)[i];
    Object* witem = list_items(w)[i];
    if (vitem == witem) continue;
    Ref<> a = Ref<>::borrow(vitem);
    Ref<> b = Ref<>::borrow(witem);
    int k = object_rich_compare_bool(vitem, witem, kEQ);
    if (k < 0) return nullptr;
    if (!k) break;
  }
  if (i >= list_size(v) || i >= list_size(w)) {
    ssize vs = list_size(v), ws = list_size(w);
    bool r = false;
    switch (op) {
      case kLT: r = vs < ws; break;
      case kLE: r = vs <= ws; break;
      case kEQ: r = vs == ws; break;
      case kNE: r = vs != ws; break;
      case kGT: r = vs > ws; break;
      case kGE: r = vs >= ws; break;
    }
    return bool_from_long(r);
  }
  if (op == kEQ) return bool_from_long(0);
  if (op == kNE) return bool_from_long(1);
  Ref<> a = Ref<>::borrow(list_items(v)[i]);
  Ref<> b = Ref<>::borrow(list_items(w)[i]);
  return object_rich_compare(a.get(), b.get(), op);
}

int list_init(Object* self, Object* args, Object* kwds) {
  // list.__init__ (clinic): keywords are refused unless a subclass defines its own __new__.
  if ((self->type == &list_type || self->type->new_ == list_type.new_) && kwds && dict_size(kwds)) {
    errors::set_string(exc_TypeError, "list() takes no keyword arguments");
    return -1;
  }
  ssize n = tuple_size(args);
  if (n > 1) {
    errors::format(exc_TypeError, "list expected at most 1 argument, got %zd", n);
    return -1;
  }
  if (list_size(self) != 0 || lo_(self)->items) list_tp_clear(self);
  if (n == 1) return list_extend(self, tuple_item(args, 0));
  return 0;
}

Object* list_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    return errors::format(exc_TypeError, "list() takes no keyword arguments");
  }
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs > 1) {
    return errors::format(exc_TypeError, "list expected at most 1 argument, got %zd", nargs);
  }
  Ref<> list = Ref<>::steal(type_generic_alloc(static_cast<TypeObject*>(type), 0));
  if (!list) return nullptr;
  if (nargs && list_extend(list.get(), args[0]) < 0) return nullptr;
  return list.release();
}

// Methods.
Object* m_append(Object* self, Object* v) {
  if (list_append(self, v) < 0) return nullptr;
  return return_none();
}
Object* m_extend(Object* self, Object* v) {
  if (list_extend(self, v) < 0) return nullptr;
  return return_none();
}
Object* m_insert(Object* self, Object* const* args, ssize nargs) {
  if (nargs != 2) {
    return errors::format(exc_TypeError, "insert expected 2 arguments, got %zd", nargs);
  }
  ssize i = clinic_ssize(args[0]);
  if (i == -1 && errors::occurred()) return nullptr;
  if (list_insert(self, i, args[1]) < 0) return nullptr;
  return return_none();
}
Object* m_pop(Object* self, Object* const* args, ssize nargs) {
  if (nargs > 1) {
    return errors::format(exc_TypeError, "pop expected at most 1 argument, got %zd", nargs);
  }
  ssize index = -1;
  if (nargs) {
    index = clinic_ssize(args[0]);
    if (index == -1 && errors::occurred()) return nullptr;
  }
  ListObject* l = lo_(self);
  if (l->size == 0) {
    errors::set_string(exc_IndexError, "pop from empty list");
    return nullptr;
  }
  if (index < 0) index += l->size;
  if (index < 0 || index >= l->size) {
    errors::set_string(exc_IndexError, "pop index out of range");
    return nullptr;
  }
  Object* v = l->items[index];
  if (index == l->size - 1) {
    if (list_resize(l, l->size - 1) < 0) return nullptr;
    return v;
  }
  incref(v);
  if (list_ass_slice_impl(l, index, index + 1, nullptr) < 0) {
    decref(v);
    return nullptr;
  }
  return v;
}
Object* m_remove(Object* self, Object* value) {
  for (ssize i = 0; i < list_size(self); ++i) {
    Ref<> obj = Ref<>::borrow(list_items(self)[i]);
    int cmp = object_rich_compare_bool(obj.get(), value, kEQ);
    if (cmp > 0) {
      if (list_ass_slice_impl(lo_(self), i, i + 1, nullptr) == 0) return return_none();
      return nullptr;
    }
    if (cmp < 0) return nullptr;
  }
  errors::set_string(exc_ValueError, "list.remove(x): x not in list");
  return nullptr;
}
Object* m_index(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 3) {
    return errors::format(exc_TypeError, nargs < 1 ? "index expected at least 1 argument, got %zd"
                                                   : "index expected at most 3 arguments, got %zd",
                          nargs);
  }
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !eval_slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !eval_slice_index(args[2], &stop)) return nullptr;
  if (start < 0) {
    start += list_size(self);
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += list_size(self);
    if (stop < 0) stop = 0;
  }
  for (ssize i = start; i < stop && i < list_size(self); ++i) {
    Ref<> obj = Ref<>::borrow(list_items(self)[i]);
    int cmp = object_rich_compare_bool(obj.get(), args[0], kEQ);
    if (cmp > 0) return long_from_ssize(i);
    if (cmp < 0) return nullptr;
  }
  errors::set_string(exc_ValueError, "list.index(x): x not in list");
  return nullptr;
}
Object* m_count(Object* self, Object* value) {
  ssize count = 0;
  for (ssize i = 0; i < list_size(self); ++i) {
    Object* obj = list_items(self)[i];
    if (obj == value) {
      ++count;
      continue;
    }
    Ref<> o = Ref<>::borrow(obj);
    int cmp = object_rich_compare_bool(obj, value, kEQ);
    if (cmp > 0) ++count;
    else if (cmp < 0) return nullptr;
  }
  return long_from_ssize(count);
}
Object* m_clear(Object* self, Object*) {
  list_tp_clear(self);
  return return_none();
}
Object* m_copy(Object* self, Object*) { return list_get_slice(self, 0, list_size(self)); }
Object* m_reverse(Object* self, Object*) {
  list_reverse(self);
  return return_none();
}
// list.sort(*, key=None, reverse=False). The argument errors come from the clinic parser
// (_PyArg_UnpackKeywords: "takes at most 2 arguments", "Did you mean" suggestions).
const char* const kSortKeywords[] = {"key", "reverse", nullptr};
const ArgParser kSortParser = {"sort", kSortKeywords, 0, 0, 0};
Object* sort_args_error(Object* const* args, ssize nargs, Object* kwnames) {
  Object* out[2];
  if (unpack_keywords(kSortParser, args, nargs, kwnames, out) == 0)
    errors::set_string(exc_SystemError, "sort(): argument parsing did not fail");
  return nullptr;
}
Object* m_sort(Object* self, Object* const* args, ssize nargs, Object* kwnames) {
  if (nargs) return sort_args_error(args, nargs, kwnames);
  Object* keyfunc = none();
  int reverse = 0;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i) {
    Object* name = tuple_item(kwnames, i);
    if (str_compare_cstr(name, "key") == 0) {
      keyfunc = args[i];
    } else if (str_compare_cstr(name, "reverse") == 0) {
      reverse = object_is_true(args[i]);
      if (reverse < 0) return nullptr;
    } else {
      return sort_args_error(args, nargs, kwnames);
    }
  }
  return list_sort_impl(lo_(self), keyfunc, reverse != 0);
}
Object* m_sizeof(Object* self, Object*) {
  return long_from_ssize(static_cast<ssize>(sizeof(ListObject)) +
                         lo_(self)->allocated * static_cast<ssize>(sizeof(Object*)));
}
Object* m_getitem(Object* self, Object* item) { return list_subscript(self, item); }
Object* m_reversed(Object* self, Object*);

MethodDef list_methods[] = {
    {"__getitem__", reinterpret_cast<void*>(m_getitem), kMethO | kMethCoexist,
     "Return self[index]."},
    {"__reversed__", reinterpret_cast<void*>(m_reversed), kMethNoArgs,
     "Return a reverse iterator over the list."},
    {"__sizeof__", reinterpret_cast<void*>(m_sizeof), kMethNoArgs,
     "Return the size of the list in memory, in bytes."},
    {"clear", reinterpret_cast<void*>(m_clear), kMethNoArgs, "Remove all items from list."},
    {"copy", reinterpret_cast<void*>(m_copy), kMethNoArgs, "Return a shallow copy of the list."},
    {"append", reinterpret_cast<void*>(m_append), kMethO,
     "Append object to the end of the list."},
    {"insert", reinterpret_cast<void*>(m_insert), kMethFastcall,
     "Insert object before index."},
    {"extend", reinterpret_cast<void*>(m_extend), kMethO,
     "Extend list by appending elements from the iterable."},
    {"pop", reinterpret_cast<void*>(m_pop), kMethFastcall,
     "Remove and return item at index (default last).\n\nRaises IndexError if list is empty "
     "or index is out of range."},
    {"remove", reinterpret_cast<void*>(m_remove), kMethO,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", reinterpret_cast<void*>(m_index), kMethFastcall,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", reinterpret_cast<void*>(m_count), kMethO,
     "Return number of occurrences of value."},
    {"reverse", reinterpret_cast<void*>(m_reverse), kMethNoArgs, "Reverse *IN PLACE*."},
    {"sort", reinterpret_cast<void*>(m_sort), kMethFastcall | kMethKeywords,
     "Sort the list in ascending order and return None.\n\nThe sort is in-place (i.e. the "
     "list itself is modified) and stable (i.e. the\norder of two equal elements is "
     "maintained).\n\nIf a key function is given, apply it once to each list item and sort "
     "them,\nascending or descending, according to their function values.\n\nThe reverse "
     "flag can be set to sort in descending order."},
    {nullptr, nullptr, 0, nullptr}};

SequenceMethods list_as_sequence = {list_length,   list_concat, list_repeat,
                                    list_item_slot, nullptr,    list_ass_item,
                                    nullptr,       list_contains, list_inplace_concat,
                                    list_inplace_repeat};
MappingMethods list_as_mapping = {list_length, list_subscript, list_ass_subscript};

// Iterators.

void listiter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<ListIterObject*>(o)->seq);
  if (freelist_push(freelists.list_iters, o, kListItersMaxFree)) return;
  gc::gc_free(o);
}
int listiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* s = static_cast<ListIterObject*>(o)->seq;
  return s ? visit(s, arg) : 0;
}
Object* listiter_next(Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  if (it->index < list_size(seq)) return new_ref(list_items(seq)[it->index++]);
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}
Object* listiter_len(Object* o, Object*) {
  auto* it = static_cast<ListIterObject*>(o);
  if (it->seq) {
    ssize len = list_size(it->seq) - it->index;
    if (len >= 0) return long_from_ssize(len);
  }
  return long_from_long(0);
}
Object* listreviter_next(Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  Object* seq = it->seq;
  if (!seq) return nullptr;
  ssize index = it->index;
  if (index >= 0 && index < list_size(seq)) {
    it->index--;
    return new_ref(list_items(seq)[index]);
  }
  it->index = -1;
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}
Object* listreviter_len(Object* o, Object*) {
  auto* it = static_cast<ListIterObject*>(o);
  ssize len = it->index + 1;
  if (it->seq == nullptr || list_size(it->seq) < len) len = 0;
  return long_from_ssize(len);
}
// listiter_reduce_general: (iter, (list,), index) forward, (reversed, (list,), index)
// backward; (iter, ([],)) once exhausted, (reversed, ([],)) for the reverse iterator.
Object* listiter_reduce(Object* o, Object*) {
  auto* it = static_cast<ListIterObject*>(o);
  Ref<> empty;
  if (!it->seq && !(empty = Ref<>::steal(list_new(0)))) return nullptr;
  return iter_reduce_indexed(it->seq, it->index, empty.get());
}
Object* listreviter_reduce(Object* o, Object*) {
  auto* it = static_cast<ListIterObject*>(o);
  Ref<> reversed = Ref<>::steal(vm::eval_get_builtin("reversed"));
  if (!reversed) return nullptr;
  Ref<> seq = it->seq ? Ref<>::borrow(it->seq) : Ref<>::steal(list_new(0));
  Ref<> args = Ref<>::steal(seq ? tuple_pack(1, seq.get()) : nullptr);
  if (!args) return nullptr;
  if (!it->seq) return tuple_pack(2, reversed.get(), args.get());
  Ref<> index = Ref<>::steal(long_from_ssize(it->index));
  return index ? tuple_pack(3, reversed.get(), args.get(), index.get()) : nullptr;
}
// listiter_setstate: clipped to [0, len] forward, [-1, len - 1] backward.
Object* listiter_setstate(Object* o, Object* state) {
  auto* it = static_cast<ListIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < 0) index = 0;
    else if (index > list_size(it->seq)) index = list_size(it->seq);
    it->index = index;
  }
  return new_ref(none());
}
Object* listreviter_setstate(Object* o, Object* state) {
  auto* it = static_cast<ListIterObject*>(o);
  ssize index;
  if (iter_setstate_index(state, &index) < 0) return nullptr;
  if (it->seq) {
    if (index < -1) index = -1;
    else if (index > list_size(it->seq) - 1) index = list_size(it->seq) - 1;
    it->index = index;
  }
  return new_ref(none());
}
MethodDef listiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(listiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(listiter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(listiter_setstate), kMethO,
     "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef listreviter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(listreviter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(listreviter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {"__setstate__", reinterpret_cast<void*>(listreviter_setstate), kMethO,
     "Set state information for unpickling."},
    {nullptr, nullptr, 0, nullptr}};

Object* new_list_iter(Object* seq, TypeObject* type, ssize index) {
  auto* it = static_cast<ListIterObject*>(freelist_pop(freelists.list_iters));
  if (it) {
    freelist_reuse_gc(it);
  } else {
    it = static_cast<ListIterObject*>(gc::gc_malloc(sizeof(ListIterObject)));
    if (!it) return nullptr;
  }
  it->refcnt = 1;
  it->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->index = index;
  it->seq = new_ref(seq);
  gc::track(it);
  return it;
}
Object* list_iter(Object* seq) { return new_list_iter(seq, &listiter_type, 0); }
Object* m_reversed(Object* self, Object*) {
  return new_list_iter(self, &listreviter_type, list_size(self) - 1);
}

TypeObject make_listiter_type(const char* name, iternextfunc next, MethodDef* methods) {
  TypeObject t = static_type(name, sizeof(ListIterObject), 0, kTpflagsHaveGc);
  t.dealloc = listiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = listiter_traverse;
  t.iter = object_self_iter;
  t.iternext = next;
  t.methods = methods;
  return t;
}

}  // namespace

TypeObject list_type = [] {
  TypeObject t = static_type("list", sizeof(ListObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsListSubclass |
                                 kTpflagsSequence | kTpflagsMatchSelf);
  t.dealloc = list_dealloc;
  t.repr = list_repr;
  t.as_sequence = &list_as_sequence;
  t.as_mapping = &list_as_mapping;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = list_traverse;
  t.clear = list_tp_clear;
  t.richcompare = list_richcompare;
  t.iter = list_iter;
  t.methods = list_methods;
  t.init = list_init;
  t.alloc = type_generic_alloc;
  t.new_ = type_generic_new;
  t.vectorcall = list_vectorcall;
  t.doc =
      "list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.\n\nIf no argument is given, the "
      "constructor creates a new empty list.\nThe argument must be an iterable if specified.";
  return t;
}();
TypeObject listiter_type = make_listiter_type("list_iterator", listiter_next, listiter_methods);
TypeObject listreviter_type =
    make_listiter_type("list_reverseiterator", listreviter_next, listreviter_methods);

}  // namespace cppy::objects
