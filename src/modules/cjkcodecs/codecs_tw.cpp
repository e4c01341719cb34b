// The _codecs_tw module: Modules/cjkcodecs/_codecs_tw.c: big5 and cp950.
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

CJK_ENCODER(big5) {
  (void)state, (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80) {
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    }
    if (c > 0xFFFF) return 1;
    REQUIRE_OUTBUF(2);
    if (!trymap_enc(big5_encmap, c, &code)) return 1;
    OUTBYTE1(code >> 8);
    OUTBYTE2(code & 0xFF);
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(big5) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c < 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    }
    REQUIRE_INBUF(2);
    if (!trymap_dec(big5_decmap, c, INBYTE2, &decoded)) return 1;
    OUTCHAR(decoded);
    NEXT_IN(2);
  }
  return 0;
}

CJK_ENCODER(cp950) {
  (void)state, (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80) {
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    }
    if (c > 0xFFFF) return 1;
    REQUIRE_OUTBUF(2);
    if (!trymap_enc(cp950ext_encmap, c, &code) && !trymap_enc(big5_encmap, c, &code)) return 1;
    OUTBYTE1(code >> 8);
    OUTBYTE2(code & 0xFF);
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(cp950) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c < 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    }
    REQUIRE_INBUF(2);
    if (trymap_dec(cp950ext_decmap, c, INBYTE2, &decoded) ||
        trymap_dec(big5_decmap, c, INBYTE2, &decoded))
      OUTCHAR(decoded);
    else
      return 1;
    NEXT_IN(2);
  }
  return 0;
}

const DbcsMap tw_maps[] = {
    {"big5", big5_encmap, big5_decmap},
    {"cp950ext", cp950ext_encmap, cp950ext_decmap},
    {"", nullptr, nullptr},
};

const MultibyteCodec tw_codecs[] = {
    CJK_CODEC_STATELESS(big5),
    CJK_CODEC_STATELESS(cp950),
    CJK_CODEC_END,
};

Object* tw_getcodec(Object*, Object* encoding) { return getcodec(tw_codecs, encoding); }

MethodDef tw_methods[] = {
    {"getcodec", reinterpret_cast<void*>(tw_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int tw_exec(Object* m) { return register_maps(m, tw_maps); }

ModuleDef tw_def = {"_codecs_tw", nullptr, tw_methods, tw_exec};

}  // namespace

ModuleDef* codecs_tw_module_def() { return &tw_def; }

}  // namespace cppy::modules::cjkcodecs
