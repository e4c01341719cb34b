// dict: Include/cpython/dictobject.h, Objects/dictobject.c, Objects/dict-common.h.
//
// The compact dict of CPython 3.14: an index table of 1/2/4/8-byte slots (sized by
// log2_size) followed by an entry array in insertion order. Probing, growth and dummies
// follow CPython exactly, so insertion, deletion and iteration order match.
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

// PyDictKeyEntry: an entry of a DICT_KEYS_GENERAL table (any keys), with the key's hash.
struct DictKeyEntry {
  hash_t hash;
  Object* key;
  Object* value;
};

// PyDictUnicodeEntry: an entry of a DICT_KEYS_UNICODE table, whose keys are all exact str;
// the hash is the str's own cached hash (unicode_get_hash), so an entry is two words.
struct DictUnicodeEntry {
  Object* key;
  Object* value;
};

// DictKeysKind (Include/internal/pycore_dict.h); cppy has no DICT_KEYS_SPLIT tables (the
// split keys of instances are objects/inline_values.h's SharedKeys).
enum DictKeysKind : uint8_t { kDictKeysGeneral = 0, kDictKeysUnicode = 1 };

// PyDictKeysObject: the index table then the entries (see dictobject.cpp).
struct DictKeys {
  ssize refcnt;  // kept for CPython's layout (shared keys); sizes agree with sys.getsizeof
  uint8_t log2_size;
  uint8_t log2_index_bytes;
  uint8_t kind;          // dk_kind: DictKeysKind
  uint32_t version;      // dk_version: 0, or a tag the specialised instructions compare
  ssize usable;    // entries that can still be appended before a resize
  ssize nentries;  // entries used (including deleted ones)
  alignas(8) char indices[1];
};

// DK_IS_UNICODE: the entries are DictUnicodeEntry (keys all exact str).
inline bool dk_is_unicode(const DictKeys* k) { return k->kind == kDictKeysUnicode; }
// DK_ENTRIES (general tables) and DK_UNICODE_ENTRIES (str tables).
inline DictKeyEntry* dk_entries(DictKeys* k) {
  return reinterpret_cast<DictKeyEntry*>(k->indices + (size_t(1) << k->log2_index_bytes));
}
inline DictUnicodeEntry* dk_unicode_entries(DictKeys* k) {
  return reinterpret_cast<DictUnicodeEntry*>(k->indices + (size_t(1) << k->log2_index_bytes));
}

struct DictObject : Object {
  ssize used;          // number of items
  uint64_t version;    // ma_version_tag / watcher bits (changes on every mutation)
  DictKeys* keys;
  Object** values;     // split tables: not used yet (always null)
};

extern TypeObject dict_type;
extern TypeObject dictkeys_type, dictvalues_type, dictitems_type;
extern TypeObject dictiterkey_type, dictitervalue_type, dictiteritem_type;
extern TypeObject dictreviterkey_type, dictrevitervalue_type, dictreviteritem_type;

inline bool dict_check(Object* o) { return type_has_feature(o->type, kTpflagsDictSubclass); }
inline bool dict_check_exact(Object* o) { return o->type == &dict_type; }
inline ssize dict_size(Object* d) { return static_cast<DictObject*>(d)->used; }

Object* dict_new();                      // PyDict_New
// dict_new_presized: room for n items without a resize, in a DICT_KEYS_UNICODE table when
// unicode (the keys to come are all exact str) and a general one otherwise.
Object* dict_new_presized(ssize n, bool unicode);
// _PyDict_FromItems: a dict of n items keys[i * keys_stride]: values[i * values_stride],
// presized in the kind its keys call for.
Object* dict_from_items(Object* const* keys, ssize keys_stride, Object* const* values,
                        ssize values_stride, ssize n);
// PyDict_GetItem: borrowed, null when missing; errors (in hash/compare) are swallowed.
Object* dict_get_item(Object* d, Object* key);
// PyDict_GetItemWithError: borrowed, null when missing (no error) or on error.
Object* dict_get_item_with_error(Object* d, Object* key);
// PyDict_GetItemRef: 1 found (*result new ref), 0 missing, -1 error.
int dict_get_item_ref(Object* d, Object* key, Object** result);
Object* dict_get_item_string(Object* d, const char* key);  // borrowed
// Lookup with a known hash (_PyDict_GetItem_KnownHash); borrowed.
Object* dict_get_item_known_hash(Object* d, Object* key, hash_t hash);
int dict_set_item(Object* d, Object* key, Object* value);  // PyDict_SetItem (no steal)
int dict_set_item_string(Object* d, const char* key, Object* value);
int dict_set_item_known_hash(Object* d, Object* key, Object* value, hash_t hash);
int dict_del_item(Object* d, Object* key);  // PyDict_DelItem (KeyError when missing)
int dict_del_item_string(Object* d, const char* key);
// PyDict_Pop: 1 removed (*result new ref unless result null), 0 missing, -1 error.
int dict_pop(Object* d, Object* key, Object** result);
// _PyDict_Pop_KnownHash: as dict_pop with the key's hash known (never a subclass's methods).
int dict_pop_known_hash(Object* d, Object* key, hash_t hash, Object** result);
int dict_contains(Object* d, Object* key);  // PyDict_Contains
// PyDict_SetDefaultRef: 1 existed, 0 inserted; *result new ref when non-null.
int dict_set_default_ref(Object* d, Object* key, Object* default_value, Object** result);
void dict_clear(Object* d);
// PyDict_Next: *pos starts at 0; borrowed key/value.
bool dict_next(Object* d, ssize* pos, Object** key, Object** value, hash_t* hash = nullptr);
Object* dict_keys(Object* d);    // PyDict_Keys: list
Object* dict_values(Object* d);
Object* dict_items(Object* d);
Object* dict_copy(Object* d);    // PyDict_Copy
int dict_update(Object* a, Object* b);  // PyDict_Update
int dict_merge(Object* a, Object* b, int override);  // PyDict_Merge
int dict_merge_from_seq2(Object* d, Object* seq2, int override);
// The size of the index table (for tests and sys.getsizeof): 1 << log2_size.
ssize dict_keys_size(Object* d);
// Specialisation support (Objects/dictobject.c): the keys version of d's current table
// (_PyDictKeys_GetVersionForCurrentState; 0 when none can be given) and the entry index of
// a str key (_PyDictKeys_StringLookup; -1 when missing or the table has non-str keys).
uint32_t dict_keys_version_for_current_state(Object* d);
// For the eval loop's STORE_NAME, which replaces the value of a present key in its entry
// itself: the dict's mutation version moves as insertdict's would.
void dict_value_replaced(Object* d);
ssize dict_keys_str_lookup(Object* d, Object* key);
ssize dict_sizeof(Object* d);
// Bulk insertion of n items into an empty exact dict (pickle's SETITEMS): begin gives it at
// once the table n distinct insertions would grow it to (false when it does nothing); end,
// called after the insertions, shrinks it to the table growth would have reached when fewer
// keys were new, so the result is the same dict, sizes included.
// unicode: every key to come is an exact str (a str table), else none is (a general one).
bool dict_begin_bulk_insert(Object* d, ssize n, bool unicode);
void dict_end_bulk_insert(Object* d);
// For OrderedDict (Objects/odictobject.c's use of _Py_dict_lookup): the entry index of key
// in d's current keys (-1 missing, -2 error); d->keys changes on every resize.
ssize dict_lookup_entry_index(Object* d, Object* key, hash_t hash);
int dict_del_item_known_hash(Object* d, Object* key, hash_t hash);  // _PyDict_DelItem_KnownHash
// _PyDictView_New: a view of dict of the given view type (a subtype of dict_keys/...).
Object* dict_view_new(Object* dict, TypeObject* type);
// The dict a view shows (borrowed; null once released).
Object* dict_view_dict(Object* view);
Object* dict_base_richcompare(Object* v, Object* w, int op);  // PyDict_Type.tp_richcompare

}  // namespace cppy::objects
