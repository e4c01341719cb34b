// The itertools module: Modules/itertoolsmodule.c.
#include "modules/itertools/itertoolsmodule.h"

#include <climits>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/argconv.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "objects/spec_types.h"

// The member tables need offsetof on structs with a base (the object header).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::modules::itertools {

using namespace objects;

extern TypeObject groupby_type, grouper_type, teedataobject_type, tee_type, cycle_type,
    dropwhile_type, takewhile_type, islice_type, starmap_type, chain_type, product_type,
    combinations_type, cwr_type, permutations_type, accumulate_type, compress_type,
    filterfalse_type, count_type, repeat_type, ziplongest_type, pairwise_type, batched_type;

namespace {

constexpr ssize kSsizeMax = PTRDIFF_MAX;

template <class T>
inline T* alloc(TypeObject* type) {
  return static_cast<T*>(type->alloc(type, 0));
}

// The clinic's _PyArg_NoKeywords check for the type and for subclasses that keep its
// __init__ (a subclass defining __init__ may take keywords there).
inline bool no_kw(TypeObject* type, TypeObject* base, const char* name, Object* kwds) {
  if (type != base && type->init != base->init) return true;
  return no_keywords(name, kwds);
}

// Exhaustion of an iterator the way the tp_iternext loops see it: null with StopIteration
// cleared, or null with another error kept. True when an error other than StopIteration
// is set.
inline bool iter_error() {
  if (!errors::occurred()) return false;
  if (errors::exception_matches(exc_StopIteration)) {
    errors::clear();
    return false;
  }
  return true;
}

// A new reference to a result tuple that can be reused when the caller let go of it
// (refcount 1), else a fresh copy: the "re-use it if available" step of the combinatoric
// iterators. Null on error.
inline Object* own_result(Object*& result, ssize n) {
  if (result->refcnt > 1) {
    Object* fresh = tuple_from_array(tuple_items(result), n);
    if (!fresh) return nullptr;
    decref(result);
    result = fresh;
  } else if (!gc::is_tracked(result)) {
    gc::track(result);  // _PyTuple_Recycle
  }
  return result;
}

inline void tuple_replace(Object* t, ssize i, Object* v) {
  Object* old = tuple_item(t, i);
  tuple_set_item(t, i, new_ref(v));
  decref(old);
}

#define VISIT(x) \
  if (x)         \
    if (int r_ = visit((x), arg)) return r_;

// Defines the dealloc and traverse of a type whose object fields are listed.
#define GC_FIELDS(Struct, ...)                                   \
  void Struct##_dealloc(Object* o) {                             \
    auto* self = static_cast<Struct*>(o);                        \
    gc::untrack(o);                                              \
    for (Object* x : {__VA_ARGS__}) xdecref(x);                  \
    o->type->free(o);                                            \
  }                                                              \
  int Struct##_traverse(Object* o, visitproc visit, void* arg) { \
    auto* self = static_cast<Struct*>(o);                        \
    for (Object* x : {__VA_ARGS__}) VISIT(x);                    \
    return 0;                                                    \
  }

// --- groupby -------------------------------------------------------------------------------

struct groupby : Object {
  Object* it;
  Object* keyfunc;
  Object* tgtkey;
  Object* currkey;
  Object* currvalue;
  Object* currgrouper;  // borrowed: the live _grouper, if any
};
GC_FIELDS(groupby, self->it, self->keyfunc, self->tgtkey, self->currkey, self->currvalue)

struct grouper : Object {
  Object* parent;
  Object* tgtkey;
};
GC_FIELDS(grouper, self->parent, self->tgtkey)

Object* groupby_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"iterable", "key", nullptr};
  ArgParser p{"groupby", kw, 1, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  auto* gbo = alloc<groupby>(type);
  if (!gbo) return nullptr;
  gbo->keyfunc = new_ref(out[1] ? out[1] : none());
  gbo->it = object_get_iter(out[0]);
  if (!gbo->it) {
    decref(gbo);
    return nullptr;
  }
  return gbo;
}

// groupby_step: the next value and its key.
int groupby_step(groupby* gbo) {
  Object* newvalue = iter_next(gbo->it);
  if (!newvalue) return -1;
  Object* newkey;
  if (gbo->keyfunc == none()) {
    newkey = new_ref(newvalue);
  } else {
    newkey = object_call_one_arg(gbo->keyfunc, newvalue);
    if (!newkey) {
      decref(newvalue);
      return -1;
    }
  }
  xsetref(gbo->currvalue, newvalue);
  xsetref(gbo->currkey, newkey);
  return 0;
}

Object* grouper_create(groupby* parent, Object* tgtkey) {
  auto* igo = static_cast<grouper*>(gc::gc_malloc(sizeof(grouper)));
  if (!igo) return nullptr;
  igo->refcnt = 1;
  igo->type = &grouper_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  igo->parent = new_ref<Object>(parent);
  igo->tgtkey = new_ref(tgtkey);
  parent->currgrouper = igo;
  gc::track(igo);
  return igo;
}

Object* groupby_next(Object* o) {
  // Nested iterators recurse through C++: bounded by the stack check.
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* gbo = static_cast<groupby*>(o);
  gbo->currgrouper = nullptr;
  // Skip to the next group.
  for (;;) {
    if (!gbo->currkey) {
      // the first call
    } else if (!gbo->tgtkey) {
      break;
    } else {
      int rcmp = object_rich_compare_bool(gbo->tgtkey, gbo->currkey, kEQ);
      if (rcmp == -1) return nullptr;
      if (rcmp == 0) break;
    }
    if (groupby_step(gbo) < 0) return nullptr;
  }
  xsetref(gbo->tgtkey, new_ref(gbo->currkey));
  Object* g = grouper_create(gbo, gbo->tgtkey);
  if (!g) return nullptr;
  Object* r = tuple_pack(2, gbo->currkey, g);
  decref(g);
  return r;
}

Object* grouper_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &grouper_type, "_grouper", kwds)) return nullptr;
  if (!check_positional("_grouper", tuple_size(args), 2, 2)) return nullptr;
  Object* parent = tuple_item(args, 0);
  if (!type_check(parent, &groupby_type)) {
    bad_argument("_grouper", "1", "itertools.groupby", parent);
    return nullptr;
  }
  return grouper_create(static_cast<groupby*>(parent), tuple_item(args, 1));
}

Object* grouper_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* igo = static_cast<grouper*>(o);
  auto* gbo = static_cast<groupby*>(igo->parent);
  if (gbo->currgrouper != igo) return nullptr;
  if (!gbo->currvalue) {
    if (groupby_step(gbo) < 0) return nullptr;
  }
  int rcmp = object_rich_compare_bool(igo->tgtkey, gbo->currkey, kEQ);
  if (rcmp <= 0) return nullptr;  // an error, or the group ended
  Object* r = gbo->currvalue;
  gbo->currvalue = nullptr;
  return r;
}

// --- tee -----------------------------------------------------------------------------------

constexpr int kLinkCells = 57;  // LINKCELLS: 64 pointers per link with the header

struct teedataobject : Object {
  Object* it;
  int numread;
  bool running;
  Object* nextlink;
  Object* values[kLinkCells];
};

struct teeobject : Object {
  teedataobject* dataobj;
  int index;
  Object* weakreflist;
};

Object* teedataobject_newinternal(Object* it) {
  auto* tdo = static_cast<teedataobject*>(gc::gc_malloc(sizeof(teedataobject)));
  if (!tdo) return nullptr;
  tdo->refcnt = 1;
  tdo->type = &teedataobject_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  tdo->running = false;
  tdo->numread = 0;
  tdo->nextlink = nullptr;
  tdo->it = new_ref(it);
  gc::track(tdo);
  return tdo;
}

Object* teedataobject_jumplink(teedataobject* tdo) {
  if (!tdo->nextlink) tdo->nextlink = teedataobject_newinternal(tdo->it);
  return xnew_ref(tdo->nextlink);
}

Object* teedataobject_getitem(teedataobject* tdo, int i) {
  Object* value;
  if (i < tdo->numread) {
    value = tdo->values[i];
  } else {
    // The lead iterator fetches more data.
    if (tdo->running) {
      errors::set_string(exc_RuntimeError, "cannot re-enter the tee iterator");
      return nullptr;
    }
    tdo->running = true;
    value = iter_next(tdo->it);
    tdo->running = false;
    if (!value) return nullptr;
    tdo->numread++;
    tdo->values[i] = value;
  }
  return new_ref(value);
}

int teedataobject_clear_values(teedataobject* tdo) {
  clear(tdo->it);
  for (int i = 0; i < tdo->numread; i++) clear(tdo->values[i]);
  tdo->numread = 0;
  return 0;
}

// teedataobject_safe_decref: releases a chain of links without recursing down it.
void teedataobject_safe_decref(Object* obj) {
  while (obj && obj->type == &teedataobject_type && obj->refcnt == 1) {
    auto* tdo = static_cast<teedataobject*>(obj);
    Object* nextlink = tdo->nextlink;
    tdo->nextlink = nullptr;
    decref(obj);
    obj = nextlink;
  }
  xdecref(obj);
}

int teedataobject_clear(Object* o) {
  auto* tdo = static_cast<teedataobject*>(o);
  teedataobject_clear_values(tdo);
  Object* tmp = tdo->nextlink;
  tdo->nextlink = nullptr;
  teedataobject_safe_decref(tmp);
  return 0;
}
void teedataobject_dealloc(Object* o) {
  gc::untrack(o);
  teedataobject_clear(o);
  o->type->free(o);
}
int teedataobject_traverse(Object* o, visitproc visit, void* arg) {
  auto* tdo = static_cast<teedataobject*>(o);
  VISIT(tdo->it);
  for (int i = 0; i < tdo->numread; i++) VISIT(tdo->values[i]);
  VISIT(tdo->nextlink);
  return 0;
}

Object* tee_make(TypeObject* type, teedataobject* dataobj, int index) {
  auto* to = static_cast<teeobject*>(gc::gc_malloc(sizeof(teeobject)));
  if (!to) return nullptr;
  to->refcnt = 1;
  to->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  to->dataobj = static_cast<teedataobject*>(new_ref<Object>(dataobj));
  to->index = index;
  to->weakreflist = nullptr;
  gc::track(to);
  return to;
}

Object* tee_copy(Object* o, Object* = nullptr) {
  auto* to = static_cast<teeobject*>(o);
  return tee_make(&tee_type, to->dataobj, to->index);
}

Object* tee_fromiterable(Object* iterable) {
  Object* it = object_get_iter(iterable);
  if (!it) return nullptr;
  Object* result;
  if (type_check(it, &tee_type)) {
    result = tee_copy(it);
  } else {
    Object* dataobj = teedataobject_newinternal(it);
    result = dataobj ? tee_make(&tee_type, static_cast<teedataobject*>(dataobj), 0) : nullptr;
    xdecref(dataobj);
  }
  decref(it);
  return result;
}

Object* tee_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* to = static_cast<teeobject*>(o);
  if (to->index >= kLinkCells) {
    Object* link = teedataobject_jumplink(to->dataobj);
    if (!link) return nullptr;
    Object* old = to->dataobj;
    to->dataobj = static_cast<teedataobject*>(link);
    decref(old);
    to->index = 0;
  }
  Object* value = teedataobject_getitem(to->dataobj, to->index);
  if (!value) return nullptr;
  to->index++;
  return value;
}

Object* tee_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &tee_type, "_tee", kwds)) return nullptr;
  if (!check_positional("_tee", tuple_size(args), 1, 1)) return nullptr;
  return tee_fromiterable(tuple_item(args, 0));
}

int tee_clear(Object* o) {
  auto* to = static_cast<teeobject*>(o);
  if (to->weakreflist) object_clear_weakrefs(o);
  Object* d = to->dataobj;
  to->dataobj = nullptr;
  xdecref(d);
  return 0;
}
void tee_dealloc(Object* o) {
  gc::untrack(o);
  tee_clear(o);
  o->type->free(o);
}
int tee_traverse(Object* o, visitproc visit, void* arg) {
  VISIT(static_cast<teeobject*>(o)->dataobj);
  return 0;
}

// itertools_tee_impl: copies through the iterator's __copy__ when it has one.
Object* itertools_tee(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("tee", nargs, 1, 2)) return nullptr;
  ssize n = 2;
  if (nargs > 1 && !modules::ssize_converter(args[1], &n)) return nullptr;
  if (n < 0) {
    errors::set_string(exc_ValueError, "n must be >= 0");
    return nullptr;
  }
  Ref<> result = Ref<>::steal(tuple_new(n));
  if (!result || n == 0) return result.release();
  Object* to = tee_fromiterable(args[0]);
  if (!to) return nullptr;
  tuple_set_item(result.get(), 0, to);
  for (ssize i = 1; i < n; i++) {
    to = tee_copy(to);
    if (!to) return nullptr;
    tuple_set_item(result.get(), i, to);
  }
  return result.release();
}

// --- cycle ---------------------------------------------------------------------------------

struct cycle : Object {
  Object* it;
  Object* saved;
  ssize index;
};
GC_FIELDS(cycle, self->it, self->saved)

Object* cycle_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &cycle_type, "cycle", kwds)) return nullptr;
  if (!check_positional("cycle", tuple_size(args), 1, 1)) return nullptr;
  Object* it = object_get_iter(tuple_item(args, 0));
  if (!it) return nullptr;
  Object* saved = list_new(0);
  if (!saved) {
    decref(it);
    return nullptr;
  }
  auto* lz = alloc<cycle>(type);
  if (!lz) {
    decref(it);
    decref(saved);
    return nullptr;
  }
  lz->it = it;
  lz->saved = saved;
  lz->index = 0;
  return lz;
}

Object* cycle_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<cycle*>(o);
  if (lz->it) {
    Object* item = iter_next(lz->it);
    if (item) {
      if (list_append(lz->saved, item) < 0) {
        decref(item);
        return nullptr;
      }
      return item;
    }
    if (errors::occurred()) return nullptr;
    clear(lz->it);
  }
  ssize n = list_size(lz->saved);
  if (n == 0) return nullptr;
  Object* item = list_item(lz->saved, lz->index);
  lz->index++;
  if (lz->index >= n) lz->index = 0;
  return new_ref(item);
}

// --- dropwhile / takewhile -----------------------------------------------------------------

struct dropwhile : Object {
  Object* func;
  Object* it;
  long start;
};
GC_FIELDS(dropwhile, self->func, self->it)

template <class T>
Object* pred_iter_new(TypeObject* type, TypeObject* base, const char* name, Object* args,
                      Object* kwds) {
  if (!no_kw(type, base, name, kwds)) return nullptr;
  if (!check_positional(name, tuple_size(args), 2, 2)) return nullptr;
  Object* it = object_get_iter(tuple_item(args, 1));
  if (!it) return nullptr;
  auto* lz = alloc<T>(type);
  if (!lz) {
    decref(it);
    return nullptr;
  }
  lz->func = new_ref(tuple_item(args, 0));
  lz->it = it;
  return lz;
}

Object* dropwhile_new(TypeObject* type, Object* args, Object* kwds) {
  return pred_iter_new<dropwhile>(type, &dropwhile_type, "dropwhile", args, kwds);
}

Object* dropwhile_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<dropwhile*>(o);
  iternextfunc iternext = lz->it->type->iternext;
  for (;;) {
    Object* item = iternext(lz->it);
    if (!item) return nullptr;
    if (lz->start == 1) return item;
    Object* good = object_call_one_arg(lz->func, item);
    if (!good) {
      decref(item);
      return nullptr;
    }
    int ok = object_is_true(good);
    decref(good);
    if (ok == 0) {
      lz->start = 1;
      return item;
    }
    decref(item);
    if (ok < 0) return nullptr;
  }
}

struct takewhile : Object {
  Object* func;
  Object* it;
  long stop;
};
GC_FIELDS(takewhile, self->func, self->it)

Object* takewhile_new(TypeObject* type, Object* args, Object* kwds) {
  return pred_iter_new<takewhile>(type, &takewhile_type, "takewhile", args, kwds);
}

Object* takewhile_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<takewhile*>(o);
  if (lz->stop == 1) return nullptr;
  Object* item = lz->it->type->iternext(lz->it);
  if (!item) return nullptr;
  Object* good = object_call_one_arg(lz->func, item);
  if (!good) {
    decref(item);
    return nullptr;
  }
  int ok = object_is_true(good);
  decref(good);
  if (ok > 0) return item;
  decref(item);
  if (ok == 0) lz->stop = 1;
  return nullptr;
}

// --- islice --------------------------------------------------------------------------------

struct islice : Object {
  Object* it;
  ssize next;
  ssize stop;
  ssize step;
  ssize cnt;
};
GC_FIELDS(islice, self->it)

// PyNumber_AsSsize_t(x, NULL) with a failure reported as -1 and cleared, as islice_new
// reads its arguments.
ssize islice_index(Object* a, bool* failed) {
  ssize v = number_as_ssize(a, exc_OverflowError);
  if (v == -1 && errors::occurred()) {
    errors::clear();
    *failed = true;
  }
  return v;
}

Object* islice_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &islice_type, "islice", kwds)) return nullptr;
  ssize numargs = tuple_size(args);
  if (!check_positional("islice", numargs, 2, 4)) return nullptr;
  Object* seq = tuple_item(args, 0);
  Object* a1 = tuple_item(args, 1);
  Object* a2 = numargs > 2 ? tuple_item(args, 2) : nullptr;
  Object* a3 = numargs > 3 ? tuple_item(args, 3) : nullptr;
  ssize start = 0, stop = -1, step = 1;
  static const char* kStopMsg =
      "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  bool failed = false;
  if (numargs == 2) {
    if (a1 != none()) {
      stop = islice_index(a1, &failed);
      if (stop == -1) {
        errors::set_string(exc_ValueError, kStopMsg);
        return nullptr;
      }
    }
  } else {
    if (a1 != none()) start = islice_index(a1, &failed);
    if (a2 != none()) {
      stop = islice_index(a2, &failed);
      if (stop == -1) {
        errors::set_string(exc_ValueError, kStopMsg);
        return nullptr;
      }
    }
  }
  if (start < 0 || stop < -1) {
    errors::set_string(exc_ValueError,
                       "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
    return nullptr;
  }
  if (a3 && a3 != none()) step = islice_index(a3, &failed);
  if (step < 1) {
    errors::set_string(exc_ValueError, "Step for islice() must be a positive integer or None.");
    return nullptr;
  }
  Object* it = object_get_iter(seq);
  if (!it) return nullptr;
  auto* lz = alloc<islice>(type);
  if (!lz) {
    decref(it);
    return nullptr;
  }
  lz->it = it;
  lz->next = start;
  lz->stop = stop;
  lz->step = step;
  lz->cnt = 0;
  return lz;
}

Object* islice_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<islice*>(o);
  Object* it = lz->it;
  ssize stop = lz->stop;
  if (!it) return nullptr;
  iternextfunc iternext = it->type->iternext;
  Object* item;
  while (lz->cnt < lz->next) {
    item = iternext(it);
    if (!item) goto empty;
    decref(item);
    lz->cnt++;
  }
  if (stop != -1 && lz->cnt >= stop) goto empty;
  item = iternext(it);
  if (!item) goto empty;
  lz->cnt++;
  {
    ssize oldnext = lz->next;
    // Unsigned: no undefined behaviour on overflow.
    lz->next = static_cast<ssize>(static_cast<size_t>(lz->next) + static_cast<size_t>(lz->step));
    if (lz->next < oldnext || (stop != -1 && lz->next > stop)) lz->next = stop;
  }
  return item;
empty:
  clear(lz->it);
  return nullptr;
}

// --- starmap -------------------------------------------------------------------------------

struct starmap : Object {
  Object* func;
  Object* it;
};
GC_FIELDS(starmap, self->func, self->it)

Object* starmap_new(TypeObject* type, Object* args, Object* kwds) {
  return pred_iter_new<starmap>(type, &starmap_type, "starmap", args, kwds);
}

Object* starmap_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<starmap*>(o);
  Object* args = lz->it->type->iternext(lz->it);
  if (!args) return nullptr;
  if (!tuple_check_exact(args)) {
    Object* newargs = sequence_tuple(args);
    decref(args);
    if (!newargs) return nullptr;
    args = newargs;
  }
  Object* result = vectorcall(lz->func, tuple_items(args), static_cast<size_t>(tuple_size(args)),
                              nullptr);
  decref(args);
  return result;
}

// --- chain ---------------------------------------------------------------------------------

struct chain : Object {
  Object* source;  // iterator over the iterables
  Object* active;  // the current iterator
};
GC_FIELDS(chain, self->source, self->active)

Object* chain_new_internal(TypeObject* type, Object* source) {
  auto* lz = alloc<chain>(type);
  if (!lz) {
    decref(source);
    return nullptr;
  }
  lz->source = source;
  lz->active = nullptr;
  return lz;
}

Object* chain_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &chain_type, "chain", kwds)) return nullptr;
  Object* source = object_get_iter(args);
  if (!source) return nullptr;
  return chain_new_internal(type, source);
}

Object* chain_from_iterable(Object* type, Object* arg) {
  Object* source = object_get_iter(arg);
  if (!source) return nullptr;
  return chain_new_internal(reinterpret_cast<TypeObject*>(type), source);
}

Object* chain_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<chain*>(o);
  while (lz->source) {
    if (!lz->active) {
      Object* iterable = iter_next(lz->source);
      if (!iterable) {
        clear(lz->source);
        return nullptr;
      }
      lz->active = object_get_iter(iterable);
      decref(iterable);
      if (!lz->active) {
        clear(lz->source);
        return nullptr;
      }
    }
    Object* item = lz->active->type->iternext(lz->active);
    if (item) return item;
    if (iter_error()) return nullptr;
    clear(lz->active);
  }
  return nullptr;
}

// --- product -------------------------------------------------------------------------------

struct product : Object {
  Object* pools;  // tuple of tuples
  ssize* indices;
  Object* result;
  int stopped;
};

void product_dealloc(Object* o) {
  auto* lz = static_cast<product*>(o);
  gc::untrack(o);
  xdecref(lz->pools);
  xdecref(lz->result);
  gc::mem_free(lz->indices);
  o->type->free(o);
}
int product_traverse(Object* o, visitproc visit, void* arg) {
  auto* lz = static_cast<product*>(o);
  VISIT(lz->pools);
  VISIT(lz->result);
  return 0;
}

Object* product_new(TypeObject* type, Object* args, Object* kwds) {
  ssize repeat = 1;
  if (kwds) {
    static const char* const kw[] = {"repeat", nullptr};
    ArgParser p{"product", kw, 0, 1, 0};
    Object* rep = nullptr;
    Ref<> empty = Ref<>::borrow(tuple_empty());
    if (unpack_keywords_tuple(p, empty.get(), kwds, &rep) < 0) return nullptr;
    if (rep) {
      if (!index_check(rep)) {
        return errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                              rep->type->name);
      }
      repeat = number_as_ssize(rep, exc_OverflowError);
      if (repeat == -1 && errors::occurred()) return nullptr;
    }
    if (repeat < 0) {
      errors::set_string(exc_ValueError, "repeat argument cannot be negative");
      return nullptr;
    }
  }
  ssize nargs = repeat == 0 ? 0 : tuple_size(args);
  if (repeat && static_cast<size_t>(nargs) > size_t(kSsizeMax) / sizeof(ssize) / size_t(repeat)) {
    errors::set_string(exc_OverflowError, "repeat argument too large");
    return nullptr;
  }
  ssize npools = nargs * repeat;
  auto* indices = static_cast<ssize*>(gc::mem_malloc(sizeof(ssize) * size_t(npools ? npools : 1)));
  if (!indices) return errors::no_memory();
  Object* pools = tuple_new(npools);
  if (!pools) {
    gc::mem_free(indices);
    return nullptr;
  }
  ssize i = 0;
  for (; i < nargs; ++i) {
    Object* pool = sequence_tuple(tuple_item(args, i));
    if (!pool) {
      decref(pools);
      gc::mem_free(indices);
      return nullptr;
    }
    tuple_set_item(pools, i, pool);
    indices[i] = 0;
  }
  for (; i < npools; ++i) {
    tuple_set_item(pools, i, new_ref(tuple_item(pools, i - nargs)));
    indices[i] = 0;
  }
  auto* lz = alloc<product>(type);
  if (!lz) {
    decref(pools);
    gc::mem_free(indices);
    return nullptr;
  }
  lz->pools = pools;
  lz->indices = indices;
  lz->result = nullptr;
  lz->stopped = 0;
  return lz;
}

Object* product_next(Object* o) {
  auto* lz = static_cast<product*>(o);
  Object* pools = lz->pools;
  ssize npools = tuple_size(pools);
  if (lz->stopped) return nullptr;
  if (!lz->result) {
    // The first tuple: the first element of each pool.
    lz->result = tuple_new(npools);
    if (!lz->result) goto empty;
    for (ssize i = 0; i < npools; i++) {
      Object* pool = tuple_item(pools, i);
      if (tuple_size(pool) == 0) goto empty;
      tuple_set_item(lz->result, i, new_ref(tuple_item(pool, 0)));
    }
  } else {
    ssize* indices = lz->indices;
    if (!own_result(lz->result, npools)) goto empty;
    // Advance the indices right to left; a pool moves on when the one after it rolls over.
    ssize i;
    for (i = npools - 1; i >= 0; i--) {
      Object* pool = tuple_item(pools, i);
      indices[i]++;
      if (indices[i] == tuple_size(pool)) {
        indices[i] = 0;
        tuple_replace(lz->result, i, tuple_item(pool, 0));
      } else {
        tuple_replace(lz->result, i, tuple_item(pool, indices[i]));
        break;
      }
    }
    if (i < 0) goto empty;
  }
  return new_ref(lz->result);
empty:
  lz->stopped = 1;
  return nullptr;
}

// --- combinations / combinations_with_replacement / permutations ----------------------------

struct combinations : Object {
  Object* pool;
  ssize* indices;
  ssize* cycles;  // permutations only
  Object* result;
  ssize r;
  int stopped;
};

void combinations_dealloc(Object* o) {
  auto* co = static_cast<combinations*>(o);
  gc::untrack(o);
  xdecref(co->pool);
  xdecref(co->result);
  gc::mem_free(co->indices);
  gc::mem_free(co->cycles);
  o->type->free(o);
}
int combinations_traverse(Object* o, visitproc visit, void* arg) {
  auto* co = static_cast<combinations*>(o);
  VISIT(co->pool);
  VISIT(co->result);
  return 0;
}

// The shared part of the three constructors: the pool and r. kind 0: combinations,
// 1: with replacement, 2: permutations.
Object* combinatoric_new(TypeObject* type, Object* args, Object* kwds, int kind) {
  static const char* const kw[] = {"iterable", "r", nullptr};
  const char* name = kind == 0 ? "combinations"
                     : kind == 1 ? "combinations_with_replacement"
                                 : "permutations";
  ArgParser p{name, kw, kind == 2 ? 1 : 2, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  ssize r = -1;
  if (kind == 2) {
    if (out[1] && out[1] != none()) {
      if (!long_check(out[1])) {
        errors::set_string(exc_TypeError, "Expected int as r");
        return nullptr;
      }
      r = long_as_ssize(out[1]);
      if (r == -1 && errors::occurred()) return nullptr;
    }
  } else if (!modules::ssize_converter(out[1], &r)) {
    return nullptr;
  }
  Ref<> pool = Ref<>::steal(sequence_tuple(out[0]));
  if (!pool) return nullptr;
  ssize n = tuple_size(pool.get());
  if (kind == 2 && r == -1 && !(out[1] && out[1] != none())) r = n;
  if (r < 0) {
    errors::set_string(exc_ValueError, "r must be non-negative");
    return nullptr;
  }
  ssize nidx = kind == 2 ? n : r;
  auto* indices = static_cast<ssize*>(gc::mem_malloc(sizeof(ssize) * size_t(nidx ? nidx : 1)));
  ssize* cycles = nullptr;
  if (kind == 2) cycles = static_cast<ssize*>(gc::mem_malloc(sizeof(ssize) * size_t(r ? r : 1)));
  if (!indices || (kind == 2 && !cycles)) {
    gc::mem_free(indices);
    gc::mem_free(cycles);
    return errors::no_memory();
  }
  for (ssize i = 0; i < nidx; i++) indices[i] = kind == 1 ? 0 : i;
  if (kind == 2)
    for (ssize i = 0; i < r; i++) cycles[i] = n - i;
  auto* co = alloc<combinations>(type);
  if (!co) {
    gc::mem_free(indices);
    gc::mem_free(cycles);
    return nullptr;
  }
  co->pool = pool.release();
  co->indices = indices;
  co->cycles = cycles;
  co->result = nullptr;
  co->r = r;
  co->stopped = kind == 1 ? (n == 0 && r > 0) : r > n;
  return co;
}

Object* combinations_new(TypeObject* t, Object* a, Object* k) { return combinatoric_new(t, a, k, 0); }
Object* cwr_new(TypeObject* t, Object* a, Object* k) { return combinatoric_new(t, a, k, 1); }
Object* permutations_new(TypeObject* t, Object* a, Object* k) { return combinatoric_new(t, a, k, 2); }

Object* combinations_next(Object* o) {
  auto* co = static_cast<combinations*>(o);
  Object* pool = co->pool;
  ssize* indices = co->indices;
  ssize n = tuple_size(pool);
  ssize r = co->r;
  if (co->stopped) return nullptr;
  if (!co->result) {
    co->result = tuple_new(r);
    if (!co->result) goto empty;
    for (ssize i = 0; i < r; i++) tuple_set_item(co->result, i, new_ref(tuple_item(pool, indices[i])));
  } else {
    if (!own_result(co->result, r)) goto empty;
    // The rightmost index not at its maximum (i + n - r).
    ssize i;
    for (i = r - 1; i >= 0 && indices[i] == i + n - r; i--) {
    }
    if (i < 0) goto empty;
    indices[i]++;
    for (ssize j = i + 1; j < r; j++) indices[j] = indices[j - 1] + 1;
    for (; i < r; i++) tuple_replace(co->result, i, tuple_item(pool, indices[i]));
  }
  return new_ref(co->result);
empty:
  co->stopped = 1;
  return nullptr;
}

Object* cwr_next(Object* o) {
  auto* co = static_cast<combinations*>(o);
  Object* pool = co->pool;
  ssize* indices = co->indices;
  ssize n = tuple_size(pool);
  ssize r = co->r;
  if (co->stopped) return nullptr;
  if (!co->result) {
    co->result = tuple_new(r);
    if (!co->result) goto empty;
    if (n > 0)
      for (ssize i = 0; i < r; i++) tuple_set_item(co->result, i, new_ref(tuple_item(pool, 0)));
  } else {
    if (!own_result(co->result, r)) goto empty;
    // The rightmost index not at its maximum (n - 1); it and all to its right move up.
    ssize i;
    for (i = r - 1; i >= 0 && indices[i] == n - 1; i--) {
    }
    if (i < 0) goto empty;
    ssize index = indices[i] + 1;
    Object* elem = tuple_item(pool, index);
    for (; i < r; i++) {
      indices[i] = index;
      tuple_replace(co->result, i, elem);
    }
  }
  return new_ref(co->result);
empty:
  co->stopped = 1;
  return nullptr;
}

Object* permutations_next(Object* o) {
  auto* po = static_cast<combinations*>(o);
  Object* pool = po->pool;
  ssize* indices = po->indices;
  ssize* cycles = po->cycles;
  ssize n = tuple_size(pool);
  ssize r = po->r;
  if (po->stopped) return nullptr;
  if (!po->result) {
    po->result = tuple_new(r);
    if (!po->result) goto empty;
    for (ssize i = 0; i < r; i++) tuple_set_item(po->result, i, new_ref(tuple_item(pool, indices[i])));
  } else {
    if (n == 0) goto empty;
    if (!own_result(po->result, r)) goto empty;
    // Decrement the rightmost cycle, moving left on a rollover.
    ssize i;
    for (i = r - 1; i >= 0; i--) {
      cycles[i] -= 1;
      if (cycles[i] == 0) {
        // indices[i:] = indices[i+1:] + indices[i:i+1]
        ssize index = indices[i];
        for (ssize j = i; j < n - 1; j++) indices[j] = indices[j + 1];
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        ssize j = cycles[i];
        ssize index = indices[i];
        indices[i] = indices[n - j];
        indices[n - j] = index;
        for (ssize k = i; k < r; k++) tuple_replace(po->result, k, tuple_item(pool, indices[k]));
        break;
      }
    }
    if (i < 0) goto empty;
  }
  return new_ref(po->result);
empty:
  po->stopped = 1;
  return nullptr;
}

// --- accumulate ----------------------------------------------------------------------------

struct accumulate : Object {
  Object* total;
  Object* it;
  Object* binop;
  Object* initial;
};
GC_FIELDS(accumulate, self->total, self->it, self->binop, self->initial)

Object* accumulate_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"iterable", "func", "initial", nullptr};
  ArgParser p{"accumulate", kw, 1, 2, 0};
  Object* out[3] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  Object* it = object_get_iter(out[0]);
  if (!it) return nullptr;
  auto* lz = alloc<accumulate>(type);
  if (!lz) {
    decref(it);
    return nullptr;
  }
  if (out[1] && out[1] != none()) lz->binop = new_ref(out[1]);
  lz->total = nullptr;
  lz->it = it;
  lz->initial = new_ref(out[2] ? out[2] : none());
  return lz;
}

Object* accumulate_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<accumulate*>(o);
  if (lz->initial != none()) {
    lz->total = lz->initial;
    lz->initial = new_ref(none());
    return new_ref(lz->total);
  }
  Object* val = lz->it->type->iternext(lz->it);
  if (!val) return nullptr;
  if (!lz->total) {
    lz->total = new_ref(val);
    return val;
  }
  Object* newtotal;
  if (!lz->binop) {
    newtotal = number_add(lz->total, val);
  } else {
    Object* stack[2] = {lz->total, val};
    newtotal = vectorcall(lz->binop, stack, 2, nullptr);
  }
  decref(val);
  if (!newtotal) return nullptr;
  xsetref(lz->total, new_ref(newtotal));
  return newtotal;
}

// --- compress ------------------------------------------------------------------------------

struct compress : Object {
  Object* data;
  Object* selectors;
};
GC_FIELDS(compress, self->data, self->selectors)

Object* compress_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"data", "selectors", nullptr};
  ArgParser p{"compress", kw, 2, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  Ref<> data = Ref<>::steal(object_get_iter(out[0]));
  if (!data) return nullptr;
  Ref<> selectors = Ref<>::steal(object_get_iter(out[1]));
  if (!selectors) return nullptr;
  auto* lz = alloc<compress>(type);
  if (!lz) return nullptr;
  lz->data = data.release();
  lz->selectors = selectors.release();
  return lz;
}

Object* compress_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<compress*>(o);
  iternextfunc datanext = lz->data->type->iternext;
  iternextfunc selectornext = lz->selectors->type->iternext;
  for (;;) {
    Object* datum = datanext(lz->data);
    if (!datum) return nullptr;
    Object* selector = selectornext(lz->selectors);
    if (!selector) {
      decref(datum);
      return nullptr;
    }
    int ok = object_is_true(selector);
    decref(selector);
    if (ok > 0) return datum;
    decref(datum);
    if (ok < 0) return nullptr;
  }
}

// --- filterfalse ---------------------------------------------------------------------------

struct filterfalse : Object {
  Object* func;
  Object* it;
};
GC_FIELDS(filterfalse, self->func, self->it)

Object* filterfalse_new(TypeObject* type, Object* args, Object* kwds) {
  return pred_iter_new<filterfalse>(type, &filterfalse_type, "filterfalse", args, kwds);
}

Object* filterfalse_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<filterfalse*>(o);
  iternextfunc iternext = lz->it->type->iternext;
  bool truth = lz->func == none() || lz->func == reinterpret_cast<Object*>(&bool_type);
  for (;;) {
    Object* item = iternext(lz->it);
    if (!item) return nullptr;
    int ok;
    if (truth) {
      ok = object_is_true(item);
    } else {
      Object* good = object_call_one_arg(lz->func, item);
      if (!good) {
        decref(item);
        return nullptr;
      }
      ok = object_is_true(good);
      decref(good);
    }
    if (ok == 0) return item;
    decref(item);
    if (ok < 0) return nullptr;
  }
}

// --- count ---------------------------------------------------------------------------------

struct count : Object {
  ssize cnt;       // the fast mode's counter; kSsizeMax in slow mode
  Object* long_cnt;  // null in fast mode
  Object* long_step;
};
GC_FIELDS(count, self->long_cnt, self->long_step)

Object* count_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"start", "step", nullptr};
  ArgParser p{"count", kw, 0, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  Object* long_cnt = out[0];
  Object* long_step = out[1];
  if ((long_cnt && !number_check(long_cnt)) || (long_step && !number_check(long_step))) {
    errors::set_string(exc_TypeError, "a number is required");
    return nullptr;
  }
  bool fast_mode = (!long_cnt || long_check(long_cnt)) && (!long_step || long_check(long_step));
  ssize cnt = 0;
  if (long_cnt) {
    if (fast_mode) {
      cnt = long_as_ssize(long_cnt);
      if (cnt == -1 && errors::occurred()) {
        errors::clear();
        fast_mode = false;
      }
    }
    long_cnt = new_ref(long_cnt);
  } else {
    long_cnt = long_from_long(0);
  }
  long_step = long_step ? new_ref(long_step) : long_from_long(1);
  // The fast mode counts by 1 only.
  if (fast_mode) {
    long step = long_as_long(long_step);
    if (step != 1) {
      fast_mode = false;
      if (step == -1 && errors::occurred()) errors::clear();
    }
  }
  if (fast_mode)
    clear(long_cnt);
  else
    cnt = kSsizeMax;
  auto* lz = alloc<count>(type);
  if (!lz) {
    xdecref(long_cnt);
    decref(long_step);
    return nullptr;
  }
  lz->cnt = cnt;
  lz->long_cnt = long_cnt;
  lz->long_step = long_step;
  return lz;
}

Object* count_nextlong(count* lz) {
  if (!lz->long_cnt) {
    // The fast counter reached its end: on in slow mode.
    lz->long_cnt = long_from_ssize(kSsizeMax);
    if (!lz->long_cnt) return nullptr;
  }
  Object* stepped_up = number_add(lz->long_cnt, lz->long_step);
  if (!stepped_up) return nullptr;
  Object* returnval = lz->long_cnt;
  lz->long_cnt = stepped_up;
  return returnval;
}

Object* count_next(Object* o) {
  auto* lz = static_cast<count*>(o);
  if (lz->cnt == kSsizeMax) return count_nextlong(lz);
  return long_from_ssize(lz->cnt++);
}

Object* count_repr(Object* o) {
  auto* lz = static_cast<count*>(o);
  const char* name = type_short_name(o->type);
  if (!lz->long_cnt) return str_from_format("%s(%zd)", name, lz->cnt);
  if (long_check(lz->long_step)) {
    long step = long_as_long(lz->long_step);
    if (step == -1 && errors::occurred()) errors::clear();
    if (step == 1) return str_from_format("%s(%R)", name, lz->long_cnt);
  }
  return str_from_format("%s(%R, %R)", name, lz->long_cnt, lz->long_step);
}

// --- repeat --------------------------------------------------------------------------------

struct repeat : Object {
  Object* element;
  ssize cnt;  // -1: forever
};
GC_FIELDS(repeat, self->element)

Object* repeat_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"object", "times", nullptr};
  ArgParser p{"repeat", kw, 1, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  ssize cnt = -1;
  if (out[1]) {
    if (!index_check(out[1])) {
      return errors::format(exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            out[1]->type->name);
    }
    cnt = number_as_ssize(out[1], exc_OverflowError);
    if (cnt == -1 && errors::occurred()) return nullptr;
    // Does not allow a negative count to mean forever.
    if (cnt < 0) cnt = 0;
  }
  auto* ro = alloc<repeat>(type);
  if (!ro) return nullptr;
  ro->element = new_ref(out[0]);
  ro->cnt = cnt;
  return ro;
}

Object* repeat_next(Object* o) {
  auto* ro = static_cast<repeat*>(o);
  if (ro->cnt == 0) return nullptr;
  if (ro->cnt > 0) ro->cnt--;
  return new_ref(ro->element);
}

Object* repeat_repr(Object* o) {
  auto* ro = static_cast<repeat*>(o);
  const char* name = type_short_name(o->type);
  if (ro->cnt == -1) return str_from_format("%s(%R)", name, ro->element);
  return str_from_format("%s(%R, %zd)", name, ro->element, ro->cnt);
}

Object* repeat_len(Object* o, Object*) {
  auto* ro = static_cast<repeat*>(o);
  if (ro->cnt == -1) {
    errors::set_string(exc_TypeError, "len() of unsized object");
    return nullptr;
  }
  return long_from_ssize(ro->cnt);
}

// --- zip_longest ---------------------------------------------------------------------------

struct ziplongest : Object {
  ssize tuplesize;
  ssize numactive;
  Object** iters;  // null once exhausted
  Object* result;
  Object* fillvalue;
};

void ziplongest_dealloc(Object* o) {
  auto* lz = static_cast<ziplongest*>(o);
  gc::untrack(o);
  if (lz->iters) {
    for (ssize i = 0; i < lz->tuplesize; i++) xdecref(lz->iters[i]);
    gc::mem_free(lz->iters);
  }
  xdecref(lz->result);
  xdecref(lz->fillvalue);
  o->type->free(o);
}
int ziplongest_traverse(Object* o, visitproc visit, void* arg) {
  auto* lz = static_cast<ziplongest*>(o);
  if (lz->iters)
    for (ssize i = 0; i < lz->tuplesize; i++) VISIT(lz->iters[i]);
  VISIT(lz->result);
  VISIT(lz->fillvalue);
  return 0;
}

Object* ziplongest_new(TypeObject* type, Object* args, Object* kwds) {
  Object* fillvalue = none();
  if (kwds && dict_check_exact(kwds) && dict_size(kwds) > 0) {
    fillvalue = nullptr;
    if (dict_size(kwds) == 1) fillvalue = dict_get_item_string(kwds, "fillvalue");
    if (!fillvalue) {
      if (!errors::occurred())
        errors::set_string(exc_TypeError, "zip_longest() got an unexpected keyword argument");
      return nullptr;
    }
  }
  ssize tuplesize = tuple_size(args);
  auto** iters = static_cast<Object**>(gc::mem_malloc(sizeof(Object*) * size_t(tuplesize ? tuplesize : 1)));
  if (!iters) return errors::no_memory();
  for (ssize i = 0; i < tuplesize; i++) {
    iters[i] = object_get_iter(tuple_item(args, i));
    if (!iters[i]) {
      for (ssize j = 0; j < i; j++) decref(iters[j]);
      gc::mem_free(iters);
      return nullptr;
    }
  }
  Object* result = tuple_new(tuplesize);
  if (result)
    for (ssize i = 0; i < tuplesize; i++) tuple_set_item(result, i, new_ref(none()));
  auto* lz = result ? alloc<ziplongest>(type) : nullptr;
  if (!lz) {
    xdecref(result);
    for (ssize j = 0; j < tuplesize; j++) decref(iters[j]);
    gc::mem_free(iters);
    return nullptr;
  }
  lz->iters = iters;
  lz->tuplesize = tuplesize;
  lz->numactive = tuplesize;
  lz->result = result;
  lz->fillvalue = new_ref(fillvalue);
  return lz;
}

Object* ziplongest_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* lz = static_cast<ziplongest*>(o);
  ssize tuplesize = lz->tuplesize;
  if (tuplesize == 0 || lz->numactive == 0) return nullptr;
  Object* result = lz->result;
  bool reuse = result->refcnt == 1;
  if (reuse) {
    incref(result);
  } else {
    result = tuple_new(tuplesize);
    if (!result) return nullptr;
  }
  for (ssize i = 0; i < tuplesize; i++) {
    Object* it = lz->iters[i];
    Object* item;
    if (!it) {
      item = new_ref(lz->fillvalue);
    } else {
      item = iter_next(it);
      if (!item) {
        lz->numactive -= 1;
        if (lz->numactive == 0 || errors::occurred()) {
          lz->numactive = 0;
          decref(result);
          return nullptr;
        }
        item = new_ref(lz->fillvalue);
        lz->iters[i] = nullptr;
        decref(it);
      }
    }
    if (reuse) {
      Object* olditem = tuple_item(result, i);
      tuple_set_item(result, i, item);
      decref(olditem);
    } else {
      tuple_set_item(result, i, item);
    }
  }
  if (reuse && !gc::is_tracked(result)) gc::track(result);
  return result;
}

// --- pairwise ------------------------------------------------------------------------------

struct pairwise : Object {
  Object* it;
  Object* old;
  Object* result;
};
GC_FIELDS(pairwise, self->it, self->old, self->result)

Object* pairwise_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_kw(type, &pairwise_type, "pairwise", kwds)) return nullptr;
  if (!check_positional("pairwise", tuple_size(args), 1, 1)) return nullptr;
  Object* it = object_get_iter(tuple_item(args, 0));
  if (!it) return nullptr;
  Object* result = tuple_pack(2, none(), none());
  auto* po = result ? alloc<pairwise>(type) : nullptr;
  if (!po) {
    xdecref(result);
    decref(it);
    return nullptr;
  }
  po->it = it;
  po->old = nullptr;
  po->result = result;
  return po;
}

Object* pairwise_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* po = static_cast<pairwise*>(o);
  Object* it = po->it;
  Object* old = po->old;
  if (!it) return nullptr;
  if (!old) {
    old = it->type->iternext(it);
    xsetref(po->old, old);
    if (!old) {
      clear(po->it);
      return nullptr;
    }
    it = po->it;
    if (!it) {
      clear(po->old);
      return nullptr;
    }
  }
  incref(old);
  Object* nw = it->type->iternext(it);
  if (!nw) {
    clear(po->it);
    clear(po->old);
    decref(old);
    return nullptr;
  }
  Object* result = po->result;
  if (result->refcnt == 1) {
    incref(result);
    Object* last_old = tuple_item(result, 0);
    Object* last_new = tuple_item(result, 1);
    tuple_set_item(result, 0, new_ref(old));
    tuple_set_item(result, 1, new_ref(nw));
    decref(last_old);
    decref(last_new);
    if (!gc::is_tracked(result)) gc::track(result);
  } else {
    result = tuple_pack(2, old, nw);
  }
  xsetref(po->old, nw);
  decref(old);
  return result;
}

// --- batched -------------------------------------------------------------------------------

struct batched : Object {
  Object* it;
  ssize batch_size;
  bool strict;
};
GC_FIELDS(batched, self->it)

Object* batched_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"iterable", "n", "strict", nullptr};
  ArgParser p{"batched", kw, 2, 2, 0};
  Object* out[3] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return nullptr;
  ssize n;
  if (!modules::ssize_converter(out[1], &n)) return nullptr;
  int strict = 0;
  if (out[2]) {
    strict = object_is_true(out[2]);
    if (strict < 0) return nullptr;
  }
  if (n < 1) {
    errors::set_string(exc_ValueError, "n must be at least one");
    return nullptr;
  }
  Object* it = object_get_iter(out[0]);
  if (!it) return nullptr;
  auto* bo = alloc<batched>(type);
  if (!bo) {
    decref(it);
    return nullptr;
  }
  bo->batch_size = n;
  bo->it = it;
  bo->strict = strict != 0;
  return bo;
}

Object* batched_next(Object* o) {
  if (enter_recursive_call(" while iterating")) return nullptr;
  auto* bo = static_cast<batched*>(o);
  ssize n = bo->batch_size;
  Object* it = bo->it;
  if (!it) return nullptr;
  Object* result = tuple_new(n);
  if (!result) return nullptr;
  iternextfunc iternext = it->type->iternext;
  Object** items = tuple_items(result);
  ssize i;
  for (i = 0; i < n; i++) {
    Object* item = iternext(it);
    if (!item) break;
    items[i] = item;
  }
  if (i == n) return result;
  if (iter_error()) {
    clear(bo->it);
    decref(result);
    return nullptr;
  }
  if (i == 0) {
    clear(bo->it);
    decref(result);
    return nullptr;
  }
  if (bo->strict) {
    clear(bo->it);
    decref(result);
    errors::set_string(exc_ValueError, "batched(): incomplete batch");
    return nullptr;
  }
  if (tuple_resize(&result, i) < 0) return nullptr;
  return result;
}

// product_sizeof, combinations_sizeof, cwr_sizeof, permutations_sizeof: the object and its
// index arrays.
Object* product_sizeof(Object* o, Object*) {
  auto* lz = static_cast<product*>(o);
  return long_from_ssize(o->type->basicsize + tuple_size(lz->pools) * ssize(sizeof(ssize)));
}
Object* combinations_sizeof(Object* o, Object*) {
  auto* co = static_cast<combinations*>(o);
  return long_from_ssize(o->type->basicsize + co->r * ssize(sizeof(ssize)));
}
Object* permutations_sizeof(Object* o, Object*) {
  auto* po = static_cast<combinations*>(o);
  return long_from_ssize(o->type->basicsize +
                         (tuple_size(po->pool) + po->r) * ssize(sizeof(ssize)));
}

// --- tables --------------------------------------------------------------------------------

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef tee_methods[] = {
    {"__copy__", NOARGS(tee_copy), "Returns an independent iterator."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef chain_methods[] = {
    {"from_iterable", reinterpret_cast<void*>(chain_from_iterable), kMethO | kMethClass,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};
MethodDef repeat_methods[] = {
    {"__length_hint__", NOARGS(repeat_len), "Private method returning an estimate of len(list(it))."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef product_methods[] = {
    {"__sizeof__", NOARGS(product_sizeof), "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef combinations_methods[] = {
    {"__sizeof__", NOARGS(combinations_sizeof), "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef permutations_methods[] = {
    {"__sizeof__", NOARGS(permutations_sizeof), "Returns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef itertools_methods[] = {
    {"tee", FASTCALL(itertools_tee),
     "tee($module, iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."},
    {nullptr, nullptr, 0, nullptr}};

int itertools_exec(Object* m) {
  TypeObject* types[] = {&accumulate_type, &batched_type, &chain_type, &combinations_type,
                         &cwr_type, &compress_type, &count_type, &cycle_type, &dropwhile_type,
                         &filterfalse_type, &groupby_type, &grouper_type, &islice_type,
                         &pairwise_type, &permutations_type, &product_type, &repeat_type,
                         &starmap_type, &takewhile_type, &tee_type, &teedataobject_type,
                         &ziplongest_type};
  for (TypeObject* t : types) {
    // Every spec but _tee's lists Py_tp_getattro (objects/spec_types.h).
    if (t != &tee_type) type_mark_spec_slots(t);
    if (type_ready(t) < 0) return -1;
    if (module_add_object_ref(m, type_short_name(t), t) < 0) return -1;
  }
  return 0;
}

ModuleDef itertools_def = {
    "itertools",
    "Functional tools for creating and using iterators.\n\n"
    "Infinite iterators:\n"
    "count(start=0, step=1) --> start, start+step, start+2*step, ...\n"
    "cycle(p) --> p0, p1, ... plast, p0, p1, ...\n"
    "repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times\n\n"
    "Iterators terminating on the shortest input sequence:\n"
    "accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2\n"
    "batched(p, n) --> [p0, p1, ..., p_n-1], [p_n, p_n+1, ..., p_2n-1], ...\n"
    "chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...\n"
    "chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...\n"
    "compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...\n"
    "dropwhile(predicate, seq) --> seq[n], seq[n+1], starting when predicate fails\n"
    "groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)\n"
    "filterfalse(predicate, seq) --> elements of seq where predicate(elem) is False\n"
    "islice(seq, [start,] stop [, step]) --> elements from\n"
    "       seq[start:stop:step]\n"
    "pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...\n"
    "starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...\n"
    "tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n\n"
    "takewhile(predicate, seq) --> seq[0], seq[1], until predicate fails\n"
    "zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...\n\n"
    "Combinatoric generators:\n"
    "product(p, q, ... [repeat=1]) --> cartesian product\n"
    "permutations(p[, r])\n"
    "combinations(p, r)\n"
    "combinations_with_replacement(p, r)\n",
    itertools_methods, itertools_exec};

constexpr unsigned long kIterFlags = kTpflagsHaveGc | kTpflagsBasetype;

// An iterator type with the common slots.
TypeObject iter_type(const char* name, ssize size, destructor dealloc, traverseproc traverse,
                     iternextfunc next, newfunc new_, const char* doc,
                     unsigned long flags = kIterFlags) {
  TypeObject t = static_type(name, size, 0, flags);
  t.doc = doc;
  t.dealloc = dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = traverse;
  t.iter = object_self_iter;
  t.iternext = next;
  t.new_ = new_;
  return t;
}

#define ITER_TYPE(var, Struct, pyname, nextf, newf, doc, ...)                                   \
  TypeObject var##_type = [] {                                                                   \
    return iter_type("itertools." pyname, sizeof(Struct), Struct##_dealloc, Struct##_traverse, \
                     nextf, newf, doc __VA_OPT__(, ) __VA_ARGS__);                              \
  }();

}  // namespace

ITER_TYPE(groupby, groupby, "groupby", groupby_next, groupby_new,
          "groupby(iterable, key=None)\n--\n\n"
          "make an iterator that returns consecutive keys and groups from the iterable\n\n"
          "  iterable\n    Elements to divide into groups according to the key function.\n"
          "  key\n    A function for computing the group category for each element.\n"
          "    If the key function is not specified or is None, the element itself\n"
          "    is used for grouping.")
ITER_TYPE(grouper, grouper, "_grouper", grouper_next, grouper_new, nullptr, kTpflagsHaveGc)
ITER_TYPE(cycle, cycle, "cycle", cycle_next, cycle_new,
          "cycle(iterable, /)\n--\n\n"
          "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.")
ITER_TYPE(dropwhile, dropwhile, "dropwhile", dropwhile_next, dropwhile_new,
          "dropwhile(predicate, iterable, /)\n--\n\n"
          "Drop items from the iterable while predicate(item) is true.\n\n"
          "Afterwards, return every element until the iterable is exhausted.")
ITER_TYPE(takewhile, takewhile, "takewhile", takewhile_next, takewhile_new,
          "takewhile(predicate, iterable, /)\n--\n\n"
          "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.")
ITER_TYPE(islice, islice, "islice", islice_next, islice_new,
          "islice(iterable, stop) --> islice object\n"
          "islice(iterable, start, stop[, step]) --> islice object\n\n"
          "Return an iterator whose next() method returns selected values from an\n"
          "iterable.  If start is specified, will skip all preceding elements;\n"
          "otherwise, start defaults to zero.  Step defaults to one.  If\n"
          "specified as another value, step determines how many values are\n"
          "skipped between successive calls.  Works like a slice() on a list\n"
          "but returns an iterator.")
ITER_TYPE(starmap, starmap, "starmap", starmap_next, starmap_new,
          "starmap(function, iterable, /)\n--\n\n"
          "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.")
TypeObject product_type = [] {
  TypeObject t = iter_type("itertools.product", sizeof(product), product_dealloc,
                           product_traverse, product_next, product_new,
          "product(*iterables, repeat=1)\n--\n\n"
          "Cartesian product of input iterables.  Equivalent to nested for-loops.\n\n"
          "For example, product(A, B) returns the same as:  ((x,y) for x in A for y in B).\n"
          "The leftmost iterators are in the outermost for-loop, so the output tuples\n"
          "cycle in a manner similar to an odometer (with the rightmost element changing\n"
          "on every iteration).\n\n"
          "To compute the product of an iterable with itself, specify the number\n"
          "of repetitions with the optional repeat keyword argument. For example,\n"
          "product(A, repeat=4) means the same as product(A, A, A, A).\n\n"
          "product('ab', range(3)) --> ('a',0) ('a',1) ('a',2) ('b',0) ('b',1) ('b',2)\n"
          "product((0,1), (0,1), (0,1)) --> (0,0,0) (0,0,1) (0,1,0) (0,1,1) (1,0,0) ...");
  t.methods = product_methods;
  return t;
}();
TypeObject combinations_type = [] {
  TypeObject t = iter_type("itertools.combinations", sizeof(combinations), combinations_dealloc,
                           combinations_traverse, combinations_next, combinations_new,
          "combinations(iterable, r)\n--\n\n"
          "Return successive r-length combinations of elements in the iterable.\n\n"
          "combinations(range(4), 3) --> (0,1,2), (0,1,3), (0,2,3), (1,2,3)");
  t.methods = combinations_methods;
  return t;
}();
TypeObject cwr_type = [] {
  TypeObject t = iter_type("itertools.combinations_with_replacement", sizeof(combinations), combinations_dealloc,
                           combinations_traverse, cwr_next, cwr_new,
          "combinations_with_replacement(iterable, r)\n--\n\n"
          "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats.\n\n"
          "combinations_with_replacement('ABC', 2) --> ('A','A'), ('A','B'), ('A','C'), ('B','B'), ('B','C'), ('C','C')");
  t.methods = combinations_methods;
  return t;
}();
TypeObject permutations_type = [] {
  TypeObject t = iter_type("itertools.permutations", sizeof(combinations), combinations_dealloc,
                           combinations_traverse, permutations_next, permutations_new,
          "permutations(iterable, r=None)\n--\n\n"
          "Return successive r-length permutations of elements in the iterable.\n\n"
          "permutations(range(3), 2) --> (0,1), (0,2), (1,0), (1,2), (2,0), (2,1)");
  t.methods = permutations_methods;
  return t;
}();
ITER_TYPE(accumulate, accumulate, "accumulate", accumulate_next, accumulate_new,
          "accumulate(iterable, func=None, *, initial=None)\n--\n\n"
          "Return series of accumulated sums (or other binary function results).")
ITER_TYPE(compress, compress, "compress", compress_next, compress_new,
          "compress(data, selectors)\n--\n\n"
          "Return data elements corresponding to true selector elements.\n\n"
          "Forms a shorter iterator from selected data elements using the selectors to\n"
          "choose the data elements.")
ITER_TYPE(filterfalse, filterfalse, "filterfalse", filterfalse_next, filterfalse_new,
          "filterfalse(function, iterable, /)\n--\n\n"
          "Return those items of iterable for which function(item) is false.\n\n"
          "If function is None, return the items that are false.")
ITER_TYPE(pairwise, pairwise, "pairwise", pairwise_next, pairwise_new,
          "pairwise(iterable, /)\n--\n\n"
          "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
          "    s -> (s0,s1), (s1,s2), (s2, s3), ...")
ITER_TYPE(batched, batched, "batched", batched_next, batched_new,
          "batched(iterable, n, *, strict=False)\n--\n\n"
          "Batch data into tuples of length n. The last batch may be shorter than n.\n\n"
          "Loops over the input iterable and accumulates data into tuples\n"
          "up to size n.  The input is consumed lazily, just enough to\n"
          "fill a batch.  The result is yielded as soon as a batch is full\n"
          "or when the input iterable is exhausted.\n\n"
          "    >>> for batch in batched('ABCDEFG', 3):\n"
          "    ...     print(batch)\n"
          "    ...\n"
          "    ('A', 'B', 'C')\n"
          "    ('D', 'E', 'F')\n"
          "    ('G',)\n\n"
          "If \"strict\" is True, raises a ValueError if the final batch is shorter\n"
          "than n.")

TypeObject chain_type = [] {
  TypeObject t = iter_type("itertools.chain", sizeof(chain), chain_dealloc, chain_traverse,
                           chain_next, chain_new,
                           "chain(*iterables)\n--\n\n"
                           "Return a chain object whose .__next__() method returns elements from the\n"
                           "first iterable until it is exhausted, then elements from the next\n"
                           "iterable, until all of the iterables are exhausted.");
  t.methods = chain_methods;
  return t;
}();

TypeObject count_type = [] {
  TypeObject t = iter_type("itertools.count", sizeof(count), count_dealloc, count_traverse,
                           count_next, count_new,
                           "count(start=0, step=1)\n--\n\n"
                           "Return a count object whose .__next__() method returns consecutive values.\n\n"
                           "Equivalent to:\n"
                           "    def count(firstval=0, step=1):\n"
                           "        x = firstval\n"
                           "        while 1:\n"
                           "            yield x\n"
                           "            x += step");
  t.repr = count_repr;
  return t;
}();

TypeObject repeat_type = [] {
  TypeObject t = iter_type("itertools.repeat", sizeof(repeat), repeat_dealloc, repeat_traverse,
                           repeat_next, repeat_new,
                           "repeat(object [,times]) -> create an iterator which returns the object\n"
                           "for the specified number of times.  If not specified, returns the object\n"
                           "endlessly.");
  t.repr = repeat_repr;
  t.methods = repeat_methods;
  return t;
}();

TypeObject ziplongest_type = [] {
  TypeObject t = iter_type("itertools.zip_longest", sizeof(ziplongest), ziplongest_dealloc,
                           ziplongest_traverse, ziplongest_next, ziplongest_new,
                           "zip_longest(*iterables, fillvalue=None)\n--\n\n"
                           "Return a zip_longest object whose .__next__() method returns a tuple where\n"
                           "the i-th element comes from the i-th iterable argument.  The .__next__()\n"
                           "method continues until the longest iterable in the argument sequence\n"
                           "is exhausted and then it raises StopIteration.  When the shorter iterables\n"
                           "are exhausted, the fillvalue is substituted in their place.  The fillvalue\n"
                           "defaults to None or can be specified by a keyword argument.");
  return t;
}();

TypeObject tee_type = [] {
  TypeObject t = iter_type("itertools._tee", sizeof(teeobject), tee_dealloc, tee_traverse,
                           tee_next, tee_new, "Iterator wrapped to make it copyable.",
                           kTpflagsHaveGc);
  t.clear = tee_clear;
  t.getattro = nullptr;  // inherited: unlike the other iterators, tee's spec names no getattro
  t.weaklistoffset = offsetof(teeobject, weakreflist);
  t.methods = tee_methods;
  return t;
}();

TypeObject teedataobject_type = [] {
  TypeObject t = static_type("itertools._tee_dataobject", sizeof(teedataobject), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation);
  t.doc = "Data container common to multiple tee objects.";
  t.dealloc = teedataobject_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = teedataobject_traverse;
  t.clear = teedataobject_clear;
  return t;
}();

ModuleDef* module_def() { return &itertools_def; }

}  // namespace cppy::modules::itertools
