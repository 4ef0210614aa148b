# The anomaly map's colour legend and its one scale, and the exported panel picture.
utad_add_test(test_heat_legend SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_heat_legend.cpp LIBS utad_ui TIMEOUT 60)
