// The _codecs_iso2022 module: Modules/cjkcodecs/_codecs_iso2022.c: the ISO 2022 state
// machine (designations of G0-G2 by escape sequences, SO/SI locking shifts, SS2 for G2) and
// its instances iso2022_kr, iso2022_jp, _1, _2, _2004, _3 and _ext over the charsets of the
// other modules' tables.
//
// The state bytes (getstate shows them): c[0..3] the charsets of G0-G3 (bit 7 set for a
// double-byte set), c[4] the flags (F_SHIFTED, F_ESCTHROUGHOUT).
#include "modules/cjkcodecs/cjkcodecs.h"
#include "modules/moduledef.h"
#include "objects/typeobject.h"

namespace cppy::modules::cjkcodecs {

namespace {

using objects::MethodDef;

constexpr unsigned char kEsc = 0x1B;
constexpr unsigned char kSO = 0x0E;
constexpr unsigned char kSI = 0x0F;
constexpr unsigned char kLF = 0x0A;
constexpr ssize kMaxEscSeqLen = 16;

constexpr unsigned char kCharsetDbcs = 0x80;
constexpr unsigned char kIso8859_1 = 'A';
constexpr unsigned char kAscii = 'B';
constexpr unsigned char kIso8859_7 = 'F';
constexpr unsigned char kJisx0201K = 'I';
constexpr unsigned char kJisx0201R = 'J';
constexpr unsigned char kGb2312 = 'A' | kCharsetDbcs;
constexpr unsigned char kJisx0208 = 'B' | kCharsetDbcs;
constexpr unsigned char kKsx1001 = 'C' | kCharsetDbcs;
constexpr unsigned char kJisx0212 = 'D' | kCharsetDbcs;
constexpr unsigned char kJisx0213_2000_1 = 'O' | kCharsetDbcs;
constexpr unsigned char kJisx0213_2 = 'P' | kCharsetDbcs;
constexpr unsigned char kJisx0213_2004_1 = 'Q' | kCharsetDbcs;
constexpr unsigned char kJisx0208_O = '@' | kCharsetDbcs;

inline unsigned char escmark(unsigned char mark) { return mark & 0x7f; }
inline bool is_escend(unsigned c) { return (c >= 'A' && c <= 'Z') || c == '@'; }
// Not every ISO 2022 escape header, but enough for the CJK instances.
inline bool is_iso2022esc(unsigned c2) {
  return c2 == '(' || c2 == ')' || c2 == '$' || c2 == '.' || c2 == '&';
}

constexpr uint16_t kMapUnmappable = 0xFFFF;
constexpr uint16_t kMapMultipleAvail = 0xFFFE;  // for JIS X 0213
constexpr uint32_t kDecUnmappable = 0xFFFF;

constexpr unsigned char kShifted = 0x01;        // F_SHIFTED
constexpr unsigned char kEscThroughout = 0x02;  // F_ESCTHROUGHOUT

// iso2022_config.flags.
constexpr int kNoShift = 0x01;
constexpr int kUseG2 = 0x02;
constexpr int kUseJisx0208Ext = 0x04;

using DecodeFunc = uint32_t (*)(const unsigned char* data);
using EncodeFunc = uint16_t (*)(const uint32_t* data, ssize* length);

struct Designation {
  unsigned char mark;
  unsigned char plane;
  unsigned char width;
  DecodeFunc decoder;
  EncodeFunc encoder;
};

struct Iso2022Config {
  int flags;
  const Designation* designations;  // the non-ASCII ones, ended by mark 0
};

inline const Iso2022Config* cfg(const void* config) {
  return static_cast<const Iso2022Config*>(config);
}

// ---- the charsets ---------------------------------------------------------------------------

uint32_t ksx1001_decoder(const unsigned char* data) {
  uint32_t u;
  return trymap_dec(ksx1001_decmap, data[0], data[1], &u) ? u : kDecUnmappable;
}

uint16_t ksx1001_encoder(const uint32_t* data, ssize*) {
  uint16_t coded;
  if (*data < 0x10000 && trymap_enc(cp949_encmap, *data, &coded) && !(coded & 0x8000))
    return coded;
  return kMapUnmappable;
}

uint32_t jisx0208_decoder(const unsigned char* data) {
  uint32_t u;
  if (data[0] == 0x21 && data[1] == 0x40) return 0xff3c;  // F/W REVERSE SOLIDUS
  return trymap_dec(jisx0208_decmap, data[0], data[1], &u) ? u : kDecUnmappable;
}

uint16_t jisx0208_encoder(const uint32_t* data, ssize*) {
  uint16_t coded;
  if (*data < 0x10000) {
    if (*data == 0xff3c) return 0x2140;  // F/W REVERSE SOLIDUS
    if (trymap_enc(jisxcommon_encmap, *data, &coded) && !(coded & 0x8000)) return coded;
  }
  return kMapUnmappable;
}

uint32_t jisx0212_decoder(const unsigned char* data) {
  uint32_t u;
  return trymap_dec(jisx0212_decmap, data[0], data[1], &u) ? u : kDecUnmappable;
}

uint16_t jisx0212_encoder(const uint32_t* data, ssize*) {
  uint16_t coded;
  if (*data < 0x10000 && trymap_enc(jisxcommon_encmap, *data, &coded) && (coded & 0x8000))
    return coded & 0x7fff;
  return kMapUnmappable;
}

// EMULATE_JISX0213_2000_DECODE_PLANE1 for the 2000 decoders.
inline bool emu2000_plane1_invalid(unsigned c1, unsigned c2) {
  return (c1 == 0x2E && c2 == 0x21) || (c1 == 0x2F && c2 == 0x7E) || (c1 == 0x4F && c2 == 0x54) ||
         (c1 == 0x4F && c2 == 0x7E) || (c1 == 0x74 && c2 == 0x27) || (c1 == 0x7E && c2 == 0x7A) ||
         (c1 == 0x7E && c2 == 0x7B) || (c1 == 0x7E && c2 == 0x7C) || (c1 == 0x7E && c2 == 0x7D) ||
         (c1 == 0x7E && c2 == 0x7E);
}

// The plane-1 decoder of JIS X 0213 (2004, or 2000 when y2000).
uint32_t jisx0213_1_decode(const unsigned char* data, bool y2000) {
  uint32_t u;
  if (y2000 && emu2000_plane1_invalid(data[0], data[1])) return kDecUnmappable;
  if (data[0] == 0x21 && data[1] == 0x40) return 0xff3c;  // F/W REVERSE SOLIDUS
  if (trymap_dec(jisx0208_decmap, data[0], data[1], &u)) return u;
  if (trymap_dec(jisx0213_1_bmp_decmap, data[0], data[1], &u)) return u;
  if (trymap_dec(jisx0213_1_emp_decmap, data[0], data[1], &u)) return u | 0x20000;
  if (trymap_dec(jisx0213_pair_decmap, data[0], data[1], &u)) return u;
  return kDecUnmappable;
}

uint32_t jisx0213_2_decode(const unsigned char* data, bool y2000) {
  uint32_t u;
  // CPython's EMULATE_JISX0213_2000_DECODE_PLANE2_CHAR sets the result for 0x7D3B in the 2000
  // decoder, but the table lookups that follow always override it (or fail): it has no
  // effect, which is what the reference does.
  (void)y2000;
  if (trymap_dec(jisx0213_2_bmp_decmap, data[0], data[1], &u)) return u;
  if (trymap_dec(jisx0213_2_emp_decmap, data[0], data[1], &u)) return u | 0x20000;
  return kDecUnmappable;
}

uint32_t jisx0213_2000_1_decoder(const unsigned char* data) { return jisx0213_1_decode(data, true); }
uint32_t jisx0213_2000_2_decoder(const unsigned char* data) { return jisx0213_2_decode(data, true); }
uint32_t jisx0213_2004_1_decoder(const unsigned char* data) { return jisx0213_1_decode(data, false); }
uint32_t jisx0213_2004_2_decoder(const unsigned char* data) { return jisx0213_2_decode(data, false); }

// jisx0213_encoder: *length 1 (a first character), 2 (a pair: data[0], data[1]) or -1 (a
// first character whose pair is cut short at the end of a flushed input).
uint16_t jisx0213_encoder(const uint32_t* data, ssize* length, bool y2000) {
  uint16_t coded;
  switch (*length) {
    case 1:  // the first character
      if (*data >= 0x10000) {
        if ((*data) >> 16 == 0x20000 >> 16) {
          if (y2000 && *data == 0x20B9F) return kMapUnmappable;
          if (trymap_enc(jisx0213_emp_encmap, (*data) & 0xffff, &coded)) return coded;
        }
        return kMapUnmappable;
      }
      if (y2000 && (*data == 0x9B1C || *data == 0x4FF1 || *data == 0x525D || *data == 0x541E ||
                    *data == 0x5653 || *data == 0x59F8 || *data == 0x5C5B || *data == 0x5E77 ||
                    *data == 0x7626 || *data == 0x7E6B)) {
        return kMapUnmappable;
      } else if (y2000 && *data == 0x9B1D) {
        coded = 0x8000 | 0x7d3b;
      } else if (trymap_enc(jisx0213_bmp_encmap, *data, &coded)) {
        if (coded == kMultiC) return kMapMultipleAvail;
      } else if (trymap_enc(jisxcommon_encmap, *data, &coded)) {
        if (coded & 0x8000) return kMapUnmappable;
      } else {
        return kMapUnmappable;
      }
      return coded;
    case 2:  // the second character of a pair
      coded = find_pairencmap(static_cast<uint16_t>(data[0]), static_cast<uint16_t>(data[1]),
                              jisx0213_pair_encmap, kJisx0213EncPairs);
      if (coded != kDbcInv) return coded;
      *length = 1;
      coded = find_pairencmap(static_cast<uint16_t>(data[0]), 0, jisx0213_pair_encmap,
                              kJisx0213EncPairs);
      return coded == kDbcInv ? kMapUnmappable : coded;
    case -1:  // flush an unterminated pair
      *length = 1;
      coded = find_pairencmap(static_cast<uint16_t>(data[0]), 0, jisx0213_pair_encmap,
                              kJisx0213EncPairs);
      return coded == kDbcInv ? kMapUnmappable : coded;
    default:
      return kMapUnmappable;
  }
}

// The plane-1 encoder (codes without bit 15), and the pair-only variant the 2004/3 codecs try
// first so that a pair wins over its first character alone.
uint16_t plane1_encoder(const uint32_t* data, ssize* length, bool y2000) {
  uint16_t coded = jisx0213_encoder(data, length, y2000);
  if (coded == kMapUnmappable || coded == kMapMultipleAvail) return coded;
  return (coded & 0x8000) ? kMapUnmappable : coded;
}
uint16_t plane1_paironly_encoder(const uint32_t* data, ssize* length, bool y2000) {
  ssize ilength = *length;
  uint16_t coded = jisx0213_encoder(data, length, y2000);
  switch (ilength) {
    case 1:
      return coded == kMapMultipleAvail ? kMapMultipleAvail : kMapUnmappable;
    case 2:
      return *length != 2 ? kMapUnmappable : coded;
    default:
      return kMapUnmappable;
  }
}
uint16_t plane2_encoder(const uint32_t* data, ssize* length, bool y2000) {
  uint16_t coded = jisx0213_encoder(data, length, y2000);
  if (coded == kMapUnmappable || coded == kMapMultipleAvail) return coded;
  return (coded & 0x8000) ? coded & 0x7fff : kMapUnmappable;
}

uint16_t jisx0213_2000_1_encoder(const uint32_t* d, ssize* n) { return plane1_encoder(d, n, true); }
uint16_t jisx0213_2000_1_encoder_paironly(const uint32_t* d, ssize* n) {
  return plane1_paironly_encoder(d, n, true);
}
uint16_t jisx0213_2000_2_encoder(const uint32_t* d, ssize* n) { return plane2_encoder(d, n, true); }
uint16_t jisx0213_2004_1_encoder(const uint32_t* d, ssize* n) {
  return plane1_encoder(d, n, false);
}
uint16_t jisx0213_2004_1_encoder_paironly(const uint32_t* d, ssize* n) {
  return plane1_paironly_encoder(d, n, false);
}
uint16_t jisx0213_2004_2_encoder(const uint32_t* d, ssize* n) {
  return plane2_encoder(d, n, false);
}

// JISX0201_R_DECODE_CHAR / JISX0201_R_ENCODE.
uint32_t jisx0201_r_decoder(const unsigned char* data) {
  unsigned c = *data;
  if (c < 0x5c) return c;
  if (c == 0x5c) return 0x00a5;
  if (c < 0x7e) return c;
  if (c == 0x7e) return 0x203e;
  if (c == 0x7f) return 0x7f;
  return kDecUnmappable;
}

uint16_t jisx0201_r_encoder(const uint32_t* data, ssize*) {
  uint32_t c = *data;
  if (c < 0x80 && c != 0x5c && c != 0x7e) return static_cast<uint16_t>(c);
  if (c == 0x00a5) return 0x5c;
  if (c == 0x203e) return 0x7e;
  return kMapUnmappable;
}

// JISX0201_K_DECODE_CHAR / JISX0201_K_ENCODE (the set is used with bit 7 clear).
uint32_t jisx0201_k_decoder(const unsigned char* data) {
  unsigned c = *data ^ 0x80;
  if (c >= 0xa1 && c <= 0xdf) return 0xfec0 + c;
  return kDecUnmappable;
}

uint16_t jisx0201_k_encoder(const uint32_t* data, ssize*) {
  uint32_t c = *data;
  if (c >= 0xff61 && c <= 0xff9f) return static_cast<uint16_t>(c - 0xfec0 - 0x80);
  return kMapUnmappable;
}

uint32_t gb2312_decoder(const unsigned char* data) {
  uint32_t u;
  return trymap_dec(gb2312_decmap, data[0], data[1], &u) ? u : kDecUnmappable;
}

uint16_t gb2312_encoder(const uint32_t* data, ssize*) {
  uint16_t coded;
  if (*data < 0x10000 && trymap_enc(gbcommon_encmap, *data, &coded) && !(coded & 0x8000))
    return coded;
  return kMapUnmappable;
}

uint32_t dummy_decoder(const unsigned char*) { return kDecUnmappable; }
uint16_t dummy_encoder(const uint32_t*, ssize*) { return kMapUnmappable; }

// ---- the registry -----------------------------------------------------------------------------

constexpr Designation kKsx1001G0{kKsx1001, 0, 2, ksx1001_decoder, ksx1001_encoder};
constexpr Designation kKsx1001G1{kKsx1001, 1, 2, ksx1001_decoder, ksx1001_encoder};
constexpr Designation kJisx0201RReg{kJisx0201R, 0, 1, jisx0201_r_decoder, jisx0201_r_encoder};
constexpr Designation kJisx0201KReg{kJisx0201K, 0, 1, jisx0201_k_decoder, jisx0201_k_encoder};
constexpr Designation kJisx0208Reg{kJisx0208, 0, 2, jisx0208_decoder, jisx0208_encoder};
constexpr Designation kJisx0208OReg{kJisx0208_O, 0, 2, jisx0208_decoder, jisx0208_encoder};
constexpr Designation kJisx0212Reg{kJisx0212, 0, 2, jisx0212_decoder, jisx0212_encoder};
constexpr Designation kJisx0213_2000_1Reg{kJisx0213_2000_1, 0, 2, jisx0213_2000_1_decoder,
                                          jisx0213_2000_1_encoder};
constexpr Designation kJisx0213_2000_1PairOnly{kJisx0213_2000_1, 0, 2, jisx0213_2000_1_decoder,
                                               jisx0213_2000_1_encoder_paironly};
constexpr Designation kJisx0213_2000_2Reg{kJisx0213_2, 0, 2, jisx0213_2000_2_decoder,
                                          jisx0213_2000_2_encoder};
constexpr Designation kJisx0213_2004_1Reg{kJisx0213_2004_1, 0, 2, jisx0213_2004_1_decoder,
                                          jisx0213_2004_1_encoder};
constexpr Designation kJisx0213_2004_1PairOnly{kJisx0213_2004_1, 0, 2, jisx0213_2004_1_decoder,
                                               jisx0213_2004_1_encoder_paironly};
constexpr Designation kJisx0213_2004_2Reg{kJisx0213_2, 0, 2, jisx0213_2004_2_decoder,
                                          jisx0213_2004_2_encoder};
constexpr Designation kGb2312Reg{kGb2312, 0, 2, gb2312_decoder, gb2312_encoder};
constexpr Designation kIso8859_1Reg{kIso8859_1, 2, 1, dummy_decoder, dummy_encoder};
constexpr Designation kIso8859_7Reg{kIso8859_7, 2, 1, dummy_decoder, dummy_encoder};
constexpr Designation kSentinel{0, 0, 0, nullptr, nullptr};

const Designation kr_designations[] = {kKsx1001G1, kSentinel};
const Iso2022Config kr_config{0, kr_designations};
const Designation jp_designations[] = {kJisx0208Reg, kJisx0201RReg, kJisx0208OReg, kSentinel};
const Iso2022Config jp_config{kNoShift | kUseJisx0208Ext, jp_designations};
const Designation jp_1_designations[] = {kJisx0208Reg, kJisx0212Reg, kJisx0201RReg, kJisx0208OReg,
                                         kSentinel};
const Iso2022Config jp_1_config{kNoShift | kUseJisx0208Ext, jp_1_designations};
const Designation jp_2_designations[] = {kJisx0208Reg, kJisx0212Reg,  kKsx1001G0,
                                         kGb2312Reg,   kJisx0201RReg,    kJisx0208OReg,
                                         kIso8859_1Reg, kIso8859_7Reg, kSentinel};
const Iso2022Config jp_2_config{kNoShift | kUseG2 | kUseJisx0208Ext, jp_2_designations};
const Designation jp_2004_designations[] = {kJisx0213_2004_1PairOnly, kJisx0208Reg,
                                            kJisx0213_2004_1Reg, kJisx0213_2004_2Reg, kSentinel};
const Iso2022Config jp_2004_config{kNoShift | kUseJisx0208Ext, jp_2004_designations};
const Designation jp_3_designations[] = {kJisx0213_2000_1PairOnly, kJisx0208Reg,
                                         kJisx0213_2000_1Reg, kJisx0213_2000_2Reg, kSentinel};
const Iso2022Config jp_3_config{kNoShift | kUseJisx0208Ext, jp_3_designations};
const Designation jp_ext_designations[] = {kJisx0208Reg, kJisx0212Reg, kJisx0201RReg,
                                           kJisx0201KReg, kJisx0208OReg, kSentinel};
const Iso2022Config jp_ext_config{kNoShift | kUseJisx0208Ext, jp_ext_designations};

// ---- the codec --------------------------------------------------------------------------------

// CODEC_INIT(iso2022): CPython imports the other modules' maps here; they are linked in, but
// the imports are kept so that a failing import fails alike.
int iso2022_codec_init(const void* config) {
  bool kr = false, jp = false, cn = false;
  for (const Designation* d = cfg(config)->designations; d->mark; d++) {
    if (d->mark == kKsx1001) kr = true;
    if (d->mark == kGb2312) cn = true;
    if (d->width == 2 && d->mark != kKsx1001 && d->mark != kGb2312) jp = true;
  }
  const char* names[3] = {kr ? "_codecs_kr" : nullptr, jp ? "_codecs_jp" : nullptr,
                          cn ? "_codecs_cn" : nullptr};
  for (const char* name : names) {
    if (!name) continue;
    Object* mod = import_builtin(name);
    if (!mod) return -1;
    objects::decref(mod);
  }
  return 0;
}

CJK_ENCODER_INIT(iso2022) {
  (void)config;
  state->c[4] = 0;
  state->c[0] = kAscii;
  state->c[1] = kAscii;
  return 0;
}

CJK_ENCODER_RESET(iso2022) {
  (void)config;
  if (state->c[4] & kShifted) {
    WRITEBYTE1(kSI);
    NEXT_OUT(1);
    state->c[4] &= ~kShifted;
  }
  if (state->c[0] != kAscii) {
    WRITEBYTE3(kEsc, '(', 'B');
    NEXT_OUT(3);
    state->c[0] = kAscii;
  }
  return 0;
}

CJK_ENCODER(iso2022) {
  while (*inpos < inlen) {
    uint32_t c = INCHAR1;
    if (c < 0x80) {
      if (state->c[0] != kAscii) {
        WRITEBYTE3(kEsc, '(', 'B');
        state->c[0] = kAscii;
        NEXT_OUT(3);
      }
      if (state->c[4] & kShifted) {
        WRITEBYTE1(kSI);
        state->c[4] &= ~kShifted;
        NEXT_OUT(1);
      }
      WRITEBYTE1(c);
      NEXT(1, 1);
      continue;
    }

    ssize insize = 1;
    uint16_t encoded = kMapUnmappable;
    const Designation* dsg = cfg(config)->designations;
    for (; dsg->mark; dsg++) {
      ssize length = 1;
      encoded = dsg->encoder(&c, &length);
      if (encoded == kMapMultipleAvail) {
        // This does not work for pairs of non-BMP characters.
        uint32_t pair[2] = {c, 0};
        if (inlen - *inpos < 2) {
          if (!(flags & kEncFlush)) return kErrTooFew;
          length = -1;
        } else {
          length = 2;
          pair[1] = INCHAR2;
        }
        encoded = dsg->encoder(pair, &length);
        if (encoded != kMapUnmappable) {
          insize = length;
          break;
        }
      } else if (encoded != kMapUnmappable) {
        break;
      }
    }
    if (!dsg->mark) return 1;

    switch (dsg->plane) {
      case 0:  // G0
        if (state->c[4] & kShifted) {
          WRITEBYTE1(kSI);
          state->c[4] &= ~kShifted;
          NEXT_OUT(1);
        }
        if (state->c[0] != dsg->mark) {
          if (dsg->width == 1) {
            WRITEBYTE3(kEsc, '(', escmark(dsg->mark));
            state->c[0] = dsg->mark;
            NEXT_OUT(3);
          } else if (dsg->mark == kJisx0208) {
            WRITEBYTE3(kEsc, '$', escmark(dsg->mark));
            state->c[0] = dsg->mark;
            NEXT_OUT(3);
          } else {
            WRITEBYTE4(kEsc, '$', '(', escmark(dsg->mark));
            state->c[0] = dsg->mark;
            NEXT_OUT(4);
          }
        }
        break;
      case 1:  // G1
        if (state->c[1] != dsg->mark) {
          if (dsg->width == 1) {
            WRITEBYTE3(kEsc, ')', escmark(dsg->mark));
            state->c[1] = dsg->mark;
            NEXT_OUT(3);
          } else {
            WRITEBYTE4(kEsc, '$', ')', escmark(dsg->mark));
            state->c[1] = dsg->mark;
            NEXT_OUT(4);
          }
        }
        if (!(state->c[4] & kShifted)) {
          WRITEBYTE1(kSO);
          state->c[4] |= kShifted;
          NEXT_OUT(1);
        }
        break;
      default:  // no codec here encodes with G2 or G3
        return kErrInternal;
    }

    if (dsg->width == 1) {
      WRITEBYTE1(encoded);
      NEXT_OUT(1);
    } else {
      WRITEBYTE2(encoded >> 8, encoded & 0xff);
      NEXT_OUT(2);
    }
    NEXT_INCHAR(insize);
  }
  return 0;
}

CJK_DECODER_INIT(iso2022) {
  (void)config;
  state->c[4] = 0;
  state->c[0] = kAscii;
  state->c[1] = kAscii;
  state->c[2] = kAscii;
  return 0;
}

CJK_DECODER_RESET(iso2022) {
  (void)config;
  state->c[0] = kAscii;
  state->c[4] &= ~kShifted;
  return 0;
}

// iso2022processesc: an escape sequence designating a charset; 0, or the error to return.
ssize iso2022processesc(const void* config, CodecState* state, const unsigned char** inbuf,
                        ssize* inleft) {
  ssize i;
  ssize esclen = 0;
  for (i = 1; i < kMaxEscSeqLen; i++) {
    if (i >= *inleft) return kErrTooFew;
    if (is_escend((*inbuf)[i])) {
      esclen = i + 1;
      break;
    } else if ((cfg(config)->flags & kUseJisx0208Ext) && i + 1 < *inleft &&
               (*inbuf)[i] == '&' && (*inbuf)[i + 1] == '@') {
      i += 2;
    }
  }
  unsigned char charset;
  unsigned char designation;
  switch (esclen) {
    case 0:
      return 1;  // an unterminated escape sequence
    case 3:
      if (INBYTE2 == '$') {
        charset = INBYTE3 | kCharsetDbcs;
        designation = 0;
      } else {
        charset = INBYTE3;
        if (INBYTE2 == '(')
          designation = 0;
        else if (INBYTE2 == ')')
          designation = 1;
        else if ((cfg(config)->flags & kUseG2) && INBYTE2 == '.')
          designation = 2;
        else
          return 3;
      }
      break;
    case 4:
      if (INBYTE2 != '$') return 4;
      charset = INBYTE4 | kCharsetDbcs;
      if (INBYTE3 == '(')
        designation = 0;
      else if (INBYTE3 == ')')
        designation = 1;
      else
        return 4;
      break;
    case 6:  // a designation with a prefix
      if ((cfg(config)->flags & kUseJisx0208Ext) && (*inbuf)[3] == kEsc &&
          (*inbuf)[4] == '$' && (*inbuf)[5] == 'B') {
        charset = 'B' | kCharsetDbcs;
        designation = 0;
      } else {
        return 6;
      }
      break;
    default:
      return esclen;
  }
  // A charset this encoding does not designate is an error.
  if (charset != kAscii) {
    const Designation* dsg = cfg(config)->designations;
    for (; dsg->mark; dsg++) {
      if (dsg->mark == charset) break;
    }
    if (!dsg->mark) return esclen;
  }
  state->c[designation] = charset;
  *inleft -= esclen;
  *inbuf += esclen;
  return 0;
}

// iso2022processg2: ESC N c, one character of G2 (ISO 8859-1 or -7, for iso2022_jp_2).
ssize iso2022processg2(CodecState* state, const unsigned char** inbuf, ssize* inleft,
                       objects::StrWriter* writer) {
  if (state->c[2] == kIso8859_1) {
    if (INBYTE3 < 0x80)
      OUTCHAR(INBYTE3 + 0x80);
    else
      return 3;
  } else if (state->c[2] == kIso8859_7) {
    unsigned c = INBYTE3 ^ 0x80;
    // ISO8859_7_DECODE.
    if (c < 0xa0)
      OUTCHAR(c);
    else if (c < 0xc0 && (0x288f3bc9UL & (1UL << (c - 0xa0))))
      OUTCHAR(c);
    else if (c >= 0xb4 && c <= 0xfe && (c >= 0xd4 || (0xbffffd77UL & (1UL << (c - 0xb4)))))
      OUTCHAR(0x02d0 + c);
    else if (c == 0xa1)
      OUTCHAR(0x2018);
    else if (c == 0xa2)
      OUTCHAR(0x2019);
    else if (c == 0xaf)
      OUTCHAR(0x2015);
    else
      return 3;
  } else if (state->c[2] == kAscii) {
    if (INBYTE3 & 0x80)
      return 3;
    else
      OUTCHAR(INBYTE3);
  } else {
    return kErrInternal;
  }
  *inbuf += 3;
  *inleft -= 3;
  return 0;
}

CJK_DECODER(iso2022) {
  const Designation* dsgcache = nullptr;
  while (inleft > 0) {
    unsigned char c = INBYTE1;
    ssize err;
    if (state->c[4] & kEscThroughout) {
      // ESC-throughout mode, for escape sequences that are not ISO 2022's: the bytes pass as
      // ISO 8859-1 up to the sequence's end.
      OUTCHAR(c);
      NEXT_IN(1);
      if (is_escend(c)) state->c[4] &= ~kEscThroughout;
      continue;
    }
    bool bypass = false;
    switch (c) {
      case kEsc:
        REQUIRE_INBUF(2);
        if (is_iso2022esc(INBYTE2)) {
          err = iso2022processesc(config, state, inbuf, &inleft);
          if (err != 0) return err;
        } else if ((cfg(config)->flags & kUseG2) && INBYTE2 == 'N') {  // SS2
          REQUIRE_INBUF(3);
          err = iso2022processg2(state, inbuf, &inleft, writer);
          if (err != 0) return err;
        } else {
          OUTCHAR(kEsc);
          state->c[4] |= kEscThroughout;
          NEXT_IN(1);
        }
        break;
      case kSI:
        if (cfg(config)->flags & kNoShift) {
          bypass = true;
          break;
        }
        state->c[4] &= ~kShifted;
        NEXT_IN(1);
        break;
      case kSO:
        if (cfg(config)->flags & kNoShift) {
          bypass = true;
          break;
        }
        state->c[4] |= kShifted;
        NEXT_IN(1);
        break;
      case kLF:
        state->c[4] &= ~kShifted;
        OUTCHAR(kLF);
        NEXT_IN(1);
        break;
      default: {
        if (c < 0x20) {  // C0
          bypass = true;
          break;
        }
        if (c >= 0x80) return 1;
        unsigned char charset = (state->c[4] & kShifted) ? state->c[1] : state->c[0];
        if (charset == kAscii) {
          bypass = true;
          break;
        }
        const Designation* dsg;
        if (dsgcache && dsgcache->mark == charset) {
          dsg = dsgcache;
        } else {
          for (dsg = cfg(config)->designations; dsg->mark != charset && dsg->mark; dsg++) {
          }
          if (!dsg->mark) return kErrInternal;
          dsgcache = dsg;
        }
        REQUIRE_INBUF(dsg->width);
        uint32_t decoded = dsg->decoder(*inbuf);
        if (decoded == kDecUnmappable) return dsg->width;
        if (decoded < 0x30000)
          OUTCHAR(decoded);
        else  // a JIS X 0213 pair
          OUTCHAR2(decoded >> 16, decoded & 0xffff);
        NEXT_IN(dsg->width);
        break;
      }
    }
    if (bypass) {
      OUTCHAR(c);
      NEXT_IN(1);
    }
  }
  return 0;
}

#define ISO2022_CODEC(variation)                                                        \
  {"iso2022_" #variation, &variation##_config, iso2022_codec_init, iso2022_encode,       \
   iso2022_encode_init, iso2022_encode_reset, iso2022_decode, iso2022_decode_init, \
   iso2022_decode_reset}

const MultibyteCodec iso2022_codecs[] = {
    ISO2022_CODEC(kr),      ISO2022_CODEC(jp),   ISO2022_CODEC(jp_1),   ISO2022_CODEC(jp_2),
    ISO2022_CODEC(jp_2004), ISO2022_CODEC(jp_3), ISO2022_CODEC(jp_ext), CJK_CODEC_END,
};

const DbcsMap iso2022_maps[] = {{"", nullptr, nullptr}};

Object* iso2022_getcodec(Object*, Object* encoding) {
  return getcodec(iso2022_codecs, encoding);
}

MethodDef iso2022_methods[] = {
    {"getcodec", reinterpret_cast<void*>(iso2022_getcodec), objects::kMethO, ""},
    {nullptr, nullptr, 0, nullptr}};

int iso2022_exec(Object* m) { return register_maps(m, iso2022_maps); }

ModuleDef iso2022_def = {"_codecs_iso2022", nullptr, iso2022_methods, iso2022_exec};

}  // namespace

ModuleDef* codecs_iso2022_module_def() { return &iso2022_def; }

}  // namespace cppy::modules::cjkcodecs
