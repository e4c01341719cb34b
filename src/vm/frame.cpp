// Interpreter frames and the data stack: Python/frame.c, Python/pystate.c
// (_PyThreadState_PushFrame, push_chunk), and the frame type (Objects/frameobject.c).
#include "vm/frame.h"

#include <climits>
#include <cstdlib>
#include <vector>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/cellobject.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/frameobject.h"
#include "objects/funcobject.h"
#include "objects/genobject.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/pystate.h"
#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "compile/opcode_utils.h"
#include "vm/ceval.h"
#include "vm/instrumentation.h"

#pragma GCC diagnostic ignored "-Winvalid-offsetof"

namespace cppy::vm {

using namespace objects;

namespace {

// A chunk of the data stack (_PyStackChunk): frames are carved from it in LIFO order.
struct Chunk {
  Chunk* previous;
  size_t size;  // in words, header included
  size_t top;   // words in use, header included
  Object* data[1];
};
constexpr size_t kChunkWords = 16 * 1024;  // 128 KiB on 64-bit
constexpr size_t kChunkHeaderWords = offsetof(Chunk, data) / sizeof(Object*);

Chunk* new_chunk(size_t words, Chunk* previous) {
  auto* c = static_cast<Chunk*>(std::malloc(words * sizeof(Object*)));
  if (!c) return nullptr;
  c->previous = previous;
  c->size = words;
  c->top = kChunkHeaderWords;
  return c;
}

}  // namespace

thread_local constinit DataStack data_stack;

Frame* push_frame_slow(size_t size) {
  DataStack& ds = data_stack;
  if (ds.top && size_t(ds.limit - ds.top) > size) {
    auto* f = reinterpret_cast<Frame*>(ds.top);
    ds.top += size;
    return f;
  }
  // push_chunk: a new chunk big enough for the frame.
  size_t words = kChunkWords;
  while (words < size + kChunkHeaderWords + 1) words *= 2;
  Chunk* cur = static_cast<Chunk*>(ds.chunk);
  if (cur) cur->top = size_t(ds.top - reinterpret_cast<Object**>(cur));
  Chunk* c = new_chunk(words, cur);
  if (!c) {
    errors::no_memory();
    return nullptr;
  }
  ds.chunk = c;
  Object** base = reinterpret_cast<Object**>(c);
  ds.top = base + kChunkHeaderWords;
  ds.first = ds.top;
  ds.limit = base + c->size;
  auto* f = reinterpret_cast<Frame*>(ds.top);
  ds.top += size;
  return f;
}

void pop_frame_slow(Frame* f) {
  DataStack& ds = data_stack;
  Chunk* cur = static_cast<Chunk*>(ds.chunk);
  Object** base = reinterpret_cast<Object**>(cur);
  if (reinterpret_cast<Object**>(f) == base + kChunkHeaderWords) {
    // The first frame of the chunk: return to the previous chunk.
    Chunk* prev = cur->previous;
    std::free(cur);
    ds.chunk = prev;
    if (prev) {
      Object** pbase = reinterpret_cast<Object**>(prev);
      ds.top = pbase + prev->top;
      ds.first = pbase + kChunkHeaderWords;
      ds.limit = pbase + prev->size;
    } else {
      ds.top = ds.limit = ds.first = nullptr;
    }
    return;
  }
  ds.top = reinterpret_cast<Object**>(f);
}

void frame_initialize(Frame* f, FunctionObject* func, Object* code, Object* globals,
                      Object* builtins, Object* locals, int null_locals_from) {
  auto* co = static_cast<CodeObject*>(code);
  f->f_executable = new_ref(code);
  f->previous = nullptr;
  f->f_funcobj = func ? new_ref(static_cast<Object*>(func)) : nullptr;
  f->f_globals = new_ref(globals);
  f->f_builtins = new_ref(builtins);
  f->f_locals = xnew_ref(locals);
  f->frame_obj = nullptr;
  f->instr_ptr = code_units(co);
  f->stackpointer = f->localsplus + co->co_nlocalsplus;
  f->return_offset = 0;
  f->owner = kOwnedByThread;
  f->is_entry = 0;
  f->visited = 0;
  f->sp_exact = 0;
  f->padding = 0;  // instr_prev of the instrumented dispatch (instrumentation.cpp)
  for (int i = null_locals_from; i < co->co_nlocalsplus; ++i) f->localsplus[i] = nullptr;
}

// take_ownership: the frame object keeps a copy of the ending frame (locals included, the
// value stack empty) and learns its caller's frame object.
static void take_ownership(FrameObject* fo, Frame* f) {
  gc::track(fo);
  CodeObject* co = frame_code(f);
  size_t words = offsetof(Frame, localsplus) / sizeof(Object*) + size_t(co->co_nlocalsplus) + 1;
  auto* copy = static_cast<Frame*>(std::malloc(words * sizeof(Object*)));
  if (!copy) {
    // Out of memory: the frame object loses its view (its attributes then read as empty).
    fo->f_frame = nullptr;
    fo->f_lineno = frame_get_line(f);
    return;
  }
  std::memcpy(static_cast<void*>(copy), f, offsetof(Frame, localsplus));
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    copy->localsplus[i] = f->localsplus[i];
    f->localsplus[i] = nullptr;
  }
  copy->stackpointer = copy->localsplus + co->co_nlocalsplus;
  copy->owner = kOwnedByFrameObject;
  copy->frame_obj = nullptr;  // the frame object does not own itself
  copy->previous = nullptr;
  // The references of the header move to the copy.
  f->f_executable = nullptr;
  f->f_funcobj = nullptr;
  f->f_globals = nullptr;
  f->f_builtins = nullptr;
  f->f_locals = nullptr;
  fo->owned = copy;
  fo->f_frame = copy;
  fo->f_lineno = frame_get_line(copy);
  // The caller's frame object becomes f_back (skipping frames still in their prologue).
  Frame* prev = f->previous;
  while (prev && frame_is_incomplete(prev)) prev = prev->previous;
  if (prev && !fo->f_back) {
    Object* back = frame_get_frame_object(prev);
    if (back) fo->f_back = static_cast<FrameObject*>(new_ref(back));
    else errors::clear();
  }
}

// _PyFrame_ClearExceptCode, with frame_clear's release of the header's other references: a
// generator keeps its code (gi_code, cr_code, ag_code) after it finished, until it dies.
void frame_clear_except_code(Frame* f) {
  CodeObject* co = frame_code(f);
  if (f->frame_obj) {
    auto* fo = static_cast<FrameObject*>(f->frame_obj);
    f->frame_obj = nullptr;
    if (fo->refcnt > 1) {
      // The frame object outlives the frame: it takes the locals. The value stack is
      // released from the top, the stack pointer lowered first, so that a collection that
      // runs meanwhile (mark_stacks) never sees a released entry.
      Object** base = f->localsplus + co->co_nlocalsplus;
      Object** sp = f->stackpointer;
      f->stackpointer = base;
      while (sp > base) xdecref(*--sp);
      Object* code = f->f_executable;
      take_ownership(fo, f);
      decref(fo);
      // take_ownership moved the code's reference to the copy: this frame keeps one too.
      if (!f->f_executable) {
        f->f_executable = xnew_ref(code);
        return;  // everything else moved
      }
    } else {
      fo->f_frame = nullptr;
      decref(fo);
    }
  }
  // _PyFrame_ClearLocals: the stack pointer goes down to the locals first, then the locals
  // and the stack are released from the top.
  Object** sp = f->stackpointer;
  f->stackpointer = f->localsplus;
  while (sp > f->localsplus) xdecref(*--sp);
  clear(f->f_locals);
  clear(f->f_funcobj);
  clear(f->f_globals);
  clear(f->f_builtins);
}

void frame_clear(Frame* f) {
  frame_clear_except_code(f);
  // A generator's frame keeps its code until the generator dies (gen_dealloc releases it),
  // as clear_gen_frame of CPython's eval loop clears it with _PyFrame_ClearExceptCode.
  if (f->owner != kOwnedByGenerator) clear(f->f_executable);
}

void frame_copy(Frame* src, Frame* dest) {
  std::memcpy(static_cast<void*>(dest), src, offsetof(Frame, localsplus));
  ssize n = src->stackpointer - src->localsplus;
  for (ssize i = 0; i < n; ++i) dest->localsplus[i] = src->localsplus[i];
  dest->stackpointer = dest->localsplus + n;
  dest->sp_exact = 0;
  // The frame object, if any, follows the frame to its new home.
  if (dest->frame_obj) static_cast<FrameObject*>(dest->frame_obj)->f_frame = dest;
}

bool frame_is_incomplete(Frame* f) {
  if (f->owner == kOwnedByCStack) return true;
  CodeObject* co = frame_code(f);
  return f->owner != kOwnedByGenerator && frame_lasti(f) < co->co_firsttraceable;
}

int frame_get_line(Frame* f) {
  CodeObject* co = frame_code(f);
  return code_addr2line(co, frame_lasti(f) * 2);
}

Object* frame_get_frame_object(Frame* f) {
  if (f->frame_obj) return f->frame_obj;
  FrameObject* fo = frame_object_new(f);
  if (!fo) return nullptr;
  f->frame_obj = fo;
  return fo;
}

}  // namespace cppy::vm

// --- the frame type (Objects/frameobject.c) ------------------------------------------------

namespace cppy::objects {

namespace {

void frame_dealloc(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  gc::untrack(o);
  if (fo->owned) {
    vm::Frame* f = fo->owned;
    CodeObject* co = vm::frame_code(f);
    for (int i = 0; i < co->co_nlocalsplus; ++i) xdecref(f->localsplus[i]);
    xdecref(f->f_locals);
    xdecref(f->f_funcobj);
    xdecref(f->f_globals);
    xdecref(f->f_builtins);
    xdecref(f->f_executable);
    std::free(f);
  } else if (fo->f_frame && fo->f_frame->frame_obj == o) {
    fo->f_frame->frame_obj = nullptr;
  }
  xdecref(fo->f_back);
  xdecref(fo->f_trace);
  xdecref(fo->f_extra_locals);
  xdecref(fo->f_locals_cache);
  xdecref(fo->f_overwritten_fast_locals);
  gc::gc_free(o);
}

int frame_traverse(Object* o, visitproc visit, void* arg) {
  auto* fo = static_cast<FrameObject*>(o);
  Object* own[] = {fo->f_back, fo->f_trace, fo->f_extra_locals, fo->f_locals_cache,
                   fo->f_overwritten_fast_locals};
  for (Object* x : own)
    if (x) {
      int r = visit(x, arg);
      if (r) return r;
    }
  if (fo->owned) {
    vm::Frame* f = fo->owned;
    CodeObject* co = vm::frame_code(f);
    for (int i = 0; i < co->co_nlocalsplus; ++i)
      if (f->localsplus[i]) {
        int r = visit(f->localsplus[i], arg);
        if (r) return r;
      }
    Object* fields[] = {f->f_locals, f->f_funcobj, f->f_globals};
    for (Object* x : fields)
      if (x) {
        int r = visit(x, arg);
        if (r) return r;
      }
  }
  return 0;
}

Object* frame_repr(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!fo->f_frame) return str_from_format("<frame at %p>", static_cast<void*>(o));
  CodeObject* co = vm::frame_code(fo->f_frame);
  return str_from_format("<frame at %p, file %R, line %d, code %S>", static_cast<void*>(o),
                         co->co_filename, frame_object_get_lineno(fo), co->co_name);
}

Object* get_code(Object* o, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!fo->f_frame) return return_none();
  return new_ref(fo->f_frame->f_executable);
}
Object* get_globals(Object* o, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!fo->f_frame) return return_none();
  return new_ref(fo->f_frame->f_globals);
}
Object* get_builtins(Object* o, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!fo->f_frame) return return_none();
  return new_ref(fo->f_frame->f_builtins);
}
// frame_getlineno: None when the instruction has no line (a negative line number).
Object* get_lineno(Object* o, void*) {
  int lineno = frame_object_get_lineno(static_cast<FrameObject*>(o));
  if (lineno < 0) return return_none();
  return long_from_long(lineno);
}
Object* get_lasti(Object* o, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!fo->f_frame) return long_from_long(-1);
  int lasti = vm::frame_lasti(fo->f_frame);
  return long_from_long(lasti < 0 ? -1 : lasti * 2);
}
Object* get_back(Object* o, void*) {
  Object* b = frame_object_get_back(static_cast<FrameObject*>(o));
  if (!b && !errors::occurred()) return return_none();
  return b;
}
// _PyFrame_HasHiddenLocals: a PEP 709 inlined comprehension's isolated locals are bound.
bool has_hidden_locals(vm::Frame* f) {
  CodeObject* co = vm::frame_code(f);
  for (int i = 0; i < co->co_nlocalsplus; ++i) {
    if (!(code_local_kind(co, i) & kCoFastHidden)) continue;
    Object* v = f->localsplus[i];
    if (!v) continue;
    uint8_t kind = code_local_kind(co, i);
    if ((kind & (kCoFastCell | kCoFastFree)) && v->type == &cell_type && !cell_get(v)) continue;
    return true;
  }
  return false;
}

Object* get_locals(Object* o, void*) {
  return frame_object_get_locals(static_cast<FrameObject*>(o));
}
Object* get_trace(Object* o, void*) {
  Object* t = static_cast<FrameObject*>(o)->f_trace;
  return new_ref(t ? t : none());
}
// frame_trace_set_impl.
int set_trace(Object* o, Object* v, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (v == none()) v = nullptr;
  if (v != fo->f_trace) {
    xsetref(fo->f_trace, xnew_ref(v));
    if (v && fo->f_trace_opcodes) return vm::frame_trace_changed(fo);
  }
  return 0;
}
Object* get_trace_lines(Object* o, void*) {
  return bool_from_bool(static_cast<FrameObject*>(o)->f_trace_lines);
}
int set_trace_lines(Object* o, Object* v, void*) {
  if (!v || !bool_check(v)) {
    errors::set_string(exc_TypeError, "attribute value type must be bool");
    return -1;
  }
  static_cast<FrameObject*>(o)->f_trace_lines = v == py_true();
  return 0;
}
Object* get_trace_opcodes(Object* o, void*) {
  return bool_from_bool(static_cast<FrameObject*>(o)->f_trace_opcodes);
}
// frame_trace_opcodes_set_impl.
int set_trace_opcodes(Object* o, Object* v, void*) {
  if (!v || !bool_check(v)) {
    errors::set_string(exc_TypeError, "attribute value type must be bool");
    return -1;
  }
  auto* fo = static_cast<FrameObject*>(o);
  fo->f_trace_opcodes = v == py_true();
  if (fo->f_trace_opcodes ? fo->f_trace != nullptr : true) return vm::frame_trace_changed(fo);
  return 0;
}
// --- assigning f_lineno (frame_lineno_set_impl, mark_stacks, marklines) ----------------------

// The value stack modelled as 3-bit kinds in an int64 (frameobject.c's Kind).
enum StackKind : int { kIterator = 1, kExcept = 2, kObject = 3, kNull = 4, kLasti = 5 };
constexpr int kBitsPerBlock = 3;
constexpr int64_t kUninitialized = -2;
constexpr int64_t kOverflowed = -1;
constexpr int kMaxStackEntries = 63 / kBitsPerBlock;
constexpr uint64_t kWillOverflow = 1ULL << ((kMaxStackEntries - 1) * kBitsPerBlock);
constexpr int64_t kMask = (1 << kBitsPerBlock) - 1;

int64_t push_value(int64_t stack, int kind) {
  if (uint64_t(stack) >= kWillOverflow) return kOverflowed;
  return (stack << kBitsPerBlock) | kind;
}
int64_t pop_value(int64_t stack) { return stack >> kBitsPerBlock; }
int top_of_stack(int64_t stack) { return int(stack & kMask); }
int peek_kind(int64_t stack, int n) { return int((stack >> (kBitsPerBlock * (n - 1))) & kMask); }
int64_t stack_swap(int64_t stack, int n) {
  int to_swap = peek_kind(stack, n);
  int top = top_of_stack(stack);
  int shift = kBitsPerBlock * (n - 1);
  int64_t replaced_low = (stack & ~(kMask << shift)) | (int64_t(top) << shift);
  return (replaced_low & ~kMask) | to_swap;
}
int64_t pop_to_level(int64_t stack, int level) {
  if (level == 0) return 0;
  int64_t level_max_stack = kMask << ((level - 1) * kBitsPerBlock);
  while (stack > level_max_stack) stack = pop_value(stack);
  return stack;
}
bool compatible_kind(int from, int to) {
  if (to == 0) return false;
  if (to == kObject) return from != kNull;
  if (to == kNull) return true;
  return from == to;
}
bool compatible_stack(int64_t from, int64_t to) {
  if (from < 0 || to < 0) return false;
  while (from > to) from = pop_value(from);
  while (from) {
    if (!compatible_kind(top_of_stack(from), top_of_stack(to))) return false;
    from = pop_value(from);
    to = pop_value(to);
  }
  return to == 0;
}
const char* explain_incompatible_stack(int64_t to) {
  if (to == kOverflowed) return "stack is too deep to analyze";
  if (to == kUninitialized) return "can't jump into an exception handler, or code may be unreachable";
  switch (top_of_stack(to)) {
    case kExcept: return "can't jump into an 'except' block as there's no exception";
    case kLasti: return "can't jump into a re-raising block as there's no location";
    case kIterator: return "can't jump into the body of a for loop";
    default: return "incompatible stacks";
  }
}

// mark_stacks: the stack shape before each instruction (3.14's instruction set).
std::vector<int64_t> mark_stacks(CodeObject* co, int len) {
  using namespace compile;
  CodeUnit* units = code_units(co);
  std::vector<int64_t> stacks(size_t(len) + 1, kUninitialized);
  stacks[0] = 0;
  auto set = [&](int j, int64_t v) {
    if (j >= 0 && j <= len) stacks[size_t(j)] = v;
  };
  bool todo = true;
  while (todo) {
    todo = false;
    for (int i = 0; i < len;) {
      int64_t next_stack = stacks[size_t(i)];
      int opcode = opcode_deopt[units[i].op.code];
      int oparg = 0;
      while (opcode == EXTENDED_ARG && i + 1 < len) {
        oparg = (oparg << 8) | units[i].op.arg;
        ++i;
        opcode = opcode_deopt[units[i].op.code];
        stacks[size_t(i)] = next_stack;
      }
      oparg = (oparg << 8) | units[i].op.arg;
      int next_i = i + opcode_caches[opcode] + 1;
      if (next_stack == kUninitialized) {
        i = next_i;
        continue;
      }
      switch (opcode) {
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_NOT_NONE:
          next_stack = pop_value(next_stack);
          set(next_i + oparg, next_stack);
          set(next_i, next_stack);
          break;
        case SEND:
          set(oparg + i + opcode_caches[SEND] + 1, next_stack);
          set(next_i, next_stack);
          break;
        case JUMP_FORWARD:
          set(oparg + i + 1, next_stack);
          break;
        case JUMP_BACKWARD:
        case JUMP_BACKWARD_NO_INTERRUPT: {
          int j = next_i - oparg;
          if (j >= 0 && j < len && stacks[size_t(j)] == kUninitialized && j < i) todo = true;
          set(j, next_stack);
          break;
        }
        case GET_ITER:
        case GET_AITER:
          next_stack = push_value(pop_value(next_stack), kIterator);
          set(next_i, next_stack);
          break;
        case FOR_ITER: {
          int64_t target_stack = push_value(next_stack, kObject);
          set(next_i, target_stack);
          set(oparg + 1 + opcode_caches[FOR_ITER] + i, target_stack);
          break;
        }
        case END_ASYNC_FOR:
          next_stack = pop_value(pop_value(next_stack));
          set(next_i, next_stack);
          break;
        case PUSH_EXC_INFO:
          next_stack = push_value(next_stack, kExcept);
          set(next_i, next_stack);
          break;
        case POP_EXCEPT:
          next_stack = pop_value(next_stack);
          set(next_i, next_stack);
          break;
        case RETURN_VALUE:
        case RAISE_VARARGS:
        case RERAISE:
          break;
        case PUSH_NULL:
          next_stack = push_value(next_stack, kNull);
          set(next_i, next_stack);
          break;
        case LOAD_GLOBAL:
          next_stack = push_value(next_stack, kObject);
          if (oparg & 1) next_stack = push_value(next_stack, kNull);
          set(next_i, next_stack);
          break;
        case LOAD_ATTR:
          if (oparg & 1) {
            next_stack = pop_value(next_stack);
            next_stack = push_value(next_stack, kObject);
            next_stack = push_value(next_stack, kNull);
          }
          set(next_i, next_stack);
          break;
        case SWAP:
          next_stack = stack_swap(next_stack, oparg);
          set(next_i, next_stack);
          break;
        case COPY:
          next_stack = push_value(next_stack, peek_kind(next_stack, oparg));
          set(next_i, next_stack);
          break;
        default: {
          int delta = stack_effect(opcode, oparg, -1);
          if (delta == kInvalidStackEffect) delta = 0;
          for (; delta < 0; ++delta) next_stack = pop_value(next_stack);
          for (; delta > 0; --delta) next_stack = push_value(next_stack, kObject);
          set(next_i, next_stack);
        }
      }
      i = next_i;
    }
    // The exception table's handlers.
    const uint8_t* p = reinterpret_cast<const uint8_t*>(bytes_as_string(co->co_exceptiontable));
    const uint8_t* end = p + bytes_size(co->co_exceptiontable);
    auto varint = [&]() {
      int v = *p & 63;
      while ((*p & 64) && p + 1 < end) {
        ++p;
        v = (v << 6) | (*p & 63);
      }
      ++p;
      return v;
    };
    while (p < end) {
      int start = varint();
      varint();
      int handler = varint();
      int dl = p < end ? varint() : 0;
      if (start < 0 || start > len || handler < 0 || handler > len) continue;
      if (stacks[size_t(start)] != kUninitialized && stacks[size_t(handler)] == kUninitialized) {
        todo = true;
        int64_t target = pop_to_level(stacks[size_t(start)], dl >> 1);
        if (dl & 1) target = push_value(target, kLasti);
        stacks[size_t(handler)] = push_value(target, kExcept);
      }
    }
  }
  return stacks;
}

// frame_lineno_set_impl: a trace function moves the frame to the first instruction of a line
// whose stack shape the current one can be popped down to.
int set_lineno(Object* o, Object* value, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  if (!value) {
    errors::set_string(exc_AttributeError, "cannot delete attribute");
    return -1;
  }
  if (!long_check_exact(value)) {
    errors::set_string(exc_ValueError, "lineno must be an integer");
    return -1;
  }
  int what = vm::trace_state.what_event;
  if (what < 0) {
    errors::set_string(exc_ValueError, "f_lineno can only be set in a trace function");
    return -1;
  }
  switch (what) {
    case vm::kEvPyResume:
    case vm::kEvJump:
    case vm::kEvBranch:
    case vm::kEvBranchLeft:
    case vm::kEvBranchRight:
    case vm::kEvLine:
    case vm::kEvPyYield:
      break;
    case vm::kEvPyStart:
      errors::set_string(exc_ValueError, "can't jump from the 'call' trace event of a new frame");
      return -1;
    case vm::kEvCall:
    case vm::kEvCReturn:
      errors::set_string(exc_ValueError, "can't jump during a call");
      return -1;
    default:
      errors::set_string(exc_ValueError, "can only jump from a 'line' trace event");
      return -1;
  }
  vm::Frame* f = fo->f_frame;
  if (!f || fo->owned) {
    errors::set_string(exc_ValueError, "can only jump from a 'line' trace event");
    return -1;
  }
  CodeObject* co = vm::frame_code(f);
  int overflow = 0;
  long l_new = long_as_long_and_overflow(value, &overflow);
  if (overflow || l_new > INT_MAX || l_new < INT_MIN) {
    errors::set_string(exc_ValueError, "lineno out of range");
    return -1;
  }
  int new_lineno = int(l_new);
  if (new_lineno < co->co_firstlineno) {
    errors::format(exc_ValueError, "line %d comes before the current code block", new_lineno);
    return -1;
  }
  int len = int(code_size(co));
  // marklines: the line of each unit that starts a new line.
  std::vector<int> lines(size_t(len), -1);
  int last_line = -1;
  for (int i = 0; i < len; ++i) {
    int line = code_addr2line(co, i * 2);
    if (line != last_line && line != -1) {
      lines[size_t(i)] = line;
      last_line = line;
    }
  }
  int best_line = INT_MAX;
  for (int l : lines)
    if (l < best_line && l >= new_lineno) best_line = l;
  if (best_line == INT_MAX) {
    errors::format(exc_ValueError, "line %d comes after the current code block", int(l_new));
    return -1;
  }
  new_lineno = best_line;
  std::vector<int64_t> stacks = mark_stacks(co, len);
  int64_t best_stack = kOverflowed;
  int best_addr = -1;
  int64_t start_stack = stacks[size_t(vm::frame_lasti(f))];
  int err = -1;
  const char* msg = "cannot find bytecode for specified line";
  for (int i = 0; i < len; ++i) {
    if (lines[size_t(i)] != new_lineno) continue;
    int64_t target_stack = stacks[size_t(i)];
    if (compatible_stack(start_stack, target_stack)) {
      err = 0;
      if (target_stack > best_stack) {
        best_stack = target_stack;
        best_addr = i;
      }
    } else if (err < 0) {
      if (start_stack == kOverflowed) {
        msg = "stack to deep to analyze";
      } else if (start_stack == kUninitialized) {
        msg = "can't jump from unreachable code";
      } else {
        msg = explain_incompatible_stack(target_stack);
        err = 1;
      }
    }
  }
  if (err) {
    errors::set_string(exc_ValueError, msg);
    return -1;
  }
  // Locals the compiler proved bound at the target get None rather than crashing.
  int unbound = 0;
  for (int i = 0; i < co->co_nlocalsplus; ++i) unbound += f->localsplus[i] == nullptr;
  if (unbound) {
    if (errors::warn_format(exc_RuntimeWarning, 0, "assigning None to %d unbound local%s",
                            unbound, unbound == 1 ? "" : "s") < 0)
      return -1;
    for (int i = 0; i < co->co_nlocalsplus; ++i)
      if (!f->localsplus[i]) f->localsplus[i] = new_ref(none());
  }
  runtime::ThreadState* ts = runtime::thread_state();
  while (start_stack > best_stack) {
    Object* popped = *--f->stackpointer;
    if (top_of_stack(start_stack) == kExcept) {
      // Pop the exception stack as well as the value stack.
      Object* exc = popped == none() ? nullptr : popped;
      if (!exc) decref(popped);
      xsetref(ts->exc_info->exc_value, exc);
    } else {
      xdecref(popped);
    }
    start_stack = pop_value(start_stack);
  }
  fo->f_lineno = 0;
  f->instr_ptr = code_units(co) + best_addr;
  return 0;
}

// frame_tp_clear: drops what the frame object holds, and the locals of a frame it owns.
int frame_tp_clear(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  clear(fo->f_trace);
  clear(fo->f_extra_locals);
  clear(fo->f_locals_cache);
  clear(fo->f_overwritten_fast_locals);
  if (vm::Frame* f = fo->owned) {
    Object** sp = f->stackpointer;
    while (sp > f->localsplus) {
      --sp;
      clear(*sp);
    }
    f->stackpointer = f->localsplus;
    clear(f->f_locals);
  }
  return 0;
}

// frame.__sizeof__.
Object* frame_sizeof(Object* o, Object*) {
  auto* fo = static_cast<FrameObject*>(o);
  ssize size = ssize(sizeof(FrameObject));
  if (fo->f_frame) size += ssize(vm::frame_code(fo->f_frame)->co_framesize) * ssize(sizeof(Object*));
  return long_from_ssize(size);
}

// frame.f_generator (frame_generator_get_impl): the generator or coroutine running the
// frame, else None.
Object* get_generator(Object* o, void*) {
  auto* fo = static_cast<FrameObject*>(o);
  vm::Frame* f = fo->f_frame;
  if (f && !fo->owned && f->owner == vm::kOwnedByGenerator) {
    return new_ref(reinterpret_cast<GenObject*>(reinterpret_cast<char*>(f) -
                                                offsetof(GenObject, gi_iframe)));
  }
  return return_none();
}

// frame_tp_clear: drops the locals, the value stack and the cached namespaces of a frame that
// no longer runs (its copy owned by the frame object).
void frame_object_clear_owned(FrameObject* fo) {
  clear(fo->f_trace);
  if (vm::Frame* f = fo->f_frame) {
    CodeObject* co = vm::frame_code(f);
    if (co) {
      for (Object** p = f->localsplus + co->co_nlocalsplus; p < f->stackpointer; ++p) clear(*p);
      f->stackpointer = f->localsplus + co->co_nlocalsplus;
      for (int i = 0; i < co->co_nlocalsplus; ++i) clear(f->localsplus[i]);
    }
    clear(f->f_locals);
  }
  clear(fo->f_extra_locals);
  clear(fo->f_locals_cache);
  clear(fo->f_overwritten_fast_locals);
}

// frame_clear (frame.clear()): a generator's frame is finalized through its generator (closing
// it), a frame that ended loses its locals; running or suspended frames refuse.
Object* frame_clear_method(Object* self, Object*) {
  auto* fo = static_cast<FrameObject*>(self);
  vm::Frame* f = fo->f_frame;
  if (f && f->owner == vm::kOwnedByGenerator) {
    GenObject* gen = gen_of_frame(f);
    if (gen->gi_frame_state == kFrameExecuting) {
      errors::set_string(exc_RuntimeError, "cannot clear an executing frame");
      return nullptr;
    }
    if (gen->gi_frame_state == kFrameSuspended || gen->gi_frame_state == kFrameSuspendedYieldFrom) {
      errors::set_string(exc_RuntimeError, "cannot clear a suspended frame");
      return nullptr;
    }
    gen_finalize_object(gen);
  } else if (f && f->owner != vm::kOwnedByFrameObject) {
    errors::set_string(exc_RuntimeError, "cannot clear an executing frame");
    return nullptr;
  } else {
    frame_object_clear_owned(fo);
  }
  return return_none();
}

MethodDef frame_methods[] = {
    {"clear", reinterpret_cast<void*>(frame_clear_method), kMethNoArgs,
     "Clear all references held by the frame."},
    {"__sizeof__", reinterpret_cast<void*>(frame_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nReturn the size of the frame in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef frame_getsetlist[] = {
    {"f_back", get_back, nullptr, nullptr, nullptr},
    {"f_locals", get_locals, nullptr,
     "Return the mapping used by the frame to look up local variables.", nullptr},
    {"f_lineno", get_lineno, set_lineno,
     "Return the current line number in the frame.", nullptr},
    {"f_trace", get_trace, set_trace,
     "Return the trace function for this frame, or None if no trace function is set.", nullptr},
    {"f_trace_lines", get_trace_lines, set_trace_lines, nullptr, nullptr},
    {"f_trace_opcodes", get_trace_opcodes, set_trace_opcodes,
     "Return True if opcode tracing is enabled, False otherwise.", nullptr},
    {"f_lasti", get_lasti, nullptr,
     "Return the index of the last attempted instruction in the frame.", nullptr},
    {"f_globals", get_globals, nullptr,
     "Return the global variables in the frame.", nullptr},
    {"f_builtins", get_builtins, nullptr,
     "Return the built-in variables in the frame.", nullptr},
    {"f_code", get_code, nullptr,
     "Return the code object being executed in this frame.", nullptr},
    {"f_generator", get_generator, nullptr,
     "Return the generator or coroutine associated with this frame, or None.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

}  // namespace

FrameObject* frame_object_new(vm::Frame* f) {
  auto* fo = static_cast<FrameObject*>(gc::gc_malloc(sizeof(FrameObject)));
  if (!fo) return nullptr;
  fo->refcnt = 1;
  fo->type = &frame_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  fo->f_frame = f;
  fo->f_lineno = 0;
  fo->f_trace = nullptr;
  fo->f_trace_lines = 1;
  fo->f_trace_opcodes = 0;
  // _PyFrame_New_NoTrack: the object of a running frame is not tracked; take_ownership tracks
  // it when it outlives its frame.
  return fo;
}

// frame_locals_get_impl.
Object* frame_object_get_locals(FrameObject* fo) {
  vm::Frame* f = fo->f_frame;
  if (!f) return dict_new();
  CodeObject* co = vm::frame_code(f);
  if (!(co->co_flags & kCoOptimized) && !has_hidden_locals(f)) {
    if (!f->f_locals) {
      f->f_locals = dict_new();
      if (!f->f_locals) return nullptr;
    }
    return new_ref(f->f_locals);
  }
  return frame_locals_proxy_new(fo);
}

// _PyEval_GetFrameLocals.
Object* frame_locals_snapshot(FrameObject* fo) {
  Ref<> locals = Ref<>::steal(frame_object_get_locals(fo));
  if (!locals || !framelocalsproxy_check(locals.get())) return locals.release();
  Ref<> d = Ref<>::steal(dict_new());
  if (!d || dict_update(d.get(), locals.get()) < 0) return nullptr;
  return d.release();
}

int frame_object_get_lineno(FrameObject* f) {
  if (!f->f_frame) return f->f_lineno;
  // A trace function's 'line' event sets the line it reports (PyFrame_GetLineNumber).
  if (f->owned || f->f_lineno > 0) return f->f_lineno;
  return vm::frame_get_line(f->f_frame);
}

Object* frame_object_get_back(FrameObject* f) {
  if (f->f_back) return new_ref(f->f_back);
  if (!f->f_frame || f->owned) return nullptr;
  vm::Frame* prev = f->f_frame->previous;
  while (prev && vm::frame_is_incomplete(prev)) prev = prev->previous;
  if (!prev) return nullptr;
  return xnew_ref(vm::frame_get_frame_object(prev));
}

TypeObject frame_type = [] {
  TypeObject t = static_type("frame", sizeof(FrameObject), 0, kTpflagsHaveGc);
  t.dealloc = frame_dealloc;
  t.repr = frame_repr;
  t.getattro = object_generic_getattr;
  t.setattro = object_generic_setattr;
  t.traverse = frame_traverse;
  t.clear = frame_tp_clear;
  t.getset = frame_getsetlist;
  t.methods = frame_methods;
  return t;
}();

}  // namespace cppy::objects
