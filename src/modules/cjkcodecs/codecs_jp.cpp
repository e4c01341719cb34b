// The _codecs_jp module: Modules/cjkcodecs/_codecs_jp.c (with alg_jisx0201.h and
// emu_jisx0213_2000.h): shift_jis, cp932, euc_jp, shift_jis_2004, euc_jis_2004 and the
// JIS X 0213:2000 variants euc_jisx0213 and shift_jisx0213.
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

constexpr uint32_t kEmpBase = 0x20000;  // EMPBASE: the JIS X 0213 plane-2 code points

// The config of the JIS X 0213:2000 codecs ((void *)2000 in CPython).
const int kJisx0213Year2000 = 2000;
inline bool is2000(const void* config) { return config == &kJisx0213Year2000; }

// EMULATE_JISX0213_2000_ENCODE_BMP: true when c must be refused (1 is returned), else
// *code may be set (the one character that moved in 2004).
inline bool emu2000_encode_bmp_invalid(const void* config, uint32_t c) {
  return is2000(config) && (c == 0x9B1C || c == 0x4FF1 || c == 0x525D || c == 0x541E ||
                            c == 0x5653 || c == 0x59F8 || c == 0x5C5B || c == 0x5E77 ||
                            c == 0x7626 || c == 0x7E6B);
}
// EMULATE_JISX0213_2000_DECODE_PLANE1: the plane-1 codes 2000 did not have.
inline bool emu2000_decode_plane1_invalid(const void* config, unsigned c1, unsigned c2) {
  return is2000(config) &&
         ((c1 == 0x2E && c2 == 0x21) || (c1 == 0x2F && c2 == 0x7E) || (c1 == 0x4F && c2 == 0x54) ||
          (c1 == 0x4F && c2 == 0x7E) || (c1 == 0x74 && c2 == 0x27) || (c1 == 0x7E && c2 == 0x7A) ||
          (c1 == 0x7E && c2 == 0x7B) || (c1 == 0x7E && c2 == 0x7C) || (c1 == 0x7E && c2 == 0x7D) ||
          (c1 == 0x7E && c2 == 0x7E));
}
constexpr ssize kEmu2000EncodeInvalid = 1;  // EMULATE_JISX0213_2000_ENCODE_INVALID
constexpr ssize kEmu2000DecodeInvalid = 2;  // EMULATE_JISX0213_2000_DECODE_INVALID

// The shift_jis two-byte code of the JIS X 0208 code (row/cell bytes 0x21-0x7E).
inline void sjis_from_jis(uint16_t code, unsigned char* out) {
  unsigned c1 = code >> 8;
  unsigned c2 = code & 0xff;
  c2 = (((c1 - 0x21) & 1) ? 0x5e : 0) + (c2 - 0x21);
  c1 = (c1 - 0x21) >> 1;
  out[0] = static_cast<unsigned char>(c1 < 0x1f ? c1 + 0x81 : c1 + 0xc1);
  out[1] = static_cast<unsigned char>(c2 < 0x3f ? c2 + 0x40 : c2 + 0x41);
}

// ---- CP932 ----------------------------------------------------------------------------------

CJK_ENCODER(cp932) {
  (void)state, (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c <= 0x80) {
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    } else if (c >= 0xff61 && c <= 0xff9f) {
      WRITEBYTE1(c - 0xfec0);
      NEXT(1, 1);
      continue;
    } else if (c >= 0xf8f0 && c <= 0xf8f3) {
      // Windows compatibility.
      REQUIRE_OUTBUF(1);
      if (c == 0xf8f0)
        OUTBYTE1(0xa0);
      else
        OUTBYTE1(c - 0xf8f1 + 0xfd);
      NEXT(1, 1);
      continue;
    }
    if (c > 0xFFFF) return 1;
    REQUIRE_OUTBUF(2);
    if (trymap_enc(cp932ext_encmap, c, &code)) {
      OUTBYTE1(code >> 8);
      OUTBYTE2(code & 0xff);
    } else if (trymap_enc(jisxcommon_encmap, c, &code)) {
      if (code & 0x8000) return 1;  // MSB set: JIS X 0212
      sjis_from_jis(code, *outbuf);
    } else if (c >= 0xe000 && c < 0xe758) {
      // The user-defined area.
      unsigned c1 = (c - 0xe000) / 188;
      unsigned c2 = (c - 0xe000) % 188;
      OUTBYTE1(c1 + 0xf0);
      OUTBYTE2(c2 < 0x3f ? c2 + 0x40 : c2 + 0x41);
    } else {
      return 1;
    }
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(cp932) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c <= 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    } else if (c >= 0xa0 && c <= 0xdf) {
      if (c == 0xa0)
        OUTCHAR(0xf8f0);  // half-width katakana
      else
        OUTCHAR(0xfec0 + c);
      NEXT_IN(1);
      continue;
    } else if (c >= 0xfd) {
      // Windows compatibility.
      OUTCHAR(0xf8f1 - 0xfd + c);
      NEXT_IN(1);
      continue;
    }
    REQUIRE_INBUF(2);
    unsigned c2 = INBYTE2;
    if (trymap_dec(cp932ext_decmap, c, c2, &decoded)) {
      OUTCHAR(decoded);
    } else if ((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xea)) {
      if (c2 < 0x40 || (c2 > 0x7e && c2 < 0x80) || c2 > 0xfc) return 1;
      c = (c < 0xe0 ? c - 0x81 : c - 0xc1);
      c2 = (c2 < 0x80 ? c2 - 0x40 : c2 - 0x41);
      c = (2 * c + (c2 < 0x5e ? 0 : 1) + 0x21);
      c2 = (c2 < 0x5e ? c2 : c2 - 0x5e) + 0x21;
      if (trymap_dec(jisx0208_decmap, c, c2, &decoded))
        OUTCHAR(decoded);
      else
        return 1;
    } else if (c >= 0xf0 && c <= 0xf9) {
      if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfc))
        OUTCHAR(0xe000 + 188 * (c - 0xf0) + (c2 < 0x80 ? c2 - 0x40 : c2 - 0x41));
      else
        return 1;
    } else {
      return 1;
    }
    NEXT_IN(2);
  }
  return 0;
}

// ---- EUC-JIS-2004 (and euc_jisx0213) --------------------------------------------------------

// The JIS X 0213 code of the BMP character c for the 2004 codecs, with the pair lookahead:
// 0 with *code set (and *insize 2 when a combining pair was used), or what to return.
ssize jisx0213_encode_bmp(const void* config, uint32_t c, unsigned kind, const void* data,
                          ssize* inpos, ssize inlen, int flags, uint16_t* code, ssize* insize) {
  if (trymap_enc(jisx0213_bmp_encmap, c, code)) {
    if (*code == kMultiC) {
      if (inlen - *inpos < 2) {
        if (flags & kEncFlush) {
          *code = find_pairencmap(static_cast<uint16_t>(c), 0, jisx0213_pair_encmap,
                                  kJisx0213EncPairs);
          if (*code == kDbcInv) return 1;
        } else {
          return kErrTooFew;
        }
      } else {
        uint32_t c2 = INCHAR2;
        *code = find_pairencmap(static_cast<uint16_t>(c), static_cast<uint16_t>(c2),
                                jisx0213_pair_encmap, kJisx0213EncPairs);
        if (*code == kDbcInv) {
          *code = find_pairencmap(static_cast<uint16_t>(c), 0, jisx0213_pair_encmap,
                                  kJisx0213EncPairs);
          if (*code == kDbcInv) return 1;
        } else {
          *insize = 2;
        }
      }
    }
    return 0;
  }
  (void)config;
  return -100;  // not in JIS X 0213: the caller tries the next table
}

CJK_ENCODER(euc_jis_2004) {
  (void)state;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code = 0;
    if (c < 0x80) {
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    }
    ssize insize = 1;
    if (c <= 0xFFFF) {
      ssize r;
      if (emu2000_encode_bmp_invalid(config, c)) {
        return kEmu2000EncodeInvalid;
      } else if (is2000(config) && c == 0x9B1D) {
        code = 0x8000 | 0x7d3b;
      } else if ((r = jisx0213_encode_bmp(config, c, kind, data, inpos, inlen, flags, &code,
                                          &insize)) != -100) {
        if (r != 0) return r;
      } else if (trymap_enc(jisxcommon_encmap, c, &code)) {
      } else if (c >= 0xff61 && c <= 0xff9f) {
        // JIS X 0201 half-width katakana.
        WRITEBYTE2(0x8e, c - 0xfec0);
        NEXT(1, 2);
        continue;
      } else if (c == 0xff3c) {
        code = 0x2140;  // F/W REVERSE SOLIDUS
      } else if (c == 0xff5e) {
        code = 0x2232;  // F/W TILDE
      } else {
        return 1;
      }
    } else if (c >> 16 == kEmpBase >> 16) {
      if (is2000(config) && c == 0x20B9F) return kEmu2000EncodeInvalid;
      if (!trymap_enc(jisx0213_emp_encmap, c & 0xffff, &code)) return insize;
    } else {
      return insize;
    }
    if (code & 0x8000) {
      // Codeset 2.
      WRITEBYTE3(0x8f, code >> 8, (code & 0xFF) | 0x80);
      NEXT(insize, 3);
    } else {
      // Codeset 1.
      WRITEBYTE2((code >> 8) | 0x80, (code & 0xFF) | 0x80);
      NEXT(insize, 2);
    }
  }
  return 0;
}

CJK_DECODER(euc_jis_2004) {
  (void)state;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t code, decoded;
    if (c < 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    }
    if (c == 0x8e) {
      // JIS X 0201 half-width katakana.
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      if (c2 >= 0xa1 && c2 <= 0xdf) {
        OUTCHAR(0xfec0 + c2);
        NEXT_IN(2);
      } else {
        return 1;
      }
    } else if (c == 0x8f) {
      REQUIRE_INBUF(3);
      unsigned c2 = INBYTE2 ^ 0x80;
      unsigned c3 = INBYTE3 ^ 0x80;
      // JIS X 0213 plane 2 or JIS X 0212.
      if (is2000(config) && c2 == 0x7D && c3 == 0x3B) {
        OUTCHAR(0x9B1D);
      } else if (trymap_dec(jisx0213_2_bmp_decmap, c2, c3, &decoded)) {
        OUTCHAR(decoded);
      } else if (trymap_dec(jisx0213_2_emp_decmap, c2, c3, &code)) {
        OUTCHAR(kEmpBase | code);
        NEXT_IN(3);
        continue;
      } else if (trymap_dec(jisx0212_decmap, c2, c3, &decoded)) {
        OUTCHAR(decoded);
      } else {
        return 1;
      }
      NEXT_IN(3);
    } else {
      REQUIRE_INBUF(2);
      c ^= 0x80;
      unsigned c2 = INBYTE2 ^ 0x80;
      // JIS X 0213 plane 1.
      if (emu2000_decode_plane1_invalid(config, c, c2)) {
        return kEmu2000DecodeInvalid;
      } else if (c == 0x21 && c2 == 0x40) {
        OUTCHAR(0xff3c);
      } else if (c == 0x22 && c2 == 0x32) {
        OUTCHAR(0xff5e);
      } else if (trymap_dec(jisx0208_decmap, c, c2, &decoded)) {
        OUTCHAR(decoded);
      } else if (trymap_dec(jisx0213_1_bmp_decmap, c, c2, &decoded)) {
        OUTCHAR(decoded);
      } else if (trymap_dec(jisx0213_1_emp_decmap, c, c2, &code)) {
        OUTCHAR(kEmpBase | code);
        NEXT_IN(2);
        continue;
      } else if (trymap_dec(jisx0213_pair_decmap, c, c2, &code)) {
        OUTCHAR2(code >> 16, code & 0xffff);
        NEXT_IN(2);
        continue;
      } else {
        return 1;
      }
      NEXT_IN(2);
    }
  }
  return 0;
}

// ---- EUC-JP ---------------------------------------------------------------------------------

CJK_ENCODER(euc_jp) {
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
    if (trymap_enc(jisxcommon_encmap, c, &code)) {
    } else if (c >= 0xff61 && c <= 0xff9f) {
      // JIS X 0201 half-width katakana.
      WRITEBYTE2(0x8e, c - 0xfec0);
      NEXT(1, 2);
      continue;
    } else if (c == 0xff3c) {  // FULL-WIDTH REVERSE SOLIDUS
      code = 0x2140;
    } else if (c == 0xa5) {  // YEN SIGN
      WRITEBYTE1(0x5c);
      NEXT(1, 1);
      continue;
    } else if (c == 0x203e) {  // OVERLINE
      WRITEBYTE1(0x7e);
      NEXT(1, 1);
      continue;
    } else {
      return 1;
    }
    if (code & 0x8000) {
      // JIS X 0212.
      WRITEBYTE3(0x8f, code >> 8, (code & 0xFF) | 0x80);
      NEXT(1, 3);
    } else {
      // JIS X 0208.
      WRITEBYTE2((code >> 8) | 0x80, (code & 0xFF) | 0x80);
      NEXT(1, 2);
    }
  }
  return 0;
}

CJK_DECODER(euc_jp) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c < 0x80) {
      OUTCHAR(c);
      NEXT_IN(1);
      continue;
    }
    if (c == 0x8e) {
      // JIS X 0201 half-width katakana.
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      if (c2 >= 0xa1 && c2 <= 0xdf) {
        OUTCHAR(0xfec0 + c2);
        NEXT_IN(2);
      } else {
        return 1;
      }
    } else if (c == 0x8f) {
      REQUIRE_INBUF(3);
      unsigned c2 = INBYTE2;
      unsigned c3 = INBYTE3;
      // JIS X 0212.
      if (trymap_dec(jisx0212_decmap, c2 ^ 0x80, c3 ^ 0x80, &decoded)) {
        OUTCHAR(decoded);
        NEXT_IN(3);
      } else {
        return 1;
      }
    } else {
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      // JIS X 0208.
      if (c == 0xa1 && c2 == 0xc0)
        OUTCHAR(0xff3c);  // FULL-WIDTH REVERSE SOLIDUS
      else if (trymap_dec(jisx0208_decmap, c ^ 0x80, c2 ^ 0x80, &decoded))
        OUTCHAR(decoded);
      else
        return 1;
      NEXT_IN(2);
    }
  }
  return 0;
}

// ---- SHIFT_JIS ------------------------------------------------------------------------------

CJK_ENCODER(shift_jis) {
  (void)state, (void)config, (void)flags;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code;
    if (c < 0x80)
      code = static_cast<uint16_t>(c);
    else if (c == 0x00a5)
      code = 0x5c;  // YEN SIGN
    else if (c == 0x203e)
      code = 0x7e;  // OVERLINE
    else if (c >= 0xff61 && c <= 0xff9f)
      code = static_cast<uint16_t>(c - 0xfec0);  // JISX0201_K_ENCODE
    else if (c > 0xFFFF)
      return 1;
    else
      code = kNoChar;

    if (code < 0x80 || (code >= 0xa1 && code <= 0xdf)) {
      REQUIRE_OUTBUF(1);
      OUTBYTE1(code);
      NEXT(1, 1);
      continue;
    }
    REQUIRE_OUTBUF(2);
    if (code == kNoChar) {
      if (trymap_enc(jisxcommon_encmap, c, &code)) {
      } else if (c == 0xff3c) {
        code = 0x2140;  // FULL-WIDTH REVERSE SOLIDUS
      } else {
        return 1;
      }
      if (code & 0x8000) return 1;  // MSB set: JIS X 0212
    }
    sjis_from_jis(code, *outbuf);
    NEXT(1, 2);
  }
  return 0;
}

CJK_DECODER(shift_jis) {
  (void)state, (void)config;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    uint32_t decoded;
    if (c < 0x80) {
      OUTCHAR(c);
    } else if (c >= 0xa1 && c <= 0xdf) {
      OUTCHAR(0xfec0 + c);  // JISX0201_K_DECODE
    } else if ((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xea)) {
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      if (c2 < 0x40 || (c2 > 0x7e && c2 < 0x80) || c2 > 0xfc) return 1;
      unsigned c1 = (c < 0xe0 ? c - 0x81 : c - 0xc1);
      c2 = (c2 < 0x80 ? c2 - 0x40 : c2 - 0x41);
      c1 = (2 * c1 + (c2 < 0x5e ? 0 : 1) + 0x21);
      c2 = (c2 < 0x5e ? c2 : c2 - 0x5e) + 0x21;
      if (c1 == 0x21 && c2 == 0x40) {
        OUTCHAR(0xff3c);  // FULL-WIDTH REVERSE SOLIDUS
        NEXT_IN(2);
        continue;
      }
      if (trymap_dec(jisx0208_decmap, c1, c2, &decoded)) {
        OUTCHAR(decoded);
        NEXT_IN(2);
        continue;
      }
      return 1;
    } else {
      return 1;
    }
    NEXT_IN(1);  // JIS X 0201
  }
  return 0;
}

// ---- SHIFT_JIS-2004 (and shift_jisx0213) ----------------------------------------------------

CJK_ENCODER(shift_jis_2004) {
  (void)state;
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    uint16_t code = kNoChar;
    // JISX0201_ENCODE.
    if (c < 0x80 && c != 0x5c && c != 0x7e)
      code = static_cast<uint16_t>(c);
    else if (c == 0x00a5)
      code = 0x5c;
    else if (c == 0x203e)
      code = 0x7e;
    else if (c >= 0xff61 && c <= 0xff9f)
      code = static_cast<uint16_t>(c - 0xfec0);

    if (code < 0x80 || (code >= 0xa1 && code <= 0xdf)) {
      WRITEBYTE1(code);
      NEXT(1, 1);
      continue;
    }
    REQUIRE_OUTBUF(2);
    ssize insize = 1;
    if (code == kNoChar) {
      if (c <= 0xffff) {
        ssize r;
        if (emu2000_encode_bmp_invalid(config, c)) {
          return kEmu2000EncodeInvalid;
        } else if (is2000(config) && c == 0x9B1D) {
          code = 0x8000 | 0x7d3b;
        } else if ((r = jisx0213_encode_bmp(config, c, kind, data, inpos, inlen, flags, &code,
                                            &insize)) != -100) {
          if (r != 0) return r;
        } else if (trymap_enc(jisxcommon_encmap, c, &code)) {
          // Abandon the JIS X 0212 codes.
          if (code & 0x8000) return 1;
        } else {
          return 1;
        }
      } else if (c >> 16 == kEmpBase >> 16) {
        if (is2000(config) && c == 0x20B9F) return kEmu2000EncodeInvalid;
        if (!trymap_enc(jisx0213_emp_encmap, c & 0xffff, &code)) return insize;
      } else {
        return insize;
      }
    }
    int c1 = code >> 8;
    int c2 = (code & 0xff) - 0x21;
    if (c1 & 0x80) {
      // Plane 2.
      if (c1 >= 0xee)
        c1 -= 0x87;
      else if (c1 >= 0xac || c1 == 0xa8)
        c1 -= 0x49;
      else
        c1 -= 0x43;
    } else {
      // Plane 1.
      c1 -= 0x21;
    }
    if (c1 & 1) c2 += 0x5e;
    c1 >>= 1;
    OUTBYTE1(c1 + (c1 < 0x1f ? 0x81 : 0xc1));
    OUTBYTE2(c2 + (c2 < 0x3f ? 0x40 : 0x41));
    NEXT(insize, 2);
  }
  return 0;
}

CJK_DECODER(shift_jis_2004) {
  (void)state;
  while (inleft > 0) {
    unsigned c = INBYTE1;
    // JISX0201_DECODE.
    if (c < 0x5c) {
      OUTCHAR(c);
    } else if (c == 0x5c) {
      OUTCHAR(0x00a5);
    } else if (c < 0x7e) {
      OUTCHAR(c);
    } else if (c == 0x7e) {
      OUTCHAR(0x203e);
    } else if (c == 0x7f) {
      OUTCHAR(0x7f);
    } else if (c >= 0xa1 && c <= 0xdf) {
      OUTCHAR(0xfec0 + c);
    } else if ((c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc)) {
      uint32_t code, decoded;
      REQUIRE_INBUF(2);
      unsigned c2 = INBYTE2;
      if (c2 < 0x40 || (c2 > 0x7e && c2 < 0x80) || c2 > 0xfc) return 1;
      unsigned c1 = (c < 0xe0 ? c - 0x81 : c - 0xc1);
      c2 = (c2 < 0x80 ? c2 - 0x40 : c2 - 0x41);
      c1 = (2 * c1 + (c2 < 0x5e ? 0 : 1));
      c2 = (c2 < 0x5e ? c2 : c2 - 0x5e) + 0x21;
      // unsigned char arithmetic in CPython: keep c1 a byte.
      c1 &= 0xff;
      if (c1 < 0x5e) {
        // Plane 1.
        c1 += 0x21;
        if (emu2000_decode_plane1_invalid(config, c1, c2))
          return kEmu2000DecodeInvalid;
        else if (trymap_dec(jisx0208_decmap, c1, c2, &decoded))
          OUTCHAR(decoded);
        else if (trymap_dec(jisx0213_1_bmp_decmap, c1, c2, &decoded))
          OUTCHAR(decoded);
        else if (trymap_dec(jisx0213_1_emp_decmap, c1, c2, &code))
          OUTCHAR(kEmpBase | code);
        else if (trymap_dec(jisx0213_pair_decmap, c1, c2, &code))
          OUTCHAR2(code >> 16, code & 0xffff);
        else
          return 1;
        NEXT_IN(2);
      } else {
        // Plane 2.
        if (c1 >= 0x67)
          c1 += 0x07;
        else if (c1 >= 0x63 || c1 == 0x5f)
          c1 -= 0x37;
        else
          c1 -= 0x3d;
        c1 &= 0xff;
        if (is2000(config) && c1 == 0x7D && c2 == 0x3B) {
          OUTCHAR(0x9B1D);
        } else if (trymap_dec(jisx0213_2_bmp_decmap, c1, c2, &decoded)) {
          OUTCHAR(decoded);
        } else if (trymap_dec(jisx0213_2_emp_decmap, c1, c2, &code)) {
          OUTCHAR(kEmpBase | code);
          NEXT_IN(2);
          continue;
        } else {
          return 1;
        }
        NEXT_IN(2);
      }
      continue;
    } else {
      return 1;
    }
    NEXT_IN(1);  // JIS X 0201
  }
  return 0;
}

const DbcsMap jp_maps[] = {
    {"jisx0208", nullptr, jisx0208_decmap},
    {"jisx0212", nullptr, jisx0212_decmap},
    {"jisxcommon", jisxcommon_encmap, nullptr},
    {"jisx0213_1_bmp", nullptr, jisx0213_1_bmp_decmap},
    {"jisx0213_2_bmp", nullptr, jisx0213_2_bmp_decmap},
    {"jisx0213_bmp", jisx0213_bmp_encmap, nullptr},
    {"jisx0213_1_emp", nullptr, jisx0213_1_emp_decmap},
    {"jisx0213_2_emp", nullptr, jisx0213_2_emp_decmap},
    {"jisx0213_emp", jisx0213_emp_encmap, nullptr},
    {"jisx0213_pair", jisx0213_pair_encmap, jisx0213_pair_decmap},
    {"cp932ext", cp932ext_encmap, cp932ext_decmap},
    {"", nullptr, nullptr},
};

const MultibyteCodec jp_codecs[] = {
    CJK_CODEC_STATELESS(shift_jis),
    CJK_CODEC_STATELESS(cp932),
    CJK_CODEC_STATELESS(euc_jp),
    CJK_CODEC_STATELESS(shift_jis_2004),
    CJK_CODEC_STATELESS(euc_jis_2004),
    CJK_CODEC_STATELESS_CONFIG("euc_jisx0213", euc_jis_2004, &kJisx0213Year2000),
    CJK_CODEC_STATELESS_CONFIG("shift_jisx0213", shift_jis_2004, &kJisx0213Year2000),
    CJK_CODEC_END,
};

Object* jp_getcodec(Object*, Object* encoding) { return getcodec(jp_codecs, encoding); }

MethodDef jp_methods[] = {
    {"getcodec", reinterpret_cast<void*>(jp_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int jp_exec(Object* m) { return register_maps(m, jp_maps); }

ModuleDef jp_def = {"_codecs_jp", nullptr, jp_methods, jp_exec};

}  // namespace

ModuleDef* codecs_jp_module_def() { return &jp_def; }

}  // namespace cppy::modules::cjkcodecs
