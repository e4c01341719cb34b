# The cppy command (src/cli, src/vm/pythonrun.cpp): the interactive prompt and -m unittest.

# Prompt sessions: tests/cli/repl/NAME.in piped to `cppy -q -i`, compared with NAME.expected.
file(GLOB CPPY_REPL_CASES ${CMAKE_SOURCE_DIR}/tests/cli/repl/*.in)
add_test(NAME cli.repl_sessions
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cli/repl_case.py
                 --cppy $<TARGET_FILE:cppy> ${CPPY_REPL_CASES})
set_tests_properties(cli.repl_sessions PROPERTIES LABELS "cli" TIMEOUT 120)
# The expected sessions are what CPython's basic REPL (python3) prints for the same input.
add_test(NAME cli.repl_reference
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cli/repl_case.py --check
                 ${CPPY_REPL_CASES})
set_tests_properties(cli.repl_reference PROPERTIES LABELS "cli;reference" TIMEOUT 120)

# `cppy -m unittest discover` over the tree tests/py/modules/unittest_discover.py runs in
# process (whose output the reference gave): the same counts through the command line.
add_test(NAME cli.unittest_discover
         COMMAND $<TARGET_FILE:cppy> -m unittest discover
                 -s ${CMAKE_SOURCE_DIR}/tests/py/modules/data/discover_tree)
set_tests_properties(cli.unittest_discover PROPERTIES LABELS "cli" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "Ran 7 tests in [0-9.]+s\n\nFAILED \\(failures=2, errors=1, skipped=1, expected failures=1\\)")


# Strings interned during static initialisation get the hash key of PYTHONHASHSEED too.
add_test(NAME cli.hash_seed_interned
         COMMAND $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/cli/hash_seed_check.py)
set_tests_properties(cli.hash_seed_interned PROPERTIES LABELS "cli" TIMEOUT 60
                     ENVIRONMENT "PYTHONHASHSEED=12345")
add_test(NAME cli.hash_random_interned
         COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONHASHSEED
                 $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/cli/hash_seed_check.py)
set_tests_properties(cli.hash_random_interned PROPERTIES LABELS "cli" TIMEOUT 60)

# UTF-8 mode (Python/preconfig.c) and the encodings of the standard streams and of open()
# under the C, POSIX and C.UTF-8 locales, -X utf8, PYTHONUTF8, PYTHONIOENCODING and -E:
# compared with python3 (CPython 3.11, whose rules for these are 3.14's) at test time.
add_test(NAME cli.utf8_mode
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cli/env_case.py
                 --cppy $<TARGET_FILE:cppy> --probe locale)
set_tests_properties(cli.utf8_mode PROPERTIES LABELS "cli;reference" TIMEOUT 120)
# PYTHONPATH's entries in sys.path (Modules/getpath.py), with -E, -I and -s, against python3.
add_test(NAME cli.pythonpath
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cli/env_case.py
                 --cppy $<TARGET_FILE:cppy> --probe path
         WORKING_DIRECTORY ${CMAKE_BINARY_DIR})
set_tests_properties(cli.pythonpath PROPERTIES LABELS "cli;reference" TIMEOUT 120)

# -X importtime[=2] and PYTHONPROFILEIMPORTTIME: the rows' form, nesting, cached rows, and the
# fatal errors for reserved values (tests/cli/importtime_check.py).
add_test(NAME cli.importtime
         COMMAND $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/cli/importtime_check.py)
set_tests_properties(cli.importtime PROPERTIES LABELS "cli" TIMEOUT 60)
