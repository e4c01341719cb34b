// The mapping tables of the CJK codecs (Modules/cjkcodecs/cjkcodecs.h structures and the
// tables of mappings_{jp,kr,cn,tw,hk}.h), generated into mappings.cpp by
// tools/cjkcodecs/gen_tables.py from the reference's own tables.
#pragma once

#include <cstdint>

namespace cppy::modules::cjkcodecs {

// A code point that no charset maps to (UNIINV), the "no mapping" value of encode maps
// (NOCHAR), a code that maps to a pair of code points (MULTIC) and a failed pair lookup
// (DBCINV).
constexpr uint16_t kUniInv = 0xFFFE;
constexpr uint16_t kNoChar = 0xFFFF;
constexpr uint16_t kMultiC = 0xFFFE;
constexpr uint16_t kDbcInv = 0xFFFD;

// struct dbcs_index / widedbcs_index / unim_index.
struct DecodeIndex {
  const uint16_t* map;
  unsigned char bottom, top;
};
struct WideDecodeIndex {
  const uint32_t* map;
  unsigned char bottom, top;
};
struct EncodeIndex {
  const uint16_t* map;
  unsigned char bottom, top;
};
// struct pair_encodemap: (first << 16 | second) -> code, sorted.
struct PairEncodeMap {
  uint32_t uniseq;
  uint16_t code;
};
// _gb18030_to_unibmp_ranges: four-byte codes base.. map to first..last; ends with first 0.
struct Gb18030Range {
  uint32_t first, last;
  uint16_t base;
};

// _TRYMAP_DEC / TRYMAP_DEC: the value at (c1, c2), or false.
inline bool trymap_dec(const DecodeIndex* m, unsigned c1, unsigned c2, uint32_t* out) {
  const DecodeIndex& e = m[c1 & 0xff];
  if (!e.map || c2 < e.bottom || c2 > e.top) return false;
  uint16_t v = e.map[c2 - e.bottom];
  if (v == kUniInv) return false;
  *out = v;
  return true;
}
inline bool trymap_dec(const WideDecodeIndex* m, unsigned c1, unsigned c2, uint32_t* out) {
  const WideDecodeIndex& e = m[c1 & 0xff];
  if (!e.map || c2 < e.bottom || c2 > e.top) return false;
  uint32_t v = e.map[c2 - e.bottom];
  if (v == kUniInv) return false;
  *out = v;
  return true;
}
// TRYMAP_ENC: the code of the BMP code point uni, or false.
inline bool trymap_enc(const EncodeIndex* m, uint32_t uni, uint16_t* out) {
  const EncodeIndex& e = m[(uni >> 8) & 0xff];
  unsigned lo = uni & 0xff;
  if (!e.map || lo < e.bottom || lo > e.top) return false;
  uint16_t v = e.map[lo - e.bottom];
  if (v == kNoChar) return false;
  *out = v;
  return true;
}

// _codecs_jp
extern const EncodeIndex cp932ext_encmap[256];
extern const DecodeIndex cp932ext_decmap[256];
extern const DecodeIndex jisx0208_decmap[256];
extern const DecodeIndex jisx0212_decmap[256];
extern const DecodeIndex jisx0213_1_bmp_decmap[256];
extern const DecodeIndex jisx0213_1_emp_decmap[256];
extern const DecodeIndex jisx0213_2_bmp_decmap[256];
extern const DecodeIndex jisx0213_2_emp_decmap[256];
extern const EncodeIndex jisx0213_bmp_encmap[256];
extern const EncodeIndex jisx0213_emp_encmap[256];
constexpr int kJisx0213EncPairs = 46;
extern const PairEncodeMap jisx0213_pair_encmap[kJisx0213EncPairs];
extern const WideDecodeIndex jisx0213_pair_decmap[256];
extern const EncodeIndex jisxcommon_encmap[256];
// _codecs_kr
extern const EncodeIndex cp949_encmap[256];
extern const DecodeIndex cp949ext_decmap[256];
extern const DecodeIndex ksx1001_decmap[256];
// _codecs_cn
extern const EncodeIndex gb18030ext_encmap[256];
extern const DecodeIndex gb18030ext_decmap[256];
extern const DecodeIndex gb2312_decmap[256];
extern const EncodeIndex gbcommon_encmap[256];
extern const DecodeIndex gbkext_decmap[256];
extern const Gb18030Range gb18030_to_unibmp_ranges[];
// _codecs_tw
extern const EncodeIndex big5_encmap[256];
extern const DecodeIndex big5_decmap[256];
extern const EncodeIndex cp950ext_encmap[256];
extern const DecodeIndex cp950ext_decmap[256];
// _codecs_hk
extern const DecodeIndex big5hkscs_decmap[256];
extern const EncodeIndex big5hkscs_bmp_encmap[256];
extern const EncodeIndex big5hkscs_nonbmp_encmap[256];
extern const unsigned char big5hkscs_phint_0[621];
extern const unsigned char big5hkscs_phint_12130[60];
extern const unsigned char big5hkscs_phint_21924[125];

}  // namespace cppy::modules::cjkcodecs
