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
# The eval loop's cases: src/vm/generated_cases.inc and generated_targets.inc are what
# tools/opcodes/gen_cases.py writes from src/vm/bytecodes.inst (a hand edit of the output, or a
# description edited without rerunning the generator, fails), and the description agrees with
# instructions.def (one entry per instruction, declared caches and stack effects).
add_test(NAME opcodes.cases
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/opcodes/gen_cases.py --check)
# ... and those checks catch a missing or duplicated body and a wrong stack effect.
add_test(NAME opcodes.cases_self_test
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/opcodes/gen_cases.py --self-test)
