# C++ stack depth (issue 6): deep recursion through C++ code ends in RecursionError or
# succeeds, never crashes (the stack-pointer check of Py_EnterRecursiveCall), and freeing
# 10**6-deep structures uses the trashcan (tests/stack/*.py check themselves: exit 0 when
# every case behaved; a crash fails).
file(GLOB CPPY_STACK_CASES CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/tests/stack
     ${CMAKE_SOURCE_DIR}/tests/stack/*.py)
foreach(case ${CPPY_STACK_CASES})
  string(REGEX REPLACE "\\.py$" "" name ${case})
  add_test(NAME stack.${name}
           COMMAND $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/stack/${case})
  set_tests_properties(stack.${name} PROPERTIES LABELS "vm" TIMEOUT 300
                       PASS_REGULAR_EXPRESSION "^.*all deep[^\n]* passed\n$")
endforeach()

# _queue.SimpleQueue across threads (the reference runs no threads): tests/threads/*.py check
# themselves and print "all ... passed".
file(GLOB CPPY_THREAD_CASES CONFIGURE_DEPENDS RELATIVE ${CMAKE_SOURCE_DIR}/tests/threads
     ${CMAKE_SOURCE_DIR}/tests/threads/*.py)
foreach(case ${CPPY_THREAD_CASES})
  string(REGEX REPLACE "\\.py$" "" name ${case})
  add_test(NAME threads.${name}
           COMMAND $<TARGET_FILE:cppy> ${CMAKE_SOURCE_DIR}/tests/threads/${case})
  set_tests_properties(threads.${name} PROPERTIES LABELS "modules" TIMEOUT 120
                       PASS_REGULAR_EXPRESSION "^.*all [^\n]* passed\n$")
endforeach()
