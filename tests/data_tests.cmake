# Datasets, metrics, evaluation and the `utad` command line.
utad_add_test(test_dataset SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_dataset.cpp LIBS utad_model TIMEOUT 120)
utad_add_test(test_metrics SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_metrics.cpp LIBS utad_model TIMEOUT 60)
utad_add_test(test_evaluation SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_evaluation.cpp LIBS utad_model TIMEOUT 300)
# Runs the `utad` program itself: a tiny train -> eval -> infer round trip on the bundled sample.
utad_add_test(test_cli SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_cli.cpp LIBS Qt6::Core ${OpenCV_LIBS} TIMEOUT 900)
target_compile_definitions(test_cli PRIVATE UTAD_CLI="$<TARGET_FILE:utad>")
add_dependencies(test_cli utad)
# test_synthetic, the synthetic-defect generator's suite, is registered beside it in bench/.
