// What the codec modules share (Modules/cjkcodecs/cjkcodecs.h): the signatures of the codec
// functions, the cursor macros they are written with, the pair search of JIS X 0213 and the
// module plumbing (getcodec, the __map_* capsules). Included by the _codecs_*.cpp files only.
#pragma once

#include "modules/cjkcodecs/mappings.h"
#include "modules/cjkcodecs/multibytecodec.h"
#include "objects/unicodeobject.h"

namespace cppy::modules::cjkcodecs {

// ENCODER / DECODER / ..._INIT / ..._RESET: the codec function signatures.
#define CJK_ENCODER(enc)                                                                   \
  ssize enc##_encode(CodecState* state, const void* config, unsigned kind, const void* data, \
                     ssize* inpos, ssize inlen, unsigned char** outbuf, ssize outleft,      \
                     int flags)
#define CJK_ENCODER_INIT(enc) int enc##_encode_init(CodecState* state, const void* config)
#define CJK_ENCODER_RESET(enc) \
  ssize enc##_encode_reset(CodecState* state, const void* config, unsigned char** outbuf, \
                           ssize outleft)
#define CJK_DECODER(enc)                                                                    \
  ssize enc##_decode(CodecState* state, const void* config, const unsigned char** inbuf,    \
                     ssize inleft, objects::StrWriter* writer)
#define CJK_DECODER_INIT(enc) int enc##_decode_init(CodecState* state, const void* config)
#define CJK_DECODER_RESET(enc) ssize enc##_decode_reset(CodecState* state, const void* config)

// The cursor macros of cjkcodecs.h.
#define NEXT_IN(i) ((*inbuf) += (i), (inleft) -= (i))
#define NEXT_INCHAR(i) ((*inpos) += (i))
#define NEXT_OUT(o) ((*outbuf) += (o), (outleft) -= (o))
#define NEXT(i, o) (NEXT_INCHAR(i), NEXT_OUT(o))
#define REQUIRE_INBUF(n) \
  do {                   \
    if (inleft < (n)) return kErrTooFew; \
  } while (0)
#define REQUIRE_OUTBUF(n) \
  do {                    \
    if (outleft < (n)) return kErrTooSmall; \
  } while (0)
#define INBYTE1 ((*inbuf)[0])
#define INBYTE2 ((*inbuf)[1])
#define INBYTE3 ((*inbuf)[2])
#define INBYTE4 ((*inbuf)[3])
#define INCHAR1 (objects::str_read(kind, data, *inpos))
#define INCHAR2 (objects::str_read(kind, data, *inpos + 1))
#define OUTCHAR(c)                                                     \
  do {                                                                 \
    if (writer->write_char(static_cast<uint32_t>(c)) < 0) return kErrException; \
  } while (0)
#define OUTCHAR2(c1, c2) \
  do {                   \
    OUTCHAR(c1);         \
    OUTCHAR(c2);         \
  } while (0)
#define OUTBYTEI(c, i) ((*outbuf)[i] = static_cast<unsigned char>(c))
#define OUTBYTE1(c) OUTBYTEI(c, 0)
#define OUTBYTE2(c) OUTBYTEI(c, 1)
#define OUTBYTE3(c) OUTBYTEI(c, 2)
#define OUTBYTE4(c) OUTBYTEI(c, 3)
#define WRITEBYTE1(c1) \
  do {                 \
    REQUIRE_OUTBUF(1); \
    OUTBYTE1(c1);      \
  } while (0)
#define WRITEBYTE2(c1, c2) \
  do {                     \
    REQUIRE_OUTBUF(2);     \
    OUTBYTE1(c1);          \
    OUTBYTE2(c2);          \
  } while (0)
#define WRITEBYTE3(c1, c2, c3) \
  do {                         \
    REQUIRE_OUTBUF(3);         \
    OUTBYTE1(c1);              \
    OUTBYTE2(c2);              \
    OUTBYTE3(c3);              \
  } while (0)
#define WRITEBYTE4(c1, c2, c3, c4) \
  do {                             \
    REQUIRE_OUTBUF(4);             \
    OUTBYTE1(c1);                  \
    OUTBYTE2(c2);                  \
    OUTBYTE3(c3);                  \
    OUTBYTE4(c4);                  \
  } while (0)

// find_pairencmap: the code of the pair (body, modifier) in the sorted haystack, or kDbcInv.
uint16_t find_pairencmap(uint16_t body, uint16_t modifier, const PairEncodeMap* haystack,
                         int haystacksize);

// A codec table entry: CODEC_STATELESS / CODEC_STATEFUL / CODEC_STATELESS_WINIT.
#define CJK_CODEC_STATELESS(enc) \
  {#enc, nullptr, nullptr, enc##_encode, nullptr, nullptr, enc##_decode, nullptr, nullptr}
#define CJK_CODEC_STATELESS_CONFIG(name, enc, config) \
  {name, config, nullptr, enc##_encode, nullptr, nullptr, enc##_decode, nullptr, nullptr}
#define CJK_CODEC_STATELESS_WINIT(enc) \
  {#enc, nullptr, enc##_codec_init, enc##_encode, nullptr, nullptr, enc##_decode, nullptr, nullptr}
#define CJK_CODEC_STATEFUL(enc)                                                               \
  {#enc, nullptr, nullptr, enc##_encode, enc##_encode_init, enc##_encode_reset, enc##_decode, \
   enc##_decode_init, enc##_decode_reset}
#define CJK_CODEC_END {"", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}

// struct dbcs_map: what a module's __map_<charset> capsule points to.
struct DbcsMap {
  const char* charset;
  const void* encmap;
  const void* decmap;
};

// register_maps: adds a __map_<charset> capsule for each entry of maps (ended by an empty
// charset name). 0 or -1.
int register_maps(Object* module, const DbcsMap* maps);

}  // namespace cppy::modules::cjkcodecs
