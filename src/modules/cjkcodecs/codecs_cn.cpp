// The _codecs_cn module: Modules/cjkcodecs/_codecs_cn.c: gb2312, gbk, gb18030 (with its
// four-byte ranges) and the stateful hz.
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

// GBK_DECODE: the three codes GBK maps apart from GB2312, then GB2312, then the GBK extension.
// True with *out set.
inline bool gbk_decode(unsigned c1, unsigned c2, uint32_t* out) {
  if (c1 == 0xa1 && c2 == 0xaa) {
    *out = 0x2014;
  } else if (c1 == 0xa8 && c2 == 0x44) {
    *out = 0x2015;
  } else if (c1 == 0xa1 && c2 == 0xa4) {
    *out = 0x00b7;
  } else if (trymap_dec(gb2312_decmap, c1 ^ 0x80, c2 ^ 0x80, out)) {
  } else if (trymap_dec(gbkext_decmap, c1, c2, out)) {
  } else {
    return false;
  }
  return true;
}

// GBK_ENCODE.
inline bool gbk_encode(uint32_t c, uint16_t* code) {
  if (c == 0x2014) {
    *code = 0xa1aa;
  } else if (c == 0x2015) {
    *code = 0xa844;
  } else if (c == 0x00b7) {
    *code = 0xa1a4;
  } else if (c != 0x30fb && trymap_enc(gbcommon_encmap, c, code)) {
  } else {
    return false;
  }
  return true;
}

// ---- GB2312 ---------------------------------------------------------------------------------

CJK_ENCODER(gb2312) {
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
    if (!trymap_enc(gbcommon_encmap, c, &code)) return 1;
    if (code & 0x8000) return 1;  // MSB set: GBK
    OUTBYTE1((code >> 8) | 0x80);
    OUTBYTE2((code & 0xFF) | 0x80);
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(gb2312) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = **inbuf;
    uint32_t decoded;
    if (c < 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    }
    REQUIRE_INBUF(2);
    if (!trymap_dec(gb2312_decmap, c ^ 0x80, INBYTE2 ^ 0x80, &decoded)) return 1;
    OUTCHAR(decoded);
    NEXT_IN(2);
  }
  return 0;
}

// ---- GBK ------------------------------------------------------------------------------------

CJK_ENCODER(gbk) {
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
    if (!gbk_encode(c, &code)) return 1;
    OUTBYTE1((code >> 8) | 0x80);
    if (code & 0x8000)
      OUTBYTE2(code & 0xFF);  // MSB set: GBK
    else
      OUTBYTE2((code & 0xFF) | 0x80);  // MSB unset: GB2312
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(gbk) {
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
    if (!gbk_decode(c, INBYTE2, &decoded)) return 1;
    OUTCHAR(decoded);
    NEXT_IN(2);
  }
  return 0;
}

// ---- GB18030 --------------------------------------------------------------------------------

// The four bytes of the linear index tc of a four-byte code whose first byte starts at base.
inline void gb18030_four(uint32_t tc, unsigned base, unsigned char* out) {
  out[3] = static_cast<unsigned char>(tc % 10 + 0x30);
  tc /= 10;
  out[2] = static_cast<unsigned char>(tc % 126 + 0x81);
  tc /= 126;
  out[1] = static_cast<unsigned char>(tc % 10 + 0x30);
  tc /= 10;
  out[0] = static_cast<unsigned char>(tc + base);
}

CJK_ENCODER(gb18030) {
  (void)state, (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80) {
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    }
    if (c >= 0x10000) {
      REQUIRE_OUTBUF(4);
      gb18030_four(c - 0x10000, 0x90, *outbuf);
      NEXT(1, 4);
      continue;
    }
    REQUIRE_OUTBUF(2);
    if (gbk_encode(c, &code)) {
    } else if (trymap_enc(gb18030ext_encmap, c, &code)) {
    } else {
      REQUIRE_OUTBUF(4);
      const Gb18030Range* utrrange = gb18030_to_unibmp_ranges;
      for (; utrrange->first != 0; utrrange++) {
        if (utrrange->first <= c && c <= utrrange->last) {
          gb18030_four(c - utrrange->first + utrrange->base, 0x81, *outbuf);
          NEXT(1, 4);
          break;
        }
      }
      if (utrrange->first == 0) return 1;
      continue;
    }
    OUTBYTE1((code >> 8) | 0x80);
    if (code & 0x8000)
      OUTBYTE2(code & 0xFF);  // MSB set: GBK or the GB18030 extension
    else
      OUTBYTE2((code & 0xFF) | 0x80);  // MSB unset: GB2312
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(gb18030) {
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
    unsigned c2 = INBYTE2;
    if (c2 >= 0x30 && c2 <= 0x39) {
      // A four-byte sequence.
      REQUIRE_INBUF(4);
      unsigned c3 = INBYTE3;
      unsigned c4 = INBYTE4;
      if (c < 0x81 || c > 0xFE || c3 < 0x81 || c3 > 0xFE || c4 < 0x30 || c4 > 0x39) return 1;
      c -= 0x81;
      c2 -= 0x30;
      c3 -= 0x81;
      c4 -= 0x30;
      if (c < 4) {
        // U+0080 - U+FFFF.
        uint32_t lseq = (c * 10 + c2) * 1260 + c3 * 10 + c4;
        if (lseq < 39420) {
          const Gb18030Range* utr = gb18030_to_unibmp_ranges;
          for (; lseq >= (utr + 1)->base; utr++) {
          }
          OUTCHAR(utr->first - utr->base + lseq);
          NEXT_IN(4);
          continue;
        }
      } else if (c >= 15) {
        // U+10000 - U+10FFFF.
        uint32_t lseq = 0x10000 + ((c - 15) * 10 + c2) * 1260 + c3 * 10 + c4;
        if (lseq <= 0x10FFFF) {
          OUTCHAR(lseq);
          NEXT_IN(4);
          continue;
        }
      }
      return 1;
    }
    if (gbk_decode(c, c2, &decoded) || trymap_dec(gb18030ext_decmap, c, c2, &decoded))
      OUTCHAR(decoded);
    else
      return 1;
    NEXT_IN(2);
  }
  return 0;
}

// ---- HZ: state->i is 1 inside ~{ ... ~} (GB2312 mode) -------------------------------------

CJK_ENCODER_INIT(hz) {
  (void)config;
  state->i = 0;
  return 0;
}

CJK_ENCODER_RESET(hz) {
  (void)config;
  if (state->i != 0) {
    WRITEBYTE2('~', '}');
    state->i = 0;
    NEXT_OUT(2);
  }
  return 0;
}

CJK_ENCODER(hz) {
  (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80) {
      if (state->i) {
        WRITEBYTE2('~', '}');
        NEXT_OUT(2);
        state->i = 0;
      }
      WRITEBYTE1(c);
      NEXT(1, 1);
      if (c == '~') {
        WRITEBYTE1('~');
        NEXT_OUT(1);
      }
      continue;
    }
    if (c > 0xFFFF) return 1;
    if (!trymap_enc(gbcommon_encmap, c, &code)) return 1;
    if (code & 0x8000) return 1;  // MSB set: GBK
    if (state->i == 0) {
      WRITEBYTE4('~', '{', code >> 8, code & 0xff);
      NEXT(1, 4);
      state->i = 1;
    } else {
      WRITEBYTE2(code >> 8, code & 0xff);
      NEXT(1, 2);
    }
  }
  return 0;
}

CJK_DECODER_INIT(hz) {
  (void)config;
  state->i = 0;
  return 0;
}

CJK_DECODER_RESET(hz) {
  (void)config;
  state->i = 0;
  return 0;
}

CJK_DECODER(hz) {
  (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c == '~') {
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      if (c2 == '~' && state->i == 0)
        OUTCHAR('~');
      else if (c2 == '{' && state->i == 0)
        state->i = 1;  // set GB
      else if (c2 == '\n' && state->i == 0)
        ;  // line continuation
      else if (c2 == '}' && state->i == 1)
        state->i = 0;  // set ASCII
      else
        return 1;
      NEXT_IN(2);
      continue;
    }
    if (c & 0x80) return 1;
    if (state->i == 0) {
      // ASCII mode.
      OUTCHAR(c);
      NEXT_IN(1);
    } else {
      // GB mode.
      REQUIRE_INBUF(2);
      if (!trymap_dec(gb2312_decmap, c, INBYTE2, &decoded)) return 1;
      OUTCHAR(decoded);
      NEXT_IN(2);
    }
  }
  return 0;
}

const DbcsMap cn_maps[] = {
    {"gb2312", nullptr, gb2312_decmap},
    {"gbkext", nullptr, gbkext_decmap},
    {"gbcommon", gbcommon_encmap, nullptr},
    {"gb18030ext", gb18030ext_encmap, gb18030ext_decmap},
    {"", nullptr, nullptr},
};

const MultibyteCodec cn_codecs[] = {
    CJK_CODEC_STATELESS(gb2312),
    CJK_CODEC_STATELESS(gbk),
    CJK_CODEC_STATELESS(gb18030),
    CJK_CODEC_STATEFUL(hz),
    CJK_CODEC_END,
};

Object* cn_getcodec(Object*, Object* encoding) { return getcodec(cn_codecs, encoding); }

MethodDef cn_methods[] = {
    {"getcodec", reinterpret_cast<void*>(cn_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int cn_exec(Object* m) { return register_maps(m, cn_maps); }

ModuleDef cn_def = {"_codecs_cn", nullptr, cn_methods, cn_exec};

}  // namespace

ModuleDef* codecs_cn_module_def() { return &cn_def; }

}  // namespace cppy::modules::cjkcodecs
