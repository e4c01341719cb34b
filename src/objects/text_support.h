// What the text and number objects use from the rest of the object core (exceptions, the
// abstract protocols, bool) and the helpers they share among themselves (codec error
// construction, error handler names). Private to src/objects' text files.
#pragma once

#include <string>

#include "objects/object.h"
#include "objects/typeobject.h"

#include "objects/exceptions.h"

#include "objects/abstract.h"

#include "objects/boolobject.h"

namespace cppy::objects {

// Py_NotImplemented (defined by object.cpp).
extern Object NotImplementedStruct;
extern Object NoneStruct;
inline Object* text_not_implemented() { return new_ref(&NotImplementedStruct); }

// PyType_GetFullyQualifiedName (sep '.') and _PyType_GetFullyQualifiedName(type, ':'):
// "module.qualname", or just the qualname for builtins.
Object* type_fully_qualified_name(TypeObject* type, char sep);

// Whether name is a registered codec error handler (codecs.lookup_error would succeed).
bool is_known_error_handler(const char* name);

// Raise UnicodeDecodeError(encoding, data[0:n], start, end, reason) /
// UnicodeEncodeError(encoding, s, start, end, reason).
void set_unicode_decode_error(const char* encoding, const char* data, ssize n, ssize start,
                              ssize end, const char* reason);
void set_unicode_encode_error(const char* encoding, Object* s, ssize start, ssize end,
                              const char* reason);

// Py_UNICODE_ISPRINTABLE for characters above U+00FF (the Unicode database's answer).
bool unicode_db_is_printable(uint32_t ch);
// _PyUnicode_TransformDecimalAndSpaceToASCII for number parsing: Unicode decimal digits and
// white space become ASCII; false when another non-ASCII character is present.
bool text_number_to_ascii(Object* s, std::string* out);

}  // namespace cppy::objects
