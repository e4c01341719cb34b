// Temporary Unicode predicates for the tokenizer (generated tables, host Unicode version),
// to be replaced by src/unicode's database once it lands.
#pragma once

namespace cppy::parser {

bool tmp_is_xid_start(char32_t c);     // XID_Start or '_'
bool tmp_is_xid_continue(char32_t c);  // XID_Continue
bool tmp_is_printable(char32_t c);     // Py_UNICODE_ISPRINTABLE

}  // namespace cppy::parser
