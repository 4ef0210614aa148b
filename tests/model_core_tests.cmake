# The detector itself: model file, training, scoring (small synthetic data, a few minutes on 2 cores).
utad_add_test(test_model_file SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_model_file.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 180)
utad_add_test(test_training SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_training.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
utad_add_test(test_scoring SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_scoring.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
# The scoring suite checks internal map functions too.
target_include_directories(test_scoring PRIVATE ${PROJECT_SOURCE_DIR}/model/src)
utad_add_test(test_tiling SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tiling.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
