// The _hashlib module: Modules/_hashopenssl.c over OpenSSL 3 (HASH, HASHXOF and HMAC objects,
// new and the openssl_* constructors, pbkdf2_hmac, scrypt, hmac_digest / hmac_new,
// compare_digest, get_fips_mode, openssl_md_meth_names).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::_hashlib {

ModuleDef* module_def();

}  // namespace cppy::modules::_hashlib
