# Runs the `utad-workbench` program itself: help without a display, paths given as plain arguments.
if(TARGET utad-workbench)
  utad_add_test(test_workbench_program SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workbench_program.cpp LIBS utad_ui TIMEOUT 180)
  target_compile_definitions(test_workbench_program PRIVATE UTAD_WORKBENCH="$<TARGET_FILE:utad-workbench>")
  add_dependencies(test_workbench_program utad-workbench)
endif()
