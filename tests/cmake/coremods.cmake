# Start-up modules (_thread, _warnings, _contextvars, atexit, _abc, _stat, _string): the reference
# values of tests/data/coremods agree with the oracle and the host's 64-bit CPython (runs node and
# tools/oracle's packages).
add_test(NAME coremods.expectations_check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/coremods/gen_expected.py --check)
set_tests_properties(coremods.expectations_check PROPERTIES LABELS "oracle;modules" TIMEOUT 300)
# Real threads under the GIL: cppy prints what the host's CPython printed for threads.py.
add_test(NAME coremods.threads
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/coremods/run_threads.py
                 --cppy $<TARGET_FILE:cppy>)
set_tests_properties(coremods.threads PROPERTIES LABELS "modules" TIMEOUT 120)
