# Datasets, metrics, evaluation and the `utad` command line.
utad_add_test(test_dataset SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dataset.cpp LIBS utad_model TIMEOUT 120)
utad_add_test(test_metrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_metrics.cpp LIBS utad_model TIMEOUT 60)
