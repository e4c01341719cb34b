// unicodedata: Modules/unicodedata.c. Module functions read the current database; the same
// functions as methods of a UCD object (unicodedata.ucd_3_2_0) read the Unicode 3.2.0 view.
#include "modules/unicodedata/unicodedatamodule.h"

#include <string>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/boolobject.h"
#include "objects/bytesobject.h"
#include "objects/exceptions.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/unicodeobject.h"
#include "objects/spec_types.h"
#include "unicode/unicodectype.h"
#include "unicode/unicodedata.h"

namespace cppy::modules::unicodedata {

using namespace objects;
namespace ucd = cppy::unicode;

namespace {

struct UCDObject : Object {};  // only ucd_3_2_0 exists; self tells the two databases apart

bool is_old(Object* self) { return self && self->type != &module_type; }

// The one character of a str argument ("argument must be a unicode character, not str").
bool char_arg(const char* fname, Object* arg, char32_t* ch) {
  if (!str_check(arg)) {
    errors::format(exc_TypeError, "%s() argument must be a unicode character, not %.200s", fname,
                   type_short_name(arg->type));
    return false;
  }
  if (str_length(arg) != 1) {
    errors::format(exc_TypeError,
                   "%s(): argument must be a unicode character, not a string of length %zd",
                   fname, str_length(arg));
    return false;
  }
  *ch = str_read_char(arg, 0);
  return true;
}

bool str_arg(const char* fname, int pos, Object* arg) {
  if (str_check(arg)) return true;
  errors::format(exc_TypeError, "%s() argument %d must be str, not %.200s", fname, pos,
                 type_short_name(arg->type));
  return false;
}

bool check_nargs(const char* fname, ssize nargs, ssize min, ssize max) {
  if (nargs >= min && nargs <= max) return true;
  if (min == max) {
    errors::format(exc_TypeError, "%s() takes exactly %s (%zd given)", fname,
                   min == 1 ? "one argument" : "2 arguments", nargs);
  } else if (nargs < min) {
    errors::format(exc_TypeError, "%s expected at least %zd argument%s, got %zd", fname, min,
                   min == 1 ? "" : "s", nargs);
  } else {
    errors::format(exc_TypeError, "%s expected at most %zd arguments, got %zd", fname, max,
                   nargs);
  }
  return false;
}

// decimal/digit/numeric: the value, else default, else ValueError.
Object* value_or_default(Object* result, Object* const* args, ssize nargs, const char* what) {
  if (result) return result;
  if (nargs > 1) return new_ref(args[1]);
  errors::set_string(exc_ValueError, what);
  return nullptr;
}

Object* ud_decimal(Object* self, Object* const* args, ssize nargs) {
  char32_t ch;
  if (!check_nargs("decimal", nargs, 1, 2) || !char_arg("decimal", args[0], &ch)) return nullptr;
  int v = is_old(self) ? ucd::ucd_3_2_0::decimal(ch) : unicode::to_decimal(ch);
  return value_or_default(v < 0 ? nullptr : long_from_long(v), args, nargs, "not a decimal");
}

Object* ud_digit(Object* self, Object* const* args, ssize nargs) {
  char32_t ch;
  if (!check_nargs("digit", nargs, 1, 2) || !char_arg("digit", args[0], &ch)) return nullptr;
  int v = is_old(self) ? ucd::ucd_3_2_0::digit(ch) : unicode::to_digit(ch);
  return value_or_default(v < 0 ? nullptr : long_from_long(v), args, nargs, "not a digit");
}

Object* ud_numeric(Object* self, Object* const* args, ssize nargs) {
  char32_t ch;
  if (!check_nargs("numeric", nargs, 1, 2) || !char_arg("numeric", args[0], &ch)) return nullptr;
  double v = is_old(self) ? ucd::ucd_3_2_0::numeric(ch) : unicode::to_numeric(ch);
  return value_or_default(v == -1.0 ? nullptr : float_from_double(v), args, nargs,
                          "not a numeric character");
}

Object* ud_category(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("category", arg, &ch)) return nullptr;
  return str_from_cstr(is_old(self) ? ucd::ucd_3_2_0::category(ch) : ucd::category(ch));
}

Object* ud_bidirectional(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("bidirectional", arg, &ch)) return nullptr;
  return str_from_cstr(is_old(self) ? ucd::ucd_3_2_0::bidirectional(ch)
                                    : ucd::bidirectional(ch));
}

Object* ud_combining(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("combining", arg, &ch)) return nullptr;
  return long_from_long(is_old(self) ? ucd::ucd_3_2_0::combining(ch) : ucd::combining(ch));
}

Object* ud_mirrored(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("mirrored", arg, &ch)) return nullptr;
  return long_from_long(is_old(self) ? ucd::ucd_3_2_0::mirrored(ch) : ucd::mirrored(ch));
}

Object* ud_east_asian_width(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("east_asian_width", arg, &ch)) return nullptr;
  return str_from_cstr(is_old(self) ? ucd::ucd_3_2_0::east_asian_width(ch)
                                    : ucd::east_asian_width(ch));
}

Object* ud_decomposition(Object* self, Object* arg) {
  char32_t ch;
  if (!char_arg("decomposition", arg, &ch)) return nullptr;
  std::string d = is_old(self) ? ucd::ucd_3_2_0::decomposition(ch) : ucd::decomposition(ch);
  return str_from_utf8(d.data(), static_cast<ssize>(d.size()));
}

Object* str_of(const std::u32string& s) {
  return str_from_kind_and_data(4, s.data(), static_cast<ssize>(s.size()));
}

bool form_arg(const char* fname, Object* const* args, ssize nargs, ucd::NormalForm* form) {
  if (!check_nargs(fname, nargs, 2, 2) || !str_arg(fname, 1, args[0]) ||
      !str_arg(fname, 2, args[1])) {
    return false;
  }
  const char* name = str_as_utf8(args[0]);
  if (!name) return false;
  if (!ucd::parse_normal_form(name, form)) {
    errors::set_string(exc_ValueError, "invalid normalization form");
    return false;
  }
  return true;
}

Object* ud_normalize(Object* self, Object* const* args, ssize nargs) {
  ucd::NormalForm form;
  if (!form_arg("normalize", args, nargs, &form)) return nullptr;
  Object* input = args[1];
  if (str_length(input) == 0) return new_ref(input);
  if (is_old(self)) return str_of(ucd::ucd_3_2_0::normalize(form, str_units(input)));
  std::u32string out;
  if (!ucd::normalize(form, str_units(input), &out)) return new_ref(input);
  return str_of(out);
}

Object* ud_is_normalized(Object* self, Object* const* args, ssize nargs) {
  ucd::NormalForm form;
  if (!form_arg("is_normalized", args, nargs, &form)) return nullptr;
  Object* input = args[1];
  if (str_length(input) == 0) return bool_from_long(1);
  bool yes = is_old(self) ? ucd::ucd_3_2_0::is_normalized(form, str_units(input))
                          : ucd::is_normalized(form, str_units(input));
  return bool_from_long(yes);
}

Object* ud_name(Object* self, Object* const* args, ssize nargs) {
  char32_t ch;
  if (!check_nargs("name", nargs, 1, 2) || !char_arg("name", args[0], &ch)) return nullptr;
  std::string name;
  bool found = is_old(self) ? ucd::ucd_3_2_0::get_name(ch, &name) : ucd::get_name(ch, &name);
  if (found) return str_from_utf8(name.data(), static_cast<ssize>(name.size()));
  if (nargs > 1) return new_ref(args[1]);
  errors::set_string(exc_ValueError, "no such name");
  return nullptr;
}

// unicodedata_UCD_lookup_impl: the character (or named sequence) called name.
Object* ud_lookup(Object* self, Object* arg) {
  std::string name;
  if (str_check(arg)) {
    ssize n;
    const char* s = str_as_utf8(arg, &n);
    if (!s) return nullptr;
    name.assign(s, static_cast<size_t>(n));
  } else if (bytes_check(arg)) {
    name.assign(bytes_as_string(arg), static_cast<size_t>(bytes_size(arg)));
  } else {
    return errors::format(exc_TypeError, "lookup() argument must be str or bytes, not %.200s",
                          type_short_name(arg->type));
  }
  if (name.size() > static_cast<size_t>(ucd::kNameMaxLen)) {
    errors::set_string(exc_KeyError, "name too long");
    return nullptr;
  }
  char32_t code;
  bool found = is_old(self) ? ucd::ucd_3_2_0::lookup_code(name, &code)
                            : ucd::get_code(name, &code);
  if (!found) {
    Ref<> msg = Ref<>::steal(str_from_format("undefined character name '%s'", name.c_str()));
    if (msg) errors::set_object(exc_KeyError, msg.get());
    return nullptr;
  }
  if (!is_old(self) && ucd::is_named_sequence(code)) {
    std::u32string_view seq = ucd::named_sequence(code);
    return str_from_kind_and_data(4, seq.data(), static_cast<ssize>(seq.size()));
  }
  if (!is_old(self) && ucd::is_alias(code)) {
    // An alias names the character it stands for.
    if (!ucd::lookup_code(name, &code, false)) {
      errors::format(exc_KeyError, "undefined character name");
      return nullptr;
    }
  }
  return str_from_ordinal(code);
}

#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall
#define METH_O(f) reinterpret_cast<void*>(f), kMethO

MethodDef unicodedata_functions[] = {
    {"decimal", FASTCALL(ud_decimal),
     "decimal($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character "
     "into its equivalent decimal value.\n\nReturns the decimal value assigned to the character "
     "chr as integer.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"digit", FASTCALL(ud_digit),
     "digit($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into "
     "its equivalent digit value.\n\nReturns the digit value assigned to the character chr as "
     "integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError "
     "is raised."},
    {"numeric", FASTCALL(ud_numeric),
     "numeric($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character "
     "into its equivalent numeric value.\n\nReturns the numeric value assigned to the character "
     "chr as float.\nIf no such value is defined, default is returned, or, if not given,\n"
     "ValueError is raised."},
    {"category", METH_O(ud_category),
     "category($self, chr, /)\n--\n\nReturns the general category assigned to the character chr "
     "as string."},
    {"bidirectional", METH_O(ud_bidirectional),
     "bidirectional($self, chr, /)\n--\n\nReturns the bidirectional class assigned to the "
     "character chr as string.\n\nIf no such value is defined, an empty string is returned."},
    {"combining", METH_O(ud_combining),
     "combining($self, chr, /)\n--\n\nReturns the canonical combining class assigned to the "
     "character chr as integer.\n\nReturns 0 if no combining class is defined."},
    {"mirrored", METH_O(ud_mirrored),
     "mirrored($self, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr "
     "as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\n"
     "character in bidirectional text, 0 otherwise."},
    {"east_asian_width", METH_O(ud_east_asian_width),
     "east_asian_width($self, chr, /)\n--\n\nReturns the east asian width assigned to the "
     "character chr as string."},
    {"decomposition", METH_O(ud_decomposition),
     "decomposition($self, chr, /)\n--\n\nReturns the character decomposition mapping assigned "
     "to the character chr as string.\n\nAn empty string is returned in case no such mapping is "
     "defined."},
    {"is_normalized", FASTCALL(ud_is_normalized),
     "is_normalized($self, form, unistr, /)\n--\n\nReturn whether the Unicode string unistr is "
     "in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"normalize", FASTCALL(ud_normalize),
     "normalize($self, form, unistr, /)\n--\n\nReturn the normal form 'form' for the Unicode "
     "string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"name", FASTCALL(ud_name),
     "name($self, chr, default=<unrepresentable>, /)\n--\n\nReturns the name assigned to the "
     "character chr as a string.\n\nIf no name is defined, default is returned, or, if not "
     "given,\nValueError is raised."},
    {"lookup", METH_O(ud_lookup),
     "lookup($self, name, /)\n--\n\nLook up character by name.\n\nIf a character with the given "
     "name is found, return the\ncorresponding character.  If not found, KeyError is raised."},
    {nullptr, nullptr, 0, nullptr}};

Object* ucd_get_unidata_version(Object*, void*) {
  return str_from_cstr(ucd::ucd_3_2_0::kUnidataVersion);
}

GetSetDef ucd_getset[] = {
    {"unidata_version", ucd_get_unidata_version, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr}};

TypeObject ucd_type = [] {
  TypeObject t =
      static_type("unicodedata.UCD", sizeof(UCDObject), 0, kTpflagsDisallowInstantiation);
  t.getattro = object_generic_getattr;
  t.methods = unicodedata_functions;
  t.getset = ucd_getset;
  t.alloc = type_generic_alloc;
  t.free = object_generic_free;
  return t;
}();

int unicodedata_exec(Object* module) {
  type_mark_spec_slots(&ucd_type);  // Py_tp_getattro in its spec (objects/spec_types.h)
  if (type_ready(&ucd_type) < 0) return -1;
  if (module_add_object_ref(module, "UCD", &ucd_type) < 0) return -1;
  Ref<> version = Ref<>::steal(str_from_cstr(ucd::kUnidataVersion));
  if (!version || module_add_object_ref(module, "unidata_version", version.get()) < 0) return -1;
  Ref<> old = Ref<>::steal(ucd_type.alloc(&ucd_type, 0));
  if (!old) return -1;
  return module_add_object_ref(module, "ucd_3_2_0", old.get());
}

ModuleDef unicodedata_def = {
    "unicodedata",
    "This module provides access to the Unicode Character Database which\ndefines character "
    "properties for all Unicode characters. The data in\nthis database is based on the "
    "UnicodeData.txt file version\n16.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
    "The module uses the same names and symbols as defined by the\nUnicodeData.txt file format "
    "version 16.0.0.",
    unicodedata_functions, unicodedata_exec};

}  // namespace

ModuleDef* module_def() { return &unicodedata_def; }

}  // namespace cppy::modules::unicodedata
