# The review loop: thresholds, annotations with undo and persistence, report, retraining.
utad_add_test(test_review_thresholds SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_review_thresholds.cpp LIBS utad_ui TIMEOUT 60)
utad_add_test(test_review_annotations SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_review_annotations.cpp LIBS utad_ui TIMEOUT 60)
utad_add_test(test_review_report SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_review_report.cpp LIBS utad_ui TIMEOUT 400)
