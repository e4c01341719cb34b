// The HAMT: Python/hamt.c. Nodes are garbage-collected objects, as in CPython, so cycles through
// context values are found by the collector.
#include "objects/hamt.h"

#include <bit>
#include <cstddef>
#include <cstdint>

#include "errors/errors.h"
#include "gc/gc.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/text_api.h"
#include "objects/getargs.h"
#include "objects/tupleobject.h"
#include "objects/weakrefobject.h"

namespace cppy::objects {

namespace {

constexpr int kArrayNodeSize = 32;
// The deepest a trie gets: 32-bit hashes consumed 5 bits per level (7 levels), plus the
// collision node at the bottom.
constexpr int kMaxTreeDepth = 8;

struct BitmapNode : HamtNode {  // PyHamtNode_Bitmap; size = slots in b_array
  uint32_t b_bitmap;
  Object* b_array[1];
};
struct ArrayNode : HamtNode {  // PyHamtNode_Array (size unused)
  HamtNode* a_array[kArrayNodeSize];
  ssize a_count;
};
struct CollisionNode : HamtNode {  // PyHamtNode_Collision; size = slots in c_array
  int32_t c_hash;
  Object* c_array[1];
};

enum FindResult { kFError, kFNotFound, kFFound };
enum WithoutResult { kWError, kWNotFound, kWEmpty, kWNewNode };

bool is_bitmap(Object* n) { return n->type == &hamt_bitmap_node_type; }
bool is_array(Object* n) { return n->type == &hamt_array_node_type; }

Object* gc_object(TypeObject* type, size_t size) {
  Object* o = gc::gc_malloc(size);
  if (!o) return nullptr;
  o->refcnt = 1;
  o->type = type;
#ifdef CPPY_DEBUG
  ++total_refcount;
#endif
  return o;
}

// hamt_hash: the 64-bit hash folded to 32 bits; -1 stays the error value.
int32_t hamt_hash(Object* o) {
  hash_t h = object_hash(o);
  if (h == -1) return -1;
  if constexpr (sizeof(hash_t) <= 4) {
    return static_cast<int32_t>(h);
  } else {
    auto u = static_cast<uint64_t>(h);
    int32_t x = static_cast<int32_t>(static_cast<uint32_t>(u & 0xffffffffu)) ^
                static_cast<int32_t>(static_cast<uint32_t>(u >> 32));
    return x == -1 ? -2 : x;
  }
}
uint32_t hamt_mask(int32_t hash, uint32_t shift) {
  return (static_cast<uint32_t>(hash) >> shift) & 0x01f;
}
uint32_t hamt_bitpos(int32_t hash, uint32_t shift) { return uint32_t(1) << hamt_mask(hash, shift); }
uint32_t hamt_bitindex(uint32_t bitmap, uint32_t bit) {
  return static_cast<uint32_t>(std::popcount(bitmap & (bit - 1)));
}

// ---- bitmap nodes ----------------------------------------------------------------------

// The shared empty node is static but of a GC type: like CPython's _Py_SINGLETON
// (hamt_bitmap_node_empty with its unused PyGC_Head), it gets room for a GC header, zeroed
// (never tracked), which the collector reads when a traversal reaches it.
struct StaticBitmapNode {
  gc::GCHead unused_gc_head;
  BitmapNode node;
};
StaticBitmapNode static_empty_bitmap_node = [] {
  StaticBitmapNode s{};
  s.node.refcnt = kImmortalRefcnt;
  s.node.type = &hamt_bitmap_node_type;
  s.node.size = 0;
  return s;
}();
BitmapNode& empty_bitmap_node = static_empty_bitmap_node.node;
static_assert(offsetof(StaticBitmapNode, node) == sizeof(gc::GCHead));

BitmapNode* bitmap_new(ssize size) {  // hamt_node_bitmap_new
  if (size == 0) return new_ref(&empty_bitmap_node);
  auto* n = static_cast<BitmapNode*>(gc_object(
      &hamt_bitmap_node_type, offsetof(BitmapNode, b_array) + sizeof(Object*) * size_t(size)));
  if (!n) return nullptr;
  n->size = size;
  for (ssize i = 0; i < size; ++i) n->b_array[i] = nullptr;
  n->b_bitmap = 0;
  gc::track(n);
  return n;
}
ssize bitmap_count(BitmapNode* n) { return n->size / 2; }

BitmapNode* bitmap_clone(BitmapNode* node) {  // hamt_node_bitmap_clone
  BitmapNode* c = bitmap_new(node->size);
  if (!c) return nullptr;
  for (ssize i = 0; i < node->size; ++i) c->b_array[i] = xnew_ref(node->b_array[i]);
  c->b_bitmap = node->b_bitmap;
  return c;
}

BitmapNode* bitmap_clone_without(BitmapNode* o, uint32_t bit) {  // hamt_node_bitmap_clone_without
  BitmapNode* n = bitmap_new(o->size - 2);
  if (!n) return nullptr;
  uint32_t idx = hamt_bitindex(o->b_bitmap, bit);
  uint32_t key_idx = 2 * idx, val_idx = key_idx + 1;
  for (uint32_t i = 0; i < key_idx; ++i) n->b_array[i] = xnew_ref(o->b_array[i]);
  for (uint32_t i = val_idx + 1; i < uint32_t(o->size); ++i)
    n->b_array[i - 2] = xnew_ref(o->b_array[i]);
  n->b_bitmap = o->b_bitmap & ~bit;
  return n;
}

CollisionNode* collision_new(int32_t hash, ssize size) {  // hamt_node_collision_new
  auto* n = static_cast<CollisionNode*>(gc_object(
      &hamt_collision_node_type,
      offsetof(CollisionNode, c_array) + sizeof(Object*) * size_t(size)));
  if (!n) return nullptr;
  for (ssize i = 0; i < size; ++i) n->c_array[i] = nullptr;
  n->size = size;
  n->c_hash = hash;
  gc::track(n);
  return n;
}
ssize collision_count(CollisionNode* n) { return n->size / 2; }

ArrayNode* array_new(ssize count) {  // hamt_node_array_new
  auto* n = static_cast<ArrayNode*>(gc_object(&hamt_array_node_type, sizeof(ArrayNode)));
  if (!n) return nullptr;
  n->size = 0;
  for (auto& a : n->a_array) a = nullptr;
  n->a_count = count;
  gc::track(n);
  return n;
}
ArrayNode* array_clone(ArrayNode* node) {  // hamt_node_array_clone
  ArrayNode* c = array_new(node->a_count);
  if (!c) return nullptr;
  for (int i = 0; i < kArrayNodeSize; ++i) c->a_array[i] = xnew_ref(node->a_array[i]);
  return c;
}

HamtNode* node_assoc(HamtNode* node, uint32_t shift, int32_t hash, Object* key, Object* val,
                     int* added_leaf);
WithoutResult node_without(HamtNode* node, uint32_t shift, int32_t hash, Object* key,
                           HamtNode** new_node);
FindResult node_find(HamtNode* node, uint32_t shift, int32_t hash, Object* key, Object** val);

// hamt_node_new_bitmap_or_collision: a node for two keys whose (shift, hash) prefix agrees.
HamtNode* new_bitmap_or_collision(uint32_t shift, Object* key1, Object* val1, int32_t key2_hash,
                                  Object* key2, Object* val2) {
  int32_t key1_hash = hamt_hash(key1);
  if (key1_hash == -1) return nullptr;
  if (key1_hash == key2_hash) {
    CollisionNode* n = collision_new(key1_hash, 4);
    if (!n) return nullptr;
    n->c_array[0] = new_ref(key1);
    n->c_array[1] = new_ref(val1);
    n->c_array[2] = new_ref(key2);
    n->c_array[3] = new_ref(val2);
    return n;
  }
  int added_leaf = 0;
  HamtNode* n = bitmap_new(0);
  HamtNode* n2 = node_assoc(n, shift, key1_hash, key1, val1, &added_leaf);
  decref(n);
  if (!n2) return nullptr;
  n = node_assoc(n2, shift, key2_hash, key2, val2, &added_leaf);
  decref(n2);
  return n;
}

HamtNode* bitmap_assoc(BitmapNode* self, uint32_t shift, int32_t hash, Object* key, Object* val,
                       int* added_leaf) {  // hamt_node_bitmap_assoc
  uint32_t bit = hamt_bitpos(hash, shift);
  uint32_t idx = hamt_bitindex(self->b_bitmap, bit);
  if (self->b_bitmap & bit) {
    uint32_t key_idx = 2 * idx, val_idx = key_idx + 1;
    Object* key_or_null = self->b_array[key_idx];
    Object* val_or_node = self->b_array[val_idx];
    if (!key_or_null) {
      // A subtree holds the keys sharing this (shift, hash) slot.
      HamtNode* sub = node_assoc(static_cast<HamtNode*>(val_or_node), shift + 5, hash, key, val,
                                 added_leaf);
      if (!sub) return nullptr;
      if (val_or_node == sub) {
        decref(sub);
        return new_ref(self);
      }
      BitmapNode* ret = bitmap_clone(self);
      if (!ret) {
        decref(sub);
        return nullptr;
      }
      xsetref(ret->b_array[val_idx], static_cast<Object*>(sub));
      return ret;
    }
    int cmp = object_rich_compare_bool(key, key_or_null, kEQ);
    if (cmp < 0) return nullptr;
    if (cmp == 1) {
      if (val == val_or_node) return new_ref(self);
      BitmapNode* ret = bitmap_clone(self);
      if (!ret) return nullptr;
      xsetref(ret->b_array[val_idx], new_ref(val));
      return ret;
    }
    // One other key in this slot: push both one level down.
    HamtNode* sub = new_bitmap_or_collision(shift + 5, key_or_null, val_or_node, hash, key, val);
    if (!sub) return nullptr;
    BitmapNode* ret = bitmap_clone(self);
    if (!ret) {
      decref(sub);
      return nullptr;
    }
    clear(ret->b_array[key_idx]);
    xsetref(ret->b_array[val_idx], static_cast<Object*>(sub));
    *added_leaf = 1;
    return ret;
  }
  uint32_t n = static_cast<uint32_t>(std::popcount(self->b_bitmap));
  if (n >= 16) {
    // A 17th slot: the level becomes an array node of 32 children.
    uint32_t jdx = hamt_mask(hash, shift);
    ArrayNode* new_node = array_new(n + 1);
    if (!new_node) return nullptr;
    HamtNode* empty = bitmap_new(0);
    new_node->a_array[jdx] = node_assoc(empty, shift + 5, hash, key, val, added_leaf);
    if (!new_node->a_array[jdx]) {
      decref(empty);
      decref(new_node);
      return nullptr;
    }
    for (int i = 0, j = 0; i < kArrayNodeSize; ++i) {
      if (((self->b_bitmap >> i) & 1) == 0) continue;
      if (!self->b_array[j]) {
        new_node->a_array[i] = static_cast<HamtNode*>(new_ref(self->b_array[j + 1]));
      } else {
        int32_t rehash = hamt_hash(self->b_array[j]);
        if (rehash == -1) {
          decref(empty);
          decref(new_node);
          return nullptr;
        }
        new_node->a_array[i] = node_assoc(empty, shift + 5, rehash, self->b_array[j],
                                          self->b_array[j + 1], added_leaf);
        if (!new_node->a_array[i]) {
          decref(empty);
          decref(new_node);
          return nullptr;
        }
      }
      j += 2;
    }
    decref(empty);
    return new_node;
  }
  uint32_t key_idx = 2 * idx, val_idx = key_idx + 1;
  *added_leaf = 1;
  BitmapNode* new_node = bitmap_new(2 * (n + 1));
  if (!new_node) return nullptr;
  for (uint32_t i = 0; i < key_idx; ++i) new_node->b_array[i] = xnew_ref(self->b_array[i]);
  new_node->b_array[key_idx] = new_ref(key);
  new_node->b_array[val_idx] = new_ref(val);
  for (uint32_t i = key_idx; i < uint32_t(self->size); ++i)
    new_node->b_array[i + 2] = xnew_ref(self->b_array[i]);
  new_node->b_bitmap = self->b_bitmap | bit;
  return new_node;
}

WithoutResult bitmap_without(BitmapNode* self, uint32_t shift, int32_t hash, Object* key,
                             HamtNode** new_node) {  // hamt_node_bitmap_without
  uint32_t bit = hamt_bitpos(hash, shift);
  if ((self->b_bitmap & bit) == 0) return kWNotFound;
  uint32_t idx = hamt_bitindex(self->b_bitmap, bit);
  uint32_t key_idx = 2 * idx, val_idx = key_idx + 1;
  Object* key_or_null = self->b_array[key_idx];
  Object* val_or_node = self->b_array[val_idx];
  if (!key_or_null) {
    HamtNode* sub = nullptr;
    WithoutResult res = node_without(static_cast<HamtNode*>(val_or_node), shift + 5, hash, key, &sub);
    switch (res) {
      case kWEmpty:  // cannot happen: single-item children are inlined
        errors::format(exc_SystemError, "hamt: unexpected empty subtree");
        return kWError;
      case kWNewNode: {
        if (is_bitmap(sub)) {
          auto* sub_tree = static_cast<BitmapNode*>(sub);
          if (bitmap_count(sub_tree) == 1 && sub_tree->b_array[0]) {
            // A single key/value left below: inline it into this node.
            BitmapNode* c = bitmap_clone(self);
            if (!c) {
              decref(sub);
              return kWError;
            }
            xsetref(c->b_array[key_idx], new_ref(sub_tree->b_array[0]));
            xsetref(c->b_array[val_idx], new_ref(sub_tree->b_array[1]));
            decref(sub);
            *new_node = c;
            return kWNewNode;
          }
        }
        BitmapNode* c = bitmap_clone(self);
        if (!c) {
          decref(sub);
          return kWError;
        }
        xsetref(c->b_array[val_idx], static_cast<Object*>(sub));
        *new_node = c;
        return kWNewNode;
      }
      default:
        return res;
    }
  }
  int cmp = object_rich_compare_bool(key_or_null, key, kEQ);
  if (cmp < 0) return kWError;
  if (cmp == 0) return kWNotFound;
  if (bitmap_count(self) == 1) return kWEmpty;
  *new_node = bitmap_clone_without(self, bit);
  return *new_node ? kWNewNode : kWError;
}

FindResult bitmap_find(BitmapNode* self, uint32_t shift, int32_t hash, Object* key,
                       Object** val) {  // hamt_node_bitmap_find
  uint32_t bit = hamt_bitpos(hash, shift);
  if ((self->b_bitmap & bit) == 0) return kFNotFound;
  uint32_t idx = hamt_bitindex(self->b_bitmap, bit);
  Object* key_or_null = self->b_array[2 * idx];
  Object* val_or_node = self->b_array[2 * idx + 1];
  if (!key_or_null) return node_find(static_cast<HamtNode*>(val_or_node), shift + 5, hash, key, val);
  int cmp = object_rich_compare_bool(key, key_or_null, kEQ);
  if (cmp < 0) return kFError;
  if (cmp == 1) {
    *val = val_or_node;
    return kFFound;
  }
  return kFNotFound;
}

// ---- collision nodes -------------------------------------------------------------------

FindResult collision_find_index(CollisionNode* self, Object* key, ssize* idx) {
  for (ssize i = 0; i < self->size; i += 2) {
    int cmp = object_rich_compare_bool(key, self->c_array[i], kEQ);
    if (cmp < 0) return kFError;
    if (cmp == 1) {
      *idx = i;
      return kFFound;
    }
  }
  return kFNotFound;
}

HamtNode* collision_assoc(CollisionNode* self, uint32_t shift, int32_t hash, Object* key,
                          Object* val, int* added_leaf) {  // hamt_node_collision_assoc
  if (hash == self->c_hash) {
    ssize key_idx = -1;
    switch (collision_find_index(self, key, &key_idx)) {
      case kFError:
        return nullptr;
      case kFNotFound: {
        CollisionNode* n = collision_new(self->c_hash, self->size + 2);
        if (!n) return nullptr;
        ssize i = 0;
        for (; i < self->size; ++i) n->c_array[i] = new_ref(self->c_array[i]);
        n->c_array[i] = new_ref(key);
        n->c_array[i + 1] = new_ref(val);
        *added_leaf = 1;
        return n;
      }
      case kFFound: {
        ssize val_idx = key_idx + 1;
        if (self->c_array[val_idx] == val) return new_ref(self);
        CollisionNode* n = collision_new(self->c_hash, self->size);
        if (!n) return nullptr;
        for (ssize i = 0; i < self->size; ++i) n->c_array[i] = new_ref(self->c_array[i]);
        xsetref(n->c_array[val_idx], new_ref(val));
        return n;
      }
    }
    return nullptr;
  }
  // A different hash: a bitmap node holding this collision node and the new key.
  BitmapNode* n = bitmap_new(2);
  if (!n) return nullptr;
  n->b_bitmap = hamt_bitpos(self->c_hash, shift);
  n->b_array[1] = new_ref(static_cast<Object*>(self));
  HamtNode* r = bitmap_assoc(n, shift, hash, key, val, added_leaf);
  decref(n);
  return r;
}

WithoutResult collision_without(CollisionNode* self, uint32_t shift, int32_t hash, Object* key,
                                HamtNode** new_node) {  // hamt_node_collision_without
  if (hash != self->c_hash) return kWNotFound;
  ssize key_idx = -1;
  switch (collision_find_index(self, key, &key_idx)) {
    case kFError:
      return kWError;
    case kFNotFound:
      return kWNotFound;
    case kFFound:
      break;
  }
  ssize new_count = collision_count(self) - 1;
  if (new_count == 0) return kWEmpty;
  if (new_count == 1) {
    // A collision node of one key becomes a bitmap node.
    BitmapNode* n = bitmap_new(2);
    if (!n) return kWError;
    ssize keep = key_idx == 0 ? 2 : 0;
    n->b_array[0] = new_ref(self->c_array[keep]);
    n->b_array[1] = new_ref(self->c_array[keep + 1]);
    n->b_bitmap = hamt_bitpos(hash, shift);
    *new_node = n;
    return kWNewNode;
  }
  CollisionNode* n = collision_new(self->c_hash, self->size - 2);
  if (!n) return kWError;
  for (ssize i = 0; i < key_idx; ++i) n->c_array[i] = new_ref(self->c_array[i]);
  for (ssize i = key_idx + 2; i < self->size; ++i) n->c_array[i - 2] = new_ref(self->c_array[i]);
  *new_node = n;
  return kWNewNode;
}

FindResult collision_find(CollisionNode* self, Object* key, Object** val) {
  ssize idx = -1;
  FindResult r = collision_find_index(self, key, &idx);
  if (r != kFFound) return r;
  *val = self->c_array[idx + 1];
  return kFFound;
}

// ---- array nodes -----------------------------------------------------------------------

HamtNode* array_assoc(ArrayNode* self, uint32_t shift, int32_t hash, Object* key, Object* val,
                      int* added_leaf) {  // hamt_node_array_assoc
  uint32_t idx = hamt_mask(hash, shift);
  HamtNode* node = self->a_array[idx];
  if (!node) {
    BitmapNode* empty = bitmap_new(0);
    HamtNode* child = bitmap_assoc(empty, shift + 5, hash, key, val, added_leaf);
    decref(empty);
    if (!child) return nullptr;
    ArrayNode* n = array_new(self->a_count + 1);
    if (!n) {
      decref(child);
      return nullptr;
    }
    for (int i = 0; i < kArrayNodeSize; ++i) n->a_array[i] = xnew_ref(self->a_array[i]);
    n->a_array[idx] = child;
    return n;
  }
  HamtNode* child = node_assoc(node, shift + 5, hash, key, val, added_leaf);
  if (!child) return nullptr;
  if (child == static_cast<HamtNode*>(self)) {  // as CPython compares (never true)
    decref(child);
    return self;
  }
  ArrayNode* n = array_clone(self);
  if (!n) {
    decref(child);
    return nullptr;
  }
  xsetref(n->a_array[idx], child);
  return n;
}

WithoutResult array_without(ArrayNode* self, uint32_t shift, int32_t hash, Object* key,
                            HamtNode** new_node) {  // hamt_node_array_without
  uint32_t idx = hamt_mask(hash, shift);
  HamtNode* node = self->a_array[idx];
  if (!node) return kWNotFound;
  HamtNode* sub = nullptr;
  WithoutResult res = node_without(node, shift + 5, hash, key, &sub);
  switch (res) {
    case kWNotFound:
    case kWError:
      return res;
    case kWNewNode: {
      ArrayNode* c = array_clone(self);
      if (!c) {
        decref(sub);
        return kWError;
      }
      xsetref(c->a_array[idx], sub);
      *new_node = c;
      return kWNewNode;
    }
    case kWEmpty:
      break;
  }
  ssize new_count = self->a_count - 1;
  if (new_count == 0) return kWEmpty;
  if (new_count >= 16) {
    ArrayNode* c = array_clone(self);
    if (!c) return kWError;
    c->a_count = new_count;
    clear(c->a_array[idx]);
    *new_node = c;
    return kWNewNode;
  }
  // Fewer than 16 children: back to a bitmap node, inlining single-key bitmap children.
  BitmapNode* n = bitmap_new(new_count * 2);
  if (!n) return kWError;
  uint32_t bitmap = 0;
  ssize new_i = 0;
  for (uint32_t i = 0; i < kArrayNodeSize; ++i) {
    if (i == idx) continue;
    HamtNode* child = self->a_array[i];
    if (!child) continue;
    bitmap |= 1U << i;
    if (is_bitmap(child) && bitmap_count(static_cast<BitmapNode*>(child)) == 1 &&
        static_cast<BitmapNode*>(child)->b_array[0]) {
      auto* b = static_cast<BitmapNode*>(child);
      n->b_array[new_i] = new_ref(b->b_array[0]);
      n->b_array[new_i + 1] = new_ref(b->b_array[1]);
    } else {
      n->b_array[new_i] = nullptr;
      n->b_array[new_i + 1] = new_ref(static_cast<Object*>(child));
    }
    new_i += 2;
  }
  n->b_bitmap = bitmap;
  *new_node = n;
  return kWNewNode;
}

FindResult array_find(ArrayNode* self, uint32_t shift, int32_t hash, Object* key, Object** val) {
  HamtNode* node = self->a_array[hamt_mask(hash, shift)];
  if (!node) return kFNotFound;
  return node_find(node, shift + 5, hash, key, val);
}

// ---- dispatch --------------------------------------------------------------------------

HamtNode* node_assoc(HamtNode* node, uint32_t shift, int32_t hash, Object* key, Object* val,
                     int* added_leaf) {  // hamt_node_assoc
  if (is_bitmap(node))
    return bitmap_assoc(static_cast<BitmapNode*>(node), shift, hash, key, val, added_leaf);
  if (is_array(node))
    return array_assoc(static_cast<ArrayNode*>(node), shift, hash, key, val, added_leaf);
  return collision_assoc(static_cast<CollisionNode*>(node), shift, hash, key, val, added_leaf);
}

WithoutResult node_without(HamtNode* node, uint32_t shift, int32_t hash, Object* key,
                           HamtNode** new_node) {  // hamt_node_without
  if (is_bitmap(node))
    return bitmap_without(static_cast<BitmapNode*>(node), shift, hash, key, new_node);
  if (is_array(node))
    return array_without(static_cast<ArrayNode*>(node), shift, hash, key, new_node);
  return collision_without(static_cast<CollisionNode*>(node), shift, hash, key, new_node);
}

FindResult node_find(HamtNode* node, uint32_t shift, int32_t hash, Object* key, Object** val) {
  if (is_bitmap(node)) return bitmap_find(static_cast<BitmapNode*>(node), shift, hash, key, val);
  if (is_array(node)) return array_find(static_cast<ArrayNode*>(node), shift, hash, key, val);
  return collision_find(static_cast<CollisionNode*>(node), key, val);
}

// ---- iteration (hamt_iterator_*) -----------------------------------------------------------

struct IteratorState {
  HamtNode* i_nodes[kMaxTreeDepth];
  ssize i_pos[kMaxTreeDepth];
  int8_t i_level;
};

void iterator_init(IteratorState* it, HamtNode* root) {
  for (int i = 0; i < kMaxTreeDepth; ++i) {
    it->i_nodes[i] = nullptr;
    it->i_pos[i] = 0;
  }
  it->i_level = 0;
  it->i_nodes[0] = root;
}

// hamt_iterator_next: true with borrowed key and value, false at the end.
bool iterator_next(IteratorState* it, Object** key, Object** val) {
  for (;;) {
    if (it->i_level < 0) return false;
    int8_t level = it->i_level;
    HamtNode* current = it->i_nodes[level];
    if (is_bitmap(current)) {
      auto* node = static_cast<BitmapNode*>(current);
      ssize pos = it->i_pos[level];
      if (pos + 1 >= node->size) {
        it->i_level--;
        continue;
      }
      if (!node->b_array[pos]) {
        it->i_pos[level] = pos + 2;
        int8_t next = level + 1;
        it->i_level = next;
        it->i_pos[next] = 0;
        it->i_nodes[next] = static_cast<HamtNode*>(node->b_array[pos + 1]);
        continue;
      }
      *key = node->b_array[pos];
      *val = node->b_array[pos + 1];
      it->i_pos[level] = pos + 2;
      return true;
    }
    if (is_array(current)) {
      auto* node = static_cast<ArrayNode*>(current);
      ssize idx = it->i_pos[level];
      if (idx >= kArrayNodeSize) {
        it->i_level--;
        continue;
      }
      for (ssize i = idx; i < kArrayNodeSize; ++i) {
        if (node->a_array[i]) {
          it->i_pos[level] = i + 1;
          int8_t next = level + 1;
          it->i_pos[next] = 0;
          it->i_nodes[next] = node->a_array[i];
          it->i_level = next;
          goto again;
        }
      }
      it->i_level--;
      continue;
    }
    {
      auto* node = static_cast<CollisionNode*>(current);
      ssize pos = it->i_pos[level];
      if (pos + 1 >= node->size) {
        it->i_level--;
        continue;
      }
      *key = node->c_array[pos];
      *val = node->c_array[pos + 1];
      it->i_pos[level] = pos + 2;
      return true;
    }
  again:;
  }
}

// ---- node types --------------------------------------------------------------------------

void bitmap_dealloc(Object* o) {
  auto* n = static_cast<BitmapNode*>(o);
  if (n->size == 0) return;  // the immortal empty node
  gc::untrack(o);
  for (ssize i = n->size; i-- > 0;) xdecref(n->b_array[i]);
  gc::gc_free(o);
}
int bitmap_traverse(Object* o, visitproc visit, void* arg) {
  auto* n = static_cast<BitmapNode*>(o);
  for (ssize i = n->size; i-- > 0;)
    if (n->b_array[i])
      if (int r = visit(n->b_array[i], arg)) return r;
  return 0;
}
void collision_dealloc(Object* o) {
  auto* n = static_cast<CollisionNode*>(o);
  gc::untrack(o);
  for (ssize i = n->size; i-- > 0;) xdecref(n->c_array[i]);
  gc::gc_free(o);
}
int collision_traverse(Object* o, visitproc visit, void* arg) {
  auto* n = static_cast<CollisionNode*>(o);
  for (ssize i = n->size; i-- > 0;)
    if (n->c_array[i])
      if (int r = visit(n->c_array[i], arg)) return r;
  return 0;
}
void array_dealloc(Object* o) {
  auto* n = static_cast<ArrayNode*>(o);
  gc::untrack(o);
  for (auto* c : n->a_array) xdecref(c);
  gc::gc_free(o);
}
int array_traverse(Object* o, visitproc visit, void* arg) {
  for (auto* c : static_cast<ArrayNode*>(o)->a_array)
    if (c)
      if (int r = visit(c, arg)) return r;
  return 0;
}

// ---- the hamt object -------------------------------------------------------------------

HamtObject* hamt_alloc() {
  auto* o = static_cast<HamtObject*>(gc_object(&hamt_type, sizeof(HamtObject)));
  if (!o) return nullptr;
  o->h_count = 0;
  o->h_root = nullptr;
  o->h_weakreflist = nullptr;
  gc::track(o);
  return o;
}

void hamt_dealloc(Object* o) {
  auto* h = static_cast<HamtObject*>(o);
  gc::untrack(o);
  if (h->h_weakreflist) object_clear_weakrefs(o);
  clear(h->h_root);
  gc::gc_free(o);
}
int hamt_traverse(Object* o, visitproc visit, void* arg) {
  auto* h = static_cast<HamtObject*>(o);
  return h->h_root ? visit(h->h_root, arg) : 0;
}
int hamt_tp_clear(Object* o) {
  clear(static_cast<HamtObject*>(o)->h_root);
  return 0;
}

Object* hamt_tp_richcompare(Object* v, Object* w, int op) {
  if (!hamt_check(v) || !hamt_check(w) || (op != kEQ && op != kNE))
    return return_not_implemented();
  int res = hamt_eq(static_cast<HamtObject*>(v), static_cast<HamtObject*>(w));
  if (res < 0) return nullptr;
  if (op == kNE) res = !res;
  return new_ref(res ? true_object() : false_object());
}

ssize hamt_tp_len(Object* o) { return hamt_len(static_cast<HamtObject*>(o)); }

Object* hamt_tp_subscript(Object* o, Object* key) {
  Object* val = nullptr;
  int r = hamt_find(static_cast<HamtObject*>(o), key, &val);
  if (r < 0) return nullptr;
  if (r == 0) {
    errors::set_object(exc_KeyError, key);
    return nullptr;
  }
  return new_ref(val);
}
int hamt_tp_contains(Object* o, Object* key) {
  Object* val = nullptr;
  return hamt_find(static_cast<HamtObject*>(o), key, &val);
}
Object* hamt_tp_iter(Object* o) { return hamt_new_iter_keys(static_cast<HamtObject*>(o)); }

// hamt_py_set / get / delete / items / values / keys (the test API of _testinternalcapi).
Object* hamt_py_set(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("set", nargs, 2, 2)) return nullptr;
  return hamt_assoc(static_cast<HamtObject*>(self), args[0], args[1]);
}
Object* hamt_py_get(Object* self, Object* const* args, ssize nargs) {
  if (!check_positional("get", nargs, 1, 2)) return nullptr;
  Object* val = nullptr;
  int r = hamt_find(static_cast<HamtObject*>(self), args[0], &val);
  if (r < 0) return nullptr;
  if (r == 0) return new_ref(nargs > 1 ? args[1] : none());
  return new_ref(val);
}
Object* hamt_py_delete(Object* self, Object* key) {
  return hamt_without(static_cast<HamtObject*>(self), key);
}
Object* hamt_py_items(Object* self, Object*) { return hamt_new_iter_items(static_cast<HamtObject*>(self)); }
Object* hamt_py_values(Object* self, Object*) { return hamt_new_iter_values(static_cast<HamtObject*>(self)); }
Object* hamt_py_keys(Object* self, Object*) { return hamt_new_iter_keys(static_cast<HamtObject*>(self)); }

MethodDef hamt_methods[] = {
    {"set", reinterpret_cast<void*>(hamt_py_set), kMethFastcall, nullptr},
    {"get", reinterpret_cast<void*>(hamt_py_get), kMethFastcall, nullptr},
    {"delete", reinterpret_cast<void*>(hamt_py_delete), kMethO, nullptr},
    {"items", reinterpret_cast<void*>(hamt_py_items), kMethNoArgs, nullptr},
    {"keys", reinterpret_cast<void*>(hamt_py_keys), kMethNoArgs, nullptr},
    {"values", reinterpret_cast<void*>(hamt_py_values), kMethNoArgs, nullptr},
    {nullptr, nullptr, 0, nullptr}};

MappingMethods hamt_as_mapping = {hamt_tp_len, hamt_tp_subscript, nullptr};
SequenceMethods hamt_as_sequence = {nullptr, nullptr, nullptr, nullptr, nullptr,
                                    nullptr, nullptr, hamt_tp_contains, nullptr, nullptr};

// ---- iterators (PyHamtIterator: the "keys", "values" and "items" types) --------------------

enum class IterKind { kKeys, kValues, kItems };

struct HamtIterator : Object {
  HamtObject* hi_obj;
  IteratorState hi_iter;
  IterKind kind;
};

Object* hamt_iter_new(TypeObject* type, IterKind kind, HamtObject* o) {
  auto* it = static_cast<HamtIterator*>(gc_object(type, sizeof(HamtIterator)));
  if (!it) return nullptr;
  it->hi_obj = new_ref(o);
  it->kind = kind;
  iterator_init(&it->hi_iter, o->h_root);
  gc::track(it);
  return it;
}
void hamt_iter_dealloc(Object* o) {
  gc::untrack(o);
  clear(static_cast<HamtIterator*>(o)->hi_obj);
  gc::gc_free(o);
}
int hamt_iter_traverse(Object* o, visitproc visit, void* arg) {
  auto* it = static_cast<HamtIterator*>(o);
  return it->hi_obj ? visit(it->hi_obj, arg) : 0;
}
ssize hamt_iter_len(Object* o) {
  auto* it = static_cast<HamtIterator*>(o);
  return it->hi_obj ? it->hi_obj->h_count : 0;
}
Object* hamt_iter_next(Object* o) {
  auto* it = static_cast<HamtIterator*>(o);
  if (!it->hi_obj) return nullptr;
  Object *key = nullptr, *val = nullptr;
  if (!iterator_next(&it->hi_iter, &key, &val)) return nullptr;
  switch (it->kind) {
    case IterKind::kKeys:
      return new_ref(key);
    case IterKind::kValues:
      return new_ref(val);
    case IterKind::kItems:
      return tuple_pack(2, key, val);
  }
  return nullptr;
}
MappingMethods hamt_iter_as_mapping = {hamt_iter_len, nullptr, nullptr};

TypeObject make_iter_type(const char* name) {
  TypeObject t = static_type(name, sizeof(HamtIterator), 0, kTpflagsHaveGc);
  t.dealloc = hamt_iter_dealloc;
  t.traverse = hamt_iter_traverse;
  t.getattro = object_generic_getattr;
  t.as_mapping = &hamt_iter_as_mapping;
  t.iter = object_self_iter;
  t.iternext = hamt_iter_next;
  return t;
}

TypeObject make_node_type(const char* name, ssize basicsize, ssize itemsize, destructor dealloc,
                          traverseproc traverse) {
  TypeObject t = static_type(name, basicsize, itemsize, kTpflagsHaveGc);
  t.dealloc = dealloc;
  t.traverse = traverse;
  t.getattro = object_generic_getattr;
  return t;
}

}  // namespace

TypeObject hamt_bitmap_node_type =
    make_node_type("hamt_bitmap_node", offsetof(BitmapNode, b_array), sizeof(Object*),
                   bitmap_dealloc, bitmap_traverse);
TypeObject hamt_array_node_type = make_node_type("hamt_array_node", sizeof(ArrayNode), 0,
                                                 array_dealloc, array_traverse);
TypeObject hamt_collision_node_type =
    make_node_type("hamt_collision_node", offsetof(CollisionNode, c_array), sizeof(Object*),
                   collision_dealloc, collision_traverse);
TypeObject hamt_keys_type = make_iter_type("keys");
TypeObject hamt_values_type = make_iter_type("values");
TypeObject hamt_items_type = make_iter_type("items");

TypeObject hamt_type = [] {
  TypeObject t = static_type("hamt", sizeof(HamtObject), 0, kTpflagsHaveGc);
  t.dealloc = hamt_dealloc;
  t.traverse = hamt_traverse;
  t.clear = hamt_tp_clear;
  t.richcompare = hamt_tp_richcompare;
  t.as_mapping = &hamt_as_mapping;
  t.as_sequence = &hamt_as_sequence;
  t.iter = hamt_tp_iter;
  t.methods = hamt_methods;
  t.getattro = object_generic_getattr;
  t.hash = object_hash_not_implemented;
  t.weaklistoffset = static_cast<ssize>(offsetof(HamtObject, h_weakreflist));
  return t;
}();

HamtObject* hamt_new() {  // _PyHamt_New
  HamtObject* o = hamt_alloc();
  if (!o) return nullptr;
  o->h_root = bitmap_new(0);
  return o;
}

HamtObject* hamt_assoc(HamtObject* o, Object* key, Object* val) {  // _PyHamt_Assoc
  int32_t key_hash = hamt_hash(key);
  if (key_hash == -1) return nullptr;
  int added_leaf = 0;
  HamtNode* new_root = node_assoc(o->h_root, 0, key_hash, key, val, &added_leaf);
  if (!new_root) return nullptr;
  if (new_root == o->h_root) {
    decref(new_root);
    return new_ref(o);
  }
  HamtObject* n = hamt_alloc();
  if (!n) {
    decref(new_root);
    return nullptr;
  }
  n->h_root = new_root;
  n->h_count = added_leaf ? o->h_count + 1 : o->h_count;
  return n;
}

HamtObject* hamt_without(HamtObject* o, Object* key) {  // _PyHamt_Without
  int32_t key_hash = hamt_hash(key);
  if (key_hash == -1) return nullptr;
  HamtNode* new_root = nullptr;
  switch (node_without(o->h_root, 0, key_hash, key, &new_root)) {
    case kWError:
      return nullptr;
    case kWEmpty:
      return hamt_new();
    case kWNotFound:
      return new_ref(o);
    case kWNewNode: {
      HamtObject* n = hamt_alloc();
      if (!n) {
        decref(new_root);
        return nullptr;
      }
      n->h_root = new_root;
      n->h_count = o->h_count - 1;
      return n;
    }
  }
  return nullptr;
}

int hamt_find(HamtObject* o, Object* key, Object** val) {  // _PyHamt_Find
  if (o->h_count == 0) return 0;
  int32_t key_hash = hamt_hash(key);
  if (key_hash == -1) return -1;
  switch (node_find(o->h_root, 0, key_hash, key, val)) {
    case kFError:
      return -1;
    case kFNotFound:
      return 0;
    case kFFound:
      return 1;
  }
  return -1;
}

int hamt_eq(HamtObject* v, HamtObject* w) {  // _PyHamt_Eq
  if (v == w) return 1;
  if (v->h_count != w->h_count) return 0;
  IteratorState iter;
  iterator_init(&iter, v->h_root);
  Object *v_key = nullptr, *v_val = nullptr;
  while (iterator_next(&iter, &v_key, &v_val)) {
    int32_t v_hash = hamt_hash(v_key);
    if (v_hash == -1) return -1;
    Object* w_val = nullptr;
    switch (node_find(w->h_root, 0, v_hash, v_key, &w_val)) {
      case kFError:
        return -1;
      case kFNotFound:
        return 0;
      case kFFound: {
        int cmp = object_rich_compare_bool(v_val, w_val, kEQ);
        if (cmp < 0) return -1;
        if (cmp == 0) return 0;
      }
    }
  }
  return 1;
}

Object* hamt_new_iter_keys(HamtObject* o) { return hamt_iter_new(&hamt_keys_type, IterKind::kKeys, o); }
Object* hamt_new_iter_values(HamtObject* o) {
  return hamt_iter_new(&hamt_values_type, IterKind::kValues, o);
}
Object* hamt_new_iter_items(HamtObject* o) {
  return hamt_iter_new(&hamt_items_type, IterKind::kItems, o);
}

int init_hamt_types() {
  TypeObject* const types[] = {&hamt_type, &hamt_bitmap_node_type, &hamt_array_node_type,
                               &hamt_collision_node_type, &hamt_keys_type, &hamt_values_type,
                               &hamt_items_type};
  for (TypeObject* t : types)
    if (!type_has_feature(t, kTpflagsReady) && type_ready(t) < 0) return -1;
  return 0;
}

}  // namespace cppy::objects
