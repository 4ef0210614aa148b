# The workbench's suites: pure view logic on synthetic data, and the real window on the sample.
utad_add_test(test_workbench_views SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workbench_views.cpp LIBS utad_ui TIMEOUT 60)
utad_add_test(test_workbench SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workbench.cpp ${CMAKE_CURRENT_LIST_DIR}/torch_threads.cpp
              LIBS utad_ui ${TORCH_LIBRARIES} TIMEOUT 900)
# torch_threads.cpp reads LibTorch's thread count itself.
target_include_directories(test_workbench SYSTEM PRIVATE ${TORCH_INCLUDE_DIRS})
# The review loop as an engineer meets it: thresholds, masks, loading, stopped training, labels.
utad_add_test(test_review_loop SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_review_loop.cpp LIBS utad_ui TIMEOUT 900)
# The workbench with many images: panels on disk and a few in memory, thumbnails of the rows in
# view, a reopened project without a model, the list's fast sorting.
utad_add_test(test_workbench_scale SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_workbench_scale.cpp LIBS utad_ui TIMEOUT 120)
