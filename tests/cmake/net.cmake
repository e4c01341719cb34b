# Profiling and tracing tools on the stdlib (_lsprof, _tracemalloc, readline).

# `cppy -m cProfile script.py`: the counts of tests/py/stdlib/cprofile_mod.py's in-process
# cProfile.main() run of the same program (reference output), through the command line.
add_test(NAME cli.cprofile_script
         COMMAND $<TARGET_FILE:cppy> -m cProfile -s ncalls
                 ${CMAKE_SOURCE_DIR}/tests/py/stdlib/data/cprofile_workload.py)
set_tests_properties(cli.cprofile_script PROPERTIES LABELS "cli" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "workload \\(285, \\[0, 1, 1, 2, 3, 5, 8, 13, 3\\]\\)\n +122 function calls \\(30 primitive calls\\) in [0-9.]+ seconds.*100/8 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ [^\n]*cprofile_workload.py:3\\(fib\\)")

# Tracing from the start (config_init_tracemalloc): -X tracemalloc[=N] and PYTHONTRACEMALLOC,
# with CPython's fatal error for a bad number (the host CPython prints the same).
add_test(NAME cli.tracemalloc_xoption
         COMMAND $<TARGET_FILE:cppy> -X tracemalloc=3 -c
                 "import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())")
set_tests_properties(cli.tracemalloc_xoption PROPERTIES LABELS "cli" TIMEOUT 60
                     PASS_REGULAR_EXPRESSION "^True 3\n$")
add_test(NAME cli.tracemalloc_env
         COMMAND ${CMAKE_COMMAND} -E env PYTHONTRACEMALLOC=2 $<TARGET_FILE:cppy> -c
                 "import tracemalloc; print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())")
set_tests_properties(cli.tracemalloc_env PROPERTIES LABELS "cli" TIMEOUT 60
                     PASS_REGULAR_EXPRESSION "^True 2\n$")
add_test(NAME cli.tracemalloc_bad_nframe
         COMMAND $<TARGET_FILE:cppy> -X tracemalloc=x -c pass)
set_tests_properties(cli.tracemalloc_bad_nframe PROPERTIES LABELS "cli" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "^Fatal Python error: config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames\nPython runtime state: preinitialized\n")

# LeakSanitizer (issue 4's memory management). The asan preset runs every test with
# ASAN_OPTIONS=detect_leaks=1 (CMakePresets.json) and excludes the label asan_slow: the four
# number_parity cases loop over 40 000 to 100 000 inputs each: 60 to 90 s of CPU apiece under
# ASan, 10 to 20 minutes of wall time on the shared two-core machine (a full LeakSanitizer run of
# the four: `tools/lsan/check_leaks.py --cppy build/asan/bin/cppy --timeout 1500
# tests/py/numbers/number_parity_*.py`, clean on 2026-11-29). In their place the asan build runs each one shortened (tools/lsan/short_case.py:
# the same inputs, a twentieth of them, whose digests are the first lines of NAME.out) with leak
# detection on, so the code they exercise stays leak-checked; the release suite runs them in full.
# Every other tests/py and tests/host case runs in full, with a longer limit than the release
# suite's 60 s (ASan makes a case several times slower): CPPY_CASE_TIMEOUT is read by
# tests/py/run_case.py and tools/hostdata/host_cases.py.
if(CPPY_SANITIZE)
  foreach(case ${CPPY_PY_CASES})
    if(NOT case MATCHES "^run_case\\.py$|^check_oracle_lock\\.py$|(^|/)_|/data/")
      string(REGEX REPLACE "\\.py$" "" name ${case})
      if(TEST py.${name})
        set_tests_properties(py.${name} PROPERTIES TIMEOUT 900 ENVIRONMENT "CPPY_CASE_TIMEOUT=850")
      endif()
    endif()
  endforeach()
  foreach(case ${CPPY_HOST_CASES})
    string(REGEX REPLACE "\\.py$" "" name ${case})
    if(TEST host.${name})
      set_tests_properties(host.${name} PROPERTIES TIMEOUT 900 ENVIRONMENT "CPPY_CASE_TIMEOUT=850")
    endif()
  endforeach()
  # The tests that run cppy over the whole standard library (559 files) or over every tests/py
  # case in one process take 15 to 60 minutes under ASan on the loaded two-core machine
  # (ast.stdlib_dump_parity: 1024 s on 2026-11-29), beyond the preset's 900 s: an hour each, and
  # vm.pyc_cases gives each case the tests/py limit. Deferred to the end of the directory: the
  # fragments defining parser.*, tokenizer.* and vm.* are included after this one.
  function(cppy_net_asan_long_tests)
    foreach(name ast.stdlib_dump_parity ast.stdlib_code_from_ast_parity codegen.stdlib_parity
                 parser.ast_parity tokenizer.stdlib_parity ast.symtable_parity vm.pyc_cases)
      if(TEST ${name})
        set_tests_properties(${name} PROPERTIES TIMEOUT 3600 ENVIRONMENT "CPPY_CASE_TIMEOUT=850")
      endif()
    endforeach()
    # front.deep_nesting parses 100 000-bracket and 1 MB sources in one cppy run: over 900 s
    # under ASan on the loaded machine (2026-11-30); the script's own limit for that run follows.
    if(TEST front.deep_nesting)
      set_tests_properties(front.deep_nesting PROPERTIES TIMEOUT 3600
                           ENVIRONMENT "CPPY_DEEP_NESTING_TIMEOUT=3500")
    endif()
    # tests/stack (tests/cmake/dec.cmake) builds and frees 10**6-deep structures eleven times:
    # about a minute each under ASan on the loaded machine, over the release limit of 300 s.
    foreach(case ${CPPY_STACK_CASES})
      string(REGEX REPLACE "\\.py$" "" name ${case})
      if(TEST stack.${name})
        set_tests_properties(stack.${name} PROPERTIES TIMEOUT 3600)
      endif()
    endforeach()
  endfunction()
  cmake_language(DEFER CALL cppy_net_asan_long_tests)
  # Two host cases test what ASan itself replaces, so the asan preset leaves them out (label
  # asan_incompatible): memory_limits asks for 2**62-byte blocks, which ASan's allocator refuses
  # with a report on stderr (allocation-size-too-big) instead of returning NULL for the
  # MemoryError; pymalloc_env checks pymalloc's statistics, and a sanitizer build allocates with
  # the system malloc.
  foreach(name memory_limits pymalloc_env)
    if(TEST host.${name})
      set_property(TEST host.${name} APPEND PROPERTY LABELS "asan_incompatible")
    endif()
  endforeach()
  foreach(name number_parity_bigint number_parity_floats number_parity_ints number_parity_ints2)
    set_tests_properties(py.numbers/${name} PROPERTIES LABELS "asan_slow")
    add_test(NAME lsan.${name}
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/lsan/short_case.py
                     --cppy $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/py/numbers/${name}.py)
    set_tests_properties(lsan.${name} PROPERTIES LABELS "lsan" TIMEOUT 900)
  endforeach()
endif()
