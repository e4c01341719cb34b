# The interpreter core (src/vm, src/marshal, code/function/frame objects): unit tests in
# tests/vm, the tests/py cases run from the reference's .pyc files, and the check that
# tools/pycdata reproduces tests/data/pyc and tests/data/marshal.
file(GLOB CPPY_VM_TEST_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/vm/*_test.cpp)
target_sources(cppy_unit_tests PRIVATE ${CPPY_VM_TEST_SOURCES})
target_compile_definitions(cppy_unit_tests PRIVATE
                             CPPY_VM_DATA_DIR="${CMAKE_SOURCE_DIR}/tests/data")
add_test(NAME vm.pyc_data_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/pycdata/gen_pyc.py --check)
set_tests_properties(vm.pyc_data_generator PROPERTIES TIMEOUT 120)
# The tests/py cases run from the reference's .pyc files: every case listed in
# tests/data/pyc/passing.txt must still pass; the summary line gives the count.
add_test(NAME vm.pyc_cases
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/pycdata/run_pyc_cases.py
                 --cppy $<TARGET_FILE:cppy> --expect ${CMAKE_SOURCE_DIR}/tests/data/pyc/passing.txt)
set_tests_properties(vm.pyc_cases PROPERTIES TIMEOUT 900)
