// The _locale module: Modules/_localemodule.c of CPython 3.14 for glibc. Strings from the C
// library are decoded as the locale encodes them (PyUnicode_DecodeLocale: the locale's
// codeset, surrogateescape for undecodable bytes).
#include "modules/_locale/localemodule.h"

#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "errors/errors.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/clinic_args.h"
#include "objects/dictobject.h"
#include "objects/exceptions.h"
#include "objects/getargs.h"
#include "objects/listobject.h"
#include "objects/longobject.h"
#include "objects/moduleobject.h"
#include "objects/text_api.h"
#include "objects/unicodeobject.h"
#include "runtime/preconfig.h"

namespace cppy::modules::_locale {

using namespace objects;

namespace {

TypeObject* locale_error = nullptr;  // locale.Error

// PyUnicode_DecodeLocale: the current LC_CTYPE's bytes as str (UTF-8 here; other bytes
// through surrogateescape).
Object* decode_locale(const char* s) {
  return str_decode_utf8(s, static_cast<ssize>(std::strlen(s)), "surrogateescape");
}

// The str argument as locale bytes (PyUnicode_EncodeLocale with surrogateescape).
bool encode_locale(Object* o, std::string* out) {
  Ref<> b = Ref<>::steal(str_encode(o, "utf-8", "surrogateescape"));
  if (!b) return false;
  out->assign(bytes_as_string(b.get()), static_cast<size_t>(bytes_size(b.get())));
  return true;
}

bool as_str_arg(const char* fname, const char* argnum, Object* o, std::string* out) {
  if (!str_check(o)) {
    bad_argument(fname, argnum, "str", o);
    return false;
  }
  ssize n;
  const char* p = str_as_utf8(o, &n);
  if (!p) return false;
  if (static_cast<ssize>(std::strlen(p)) != n) {
    errors::set_string(exc_ValueError, "embedded null character");
    return false;
  }
  out->assign(p, static_cast<size_t>(n));
  return true;
}

// _locale_setlocale_impl.
Object* locale_setlocale(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("setlocale", nargs, 1, 2)) return nullptr;
  int category = long_as_int(args[0]);
  if (category == -1 && errors::occurred()) return nullptr;
  std::string locale;
  bool query = nargs < 2 || args[1] == none();
  if (!query && !str_check(args[1])) {
    bad_argument("setlocale", "2", "str or None", args[1]);
    return nullptr;
  }
  if (!query && !as_str_arg("setlocale", "2", args[1], &locale)) return nullptr;
  const char* result = ::setlocale(category, query ? nullptr : locale.c_str());
  if (!result) {
    if (query) {
      errors::set_string(locale_error, "locale query failed");
    } else {
      errors::set_string(locale_error, "unsupported locale setting");
    }
    return nullptr;
  }
  return decode_locale(result);
}

// copy_grouping: the grouping string as a list of ints ending at CHAR_MAX or 0.
Object* copy_grouping(const char* s) {
  Ref<> result = Ref<>::steal(list_new(0));
  if (!result) return nullptr;
  if (s[0] == '\0') return result.release();
  size_t i = 0;
  do {
    Ref<> v = Ref<>::steal(long_from_long(static_cast<unsigned char>(s[i]) == CHAR_MAX
                                              ? CHAR_MAX
                                              : static_cast<signed char>(s[i])));
    if (!v || list_append(result.get(), v.get()) < 0) return nullptr;
  } while (s[i] != '\0' && static_cast<unsigned char>(s[i++]) != CHAR_MAX);
  return result.release();
}

// _locale_localeconv_impl.
Object* locale_localeconv(Object*, Object*) {
  struct lconv* lc = ::localeconv();
  Ref<> result = Ref<>::steal(dict_new());
  if (!result) return nullptr;
  auto set_str = [&](const char* key, const char* value) {
    Ref<> v = Ref<>::steal(decode_locale(value));
    return v && dict_set_item_string(result.get(), key, v.get()) == 0;
  };
  auto set_int = [&](const char* key, char value) {
    Ref<> v = Ref<>::steal(long_from_long(static_cast<unsigned char>(value) == CHAR_MAX
                                              ? CHAR_MAX
                                              : value));
    return v && dict_set_item_string(result.get(), key, v.get()) == 0;
  };
  auto set_obj = [&](const char* key, Object* o) {
    Ref<> v = Ref<>::steal(o);
    return v && dict_set_item_string(result.get(), key, v.get()) == 0;
  };
  // Monetary information first, then numeric, in CPython's order.
  if (!set_str("int_curr_symbol", lc->int_curr_symbol) ||
      !set_str("currency_symbol", lc->currency_symbol) ||
      !set_str("mon_decimal_point", lc->mon_decimal_point) ||
      !set_str("mon_thousands_sep", lc->mon_thousands_sep) ||
      !set_obj("mon_grouping", copy_grouping(lc->mon_grouping)) ||
      !set_str("positive_sign", lc->positive_sign) ||
      !set_str("negative_sign", lc->negative_sign) ||
      !set_int("int_frac_digits", lc->int_frac_digits) ||
      !set_int("frac_digits", lc->frac_digits) ||
      !set_int("p_cs_precedes", lc->p_cs_precedes) ||
      !set_int("p_sep_by_space", lc->p_sep_by_space) ||
      !set_int("n_cs_precedes", lc->n_cs_precedes) ||
      !set_int("n_sep_by_space", lc->n_sep_by_space) ||
      !set_int("p_sign_posn", lc->p_sign_posn) || !set_int("n_sign_posn", lc->n_sign_posn) ||
      !set_str("decimal_point", lc->decimal_point) ||
      !set_str("thousands_sep", lc->thousands_sep) ||
      !set_obj("grouping", copy_grouping(lc->grouping))) {
    return nullptr;
  }
  return result.release();
}

// _locale_strcoll_impl: wcscoll of the two strings.
std::wstring to_wide(Object* s) {
  std::wstring w;
  ssize n = str_length(s);
  for (ssize i = 0; i < n; ++i) w.push_back(static_cast<wchar_t>(str_read_char(s, i)));
  return w;
}

Object* locale_strcoll(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("strcoll", nargs, 2, 2)) return nullptr;
  if (!str_check(args[0])) {
    bad_argument("strcoll", "1", "str", args[0]);
    return nullptr;
  }
  if (!str_check(args[1])) {
    bad_argument("strcoll", "2", "str", args[1]);
    return nullptr;
  }
  std::wstring a = to_wide(args[0]), b = to_wide(args[1]);
  if (a.find(L'\0') != std::wstring::npos || b.find(L'\0') != std::wstring::npos) {
    errors::set_string(exc_ValueError, "embedded null character");
    return nullptr;
  }
  return long_from_long(wcscoll(a.c_str(), b.c_str()));
}

// _locale_strxfrm_impl.
Object* locale_strxfrm(Object*, Object* arg) {
  if (!str_check(arg)) {
    bad_argument("strxfrm", "argument", "str", arg);
    return nullptr;
  }
  std::wstring s = to_wide(arg);
  if (s.find(L'\0') != std::wstring::npos) {
    errors::set_string(exc_ValueError, "embedded null character");
    return nullptr;
  }
  size_t n = wcsxfrm(nullptr, s.c_str(), 0);
  std::vector<wchar_t> buf(n + 1);
  wcsxfrm(buf.data(), s.c_str(), n + 1);
  StrWriter w;
  for (size_t i = 0; i < n; ++i) {
    if (w.write_char(static_cast<UCS4>(buf[i])) < 0) return nullptr;
  }
  return w.finish();
}

const std::pair<const char*, nl_item> kLangInfo[] = {
    {"CODESET", CODESET}, {"D_T_FMT", D_T_FMT}, {"D_FMT", D_FMT}, {"T_FMT", T_FMT},
    {"AM_STR", AM_STR}, {"PM_STR", PM_STR}, {"DAY_1", DAY_1}, {"DAY_2", DAY_2},
    {"DAY_3", DAY_3}, {"DAY_4", DAY_4}, {"DAY_5", DAY_5}, {"DAY_6", DAY_6}, {"DAY_7", DAY_7},
    {"ABDAY_1", ABDAY_1}, {"ABDAY_2", ABDAY_2}, {"ABDAY_3", ABDAY_3}, {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5}, {"ABDAY_6", ABDAY_6}, {"ABDAY_7", ABDAY_7}, {"MON_1", MON_1},
    {"MON_2", MON_2}, {"MON_3", MON_3}, {"MON_4", MON_4}, {"MON_5", MON_5}, {"MON_6", MON_6},
    {"MON_7", MON_7}, {"MON_8", MON_8}, {"MON_9", MON_9}, {"MON_10", MON_10},
    {"MON_11", MON_11}, {"MON_12", MON_12}, {"ABMON_1", ABMON_1}, {"ABMON_2", ABMON_2},
    {"ABMON_3", ABMON_3}, {"ABMON_4", ABMON_4}, {"ABMON_5", ABMON_5}, {"ABMON_6", ABMON_6},
    {"ABMON_7", ABMON_7}, {"ABMON_8", ABMON_8}, {"ABMON_9", ABMON_9}, {"ABMON_10", ABMON_10},
    {"ABMON_11", ABMON_11}, {"ABMON_12", ABMON_12}, {"RADIXCHAR", RADIXCHAR},
    {"THOUSEP", THOUSEP}, {"YESEXPR", YESEXPR}, {"NOEXPR", NOEXPR}, {"CRNCYSTR", CRNCYSTR},
    {"ERA", ERA}, {"ERA_D_FMT", ERA_D_FMT}, {"ERA_D_T_FMT", ERA_D_T_FMT},
    {"ERA_T_FMT", ERA_T_FMT}, {"ALT_DIGITS", ALT_DIGITS}, {"T_FMT_AMPM", T_FMT_AMPM},
#ifdef _DATE_FMT
    {"_DATE_FMT", _DATE_FMT},
#endif
};

// _locale_nl_langinfo_impl: only the constants the module exports are accepted.
Object* locale_nl_langinfo(Object*, Object* arg) {
  int item = long_as_int(arg);
  if (item == -1 && errors::occurred()) return nullptr;
  for (const auto& e : kLangInfo) {
    if (e.second != item) continue;
    const char* result = ::nl_langinfo(item);
    if (!result) result = "";
    // ALT_DIGITS lists its digits separated by NULs: they are joined with ';'.
    if (item == ALT_DIGITS && *result) {
      std::string joined;
      const char* p = result;
      for (int i = 0; i < 100 && *p; ++i) {
        if (i) joined.push_back(';');
        joined += p;
        p += std::strlen(p) + 1;
      }
      return decode_locale(joined.c_str());
    }
    return decode_locale(result);
  }
  errors::set_string(exc_ValueError, "unsupported langinfo constant");
  return nullptr;
}

// _locale_getencoding_impl: _Py_GetLocaleEncoding, the LC_CTYPE codeset (in UTF-8 mode too).
Object* locale_getencoding(Object*, Object*) {
  return str_from_cstr(runtime::locale_encoding().c_str());
}

// The gettext family (libintl in glibc).
Object* locale_gettext(Object*, Object* arg) {
  std::string msg;
  if (!as_str_arg("gettext", "argument", arg, &msg)) return nullptr;
  return decode_locale(::gettext(msg.c_str()));
}

Object* locale_dgettext(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("dgettext", nargs, 2, 2)) return nullptr;
  std::string domain, msg;
  bool have_domain = args[0] != none();
  if (have_domain && !as_str_arg("dgettext", "1", args[0], &domain)) return nullptr;
  if (!as_str_arg("dgettext", "2", args[1], &msg)) return nullptr;
  return decode_locale(::dgettext(have_domain ? domain.c_str() : nullptr, msg.c_str()));
}

Object* locale_dcgettext(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("dcgettext", nargs, 3, 3)) return nullptr;
  std::string domain, msg;
  bool have_domain = args[0] != none();
  if (have_domain && !as_str_arg("dcgettext", "1", args[0], &domain)) return nullptr;
  if (!as_str_arg("dcgettext", "2", args[1], &msg)) return nullptr;
  int category = long_as_int(args[2]);
  if (category == -1 && errors::occurred()) return nullptr;
  return decode_locale(
      ::dcgettext(have_domain ? domain.c_str() : nullptr, msg.c_str(), category));
}

Object* locale_textdomain(Object*, Object* arg) {
  std::string domain;
  bool have = arg != none();
  if (have && !as_str_arg("textdomain", "argument", arg, &domain)) return nullptr;
  const char* r = ::textdomain(have ? domain.c_str() : nullptr);
  if (!r) return errors::set_from_errno(exc_OSError);
  return decode_locale(r);
}

Object* locale_bindtextdomain(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("bindtextdomain", nargs, 2, 2)) return nullptr;
  std::string domain, dir;
  if (!as_str_arg("bindtextdomain", "1", args[0], &domain)) return nullptr;
  if (domain.empty()) {
    errors::set_string(locale_error, "domain must be a non-empty string");
    return nullptr;
  }
  bool have_dir = args[1] != none();
  if (have_dir) {
    Ref<> path = Ref<>::steal(object_str(args[1]));
    if (!path || !encode_locale(path.get(), &dir)) return nullptr;
  }
  const char* r = ::bindtextdomain(domain.c_str(), have_dir ? dir.c_str() : nullptr);
  if (!r) {
    if (errno) return errors::set_from_errno(exc_OSError);
    return return_none();
  }
  return decode_locale(r);
}

Object* locale_bind_textdomain_codeset(Object*, Object* const* args, ssize nargs) {
  if (!check_positional("bind_textdomain_codeset", nargs, 2, 2)) return nullptr;
  std::string domain, codeset;
  if (!as_str_arg("bind_textdomain_codeset", "1", args[0], &domain)) return nullptr;
  bool have = args[1] != none();
  if (have && !as_str_arg("bind_textdomain_codeset", "2", args[1], &codeset)) return nullptr;
  const char* r = ::bind_textdomain_codeset(domain.c_str(), have ? codeset.c_str() : nullptr);
  if (!r) {
    if (errno) return errors::set_from_errno(exc_OSError);
    return return_none();
  }
  return decode_locale(r);
}

#define METH_O(f) reinterpret_cast<void*>(f), kMethO
#define NOARGS(f) reinterpret_cast<void*>(f), kMethNoArgs
#define FASTCALL(f) reinterpret_cast<void*>(f), kMethFastcall

MethodDef locale_methods[] = {
    {"setlocale", FASTCALL(locale_setlocale),
     "setlocale($module, category, locale=<unrepresentable>, /)\n--\n\nActivates/queries "
     "locale processing."},
    {"localeconv", NOARGS(locale_localeconv),
     "localeconv($module, /)\n--\n\nReturns numeric and monetary locale-specific parameters."},
    {"strcoll", FASTCALL(locale_strcoll),
     "strcoll($module, os1, os2, /)\n--\n\nCompares two strings according to the locale."},
    {"strxfrm", METH_O(locale_strxfrm),
     "strxfrm($module, string, /)\n--\n\nReturn a string that can be used as a key for "
     "locale-aware comparisons."},
    {"getencoding", NOARGS(locale_getencoding),
     "getencoding($module, /)\n--\n\nGet the current locale encoding."},
    {"nl_langinfo", METH_O(locale_nl_langinfo),
     "nl_langinfo($module, key, /)\n--\n\nReturn the value for the locale information "
     "associated with key."},
    {"gettext", METH_O(locale_gettext),
     "gettext($module, msg, /)\n--\n\ngettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", FASTCALL(locale_dgettext),
     "dgettext($module, domain, msg, /)\n--\n\ndgettext(domain, msg) -> string\n\nReturn "
     "translation of msg in domain."},
    {"dcgettext", FASTCALL(locale_dcgettext),
     "dcgettext($module, domain, msg, category, /)\n--\n\nReturn translation of msg in domain "
     "and category."},
    {"textdomain", METH_O(locale_textdomain),
     "textdomain($module, domain, /)\n--\n\nSet the C library's textdmain to domain, returning "
     "the new domain."},
    {"bindtextdomain", FASTCALL(locale_bindtextdomain),
     "bindtextdomain($module, domain, dir, /)\n--\n\nBind the C library's domain to dir."},
    {"bind_textdomain_codeset", FASTCALL(locale_bind_textdomain_codeset),
     "bind_textdomain_codeset($module, domain, codeset, /)\n--\n\nBind the C library's domain "
     "to codeset."},
    {nullptr, nullptr, 0, nullptr}};

int locale_exec(Object* m) {
  const std::pair<const char*, long> consts[] = {
      {"LC_CTYPE", LC_CTYPE},   {"LC_TIME", LC_TIME},       {"LC_COLLATE", LC_COLLATE},
      {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC},
      {"LC_ALL", LC_ALL},       {"CHAR_MAX", CHAR_MAX},
  };
  for (auto& c : consts) {
    Ref<> v = Ref<>::steal(long_from_long(c.second));
    if (!v || module_add_object_ref(m, c.first, v.get()) < 0) return -1;
  }
  if (!locale_error) {
    locale_error = new_exception("locale.Error", nullptr, nullptr);
    if (!locale_error) return -1;
  }
  if (module_add_object_ref(m, "Error", locale_error) < 0) return -1;
  for (const auto& e : kLangInfo) {
    Ref<> v = Ref<>::steal(long_from_long(e.second));
    if (!v || module_add_object_ref(m, e.first, v.get()) < 0) return -1;
  }
  return 0;
}

ModuleDef locale_def = {"_locale", "Support for POSIX locales.", locale_methods, locale_exec};

}  // namespace

ModuleDef* module_def() { return &locale_def; }

}  // namespace cppy::modules::_locale
