# The _sre module (src/modules/_sre): the generated opcode header agrees with the standard
# library's re/_constants.py, and the engine tests find the reference cases of tests/data/sre.
add_test(NAME sre.constants_generated
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/sre/gen_constants.py
                 ${CPPY_STDLIB_BUILD_DIR}/re/_constants.py --check)
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_SRE_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data/sre")
