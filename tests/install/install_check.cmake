# Installs the build into a scratch prefix, moves the installed tree elsewhere, and checks that the
# programs run from there and find their sample, translations and desktop files there.
# cmake -DBUILD_DIR=... -DWORK_DIR=... -DPROBE=... -DVERSION=... [-DDESKTOP_FILE_VALIDATE=...]
#       [-DAPPSTREAMCLI=...] -P install_check.cmake
cmake_minimum_required(VERSION 3.22)
get_filename_component(SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)

file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(REAL_PATH "${WORK_DIR}" WORK_DIR)
set(stage "${WORK_DIR}/stage")
set(moved "${WORK_DIR}/moved")

run_ok(out ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${stage}")
check_installed_tree("${stage}" "${SOURCE_DIR}" "${VERSION}")

set(desktop_files "")
file(GLOB desktop_files "${stage}/share/applications/*.desktop")
file(GLOB metainfo_files "${stage}/share/metainfo/*.metainfo.xml")
if(DESKTOP_FILE_VALIDATE)
  run_ok(out "${DESKTOP_FILE_VALIDATE}" ${desktop_files})
endif()
if(APPSTREAMCLI)
  run_ok(out "${APPSTREAMCLI}" validate --no-net ${metainfo_files})
endif()

# Nothing may point back into the build or the source tree: move the installed tree and run it.
file(RENAME "${stage}" "${moved}")
check_programs_run("${moved}/bin" "${VERSION}")

file(COPY "${PROBE}" DESTINATION "${moved}/bin")
get_filename_component(probe_name "${PROBE}" NAME)
run_ok(out "${moved}/bin/${probe_name}")
set(data "${moved}/share/utad-workbench")
expect_line("${out}" "data=${data}")
expect_line("${out}" "sample=${data}/samples/battery-weld")
expect_line("${out}" "models=${data}/models")
expect_line("${out}" "translations=${data}/translations")
expect_line("${out}" "loaded=de")
if(NOT out MATCHES "languages=en [^\n]*de" OR NOT out MATCHES "languages=en [^\n]*zh_CN")
  message(FATAL_ERROR "the installed translations are not offered:\n${out}")
endif()
if(NOT out MATCHES "\ntext=[^\n]+" OR out MATCHES "\ntext=Language Changed")
  message(FATAL_ERROR "the installed German translation was not used:\n${out}")
endif()
# The workbench follows the system locale with the installed catalogues: its own (the description
# line) and Qt's (the "Options" heading). A scratch settings folder keeps any saved choice out.
foreach(lang en_US de_DE zh_CN)
  run_ok(help_${lang} ${CMAKE_COMMAND} -E env --unset=LANGUAGE --unset=LC_ALL --unset=LC_MESSAGES
         LANG=${lang}.UTF-8 XDG_CONFIG_HOME=${WORK_DIR}/config "${moved}/bin/utad-workbench" --help)
endforeach()
string(REGEX MATCH "\n[^\n]+" description_en "${help_en_US}")
foreach(lang de_DE zh_CN)
  string(REGEX MATCH "\n[^\n]+" description "${help_${lang}}")
  if(description STREQUAL description_en)
    message(FATAL_ERROR "LANG=${lang}: the workbench did not load its translation:\n${help_${lang}}")
  endif()
endforeach()
if(NOT help_de_DE MATCHES "Optionen" OR NOT help_zh_CN MATCHES "选项")
  message(FATAL_ERROR "Qt's own translations were not loaded:\n${help_de_DE}\n${help_zh_CN}")
endif()

message(STATUS "installed tree in ${moved}: programs run, data and translations found")
