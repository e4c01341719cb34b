# The _ast module (src/ast/python_ast*.cpp, Python/Python-ast.c): the node classes cppy makes
# at run time are the reference's (tests/data/ast/node_set.txt). The Python-level cases are
# tests/py/ast.
add_test(NAME ast.runtime_node_set
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/asdl/check_runtime_node_set.py
                 $<TARGET_FILE:cppy>)
