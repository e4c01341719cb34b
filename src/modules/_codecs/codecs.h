// The codec registry and the error handler registry (Python/codecs.c), and the built-in codecs
// driven with any error handler (the loops of Objects/unicodeobject.c that call
// unicode_decode_call_errorhandler_writer / unicode_encode_call_errorhandler around the codec
// cores of src/unicode/codecs.h). The _codecs module (Modules/_codecsmodule.c) is a thin layer
// over this file; _io's TextIOWrapper uses it for its encoders and decoders.
#pragma once

#include <string>

#include "objects/object.h"

namespace cppy::modules::_codecs {

using objects::Object;
using objects::ssize;

// --- registry (interp->codecs) -------------------------------------------------------------
// PyCodec_Register / PyCodec_Unregister: 0 or -1.
int register_search_function(Object* search_function);
int unregister_search_function(Object* search_function);
// _PyCodec_Lookup: the CodecInfo (a 4-tuple or subclass) of encoding; new reference or null
// with LookupError. The first lookups import the `encodings` package when the import system
// can (until it can, only functions registered by hand are searched).
Object* lookup(const char* encoding);
// _PyCodec_Forget: drops encoding from the cache; 0 or -1.
int forget(const char* encoding);
// _PyCodec_LookupTextEncoding: as lookup, with "'X' is not a text encoding; use
// ALTERNATE to handle arbitrary codecs" for codecs marked _is_text_encoding = False.
Object* lookup_text_encoding(const char* encoding, const char* alternate_command);
// PyCodec_Encode / PyCodec_Decode and the text variants (_PyCodec_EncodeText/DecodeText).
Object* encode(Object* object, const char* encoding, const char* errors);
Object* decode(Object* object, const char* encoding, const char* errors);
Object* encode_text(Object* object, const char* encoding, const char* errors);
Object* decode_text(Object* object, const char* encoding, const char* errors);
// _PyCodecInfo_GetIncrementalDecoder / Encoder: codec_info.incrementalX(errors).
Object* incremental_decoder(Object* codec_info, const char* errors);
Object* incremental_encoder(Object* codec_info, const char* errors);

// PyCodec_RegisterError / PyCodec_LookupError (null name: "strict") / _PyCodec_UnregisterError
// (1 removed, 0 not registered, -1 error).
int register_error(const char* name, Object* handler);
Object* lookup_error(const char* name);
int unregister_error(const char* name);

// _Py_normalize_encoding: lower case, runs of punctuation become one '_', '.' kept. False when
// the result does not fit (never, with std::string).
std::string normalize_encoding(const char* encoding);

// --- the built-in codecs with error handlers ----------------------------------------------
enum class Codec {
  kUtf8, kUtf7, kLatin1, kAscii, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be,
  kUnicodeEscape, kRawUnicodeEscape,
};
// The codec's name in error messages ("utf-8", "latin-1", "utf-16-le"...).
const char* codec_name(Codec c);
// Recognises the names TextIOWrapper's fast paths and str.encode's shortcuts accept
// ("utf-8", "utf8", "latin-1", "iso-8859-1", "ascii", "us-ascii", "utf-16"...). False for
// anything else.
bool builtin_codec(const char* encoding, Codec* out);

// Encodes str s; errors null means strict. New bytes or null. For the utf-16/utf-32 codecs,
// byteorder -1/0/1 (little, native with a BOM, big), as _PyUnicode_EncodeUTF16 takes it.
Object* encode_str(Codec c, Object* s, const char* errors, int byteorder = 0);
// Decodes data[0:n] (input is the bytes object data belongs to when there is one, for the
// exception object; may be null). With final false an incomplete sequence at the end is left
// for later and *consumed says how much was used (consumed may be null when final). For the
// utf-16/utf-32 codecs *byteorder (may be null: 0) is read and updated as the _ex decoders do.
Object* decode_bytes(Codec c, const char* data, ssize n, const char* errors, bool final,
                     ssize* consumed, int* byteorder = nullptr, Object* input = nullptr);

// The standard error handlers as Python callables take a UnicodeError (PyCodec_StrictErrors
// and friends); registered under their names at the first registry use.
Object* strict_errors(Object* exc);
Object* ignore_errors(Object* exc);
Object* replace_errors(Object* exc);
Object* xmlcharrefreplace_errors(Object* exc);
Object* backslashreplace_errors(Object* exc);
Object* namereplace_errors(Object* exc);
Object* surrogatepass_errors(Object* exc);
Object* surrogateescape_errors(Object* exc);

}  // namespace cppy::modules::_codecs

namespace cppy::modules {
struct ModuleDef;
}
namespace cppy::modules::_codecs {
// The _codecs module (Modules/_codecsmodule.c).
ModuleDef* module_def();
}  // namespace cppy::modules::_codecs
