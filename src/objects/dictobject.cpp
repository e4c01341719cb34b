// dict: Objects/dictobject.c (the compact, ordered dict of CPython 3.6+, as in 3.14).
//
// A DictKeys block holds an index table of 2**log2_size slots (1, 2, 4 or 8 bytes each,
// DKIX_EMPTY = -1, DKIX_DUMMY = -2) followed by the entries in insertion order. Lookups probe
// the index with CPython's recurrence i = 5*i + perturb + 1 (perturb >>= 5). The index sizes,
// USABLE_FRACTION, GROWTH_RATE and dummy handling are CPython's, so sizes and orders agree.
// Two kinds of table, as in CPython: DICT_KEYS_UNICODE (every key an exact str; entries are
// key and value, the hash is the str's cached one) and DICT_KEYS_GENERAL (entries carry the
// hash). A dict starts with a str table when its first key is a str, and an insertion of any
// other key into a str table converts it (insertion_resize to a general table), so the
// kinds, and with them the sizes sys.getsizeof reports, follow CPython's.
#include "objects/dictobject.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <utility>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/descrobject.h"
#include "objects/exceptions.h"
#include "objects/freelist.h"
#include "objects/iterobject.h"
#include "objects/setobject.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/text_api.h"
#include "objects/tupleobject.h"

namespace cppy::objects {

namespace {

constexpr ssize kDkixEmpty = -1;
constexpr ssize kDkixDummy = -2;
constexpr ssize kDkixError = -3;
constexpr int kLog2MinSize = 3;
constexpr int kPerturbShift = 5;

inline ssize usable_fraction(ssize n) { return (n << 1) / 3; }
inline ssize dk_size(const DictKeys* k) { return ssize(1) << k->log2_size; }
inline size_t dk_mask(const DictKeys* k) { return static_cast<size_t>(dk_size(k) - 1); }

inline ssize get_index(const DictKeys* k, size_t i) {
  int log2size = k->log2_size;
  if (log2size < 8) return reinterpret_cast<const int8_t*>(k->indices)[i];
  if (log2size < 16) return reinterpret_cast<const int16_t*>(k->indices)[i];
  if (log2size < 32) return reinterpret_cast<const int32_t*>(k->indices)[i];
  return reinterpret_cast<const int64_t*>(k->indices)[i];
}

inline void set_index(DictKeys* k, size_t i, ssize ix) {
  int log2size = k->log2_size;
  if (log2size < 8) reinterpret_cast<int8_t*>(k->indices)[i] = static_cast<int8_t>(ix);
  else if (log2size < 16) reinterpret_cast<int16_t*>(k->indices)[i] = static_cast<int16_t>(ix);
  else if (log2size < 32) reinterpret_cast<int32_t*>(k->indices)[i] = static_cast<int32_t>(ix);
  else reinterpret_cast<int64_t*>(k->indices)[i] = ix;
}

// calculate_log2_keysize: the smallest table of at least minsize slots (at least 8).
inline uint8_t calculate_log2_keysize(ssize minsize) {
  size_t v = static_cast<size_t>(std::max<ssize>(minsize, 8)) - 1;
  uint8_t bits = 0;
  while (v) {
    ++bits;
    v >>= 1;
  }
  return bits;
}
// estimate_log2_keysize: room for n items without a resize.
inline uint8_t estimate_log2_keysize(ssize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }
inline ssize growth_rate(DictObject* d) { return d->used * 3; }

inline size_t entry_size(bool unicode) {
  return unicode ? sizeof(DictUnicodeEntry) : sizeof(DictKeyEntry);
}
inline hash_t unicode_get_hash(Object* str) { return as_ascii(str)->hash; }

// new_keys_object.
DictKeys* new_keys(uint8_t log2_size, bool unicode) {
  uint8_t log2_bytes;
  if (log2_size < 8) log2_bytes = log2_size;
  else if (log2_size < 16) log2_bytes = log2_size + 1;
  else if (log2_size < 32) log2_bytes = log2_size + 2;
  else log2_bytes = log2_size + 3;
  ssize usable = usable_fraction(ssize(1) << log2_size);
  size_t esize = entry_size(unicode);
  size_t bytes = offsetof(DictKeys, indices) + (size_t(1) << log2_bytes) +
                 esize * static_cast<size_t>(usable);
  DictKeys* k = nullptr;
  // Str tables of the smallest size come from their free list.
  if (log2_size == kLog2MinSize && unicode)
    k = static_cast<DictKeys*>(freelist_pop(freelists.dictkeys));
  if (!k) {
    k = static_cast<DictKeys*>(gc::mem_malloc(bytes));
    if (!k) {
      errors::no_memory();
      return nullptr;
    }
  }
  k->refcnt = 1;
  k->log2_size = log2_size;
  k->log2_index_bytes = log2_bytes;
  k->usable = usable;
  k->nentries = 0;
  k->version = 0;
  k->kind = unicode ? kDictKeysUnicode : kDictKeysGeneral;
  std::memset(k->indices, 0xff, size_t(1) << log2_bytes);
  std::memset(dk_entries(k), 0, esize * static_cast<size_t>(usable));
  return k;
}

// _PyDict_KeysSize: the bytes of a keys object (header, index table, entries).
size_t keys_size(DictKeys* k) {
  return offsetof(DictKeys, indices) + (size_t(1) << k->log2_index_bytes) +
         entry_size(dk_is_unicode(k)) * static_cast<size_t>(usable_fraction(dk_size(k)));
}

// The shared empty table of new dicts (Py_EMPTY_KEYS): no usable entries, so the first
// insertion allocates a real table.
DictKeys* empty_keys() {
  static DictKeys* k = [] {
    DictKeys* e = new_keys(kLog2MinSize, true);  // Py_EMPTY_KEYS is DICT_KEYS_UNICODE
    e->usable = 0;
    return e;
  }();
  return k;
}

void free_keys(DictKeys* k, bool decref_items) {
  if (k == empty_keys()) return;
  if (decref_items) {
    if (dk_is_unicode(k)) {
      DictUnicodeEntry* ep = dk_unicode_entries(k);
      for (ssize i = 0, n = k->nentries; i < n; ++i) {
        xdecref(ep[i].key);
        xdecref(ep[i].value);
      }
    } else {
      DictKeyEntry* ep = dk_entries(k);
      for (ssize i = 0, n = k->nentries; i < n; ++i) {
        xdecref(ep[i].key);
        xdecref(ep[i].value);
      }
    }
  }
  // free_keys_object: a str table of the smallest size goes back to its free list.
  if (k->log2_size == kLog2MinSize && dk_is_unicode(k) &&
      freelist_push(freelists.dictkeys, k, kDictKeysMaxFree))
    return;
  gc::mem_free(k);
}

uint64_t next_dict_version = 1;
inline void bump_version(DictObject* d) { d->version = next_dict_version++; }

// unicodekeys_lookup_unicode: every key of the table and the key looked up are exact str, so
// a comparison cannot call out or mutate the table. Identity first, then hash and contents.
// Ix is the index table's slot type (dictkeys_get_index's width, chosen once per lookup).
template <typename Ix>
inline ssize lookup_str(DictKeys* dk, Object* key, hash_t hash, Object** value_addr) {
  const Ix* indices = reinterpret_cast<const Ix*>(dk->indices);
  DictUnicodeEntry* ep0 = dk_unicode_entries(dk);
  size_t mask = dk_mask(dk);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    ssize ix = indices[i];
    if (ix >= 0) {
      DictUnicodeEntry* ep = &ep0[ix];
      if (ep->key == key || (unicode_get_hash(ep->key) == hash && str_equal(ep->key, key))) {
        *value_addr = ep->value;
        return ix;
      }
    } else if (ix == kDkixEmpty) {
      *value_addr = nullptr;
      return kDkixEmpty;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// insertdict's probe of a str table: lookup_str, and on a miss also the index slot the new
// entry takes (find_empty_slot's answer: the first dummy passed, else the empty slot that
// ended the probe), so an insertion probes once.
template <typename Ix>
inline ssize lookup_str_for_insert(DictKeys* dk, Object* key, hash_t hash, Object** value_addr,
                                   size_t* slot) {
  const Ix* indices = reinterpret_cast<const Ix*>(dk->indices);
  DictUnicodeEntry* ep0 = dk_unicode_entries(dk);
  size_t mask = dk_mask(dk);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  size_t first_dummy = ~size_t(0);
  for (;;) {
    ssize ix = indices[i];
    if (ix >= 0) {
      DictUnicodeEntry* ep = &ep0[ix];
      if (ep->key == key || (unicode_get_hash(ep->key) == hash && str_equal(ep->key, key))) {
        *value_addr = ep->value;
        return ix;
      }
    } else if (ix == kDkixEmpty) {
      *value_addr = nullptr;
      *slot = first_dummy != ~size_t(0) ? first_dummy : i;
      return kDkixEmpty;
    } else if (first_dummy == ~size_t(0)) {
      first_dummy = i;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

// Equality of two exact ints without the rich-comparison machinery (long_richcompare's
// result for ==): same sign and digit count, then the same digits.
inline bool long_exact_equal(Object* a, Object* b) {
  const auto* la = static_cast<const LongObject*>(a);
  const auto* lb = static_cast<const LongObject*>(b);
  uintptr_t tag = la->lv_tag & ~kLongImmortalBit;
  if (tag != (lb->lv_tag & ~kLongImmortalBit)) return false;
  ssize n = static_cast<ssize>(tag >> kLongNonSizeBits);
  for (ssize i = 0; i < n; ++i)
    if (la->ob_digit[i] != lb->ob_digit[i]) return false;
  return true;
}

// dictkeys_generic_lookup (a general table) and unicodekeys_lookup_generic (a str table
// searched with another key): __eq__ may run Python code that changes the dict, in which case
// the lookup starts again on the current table (whose kind and index width may differ).
ssize dict_lookup_generic(DictObject* mp, Object* key, hash_t hash, Object** value_addr);

template <typename Ix, bool Unicode>
ssize lookup_generic(DictObject* mp, Object* key, hash_t hash, Object** value_addr) {
  using Entry = std::conditional_t<Unicode, DictUnicodeEntry, DictKeyEntry>;
  DictKeys* dk = mp->keys;
  const Ix* indices = reinterpret_cast<const Ix*>(dk->indices);
  Entry* ep0 = reinterpret_cast<Entry*>(dk_entries(dk));
  size_t mask = dk_mask(dk);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    ssize ix = indices[i];
    if (ix >= 0) {
      Entry* ep = &ep0[ix];
      if (ep->key == key) {
        *value_addr = ep->value;
        return ix;
      }
      hash_t ep_hash;
      if constexpr (Unicode) ep_hash = unicode_get_hash(ep->key);
      else ep_hash = ep->hash;
      if (ep_hash == hash) {
        Object* startkey = ep->key;
        TypeObject* st = startkey->type;
        // Exact str and int keys compare without calling out: the table cannot change.
        if (st == key->type && (st == &str_type || st == &long_type)) {
          if (st == &str_type ? str_equal(startkey, key) : long_exact_equal(startkey, key)) {
            *value_addr = ep->value;
            return ix;
          }
        } else {
          incref(startkey);
          int cmp = object_rich_compare_bool(startkey, key, kEQ);
          decref(startkey);
          if (cmp < 0) {
            *value_addr = nullptr;
            return kDkixError;
          }
          if (dk == mp->keys && ep->key == startkey) {
            if (cmp > 0) {
              *value_addr = ep->value;
              return ix;
            }
          } else {
            return dict_lookup_generic(mp, key, hash, value_addr);  // the dict was mutated
          }
        }
      }
    } else if (ix == kDkixEmpty) {
      *value_addr = nullptr;
      return kDkixEmpty;
    }
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

template <bool Unicode>
ssize lookup_generic_sized(DictObject* mp, Object* key, hash_t hash, Object** value_addr) {
  int log2size = mp->keys->log2_size;
  if (log2size < 8) return lookup_generic<int8_t, Unicode>(mp, key, hash, value_addr);
  if (log2size < 16) return lookup_generic<int16_t, Unicode>(mp, key, hash, value_addr);
  if (log2size < 32) return lookup_generic<int32_t, Unicode>(mp, key, hash, value_addr);
  return lookup_generic<int64_t, Unicode>(mp, key, hash, value_addr);
}

// The generic half of _Py_dict_lookup, out of line: it needs many registers and calls out,
// and inlined it gave every str lookup its prologue.
[[gnu::noinline]] ssize dict_lookup_generic(DictObject* mp, Object* key, hash_t hash,
                                            Object** value_addr) {
  if (dk_is_unicode(mp->keys)) return lookup_generic_sized<true>(mp, key, hash, value_addr);
  return lookup_generic_sized<false>(mp, key, hash, value_addr);
}

// do_lookup / _Py_dict_lookup: the entry index for key, DKIX_EMPTY, or DKIX_ERROR. A table of
// exact str keys searched with an exact str takes unicodekeys_lookup_unicode's path, inlined
// into the hot callers (name lookups, subscripts, insertion).
[[gnu::always_inline]] inline ssize dict_lookup(DictObject* mp, Object* key, hash_t hash,
                                                Object** value_addr) {
  DictKeys* dk = mp->keys;
  if (dk_is_unicode(dk) && key->type == &str_type) [[likely]] {
    int log2size = dk->log2_size;
    if (log2size < 8) [[likely]] return lookup_str<int8_t>(dk, key, hash, value_addr);
    if (log2size < 16) return lookup_str<int16_t>(dk, key, hash, value_addr);
    if (log2size < 32) return lookup_str<int32_t>(dk, key, hash, value_addr);
    return lookup_str<int64_t>(dk, key, hash, value_addr);
  }
  return dict_lookup_generic(mp, key, hash, value_addr);
}

// find_empty_slot: the first index slot that is empty or a dummy.
size_t find_empty_slot(DictKeys* k, hash_t hash) {
  size_t mask = dk_mask(k);
  size_t i = static_cast<size_t>(hash) & mask;
  ssize ix = get_index(k, i);
  for (size_t perturb = static_cast<size_t>(hash); ix >= 0;) {
    perturb >>= kPerturbShift;
    i = (i * 5 + perturb + 1) & mask;
    ix = get_index(k, i);
  }
  return i;
}

// lookdict_index: the index slot holding entry index.
size_t lookdict_index(DictKeys* k, hash_t hash, ssize index) {
  size_t mask = dk_mask(k);
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    ssize ix = get_index(k, i);
    if (ix == index) return i;
    if (ix == kDkixEmpty) return static_cast<size_t>(-1);
    perturb >>= kPerturbShift;
    i = mask & (i * 5 + perturb + 1);
  }
}

inline hash_t entry_hash(const DictKeyEntry* ep) { return ep->hash; }
inline hash_t entry_hash(const DictUnicodeEntry* ep) { return unicode_get_hash(ep->key); }

template <typename Ix, typename Entry>
void build_indices_sized(DictKeys* keys, Entry* ep, ssize n) {
  Ix* indices = reinterpret_cast<Ix*>(keys->indices);
  size_t mask = dk_mask(keys);
  for (ssize ix = 0; ix != n; ++ix, ++ep) {
    hash_t hash = entry_hash(ep);
    size_t i = static_cast<size_t>(hash) & mask;
    for (size_t perturb = static_cast<size_t>(hash); indices[i] != kDkixEmpty;) {
      perturb >>= kPerturbShift;
      i = mask & (i * 5 + perturb + 1);
    }
    indices[i] = static_cast<Ix>(ix);
  }
}

// build_indices_generic / build_indices_unicode: every entry is new, so no key compares.
template <typename Entry>
void build_indices(DictKeys* keys, Entry* ep, ssize n) {
  int log2size = keys->log2_size;
  if (log2size < 8) build_indices_sized<int8_t>(keys, ep, n);
  else if (log2size < 16) build_indices_sized<int16_t>(keys, ep, n);
  else if (log2size < 32) build_indices_sized<int32_t>(keys, ep, n);
  else build_indices_sized<int64_t>(keys, ep, n);
}

// The live entries of a table, compacted into dst (dictresize's copy loops).
template <typename Entry>
void copy_live_entries(Entry* dst, Entry* src, ssize nentries, ssize numentries) {
  if (nentries == numentries) {
    std::memcpy(dst, src, sizeof(Entry) * static_cast<size_t>(numentries));
    return;
  }
  for (ssize i = 0; i < numentries; ++i) {
    while (src->value == nullptr) ++src;
    *dst++ = *src++;
  }
}

// dictresize: a new table of 2**log2_newsize slots holding the live entries, compacted; a str
// table stays one when unicode (otherwise it becomes general), a general table stays general.
int dictresize(DictObject* mp, uint8_t log2_newsize, bool unicode) {
  if (log2_newsize >= 64) {
    errors::no_memory();
    return -1;
  }
  DictKeys* oldkeys = mp->keys;
  if (!dk_is_unicode(oldkeys)) unicode = false;
  DictKeys* newkeys = new_keys(log2_newsize, unicode);
  if (!newkeys) return -1;
  ssize numentries = mp->used;
  if (!dk_is_unicode(oldkeys)) {
    // general -> general
    DictKeyEntry* newentries = dk_entries(newkeys);
    copy_live_entries(newentries, dk_entries(oldkeys), oldkeys->nentries, numentries);
    build_indices(newkeys, newentries, numentries);
  } else if (unicode) {
    // str -> str
    DictUnicodeEntry* newentries = dk_unicode_entries(newkeys);
    copy_live_entries(newentries, dk_unicode_entries(oldkeys), oldkeys->nentries, numentries);
    build_indices(newkeys, newentries, numentries);
  } else {
    // str -> general: each entry takes its key's hash
    DictKeyEntry* newentries = dk_entries(newkeys);
    DictUnicodeEntry* ep = dk_unicode_entries(oldkeys);
    for (ssize i = 0; i < numentries; ++i) {
      while (ep->value == nullptr) ++ep;
      newentries[i].key = ep->key;
      newentries[i].hash = unicode_get_hash(ep->key);
      newentries[i].value = ep->value;
      ++ep;
    }
    build_indices(newkeys, newentries, numentries);
  }
  newkeys->usable -= numentries;
  newkeys->nentries = numentries;
  mp->keys = newkeys;
  free_keys(oldkeys, false);
  return 0;
}

int insertion_resize(DictObject* mp, bool unicode) {
  return dictresize(mp, calculate_log2_keysize(growth_rate(mp)), unicode);
}

// Stores a new entry at index slot hashpos of k (insert_combined_dict's store).
inline void store_new_entry(DictKeys* k, size_t hashpos, Object* key, hash_t hash,
                            Object* value) {
  set_index(k, hashpos, k->nentries);
  if (dk_is_unicode(k)) {
    // The table reads the hash from the str from now on: a caller that passed a known hash
    // may not have cached it there.
    if (unicode_get_hash(key) == -1) [[unlikely]] str_hash(key);
    DictUnicodeEntry* ep = &dk_unicode_entries(k)[k->nentries];
    ep->key = key;
    ep->value = value;
  } else {
    DictKeyEntry* ep = &dk_entries(k)[k->nentries];
    ep->key = key;
    ep->hash = hash;
    ep->value = value;
  }
  k->usable--;
  k->nentries++;
}

// The value slot of entry ix of k, whichever its kind.
inline Object** entry_value_slot(DictKeys* k, ssize ix) {
  return dk_is_unicode(k) ? &dk_unicode_entries(k)[ix].value : &dk_entries(k)[ix].value;
}

// insert_combined_dict: adds a key known to be absent (steals key and value). hashpos is
// the free index slot when the caller's probe found it, else ~0. A key other than an exact
// str converts a str table first.
int insert_combined_dict(DictObject* mp, Object* key, hash_t hash, Object* value,
                         size_t hashpos = ~size_t(0)) {
  if (dk_is_unicode(mp->keys) && key->type != &str_type) {
    if (insertion_resize(mp, false) < 0) {
      decref(key);
      decref(value);
      return -1;
    }
    hashpos = ~size_t(0);
  }
  if (mp->keys->usable <= 0) {
    if (insertion_resize(mp, true) < 0) {
      decref(key);
      decref(value);
      return -1;
    }
    hashpos = ~size_t(0);
  }
  DictKeys* k = mp->keys;
  k->version = 0;  // the keys change: specialised lookups of this table miss
  if (hashpos == ~size_t(0)) hashpos = find_empty_slot(k, hash);
  store_new_entry(k, hashpos, key, hash, value);
  mp->used++;
  bump_version(mp);
  return 0;
}

// insertdict: steals key and value.
int insertdict(DictObject* mp, Object* key, hash_t hash, Object* value) {
  Object* old_value;
  ssize ix;
  size_t hashpos = ~size_t(0);  // the free index slot when the str probe found it
  DictKeys* dk = mp->keys;
  if (dk_is_unicode(dk) && key->type == &str_type) [[likely]] {
    int log2size = dk->log2_size;
    if (log2size < 8) ix = lookup_str_for_insert<int8_t>(dk, key, hash, &old_value, &hashpos);
    else if (log2size < 16) ix = lookup_str_for_insert<int16_t>(dk, key, hash, &old_value, &hashpos);
    else if (log2size < 32) ix = lookup_str_for_insert<int32_t>(dk, key, hash, &old_value, &hashpos);
    else ix = lookup_str_for_insert<int64_t>(dk, key, hash, &old_value, &hashpos);
  } else {
    ix = dict_lookup_generic(mp, key, hash, &old_value);
  }
  if (ix == kDkixError) {
    decref(key);
    decref(value);
    return -1;
  }
  if (ix == kDkixEmpty) return insert_combined_dict(mp, key, hash, value, hashpos);
  if (old_value != value) {
    *entry_value_slot(mp->keys, ix) = value;
    bump_version(mp);
    decref(old_value);
  } else {
    decref(value);
  }
  decref(key);
  return 0;
}

void delitem_common(DictObject* mp, hash_t hash, ssize ix, Object* old_value) {
  DictKeys* k = mp->keys;
  k->version = 0;
  size_t hashpos = lookdict_index(k, hash, ix);
  set_index(k, hashpos, kDkixDummy);
  Object* old_key;
  if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = &dk_unicode_entries(k)[ix];
    old_key = ep->key;
    ep->key = nullptr;
    ep->value = nullptr;
  } else {
    DictKeyEntry* ep = &dk_entries(k)[ix];
    old_key = ep->key;
    ep->key = nullptr;
    ep->value = nullptr;
    ep->hash = 0;
  }
  mp->used--;
  bump_version(mp);
  decref(old_key);
  decref(old_value);
}

inline hash_t hash_of(Object* key) {
  if (key->type == &str_type) {
    hash_t h = as_ascii(key)->hash;  // unicode_get_hash: the cached hash
    return h != -1 ? h : str_hash(key);
  }
  if (key->type == &long_type && long_is_compact(key)) {
    hash_t h = long_compact_value(key);  // long_hash of a compact int
    return h == -1 ? -2 : h;
  }
  hash_t h = object_hash(key);
  if (h == -1) raise_unhashable_as(key, "dict key");  // dict_unhashable_type
  return h;
}

DictObject* new_dict_with_keys(DictKeys* keys) {
  auto* d = static_cast<DictObject*>(freelist_pop(freelists.dicts));
  if (d) {
    freelist_reuse_gc(d);
  } else {
    d = static_cast<DictObject*>(gc::gc_malloc(sizeof(DictObject)));
    if (!d) {
      free_keys(keys, true);
      return nullptr;
    }
  }
  d->refcnt = 1;
  d->type = &dict_type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  d->used = 0;
  d->keys = keys;
  d->values = nullptr;
  bump_version(d);
  gc::track(d);
  return d;
}

// clone_combined_dict_keys: a copy of orig's table, dummies and all, owning new references
// to the live keys and values.
DictKeys* clone_combined_dict_keys(DictObject* orig) {
  DictKeys* src = orig->keys;
  size_t bytes = keys_size(src);
  auto* k = static_cast<DictKeys*>(gc::mem_malloc(bytes));
  if (!k) {
    errors::no_memory();
    return nullptr;
  }
  std::memcpy(k, src, bytes);
  k->version = 0;  // a version names one table
  if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    for (ssize i = 0; i < k->nentries; ++i) {
      if (ep[i].value) {
        incref(ep[i].key);
        incref(ep[i].value);
      }
    }
  } else {
    DictKeyEntry* ep = dk_entries(k);
    for (ssize i = 0; i < k->nentries; ++i) {
      if (ep[i].value) {
        incref(ep[i].key);
        incref(ep[i].value);
      }
    }
  }
  return k;
}

}  // namespace

// --- public API --------------------------------------------------------------------------------

Object* dict_new() { return new_dict_with_keys(empty_keys()); }

Object* dict_new_presized(ssize minused, bool unicode) {
  constexpr uint8_t kLog2MaxPresize = 17;
  if (minused <= usable_fraction(ssize(1) << kLog2MinSize)) return dict_new();
  uint8_t log2 = minused > usable_fraction(ssize(1) << kLog2MaxPresize)
                     ? kLog2MaxPresize
                     : estimate_log2_keysize(minused);
  DictKeys* k = new_keys(log2, unicode);
  if (!k) return nullptr;
  return new_dict_with_keys(k);
}

Object* dict_from_items(Object* const* keys, ssize keys_stride, Object* const* values,
                        ssize values_stride, ssize n) {
  bool unicode = true;
  for (ssize i = 0; i < n; ++i) {
    if (keys[i * keys_stride]->type != &str_type) {
      unicode = false;
      break;
    }
  }
  Object* d = dict_new_presized(n, unicode);
  if (!d) return nullptr;
  for (ssize i = 0; i < n; ++i) {
    if (dict_set_item(d, keys[i * keys_stride], values[i * values_stride]) < 0) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

Object* dict_get_item_known_hash(Object* op, Object* key, hash_t hash) {
  Object* value;
  ssize ix = dict_lookup(static_cast<DictObject*>(op), key, hash, &value);
  if (ix < 0) return nullptr;
  return value;
}

Object* dict_get_item_with_error(Object* op, Object* key) {
  if (!dict_check(op)) {
    errors::bad_internal_call();
    return nullptr;
  }
  hash_t hash = hash_of(key);
  if (hash == -1) return nullptr;
  return dict_get_item_known_hash(op, key, hash);
}

Object* dict_get_item(Object* op, Object* key) {
  if (!dict_check(op)) return nullptr;
  // Errors are swallowed, but an exception already set must survive the lookup.
  Object* saved = errors::get_raised_exception();
  hash_t hash = hash_of(key);
  Object* value = nullptr;
  if (hash != -1) {
    ssize ix = dict_lookup(static_cast<DictObject*>(op), key, hash, &value);
    if (ix < 0) value = nullptr;
  }
  errors::set_raised_exception(saved);
  return value;
}

int dict_get_item_ref(Object* op, Object* key, Object** result) {
  hash_t hash = hash_of(key);
  if (hash == -1) {
    *result = nullptr;
    return -1;
  }
  Object* value;
  ssize ix = dict_lookup(static_cast<DictObject*>(op), key, hash, &value);
  if (ix == kDkixError) {
    *result = nullptr;
    return -1;
  }
  if (ix == kDkixEmpty || !value) {
    *result = nullptr;
    return 0;
  }
  *result = new_ref(value);
  return 1;
}

Object* dict_get_item_string(Object* d, const char* key) {
  Ref<> k = Ref<>::steal(str_from_cstr(key));
  if (!k) {
    errors::clear();
    return nullptr;
  }
  return dict_get_item(d, k.get());
}

int dict_set_item_known_hash(Object* op, Object* key, Object* value, hash_t hash) {
  return insertdict(static_cast<DictObject*>(op), new_ref(key), hash, new_ref(value));
}

int dict_set_item(Object* op, Object* key, Object* value) {
  if (!dict_check(op)) {
    errors::bad_internal_call();
    return -1;
  }
  hash_t hash = hash_of(key);
  if (hash == -1) return -1;
  return insertdict(static_cast<DictObject*>(op), new_ref(key), hash, new_ref(value));
}

int dict_set_item_string(Object* d, const char* key, Object* value) {
  Ref<> k = Ref<>::steal(str_intern_from_cstr(key));
  if (!k) return -1;
  return dict_set_item(d, k.get(), value);
}

int dict_del_item(Object* op, Object* key) {
  hash_t hash = hash_of(key);
  if (hash == -1) return -1;
  auto* mp = static_cast<DictObject*>(op);
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty || !old_value) {
    set_key_error(key);
    return -1;
  }
  delitem_common(mp, hash, ix, old_value);
  return 0;
}

int dict_del_item_string(Object* d, const char* key) {
  Ref<> k = Ref<>::steal(str_from_cstr(key));
  if (!k) return -1;
  return dict_del_item(d, k.get());
}

int dict_pop(Object* op, Object* key, Object** result) {
  auto* mp = static_cast<DictObject*>(op);
  if (result) *result = nullptr;
  if (mp->used == 0) return 0;
  hash_t hash = hash_of(key);
  if (hash == -1) return -1;
  return dict_pop_known_hash(op, key, hash, result);
}

int dict_pop_known_hash(Object* op, Object* key, hash_t hash, Object** result) {
  auto* mp = static_cast<DictObject*>(op);
  if (result) *result = nullptr;
  if (mp->used == 0) return 0;
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty || !old_value) return 0;
  incref(old_value);
  delitem_common(mp, hash, ix, old_value);
  if (result) *result = old_value;
  else decref(old_value);
  return 1;
}

int dict_contains(Object* op, Object* key) {
  hash_t hash = hash_of(key);
  if (hash == -1) return -1;
  Object* value;
  ssize ix = dict_lookup(static_cast<DictObject*>(op), key, hash, &value);
  if (ix == kDkixError) return -1;
  return ix != kDkixEmpty && value != nullptr;
}

int dict_set_default_ref(Object* d, Object* key, Object* default_value, Object** result) {
  auto* mp = static_cast<DictObject*>(d);
  hash_t hash = hash_of(key);
  if (hash == -1) {
    if (result) *result = nullptr;
    return -1;
  }
  Object* value;
  ssize ix = dict_lookup(mp, key, hash, &value);
  if (ix == kDkixError) {
    if (result) *result = nullptr;
    return -1;
  }
  if (ix >= 0 && value) {
    if (result) *result = new_ref(value);
    return 1;
  }
  // The lookup above found the key absent: insert without probing (and comparing) again,
  // as dict_setdefault_ref_lock_held does.
  int rc = ix == kDkixEmpty ? insert_combined_dict(mp, new_ref(key), hash, new_ref(default_value))
                            : insertdict(mp, new_ref(key), hash, new_ref(default_value));
  if (rc < 0) {
    if (result) *result = nullptr;
    return -1;
  }
  if (result) *result = new_ref(default_value);
  return 0;
}

void dict_clear(Object* op) {
  if (!dict_check(op)) return;
  auto* mp = static_cast<DictObject*>(op);
  DictKeys* oldkeys = mp->keys;
  if (oldkeys == empty_keys()) return;
  mp->keys = empty_keys();
  mp->used = 0;
  bump_version(mp);
  free_keys(oldkeys, true);
}

bool dict_next(Object* op, ssize* ppos, Object** pkey, Object** pvalue, hash_t* phash) {
  auto* mp = static_cast<DictObject*>(op);
  ssize i = *ppos;
  DictKeys* k = mp->keys;
  ssize n = k->nentries;
  if (i < 0) return false;
  if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    while (i < n && ep[i].value == nullptr) ++i;
    if (i >= n) return false;
    *ppos = i + 1;
    if (pkey) *pkey = ep[i].key;
    if (pvalue) *pvalue = ep[i].value;
    if (phash) *phash = unicode_get_hash(ep[i].key);
    return true;
  }
  DictKeyEntry* ep = dk_entries(k);
  while (i < n && ep[i].value == nullptr) ++i;
  if (i >= n) return false;
  *ppos = i + 1;
  if (pkey) *pkey = ep[i].key;
  if (pvalue) *pvalue = ep[i].value;
  if (phash) *phash = ep[i].hash;
  return true;
}

namespace {
enum class Part { kKeys, kValues, kItems };
Object* dict_list(Object* op, Part part) {
  auto* mp = static_cast<DictObject*>(op);
again:
  ssize n = mp->used;
  Object* v = list_new(n);
  if (!v) return nullptr;
  if (n != mp->used) {
    // Allocating the list ran a collection that changed the dict.
    decref(v);
    goto again;
  }
  ssize pos = 0, j = 0;
  Object *key, *value;
  while (dict_next(op, &pos, &key, &value)) {
    Object* item;
    if (part == Part::kKeys) item = new_ref(key);
    else if (part == Part::kValues) item = new_ref(value);
    else item = tuple_pack(2, key, value);
    if (!item) {
      decref(v);
      return nullptr;
    }
    list_set_item_steal(v, j++, item);
  }
  return v;
}
}  // namespace

Object* dict_keys(Object* d) { return dict_list(d, Part::kKeys); }
Object* dict_values(Object* d) { return dict_list(d, Part::kValues); }
Object* dict_items(Object* d) { return dict_list(d, Part::kItems); }

// dict_merge: other may be any mapping with keys(); override 0 keeps existing keys,
// 2 raises KeyError on a duplicate.
int dict_merge(Object* a, Object* b, int override) {
  if (!dict_check(a)) {
    errors::bad_internal_call();
    return -1;
  }
  auto* mp = static_cast<DictObject*>(a);
  if (dict_check(b) && b->type->iter == dict_type.iter) {
    // dict_dict_merge.
    auto* other = static_cast<DictObject*>(b);
    if (other == mp || other->used == 0) return 0;
    if (mp->used == 0) {
      // The target is empty, so nothing it holds can be overridden.
      override = 1;
      DictKeys* okeys = other->keys;
      // A clean, combined, just allocated other is cloned as is.
      if (other->used == okeys->nentries &&
          (okeys->log2_size == kLog2MinSize ||
           usable_fraction(dk_size(okeys) / 2) < other->used)) {
        DictKeys* keys = clone_combined_dict_keys(other);
        if (!keys) return -1;
        DictKeys* old = mp->keys;
        mp->keys = keys;
        mp->used = other->used;
        bump_version(mp);
        free_keys(old, true);
        if (gc::is_tracked(other) && !gc::is_tracked(mp)) gc::track(mp);
        return 0;
      }
    }
    // Make room in one step rather than growing the table insertion by insertion.
    if (usable_fraction(dk_size(mp->keys)) < other->used) {
      if (dictresize(mp, estimate_log2_keysize(mp->used + other->used),
                     dk_is_unicode(other->keys)) < 0)
        return -1;
    }
    ssize orig_size = other->used;
    ssize pos = 0;
    Object *key, *value;
    hash_t hash;
    while (dict_next(other, &pos, &key, &value, &hash)) {
      incref(key);
      incref(value);
      int err = 0;
      if (override == 1) {
        err = insertdict(mp, new_ref(key), hash, new_ref(value));
      } else {
        Object* existing;
        ssize ix = dict_lookup(mp, key, hash, &existing);
        if (ix == kDkixError) err = -1;
        else if (ix == kDkixEmpty || !existing) err = insertdict(mp, new_ref(key), hash, new_ref(value));
        else if (override != 0) {
          set_key_error(key);
          err = -1;
        }
      }
      decref(value);
      decref(key);
      if (err) return -1;
      if (orig_size != other->used) {
        errors::set_string(exc_RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  // A generic mapping: for key in b.keys(): a[key] = b[key].
  Ref<> keys = Ref<>::steal(mapping_keys(b));
  if (!keys) return -1;
  Ref<> iter = Ref<>::steal(object_get_iter(keys.get()));
  if (!iter) return -1;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(iter.get()));
    if (!key) break;
    if (override != 1) {
      int status = dict_contains(a, key.get());
      if (status != 0) {
        if (status > 0) {
          if (override == 0) continue;
          set_key_error(key.get());
        }
        return -1;
      }
    }
    Ref<> value = Ref<>::steal(object_get_item(b, key.get()));
    if (!value) return -1;
    if (dict_set_item(a, key.get(), value.get()) < 0) return -1;
  }
  return errors::occurred() ? -1 : 0;
}

int dict_update(Object* a, Object* b) { return dict_merge(a, b, 1); }

// PyDict_MergeFromSeq2.
int dict_merge_from_seq2(Object* d, Object* seq2, int override) {
  Ref<> it = Ref<>::steal(object_get_iter(seq2));
  if (!it) return -1;
  for (ssize i = 0;; ++i) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) return errors::occurred() ? -1 : 0;
    // 3.14 reports the item's failure as is ("object is not iterable").
    Ref<> fast = Ref<>::steal(sequence_fast(item.get(), "object is not iterable"));
    if (!fast) return -1;
    ssize n = list_check(fast.get()) ? list_size(fast.get()) : tuple_size(fast.get());
    if (n != 2) {
      errors::format(exc_ValueError,
                     "dictionary update sequence element #%zd has length %zd; 2 is required",
                     i, n);
      return -1;
    }
    Object** items = list_check(fast.get()) ? list_items(fast.get()) : tuple_items(fast.get());
    Ref<> key = Ref<>::borrow(items[0]);
    Ref<> value = Ref<>::borrow(items[1]);
    if (override) {
      if (dict_set_item(d, key.get(), value.get()) < 0) return -1;
    } else if (dict_set_default_ref(d, key.get(), value.get(), nullptr) < 0) {
      return -1;
    }
  }
}

Object* dict_copy(Object* o) {
  if (!dict_check(o)) {
    errors::bad_internal_call();
    return nullptr;
  }
  auto* mp = static_cast<DictObject*>(o);
  if (mp->used == 0) return dict_new();
  // A compact table is cloned as is (clone_combined_dict_keys), dummies and all.
  if (o->type->iter == dict_type.iter && mp->used >= (mp->keys->nentries * 2) / 3) {
    DictKeys* k = clone_combined_dict_keys(mp);
    if (!k) return nullptr;
    DictObject* copy = new_dict_with_keys(k);
    if (!copy) return nullptr;
    copy->used = mp->used;
    return copy;
  }
  Ref<> copy = Ref<>::steal(dict_new());
  if (!copy || dict_merge(copy.get(), o, 1) < 0) return nullptr;
  return copy.release();
}

void dict_value_replaced(Object* d) { bump_version(static_cast<DictObject*>(d)); }

// _PyDictKeys_GetVersionForCurrentState: a version naming the current keys of d (assigned
// on first request from a global counter; 0 once the counter is exhausted).
namespace {
uint32_t next_keys_version = 1;
}
uint32_t dict_keys_version_for_current_state(Object* d) {
  DictKeys* k = static_cast<DictObject*>(d)->keys;
  if (k->version == 0 && k != empty_keys() && next_keys_version != 0)
    k->version = next_keys_version++;
  return k->version;
}

// _PyDictKeys_StringLookup: the entry index of a str key in a table of str keys only, or
// -1 (missing, or a table with other keys, where equality could call out).
ssize dict_keys_str_lookup(Object* d, Object* key) {
  auto* mp = static_cast<DictObject*>(d);
  if (!dk_is_unicode(mp->keys) || key->type != &str_type) return -1;
  Object* value;
  ssize ix = dict_lookup(mp, key, key->type->hash(key), &value);
  return ix >= 0 ? ix : -1;
}

ssize dict_keys_size(Object* d) { return dk_size(static_cast<DictObject*>(d)->keys); }

// Bulk insertion (pickle's SETITEMS into a dict EMPTY_DICT just made). Insertion resizes a
// full table to calculate_log2_keysize(used*3), and a full table of 2**k slots holds
// USABLE_FRACTION = 2**(k+1)/3 rounded down, so each resize doubles the table: n insertions
// of distinct keys end on the smallest table of at least 8 slots whose USABLE_FRACTION holds
// n (growth_log2). Taking that table at once skips the intermediate ones;
// dict_end_bulk_insert gives back the table growth would have reached when fewer keys were
// new (duplicates, or an error part-way), so sizes (sys.getsizeof) stay CPython's.
namespace {
uint8_t growth_log2(ssize n) {
  uint8_t log2 = kLog2MinSize;
  while (usable_fraction(ssize(1) << log2) < n) ++log2;
  return log2;
}
}  // namespace

bool dict_begin_bulk_insert(Object* d, ssize n, bool unicode) {
  auto* mp = static_cast<DictObject*>(d);
  if (mp->type != &dict_type || mp->used != 0 || mp->values || mp->keys != empty_keys() ||
      n <= usable_fraction(ssize(1) << kLog2MinSize))
    return false;
  DictKeys* k = new_keys(growth_log2(n), unicode);
  if (!k) {
    errors::clear();  // the insertions grow the table as usual
    return false;
  }
  mp->keys = k;  // the shared empty table is not freed
  return true;
}

void dict_end_bulk_insert(Object* d) {
  auto* mp = static_cast<DictObject*>(d);
  if (mp->values || mp->keys == empty_keys()) return;
  uint8_t log2 = growth_log2(mp->used);
  if (log2 >= mp->keys->log2_size) return;
  if (mp->used == 0) {
    // Nothing went in (the first insertion failed): back to the shared empty table.
    DictKeys* old = mp->keys;
    mp->keys = empty_keys();
    free_keys(old, false);
    return;
  }
  Object* exc = errors::get_raised_exception();
  if (dictresize(mp, log2, true) < 0) errors::clear();  // keeps the larger table
  errors::set_raised_exception(exc);
}

// _PyDict_SizeOf: the object and, unless it is the shared empty one, its keys object with
// CPython's entry sizes (16 bytes for a str table's PyDictUnicodeEntry, 24 otherwise).
ssize dict_sizeof(Object* d) {
  auto* mp = static_cast<DictObject*>(d);
  ssize res = static_cast<ssize>(sizeof(DictObject));
  if (mp->keys != empty_keys()) {
    DictKeys* k = mp->keys;
    ssize esize = dk_is_unicode(k) ? ssize(2 * sizeof(Object*)) : ssize(sizeof(DictKeyEntry));
    res += static_cast<ssize>(offsetof(DictKeys, indices)) + (ssize(1) << k->log2_index_bytes) +
           esize * usable_fraction(dk_size(k));
  }
  return res;
}

// --- the dict type ------------------------------------------------------------------------------

namespace {

void dict_dealloc(Object* o) {
  auto* mp = static_cast<DictObject*>(o);
  gc::untrack(o);
  DictKeys* k = mp->keys;
  mp->keys = empty_keys();
  free_keys(k, true);
  if (o->type == &dict_type && freelist_push(freelists.dicts, o, kDictsMaxFree)) return;
  o->type->free(o);
}

int dict_traverse(Object* o, visitproc visit, void* arg) {
  auto* mp = static_cast<DictObject*>(o);
  DictKeys* k = mp->keys;
  if (dk_is_unicode(k)) {
    // The keys of a str table are str, which the collector does not track.
    DictUnicodeEntry* ep = dk_unicode_entries(k);
    for (ssize i = 0; i < k->nentries; ++i)
      if (ep[i].value)
        if (int r = visit(ep[i].value, arg)) return r;
    return 0;
  }
  DictKeyEntry* ep = dk_entries(k);
  for (ssize i = 0; i < k->nentries; ++i) {
    if (ep[i].value) {
      if (int r = visit(ep[i].value, arg)) return r;
      if (int r = visit(ep[i].key, arg)) return r;
    }
  }
  return 0;
}

int dict_tp_clear(Object* o) {
  dict_clear(o);
  return 0;
}

Object* dict_repr(Object* o) {
  auto* mp = static_cast<DictObject*>(o);
  int rc = object_print_repr_enter(o);
  if (rc != 0) return rc > 0 ? str_from_cstr("{...}") : nullptr;
  if (mp->used == 0) {
    object_print_repr_leave(o);
    return str_from_cstr("{}");
  }
  std::string out = "{";
  ssize pos = 0;
  Object *key, *value;
  bool first = true;
  while (dict_next(o, &pos, &key, &value)) {
    Ref<> k = Ref<>::borrow(key);
    Ref<> v = Ref<>::borrow(value);
    if (!first) out += ", ";
    first = false;
    Ref<> kr = Ref<>::steal(object_repr(k.get()));
    if (!kr) {
      object_print_repr_leave(o);
      return nullptr;
    }
    out += str_as_utf8(kr.get());
    out += ": ";
    Ref<> vr = Ref<>::steal(object_repr(v.get()));
    if (!vr) {
      object_print_repr_leave(o);
      return nullptr;
    }
    ssize n = 0;
    const char* s = str_as_utf8(vr.get(), &n);
    out.append(s, n);
  }
  out += "}";
  object_print_repr_leave(o);
  return str_from_utf8(out.data(), ssize(out.size()));
}

ssize dict_length(Object* o) { return static_cast<DictObject*>(o)->used; }

Object* dict_subscript(Object* o, Object* key) {
  hash_t hash = hash_of(key);
  if (hash == -1) return nullptr;
  Object* value;
  ssize ix = dict_lookup(static_cast<DictObject*>(o), key, hash, &value);
  if (ix == kDkixError) return nullptr;
  if (ix == kDkixEmpty || !value) {
    if (!dict_check_exact(o)) {
      // dict subclasses may define __missing__.
      static Object* missing = str_intern_from_cstr("__missing__");
      Ref<> m = Ref<>::steal(lookup_special(o, missing));
      if (m) return object_call_one_arg(m.get(), key);
      if (errors::occurred()) return nullptr;
    }
    set_key_error(key);
    return nullptr;
  }
  return new_ref(value);
}

int dict_ass_sub(Object* o, Object* key, Object* value) {
  if (value == nullptr) return dict_del_item(o, key);
  return dict_set_item(o, key, value);
}

int dict_sq_contains(Object* o, Object* key) { return dict_contains(o, key); }

// dict_equal: same length, and every key of a maps to an equal value in b.
int dict_equal(DictObject* a, DictObject* b) {
  if (a->used != b->used) return 0;
  DictKeys* k = a->keys;
  for (ssize i = 0; i < k->nentries; ++i) {
    Object *key, *aval;
    hash_t hash;
    if (dk_is_unicode(k)) {
      DictUnicodeEntry* ep = &dk_unicode_entries(k)[i];
      key = ep->key;
      if (!key) continue;
      aval = ep->value;
      hash = unicode_get_hash(key);
    } else {
      DictKeyEntry* ep = &dk_entries(k)[i];
      key = ep->key;
      aval = ep->value;
      hash = ep->hash;
    }
    if (!aval) continue;
    incref(aval);
    incref(key);
    Object* bval;
    ssize ix = dict_lookup(b, key, hash, &bval);
    if (ix == kDkixError) {
      decref(key);
      decref(aval);
      return -1;
    }
    if (ix == kDkixEmpty || !bval) {
      decref(key);
      decref(aval);
      return 0;
    }
    incref(bval);
    int cmp = object_rich_compare_bool(aval, bval, kEQ);
    decref(key);
    decref(aval);
    decref(bval);
    if (cmp <= 0) return cmp;
    if (k != a->keys) {
      // The comparison mutated a; restart is what CPython effectively does via lookup.
      k = a->keys;
    }
  }
  return 1;
}

Object* dict_richcompare(Object* v, Object* w, int op) {
  if (!dict_check(v) || !dict_check(w) || (op != kEQ && op != kNE))
    return return_not_implemented();
  int cmp = dict_equal(static_cast<DictObject*>(v), static_cast<DictObject*>(w));
  if (cmp < 0) return nullptr;
  return bool_from_long((cmp == (op == kEQ)) ? 1 : 0);
}

// dict_update_arg / dict_update_common: dict(mapping_or_pairs, **kwargs).
int dict_update_arg(Object* self, Object* arg) {
  if (dict_check_exact(arg)) return dict_merge(self, arg, 1);
  Object* func;
  static Object* keys_name = str_intern_from_cstr("keys");
  int r = object_get_optional_attr(arg, keys_name, &func);
  if (r < 0) return -1;
  if (r > 0) {
    decref(func);
    return dict_merge(self, arg, 1);
  }
  return dict_merge_from_seq2(self, arg, 1);
}

int dict_update_common(Object* self, Object* args, Object* kwds, const char* methname) {
  ssize n = args ? tuple_size(args) : 0;
  if (n > 1) {
    errors::format(exc_TypeError, "%s expected at most 1 argument, got %zd", methname, n);
    return -1;
  }
  if (n == 1 && dict_update_arg(self, tuple_item(args, 0)) < 0) return -1;
  if (kwds && dict_size(kwds)) {
    // PyArg_ValidateKeywordArguments: dict(**{1: 2}) and d.update(**{1: 2}) reach here with
    // the caller's mapping as it is.
    auto* kd = static_cast<DictObject*>(kwds);
    if (!dk_is_unicode(kd->keys)) {
      ssize pos = 0;
      Object *key, *value;
      while (dict_next(kwds, &pos, &key, &value))
        if (!str_check(key)) {
          errors::set_string(exc_TypeError, "keywords must be strings");
          return -1;
        }
    }
    return dict_merge(self, kwds, 1);
  }
  return 0;
}

int dict_init(Object* self, Object* args, Object* kwds) {
  return dict_update_common(self, args, kwds, "dict");
}

Object* dict_tp_new(TypeObject* type, Object*, Object*) {
  if (type == &dict_type) return dict_new();
  Object* self = type->alloc(type, 0);
  if (!self) return nullptr;
  auto* d = static_cast<DictObject*>(self);
  d->keys = empty_keys();
  d->values = nullptr;
  d->used = 0;
  bump_version(d);
  return self;
}

Object* dict_iter(Object* o);

// Methods.
Object* dict_m_keys(Object* self, Object*);
Object* dict_m_values(Object* self, Object*);
Object* dict_m_items(Object* self, Object*);

Object* dict_m_get(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    return errors::format(exc_TypeError, nargs < 1 ? "get expected at least 1 argument, got %zd"
                                                   : "get expected at most 2 arguments, got %zd",
                          nargs);
  }
  Object* value;
  int rc = dict_get_item_ref(self, args[0], &value);
  if (rc < 0) return nullptr;
  if (rc == 0) return new_ref(nargs > 1 ? args[1] : none());
  return value;
}

Object* dict_m_setdefault(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    return errors::format(exc_TypeError,
                          nargs < 1 ? "setdefault expected at least 1 argument, got %zd"
                                    : "setdefault expected at most 2 arguments, got %zd",
                          nargs);
  }
  Object* result;
  if (dict_set_default_ref(self, args[0], nargs > 1 ? args[1] : none(), &result) < 0)
    return nullptr;
  return result;
}

Object* dict_m_pop(Object* self, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    return errors::format(exc_TypeError, nargs < 1 ? "pop expected at least 1 argument, got %zd"
                                                   : "pop expected at most 2 arguments, got %zd",
                          nargs);
  }
  Object* result;
  int rc = dict_pop(self, args[0], &result);
  if (rc < 0) return nullptr;
  if (rc == 0) {
    if (nargs > 1) return new_ref(args[1]);
    set_key_error(args[0]);
    return nullptr;
  }
  return result;
}

// dict.popitem: the last entry; its slot is reused by the next insertion.
Object* dict_m_popitem(Object* self, Object*) {
  auto* mp = static_cast<DictObject*>(self);
  if (mp->used == 0) {
    errors::set_string(exc_KeyError, "popitem(): dictionary is empty");
    return nullptr;
  }
  Object* res = tuple_new(2);
  if (!res) return nullptr;
  DictKeys* k = mp->keys;
  k->version = 0;
  ssize i = k->nentries - 1;
  Object *key, *value;
  hash_t hash;
  if (dk_is_unicode(k)) {
    DictUnicodeEntry* ep0 = dk_unicode_entries(k);
    while (i >= 0 && ep0[i].value == nullptr) --i;
    key = ep0[i].key;
    value = ep0[i].value;
    hash = unicode_get_hash(key);
    ep0[i].key = nullptr;
    ep0[i].value = nullptr;
  } else {
    DictKeyEntry* ep0 = dk_entries(k);
    while (i >= 0 && ep0[i].value == nullptr) --i;
    key = ep0[i].key;
    value = ep0[i].value;
    hash = ep0[i].hash;
    ep0[i].key = nullptr;
    ep0[i].value = nullptr;
    ep0[i].hash = -1;
  }
  size_t j = lookdict_index(k, hash, i);
  set_index(k, j, kDkixDummy);
  tuple_set_item(res, 0, key);
  tuple_set_item(res, 1, value);
  k->nentries = i;
  mp->used--;
  bump_version(mp);
  return res;
}

Object* dict_m_update(Object* self, Object* args, Object* kwds) {
  if (dict_update_common(self, args, kwds, "update") < 0) return nullptr;
  return return_none();
}

Object* dict_m_clear(Object* self, Object*) {
  dict_clear(self);
  return return_none();
}

Object* dict_m_copy(Object* self, Object*) { return dict_copy(self); }

Object* dict_m_contains(Object* self, Object* key) {
  int rc = dict_contains(self, key);
  if (rc < 0) return nullptr;
  return bool_from_long(rc);
}

Object* dict_m_getitem(Object* self, Object* key) { return dict_subscript(self, key); }

Object* dict_m_sizeof(Object* self, Object*) { return long_from_ssize(dict_sizeof(self)); }

// dict.fromkeys(iterable, value=None), a classmethod.
Object* dict_m_fromkeys(Object* type, Object* const* args, ssize nargs) {
  if (nargs < 1 || nargs > 2) {
    return errors::format(exc_TypeError,
                          nargs < 1 ? "fromkeys expected at least 1 argument, got %zd"
                                    : "fromkeys expected at most 2 arguments, got %zd",
                          nargs);
  }
  Object* value = nargs > 1 ? args[1] : none();
  Ref<> d = Ref<>::steal(object_call_no_args(type));
  if (!d) return nullptr;
  Object* iterable = args[0];
  if (dict_check_exact(d.get()) && (dict_check_exact(iterable) || anyset_check_exact(iterable))) {
    // dict_dict_fromkeys / dict_set_fromkeys: the table sized for the keys at once (a str
    // table from a str-keyed dict, a general one otherwise), the known hashes reused.
    auto* mp = static_cast<DictObject*>(d.get());
    bool from_dict = dict_check_exact(iterable);
    ssize n = from_dict ? dict_size(iterable) : set_size(iterable);
    bool unicode = from_dict && dk_is_unicode(static_cast<DictObject*>(iterable)->keys);
    uint8_t log2 = std::max(estimate_log2_keysize(n), mp->keys->log2_size);
    if (dictresize(mp, log2, unicode) < 0) return nullptr;
    ssize pos = 0;
    Object* key;
    hash_t hash;
    if (from_dict) {
      while (dict_next(iterable, &pos, &key, nullptr, &hash))
        if (insertdict(mp, new_ref(key), hash, new_ref(value)) < 0) return nullptr;
    } else {
      while (set_next_entry(iterable, &pos, &key, &hash))
        if (insertdict(mp, new_ref(key), hash, new_ref(value)) < 0) return nullptr;
    }
    return d.release();
  }
  Ref<> it = Ref<>::steal(object_get_iter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    int rc = dict_check_exact(d.get()) ? dict_set_item(d.get(), key.get(), value)
                                       : object_set_item(d.get(), key.get(), value);
    if (rc < 0) return nullptr;
  }
  if (errors::occurred()) return nullptr;
  return d.release();
}

Object* dict_m_reversed(Object* self, Object*);

Object* dict_or(Object* self, Object* other) {
  if (!dict_check(self) || !dict_check(other)) return return_not_implemented();
  Ref<> n = Ref<>::steal(dict_copy(self));
  if (!n || dict_update(n.get(), other) < 0) return nullptr;
  return n.release();
}

Object* dict_ior(Object* self, Object* other) {
  if (dict_update_arg(self, other) < 0) return nullptr;
  return new_ref(self);
}

MethodDef dict_methods[] = {
    {"__contains__", reinterpret_cast<void*>(dict_m_contains), kMethO | kMethCoexist,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", reinterpret_cast<void*>(dict_m_getitem), kMethO | kMethCoexist,
     "Return self[key]."},
    {"__sizeof__", reinterpret_cast<void*>(dict_m_sizeof), kMethNoArgs,
     "Return the size of the dict in memory, in bytes."},
    {"get", reinterpret_cast<void*>(dict_m_get), kMethFastcall,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", reinterpret_cast<void*>(dict_m_setdefault), kMethFastcall,
     "Insert key with a value of default if key is not in the dictionary.\n\nReturn the value "
     "for key if key is in the dictionary, else default."},
    {"pop", reinterpret_cast<void*>(dict_m_pop), kMethFastcall,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nIf the "
     "key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", reinterpret_cast<void*>(dict_m_popitem), kMethNoArgs,
     "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned in LIFO "
     "(last-in, first-out) order.\nRaises KeyError if the dict is empty."},
    {"keys", reinterpret_cast<void*>(dict_m_keys), kMethNoArgs,
     "Return a set-like object providing a view on the dict's keys."},
    {"items", reinterpret_cast<void*>(dict_m_items), kMethNoArgs,
     "Return a set-like object providing a view on the dict's items."},
    {"values", reinterpret_cast<void*>(dict_m_values), kMethNoArgs,
     "Return an object providing a view on the dict's values."},
    {"update", reinterpret_cast<void*>(dict_m_update), kMethVarargs | kMethKeywords,
     "D.update([E, ]**F) -> None.  Update D from mapping/iterable E and F.\nIf E is present "
     "and has a .keys() method, then does:  for k in E.keys(): D[k] = E[k]\nIf E is present "
     "and lacks a .keys() method, then does:  for k, v in E: D[k] = v\nIn either case, this "
     "is followed by: for k in F:  D[k] = F[k]"},
    {"fromkeys", reinterpret_cast<void*>(dict_m_fromkeys), kMethFastcall | kMethClass,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", reinterpret_cast<void*>(dict_m_clear), kMethNoArgs,
     "Remove all items from the dict."},
    {"copy", reinterpret_cast<void*>(dict_m_copy), kMethNoArgs,
     "Return a shallow copy of the dict."},
    {"__reversed__", reinterpret_cast<void*>(dict_m_reversed), kMethNoArgs,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};

MappingMethods dict_as_mapping = {dict_length, dict_subscript, dict_ass_sub};
SequenceMethods dict_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr,
                                    nullptr, nullptr, dict_sq_contains, nullptr, nullptr};
NumberMethods dict_as_number = [] {
  NumberMethods n{};
  n.or_ = dict_or;
  n.inplace_or = dict_ior;
  return n;
}();

// --- iterators and views ---

struct DictIterObject : Object {
  DictObject* dict;
  ssize used;   // the size when the iterator was created
  ssize pos;    // next entry index
  Object* result;  // a reusable (key, value) tuple
  ssize len;
};

void dictiter_dealloc(Object* o) {
  auto* di = static_cast<DictIterObject*>(o);
  gc::untrack(o);
  xdecref(di->dict);
  xdecref(di->result);
  gc::gc_free(o);
}

int dictiter_traverse(Object* o, visitproc visit, void* arg) {
  auto* di = static_cast<DictIterObject*>(o);
  if (di->dict)
    if (int r = visit(di->dict, arg)) return r;
  if (di->result)
    if (int r = visit(di->result, arg)) return r;
  return 0;
}

Object* dictiter_len(Object* o, Object*) {
  auto* di = static_cast<DictIterObject*>(o);
  ssize len = 0;
  if (di->dict && di->used == di->dict->used) len = di->len;
  return long_from_ssize(len);
}

Object* dictiter_new(DictObject* dict, TypeObject* itertype);

// dictiter_reduce: (iter, (list of the remaining items,)), taken from a copy so that this
// iterator keeps its place.
Object* dictiter_reduce(Object* o, Object*) {
  auto* di = static_cast<DictIterObject*>(o);
  if (!di->dict) return iter_reduce_as_list(list_new(0));
  Object* copy = dictiter_new(di->dict, o->type);
  if (copy) {
    auto* c = static_cast<DictIterObject*>(copy);
    c->used = di->used;
    c->pos = di->pos;
    c->len = di->len;
  }
  return iter_reduce_as_list(copy);
}

MethodDef dictiter_methods[] = {
    {"__length_hint__", reinterpret_cast<void*>(dictiter_len), kMethNoArgs,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", reinterpret_cast<void*>(dictiter_reduce), kMethNoArgs,
     "Return state information for pickling."},
    {nullptr, nullptr, 0, nullptr}};

Object* dictiter_new(DictObject* dict, TypeObject* itertype) {
  auto* di = static_cast<DictIterObject*>(gc::gc_malloc(sizeof(DictIterObject)));
  if (!di) return nullptr;
  di->refcnt = 1;
  di->type = itertype;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  di->dict = new_ref(dict);
  di->used = dict->used;
  di->len = dict->used;
  bool reversed = itertype == &dictreviterkey_type || itertype == &dictrevitervalue_type ||
                  itertype == &dictreviteritem_type;
  di->pos = reversed ? dict->keys->nentries - 1 : 0;
  if (itertype == &dictiteritem_type || itertype == &dictreviteritem_type) {
    di->result = tuple_pack(2, none(), none());
    if (!di->result) {
      decref(di);
      return nullptr;
    }
  } else {
    di->result = nullptr;
  }
  gc::track(di);
  return di;
}

// dictiter_iternext{key,value,item}: RuntimeError when the size changed underneath.
Object* dictiter_next_common(Object* o, Part part, bool reversed) {
  auto* di = static_cast<DictIterObject*>(o);
  DictObject* d = di->dict;
  if (!d) return nullptr;
  if (di->used != d->used) {
    errors::set_string(exc_RuntimeError, "dictionary changed size during iteration");
    di->used = -1;  // make this state sticky
    return nullptr;
  }
  DictKeys* k = d->keys;
  // The key and value slots of entry i, whichever the entry layout (key then value, the
  // entries stride words apart).
  bool unicode = dk_is_unicode(k);
  ssize stride = ssize(entry_size(unicode) / sizeof(Object*));
  Object** slots = unicode ? &dk_unicode_entries(k)->key : &dk_entries(k)->key;
  ssize i = di->pos;
  if (reversed) {
    while (i >= 0 && slots[i * stride + 1] == nullptr) --i;
    if (i < 0) goto fail;
    di->pos = i - 1;
  } else {
    ssize n = k->nentries;
    while (i < n && slots[i * stride + 1] == nullptr) ++i;
    if (i >= n) goto fail;
    di->pos = i + 1;
  }
  // Marking the length before returning lets __length_hint__ stay exact.
  if (di->len == 0) {
    errors::set_string(exc_RuntimeError, "dictionary keys changed during iteration");
    goto fail;
  }
  di->len--;
  {
    Object* key = slots[i * stride];
    Object* value = slots[i * stride + 1];
    if (part == Part::kKeys) return new_ref(key);
    if (part == Part::kValues) return new_ref(value);
    Object* result = di->result;
    if (result->refcnt == 1) {
      // Reuse the tuple when nobody else holds it.
      Object* oldkey = tuple_item(result, 0);
      Object* oldvalue = tuple_item(result, 1);
      tuple_set_item(result, 0, new_ref(key));
      tuple_set_item(result, 1, new_ref(value));
      static_cast<TupleObject*>(result)->hash_cache = -1;
      incref(result);
      decref(oldkey);
      decref(oldvalue);
      if (!gc::is_tracked(result)) gc::track(result);
      return result;
    }
    return tuple_pack(2, key, value);
  }
fail:
  di->dict = nullptr;
  decref(d);
  return nullptr;
}

Object* dictiter_nextkey(Object* o) { return dictiter_next_common(o, Part::kKeys, false); }
Object* dictiter_nextvalue(Object* o) { return dictiter_next_common(o, Part::kValues, false); }
Object* dictiter_nextitem(Object* o) { return dictiter_next_common(o, Part::kItems, false); }
Object* dictreviter_nextkey(Object* o) { return dictiter_next_common(o, Part::kKeys, true); }
Object* dictreviter_nextvalue(Object* o) { return dictiter_next_common(o, Part::kValues, true); }
Object* dictreviter_nextitem(Object* o) { return dictiter_next_common(o, Part::kItems, true); }

Object* dict_iter(Object* o) {
  return dictiter_new(static_cast<DictObject*>(o), &dictiterkey_type);
}
Object* dict_m_reversed(Object* self, Object*) {
  return dictiter_new(static_cast<DictObject*>(self), &dictreviterkey_type);
}

TypeObject make_iter_type(const char* name, iternextfunc next) {
  TypeObject t = static_type(name, sizeof(DictIterObject), 0, kTpflagsHaveGc);
  t.dealloc = dictiter_dealloc;
  t.getattro = object_generic_getattr;
  t.traverse = dictiter_traverse;
  t.iter = object_self_iter;
  t.iternext = next;
  t.methods = dictiter_methods;
  return t;
}

// Views: dict_keys, dict_values, dict_items.
struct DictViewObject : Object {
  DictObject* dict;
};

void dictview_dealloc(Object* o) {
  gc::untrack(o);
  xdecref(static_cast<DictViewObject*>(o)->dict);
  gc::gc_free(o);
}
int dictview_traverse(Object* o, visitproc visit, void* arg) {
  Object* d = static_cast<DictViewObject*>(o)->dict;
  return d ? visit(d, arg) : 0;
}
ssize dictview_len(Object* o) {
  auto* dv = static_cast<DictViewObject*>(o);
  return dv->dict ? dv->dict->used : 0;
}

Object* dictview_new(Object* dict, TypeObject* type) {
  auto* dv = static_cast<DictViewObject*>(gc::gc_malloc(sizeof(DictViewObject)));
  if (!dv) return nullptr;
  dv->refcnt = 1;
  dv->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  dv->dict = static_cast<DictObject*>(new_ref(dict));
  gc::track(dv);
  return dv;
}

Object* dict_m_keys(Object* self, Object*) { return dictview_new(self, &dictkeys_type); }
Object* dict_m_values(Object* self, Object*) { return dictview_new(self, &dictvalues_type); }
Object* dict_m_items(Object* self, Object*) { return dictview_new(self, &dictitems_type); }

// dictview_repr: "dict_keys([...])".
Object* dictview_repr(Object* o) {
  int rc = object_print_repr_enter(o);
  if (rc != 0) return rc > 0 ? str_from_cstr("...") : nullptr;
  Ref<> seq = Ref<>::steal(sequence_list(o));
  Object* result = nullptr;
  if (seq) {
    Ref<> r = Ref<>::steal(object_repr(seq.get()));
    if (r) result = str_from_format("%s(%U)", o->type->name, r.get());
  }
  object_print_repr_leave(o);
  return result;
}

Object* dictkeys_iter(Object* o) {
  auto* dv = static_cast<DictViewObject*>(o);
  return dictiter_new(dv->dict, &dictiterkey_type);
}
Object* dictvalues_iter(Object* o) {
  auto* dv = static_cast<DictViewObject*>(o);
  return dictiter_new(dv->dict, &dictitervalue_type);
}
Object* dictitems_iter(Object* o) {
  auto* dv = static_cast<DictViewObject*>(o);
  return dictiter_new(dv->dict, &dictiteritem_type);
}
Object* dictkeys_reversed(Object* o, Object*) {
  return dictiter_new(static_cast<DictViewObject*>(o)->dict, &dictreviterkey_type);
}
Object* dictvalues_reversed(Object* o, Object*) {
  return dictiter_new(static_cast<DictViewObject*>(o)->dict, &dictrevitervalue_type);
}
Object* dictitems_reversed(Object* o, Object*) {
  return dictiter_new(static_cast<DictViewObject*>(o)->dict, &dictreviteritem_type);
}

int dictkeys_contains(Object* o, Object* key) {
  auto* dv = static_cast<DictViewObject*>(o);
  return dv->dict ? dict_contains(dv->dict, key) : 0;
}

int dictitems_contains(Object* o, Object* obj) {
  auto* dv = static_cast<DictViewObject*>(o);
  if (!dv->dict || !tuple_check(obj) || tuple_size(obj) != 2) return 0;
  Object* found;
  int rc = dict_get_item_ref(dv->dict, tuple_item(obj, 0), &found);
  if (rc <= 0) return rc;
  int result = object_rich_compare_bool(found, tuple_item(obj, 1), kEQ);
  decref(found);
  return result;
}

Object* dictview_mapping(Object* o, void*) {
  return dictproxy_new(static_cast<DictViewObject*>(o)->dict);
}

GetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, nullptr,
     "dictionary that this view refers to", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

// Set-like comparison of keys and items views (dictview_richcompare).
int all_contained_in(Object* self, Object* other) {
  Ref<> iter = Ref<>::steal(object_get_iter(self));
  if (!iter) return -1;
  for (;;) {
    Ref<> next = Ref<>::steal(iter_next(iter.get()));
    if (!next) return errors::occurred() ? -1 : 1;
    int ok = sequence_contains(other, next.get());
    if (ok <= 0) return ok;
  }
}

bool is_set_like(Object* o);

Object* dictview_richcompare(Object* self, Object* other, int op) {
  if (!is_set_like(other)) return return_not_implemented();
  ssize len_self = object_size(self);
  if (len_self < 0) return nullptr;
  ssize len_other = object_size(other);
  if (len_other < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case kNE:
    case kEQ:
      if (len_self == len_other) ok = all_contained_in(self, other);
      if (op == kNE && ok >= 0) ok = !ok;
      break;
    case kLT:
      if (len_self < len_other) ok = all_contained_in(self, other);
      break;
    case kLE:
      if (len_self <= len_other) ok = all_contained_in(self, other);
      break;
    case kGT:
      if (len_self > len_other) ok = all_contained_in(other, self);
      break;
    case kGE:
      if (len_self >= len_other) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return nullptr;
  return bool_from_long(ok);
}

Object* dictviews_isdisjoint(Object* self, Object* other) {
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = Ref<>::steal(iter_next(it.get()));
    if (!item) break;
    int c = sequence_contains(self, item.get());
    if (c < 0) return nullptr;
    if (c) return bool_from_long(0);
  }
  if (errors::occurred()) return nullptr;
  return bool_from_long(1);
}

// dictviews_to_set: set(view), using the dict itself for keys views (the fast path).
Object* dictviews_to_set(Object* self) {
  Object* left = self;
  if (self->type == &dictkeys_type) {
    Object* d = static_cast<DictViewObject*>(self)->dict;
    if (d && dict_check_exact(d)) left = d;
  }
  return set_new(left);
}

Object* call_on_set(Object* self, Object* other, const char* method) {
  Ref<> result = Ref<>::steal(dictviews_to_set(self));
  if (!result) return nullptr;
  Ref<> name = Ref<>::steal(str_intern_from_cstr(method));
  Ref<> tmp = Ref<>::steal(call_method_one_arg(result.get(), name.get(), other));
  if (!tmp) return nullptr;
  return result.release();
}

Object* dictviews_sub(Object* self, Object* other) {
  return call_on_set(self, other, "difference_update");
}
Object* dictviews_or(Object* self, Object* other) { return call_on_set(self, other, "update"); }
Object* dictviews_xor(Object* self, Object* other) {
  return call_on_set(self, other, "symmetric_difference_update");
}

// PyDictKeys_Check || PyDictItems_Check: subclasses (OrderedDict's views) included.
bool keys_view_check(Object* o) {
  return o->type == &dictkeys_type || is_subtype(o->type, &dictkeys_type);
}
bool view_set_check(Object* o) {
  return keys_view_check(o) || o->type == &dictitems_type || is_subtype(o->type, &dictitems_type);
}

// _PyDictView_Intersect.
Object* dictviews_and(Object* self, Object* other) {
  if (!view_set_check(self)) std::swap(self, other);
  ssize len_self = dictview_len(self);
  if (set_check_exact(other)) {
    ssize len_other = object_size(other);
    if (len_other < 0) return nullptr;
    if (len_self <= len_other) {
      Ref<> name = Ref<>::steal(str_intern_from_cstr("intersection"));
      return call_method_one_arg(other, name.get(), self);
    }
  }
  if (view_set_check(other)) {
    ssize len_other = dictview_len(other);
    if (len_other > len_self) std::swap(self, other);
  }
  Ref<> result = Ref<>::steal(set_new(nullptr));
  if (!result) return nullptr;
  Ref<> it = Ref<>::steal(object_get_iter(other));
  if (!it) return nullptr;
  auto contains = keys_view_check(self) ? dictkeys_contains : dictitems_contains;
  for (;;) {
    Ref<> key = Ref<>::steal(iter_next(it.get()));
    if (!key) break;
    int rv = contains(self, key.get());
    if (rv < 0) return nullptr;
    if (rv && set_add(result.get(), key.get()) < 0) return nullptr;
  }
  if (errors::occurred()) return nullptr;
  return result.release();
}

NumberMethods dictviews_as_number = [] {
  NumberMethods n{};
  n.subtract = dictviews_sub;
  n.and_ = dictviews_and;
  n.xor_ = dictviews_xor;
  n.or_ = dictviews_or;
  return n;
}();

MethodDef dictkeys_methods[] = {
    {"isdisjoint", reinterpret_cast<void*>(dictviews_isdisjoint), kMethO,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", reinterpret_cast<void*>(dictkeys_reversed), kMethNoArgs,
     "Return a reverse iterator over the dict keys."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef dictitems_methods[] = {
    {"isdisjoint", reinterpret_cast<void*>(dictviews_isdisjoint), kMethO,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", reinterpret_cast<void*>(dictitems_reversed), kMethNoArgs,
     "Return a reverse iterator over the dict items."},
    {nullptr, nullptr, 0, nullptr}};
MethodDef dictvalues_methods[] = {
    {"__reversed__", reinterpret_cast<void*>(dictvalues_reversed), kMethNoArgs,
     "Return a reverse iterator over the dict values."},
    {nullptr, nullptr, 0, nullptr}};

SequenceMethods dictkeys_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr,
                                        nullptr,      nullptr, dictkeys_contains, nullptr,
                                        nullptr};
SequenceMethods dictitems_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr,
                                         nullptr,      nullptr, dictitems_contains, nullptr,
                                         nullptr};
SequenceMethods dictvalues_as_sequence = {dictview_len, nullptr, nullptr, nullptr, nullptr,
                                          nullptr,      nullptr, nullptr, nullptr, nullptr};

TypeObject make_view_type(const char* name, SequenceMethods* seq, getiterfunc iter,
                          MethodDef* methods, bool setlike) {
  TypeObject t = static_type(name, sizeof(DictViewObject), 0, kTpflagsHaveGc);
  t.dealloc = dictview_dealloc;
  t.repr = dictview_repr;
  t.as_sequence = seq;
  t.getattro = object_generic_getattr;
  t.traverse = dictview_traverse;
  t.iter = iter;
  t.methods = methods;
  t.getset = dictview_getset;
  if (setlike) {
    t.richcompare = dictview_richcompare;
    t.as_number = &dictviews_as_number;
  }
  return t;
}

bool is_set_like(Object* o) { return view_set_check(o) || anyset_check(o); }

}  // namespace

namespace {
// dict_vectorcall: dict() and dict(name=value, ...) without tp_call's argument tuple and
// keyword dict; a positional argument goes through tp_call.
Object* dict_vectorcall(Object* type, Object* const* args, size_t nargsf, Object* kwnames) {
  ssize nargs = vectorcall_nargs(nargsf);
  if (nargs != 0) return make_tp_call(type, args, nargs, kwnames);
  Ref<> d = Ref<>::steal(dict_new());
  if (!d) return nullptr;
  ssize nkw = kwnames ? tuple_size(kwnames) : 0;
  for (ssize i = 0; i < nkw; ++i)
    if (dict_set_item(d.get(), tuple_item(kwnames, i), args[i]) < 0) return nullptr;
  return d.release();
}
}  // namespace

TypeObject dict_type = [] {
  TypeObject t = static_type("dict", sizeof(DictObject), 0,
                             kTpflagsHaveGc | kTpflagsBasetype | kTpflagsDictSubclass |
                                 kTpflagsMatchSelf | kTpflagsMapping);
  t.dealloc = dict_dealloc;
  t.repr = dict_repr;
  t.as_number = &dict_as_number;
  t.as_sequence = &dict_as_sequence;
  t.as_mapping = &dict_as_mapping;
  t.hash = object_hash_not_implemented;
  t.getattro = object_generic_getattr;
  t.traverse = dict_traverse;
  t.clear = dict_tp_clear;
  t.richcompare = dict_richcompare;
  t.iter = dict_iter;
  t.methods = dict_methods;
  t.init = dict_init;
  t.alloc = type_generic_alloc;
  t.new_ = dict_tp_new;
  t.vectorcall = dict_vectorcall;
  t.doc =
      "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a "
      "mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary initialized "
      "as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\ndict(**kwargs) -> "
      "new dictionary initialized with the name=value pairs\n    in the keyword argument list."
      "  For example:  dict(one=1, two=2)";
  return t;
}();

TypeObject dictiterkey_type = make_iter_type("dict_keyiterator", dictiter_nextkey);
TypeObject dictitervalue_type = make_iter_type("dict_valueiterator", dictiter_nextvalue);
TypeObject dictiteritem_type = make_iter_type("dict_itemiterator", dictiter_nextitem);
TypeObject dictreviterkey_type = make_iter_type("dict_reversekeyiterator", dictreviter_nextkey);
TypeObject dictrevitervalue_type =
    make_iter_type("dict_reversevalueiterator", dictreviter_nextvalue);
TypeObject dictreviteritem_type =
    make_iter_type("dict_reverseitemiterator", dictreviter_nextitem);
TypeObject dictkeys_type =
    make_view_type("dict_keys", &dictkeys_as_sequence, dictkeys_iter, dictkeys_methods, true);
TypeObject dictitems_type = make_view_type("dict_items", &dictitems_as_sequence,
                                           dictitems_iter, dictitems_methods, true);
TypeObject dictvalues_type = make_view_type("dict_values", &dictvalues_as_sequence,
                                            dictvalues_iter, dictvalues_methods, false);

// --- what OrderedDict (odictobject.cpp) needs of the table, as odictobject.c uses
// _Py_dict_lookup and the keys object directly ---------------------------------------------

ssize dict_lookup_entry_index(Object* d, Object* key, hash_t hash) {
  auto* mp = static_cast<DictObject*>(d);
  Object* value;
  ssize ix = dict_lookup(mp, key, hash, &value);
  if (ix == kDkixError) return -2;
  return ix >= 0 ? ix : -1;
}

int dict_del_item_known_hash(Object* op, Object* key, hash_t hash) {
  auto* mp = static_cast<DictObject*>(op);
  Object* old_value;
  ssize ix = dict_lookup(mp, key, hash, &old_value);
  if (ix == kDkixError) return -1;
  if (ix == kDkixEmpty || !old_value) {
    set_key_error(key);
    return -1;
  }
  delitem_common(mp, hash, ix, old_value);
  return 0;
}

Object* dict_view_new(Object* dict, TypeObject* type) { return dictview_new(dict, type); }
Object* dict_view_dict(Object* view) { return static_cast<DictViewObject*>(view)->dict; }

Object* dict_base_richcompare(Object* v, Object* w, int op) { return dict_richcompare(v, w, op); }

}  // namespace cppy::objects
