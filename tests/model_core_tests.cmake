# The detector itself: model file, training, scoring (small synthetic data, a few minutes on 2 cores).
utad_add_test(test_model_file SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_model_file.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 180)
utad_add_test(test_training SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_training.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
utad_add_test(test_scoring SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_scoring.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
# The scoring suite checks internal map functions too.
target_include_directories(test_scoring PRIVATE ${PROJECT_SOURCE_DIR}/model/src)
# Inference shortcuts against the trained layers; network_checks.cpp holds the LibTorch side.
utad_add_test(test_networks SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_networks.cpp
              ${CMAKE_CURRENT_LIST_DIR}/network_checks.cpp ${CMAKE_CURRENT_LIST_DIR}/network_checks.h
              LIBS utad_model ${TORCH_LIBRARIES} TIMEOUT 120)
target_include_directories(test_networks PRIVATE ${PROJECT_SOURCE_DIR}/model/src)
target_include_directories(test_networks SYSTEM PRIVATE ${TORCH_INCLUDE_DIRS})
utad_add_test(test_tiling SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_tiling.cpp
              ${CMAKE_CURRENT_LIST_DIR}/synthetic_textures.h LIBS utad_model TIMEOUT 240)
