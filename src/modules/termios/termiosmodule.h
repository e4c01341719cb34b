// The termios module: Modules/termios.c (tcgetattr, tcsetattr, tcsendbreak, tcdrain, tcflush,
// tcflow, tcgetwinsize, tcsetwinsize, termios.error and the constants of <termios.h>).
#pragma once

#include "modules/moduledef.h"

namespace cppy::modules::termios_ {

ModuleDef* module_def();

}  // namespace cppy::modules::termios_
