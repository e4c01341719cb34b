# The compiler (src/compile codegen*, compile, ast_preprocess): code-object parity with CPython
# 3.14.2 on the standard library (tests/data/parity/stdlib.tsv, third column): fails below the
# committed figure.
set(CPPY_CODEGEN_PARITY_MIN 549)
set(CPPY_CODEGEN_TOOL_EXTRA)
# Until the object core is in the tree, the stand-ins of tests/ast link the tool.
if(NOT (EXISTS ${CMAKE_SOURCE_DIR}/src/errors/errors.cpp AND
        EXISTS ${CMAKE_SOURCE_DIR}/src/objects/exceptions.h AND
        EXISTS ${CMAKE_SOURCE_DIR}/src/objects/abstract.h))
  set(CPPY_CODEGEN_TOOL_EXTRA ${CMAKE_CURRENT_SOURCE_DIR}/ast/stubs/core_stubs.cpp)
endif()
add_executable(codegen_parity ${CMAKE_CURRENT_SOURCE_DIR}/compile/codegen_parity.cpp
               ${CPPY_CODEGEN_TOOL_EXTRA})
target_link_libraries(codegen_parity PRIVATE cppy_core)
if(EXISTS ${CMAKE_SOURCE_DIR}/src/errors/errors.cpp)
  target_compile_definitions(codegen_parity PRIVATE CPPY_CODEGEN_WITH_CORE=1)
endif()
add_dependencies(codegen_parity stdlib)
add_test(NAME codegen.stdlib_parity
         COMMAND codegen_parity ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_CURRENT_SOURCE_DIR}/data/parity/stdlib.tsv ${CPPY_CODEGEN_PARITY_MIN})
