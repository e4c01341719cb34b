// The common multibyte codec machinery (Modules/cjkcodecs/multibytecodec.h, the codec-facing
// parts of cjkcodecs.h) shared by the _multibytecodec module and the _codecs_{jp,kr,cn,tw,hk,
// iso2022} modules.
#pragma once

#include <cstdint>

#include "objects/object.h"

namespace cppy::objects {
class StrWriter;
}

namespace cppy::modules::cjkcodecs {

using objects::Object;
using objects::ssize;

// MultibyteCodec_State: 8 bytes a stateful codec keeps between calls (getstate() exposes
// them as they are laid out, little-endian).
union CodecState {
  int i;
  unsigned char c[8];
  uint16_t u2[4];
  uint32_t u4[2];
};

// The codec functions' results: 0 done, a positive count of illegal input units, or one of:
constexpr ssize kErrTooSmall = -1;   // MBERR_TOOSMALL: the output buffer is full
constexpr ssize kErrTooFew = -2;     // MBERR_TOOFEW: the input ends inside a sequence
constexpr ssize kErrInternal = -3;   // MBERR_INTERNAL
constexpr ssize kErrException = -4;  // MBERR_EXCEPTION: a Python exception is set

constexpr int kEncFlush = 0x0001;  // MBENC_FLUSH: encode everything encodable
constexpr int kEncReset = 0x0002;  // MBENC_RESET (MBENC_MAX << 1): reset after the session

// The codec's function table (MultibyteCodec).
struct MultibyteCodec {
  const char* encoding;
  const void* config;
  int (*codecinit)(const void* config);
  ssize (*encode)(CodecState* state, const void* config, unsigned kind, const void* data,
                  ssize* inpos, ssize inlen, unsigned char** outbuf, ssize outleft, int flags);
  int (*encinit)(CodecState* state, const void* config);
  ssize (*encreset)(CodecState* state, const void* config, unsigned char** outbuf,
                    ssize outleft);
  ssize (*decode)(CodecState* state, const void* config, const unsigned char** inbuf,
                  ssize inleft, objects::StrWriter* writer);
  int (*decinit)(CodecState* state, const void* config);
  ssize (*decreset)(CodecState* state, const void* config);
};

// getcodec(encoding) of a _codecs_* module (cjkcodecs.h getcodec): the codec of codecs
// (ended by an empty encoding name) called encoding, as a MultibyteCodec object made by
// _multibytecodec.__create_codec; TypeError / LookupError as CPython raises them.
Object* getcodec(const MultibyteCodec* codecs, Object* encoding);

// The capsule names of codecs (CODEC_CAPSULE, what __create_codec takes) and of the
// modules' __map_* attributes (MAP_CAPSULE).
inline constexpr const char* kCodecCapsule = "multibytecodec.codec";
inline constexpr const char* kMapCapsule = "multibytecodec.map";

}  // namespace cppy::modules::cjkcodecs

namespace cppy::modules {
struct ModuleDef;
}
namespace cppy::modules::cjkcodecs {
ModuleDef* multibytecodec_module_def();  // _multibytecodec
ModuleDef* codecs_jp_module_def();       // _codecs_jp
ModuleDef* codecs_kr_module_def();       // _codecs_kr
ModuleDef* codecs_cn_module_def();       // _codecs_cn
ModuleDef* codecs_tw_module_def();       // _codecs_tw
ModuleDef* codecs_hk_module_def();       // _codecs_hk
ModuleDef* codecs_iso2022_module_def();  // _codecs_iso2022
}  // namespace cppy::modules::cjkcodecs
