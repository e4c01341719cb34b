// ZstdDict: Modules/_zstd/zstddict.c of CPython 3.14. The dictionary keeps its own copy of
// the content; the digested forms are made on first use by the compressor and decompressor.
#include <cstdlib>
#include <cstring>

#include "errors/errors.h"
#include "gc/gc.h"
#include "modules/_zstd/zstd_internal.h"
#include "objects/abstract.h"
#include "objects/buffer.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/longobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::_zstd {

using namespace objects;

TypeObject zstddict_type{};

namespace {

// _zstd_ZstdDict_new_impl: ZstdDict(dict_content, /, *, is_raw=False).
Object* ZstdDict_new(TypeObject* type, Object* args, Object* kwds) {
  static const char* const kw[] = {"", "is_raw", nullptr};
  static const ArgParser parser = {"ZstdDict", kw, 1, 1, 0};
  Object* a[2] = {};
  if (!unpack_keywords(tuple_items(args), tuple_size(args), kwds, nullptr, parser, a))
    return nullptr;
  BufferHolder content;
  if (content.get(a[0]) < 0) return nullptr;
  int is_raw = 0;
  if (a[1]) {
    is_raw = object_is_true(a[1]);
    if (is_raw < 0) return nullptr;
  }
  // Every dictionary, raw ones included, has at least eight bytes.
  if (content.size() < 8) {
    errors::set_string(exc_ValueError,
                       "Zstandard dictionary content too short (must have at least eight "
                       "bytes)");
    return nullptr;
  }
  Ref<> obj = Ref<>::steal(type->alloc(type, 0));
  if (!obj) return nullptr;
  auto* self = static_cast<ZstdDict*>(obj.get());
  self->lock = new std::mutex();
  self->d_dict = nullptr;
  self->c_dicts = new std::map<int, ZSTD_CDict*>();
  self->dict_buffer = static_cast<char*>(std::malloc(static_cast<size_t>(content.size())));
  if (!self->dict_buffer) return errors::no_memory();
  std::memcpy(self->dict_buffer, content.data(), static_cast<size_t>(content.size()));
  self->dict_len = content.size();
  // 0 means a "raw content" dictionary.
  self->dict_id = ZSTD_getDictID_fromDict(self->dict_buffer, static_cast<size_t>(self->dict_len));
  if (!is_raw && self->dict_id == 0) {
    errors::set_string(exc_ValueError, "invalid Zstandard dictionary");
    return nullptr;
  }
  return obj.release();
}

// ZstdDict_dealloc: the digested dictionaries go before the content they point into.
void ZstdDict_dealloc(Object* op) {
  auto* self = static_cast<ZstdDict*>(op);
  gc::untrack(op);
  if (self->d_dict) ZSTD_freeDDict(self->d_dict);
  if (self->c_dicts) {
    for (auto& [level, cdict] : *self->c_dicts) ZSTD_freeCDict(cdict);
    delete self->c_dicts;
  }
  std::free(self->dict_buffer);
  delete self->lock;
  op->type->free(op);
}

// ZstdDict_traverse: the digested dictionaries are C objects, nothing to visit.
int ZstdDict_traverse(Object*, visitproc, void*) { return 0; }

// ZstdDict_repr.
Object* ZstdDict_repr(Object* op) {
  auto* self = static_cast<ZstdDict*>(op);
  return str_from_format("<ZstdDict dict_id=%u dict_size=%zd>",
                         static_cast<unsigned>(self->dict_id), self->dict_len);
}

// ZstdDict_length.
ssize ZstdDict_length(Object* op) { return static_cast<ZstdDict*>(op)->dict_len; }

// _zstd_ZstdDict_dict_content_get_impl.
Object* ZstdDict_dict_content(Object* op, void*) {
  auto* self = static_cast<ZstdDict*>(op);
  return bytes_from_string_and_size(self->dict_buffer, self->dict_len);
}

// The as_* getters: (self, type) tuples that ZstdCompressor / ZstdDecompressor understand.
Object* as_type(Object* op, int type) {
  Ref<> t = Ref<>::steal(long_from_long(type));
  if (!t) return nullptr;
  return tuple_pack(2, op, t.get());
}
// _zstd_ZstdDict_as_digested_dict_get_impl.
Object* ZstdDict_as_digested_dict(Object* op, void*) { return as_type(op, DICT_TYPE_DIGESTED); }
// _zstd_ZstdDict_as_undigested_dict_get_impl.
Object* ZstdDict_as_undigested_dict(Object* op, void*) {
  return as_type(op, DICT_TYPE_UNDIGESTED);
}
// _zstd_ZstdDict_as_prefix_get_impl.
Object* ZstdDict_as_prefix(Object* op, void*) { return as_type(op, DICT_TYPE_PREFIX); }

MemberDef zstddict_members[] = {
    {"dict_id", kMemberUInt, offsetof(ZstdDict, dict_id), kMemberReadonly,
     "The Zstandard dictionary, an int between 0 and 2**32.\n\n"
     "A non-zero value represents an ordinary Zstandard dictionary,\n"
     "conforming to the standardised format.\n\n"
     "A value of zero indicates a 'raw content' dictionary,\n"
     "without any restrictions on format or content."},
    {nullptr, 0, 0, 0, nullptr}};

GetSetDef zstddict_getset[] = {
    {"dict_content", ZstdDict_dict_content, nullptr,
     "The content of a Zstandard dictionary, as a bytes object.", nullptr},
    {"as_digested_dict", ZstdDict_as_digested_dict, nullptr,
     "Load as a digested dictionary to compressor.\n\n"
     "Pass this attribute as zstd_dict argument:\n"
     "compress(dat, zstd_dict=zd.as_digested_dict)\n\n"
     "1. Some advanced compression parameters of compressor may be overridden\n"
     "   by parameters of digested dictionary.\n"
     "2. ZstdDict has a digested dictionaries cache for each compression level.\n"
     "   It's faster when loading again a digested dictionary with the same\n"
     "   compression level.\n"
     "3. No need to use this for decompression.",
     nullptr},
    {"as_undigested_dict", ZstdDict_as_undigested_dict, nullptr,
     "Load as an undigested dictionary to compressor.\n\n"
     "Pass this attribute as zstd_dict argument:\n"
     "compress(dat, zstd_dict=zd.as_undigested_dict)\n\n"
     "1. The advanced compression parameters of compressor will not be overridden.\n"
     "2. Loading an undigested dictionary is costly. If load an undigested dictionary\n"
     "   multiple times, consider reusing a compressor object.\n"
     "3. No need to use this for decompression.",
     nullptr},
    {"as_prefix", ZstdDict_as_prefix, nullptr,
     "Load as a prefix to compressor/decompressor.\n\n"
     "Pass this attribute as zstd_dict argument:\n"
     "compress(dat, zstd_dict=zd.as_prefix)\n\n"
     "1. Prefix is compatible with long distance matching, while dictionary is not.\n"
     "2. It only works for the first frame, then the compressor/decompressor will\n"
     "   return to no prefix state.\n"
     "3. When decompressing, must use the same prefix as when compressing.",
     nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

SequenceMethods zstddict_as_sequence = [] {
  SequenceMethods m{};
  m.length = ZstdDict_length;
  return m;
}();

}  // namespace

// _Py_parse_zstd_dict.
ZstdDict* parse_zstd_dict(Object* dict, int* ptype) {
  if (type_check(dict, &zstddict_type)) return static_cast<ZstdDict*>(dict);
  if (tuple_check_exact(dict) && tuple_size(dict) == 2 &&
      type_check(tuple_item(dict, 0), &zstddict_type) && long_check(tuple_item(dict, 1))) {
    int type = long_as_int(tuple_item(dict, 1));
    if (type == -1 && errors::occurred()) return nullptr;
    if (type == DICT_TYPE_DIGESTED || type == DICT_TYPE_UNDIGESTED || type == DICT_TYPE_PREFIX) {
      *ptype = type;
      return static_cast<ZstdDict*>(tuple_item(dict, 0));
    }
  }
  errors::set_string(exc_TypeError, "zstd_dict argument should be a ZstdDict object.");
  return nullptr;
}

int ready_zstddict_type() {
  if (zstddict_type.name) return 0;
  TypeObject t = static_type("compression.zstd.ZstdDict", sizeof(ZstdDict), 0,
                             kTpflagsImmutabletype | kTpflagsHaveGc);
  t.doc =
      "ZstdDict(dict_content, /, *, is_raw=False)\n--\n\n"
      "Represents a Zstandard dictionary.\n\n"
      "  dict_content\n"
      "    The content of a Zstandard dictionary as a bytes-like object.\n"
      "  is_raw\n"
      "    If true, perform no checks on *dict_content*, useful for some\n"
      "    advanced cases. Otherwise, check that the content represents\n"
      "    a Zstandard dictionary created by the zstd library or CLI.\n\n"
      "The dictionary can be used for compression or decompression, and can be shared\n"
      "by multiple ZstdCompressor or ZstdDecompressor objects.";
  t.dealloc = ZstdDict_dealloc;
  t.traverse = ZstdDict_traverse;
  t.repr = ZstdDict_repr;
  t.as_sequence = &zstddict_as_sequence;
  t.members = zstddict_members;
  t.getset = zstddict_getset;
  t.alloc = type_generic_alloc;
  t.new_ = ZstdDict_new;
  t.free = object_generic_free;
  zstddict_type = t;
  if (type_ready(&zstddict_type) < 0) return -1;
  return add_module_entry(&zstddict_type);
}

}  // namespace cppy::modules::_zstd
