# The window at 1280x720 in English, German and Chinese: nothing cut off or pushed out of sight.
utad_add_test(test_window_fit SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_window_fit.cpp LIBS utad_ui TIMEOUT 120)
