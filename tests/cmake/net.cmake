# Profiling and tracing tools on the stdlib (_lsprof, _tracemalloc, readline).

# `cppy -m cProfile script.py`: the counts of tests/py/stdlib/cprofile_mod.py's in-process
# cProfile.main() run of the same program (reference output), through the command line.
add_test(NAME cli.cprofile_script
         COMMAND $<TARGET_FILE:cppy> -m cProfile -s ncalls
                 ${CMAKE_SOURCE_DIR}/tests/py/stdlib/data/cprofile_workload.py)
set_tests_properties(cli.cprofile_script PROPERTIES LABELS "cli" TIMEOUT 60
  PASS_REGULAR_EXPRESSION "workload \\(285, \\[0, 1, 1, 2, 3, 5, 8, 13, 3\\]\\)\n +122 function calls \\(30 primitive calls\\) in [0-9.]+ seconds.*100/8 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ [^\n]*cprofile_workload.py:3\\(fib\\)")
