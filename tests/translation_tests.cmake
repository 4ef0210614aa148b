# Translations: complete, up to date with the sources, loaded at run time; visible texts use tr().
if(TARGET utad_ui)
  # Only the loader is under test here: build it in, rather than the whole workbench library.
  utad_add_test(test_translations
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_translations.cpp ${PROJECT_SOURCE_DIR}/ui/translation.cpp
    LIBS utad_model Qt6::Widgets TIMEOUT 180)
  target_include_directories(test_translations PRIVATE ${PROJECT_SOURCE_DIR})
  target_compile_definitions(test_translations PRIVATE UTAD_LUPDATE="$<TARGET_FILE:Qt6::lupdate>")
  # The loader test reads the .qm files built into <build>/translations.
  add_dependencies(test_translations utad_translations)
endif()
