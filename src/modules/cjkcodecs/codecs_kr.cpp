// The _codecs_kr module: Modules/cjkcodecs/_codecs_kr.c: euc_kr (with the KS X 1001:1998
// Annex 3 make-up sequences), cp949 and johab.
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

// ---- EUC-KR ---------------------------------------------------------------------------------

constexpr unsigned kJamoFirstByte = 0xA4;  // EUCKR_JAMO_FIRSTBYTE
constexpr unsigned kJamoFiller = 0xD4;     // EUCKR_JAMO_FILLER

// The KS X 1001 jamo (second bytes) of the initial, medial and final of a syllable.
const unsigned char u2cgk_choseong[19] = {0xa1, 0xa2, 0xa4, 0xa7, 0xa8, 0xa9, 0xb1,
                                          0xb2, 0xb3, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9,
                                          0xba, 0xbb, 0xbc, 0xbd, 0xbe};
const unsigned char u2cgk_jungseong[21] = {0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5,
                                           0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc,
                                           0xcd, 0xce, 0xcf, 0xd0, 0xd1, 0xd2, 0xd3};
const unsigned char u2cgk_jongseong[28] = {0xd4, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6,
                                           0xa7, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae,
                                           0xaf, 0xb0, 0xb1, 0xb2, 0xb4, 0xb5, 0xb6,
                                           0xb7, 0xb8, 0xba, 0xbb, 0xbc, 0xbd, 0xbe};

CJK_ENCODER(euc_kr) {
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
    if (!trymap_enc(cp949_encmap, c, &code)) return 1;
    if ((code & 0x8000) == 0) {
      // A KS X 1001 character.
      OUTBYTE1((code >> 8) | 0x80);
      OUTBYTE2((code & 0xFF) | 0x80);
      NEXT(1, 2);
    } else {
      // A CP949 extension syllable: written as the KS X 1001:1998 Annex 3 make-up
      // sequence of its jamo.
      REQUIRE_OUTBUF(8);
      OUTBYTE1(kJamoFirstByte);
      OUTBYTE2(kJamoFiller);
      c -= 0xac00;  // the extension holds Hangul syllables only
      OUTBYTE3(kJamoFirstByte);
      OUTBYTE4(u2cgk_choseong[c / 588]);
      NEXT_OUT(4);
      OUTBYTE1(kJamoFirstByte);
      OUTBYTE2(u2cgk_jungseong[(c / 28) % 21]);
      OUTBYTE3(kJamoFirstByte);
      OUTBYTE4(u2cgk_jongseong[c % 28]);
      NEXT(1, 4);
    }
  }
  return 0;
}

constexpr unsigned char kNone = 127;
// The syllable indices of the jamo bytes 0xA1..0xBE.
const unsigned char cgk2u_choseong[] = {0,     1,     kNone, 2,     kNone, kNone, 3,  4,
                                        5,     kNone, kNone, kNone, kNone, kNone, kNone, kNone,
                                        6,     7,     8,     kNone, 9,     10,    11, 12,
                                        13,    14,    15,    16,    17,    18};
const unsigned char cgk2u_jongseong[] = {1,  2,  3,     4,  5,  6,  7,  kNone, 8,  9,
                                         10, 11, 12,    13, 14, 15, 16, 17,    kNone, 18,
                                         19, 20, 21,    22, kNone, 23, 24, 25, 26, 27};

CJK_DECODER(euc_kr) {
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
    if (c == kJamoFirstByte && INBYTE2 == kJamoFiller) {
      // A KS X 1001:1998 Annex 3 make-up sequence.
      REQUIRE_INBUF(8);
      if ((*inbuf)[2] != kJamoFirstByte || (*inbuf)[4] != kJamoFirstByte ||
          (*inbuf)[6] != kJamoFirstByte)
        return 1;
      unsigned cho, jung, jong;
      c = (*inbuf)[3];
      cho = (0xa1 <= c && c <= 0xbe) ? cgk2u_choseong[c - 0xa1] : kNone;
      c = (*inbuf)[5];
      jung = (0xbf <= c && c <= 0xd3) ? c - 0xbf : kNone;
      c = (*inbuf)[7];
      if (c == kJamoFiller)
        jong = 0;
      else if (0xa1 <= c && c <= 0xbe)
        jong = cgk2u_jongseong[c - 0xa1];
      else
        jong = kNone;
      if (cho == kNone || jung == kNone || jong == kNone) return 1;
      OUTCHAR(0xac00 + cho * 588 + jung * 28 + jong);
      NEXT_IN(8);
    } else if (trymap_dec(ksx1001_decmap, c ^ 0x80, INBYTE2 ^ 0x80, &decoded)) {
      OUTCHAR(decoded);
      NEXT_IN(2);
    } else {
      return 1;
    }
  }
  return 0;
}

// ---- CP949 ----------------------------------------------------------------------------------

CJK_ENCODER(cp949) {
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
    if (!trymap_enc(cp949_encmap, c, &code)) return 1;
    OUTBYTE1((code >> 8) | 0x80);
    if (code & 0x8000)
      OUTBYTE2(code & 0xFF);  // MSB set: CP949
    else
      OUTBYTE2((code & 0xFF) | 0x80);  // MSB unset: KS X 1001
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(cp949) {
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
    if (trymap_dec(ksx1001_decmap, c ^ 0x80, INBYTE2 ^ 0x80, &decoded))
      OUTCHAR(decoded);
    else if (trymap_dec(cp949ext_decmap, c, INBYTE2, &decoded))
      OUTCHAR(decoded);
    else
      return 1;
    NEXT_IN(2);
  }
  return 0;
}

// ---- JOHAB ----------------------------------------------------------------------------------

const unsigned char u2johabidx_choseong[32] = {
    0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
    0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, 0x13, 0x14,
};
const unsigned char u2johabidx_jungseong[32] = {
    0x03, 0x04, 0x05, 0x06, 0x07, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x1a, 0x1b, 0x1c, 0x1d,
};
const unsigned char u2johabidx_jongseong[32] = {
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e,
    0x0f, 0x10, 0x11, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d,
};
// The johab codes of the compatibility jamo U+3131..U+3163.
const uint16_t u2johabjamo[] = {
    0x8841, 0x8c41, 0x8444, 0x9041, 0x8446, 0x8447, 0x9441, 0x9841, 0x9c41, 0x844a, 0x844b,
    0x844c, 0x844d, 0x844e, 0x844f, 0x8450, 0xa041, 0xa441, 0xa841, 0x8454, 0xac41, 0xb041,
    0xb441, 0xb841, 0xbc41, 0xc041, 0xc441, 0xc841, 0xcc41, 0xd041, 0x8461, 0x8481, 0x84a1,
    0x84c1, 0x84e1, 0x8541, 0x8561, 0x8581, 0x85a1, 0x85c1, 0x85e1, 0x8641, 0x8661, 0x8681,
    0x86a1, 0x86c1, 0x86e1, 0x8741, 0x8761, 0x8781, 0x87a1,
};

CJK_ENCODER(johab) {
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
    if (c >= 0xac00 && c <= 0xd7a3) {
      c -= 0xac00;
      code = static_cast<uint16_t>(0x8000 | (u2johabidx_choseong[c / 588] << 10) |
                                   (u2johabidx_jungseong[(c / 28) % 21] << 5) |
                                   u2johabidx_jongseong[c % 28]);
    } else if (c >= 0x3131 && c <= 0x3163) {
      code = u2johabjamo[c - 0x3131];
    } else if (trymap_enc(cp949_encmap, c, &code)) {
      unsigned c1 = code >> 8;
      unsigned c2 = code & 0xff;
      if (((c1 >= 0x21 && c1 <= 0x2c) || (c1 >= 0x4a && c1 <= 0x7d)) &&
          (c2 >= 0x21 && c2 <= 0x7e)) {
        unsigned t1 = (c1 < 0x4a ? (c1 - 0x21 + 0x1b2) : (c1 - 0x21 + 0x197));
        unsigned t2 = (((t1 & 1) ? 0x5e : 0) + (c2 - 0x21)) & 0xff;
        OUTBYTE1(t1 >> 1);
        OUTBYTE2(t2 < 0x4e ? t2 + 0x31 : t2 + 0x43);
        NEXT(1, 2);
        continue;
      }
      return 1;
    } else {
      return 1;
    }
    OUTBYTE1(code >> 8);
    OUTBYTE2(code & 0xff);
    NEXT(1, 2);
  }
  return 0;
}

constexpr unsigned char kFill = 0xfd;
constexpr unsigned char kNo = 0xff;

// The syllable indices (or kFill / kNo) of the 5-bit johab fields.
const unsigned char johabidx_choseong[32] = {
    kNo,  kFill, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
    0x09, 0x0a,  0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, kNo,
    kNo,  kNo,   kNo,  kNo,  kNo,  kNo,  kNo,  kNo,  kNo,  kNo,
};
const unsigned char johabidx_jungseong[32] = {
    kNo,  kNo,  kFill, 0x00, 0x01, 0x02, 0x03, 0x04, kNo,  kNo,  0x05,
    0x06, 0x07, 0x08,  0x09, 0x0a, kNo,  kNo,  0x0b, 0x0c, 0x0d, 0x0e,
    0x0f, 0x10, kNo,   kNo,  0x11, 0x12, 0x13, 0x14, kNo,  kNo,
};
const unsigned char johabidx_jongseong[32] = {
    kNo,  kFill, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
    0x0a, 0x0b,  0x0c, 0x0d, 0x0e, 0x0f, 0x10, kNo,  0x11, 0x12, 0x13,
    0x14, 0x15,  0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, kNo,  kNo,
};
// The low bytes of the compatibility jamo (U+31xx) of the fields.
const unsigned char johabjamo_choseong[32] = {
    kNo,  kFill, 0x31, 0x32, 0x34, 0x37, 0x38, 0x39, 0x41, 0x42, 0x43,
    0x45, 0x46,  0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, kNo,
    kNo,  kNo,   kNo,  kNo,  kNo,  kNo,  kNo,  kNo,  kNo,  kNo,
};
const unsigned char johabjamo_jungseong[32] = {
    kNo,  kNo,  kFill, 0x4f, 0x50, 0x51, 0x52, 0x53, kNo,  kNo,  0x54,
    0x55, 0x56, 0x57,  0x58, 0x59, kNo,  kNo,  0x5a, 0x5b, 0x5c, 0x5d,
    0x5e, 0x5f, kNo,   kNo,  0x60, 0x61, 0x62, 0x63, kNo,  kNo,
};
const unsigned char johabjamo_jongseong[32] = {
    kNo,  kFill, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x39, 0x3a,
    0x3b, 0x3c,  0x3d, 0x3e, 0x3f, 0x40, 0x41, kNo,  0x42, 0x44, 0x45,
    0x46, 0x47,  0x48, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, kNo,  kNo,
};

CJK_DECODER(johab) {
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
    if (c < 0xd8) {
      // Johab hangul.
      unsigned c_cho = (c >> 2) & 0x1f;
      unsigned c_jung = ((c << 3) | c2 >> 5) & 0x1f;
      unsigned c_jong = c2 & 0x1f;
      unsigned i_cho = johabidx_choseong[c_cho];
      unsigned i_jung = johabidx_jungseong[c_jung];
      unsigned i_jong = johabidx_jongseong[c_jong];
      if (i_cho == kNo || i_jung == kNo || i_jong == kNo) return 1;
      // The U+1100 Hangul jamo are not used.
      if (i_cho == kFill) {
        if (i_jung == kFill) {
          if (i_jong == kFill)
            OUTCHAR(0x3000);
          else
            OUTCHAR(0x3100 | johabjamo_jongseong[c_jong]);
        } else {
          if (i_jong == kFill)
            OUTCHAR(0x3100 | johabjamo_jungseong[c_jung]);
          else
            return 1;
        }
      } else {
        if (i_jung == kFill) {
          if (i_jong == kFill)
            OUTCHAR(0x3100 | johabjamo_choseong[c_cho]);
          else
            return 1;
        } else {
          OUTCHAR(0xac00 + i_cho * 588 + i_jung * 28 + (i_jong == kFill ? 0 : i_jong));
        }
      }
      NEXT_IN(2);
    } else {
      // KS X 1001 except the Hangul jamo and syllables.
      if (c == 0xdf || c > 0xf9 || c2 < 0x31 || (c2 >= 0x80 && c2 < 0x91) ||
          (c2 & 0x7f) == 0x7f || (c == 0xda && (c2 >= 0xa1 && c2 <= 0xd3)))
        return 1;
      unsigned t1 = (c < 0xe0 ? 2 * (c - 0xd9) : 2 * c - 0x197) & 0xff;
      unsigned t2 = (c2 < 0x91 ? c2 - 0x31 : c2 - 0x43) & 0xff;
      t1 = (t1 + (t2 < 0x5e ? 0 : 1) + 0x21) & 0xff;
      t2 = ((t2 < 0x5e ? t2 : t2 - 0x5e) + 0x21) & 0xff;
      if (trymap_dec(ksx1001_decmap, t1, t2, &decoded))
        OUTCHAR(decoded);
      else
        return 1;
      NEXT_IN(2);
    }
  }
  return 0;
}

const DbcsMap kr_maps[] = {
    {"ksx1001", nullptr, ksx1001_decmap},
    {"cp949", cp949_encmap, nullptr},
    {"cp949ext", nullptr, cp949ext_decmap},
    {"", nullptr, nullptr},
};

const MultibyteCodec kr_codecs[] = {
    CJK_CODEC_STATELESS(euc_kr),
    CJK_CODEC_STATELESS(cp949),
    CJK_CODEC_STATELESS(johab),
    CJK_CODEC_END,
};

Object* kr_getcodec(Object*, Object* encoding) { return getcodec(kr_codecs, encoding); }

MethodDef kr_methods[] = {
    {"getcodec", reinterpret_cast<void*>(kr_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int kr_exec(Object* m) { return register_maps(m, kr_maps); }

ModuleDef kr_def = {"_codecs_kr", nullptr, kr_methods, kr_exec};

}  // namespace

ModuleDef* codecs_kr_module_def() { return &kr_def; }

}  // namespace cppy::modules::cjkcodecs
