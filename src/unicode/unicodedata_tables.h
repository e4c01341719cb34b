// Internal: the generated database tables (unicodedata_gen.cpp), in the layout of CPython's
// Modules/unicodedata_db.h and unicodename_db.h (the name database is compressed differently:
// a word lexicon instead of a DAWG).
#pragma once

#include <cstdint>

namespace cppy::unicode::detail {

// _PyUnicode_DatabaseRecord.
struct DatabaseRecord {
  uint8_t category;          // index into category_names
  uint8_t combining;         // canonical combining class
  uint8_t bidirectional;     // index into bidirectional_names
  uint8_t mirrored;
  uint8_t east_asian_width;  // index into east_asian_width_names
  uint8_t quick_check;       // 2 bits a form (YES 0, MAYBE 1, NO 2): NFD 0, NFKD 2, NFC 4, NFKC 6
};

struct CompositionPair {
  char32_t first, second, composed;
};

struct AlgorithmicNameRange {
  char32_t first, last;
  const char* prefix;  // the name is prefix + "%X" % code point
};

extern const char* const category_names[];
extern const char* const bidirectional_names[];
extern const char* const east_asian_width_names[];
extern const char* const decomp_prefix[];
extern const DatabaseRecord database_records[];
uint32_t db_index(char32_t ch);
// decomp_data[decomp_index(ch)] is (count << 8 | prefix index), followed by count code points;
// index 0 means no decomposition.
extern const char32_t decomp_data[];
uint32_t decomp_index(char32_t ch);
extern const CompositionPair composition_pairs[];  // sorted by (first, second)
extern const int composition_pair_count;

// Names: records sorted by name, each (code point: 3 bytes, word count, word codes), a word
// code being one byte below 0x80, else two bytes (0x80 | hi, lo) for 128 + (hi << 8 | lo).
// Aliases have code points ALIASES_START + i, named sequences NAMED_SEQUENCES_START + i.
extern const int name_count;
extern const int name_block;   // records per block of name_block_offsets
extern const int name_longest;
extern const unsigned char name_lexicon[];
extern const uint32_t name_lexicon_offsets[];
extern const unsigned char name_data[];
extern const uint32_t name_block_offsets[];
uint32_t name_pos_index(char32_t ch);  // record number, 0xFFFF for none
extern const char32_t name_aliases[];
extern const int name_alias_count;
extern const char32_t named_sequence_data[];
extern const uint16_t named_sequence_offsets[];
extern const int named_sequence_count;
extern const AlgorithmicNameRange algorithmic_names[];
extern const int algorithmic_name_count;

// ucd_3_2_0: the 3.2.0 values of a code point whose properties changed since (record 0: none
// changed). flags: 1 no decomposition, 2 no name; normalization: the replacement of a
// corrected decomposition (CPython's normalization_3_2_0), 0 if none.
struct OldRecord {
  uint8_t category;
  uint8_t bidirectional;
  uint8_t combining;
  uint8_t east_asian_width;
  uint8_t mirrored;
  uint8_t decimal;   // 0xFF: none
  uint16_t numeric;  // index into old_numeric_values, 0: none
  uint8_t flags;
  char32_t normalization;
};
extern const OldRecord old_records[];
uint32_t old_index(char32_t ch);
extern const double old_numeric_values[];

constexpr char32_t kAliasesStart = 0xF0000;
constexpr char32_t kNamedSequencesStart = 0xF0200;

}  // namespace cppy::unicode::detail
