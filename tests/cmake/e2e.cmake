# Real-program parity (tests/py/programs holds the programs; these are the edges the oracle's
# runner cannot show, such as exit statuses decided at interpreter shutdown).

# flush_std_files leaves a closed sys.stdout alone: `python -m json.tool` closes it (`with
# outfile:`) and exits with status 0, not 120.
add_test(NAME e2e.closed_stdout_status
         COMMAND $<TARGET_FILE:cppy> -c "import sys; exec('with sys.stdout: print(1)')")
set_tests_properties(e2e.closed_stdout_status PROPERTIES LABELS "e2e" TIMEOUT 60)
