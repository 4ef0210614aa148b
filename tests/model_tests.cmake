utad_add_test(test_smoke SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_smoke.cpp LIBS utad_model)
