# posix (src/modules/posix): what the reference (pyodide, without fork, exec, pipes or
# signals) cannot run is compared with the host's CPython: tests/data/posix/*.py must print
# the same under python3 and cppy (tools/posix/compare_host.py). The file-system cases are
# tests/py/os.
add_test(NAME posix.host_comparison
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/posix/compare_host.py
                 --cppy $<TARGET_FILE:cppy>)
set_tests_properties(posix.host_comparison PROPERTIES LABELS "posix" TIMEOUT 300)
