# The interpreter core (code, function, cell, frame and generator objects, bytes, marshal, the
# eval loop, builtins) is built on the object core of src/objects (types, dict, tuple, list,
# exceptions, calls). Until that core is on main, the interpreter's sources stay out of the
# build. -DCPPY_VM_HOLD=ON keeps them out (to build the rest while the core is broken).
if(NOT DEFINED CPPY_VM_HOLD)
  set(CPPY_VM_HOLD OFF)
endif()
if(EXISTS ${PROJECT_SOURCE_DIR}/src/objects/dictobject.cpp
   AND EXISTS ${PROJECT_SOURCE_DIR}/src/objects/exceptions.h
   AND NOT CPPY_VM_HOLD)
  set(CPPY_VM_ENABLED ON)
else()
  set(CPPY_VM_ENABLED OFF)
endif()
