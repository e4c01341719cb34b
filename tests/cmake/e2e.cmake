# Real-program parity (tests/py/programs holds the programs; these are the edges the oracle's
# runner cannot show, such as exit statuses decided at interpreter shutdown).

# flush_std_files leaves a closed sys.stdout alone: `python -m json.tool` closes it (`with
# outfile:`) and exits with status 0, not 120.
add_test(NAME e2e.closed_stdout_status
         COMMAND $<TARGET_FILE:cppy> -c "import sys; exec('with sys.stdout: print(1)')")
set_tests_properties(e2e.closed_stdout_status PROPERTIES LABELS "e2e" TIMEOUT 60)

# -O/-OO/PYTHONOPTIMIZE reach compile() (optimize=-1 is the interpreter's level), -X dev and
# PYTHONDEVMODE set sys.flags.dev_mode, and sys.warnoptions is ordered as CPython orders it;
# compared with python3 (CPython 3.11, whose rules for these are 3.14's).
add_test(NAME e2e.startup_flags
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cli/env_case.py
                 --cppy $<TARGET_FILE:cppy> --probe flags)
set_tests_properties(e2e.startup_flags PROPERTIES LABELS "e2e;reference" TIMEOUT 120)

# The CJK codecs' mapping tables (src/modules/cjkcodecs/mappings.cpp) are what
# tools/cjkcodecs/gen_tables.py makes of the reference's tables in tools/cjkcodecs/data.
add_test(NAME e2e.cjkcodecs_tables
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/cjkcodecs/gen_tables.py --check)
set_tests_properties(e2e.cjkcodecs_tables PROPERTIES LABELS "e2e" TIMEOUT 120)
