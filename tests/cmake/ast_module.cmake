# The _ast module (src/ast/python_ast*.cpp, Python/Python-ast.c): the node classes cppy makes
# at run time are the reference's (tests/data/ast/node_set.txt). The Python-level cases are
# tests/py/ast.
add_test(NAME ast.runtime_node_set
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/check_runtime_node_set.py
                 $<TARGET_FILE:cppy>)

# ast.dump(ast.parse(src), include_attributes=True) run on cppy (Lib/ast.py over the _ast
# objects of PyCF_ONLY_AST) for every standard-library file, against the reference's digests
# (tests/data/parity/stdlib.tsv, second column). Fails below the figure.
set(CPPY_AST_DUMP_PARITY_MIN 559)
add_test(NAME ast.stdlib_dump_parity
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/ast_dump_parity.py
                 $<TARGET_FILE:cppy> ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_SOURCE_DIR}/tests/data/parity/stdlib.tsv ${CPPY_AST_DUMP_PARITY_MIN})

# compile(ast.parse(src)) on cppy (obj2ast and validation over every node of the stdlib, then
# the compiler) against the reference's code-object digests (third column). The figure is the
# compiler's own (codegen.stdlib_parity from source): the trees lose nothing on the way.
set(CPPY_CODE_FROM_AST_PARITY_MIN 559)
add_test(NAME ast.stdlib_code_from_ast_parity
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/parity/ast_dump_parity.py
                 $<TARGET_FILE:cppy> ${CMAKE_BINARY_DIR}/lib/python3.14
                 ${CMAKE_SOURCE_DIR}/tests/data/parity/stdlib.tsv ${CPPY_CODE_FROM_AST_PARITY_MIN}
                 --code-from-ast)
