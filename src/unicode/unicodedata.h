// The Unicode 16.0.0 database of CPython 3.14's Modules/unicodedata.c, as pure functions:
// properties, decomposition, names (with aliases and named sequences) and normalization. The
// unicodedata module object itself wraps these.
#pragma once

#include <string>
#include <string_view>

#include "unicode/units.h"

namespace cppy::unicode {

inline constexpr const char* kUnidataVersion = "16.0.0";  // unicodedata.unidata_version

// unicodedata.category / bidirectional / combining / east_asian_width / mirrored.
const char* category(char32_t ch);
const char* bidirectional(char32_t ch);
int combining(char32_t ch);
const char* east_asian_width(char32_t ch);
int mirrored(char32_t ch);

// unicodedata.decomposition: "<compat> 0020 0308", "" when there is none.
std::string decomposition(char32_t ch);

// --- names ---------------------------------------------------------------------------------

inline constexpr int kNameMaxLen = 256;  // NAME_MAXLEN: lookup() of longer names fails
inline constexpr char32_t kAliasesStart = 0xF0000;          // aliases_start
inline constexpr char32_t kNamedSequencesStart = 0xF0200;   // named_sequences_start
bool is_alias(char32_t code);
bool is_named_sequence(char32_t code);

// _getucname: the name of `code`; with_alias_and_seq also names the private-use code points
// that stand for aliases and named sequences. False when there is none.
bool get_name(char32_t code, std::string* out, bool with_alias_and_seq = false);

// _getcode: the code point named `name` (ASCII; matched case-insensitively except for the
// Hangul syllable and CJK unified ideograph forms, like CPython). Aliases and named sequences
// come back as their private-use code points.
bool get_code(std::string_view name, char32_t* code);

// capi_getcode (the \N{...} escape): aliases resolved; named sequences only if allowed.
bool lookup_code(std::string_view name, char32_t* code, bool with_named_seq);

// The characters of a named sequence's private-use code point.
std::u32string_view named_sequence(char32_t code);

// --- normalization -------------------------------------------------------------------------

enum class NormalForm { NFC, NFKC, NFD, NFKD };
// "NFC", "NFKC", "NFD", "NFKD"; false otherwise ("invalid normalization form").
bool parse_normal_form(std::string_view name, NormalForm* form);

enum class QuickCheck { Yes = 0, Maybe = 1, No = 2 };
// is_normalized_quickcheck (without the UCD 3.2.0 case): yes_only returns Maybe as soon as the
// answer is not Yes.
QuickCheck quick_check(NormalForm form, Units input, bool yes_only);

// unicodedata.normalize: false when the quick check says `input` is already normalized (CPython
// then returns the input object itself); otherwise the normal form in *out.
bool normalize(NormalForm form, Units input, std::u32string* out);
std::u32string normalize(NormalForm form, Units input);  // always a copy
// unicodedata.is_normalized
bool is_normalized(NormalForm form, Units input);

// The algorithms themselves (nfd_nfkd, nfc_nfkc).
std::u32string decompose(Units input, bool compat);
std::u32string compose(Units input, bool compat);

// unicodedata.ucd_3_2_0: the database as of Unicode 3.2.0 (for IDNA and stringprep), as CPython
// derives it from the current one: characters unassigned in 3.2.0 have no properties and no
// name, a few decompositions are the uncorrected ones, and the quick check is never used.
namespace ucd_3_2_0 {
inline constexpr const char* kUnidataVersion = "3.2.0";
const char* category(char32_t ch);
const char* bidirectional(char32_t ch);
int combining(char32_t ch);
const char* east_asian_width(char32_t ch);
int mirrored(char32_t ch);
std::string decomposition(char32_t ch);
int decimal(char32_t ch);     // -1: none
int digit(char32_t ch);       // -1: none (unchanged from the current version, as in CPython)
double numeric(char32_t ch);  // -1.0: none
bool get_name(char32_t code, std::string* out);
bool lookup_code(std::string_view name, char32_t* code);  // no aliases, no named sequences
std::u32string normalize(NormalForm form, Units input);
bool is_normalized(NormalForm form, Units input);
}  // namespace ucd_3_2_0

}  // namespace cppy::unicode
