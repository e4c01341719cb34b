// The _pickle module: Modules/_pickle.c of CPython 3.14.
//
// CPython keeps the exceptions, the copyreg tables and the types in the module state; cppy has
// one _pickle module per process, so they are globals here, filled once by the first exec.
// The unpickling stack (Pdata) is a plain buffer owned by the Unpickler rather than an object:
// CPython's Pdata_traverse visits nothing but its type either.
#include "modules/_pickle/picklemodule.h"

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "builtins/bltinmodule.h"
#include "errors/errors.h"
#include "gc/gc.h"
#include "imp/import.h"
#include "objects/typeobject_internal.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytearrayobject.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject_digits.h"
#include "objects/memoryobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/picklebufobject.h"
#include "objects/setobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"
#include "pystrconv/pystrtod.h"
#include "sys/sysmodule.h"

namespace cppy::modules::pickle {

using namespace objects;

namespace {

constexpr int kHighestProtocol = 5;
constexpr int kDefaultProtocol = 5;

// Pickle opcodes (pickletools documents them).
enum Opcode : unsigned char {
  MARK = '(',
  STOP = '.',
  POP = '0',
  POP_MARK = '1',
  DUP = '2',
  FLOAT = 'F',
  INT = 'I',
  BININT = 'J',
  BININT1 = 'K',
  LONG = 'L',
  BININT2 = 'M',
  NONE = 'N',
  PERSID = 'P',
  BINPERSID = 'Q',
  REDUCE = 'R',
  STRING = 'S',
  BINSTRING = 'T',
  SHORT_BINSTRING = 'U',
  UNICODE = 'V',
  BINUNICODE = 'X',
  APPEND = 'a',
  BUILD = 'b',
  GLOBAL = 'c',
  DICT = 'd',
  EMPTY_DICT = '}',
  APPENDS = 'e',
  GET = 'g',
  BINGET = 'h',
  INST = 'i',
  LONG_BINGET = 'j',
  LIST = 'l',
  EMPTY_LIST = ']',
  OBJ = 'o',
  PUT = 'p',
  BINPUT = 'q',
  LONG_BINPUT = 'r',
  SETITEM = 's',
  TUPLE = 't',
  EMPTY_TUPLE = ')',
  SETITEMS = 'u',
  BINFLOAT = 'G',
  // Protocol 2.
  PROTO = 0x80,
  NEWOBJ = 0x81,
  EXT1 = 0x82,
  EXT2 = 0x83,
  EXT4 = 0x84,
  TUPLE1 = 0x85,
  TUPLE2 = 0x86,
  TUPLE3 = 0x87,
  NEWTRUE = 0x88,
  NEWFALSE = 0x89,
  LONG1 = 0x8a,
  LONG4 = 0x8b,
  // Protocol 3.
  BINBYTES = 'B',
  SHORT_BINBYTES = 'C',
  // Protocol 4.
  SHORT_BINUNICODE = 0x8c,
  BINUNICODE8 = 0x8d,
  BINBYTES8 = 0x8e,
  EMPTY_SET = 0x8f,
  ADDITEMS = 0x90,
  FROZENSET = 0x91,
  NEWOBJ_EX = 0x92,
  STACK_GLOBAL = 0x93,
  MEMOIZE = 0x94,
  FRAME = 0x95,
  // Protocol 5.
  BYTEARRAY8 = 0x96,
  NEXT_BUFFER = 0x97,
  READONLY_BUFFER = 0x98,
};

constexpr int kBatchSize = 1000;           // items per APPENDS / SETITEMS / ADDITEMS
constexpr int kFastNestingLimit = 50;      // fast mode starts checking for cycles here
constexpr ssize kWriteBufSize = 4096;      // initial output buffer
constexpr ssize kPrefetch = 8192 * 16;     // peek() size when unpickling from a file
constexpr ssize kFrameSizeMin = 4;
constexpr ssize kFrameSizeTarget = 64 * 1024;
constexpr ssize kFrameHeaderSize = 9;

// ---- module state (PickleState) ------------------------------------------------------------

struct PickleState {
  TypeObject* PickleError;
  TypeObject* PicklingError;
  TypeObject* UnpicklingError;
  Object* dispatch_table;       // copyreg.dispatch_table
  Object* extension_registry;   // copyreg._extension_registry
  Object* extension_cache;      // copyreg._extension_cache
  Object* inverted_registry;    // copyreg._inverted_registry
  Object* name_mapping_2to3;    // _compat_pickle.NAME_MAPPING
  Object* import_mapping_2to3;  // _compat_pickle.IMPORT_MAPPING
  Object* name_mapping_3to2;    // _compat_pickle.REVERSE_NAME_MAPPING
  Object* import_mapping_3to2;  // _compat_pickle.REVERSE_IMPORT_MAPPING
  Object* codecs_encode;        // codecs.encode
  Object* getattr;              // builtins.getattr
  Object* partial;              // functools.partial
};
PickleState st{};

Object* intern(const char* s) { return str_intern_from_cstr(s); }


// _Pickle_FastCall: calls func(obj), stealing obj.
Object* fast_call(Object* func, Object* obj) {
  Object* result = object_call_one_arg(func, obj);
  decref(obj);
  return result;
}

// A module attribute as a dict, or RuntimeError("MOD.NAME should be a dict, not T").
Object* get_dict_attr(Object* mod, const char* modname, const char* name) {
  Object* v = object_getattr_string(mod, name);
  if (!v) return nullptr;
  if (!dict_check_exact(v)) {
    errors::format(exc_RuntimeError, "%s.%s should be a dict, not %.200s", modname, name,
                   v->type->name);
    decref(v);
    return nullptr;
  }
  return v;
}

// _Pickle_InitState.
int init_state() {
  st.getattr = object_getattr_string(builtins::builtins_module(), "getattr");
  if (!st.getattr) return -1;
  Ref<> copyreg = Ref<>::steal(imp::import_module("copyreg"));
  if (!copyreg) return -1;
  if (!(st.dispatch_table = get_dict_attr(copyreg.get(), "copyreg", "dispatch_table")) ||
      !(st.extension_registry = get_dict_attr(copyreg.get(), "copyreg", "_extension_registry")) ||
      !(st.inverted_registry = get_dict_attr(copyreg.get(), "copyreg", "_inverted_registry")) ||
      !(st.extension_cache = get_dict_attr(copyreg.get(), "copyreg", "_extension_cache")))
    return -1;
  Ref<> compat = Ref<>::steal(imp::import_module("_compat_pickle"));
  if (!compat) return -1;
  if (!(st.name_mapping_2to3 = get_dict_attr(compat.get(), "_compat_pickle", "NAME_MAPPING")) ||
      !(st.import_mapping_2to3 =
            get_dict_attr(compat.get(), "_compat_pickle", "IMPORT_MAPPING")) ||
      !(st.name_mapping_3to2 =
            get_dict_attr(compat.get(), "_compat_pickle", "REVERSE_NAME_MAPPING")) ||
      !(st.import_mapping_3to2 =
            get_dict_attr(compat.get(), "_compat_pickle", "REVERSE_IMPORT_MAPPING")))
    return -1;
  Ref<> codecs = Ref<>::steal(imp::import_module("codecs"));
  if (!codecs) return -1;
  st.codecs_encode = object_getattr_string(codecs.get(), "encode");
  if (!st.codecs_encode) return -1;
  if (!callable_check(st.codecs_encode)) {
    errors::format(exc_RuntimeError, "codecs.encode should be a callable, not %.200s",
                   st.codecs_encode->type->name);
    return -1;
  }
  Ref<> functools = Ref<>::steal(imp::import_module("functools"));
  if (!functools) return -1;
  st.partial = object_getattr_string(functools.get(), "partial");
  if (!st.partial) return -1;
  return 0;
}

// ---- the pickler's memo: a hash table keyed by object identity (PyMemoTable) -------------

struct MemoEntry {
  Object* key;
  ssize value;
};

struct MemoTable {
  size_t mask;
  size_t used;
  size_t allocated;
  MemoEntry* table;
};

constexpr size_t kMtMinSize = 8;
constexpr int kPerturbShift = 5;

// PyMemoTable_New.
MemoTable* memo_new() {
  auto* memo = static_cast<MemoTable*>(std::malloc(sizeof(MemoTable)));
  if (!memo) {
    errors::no_memory();
    return nullptr;
  }
  memo->used = 0;
  memo->allocated = kMtMinSize;
  memo->mask = kMtMinSize - 1;
  memo->table = static_cast<MemoEntry*>(std::calloc(kMtMinSize, sizeof(MemoEntry)));
  if (!memo->table) {
    std::free(memo);
    errors::no_memory();
    return nullptr;
  }
  return memo;
}

// PyMemoTable_Copy.
MemoTable* memo_copy(MemoTable* self) {
  auto* m = static_cast<MemoTable*>(std::malloc(sizeof(MemoTable)));
  if (!m) {
    errors::no_memory();
    return nullptr;
  }
  m->used = self->used;
  m->allocated = self->allocated;
  m->mask = self->mask;
  m->table = static_cast<MemoEntry*>(std::malloc(self->allocated * sizeof(MemoEntry)));
  if (!m->table) {
    std::free(m);
    errors::no_memory();
    return nullptr;
  }
  for (size_t i = 0; i < self->allocated; i++) xincref(self->table[i].key);
  std::memcpy(m->table, self->table, sizeof(MemoEntry) * self->allocated);
  return m;
}

// PyMemoTable_Clear.
void memo_clear(MemoTable* self) {
  for (size_t i = self->allocated; i-- > 0;) xdecref(self->table[i].key);
  self->used = 0;
  std::memset(self->table, 0, self->allocated * sizeof(MemoEntry));
}

// PyMemoTable_Del.
void memo_del(MemoTable* self) {
  if (!self) return;
  memo_clear(self);
  std::free(self->table);
  std::free(self);
}

// _PyMemoTable_Lookup: entries are never deleted, so probing stops at the first empty slot.
inline MemoEntry* memo_lookup(MemoTable* self, Object* key) {
  size_t mask = self->mask;
  MemoEntry* table = self->table;
  size_t hash = static_cast<size_t>(reinterpret_cast<uintptr_t>(key) >> 3);
  size_t i = hash & mask;
  MemoEntry* entry = &table[i];
  if (!entry->key || entry->key == key) return entry;
  for (size_t perturb = hash;; perturb >>= kPerturbShift) {
    i = (i << 2) + i + perturb + 1;
    entry = &table[i & mask];
    if (!entry->key || entry->key == key) return entry;
  }
}

// _PyMemoTable_ResizeTable.
int memo_resize(MemoTable* self, size_t min_size) {
  size_t new_size = kMtMinSize;
  while (new_size < min_size) new_size <<= 1;
  MemoEntry* oldtable = self->table;
  self->table = static_cast<MemoEntry*>(std::calloc(new_size, sizeof(MemoEntry)));
  if (!self->table) {
    self->table = oldtable;
    errors::no_memory();
    return -1;
  }
  self->allocated = new_size;
  self->mask = new_size - 1;
  size_t to_process = self->used;
  for (MemoEntry* old = oldtable; to_process > 0; old++) {
    if (old->key) {
      to_process--;
      MemoEntry* e = memo_lookup(self, old->key);
      e->key = old->key;
      e->value = old->value;
    }
  }
  std::free(oldtable);
  return 0;
}

// PyMemoTable_Get: the stored index, or null.
inline ssize* memo_get_entry(MemoTable* self, Object* key) {
  MemoEntry* e = memo_lookup(self, key);
  return e->key ? &e->value : nullptr;
}

// PyMemoTable_Set.
int memo_set(MemoTable* self, Object* key, ssize value) {
  MemoEntry* e = memo_lookup(self, key);
  if (e->key) {
    e->value = value;
    return 0;
  }
  e->key = new_ref(key);
  e->value = value;
  self->used++;
  // Grow at two thirds full: quadruple, or double past 50000 entries.
  if (SIZE_MAX / 3 >= self->used && self->used * 3 < self->allocated * 2) return 0;
  size_t desired = (self->used > 50000 ? 2 : 4) * self->used;
  return memo_resize(self, desired);
}

// ---- the objects -----------------------------------------------------------------------------

struct PicklerObject : Object {
  MemoTable* memo;
  Object* persistent_id;       // the persistent_id() to call during dump, or null
  Object* persistent_id_attr;  // an instance attribute persistent_id, or null
  Object* dispatch_table;      // private dispatch_table, or null
  Object* reducer_override;
  Object* write;               // file.write, or null for dumps
  Object* output_buffer;       // a bytes object written in place
  ssize output_len;
  ssize max_output_len;
  int proto;
  int bin;
  int framing;
  ssize frame_start;  // where the open frame starts in output_buffer, or -1
  ssize buf_size;
  int fast;
  int fast_nesting;
  int fix_imports;
  Object* fast_memo;
  Object* buffer_callback;
};

// Pdata: the unpickling stack.
struct Pdata {
  Object** data;
  ssize size;
  ssize allocated;
  int mark_set;  // is a MARK set?
  ssize fence;   // position of the top MARK or 0
};

struct UnpicklerObject : Object {
  Pdata* stack;
  Object** memo;
  size_t memo_size;
  size_t memo_len;
  Object* persistent_load;
  Object* persistent_load_attr;
  Buffer buffer;
  char* input_buffer;
  char* input_line;
  ssize input_len;
  ssize next_read_idx;
  ssize prefetched_idx;  // index of the first prefetched byte
  Object* read;
  Object* readinto;
  Object* readline;
  Object* peek;
  Object* buffers;
  char* encoding;
  char* errors;
  ssize* marks;
  ssize num_marks;
  ssize marks_size;
  int proto;
  int fix_imports;
};

struct PicklerMemoProxyObject : Object {
  PicklerObject* pickler;
};

struct UnpicklerMemoProxyObject : Object {
  UnpicklerObject* unpickler;
};

TypeObject pickler_type{};
TypeObject unpickler_type{};
TypeObject pickler_memoproxy_type{};
TypeObject unpickler_memoproxy_type{};

int save(PicklerObject* self, Object* obj, int pers_save);
int save_reduce(PicklerObject* self, Object* args, Object* obj);

// ---- Pdata --------------------------------------------------------------------------------

Pdata* pdata_new() {
  auto* p = static_cast<Pdata*>(std::calloc(1, sizeof(Pdata)));
  if (!p) {
    errors::no_memory();
    return nullptr;
  }
  p->allocated = 8;
  p->data = static_cast<Object**>(std::malloc(p->allocated * sizeof(Object*)));
  if (!p->data) {
    std::free(p);
    errors::no_memory();
    return nullptr;
  }
  return p;
}

void pdata_free(Pdata* p) {
  if (!p) return;
  for (ssize i = p->size; --i >= 0;) decref(p->data[i]);
  std::free(p->data);
  std::free(p);
}

// Pdata_clear: keeps the first clearto items.
void pdata_clear(Pdata* self, ssize clearto) {
  ssize i = self->size;
  if (clearto >= i) return;
  while (--i >= clearto) clear(self->data[i]);
  self->size = clearto;
}

// Pdata_grow.
int pdata_grow(Pdata* self) {
  size_t allocated = static_cast<size_t>(self->allocated);
  size_t extra = (allocated >> 3) + 6;
  if (extra > static_cast<size_t>(PTRDIFF_MAX) - allocated) {
    errors::no_memory();
    return -1;
  }
  size_t new_allocated = allocated + extra;
  auto* data = static_cast<Object**>(std::realloc(self->data, new_allocated * sizeof(Object*)));
  if (!data) {
    errors::no_memory();
    return -1;
  }
  self->data = data;
  self->allocated = static_cast<ssize>(new_allocated);
  return 0;
}

// Pdata_stack_underflow.
int stack_underflow(Pdata* self) {
  errors::set_string(st.UnpicklingError,
                     self->mark_set ? "unexpected MARK found" : "unpickling stack underflow");
  return -1;
}

// Pdata_pop: the top item (a reference the caller owns), or null with UnpicklingError.
Object* pdata_pop(Pdata* self) {
  if (self->size <= self->fence) {
    stack_underflow(self);
    return nullptr;
  }
  self->size--;
  return self->data[self->size];
}

// Pdata_push: steals obj (also on failure, as CPython leaves it to the caller... it is
// released here so no path leaks).
int pdata_push(Pdata* self, Object* obj) {
  if (self->size == self->allocated && pdata_grow(self) < 0) {
    decref(obj);
    return -1;
  }
  self->data[self->size++] = obj;
  return 0;
}

// Pdata_poptuple.
Object* pdata_poptuple(Pdata* self, ssize start) {
  if (start < self->fence) {
    stack_underflow(self);
    return nullptr;
  }
  ssize len = self->size - start;
  Object* tuple = tuple_new(len);
  if (!tuple) return nullptr;
  for (ssize i = start, j = 0; j < len; i++, j++) tuple_set_item(tuple, j, self->data[i]);
  self->size = start;
  return tuple;
}

// Pdata_poplist.
Object* pdata_poplist(Pdata* self, ssize start) {
  ssize len = self->size - start;
  Object* list = list_new(len);
  if (!list) return nullptr;
  for (ssize i = start, j = 0; j < len; i++, j++) list_set_item_steal(list, j, self->data[i]);
  self->size = start;
  return list;
}

// ---- the pickler's output buffer ------------------------------------------------------------

// _Pickler_ClearBuffer.
int pickler_clear_buffer(PicklerObject* self) {
  xsetref(self->output_buffer, bytes_from_string_and_size(nullptr, self->max_output_len));
  if (!self->output_buffer) return -1;
  self->output_len = 0;
  self->frame_start = -1;
  return 0;
}

// _write_size64: little-endian 8 bytes.
void write_size64(char* out, size_t value) {
  for (int i = 0; i < 8; i++) out[i] = static_cast<char>((value >> (8 * i)) & 0xff);
}

// _Pickler_CommitFrame: writes the FRAME header of the open frame, or drops the header room
// when the frame is too small to be worth one.
int pickler_commit_frame(PicklerObject* self) {
  if (!self->framing || self->frame_start == -1) return 0;
  size_t frame_len = self->output_len - self->frame_start - kFrameHeaderSize;
  char* qdata = bytes_as_string(self->output_buffer) + self->frame_start;
  if (frame_len >= static_cast<size_t>(kFrameSizeMin)) {
    qdata[0] = static_cast<char>(FRAME);
    write_size64(qdata + 1, frame_len);
  } else {
    std::memmove(qdata, qdata + kFrameHeaderSize, frame_len);
    self->output_len -= kFrameHeaderSize;
  }
  self->frame_start = -1;
  return 0;
}

// _Pickler_GetString: the output so far as an exactly sized bytes object.
Object* pickler_get_string(PicklerObject* self) {
  Object* output_buffer = self->output_buffer;
  if (pickler_commit_frame(self)) return nullptr;
  self->output_buffer = nullptr;
  if (bytes_resize(&output_buffer, self->output_len) < 0) return nullptr;
  return output_buffer;
}

// _Pickler_FlushToFile.
int pickler_flush_to_file(PicklerObject* self) {
  Object* output = pickler_get_string(self);
  if (!output) return -1;
  Object* result = fast_call(self->write, output);
  xdecref(result);
  return result ? 0 : -1;
}

// _Pickler_OpcodeBoundary: closes a frame that reached the target size (and flushes it to the
// file when dumping to one).
int pickler_opcode_boundary(PicklerObject* self) {
  if (!self->framing || self->frame_start == -1) return 0;
  ssize frame_len = self->output_len - self->frame_start - kFrameHeaderSize;
  if (frame_len >= kFrameSizeTarget) {
    if (pickler_commit_frame(self)) return -1;
    if (self->write) {
      if (pickler_flush_to_file(self) < 0) return -1;
      if (pickler_clear_buffer(self) < 0) return -1;
    }
  }
  return 0;
}

// _Pickler_Write.
[[gnu::noinline]] ssize pickler_write_slow(PicklerObject* self, const char* s, ssize data_len) {
  bool need_new_frame = self->framing && self->frame_start == -1;
  ssize n = need_new_frame ? data_len + kFrameHeaderSize : data_len;
  ssize required = self->output_len + n;
  if (required > self->max_output_len) {
    if (self->output_len >= PTRDIFF_MAX / 2 - n) {
      errors::no_memory();
      return -1;
    }
    self->max_output_len = (self->output_len + n) / 2 * 3;
    if (bytes_resize(&self->output_buffer, self->max_output_len) < 0) return -1;
  }
  char* buffer = bytes_as_string(self->output_buffer);
  if (need_new_frame) {
    ssize frame_start = self->output_len;
    self->frame_start = frame_start;
    for (ssize i = 0; i < kFrameHeaderSize; i++) buffer[frame_start + i] = '\xfe';
    self->output_len += kFrameHeaderSize;
  }
  if (data_len < 8) {
    // Most writes are an opcode and a few bytes: a loop beats a call to memcpy.
    for (ssize i = 0; i < data_len; i++) buffer[self->output_len + i] = s[i];
  } else {
    std::memcpy(buffer + self->output_len, s, static_cast<size_t>(data_len));
  }
  self->output_len += data_len;
  return data_len;
}

// _Pickler_Write's common case inline: no frame to open and room in the buffer (a write of a
// constant size then compiles to a few stores).
[[gnu::always_inline]] inline ssize pickler_write(PicklerObject* self, const char* s,
                                                  ssize data_len) {
  if ((!self->framing || self->frame_start != -1) &&
      data_len <= self->max_output_len - self->output_len) [[likely]] {
    std::memcpy(bytes_as_string(self->output_buffer) + self->output_len, s,
                static_cast<size_t>(data_len));
    self->output_len += data_len;
    return data_len;
  }
  return pickler_write_slow(self, s, data_len);
}

int write_op(PicklerObject* self, unsigned char op) {
  char c = static_cast<char>(op);
  return pickler_write(self, &c, 1) < 0 ? -1 : 0;
}

// _Pickler_New.
PicklerObject* pickler_new() {
  MemoTable* memo = memo_new();
  if (!memo) return nullptr;
  Object* output_buffer = bytes_from_string_and_size(nullptr, kWriteBufSize);
  if (!output_buffer) {
    memo_del(memo);
    return nullptr;
  }
  auto* self = static_cast<PicklerObject*>(type_generic_alloc(&pickler_type, 0));
  if (!self) {
    memo_del(memo);
    decref(output_buffer);
    return nullptr;
  }
  self->memo = memo;
  self->output_buffer = output_buffer;
  self->output_len = 0;
  self->max_output_len = kWriteBufSize;
  self->frame_start = -1;
  return self;
}

// _Pickler_SetProtocol.
int pickler_set_protocol(PicklerObject* self, Object* protocol, int fix_imports) {
  long proto;
  if (protocol == none()) {
    proto = kDefaultProtocol;
  } else {
    proto = long_as_long(protocol);
    if (proto < 0) {
      if (proto == -1 && errors::occurred()) return -1;
      proto = kHighestProtocol;
    } else if (proto > kHighestProtocol) {
      errors::format(exc_ValueError, "pickle protocol must be <= %d", kHighestProtocol);
      return -1;
    }
  }
  self->proto = static_cast<int>(proto);
  self->bin = proto > 0;
  self->fix_imports = fix_imports && proto < 3;
  return 0;
}

// _Pickler_SetOutputStream.
int pickler_set_output_stream(PicklerObject* self, Object* file) {
  if (object_get_optional_attr(file, intern("write"), &self->write) < 0) return -1;
  if (!self->write) {
    errors::set_string(exc_TypeError, "file must have a 'write' attribute");
    return -1;
  }
  return 0;
}

// _Pickler_SetBufferCallback.
int pickler_set_buffer_callback(PicklerObject* self, Object* buffer_callback) {
  if (buffer_callback == none()) buffer_callback = nullptr;
  if (buffer_callback && self->proto < 5) {
    errors::set_string(exc_ValueError, "buffer_callback needs protocol >= 5");
    return -1;
  }
  self->buffer_callback = xnew_ref(buffer_callback);
  return 0;
}

// ---- memo opcodes -----------------------------------------------------------------------------

// memo_get: a GET / BINGET / LONG_BINGET of an object already in the memo.
int memo_get_value(PicklerObject* self, ssize* value) {
  char pdata[30];
  ssize len;
  if (!self->bin) {
    pdata[0] = GET;
    std::snprintf(pdata + 1, sizeof(pdata) - 1, "%zd\n", *value);
    len = static_cast<ssize>(std::strlen(pdata));
  } else if (*value < 256) {
    pdata[0] = static_cast<char>(BINGET);
    pdata[1] = static_cast<char>(*value & 0xff);
    len = 2;
  } else if (static_cast<size_t>(*value) <= 0xffffffffUL) {
    pdata[0] = static_cast<char>(LONG_BINGET);
    for (int i = 0; i < 4; i++) pdata[1 + i] = static_cast<char>((*value >> (8 * i)) & 0xff);
    len = 5;
  } else {
    errors::set_string(st.PicklingError, "memo id too large for LONG_BINGET");
    return -1;
  }
  return pickler_write(self, pdata, len) < 0 ? -1 : 0;
}

int memo_get(PicklerObject* self, Object* key) {
  ssize* value = memo_get_entry(self->memo, key);
  if (!value) {
    errors::set_object(exc_KeyError, key);
    return -1;
  }
  return memo_get_value(self, value);
}

// memo_put: stores obj under the next index and writes PUT / BINPUT / LONG_BINPUT / MEMOIZE.
int memo_put(PicklerObject* self, Object* obj) {
  if (self->fast) return 0;
  ssize idx = static_cast<ssize>(self->memo->used);
  if (memo_set(self->memo, obj, idx) < 0) return -1;
  if (self->proto >= 4) return write_op(self, MEMOIZE);
  char pdata[30];
  ssize len;
  if (!self->bin) {
    pdata[0] = PUT;
    std::snprintf(pdata + 1, sizeof(pdata) - 1, "%zd\n", idx);
    len = static_cast<ssize>(std::strlen(pdata));
  } else if (idx < 256) {
    pdata[0] = BINPUT;
    pdata[1] = static_cast<char>(idx);
    len = 2;
  } else if (static_cast<size_t>(idx) <= 0xffffffffUL) {
    pdata[0] = LONG_BINPUT;
    for (int i = 0; i < 4; i++) pdata[1 + i] = static_cast<char>((idx >> (8 * i)) & 0xff);
    len = 5;
  } else {
    errors::set_string(st.PicklingError, "memo id too large for LONG_BINPUT");
    return -1;
  }
  return pickler_write(self, pdata, len) < 0 ? -1 : 0;
}

// ---- globals ----------------------------------------------------------------------------------

// get_dotted_path: name.split('.').
Object* get_dotted_path(Object* name) {
  Ref<> list = Ref<>::steal(list_new(0));
  if (!list) return nullptr;
  ssize n = str_length(name);
  ssize start = 0;
  for (ssize i = 0; i <= n; i++) {
    if (i == n || str_read_char(name, i) == '.') {
      Ref<> part = Ref<>::steal(str_substring(name, start, i));
      if (!part || list_append(list.get(), part.get()) < 0) return nullptr;
      start = i + 1;
    }
  }
  return list.release();
}

// check_dotted_path: refuses the <locals> of a function.
int check_dotted_path(Object* obj, Object* dotted_path) {
  ssize n = list_size(dotted_path);
  for (ssize i = 0; i < n; i++) {
    if (str_equal_cstr(list_item(dotted_path, i), "<locals>")) {
      errors::format(st.PicklingError, "Can't pickle local object %R", obj);
      return -1;
    }
  }
  return 0;
}

// getattribute: follows names from obj; with raises false a missing attribute gives null with
// no error.
Object* getattribute(Object* obj, Object* names, bool raises) {
  incref(obj);
  ssize n = list_size(names);
  for (ssize i = 0; i < n; i++) {
    Object* name = list_item(names, i);
    Object* parent = obj;
    if (raises) {
      obj = object_getattr(parent, name);
    } else {
      (void)object_get_optional_attr(parent, name, &obj);
    }
    decref(parent);
    if (!obj) return nullptr;
  }
  return obj;
}

// _checkmodule: 0 when module (named module_name) holds global at dotted_path.
int checkmodule(Object* module_name, Object* module, Object* global, Object* dotted_path) {
  if (module == none()) return -1;
  if (str_check(module_name) && str_equal_cstr(module_name, "__main__")) return -1;
  Object* candidate = getattribute(module, dotted_path, false);
  if (!candidate) return -1;
  int r = candidate == global ? 0 : -1;
  decref(candidate);
  return r;
}

// whichmodule: the name of the module global is found in (its __module__, else a search of
// sys.modules), checked by importing it.
Object* whichmodule(Object* global, Object* global_name, Object* dotted_path) {
  if (check_dotted_path(global, dotted_path) < 0) return nullptr;
  Object* module_name = nullptr;
  if (object_get_optional_attr(global, intern("__module__"), &module_name) < 0) return nullptr;
  if (!module_name || module_name == none()) {
    clear(module_name);
    Object* modules = sys::get_object("modules");
    if (!modules) {
      errors::set_string(exc_RuntimeError, "lost sys.modules");
      return nullptr;
    }
    Ref<> mods = Ref<>::borrow(modules);
    if (dict_check_exact(modules)) {
      ssize pos = 0;
      Object *key, *value;
      while (dict_next(modules, &pos, &key, &value)) {
        Ref<> k = Ref<>::borrow(key);
        Ref<> v = Ref<>::borrow(value);
        if (checkmodule(k.get(), v.get(), global, dotted_path) == 0) return k.release();
        if (errors::occurred()) return nullptr;
      }
    } else {
      Ref<> iterator = Ref<>::steal(object_get_iter(modules));
      if (!iterator) return nullptr;
      while (Object* name = iter_next(iterator.get())) {
        Ref<> k = Ref<>::steal(name);
        Ref<> module = Ref<>::steal(object_get_item(modules, k.get()));
        if (!module) return nullptr;
        if (checkmodule(k.get(), module.get(), global, dotted_path) == 0) return k.release();
        if (errors::occurred()) return nullptr;
      }
    }
    if (errors::occurred()) return nullptr;
    module_name = new_ref(intern("__main__"));
  }
  Ref<> mname = Ref<>::steal(module_name);
  Ref<> module = Ref<>::steal(imp::import_import(module_name));
  if (!module) {
    if (errors::exception_matches(exc_ImportError) || errors::exception_matches(exc_ValueError)) {
      Object* exc = errors::get_raised_exception();
      errors::format(st.PicklingError, "Can't pickle %R: %S", global, exc);
      errors::chain_exceptions1(exc);
    }
    return nullptr;
  }
  Ref<> actual = Ref<>::steal(getattribute(module.get(), dotted_path, true));
  if (!actual) {
    if (errors::exception_matches(exc_AttributeError)) {
      Object* exc = errors::get_raised_exception();
      errors::format(st.PicklingError, "Can't pickle %R: it's not found as %S.%S", global,
                     module_name, global_name);
      errors::chain_exceptions1(exc);
    }
    return nullptr;
  }
  if (actual.get() != global) {
    errors::format(st.PicklingError, "Can't pickle %R: it's not the same object as %S.%S",
                   global, module_name, global_name);
    return nullptr;
  }
  return mname.release();
}

// ---- fast mode --------------------------------------------------------------------------------

Object* ptr_key(Object* obj) {
  return long_from_unsigned_long_long(reinterpret_cast<uintptr_t>(obj));
}

// fast_save_enter: past the nesting limit, remembers containers to detect cycles.
int fast_save_enter(PicklerObject* self, Object* obj) {
  if (++self->fast_nesting >= kFastNestingLimit) {
    if (!self->fast_memo) {
      self->fast_memo = dict_new();
      if (!self->fast_memo) {
        self->fast_nesting = -1;
        return 0;
      }
    }
    Object* key = ptr_key(obj);
    if (!key) {
      self->fast_nesting = -1;
      return 0;
    }
    int r = dict_contains(self->fast_memo, key);
    if (r > 0) {
      errors::format(exc_ValueError,
                     "fast mode: can't pickle cyclic objects including object type %.200s at %p",
                     obj->type->name, static_cast<void*>(obj));
    } else if (r == 0) {
      r = dict_set_item(self->fast_memo, key, none());
    }
    decref(key);
    if (r != 0) {
      self->fast_nesting = -1;
      return 0;
    }
  }
  return 1;
}

// fast_save_leave.
int fast_save_leave(PicklerObject* self, Object* obj) {
  if (self->fast_nesting-- >= kFastNestingLimit) {
    Object* key = ptr_key(obj);
    if (!key) return 0;
    int r = dict_del_item(self->fast_memo, key);
    decref(key);
    if (r < 0) return 0;
  }
  return 1;
}

// ---- save_* -----------------------------------------------------------------------------------

int save_none(PicklerObject* self) { return write_op(self, NONE); }

int save_bool(PicklerObject* self, Object* obj) {
  if (self->proto >= 2) return write_op(self, obj == py_true() ? NEWTRUE : NEWFALSE);
  // Before protocol 2, bools are INT opcodes an old unpickler reads as ints.
  const char* s = obj == py_true() ? "I01\n" : "I00\n";
  return pickler_write(self, s, 4) < 0 ? -1 : 0;
}

// save_long.
int save_long(PicklerObject* self, Object* obj) {
  int overflow = 0;
  long val;
  if (long_is_compact(obj))
    val = static_cast<long>(long_compact_value(obj));
  else
    val = long_as_long_and_overflow(obj, &overflow);
  if (!overflow && val <= 0x7fffffffL && val >= -0x7fffffffL - 1) {
    char pdata[32];
    ssize len;
    if (self->bin) {
      pdata[1] = static_cast<char>(val & 0xff);
      pdata[2] = static_cast<char>((val >> 8) & 0xff);
      pdata[3] = static_cast<char>((val >> 16) & 0xff);
      pdata[4] = static_cast<char>((val >> 24) & 0xff);
      if (pdata[4] != 0 || pdata[3] != 0) {
        pdata[0] = BININT;
        len = 5;
      } else if (pdata[2] != 0) {
        pdata[0] = BININT2;
        len = 3;
      } else {
        pdata[0] = BININT1;
        len = 2;
      }
    } else {
      std::snprintf(pdata, sizeof(pdata), "%c%ld\n", INT, val);
      len = static_cast<ssize>(std::strlen(pdata));
    }
    return pickler_write(self, pdata, len) < 0 ? -1 : 0;
  }
  if (self->proto >= 2) {
    // Linear-time pickling: LONG1/LONG4 with the little-endian two's complement bytes.
    int sign = long_sign_of(obj);
    if (sign == 0) {
      char header[2] = {static_cast<char>(LONG1), 0};
      return pickler_write(self, header, 2) < 0 ? -1 : 0;
    }
    int64_t nbits = long_num_bits(obj);
    // One byte more than the bits need, for the sign; trimmed below when redundant.
    size_t nbytes = static_cast<size_t>((nbits >> 3) + 1);
    if (nbytes > 0x7fffffffL) {
      errors::set_string(exc_OverflowError, "int too large to pickle");
      return -1;
    }
    Ref<> repr = Ref<>::steal(bytes_from_string_and_size(nullptr, static_cast<ssize>(nbytes)));
    if (!repr) return -1;
    auto* pdata = reinterpret_cast<unsigned char*>(bytes_as_string(repr.get()));
    if (bigint::to_bytes(long_view(obj), pdata, nbytes, true, true) !=
        bigint::ToBytesStatus::kOk) {
      errors::set_string(exc_OverflowError, "int too big to convert");
      return -1;
    }
    if (sign < 0 && nbytes > 1 && pdata[nbytes - 1] == 0xff && (pdata[nbytes - 2] & 0x80) != 0)
      nbytes--;
    char header[5];
    ssize size;
    if (nbytes < 256) {
      header[0] = static_cast<char>(LONG1);
      header[1] = static_cast<char>(nbytes);
      size = 2;
    } else {
      header[0] = static_cast<char>(LONG4);
      size_t s = nbytes;
      for (int i = 1; i < 5; i++) {
        header[i] = static_cast<char>(s & 0xff);
        s >>= 8;
      }
      size = 5;
    }
    if (pickler_write(self, header, size) < 0 ||
        pickler_write(self, reinterpret_cast<char*>(pdata), static_cast<ssize>(nbytes)) < 0)
      return -1;
    return 0;
  }
  // Protocols 0 and 1: the repr with Python 2's trailing 'L'.
  Ref<> repr = Ref<>::steal(object_repr(obj));
  if (!repr) return -1;
  ssize size;
  const char* s = str_as_utf8(repr.get(), &size);
  if (!s) return -1;
  if (write_op(self, LONG) < 0 || pickler_write(self, s, size) < 0 ||
      pickler_write(self, "L\n", 2) < 0)
    return -1;
  return 0;
}

// save_float: BINFLOAT (big-endian IEEE double) or FLOAT with repr().
int save_float(PicklerObject* self, Object* obj) {
  double x = float_value(obj);  // save() sends exact floats only
  if (self->bin) {
    char pdata[9];
    pdata[0] = BINFLOAT;
    uint64_t bits = std::bit_cast<uint64_t>(x);
    for (int i = 0; i < 8; i++) pdata[1 + i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
    return pickler_write(self, pdata, 9) < 0 ? -1 : 0;
  }
  std::string buf;
  if (!pystrconv::double_to_string(x, 'r', 0, pystrconv::kDtsfAddDot0, &buf)) {
    errors::bad_internal_call();
    return -1;
  }
  if (write_op(self, FLOAT) < 0 || pickler_write(self, buf.data(), buf.size()) < 0 ||
      pickler_write(self, "\n", 1) < 0)
    return -1;
  return 0;
}

// _Pickler_write_bytes: header then data; data of a frame's target size or more bypasses the
// buffer (and framing), written straight to the file when there is one.
int pickler_write_bytes(PicklerObject* self, const char* header, ssize header_size,
                        const char* data, ssize data_size, Object* payload) {
  bool bypass_buffer = data_size >= kFrameSizeTarget;
  int framing = self->framing;
  if (bypass_buffer) {
    if (pickler_commit_frame(self)) return -1;
    self->framing = 0;
  }
  if (pickler_write(self, header, header_size) < 0) return -1;
  if (bypass_buffer && self->write) {
    if (pickler_flush_to_file(self) < 0) return -1;
    Ref<> mem;
    if (!payload) {
      mem = Ref<>::steal(bytes_from_string_and_size(data, data_size));
      if (!mem) return -1;
      payload = mem.get();
    }
    Ref<> result = Ref<>::steal(object_call_one_arg(self->write, payload));
    if (!result) return -1;
    if (pickler_clear_buffer(self) < 0) return -1;
  } else {
    if (pickler_write(self, data, data_size) < 0) return -1;
  }
  self->framing = framing;
  return 0;
}

// _save_bytes_data.
int save_bytes_data(PicklerObject* self, Object* obj, const char* data, ssize size) {
  char header[9];
  ssize len;
  if (size < 0) return -1;
  if (size <= 0xff) {
    header[0] = SHORT_BINBYTES;
    header[1] = static_cast<char>(size);
    len = 2;
  } else if (static_cast<size_t>(size) <= 0xffffffffUL) {
    header[0] = BINBYTES;
    for (int i = 0; i < 4; i++) header[1 + i] = static_cast<char>((size >> (8 * i)) & 0xff);
    len = 5;
  } else if (self->proto >= 4) {
    header[0] = static_cast<char>(BINBYTES8);
    write_size64(header + 1, static_cast<size_t>(size));
    len = 9;
  } else {
    errors::set_string(exc_OverflowError,
                       "serializing a bytes object larger than 4 GiB requires pickle protocol 4 "
                       "or higher");
    return -1;
  }
  if (pickler_write_bytes(self, header, len, data, size, obj) < 0) return -1;
  return memo_put(self, obj);
}

// save_bytes: before protocol 3, a reduction to codecs.encode(latin1 text, 'latin1') that
// Python 2 reads as str (and bytes() for b'').
int save_bytes(PicklerObject* self, Object* obj) {
  if (self->proto < 3) {
    Ref<> reduce_value;
    if (bytes_size(obj) == 0) {
      Ref<> empty = Ref<>::steal(tuple_new(0));
      if (!empty) return -1;
      reduce_value = Ref<>::steal(tuple_pack(2, static_cast<Object*>(&bytes_type), empty.get()));
    } else {
      Ref<> text = Ref<>::steal(str_from_latin1(
          reinterpret_cast<const UCS1*>(bytes_as_string(obj)), bytes_size(obj)));
      if (!text) return -1;
      Ref<> args = Ref<>::steal(tuple_pack(2, text.get(), intern("latin1")));
      if (!args) return -1;
      reduce_value = Ref<>::steal(tuple_pack(2, st.codecs_encode, args.get()));
    }
    if (!reduce_value) return -1;
    return save_reduce(self, reduce_value.get(), obj);
  }
  return save_bytes_data(self, obj, bytes_as_string(obj), bytes_size(obj));
}

// _save_bytearray_data.
int save_bytearray_data(PicklerObject* self, Object* obj, const char* data, ssize size) {
  if (size < 0) return -1;
  char header[9];
  header[0] = static_cast<char>(BYTEARRAY8);
  write_size64(header + 1, static_cast<size_t>(size));
  if (pickler_write_bytes(self, header, 9, data, size, obj) < 0) return -1;
  return memo_put(self, obj);
}

// save_bytearray: a reduction to bytearray(bytes) before protocol 5.
int save_bytearray(PicklerObject* self, Object* obj) {
  if (self->proto < 5) {
    Ref<> reduce_value;
    if (bytearray_size(obj) == 0) {
      Ref<> empty = Ref<>::steal(tuple_new(0));
      if (!empty) return -1;
      reduce_value =
          Ref<>::steal(tuple_pack(2, static_cast<Object*>(&bytearray_type), empty.get()));
    } else {
      Ref<> b = Ref<>::steal(bytes_from_string_and_size(bytearray_as_string(obj),
                                                        bytearray_size(obj)));
      if (!b) return -1;
      Ref<> args = Ref<>::steal(tuple_pack(1, b.get()));
      if (!args) return -1;
      reduce_value =
          Ref<>::steal(tuple_pack(2, static_cast<Object*>(&bytearray_type), args.get()));
    }
    if (!reduce_value) return -1;
    return save_reduce(self, reduce_value.get(), obj);
  }
  return save_bytearray_data(self, obj, bytearray_as_string(obj), bytearray_size(obj));
}

// save_picklebuffer: protocol 5 writes the view in band (as bytes when read-only, else as a
// bytearray) unless buffer_callback returns a false value, in which case only NEXT_BUFFER
// (and READONLY_BUFFER) go into the stream and the caller keeps the data.
int save_picklebuffer(PicklerObject* self, Object* obj) {
  if (self->proto < 5) {
    errors::set_string(st.PicklingError, "PickleBuffer can only be pickled with protocol >= 5");
    return -1;
  }
  const Buffer* view = picklebuffer_get_buffer(obj);
  if (!view) return -1;
  if (view->suboffsets || !buffer_is_contiguous(view, 'A')) {
    errors::set_string(st.PicklingError,
                       "PickleBuffer can not be pickled when pointing to a non-contiguous "
                       "buffer");
    return -1;
  }
  int in_band = 1;
  if (self->buffer_callback) {
    Ref<> ret = Ref<>::steal(object_call_one_arg(self->buffer_callback, obj));
    if (!ret) return -1;
    in_band = object_is_true(ret.get());
    if (in_band < 0) return -1;
  }
  const char* data = static_cast<const char*>(view->buf);
  if (in_band) {
    if (view->readonly) return save_bytes_data(self, obj, data, view->len);
    return save_bytearray_data(self, obj, data, view->len);
  }
  if (write_op(self, NEXT_BUFFER) < 0) return -1;
  if (view->readonly && write_op(self, READONLY_BUFFER) < 0) return -1;
  return 0;
}

// raw_unicode_escape: raw-unicode-escape that also escapes backslash, NUL, \n, \r and \x1a
// (the UNICODE opcode's argument is a line).
Object* raw_unicode_escape(Object* obj) {
  static const char hexdigits[] = "0123456789abcdef";
  ssize size = str_length(obj);
  unsigned kind = str_kind(obj);
  const void* data = str_data(obj);
  std::string out;
  out.reserve(static_cast<size_t>(size));
  for (ssize i = 0; i < size; i++) {
    UCS4 ch = str_read(kind, data, i);
    if (ch >= 0x10000) {
      out += "\\U";
      for (int shift = 28; shift >= 0; shift -= 4) out.push_back(hexdigits[(ch >> shift) & 0xf]);
    } else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' || ch == 0x1a) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hexdigits[(ch >> shift) & 0xf]);
    } else {
      out.push_back(static_cast<char>(ch));
    }
  }
  return bytes_from_string_and_size(out.data(), static_cast<ssize>(out.size()));
}

// write_unicode_binary: UTF-8 (surrogatepass for lone surrogates) with a size header.
int write_unicode_binary(PicklerObject* self, Object* obj) {
  Ref<> encoded;
  ssize size;
  const char* data = str_as_utf8(obj, &size);
  if (!data) {
    errors::clear();
    encoded = Ref<>::steal(str_encode(obj, "utf-8", "surrogatepass"));
    if (!encoded) return -1;
    data = bytes_as_string(encoded.get());
    size = bytes_size(encoded.get());
  }
  char header[9];
  ssize len;
  if (size <= 0xff && self->proto >= 4) {
    header[0] = static_cast<char>(SHORT_BINUNICODE);
    header[1] = static_cast<char>(size & 0xff);
    len = 2;
  } else if (static_cast<size_t>(size) <= 0xffffffffUL) {
    header[0] = BINUNICODE;
    for (int i = 0; i < 4; i++) header[1 + i] = static_cast<char>((size >> (8 * i)) & 0xff);
    len = 5;
  } else if (self->proto >= 4) {
    header[0] = static_cast<char>(BINUNICODE8);
    write_size64(header + 1, static_cast<size_t>(size));
    len = 9;
  } else {
    errors::set_string(exc_OverflowError,
                       "serializing a string larger than 4 GiB requires pickle protocol 4 or "
                       "higher");
    return -1;
  }
  return pickler_write_bytes(self, header, len, data, size, encoded.get());
}

// save_unicode.
int save_unicode(PicklerObject* self, Object* obj) {
  if (self->bin) {
    if (write_unicode_binary(self, obj) < 0) return -1;
  } else {
    Ref<> encoded = Ref<>::steal(raw_unicode_escape(obj));
    if (!encoded) return -1;
    if (write_op(self, UNICODE) < 0 ||
        pickler_write(self, bytes_as_string(encoded.get()), bytes_size(encoded.get())) < 0 ||
        pickler_write(self, "\n", 1) < 0)
      return -1;
  }
  return memo_put(self, obj);
}

// store_tuple_elements.
int store_tuple_elements(PicklerObject* self, Object* t, ssize len) {
  for (ssize i = 0; i < len; i++) {
    if (save(self, tuple_item(t, i), 0) < 0) {
      errors::format_note("when serializing %T item %zd", t, i);
      return -1;
    }
  }
  return 0;
}

// save_tuple: EMPTY_TUPLE, TUPLE1-3 or MARK ... TUPLE; a tuple that turns out recursive (in
// the memo after its items) is popped and fetched from the memo.
int save_tuple(PicklerObject* self, Object* obj) {
  ssize len = tuple_size(obj);
  if (len == 0) {
    if (self->proto) return write_op(self, EMPTY_TUPLE);
    char pdata[2] = {MARK, TUPLE};
    return pickler_write(self, pdata, 2) < 0 ? -1 : 0;
  }
  static const unsigned char len2opcode[] = {EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3};
  if (len <= 3 && self->proto >= 2) {
    if (store_tuple_elements(self, obj, len) < 0) return -1;
    if (memo_get_entry(self->memo, obj)) {
      for (ssize i = 0; i < len; i++)
        if (write_op(self, POP) < 0) return -1;
      return memo_get(self, obj);
    }
    if (write_op(self, len2opcode[len]) < 0) return -1;
    return memo_put(self, obj);
  }
  if (write_op(self, MARK) < 0) return -1;
  if (store_tuple_elements(self, obj, len) < 0) return -1;
  if (memo_get_entry(self->memo, obj)) {
    if (self->bin) {
      if (write_op(self, POP_MARK) < 0) return -1;
    } else {
      for (ssize i = 0; i <= len; i++)
        if (write_op(self, POP) < 0) return -1;
    }
    return memo_get(self, obj);
  }
  if (write_op(self, TUPLE) < 0) return -1;
  return memo_put(self, obj);
}

// batch_list: MARK item ... APPENDS in batches from an iterator (APPEND one at a time for
// protocol 0).
int batch_list(PicklerObject* self, Object* iter, Object* origobj) {
  ssize total = 0;
  if (self->proto == 0) {
    for (;; total++) {
      Object* obj = iter_next(iter);
      if (!obj) {
        if (errors::occurred()) return -1;
        break;
      }
      int i = save(self, obj, 0);
      decref(obj);
      if (i < 0) {
        errors::format_note("when serializing %T item %zd", origobj, total);
        return -1;
      }
      if (write_op(self, APPEND) < 0) return -1;
    }
    return 0;
  }
  int n;
  do {
    Ref<> firstitem = Ref<>::steal(iter_next(iter));
    if (!firstitem) {
      if (errors::occurred()) return -1;
      break;
    }
    Ref<> obj = Ref<>::steal(iter_next(iter));
    if (!obj) {
      if (errors::occurred()) return -1;
      if (save(self, firstitem.get(), 0) < 0) {
        errors::format_note("when serializing %T item %zd", origobj, total);
        return -1;
      }
      if (write_op(self, APPEND) < 0) return -1;
      break;
    }
    if (write_op(self, MARK) < 0) return -1;
    if (save(self, firstitem.get(), 0) < 0) {
      errors::format_note("when serializing %T item %zd", origobj, total);
      return -1;
    }
    firstitem.reset();
    total++;
    n = 1;
    while (obj) {
      if (save(self, obj.get(), 0) < 0) {
        errors::format_note("when serializing %T item %zd", origobj, total);
        return -1;
      }
      obj.reset();
      total++;
      n += 1;
      if (n == kBatchSize) break;
      obj = Ref<>::steal(iter_next(iter));
      if (!obj) {
        if (errors::occurred()) return -1;
        break;
      }
    }
    if (write_op(self, APPENDS) < 0) return -1;
  } while (n == kBatchSize);
  return 0;
}

// batch_list_exact: batch_list for an exact list, indexing it directly.
int batch_list_exact(PicklerObject* self, Object* obj) {
  if (list_size(obj) == 1) {
    Ref<> item = Ref<>::borrow(list_item(obj, 0));
    if (save(self, item.get(), 0) < 0) {
      errors::format_note("when serializing %T item 0", obj);
      return -1;
    }
    return write_op(self, APPEND);
  }
  ssize total = 0;
  do {
    ssize this_batch = 0;
    if (write_op(self, MARK) < 0) return -1;
    while (total < list_size(obj)) {
      Ref<> item = Ref<>::borrow(list_item(obj, total));
      if (save(self, item.get(), 0) < 0) {
        errors::format_note("when serializing %T item %zd", obj, total);
        return -1;
      }
      total++;
      if (++this_batch == kBatchSize) break;
    }
    if (write_op(self, APPENDS) < 0) return -1;
  } while (total < list_size(obj));
  return 0;
}

// save_list.
int save_list(PicklerObject* self, Object* obj) {
  int status = 0;
  if (self->fast && !fast_save_enter(self, obj)) {
    status = -1;
  } else {
    char header[2];
    ssize len;
    if (self->bin) {
      header[0] = EMPTY_LIST;
      len = 1;
    } else {
      header[0] = MARK;
      header[1] = LIST;
      len = 2;
    }
    if (pickler_write(self, header, len) < 0 || memo_put(self, obj) < 0) {
      status = -1;
    } else if (list_size(obj) != 0) {
      if (list_check_exact(obj) && self->proto > 0) {
        if (enter_recursive_call(" while pickling an object")) {
          status = -1;
        } else {
          status = batch_list_exact(self, obj);
          leave_recursive_call();
        }
      } else {
        Ref<> iter = Ref<>::steal(object_get_iter(obj));
        if (!iter || enter_recursive_call(" while pickling an object")) {
          status = -1;
        } else {
          status = batch_list(self, iter.get(), obj);
          leave_recursive_call();
        }
      }
    }
  }
  if (self->fast && !fast_save_leave(self, obj)) status = -1;
  return status;
}

bool is_pair(Object* o) { return tuple_check(o) && tuple_size(o) == 2; }

int bad_items() {
  errors::set_string(exc_TypeError, "dict items iterator must return 2-tuples");
  return -1;
}

// save_pair: key then value, noting the key when the value fails.
int save_pair(PicklerObject* self, Object* pair, Object* origobj) {
  if (save(self, tuple_item(pair, 0), 0) < 0) return -1;
  if (save(self, tuple_item(pair, 1), 0) < 0) {
    errors::format_note("when serializing %T item %R", origobj, tuple_item(pair, 0));
    return -1;
  }
  return 0;
}

// batch_dict: MARK key value ... SETITEMS from an iterator of pairs.
int batch_dict(PicklerObject* self, Object* iter, Object* origobj) {
  if (self->proto == 0) {
    for (;;) {
      Ref<> obj = Ref<>::steal(iter_next(iter));
      if (!obj) {
        if (errors::occurred()) return -1;
        break;
      }
      if (!is_pair(obj.get())) return bad_items();
      if (save_pair(self, obj.get(), origobj) < 0) return -1;
      if (write_op(self, SETITEM) < 0) return -1;
    }
    return 0;
  }
  int n;
  do {
    Ref<> firstitem = Ref<>::steal(iter_next(iter));
    if (!firstitem) {
      if (errors::occurred()) return -1;
      break;
    }
    if (!is_pair(firstitem.get())) return bad_items();
    Ref<> obj = Ref<>::steal(iter_next(iter));
    if (!obj) {
      if (errors::occurred()) return -1;
      if (save_pair(self, firstitem.get(), origobj) < 0) return -1;
      if (write_op(self, SETITEM) < 0) return -1;
      break;
    }
    if (write_op(self, MARK) < 0) return -1;
    if (save_pair(self, firstitem.get(), origobj) < 0) return -1;
    firstitem.reset();
    n = 1;
    while (obj) {
      if (!is_pair(obj.get())) return bad_items();
      if (save_pair(self, obj.get(), origobj) < 0) return -1;
      obj.reset();
      n += 1;
      if (n == kBatchSize) break;
      obj = Ref<>::steal(iter_next(iter));
      if (!obj) {
        if (errors::occurred()) return -1;
        break;
      }
    }
    if (write_op(self, SETITEMS) < 0) return -1;
  } while (n == kBatchSize);
  return 0;
}

// batch_dict_exact: batch_dict for an exact dict, walking its entries.
int batch_dict_exact(PicklerObject* self, Object* obj) {
  ssize dsize = dict_size(obj);
  ssize ppos = 0;
  Object *key, *value;
  auto save_kv = [&](Object* k, Object* v) {
    Ref<> kr = Ref<>::borrow(k);
    Ref<> vr = Ref<>::borrow(v);
    if (save(self, kr.get(), 0) < 0) return -1;
    if (save(self, vr.get(), 0) < 0) {
      errors::format_note("when serializing %T item %R", obj, kr.get());
      return -1;
    }
    return 0;
  };
  if (dsize == 1) {
    dict_next(obj, &ppos, &key, &value);
    if (save_kv(key, value) < 0) return -1;
    return write_op(self, SETITEM);
  }
  int i;
  do {
    i = 0;
    if (write_op(self, MARK) < 0) return -1;
    while (dict_next(obj, &ppos, &key, &value)) {
      if (save_kv(key, value) < 0) return -1;
      if (++i == kBatchSize) break;
    }
    if (write_op(self, SETITEMS) < 0) return -1;
    if (dict_size(obj) != dsize) {
      errors::format(exc_RuntimeError, "dictionary changed size during iteration");
      return -1;
    }
  } while (i == kBatchSize);
  return 0;
}

// save_dict.
int save_dict(PicklerObject* self, Object* obj) {
  int status = 0;
  if (self->fast && !fast_save_enter(self, obj)) {
    status = -1;
  } else {
    char header[2];
    ssize len;
    if (self->bin) {
      header[0] = EMPTY_DICT;
      len = 1;
    } else {
      header[0] = MARK;
      header[1] = DICT;
      len = 2;
    }
    if (pickler_write(self, header, len) < 0 || memo_put(self, obj) < 0) {
      status = -1;
    } else if (dict_size(obj)) {
      if (dict_check_exact(obj) && self->proto > 0) {
        if (enter_recursive_call(" while pickling an object")) {
          status = -1;
        } else {
          status = batch_dict_exact(self, obj);
          leave_recursive_call();
        }
      } else {
        Ref<> items = Ref<>::steal(call_method_no_args(obj, intern("items")));
        Ref<> iter;
        if (items) iter = Ref<>::steal(object_get_iter(items.get()));
        if (!iter || enter_recursive_call(" while pickling an object")) {
          status = -1;
        } else {
          status = batch_dict(self, iter.get(), obj);
          leave_recursive_call();
        }
      }
    }
  }
  if (self->fast && !fast_save_leave(self, obj)) status = -1;
  return status;
}

// A reduction to type(list(obj)) for sets and frozensets before protocol 4.
int save_set_reduce(PicklerObject* self, Object* obj, TypeObject* type) {
  Ref<> items = Ref<>::steal(sequence_list(obj));
  if (!items) return -1;
  Ref<> args = Ref<>::steal(tuple_pack(1, items.get()));
  if (!args) return -1;
  Ref<> reduce_value = Ref<>::steal(tuple_pack(2, static_cast<Object*>(type), args.get()));
  if (!reduce_value) return -1;
  return save_reduce(self, reduce_value.get(), obj);
}

// save_set: EMPTY_SET then MARK items ADDITEMS in batches.
int save_set(PicklerObject* self, Object* obj) {
  if (self->proto < 4) return save_set_reduce(self, obj, &set_type);
  if (write_op(self, EMPTY_SET) < 0) return -1;
  if (memo_put(self, obj) < 0) return -1;
  ssize set_size = objects::set_size(obj);
  if (set_size == 0) return 0;
  ssize ppos = 0;
  int i;
  do {
    i = 0;
    if (write_op(self, MARK) < 0) return -1;
    Object* item;
    hash_t hash;
    while (set_next_entry(obj, &ppos, &item, &hash)) {
      Ref<> it = Ref<>::borrow(item);
      if (save(self, it.get(), 0) < 0) {
        errors::format_note("when serializing %T element", obj);
        return -1;
      }
      if (++i == kBatchSize) break;
    }
    if (write_op(self, ADDITEMS) < 0) return -1;
    if (objects::set_size(obj) != set_size) {
      errors::format(exc_RuntimeError, "set changed size during iteration");
      return -1;
    }
  } while (i == kBatchSize);
  return 0;
}

// save_frozenset: MARK items FROZENSET (popped and fetched from the memo when recursive).
int save_frozenset(PicklerObject* self, Object* obj) {
  if (self->fast && !fast_save_enter(self, obj)) return -1;
  if (self->proto < 4) return save_set_reduce(self, obj, &frozenset_type);
  if (write_op(self, MARK) < 0) return -1;
  Ref<> iter = Ref<>::steal(object_get_iter(obj));
  if (!iter) return -1;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(iter.get()));
    if (!item) {
      if (errors::occurred()) return -1;
      break;
    }
    if (save(self, item.get(), 0) < 0) {
      errors::format_note("when serializing %T element", obj);
      return -1;
    }
  }
  if (memo_get_entry(self->memo, obj)) {
    if (write_op(self, POP_MARK) < 0) return -1;
    return memo_get(self, obj);
  }
  if (write_op(self, FROZENSET) < 0) return -1;
  return memo_put(self, obj);
}

// fix_imports: maps Python 3 names to Python 2 ones for protocols < 3.
int fix_imports(Object** module_name, Object** global_name) {
  Ref<> key = Ref<>::steal(tuple_pack(2, *module_name, *global_name));
  if (!key) return -1;
  Object* item = dict_get_item_with_error(st.name_mapping_3to2, key.get());
  if (item) {
    if (!tuple_check(item) || tuple_size(item) != 2) {
      errors::format(exc_RuntimeError,
                     "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %.200s",
                     item->type->name);
      return -1;
    }
    Object* fixed_module_name = tuple_item(item, 0);
    Object* fixed_global_name = tuple_item(item, 1);
    if (!str_check(fixed_module_name) || !str_check(fixed_global_name)) {
      errors::format(exc_RuntimeError,
                     "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not "
                     "(%.200s, %.200s)",
                     fixed_module_name->type->name, fixed_global_name->type->name);
      return -1;
    }
    xsetref(*module_name, new_ref(fixed_module_name));
    xsetref(*global_name, new_ref(fixed_global_name));
    return 0;
  }
  if (errors::occurred()) return -1;
  item = dict_get_item_with_error(st.import_mapping_3to2, *module_name);
  if (item) {
    if (!str_check(item)) {
      errors::format(exc_RuntimeError,
                     "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %.200s",
                     item->type->name);
      return -1;
    }
    xsetref(*module_name, new_ref(item));
  } else if (errors::occurred()) {
    return -1;
  }
  return 0;
}

// Writes name encoded for a GLOBAL line (UTF-8 for protocol 3, ASCII otherwise).
int write_global_part(PicklerObject* self, Object* name, const char* what) {
  Ref<> encoded = Ref<>::steal(str_encode(name, self->proto == 3 ? "utf-8" : "ascii", nullptr));
  if (!encoded) {
    if (errors::exception_matches(exc_UnicodeEncodeError)) {
      Object* exc = errors::get_raised_exception();
      errors::format(st.PicklingError, "can't pickle %s identifier %R using pickle protocol %i",
                     what, name, self->proto);
      errors::chain_exceptions1(exc);
    }
    return -1;
  }
  if (pickler_write(self, bytes_as_string(encoded.get()), bytes_size(encoded.get())) < 0 ||
      pickler_write(self, "\n", 1) < 0)
    return -1;
  return 0;
}

// save_global: EXT1/2/4 for registered extensions, STACK_GLOBAL for protocol 4+, else GLOBAL
// (with getattr reductions for dotted qualnames).
int save_global(PicklerObject* self, Object* obj, Object* name) {
  Object* global_name = nullptr;
  if (name) {
    global_name = new_ref(name);
  } else {
    if (object_get_optional_attr(obj, intern("__qualname__"), &global_name) < 0) return -1;
    if (!global_name) {
      global_name = object_getattr(obj, intern("__name__"));
      if (!global_name) return -1;
    }
  }
  Ref<> gname_holder = Ref<>::steal(global_name);
  Ref<> dotted_path = Ref<>::steal(get_dotted_path(global_name));
  if (!dotted_path) return -1;
  Object* module_name = whichmodule(obj, global_name, dotted_path.get());
  if (!module_name) return -1;
  Ref<> mname_holder = Ref<>::steal(module_name);

  if (self->proto >= 2) {
    Ref<> extension_key = Ref<>::steal(tuple_pack(2, module_name, global_name));
    if (!extension_key) return -1;
    Object* code_obj = nullptr;
    if (dict_get_item_ref(st.extension_registry, extension_key.get(), &code_obj) < 0) return -1;
    if (code_obj) {
      long code = long_as_long(code_obj);
      decref(code_obj);
      if (code <= 0 || code > 0x7fffffffL) {
        if (!errors::occurred())
          errors::format(exc_RuntimeError, "extension code %ld is out of range", code);
        return -1;
      }
      char pdata[5];
      ssize n;
      if (code <= 0xff) {
        pdata[0] = static_cast<char>(EXT1);
        pdata[1] = static_cast<char>(code);
        n = 2;
      } else if (code <= 0xffff) {
        pdata[0] = static_cast<char>(EXT2);
        pdata[1] = static_cast<char>(code & 0xff);
        pdata[2] = static_cast<char>((code >> 8) & 0xff);
        n = 3;
      } else {
        pdata[0] = static_cast<char>(EXT4);
        for (int i = 0; i < 4; i++) pdata[1 + i] = static_cast<char>((code >> (8 * i)) & 0xff);
        n = 5;
      }
      return pickler_write(self, pdata, n) < 0 ? -1 : 0;
    }
  }
  if (self->proto >= 4) {
    if (save(self, module_name, 0) < 0) return -1;
    if (save(self, global_name, 0) < 0) return -1;
    if (write_op(self, STACK_GLOBAL) < 0) return -1;
  } else {
    // getattr(getattr(GLOBAL, name1), name2) for a dotted qualname.
    unsigned char tupletwo_op = self->proto < 2 ? TUPLE : TUPLE2;
    ssize nparts = list_size(dotted_path.get());
    Object* gname = global_name;
    if (nparts > 1) gname = list_item(dotted_path.get(), 0);
    Ref<> gname_ref = Ref<>::borrow(gname);
    for (ssize i = 1; i < nparts; i++) {
      if (save(self, st.getattr, 0) < 0 || (self->proto < 2 && write_op(self, MARK) < 0))
        return -1;
    }
    if (write_op(self, GLOBAL) < 0) return -1;
    Object* mod = new_ref(module_name);
    Object* glob = gname_ref.release();
    if (self->proto < 3 && self->fix_imports) {
      if (fix_imports(&mod, &glob) < 0) {
        decref(mod);
        decref(glob);
        return -1;
      }
    }
    Ref<> mod_ref = Ref<>::steal(mod);
    Ref<> glob_ref = Ref<>::steal(glob);
    if (write_global_part(self, mod, "module") < 0) return -1;
    if (write_global_part(self, glob, "global") < 0) return -1;
    for (ssize i = 1; i < nparts; i++) {
      if (save(self, list_item(dotted_path.get(), i), 0) < 0 ||
          write_op(self, tupletwo_op) < 0 || write_op(self, REDUCE) < 0)
        return -1;
    }
  }
  return memo_put(self, obj);
}

// save_singleton_type: type(None) and friends as type(singleton).
int save_singleton_type(PicklerObject* self, Object* obj, Object* singleton) {
  Ref<> args = Ref<>::steal(tuple_pack(1, singleton));
  if (!args) return -1;
  Ref<> reduce_value = Ref<>::steal(tuple_pack(2, static_cast<Object*>(&Type_Type), args.get()));
  if (!reduce_value) return -1;
  return save_reduce(self, reduce_value.get(), obj);
}

// save_type.
int save_type(PicklerObject* self, Object* obj) {
  if (obj == none()->type) return save_singleton_type(self, obj, none());
  if (obj == ellipsis()->type) return save_singleton_type(self, obj, ellipsis());
  if (obj == not_implemented()->type) return save_singleton_type(self, obj, not_implemented());
  return save_global(self, obj, nullptr);
}

// save_pers: 1 when persistent_id(obj) gave an id (written as PERSID / BINPERSID), 0 when it
// returned None, -1 on error.
int save_pers(PicklerObject* self, Object* obj) {
  Ref<> pid = Ref<>::steal(object_call_one_arg(self->persistent_id, obj));
  if (!pid) return -1;
  if (pid.get() == none()) return 0;
  if (self->bin) {
    if (save(self, pid.get(), 1) < 0 || write_op(self, BINPERSID) < 0) return -1;
  } else {
    Ref<> pid_str = Ref<>::steal(object_str(pid.get()));
    if (!pid_str) return -1;
    if (!str_is_ascii(pid_str.get())) {
      errors::set_string(st.PicklingError, "persistent IDs in protocol 0 must be ASCII strings");
      return -1;
    }
    if (write_op(self, PERSID) < 0 ||
        pickler_write(self, static_cast<const char*>(str_data(pid_str.get())),
                      str_length(pid_str.get())) < 0 ||
        pickler_write(self, "\n", 1) < 0)
      return -1;
  }
  return 1;
}

// get_class: obj.__class__, or type(obj) when it has none.
Object* get_class(Object* obj) {
  Object* cls = nullptr;
  if (object_get_optional_attr(obj, intern("__class__"), &cls) == 0)
    cls = new_ref(static_cast<Object*>(obj->type));
  return cls;
}

// save_reduce: obj from a __reduce__ tuple (callable, args[, state[, listitems[, dictitems[,
// state_setter]]]]).
int save_reduce(PicklerObject* self, Object* args, Object* obj) {
  ssize size = tuple_check(args) ? tuple_size(args) : -1;
  if (size < 2 || size > 6) {
    errors::set_string(st.PicklingError,
                       "tuple returned by __reduce__ must contain 2 through 6 elements");
    return -1;
  }
  Object* callable = tuple_item(args, 0);
  Object* argtup = tuple_item(args, 1);
  Object* state = size > 2 ? tuple_item(args, 2) : nullptr;
  Object* listitems = size > 3 ? tuple_item(args, 3) : none();
  Object* dictitems = size > 4 ? tuple_item(args, 4) : none();
  Object* state_setter = size > 5 ? tuple_item(args, 5) : none();

  if (!callable_check(callable)) {
    errors::format(st.PicklingError,
                   "first item of the tuple returned by __reduce__ must be callable, not %T",
                   callable);
    return -1;
  }
  if (!tuple_check(argtup)) {
    errors::format(st.PicklingError,
                   "second item of the tuple returned by __reduce__ must be a tuple, not %T",
                   argtup);
    return -1;
  }
  if (state == none()) state = nullptr;
  if (listitems == none()) {
    listitems = nullptr;
  } else if (!iter_check(listitems)) {
    errors::format(st.PicklingError,
                   "fourth item of the tuple returned by __reduce__ must be an iterator, not %T",
                   listitems);
    return -1;
  }
  if (dictitems == none()) {
    dictitems = nullptr;
  } else if (!iter_check(dictitems)) {
    errors::format(st.PicklingError,
                   "fifth item of the tuple returned by __reduce__ must be an iterator, not %T",
                   dictitems);
    return -1;
  }
  if (state_setter == none()) {
    state_setter = nullptr;
  } else if (!callable_check(state_setter)) {
    errors::format(st.PicklingError,
                   "sixth item of the tuple returned by __reduce__ must be callable, not %T",
                   state_setter);
    return -1;
  }

  bool use_newobj = false, use_newobj_ex = false;
  if (self->proto >= 2) {
    Object* name = nullptr;
    if (object_get_optional_attr(callable, intern("__name__"), &name) < 0) return -1;
    if (name && str_check(name)) {
      use_newobj_ex = str_equal(name, intern("__newobj_ex__"));
      if (!use_newobj_ex) use_newobj = str_equal(name, intern("__newobj__"));
    }
    xdecref(name);
  }

  if (use_newobj_ex) {
    if (tuple_size(argtup) != 3) {
      errors::format(st.PicklingError, "__newobj_ex__ expected 3 arguments, got %zd",
                     tuple_size(argtup));
      return -1;
    }
    Object* cls = tuple_item(argtup, 0);
    if (!type_check_type(cls)) {
      errors::format(st.PicklingError,
                     "first argument to __newobj_ex__() must be a class, not %T", cls);
      return -1;
    }
    Object* cargs = tuple_item(argtup, 1);
    if (!tuple_check(cargs)) {
      errors::format(st.PicklingError,
                     "second argument to __newobj_ex__() must be a tuple, not %T", cargs);
      return -1;
    }
    Object* kwargs = tuple_item(argtup, 2);
    if (!dict_check(kwargs)) {
      errors::format(st.PicklingError,
                     "third argument to __newobj_ex__() must be a dict, not %T", kwargs);
      return -1;
    }
    if (self->proto >= 4) {
      if (save(self, cls, 0) < 0) {
        errors::format_note("when serializing %T class", obj);
        return -1;
      }
      if (save(self, cargs, 0) < 0 || save(self, kwargs, 0) < 0) {
        errors::format_note("when serializing %T __new__ arguments", obj);
        return -1;
      }
      if (write_op(self, NEWOBJ_EX) < 0) return -1;
    } else {
      // partial(cls.__new__, cls, *args, **kwargs)() for protocols 2 and 3.
      ssize nargs = tuple_size(cargs);
      Ref<> newargs = Ref<>::steal(tuple_new(nargs + 2));
      if (!newargs) return -1;
      Object* cls_new = object_getattr(cls, intern("__new__"));
      if (!cls_new) return -1;
      tuple_set_item(newargs.get(), 0, cls_new);
      tuple_set_item(newargs.get(), 1, new_ref(cls));
      for (ssize i = 0; i < nargs; i++)
        tuple_set_item(newargs.get(), i + 2, new_ref(tuple_item(cargs, i)));
      Ref<> call = Ref<>::steal(object_call(st.partial, newargs.get(), kwargs));
      if (!call) return -1;
      Ref<> empty = Ref<>::steal(tuple_new(0));
      if (!empty) return -1;
      if (save(self, call.get(), 0) < 0 || save(self, empty.get(), 0) < 0) {
        errors::format_note("when serializing %T reconstructor", obj);
        return -1;
      }
      if (write_op(self, REDUCE) < 0) return -1;
    }
  } else if (use_newobj) {
    if (tuple_size(argtup) < 1) {
      errors::format(st.PicklingError, "__newobj__ expected at least 1 argument, got %zd",
                     tuple_size(argtup));
      return -1;
    }
    Object* cls = tuple_item(argtup, 0);
    if (!type_check_type(cls)) {
      errors::format(st.PicklingError, "first argument to __newobj__() must be a class, not %T",
                     cls);
      return -1;
    }
    if (obj) {
      Ref<> obj_class = Ref<>::steal(get_class(obj));
      if (!obj_class) return -1;
      if (obj_class.get() != cls) {
        errors::format(st.PicklingError, "first argument to __newobj__() must be %R, not %R",
                       obj_class.get(), cls);
        return -1;
      }
    }
    if (save(self, cls, 0) < 0) {
      errors::format_note("when serializing %T class", obj);
      return -1;
    }
    Ref<> newargtup = Ref<>::steal(tuple_get_slice(argtup, 1, tuple_size(argtup)));
    if (!newargtup) return -1;
    if (save(self, newargtup.get(), 0) < 0) {
      errors::format_note("when serializing %T __new__ arguments", obj);
      return -1;
    }
    if (write_op(self, NEWOBJ) < 0) return -1;
  } else {
    if (save(self, callable, 0) < 0) {
      errors::format_note("when serializing %T reconstructor", obj);
      return -1;
    }
    if (save(self, argtup, 0) < 0) {
      errors::format_note("when serializing %T reconstructor arguments", obj);
      return -1;
    }
    if (write_op(self, REDUCE) < 0) return -1;
  }

  // A null obj (save_reduce used directly) is not memoized. An obj already in the memo is
  // recursive: drop what was pushed and fetch it.
  if (obj) {
    if (memo_get_entry(self->memo, obj)) {
      if (write_op(self, POP) < 0) return -1;
      return memo_get(self, obj);
    }
    if (memo_put(self, obj) < 0) return -1;
  }
  if (listitems && batch_list(self, listitems, obj) < 0) return -1;
  if (dictitems && batch_dict(self, dictitems, obj) < 0) return -1;
  if (state) {
    if (!state_setter) {
      if (save(self, state, 0) < 0) {
        errors::format_note("when serializing %T state", obj);
        return -1;
      }
      if (write_op(self, BUILD) < 0) return -1;
    } else {
      // state_setter(obj, state), with its result popped: stack-transparent.
      if (save(self, state_setter, 0) < 0) {
        errors::format_note("when serializing %T state setter", obj);
        return -1;
      }
      if (save(self, obj, 0) < 0) return -1;
      if (save(self, state, 0) < 0) {
        errors::format_note("when serializing %T state", obj);
        return -1;
      }
      if (write_op(self, TUPLE2) < 0 || write_op(self, REDUCE) < 0 || write_op(self, POP) < 0)
        return -1;
    }
  }
  return 0;
}

// The body of save after the recursion guard: containers, reducer_override, globals, then the
// reduction protocol (dispatch_table, copyreg.dispatch_table, __reduce_ex__, __reduce__).
int save_complex(PicklerObject* self, Object* obj, TypeObject* type) {
  if (type == &dict_type) return save_dict(self, obj);
  if (type == &set_type) return save_set(self, obj);
  if (type == &frozenset_type) return save_frozenset(self, obj);
  if (type == &list_type) return save_list(self, obj);
  if (type == &tuple_type) return save_tuple(self, obj);
  if (type == &bytearray_type) return save_bytearray(self, obj);
  if (type == &picklebuffer_type) return save_picklebuffer(self, obj);

  Ref<> reduce_value;
  if (self->reducer_override) {
    reduce_value = Ref<>::steal(object_call_one_arg(self->reducer_override, obj));
    if (!reduce_value) return -1;
    if (reduce_value.get() == not_implemented()) reduce_value.reset();
  }
  if (!reduce_value) {
    if (type == &Type_Type) return save_type(self, obj);
    if (type == &function_type) return save_global(self, obj, nullptr);

    Object* reduce_func = nullptr;
    if (!self->dispatch_table) {
      reduce_func = dict_get_item_with_error(st.dispatch_table, type);
      if (!reduce_func) {
        if (errors::occurred()) return -1;
      } else {
        incref(reduce_func);
      }
    } else if (mapping_get_optional_item(self->dispatch_table, type, &reduce_func) < 0) {
      return -1;
    }
    Ref<> func = Ref<>::steal(reduce_func);
    if (func) {
      reduce_value = Ref<>::steal(object_call_one_arg(func.get(), obj));
    } else if (is_subtype(type, &Type_Type)) {
      return save_global(self, obj, nullptr);
    } else {
      if (object_get_optional_attr(obj, intern("__reduce_ex__"), &reduce_func) < 0) return -1;
      func = Ref<>::steal(reduce_func);
      if (func) {
        Object* proto = long_from_long(self->proto);
        if (proto) reduce_value = Ref<>::steal(fast_call(func.get(), proto));
      } else {
        if (object_get_optional_attr(obj, intern("__reduce__"), &reduce_func) < 0) return -1;
        func = Ref<>::steal(reduce_func);
        if (func) {
          reduce_value = Ref<>::steal(object_call_no_args(func.get()));
        } else {
          errors::format(st.PicklingError, "Can't pickle %T object", obj);
          return -1;
        }
      }
    }
    if (!reduce_value) return -1;
  }
  if (str_check(reduce_value.get())) return save_global(self, obj, reduce_value.get());
  if (!tuple_check(reduce_value.get())) {
    errors::format(st.PicklingError, "__reduce__ must return a string or tuple, not %T",
                   reduce_value.get());
    errors::format_note("when serializing %T object", obj);
    return -1;
  }
  int status = save_reduce(self, reduce_value.get(), obj);
  if (status < 0) errors::format_note("when serializing %T object", obj);
  return status;
}

// save.
int save(PicklerObject* self, Object* obj, int pers_save) {
  if (self->framing && self->frame_start != -1 &&
      self->output_len - self->frame_start - kFrameHeaderSize >= kFrameSizeTarget &&
      pickler_opcode_boundary(self) < 0)
    return -1;
  // pers_save keeps persistent_id from being asked about the id it returned.
  if (!pers_save && self->persistent_id) {
    int status = save_pers(self, obj);
    if (status != 0) return status;
  }
  TypeObject* type = obj->type;
  // Atoms: not memoized.
  if (obj == none()) return save_none(self);
  if (obj == py_false() || obj == py_true()) return save_bool(self, obj);
  if (type == &long_type) return save_long(self, obj);
  if (type == &float_type) return save_float(self, obj);
  if (ssize* value = memo_get_entry(self->memo, obj)) return memo_get_value(self, value);
  if (type == &bytes_type) return save_bytes(self, obj);
  if (type == &str_type) return save_unicode(self, obj);
  if (enter_recursive_call(" while pickling an object")) return -1;
  int status = save_complex(self, obj, type);
  leave_recursive_call();
  return status;
}

// Pickler.persistent_id: the default, which pickles everything by value.
Object* Pickler_persistent_id(Object*, Object*) { return return_none(); }

// dump.
int dump(PicklerObject* self, Object* obj) {
  int status = -1;
  Object* tmp = object_getattr(self, intern("persistent_id"));
  if (tmp) {
    // The default method is not worth calling for every object.
    if (cfunction_check(tmp)) {
      auto* f = static_cast<CFunctionObject*>(tmp);
      if (f->m_self == self &&
          f->m_ml->function == reinterpret_cast<void*>(Pickler_persistent_id))
        clear(tmp);
    }
    xsetref(self->persistent_id, tmp);
    if (object_get_optional_attr(self, intern("reducer_override"), &tmp) >= 0) {
      xsetref(self->reducer_override, tmp);
      bool ok = true;
      if (self->proto >= 2) {
        char header[2] = {static_cast<char>(PROTO), static_cast<char>(self->proto)};
        if (pickler_write(self, header, 2) < 0) ok = false;
        if (self->proto >= 4) self->framing = 1;
      }
      if (ok && save(self, obj, 0) >= 0 && write_op(self, STOP) >= 0 &&
          pickler_commit_frame(self) >= 0)
        status = 0;
    }
  }
  self->framing = 0;
  // Break the cycle of the bound methods cached above (they hold the pickler).
  clear(self->persistent_id);
  clear(self->reducer_override);
  return status;
}

// ---- Pickler type -------------------------------------------------------------------------

Object* Pickler_clear_memo(Object* op, Object*) {
  auto* self = static_cast<PicklerObject*>(op);
  if (self->memo) memo_clear(self->memo);
  return return_none();
}

Object* Pickler_dump(Object* op, Object* obj) {
  auto* self = static_cast<PicklerObject*>(op);
  if (!self->write) {
    return errors::format(st.PicklingError, "Pickler.__init__() was not called by %s.__init__()",
                          op->type->name);
  }
  if (pickler_clear_buffer(self) < 0) return nullptr;
  if (dump(self, obj) < 0) return nullptr;
  if (pickler_flush_to_file(self) < 0) return nullptr;
  return return_none();
}

Object* Pickler_sizeof(Object* op, Object*) {
  auto* self = static_cast<PicklerObject*>(op);
  size_t res = static_cast<size_t>(op->type->basicsize);
  if (self->memo) res += sizeof(MemoTable) + self->memo->allocated * sizeof(MemoEntry);
  if (self->output_buffer) {
    Ref<> s = Ref<>::steal(call_method_no_args(self->output_buffer, intern("__sizeof__")));
    if (!s) return nullptr;
    ssize n = long_as_ssize(s.get());
    if (n == -1 && errors::occurred()) return nullptr;
    res += static_cast<size_t>(n);
  }
  return long_from_size_t(res);
}

int Pickler_clear(Object* op) {
  auto* self = static_cast<PicklerObject*>(op);
  clear(self->output_buffer);
  clear(self->write);
  clear(self->persistent_id);
  clear(self->persistent_id_attr);
  clear(self->dispatch_table);
  clear(self->fast_memo);
  clear(self->reducer_override);
  clear(self->buffer_callback);
  if (self->memo) {
    MemoTable* memo = self->memo;
    self->memo = nullptr;
    memo_del(memo);
  }
  return 0;
}

void Pickler_dealloc(Object* op) {
  gc::untrack(op);
  Pickler_clear(op);
  op->type->free(op);
}

int Pickler_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<PicklerObject*>(op);
  for (Object* x : {self->write, self->persistent_id, self->persistent_id_attr,
                    self->dispatch_table, self->fast_memo, self->reducer_override,
                    self->buffer_callback})
    if (x)
      if (int r = visit(x, arg)) return r;
  if (self->memo && self->memo->table) {
    for (size_t i = self->memo->allocated; i-- > 0;)
      if (Object* k = self->memo->table[i].key)
        if (int r = visit(k, arg)) return r;
  }
  return 0;
}

// A bool argument of clinic's 'bool' converter (any object's truth).
int bool_arg(Object* o, int dflt) {
  if (!o) return dflt;
  return object_is_true(o);
}

// _pickle_Pickler___init__: Pickler(file, protocol=None, fix_imports=True,
// buffer_callback=None).
int Pickler_init(Object* op, Object* args, Object* kwargs) {
  static const char* const kw[] = {"file", "protocol", "fix_imports", "buffer_callback", nullptr};
  static const ArgParser parser = {"Pickler", kw, 1, 4, 0};
  Object* a[4] = {};
  if (unpack_keywords_tuple(parser, args, kwargs, a) < 0) return -1;
  Object* protocol = a[1] ? a[1] : none();
  int fix = bool_arg(a[2], 1);
  if (fix < 0) return -1;
  Object* buffer_callback = a[3] ? a[3] : none();
  auto* self = static_cast<PicklerObject*>(op);
  if (self->write) (void)Pickler_clear(op);
  if (pickler_set_protocol(self, protocol, fix) < 0) return -1;
  if (pickler_set_output_stream(self, a[0]) < 0) return -1;
  if (pickler_set_buffer_callback(self, buffer_callback) < 0) return -1;
  if (!self->memo) {
    self->memo = memo_new();
    if (!self->memo) return -1;
  }
  self->output_len = 0;
  if (!self->output_buffer) {
    self->max_output_len = kWriteBufSize;
    self->output_buffer = bytes_from_string_and_size(nullptr, self->max_output_len);
    if (!self->output_buffer) return -1;
  }
  self->frame_start = -1;
  self->fast = 0;
  self->fast_nesting = 0;
  self->fast_memo = nullptr;
  if (self->dispatch_table) return 0;
  if (object_get_optional_attr(op, intern("dispatch_table"), &self->dispatch_table) < 0)
    return -1;
  return 0;
}

Object* Pickler_new(TypeObject* type, Object*, Object*) {
  Object* op = type->alloc(type, 0);
  if (!op) return nullptr;
  auto* self = static_cast<PicklerObject*>(op);
  self->memo = memo_new();
  if (!self->memo) {
    decref(op);
    return nullptr;
  }
  self->max_output_len = kWriteBufSize;
  self->output_buffer = bytes_from_string_and_size(nullptr, kWriteBufSize);
  if (!self->output_buffer) {
    decref(op);
    return nullptr;
  }
  self->frame_start = -1;
  return op;
}

// The PicklerMemoProxy: pickler.memo as a copyable, clearable object.
Object* picklermemoproxy_new(PicklerObject* pickler) {
  auto* self = static_cast<PicklerMemoProxyObject*>(
      type_generic_alloc(&pickler_memoproxy_type, 0));
  if (!self) return nullptr;
  self->pickler = static_cast<PicklerObject*>(new_ref(pickler));
  return self;
}

Object* PicklerMemoProxy_clear(Object* op, Object*) {
  auto* self = static_cast<PicklerMemoProxyObject*>(op);
  if (self->pickler->memo) memo_clear(self->pickler->memo);
  return return_none();
}

// _pickle_PicklerMemoProxy_copy_impl: {id(obj): (index, obj)}.
Object* PicklerMemoProxy_copy(Object* op, Object*) {
  auto* self = static_cast<PicklerMemoProxyObject*>(op);
  Ref<> new_memo = Ref<>::steal(dict_new());
  if (!new_memo) return nullptr;
  MemoTable* memo = self->pickler->memo;
  for (size_t i = 0; i < memo->allocated; ++i) {
    MemoEntry entry = memo->table[i];
    if (!entry.key) continue;
    Ref<> key = Ref<>::steal(ptr_key(entry.key));
    Ref<> idx = Ref<>::steal(long_from_ssize(entry.value));
    if (!key || !idx) return nullptr;
    Ref<> value = Ref<>::steal(tuple_pack(2, idx.get(), entry.key));
    if (!value || dict_set_item(new_memo.get(), key.get(), value.get()) < 0) return nullptr;
  }
  return new_memo.release();
}

// (dict, (contents,)).
Object* memo_reduce(Object* contents) {
  if (!contents) return nullptr;
  Ref<> c = Ref<>::steal(contents);
  Ref<> args = Ref<>::steal(tuple_pack(1, c.get()));
  if (!args) return nullptr;
  return tuple_pack(2, static_cast<Object*>(&dict_type), args.get());
}

Object* PicklerMemoProxy_reduce(Object* op, Object*) {
  return memo_reduce(PicklerMemoProxy_copy(op, nullptr));
}

void PicklerMemoProxy_dealloc(Object* op) {
  gc::untrack(op);
  clear(static_cast<PicklerMemoProxyObject*>(op)->pickler);
  op->type->free(op);
}

int PicklerMemoProxy_traverse(Object* op, visitproc visit, void* arg) {
  Object* p = static_cast<PicklerMemoProxyObject*>(op)->pickler;
  return p ? visit(p, arg) : 0;
}

int PicklerMemoProxy_clear_slot(Object* op) {
  clear(static_cast<PicklerMemoProxyObject*>(op)->pickler);
  return 0;
}

Object* Pickler_get_memo(Object* op, void*) {
  return picklermemoproxy_new(static_cast<PicklerObject*>(op));
}

int Pickler_set_memo(Object* op, Object* obj, void*) {
  auto* self = static_cast<PicklerObject*>(op);
  if (!obj) {
    errors::set_string(exc_TypeError, "attribute deletion is not supported");
    return -1;
  }
  MemoTable* new_memo = nullptr;
  if (obj->type == &pickler_memoproxy_type) {
    new_memo = memo_copy(static_cast<PicklerMemoProxyObject*>(obj)->pickler->memo);
    if (!new_memo) return -1;
  } else if (dict_check(obj)) {
    new_memo = memo_new();
    if (!new_memo) return -1;
    ssize i = 0;
    Object *key, *value;
    while (dict_next(obj, &i, &key, &value)) {
      if (!tuple_check(value) || tuple_size(value) != 2) {
        errors::set_string(exc_TypeError, "'memo' values must be 2-item tuples");
        memo_del(new_memo);
        return -1;
      }
      ssize memo_id = long_as_ssize(tuple_item(value, 0));
      if ((memo_id == -1 && errors::occurred()) ||
          memo_set(new_memo, tuple_item(value, 1), memo_id) < 0) {
        memo_del(new_memo);
        return -1;
      }
    }
  } else {
    errors::format(exc_TypeError,
                   "'memo' attribute must be a PicklerMemoProxy object or dict, not %.200s",
                   obj->type->name);
    return -1;
  }
  memo_del(self->memo);
  self->memo = new_memo;
  return 0;
}

// Pickler_getattr / Pickler_setattr: an instance attribute persistent_id shadows the method.
Object* Pickler_getattro(Object* op, Object* name) {
  auto* self = static_cast<PicklerObject*>(op);
  if (self->persistent_id_attr && str_check(name) && str_equal_cstr(name, "persistent_id"))
    return new_ref(self->persistent_id_attr);
  return object_generic_getattr(op, name);
}

int Pickler_setattro(Object* op, Object* name, Object* value) {
  if (str_check(name) && str_equal_cstr(name, "persistent_id")) {
    auto* self = static_cast<PicklerObject*>(op);
    xsetref(self->persistent_id_attr, xnew_ref(value));
    return 0;
  }
  return object_generic_setattr(op, name, value);
}

// ---- the unpickler's input --------------------------------------------------------------------

// _Unpickler_SetStringInput: reads from a bytes-like object.
ssize unpickler_set_string_input(UnpicklerObject* self, Object* input) {
  if (self->buffer.buf) buffer_release(&self->buffer);
  if (object_get_buffer(input, &self->buffer, kBufContigRO) < 0) return -1;
  self->input_buffer = static_cast<char*>(self->buffer.buf);
  self->input_len = self->buffer.len;
  self->next_read_idx = 0;
  self->prefetched_idx = self->input_len;
  return self->input_len;
}

int bad_readline() {
  errors::set_string(st.UnpicklingError, "pickle data was truncated");
  return -1;
}

// _Unpickler_SkipConsumed: reads from the file what was consumed of peeked data.
int unpickler_skip_consumed(UnpicklerObject* self) {
  ssize consumed = self->next_read_idx - self->prefetched_idx;
  if (consumed <= 0) return 0;
  Object* n = long_from_ssize(consumed);
  if (!n) return -1;
  Object* r = fast_call(self->read, n);
  if (!r) return -1;
  decref(r);
  self->prefetched_idx = self->next_read_idx;
  return 0;
}

constexpr ssize kReadWholeLine = -1;

// _Unpickler_ReadFromFile: refills the input buffer with n bytes (a line for
// kReadWholeLine), peeking ahead when the file can.
ssize unpickler_read_from_file(UnpicklerObject* self, ssize n) {
  if (unpickler_skip_consumed(self) < 0) return -1;
  Object* data;
  if (n == kReadWholeLine) {
    data = object_call_no_args(self->readline);
  } else {
    if (self->peek && n < kPrefetch) {
      Object* len = long_from_ssize(kPrefetch);
      if (!len) return -1;
      data = fast_call(self->peek, len);
      if (!data) {
        if (!errors::exception_matches(exc_NotImplementedError)) return -1;
        errors::clear();
        clear(self->peek);
      } else {
        ssize read_size = unpickler_set_string_input(self, data);
        decref(data);
        if (read_size < 0) return -1;
        self->prefetched_idx = 0;
        if (n <= read_size) return n;
      }
    }
    Object* len = long_from_ssize(n);
    if (!len) return -1;
    data = fast_call(self->read, len);
  }
  if (!data) return -1;
  ssize read_size = unpickler_set_string_input(self, data);
  decref(data);
  return read_size;
}

// _Unpickler_ReadImpl: the slow path of unpickler_read.
ssize unpickler_read_impl(UnpicklerObject* self, char** s, ssize n) {
  *s = nullptr;
  if (self->next_read_idx > PTRDIFF_MAX - n) {
    errors::set_string(st.UnpicklingError, "read would overflow (invalid bytecode)");
    return -1;
  }
  if (!self->read) return bad_readline();
  ssize num_read = unpickler_read_from_file(self, n);
  if (num_read < 0) return -1;
  if (num_read < n) return bad_readline();
  *s = self->input_buffer;
  self->next_read_idx = n;
  return n;
}

// _Unpickler_Read: n bytes at *s.
inline ssize unpickler_read(UnpicklerObject* self, char** s, ssize n) {
  if (n <= self->input_len - self->next_read_idx) {
    *s = self->input_buffer + self->next_read_idx;
    self->next_read_idx += n;
    return n;
  }
  return unpickler_read_impl(self, s, n);
}

// _Unpickler_ReadInto: n bytes copied into buf (readinto() when the file has it).
ssize unpickler_read_into(UnpicklerObject* self, char* buf, ssize n) {
  ssize in_buffer = self->input_len - self->next_read_idx;
  if (in_buffer > 0) {
    ssize to_read = in_buffer < n ? in_buffer : n;
    std::memcpy(buf, self->input_buffer + self->next_read_idx, static_cast<size_t>(to_read));
    self->next_read_idx += to_read;
    buf += to_read;
    n -= to_read;
    if (n == 0) return n;
  }
  if (!self->read) return bad_readline();
  if (unpickler_skip_consumed(self) < 0) return -1;
  if (!self->readinto) {
    Object* len = long_from_ssize(n);
    if (!len) return -1;
    Ref<> data = Ref<>::steal(fast_call(self->read, len));
    if (!data) return -1;
    if (!bytes_check(data.get())) {
      errors::format(exc_ValueError, "read() returned non-bytes object (%R)",
                     static_cast<Object*>(data->type));
      return -1;
    }
    if (bytes_size(data.get()) < n) return bad_readline();
    std::memcpy(buf, bytes_as_string(data.get()), static_cast<size_t>(n));
    return n;
  }
  Object* buf_obj = memoryview_from_memory(buf, n, kBufWrite);
  if (!buf_obj) return -1;
  Ref<> read_size_obj = Ref<>::steal(fast_call(self->readinto, buf_obj));
  if (!read_size_obj) return -1;
  ssize read_size = long_as_ssize(read_size_obj.get());
  if (read_size < 0) {
    if (!errors::occurred())
      errors::set_string(exc_ValueError, "readinto() returned negative size");
    return -1;
  }
  if (read_size < n) return bad_readline();
  return n;
}

// _Unpickler_CopyLine: a NUL-terminated copy of the line in input_line.
ssize unpickler_copy_line(UnpicklerObject* self, const char* line, ssize len, char** result) {
  auto* input_line = static_cast<char*>(std::realloc(self->input_line, len + 1));
  if (!input_line) {
    errors::no_memory();
    return -1;
  }
  std::memcpy(input_line, line, static_cast<size_t>(len));
  input_line[len] = '\0';
  self->input_line = input_line;
  *result = input_line;
  return len;
}

// _Unpickler_Readline: a line with its '\n', or "pickle data was truncated".
ssize unpickler_readline(UnpicklerObject* self, char** result) {
  for (ssize i = self->next_read_idx; i < self->input_len; i++) {
    if (self->input_buffer[i] == '\n') {
      char* line_start = self->input_buffer + self->next_read_idx;
      ssize num_read = i - self->next_read_idx + 1;
      self->next_read_idx = i + 1;
      return unpickler_copy_line(self, line_start, num_read, result);
    }
  }
  if (!self->read) return bad_readline();
  ssize num_read = unpickler_read_from_file(self, kReadWholeLine);
  if (num_read < 0) return -1;
  if (num_read == 0 || self->input_buffer[num_read - 1] != '\n') return bad_readline();
  self->next_read_idx = num_read;
  return unpickler_copy_line(self, self->input_buffer, num_read, result);
}

// ---- the unpickler's memo ---------------------------------------------------------------------

Object** unpickler_new_memo(size_t size) {
  auto** memo = static_cast<Object**>(std::calloc(size ? size : 1, sizeof(Object*)));
  if (!memo) errors::no_memory();
  return memo;
}

// _Unpickler_MemoGet: borrowed, null when absent.
Object* unpickler_memo_get(UnpicklerObject* self, size_t idx) {
  if (idx >= self->memo_size) return nullptr;
  return self->memo[idx];
}

// _Unpickler_MemoPut.
int unpickler_memo_put(UnpicklerObject* self, size_t idx, Object* value) {
  if (idx >= self->memo_size) {
    size_t new_size = idx * 2;
    if (new_size <= idx) new_size = idx + 1;
    auto** m = static_cast<Object**>(std::realloc(self->memo, new_size * sizeof(Object*)));
    if (!m) {
      errors::no_memory();
      return -1;
    }
    for (size_t i = self->memo_size; i < new_size; i++) m[i] = nullptr;
    self->memo = m;
    self->memo_size = new_size;
  }
  Object* old_item = self->memo[idx];
  self->memo[idx] = new_ref(value);
  if (old_item) {
    decref(old_item);
  } else {
    self->memo_len++;
  }
  return 0;
}

// _Unpickler_MemoCleanup.
void unpickler_memo_cleanup(UnpicklerObject* self) {
  Object** memo = self->memo;
  if (!memo) return;
  self->memo = nullptr;
  for (size_t i = self->memo_size; i-- > 0;) xdecref(memo[i]);
  std::free(memo);
}

// _Unpickler_New.
UnpicklerObject* unpickler_new() {
  auto* self = static_cast<UnpicklerObject*>(type_generic_alloc(&unpickler_type, 0));
  if (!self) return nullptr;
  self->memo_size = 32;
  self->memo = unpickler_new_memo(self->memo_size);
  self->stack = pdata_new();
  if (!self->memo || !self->stack) {
    decref(self);
    return nullptr;
  }
  return self;
}

// _Unpickler_SetInputStream.
int unpickler_set_input_stream(UnpicklerObject* self, Object* file) {
  if (object_get_optional_attr(file, intern("peek"), &self->peek) < 0 ||
      object_get_optional_attr(file, intern("readinto"), &self->readinto) < 0 ||
      object_get_optional_attr(file, intern("read"), &self->read) < 0 ||
      object_get_optional_attr(file, intern("readline"), &self->readline) < 0) {
  } else if (!self->readline || !self->read) {
    errors::set_string(exc_TypeError, "file must have 'read' and 'readline' attributes");
  } else {
    return 0;
  }
  clear(self->read);
  clear(self->readinto);
  clear(self->readline);
  clear(self->peek);
  return -1;
}

// _Unpickler_SetInputEncoding.
int unpickler_set_input_encoding(UnpicklerObject* self, const char* encoding,
                                 const char* errs) {
  if (!encoding) encoding = "ASCII";
  if (!errs) errs = "strict";
  self->encoding = strdup(encoding);
  self->errors = strdup(errs);
  if (!self->encoding || !self->errors) {
    errors::no_memory();
    return -1;
  }
  return 0;
}

// _Unpickler_SetBuffers.
int unpickler_set_buffers(UnpicklerObject* self, Object* buffers) {
  if (!buffers || buffers == none()) {
    self->buffers = nullptr;
  } else {
    self->buffers = object_get_iter(buffers);
    if (!self->buffers) return -1;
  }
  return 0;
}

// ---- load_* -----------------------------------------------------------------------------------

// PyUnicode_DecodeASCII(s, n, "strict").
Object* str_decode_object_ascii(const char* s, ssize n) {
  Ref<> raw = Ref<>::steal(bytes_from_string_and_size(s, n));
  if (!raw) return nullptr;
  return str_decode_object(raw.get(), "ascii", "strict");
}

// find_class: self.find_class(module_name, global_name), which subclasses may override.
Object* find_class(UnpicklerObject* self, Object* module_name, Object* global_name) {
  return call_method_obj_args(self, intern("find_class"), module_name, global_name, nullptr);
}

// marker: pops the top MARK.
ssize marker(UnpicklerObject* self) {
  if (self->num_marks < 1) {
    errors::set_string(st.UnpicklingError, "could not find MARK");
    return -1;
  }
  ssize mark = self->marks[--self->num_marks];
  self->stack->mark_set = self->num_marks != 0;
  self->stack->fence = self->num_marks ? self->marks[self->num_marks - 1] : 0;
  return mark;
}

int push(UnpicklerObject* self, Object* obj) {
  if (!obj) return -1;
  return pdata_push(self->stack, obj);
}

int load_none(UnpicklerObject* self) { return push(self, new_ref(none())); }

// load_int: INT, with the "I00"/"I01" bools of protocols 0 and 1.
int load_int(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  errno = 0;
  char* endptr;
  long x = std::strtol(s, &endptr, 10);
  Object* value;
  if (errno || (*endptr != '\n' && *endptr != '\0')) {
    // Maybe something long: try it as a Python int.
    errno = 0;
    value = long_from_cstring(s, nullptr, 10);
    if (!value) {
      errors::set_string(exc_ValueError, "could not convert string to int");
      return -1;
    }
  } else if (len == 3 && (x == 0 || x == 1)) {
    value = bool_from_long(x);
  } else {
    value = long_from_long(x);
  }
  return push(self, value);
}

// calc_binsize: an unsigned little-endian size, or -1 past PY_SSIZE_T_MAX.
ssize calc_binsize(const char* bytes, int nbytes) {
  auto* s = reinterpret_cast<const unsigned char*>(bytes);
  size_t x = 0;
  if (nbytes > static_cast<int>(sizeof(size_t))) {
    for (int i = static_cast<int>(sizeof(size_t)); i < nbytes; i++)
      if (s[i]) return -1;
    nbytes = static_cast<int>(sizeof(size_t));
  }
  for (int i = 0; i < nbytes; i++) x |= static_cast<size_t>(s[i]) << (8 * i);
  if (x > static_cast<size_t>(PTRDIFF_MAX)) return -1;
  return static_cast<ssize>(x);
}

// calc_binint: little-endian; unsigned for 1 and 2 bytes, signed for 4.
long calc_binint(const char* bytes, int nbytes) {
  auto* s = reinterpret_cast<const unsigned char*>(bytes);
  long x = 0;
  for (int i = 0; i < nbytes; i++) x |= static_cast<long>(s[i]) << (8 * i);
  if (nbytes == 4) x |= -(x & (1L << 31));
  return x;
}

int load_binintx(UnpicklerObject* self, int size) {
  char* s;
  if (unpickler_read(self, &s, size) < 0) return -1;
  return push(self, long_from_long(calc_binint(s, size)));
}

// load_long: LONG, with or without Python 2's trailing 'L'.
int load_long(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  if (s[len - 2] == 'L') s[len - 2] = '\0';
  return push(self, long_from_cstring(s, nullptr, 10));
}

// load_counted_long: LONG1 / LONG4.
int load_counted_long(UnpicklerObject* self, int size) {
  char* nbytes;
  if (unpickler_read(self, &nbytes, size) < 0) return -1;
  long n = calc_binint(nbytes, size);
  if (n < 0) {
    errors::set_string(st.UnpicklingError, "LONG pickle has negative byte count");
    return -1;
  }
  Object* value;
  if (n == 0) {
    value = long_from_long(0);
  } else {
    char* pdata;
    if (unpickler_read(self, &pdata, n) < 0) return -1;
    value = long_from_byte_array(reinterpret_cast<unsigned char*>(pdata),
                                 static_cast<size_t>(n), true, true);
  }
  return push(self, value);
}

// load_float: FLOAT.
int load_float(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  double d;
  const char* endptr;
  auto status = pystrconv::string_to_double(s, s + std::strlen(s), &d, &endptr, true);
  if (status == pystrconv::StrtodStatus::kInvalid) {
    errors::format(exc_ValueError, "could not convert string to float: '%.200s'", s);
    return -1;
  }
  if (status == pystrconv::StrtodStatus::kOverflow) {
    errors::format(exc_OverflowError, "value too large to convert to float: '%.200s'", s);
    return -1;
  }
  if (endptr[0] != '\n' && endptr[0] != '\0') {
    errors::set_string(exc_ValueError, "could not convert string to float");
    return -1;
  }
  return push(self, float_from_double(d));
}

// load_binfloat: BINFLOAT, a big-endian IEEE double.
int load_binfloat(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 8) < 0) return -1;
  uint64_t bits = 0;
  for (int i = 0; i < 8; i++) bits = (bits << 8) | static_cast<unsigned char>(s[i]);
  return push(self, float_from_double(std::bit_cast<double>(bits)));
}

// Decodes a Python 2 str with the unpickler's encoding (or keeps bytes for 'bytes').
Object* decode_py2_string(UnpicklerObject* self, Object* bytes) {
  if (std::strcmp(self->encoding, "bytes") == 0) return new_ref(bytes);
  return str_decode_object(bytes, self->encoding, self->errors);
}

// load_string: STRING, a quoted Python 2 str with escapes.
int load_string(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  len--;  // the newline
  if (!(len >= 2 && s[0] == s[len - 1] && (s[0] == '\'' || s[0] == '"'))) {
    errors::set_string(st.UnpicklingError, "the STRING opcode argument must be quoted");
    return -1;
  }
  char* p = s + 1;
  len -= 2;
  Ref<> raw = Ref<>::steal(bytes_from_string_and_size(p, len));
  if (!raw) return -1;
  // _PyBytes_DecodeEscape, through the codec that exposes it.
  Ref<> codecs = Ref<>::steal(imp::import_module("_codecs"));
  if (!codecs) return -1;
  Ref<> decoded = Ref<>::steal(call_method_one_arg(codecs.get(), intern("escape_decode"),
                                                   raw.get()));
  if (!decoded) return -1;
  Object* bytes = tuple_item(decoded.get(), 0);
  return push(self, decode_py2_string(self, bytes));
}

// load_counted_binstring: BINSTRING / SHORT_BINSTRING.
int load_counted_binstring(UnpicklerObject* self, int nbytes) {
  char* s;
  if (unpickler_read(self, &s, nbytes) < 0) return -1;
  long size = calc_binint(s, nbytes);
  if (size < 0) {
    errors::set_string(st.UnpicklingError, "BINSTRING pickle has negative byte count");
    return -1;
  }
  if (unpickler_read(self, &s, size) < 0) return -1;
  Ref<> bytes = Ref<>::steal(bytes_from_string_and_size(s, size));
  if (!bytes) return -1;
  return push(self, decode_py2_string(self, bytes.get()));
}

// load_counted_binbytes: SHORT_BINBYTES / BINBYTES / BINBYTES8.
int load_counted_binbytes(UnpicklerObject* self, int nbytes) {
  char* s;
  if (unpickler_read(self, &s, nbytes) < 0) return -1;
  ssize size = calc_binsize(s, nbytes);
  if (size < 0) {
    errors::format(exc_OverflowError, "BINBYTES exceeds system's maximum size of %zd bytes",
                   static_cast<ssize>(PTRDIFF_MAX));
    return -1;
  }
  Object* bytes = bytes_from_string_and_size(nullptr, size);
  if (!bytes) return -1;
  if (unpickler_read_into(self, bytes_as_string(bytes), size) < 0) {
    decref(bytes);
    return -1;
  }
  return push(self, bytes);
}

// load_counted_bytearray: BYTEARRAY8.
int load_counted_bytearray(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 8) < 0) return -1;
  ssize size = calc_binsize(s, 8);
  if (size < 0) {
    errors::format(exc_OverflowError, "BYTEARRAY8 exceeds system's maximum size of %zd bytes",
                   static_cast<ssize>(PTRDIFF_MAX));
    return -1;
  }
  Object* bytearray = bytearray_from_string_and_size(nullptr, size);
  if (!bytearray) return -1;
  if (unpickler_read_into(self, bytearray_as_string(bytearray), size) < 0) {
    decref(bytearray);
    return -1;
  }
  return push(self, bytearray);
}

// load_next_buffer: NEXT_BUFFER, the next out-of-band buffer.
int load_next_buffer(UnpicklerObject* self) {
  if (!self->buffers) {
    errors::set_string(st.UnpicklingError,
                       "pickle stream refers to out-of-band data but no *buffers* argument was "
                       "given");
    return -1;
  }
  Object* buf = iter_next(self->buffers);
  if (!buf) {
    if (!errors::occurred())
      errors::set_string(st.UnpicklingError, "not enough out-of-band buffers");
    return -1;
  }
  return push(self, buf);
}

// load_readonly_buffer: READONLY_BUFFER makes the top of the stack a read-only view.
int load_readonly_buffer(UnpicklerObject* self) {
  ssize len = self->stack->size;
  if (len <= self->stack->fence) return stack_underflow(self->stack);
  Object* obj = self->stack->data[len - 1];
  Object* view = memoryview_from_object(obj);
  if (!view) return -1;
  auto* mv = static_cast<MemoryViewObject*>(view);
  if (!mv->view.readonly) {
    mv->view.readonly = 1;
    self->stack->data[len - 1] = view;
    decref(obj);
  } else {
    decref(view);
  }
  return 0;
}

// load_unicode: UNICODE, raw-unicode-escape text.
int load_unicode(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 1) return bad_readline();
  Ref<> raw = Ref<>::steal(bytes_from_string_and_size(s, len - 1));
  if (!raw) return -1;
  return push(self, str_decode_object(raw.get(), "raw-unicode-escape", nullptr));
}

// load_counted_binunicode: SHORT_BINUNICODE / BINUNICODE / BINUNICODE8.
int load_counted_binunicode(UnpicklerObject* self, int nbytes) {
  char* s;
  if (unpickler_read(self, &s, nbytes) < 0) return -1;
  ssize size = calc_binsize(s, nbytes);
  if (size < 0) {
    errors::format(exc_OverflowError, "BINUNICODE exceeds system's maximum size of %zd bytes",
                   static_cast<ssize>(PTRDIFF_MAX));
    return -1;
  }
  if (unpickler_read(self, &s, size) < 0) return -1;
  return push(self, str_decode_utf8(s, size, "surrogatepass"));
}

// load_counted_tuple: EMPTY_TUPLE, TUPLE1-3.
int load_counted_tuple(UnpicklerObject* self, ssize len) {
  if (self->stack->size < len) return stack_underflow(self->stack);
  return push(self, pdata_poptuple(self->stack, self->stack->size - len));
}

int load_tuple(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  return load_counted_tuple(self, self->stack->size - i);
}

int load_empty_list(UnpicklerObject* self) { return push(self, list_new(0)); }
int load_empty_dict(UnpicklerObject* self) { return push(self, dict_new()); }
int load_empty_set(UnpicklerObject* self) { return push(self, set_new(nullptr)); }

int load_list(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  return push(self, pdata_poplist(self->stack, i));
}

// load_dict: MARK key value ... DICT.
int load_dict(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  ssize j = self->stack->size;
  Ref<> dict = Ref<>::steal(dict_new());
  if (!dict) return -1;
  if ((j - i) % 2 != 0) {
    errors::set_string(st.UnpicklingError, "odd number of items for DICT");
    return -1;
  }
  for (ssize k = i + 1; k < j; k += 2) {
    if (dict_set_item(dict.get(), self->stack->data[k - 1], self->stack->data[k]) < 0)
      return -1;
  }
  pdata_clear(self->stack, i);
  return push(self, dict.release());
}

int load_frozenset(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  Ref<> items = Ref<>::steal(pdata_poptuple(self->stack, i));
  if (!items) return -1;
  return push(self, frozenset_new(items.get()));
}

// instantiate: cls(*args), or cls.__new__(cls) for a class without __getinitargs__ and no
// args.
Object* instantiate(Object* cls, Object* args) {
  if (!tuple_size(args) && type_check_type(cls)) {
    int rc = object_hasattr_with_error(cls, intern("__getinitargs__"));
    if (rc < 0) return nullptr;
    if (!rc) return call_method_one_arg(cls, intern("__new__"), cls);
  }
  return object_call(cls, args, nullptr);
}

// load_obj: MARK cls args... OBJ.
int load_obj(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  if (self->stack->size - i < 1) return stack_underflow(self->stack);
  Ref<> args = Ref<>::steal(pdata_poptuple(self->stack, i + 1));
  if (!args) return -1;
  Ref<> cls = Ref<>::steal(pdata_pop(self->stack));
  if (!cls) return -1;
  return push(self, instantiate(cls.get(), args.get()));
}

// load_inst: MARK args... INST module\nname\n.
int load_inst(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  Ref<> module_name = Ref<>::steal(str_decode_object_ascii(s, len - 1));
  if (!module_name) return -1;
  len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  Ref<> class_name = Ref<>::steal(str_decode_object_ascii(s, len - 1));
  if (!class_name) return -1;
  Ref<> cls = Ref<>::steal(find_class(self, module_name.get(), class_name.get()));
  if (!cls) return -1;
  Ref<> args = Ref<>::steal(pdata_poptuple(self->stack, i));
  if (!args) return -1;
  return push(self, instantiate(cls.get(), args.get()));
}

// load_newobj: NEWOBJ / NEWOBJ_EX, cls.__new__(cls, *args, **kwargs).
int load_newobj(UnpicklerObject* self, int use_kwargs) {
  Ref<> kwargs;
  if (use_kwargs) {
    kwargs = Ref<>::steal(pdata_pop(self->stack));
    if (!kwargs) return -1;
  }
  Ref<> args = Ref<>::steal(pdata_pop(self->stack));
  if (!args) return -1;
  Ref<> cls = Ref<>::steal(pdata_pop(self->stack));
  if (!cls) return -1;
  const char* opname = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
  if (!type_check_type(cls.get())) {
    errors::format(st.UnpicklingError, "%s class argument must be a type, not %.200s", opname,
                   cls->type->name);
    return -1;
  }
  auto* type = static_cast<TypeObject*>(cls.get());
  if (!type->new_) {
    errors::format(st.UnpicklingError, "%s class argument '%.200s' doesn't have __new__",
                   opname, cls->type->name);
    return -1;
  }
  if (!tuple_check(args.get())) {
    errors::format(st.UnpicklingError, "%s args argument must be a tuple, not %.200s", opname,
                   args->type->name);
    return -1;
  }
  if (use_kwargs && !dict_check(kwargs.get())) {
    errors::format(st.UnpicklingError, "%s kwargs argument must be a dict, not %.200s", opname,
                   kwargs->type->name);
    return -1;
  }
  return push(self, type->new_(type, args.get(), kwargs.get()));
}

// load_global: GLOBAL module\nname\n.
int load_global(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  Ref<> module_name = Ref<>::steal(str_decode_utf8(s, len - 1, "strict"));
  if (!module_name) return -1;
  len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  Ref<> global_name = Ref<>::steal(str_decode_utf8(s, len - 1, "strict"));
  if (!global_name) return -1;
  return push(self, find_class(self, module_name.get(), global_name.get()));
}

// load_stack_global: STACK_GLOBAL.
int load_stack_global(UnpicklerObject* self) {
  Ref<> global_name = Ref<>::steal(pdata_pop(self->stack));
  if (!global_name) return -1;
  Ref<> module_name = Ref<>::steal(pdata_pop(self->stack));
  if (!module_name) return -1;
  if (!str_check_exact(module_name.get()) || !str_check_exact(global_name.get())) {
    errors::set_string(st.UnpicklingError, "STACK_GLOBAL requires str");
    return -1;
  }
  return push(self, find_class(self, module_name.get(), global_name.get()));
}

// load_persid: PERSID, an ASCII id on a line.
int load_persid(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 1) return bad_readline();
  Ref<> pid = Ref<>::steal(str_decode_object_ascii(s, len - 1));
  if (!pid) {
    if (errors::exception_matches(exc_UnicodeDecodeError))
      errors::set_string(st.UnpicklingError, "persistent IDs in protocol 0 must be ASCII strings");
    return -1;
  }
  return push(self, object_call_one_arg(self->persistent_load, pid.get()));
}

// load_binpersid: BINPERSID.
int load_binpersid(UnpicklerObject* self) {
  Ref<> pid = Ref<>::steal(pdata_pop(self->stack));
  if (!pid) return -1;
  return push(self, object_call_one_arg(self->persistent_load, pid.get()));
}

// load_pop: POP drops the top item, or the top MARK when it sits there.
int load_pop(UnpicklerObject* self) {
  ssize len = self->stack->size;
  if (self->num_marks > 0 && self->marks[self->num_marks - 1] == len) {
    self->num_marks--;
    self->stack->mark_set = self->num_marks != 0;
    self->stack->fence = self->num_marks ? self->marks[self->num_marks - 1] : 0;
  } else if (len <= self->stack->fence) {
    return stack_underflow(self->stack);
  } else {
    len--;
    decref(self->stack->data[len]);
    self->stack->size = len;
  }
  return 0;
}

int load_pop_mark(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  pdata_clear(self->stack, i);
  return 0;
}

int load_dup(UnpicklerObject* self) {
  ssize len = self->stack->size;
  if (len <= self->stack->fence) return stack_underflow(self->stack);
  return push(self, new_ref(self->stack->data[len - 1]));
}

int memo_missing(ssize idx) {
  errors::format(st.UnpicklingError, "Memo value not found at index %ld",
                 static_cast<long>(idx));
  return -1;
}

// load_get: GET index\n.
int load_get(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  Ref<> key = Ref<>::steal(long_from_cstring(s, nullptr, 10));
  if (!key) return -1;
  ssize idx = long_as_ssize(key.get());
  if (idx == -1 && errors::occurred()) return -1;
  Object* value = unpickler_memo_get(self, static_cast<size_t>(idx));
  if (!value) return memo_missing(idx);
  return push(self, new_ref(value));
}

int load_binget(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 1) < 0) return -1;
  ssize idx = static_cast<unsigned char>(s[0]);
  Object* value = unpickler_memo_get(self, static_cast<size_t>(idx));
  if (!value) return memo_missing(idx);
  return push(self, new_ref(value));
}

int load_long_binget(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 4) < 0) return -1;
  ssize idx = calc_binsize(s, 4);
  Object* value = unpickler_memo_get(self, static_cast<size_t>(idx));
  if (!value) return memo_missing(idx);
  return push(self, new_ref(value));
}

// load_extension: EXT1/2/4, an object of copyreg's extension registry.
int load_extension(UnpicklerObject* self, int nbytes) {
  char* codebytes;
  if (unpickler_read(self, &codebytes, nbytes) < 0) return -1;
  long code = calc_binint(codebytes, nbytes);
  if (code <= 0) {
    errors::set_string(st.UnpicklingError, "EXT specifies code <= 0");
    return -1;
  }
  Ref<> py_code = Ref<>::steal(long_from_long(code));
  if (!py_code) return -1;
  Object* obj = dict_get_item_with_error(st.extension_cache, py_code.get());
  if (obj) return push(self, new_ref(obj));
  if (errors::occurred()) return -1;
  Object* pair = dict_get_item_with_error(st.inverted_registry, py_code.get());
  if (!pair) {
    if (!errors::occurred())
      errors::format(exc_ValueError, "unregistered extension code %ld", code);
    return -1;
  }
  if (!tuple_check(pair) || tuple_size(pair) != 2 || !str_check(tuple_item(pair, 0)) ||
      !str_check(tuple_item(pair, 1))) {
    errors::format(exc_ValueError, "_inverted_registry[%ld] isn't a 2-tuple of strings", code);
    return -1;
  }
  Ref<> pair_ref = Ref<>::borrow(pair);
  obj = find_class(self, tuple_item(pair, 0), tuple_item(pair, 1));
  if (!obj) return -1;
  if (dict_set_item(st.extension_cache, py_code.get(), obj) < 0) {
    decref(obj);
    return -1;
  }
  return push(self, obj);
}

// load_put: PUT index\n.
int load_put(UnpicklerObject* self) {
  char* s;
  ssize len = unpickler_readline(self, &s);
  if (len < 0) return -1;
  if (len < 2) return bad_readline();
  if (self->stack->size <= self->stack->fence) return stack_underflow(self->stack);
  Object* value = self->stack->data[self->stack->size - 1];
  Ref<> key = Ref<>::steal(long_from_cstring(s, nullptr, 10));
  if (!key) return -1;
  ssize idx = long_as_ssize(key.get());
  if (idx < 0) {
    if (!errors::occurred()) errors::set_string(exc_ValueError, "negative PUT argument");
    return -1;
  }
  return unpickler_memo_put(self, static_cast<size_t>(idx), value);
}

int load_binput(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 1) < 0) return -1;
  if (self->stack->size <= self->stack->fence) return stack_underflow(self->stack);
  Object* value = self->stack->data[self->stack->size - 1];
  return unpickler_memo_put(self, static_cast<unsigned char>(s[0]), value);
}

int load_long_binput(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 4) < 0) return -1;
  if (self->stack->size <= self->stack->fence) return stack_underflow(self->stack);
  Object* value = self->stack->data[self->stack->size - 1];
  ssize idx = calc_binsize(s, 4);
  if (idx < 0) {
    errors::set_string(exc_ValueError, "negative LONG_BINPUT argument");
    return -1;
  }
  return unpickler_memo_put(self, static_cast<size_t>(idx), value);
}

int load_memoize(UnpicklerObject* self) {
  if (self->stack->size <= self->stack->fence) return stack_underflow(self->stack);
  Object* value = self->stack->data[self->stack->size - 1];
  return unpickler_memo_put(self, self->memo_len, value);
}

// do_append: the items above x appended to the list below them (extend(), else append()).
int do_append(UnpicklerObject* self, ssize x) {
  ssize len = self->stack->size;
  if (x > len || x <= self->stack->fence) return stack_underflow(self->stack);
  if (len == x) return 0;
  Object* list = self->stack->data[x - 1];
  if (list_check_exact(list)) {
    Ref<> slice = Ref<>::steal(pdata_poplist(self->stack, x));
    if (!slice) return -1;
    ssize list_len = list_size(list);
    return list_set_slice(list, list_len, list_len, slice.get());
  }
  Object* extend_func = nullptr;
  if (object_get_optional_attr(list, intern("extend"), &extend_func) < 0) return -1;
  if (extend_func) {
    Ref<> f = Ref<>::steal(extend_func);
    Object* slice = pdata_poplist(self->stack, x);
    if (!slice) return -1;
    Ref<> result = Ref<>::steal(fast_call(f.get(), slice));
    return result ? 0 : -1;
  }
  // No extend(): append() one at a time, as PEP 307 allowed.
  Ref<> append_func = Ref<>::steal(object_getattr(list, intern("append")));
  if (!append_func) return -1;
  for (ssize i = x; i < len; i++) {
    Object* value = self->stack->data[i];
    Ref<> result = Ref<>::steal(fast_call(append_func.get(), value));
    if (!result) {
      pdata_clear(self->stack, i + 1);
      self->stack->size = x;
      return -1;
    }
  }
  self->stack->size = x;
  return 0;
}

int load_append(UnpicklerObject* self) {
  if (self->stack->size - 1 <= self->stack->fence) return stack_underflow(self->stack);
  return do_append(self, self->stack->size - 1);
}

int load_appends(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  return do_append(self, i);
}

// do_setitems: key/value pairs above x stored into the mapping below them.
int do_setitems(UnpicklerObject* self, ssize x) {
  ssize len = self->stack->size;
  if (x > len || x <= self->stack->fence) return stack_underflow(self->stack);
  if (len == x) return 0;
  if ((len - x) % 2 != 0) {
    errors::set_string(st.UnpicklingError, "odd number of items for SETITEMS");
    return -1;
  }
  Object* dict = self->stack->data[x - 1];
  int status = 0;
  if (dict_check_exact(dict)) {
    // PyObject_SetItem of an exact dict is PyDict_SetItem. A fresh dict filled with keys
    // whose hash and == run no Python code takes its final table at once (the same table the
    // insertions would grow it to, see dict_begin_bulk_insert).
    Object** data = self->stack->data;
    bool bulk = false;
    if (dict_size(dict) == 0 && len - x > 10) {
      // All str keys (a str table) or all int keys (a general one): a mix would convert the
      // table part-way, to a size the bulk insertion does not reproduce.
      bool all_str = true, all_int = true;
      for (ssize i = x; i < len && (all_str || all_int); i += 2) {
        all_str = all_str && data[i]->type == &str_type;
        all_int = all_int && data[i]->type == &long_type;
      }
      bulk = (all_str || all_int) && dict_begin_bulk_insert(dict, (len - x) / 2, all_str);
    }
    for (ssize i = x + 1; i < len; i += 2) {
      if (dict_set_item(dict, data[i - 1], data[i]) < 0) {
        status = -1;
        break;
      }
    }
    if (bulk) dict_end_bulk_insert(dict);
  } else {
    for (ssize i = x + 1; i < len; i += 2) {
      if (object_set_item(dict, self->stack->data[i - 1], self->stack->data[i]) < 0) {
        status = -1;
        break;
      }
    }
  }
  pdata_clear(self->stack, x);
  return status;
}

int load_setitem(UnpicklerObject* self) { return do_setitems(self, self->stack->size - 2); }

int load_setitems(UnpicklerObject* self) {
  ssize i = marker(self);
  if (i < 0) return -1;
  return do_setitems(self, i);
}

// load_additems: ADDITEMS into a set (or anything with add()).
int load_additems(UnpicklerObject* self) {
  ssize mark = marker(self);
  if (mark < 0) return -1;
  ssize len = self->stack->size;
  if (mark > len || mark <= self->stack->fence) return stack_underflow(self->stack);
  if (len == mark) return 0;
  Object* set = self->stack->data[mark - 1];
  if (set_check(set)) {
    Ref<> items = Ref<>::steal(pdata_poptuple(self->stack, mark));
    if (!items) return -1;
    return set_update(set, items.get());
  }
  Ref<> add_func = Ref<>::steal(object_getattr(set, intern("add")));
  if (!add_func) return -1;
  for (ssize i = mark; i < len; i++) {
    Object* item = self->stack->data[i];
    Ref<> result = Ref<>::steal(fast_call(add_func.get(), item));
    if (!result) {
      pdata_clear(self->stack, i + 1);
      self->stack->size = mark;
      return -1;
    }
  }
  self->stack->size = mark;
  return 0;
}

// load_build: BUILD, inst.__setstate__(state) or the default: state into __dict__, slot state
// through setattr.
int load_build(UnpicklerObject* self) {
  if (self->stack->size - 2 < self->stack->fence) return stack_underflow(self->stack);
  Ref<> state = Ref<>::steal(pdata_pop(self->stack));
  if (!state) return -1;
  Object* inst = self->stack->data[self->stack->size - 1];
  Object* setstate = nullptr;
  if (object_get_optional_attr(inst, intern("__setstate__"), &setstate) < 0) return -1;
  if (setstate) {
    Ref<> f = Ref<>::steal(setstate);
    Ref<> result = Ref<>::steal(object_call_one_arg(f.get(), state.get()));
    return result ? 0 : -1;
  }
  Ref<> slotstate;
  if (tuple_check(state.get()) && tuple_size(state.get()) == 2) {
    Ref<> tmp = std::move(state);
    state = Ref<>::borrow(tuple_item(tmp.get(), 0));
    slotstate = Ref<>::borrow(tuple_item(tmp.get(), 1));
  }
  if (state.get() != none()) {
    if (!dict_check(state.get())) {
      errors::set_string(st.UnpicklingError, "state is not a dictionary");
      return -1;
    }
    Ref<> dict = Ref<>::steal(object_getattr(inst, intern("__dict__")));
    if (!dict) return -1;
    ssize i = 0;
    Object *d_key, *d_value;
    while (dict_next(state.get(), &i, &d_key, &d_value)) {
      // Instance attribute names are normally interned.
      Object* key = new_ref(d_key);
      if (str_check_exact(key)) str_intern_in_place(&key);
      Ref<> k = Ref<>::steal(key);
      if (object_set_item(dict.get(), k.get(), d_value) < 0) return -1;
    }
  }
  if (slotstate) {
    if (!dict_check(slotstate.get())) {
      errors::set_string(st.UnpicklingError, "slot state is not a dictionary");
      return -1;
    }
    ssize i = 0;
    Object *d_key, *d_value;
    while (dict_next(slotstate.get(), &i, &d_key, &d_value)) {
      if (object_setattr(inst, d_key, d_value) < 0) return -1;
    }
  }
  return 0;
}

// load_mark: MARK pushes the stack size on the mark stack.
int load_mark(UnpicklerObject* self) {
  if (self->num_marks >= self->marks_size) {
    size_t alloc = (static_cast<size_t>(self->num_marks) << 1) + 20;
    auto* marks_new = static_cast<ssize*>(std::realloc(self->marks, alloc * sizeof(ssize)));
    if (!marks_new) {
      errors::no_memory();
      return -1;
    }
    self->marks = marks_new;
    self->marks_size = static_cast<ssize>(alloc);
  }
  self->stack->mark_set = 1;
  self->marks[self->num_marks++] = self->stack->fence = self->stack->size;
  return 0;
}

// load_reduce: REDUCE, callable(*args).
int load_reduce(UnpicklerObject* self) {
  Ref<> argtup = Ref<>::steal(pdata_pop(self->stack));
  if (!argtup) return -1;
  Ref<> callable = Ref<>::steal(pdata_pop(self->stack));
  if (!callable) return -1;
  return push(self, object_call(callable.get(), argtup.get(), nullptr));
}

// load_proto: PROTO, refusing unknown protocols.
int load_proto(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 1) < 0) return -1;
  int i = static_cast<unsigned char>(s[0]);
  if (i <= kHighestProtocol) {
    self->proto = i;
    return 0;
  }
  errors::format(exc_ValueError, "unsupported pickle protocol: %d", i);
  return -1;
}

// load_frame: FRAME, making sure the whole frame is in the buffer.
int load_frame(UnpicklerObject* self) {
  char* s;
  if (unpickler_read(self, &s, 8) < 0) return -1;
  ssize frame_len = calc_binsize(s, 8);
  if (frame_len < 0) {
    errors::format(exc_OverflowError, "FRAME length exceeds system's maximum of %zd bytes",
                   static_cast<ssize>(PTRDIFF_MAX));
    return -1;
  }
  if (unpickler_read(self, &s, frame_len) < 0) return -1;
  self->next_read_idx -= frame_len;  // rewind to the start of the frame
  return 0;
}

// load: the opcode loop.
Object* load(UnpicklerObject* self) {
  self->num_marks = 0;
  self->stack->mark_set = 0;
  self->stack->fence = 0;
  self->proto = 0;
  if (self->stack->size) pdata_clear(self->stack, 0);
  Object* tmp = object_getattr(self, intern("persistent_load"));
  if (!tmp) return nullptr;
  xsetref(self->persistent_load, tmp);

  for (;;) {
    char* s;
    if (unpickler_read(self, &s, 1) < 0) {
      if (errors::exception_matches(st.UnpicklingError))
        errors::format(exc_EOFError, "Ran out of input");
      break;
    }
    int r;
    unsigned char op = static_cast<unsigned char>(s[0]);
    switch (op) {
      case NONE: r = load_none(self); break;
      case BININT: r = load_binintx(self, 4); break;
      case BININT1: r = load_binintx(self, 1); break;
      case BININT2: r = load_binintx(self, 2); break;
      case INT: r = load_int(self); break;
      case LONG: r = load_long(self); break;
      case LONG1: r = load_counted_long(self, 1); break;
      case LONG4: r = load_counted_long(self, 4); break;
      case FLOAT: r = load_float(self); break;
      case BINFLOAT: r = load_binfloat(self); break;
      case SHORT_BINBYTES: r = load_counted_binbytes(self, 1); break;
      case BINBYTES: r = load_counted_binbytes(self, 4); break;
      case BINBYTES8: r = load_counted_binbytes(self, 8); break;
      case BYTEARRAY8: r = load_counted_bytearray(self); break;
      case NEXT_BUFFER: r = load_next_buffer(self); break;
      case READONLY_BUFFER: r = load_readonly_buffer(self); break;
      case SHORT_BINSTRING: r = load_counted_binstring(self, 1); break;
      case BINSTRING: r = load_counted_binstring(self, 4); break;
      case STRING: r = load_string(self); break;
      case UNICODE: r = load_unicode(self); break;
      case SHORT_BINUNICODE: r = load_counted_binunicode(self, 1); break;
      case BINUNICODE: r = load_counted_binunicode(self, 4); break;
      case BINUNICODE8: r = load_counted_binunicode(self, 8); break;
      case EMPTY_TUPLE: r = load_counted_tuple(self, 0); break;
      case TUPLE1: r = load_counted_tuple(self, 1); break;
      case TUPLE2: r = load_counted_tuple(self, 2); break;
      case TUPLE3: r = load_counted_tuple(self, 3); break;
      case TUPLE: r = load_tuple(self); break;
      case EMPTY_LIST: r = load_empty_list(self); break;
      case LIST: r = load_list(self); break;
      case EMPTY_DICT: r = load_empty_dict(self); break;
      case DICT: r = load_dict(self); break;
      case EMPTY_SET: r = load_empty_set(self); break;
      case ADDITEMS: r = load_additems(self); break;
      case FROZENSET: r = load_frozenset(self); break;
      case OBJ: r = load_obj(self); break;
      case INST: r = load_inst(self); break;
      case NEWOBJ: r = load_newobj(self, 0); break;
      case NEWOBJ_EX: r = load_newobj(self, 1); break;
      case GLOBAL: r = load_global(self); break;
      case STACK_GLOBAL: r = load_stack_global(self); break;
      case APPEND: r = load_append(self); break;
      case APPENDS: r = load_appends(self); break;
      case BUILD: r = load_build(self); break;
      case DUP: r = load_dup(self); break;
      case BINGET: r = load_binget(self); break;
      case LONG_BINGET: r = load_long_binget(self); break;
      case GET: r = load_get(self); break;
      case MARK: r = load_mark(self); break;
      case BINPUT: r = load_binput(self); break;
      case LONG_BINPUT: r = load_long_binput(self); break;
      case PUT: r = load_put(self); break;
      case MEMOIZE: r = load_memoize(self); break;
      case POP: r = load_pop(self); break;
      case POP_MARK: r = load_pop_mark(self); break;
      case SETITEM: r = load_setitem(self); break;
      case SETITEMS: r = load_setitems(self); break;
      case PERSID: r = load_persid(self); break;
      case BINPERSID: r = load_binpersid(self); break;
      case REDUCE: r = load_reduce(self); break;
      case PROTO: r = load_proto(self); break;
      case FRAME: r = load_frame(self); break;
      case EXT1: r = load_extension(self, 1); break;
      case EXT2: r = load_extension(self, 2); break;
      case EXT4: r = load_extension(self, 4); break;
      case NEWTRUE: r = push(self, new_ref(py_true())); break;
      case NEWFALSE: r = push(self, new_ref(py_false())); break;
      case STOP: {
        if (errors::occurred() || unpickler_skip_consumed(self) < 0) {
          clear(self->persistent_load);
          return nullptr;
        }
        clear(self->persistent_load);
        return pdata_pop(self->stack);
      }
      default:
        char msg[40];
        if (0x20 <= op && op <= 0x7e && op != '\'' && op != '\\') {
          std::snprintf(msg, sizeof(msg), "invalid load key, '%c'.", op);
        } else {
          std::snprintf(msg, sizeof(msg), "invalid load key, '\\x%02x'.", op);
        }
        errors::set_string(st.UnpicklingError, msg);
        r = -1;
        break;
    }
    if (r < 0) break;
  }
  clear(self->persistent_load);
  return nullptr;
}

// ---- Unpickler type -----------------------------------------------------------------------

// Unpickler.persistent_load: the default refuses persistent ids.
Object* Unpickler_persistent_load(Object*, Object*) {
  errors::set_string(st.UnpicklingError,
                     "A load persistent id instruction was encountered, but no persistent_load "
                     "function was specified.");
  return nullptr;
}

Object* Unpickler_load(Object* op, Object*) {
  auto* self = static_cast<UnpicklerObject*>(op);
  if (!self->read) {
    return errors::format(st.UnpicklingError,
                          "Unpickler.__init__() was not called by %s.__init__()", op->type->name);
  }
  return load(self);
}

// _pickle_Unpickler_find_class_impl: imports module_name (mapped from Python 2 names for old
// protocols) and returns its global_name (a dotted path for protocol 4+).
Object* Unpickler_find_class(Object* op, Object* const* args, ssize nargs) {
  if (!check_positional("find_class", nargs, 2, 2)) return nullptr;
  auto* self = static_cast<UnpicklerObject*>(op);
  Object* module_name = args[0];
  Object* global_name = args[1];
  Object* audit_args[2] = {module_name, global_name};
  if (sys::audit(intern("pickle.find_class"), audit_args, 2) < 0) return nullptr;
  if (self->proto < 3 && self->fix_imports) {
    Ref<> key = Ref<>::steal(tuple_pack(2, module_name, global_name));
    if (!key) return nullptr;
    Object* item = dict_get_item_with_error(st.name_mapping_2to3, key.get());
    if (item) {
      if (!tuple_check(item) || tuple_size(item) != 2) {
        return errors::format(exc_RuntimeError,
                              "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %.200s",
                              item->type->name);
      }
      module_name = tuple_item(item, 0);
      global_name = tuple_item(item, 1);
      if (!str_check(module_name) || !str_check(global_name)) {
        return errors::format(exc_RuntimeError,
                              "_compat_pickle.NAME_MAPPING values should be pairs of str, not "
                              "(%.200s, %.200s)",
                              module_name->type->name, global_name->type->name);
      }
    } else if (errors::occurred()) {
      return nullptr;
    } else {
      item = dict_get_item_with_error(st.import_mapping_2to3, module_name);
      if (item) {
        if (!str_check(item)) {
          return errors::format(exc_RuntimeError,
                                "_compat_pickle.IMPORT_MAPPING values should be strings, not "
                                "%.200s",
                                item->type->name);
        }
        module_name = item;
      } else if (errors::occurred()) {
        return nullptr;
      }
    }
  }
  Ref<> module = Ref<>::steal(imp::import_import(module_name));
  if (!module) return nullptr;
  if (self->proto >= 4) {
    Ref<> dotted_path = Ref<>::steal(get_dotted_path(global_name));
    if (!dotted_path) return nullptr;
    Object* global = getattribute(module.get(), dotted_path.get(), true);
    if (!global && list_size(dotted_path.get()) > 1) {
      Object* exc = errors::get_raised_exception();
      errors::format(exc_AttributeError, "Can't resolve path %R on module %R", global_name,
                     module_name);
      errors::chain_exceptions1(exc);
    }
    return global;
  }
  return object_getattr(module.get(), global_name);
}

Object* Unpickler_sizeof(Object* op, Object*) {
  auto* self = static_cast<UnpicklerObject*>(op);
  size_t res = static_cast<size_t>(op->type->basicsize);
  if (self->memo) res += self->memo_size * sizeof(Object*);
  if (self->marks) res += static_cast<size_t>(self->marks_size) * sizeof(ssize);
  if (self->input_line) res += std::strlen(self->input_line) + 1;
  if (self->encoding) res += std::strlen(self->encoding) + 1;
  if (self->errors) res += std::strlen(self->errors) + 1;
  return long_from_size_t(res);
}

int Unpickler_clear(Object* op) {
  auto* self = static_cast<UnpicklerObject*>(op);
  clear(self->readline);
  clear(self->readinto);
  clear(self->read);
  clear(self->peek);
  Pdata* stack = self->stack;
  self->stack = nullptr;
  pdata_free(stack);
  clear(self->persistent_load);
  clear(self->persistent_load_attr);
  clear(self->buffers);
  if (self->buffer.buf) {
    buffer_release(&self->buffer);
    self->buffer.buf = nullptr;
  }
  unpickler_memo_cleanup(self);
  std::free(self->marks);
  self->marks = nullptr;
  std::free(self->input_line);
  self->input_line = nullptr;
  std::free(self->encoding);
  self->encoding = nullptr;
  std::free(self->errors);
  self->errors = nullptr;
  return 0;
}

void Unpickler_dealloc(Object* op) {
  gc::untrack(op);
  Unpickler_clear(op);
  op->type->free(op);
}

int Unpickler_traverse(Object* op, visitproc visit, void* arg) {
  auto* self = static_cast<UnpicklerObject*>(op);
  for (Object* x : {self->readline, self->readinto, self->read, self->peek,
                    self->persistent_load, self->persistent_load_attr, self->buffers})
    if (x)
      if (int r = visit(x, arg)) return r;
  if (self->memo) {
    for (size_t i = self->memo_size; i-- > 0;)
      if (Object* m = self->memo[i])
        if (int r = visit(m, arg)) return r;
  }
  return 0;
}

// A str argument of clinic's 'str' converter: UTF-8 without embedded NULs.
bool str_arg(const char* fname, const char* argname, Object* o, const char** out) {
  if (!o) return true;
  if (!str_check(o)) {
    bad_argument(fname, argname, "str", o);
    return false;
  }
  ssize len;
  const char* s = str_as_utf8(o, &len);
  if (!s) return false;
  if (static_cast<ssize>(std::strlen(s)) != len) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  *out = s;
  return true;
}

// The keyword-only options the Unpickler, load and loads share.
struct UnpicklerOptions {
  int fix_imports = 1;
  const char* encoding = "ASCII";
  const char* errors = "strict";
  Object* buffers = nullptr;
};

bool parse_unpickler_options(const char* fname, Object* const* a, UnpicklerOptions* o) {
  if (a[0]) {
    o->fix_imports = object_is_true(a[0]);
    if (o->fix_imports < 0) return false;
  }
  if (!str_arg(fname, "'encoding'", a[1], &o->encoding)) return false;
  if (!str_arg(fname, "'errors'", a[2], &o->errors)) return false;
  o->buffers = a[3];
  return true;
}

// _pickle_Unpickler___init__: Unpickler(file, *, fix_imports=True, encoding='ASCII',
// errors='strict', buffers=()).
int Unpickler_init(Object* op, Object* args, Object* kwargs) {
  static const char* const kw[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                   nullptr};
  static const ArgParser parser = {"Unpickler", kw, 1, 1, 0};
  Object* a[5] = {};
  if (unpack_keywords_tuple(parser, args, kwargs, a) < 0) return -1;
  UnpicklerOptions o;
  if (!parse_unpickler_options("Unpickler", a + 1, &o)) return -1;
  auto* self = static_cast<UnpicklerObject*>(op);
  if (self->read) (void)Unpickler_clear(op);
  if (unpickler_set_input_stream(self, a[0]) < 0) return -1;
  if (unpickler_set_input_encoding(self, o.encoding, o.errors) < 0) return -1;
  if (unpickler_set_buffers(self, o.buffers) < 0) return -1;
  self->fix_imports = o.fix_imports;
  pdata_free(self->stack);
  self->stack = pdata_new();
  if (!self->stack) return -1;
  unpickler_memo_cleanup(self);
  self->memo_size = 32;
  self->memo_len = 0;
  self->memo = unpickler_new_memo(self->memo_size);
  if (!self->memo) return -1;
  self->proto = 0;
  return 0;
}

Object* Unpickler_new(TypeObject* type, Object*, Object*) {
  Object* op = type->alloc(type, 0);
  if (!op) return nullptr;
  auto* self = static_cast<UnpicklerObject*>(op);
  self->memo_size = 32;
  self->memo = unpickler_new_memo(self->memo_size);
  self->stack = pdata_new();
  if (!self->memo || !self->stack) {
    decref(op);
    return nullptr;
  }
  return op;
}

// The UnpicklerMemoProxy.
Object* unpicklermemoproxy_new(UnpicklerObject* unpickler) {
  auto* self = static_cast<UnpicklerMemoProxyObject*>(
      type_generic_alloc(&unpickler_memoproxy_type, 0));
  if (!self) return nullptr;
  self->unpickler = static_cast<UnpicklerObject*>(new_ref(unpickler));
  return self;
}

Object* UnpicklerMemoProxy_clear(Object* op, Object*) {
  UnpicklerObject* u = static_cast<UnpicklerMemoProxyObject*>(op)->unpickler;
  unpickler_memo_cleanup(u);
  u->memo_len = 0;
  u->memo = unpickler_new_memo(u->memo_size);
  if (!u->memo) return nullptr;
  return return_none();
}

// {index: obj}.
Object* UnpicklerMemoProxy_copy(Object* op, Object*) {
  UnpicklerObject* u = static_cast<UnpicklerMemoProxyObject*>(op)->unpickler;
  Ref<> new_memo = Ref<>::steal(dict_new());
  if (!new_memo) return nullptr;
  for (size_t i = 0; i < u->memo_size; i++) {
    Object* value = u->memo[i];
    if (!value) continue;
    Ref<> key = Ref<>::steal(long_from_size_t(i));
    if (!key || dict_set_item(new_memo.get(), key.get(), value) < 0) return nullptr;
  }
  return new_memo.release();
}

Object* UnpicklerMemoProxy_reduce(Object* op, Object*) {
  return memo_reduce(UnpicklerMemoProxy_copy(op, nullptr));
}

void UnpicklerMemoProxy_dealloc(Object* op) {
  gc::untrack(op);
  clear(static_cast<UnpicklerMemoProxyObject*>(op)->unpickler);
  op->type->free(op);
}

int UnpicklerMemoProxy_traverse(Object* op, visitproc visit, void* arg) {
  Object* u = static_cast<UnpicklerMemoProxyObject*>(op)->unpickler;
  return u ? visit(u, arg) : 0;
}

int UnpicklerMemoProxy_clear_slot(Object* op) {
  clear(static_cast<UnpicklerMemoProxyObject*>(op)->unpickler);
  return 0;
}

Object* Unpickler_get_memo(Object* op, void*) {
  return unpicklermemoproxy_new(static_cast<UnpicklerObject*>(op));
}

int Unpickler_set_memo(Object* op, Object* obj, void*) {
  auto* self = static_cast<UnpicklerObject*>(op);
  if (!obj) {
    errors::set_string(exc_TypeError, "attribute deletion is not supported");
    return -1;
  }
  Object** new_memo;
  size_t new_memo_size = 0;
  if (obj->type == &unpickler_memoproxy_type) {
    UnpicklerObject* u = static_cast<UnpicklerMemoProxyObject*>(obj)->unpickler;
    new_memo_size = u->memo_size;
    new_memo = unpickler_new_memo(new_memo_size);
    if (!new_memo) return -1;
    for (size_t i = 0; i < new_memo_size; i++) new_memo[i] = xnew_ref(u->memo[i]);
  } else if (dict_check(obj)) {
    new_memo_size = static_cast<size_t>(dict_size(obj));
    new_memo = unpickler_new_memo(new_memo_size);
    if (!new_memo) return -1;
    ssize i = 0;
    Object *key, *value;
    while (dict_next(obj, &i, &key, &value)) {
      ssize idx;
      if (!long_check(key)) {
        errors::set_string(exc_TypeError, "memo key must be integers");
        goto error;
      }
      idx = long_as_ssize(key);
      if (idx == -1 && errors::occurred()) goto error;
      if (idx < 0) {
        errors::set_string(exc_ValueError, "memo key must be positive integers.");
        goto error;
      }
      // As CPython does, the entries go into the current memo (which is then replaced).
      if (unpickler_memo_put(self, static_cast<size_t>(idx), value) < 0) goto error;
    }
  } else {
    errors::format(exc_TypeError,
                   "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %.200s",
                   obj->type->name);
    return -1;
  }
  unpickler_memo_cleanup(self);
  self->memo_size = new_memo_size;
  self->memo = new_memo;
  return 0;
error:
  for (size_t i = new_memo_size; i-- > 0;) xdecref(new_memo[i]);
  std::free(new_memo);
  return -1;
}

// Unpickler_getattr / Unpickler_setattr: an instance attribute persistent_load shadows the
// method.
Object* Unpickler_getattro(Object* op, Object* name) {
  auto* self = static_cast<UnpicklerObject*>(op);
  if (self->persistent_load_attr && str_check(name) && str_equal_cstr(name, "persistent_load"))
    return new_ref(self->persistent_load_attr);
  return object_generic_getattr(op, name);
}

int Unpickler_setattro(Object* op, Object* name, Object* value) {
  if (str_check(name) && str_equal_cstr(name, "persistent_load")) {
    auto* self = static_cast<UnpicklerObject*>(op);
    xsetref(self->persistent_load_attr, xnew_ref(value));
    return 0;
  }
  return object_generic_setattr(op, name, value);
}

// ---- module functions ---------------------------------------------------------------------

// _pickle_dump_impl: dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None).
Object* pickle_dump(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"obj", "file", "protocol", "fix_imports", "buffer_callback",
                                   nullptr};
  static const ArgParser parser = {"dump", kw, 2, 3, 0};
  Object* a[5] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int fix = bool_arg(a[3], 1);
  if (fix < 0) return nullptr;
  Ref<> pickler = Ref<>::steal(pickler_new());
  if (!pickler) return nullptr;
  auto* p = static_cast<PicklerObject*>(pickler.get());
  if (pickler_set_protocol(p, a[2] ? a[2] : none(), fix) < 0 ||
      pickler_set_output_stream(p, a[1]) < 0 ||
      pickler_set_buffer_callback(p, a[4] ? a[4] : none()) < 0 || dump(p, a[0]) < 0 ||
      pickler_flush_to_file(p) < 0)
    return nullptr;
  return return_none();
}

// _pickle_dumps_impl: dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None).
Object* pickle_dumps(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"obj", "protocol", "fix_imports", "buffer_callback", nullptr};
  static const ArgParser parser = {"dumps", kw, 1, 2, 0};
  Object* a[4] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  int fix = bool_arg(a[2], 1);
  if (fix < 0) return nullptr;
  Ref<> pickler = Ref<>::steal(pickler_new());
  if (!pickler) return nullptr;
  auto* p = static_cast<PicklerObject*>(pickler.get());
  if (pickler_set_protocol(p, a[1] ? a[1] : none(), fix) < 0 ||
      pickler_set_buffer_callback(p, a[3] ? a[3] : none()) < 0 || dump(p, a[0]) < 0)
    return nullptr;
  return pickler_get_string(p);
}

// _pickle_load_impl: load(file, *, fix_imports=True, encoding='ASCII', errors='strict',
// buffers=()).
Object* pickle_load(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                   nullptr};
  static const ArgParser parser = {"load", kw, 1, 1, 0};
  Object* a[5] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  UnpicklerOptions o;
  if (!parse_unpickler_options("load", a + 1, &o)) return nullptr;
  Ref<> unpickler = Ref<>::steal(unpickler_new());
  if (!unpickler) return nullptr;
  auto* u = static_cast<UnpicklerObject*>(unpickler.get());
  if (unpickler_set_input_stream(u, a[0]) < 0 ||
      unpickler_set_input_encoding(u, o.encoding, o.errors) < 0 ||
      unpickler_set_buffers(u, o.buffers) < 0)
    return nullptr;
  u->fix_imports = o.fix_imports;
  return load(u);
}

// _pickle_loads_impl: loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict',
// buffers=()).
Object* pickle_loads(Object*, Object* const* args, ssize nargs, Object* kwnames) {
  static const char* const kw[] = {"", "fix_imports", "encoding", "errors", "buffers", nullptr};
  static const ArgParser parser = {"loads", kw, 1, 1, 0};
  Object* a[5] = {};
  if (unpack_keywords(parser, args, nargs, kwnames, a) < 0) return nullptr;
  UnpicklerOptions o;
  if (!parse_unpickler_options("loads", a + 1, &o)) return nullptr;
  Ref<> unpickler = Ref<>::steal(unpickler_new());
  if (!unpickler) return nullptr;
  auto* u = static_cast<UnpicklerObject*>(unpickler.get());
  if (unpickler_set_string_input(u, a[0]) < 0 ||
      unpickler_set_input_encoding(u, o.encoding, o.errors) < 0 ||
      unpickler_set_buffers(u, o.buffers) < 0)
    return nullptr;
  u->fix_imports = o.fix_imports;
  return load(u);
}

// ---- type and module definitions --------------------------------------------------------------

#define FASTCALL_KW(f) reinterpret_cast<void*>(f), kMethFastcall | kMethKeywords

MethodDef pickler_methods[] = {
    {"persistent_id", reinterpret_cast<void*>(Pickler_persistent_id), kMethO,
     "persistent_id($self, obj, /)\n--\n\n"},
    {"dump", reinterpret_cast<void*>(Pickler_dump), kMethO,
     "dump($self, obj, /)\n--\n\nWrite a pickled representation of the given object to the open "
     "file."},
    {"clear_memo", reinterpret_cast<void*>(Pickler_clear_memo), kMethNoArgs,
     "clear_memo($self, /)\n--\n\nClears the pickler's \"memo\".\n\n"
     "The memo is the data structure that remembers which objects the\n"
     "pickler has already seen, so that shared or recursive objects are\n"
     "pickled by reference and not by value.  This method is useful when\n"
     "re-using picklers."},
    {"__sizeof__", reinterpret_cast<void*>(Pickler_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};

MemberDef pickler_members[] = {
    {"bin", kMemberInt, offsetof(PicklerObject, bin), 0, nullptr},
    {"fast", kMemberInt, offsetof(PicklerObject, fast), 0, nullptr},
    {"dispatch_table", kMemberObjectEx, offsetof(PicklerObject, dispatch_table), 0, nullptr},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef pickler_getset[] = {{"memo", Pickler_get_memo, Pickler_set_memo, nullptr, nullptr},
                              {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef pickler_memoproxy_methods[] = {
    {"clear", reinterpret_cast<void*>(PicklerMemoProxy_clear), kMethNoArgs,
     "clear($self, /)\n--\n\nRemove all items from memo."},
    {"copy", reinterpret_cast<void*>(PicklerMemoProxy_copy), kMethNoArgs,
     "copy($self, /)\n--\n\nCopy the memo to a new object."},
    {"__reduce__", reinterpret_cast<void*>(PicklerMemoProxy_reduce), kMethNoArgs,
     "__reduce__($self, /)\n--\n\nImplement pickle support."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef unpickler_methods[] = {
    {"persistent_load", reinterpret_cast<void*>(Unpickler_persistent_load), kMethO,
     "persistent_load($self, pid, /)\n--\n\n"},
    {"load", reinterpret_cast<void*>(Unpickler_load), kMethNoArgs,
     "load($self, /)\n--\n\nLoad a pickle.\n\n"
     "Read a pickled object representation from the open file object given\n"
     "in the constructor, and return the reconstituted object hierarchy\n"
     "specified therein."},
    {"find_class", reinterpret_cast<void*>(Unpickler_find_class), kMethFastcall,
     "find_class($self, module_name, global_name, /)\n--\n\n"
     "Return an object from a specified module.\n\n"
     "If necessary, the module will be imported. Subclasses may override\n"
     "this method (e.g. to restrict unpickling of arbitrary classes and\n"
     "functions).\n\n"
     "This method is called whenever a class or a function object is\n"
     "needed.  Both arguments passed are str objects."},
    {"__sizeof__", reinterpret_cast<void*>(Unpickler_sizeof), kMethNoArgs,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {nullptr, nullptr, 0, nullptr}};

GetSetDef unpickler_getset[] = {
    {"memo", Unpickler_get_memo, Unpickler_set_memo, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

MethodDef unpickler_memoproxy_methods[] = {
    {"clear", reinterpret_cast<void*>(UnpicklerMemoProxy_clear), kMethNoArgs,
     "clear($self, /)\n--\n\nRemove all items from memo."},
    {"copy", reinterpret_cast<void*>(UnpicklerMemoProxy_copy), kMethNoArgs,
     "copy($self, /)\n--\n\nCopy the memo to a new object."},
    {"__reduce__", reinterpret_cast<void*>(UnpicklerMemoProxy_reduce), kMethNoArgs,
     "__reduce__($self, /)\n--\n\nImplement pickling support."},
    {nullptr, nullptr, 0, nullptr}};

MethodDef pickle_methods[] = {
    {"dump", FASTCALL_KW(pickle_dump),
     "dump($module, /, obj, file, protocol=None, *, fix_imports=True,\n"
     "     buffer_callback=None)\n--\n\n"
     "Write a pickled representation of obj to the open file object file.\n\n"
     "This is equivalent to ``Pickler(file, protocol).dump(obj)``, but may\n"
     "be more efficient."},
    {"dumps", FASTCALL_KW(pickle_dumps),
     "dumps($module, /, obj, protocol=None, *, fix_imports=True,\n"
     "      buffer_callback=None)\n--\n\n"
     "Return the pickled representation of the object as a bytes object."},
    {"load", FASTCALL_KW(pickle_load),
     "load($module, /, file, *, fix_imports=True, encoding='ASCII',\n"
     "     errors='strict', buffers=())\n--\n\n"
     "Read and return an object from the pickle data stored in a file.\n\n"
     "This is equivalent to ``Unpickler(file).load()``, but may be more\n"
     "efficient."},
    {"loads", FASTCALL_KW(pickle_loads),
     "loads($module, data, /, *, fix_imports=True, encoding='ASCII',\n"
     "      errors='strict', buffers=())\n--\n\n"
     "Read and return an object from the given pickle data."},
    {nullptr, nullptr, 0, nullptr}};

int ready_types() {
  if (pickler_type.name) return 0;
  constexpr unsigned long kFlags = kTpflagsBasetype | kTpflagsHaveGc | kTpflagsImmutabletype;
  {
    TypeObject t = static_type("_pickle.Pickler", sizeof(PicklerObject), 0, kFlags);
    t.doc = "Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n"
            "This takes a binary file for writing a pickle data stream.";
    t.dealloc = Pickler_dealloc;
    t.traverse = Pickler_traverse;
    t.clear = Pickler_clear;
    t.getattro = Pickler_getattro;
    t.setattro = Pickler_setattro;
    t.methods = pickler_methods;
    t.members = pickler_members;
    t.getset = pickler_getset;
    t.init = Pickler_init;
    t.alloc = type_generic_alloc;
    t.new_ = Pickler_new;
    t.free = object_generic_free;
    pickler_type = t;
  }
  {
    TypeObject t = static_type("_pickle.Unpickler", sizeof(UnpicklerObject), 0, kFlags);
    t.doc = "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',\n"
            "          buffers=())\n--\n\n"
            "This takes a binary file for reading a pickle data stream.";
    t.dealloc = Unpickler_dealloc;
    t.traverse = Unpickler_traverse;
    t.clear = Unpickler_clear;
    t.getattro = Unpickler_getattro;
    t.setattro = Unpickler_setattro;
    t.methods = unpickler_methods;
    t.getset = unpickler_getset;
    t.init = Unpickler_init;
    t.alloc = type_generic_alloc;
    t.new_ = Unpickler_new;
    t.free = object_generic_free;
    unpickler_type = t;
  }
  {
    TypeObject t = static_type("_pickle.PicklerMemoProxy", sizeof(PicklerMemoProxyObject), 0,
                               kFlags);
    t.dealloc = PicklerMemoProxy_dealloc;
    t.traverse = PicklerMemoProxy_traverse;
    t.clear = PicklerMemoProxy_clear_slot;
    t.methods = pickler_memoproxy_methods;
    t.hash = object_hash_not_implemented;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    pickler_memoproxy_type = t;
  }
  {
    TypeObject t = static_type("_pickle.UnpicklerMemoProxy", sizeof(UnpicklerMemoProxyObject),
                               0, kFlags);
    t.dealloc = UnpicklerMemoProxy_dealloc;
    t.traverse = UnpicklerMemoProxy_traverse;
    t.clear = UnpicklerMemoProxy_clear_slot;
    t.methods = unpickler_memoproxy_methods;
    t.hash = object_hash_not_implemented;
    t.alloc = type_generic_alloc;
    t.free = object_generic_free;
    unpickler_memoproxy_type = t;
  }
  // PyPickleBuffer_Type is one of the interpreter's static types; cppy readies it on first use.
  if (type_ready(&picklebuffer_type) < 0) return -1;
  if (type_ready(&pickler_memoproxy_type) < 0 || type_ready(&unpickler_memoproxy_type) < 0 ||
      type_ready(&pickler_type) < 0 || type_ready(&unpickler_type) < 0)
    return -1;
  for (TypeObject* t : {&pickler_memoproxy_type, &unpickler_memoproxy_type, &pickler_type,
                        &unpickler_type})
    if (type_set_heap_module(t) < 0) return -1;
  return 0;
}

// _pickle_exec.
int pickle_exec(Object* m) {
  if (ready_types() < 0) return -1;
  if (module_add_object_ref(m, "Pickler", &pickler_type) < 0 ||
      module_add_object_ref(m, "Unpickler", &unpickler_type) < 0 ||
      module_add_object_ref(m, "PickleBuffer", &picklebuffer_type) < 0)
    return -1;
  if (!st.PickleError) {
    TypeObject* pickle_error = new_exception("_pickle.PickleError", nullptr, nullptr);
    if (!pickle_error) return -1;
    TypeObject* pickling_error = new_exception("_pickle.PicklingError", pickle_error, nullptr);
    if (!pickling_error) return -1;
    TypeObject* unpickling_error =
        new_exception("_pickle.UnpicklingError", pickle_error, nullptr);
    if (!unpickling_error) return -1;
    st.PickleError = pickle_error;
    st.PicklingError = pickling_error;
    st.UnpicklingError = unpickling_error;
  }
  if (module_add_object_ref(m, "PickleError", st.PickleError) < 0 ||
      module_add_object_ref(m, "PicklingError", st.PicklingError) < 0 ||
      module_add_object_ref(m, "UnpicklingError", st.UnpicklingError) < 0)
    return -1;
  if (!st.partial && init_state() < 0) return -1;
  return 0;
}

ModuleDef pickle_def = {"_pickle", "Optimized C implementation for the Python pickle module.",
                        pickle_methods, pickle_exec};

}  // namespace

ModuleDef* module_def() { return &pickle_def; }

}  // namespace cppy::modules::pickle
