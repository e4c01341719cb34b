// The binascii module: Modules/binascii.c (base64, hex with separators as Python/pystrhex.c
// writes them, uu, quoted-printable, crc_hqx, and crc32 from zlib).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::binascii {

ModuleDef* module_def();

}  // namespace cppy::modules::binascii
