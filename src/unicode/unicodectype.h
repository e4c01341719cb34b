// Character properties of the Unicode 16.0.0 database, as CPython 3.14's
// Objects/unicodectype.c exposes them (Py_UNICODE_ISALPHA, _PyUnicode_ToLowerFull, ...).
// Light on purpose: the tokenizer and str include it.
#pragma once

namespace cppy::unicode {

// Predicates (Py_UNICODE_IS*). Code points above U+10FFFF have no property.
bool is_alpha(char32_t ch);            // _PyUnicode_IsAlpha: categories Lm Lt Lu Ll Lo
bool is_decimal(char32_t ch);          // _PyUnicode_IsDecimalDigit
bool is_digit(char32_t ch);            // _PyUnicode_IsDigit
bool is_numeric(char32_t ch);          // _PyUnicode_IsNumeric
bool is_printable(char32_t ch);        // _PyUnicode_IsPrintable
bool is_space(char32_t ch);            // _PyUnicode_IsWhitespace (Py_UNICODE_ISSPACE)
bool is_linebreak(char32_t ch);        // _PyUnicode_IsLinebreak
bool is_lower(char32_t ch);            // _PyUnicode_IsLowercase
bool is_upper(char32_t ch);            // _PyUnicode_IsUppercase
bool is_title(char32_t ch);            // _PyUnicode_IsTitlecase
bool is_cased(char32_t ch);            // _PyUnicode_IsCased
bool is_case_ignorable(char32_t ch);   // _PyUnicode_IsCaseIgnorable
bool is_xid_start(char32_t ch);        // _PyUnicode_IsXidStart
bool is_xid_continue(char32_t ch);     // _PyUnicode_IsXidContinue
bool is_alnum(char32_t ch);            // Py_UNICODE_ISALNUM

// Values: -1 (-1.0) when the character has none (_PyUnicode_ToDecimalDigit, _ToDigit,
// _ToNumeric).
int to_decimal(char32_t ch);
int to_digit(char32_t ch);
double to_numeric(char32_t ch);

// Simple case mappings (_PyUnicode_ToLowercase ...): like CPython, the first character of the
// full mapping when that has several.
char32_t to_lower(char32_t ch);
char32_t to_upper(char32_t ch);
char32_t to_title(char32_t ch);

// Full case mappings (_PyUnicode_ToLowerFull ...): write at most 3 code points to `out` and
// return how many. The final-sigma rule of str.lower() is the caller's (CPython's
// handle_capital_sigma).
int to_lower_full(char32_t ch, char32_t* out);
int to_upper_full(char32_t ch, char32_t* out);
int to_title_full(char32_t ch, char32_t* out);
int to_folded_full(char32_t ch, char32_t* out);

}  // namespace cppy::unicode
