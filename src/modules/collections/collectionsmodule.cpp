// The _collections module: Modules/_collectionsmodule.c.
#include "modules/collections/collectionsmodule.h"

#include <climits>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/argconv.h"
#include "objects/genericaliasobject.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/odictobject.h"
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

namespace cppy::modules::collections {

using namespace objects;

extern TypeObject deque_type, dequeiter_type, dequereviter_type, defdict_type, tuplegetter_type;

namespace {

// --- deque ---------------------------------------------------------------------------------

// BLOCKLEN slots per block; a block plus its two links is 66 pointers. An empty deque
// points its indices at the CENTER of its block so appends on either side need no block.
constexpr ssize kBlockLen = 64;
constexpr ssize kCenter = (kBlockLen - 1) / 2;
constexpr int kMaxFreeBlocks = 16;

struct Block {
  Block* leftlink;
  Object* data[kBlockLen];
  Block* rightlink;
};

struct Deque : VarObject {
  Block* leftblock;
  Block* rightblock;
  ssize leftindex;   // 0 <= leftindex < kBlockLen
  ssize rightindex;  // 0 <= rightindex < kBlockLen
  size_t state;      // incremented by every mutation, checked by iterators
  ssize maxlen;      // -1: unbounded
  ssize numfreeblocks;
  Block* freeblocks[kMaxFreeBlocks];
  Object* weakreflist;
};

inline Deque* dq(Object* o) { return static_cast<Deque*>(o); }
inline ssize dsize(Deque* d) { return d->size; }

Block* newblock(Deque* deque) {
  if (deque->numfreeblocks) {
    deque->numfreeblocks--;
    return deque->freeblocks[deque->numfreeblocks];
  }
  auto* b = static_cast<Block*>(gc::mem_malloc(sizeof(Block)));
  if (!b) errors::no_memory();
  return b;
}

void freeblock(Deque* deque, Block* b) {
  if (deque->numfreeblocks < kMaxFreeBlocks) {
    deque->freeblocks[deque->numfreeblocks] = b;
    deque->numfreeblocks++;
  } else {
    gc::mem_free(b);
  }
}

// NEEDS_TRIM: maxlen -1 compares as the largest size_t.
inline bool needs_trim(Deque* d, ssize maxlen) {
  return static_cast<size_t>(maxlen) < static_cast<size_t>(dsize(d));
}

Object* deque_new(TypeObject* type, Object*, Object*) {
  auto* deque = static_cast<Deque*>(type->alloc(type, 0));
  if (!deque) return nullptr;
  Block* b = newblock(deque);
  if (!b) {
    decref(deque);
    return nullptr;
  }
  b->leftlink = b->rightlink = nullptr;
  deque->size = 0;
  deque->leftblock = b;
  deque->rightblock = b;
  deque->leftindex = kCenter + 1;
  deque->rightindex = kCenter;
  deque->state = 0;
  deque->maxlen = -1;
  deque->numfreeblocks = 0;
  deque->weakreflist = nullptr;
  return deque;
}

Object* deque_pop(Object* o, Object* = nullptr) {
  Deque* deque = dq(o);
  if (dsize(deque) == 0) {
    errors::set_string(exc_IndexError, "pop from an empty deque");
    return nullptr;
  }
  Object* item = deque->rightblock->data[deque->rightindex];
  deque->rightindex--;
  deque->size--;
  deque->state++;
  if (deque->rightindex < 0) {
    if (dsize(deque)) {
      Block* prevblock = deque->rightblock->leftlink;
      freeblock(deque, deque->rightblock);
      prevblock->rightlink = nullptr;
      deque->rightblock = prevblock;
      deque->rightindex = kBlockLen - 1;
    } else {
      // Re-centre instead of freeing the block.
      deque->leftindex = kCenter + 1;
      deque->rightindex = kCenter;
    }
  }
  return item;
}

Object* deque_popleft(Object* o, Object* = nullptr) {
  Deque* deque = dq(o);
  if (dsize(deque) == 0) {
    errors::set_string(exc_IndexError, "pop from an empty deque");
    return nullptr;
  }
  Object* item = deque->leftblock->data[deque->leftindex];
  deque->leftindex++;
  deque->size--;
  deque->state++;
  if (deque->leftindex == kBlockLen) {
    if (dsize(deque)) {
      Block* prevblock = deque->leftblock->rightlink;
      freeblock(deque, deque->leftblock);
      prevblock->leftlink = nullptr;
      deque->leftblock = prevblock;
      deque->leftindex = 0;
    } else {
      deque->leftindex = kCenter + 1;
      deque->rightindex = kCenter;
    }
  }
  return item;
}

// deque_append_lock_held: steals item.
int deque_append_internal(Deque* deque, Object* item, ssize maxlen) {
  if (deque->rightindex == kBlockLen - 1) {
    Block* b = newblock(deque);
    if (!b) {
      decref(item);
      return -1;
    }
    b->leftlink = deque->rightblock;
    deque->rightblock->rightlink = b;
    deque->rightblock = b;
    b->rightlink = nullptr;
    deque->rightindex = -1;
  }
  deque->size++;
  deque->rightindex++;
  deque->rightblock->data[deque->rightindex] = item;
  if (needs_trim(deque, maxlen)) {
    decref(deque_popleft(deque));
  } else {
    deque->state++;
  }
  return 0;
}

int deque_appendleft_internal(Deque* deque, Object* item, ssize maxlen) {
  if (deque->leftindex == 0) {
    Block* b = newblock(deque);
    if (!b) {
      decref(item);
      return -1;
    }
    b->rightlink = deque->leftblock;
    deque->leftblock->leftlink = b;
    deque->leftblock = b;
    b->leftlink = nullptr;
    deque->leftindex = kBlockLen;
  }
  deque->size++;
  deque->leftindex--;
  deque->leftblock->data[deque->leftindex] = item;
  if (needs_trim(deque, maxlen)) {
    decref(deque_pop(deque));
  } else {
    deque->state++;
  }
  return 0;
}

Object* deque_append(Object* o, Object* item) {
  if (deque_append_internal(dq(o), new_ref(item), dq(o)->maxlen) < 0) return nullptr;
  return return_none();
}
Object* deque_appendleft(Object* o, Object* item) {
  if (deque_appendleft_internal(dq(o), new_ref(item), dq(o)->maxlen) < 0) return nullptr;
  return return_none();
}

// finalize_iterator: StopIteration from a hand-written iterator is not an error.
Object* finalize_iterator(Object* it) {
  if (errors::occurred()) {
    if (!errors::exception_matches(exc_StopIteration)) {
      decref(it);
      return nullptr;
    }
    errors::clear();
  }
  decref(it);
  return return_none();
}

// consume_iterator: runs the iterator to its end (a deque of maxlen 0 keeps nothing).
Object* consume_iterator(Object* it) {
  iternextfunc iternext = it->type->iternext;
  Object* item;
  while ((item = iternext(it)) != nullptr) decref(item);
  return finalize_iterator(it);
}

Object* deque_extend(Object* o, Object* iterable);

Object* deque_extend_impl(Object* o, Object* iterable, bool left) {
  Deque* deque = dq(o);
  ssize maxlen = deque->maxlen;
  // Extending a deque with itself iterates over a copy.
  if (o == iterable) {
    Object* s = sequence_list(iterable);
    if (!s) return nullptr;
    Object* result = deque_extend_impl(o, s, left);
    decref(s);
    return result;
  }
  // Lists and tuples without an iterator object; a list is re-read at each step, as its
  // iterator would, since a trimmed item's finalizer may change it.
  if ((list_check_exact(iterable) || tuple_check_exact(iterable)) && maxlen != 0) {
    bool is_list = list_check_exact(iterable);
    incref(iterable);
    for (ssize i = 0;; ++i) {
      ssize n = is_list ? list_size(iterable) : tuple_size(iterable);
      if (i >= n) break;
      Object* item = new_ref(is_list ? list_item(iterable, i) : tuple_item(iterable, i));
      int r = left ? deque_appendleft_internal(deque, item, maxlen)
                   : deque_append_internal(deque, item, maxlen);
      if (r < 0) {
        decref(iterable);
        return nullptr;
      }
    }
    decref(iterable);
    return return_none();
  }
  Object* it = object_get_iter(iterable);
  if (!it) return nullptr;
  if (maxlen == 0) return consume_iterator(it);
  iternextfunc iternext = it->type->iternext;
  Object* item;
  while ((item = iternext(it)) != nullptr) {
    int r = left ? deque_appendleft_internal(deque, item, maxlen)
                 : deque_append_internal(deque, item, maxlen);
    if (r < 0) {
      decref(it);
      return nullptr;
    }
  }
  return finalize_iterator(it);
}

Object* deque_extend(Object* o, Object* iterable) { return deque_extend_impl(o, iterable, false); }
Object* deque_extendleft(Object* o, Object* iterable) {
  return deque_extend_impl(o, iterable, true);
}

Object* deque_inplace_concat(Object* o, Object* other) {
  Object* result = deque_extend(o, other);
  if (!result) return nullptr;
  decref(result);
  return new_ref(o);
}

// deque_clear: empties the deque first (a new block), then releases the items, so that
// re-entrant code run by the decrefs sees an empty deque.
int deque_clear(Object* o) {
  Deque* deque = dq(o);
  if (dsize(deque) == 0) return 0;
  Block* b = newblock(deque);
  if (!b) {
    errors::clear();
    while (dsize(deque)) decref(deque_pop(deque));
    return 0;
  }
  ssize n = dsize(deque);
  Block* leftblock = deque->leftblock;
  ssize leftindex = deque->leftindex;
  b->leftlink = b->rightlink = nullptr;
  deque->size = 0;
  deque->leftblock = b;
  deque->rightblock = b;
  deque->leftindex = kCenter + 1;
  deque->rightindex = kCenter;
  deque->state++;
  ssize m = (kBlockLen - leftindex > n) ? n : kBlockLen - leftindex;
  Object** itemptr = &leftblock->data[leftindex];
  Object** limit = itemptr + m;
  n -= m;
  for (;;) {
    if (itemptr == limit) {
      if (n == 0) break;
      Block* prevblock = leftblock;
      leftblock = leftblock->rightlink;
      m = (n > kBlockLen) ? kBlockLen : n;
      itemptr = leftblock->data;
      limit = itemptr + m;
      n -= m;
      freeblock(deque, prevblock);
    }
    decref(*(itemptr++));
  }
  freeblock(deque, leftblock);
  return 0;
}

Object* deque_clearmethod(Object* o, Object*) {
  deque_clear(o);
  return return_none();
}

Object* deque_copy(Object* o, Object* = nullptr) {
  Deque* old_deque = dq(o);
  if (o->type == &deque_type) {
    Object* new_deque = deque_new(&deque_type, nullptr, nullptr);
    if (!new_deque) return nullptr;
    dq(new_deque)->maxlen = old_deque->maxlen;
    Object* rv;
    // The common case of deque_repeat: one item.
    if (dsize(old_deque) == 1)
      rv = deque_append(new_deque, old_deque->leftblock->data[old_deque->leftindex]);
    else
      rv = deque_extend(new_deque, o);
    if (!rv) {
      decref(new_deque);
      return nullptr;
    }
    decref(rv);
    return new_deque;
  }
  Object* result;
  if (old_deque->maxlen < 0) {
    result = object_call_one_arg(reinterpret_cast<Object*>(o->type), o);
  } else {
    Object* ml = long_from_ssize(old_deque->maxlen);
    if (!ml) return nullptr;
    result = object_call_function_obj_args(reinterpret_cast<Object*>(o->type), o, ml, nullptr);
    decref(ml);
  }
  if (result && !type_check(result, &deque_type)) {
    errors::format(exc_TypeError, "%.200s() must return a deque, not %.200s", o->type->name,
                   result->type->name);
    decref(result);
    return nullptr;
  }
  return result;
}

Object* deque_concat(Object* o, Object* other) {
  int rv = object_is_instance(other, reinterpret_cast<Object*>(&deque_type));
  if (rv <= 0) {
    if (rv == 0)
      errors::format(exc_TypeError, "can only concatenate deque (not \"%.200s\") to deque",
                     other->type->name);
    return nullptr;
  }
  Object* new_deque = deque_copy(o);
  if (!new_deque) return nullptr;
  Object* result = deque_extend(new_deque, other);
  if (!result) {
    decref(new_deque);
    return nullptr;
  }
  decref(result);
  return new_deque;
}

Object* deque_inplace_repeat(Object* o, ssize n) {
  Deque* deque = dq(o);
  ssize size = dsize(deque);
  if (size == 0 || n == 1) return new_ref(o);
  if (n <= 0) {
    deque_clear(o);
    return new_ref(o);
  }
  if (size == 1) {
    // Repeating one item: fill the blocks directly.
    Object* item = deque->leftblock->data[deque->leftindex];
    if (deque->maxlen >= 0 && n > deque->maxlen) n = deque->maxlen;
    deque->state++;
    ssize i;
    for (i = 0; i < n - 1;) {
      if (deque->rightindex == kBlockLen - 1) {
        Block* b = newblock(deque);
        if (!b) {
          deque->size += i;
          return nullptr;
        }
        b->leftlink = deque->rightblock;
        deque->rightblock->rightlink = b;
        deque->rightblock = b;
        b->rightlink = nullptr;
        deque->rightindex = -1;
      }
      ssize m = n - 1 - i;
      if (m > kBlockLen - 1 - deque->rightindex) m = kBlockLen - 1 - deque->rightindex;
      i += m;
      while (m--) {
        deque->rightindex++;
        deque->rightblock->data[deque->rightindex] = new_ref(item);
      }
    }
    deque->size += i;
    return new_ref(o);
  }
  if (static_cast<size_t>(size) > static_cast<size_t>(PTRDIFF_MAX) / static_cast<size_t>(n))
    return errors::no_memory();
  Object* seq = sequence_list(o);
  if (!seq) return nullptr;
  // Fewer repetitions when maxlen would drop them anyway.
  if (deque->maxlen >= 0 && n * size > deque->maxlen) n = (deque->maxlen + size - 1) / size;
  for (ssize i = 0; i < n - 1; i++) {
    Object* rv = deque_extend(o, seq);
    if (!rv) {
      decref(seq);
      return nullptr;
    }
    decref(rv);
  }
  decref(seq);
  return new_ref(o);
}

Object* deque_repeat(Object* o, ssize n) {
  Object* new_deque = deque_copy(o);
  if (!new_deque) return nullptr;
  Object* rv = deque_inplace_repeat(new_deque, n);
  decref(new_deque);
  return rv;
}

// _deque_rotate: moves items between the ends block by block, at most len/2 of them.
int deque_rotate_internal(Deque* deque, ssize n) {
  Block* b = nullptr;
  Block* leftblock = deque->leftblock;
  Block* rightblock = deque->rightblock;
  ssize leftindex = deque->leftindex;
  ssize rightindex = deque->rightindex;
  ssize len = dsize(deque), halflen = len >> 1;
  int rv = -1;
  if (len <= 1) return 0;
  if (n > halflen || n < -halflen) {
    n %= len;
    if (n > halflen)
      n -= len;
    else if (n < -halflen)
      n += len;
  }
  deque->state++;
  while (n > 0) {
    if (leftindex == 0) {
      if (!b) {
        b = newblock(deque);
        if (!b) goto done;
      }
      b->rightlink = leftblock;
      leftblock->leftlink = b;
      leftblock = b;
      b->leftlink = nullptr;
      leftindex = kBlockLen;
      b = nullptr;
    }
    {
      ssize m = n;
      if (m > rightindex + 1) m = rightindex + 1;
      if (m > leftindex) m = leftindex;
      rightindex -= m;
      leftindex -= m;
      Object** src = &rightblock->data[rightindex + 1];
      Object** dest = &leftblock->data[leftindex];
      n -= m;
      do {
        *(dest++) = *(src++);
      } while (--m);
    }
    if (rightindex < 0) {
      b = rightblock;
      rightblock = rightblock->leftlink;
      rightblock->rightlink = nullptr;
      rightindex = kBlockLen - 1;
    }
  }
  while (n < 0) {
    if (rightindex == kBlockLen - 1) {
      if (!b) {
        b = newblock(deque);
        if (!b) goto done;
      }
      b->leftlink = rightblock;
      rightblock->rightlink = b;
      rightblock = b;
      b->rightlink = nullptr;
      rightindex = -1;
      b = nullptr;
    }
    {
      ssize m = -n;
      if (m > kBlockLen - leftindex) m = kBlockLen - leftindex;
      if (m > kBlockLen - 1 - rightindex) m = kBlockLen - 1 - rightindex;
      Object** src = &leftblock->data[leftindex];
      Object** dest = &rightblock->data[rightindex + 1];
      leftindex += m;
      rightindex += m;
      n += m;
      do {
        *(dest++) = *(src++);
      } while (--m);
    }
    if (leftindex == kBlockLen) {
      b = leftblock;
      leftblock = leftblock->rightlink;
      leftblock->leftlink = nullptr;
      leftindex = 0;
    }
  }
  rv = 0;
done:
  if (b) freeblock(deque, b);
  deque->leftblock = leftblock;
  deque->rightblock = rightblock;
  deque->leftindex = leftindex;
  deque->rightindex = rightindex;
  return rv;
}

Object* deque_rotate(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("rotate", nargs, 0, 1)) return nullptr;
  ssize n = 1;
  if (nargs && !modules::ssize_converter(args[0], &n)) return nullptr;
  if (deque_rotate_internal(dq(o), n) < 0) return nullptr;
  return return_none();
}

Object* deque_reverse(Object* o, Object*) {
  Deque* deque = dq(o);
  Block* leftblock = deque->leftblock;
  Block* rightblock = deque->rightblock;
  ssize leftindex = deque->leftindex;
  ssize rightindex = deque->rightindex;
  ssize n = dsize(deque) >> 1;
  while (--n >= 0) {
    Object* tmp = leftblock->data[leftindex];
    leftblock->data[leftindex] = rightblock->data[rightindex];
    rightblock->data[rightindex] = tmp;
    leftindex++;
    if (leftindex == kBlockLen) {
      leftblock = leftblock->rightlink;
      leftindex = 0;
    }
    rightindex--;
    if (rightindex < 0) {
      rightblock = rightblock->leftlink;
      rightindex = kBlockLen - 1;
    }
  }
  return return_none();
}

Object* mutated_error(TypeObject* type = nullptr, const char* msg = "deque mutated during iteration") {
  errors::set_string(type ? type : exc_RuntimeError, msg);
  return nullptr;
}

Object* deque_count(Object* o, Object* v) {
  Deque* deque = dq(o);
  Block* b = deque->leftblock;
  ssize index = deque->leftindex;
  ssize n = dsize(deque);
  ssize count = 0;
  size_t start_state = deque->state;
  while (--n >= 0) {
    Object* item = new_ref(b->data[index]);
    int cmp = object_rich_compare_bool(item, v, kEQ);
    decref(item);
    if (cmp < 0) return nullptr;
    count += cmp;
    if (start_state != deque->state) return mutated_error();
    index++;
    if (index == kBlockLen) {
      b = b->rightlink;
      index = 0;
    }
  }
  return long_from_ssize(count);
}

int deque_contains(Object* o, Object* v) {
  Deque* deque = dq(o);
  Block* b = deque->leftblock;
  ssize index = deque->leftindex;
  ssize n = dsize(deque);
  size_t start_state = deque->state;
  while (--n >= 0) {
    Object* item = new_ref(b->data[index]);
    int cmp = object_rich_compare_bool(item, v, kEQ);
    decref(item);
    if (cmp) return cmp;
    if (start_state != deque->state) {
      mutated_error();
      return -1;
    }
    index++;
    if (index == kBlockLen) {
      b = b->rightlink;
      index = 0;
    }
  }
  return 0;
}

ssize deque_len(Object* o) { return dsize(dq(o)); }

// _PyEval_SliceIndexNotNone: an __index__ value, clipped to the ssize range.
bool slice_index(Object* v, ssize* pi) {
  if (!index_check(v)) {
    errors::set_string(exc_TypeError,
                       "slice indices must be integers or have an __index__ method");
    return false;
  }
  ssize x = number_as_ssize(v, nullptr);
  if (x == -1 && errors::occurred()) return false;
  *pi = x;
  return true;
}

Object* deque_index(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("index", nargs, 1, 3)) return nullptr;
  Deque* deque = dq(o);
  Object* v = args[0];
  ssize start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !slice_index(args[1], &start)) return nullptr;
  if (nargs > 2 && !slice_index(args[2], &stop)) return nullptr;
  Block* b = deque->leftblock;
  ssize index = deque->leftindex;
  size_t start_state = deque->state;
  if (start < 0) {
    start += dsize(deque);
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += dsize(deque);
    if (stop < 0) stop = 0;
  }
  if (stop > dsize(deque)) stop = dsize(deque);
  if (start > stop) start = stop;
  ssize i;
  for (i = 0; i < start - kBlockLen; i += kBlockLen) b = b->rightlink;
  for (; i < start; i++) {
    index++;
    if (index == kBlockLen) {
      b = b->rightlink;
      index = 0;
    }
  }
  ssize n = stop - i;
  while (--n >= 0) {
    Object* item = new_ref(b->data[index]);
    int cmp = object_rich_compare_bool(item, v, kEQ);
    decref(item);
    if (cmp > 0) return long_from_ssize(stop - n - 1);
    if (cmp < 0) return nullptr;
    if (start_state != deque->state) return mutated_error();
    index++;
    if (index == kBlockLen) {
      b = b->rightlink;
      index = 0;
    }
  }
  errors::set_string(exc_ValueError, "deque.index(x): x not in deque");
  return nullptr;
}

Object* deque_insert(Object* o, Object* const* args, ssize nargs) {
  if (!check_positional("insert", nargs, 2, 2)) return nullptr;
  Deque* deque = dq(o);
  ssize index;
  if (!modules::ssize_converter(args[0], &index)) return nullptr;
  Object* value = args[1];
  ssize n = dsize(deque);
  if (deque->maxlen == dsize(deque)) {
    errors::set_string(exc_IndexError, "deque already at its maximum size");
    return nullptr;
  }
  if (index >= n) return deque_append(o, value);
  if (index <= -n || index == 0) return deque_appendleft(o, value);
  if (deque_rotate_internal(deque, -index) < 0) return nullptr;
  Object* rv = index < 0 ? deque_append(o, value) : deque_appendleft(o, value);
  if (!rv) return nullptr;
  decref(rv);
  if (deque_rotate_internal(deque, index) < 0) return nullptr;
  return return_none();
}

inline bool valid_index(ssize i, ssize limit) {
  return static_cast<size_t>(i) < static_cast<size_t>(limit);
}

// deque_del_item: rotate the item to the left end, pop it, rotate back.
int deque_del_item(Deque* deque, ssize i) {
  if (deque_rotate_internal(deque, -i) < 0) return -1;
  decref(deque_popleft(deque));
  return deque_rotate_internal(deque, i);
}

Object* deque_remove(Object* o, Object* value) {
  Deque* deque = dq(o);
  Block* b = deque->leftblock;
  ssize i, n = dsize(deque), index = deque->leftindex;
  size_t start_state = deque->state;
  for (i = 0; i < n; i++) {
    Object* item = new_ref(b->data[index]);
    int cmp = object_rich_compare_bool(item, value, kEQ);
    decref(item);
    if (cmp < 0) return nullptr;
    if (start_state != deque->state) return mutated_error(exc_IndexError);
    if (cmp > 0) break;
    index++;
    if (index == kBlockLen) {
      b = b->rightlink;
      index = 0;
    }
  }
  if (i == n) {
    errors::set_string(exc_ValueError, "deque.remove(x): x not in deque");
    return nullptr;
  }
  if (deque_del_item(deque, i) < 0) return nullptr;
  return return_none();
}

// The block and slot of item i (0 <= i < len): walks from the nearer end.
Object** deque_slot(Deque* deque, ssize i) {
  Block* b;
  ssize index = i;
  if (i == 0) {
    i = deque->leftindex;
    b = deque->leftblock;
  } else if (i == dsize(deque) - 1) {
    i = deque->rightindex;
    b = deque->rightblock;
  } else {
    i += deque->leftindex;
    ssize n = static_cast<ssize>(static_cast<size_t>(i) / kBlockLen);
    i = static_cast<ssize>(static_cast<size_t>(i) % kBlockLen);
    if (index < (dsize(deque) >> 1)) {
      b = deque->leftblock;
      while (--n >= 0) b = b->rightlink;
    } else {
      n = static_cast<ssize>(static_cast<size_t>(deque->leftindex + dsize(deque) - 1) / kBlockLen) - n;
      b = deque->rightblock;
      while (--n >= 0) b = b->leftlink;
    }
  }
  return &b->data[i];
}

Object* deque_item(Object* o, ssize i) {
  Deque* deque = dq(o);
  if (!valid_index(i, dsize(deque))) {
    errors::set_string(exc_IndexError, "deque index out of range");
    return nullptr;
  }
  return new_ref(*deque_slot(deque, i));
}

int deque_ass_item(Object* o, ssize i, Object* v) {
  Deque* deque = dq(o);
  if (!valid_index(i, dsize(deque))) {
    errors::set_string(exc_IndexError, "deque index out of range");
    return -1;
  }
  if (!v) return deque_del_item(deque, i);
  Object** slot = deque_slot(deque, i);
  Object* old = *slot;
  *slot = new_ref(v);
  decref(old);
  return 0;
}

void deque_dealloc(Object* o) {
  Deque* deque = dq(o);
  gc::untrack(o);
  if (deque->weakreflist) object_clear_weakrefs(o);
  if (deque->leftblock) {
    deque_clear(o);
    gc::mem_free(deque->leftblock);
    deque->leftblock = deque->rightblock = nullptr;
  }
  for (ssize i = 0; i < deque->numfreeblocks; i++) gc::mem_free(deque->freeblocks[i]);
  deque->numfreeblocks = 0;
  o->type->free(o);
}

int deque_traverse(Object* o, visitproc visit, void* arg) {
  Deque* deque = dq(o);
  ssize indexlo = deque->leftindex;
  for (Block* b = deque->leftblock; b != deque->rightblock; b = b->rightlink) {
    for (ssize index = indexlo; index < kBlockLen; index++)
      if (int r = visit(b->data[index], arg)) return r;
    indexlo = 0;
  }
  for (ssize index = indexlo; index <= deque->rightindex; index++)
    if (int r = visit(deque->rightblock->data[index], arg)) return r;
  return 0;
}

Object* deque_repr(Object* o) {
  int i = object_print_repr_enter(o);
  if (i != 0) {
    if (i < 0) return nullptr;
    return str_from_cstr("[...]");
  }
  Object* aslist = sequence_list(o);
  if (!aslist) {
    object_print_repr_leave(o);
    return nullptr;
  }
  ssize maxlen = dq(o)->maxlen;
  Object* result;
  if (maxlen >= 0)
    result = str_from_format("%s(%R, maxlen=%zd)", type_short_name(o->type), aslist, maxlen);
  else
    result = str_from_format("%s(%R)", type_short_name(o->type), aslist);
  object_print_repr_leave(o);
  decref(aslist);
  return result;
}

Object* deque_richcompare(Object* v, Object* w, int op) {
  if (!type_check(v, &deque_type) || !type_check(w, &deque_type)) return return_not_implemented();
  ssize vs = dsize(dq(v));
  ssize ws = dsize(dq(w));
  if (op == kEQ) {
    if (v == w) return bool_from_bool(true);
    if (vs != ws) return bool_from_bool(false);
  }
  if (op == kNE) {
    if (v == w) return bool_from_bool(false);
    if (vs != ws) return bool_from_bool(true);
  }
  // The first index where the items differ, through iterators.
  Object* it1 = object_get_iter(v);
  if (!it1) return nullptr;
  Object* it2 = object_get_iter(w);
  if (!it2) {
    decref(it1);
    return nullptr;
  }
  Object* x = nullptr;
  Object* y = nullptr;
  Object* cmp = nullptr;
  for (;;) {
    x = iter_next(it1);
    if (!x && errors::occurred()) goto done;
    y = iter_next(it2);
    if (!x || !y) break;
    int b = object_rich_compare_bool(x, y, kEQ);
    if (b == 0) {
      cmp = object_rich_compare(x, y, op);
      decref(x);
      decref(y);
      goto done;
    }
    decref(x);
    decref(y);
    if (b < 0) goto done;
  }
  // The end of one deque or both.
  xdecref(x);
  xdecref(y);
  if (errors::occurred()) goto done;
  {
    bool r = false;
    switch (op) {
      case kLT: r = y != nullptr; break;
      case kLE: r = x == nullptr; break;
      case kEQ: r = x == y; break;
      case kNE: r = x != y; break;
      case kGT: r = x != nullptr; break;
      case kGE: r = y == nullptr; break;
    }
    cmp = bool_from_bool(r);
  }
done:
  decref(it1);
  decref(it2);
  return cmp;
}

// deque_init: deque([iterable[, maxlen]]).
int deque_init(Object* o, Object* args, Object* kwds) {
  Deque* deque = dq(o);
  ssize nargs = tuple_size(args);
  ssize given = nargs + (kwds ? dict_size(kwds) : 0);
  if (given > 2) {
    errors::format(exc_TypeError, "deque() takes at most 2 arguments (%zd given)", given);
    return -1;
  }
  static const char* const kw[] = {"iterable", "maxlen", nullptr};
  ArgParser p{"deque", kw, 0, 2, 0};
  Object* out[2] = {};
  if (unpack_keywords_tuple(p, args, kwds, out) < 0) return -1;
  Object* iterable = out[0];
  Object* maxlenobj = out[1];
  ssize maxlen = -1;
  if (maxlenobj && maxlenobj != none()) {
    if (!long_check(maxlenobj)) {
      errors::set_string(exc_TypeError, "an integer is required");
      return -1;
    }
    maxlen = long_as_ssize(maxlenobj);
    if (maxlen == -1 && errors::occurred()) return -1;
    if (maxlen < 0) {
      errors::set_string(exc_ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  deque->maxlen = maxlen;
  if (dsize(deque) > 0) deque_clear(o);
  if (iterable) {
    Object* rv = deque_extend(o, iterable);
    if (!rv) return -1;
    decref(rv);
  }
  return 0;
}

Object* deque_sizeof(Object* o, Object*) {
  Deque* deque = dq(o);
  size_t res = static_cast<size_t>(o->type->basicsize);
  size_t blocks = static_cast<size_t>(deque->leftindex + dsize(deque) + kBlockLen - 1) / kBlockLen;
  res += blocks * sizeof(Block);
  return long_from_size_t(res);
}

Object* deque_get_maxlen(Object* o, void*) {
  if (dq(o)->maxlen < 0) return return_none();
  return long_from_ssize(dq(o)->maxlen);
}

Object* deque_reduce(Object* o, Object*) {
  Object* state = nullptr;
  Object** dictptr = object_dict_ptr(o);
  if (dictptr && *dictptr && dict_size(*dictptr)) state = new_ref(*dictptr);
  else state = new_ref(none());
  Object* it = object_get_iter(o);
  if (!it) {
    decref(state);
    return nullptr;
  }
  Object* args;
  if (dq(o)->maxlen < 0) {
    args = new_ref(tuple_empty());
  } else {
    Object* ml = long_from_ssize(dq(o)->maxlen);
    args = ml ? tuple_pack(2, tuple_empty(), ml) : nullptr;
    xdecref(ml);
  }
  Object* r = args ? tuple_pack(4, o->type, args, state, it) : nullptr;
  xdecref(args);
  decref(state);
  decref(it);
  return r;
}

// --- deque iterators ----------------------------------------------------------------------

struct DequeIter : Object {
  Block* b;
  ssize index;
  Object* deque;
  size_t state;    // the deque's state when the iterator was made
  ssize counter;   // items left
};

Object* deque_iter_make(TypeObject* type, Object* o, bool reverse) {
  Deque* deque = dq(o);
  auto* it = static_cast<DequeIter*>(gc::gc_malloc(sizeof(DequeIter)));
  if (!it) return nullptr;
  it->refcnt = 1;
  it->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  it->b = reverse ? deque->rightblock : deque->leftblock;
  it->index = reverse ? deque->rightindex : deque->leftindex;
  it->deque = new_ref(o);
  it->state = deque->state;
  it->counter = dsize(deque);
  gc::track(it);
  return it;
}

Object* deque_iter(Object* o) { return deque_iter_make(&dequeiter_type, o, false); }
Object* deque_reviter(Object* o, Object* = nullptr) {
  return deque_iter_make(&dequereviter_type, o, true);
}

void dequeiter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<DequeIter*>(o)->deque);
  o->type->free(o);
}
int dequeiter_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<DequeIter*>(o)->deque;
  return d ? visit(d, arg) : 0;
}

Object* dequeiter_next(Object* o) {
  auto* it = static_cast<DequeIter*>(o);
  if (dq(it->deque)->state != it->state) {
    it->counter = 0;
    return mutated_error();
  }
  if (it->counter == 0) return nullptr;
  Object* item = it->b->data[it->index];
  it->index++;
  it->counter--;
  if (it->index == kBlockLen && it->counter > 0) {
    it->b = it->b->rightlink;
    it->index = 0;
  }
  return new_ref(item);
}

Object* dequereviter_next(Object* o) {
  auto* it = static_cast<DequeIter*>(o);
  if (dq(it->deque)->state != it->state) {
    it->counter = 0;
    return mutated_error();
  }
  if (it->counter == 0) return nullptr;
  Object* item = it->b->data[it->index];
  it->index--;
  it->counter--;
  if (it->index < 0 && it->counter > 0) {
    it->b = it->b->leftlink;
    it->index = kBlockLen - 1;
  }
  return new_ref(item);
}

Object* dequeiter_len(Object* o, Object*) { return long_from_ssize(static_cast<DequeIter*>(o)->counter); }

Object* dequeiter_reduce(Object* o, Object*) {
  auto* it = static_cast<DequeIter*>(o);
  Object* index = long_from_ssize(dsize(dq(it->deque)) - it->counter);
  if (!index) return nullptr;
  Object* args = tuple_pack(2, it->deque, index);
  decref(index);
  if (!args) return nullptr;
  Object* r = tuple_pack(2, o->type, args);
  decref(args);
  return r;
}

// dequeiter_new / dequereviter_new: _deque_iterator(deque, index=0) advanced index times.
Object* dequeiter_new_common(TypeObject* type, Object* args, Object* kwds, bool reverse) {
  // PyArg_ParseTuple(args, "O!|n"): keywords are ignored, and the messages name no function.
  (void)kwds;
  ssize nargs = tuple_size(args);
  if (nargs < 1 || nargs > 2) {
    errors::format(exc_TypeError, "function takes at %s %d argument%s (%zd given)",
                   nargs < 1 ? "least" : "most", nargs < 1 ? 1 : 2, nargs < 1 ? "" : "s", nargs);
    return nullptr;
  }
  Object* deque = tuple_item(args, 0);
  if (!type_check(deque, &deque_type)) {
    errors::format(exc_TypeError, "argument 1 must be collections.deque, not %.50s",
                   deque == none() ? "None" : deque->type->name);
    return nullptr;
  }
  ssize index = 0;
  if (nargs > 1 && !modules::ssize_converter(tuple_item(args, 1), &index)) return nullptr;
  Object* it = deque_iter_make(type, deque, reverse);
  if (!it) return nullptr;
  // Consume items from the queue.
  for (ssize i = 0; i < index; i++) {
    Object* item = reverse ? dequereviter_next(it) : dequeiter_next(it);
    if (item) {
      decref(item);
    } else {
      // The deque is exhausted or was mutated.
      if (static_cast<DequeIter*>(it)->counter) {
        decref(it);
        return nullptr;
      }
      break;
    }
  }
  return it;
}
Object* dequeiter_new(TypeObject* t, Object* a, Object* k) { return dequeiter_new_common(t, a, k, false); }
Object* dequereviter_new(TypeObject* t, Object* a, Object* k) { return dequeiter_new_common(t, a, k, true); }

// --- defaultdict ---------------------------------------------------------------------------

struct DefDict : DictObject {
  Object* default_factory;
};

Object* defdict_missing(Object* o, Object* key) {
  Object* factory = static_cast<DefDict*>(o)->default_factory;
  if (!factory || factory == none()) {
    Object* tup = tuple_pack(1, key);
    if (!tup) return nullptr;
    errors::set_object(exc_KeyError, tup);
    decref(tup);
    return nullptr;
  }
  Object* value = object_call_no_args(factory);
  if (!value) return nullptr;
  if (object_set_item(o, key, value) < 0) {
    decref(value);
    return nullptr;
  }
  return value;
}

Object* new_defdict(Object* dd, Object* arg) {
  Object* factory = static_cast<DefDict*>(dd)->default_factory;
  return object_call_function_obj_args(reinterpret_cast<Object*>(dd->type),
                                       factory ? factory : none(), arg, nullptr);
}

Object* defdict_copy(Object* o, Object* = nullptr) { return new_defdict(o, o); }

Object* defdict_reduce(Object* o, Object*) {
  Object* factory = static_cast<DefDict*>(o)->default_factory;
  Object* args = (!factory || factory == none()) ? new_ref(tuple_empty()) : tuple_pack(1, factory);
  if (!args) return nullptr;
  static Object* items_name = str_intern_from_cstr("items");
  Object* items = call_method_no_args(o, items_name);
  if (!items) {
    decref(args);
    return nullptr;
  }
  Object* iter = object_get_iter(items);
  decref(items);
  if (!iter) {
    decref(args);
    return nullptr;
  }
  Object* result = tuple_pack(5, o->type, args, none(), none(), iter);
  decref(iter);
  decref(args);
  return result;
}

void defdict_dealloc(Object* o) {
  clear(static_cast<DefDict*>(o)->default_factory);
  dict_type.dealloc(o);
}
int defdict_traverse(Object* o, visitproc visit, void* arg) {
  Object* f = static_cast<DefDict*>(o)->default_factory;
  if (f)
    if (int r = visit(f, arg)) return r;
  return dict_type.traverse(o, visit, arg);
}
int defdict_tp_clear(Object* o) {
  clear(static_cast<DefDict*>(o)->default_factory);
  return dict_type.clear(o);
}

Object* defdict_repr(Object* o) {
  auto* dd = static_cast<DefDict*>(o);
  Object* baserepr = dict_type.repr(o);
  if (!baserepr) return nullptr;
  Object* defrepr;
  if (!dd->default_factory) {
    defrepr = str_from_cstr("None");
  } else {
    int status = object_print_repr_enter(dd->default_factory);
    if (status != 0) {
      if (status < 0) {
        decref(baserepr);
        return nullptr;
      }
      defrepr = str_from_cstr("...");
    } else {
      defrepr = object_repr(dd->default_factory);
    }
    object_print_repr_leave(dd->default_factory);
  }
  if (!defrepr) {
    decref(baserepr);
    return nullptr;
  }
  Object* result = str_from_format("%s(%U, %U)", type_short_name(o->type), defrepr, baserepr);
  decref(defrepr);
  decref(baserepr);
  return result;
}

Object* defdict_or(Object* left, Object* right) {
  Object *self, *other;
  if (type_check(left, &defdict_type)) {
    self = left;
    other = right;
  } else {
    self = right;
    other = left;
  }
  if (!dict_check(other)) return return_not_implemented();
  // Like copy(), through the object's class.
  Object* nw = new_defdict(self, left);
  if (!nw) return nullptr;
  if (dict_update(nw, right) < 0) {
    decref(nw);
    return nullptr;
  }
  return nw;
}

int defdict_init(Object* self, Object* args, Object* kwds) {
  auto* dd = static_cast<DefDict*>(self);
  Object* olddefault = dd->default_factory;
  Object* newdefault = nullptr;
  ssize n = tuple_size(args);
  if (n > 0) {
    newdefault = tuple_item(args, 0);
    if (!callable_check(newdefault) && newdefault != none()) {
      errors::set_string(exc_TypeError, "first argument must be callable or None");
      return -1;
    }
  }
  Object* newargs = tuple_get_slice(args, n > 0 ? 1 : 0, n);
  if (!newargs) return -1;
  dd->default_factory = xnew_ref(newdefault);
  int result = dict_type.init(self, newargs, kwds);
  decref(newargs);
  xdecref(olddefault);
  return result;
}

// --- _count_elements -----------------------------------------------------------------------

Object* count_elements(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("_count_elements", nargs, 2, 2)) return nullptr;
  Object* mapping = args[0];
  Object* iterable = args[1];
  Object* it = object_get_iter(iterable);
  if (!it) return nullptr;
  static Object* get_name = str_intern_from_cstr("get");
  static Object* setitem_name = str_intern_from_cstr("__setitem__");
  Object* one = long_from_long(1);
  Object* key = nullptr;
  Object* newval = nullptr;
  Object* bound_get = nullptr;
  Object* mapping_get = type_lookup(mapping->type, get_name);
  Object* dict_get = type_lookup(&dict_type, get_name);
  Object* mapping_setitem = type_lookup(mapping->type, setitem_name);
  Object* dict_setitem = type_lookup(&dict_type, setitem_name);
  if (mapping_get && mapping_get == dict_get && mapping_setitem &&
      mapping_setitem == dict_setitem && dict_check(mapping)) {
    // The dict fast path: one hash per key, no bound methods.
    for (;;) {
      key = iter_next(it);
      if (!key) break;
      hash_t hash = object_hash(key);
      if (hash == -1) goto done;
      Object* oldval = dict_get_item_known_hash(mapping, key, hash);
      if (!oldval) {
        if (errors::occurred()) goto done;
        if (dict_set_item_known_hash(mapping, key, one, hash) < 0) goto done;
      } else {
        newval = number_add(oldval, one);
        if (!newval) goto done;
        if (dict_set_item_known_hash(mapping, key, newval, hash) < 0) goto done;
        clear(newval);
      }
      clear(key);
    }
  } else {
    bound_get = object_getattr(mapping, get_name);
    if (!bound_get) goto done;
    Object* zero = long_from_long(0);
    for (;;) {
      key = iter_next(it);
      if (!key) break;
      Object* stack[2] = {key, zero};
      Object* oldval = vectorcall(bound_get, stack, 2, nullptr);
      if (!oldval) break;
      newval = number_add(oldval, one);
      decref(oldval);
      if (!newval) break;
      if (object_set_item(mapping, key, newval) < 0) break;
      clear(newval);
      clear(key);
    }
    decref(zero);
  }
done:
  decref(it);
  xdecref(key);
  xdecref(newval);
  xdecref(bound_get);
  decref(one);
  if (errors::occurred()) return nullptr;
  return return_none();
}

// --- _tuplegetter --------------------------------------------------------------------------

struct TupleGetter : Object {
  ssize index;
  Object* doc;
};

Object* tuplegetter_new(TypeObject* type, Object* args, Object* kwds) {
  if (!no_keywords("_tuplegetter", kwds)) return nullptr;
  if (!check_positional("_tuplegetter", tuple_size(args), 2, 2)) return nullptr;
  ssize index;
  if (!modules::ssize_converter(tuple_item(args, 0), &index)) return nullptr;
  auto* self = static_cast<TupleGetter*>(type->alloc(type, 0));
  if (!self) return nullptr;
  self->index = index;
  self->doc = new_ref(tuple_item(args, 1));
  return self;
}

Object* tuplegetter_descr_get(Object* self, Object* obj, Object*) {
  ssize index = static_cast<TupleGetter*>(self)->index;
  if (!obj) return new_ref(self);
  if (!tuple_check(obj)) {
    if (obj == none()) return new_ref(self);
    return errors::format(exc_TypeError,
                          "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                          index, obj->type->name);
  }
  if (!valid_index(index, tuple_size(obj))) {
    errors::set_string(exc_IndexError, "tuple index out of range");
    return nullptr;
  }
  return new_ref(tuple_item(obj, index));
}

int tuplegetter_descr_set(Object*, Object*, Object* value) {
  errors::set_string(exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

void tuplegetter_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<TupleGetter*>(o)->doc);
  o->type->free(o);
}
int tuplegetter_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<TupleGetter*>(o)->doc;
  return d ? visit(d, arg) : 0;
}
int tuplegetter_clear(Object* o) {
  clear(static_cast<TupleGetter*>(o)->doc);
  return 0;
}

Object* tuplegetter_reduce(Object* o, Object*) {
  auto* tg = static_cast<TupleGetter*>(o);
  Object* index = long_from_ssize(tg->index);
  if (!index) return nullptr;
  Object* args = tuple_pack(2, index, tg->doc ? tg->doc : none());
  decref(index);
  if (!args) return nullptr;
  Object* r = tuple_pack(2, o->type, args);
  decref(args);
  return r;
}

Object* tuplegetter_repr(Object* o) {
  auto* tg = static_cast<TupleGetter*>(o);
  return str_from_format("%s(%zd, %R)", type_short_name(o->type), tg->index,
                         tg->doc ? tg->doc : none());
}

// --- tables --------------------------------------------------------------------------------

#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

MethodDef deque_methods[] = {
    {"append", METH_O(deque_append), "append($self, item, /)\n--\n\nAdd an element to the right side of the deque."},
    {"appendleft", METH_O(deque_appendleft), "appendleft($self, item, /)\n--\n\nAdd an element to the left side of the deque."},
    {"clear", NOARGS(deque_clearmethod), "clear($self, /)\n--\n\nRemove all elements from the deque."},
    {"__copy__", NOARGS(deque_copy), "__copy__($self, /)\n--\n\nReturn a shallow copy of a deque."},
    {"copy", NOARGS(deque_copy), "copy($self, /)\n--\n\nReturn a shallow copy of a deque."},
    {"count", METH_O(deque_count), "count($self, value, /)\n--\n\nReturn number of occurrences of value."},
    {"extend", METH_O(deque_extend), "extend($self, iterable, /)\n--\n\nExtend the right side of the deque with elements from the iterable."},
    {"extendleft", METH_O(deque_extendleft), "extendleft($self, iterable, /)\n--\n\nExtend the left side of the deque with elements from the iterable."},
    {"index", FASTCALL(deque_index), "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\nReturn first index of value.\n\nRaises ValueError if the value is not present."},
    {"insert", FASTCALL(deque_insert), "insert($self, index, value, /)\n--\n\nInsert value before index."},
    {"pop", NOARGS(deque_pop), "pop($self, /)\n--\n\nRemove and return the rightmost element."},
    {"popleft", NOARGS(deque_popleft), "popleft($self, /)\n--\n\nRemove and return the leftmost element."},
    {"__reduce__", NOARGS(deque_reduce), "__reduce__($self, /)\n--\n\nReturn state information for pickling."},
    {"remove", METH_O(deque_remove), "remove($self, value, /)\n--\n\nRemove first occurrence of value."},
    {"__reversed__", NOARGS(deque_reviter), "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the deque."},
    {"reverse", NOARGS(deque_reverse), "reverse($self, /)\n--\n\nReverse *IN PLACE*."},
    {"rotate", FASTCALL(deque_rotate), "rotate($self, n=1, /)\n--\n\nRotate the deque n steps to the right.  If n is negative, rotates left."},
    {"__sizeof__", NOARGS(deque_sizeof), "__sizeof__($self, /)\n--\n\nReturn the size of the deque in memory, in bytes."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

SequenceMethods deque_as_sequence = {
    deque_len, deque_concat, deque_repeat, deque_item, nullptr, deque_ass_item, nullptr,
    deque_contains, deque_inplace_concat, deque_inplace_repeat};

MethodDef dequeiter_methods[] = {
    {"__length_hint__", NOARGS(dequeiter_len), "Private method returning an estimate of len(list(it))."},
    {"__reduce__", NOARGS(dequeiter_reduce), "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef defdict_methods[] = {
    {"__missing__", METH_O(defdict_missing),
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value\n"},
    {"copy", NOARGS(defdict_copy), "D.copy() -> a shallow copy of D."},
    {"__copy__", NOARGS(defdict_copy), "D.copy() -> a shallow copy of D."},
    {"__reduce__", NOARGS(defdict_reduce), "Return state information for pickling."},
    {"__class_getitem__", reinterpret_cast<void*>(generic_alias_class_getitem), kMethO | kMethClass, "See PEP 585"},
    {nullptr, nullptr, 0, nullptr}};

MemberDef defdict_members[] = {
    {"default_factory", kMemberObject, offsetof(DefDict, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {nullptr, 0, 0, 0, nullptr}};

NumberMethods defdict_as_number = [] {
  NumberMethods n{};
  n.or_ = defdict_or;
  return n;
}();

MethodDef tuplegetter_methods[] = {
    {"__reduce__", NOARGS(tuplegetter_reduce), nullptr},
    {nullptr, nullptr, 0, nullptr}};

MemberDef tuplegetter_members[] = {
    {"__doc__", kMemberObject, offsetof(TupleGetter, doc), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

MethodDef collections_methods[] = {
    {"_count_elements", FASTCALL(count_elements),
     "_count_elements($module, mapping, iterable, /)\n--\n\nCount elements in the iterable, updating the mapping"},
    {nullptr, nullptr, 0, nullptr}};

int collections_exec(Object* m) {
  defdict_type.base = &dict_type;
  // OrderedDict (Objects/odictobject.c), which _collections exports as CPython's does.
  if (odict_types_ready() < 0 || module_add_object_ref(m, "OrderedDict", &odict_type) < 0)
    return -1;
  // Their specs list Py_tp_getattro = PyObject_GenericGetAttr (objects/spec_types.h).
  for (TypeObject* t : {&deque_type, &defdict_type, &dequeiter_type, &dequereviter_type})
    type_mark_spec_slots(t);
  for (TypeObject* t : {&deque_type, &defdict_type, &dequeiter_type, &dequereviter_type,
                        &tuplegetter_type}) {
    if (type_ready(t) < 0) return -1;
    if (module_add_object_ref(m, type_short_name(t), t) < 0) return -1;
  }
  return 0;
}

ModuleDef collections_def = {
    "_collections",
    "High performance data structures.\n"
    "- deque:        ordered collection accessible from endpoints only\n"
    "- defaultdict:  dict subclass with a default value factory\n",
    collections_methods, collections_exec};

}  // namespace

TypeObject deque_type = [] {
  TypeObject t = static_type("collections.deque", sizeof(Deque), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsSequence);
  t.doc = "deque([iterable[, maxlen]])\n--\n\nA list-like sequence optimized for data accesses near its endpoints.";
  t.dealloc = deque_dealloc;
  t.repr = deque_repr;
  t.as_sequence = &deque_as_sequence;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = deque_traverse;
  t.clear = deque_clear;
  t.richcompare = deque_richcompare;
  t.weaklistoffset = offsetof(Deque, weakreflist);
  t.iter = deque_iter;
  t.methods = deque_methods;
  t.getset = deque_getset;
  t.init = deque_init;
  t.alloc = type_generic_alloc;
  t.new_ = deque_new;
  return t;
}();

TypeObject dequeiter_type = [] {
  TypeObject t = static_type("collections._deque_iterator", sizeof(DequeIter), 0, kTpflagsHaveGc);
  t.dealloc = dequeiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = dequeiter_traverse;
  t.iter = object_self_iter;
  t.iternext = dequeiter_next;
  t.methods = dequeiter_methods;
  t.new_ = dequeiter_new;
  return t;
}();

TypeObject dequereviter_type = [] {
  TypeObject t = static_type("collections._deque_reverse_iterator", sizeof(DequeIter), 0, kTpflagsHaveGc);
  t.dealloc = dequeiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = dequeiter_traverse;
  t.iter = object_self_iter;
  t.iternext = dequereviter_next;
  t.methods = dequeiter_methods;
  t.new_ = dequereviter_new;
  return t;
}();

TypeObject defdict_type = [] {
  TypeObject t = static_type("collections.defaultdict", sizeof(DefDict), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsDictSubclass |
                                 kTpflagsMatchSelf | kTpflagsMapping);
  t.doc =
      "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
      "The default factory is called without arguments to produce\n"
      "a new value when a key is not present, in __getitem__ only.\n"
      "A defaultdict compares equal to a dict with the same items.\n"
      "All remaining arguments are treated the same as if they were\n"
      "passed to the dict constructor, including keyword arguments.\n";
  t.dealloc = defdict_dealloc;
  t.repr = defdict_repr;
  t.as_number = &defdict_as_number;
  t.getattro = object_generic_getattr;
  t.traverse = defdict_traverse;
  t.clear = defdict_tp_clear;
  t.methods = defdict_methods;
  t.members = defdict_members;
  t.init = defdict_init;
  t.alloc = type_generic_alloc;
  return t;
}();

TypeObject tuplegetter_type = [] {
  TypeObject t = static_type("collections._tuplegetter", sizeof(TupleGetter), 0, kTpflagsHaveGc);
  t.dealloc = tuplegetter_dealloc;
  t.repr = tuplegetter_repr;
  t.traverse = tuplegetter_traverse;
  t.clear = tuplegetter_clear;
  t.methods = tuplegetter_methods;
  t.members = tuplegetter_members;
  t.descr_get = tuplegetter_descr_get;
  t.descr_set = tuplegetter_descr_set;
  t.new_ = tuplegetter_new;
  return t;
}();

ModuleDef* module_def() { return &collections_def; }

}  // namespace cppy::modules::collections
