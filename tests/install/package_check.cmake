# Builds the Debian package with cpack and checks its control data and contents, then unpacks it
# and runs the packaged programs.
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DDPKG_DEB=... -DVERSION=... -P package_check.cmake
cmake_minimum_required(VERSION 3.22)
get_filename_component(SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
get_filename_component(cmake_bin_dir "${CMAKE_COMMAND}" DIRECTORY)
run_ok(out "${cmake_bin_dir}/cpack" --config "${BUILD_DIR}/CPackConfig.cmake" -B "${WORK_DIR}")
file(GLOB debs "${WORK_DIR}/*.deb")
list(LENGTH debs n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected one .deb in ${WORK_DIR}, found ${n}:\n${out}")
endif()

run_ok(info "${DPKG_DEB}" --field "${debs}" Package Version Depends Recommends)
expect_line("${info}" "Package: utad-workbench")
expect_line("${info}" "Version: ${VERSION}")
# Found by dpkg-shlibdeps from the linked libraries, plus the Qt platform plugins loaded at run time.
foreach(dependency libtorch libqt6widgets6 libopencv-core libopencv-imgcodecs
                   libqcustomplot libstdc\\+\\+6 qt6-qpa-plugins)
  if(NOT info MATCHES "\nDepends:[^\n]*${dependency}")
    message(FATAL_ERROR "the package does not depend on ${dependency}:\n${info}")
  endif()
endforeach()

set(root "${WORK_DIR}/root")
run_ok(out "${DPKG_DEB}" -x "${debs}" "${root}")
check_installed_tree("${root}/usr" "${SOURCE_DIR}" "${VERSION}")
check_programs_run("${root}/usr/bin" "${VERSION}")
message(STATUS "${debs}:\n${info}")
