// The str, int and bool entry points most of the object core uses, in one include.
#pragma once

#include "objects/boolobject.h"
#include "objects/longobject.h"
#include "objects/unicodeobject.h"
