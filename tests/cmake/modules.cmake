# Native modules (src/modules, src/sys, src/imp): the generated stdlib module names agree with
# the reference (runs the oracle: needs node and tools/oracle's packages).
add_test(NAME modules.stdlib_names_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/modules/gen_stdlib_names.py --check)
set_tests_properties(modules.stdlib_names_check PROPERTIES LABELS "oracle;modules" TIMEOUT 300)
