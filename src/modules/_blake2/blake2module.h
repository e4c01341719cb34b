// The _blake2 module: Modules/blake2module.c (blake2b and blake2s with every parameter of the
// BLAKE2 parameter block: key, salt, person, tree hashing). hashlib always takes blake2 from
// here, never from OpenSSL. The hash function itself follows RFC 7693.
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_blake2 {

ModuleDef* module_def();

}  // namespace cppy::modules::_blake2
