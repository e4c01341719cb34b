# src/compile's opcode tables: the generated files agree with tools/opcodes/instructions.def,
# and the unit tests find the reference data of tests/data/opcodes and tests/data/compile.
add_test(NAME opcodes.generated
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/opcodes/gen_opcodes.py --check)
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_TEST_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
# ... and with the standard library's Lib/_opcode_metadata.py (what dis and opcode read).
add_test(NAME opcodes.stdlib_metadata
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/opcodes/check_stdlib_metadata.py
                 ${CPPY_STDLIB_BUILD_DIR}/_opcode_metadata.py)
