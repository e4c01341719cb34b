// PEP 750 template strings: Objects/templateobject.c (string.templatelib.Template and its
// iterator) and Objects/interpolationobject.c (string.templatelib.Interpolation).
#pragma once

#include "objects/object.h"
#include "objects/typeobject.h"

namespace cppy::objects {

extern TypeObject template_type;       // _PyTemplate_Type
extern TypeObject templateiter_type;   // _PyTemplateIter_Type
extern TypeObject interpolation_type;  // _PyInterpolation_Type

// _PyTemplate_Build: a Template of two tuples (borrowed). New reference.
Object* template_build(Object* strings, Object* interpolations);
// _PyInterpolation_Build: conversion is the FORMAT_VALUE code (0 none, 1 s, 2 r, 3 a);
// arguments borrowed. New reference.
Object* interpolation_build(Object* value, Object* expression, int conversion,
                            Object* format_spec);

// Readies the types and sets Interpolation.__match_args__ (_PyInterpolation_InitTypes).
int init_template_types();

}  // namespace cppy::objects
