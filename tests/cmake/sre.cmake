# The _sre module (src/modules/_sre): the generated opcode header agrees with the standard
# library's re/_constants.py, and the engine tests find the reference cases of tests/data/sre.
add_test(NAME sre.constants_generated
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/sre/gen_constants.py
                 ${CPPY_STDLIB_BUILD_DIR}/re/_constants.py --check)
target_compile_definitions(cppy_unit_tests PRIVATE
                           CPPY_SRE_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data/sre")
# The reference data agree with what the probes give on the reference.
add_test(NAME sre.cases_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/sre/gen_cases.py --check)
set_tests_properties(sre.cases_check PROPERTIES LABELS "oracle;sre" TIMEOUT 300)
# The re cases of tests/py (stdlib/re_*.py) run by cppy through a stand-in importer of the
# standard library's source modules (tools/sre/srcimport.py), until `import re` works from
# source: the re package itself on cppy's _sre, against the reference's outputs.
add_test(NAME sre.re_cases_via_srcimport
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/sre/run_re_cases.py
                 --cppy $<TARGET_FILE:cppy> --lib ${CPPY_STDLIB_BUILD_DIR})
set_tests_properties(sre.re_cases_via_srcimport PROPERTIES LABELS "sre" TIMEOUT 600)
