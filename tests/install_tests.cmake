# Where the programs find their data when run from the build tree.
utad_add_test(test_paths SOURCES ${CMAKE_CURRENT_LIST_DIR}/test_paths.cpp LIBS utad_model)
if(TARGET utad_translations)
  add_dependencies(test_paths utad_translations)
endif()

# The installed tree and the Debian package: the programs run from where they are installed (even
# after the tree is moved) and find their sample, translations and desktop files there.
if(TARGET utad-workbench)
  add_executable(utad_paths_probe ${CMAKE_CURRENT_LIST_DIR}/paths_probe.cpp ${PROJECT_SOURCE_DIR}/ui/translation.cpp)
  target_include_directories(utad_paths_probe PRIVATE ${PROJECT_SOURCE_DIR})
  target_link_libraries(utad_paths_probe PRIVATE utad_model Qt6::Widgets utad_warnings)
  set_target_properties(utad_paths_probe PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tests)

  find_program(DESKTOP_FILE_VALIDATE desktop-file-validate)
  find_program(APPSTREAMCLI appstreamcli)
  add_test(NAME install_tree COMMAND ${CMAKE_COMMAND}
    -DBUILD_DIR=${CMAKE_BINARY_DIR} -DWORK_DIR=${CMAKE_BINARY_DIR}/tests/install_tree
    -DPROBE=$<TARGET_FILE:utad_paths_probe> -DVERSION=${PROJECT_VERSION}
    -DDESKTOP_FILE_VALIDATE=${DESKTOP_FILE_VALIDATE} -DAPPSTREAMCLI=${APPSTREAMCLI}
    -P ${CMAKE_CURRENT_LIST_DIR}/install/install_check.cmake)
  # `cmake --install` and cpack both write <build>/install_manifest.txt.
  set_tests_properties(install_tree PROPERTIES TIMEOUT 180 RESOURCE_LOCK utad_install
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen")

  find_program(DPKG_DEB dpkg-deb)
  find_program(DPKG_SHLIBDEPS dpkg-shlibdeps)
  if(DPKG_DEB AND DPKG_SHLIBDEPS)
    add_test(NAME package_deb COMMAND ${CMAKE_COMMAND}
      -DBUILD_DIR=${CMAKE_BINARY_DIR} -DWORK_DIR=${CMAKE_BINARY_DIR}/tests/package_deb
      -DDPKG_DEB=${DPKG_DEB} -DVERSION=${PROJECT_VERSION}
      -P ${CMAKE_CURRENT_LIST_DIR}/install/package_check.cmake)
    set_tests_properties(package_deb PROPERTIES TIMEOUT 300 RESOURCE_LOCK utad_install
                         ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
endif()
