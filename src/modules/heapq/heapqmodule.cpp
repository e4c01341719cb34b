// The _heapq module: Modules/_heapqmodule.c.
#include "modules/heapq/heapqmodule.h"

#include "errors/errors.h"
#include "modules/fastcmp.h"
#include "objects/abstract.h"
#include "objects/clinic_args.h"
#include "objects/exceptions.h"
#include "objects/listobject.h"

namespace cppy::modules::heapq {

using namespace objects;

namespace {

using SiftFunc = int (*)(Object* heap, ssize pos);

// `a < b` for the min-heap (max=false) or `b < a` for the max-heap, with both operands held
// alive across the call as CPython does. 1, 0 or -1.
template <bool Max>
inline int before(Object* a, Object* b) {
  int fast = Max ? fast_less_than(b, a) : fast_less_than(a, b);
  if (fast != -2) return fast;
  incref(a);
  incref(b);
  int cmp = Max ? object_rich_compare_bool(b, a, kLT) : object_rich_compare_bool(a, b, kLT);
  decref(a);
  decref(b);
  return cmp;
}

int changed_size() {
  errors::set_string(exc_RuntimeError, "list changed size during iteration");
  return -1;
}

// siftdown / siftdown_max: follow the path to the root, moving parents down until newitem
// fits.
template <bool Max>
int siftdown(Object* heap, ssize startpos, ssize pos) {
  ssize size = list_size(heap);
  if (pos >= size) {
    errors::set_string(exc_IndexError, "index out of range");
    return -1;
  }
  Object** arr = list_items(heap);
  Object* newitem = arr[pos];
  while (pos > startpos) {
    ssize parentpos = (pos - 1) >> 1;
    Object* parent = arr[parentpos];
    int cmp = before<Max>(newitem, parent);
    if (cmp < 0) return -1;
    if (size != list_size(heap)) return changed_size();
    if (cmp == 0) break;
    arr = list_items(heap);
    parent = arr[parentpos];
    newitem = arr[pos];
    arr[parentpos] = newitem;
    arr[pos] = parent;
    pos = parentpos;
  }
  return 0;
}

// siftup / siftup_max: bubble the smaller (larger) child up to a leaf, then sift down.
template <bool Max>
int siftup(Object* heap, ssize pos) {
  ssize endpos = list_size(heap);
  ssize startpos = pos;
  if (pos >= endpos) {
    errors::set_string(exc_IndexError, "index out of range");
    return -1;
  }
  Object** arr = list_items(heap);
  ssize limit = endpos >> 1;  // the smallest position without a child
  while (pos < limit) {
    ssize childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      int cmp = before<Max>(arr[childpos], arr[childpos + 1]);
      if (cmp < 0) return -1;
      childpos += static_cast<ssize>(static_cast<unsigned>(cmp) ^ 1);
      arr = list_items(heap);
      if (endpos != list_size(heap)) return changed_size();
    }
    Object* tmp1 = arr[childpos];
    Object* tmp2 = arr[pos];
    arr[childpos] = tmp2;
    arr[pos] = tmp1;
    pos = childpos;
  }
  return siftdown<Max>(heap, startpos, pos);
}

// Clinic's `heap: object(subclass_of='&PyList_Type')`.
// METH_O functions name no argument number in the message.
bool check_list(const char* fname, Object* heap, bool nargs_one = true) {
  if (list_check(heap)) return true;
  bad_argument(fname, nargs_one ? "" : "1", "list", heap);
  return false;
}

bool two_args(const char* fname, Object* const* args, ssize nargs) {
  return check_positional(fname, nargs, 2, 2) && check_list(fname, args[0], false);
}

template <bool Max>
Object* push(const char* fname, Object* const* args, ssize nargs) {
  if (!two_args(fname, args, nargs)) return nullptr;
  Object* heap = args[0];
  if (list_append(heap, args[1]) < 0) return nullptr;
  if (siftdown<Max>(heap, 0, list_size(heap) - 1) < 0) return nullptr;
  return return_none();
}

// heappop_internal.
template <bool Max>
Object* pop(const char* fname, Object* heap) {
  if (!check_list(fname, heap)) return nullptr;
  ssize n = list_size(heap);
  if (n == 0) {
    errors::set_string(exc_IndexError, "index out of range");
    return nullptr;
  }
  Object* lastelt = new_ref(list_item(heap, n - 1));
  if (list_set_slice(heap, n - 1, n, nullptr) < 0) {
    decref(lastelt);
    return nullptr;
  }
  n--;
  if (!n) return lastelt;
  Object* returnitem = list_item(heap, 0);
  list_set_item_steal(heap, 0, lastelt);
  if (siftup<Max>(heap, 0) < 0) {
    decref(returnitem);
    return nullptr;
  }
  return returnitem;
}

// heapreplace_internal.
template <bool Max>
Object* replace(const char* fname, Object* const* args, ssize nargs) {
  if (!two_args(fname, args, nargs)) return nullptr;
  Object* heap = args[0];
  if (list_size(heap) == 0) {
    errors::set_string(exc_IndexError, "index out of range");
    return nullptr;
  }
  Object* returnitem = list_item(heap, 0);
  list_set_item_steal(heap, 0, new_ref(args[1]));
  if (siftup<Max>(heap, 0) < 0) {
    decref(returnitem);
    return nullptr;
  }
  return returnitem;
}

// _heapq_heappushpop_impl / _heapq_heappushpop_max_impl.
template <bool Max>
Object* pushpop(const char* fname, Object* const* args, ssize nargs) {
  if (!two_args(fname, args, nargs)) return nullptr;
  Object* heap = args[0];
  Object* item = args[1];
  if (list_size(heap) == 0) return new_ref(item);
  Object* top = list_item(heap, 0);
  // heappushpop compares top < item; the max variant item < top.
  int cmp = Max ? before<false>(item, top) : before<false>(top, item);
  if (cmp < 0) return nullptr;
  if (cmp == 0) return new_ref(item);
  if (list_size(heap) == 0) {
    errors::set_string(exc_IndexError, "index out of range");
    return nullptr;
  }
  Object* returnitem = list_item(heap, 0);
  list_set_item_steal(heap, 0, new_ref(item));
  if (siftup<Max>(heap, 0) < 0) {
    decref(returnitem);
    return nullptr;
  }
  return returnitem;
}

// keep_top_bit: n with all but its highest set bit cleared.
ssize keep_top_bit(ssize n) {
  int i = 0;
  while (n > 1) {
    n >>= 1;
    i++;
  }
  return n << i;
}

// cache_friendly_heapify: for heaps likely bigger than the L1 cache, the order of the
// reference implementation that sifts each subtree while it is still in cache.
template <bool Max>
Object* cache_friendly_heapify(Object* heap) {
  ssize m = list_size(heap) >> 1;          // the first childless node
  ssize leftmost = keep_top_bit(m + 1) - 1;  // the leftmost node in m's row
  ssize mhalf = m >> 1;                    // the parent of the first childless node
  for (ssize i = leftmost - 1; i >= mhalf; i--) {
    for (ssize j = i;; j >>= 1) {
      if (siftup<Max>(heap, j) < 0) return nullptr;
      if (!(j & 1)) break;
    }
  }
  for (ssize i = m - 1; i >= leftmost; i--) {
    for (ssize j = i;; j >>= 1) {
      if (siftup<Max>(heap, j) < 0) return nullptr;
      if (!(j & 1)) break;
    }
  }
  return return_none();
}

// heapify_internal.
template <bool Max>
Object* heapify(const char* fname, Object* heap) {
  if (!check_list(fname, heap)) return nullptr;
  ssize n = list_size(heap);
  if (n > 2500) return cache_friendly_heapify<Max>(heap);
  for (ssize i = (n >> 1) - 1; i >= 0; i--)
    if (siftup<Max>(heap, i) < 0) return nullptr;
  return return_none();
}

Object* heappush(Object*, Object* const* a, ssize n) { return push<false>("heappush", a, n); }
Object* heappush_max(Object*, Object* const* a, ssize n) {
  return push<true>("heappush_max", a, n);
}
Object* heappop(Object*, Object* h) { return pop<false>("heappop", h); }
Object* heappop_max(Object*, Object* h) { return pop<true>("heappop_max", h); }
Object* heapreplace(Object*, Object* const* a, ssize n) {
  return replace<false>("heapreplace", a, n);
}
Object* heapreplace_max(Object*, Object* const* a, ssize n) {
  return replace<true>("heapreplace_max", a, n);
}
Object* heappushpop(Object*, Object* const* a, ssize n) {
  return pushpop<false>("heappushpop", a, n);
}
Object* heappushpop_max(Object*, Object* const* a, ssize n) {
  return pushpop<true>("heappushpop_max", a, n);
}
Object* heapify_min(Object*, Object* h) { return heapify<false>("heapify", h); }
Object* heapify_max(Object*, Object* h) { return heapify<true>("heapify_max", h); }

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

MethodDef heapq_methods[] = {
    {"heappush", FASTCALL(heappush),
     "heappush($module, heap, item, /)\n--\n\nPush item onto heap, maintaining the heap invariant."},
    {"heappushpop", FASTCALL(heappushpop),
     "heappushpop($module, heap, item, /)\n--\n\n"
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\n"
     "a separate call to heappop()."},
    {"heappop", METH_O(heappop),
     "heappop($module, heap, /)\n--\n\n"
     "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", FASTCALL(heapreplace),
     "heapreplace($module, heap, item, /)\n--\n\n"
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\n"
     "this routine unless written as part of a conditional replacement:\n\n"
     "    if item > heap[0]:\n"
     "        item = heapreplace(heap, item)"},
    {"heapify", METH_O(heapify_min),
     "heapify($module, heap, /)\n--\n\nTransform list into a heap, in-place, in O(len(heap)) time."},
    {"heappush_max", FASTCALL(heappush_max),
     "heappush_max($module, heap, item, /)\n--\n\n"
     "Push item onto max heap, maintaining the heap invariant."},
    {"heappushpop_max", FASTCALL(heappushpop_max),
     "heappushpop_max($module, heap, item, /)\n--\n\n"
     "Maxheap variant of heappushpop.\n\n"
     "The combined action runs more efficiently than heappush_max() followed by\n"
     "a separate call to heappop_max()."},
    {"heappop_max", METH_O(heappop_max),
     "heappop_max($module, heap, /)\n--\n\nMaxheap variant of heappop."},
    {"heapreplace_max", FASTCALL(heapreplace_max),
     "heapreplace_max($module, heap, item, /)\n--\n\nMaxheap variant of heapreplace."},
    {"heapify_max", METH_O(heapify_max),
     "heapify_max($module, heap, /)\n--\n\nMaxheap variant of heapify."},
    {nullptr, nullptr, 0, nullptr},
};

ModuleDef heapq_def = {
    "_heapq",
    "Heap queue algorithm (a.k.a. priority queue).\n\n"
    "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
    "all k, counting elements from 0.  For the sake of comparison,\n"
    "non-existing elements are considered to be infinite.  The interesting\n"
    "property of a heap is that a[0] is always its smallest element.\n\n"
    "Usage:\n\n"
    "heap = []            # creates an empty heap\n"
    "heappush(heap, item) # pushes a new item on the heap\n"
    "item = heappop(heap) # pops the smallest item from the heap\n"
    "item = heap[0]       # smallest item on the heap without popping it\n"
    "heapify(x)           # transforms list into a heap, in-place, in linear time\n"
    "item = heappushpop(heap, item) # pushes a new item and then returns\n"
    "                               # the smallest item; the heap size is unchanged\n"
    "item = heapreplace(heap, item) # pops and returns smallest item, and adds\n"
    "                               # new item; the heap size is unchanged\n\n"
    "Our API differs from textbook heap algorithms as follows:\n\n"
    "- We use 0-based indexing.  This makes the relationship between the\n"
    "  index for a node and the indexes for its children slightly less\n"
    "  obvious, but is more suitable since Python uses 0-based indexing.\n\n"
    "- Our heappop() method returns the smallest item, not the largest.\n\n"
    "These two make it possible to view the heap as a regular Python list\n"
    "without surprises: heap[0] is the smallest item, and heap.sort()\n"
    "maintains the heap invariant!\n",
    heapq_methods, nullptr};

}  // namespace

ModuleDef* module_def() { return &heapq_def; }

}  // namespace cppy::modules::heapq
