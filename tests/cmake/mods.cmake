# Native modules of the mods engineer (_signal, _json, zlib, _hashlib, _blake2, ...).
# tests/host: modules the reference (pyodide) lacks, compared with the host's CPython
# (tools/hostdata/host_cases.py writes the .out files; hostdata.check fails when one is stale).
file(GLOB CPPY_HOST_CASES CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/tests/host
     ${CMAKE_SOURCE_DIR}/tests/host/*.py)
foreach(case ${CPPY_HOST_CASES})
  string(REGEX REPLACE "\\.py$" "" name ${case})
  add_test(NAME host.${name}
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/hostdata/host_cases.py
                   --cppy $<TARGET_FILE:cppy> ${name})
  set_tests_properties(host.${name} PROPERTIES LABELS "mods" TIMEOUT 120)
endforeach()
add_test(NAME hostdata.check
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/hostdata/host_cases.py --check)
set_tests_properties(hostdata.check PROPERTIES LABELS "mods" TIMEOUT 300)
# termios: the generated constant table agrees with tools/termios/names.txt.
add_test(NAME termios.constants_generator
         COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tools/termios/gen_constants.py --check)
set_tests_properties(termios.constants_generator PROPERTIES LABELS "mods")
