// PEP 659 adaptive specialisation: Python/specialize.c (_PyCode_Quicken and the
// _Py_Specialize_* functions), with the cache layouts of Include/internal/pycore_code.h.
//
// Each specialiser looks at the operands the generic instruction is about to work on and, when
// a specialised form applies, writes its opcode over the instruction and fills the inline
// cache (specialize()); otherwise it restores the generic opcode with an exponentially
// backed-off counter (unspecialize()). The guards that keep a specialisation valid live in
// the instruction bodies (src/vm/ceval.cpp): type version tags (objects/typeobject), dict
// keys versions (objects/dictobject), function versions (objects/funcobject).
//
// Differences from CPython, where cppy's object layouts differ:
// - instances of plain classes keep their attributes in inline values (objects/
//   inline_values.h: LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE, and the shared
//   keys version proves a class attribute unshadowed) until their dict is asked for; other
//   instance dicts are ordinary dicts (the WITH_HINT forms), for which
//   LOAD_ATTR_METHOD_WITH_VALUES / LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES guard that the
//   instance dict does not shadow the class attribute by a lookup.
#include "vm/specialize.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "compile/opcode_ids.h"
#include "compile/opcode_metadata.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/inline_values.h"
#include "objects/genobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/moduleobject.h"
#include "objects/rangeobject.h"
#include "objects/setobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "vm/ceval.h"
#include "vm/number_fast.h"

namespace cppy::vm {

using namespace objects;
using namespace compile;

void release_dead_value(Object* o) {
  if (!release_to_free_list(o)) dealloc(o);
}

bool specialization_enabled = [] {
  const char* off = std::getenv("CPPY_NO_SPECIALIZE");
  return !(off && *off && *off != '0');
}();

#ifdef CPPY_VM_STATS
VmStats vm_stats;

namespace {
// The table of the counts, busiest instructions first.
void print_vm_stats() {
  const char* want = std::getenv("CPPY_VM_STATS");
  if (!want || !*want) return;
  int order[256];
  for (int i = 0; i < 256; ++i) order[i] = i;
  for (int i = 1; i < 256; ++i)
    for (int j = i; j > 0 && vm_stats.exec[order[j]] > vm_stats.exec[order[j - 1]]; --j)
      std::swap(order[j], order[j - 1]);
  std::fprintf(stderr, "%-40s %12s %12s %7s %10s %10s\n", "opcode", "executed", "misses", "miss%",
               "special.", "failed");
  for (int k = 0; k < 256; ++k) {
    int i = order[k];
    const VmStats& s = vm_stats;
    if (!s.exec[i] && !s.miss[i] && !s.specialized[i] && !s.failed[i]) continue;
    std::fprintf(stderr, "%-40s %12llu %12llu %6.1f%% %10llu %10llu\n", opcode_names[i],
                 (unsigned long long)s.exec[i], (unsigned long long)s.miss[i],
                 s.exec[i] ? 100.0 * double(s.miss[i]) / double(s.exec[i]) : 0.0,
                 (unsigned long long)s.specialized[i], (unsigned long long)s.failed[i]);
  }
}
const bool vm_stats_registered = [] { return std::atexit(print_vm_stats) == 0; }();
}  // namespace
#endif

namespace {

// specialize / unspecialize (specialize.c).
void specialize(CodeUnit* instr, int opcode) {
  CPPY_VM_STAT(specialized, opcode);
  instr->op.code = uint8_t(opcode);
  instr[1].cache = kCounterCooldown;
}
void unspecialize(CodeUnit* instr) {
  CPPY_VM_STAT(failed, opcode_deopt[instr->op.code]);
  instr->op.code = opcode_deopt[instr->op.code];
  instr[1].cache = restart_backoff_counter(instr[1].cache);
}

inline bool long_check_exact_compact(Object* o) {
  return long_check_exact(o) && long_is_compact(o);
}

// The keys table of an exact dict whose keys are all str (DK_IS_UNICODE), or null.
DictKeys* str_keys(Object* d) {
  if (!d || !dict_check_exact(d)) return nullptr;
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  return dk_is_unicode(k) ? k : nullptr;
}

// A keys version that fits the 16-bit LOAD_GLOBAL cache fields, or 0.
uint32_t keys_version16(Object* d) {
  uint32_t v = dict_keys_version_for_current_state(d);
  return v <= 0xFFFF ? v : 0;
}

}  // namespace

// _PyCode_Quicken: every counter starts warming up (or never fires when specialisation is
// off). Instructions are in their generic form here.
void code_quicken(CodeUnit* instructions, ssize n) {
  uint16_t initial = specialization_enabled ? kCounterWarmup : kUnreachableBackoff;
  for (ssize i = 0; i < n; ++i) {
    int opcode = opcode_deopt[instructions[i].op.code];
    int caches = opcode_caches[opcode];
    // Bytecode from marshal data may end inside an instruction's caches: never write past
    // the end (CPython's _PyCode_Quicken assumes well-formed code).
    if (caches && i + 1 < n) {
      // JUMP_BACKWARD's counter drives the tier-2 optimizer, which cppy does not have yet;
      // the POP_JUMP_IF caches record branch history for it.
      if (opcode != JUMP_BACKWARD && opcode != POP_JUMP_IF_FALSE &&
          opcode != POP_JUMP_IF_TRUE && opcode != POP_JUMP_IF_NONE &&
          opcode != POP_JUMP_IF_NOT_NONE)
        instructions[i + 1].cache = initial;
      i += caches;
    }
  }
}

// --- LOAD_GLOBAL -------------------------------------------------------------------------------
// Cache: counter, module_keys_version, builtin_keys_version, index. cppy keeps the byte
// offset of the entry's value from the keys object, in units of 8, where CPython keeps the
// entry's index: the keys object that has the version has a fixed layout, and the
// instruction then needs no index-table size to find the entry.

namespace {

// The cache word for entry index of d's keys, or -1 when it does not fit.
ssize global_value_slot(Object* d, ssize index) {
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  // A str table (str_keys): its entries are PyDictUnicodeEntry.
  ssize offset =
      reinterpret_cast<char*>(&dk_unicode_entries(k)[index].value) - reinterpret_cast<char*>(k);
  return offset / 8 <= 0xFFFF ? offset / 8 : -1;
}

}  // namespace

void specialize_load_global(Object* globals, Object* builtins, CodeUnit* instr, Object* name) {
  DictKeys* gk = str_keys(globals);
  if (!gk || name->type != &str_type) return unspecialize(instr);
  ssize index = dict_keys_str_lookup(globals, name);
  if (index >= 0) {
    uint32_t version = keys_version16(globals);
    ssize slot = global_value_slot(globals, index);
    if (slot < 0 || version == 0) return unspecialize(instr);
    instr[4].cache = uint16_t(slot);
    instr[2].cache = uint16_t(version);
    return specialize(instr, LOAD_GLOBAL_MODULE);
  }
  if (!str_keys(builtins)) return unspecialize(instr);
  index = dict_keys_str_lookup(builtins, name);
  if (index < 0) return unspecialize(instr);
  uint32_t gversion = keys_version16(globals);
  uint32_t bversion = keys_version16(builtins);
  ssize slot = global_value_slot(builtins, index);
  if (gversion == 0 || bversion == 0 || slot < 0) return unspecialize(instr);
  instr[4].cache = uint16_t(slot);
  instr[2].cache = uint16_t(gversion);
  instr[3].cache = uint16_t(bversion);
  specialize(instr, LOAD_GLOBAL_BUILTIN);
}

// --- LOAD_ATTR / STORE_ATTR ---------------------------------------------------------------------
// LOAD_ATTR cache: counter, type_version[2], keys_version[2] (or index), descr[4].
// STORE_ATTR cache: counter, version[2], index.

namespace {

enum class DescrKind {
  kAbsent,
  kObjectSlot,     // a member descriptor of an object field
  kMethod,         // Py_TPFLAGS_METHOD_DESCRIPTOR (functions, method descriptors)
  kNonDescriptor,  // a plain class attribute
  kOverriding,     // a data descriptor (property, getset, other slots)
  kNonOverriding  // another descriptor with __get__ only (classmethod, staticmethod...)
};

// analyze_descriptor_load.
DescrKind analyze_descriptor(TypeObject* type, Object* name, Object** descr) {
  *descr = type_lookup(type, name);
  Object* d = *descr;
  if (!d) return DescrKind::kAbsent;
  TypeObject* dt = d->type;
  if (dt == &member_descr_type) {
    MemberDef* m = static_cast<MemberDescrObject*>(d)->d_member;
    if ((m->type == kMemberObjectEx || m->type == kMemberObject) &&
        !(m->flags & (kMemberAuditRead | kMemberRelative)) && m->offset > 0 &&
        m->offset <= 0xFFFF)
      return DescrKind::kObjectSlot;
    return DescrKind::kOverriding;
  }
  if (type_has_feature(dt, kTpflagsMethodDescriptor)) return DescrKind::kMethod;
  if (dt->descr_get) return dt->descr_set ? DescrKind::kOverriding : DescrKind::kNonOverriding;
  if (dt->descr_set) return DescrKind::kOverriding;
  return DescrKind::kNonDescriptor;
}

// The instance dict of owner when its type keeps one at a fixed positive offset: the pointer
// to the slot, or null.
Object** instance_dict_slot(Object* owner) {
  ssize off = owner->type->dictoffset;
  if (off <= 0) return nullptr;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + off);
}

bool specialize_module_load_attr(Object* owner, CodeUnit* instr, Object* name) {
  Object* dict = static_cast<ModuleObject*>(owner)->md_dict;
  if (!str_keys(dict)) return false;
  ssize index = dict_keys_str_lookup(dict, name);
  if (index < 0 || index > 0xFFFF) return false;
  uint32_t version = dict_keys_version_for_current_state(dict);
  if (version == 0) return false;
  write_u32(instr + 2, version);
  instr[4].cache = uint16_t(index);
  specialize(instr, LOAD_ATTR_MODULE);
  return true;
}

// specialize_class_load_attr: an attribute of a class, read through the class, whose
// metaclass is type itself.
bool specialize_class_load_attr(Object* owner, CodeUnit* instr, Object* name) {
  auto* cls = reinterpret_cast<TypeObject*>(owner);
  if (owner->type != &Type_Type) return false;
  if (type_lookup(&Type_Type, name)) return false;  // the metaclass could answer
  Object* descr;
  DescrKind kind = analyze_descriptor(cls, name, &descr);
  if (kind != DescrKind::kMethod && kind != DescrKind::kNonDescriptor) return false;
  // Functions read through their class are themselves; method descriptors too.
  if (kind == DescrKind::kMethod && descr->type != &function_type) return false;
  if (!type_assign_version_tag(cls)) return false;
  write_u32(instr + 2, cls->version_tag);
  write_obj(instr + 6, descr);
  specialize(instr, LOAD_ATTR_CLASS);
  return true;
}

}  // namespace

void specialize_load_attr(Object* owner, CodeUnit* instr, Object* name) {
  int oparg = instr->op.arg;
  bool method = oparg & 1;
  TypeObject* type = owner->type;
  if (name->type != &str_type) return unspecialize(instr);
  if (type == &module_type) {
    if (!specialize_module_load_attr(owner, instr, name)) unspecialize(instr);
    return;
  }
  if (type_check_type(owner)) {
    if (!specialize_class_load_attr(owner, instr, name)) unspecialize(instr);
    return;
  }
  if (type->getattro != object_generic_getattr) return unspecialize(instr);
  if (!type_has_feature(type, kTpflagsReady)) return unspecialize(instr);
  Object* descr;
  DescrKind kind = analyze_descriptor(type, name, &descr);
  if (!type_assign_version_tag(type)) return unspecialize(instr);
  uint32_t version = type->version_tag;
  Object** dictslot = instance_dict_slot(owner);
  if (type->dictoffset < 0) return unspecialize(instr);
  Object* dict = dictslot ? *dictslot : nullptr;
  // The entry index of name in the instance dict, or -1.
  ssize hint = -1;
  if (dict && str_keys(dict)) hint = dict_keys_str_lookup(dict, name);
  else if (dict) return unspecialize(instr);
  // Inline values (Py_TPFLAGS_INLINE_VALUES): the index of name in the class's shared keys
  // while the instance has no dict, and the keys version that proves a name absent.
  bool has_inline = type_has_feature(type, kTpflagsInlineValues);
  SharedKeys* keys = has_inline ? type_shared_keys(type) : nullptr;
  ssize vindex = -1;
  if (has_inline && !dict) vindex = shared_keys_lookup(keys, name);
  uint32_t keys_version = 0;
  if (has_inline) {
    if (shared_keys_lookup(keys, name) < 0) keys_version = shared_keys_version(keys);
  }
  switch (kind) {
    case DescrKind::kObjectSlot: {
      auto* m = static_cast<MemberDescrObject*>(descr)->d_member;
      write_u32(instr + 2, version);
      instr[4].cache = uint16_t(m->offset);
      return specialize(instr, LOAD_ATTR_SLOT);
    }
    case DescrKind::kMethod:
      if (!method) break;
      if (hint >= 0) return unspecialize(instr);  // shadowed by the instance
      if (has_inline && keys_version == 0) return unspecialize(instr);  // may be shadowed
      write_u32(instr + 2, version);
      write_u32(instr + 4, keys_version);
      write_obj(instr + 6, descr);
      if (!dictslot) return specialize(instr, LOAD_ATTR_METHOD_NO_DICT);
      if (!dict && !has_inline) return specialize(instr, LOAD_ATTR_METHOD_LAZY_DICT);
      return specialize(instr, LOAD_ATTR_METHOD_WITH_VALUES);
    case DescrKind::kNonDescriptor:
      if (hint >= 0) break;  // the instance's value wins: a dict access below
      if (vindex >= 0) break;  // an instance value may win: LOAD_ATTR_INSTANCE_VALUE
      if (method) return unspecialize(instr);
      if (has_inline && keys_version == 0) return unspecialize(instr);
      write_u32(instr + 2, version);
      write_u32(instr + 4, keys_version);
      write_obj(instr + 6, descr);
      if (!dictslot) return specialize(instr, LOAD_ATTR_NONDESCRIPTOR_NO_DICT);
      if (!dict && !has_inline) return unspecialize(instr);
      return specialize(instr, LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES);
    case DescrKind::kAbsent:
    case DescrKind::kNonOverriding:
      break;
    case DescrKind::kOverriding:
      // LOAD_ATTR_PROPERTY: a property whose getter is a plain Python function of one
      // argument runs in a frame pushed by the instruction.
      if (descr->type == &property_type && !method) {
        Object* fget = static_cast<PropertyObject*>(descr)->prop_get;
        if (!fget || fget->type != &function_type) return unspecialize(instr);
        auto* f = static_cast<FunctionObject*>(fget);
        auto* fco = static_cast<CodeObject*>(f->func_code);
        if ((fco->co_flags & (kCoVarargs | kCoVarkeywords)) != 0 || fco->co_kwonlyargcount != 0 ||
            fco->co_argcount != 1 || f->func_version == 0)
          return unspecialize(instr);
        write_u32(instr + 2, version);
        write_u32(instr + 4, f->func_version);
        write_obj(instr + 6, fget);
        return specialize(instr, LOAD_ATTR_PROPERTY);
      }
      return unspecialize(instr);
  }
  // An instance attribute: at index vindex of the inline values (specialize_dict_access's
  // LOAD_ATTR_INSTANCE_VALUE)...
  if (has_inline && !dict) {
    if (vindex < 0) return unspecialize(instr);
    ssize offset = type->basicsize + inline_values_header(keys->capacity) +
                   vindex * ssize(sizeof(Object*));
    if (offset > 0xFFFF || type->dictoffset > 0xFFFF) return unspecialize(instr);
    // The site already serves another class (its misses brought it here): that class's
    // entry moves to the second place, so that a site alternating between two classes
    // stops missing. Otherwise the second place is emptied (version 0 matches nothing).
    uint32_t other_version = 0;
    uint16_t other_offset = 0, other_dictoffset = 0;
    if (instr->op.code == LOAD_ATTR_INSTANCE_VALUE && read_u32(instr + 2) != version) {
      other_version = read_u32(instr + 2);
      other_offset = instr[4].cache;
      other_dictoffset = instr[5].cache;
    }
    write_u32(instr + 2, version);
    instr[4].cache = uint16_t(offset);
    instr[5].cache = uint16_t(type->dictoffset);
    write_u32(instr + 6, other_version);
    instr[8].cache = other_offset;
    instr[9].cache = other_dictoffset;
    return specialize(instr, LOAD_ATTR_INSTANCE_VALUE);
  }
  // ... or at entry `hint` of the instance dict.
  if (hint < 0 || hint > 0xFFFF) return unspecialize(instr);
  write_u32(instr + 2, version);
  instr[4].cache = uint16_t(hint);
  specialize(instr, LOAD_ATTR_WITH_HINT);
}

void specialize_store_attr(Object* owner, CodeUnit* instr, Object* name) {
  TypeObject* type = owner->type;
  if (name->type != &str_type || type->setattro != object_generic_setattr ||
      !type_has_feature(type, kTpflagsReady))
    return unspecialize(instr);
  Object* descr;
  DescrKind kind = analyze_descriptor(type, name, &descr);
  if (!type_assign_version_tag(type)) return unspecialize(instr);
  uint32_t version = type->version_tag;
  if (kind == DescrKind::kObjectSlot) {
    auto* m = static_cast<MemberDescrObject*>(descr)->d_member;
    if (m->flags & kMemberReadonly) return unspecialize(instr);
    write_u32(instr + 2, version);
    instr[4].cache = uint16_t(m->offset);
    return specialize(instr, STORE_ATTR_SLOT);
  }
  if (kind != DescrKind::kAbsent) return unspecialize(instr);
  Object** dictslot = instance_dict_slot(owner);
  Object* dict = dictslot ? *dictslot : nullptr;
  if (type_has_feature(type, kTpflagsInlineValues) && !dict) {
    SharedKeys* keys = type_shared_keys(type);
    ssize vindex = shared_keys_lookup(keys, name);
    if (vindex < 0) return unspecialize(instr);
    ssize offset = type->basicsize + inline_values_header(keys->capacity) +
                   vindex * ssize(sizeof(Object*));
    if (offset > 0xFFFF) return unspecialize(instr);
    write_u32(instr + 2, version);
    instr[4].cache = uint16_t(offset);
    return specialize(instr, STORE_ATTR_INSTANCE_VALUE);
  }
  if (!dict || !str_keys(dict)) return unspecialize(instr);
  ssize hint = dict_keys_str_lookup(dict, name);
  if (hint < 0 || hint > 0xFFFF) return unspecialize(instr);
  write_u32(instr + 2, version);
  instr[4].cache = uint16_t(hint);
  specialize(instr, STORE_ATTR_WITH_HINT);
}

// --- BINARY_OP ----------------------------------------------------------------------------------

namespace {

// Ints of at most two digits (|v| < 2**60): exact in an int64_t, and sums, differences and
// bitwise results of two of them too.
inline bool word_int(Object* o, int64_t* v) {
  if (o->type != &long_type) return false;
  ssize n = long_digit_count(o);
  if (n > 2) return false;
  const digit* d = as_long(o)->ob_digit;
  int64_t m = n == 0 ? 0 : n == 1 ? int64_t(d[0]) : int64_t(d[0]) | (int64_t(d[1]) << kLongShift);
  *v = long_sign(o) < 0 ? -m : m;
  return true;
}
inline bool both_word_ints(Object* a, Object* b) {
  int64_t x, y;
  return word_int(a, &x) && word_int(b, &y);
}
inline bool word_ints_nonneg_pos(Object* a, Object* b) {
  int64_t x, y;
  return word_int(a, &x) && word_int(b, &y) && x >= 0 && y > 0;
}
inline bool word_ints_shift(Object* a, Object* b) {
  int64_t x, y;
  return word_int(a, &x) && word_int(b, &y) && y >= 0;
}
inline int64_t wv(Object* o) {
  int64_t v = 0;
  word_int(o, &v);
  return v;
}

// The actions take over the stack's references to the operands (number_fast.h): an operand
// only the stack holds receives a one-digit int or a float result in place.
Object* word_and(Object* a, Object* b) { return long_result_steal(a, b, wv(a) & wv(b)); }
Object* word_or(Object* a, Object* b) { return long_result_steal(a, b, wv(a) | wv(b)); }
Object* word_xor(Object* a, Object* b) { return long_result_steal(a, b, wv(a) ^ wv(b)); }
Object* word_add(Object* a, Object* b) { return long_result_steal(a, b, wv(a) + wv(b)); }
Object* word_sub(Object* a, Object* b) { return long_result_steal(a, b, wv(a) - wv(b)); }
Object* word_mul(Object* a, Object* b) {
  int64_t r;
  if (__builtin_mul_overflow(wv(a), wv(b), &r)) {
    Object* big = number_multiply(a, b);
    decref(a);
    decref(b);
    return big;
  }
  return long_result_steal(a, b, r);
}
Object* word_mod(Object* a, Object* b) { return long_result_steal(a, b, wv(a) % wv(b)); }
Object* word_floordiv(Object* a, Object* b) { return long_result_steal(a, b, wv(a) / wv(b)); }
Object* word_rshift(Object* a, Object* b) {
  int64_t s = wv(b);
  return long_result_steal(a, b, wv(a) >> (s > 63 ? 63 : s));
}

// float_compactlong / compactlong_float (specialize.c): a float and a one-digit int.
inline bool float_compact(Object* a, Object* b) {
  return a->type == &float_type && b->type == &long_type && long_is_compact(b);
}
inline bool compact_float(Object* a, Object* b) {
  return b->type == &float_type && a->type == &long_type && long_is_compact(a);
}
bool float_compact_nonzero(Object* a, Object* b) { return float_compact(a, b) && !long_is_zero(b); }
bool compact_float_nonzero(Object* a, Object* b) {
  return compact_float(a, b) && float_value(b) != 0.0;
}
bool float_compact_g(Object* a, Object* b) { return float_compact(a, b); }
bool compact_float_g(Object* a, Object* b) { return compact_float(a, b); }
inline double lv(Object* o) { return double(long_compact_value(o)); }
Object* fc_add(Object* a, Object* b) { return float_result_steal(a, b, float_value(a) + lv(b)); }
Object* fc_sub(Object* a, Object* b) { return float_result_steal(a, b, float_value(a) - lv(b)); }
Object* fc_mul(Object* a, Object* b) { return float_result_steal(a, b, float_value(a) * lv(b)); }
Object* fc_div(Object* a, Object* b) { return float_result_steal(a, b, float_value(a) / lv(b)); }
Object* cf_add(Object* a, Object* b) { return float_result_steal(a, b, lv(a) + float_value(b)); }
Object* cf_sub(Object* a, Object* b) { return float_result_steal(a, b, lv(a) - float_value(b)); }
Object* cf_mul(Object* a, Object* b) { return float_result_steal(a, b, lv(a) * float_value(b)); }
Object* cf_div(Object* a, Object* b) { return float_result_steal(a, b, lv(a) / float_value(b)); }

// Two floats through float's own slot (pow has its special cases and errors there); a
// division by a nonzero float is computed here.
bool both_floats(Object* a, Object* b) { return a->type == &float_type && b->type == &float_type; }
Object* float_pow(Object* a, Object* b) {
  // A positive finite base and a finite exponent whose power is a normal number: float_pow's
  // special cases (zero, one, nan and inf operands, negative bases) and its errno checks
  // (overflow, underflow to a subnormal) cannot apply, and the result is pow()'s.
  double x = float_value(a), y = float_value(b);
  if (x > 0.0 && std::isfinite(x) && std::isfinite(y)) {
    double r = std::pow(x, y);
    if (std::isnormal(r)) return float_result_steal(a, b, r);
  }
  Object* r = float_type.as_number->power(a, b, none());
  decref(a);
  decref(b);
  return r;
}
Object* float_div(Object* a, Object* b) {
  double d = float_value(b);
  if (d != 0.0) [[likely]] return float_result_steal(a, b, float_value(a) / d);
  Object* r = float_type.as_number->true_divide(a, b);
  decref(a);
  decref(b);
  return r;
}

// The descriptors, in the order they are tried (binaryop_extend_descrs); the in-place
// operators share them (oparg + 13).
const BinaryOpExtend extend_descrs[] = {
    {1, both_word_ints, word_and, kWordAnd},
    {7, both_word_ints, word_or, kWordOr},
    {12, both_word_ints, word_xor, kWordXor},
    {0, both_word_ints, word_add, kWordAdd},
    {10, both_word_ints, word_sub, kWordSub},
    {5, both_word_ints, word_mul, kWordMul},
    {6, word_ints_nonneg_pos, word_mod, kWordMod},
    {2, word_ints_nonneg_pos, word_floordiv, kWordFloorDiv},
    {9, word_ints_shift, word_rshift, kWordRshift},
    {0, float_compact_g, fc_add},
    {10, float_compact_g, fc_sub},
    {5, float_compact_g, fc_mul},
    {11, float_compact_nonzero, fc_div},
    {0, compact_float_g, cf_add},
    {10, compact_float_g, cf_sub},
    {5, compact_float_g, cf_mul},
    {11, compact_float_nonzero, cf_div},
    {8, both_floats, float_pow},
    {11, both_floats, float_div},
};

// binary_op_extended_specialization.
bool specialize_extend(Object* lhs, Object* rhs, CodeUnit* instr, int oparg) {
  int op = oparg >= kNbInplaceAdd && oparg < kNbSubscr ? oparg - kNbInplaceAdd : oparg;
  for (const BinaryOpExtend& d : extend_descrs) {
    if (d.oparg == op && d.guard(lhs, rhs)) {
      const BinaryOpExtend* p = &d;
      std::memcpy(instr + 2, &p, sizeof p);
      specialize(instr, BINARY_OP_EXTEND);
      return true;
    }
  }
  return false;
}

}  // namespace

void specialize_binary_op(Object* lhs, Object* rhs, CodeUnit* instr, int oparg,
                          Object** locals) {
  switch (oparg) {
    case kNbAdd:
    case kNbInplaceAdd:
      if (lhs->type != rhs->type) break;
      if (lhs->type == &str_type) {
        // `s = s + t` / `s += t` storing back into the local s: extend s in place when
        // nothing else holds it.
        CodeUnit next = instr[1 + opcode_caches[BINARY_OP]];
        if (next.op.code == STORE_FAST && locals[next.op.arg] == lhs)
          return specialize(instr, BINARY_OP_INPLACE_ADD_UNICODE);
        return specialize(instr, BINARY_OP_ADD_UNICODE);
      }
      if (long_check_exact_compact(lhs) && long_check_exact_compact(rhs))
        return specialize(instr, BINARY_OP_ADD_INT);
      if (lhs->type == &float_type) return specialize(instr, BINARY_OP_ADD_FLOAT);
      break;
    case kNbMultiply:
    case kNbInplaceMultiply:
      if (lhs->type != rhs->type) break;
      if (long_check_exact_compact(lhs) && long_check_exact_compact(rhs))
        return specialize(instr, BINARY_OP_MULTIPLY_INT);
      if (lhs->type == &float_type) return specialize(instr, BINARY_OP_MULTIPLY_FLOAT);
      break;
    case kNbSubtract:
    case kNbInplaceSubtract:
      if (lhs->type != rhs->type) break;
      if (long_check_exact_compact(lhs) && long_check_exact_compact(rhs))
        return specialize(instr, BINARY_OP_SUBTRACT_INT);
      if (lhs->type == &float_type) return specialize(instr, BINARY_OP_SUBTRACT_FLOAT);
      break;
    case kNbSubscr:
      if (long_check_exact_compact(rhs) && long_sign(rhs) >= 0) {
        if (lhs->type == &list_type) return specialize(instr, BINARY_OP_SUBSCR_LIST_INT);
        if (lhs->type == &tuple_type) return specialize(instr, BINARY_OP_SUBSCR_TUPLE_INT);
      }
      if (lhs->type == &dict_type) return specialize(instr, BINARY_OP_SUBSCR_DICT);
      break;
    default:
      break;
  }
  if (oparg != kNbSubscr && specialize_extend(lhs, rhs, instr, oparg)) return;
  unspecialize(instr);
}

// --- COMPARE_OP ---------------------------------------------------------------------------------

void specialize_compare_op(Object* lhs, Object* rhs, CodeUnit* instr, int oparg) {
  int op = oparg >> 5;
  if (lhs->type != rhs->type) return unspecialize(instr);
  if (lhs->type == &float_type) return specialize(instr, COMPARE_OP_FLOAT);
  if (lhs->type == &long_type) {
    if (long_is_compact(lhs) && long_is_compact(rhs)) return specialize(instr, COMPARE_OP_INT);
    return unspecialize(instr);
  }
  if (lhs->type == &str_type && (op == kEQ || op == kNE))
    return specialize(instr, COMPARE_OP_STR);
  unspecialize(instr);
}

// --- TO_BOOL ------------------------------------------------------------------------------------
// Cache: counter, version[2].

void specialize_to_bool(Object* value, CodeUnit* instr) {
  TypeObject* t = value->type;
  if (t == &bool_type) return specialize(instr, TO_BOOL_BOOL);
  if (t == &long_type) return specialize(instr, TO_BOOL_INT);
  if (t == &list_type) return specialize(instr, TO_BOOL_LIST);
  if (value == none()) return specialize(instr, TO_BOOL_NONE);
  if (t == &str_type) return specialize(instr, TO_BOOL_STR);
  // check_type_always_true: no __bool__ nor __len__ at all.
  if ((t->as_number && t->as_number->bool_) || (t->as_mapping && t->as_mapping->length) ||
      (t->as_sequence && t->as_sequence->length))
    return unspecialize(instr);
  if (!type_assign_version_tag(t)) return unspecialize(instr);
  write_u32(instr + 2, t->version_tag);
  specialize(instr, TO_BOOL_ALWAYS_TRUE);
}

// --- FOR_ITER, UNPACK_SEQUENCE, STORE_SUBSCR, CONTAINS_OP ----------------------------------------

void specialize_for_iter(Object* iter, CodeUnit* instr, int oparg) {
  (void)oparg;
  TypeObject* t = iter->type;
  if (t == &listiter_type) return specialize(instr, FOR_ITER_LIST);
  if (t == &tupleiter_type) return specialize(instr, FOR_ITER_TUPLE);
  if (t == &rangeiter_type) return specialize(instr, FOR_ITER_RANGE);
  unspecialize(instr);
}

void specialize_unpack_sequence(Object* seq, CodeUnit* instr, int oparg) {
  if (seq->type == &tuple_type) {
    if (tuple_size(seq) != oparg) return unspecialize(instr);
    if (oparg == 2) return specialize(instr, UNPACK_SEQUENCE_TWO_TUPLE);
    return specialize(instr, UNPACK_SEQUENCE_TUPLE);
  }
  if (seq->type == &list_type) {
    if (list_size(seq) != oparg) return unspecialize(instr);
    return specialize(instr, UNPACK_SEQUENCE_LIST);
  }
  unspecialize(instr);
}

void specialize_store_subscr(Object* container, Object* sub, CodeUnit* instr) {
  if (container->type == &list_type && long_check_exact_compact(sub) && long_sign(sub) >= 0 &&
      long_compact_value(sub) < list_size(container))
    return specialize(instr, STORE_SUBSCR_LIST_INT);
  if (container->type == &dict_type) return specialize(instr, STORE_SUBSCR_DICT);
  unspecialize(instr);
}

void specialize_contains_op(Object* container, CodeUnit* instr) {
  if (container->type == &dict_type) return specialize(instr, CONTAINS_OP_DICT);
  if (container->type == &set_type || container->type == &frozenset_type)
    return specialize(instr, CONTAINS_OP_SET);
  unspecialize(instr);
}

// --- CALL ---------------------------------------------------------------------------------------
// Cache: counter, func_version[2].

namespace {

Object* builtin_named(const char* name) {
  Object* b = builtins_dict();
  return b ? dict_get_item_string(b, name) : nullptr;
}

bool is_simple_function(CodeObject* co) {
  return (co->co_flags & (kCoVarargs | kCoVarkeywords)) == 0 && co->co_kwonlyargcount == 0;
}

void specialize_py_call(FunctionObject* func, CodeUnit* instr, int nargs, bool bound_method) {
  auto* co = static_cast<CodeObject*>(func->func_code);
  uint32_t version = func->func_version;
  if (version == 0) return unspecialize(instr);
  write_u32(instr + 2, version);
  if (is_simple_function(co) && co->co_argcount == nargs)
    return specialize(instr, bound_method ? CALL_BOUND_METHOD_EXACT_ARGS : CALL_PY_EXACT_ARGS);
  specialize(instr, bound_method ? CALL_BOUND_METHOD_GENERAL : CALL_PY_GENERAL);
}

void specialize_c_call(Object* callable, CodeUnit* instr, int nargs) {
  auto* f = static_cast<CFunctionObject*>(callable);
  if (callable->type != &cfunction_type || !f->m_ml->function)
    return specialize(instr, CALL_NON_PY_GENERAL);
  static Object* len_fn = nullptr;
  static Object* isinstance_fn = nullptr;
  if (!len_fn) len_fn = builtin_named("len");
  if (!isinstance_fn) isinstance_fn = builtin_named("isinstance");
  int flags = f->m_ml->flags &
              (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO | kMethKeywords | kMethMethod);
  switch (flags) {
    case kMethO:
      if (nargs != 1) return specialize(instr, CALL_NON_PY_GENERAL);
      if (callable == len_fn) return specialize(instr, CALL_LEN);
      return specialize(instr, CALL_BUILTIN_O);
    case kMethFastcall:
      if (nargs == 2 && callable == isinstance_fn) return specialize(instr, CALL_ISINSTANCE);
      return specialize(instr, CALL_BUILTIN_FAST);
    case kMethFastcall | kMethKeywords:
      return specialize(instr, CALL_BUILTIN_FAST_WITH_KEYWORDS);
    default:
      return specialize(instr, CALL_NON_PY_GENERAL);
  }
}

void specialize_method_descriptor(Object* descr, Object* self_or_null, CodeUnit* instr,
                                  int nargs) {
  auto* d = static_cast<MethodDescrObject*>(descr);
  if (!self_or_null) return specialize(instr, CALL_NON_PY_GENERAL);
  int flags = d->d_method->flags &
              (kMethVarargs | kMethFastcall | kMethNoArgs | kMethO | kMethKeywords | kMethMethod);
  switch (flags) {
    case kMethNoArgs:
      if (nargs != 1) break;
      return specialize(instr, CALL_METHOD_DESCRIPTOR_NOARGS);
    case kMethO: {
      if (nargs != 2) break;
      static Object* list_append = nullptr;
      if (!list_append) list_append = dict_get_item_string(list_type.dict, "append");
      CodeUnit next = instr[1 + opcode_caches[CALL]];
      if (descr == list_append && next.op.code == POP_TOP)
        return specialize(instr, CALL_LIST_APPEND);
      return specialize(instr, CALL_METHOD_DESCRIPTOR_O);
    }
    case kMethFastcall:
      return specialize(instr, CALL_METHOD_DESCRIPTOR_FAST);
    case kMethFastcall | kMethKeywords:
      return specialize(instr, CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS);
    default:
      break;
  }
  specialize(instr, CALL_NON_PY_GENERAL);
}

// specialize_class_call: the builtin classes by their vectorcall, and the classes of
// class statements whose instances come from object.__new__ and whose __init__ is a simple
// Python function (get_init_for_simple_managed_python_class): CALL_ALLOC_AND_ENTER_INIT,
// with the __init__ cached in the class (_PyType_CacheInitForSpecialization).
void specialize_class_call(Object* callable, CodeUnit* instr, int nargs) {
  auto* tp = reinterpret_cast<TypeObject*>(callable);
  if (type_has_feature(tp, kTpflagsImmutabletype)) {
    if (nargs == 1 && instr->op.arg == 1) {
      if (tp == &str_type) return specialize(instr, CALL_STR_1);
      if (tp == &Type_Type) return specialize(instr, CALL_TYPE_1);
      if (tp == &tuple_type) return specialize(instr, CALL_TUPLE_1);
    }
    if (tp->vectorcall) return specialize(instr, CALL_BUILTIN_CLASS);
    return specialize(instr, CALL_NON_PY_GENERAL);
  }
  if (tp->type != &Type_Type) return specialize(instr, CALL_NON_PY_GENERAL);
  if (tp->new_ == BaseObject_Type.new_) {
    // The version is 0 (a failure, not the generic form) when the class is not a plain heap
    // class: CPython's lookup-and-version never runs then.
    if (tp->alloc != type_generic_alloc || !type_has_feature(tp, kTpflagsHeaptype))
      return unspecialize(instr);  // SPEC_FAIL_OVERRIDDEN / SPEC_FAIL_EXPECTED_ERROR
    static Object* init_name = str_intern_from_cstr("__init__");
    Object* init = type_lookup(tp, init_name);
    if (!type_assign_version_tag(tp)) return unspecialize(instr);  // SPEC_FAIL_OUT_OF_VERSIONS
    // (An abstract class is left to the generic call, which refuses to instantiate it.)
    if (init && init->type == &function_type &&
        is_simple_function(static_cast<CodeObject*>(static_cast<FunctionObject*>(init)->func_code)) &&
        (static_cast<CodeObject*>(static_cast<FunctionObject*>(init)->func_code)->co_flags &
         kCoOptimized) &&
        !type_has_feature(tp, kTpflagsIsAbstract)) {
      static_cast<HeapTypeObject*>(tp)->spec_cache_init = init;
      write_u32(instr + 2, tp->version_tag);
      return specialize(instr, CALL_ALLOC_AND_ENTER_INIT);
    }
  }
  specialize(instr, CALL_NON_PY_GENERAL);
}

// specialize_py_call_kw: CALL_KW_PY / CALL_KW_BOUND_METHOD for any Python function (the
// frame binds the keywords, so the parameters' shape does not matter), keyed by its version.
void specialize_py_call_kw(FunctionObject* func, CodeUnit* instr, bool bound_method) {
  auto* co = static_cast<CodeObject*>(func->func_code);
  if (!(co->co_flags & kCoOptimized)) return unspecialize(instr);  // SPEC_FAIL_CODE_NOT_OPTIMIZED
  uint32_t version = func->func_version;
  if (version == 0) return unspecialize(instr);  // SPEC_FAIL_OUT_OF_VERSIONS
  write_u32(instr + 2, version);
  specialize(instr, bound_method ? CALL_KW_BOUND_METHOD : CALL_KW_PY);
}

}  // namespace

// _Py_Specialize_LoadSuperAttr: super() itself (not a shadowing global) over a class.
void specialize_load_super_attr(Object* global_super, Object* cls, CodeUnit* instr,
                                int load_method) {
  if (global_super != &super_type) return unspecialize(instr);  // SPEC_FAIL_SUPER_SHADOWED
  if (!type_check_type(cls)) return unspecialize(instr);         // SPEC_FAIL_SUPER_BAD_CLASS
  specialize(instr, load_method ? LOAD_SUPER_ATTR_METHOD : LOAD_SUPER_ATTR_ATTR);
}

// _Py_Specialize_CallKw.
void specialize_call_kw(Object* callable, CodeUnit* instr, int nargs) {
  (void)nargs;
  if (callable->type == &function_type)
    return specialize_py_call_kw(static_cast<FunctionObject*>(callable), instr, false);
  if (callable->type == &method_type) {
    Object* func = static_cast<MethodObject*>(callable)->im_func;
    if (func->type == &function_type)
      return specialize_py_call_kw(static_cast<FunctionObject*>(func), instr, true);
    return unspecialize(instr);  // SPEC_FAIL_CALL_BOUND_METHOD
  }
  specialize(instr, CALL_KW_NON_PY);
}

void specialize_call(Object* callable, Object* self_or_null, CodeUnit* instr, int nargs) {
  TypeObject* t = callable->type;
  if (t == &cfunction_type || t == &cmethod_type) return specialize_c_call(callable, instr, nargs);
  if (t == &function_type)
    return specialize_py_call(static_cast<FunctionObject*>(callable), instr, nargs, false);
  if (type_check_type(callable)) return specialize_class_call(callable, instr, nargs);
  if (t == &method_descr_type)
    return specialize_method_descriptor(callable, self_or_null, instr, nargs);
  if (t == &method_type) {
    auto* m = static_cast<MethodObject*>(callable);
    if (m->im_func->type == &function_type && !self_or_null)
      return specialize_py_call(static_cast<FunctionObject*>(m->im_func), instr, nargs + 1, true);
  }
  specialize(instr, CALL_NON_PY_GENERAL);
}

}  // namespace cppy::vm
