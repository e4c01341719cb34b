# Provision CPython 3.14.2's pure-Python standard library as lib/python3.14 in the build tree.
#
# By default it comes from python_stdlib.zip in the npm package pyodide@314.0.7, pinned by
# tools/oracle/package-lock.json and by the SHA-256 below. CPPY_STDLIB_DIR points at another
# CPython 3.14 Lib/ directory instead. The library is never committed.

set(CPPY_STDLIB_ZIP_SHA256 "fa1957e5777068fc4f7437f96d860ae2fbe9c19732ba06c84e004ec16dd7dd7a")
set(CPPY_ORACLE_DIR ${CMAKE_SOURCE_DIR}/tools/oracle)
set(CPPY_STDLIB_STAMP ${CMAKE_BINARY_DIR}/lib/.stdlib-stamp)

# sysconfig's build-time variables (_sysconfigdata_{abiflags}_{platform}_{multiarch}, named
# from sys.implementation._multiarch): generated here, copied into the library by the install
# script (which empties the library directory first).
set(CPPY_SYSCONFIGDATA ${CMAKE_BINARY_DIR}/generated/_sysconfigdata__linux_x86_64-linux-gnu.py)
configure_file(${CMAKE_SOURCE_DIR}/cmake/sysconfigdata.py.in ${CPPY_SYSCONFIGDATA} @ONLY)

add_custom_command(
  OUTPUT ${CPPY_STDLIB_STAMP}
  COMMAND ${CMAKE_COMMAND}
          -DORACLE_DIR=${CPPY_ORACLE_DIR}
          -DSTDLIB_SOURCE_DIR=${CPPY_STDLIB_DIR}
          -DZIP_SHA256=${CPPY_STDLIB_ZIP_SHA256}
          -DDEST=${CPPY_STDLIB_BUILD_DIR}
          -DSTAMP=${CPPY_STDLIB_STAMP}
          -DSYSCONFIGDATA=${CPPY_SYSCONFIGDATA}
          -P ${CMAKE_SOURCE_DIR}/cmake/install_stdlib.cmake
  DEPENDS ${CPPY_ORACLE_DIR}/package-lock.json ${CMAKE_SOURCE_DIR}/cmake/install_stdlib.cmake
          ${CPPY_SYSCONFIGDATA}
  COMMENT "Installing the CPython 3.14.2 standard library into lib/python3.14"
  VERBATIM)
add_custom_target(stdlib ALL DEPENDS ${CPPY_STDLIB_STAMP})


# The library's bytecode, as CPython's `make install` writes it (Makefile.pre.in's libinstall:
# compileall with the same exclusions): without it every run under PYTHONDONTWRITEBYTECODE, or
# from a read-only install, parses and compiles each module it imports. Rewritten (-f) whenever
# cppy is relinked, so the .pyc files always come from the compiler of this build. Under the
# asan preset LeakSanitizer checks this run as it checks the tests (CMakePresets.json): a
# reference leaked while compiling the whole library fails the build.
set(CPPY_STDLIB_PYC_STAMP ${CMAKE_BINARY_DIR}/lib/.stdlib-pyc-stamp)
add_custom_command(
  OUTPUT ${CPPY_STDLIB_PYC_STAMP}
  COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
          $<TARGET_FILE:cppy> -E -s -m compileall -q -f -x "bad_coding|badsyntax|site-packages"
          ${CPPY_STDLIB_BUILD_DIR}
  COMMAND ${CMAKE_COMMAND} -E touch ${CPPY_STDLIB_PYC_STAMP}
  DEPENDS cppy ${CPPY_STDLIB_STAMP}
  COMMENT "Compiling the standard library to bytecode (compileall)"
  VERBATIM)
add_custom_target(stdlib_bytecode ALL DEPENDS ${CPPY_STDLIB_PYC_STAMP})
