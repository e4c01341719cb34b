// The _codecs_hk module: Modules/cjkcodecs/_codecs_hk.c: big5hkscs (Big5 with the HKSCS-2004
// extension, its plane-2 characters and its four two-character codes).
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

// CODEC_INIT(big5hkscs) imports _codecs_tw's big5 maps; here they are linked in directly,
// but the import is kept so that it fails as CPython's does when _codecs_tw cannot load.
int big5hkscs_codec_init(const void*) {
  Object* mod = import_builtin("_codecs_tw");
  if (!mod) return -1;
  objects::decref(mod);
  return 0;
}

// The four pairs HKSCS 2004 encodes as one code: U+00CA/U+00EA followed by U+0304/U+030C.
const uint16_t big5hkscs_pairenc_table[4] = {0x8862, 0x8864, 0x88a3, 0x88a5};

CJK_ENCODER(big5hkscs) {
  (void)state, (void)config;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80) {
      REQUIRE_OUTBUF(1);
      **outbuf = static_cast<unsigned char>(c);
      NEXT(1, 1);
      continue;
    }
    ssize insize = 1;
    REQUIRE_OUTBUF(2);
    if (c < 0x10000) {
      if (trymap_enc(big5hkscs_bmp_encmap, c, &code)) {
        if (code == kMultiC) {
          uint32_t c2 = inlen - *inpos >= 2 ? INCHAR2 : 0;
          if (inlen - *inpos >= 2 && (c & 0xffdf) == 0x00ca && (c2 & 0xfff7) == 0x0304) {
            code = big5hkscs_pairenc_table[((c >> 4) | (c2 >> 3)) & 3];
            insize = 2;
          } else if (inlen - *inpos < 2 && !(flags & kEncFlush)) {
            return kErrTooFew;
          } else {
            code = c == 0xca ? 0x8866 : 0x88a7;  // else c == 0xea
          }
        }
      } else if (!trymap_enc(big5_encmap, c, &code)) {
        return 1;
      }
    } else if (c < 0x20000) {
      return insize;
    } else if (c < 0x30000) {
      if (!trymap_enc(big5hkscs_nonbmp_encmap, c & 0xffff, &code)) return insize;
    } else {
      return insize;
    }
    OUTBYTE1(code >> 8);
    OUTBYTE2(code & 0xFF);
    NEXT(insize, 2);
  }
  return 0;
}

// BH2S: the index of a two-byte code in the 0x87..0xFE x 0x40..0xFE grid.
constexpr int bh2s(int c1, int c2) { return (c1 - 0x87) * (0xfe - 0x40 + 1) + (c2 - 0x40); }

CJK_DECODER(big5hkscs) {
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
    if (0xc6 > c || c > 0xc8 || (c < 0xc7 && INBYTE2 < 0xa1)) {
      if (trymap_dec(big5_decmap, c, INBYTE2, &decoded)) {
        OUTCHAR(decoded);
        NEXT_IN(2);
        continue;
      }
    }
    if (trymap_dec(big5hkscs_decmap, c, INBYTE2, &decoded)) {
      int s = bh2s(static_cast<int>(c), INBYTE2);
      const unsigned char* hintbase;
      if (bh2s(0x87, 0x40) <= s && s <= bh2s(0xa0, 0xfe)) {
        hintbase = big5hkscs_phint_0;
        s -= bh2s(0x87, 0x40);
      } else if (bh2s(0xc6, 0xa1) <= s && s <= bh2s(0xc8, 0xfe)) {
        hintbase = big5hkscs_phint_12130;
        s -= bh2s(0xc6, 0xa1);
      } else if (bh2s(0xf9, 0xd6) <= s && s <= bh2s(0xfe, 0xfe)) {
        hintbase = big5hkscs_phint_21924;
        s -= bh2s(0xf9, 0xd6);
      } else {
        return kErrInternal;
      }
      // The hint bit says the character is in plane 2.
      if (hintbase[s >> 3] & (1 << (s & 7)))
        OUTCHAR(decoded | 0x20000);
      else
        OUTCHAR(decoded);
      NEXT_IN(2);
      continue;
    }
    switch ((c << 8) | INBYTE2) {
      case 0x8862:
        OUTCHAR2(0x00ca, 0x0304);
        break;
      case 0x8864:
        OUTCHAR2(0x00ca, 0x030c);
        break;
      case 0x88a3:
        OUTCHAR2(0x00ea, 0x0304);
        break;
      case 0x88a5:
        OUTCHAR2(0x00ea, 0x030c);
        break;
      default:
        return 1;
    }
    NEXT_IN(2);  // all the codes decoded here are pairs
  }
  return 0;
}

const DbcsMap hk_maps[] = {
    {"big5hkscs", nullptr, big5hkscs_decmap},
    {"big5hkscs_bmp", big5hkscs_bmp_encmap, nullptr},
    {"big5hkscs_nonbmp", big5hkscs_nonbmp_encmap, nullptr},
    {"", nullptr, nullptr},
};

const MultibyteCodec hk_codecs[] = {
    CJK_CODEC_STATELESS_WINIT(big5hkscs),
    CJK_CODEC_END,
};

Object* hk_getcodec(Object*, Object* encoding) { return getcodec(hk_codecs, encoding); }

MethodDef hk_methods[] = {
    {"getcodec", reinterpret_cast<void*>(hk_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int hk_exec(Object* m) { return register_maps(m, hk_maps); }

ModuleDef hk_def = {"_codecs_hk", nullptr, hk_methods, hk_exec};

}  // namespace

ModuleDef* codecs_hk_module_def() { return &hk_def; }

}  // namespace cppy::modules::cjkcodecs
