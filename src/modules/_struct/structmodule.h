// The _struct module: Modules/_struct.c. Struct objects compile a format once (sizes,
// alignments, item counts); the module functions keep a cache of them by format.
#pragma once

#include <cstdint>

#include "modules/moduledef.h"

namespace cppy::modules::struct_ {

ModuleDef* module_def();

// PyFloat_Pack2 / PyFloat_Unpack2 (IEEE 754 half precision, round half to even): false on
// overflow (OverflowError "float too large to pack with e format").
bool float_pack2(double x, unsigned char* p, bool little_endian);
double float_unpack2(const unsigned char* p, bool little_endian);

// The number of items a Struct packs (s_len; _testbuffer's get_nmemb).
objects::ssize struct_item_count(Object* s);

}  // namespace cppy::modules::struct_
