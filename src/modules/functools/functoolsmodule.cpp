// The _functools module: Modules/_functoolsmodule.c.
#include "modules/functools/functoolsmodule.h"

#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "objects/weakrefobject.h"
#include "objects/spec_types.h"

// The member tables need offsetof on structs with a base (the object header).
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::modules::functools {

using namespace objects;

extern TypeObject placeholder_type;
extern TypeObject keyobject_type;
extern TypeObject lru_cache_type;
extern TypeObject lru_list_elem_type;

namespace {

// --- Placeholder ---------------------------------------------------------------------------

Object PlaceholderStruct = {kImmortalRefcnt, &placeholder_type};
inline Object* placeholder() { return &PlaceholderStruct; }

// placeholder_new: the singleton; no arguments.
Object* placeholder_new(TypeObject*, Object* args, Object* kwargs) {
  if (tuple_size(args) || (kwargs && dict_size(kwargs))) {
    errors::set_string(exc_TypeError, "PlaceholderType takes no arguments");
    return nullptr;
  }
  return new_ref(placeholder());
}
Object* placeholder_repr(Object*) { return str_from_cstr("Placeholder"); }
Object* placeholder_reduce(Object*, Object*) { return str_from_cstr("Placeholder"); }

// --- reduce --------------------------------------------------------------------------------

// functools_reduce_impl: folds with a two-item stack in place of the recycled args tuple.
Object* functools_reduce(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "", "initial", nullptr};
  ArgParser p{"reduce", kw, 2, 3, 0};
  Object* out[3] = {};
  if (kwnames || nargs < 2 || nargs > 3) {
    if (nargs < 2 && !kwnames) {
      return errors::format(exc_TypeError, "reduce() takes at least 2 positional arguments (%zd given)", nargs);
    }
    if (unpack_keywords(p, args, nargs, kwnames, out) < 0) return nullptr;
  } else {
    for (ssize i = 0; i < nargs; ++i) out[i] = args[i];
  }
  Object* func = out[0];
  Object* result = xnew_ref(out[2]);
  Object* it = object_get_iter(out[1]);
  if (!it) {
    if (errors::exception_matches(exc_TypeError))
      errors::set_string(exc_TypeError, "reduce() arg 2 must support iteration");
    xdecref(result);
    return nullptr;
  }
  iternextfunc next = it->type->iternext;
  for (;;) {
    Object* op2 = next(it);
    if (!op2) {
      if (errors::occurred()) {
        if (!errors::exception_matches(exc_StopIteration)) goto fail;
        errors::clear();
      }
      break;
    }
    if (!result) {
      result = op2;
    } else {
      Object* stack[2] = {result, op2};
      Object* r = vectorcall(func, stack, 2, nullptr);
      decref(result);
      decref(op2);
      result = r;
      if (!result) goto fail;
    }
  }
  decref(it);
  if (!result)
    errors::set_string(exc_TypeError, "reduce() of empty iterable with no initial value");
  return result;
fail:
  decref(it);
  xdecref(result);
  return nullptr;
}

// --- partial -------------------------------------------------------------------------------

struct Partial : Object {
  Object* fn;
  Object* args;  // tuple
  Object* kw;    // dict
  Object* dict;
  Object* weakreflist;
  Object* placeholder;
  ssize phcount;  // Placeholders among args
  vectorcallfunc vectorcall;
};

Object* partial_call(Object* self, Object* args, Object* kwargs);
Object* partial_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames);

inline bool is_partial(Object* o) { return o->type->call == partial_call; }

// partial_setvectorcall: the vectorcall path only when the wrapped callable has one.
void partial_setvectorcall(Partial* pto) {
  pto->vectorcall = vectorcall_function(pto->fn) ? partial_vectorcall : nullptr;
}

Object* partial_new(TypeObject* type, Object* args, Object* kw) {
  ssize nargs = tuple_size(args);
  if (nargs < 1) {
    errors::set_string(exc_TypeError, "type 'partial' takes at least one argument");
    return nullptr;
  }
  Object* func = tuple_item(args, 0);
  Object* pargs = nullptr;
  Object* pkw = nullptr;
  ssize pto_phcount = 0;
  if (is_partial(func)) {
    auto* part = static_cast<Partial*>(func);
    if (!part->dict) {
      pargs = part->args;
      pkw = part->kw;
      func = part->fn;
      pto_phcount = part->phcount;
    }
  }
  if (!callable_check(func)) {
    errors::set_string(exc_TypeError, "the first argument must be callable");
    return nullptr;
  }
  Object* phold = placeholder();
  if (nargs > 1 && tuple_item(args, nargs - 1) == phold) {
    errors::set_string(exc_TypeError, "trailing Placeholders are not allowed");
    return nullptr;
  }
  if (kw) {
    ssize pos = 0;
    Object *key, *val;
    while (dict_next(kw, &pos, &key, &val)) {
      if (val == phold) {
        errors::set_string(exc_TypeError, "Placeholder cannot be passed as a keyword argument");
        return nullptr;
      }
    }
  }
  Ref<> new_args = Ref<>::steal(tuple_get_slice(args, 1, nargs));
  if (!new_args) return nullptr;
  ssize new_nargs = nargs - 1;
  ssize phcount = 0;
  for (ssize i = 0; i < new_nargs; i++)
    if (tuple_item(new_args.get(), i) == phold) phcount++;

  auto* pto = static_cast<Partial*>(type->alloc(type, 0));
  if (!pto) return nullptr;
  pto->fn = new_ref(func);
  pto->placeholder = phold;
  if (pto_phcount > 0 && new_nargs > 0) {
    // The new arguments fill the Placeholders of func's arguments first.
    ssize npargs = tuple_size(pargs);
    ssize tot_nargs = npargs;
    if (new_nargs > pto_phcount) tot_nargs += new_nargs - pto_phcount;
    Object* tot_args = tuple_new(tot_nargs);
    if (!tot_args) {
      decref(pto);
      return nullptr;
    }
    for (ssize i = 0, j = 0; i < tot_nargs; i++) {
      Object* item;
      if (i < npargs) {
        item = tuple_item(pargs, i);
        if (j < new_nargs && item == phold) {
          item = tuple_item(new_args.get(), j);
          j++;
          pto_phcount--;
        }
      } else {
        item = tuple_item(new_args.get(), j);
        j++;
      }
      tuple_set_item(tot_args, i, new_ref(item));
    }
    pto->args = tot_args;
    pto->phcount = pto_phcount + phcount;
  } else if (!pargs) {
    pto->args = new_args.release();
    pto->phcount = phcount;
  } else {
    pto->args = sequence_concat(pargs, new_args.get());
    pto->phcount = pto_phcount + phcount;
    if (!pto->args) {
      decref(pto);
      return nullptr;
    }
  }
  if (!pkw || dict_size(pkw) == 0) {
    if (!kw)
      pto->kw = dict_new();
    else if (kw->refcnt == 1)
      pto->kw = new_ref(kw);
    else
      pto->kw = dict_copy(kw);
  } else {
    pto->kw = dict_copy(pkw);
    if (kw && pto->kw && dict_merge(pto->kw, kw, 1) != 0) {
      decref(pto);
      return nullptr;
    }
  }
  if (!pto->kw) {
    decref(pto);
    return nullptr;
  }
  partial_setvectorcall(pto);
  return pto;
}

int partial_clear(Object* o) {
  auto* p = static_cast<Partial*>(o);
  clear(p->fn);
  clear(p->args);
  clear(p->kw);
  clear(p->dict);
  return 0;
}
void partial_dealloc(Object* o) {
  gc::untrack(o);
  if (static_cast<Partial*>(o)->weakreflist) object_clear_weakrefs(o);
  partial_clear(o);
  o->type->free(o);
}
int partial_traverse(Object* o, visitproc visit, void* arg) {
  auto* p = static_cast<Partial*>(o);
  for (Object* x : {p->fn, p->args, p->kw, p->dict})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

// partial_descr_get: a partial in a class binds like a function (3.14).
Object* partial_descr_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == none()) return new_ref(self);
  return method_new(self, obj);
}

Object* missing_positionals(ssize expected, ssize got) {
  return errors::format(exc_TypeError,
                        "missing positional arguments in 'partial' call; "
                        "expected at least %zd, got %zd",
                        expected, got);
}

// Copies the positional arguments of a partial call to stack: the stored ones with their
// Placeholders filled from args, then the rest of args.
inline void partial_positionals(Partial* pto, Object** stack, Object* const* args, ssize nargs) {
  Object** pto_args = tuple_items(pto->args);
  ssize pto_nargs = tuple_size(pto->args);
  if (pto->phcount) {
    ssize j = 0;
    for (ssize i = 0; i < pto_nargs; i++)
      stack[i] = pto_args[i] == pto->placeholder ? args[j++] : pto_args[i];
    if (nargs > j) std::memcpy(stack + pto_nargs, args + j, size_t(nargs - j) * sizeof(Object*));
  } else {
    std::memcpy(stack, pto_args, size_t(pto_nargs) * sizeof(Object*));
    std::memcpy(stack + pto_nargs, args, size_t(nargs) * sizeof(Object*));
  }
}

// partial_vectorcall: the stored arguments and the new ones on one stack.
Object* partial_vectorcall(Object* self, Object* const* args, size_t nargsf, Object* kwnames) {
  auto* pto = static_cast<Partial*>(self);
  // Partials of partials recurse through C++: bounded by the stack check.
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  ssize nargs = vectorcall_nargs(nargsf);
  ssize pto_phcount = pto->phcount;
  if (nargs < pto_phcount) return missing_positionals(pto_phcount, nargs);
  Object** pto_args = tuple_items(pto->args);
  ssize pto_nargs = tuple_size(pto->args);
  ssize pto_nkwds = dict_size(pto->kw);
  ssize nkwds = kwnames ? tuple_size(kwnames) : 0;

  if (!pto_nkwds) {
    // Called without arguments: the stored ones as they are.
    if (nargs + nkwds == 0)
      return vectorcall(pto->fn, pto_args, static_cast<size_t>(pto_nargs), nullptr);
    // One stored argument goes in the caller's spare slot in front of args.
    if (pto_nargs == 1 && (nargsf & kVectorcallArgumentsOffset)) {
      Object** newargs = const_cast<Object**>(args) - 1;
      Object* tmp = newargs[0];
      newargs[0] = pto_args[0];
      Object* ret = vectorcall(pto->fn, newargs, static_cast<size_t>(nargs + 1), kwnames);
      newargs[0] = tmp;
      return ret;
    }
  }

  ssize tot_nargs = pto_nargs + nargs - pto_phcount;
  ssize tot_nkwds = pto_nkwds + nkwds;
  ssize tot_nargskw = tot_nargs + tot_nkwds;
  // Room for the new keyword names after the values while they are sorted out.
  ssize init_stack_size = tot_nargskw + (pto_nkwds ? nkwds : 0);
  Object* small_stack[16];
  Object** stack = small_stack;
  if (init_stack_size > 16) {
    stack = static_cast<Object**>(gc::mem_malloc(sizeof(Object*) * size_t(init_stack_size)));
    if (!stack) return errors::no_memory();
  }
  Object* ret = nullptr;
  if (!pto_nkwds) {
    if (nkwds) std::memcpy(stack + tot_nargs, args + nargs, size_t(nkwds) * sizeof(Object*));
    partial_positionals(pto, stack, args, nargs);
    ret = vectorcall(pto->fn, stack, static_cast<size_t>(tot_nargs), kwnames);
  } else {
    // [positionals, stored keywords (with the call's values for repeated names), the
    // call's other keywords]: repeated names update a copy of the stored dict.
    Object* pto_kw_merged = nullptr;
    Object* tot_kwnames = nullptr;
    ssize n_tail = 0;
    bool ok = true;
    for (ssize i = 0; i < nkwds && ok; ++i) {
      Object* key = tuple_item(kwnames, i);
      Object* val = args[nargs + i];
      int has = dict_contains(pto->kw, key);
      if (has < 0) {
        ok = false;
      } else if (has) {
        if (!pto_kw_merged) pto_kw_merged = dict_copy(pto->kw);
        ok = pto_kw_merged && dict_set_item(pto_kw_merged, key, val) == 0;
      } else {
        stack[tot_nargs + pto_nkwds + n_tail] = val;
        stack[tot_nargskw + n_tail] = key;
        n_tail++;
      }
    }
    if (ok) {
      ssize n_merges = nkwds - n_tail;
      tot_kwnames = tuple_new(tot_nkwds - n_merges);
      ok = tot_kwnames != nullptr;
      if (ok) {
        for (ssize i = 0; i < n_tail; ++i)
          tuple_set_item(tot_kwnames, pto_nkwds + i, new_ref(stack[tot_nargskw + i]));
        ssize pos = 0, i = 0;
        Object *key, *val;
        Object* keyword_dict = n_merges ? pto_kw_merged : pto->kw;
        while (dict_next(keyword_dict, &pos, &key, &val)) {
          tuple_set_item(tot_kwnames, i, new_ref(key));
          stack[tot_nargs + i] = val;
          i++;
        }
        partial_positionals(pto, stack, args, nargs);
        ret = vectorcall(pto->fn, stack, static_cast<size_t>(tot_nargs), tot_kwnames);
      }
    }
    xdecref(tot_kwnames);
    xdecref(pto_kw_merged);
  }
  if (stack != small_stack) gc::mem_free(stack);
  return ret;
}

// partial_call: the tuple/dict path for callables without vectorcall.
Object* partial_call(Object* self, Object* args, Object* kwargs) {
  auto* pto = static_cast<Partial*>(self);
  if (enter_recursive_call(" while calling a Python object")) return nullptr;
  ssize pto_phcount = pto->phcount;
  ssize num_args = tuple_size(args);
  if (num_args < pto_phcount) return missing_positionals(pto_phcount, num_args);
  Ref<> tot_kw;
  if (dict_size(pto->kw) == 0) {
    tot_kw = Ref<>::borrow(kwargs);
  } else {
    // A copy: a function taking **kwargs may modify the dict (bpo-27840, bpo-29318).
    tot_kw = Ref<>::steal(dict_copy(pto->kw));
    if (!tot_kw) return nullptr;
    if (kwargs && dict_merge(tot_kw.get(), kwargs, 1) != 0) return nullptr;
  }
  Ref<> tot_args;
  if (pto_phcount) {
    ssize pto_nargs = tuple_size(pto->args);
    ssize tot_nargs = pto_nargs + num_args - pto_phcount;
    tot_args = Ref<>::steal(tuple_new(tot_nargs));
    if (!tot_args) return nullptr;
    ssize j = 0;
    for (ssize i = 0; i < pto_nargs; i++) {
      Object* item = tuple_item(pto->args, i);
      if (item == pto->placeholder) item = tuple_item(args, j++);
      tuple_set_item(tot_args.get(), i, new_ref(item));
    }
    for (ssize i = pto_nargs; i < tot_nargs; i++)
      tuple_set_item(tot_args.get(), i, new_ref(tuple_item(args, j++)));
  } else {
    tot_args = Ref<>::steal(sequence_concat(pto->args, args));
    if (!tot_args) return nullptr;
  }
  return object_call(pto->fn, tot_args.get(), tot_kw.get());
}

// partial_repr: module.qualname(fn, args..., key=value...).
Object* partial_repr(Object* self) {
  auto* pto = static_cast<Partial*>(self);
  int status = object_print_repr_enter(self);
  if (status != 0) {
    if (status < 0) return nullptr;
    return str_from_cstr("...");
  }
  Object* result = nullptr;
  Ref<> fn = Ref<>::borrow(pto->fn);
  Ref<> args = Ref<>::borrow(pto->args);
  Ref<> kw = Ref<>::steal(dict_copy(pto->kw));
  if (kw) {
    StrWriter w;
    bool ok = true;
    ssize n = tuple_size(args.get());
    for (ssize i = 0; i < n && ok; i++) {
      Object* r = str_from_format(", %R", tuple_item(args.get(), i));
      ok = r && w.write_str(r) == 0;
      xdecref(r);
    }
    ssize pos = 0;
    Object *key, *value;
    while (ok && dict_next(kw.get(), &pos, &key, &value)) {
      incref(value);
      Object* r = str_from_format(", %S=%R", key, value);
      decref(value);
      ok = r && w.write_str(r) == 0;
      xdecref(r);
    }
    Ref<> arglist = Ref<>::steal(ok ? w.finish() : nullptr);
    if (arglist) {
      Ref<> mod = Ref<>::steal(type_get_module(self->type));
      Ref<> qualname = Ref<>::steal(type_get_qualname(self->type));
      if (mod && qualname)
        result = str_from_format("%S.%S(%R%U)", mod.get(), qualname.get(), fn.get(), arglist.get());
    }
  }
  object_print_repr_leave(self);
  return result;
}

Object* partial_reduce(Object* self, Object*) {
  auto* pto = static_cast<Partial*>(self);
  Ref<> fnargs = Ref<>::steal(tuple_pack(1, pto->fn));
  if (!fnargs) return nullptr;
  Ref<> state = Ref<>::steal(
      tuple_pack(4, pto->fn, pto->args, pto->kw, pto->dict ? pto->dict : none()));
  if (!state) return nullptr;
  return tuple_pack(3, self->type, fnargs.get(), state.get());
}

// partial_setstate.
Object* partial_setstate(Object* self, Object* state) {
  auto* pto = static_cast<Partial*>(self);
  if (!tuple_check(state) || tuple_size(state) != 4) {
    errors::set_string(exc_TypeError, "invalid partial state");
    return nullptr;
  }
  Object* fn = tuple_item(state, 0);
  Object* fnargs = tuple_item(state, 1);
  Object* kw = tuple_item(state, 2);
  Object* dict = tuple_item(state, 3);
  if (!callable_check(fn) || !tuple_check(fnargs) || (kw != none() && !dict_check(kw))) {
    errors::set_string(exc_TypeError, "invalid partial state");
    return nullptr;
  }
  ssize nargs = tuple_size(fnargs);
  if (nargs && tuple_item(fnargs, nargs - 1) == pto->placeholder) {
    errors::set_string(exc_TypeError, "trailing Placeholders are not allowed");
    return nullptr;
  }
  ssize phcount = 0;
  for (ssize i = 0; i < nargs - 1; i++)
    if (tuple_item(fnargs, i) == pto->placeholder) phcount++;
  fnargs = tuple_check_exact(fnargs) ? new_ref(fnargs) : sequence_tuple(fnargs);
  if (!fnargs) return nullptr;
  if (kw == none())
    kw = dict_new();
  else if (!dict_check_exact(kw))
    kw = dict_copy(kw);
  else
    kw = new_ref(kw);
  if (!kw) {
    decref(fnargs);
    return nullptr;
  }
  xsetref(pto->fn, new_ref(fn));
  xsetref(pto->args, fnargs);
  xsetref(pto->kw, kw);
  pto->phcount = phcount;
  xsetref(pto->dict, dict == none() ? nullptr : new_ref(dict));
  partial_setvectorcall(pto);
  return return_none();
}

// --- cmp_to_key ----------------------------------------------------------------------------

struct KeyObject : Object {
  Object* cmp;
  Object* object;
};

void keyobject_dealloc(Object* o) {
  auto* ko = static_cast<KeyObject*>(o);
  gc::untrack(o);
  xdecref(ko->cmp);
  xdecref(ko->object);
  o->type->free(o);
}
int keyobject_traverse(Object* o, visitproc visit, void* arg) {
  auto* ko = static_cast<KeyObject*>(o);
  for (Object* x : {ko->cmp, ko->object})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}
int keyobject_clear(Object* o) {
  auto* ko = static_cast<KeyObject*>(o);
  clear(ko->cmp);
  clear(ko->object);
  return 0;
}

Object* keyobject_make(Object* cmp, Object* object) {
  auto* ko = static_cast<KeyObject*>(gc::gc_malloc(sizeof(KeyObject)));
  if (!ko) return nullptr;
  ko->refcnt = 1;
  ko->type = &keyobject_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  ko->cmp = new_ref(cmp);
  ko->object = xnew_ref(object);
  gc::track(ko);
  return ko;
}

// keyobject_call: K(obj) wraps obj with the same comparison function.
Object* keyobject_call(Object* self, Object* args, Object* kwds) {
  static const char* const kw[] = {"obj", nullptr};
  ArgParser p{"K", kw, 1, 1, 0};
  Object* obj = nullptr;
  // PyArg_ParseTupleAndKeywords's wording ("O:K").
  ssize given = tuple_size(args) + (kwds ? dict_size(kwds) : 0);
  if (given > 1)
    return errors::format(exc_TypeError, "K() takes at most 1 argument (%zd given)", given);
  if (unpack_keywords_tuple(p, args, kwds, &obj) < 0) return nullptr;
  return keyobject_make(static_cast<KeyObject*>(self)->cmp, obj);
}

// keyobject_richcompare: cmp(x, y) compared with 0 by op.
Object* keyobject_richcompare(Object* ko, Object* other, int op) {
  if (other->type != ko->type) {
    errors::set_string(exc_TypeError, "other argument must be K instance");
    return nullptr;
  }
  Object* compare = static_cast<KeyObject*>(ko)->cmp;
  Object* x = static_cast<KeyObject*>(ko)->object;
  Object* y = static_cast<KeyObject*>(other)->object;
  if (!x || !y) {
    errors::set_string(exc_AttributeError, "object");
    return nullptr;
  }
  Object* stack[2] = {x, y};
  Object* res = vectorcall(compare, stack, 2, nullptr);
  if (!res) return nullptr;
  Object* zero = long_from_long(0);
  Object* answer = object_rich_compare(res, zero, op);
  decref(zero);
  decref(res);
  return answer;
}

Object* functools_cmp_to_key(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"mycmp", nullptr};
  ArgParser p{"cmp_to_key", kw, 1, 1, 0};
  Object* mycmp = nullptr;
  if (kwnames || nargs != 1) {
    if (unpack_keywords(p, args, nargs, kwnames, &mycmp) < 0) return nullptr;
  } else {
    mycmp = args[0];
  }
  return keyobject_make(mycmp, nullptr);
}

MemberDef keyobject_members[] = {
    {"obj", kMemberObject, offsetof(KeyObject, object), 0, "Value wrapped by a key function."},
    {nullptr, 0, 0, 0, nullptr}};

// keyobject_text_signature: inspect.signature() of a key wrapper is (obj).
Object* keyobject_text_signature(Object*, void*) { return str_from_cstr("(obj)"); }

GetSetDef keyobject_getset[] = {
    {"__text_signature__", keyobject_text_signature, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// --- _lru_cache_wrapper --------------------------------------------------------------------

struct LruListElem : Object {
  LruListElem* prev;
  LruListElem* next;  // borrowed: the cache dict owns the links
  hash_t hash;
  Object* key;
  Object* result;
};

struct LruCache;
using LruWrapper = Object* (*)(LruCache*, Object*, Object*);

struct LruCache : Object {
  LruListElem root;  // the sentinel of the circular list; never a live object
  LruWrapper wrapper;
  int typed;
  Object* cache;
  Object* func;
  ssize maxsize;
  ssize hits;
  ssize misses;
  Object* kwd_mark;
  Object* cache_info_type;
  Object* dict;
  Object* weakreflist;
};

Object* kwd_mark_object = nullptr;  // the module's kwd_mark: an object() instance

void lru_list_elem_dealloc(Object* o) {
  auto* link = static_cast<LruListElem*>(o);
  xdecref(link->key);
  xdecref(link->result);
  gc::object_free(o);
}

// lru_cache_make_key: _make_key of functools.py.
Object* lru_cache_make_key(Object* kwd_mark, Object* args, Object* kwds, int typed) {
  ssize kwds_size = kwds ? dict_size(kwds) : 0;
  ssize nargs = tuple_size(args);
  if (!typed && !kwds_size) {
    // One str or int argument is its own key.
    if (nargs == 1) {
      Object* key = tuple_item(args, 0);
      if (str_check_exact(key) || long_check_exact(key)) return new_ref(key);
    }
    return new_ref(args);
  }
  ssize key_size = nargs;
  if (kwds_size) key_size += kwds_size * 2 + 1;
  if (typed) key_size += nargs + kwds_size;
  Object* key = tuple_new(key_size);
  if (!key) return nullptr;
  ssize key_pos = 0;
  for (ssize pos = 0; pos < nargs; ++pos) tuple_set_item(key, key_pos++, new_ref(tuple_item(args, pos)));
  Object *keyword, *value;
  if (kwds_size) {
    tuple_set_item(key, key_pos++, new_ref(kwd_mark));
    for (ssize pos = 0; dict_next(kwds, &pos, &keyword, &value);) {
      tuple_set_item(key, key_pos++, new_ref(keyword));
      tuple_set_item(key, key_pos++, new_ref(value));
    }
  }
  if (typed) {
    for (ssize pos = 0; pos < nargs; ++pos)
      tuple_set_item(key, key_pos++, new_ref<Object>(tuple_item(args, pos)->type));
    if (kwds_size)
      for (ssize pos = 0; dict_next(kwds, &pos, &keyword, &value);)
        tuple_set_item(key, key_pos++, new_ref<Object>(value->type));
  }
  return key;
}

Object* uncached_lru_cache_wrapper(LruCache* self, Object* args, Object* kwds) {
  self->misses++;
  return object_call(self->func, args, kwds);
}

Object* infinite_lru_cache_wrapper(LruCache* self, Object* args, Object* kwds) {
  Object* key = lru_cache_make_key(self->kwd_mark, args, kwds, self->typed);
  if (!key) return nullptr;
  hash_t hash = object_hash(key);
  if (hash == -1) {
    decref(key);
    return nullptr;
  }
  Object* result = dict_get_item_known_hash(self->cache, key, hash);
  if (result) {
    incref(result);
    self->hits++;
    decref(key);
    return result;
  }
  if (errors::occurred()) {
    decref(key);
    return nullptr;
  }
  self->misses++;
  result = object_call(self->func, args, kwds);
  if (!result) {
    decref(key);
    return nullptr;
  }
  if (dict_set_item_known_hash(self->cache, key, result, hash) < 0) {
    decref(result);
    decref(key);
    return nullptr;
  }
  decref(key);
  return result;
}

void lru_cache_extract_link(LruListElem* link) {
  LruListElem* link_prev = link->prev;
  LruListElem* link_next = link->next;
  link_prev->next = link->next;
  link_next->prev = link->prev;
}
void lru_cache_append_link(LruCache* self, LruListElem* link) {
  LruListElem* root = &self->root;
  LruListElem* last = root->prev;
  last->next = root->prev = link;
  link->prev = last;
  link->next = root;
}
void lru_cache_prepend_link(LruCache* self, LruListElem* link) {
  LruListElem* root = &self->root;
  LruListElem* first = root->next;
  first->prev = root->next = link;
  link->prev = root;
  link->next = first;
}

// bounded_lru_cache_wrapper: hits move their link to the most recent end; when the cache
// is full, the oldest link is reused for the new key.
Object* bounded_lru_cache_wrapper(LruCache* self, Object* args, Object* kwds) {
  Object* key = lru_cache_make_key(self->kwd_mark, args, kwds, self->typed);
  if (!key) return nullptr;
  hash_t hash = object_hash(key);
  if (hash == -1) {
    decref(key);
    return nullptr;
  }
  auto* link = static_cast<LruListElem*>(dict_get_item_known_hash(self->cache, key, hash));
  if (link) {
    lru_cache_extract_link(link);
    lru_cache_append_link(self, link);
    Object* result = link->result;
    self->hits++;
    incref(result);
    decref(key);
    return result;
  }
  if (errors::occurred()) {
    decref(key);
    return nullptr;
  }
  self->misses++;
  Object* result = object_call(self->func, args, kwds);
  if (!result) {
    decref(key);
    return nullptr;
  }
  Object* testresult = dict_get_item_known_hash(self->cache, key, hash);
  if (testresult) {
    // The call itself added this key: the links are already up to date.
    decref(key);
    return result;
  }
  if (errors::occurred()) {
    decref(key);
    decref(result);
    return nullptr;
  }
  if (dict_size(self->cache) < self->maxsize || self->root.next == &self->root) {
    // Not full: a new link.
    link = static_cast<LruListElem*>(gc::object_malloc(sizeof(LruListElem)));
    if (!link) {
      decref(key);
      decref(result);
      return errors::no_memory();
    }
    link->refcnt = 1;
    link->type = &lru_list_elem_type;
#ifdef CPPY_DEBUG
    ++total_refcount;
#endif
    link->hash = hash;
    link->key = key;
    link->result = result;
    link->prev = link->next = nullptr;
    if (dict_set_item_known_hash(self->cache, key, link, hash) < 0) {
      decref(link);
      return nullptr;
    }
    decref(link);  // the cache dict holds it
    lru_cache_append_link(self, link);
    return new_ref(result);
  }
  // Full: evict the oldest link and reuse it.
  link = self->root.next;
  lru_cache_extract_link(link);
  incref(link);
  Object* popresult = nullptr;
  int res = dict_pop(self->cache, link->key, &popresult);
  if (res < 0) {
    lru_cache_prepend_link(self, link);
    decref(link);
    decref(key);
    decref(result);
    return nullptr;
  }
  if (res == 0) {
    // The call removed the old key already: the link is an orphan and stays out.
    decref(link);
    decref(key);
    return result;
  }
  Object* oldkey = link->key;
  Object* oldresult = link->result;
  link->hash = hash;
  link->key = key;
  link->result = result;
  // Into the dict before the list, so a re-entrant __eq__ never walks a half-set link.
  if (dict_set_item_known_hash(self->cache, key, link, hash) < 0) {
    decref(popresult);
    decref(link);
    decref(oldkey);
    decref(oldresult);
    return nullptr;
  }
  lru_cache_append_link(self, link);
  incref(result);
  decref(popresult);  // the dict's old reference to the link
  decref(link);
  decref(oldkey);
  decref(oldresult);
  return result;
}

Object* lru_cache_new(TypeObject* type, Object* args, Object* kw) {
  static const char* const kwlist[] = {"user_function", "maxsize", "typed", "cache_info_type",
                                       nullptr};
  ArgParser p{"lru_cache", kwlist, 4, 4, 0};
  Object* out[4] = {};
  if (unpack_keywords_tuple(p, args, kw, out) < 0) return nullptr;
  Object* func = out[0];
  Object* maxsize_O = out[1];
  int typed = object_is_true(out[2]);
  if (typed < 0) return nullptr;
  if (!callable_check(func)) {
    errors::set_string(exc_TypeError, "the first argument must be callable");
    return nullptr;
  }
  LruWrapper wrapper;
  ssize maxsize;
  if (maxsize_O == none()) {
    wrapper = infinite_lru_cache_wrapper;
    maxsize = -1;
  } else if (index_check(maxsize_O)) {
    maxsize = number_as_ssize(maxsize_O, exc_OverflowError);
    if (maxsize == -1 && errors::occurred()) return nullptr;
    if (maxsize < 0) maxsize = 0;
    wrapper = maxsize == 0 ? uncached_lru_cache_wrapper : bounded_lru_cache_wrapper;
  } else {
    errors::set_string(exc_TypeError, "maxsize should be integer or None");
    return nullptr;
  }
  Object* cachedict = dict_new();
  if (!cachedict) return nullptr;
  auto* obj = static_cast<LruCache*>(type->alloc(type, 0));
  if (!obj) {
    decref(cachedict);
    return nullptr;
  }
  obj->root.prev = &obj->root;
  obj->root.next = &obj->root;
  obj->wrapper = wrapper;
  obj->typed = typed;
  obj->cache = cachedict;
  obj->func = new_ref(func);
  obj->misses = obj->hits = 0;
  obj->maxsize = maxsize;
  obj->kwd_mark = new_ref(kwd_mark_object);
  obj->cache_info_type = new_ref(out[3]);
  obj->dict = nullptr;
  obj->weakreflist = nullptr;
  return obj;
}

// lru_cache_unlink_list: detaches the list (the dict still owns the links).
void lru_cache_clear_list(LruCache* self) {
  self->root.next = self->root.prev = &self->root;
}

int lru_cache_tp_clear(Object* o) {
  auto* self = static_cast<LruCache*>(o);
  lru_cache_clear_list(self);
  clear(self->cache);
  clear(self->func);
  clear(self->kwd_mark);
  clear(self->cache_info_type);
  clear(self->dict);
  return 0;
}
void lru_cache_dealloc(Object* o) {
  gc::untrack(o);
  if (static_cast<LruCache*>(o)->weakreflist) object_clear_weakrefs(o);
  lru_cache_tp_clear(o);
  o->type->free(o);
}
int lru_cache_traverse(Object* o, visitproc visit, void* arg) {
  auto* self = static_cast<LruCache*>(o);
  // The links are not GC objects: visit what they hold through the list.
  for (LruListElem* link = self->root.next; link != &self->root; link = link->next) {
    if (int r = visit(link->result, arg)) return r;
  }
  for (Object* x : {self->cache, self->func, self->kwd_mark, self->cache_info_type, self->dict})
    if (x)
      if (int r = visit(x, arg)) return r;
  return 0;
}

Object* lru_cache_call(Object* self, Object* args, Object* kwds) {
  auto* lc = static_cast<LruCache*>(self);
  return lc->wrapper(lc, args, kwds);
}

Object* lru_cache_descr_get(Object* self, Object* obj, Object*) {
  if (!obj || obj == none()) return new_ref(self);
  return method_new(self, obj);
}

Object* lru_cache_cache_info(Object* o, Object*) {
  auto* self = static_cast<LruCache*>(o);
  Object* hits = long_from_ssize(self->hits);
  Object* misses = long_from_ssize(self->misses);
  Object* maxsize = self->maxsize == -1 ? new_ref(none()) : long_from_ssize(self->maxsize);
  Object* currsize = long_from_ssize(dict_size(self->cache));
  Object* r = nullptr;
  if (hits && misses && maxsize && currsize)
    r = object_call_function_obj_args(self->cache_info_type, hits, misses, maxsize, currsize,
                                      nullptr);
  xdecref(hits);
  xdecref(misses);
  xdecref(maxsize);
  xdecref(currsize);
  return r;
}

Object* lru_cache_cache_clear(Object* o, Object*) {
  auto* self = static_cast<LruCache*>(o);
  self->hits = self->misses = 0;
  lru_cache_clear_list(self);
  if (self->cache) dict_clear(self->cache);
  return return_none();
}

Object* lru_cache_reduce(Object* self, Object*) { return object_getattr_string(self, "__qualname__"); }
Object* lru_cache_copy(Object* self, Object*) { return new_ref(self); }
Object* lru_cache_deepcopy(Object* self, Object*) { return new_ref(self); }

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

MethodDef placeholder_methods[] = {
    {"__reduce__", NOARGS(placeholder_reduce), nullptr},
    {nullptr, nullptr, 0, nullptr}};

MethodDef partial_methods[] = {
    {"__reduce__", NOARGS(partial_reduce), nullptr},
    {"__setstate__", METH_O(partial_setstate), nullptr},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef partial_members[] = {
    {"func", kMemberObject, offsetof(Partial, fn), kMemberReadonly,
     "function object to use in future partial calls"},
    {"args", kMemberObject, offsetof(Partial, args), kMemberReadonly,
     "tuple of arguments to future partial calls"},
    {"keywords", kMemberObject, offsetof(Partial, kw), kMemberReadonly,
     "dictionary of keyword arguments to future partial calls"},
    {"__vectorcalloffset__", kMemberSsize, offsetof(Partial, vectorcall), kMemberReadonly, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef partial_getset[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef lru_cache_methods[] = {
    {"cache_info", NOARGS(lru_cache_cache_info), "Report cache statistics"},
    {"cache_clear", NOARGS(lru_cache_cache_clear), "Clear the cache and cache statistics"},
    {"__reduce__", NOARGS(lru_cache_reduce), nullptr},
    {"__copy__", NOARGS(lru_cache_copy), nullptr},
    {"__deepcopy__", METH_O(lru_cache_deepcopy), nullptr},
    {nullptr, nullptr, 0, nullptr}};


GetSetDef lru_cache_getset[] = {
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef functools_methods[] = {
    {"reduce", FASTCALL_KW(functools_reduce),
     "reduce($module, function, iterable, /, initial=<unrepresentable>)\n--\n\n"
     "Apply a function of two arguments cumulatively to the items of an iterable, from left to right.\n\n"
     "This effectively reduces the iterable to a single value.  If initial is present,\n"
     "it is placed before the items of the iterable in the calculation, and serves as\n"
     "a default when the iterable is empty.\n\n"
     "For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5])\n"
     "calculates ((((1 + 2) + 3) + 4) + 5)."},
    {"cmp_to_key", FASTCALL_KW(functools_cmp_to_key),
     "cmp_to_key($module, /, mycmp)\n--\n\nConvert a cmp= function into a key= function.\n\n"
     "  mycmp\n    Function that compares two objects."},
    {nullptr, nullptr, 0, nullptr}};

int functools_exec(Object* m) {
  type_mark_spec_slots(&partial_type);  // Py_tp_getattro/setattro (objects/spec_types.h)
  for (TypeObject* t : {&placeholder_type, &partial_type, &keyobject_type, &lru_cache_type,
                        &lru_list_elem_type})
    if (type_ready(t) < 0) return -1;
  if (!kwd_mark_object) {
    kwd_mark_object = object_call_no_args(reinterpret_cast<Object*>(&BaseObject_Type));
    if (!kwd_mark_object) return -1;
  }
  if (module_add_object_ref(m, "_PlaceholderType", &placeholder_type) < 0 ||
      module_add_object_ref(m, "Placeholder", placeholder()) < 0 ||
      module_add_object_ref(m, "partial", &partial_type) < 0 ||
      module_add_object_ref(m, "_lru_cache_wrapper", &lru_cache_type) < 0)
    return -1;
  return 0;
}

ModuleDef functools_def = {"_functools", "Tools that operate on functions.", functools_methods,
                           functools_exec};

}  // namespace

TypeObject placeholder_type = [] {
  TypeObject t = static_type("functools._PlaceholderType", sizeof(Object), 0);
  t.doc =
      "The type of the Placeholder singleton.\n\n"
      "Used as a placeholder for partial arguments.";
  t.repr = placeholder_repr;
  t.methods = placeholder_methods;
  t.new_ = placeholder_new;
  return t;
}();

TypeObject partial_type = [] {
  TypeObject t = static_type("functools.partial", sizeof(Partial), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsHaveVectorcall);
  t.doc =
      "partial(func, /, *args, **keywords)\n--\n\n"
      "Create a new function with partial application of the given arguments\n"
      "and keywords.";
  t.dealloc = partial_dealloc;
  t.vectorcall_offset = offsetof(Partial, vectorcall);
  t.repr = partial_repr;
  t.call = partial_call;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = partial_traverse;
  t.clear = partial_clear;
  t.weaklistoffset = offsetof(Partial, weakreflist);
  t.methods = partial_methods;
  t.members = partial_members;
  t.getset = partial_getset;
  t.descr_get = partial_descr_get;
  t.dictoffset = offsetof(Partial, dict);
  t.new_ = partial_new;
  return t;
}();

TypeObject keyobject_type = [] {
  TypeObject t = static_type("functools.KeyWrapper", sizeof(KeyObject), 0,
                             kTpflagsHaveGc | kTpflagsDisallowInstantiation);
  t.dealloc = keyobject_dealloc;
  t.call = keyobject_call;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = keyobject_traverse;
  t.clear = keyobject_clear;
  t.richcompare = keyobject_richcompare;
  t.members = keyobject_members;
  t.getset = keyobject_getset;
  return t;
}();

TypeObject lru_list_elem_type = [] {
  TypeObject t = static_type("functools._lru_list_elem", sizeof(LruListElem), 0,
                             kTpflagsDisallowInstantiation);
  t.dealloc = lru_list_elem_dealloc;
  return t;
}();

TypeObject lru_cache_type = [] {
  TypeObject t = static_type("functools._lru_cache_wrapper", sizeof(LruCache), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsMethodDescriptor);
  t.doc =
      "Create a cached callable that wraps another function.\n\n"
      "user_function:      the function being cached\n\n"
      "maxsize:  0         for no caching\n"
      "          None      for unlimited cache size\n"
      "          n         for a bounded cache\n\n"
      "typed:    False     cache f(3) and f(3.0) as identical calls\n"
      "          True      cache f(3) and f(3.0) as distinct calls\n\n"
      "cache_info_type:    namedtuple class with the fields:\n"
      "                        hits misses currsize maxsize\n";
  t.dealloc = lru_cache_dealloc;
  t.call = lru_cache_call;
  t.traverse = lru_cache_traverse;
  t.clear = lru_cache_tp_clear;
  t.weaklistoffset = offsetof(LruCache, weakreflist);
  t.methods = lru_cache_methods;
  t.getset = lru_cache_getset;
  t.descr_get = lru_cache_descr_get;
  t.dictoffset = offsetof(LruCache, dict);
  t.new_ = lru_cache_new;
  return t;
}();

ModuleDef* module_def() { return &functools_def; }

}  // namespace cppy::modules::functools
