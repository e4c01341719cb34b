# The interpreter core (code, function, cell, frame and generator objects, bytes, marshal, the
# eval loop, builtins) is built on the object core of src/objects (types, dict, tuple, list,
# exceptions, calls). Until that core is on main, the interpreter's sources stay out of the
# build. CPPY_VM_HOLD keeps them out even then, until they have been checked against the
# object core that landed (configure with -DCPPY_VM_HOLD=OFF to try).
if(NOT DEFINED CPPY_VM_HOLD)
  set(CPPY_VM_HOLD ON)
endif()
if(EXISTS ${PROJECT_SOURCE_DIR}/src/objects/dictobject.cpp
   AND EXISTS ${PROJECT_SOURCE_DIR}/src/objects/exceptions.h
   AND NOT CPPY_VM_HOLD)
  set(CPPY_VM_ENABLED ON)
else()
  set(CPPY_VM_ENABLED OFF)
endif()
