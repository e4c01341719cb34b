// The object header, reference counting and owned-reference handles: Include/object.h,
// Include/refcount.h and the core of Objects/object.c.
//
// Every Python object starts with a reference count and a pointer to its type. Functions
// follow CPython's conventions: a returned Object* is a new reference unless documented as
// borrowed, nullptr (or -1 for int results) means an exception is set on the thread state
// (see errors/errors.h). Ref<T> owns one reference and releases it at scope exit.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace cppy::objects {

using ssize = std::ptrdiff_t;   // Py_ssize_t
using hash_t = std::ptrdiff_t;  // Py_hash_t

struct TypeObject;

struct Object {
  ssize refcnt;
  TypeObject* type;
};

// Objects whose size varies with their item count (tuple, int, bytes, type...): PyVarObject.
struct VarObject : Object {
  ssize size;
};

// Immortal objects (None, True, False, small ints, static types...) start with this count;
// it is never decremented to zero. Mirrors _Py_IMMORTAL_INITIAL_REFCNT on 64-bit builds.
inline constexpr ssize kImmortalRefcnt = ssize(3) << 30;
// Anything at or above this is immortal, however many increments and decrements it saw.
inline constexpr ssize kImmortalThreshold = ssize(1) << 30;

inline bool is_immortal(const Object* o) { return o->refcnt >= kImmortalThreshold; }

// Calls the type's dealloc slot; the reference count has reached zero (_Py_Dealloc).
void dealloc(Object* o);

#ifdef CPPY_DEBUG
// Debug builds check every decrement and count live references (sys.gettotalrefcount).
void debug_negative_refcount(Object* o);
extern ssize total_refcount;
#endif

inline void incref(Object* o) {
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  ++o->refcnt;
}

// Py_DECREF: an immortal object's count is never lowered (PEP 683, as Py_DECREF checks
// _Py_IsImmortal since 3.12). So the increments of immortal objects may be skipped
// (incref_unless_immortal, immortal_ref below) without the count ever drifting down to a
// real zero, and the eval loop's hot paths write nothing to the counts of small ints, bools
// and None (each write was a store-to-load dependency between instructions).
[[gnu::always_inline]] inline void decref(Object* o) {
#ifdef CPPY_DEBUG
  --total_refcount;
  if (o->refcnt <= 0) debug_negative_refcount(o);
#endif
  ssize r = o->refcnt;
  if (r >= kImmortalThreshold) return;
  o->refcnt = r - 1;
  if (r == 1) dealloc(o);
}

// Py_INCREF as 3.12+ does it: nothing is written to an immortal object. For hot paths; plain
// incref stays a single add (a count that only grows cannot reach zero).
[[gnu::always_inline]] inline void incref_unless_immortal(Object* o) {
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  if (o->refcnt < kImmortalThreshold) ++o->refcnt;
}
template <class T>
inline T* new_ref_unless_immortal(T* o) {
  incref_unless_immortal(o);
  return o;
}
// A new reference to an object known to be immortal (True, False, None, the small ints):
// nothing to write (_Py_NewRef_Immortal / PyStackRef_FromPyObjectImmortal).
template <class T>
inline T* immortal_ref(T* o) {
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

inline void xincref(Object* o) {
  if (o) incref(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}

// Returns o with one more reference (Py_NewRef).
template <class T>
inline T* new_ref(T* o) {
  incref(o);
  return o;
}
template <class T>
inline T* xnew_ref(T* o) {
  xincref(o);
  return o;
}

// Replaces *slot with value (stealing it) and releases the old value afterwards, so a
// destructor that runs re-entrantly never sees a dangling pointer (Py_XSETREF).
template <class T>
inline void xsetref(T*& slot, T* value) {
  T* old = slot;
  slot = value;
  xdecref(old);
}
// Py_CLEAR.
template <class T>
inline void clear(T*& slot) {
  T* old = slot;
  if (old) {
    slot = nullptr;
    decref(old);
  }
}

// An owned reference. Ref<>::steal adopts a new reference (the result of a function that
// returns one); Ref<>::borrow takes an additional reference to a borrowed pointer.
template <class T = Object>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  static Ref steal(T* p) { return Ref(p); }
  static Ref borrow(T* p) {
    xincref(p);
    return Ref(p);
  }
  Ref(const Ref& other) : p_(other.p_) { xincref(p_); }
  Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  template <class U>
  Ref(Ref<U>&& other) noexcept : p_(other.release()) {}
  Ref& operator=(Ref other) noexcept {
    std::swap(p_, other.p_);
    return *this;
  }
  ~Ref() { xdecref(p_); }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Gives up ownership: the caller now owns the reference.
  T* release() {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  // Releases the current reference and adopts a new one.
  void reset(T* p = nullptr) { xsetref(p_, p); }

 private:
  explicit Ref(T* p) : p_(p) {}
  T* p_ = nullptr;
};

inline TypeObject* type_of(const Object* o) { return o->type; }

// Makes o immortal: for statically allocated singletons and types.
inline void make_immortal(Object* o) { o->refcnt = kImmortalRefcnt; }

// The singletons of object.cpp and sliceobject.cpp (Py_None, Py_NotImplemented,
// Py_Ellipsis). They are immortal; the accessors return borrowed pointers, callers that
// return them as results take a reference with new_ref() as CPython's Py_RETURN_NONE does.
extern Object NoneStruct;
extern Object NotImplementedStruct;
extern Object EllipsisStruct;
inline Object* none() { return &NoneStruct; }
inline Object* not_implemented() { return &NotImplementedStruct; }
inline Object* ellipsis() { return &EllipsisStruct; }
inline Object* return_none() { return new_ref(&NoneStruct); }
inline Object* return_not_implemented() { return new_ref(&NotImplementedStruct); }

}  // namespace cppy::objects
