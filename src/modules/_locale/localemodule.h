// The _locale module: Modules/_localemodule.c (setlocale, localeconv, nl_langinfo, strcoll,
// strxfrm, getencoding, the gettext functions, the LC_* and langinfo constants).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_locale {

ModuleDef* module_def();

}  // namespace cppy::modules::_locale
